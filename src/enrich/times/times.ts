/**
 * The times enricher: finds the dates and periods a story names and resolves each
 * against the story's own date, so `Thursday` in a story datelined Thursday
 * 2019-04-25 becomes `2019-04-25` and `last year` becomes `2018`.
 *
 * News looks back: an unqualified weekday or month is the most recent one on or
 * before the story's date (`met on Thursday`, `in February`), unless the clause puts it
 * ahead (`will resume on Monday`, `for March shipment`). A day and month without a year
 * (`March 5`) is the one nearest the story's date, since copy names coming dates that
 * way too (`payable March 15`).
 *
 * A span covers the words that say which time and how it relates: `since March 2018`,
 * `from 2010 to 2015`, `the end of this year`, `the 1980s`; not a preposition that only
 * places it (`in`, `on`, `during`). `after` reads as `since` and `before` and `through`
 * as `until`. Centuries are numbered as ISO 8601 does, by the digits their years share:
 * the 19th century (the 1800s) is `18`.
 */
import type { Span, TimeExpression, TimePrecision } from '../../story/enrichment.js';
import type { Story } from '../../story/story.js';
import { tokenize } from '../tokens.js';
import { daysInMonth, findMentions } from './grammar.js';
import type { Core, Mention } from './grammar.js';

/**
 * The date a story's relative times are read against: the dateline's date, else
 * when this version was created, else when the story was first created; ISO 8601
 * `YYYY-MM-DD`, or null when the story gives no complete date (a dateline without a
 * year, `--02-26`, does not count).
 *
 * @example
 * storyAnchor(story); // '2019-04-25' for `VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –`
 */
export function storyAnchor(story: Story): string | null {
  for (const candidate of [story.dateline?.date ?? null, story.versionCreated, story.firstCreated]) {
    const day = calendarDay(candidate);
    if (day !== null) return formatDay(day);
  }
  return null;
}

/**
 * Every time expression in the headline and the body (paragraphs and crossheads; not
 * preformatted tables), in reading order, resolved against `anchor` (normally
 * `storyAnchor(story)`). Expressions that need the anchor (`Thursday`, `last week`)
 * are left out when it is null; absolute ones (`in 2018`, `the 1980s`) are kept.
 *
 * @example
 * // body[0]: `Russian President Vladimir Putin … met face-to-face Thursday for the first time.`
 * findTimes(story, storyAnchor(story)); // the dateline's 2019-04-25
 * // [{ span: { block: 0, start: 120, end: 128, text: 'Thursday' }, value: '2019-04-25',
 * //    precision: 'day', relation: 'point', end: null, anchor: '2019-04-25' }, …]
 */
export function findTimes(story: Story, anchor: string | null): TimeExpression[] {
  const day = calendarDay(anchor);
  const found: TimeExpression[] = [];
  if (story.headline !== null) readBlock(story.headline, null, day, found);
  story.body.forEach((block, index) => {
    if (block.kind !== 'preformatted') readBlock(block.text, index, day, found);
  });
  return found;
}

function readBlock(text: string, block: number | null, anchor: Day | null, found: TimeExpression[]): void {
  const { tokens, allCaps } = tokenize(text);
  for (const mention of findMentions(tokens, allCaps)) {
    const expression = resolveMention(mention, anchor);
    if (expression === null) continue;
    const start = tokens[mention.first]!.start;
    const end = tokens[mention.next - 1]!.end;
    const span: Span = { block, start, end, text: text.slice(start, end) };
    found.push({ span, ...expression });
  }
}

// ---------------------------------------------------------------------------
// Resolution

interface Day {
  year: number;
  month: number;
  day: number;
}

/** A resolved time: its precision, and its first and last moment at that precision. */
interface Resolved {
  precision: TimePrecision;
  /** Comparable position at its precision: days since 1970, months since year 0, the year, the decade or the century. */
  first: number;
  /** The same for its last unit: a week is seven days; any other time one unit. */
  last: number;
  usedAnchor: boolean;
}

function resolveMention(mention: Mention, anchor: Day | null): Omit<TimeExpression, 'span'> | null {
  const start = resolveCore(mention.start, anchor, mention.forward);
  if (start === null) return null;
  const anchorText = (used: boolean) => (used && anchor !== null ? formatDay(anchor) : null);
  if (mention.end !== null) {
    let end = resolveEnd(mention.end, start, anchor);
    if (end === null) return null;
    // `from April 1 to September`: both halves at the coarser precision.
    if (end.precision !== start.precision) {
      const precision = coarser(start.precision, end.precision);
      const first = coarsen(start, precision);
      end = coarsen(end, precision);
      if (first === null || end === null) return null;
      Object.assign(start, first);
    }
    if (end.last < start.first) return null;
    return {
      value: format(start.first, start.precision),
      precision: start.precision,
      relation: 'range',
      end: format(end.last, end.precision),
      anchor: anchorText(start.usedAnchor || end.usedAnchor),
    };
  }
  // A week named as a point (`last week`) is the range of its days.
  const relation = mention.relation === 'point' && start.last !== start.first ? 'range' : mention.relation;
  return {
    value: format(start.first, start.precision),
    precision: start.precision,
    relation,
    end: relation === 'range' ? format(start.last, start.precision) : null,
    anchor: anchorText(start.usedAnchor),
  };
}

const precisionOrder: readonly TimePrecision[] = ['day', 'month', 'year', 'decade', 'century'];

function coarser(a: TimePrecision, b: TimePrecision): TimePrecision {
  return precisionOrder.indexOf(a) > precisionOrder.indexOf(b) ? a : b;
}

/** `resolved` at a coarser calendar precision (a day as its month or year, a month as its year); null for decades and centuries. */
function coarsen(resolved: Resolved, precision: TimePrecision): Resolved | null {
  if (resolved.precision === precision) return resolved;
  const convert = (value: number): number | null => {
    if (resolved.precision === 'day') {
      const day = fromEpochDay(value);
      return precision === 'month' ? day.year * 12 + day.month - 1 : precision === 'year' ? day.year : null;
    }
    if (resolved.precision === 'month' && precision === 'year') return Math.floor(value / 12);
    return null;
  };
  const first = convert(resolved.first);
  const last = convert(resolved.last);
  return first === null || last === null ? null : { precision, first, last, usedAnchor: resolved.usedAnchor };
}

/** The end of a range: a month, day or weekday without a year is the first on or after the start (`from November to February`). */
function resolveEnd(core: Core, start: Resolved, anchor: Day | null): Resolved | null {
  if (core.kind === 'month' && core.year === null && core.shift === 'bare' && (start.precision === 'month' || start.precision === 'day')) {
    const from = start.precision === 'day' ? coarsen(start, 'month')!.first : start.first;
    let month = Math.floor(from / 12) * 12 + (core.month - 1);
    if (month < from) month += 12;
    return { precision: 'month', first: month, last: month, usedAnchor: start.usedAnchor };
  }
  if (core.kind === 'date' && core.year === null && start.precision === 'day') {
    const from = fromEpochDay(start.first);
    for (const year of [from.year, from.year + 1]) {
      if (core.day > daysInMonth(year, core.month)) continue;
      const day = epochDay({ year, month: core.month, day: core.day });
      if (day >= start.first) return { precision: 'day', first: day, last: day, usedAnchor: start.usedAnchor };
    }
    return null;
  }
  if (core.kind === 'weekday' && core.shift === 'bare' && start.precision === 'day') {
    const weekday = weekdayOf(start.first);
    const day = start.first + ((core.weekday - weekday + 7) % 7);
    return { precision: 'day', first: day, last: day, usedAnchor: start.usedAnchor };
  }
  return resolveCore(core, anchor, false);
}

function resolveCore(core: Core, anchor: Day | null, forward: boolean): Resolved | null {
  switch (core.kind) {
    case 'year':
      return absolute('year', core.year);
    case 'century':
      return absolute('century', core.century);
    case 'decade': {
      if (!core.short) return absolute('decade', core.decade);
      if (anchor === null) return null;
      // `'80s` is the most recent such decade that has begun by the story's date.
      let decade = Math.floor(anchor.year / 100) * 10 + core.decade;
      if (decade * 10 > anchor.year) decade -= 10;
      return relative('decade', decade);
    }
    case 'date': {
      if (core.year !== null) return absolute('day', epochDay({ year: core.year, month: core.month, day: core.day }));
      if (anchor === null) return null;
      return relative('day', nearestDate(core.month, core.day, anchor));
    }
    case 'month': {
      if (core.year !== null) return absolute('month', core.year * 12 + core.month - 1);
      if (anchor === null) return null;
      return relative('month', monthYear(core.month, core.shift, forward, anchor) * 12 + core.month - 1);
    }
    case 'weekday': {
      if (anchor === null) return null;
      return relative('day', weekdayDate(core.weekday, core.shift, forward, epochDay(anchor)));
    }
    case 'day':
      return anchor === null ? null : relative('day', epochDay(anchor) + core.offset);
    case 'period':
      return anchor === null ? null : period(core.unit, core.offset, anchor);
    case 'ago':
      return anchor === null ? null : ago(core.unit, core.count, anchor);
  }
}

function absolute(precision: TimePrecision, value: number): Resolved {
  return { precision, first: value, last: value, usedAnchor: false };
}

function relative(precision: TimePrecision, value: number): Resolved {
  return { precision, first: value, last: value, usedAnchor: true };
}

/** The year of a month named without one: looking back from the story's date unless shifted or put ahead. */
function monthYear(month: number, shift: 'bare' | 'last' | 'this' | 'next', forward: boolean, anchor: Day): number {
  switch (shift) {
    case 'this':
      return anchor.year;
    case 'last':
      return month < anchor.month ? anchor.year : anchor.year - 1;
    case 'next':
      return month > anchor.month ? anchor.year : anchor.year + 1;
    case 'bare':
      if (forward) return month >= anchor.month ? anchor.year : anchor.year + 1;
      return month <= anchor.month ? anchor.year : anchor.year - 1;
  }
}

/** The day a weekday names: bare, the most recent on or before the story's date (or the next on or after, when put ahead). */
function weekdayDate(weekday: number, shift: 'bare' | 'last' | 'this' | 'next', forward: boolean, anchor: number): number {
  const today = weekdayOf(anchor);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  switch (shift) {
    case 'bare':
      return forward ? anchor + ahead : anchor - back;
    case 'last':
      return anchor - (back || 7);
    case 'next':
      return anchor + (ahead || 7);
    case 'this':
      // The day of that name in the story's own week, Monday to Sunday.
      return mondayOf(anchor) + ((weekday + 6) % 7);
  }
}

/** `March 5` without a year: of the days with that date, the one nearest the story's date. */
function nearestDate(month: number, day: number, anchor: Day): number {
  const today = epochDay(anchor);
  let best: number | null = null;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    if (day > daysInMonth(year, month)) continue;
    const candidate = epochDay({ year, month, day });
    if (best === null || Math.abs(candidate - today) < Math.abs(best - today)) best = candidate;
  }
  // 29 February when none of the three years has one: the last leap day before.
  return best ?? epochDay({ year: anchor.year - ((anchor.year % 4) || 4), month, day });
}

function period(unit: 'week' | 'weekend' | 'month' | 'year' | 'century', offset: number, anchor: Day): Resolved {
  const today = epochDay(anchor);
  switch (unit) {
    case 'week': {
      const monday = mondayOf(today) + 7 * offset;
      return { precision: 'day', first: monday, last: monday + 6, usedAnchor: true };
    }
    case 'weekend': {
      const saturday = mondayOf(today) + 5 + 7 * offset;
      return { precision: 'day', first: saturday, last: saturday + 1, usedAnchor: true };
    }
    case 'month':
      return relative('month', anchor.year * 12 + anchor.month - 1 + offset);
    case 'year':
      return relative('year', anchor.year + offset);
    case 'century':
      return relative('century', Math.floor(anchor.year / 100) + offset);
  }
}

function ago(unit: 'day' | 'week' | 'month' | 'year' | 'decade' | 'century', count: number, anchor: Day): Resolved {
  switch (unit) {
    case 'day':
      return relative('day', epochDay(anchor) - count);
    case 'week':
      return relative('day', epochDay(anchor) - 7 * count);
    case 'month':
      return relative('month', anchor.year * 12 + anchor.month - 1 - count);
    case 'year':
      return relative('year', anchor.year - count);
    case 'decade':
      return relative('year', anchor.year - 10 * count);
    case 'century':
      return relative('year', anchor.year - 100 * count);
  }
}

// ---------------------------------------------------------------------------
// Calendar arithmetic, in UTC days

const dayMilliseconds = 86_400_000;

function epochDay(day: Day): number {
  return Date.UTC(day.year, day.month - 1, day.day) / dayMilliseconds;
}

function fromEpochDay(value: number): Day {
  const date = new Date(value * dayMilliseconds);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 0 Sunday … 6 Saturday; 1 January 1970 was a Thursday. */
function weekdayOf(value: number): number {
  return (((value + 4) % 7) + 7) % 7;
}

function mondayOf(value: number): number {
  return value - ((weekdayOf(value) + 6) % 7);
}

/** An ISO 8601 date at the start of `text` (`2019-04-25`, `2019-04-25T11:17:00+06:00`), or null. */
function calendarDay(text: string | null | undefined): Day | null {
  if (text === null || text === undefined) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (match === null) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysInMonth(day.year, day.month)) return null;
  return day;
}

function format(value: number, precision: TimePrecision): string {
  switch (precision) {
    case 'day':
      return formatDay(fromEpochDay(value));
    case 'month':
      return `${pad(Math.floor(value / 12), 4)}-${pad((value % 12) + 1, 2)}`;
    case 'year':
      return pad(value, 4);
    case 'decade':
      return pad(value, 3);
    case 'century':
      return pad(value, 2);
  }
}

function formatDay(day: Day): string {
  return `${pad(day.year, 4)}-${pad(day.month, 2)}-${pad(day.day, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
