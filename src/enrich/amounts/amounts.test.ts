import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../formats/index.js';
import { SourceFile } from '../../source/source-file.js';
import type { Amount } from '../../story/enrichment.js';
import type { Block, Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { storyWith } from '../../testing/story.js';
import * as api from './amounts.js';
import { findAmounts } from './amounts.js';

// Every sentence below is invented.

function paragraph(text: string): Block {
  return { kind: 'paragraph', text, line: 1, take: 1 };
}

/** The amounts found in a one-paragraph story. */
function amountsIn(text: string): Amount[] {
  return findAmounts(storyWith({ body: [paragraph(text)] }));
}

/** The amount expected in `text` where `written` stands (its first occurrence, or the first after `after`), in block 0. */
function amount(text: string, written: string, kind: Amount['kind'], value: number, unit: string | null, after = ''): Amount {
  const start = text.indexOf(after + written) + after.length;
  assert.ok(start >= after.length, `${written} is in ${text}`);
  return { span: { block: 0, start, end: start + written.length, text: written }, kind, value, unit };
}

test('exports findAmounts, and nothing else', () => {
  assert.deepEqual(Object.keys(api), ['findAmounts']);
});

test('normalises sums of money written with a sign, a code or a currency name', () => {
  const text =
    'It gave $25 million, raised US$1.2 billion and €3bn, paid £400,000 and 25 million dollars, lent 1.5 trillion yen ' +
    'and Rs 10 crore, swapped USD 5m and sold at $2.80.';
  assert.deepEqual(amountsIn(text), [
    amount(text, '$25 million', 'money', 25_000_000, 'USD'),
    amount(text, 'US$1.2 billion', 'money', 1_200_000_000, 'USD'),
    amount(text, '€3bn', 'money', 3_000_000_000, 'EUR'),
    amount(text, '£400,000', 'money', 400_000, 'GBP'),
    amount(text, '25 million dollars', 'money', 25_000_000, 'USD'),
    amount(text, '1.5 trillion yen', 'money', 1_500_000_000_000, 'JPY'),
    amount(text, 'Rs 10 crore', 'money', 100_000_000, 'INR'),
    amount(text, 'USD 5m', 'money', 5_000_000, 'USD'),
    amount(text, '$2.80', 'money', 2.8, 'USD'),
  ]);
});

test('reads wire shorthand for money: mln, bln, dlrs, cts, stg, and whose dollar or franc', () => {
  const text =
    'Net was 15.4 mln dlrs, or 1.15 dlrs a share, vs 22 cts; it raised 2.5 bln Canadian dlrs, 7.15 billion N.Z. Dlrs, ' +
    '10 mln Swiss francs, 5 mln stg and a one-billion-dlr loan, and 1.8 billion francs.';
  assert.deepEqual(amountsIn(text), [
    amount(text, '15.4 mln dlrs', 'money', 15_400_000, 'USD'),
    amount(text, '1.15 dlrs', 'money', 1.15, 'USD'),
    amount(text, '22 cts', 'money', 0.22, 'USD'),
    amount(text, '2.5 bln Canadian dlrs', 'money', 2_500_000_000, 'CAD'),
    amount(text, '7.15 billion N.Z. Dlrs', 'money', 7_150_000_000, 'NZD'),
    amount(text, '10 mln Swiss francs', 'money', 10_000_000, 'CHF'),
    amount(text, '5 mln stg', 'money', 5_000_000, 'GBP'),
    amount(text, 'one-billion-dlr', 'money', 1_000_000_000, 'USD'),
    // Francs alone do not say whose.
    amount(text, '1.8 billion francs', 'money', 1_800_000_000, null),
  ]);
});

test('reads quantities with clear units, and percentages', () => {
  const text = 'More than 2,000 tonnes of wheat went 15 km by a 2,000-tonne ship; output rose 5.4 percent, 5.4% and 5.4 per cent, or 30 basis points, to 1.2 mln barrels per day.';
  assert.deepEqual(amountsIn(text), [
    amount(text, '2,000 tonnes', 'quantity', 2000, 'tonne'),
    amount(text, '15 km', 'quantity', 15, 'km'),
    amount(text, '2,000-tonne', 'quantity', 2000, 'tonne'),
    amount(text, '5.4 percent', 'quantity', 5.4, 'percent'),
    amount(text, '5.4%', 'quantity', 5.4, 'percent'),
    amount(text, '5.4 per cent', 'quantity', 5.4, 'percent'),
    amount(text, '30 basis points', 'quantity', 30, 'basis point'),
    amount(text, '1.2 mln barrels per day', 'quantity', 1_200_000, 'barrel/day'),
  ]);
});

test('takes no unit that is not clear: 311M or 5m without a currency may be metres or millions', () => {
  assert.deepEqual(amountsIn('The 311M and the 5m run were won by a 5bn margin.'), [
    {
      span: { block: 0, start: 38, end: 41, text: '5bn' },
      kind: 'count',
      value: 5_000_000_000,
      unit: null,
    },
  ]);
});

test('reads counts with the noun they count, past any adjectives, as written', () => {
  const text = 'Some 10,000 North Korean labourers, 10 US soldiers and the 12 EU member states joined four meetings three times.';
  assert.deepEqual(amountsIn(text), [
    amount(text, '10,000 North Korean labourers', 'count', 10_000, 'labourers'),
    amount(text, '10 US soldiers', 'count', 10, 'soldiers'),
    amount(text, '12 EU member states', 'count', 12, 'states'),
    amount(text, 'four meetings', 'count', 4, 'meetings'),
    amount(text, 'three times', 'count', 3, 'times'),
  ]);
});

test('reads number words, and leaves the unit null when nothing counted follows', () => {
  const text = 'Two million people and a dozen eggs came, three with Moon and two with Trump; twenty-five stayed and two hundred and fifty left.';
  assert.deepEqual(amountsIn(text), [
    amount(text, 'Two million people', 'count', 2_000_000, 'people'),
    amount(text, 'a dozen eggs', 'count', 12, 'eggs'),
    amount(text, 'three', 'count', 3, null),
    amount(text, 'two', 'count', 2, null, 'and '),
    amount(text, 'twenty-five', 'count', 25, null),
    amount(text, 'two hundred and fifty', 'count', 250, null),
  ]);
});

test('takes one alone for the pronoun it mostly is, and a capitalised number inside a sentence for a name', () => {
  assert.deepEqual(amountsIn('One delivery went to the Group of Five, one of the Big Three.'), []);
});

test('gives the numbers of a range or a list the unit and scale written once after them', () => {
  const text = 'It may lose 15-20 mln dlrs, sold at 1,750 to 1,780 dlrs and 4,340, 4,345 and 4,350 dlrs, two or three times.';
  assert.deepEqual(amountsIn(text), [
    amount(text, '15', 'money', 15_000_000, 'USD'),
    amount(text, '20 mln dlrs', 'money', 20_000_000, 'USD'),
    amount(text, '1,750', 'money', 1750, 'USD'),
    amount(text, '1,780 dlrs', 'money', 1780, 'USD'),
    amount(text, '4,340', 'money', 4340, 'USD'),
    amount(text, '4,345', 'money', 4345, 'USD'),
    amount(text, '4,350 dlrs', 'money', 4350, 'USD'),
    amount(text, 'two', 'count', 2, 'times'),
    amount(text, 'three times', 'count', 3, 'times'),
  ]);
});

test('reads the fractions stock prices are quoted in', () => {
  const text = 'The stock traded around 12, down 1/8, after falling to 11-1/2.';
  assert.deepEqual(amountsIn(text), [
    amount(text, '12', 'count', 12, null),
    amount(text, '1/8', 'count', 0.125, null),
    amount(text, '11-1/2', 'count', 11.5, null),
  ]);
});

test('ignores years, dates and times of day', () => {
  assert.deepEqual(amountsIn('In 2018, a 2002 meeting on March 5 and 5 March, at 10 a.m., 0930 GMT and 1117 hrs, was the 1985 year of the 1980s.'), []);
  // Reuters writes small days in words, and a date comes before what looks like a unit after it.
  assert.deepEqual(amountsIn('Pay April 16, record April Six, for the January 31 second quarter, trades by 1000 London time.'), []);
});

test('reads a decimal written without its leading zero', () => {
  const text = 'Daily div .062 vs .063 cts prior';
  assert.deepEqual(amountsIn(text), [amount(text, '.062', 'count', 0.062, null), amount(text, '.063 cts', 'money', 0.00063, 'USD')]);
});

test('ignores ordinals and race positions, scores, phone numbers, ids and models', () => {
  const text =
    'She finished 1st and 2nd, won 3-2 and 6-4, call +44 20 7946 0958 or (212) 555-1234, file IDN38100, the Boeing 747, ' +
    'Qantas’s 747 fleet, the 911 Targa, the RRIM 725 clone, an F-16 and page 5.';
  assert.deepEqual(amountsIn(text), []);
});

test('ignores an age between commas and a list mark opening a results line', () => {
  assert.deepEqual(amountsIn('Henske, 63, will stay.'), []);
  assert.deepEqual(amountsIn('1. Hamilton (Britain) Mercedes'), []);
});

test('leaves two years ago to the times enricher', () => {
  assert.deepEqual(amountsIn('It opened two years ago.'), []);
});

test('reads the headline as block null and leaves preformatted tables out', () => {
  const story = storyWith({
    headline: 'SENIOR ENGINEERING MAKES 12.5 MLN DLR US PURCHASE',
    body: [{ kind: 'preformatted', text: 'Net    1.2    1.4\nRevs   5.6    6.0', line: 3, take: 1 }, paragraph('Shr 22 cts vs 21 cts')],
  });
  assert.deepEqual(findAmounts(story), [
    { span: { block: null, start: 25, end: 37, text: '12.5 MLN DLR' }, kind: 'money', value: 12_500_000, unit: 'USD' },
    { span: { block: 1, start: 4, end: 10, text: '22 cts' }, kind: 'money', value: 0.22, unit: 'USD' },
    { span: { block: 1, start: 14, end: 20, text: '21 cts' }, kind: 'money', value: 0.21, unit: 'USD' },
  ]);
});

test('finds the amounts of the seed story', { skip: skipWithout('seed/000_45c4e983dc4e0401.txt') }, () => {
  const path = sharedPath('seed/000_45c4e983dc4e0401.txt')!;
  const [story] = parseSource(new SourceFile(readFileSync(path), { name: path })).stories;
  const found = findAmounts(story!).map((each) => [each.span.block, each.span.text, each.kind, each.value, each.unit]);
  assert.deepEqual(found, [
    [3, 'two countries', 'count', 2, 'countries'],
    [10, '10,000 North Korean labourers', 'count', 10_000, 'labourers'],
    [13, '$25 million', 'money', 25_000_000, 'USD'],
    [13, '2,000 tonnes', 'quantity', 2000, 'tonne'],
    [18, 'four meetings', 'count', 4, 'meetings'],
    [18, 'three', 'count', 3, null],
    [18, 'two', 'count', 2, null],
    [27, 'three times', 'count', 3, 'times'],
  ]);
});

test('reads every Reuters-21578 story of reut2-000 without failing, each span where it says', { skip: skipWithout('reuters21578/reut2-000.sgm') }, (t) => {
  const path = sharedPath('reuters21578/reut2-000.sgm')!;
  const { stories } = parseSource(new SourceFile(readFileSync(path), { name: path }), { from: 'reuters-sgml' });
  const counts = new Map<string, number>();
  let total = 0;
  for (const story of stories) {
    for (const found of findAmounts(story)) {
      total += 1;
      assert.equal(blockText(story, found.span.block).slice(found.span.start, found.span.end), found.span.text);
      assert.ok(Number.isFinite(found.value) && found.value > 0, `${found.span.text} has a positive value`);
      counts.set(found.kind, (counts.get(found.kind) ?? 0) + 1);
    }
  }
  t.diagnostic(`${stories.length} stories, ${total} amounts: ${[...counts].map(([kind, count]) => `${kind} ${count}`).join(', ')}`);
  assert.ok(total > stories.length, 'Reuters copy gives more than one figure a story');
});

function blockText(story: Story, block: number | null): string {
  return block === null ? (story.headline ?? '') : story.body[block]!.text;
}
