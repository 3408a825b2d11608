import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { parseWireText } from './parse.js';

const seed = 'seed/000_45c4e983dc4e0401.txt';

test('reads the BSS/AFP seed story as a wire editor would', { skip: skipWithout(seed) }, () => {
  const bytes = readFileSync(sharedPath(seed)!);
  const story = parseWireText(new SourceFile(bytes, { name: seed }));
  const paragraphs = story.body.filter((block) => block.kind === 'paragraph');
  const truncated = story.damage.filter((damage) => damage.kind === 'truncated');
  assert.deepEqual(
    {
      slug: story.slug,
      takes: story.takes,
      headline: story.headline,
      dateline: story.dateline,
      credits: story.credits,
      crossheads: story.body.filter((block) => block.kind === 'crosshead').map((block) => block.text),
      signoffs: story.signoffs.map(({ kind, text, agencies, initials, time }) => ({ kind, text, agencies, initials, time })),
      truncatedEndings: truncated.map((damage) => story.body[damage.block!]!.text.split(' ').slice(-3).join(' ')),
      otherDamage: story.damage.filter((damage) => damage.kind !== 'truncated'),
      takesOfBlocks: [...new Set(story.body.map((block) => block.take))],
    },
    {
      slug: 'BFF',
      takes: [20, 21],
      headline: 'Kim, Putin vow to seek closer ties at first talks',
      dateline: {
        text: 'VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –',
        place: 'VLADIVOSTOK',
        region: null,
        country: 'Russia',
        date: '2019-04-25',
        credit: 'BSS/AFP',
      },
      credits: ['BSS', 'AFP'],
      crossheads: ['North Korean labourers', 'Soviet-era allies'],
      signoffs: [
        { kind: 'more', text: 'MORE/MSY/1117 hrs', agencies: [], initials: ['MSY'], time: '11:17' },
        { kind: 'signoff', text: 'BSS/AFP/MSY/1117 hrs', agencies: ['BSS', 'AFP'], initials: ['MSY'], time: '11:17' },
      ],
      truncatedEndings: [
        'taking place,” Putin',
        'to develop economic',
        'workers after the',
        'or boost its',
        'potentially landmark denuclearisation',
        'also held in',
      ],
      otherDamage: [],
      takesOfBlocks: [1, 2],
    },
  );
  // The dateline is off the first paragraph, and no paragraph keeps a line break,
  // a take break or a sign-off.
  assert.equal(paragraphs[0]!.text.slice(0, 40), 'Russian President Vladimir Putin and Nor');
  for (const paragraph of paragraphs) {
    assert.doesNotMatch(paragraph.text, /\n|MORE\/|BSS\/AFP|1117 hrs/, paragraph.text);
  }
  // Every paragraph flagged as truncated, and only those, ends without closing punctuation.
  const flagged = new Set(truncated.map((damage) => damage.block));
  story.body.forEach((block, index) => {
    if (block.kind !== 'paragraph') return;
    assert.equal(flagged.has(index), !/[.!?”:]$/.test(block.text), block.text);
  });
  // Compounds that fell at a line end keep their hyphen.
  assert.match(story.body.map((block) => block.text).join(' '), /told then-president Dmitry Medvedev/);
  assert.equal(story.body.length, 31);
});
