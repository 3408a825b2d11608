/**
 * How English news copy writes dates and periods, written once: the words (months,
 * weekdays, counts, units) and the patterns over a block's tokens that find a time
 * expression and say what it names, before it is resolved against the story's date.
 *
 * The text is first cut into tokens by one linear pattern (letters, digits, any other
 * single character), and every pattern here walks that token list with plain index
 * arithmetic: no regular expression ever sees a whole paragraph, so nothing can
 * backtrack on long copy.
 */

import { adjacent } from '../tokens.js';
import type { Token } from '../tokens.js';

// ---------------------------------------------------------------------------
// Words

/** Month names and the abbreviations wire copy uses (`Feb 26`, `Sept.`), to the month number 1–12. */
const months: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Full month names: only these stand alone as a month (`in February`); abbreviations need a day or a year. */
const fullMonthNames = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Weekday names to the JavaScript day number (0 Sunday … 6 Saturday). */
const weekdays: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

// `Good Friday`, `Super Tuesday`, `Bloody Sunday`: named days, not the last such weekday.
const namedDayWords = new Set(['good', 'black', 'cyber', 'ash', 'palm', 'easter', 'super', 'holy', 'maundy', 'bloody', 'shrove', 'boxing']);
// `the Sunday Times`, `Monday Night Football`: titles, not days.
const titleWords = new Set(['times', 'telegraph', 'mail', 'express', 'herald', 'post', 'tribune', 'mirror', 'independent', 'observer', 'sport', 'night', 'club']);

/** Small counts written as words, for `two years ago`. */
const countWords: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['hundred', 100],
]);

/** Days of the month in words, as Reuters writes them (`April five`, `June One`). */
const dayWords: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9],
  ['twenty', 20], ['thirty', 30],
]);
// Words that may follow a day written in words: none of them a noun the word could count.
const dayWordFollowers = new Set(['and', 'or', 'to', 'through', 'until', 'with', 'when', 'at', 'in', 'for', 'from', 'after', 'before', 'on', 'as', 'the', 'this', 'next', 'last', 'is', 'was', 'will']);

/** Ordinal words naming centuries (`the nineteenth century`). */
const ordinalWords: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
]);

const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th']);

/** What `ago` counts back in (`two years ago`). */
export type AgoUnit = 'day' | 'week' | 'month' | 'year' | 'decade' | 'century';

const agoUnits: ReadonlyMap<string, AgoUnit> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'],
  ['year', 'year'], ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'], ['century', 'century'], ['centuries', 'century'],
]);

/** The calendar periods `last`, `this` and `next` name (`last week`, `this year`). */
export type PeriodUnit = 'week' | 'weekend' | 'month' | 'year' | 'century';

const periodUnits: ReadonlyMap<string, PeriodUnit> = new Map([
  ['week', 'week'], ['weekend', 'weekend'], ['month', 'month'], ['year', 'year'], ['century', 'century'],
]);

/** How a weekday or month is placed from the story's date: bare (looking back), or with `last`, `this`, `next`. */
export type Shift = 'bare' | 'last' | 'this' | 'next';

const shiftWords: ReadonlyMap<string, Shift> = new Map([['last', 'last'], ['this', 'this'], ['next', 'next']]);

/** Words before a number that make it a count, not a year (`about 2000 people`). */
const approximators = new Set(['about', 'some', 'nearly', 'almost', 'over', 'than', 'around', 'approximately', 'roughly', 'least', 'only', 'just', 'under', 'below', 'above', 'exceeding']);

/** Words after a four-digit number that make it a clock time or a quantity, not a year (`1117 hrs`, `2000 tonnes`). */
const notYearAfter = new Set([
  'hrs', 'hr', 'hours', 'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'jst', 'local', 'am', 'pm',
  'pct', 'percent', 'tonnes', 'tons', 'tonne', 'kg', 'km', 'dlrs', 'dollars', 'euros', 'yen', 'shares', 'barrels', 'bpd',
  'people', 'troops', 'workers', 'jobs', 'units', 'acres', 'hectares', 'feet', 'metres', 'meters', 'miles', 'points', 'mln', 'million',
  'billion', 'bln', 'thousand', 'bc', 'bce', 'ad',
]);

/** Words before a bare month name that make it a month (`in May`): `May` alone is a modal verb or a name. */
const monthContext = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'through', 'during', 'early', 'late', 'mid', 'last', 'next', 'this', 'of',
  'before', 'after', 'between', 'end', 'for', 'around', 'throughout',
]);

/**
 * Words shortly before a bare weekday or month that put it ahead of the story's date
 * (`will resume on Monday`, `by June`, `payable in July`), and words after a month that make it a shipping or
 * futures month (`March shipment`).
 */
const forwardBefore = new Set(['will', 'shall', 'll', 'by', 'due', 'scheduled', 'expected', 'planned', 'upcoming', 'coming', 'be', 'payable', 'effective', 'starting', 'commencing']);
const forwardAfter = new Set(['shipment', 'shipments', 'delivery', 'deliveries', 'futures', 'contract', 'contracts', 'loading', 'loadings', 'arrival', 'arrivals']);
// A clause ends at these marks; a cue beyond one does not reach the time.
const clauseMarks = new Set([',', ';', ':', '.', '!', '?', '"', '“', '”', '(', ')', '–', '—']);

const relationWords: ReadonlyMap<string, 'since' | 'until' | 'from' | 'between'> = new Map([
  ['since', 'since'], ['after', 'since'], ['until', 'until'], ['till', 'until'], ['til', 'until'], ['through', 'until'],
  ['before', 'until'], ['from', 'from'], ['between', 'between'],
]);

const qualifierWords = new Set(['early', 'earlier', 'late', 'later', 'mid', 'end']);
const relativeDayWords = new Set(['today', 'tonight', 'yesterday', 'tomorrow']);
// Words after `the` that may open a time: `the end of 2019`, `the early 1990s`, `the twenty-first century`.
const afterTheWords = new Set(['end', 'beginning', 'start', 'middle', 'turn', 'early', 'late', 'mid', 'twenty']);
// Kinds that are plain calendar times, which a range may mix (`from April 1 to September`).
const calendarKinds = new Set(['date', 'month', 'year']);
const rangeSeparators = new Set(['to', 'until', 'till', 'through', '-', '–', '—']);
const dashes = new Set(['-', '–', '—']);
const apostrophes = new Set(["'", '’', '‘']);

/** Every word a time expression can start with. */
const startWords: ReadonlySet<string> = new Set([
  ...relationWords.keys(), ...months.keys(), ...weekdays.keys(), ...shiftWords.keys(), ...qualifierWords, ...relativeDayWords,
  ...countWords.keys(), ...ordinalWords.keys(), 'the',
]);

// ---------------------------------------------------------------------------
// What a mention names, before resolution

/** A time the text names, before it is resolved against the story's date. */
export type Core =
  /** A calendar day; `year` null when the copy leaves it out (`March 5`). */
  | { kind: 'date'; year: number | null; month: number; day: number }
  /** A month; `year` null when the copy leaves it out (`in February`, `last March`). */
  | { kind: 'month'; year: number | null; month: number; shift: Shift }
  | { kind: 'year'; year: number }
  /** `the 1980s` → 198; `the '80s` → 8 with `short`, its century taken from the story's date. */
  | { kind: 'decade'; decade: number; short: boolean }
  /** ISO's century number: the first two digits of its years (`the 19th century` → 18). */
  | { kind: 'century'; century: number }
  | { kind: 'weekday'; weekday: number; shift: Shift }
  /** `today` 0, `yesterday` -1, `tomorrow` 1. */
  | { kind: 'day'; offset: number }
  /** `last week` (-1), `this year` (0), `next month` (1). */
  | { kind: 'period'; unit: PeriodUnit; offset: number }
  /** `two years ago`. */
  | { kind: 'ago'; unit: AgoUnit; count: number };

/** One time expression found in a block: the tokens it covers and what it names. */
export interface Mention {
  /** Index of its first token. */
  first: number;
  /** Index after its last token. */
  next: number;
  relation: 'point' | 'since' | 'until' | 'range';
  start: Core;
  /** The end of a range; null otherwise. */
  end: Core | null;
  /** A bare weekday or month the text puts ahead of the story's date (`will meet on Monday`). */
  forward: boolean;
}

interface Parsed {
  core: Core;
  /** Index after the last token taken. */
  next: number;
}

// ---------------------------------------------------------------------------
// Patterns

/**
 * Finds every time expression in a block's tokens, left to right, none overlapping.
 * `allCaps` says the block is set in capitals, where a month alone needs a word before it.
 *
 * @example
 * const { tokens, allCaps } = tokenize('They met on Thursday, since March 2018.');
 * findMentions(tokens, allCaps);
 * // [{ first: 3, next: 4, relation: 'point', start: { kind: 'weekday', weekday: 4, shift: 'bare' }, end: null, forward: false },
 * //  { first: 5, next: 8, relation: 'since', start: { kind: 'month', year: 2018, month: 3, shift: 'bare' }, end: null, forward: false }]
 */
export function findMentions(tokens: readonly Token[], allCaps: boolean): Mention[] {
  const found: Mention[] = [];
  const reader = new Reader(tokens, allCaps);
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index]!;
    // Cheap gate: an expression starts with one of a few words, a number, or the apostrophe of `'80s`.
    const opens = token.kind === 'word' ? startWords.has(token.lower) : token.kind === 'number' ? token.text.length <= 4 : apostrophes.has(token.text);
    const mention = opens ? reader.mention(index) : null;
    if (mention === null) {
      index += 1;
      continue;
    }
    found.push(mention);
    index = mention.next;
  }
  return found;
}

class Reader {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly allCaps: boolean,
  ) {}

  /** The expression starting at `index`: a relation word (`since`, `from … to`) around one or two times. */
  mention(index: number): Mention | null {
    const token = this.tokens[index]!;
    const relation = relationWords.get(token.lower) ?? null;
    if (relation !== null) {
      const withRelation = this.related(index, relation);
      if (withRelation !== null) return withRelation;
    }
    const parsed = this.core(index, false);
    if (parsed === null) return null;
    const range = this.rangeAfter(parsed, false);
    if (range !== null) return { first: index, next: range.next, relation: 'range', start: parsed.core, end: range.core, forward: this.forward(index, { core: parsed.core, next: range.next }) };
    return { first: index, next: parsed.next, relation: 'point', start: parsed.core, end: null, forward: this.forward(index, parsed) };
  }

  private related(index: number, relation: 'since' | 'until' | 'from' | 'between'): Mention | null {
    const parsed = this.core(index + 1, true);
    if (parsed === null) return null;
    if (relation === 'from' || relation === 'between') {
      const range = this.rangeAfter(parsed, relation === 'between');
      if (range !== null) return { first: index, next: range.next, relation: 'range', start: parsed.core, end: range.core, forward: false };
      // `between 2010` alone is no period; nor is `from December` alone a start: financial
      // copy compares (`rose in January from December`), so the time is read without it.
      return null;
    }
    return { first: index, next: parsed.next, relation, start: parsed.core, end: null, forward: this.forward(index + 1, parsed) };
  }

  /** The second half of a range after `parsed`: `to 2015`, `-15`, `/87`, `and May` (after `between`). */
  private rangeAfter(parsed: Parsed, between: boolean): Parsed | null {
    const tokens = this.tokens;
    const separator = tokens[parsed.next];
    if (separator === undefined) return null;
    const start = parsed.core;
    const slash = separator.text === '/';
    if (!(rangeSeparators.has(separator.lower) || (between && separator.lower === 'and') || slash)) return null;
    const tight = this.adjacent(parsed.next - 1, parsed.next) && this.adjacent(parsed.next, parsed.next + 1);
    // `June/July`, `1986/87`: only written tight; a spaced slash is a list.
    if (slash && !tight) return null;
    const after = parsed.next + 1;
    const next = tokens[after];
    if (next === undefined) return null;
    // `2010-15`, `1986/87`: the second year written with two digits.
    if (start.kind === 'year' && next.kind === 'number' && next.text.length === 2 && (tight || !dashes.has(separator.text))) {
      const end = Math.floor(start.year / 100) * 100 + Number(next.text);
      const year = end > start.year ? end : end + 100;
      // `1986/87`, `2010-15`: a season or a span of years; `1986/12` is no such thing.
      if (year - start.year > 20 || this.gluedAfter(after)) return null;
      return { core: { kind: 'year', year }, next: after + 1 };
    }
    // `March 5-10`, `from March 5 to 10`: the second day in the same month.
    if (start.kind === 'date' && next.kind === 'number' && /^\d{1,2}$/.test(next.text) && !this.startsCore(after)) {
      const day = Number(next.text);
      if (day <= start.day || day > 31 || this.gluedAfter(after) || !this.monthHas(start.year, start.month, day)) return null;
      return { core: { kind: 'date', year: start.year, month: start.month, day }, next: after + 1 };
    }
    const end = this.core(after, true, true);
    // Calendar times may mix precisions (`from April 1 to September`); other kinds pair with their own.
    if (end === null || !(end.core.kind === start.kind || (calendarKinds.has(end.core.kind) && calendarKinds.has(start.kind)))) return null;
    if (slash && start.kind !== 'month' && start.kind !== 'year') return null;
    // The first half takes the year the second gives (`from March to May 2019`).
    if ((start.kind === 'month' || start.kind === 'date') && start.year === null && (end.core.kind === 'month' || end.core.kind === 'date') && end.core.year !== null) {
      start.year = start.month <= end.core.month ? end.core.year : end.core.year - 1;
    }
    return end;
  }

  /** Whether a core time starts at `index` (so `March 5 to 10 March` is not read as two days of March). */
  private startsCore(index: number): boolean {
    return this.tokens[index + 1] !== undefined && months.has(this.tokens[index + 1]!.lower);
  }

  /**
   * One time at `index`. `context` says a relation word or a range already stands
   * before it, which licenses a bare `May` and years before 1900; `afterSeparator`, that
   * it is the second half of a range, which may be glued to the first (`2010-2015`).
   */
  core(index: number, context: boolean, afterSeparator = false): Parsed | null {
    const token = this.tokens[index];
    if (token === undefined) return null;
    switch (token.kind) {
      case 'number':
        return this.numberFirst(index, context, afterSeparator);
      case 'mark':
        return apostrophes.has(token.text) ? this.shortDecade(index) : null;
      case 'word':
        return this.wordFirst(index, context);
    }
  }

  private wordFirst(index: number, context: boolean): Parsed | null {
    const token = this.tokens[index]!;
    const lower = token.lower;
    if (lower === 'the') return this.afterThe(index);
    if (qualifierWords.has(lower)) {
      const qualified = this.qualified(index);
      if (qualified !== null) return qualified;
    }
    const month = months.get(lower);
    if (month !== undefined) return this.monthFirst(index, month, context);
    const weekday = weekdays.get(lower);
    if (weekday !== undefined) return this.weekdayFirst(index, weekday, 'bare');
    const shift = shiftWords.get(lower);
    if (shift !== undefined) return this.shifted(index, shift);
    switch (lower) {
      case 'today':
      case 'tonight':
        return { core: { kind: 'day', offset: 0 }, next: index + 1 };
      case 'yesterday':
        return { core: { kind: 'day', offset: -1 }, next: index + 1 };
      case 'tomorrow':
        return { core: { kind: 'day', offset: 1 }, next: index + 1 };
    }
    const count = countWords.get(lower);
    if (count !== undefined) {
      const ago = this.ago(index, count);
      if (ago !== null) return ago;
    }
    const ordinal = ordinalWords.get(lower);
    if (ordinal !== undefined) return this.century(index + 1, ordinal);
    // `twenty-first century`
    if (lower === 'twenty' && this.text(index + 1) === '-' && this.lower(index + 2) === 'first') return this.century(index + 3, 21);
    return null;
  }

  /** `the 1980s`, `the 19th century`, `the end of 2019`, `the early 1990s`. */
  private afterThe(index: number): Parsed | null {
    const next = this.tokens[index + 1];
    // Most `the` open no time: a quick look at the word after it.
    if (next === undefined || !(next.kind === 'number' || apostrophes.has(next.text) || afterTheWords.has(next.lower) || ordinalWords.has(next.lower))) return null;
    // `the end of`, `the beginning of`, `the start of`, `the middle of`, `the turn of`
    if (this.lower(index + 2) === 'of' && (next.lower === 'end' || next.lower === 'beginning' || next.lower === 'start' || next.lower === 'middle' || next.lower === 'turn')) {
      const inner = this.core(index + 3, true);
      return inner === null || inner.core.kind === 'day' || inner.core.kind === 'ago' ? null : { core: inner.core, next: inner.next };
    }
    let at = index + 1;
    if (next.lower === 'early' || next.lower === 'late' || next.lower === 'mid') at = this.lower(index + 2) === '-' ? index + 3 : index + 2;
    const inner = this.core(at, true);
    if (inner === null || (inner.core.kind !== 'decade' && inner.core.kind !== 'century')) return null;
    return inner;
  }

  /** `early March`, `mid-2020`, `late last year`, `earlier this month`, `end-March`. */
  private qualified(index: number): Parsed | null {
    const lower = this.lower(index);
    let at = index + 1;
    if (this.text(at) === '-' && this.adjacent(index, at) && this.adjacent(at, at + 1)) at += 1;
    else if (lower === 'mid' || lower === 'end') return null; // `mid` and `end` qualify only with a hyphen: `mid-2020`, `end-March`
    const inner = this.core(at, true);
    if (inner === null) return null;
    const kind = inner.core.kind;
    // `earlier`/`later` qualify a period of the story's own time: `earlier this month`, `later this year`.
    if ((lower === 'earlier' || lower === 'later') && kind !== 'period') return null;
    if (kind === 'ago' || kind === 'day' || (kind === 'weekday' && lower !== 'early' && lower !== 'late')) return null;
    return inner;
  }

  private monthFirst(index: number, month: number, context: boolean): Parsed | null {
    const tokens = this.tokens;
    const token = tokens[index]!;
    // Month names are capitalised; `march` and `may` in lower case are verbs.
    if (!isCapitalised(token.text)) return null;
    let at = index + 1;
    if (tokens[at]?.text === '.' && token.text.length <= 4 && !fullMonthNames.has(token.lower)) at += 1; // `Sept. 5`
    // `March 5`, `March 5th`, `March 5, 2019`
    const day = this.dayNumber(at);
    if (day !== null) {
      let next = day.next;
      let year: number | null = null;
      const comma = tokens[next]?.text === ',' ? next + 1 : next;
      const written = this.yearNumber(comma, true);
      if (written !== null) {
        year = written;
        next = comma + 1;
      }
      if (!this.monthHas(year, month, day.day)) return null;
      return { core: { kind: 'date', year, month, day: day.day }, next };
    }
    // `February 2018`, `February of 2018`, `April, 1986`
    const yearAt = this.lower(at) === 'of' || this.text(at) === ',' ? at + 1 : at;
    const year = this.yearNumber(yearAt, true);
    if (year !== null) return { core: { kind: 'month', year, month, shift: 'bare' }, next: yearAt + 1 };
    // A bare month: a full name; an abbreviation only in a pair of shipment months (`Aug/Sept`).
    if (!fullMonthNames.has(token.lower) && !this.monthPair(index)) return null;
    // `May` only where the words before make it a month.
    if (token.lower === 'may' && !context && !this.monthContext(index)) return null;
    // In an all-capitals headline a month alone is too unsure (`FED MAY CUT`) unless introduced.
    if (this.allCaps && !context && !this.monthContext(index)) return null;
    return { core: { kind: 'month', year: null, month, shift: 'bare' }, next: index + 1 };
  }

  /** Whether the month at `index` is half of a pair written tight with a slash (`Aug/Sept`, `June/July`). */
  private monthPair(index: number): boolean {
    if (this.text(index + 1) === '/' && this.adjacent(index, index + 1) && this.adjacent(index + 1, index + 2) && months.has(this.lower(index + 2))) return true;
    return this.text(index - 1) === '/' && this.adjacent(index - 1, index) && this.adjacent(index - 2, index - 1) && months.has(this.lower(index - 2));
  }

  private monthContext(index: number): boolean {
    const before = this.tokens[index - 1];
    if (before === undefined) return false;
    if (monthContext.has(before.lower)) return true;
    // `April and May`, `April or May`
    return (before.lower === 'and' || before.lower === 'or') && index >= 2 && months.has(this.tokens[index - 2]!.lower);
  }

  /** `Thursday`, `Thursday, April 25`, `last Friday`. */
  private weekdayFirst(index: number, weekday: number, shift: Shift): Parsed | null {
    const tokens = this.tokens;
    const before = tokens[index - 1];
    if (shift === 'bare' && before !== undefined && namedDayWords.has(before.lower) && isCapitalised(before.text)) return null;
    const after = tokens[index + 1];
    if (after !== undefined && after.kind === 'word' && titleWords.has(after.lower) && isCapitalised(after.text)) return null;
    // `Thursday, April 25, 2019`: the date names the day; the weekday joins it.
    if (shift === 'bare') {
      const at = after?.text === ',' ? index + 2 : index + 1;
      const next = tokens[at];
      if (next !== undefined && months.has(next.lower)) {
        const date = this.monthFirst(at, months.get(next.lower)!, true);
        if (date !== null && date.core.kind === 'date') return date;
      }
    }
    return { core: { kind: 'weekday', weekday, shift }, next: index + 1 };
  }

  /** `last week`, `this year`, `next Monday`, `last March`, `this morning`. */
  private shifted(index: number, shift: Shift): Parsed | null {
    const next = this.tokens[index + 1];
    if (next === undefined) return null;
    // `the last year`, `the next month`: the twelve months before or after, not the calendar period.
    if (this.lower(index - 1) === 'the') return null;
    const offset = shift === 'last' ? -1 : shift === 'next' ? 1 : 0;
    const unit = periodUnits.get(next.lower);
    if (unit !== undefined) return { core: { kind: 'period', unit, offset }, next: index + 2 };
    const weekday = weekdays.get(next.lower);
    if (weekday !== undefined) return this.weekdayFirst(index + 1, weekday, shift);
    const month = months.get(next.lower);
    if (month !== undefined && fullMonthNames.has(next.lower) && isCapitalised(next.text)) {
      return { core: { kind: 'month', year: null, month, shift }, next: index + 2 };
    }
    if (shift === 'this' && (next.lower === 'morning' || next.lower === 'afternoon' || next.lower === 'evening')) {
      return { core: { kind: 'day', offset: 0 }, next: index + 2 };
    }
    return null;
  }

  /** `a week ago`, `two years ago`, `10 days ago`. */
  private ago(index: number, count: number): Parsed | null {
    const unit = agoUnits.get(this.lower(index + 1));
    if (unit === undefined || this.lower(index + 2) !== 'ago') return null;
    // `a week ago` but not `a weeks ago`; `one`/`a` take the singular.
    const plural = this.lower(index + 1).endsWith('s');
    if ((count === 1) === plural) return null;
    return { core: { kind: 'ago', unit, count }, next: index + 3 };
  }

  /** `19th century`, `19th-century`, `nineteenth century`; `at` is the token after the ordinal. */
  private century(at: number, ordinal: number): Parsed | null {
    let word = at;
    if (this.text(word) === '-' && this.adjacent(word - 1, word)) word += 1;
    const lower = this.lower(word);
    if (lower !== 'century' && lower !== 'centuries') return null;
    if (this.isEra(word + 1)) return null;
    return { core: { kind: 'century', century: ordinal - 1 }, next: word + 1 };
  }

  private numberFirst(index: number, context: boolean, afterSeparator: boolean): Parsed | null {
    const tokens = this.tokens;
    const token = tokens[index]!;
    const text = token.text;
    if (text.length > 4 || !isDigits(text)) return null;
    const value = Number(text);
    const after = tokens[index + 1];
    // `19th century`
    if (after !== undefined && after.kind === 'word' && ordinalSuffixes.has(after.lower) && this.adjacent(index, index + 1)) {
      if (value >= 1 && value <= 21 && !this.gluedBefore(index)) {
        const century = this.century(index + 2, value);
        if (century !== null) return century;
      }
      // `5th March`, `25th of April`
      return this.dayFirst(index, value, index + 2);
    }
    if (text.length === 4) {
      // `2019-04-25`
      const iso = this.isoDate(index);
      if (iso !== null) return iso;
      // `1980s`, `1980's`; `1900s` is the century.
      const decade = this.decade(index, value);
      if (decade !== null) return decade;
      const year = this.yearNumber(index, context, afterSeparator);
      if (year !== null) return { core: { kind: 'year', year }, next: index + 1 };
      return null;
    }
    const ago = this.ago(index, value);
    if (ago !== null || text.length > 2) return ago;
    return this.dayFirst(index, value, index + 1);
  }

  /** `5 March 2018`, `25th of April`; `at` is the token after the day (and its suffix). */
  private dayFirst(index: number, day: number, at: number): Parsed | null {
    if (day < 1 || day > 31 || this.gluedBefore(index)) return null;
    const monthAt = this.lower(at) === 'of' ? at + 1 : at;
    const monthToken = this.tokens[monthAt];
    if (monthToken === undefined) return null;
    const month = months.get(monthToken.lower);
    if (month === undefined || !isCapitalised(monthToken.text)) return null;
    let next = monthAt + 1;
    if (this.text(next) === '.' && !fullMonthNames.has(monthToken.lower)) next += 1;
    const year = this.yearNumber(next, true);
    if (year !== null) next += 1;
    if (!this.monthHas(year, month, day)) return null;
    return { core: { kind: 'date', year, month, day }, next };
  }

  /** A day of the month at `index` (`5`, `5th`), not the start of something else (`March 15 pct`). */
  private dayNumber(index: number): { day: number; next: number } | null {
    const token = this.tokens[index];
    if (token !== undefined && token.kind === 'word') return this.dayWord(index);
    if (token === undefined || token.kind !== 'number' || token.text.length > 2 || !isDigits(token.text)) return null;
    const day = Number(token.text);
    if (day < 1 || day > 31) return null;
    let next = index + 1;
    const after = this.tokens[next];
    if (after !== undefined && this.adjacent(index, next)) {
      if (after.kind === 'word') {
        if (!ordinalSuffixes.has(after.lower)) return null; // `March 5pc`
        next += 1;
      } else if (after.text === '%' || after.text === ':' || (after.text === '/' && this.tokens[next + 1]?.kind === 'number')) {
        return null;
      }
    }
    const word = this.lower(next);
    if (notYearAfter.has(word) || word === '%' || word === 'cents' || word === 'cts') return null;
    return { day, next };
  }

  /**
   * A day written in words, as Reuters writes small numbers (`record April Six`, `pay
   * June One`, `starting April five with …`): only where what follows cannot make the
   * word a count (`in April two companies merged`).
   */
  private dayWord(index: number): { day: number; next: number } | null {
    let day = dayWords.get(this.lower(index));
    let next = index + 1;
    // `twenty-one`, `thirty-first`
    if ((day === 20 || day === 30) && dashes.has(this.text(next)) && this.adjacent(index, next)) {
      const unit = dayWords.get(this.lower(next + 1));
      if (unit !== undefined && unit < 10) {
        day += unit;
        next += 2;
      }
    }
    if (day === undefined || day > 31) return null;
    const after = this.tokens[next];
    if (after !== undefined && after.kind !== 'mark' && !dayWordFollowers.has(after.lower)) return null;
    if (after !== undefined && after.kind === 'mark' && (dashes.has(after.text) || after.text === '/')) return null;
    return { day, next };
  }

  /**
   * A four-digit year at `index` that is no count, id or clock time; `context` allows
   * years before 1900, `afterSeparator` a year glued to the one before (`2010-2015`).
   */
  yearNumber(index: number, context: boolean, afterSeparator = false): number | null {
    const token = this.tokens[index];
    if (token === undefined || token.kind !== 'number' || token.text.length !== 4 || !isDigits(token.text)) return null;
    const year = Number(token.text);
    if (year < 1000 || year > 2099) return null;
    if (year < 1900 && !context && !this.monthContext(index) && !yearContext.has(this.lower(index - 1))) return null;
    if ((!afterSeparator && this.gluedBefore(index)) || (this.gluedAfter(index) && !this.rangeFollows(index))) return null;
    const before = this.tokens[index - 1];
    if (before !== undefined) {
      if (before.kind === 'mark' && (before.text === '$' || before.text === '£' || before.text === '€' || before.text === '¥' || before.text === '#' || before.text === '+' || before.text === '№')) return null;
      if (approximators.has(before.lower)) return null;
      // `No. 1987`, `flight 1987`: a label
      if (labelWords.has(before.lower) || (before.text === '.' && this.lower(index - 2) === 'no')) return null;
    }
    const after = this.tokens[index + 1];
    if (after !== undefined) {
      if (notYearAfter.has(after.lower) || after.text === '%') return null;
      // `2019:` scores; `1000 London time`
      if (after.text === ':' && this.tokens[index + 2]?.kind === 'number') return null;
      if (after.kind === 'word' && this.lower(index + 2) === 'time') return null;
      if ((after.lower === 'a' || after.lower === 'p') && this.text(index + 2) === '.' && this.lower(index + 3) === 'm') return null; // `1030 a.m.`
      if (this.isEra(index + 1)) return null;
    }
    return year;
  }

  private isoDate(index: number): Parsed | null {
    const t = this.tokens;
    if (!(dashes.has(this.text(index + 1)) && this.text(index + 3) === this.text(index + 1))) return null;
    for (let at = index; at < index + 4; at += 1) if (!this.adjacent(at, at + 1)) return null;
    const month = t[index + 2]!;
    const day = t[index + 4];
    if (month.kind !== 'number' || month.text.length !== 2 || day === undefined || day.kind !== 'number' || day.text.length !== 2) return null;
    if (this.gluedBefore(index) || this.gluedAfter(index + 4) || dashes.has(this.text(index + 5))) return null;
    const year = Number(t[index]!.text);
    const monthNumber = Number(month.text);
    const dayNumber = Number(day.text);
    if (year < 1000 || monthNumber < 1 || monthNumber > 12 || !this.monthHas(year, monthNumber, dayNumber)) return null;
    return { core: { kind: 'date', year, month: monthNumber, day: dayNumber }, next: index + 5 };
  }

  private decade(index: number, value: number): Parsed | null {
    const after = this.tokens[index + 1];
    if (after === undefined || !this.adjacent(index, index + 1) || value % 10 !== 0 || value < 1000 || value > 2090) return null;
    let next: number;
    if (after.lower === 's') next = index + 2;
    else if (apostrophes.has(after.text) && this.lower(index + 2) === 's' && this.adjacent(index + 1, index + 2)) next = index + 3;
    else return null;
    if (this.gluedBefore(index) || this.gluedAfter(next - 1)) return null;
    // `the 1800s`, `the 1900s` are centuries; `the 2000s` is the decade.
    if (value % 100 === 0 && value < 2000) return { core: { kind: 'century', century: value / 100 }, next };
    return { core: { kind: 'decade', decade: value / 10, short: false }, next };
  }

  /** `'80s`, `’90s`: a decade whose century the story's date decides. */
  private shortDecade(apostrophe: number): Parsed | null {
    const number = this.tokens[apostrophe + 1];
    const suffix = this.tokens[apostrophe + 2];
    if (number === undefined || suffix === undefined || number.kind !== 'number' || number.text.length !== 2 || !isDigits(number.text)) return null;
    if (suffix.lower !== 's' || !this.adjacent(apostrophe, apostrophe + 1) || !this.adjacent(apostrophe + 1, apostrophe + 2)) return null;
    const value = Number(number.text);
    if (value % 10 !== 0 || this.gluedAfter(apostrophe + 2)) return null;
    // An apostrophe glued to a word before it is a closing quote or a possessive, not `'80s`.
    if (this.gluedBefore(apostrophe)) return null;
    return { core: { kind: 'decade', decade: value / 10, short: true }, next: apostrophe + 3 };
  }

  /** Whether a bare weekday or month is put ahead of the story's date by the words around it. */
  private forward(index: number, parsed: Parsed): boolean {
    const core = parsed.core;
    if (!((core.kind === 'weekday' || core.kind === 'month') && core.shift === 'bare' && !(core.kind === 'month' && core.year !== null))) return false;
    if (core.kind === 'month' && forwardAfter.has(this.lower(parsed.next))) return true;
    for (let at = index - 1, words = 0; at >= 0 && words < 6; at -= 1) {
      const token = this.tokens[at]!;
      if (token.kind === 'mark' && clauseMarks.has(token.text)) return false;
      if (token.kind !== 'word') continue;
      if (forwardBefore.has(token.lower)) return true;
      words += 1;
    }
    return false;
  }

  /** Whether a range's second year follows `index` glued (`2010-2015`, `2010-15`, `1986/87`). */
  private rangeFollows(index: number): boolean {
    const separator = this.text(index + 1);
    const next = this.tokens[index + 2];
    return (dashes.has(separator) || separator === '/') && next !== undefined && next.kind === 'number' && (next.text.length === 2 || next.text.length === 4) && isDigits(next.text);
  }

  private isEra(index: number): boolean {
    const lower = this.lower(index);
    return lower === 'bc' || lower === 'bce' || (lower === 'b' && this.text(index + 1) === '.' && this.lower(index + 2) === 'c');
  }

  /** Whether the token at `index` is glued on its left to a word or number (`IDN38100`, `3-2019`, `F-2000`). */
  private gluedBefore(index: number): boolean {
    const before = this.tokens[index - 1];
    if (before === undefined || !this.adjacent(index - 1, index)) return false;
    if (before.kind !== 'mark') return true;
    if (dashes.has(before.text) || before.text === '/' || before.text === '.' || before.text === ',' || before.text === ':') {
      const previous = this.tokens[index - 2];
      if (previous === undefined || !this.adjacent(index - 2, index - 1)) return false;
      // `mid-2020`, `pre-1990`, `end-March` are written with a hyphen on purpose.
      return !(previous.kind === 'word' && dashes.has(before.text) && gluedQualifiers.has(previous.lower));
    }
    return false;
  }

  /** Whether the token at `index` is glued on its right to a word or another number (`2020bn`, `2019-20` handled by ranges). */
  private gluedAfter(index: number): boolean {
    const after = this.tokens[index + 1];
    if (after === undefined || !this.adjacent(index, index + 1)) return false;
    if (after.kind !== 'mark') return true;
    if (after.text === '.' || after.text === ',' || after.text === ':' || after.text === '/' || dashes.has(after.text)) {
      const next = this.tokens[index + 2];
      if (next === undefined || !this.adjacent(index + 1, index + 2)) return false;
      // `2019-20`, `3.5`; and `1986-A`, a series name
      return next.kind === 'number' || (next.kind === 'word' && dashes.has(after.text));
    }
    return false;
  }

  private monthHas(year: number | null, month: number, day: number): boolean {
    return day >= 1 && day <= daysInMonth(year ?? 2000, month);
  }

  private adjacent(left: number, right: number): boolean {
    return adjacent(this.tokens, left, right);
  }

  private text(index: number): string {
    return this.tokens[index]?.text ?? '';
  }

  private lower(index: number): string {
    return this.tokens[index]?.lower ?? '';
  }
}

// Hyphenated prefixes that may glue to a year or month: `mid-2020`, `pre-1990`.
const gluedQualifiers = new Set(['mid', 'end', 'early', 'late', 'pre', 'post']);
// Words before a number that make it a label, not a year (`flight 1987`).
const labelWords = new Set(['no', 'number', 'flight', 'gate', 'page', 'room', 'route', 'platform', 'highway', 'section', 'article', 'model']);
// Words that make a year before 1900 a year: `in 1066`, `the year 1492`.
const yearContext = new Set(['in', 'since', 'until', 'from', 'of', 'by', 'before', 'after', 'between', 'during', 'year', 'fiscal', 'circa', 'around']);

function isDigits(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function isCapitalised(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
