import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { validateStory as validate } from '../../testing/story-schema.js';
import type { Block, Story } from '../../story/story.js';
import { parseSource } from '../index.js';
import { readWireCopy } from '../wire-text/parse.js';
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

const sniff = (text: string) => aapZczc.sniff(new SourceFile(Buffer.from(text), { name: 'x' })).score;
const rules = (story: Story) => story.diagnostics.map((diagnostic) => diagnostic.rule);

// Invented Pagemasters copy as AAP sends it: a carriage return first, and carriage
// returns alone between lines.
const betting = [
  '',
  'ZCZC',
  '#Invented Park Betting',
  ':4/3/2017',
  '   MELBOURNE, Mar 02 AAP - Latest betting for Saturday at the invented park.-',
  '',
  'Race One Invented Park - Example Stakes (TAB FIXED ODDS)',
  '2.90 First Horse',
  '4.20 Second Horse',
  '15.00 Third Horse, Fourth Horse',
  '',
  'NNNN',
].join('\r');

test('finds ZCZC after a blank first line and lines parted by carriage returns alone', () => {
  assert.equal(sniff(betting), 0.9);
  const story = read(betting);
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    [story.slug, story.headline, story.dateline?.place, story.source.labels['date'], story.body.map((block) => [block.kind, block.text])],
    [
      'Invented Park Betting',
      'Invented Park Betting',
      'MELBOURNE',
      '4/3/2017',
      [
        ['paragraph', 'Latest betting for Saturday at the invented park.-'],
        ['paragraph', 'Race One Invented Park - Example Stakes (TAB FIXED ODDS)'],
        ['preformatted', '2.90 First Horse\n4.20 Second Horse\n15.00 Third Horse, Fourth Horse'],
      ],
    ],
  );
  // The keyword stands in for a headline the copy does not give, and says so.
  assert.deepEqual(rules(story), ['aap-zczc/headline-derived']);
});

test('reads the routing line and the `:` headings of racing copy: heading, then keyword', () => {
  const story = read(
    [
      'ZCZC FMG000',
      'YY RFG TDR',
      ':POTTED :Invented Park MARKET DAY',
      ':INVENTED-KEY',
      ':SPORT - Invented Park - Market Day',
      '  SYDNEY, Jul 16 AAP - Leading trainers at the invented park this season.',
      '',
      '                    Wins      2nds',
      'A Trainer            90        79',
      'B Trainer            76        65',
      'NNNN',
    ].join('\r\n'),
  );
  assert.deepStrictEqual(
    [story.headline, story.slug, story.source.labels, story.body.map((block) => block.kind), rules(story)],
    [
      'Invented Park MARKET DAY',
      'INVENTED-KEY',
      { start: 'ZCZC FMG000', routing: 'YY RFG TDR', headings: ['SPORT - Invented Park - Market Day'] },
      ['paragraph', 'preformatted'],
      [],
    ],
  );
});

test('takes the heading under a routing line parted by blank lines, and says it was derived', () => {
  const story = read('ZCZC FMG000\r\n\r\nHH TDCom\r\n\r\nInvented Comment Saturday races 1-2\r\n\r\n   Race One - Example Mdn 1400m\r\nNNNN\r\n');
  assert.deepStrictEqual(
    [story.headline, story.source.labels['routing'], story.body.map((block) => block.text), rules(story)],
    ['Invented Comment Saturday races 1-2', 'HH TDCom', ['Race One - Example Mdn 1400m'], ['aap-zczc/headline-derived']],
  );
});

test('reads the second marker dialect: $ category letter, : keyword, = take key, ^ headline, + subject, AAP sign-off', () => {
  const story = read(
    ['   ZCZC AAP', '$T', ':Invented Preview', '=Round 3', '^FOOTY:  Invented round 3 preview', '*X', '&A', '+15084000', 'MELBOURNE, March 3 AAP - Preview of the invented round.', '', 'AAP', 'NNNN'].join('\r\n'),
  );
  assert.deepStrictEqual(
    [story.headline, story.slug, story.subjects, story.source.labels, story.body.map((block) => block.text), story.signoffs.map((signoff) => [signoff.text, signoff.agencies, signoff.line])],
    [
      'FOOTY: Invented round 3 preview',
      'Invented Preview',
      [{ scheme: 'subj', code: '15084000', name: null }],
      { start: 'ZCZC AAP', category: 'T', 'take key': 'Round 3', format: 'X', 'marker &': 'A' },
      ['Preview of the invented round.'],
      [['AAP', ['AAP'], 11]],
    ],
  );
});

test('drops the headline where it stands again as the first line of copy', () => {
  const story = read('ZCZC\r#Invented Top Five\r:Invented Top Five - March 13\r\rInvented Top Five - March 13\r\rAlpha Ltd      86,823,071     0.105\rBeta Ltd       76,147,672     0.035\rNNNN\r');
  assert.deepStrictEqual(
    [story.headline, story.body.map((block) => [block.kind, block.text])],
    ['Invented Top Five - March 13', [['preformatted', 'Alpha Ltd      86,823,071     0.105\nBeta Ltd       76,147,672     0.035']]],
  );
});

// An invented warning laid out as the Bureau of Meteorology lays out its own.
const warning = [
  'IDQ99999',
  'Australian Government Bureau of Meteorology',
  'Queensland',
  '',
  'Cancellation of',
  'Road Weather Alert for Invented Town',
  '',
  'Issued at 4:05 pm EST on Monday 2 July 2018.',
  '',
  'The road weather alert for the invented town has been cancelled.',
  '',
].join('\r\n');

test('reads a BoM warning: product id as slug, notice title as headline, office as credit, time of issue', () => {
  assert.equal(sniff(warning), 0.8);
  const story = read(warning);
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    [story.slug, story.headline, story.credits, story.versionCreated, story.source.labels, story.body.map((block) => block.text), rules(story)],
    [
      'IDQ99999',
      'Cancellation of Road Weather Alert for Invented Town',
      ['Bureau of Meteorology'],
      '2018-07-02T16:05:00+10:00',
      {
        product: 'IDQ99999',
        office: 'Australian Government Bureau of Meteorology, Queensland',
        issued: 'Issued at 4:05 pm EST on Monday 2 July 2018.',
      },
      ['The road weather alert for the invented town has been cancelled.'],
      [],
    ],
  );
  // A product id alone, with no office under it, is no warning.
  assert.equal(sniff('IDQ99999\nSome words.\n'), 0);
});

test('reads a results sheet: the meeting as dateline, the rows as a table, a headline made of title and race', () => {
  const sheet = 'Invented Park, Monday 2 May 2016\r\nPL|DOG|BOX\r\nRace 4|EXAMPLE STAKES|07:58PM\r\n1|FIRST DOG|2\r\n2|SECOND DOG|1\r\n';
  assert.equal(sniff(sheet), 0.7);
  const story = read(sheet);
  assert.ok(validate(story), JSON.stringify(validate.errors));
  assert.deepStrictEqual(
    [story.headline, story.dateline, story.body.map((block) => [block.kind, block.text]), rules(story)],
    [
      'Invented Park, Monday 2 May 2016, Race 4',
      { text: 'Invented Park, Monday 2 May 2016', place: 'Invented Park', region: null, country: null, date: '2016-05-02', credit: null },
      [['preformatted', 'PL|DOG|BOX\nRace 4|EXAMPLE STAKES|07:58PM\n1|FIRST DOG|2\n2|SECOND DOG|1']],
      ['aap-zczc/headline-derived'],
    ],
  );
  // A Markdown table is no results sheet, nor is prose with a `|` or two.
  assert.equal(sniff('Notes\n| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n'), 0);
  assert.equal(sniff('Heading\nShares of Example [BSE: 540565 | NSE: EXAMPLE] rose.\nIt was named to the Inc. 500|5000 list.\n'), 0);
});

test('keeps a line of racing form with a wide gap in its paragraph, and lets a wrapped row stay in its table', () => {
  const copy = readWireCopy(
    [
      "  EXAMPLE HORSE (A Trainer) 4g (19:0-0-1): 3 len 7th 58 Some Horse 57.5 1600m Northam",
      '2yo+ Mdn Good(4) trk May 31. ( Slowly away (1L). Blocked for run near 100m.)     2-1/4',
      'len 4th 56 Other Horse 56 1600m Northam 2yo+ Mdn Good(4) trk June 21.',
      '',
      ' 1    2X1 First Horse  (6) 59 A Trainer(Mornington)  J Rider',
      ' 2  1114X Second Horse bn (9) 59 B Trainer(Spreyton)  M Rider',
      '(a3)',
      ' 3      3 Third Horse  (11) 58 C Trainer(Flemington)  C Rider',
    ].join('\n'),
    new SourceFile(Buffer.alloc(0), { name: 'x' }),
    { source: 'test', header: false },
  );
  assert.deepStrictEqual(
    copy.body.map((block) => [block.kind, block.text]),
    [
      [
        'paragraph',
        "EXAMPLE HORSE (A Trainer) 4g (19:0-0-1): 3 len 7th 58 Some Horse 57.5 1600m Northam 2yo+ Mdn Good(4) trk May 31. ( Slowly away (1L). Blocked for run near 100m.) 2-1/4 len 4th 56 Other Horse 56 1600m Northam 2yo+ Mdn Good(4) trk June 21.",
      ],
      [
        'preformatted',
        ' 1    2X1 First Horse  (6) 59 A Trainer(Mornington)  J Rider\n 2  1114X Second Horse bn (9) 59 B Trainer(Spreyton)  M Rider\n(a3)\n 3      3 Third Horse  (11) 58 C Trainer(Flemington)  C Rider',
      ],
    ],
  );
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

test('never crashes on arbitrary bytes under a BoM or results sheet opening: a valid Story or a ParseError', () => {
  const openings = ['IDQ99999\nAustralian Government Bureau of Meteorology\n', 'Invented Park, Monday 2 May 2016\na|b\nc|d\ne|f\n'];
  fc.assert(
    fc.property(fc.constantFrom(...openings), fc.uint8Array({ maxLength: 2000 }), (opening, bytes) => {
      try {
        const story = parseAapZczc(new SourceFile(Buffer.concat([Buffer.from(opening), bytes]), { name: 'x' }));
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

test('detects and reads AAP results, racing, market and weather copy: headline, slug, first block', { skip: skipWithout('agency/aap') }, () => {
  const folder = sharedPath('agency/aap')!;
  // [headline, slug, kind and opening of a block (the first unless an index is given), headline derived]
  const expected: Record<string, [string, string | null, [Block['kind'], string, number?], boolean]> = {
    'CRN2016427R1.tst': ['Cranbourne, Wednesday 27 Apr 2016, Race 1', null, ['preformatted', 'PL|DOG|BOX|RUG|S/P|HP|MGIN|MGIN\nRace 1|TOP CAT VIDEO|06:58PM\nGrade 7|311M\n1|TWO TIME|2|2|$2.80F||1.50|\n'], true],
    'Caulfield RA - Betting - Sat 11 Feb, 2017.tst': ['Caulfield Betting', 'Caulfield Betting', ['preformatted', '2.90 Hipparchus\n4.20 Our Bottino\n5.00 Refulgent\n', 2], true],
    'IDN38100.tst': ['Cancellation of Road Weather Alert for Sydney', 'IDN38100', ['paragraph', 'The road weather alert for the Western suburbs has been cancelled, but the situation will'], false],
    'IDY21020.tst': ['High Seas Weather Warning for METAREA 10', 'IDY21020', ['paragraph', 'CANCELLATION OF GALE WARNING FOR SOUTHEASTERN AREA'], false],
    'National Top Ten By Volume at Close - March 13.tst': ['National Top Ten By Volume at Close - March 13', 'National Top Ten By Volume at Close', ['preformatted', 'MGCPhar          86,823,071     0.105     +0.031\nAtlasIron'], false],
    'premierships.txt': ['Premierships National gallop Trainer and Jockeys 2017-2018', 'TRAINER-JOCKEY', ['paragraph', 'Trainer and Jockey 2017-18 Premierships for Sydney, Melbourne, Brisbane, Adelaide and Perth.'], false],
    'vifrc7_5254.tst': ['Wodonga Comment Saturday races 1-6', null, ['paragraph', 'Race One - Telstra Business Centre Mdn 1400m'], true],
    'vinzce004_14.tst': ['Pinjarra - Brief Form Thursday', null, ['paragraph', "FLYIN' TRADIE (I S Glading) 4g (19:0-0-1): 3 len 7th 58 Frosty Heart 57.5 1600m Northam 2yo+ Mdn Good(4) trk May 31. ( Slowly away (1L). Blocked for run near 100m.) 2-1/4 len 4th", 1], false],
    'vinzhj007_7831.tst': ['RACING : Caulfield FIELDS Saturday', null, ['preformatted', '1 LADBROKES.COM.AU HCP 1.50\n$100,000, 1200m\n 1    2X1 Humma Humma  (6) 59 John McArdle(Mornington)  J Mott\n'], true],
  };
  for (const [name, [headline, slug, [kind, opening, at = 0], derived]] of Object.entries(expected)) {
    const { format, stories } = parseSource(new SourceFile(readFileSync(join(folder, name)), { name }));
    assert.equal(stories.length, 1, name);
    const story = stories[0]!;
    assert.ok(validate(story), `${name}: ${JSON.stringify(validate.errors)}`);
    const block = story.body[at];
    assert.deepEqual(
      [format, story.headline, story.slug, block?.kind, block?.text.startsWith(opening), rules(story).includes('aap-zczc/headline-derived')],
      ['aap-zczc', headline, slug, kind, true, derived],
      name,
    );
  }
});

test('reads the issuing office and time of issue of the real BoM warnings', { skip: skipWithout('agency/aap') }, () => {
  const folder = sharedPath('agency/aap')!;
  const facts = (name: string) => {
    const story = parseAapZczc(new SourceFile(readFileSync(join(folder, name)), { name }));
    return [story.credits, story.versionCreated, story.source.labels['office']];
  };
  assert.deepStrictEqual(facts('IDN38100.tst'), [['Bureau of Meteorology'], '2018-07-05T09:27:00+10:00', 'Australian Government Bureau of Meteorology, New South Wales']);
  assert.deepStrictEqual(facts('IDY21020.tst'), [['Bureau of Meteorology'], '2018-07-15T18:59:00Z', 'Australian Government Bureau of Meteorology, BNOC']);
});
