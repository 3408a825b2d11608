import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../formats/index.js';
import { SourceFile } from '../../source/source-file.js';
import type { TimeExpression } from '../../story/enrichment.js';
import type { Block, Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { storyWith } from '../../testing/story.js';
import * as api from './times.js';
import { findTimes, storyAnchor } from './times.js';

// Every sentence below is invented. The story's date, unless a test says otherwise, is
// Thursday 25 April 2019.
const thursday = '2019-04-25';

function paragraph(text: string): Block {
  return { kind: 'paragraph', text, line: 1, take: 1 };
}

/** The times found in a one-paragraph story. */
function timesIn(text: string, anchor: string | null = thursday): TimeExpression[] {
  return findTimes(storyWith({ body: [paragraph(text)] }), anchor);
}

interface Expected {
  relation?: TimeExpression['relation'];
  end?: string | null;
  anchor?: string | null;
  /** Words just before it, when `written` occurs earlier too. */
  after?: string;
}

/** The expression expected in `text` where `written` stands (its first occurrence, or the first after `after`), in block 0. */
function time(text: string, written: string, value: string, precision: TimeExpression['precision'], expected: Expected = {}): TimeExpression {
  const { relation = 'point', end = null, anchor = thursday, after = '' } = expected;
  const start = text.indexOf(after + written) + after.length;
  assert.ok(start >= after.length, `${written} is in ${text}`);
  return { span: { block: 0, start, end: start + written.length, text: written }, value, precision, relation, end, anchor };
}

test('exports findTimes and storyAnchor, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['findTimes', 'storyAnchor']);
});

test('takes the story date from the dateline, else when the version or the story was created', () => {
  const dateline = { text: 'VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –', place: 'VLADIVOSTOK', region: null, country: 'Russia', date: '2019-04-25', credit: 'BSS/AFP' };
  assert.equal(storyAnchor(storyWith({ dateline, versionCreated: '2019-04-26T01:00:00Z' })), '2019-04-25');
  // A dateline without a year gives no date; the version's own date (as written, offset kept) does.
  const yearless = { ...dateline, date: '--04-25' };
  assert.equal(storyAnchor(storyWith({ dateline: yearless, versionCreated: '2019-04-25T23:30:00-05:00' })), '2019-04-25');
  assert.equal(storyAnchor(storyWith({ firstCreated: '2019-04-24T10:00:00Z' })), '2019-04-24');
  assert.equal(storyAnchor(storyWith({ dateline: yearless })), null);
});

test('reads a bare weekday as the most recent such day on or before the story date', () => {
  const text = 'They met face-to-face Thursday, after Pompeo said on Wednesday that talks held on Friday went well.';
  assert.deepEqual(timesIn(text), [
    time(text, 'Thursday', '2019-04-25', 'day'),
    time(text, 'Wednesday', '2019-04-24', 'day'),
    time(text, 'Friday', '2019-04-19', 'day'),
  ]);
});

test('puts a weekday or a month ahead when its clause says it is to come', () => {
  const text = 'The talks will resume on Monday, and the cargo is booked for March shipment.';
  assert.deepEqual(timesIn(text), [time(text, 'Monday', '2019-04-29', 'day'), time(text, 'March', '2020-03', 'month')]);
});

test('reads last, this and next with a weekday', () => {
  const text = 'He arrived last Thursday, speaks this Saturday and leaves next Monday.';
  assert.deepEqual(timesIn(text), [
    time(text, 'last Thursday', '2019-04-18', 'day'),
    time(text, 'this Saturday', '2019-04-27', 'day'),
    time(text, 'next Monday', '2019-04-29', 'day'),
  ]);
});

test('reads today, yesterday, tomorrow and this morning', () => {
  const text = 'Prices fell today after rising yesterday; the board meets tomorrow, it said this morning.';
  assert.deepEqual(timesIn(text), [
    time(text, 'today', '2019-04-25', 'day'),
    time(text, 'yesterday', '2019-04-24', 'day'),
    time(text, 'tomorrow', '2019-04-26', 'day'),
    time(text, 'this morning', '2019-04-25', 'day'),
  ]);
});

test('reads a week or a weekend as the range of its days, Monday to Sunday', () => {
  const text = 'Sales slowed last week, pick up this week and peak next week, before a quiet weekend this weekend.';
  assert.deepEqual(timesIn(text), [
    time(text, 'last week', '2019-04-15', 'day', { relation: 'range', end: '2019-04-21' }),
    time(text, 'this week', '2019-04-22', 'day', { relation: 'range', end: '2019-04-28' }),
    time(text, 'next week', '2019-04-29', 'day', { relation: 'range', end: '2019-05-05' }),
    time(text, 'this weekend', '2019-04-27', 'day', { relation: 'range', end: '2019-04-28' }),
  ]);
});

test('reads months and years named from the story date, with their qualifiers', () => {
  const text = 'Output fell last month and rose earlier this month; it grew last year, will grow this year and next year, as planned late last year.';
  assert.deepEqual(timesIn(text), [
    time(text, 'last month', '2019-03', 'month'),
    time(text, 'earlier this month', '2019-04', 'month'),
    time(text, 'last year', '2018', 'year'),
    time(text, 'this year', '2019', 'year'),
    time(text, 'next year', '2020', 'year'),
    time(text, 'late last year', '2018', 'year'),
  ]);
});

test('reads a month without a year as the last one on or before the story date', () => {
  const text = 'The summit broke down in February; the shipment left in April and the deal was struck in December.';
  assert.deepEqual(timesIn(text), [
    time(text, 'February', '2019-02', 'month'),
    time(text, 'April', '2019-04', 'month'),
    time(text, 'December', '2018-12', 'month'),
  ]);
});

test('takes May as a month only where the words before make it one', () => {
  const text = 'May said prices may rise in May, as in early May last year.';
  assert.deepEqual(timesIn(text), [
    time(text, 'May', '2018-05', 'month', { after: 'rise in ' }),
    time(text, 'early May', '2018-05', 'month'),
    time(text, 'last year', '2018', 'year'),
  ]);
});

test('reads dates written out in full, and a day and month without a year as the nearest such day', () => {
  const text = 'Signed April 25, 2019 and 5 March 2018, in February 2018, on Thursday, April 25, paid March 5, due May 3 and booked December 10.';
  assert.deepEqual(timesIn(text), [
    time(text, 'April 25, 2019', '2019-04-25', 'day', { anchor: null }),
    time(text, '5 March 2018', '2018-03-05', 'day', { anchor: null }),
    time(text, 'February 2018', '2018-02', 'month', { anchor: null }),
    time(text, 'Thursday, April 25', '2019-04-25', 'day'),
    time(text, 'March 5', '2019-03-05', 'day'),
    time(text, 'May 3', '2019-05-03', 'day'),
    time(text, 'December 10', '2018-12-10', 'day'),
  ]);
});

test('reads wire abbreviations of months, and ISO dates', () => {
  const text = 'Results for the quarter to Dec. 31 and Sept 12, 1987, filed 2019-04-01.';
  assert.deepEqual(timesIn(text), [
    time(text, 'Dec. 31', '2018-12-31', 'day'),
    time(text, 'Sept 12, 1987', '1987-09-12', 'day', { anchor: null }),
    time(text, '2019-04-01', '2019-04-01', 'day', { anchor: null }),
  ]);
});

test('reads the days Reuters writes in words, where no noun follows to make the word a count', () => {
  const text = 'Dividend pay April 16, record April Six; flights start April five with Atlanta, and in April two companies merged.';
  assert.deepEqual(timesIn(text), [
    time(text, 'April 16', '2019-04-16', 'day'),
    time(text, 'April Six', '2019-04-06', 'day'),
    time(text, 'April five', '2019-04-05', 'day'),
    time(text, 'April', '2019-04', 'month', { after: 'in ' }),
  ]);
});

test('reads a pair of shipment months, put ahead by the word after it', () => {
  const text = 'Cocoa sold for Aug/Sept shipment and June/July went at 1,850 dlrs.';
  assert.deepEqual(timesIn(text), [
    time(text, 'Aug/Sept', '2019-08', 'month', { relation: 'range', end: '2019-09' }),
    time(text, 'June/July', '2018-06', 'month', { relation: 'range', end: '2018-07' }),
  ]);
});

test('reads years, and since, until and ranges of years', () => {
  const text = 'Built in 2018, closed since March 2018, open until 2020, run from 2010 to 2015 and in 2010-2015, in the 1986/87 season and 2010-15.';
  assert.deepEqual(timesIn(text), [
    time(text, '2018', '2018', 'year', { anchor: null }),
    time(text, 'since March 2018', '2018-03', 'month', { relation: 'since', anchor: null }),
    time(text, 'until 2020', '2020', 'year', { relation: 'until', anchor: null }),
    time(text, 'from 2010 to 2015', '2010', 'year', { relation: 'range', end: '2015', anchor: null }),
    time(text, '2010-2015', '2010', 'year', { relation: 'range', end: '2015', anchor: null }),
    time(text, '1986/87', '1986', 'year', { relation: 'range', end: '1987', anchor: null }),
    time(text, '2010-15', '2010', 'year', { relation: 'range', end: '2015', anchor: null }),
  ]);
});

test('reads ranges of months and days, the end after the start', () => {
  const text = 'Quotas run from November to February, talks between January and March, and the fair from March 5 to 10 and May 1-3.';
  assert.deepEqual(timesIn(text), [
    time(text, 'from November to February', '2018-11', 'month', { relation: 'range', end: '2019-02' }),
    time(text, 'between January and March', '2019-01', 'month', { relation: 'range', end: '2019-03' }),
    time(text, 'from March 5 to 10', '2019-03-05', 'day', { relation: 'range', end: '2019-03-10' }),
    time(text, 'May 1-3', '2019-05-01', 'day', { relation: 'range', end: '2019-05-03' }),
  ]);
});

test('reads a time after from without a second half as a plain time: copy compares with from', () => {
  const text = 'Prices rose in January from December.';
  assert.deepEqual(timesIn(text), [time(text, 'January', '2019-01', 'month'), time(text, 'December', '2018-12', 'month')]);
});

test('reads decades and centuries by the digits their years share', () => {
  const text = 'Ties cooled in the 1980s and the early 1990s, a hit of the ’80s, built in the 1900s, in the 19th century and the twenty-first century.';
  assert.deepEqual(timesIn(text), [
    time(text, 'the 1980s', '198', 'decade', { anchor: null }),
    time(text, 'the early 1990s', '199', 'decade', { anchor: null }),
    time(text, 'the ’80s', '198', 'decade'),
    time(text, 'the 1900s', '19', 'century', { anchor: null }),
    time(text, 'the 19th century', '18', 'century', { anchor: null }),
    time(text, 'the twenty-first century', '20', 'century', { anchor: null }),
  ]);
});

test('reads times counted back from the story date', () => {
  const text = 'It opened a week ago, 10 days ago by some counts, a month ago by others, two years ago in law and a decade ago in fact.';
  assert.deepEqual(timesIn(text), [
    time(text, 'a week ago', '2019-04-18', 'day'),
    time(text, '10 days ago', '2019-04-15', 'day'),
    time(text, 'a month ago', '2019-03', 'month'),
    time(text, 'two years ago', '2017', 'year'),
    time(text, 'a decade ago', '2009', 'year'),
  ]);
});

test('reads mid-, early, end- and the end of before a time, at the time’s own precision', () => {
  const text = 'Due by mid-2020, in early March, end-March and the end of this year.';
  assert.deepEqual(timesIn(text), [
    time(text, 'mid-2020', '2020', 'year', { anchor: null }),
    time(text, 'early March', '2019-03', 'month'),
    time(text, 'end-March', '2019-03', 'month'),
    time(text, 'the end of this year', '2019', 'year'),
  ]);
});

test('takes no number that is not a year', () => {
  const text =
    'More than 2,000 tonnes and 10,000 labourers; they won 3-2 at 1117 hrs, about 2000 people came at 1030 a.m. to gate 1987, ' +
    'file IDN38100 and flight F-2000 left at 1000 London time with 2000 tonnes.';
  assert.deepEqual(timesIn(text), []);
});

test('takes no named day or title for a weekday, and no lower-case month', () => {
  const text = 'On Good Friday the Sunday Times said troops would march and prices may fall.';
  assert.deepEqual(timesIn(text), []);
});

test('reads the headline as block null and leaves preformatted tables out', () => {
  const story = storyWith({
    headline: 'Kim, Putin meet in Vladivostok on Thursday',
    body: [{ kind: 'preformatted', text: 'Year   1985   1986\nNet    1.2    1.4', line: 3, take: 1 }, paragraph('Output rose in 1986.')],
  });
  assert.deepEqual(findTimes(story, thursday), [
    { span: { block: null, start: 34, end: 42, text: 'Thursday' }, value: '2019-04-25', precision: 'day', relation: 'point', end: null, anchor: thursday },
    { span: { block: 1, start: 15, end: 19, text: '1986' }, value: '1986', precision: 'year', relation: 'point', end: null, anchor: null },
  ]);
});

test('reads a headline set in capitals, where a month alone needs a word that makes it one', () => {
  const story = storyWith({ headline: 'FED MAY CUT RATES IN JUNE AFTER MARCH 5 MEETING' });
  assert.deepEqual(findTimes(story, thursday), [
    { span: { block: null, start: 21, end: 25, text: 'JUNE' }, value: '2018-06', precision: 'month', relation: 'point', end: null, anchor: thursday },
    { span: { block: null, start: 26, end: 39, text: 'AFTER MARCH 5' }, value: '2019-03-05', precision: 'day', relation: 'since', end: null, anchor: thursday },
  ]);
});

test('leaves out times that need the story date when it is unknown, and keeps the absolute ones', () => {
  const text = 'It closed last year, on Thursday, and reopened in March 2018.';
  assert.deepEqual(timesIn(text, null), [time(text, 'March 2018', '2018-03', 'month', { anchor: null })]);
});

test('finds the times of the seed story, Thursday resolved to its dateline date', { skip: skipWithout('seed/000_45c4e983dc4e0401.txt') }, () => {
  const path = sharedPath('seed/000_45c4e983dc4e0401.txt')!;
  const [story] = parseSource(new SourceFile(readFileSync(path), { name: path })).stories;
  const anchor = storyAnchor(story!);
  assert.equal(anchor, '2019-04-25');
  const found = findTimes(story!, anchor).map((each) => [each.span.block, each.span.text, each.value, each.precision, each.relation, each.end]);
  assert.deepEqual(found, [
    [0, 'Thursday', '2019-04-25', 'day', 'point', null],
    [8, 'February', '2019-02', 'month', 'point', null],
    [10, 'the end of this year', '2019', 'year', 'point', null],
    [12, 'this year', '2019', 'year', 'point', null],
    [13, 'March', '2019-03', 'month', 'point', null],
    [15, 'Thursday', '2019-04-25', 'day', 'point', null],
    [17, 'last year', '2018', 'year', 'point', null],
    [18, 'Since March 2018', '2018-03', 'month', 'since', null],
    [20, 'last week', '2019-04-15', 'day', 'range', '2019-04-21'],
    [21, 'Wednesday', '2019-04-24', 'day', 'point', null],
    [24, 'Thursday', '2019-04-25', 'day', 'point', null],
    [26, 'the 1980s', '198', 'decade', 'point', null],
    [26, '1991', '1991', 'year', 'point', null],
    [27, '2002', '2002', 'year', 'point', null],
    [29, '2011', '2011', 'year', 'point', null],
  ]);
});

test('reads every Reuters-21578 story of reut2-000 without failing, each span where it says', { skip: skipWithout('reuters21578/reut2-000.sgm') }, (t) => {
  const path = sharedPath('reuters21578/reut2-000.sgm')!;
  const { stories } = parseSource(new SourceFile(readFileSync(path), { name: path }), { from: 'reuters-sgml' });
  const counts = new Map<string, number>();
  let total = 0;
  let anchored = 0;
  for (const story of stories) {
    const anchor = storyAnchor(story);
    if (anchor !== null) anchored += 1;
    for (const found of findTimes(story, anchor)) {
      total += 1;
      assert.equal(blockText(story, found.span.block).slice(found.span.start, found.span.end), found.span.text);
      assert.match(found.value, valueShapes[found.precision]);
      const key = `${found.precision} ${found.relation}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  t.diagnostic(`${stories.length} stories, ${anchored} with a date, ${total} times: ${[...counts].map(([key, count]) => `${key} ${count}`).join(', ')}`);
  assert.ok(total > stories.length, 'Reuters copy names more than one time a story');
});

const valueShapes: Record<TimeExpression['precision'], RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
  decade: /^\d{3}$/,
  century: /^\d{2}$/,
};

function blockText(story: Story, block: number | null): string {
  return block === null ? (story.headline ?? '') : story.body[block]!.text;
}
