import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { validateStory as validate } from '../../testing/story-schema.js';
import { aapZczc, parseAapZczc } from './parse.js';

const read = (text: string) => parseAapZczc(new SourceFile(Buffer.from(text), { name: 'aap.tst' }));

// Invented copy in AAP's marker layout.
const marked = [
  'ZCZC AAP',
  '%A',
  '#Ferry_BC1',
  '$Ferry service resumes to invented island',
  ':(HOBART)',
  '&AAPIS\\Desk',
  '*04000000',
  '@TAS',
  'Ferry services to an invented island resumed on Monday after a week of storms.',
  '',
  '   The operator said all sailings would run to the usual timetable.',
  '',
  'AAP RTV',
  'NNNN',
].join('\r\n');

test('reads the marker header lines: keyword, headline, dateline place, subject, state', () => {
  const story = read(marked);
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    {
      slug: story.slug,
      headline: story.headline,
      dateline: story.dateline,
      subjects: story.subjects,
      body: story.body.map((block) => block.text),
      signoffs: story.signoffs.map((signoff) => [signoff.text, signoff.agencies, signoff.initials]),
      credits: story.credits,
    },
    {
      slug: 'Ferry_BC1',
      headline: 'Ferry service resumes to invented island',
      dateline: { text: '(HOBART)', place: 'HOBART', region: 'TAS', country: null, date: null, credit: null },
      subjects: [{ scheme: 'subj', code: '04000000', name: null }],
      body: [
        'Ferry services to an invented island resumed on Monday after a week of storms.',
        'The operator said all sailings would run to the usual timetable.',
      ],
      signoffs: [['AAP RTV', ['AAP'], ['RTV']]],
      credits: ['AAP'],
    },
  );
});

test('reads News Bites fields: title, abstract, keywords, and the text after TX#', () => {
  const story = read('zczc\nAN#1\nKN#News Bites\nPD#06 June 2016 14:00:00\nKY#ACNB INV.AX\nTI#Invented Ltd keeps its forecast\nAB#Invented Ltd kept its forecast for the year.\nTX#\nInvented Ltd said on Monday it kept its full-year forecast.\n');
  assert.deepStrictEqual(
    [story.headline, story.summary, story.keywords, story.body.map((block) => block.text), story.source.labels.PD],
    [
      'Invented Ltd keeps its forecast',
      'Invented Ltd kept its forecast for the year.',
      ['ACNB', 'INV.AX'],
      ['Invented Ltd said on Monday it kept its full-year forecast.'],
      '06 June 2016 14:00:00',
    ],
  );
});

test('sniffs ZCZC and nothing else, and refuses what holds no message', () => {
  const sniff = (text: string) => aapZczc.sniff(new SourceFile(Buffer.from(text), { name: 'x' })).score;
  assert.deepEqual([sniff(marked), sniff('zczc\nTI#x'), sniff('BERLIN (dpa) - Text.'), sniff('ZCZCX')], [0.9, 0.9, 0, 0]);
  assert.throws(() => read('ZCZC AAP\n%A\nNNNN\n'), (error: unknown) => error instanceof ParseError && /no headline and no text/.test(error.message));
  assert.throws(() => read('Plain copy here.'), (error: unknown) => error instanceof ParseError && /expected a message opening with ZCZC/.test(error.message));
});

test('never crashes on arbitrary bytes after ZCZC: a valid Story or a ParseError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      try {
        const story = parseAapZczc(new SourceFile(Buffer.concat([Buffer.from('ZCZC AAP\n'), bytes]), { name: 'x' }));
        assert.ok(validate(story), JSON.stringify(validate.errors));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
      }
    }),
    { numRuns: 300 },
  );
});

test('reads the real AAP ZCZC copy: headline and body for each', { skip: skipWithout('agency/aap') }, () => {
  const folder = sharedPath('agency/aap')!;
  const expected: Record<string, [string, string | null]> = {
    '1487e8f1-f7f5-40f5-8c0f-0eba3c2e162d.tst': ['Legionella found in Qld hospital', 'BRISBANE'],
    '612fa1dc-c476-425d-8c80-d40bdc9cc1d5.tst': ['GPS device to come off Vic teen', 'MELBOURNE'],
    'AAP201606060716291.tst': ['UGL continues project delay negotiation', null],
    'vicomb004_8511.tst': ['Eagle Farm MARKET DAY', 'BRISBANE'],
    'viflda004_7257.tst': ['RACING : Racing.Com Park FIELDS Thursday', null],
    'Caulfield RA - Betting - Sat 11 Feb, 2017.tst': ['Caulfield Betting', 'MELBOURNE'],
  };
  for (const [name, [headline, place]] of Object.entries(expected)) {
    const story = parseAapZczc(new SourceFile(readFileSync(join(folder, name)), { name }));
    assert.ok(validate(story), `${name}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual([story.headline, story.dateline?.place ?? null, story.body.length > 0], [headline, place, true], name);
  }
});
