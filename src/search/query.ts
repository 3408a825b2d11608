/**
 * The archive's search language, as newsroom users already write it in wire terminals
 * and web search boxes, read into a small tree that `fts5.ts` compiles for SQLite.
 *
 * - Words: `putin`, `BFF-20`, `U.S.`, `Kim's` (case does not matter). A word is any run of
 *   characters up to a space, a bracket or a quote mark; it needs one letter or digit.
 * - Phrases: `"north korea"` (typographic “…” and „…“ too).
 * - Prefixes: `sanction*`, `"kim jong*"` or `"kim jong"*`: at least two letters or digits
 *   right before the `*`, which may only end a word or a phrase.
 * - `AND`, `OR`, `NOT` in capitals (lower-case `and`, `or`, `not` are words), `-word`,
 *   `-"phrase"`, `-field:value` and `-( … )` for NOT, brackets for grouping, AND between
 *   adjacent terms. NOT binds tighter than AND, AND tighter than OR: `a OR b c` is
 *   `a OR (b AND c)`. `NOT NOT a` is `a`.
 * - Fields, names in any case: `headline:` and `body:` restrict a word, phrase or a
 *   bracketed group (`headline:(a OR b)`) to that column; `slug:`, `agency:`, `person:`,
 *   `org:`, `place:`, `lang:`, `priority:`, `status:` and `has:` filter, with a word, a
 *   phrase or a bracketed group of them (`agency:(reuters OR afp)`); `from:` and `to:`
 *   take a day, a month or a year and bound the whole query, so they stand only at its
 *   top level, outside brackets, NOT, `-` and OR.
 * - A colon makes a field only after a name of ASCII letters with the value right after
 *   it (`person:kim`, `headline:"…"`, `body:(…)`). Any other colon belongs to the word:
 *   `10:30`, `U.S.:`, and `update:` followed by a space are words. An unknown name with a
 *   value after it (`foo:bar`) is an error that lists the fields, and so is a known field
 *   with nothing right after its colon (`headline: putin`).
 * - Brackets and NOTs nest at most 100 deep (`fts5.ts` takes fewer levels once redundant
 *   ones are flattened away).
 *
 * Offsets (`start`, `end`, `position`) count UTF-16 code units, as JavaScript strings do;
 * the columns in messages count characters from 1.
 */
import { SluglineError } from '../errors.js';

/** A field that restricts words and phrases to one column of the story. */
export type TextField = 'headline' | 'body';
/** A field whose value must be found, as a phrase, in one column of the story. */
export type FilterField = 'slug' | 'agency' | 'person' | 'org' | 'place' | 'lang' | 'priority' | 'status' | 'has';

/** One node of a parsed query. `start` and `end` are offsets into the query text, end exclusive. */
export type QueryNode =
  | { kind: 'term'; field: TextField | null; text: string; prefix: boolean; start: number; end: number }
  | { kind: 'phrase'; field: TextField | null; text: string; prefix: boolean; start: number; end: number }
  | { kind: 'filter'; field: FilterField; value: string; start: number; end: number }
  | { kind: 'and' | 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

/** A query read by {@link parseQuery}. */
export interface ParsedQuery {
  /** The query as typed. */
  text: string;
  /** The boolean part, or null for a query that is empty or holds only dates: every story, newest first. */
  root: QueryNode | null;
  /** First day to include (`YYYY-MM-DD`), or null. */
  from: string | null;
  /** Last day to include (`YYYY-MM-DD`), or null. */
  to: string | null;
}

const textFields: readonly TextField[] = ['headline', 'body'];
const filterFields: readonly FilterField[] = ['slug', 'agency', 'person', 'org', 'place', 'lang', 'priority', 'status', 'has'];

/** Every field name the language knows, in the order error messages list them. */
export const queryFields: readonly string[] = [...textFields, ...filterFields, 'from', 'to'];

/** The values each closed filter accepts (compared without regard to case). */
const closedValues: Partial<Record<FilterField, readonly string[]>> = {
  priority: ['flash', 'bulletin', 'urgent', 'routine', 'deferred'],
  status: ['usable', 'withheld', 'canceled'],
  has: ['damage', 'quotes'],
};

/** A query that cannot be read, with where and why. */
export class QuerySyntaxError extends SluglineError {
  override name = 'QuerySyntaxError';
  /** The query as typed. */
  readonly query: string;
  /** 0-based offset into `query` (UTF-16 code units) where reading stopped. */
  readonly position: number;
  /** What would have been understood there. */
  readonly expected: string;
  /** What stands there instead: the text, or a description such as `end of query` or `a space`. */
  readonly found: string;

  /**
   * @example
   * new QuerySyntaxError('putin AND', 9, 'a word, phrase or ( after AND', 'end of query').message;
   * // 'Cannot read the query at column 10: expected a word, phrase or ( after AND, found end of query'
   */
  constructor(query: string, position: number, expected: string, found: string) {
    super(`Cannot read the query at column ${columnOf(query, position)}: expected ${expected}, found ${found}`);
    this.query = query;
    this.position = position;
    this.expected = expected;
    this.found = found;
  }

  /**
   * The query on one line and a `^` under the place reading stopped, for a terminal.
   *
   * @example
   * new QuerySyntaxError('from:2019-02-30', 5, 'a real date', '2019-02-30').caret();
   * // 'from:2019-02-30\n     ^'
   */
  caret(): string {
    const line = this.query.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, (character) => (character === '\t' ? '\t' : ' '));
    const before = [...line.slice(0, this.position)].map((character) => (character === '\t' ? '\t' : ' ')).join('');
    return `${line}\n${before}^`;
  }
}

/** 1-based column, in characters, of a UTF-16 offset. */
function columnOf(text: string, position: number): number {
  return [...text.slice(0, position)].length + 1;
}

// ---------------------------------------------------------------------------------------
// Reading the text into tokens, one at a time.

type FieldValue =
  | { kind: 'word'; raw: string; start: number; end: number }
  | { kind: 'phrase'; token: PhraseToken }
  | { kind: 'group'; start: number };

interface PhraseToken {
  type: 'phrase';
  /** What stands between the quote marks. */
  content: string;
  contentStart: number;
  /** A `*` right after the closing quote mark. */
  starAfter: boolean;
  start: number;
  end: number;
}

type Token =
  | { type: 'end' | '(' | ')' | 'AND' | 'OR' | 'NOT' | '-'; start: number; end: number }
  | { type: 'word'; raw: string; start: number; end: number }
  | PhraseToken
  | { type: 'field'; name: string; value: FieldValue; start: number; end: number };

type FieldToken = Extract<Token, { type: 'field' }>;

const openingQuotes = '"“”„';
const closingQuotes = '"“”';
const space = /[\s\p{Cc}\p{Z}]/u;

function isSpace(character: string): boolean {
  return space.test(character);
}

/** Whether a character ends a bare word: a space, a bracket or a quote mark. */
function isBreak(character: string): boolean {
  return character === '(' || character === ')' || openingQuotes.includes(character) || isSpace(character);
}

/**
 * The token that starts at or after `from` in `text`: a bracket, an operator, a `-`, a
 * phrase, a field with its value, a word, or the end.
 */
function scan(text: string, from: number): Token {
  let at = from;
  while (at < text.length && isSpace(text[at]!)) at += 1;
  const character = text[at];
  if (character === undefined) return { type: 'end', start: text.length, end: text.length };
  if (character === '(' || character === ')' || character === '-') return { type: character, start: at, end: at + 1 };
  if (openingQuotes.includes(character)) return scanPhrase(text, at);
  let end = at;
  while (end < text.length && !isBreak(text[end]!)) end += 1;
  const raw = text.slice(at, end);
  if (raw === 'AND' || raw === 'OR' || raw === 'NOT') return { type: raw, start: at, end };
  const name = /^([A-Za-z]+):/.exec(raw)?.[1];
  if (name !== undefined) return scanField(text, at, end, name) ?? { type: 'word', raw, start: at, end };
  return { type: 'word', raw, start: at, end };
}

/** A phrase opening at `open`, with a `*` that directly follows its closing quote mark. */
function scanPhrase(text: string, open: number): PhraseToken {
  let close = open + 1;
  while (close < text.length && !closingQuotes.includes(text[close]!)) close += 1;
  if (close >= text.length) {
    throw new QuerySyntaxError(text, text.length, `a closing " for the phrase opened at column ${columnOf(text, open)}`, 'end of query');
  }
  const starAfter = text[close + 1] === '*';
  return { type: 'phrase', content: text.slice(open + 1, close), contentStart: open + 1, starAfter, start: open, end: close + (starAfter ? 2 : 1) };
}

/**
 * `name:value`, `name:"…"` or `name:(` for the run `text[start, end)`; null when the run is
 * a word after all (an unknown name with nothing right after its colon, as in `update: …`).
 */
function scanField(text: string, start: number, end: number, name: string): FieldToken | null {
  const field = name.toLowerCase();
  const known = queryFields.includes(field);
  const after = start + name.length + 1;
  const next = text[after];
  const hasValue = after < end || next === '(' || (next !== undefined && openingQuotes.includes(next));
  if (!hasValue) {
    if (!known) return null;
    throw new QuerySyntaxError(text, after, `a value right after ${field}:`, next === undefined ? 'end of query' : next === ')' ? ')' : 'a space');
  }
  if (!known) {
    throw new QuerySyntaxError(text, start, `one of the fields ${listOf(queryFields, 'or', ':')}`, `${name}:`);
  }
  if (after < end) return { type: 'field', name: field, value: { kind: 'word', raw: text.slice(after, end), start: after, end }, start, end };
  if (next === '(') return { type: 'field', name: field, value: { kind: 'group', start: after }, start, end: after };
  const phrase = scanPhrase(text, after);
  return { type: 'field', name: field, value: { kind: 'phrase', token: phrase }, start, end: phrase.end };
}

/** `a, b or c`, each item followed by `suffix`. */
function listOf(items: readonly string[], conjunction: string, suffix = ''): string {
  const written = items.map((item) => item + suffix);
  return written.length < 2 ? written.join('') : `${written.slice(0, -1).join(', ')} ${conjunction} ${written[written.length - 1]!}`;
}

// ---------------------------------------------------------------------------------------
// Checking words, phrases, filter values and dates.

const letterOrDigit = /[\p{L}\p{N}]/u;

/** Throws unless `text` holds a letter or a digit: nothing else is ever indexed. */
function requireLetter(query: string, text: string, position: number, found: string): void {
  if (!letterOrDigit.test(text)) throw new QuerySyntaxError(query, position, 'a word with at least one letter or digit', found);
}

/** Throws unless two letters or digits stand right before the `*` at `star` (the end of `text`). */
function requireStem(query: string, text: string, star: number, found: string): void {
  const stem = /[\p{L}\p{N}\p{M}]+$/u.exec(text)?.[0] ?? '';
  if ([...stem].filter((character) => letterOrDigit.test(character)).length < 2) {
    throw new QuerySyntaxError(query, star, 'at least two letters or digits right before *', found);
  }
}

/** A bare word's text and whether it ends in `*`, checked. */
function readWord(query: string, raw: string, start: number): { text: string; prefix: boolean } {
  const prefix = raw.endsWith('*');
  const text = prefix ? raw.slice(0, -1) : raw;
  const star = text.indexOf('*');
  if (star >= 0) throw new QuerySyntaxError(query, start + star, 'a * only at the end of a word', raw);
  if (prefix) requireStem(query, text, start + text.length, raw);
  requireLetter(query, text, start, raw);
  return { text, prefix };
}

/** A phrase's words, spaces tidied, and whether it ends in `*`, checked. */
function readPhrase(query: string, token: PhraseToken): { text: string; prefix: boolean } {
  const found = query.slice(token.start, token.end);
  let body = token.content.replace(/[\s\p{Cc}\p{Z}]+$/u, '');
  let star = token.starAfter ? token.end - 1 : -1;
  if (body.endsWith('*')) {
    if (token.starAfter) throw new QuerySyntaxError(query, token.end - 1, 'a single * at the end of a phrase', found);
    star = token.contentStart + body.length - 1;
    body = body.slice(0, -1);
  }
  const inner = body.indexOf('*');
  if (inner >= 0) throw new QuerySyntaxError(query, token.contentStart + inner, 'a * only at the end of a phrase', found);
  if (star >= 0) requireStem(query, body, star, found);
  const text = body.replace(/[\s\p{Cc}\p{Z}]+/gu, ' ').trim();
  if (text === '') throw new QuerySyntaxError(query, token.contentStart, 'words between the quote marks', found);
  requireLetter(query, text, token.contentStart, found);
  return { text, prefix: star >= 0 };
}

/** The value of a filter, checked against what its field accepts; closed values in lower case. */
function filterValue(query: string, field: FilterField, value: { text: string; prefix: boolean }, position: number, found: string): string {
  if (value.prefix) throw new QuerySyntaxError(query, position, `a whole value after ${field}: (a filter takes no *)`, found);
  const allowed = closedValues[field];
  const lower = value.text.toLowerCase();
  if (allowed && !allowed.includes(lower)) {
    throw new QuerySyntaxError(query, position, `${listOf(allowed, 'or')} after ${field}:`, found);
  }
  if (field === 'lang' && !/^[a-z]{2,3}$/.test(lower)) {
    throw new QuerySyntaxError(query, position, 'a 2- or 3-letter language code after lang:, such as en or fra', found);
  }
  return allowed || field === 'lang' ? lower : value.text;
}

/**
 * The first (`from`) or last (`to`) day of a day, month or year written `YYYY-MM-DD`,
 * `YYYY-MM` or `YYYY`; null when it is not one, or not a real day.
 *
 * @example
 * dayOf('2020-02', 'to'); // '2020-02-29'
 */
function dayOf(text: string, bound: 'from' | 'to'): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? (bound === 'from' ? 1 : 12) : Number(match[2]);
  if (year < 1 || month < 1 || month > 12) return null;
  const last = daysIn(year, month);
  const day = match[3] === undefined ? (bound === 'from' ? 1 : last) : Number(match[3]);
  if (day < 1 || day > last) return null;
  return `${match[1]!}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An and/or node of `children`, nested ones of the same kind flattened; a lone child stands for itself. */
function combine(kind: 'and' | 'or', children: readonly QueryNode[]): QueryNode | null {
  const flat = children.flatMap((child) => (child.kind === kind ? child.children : [child]));
  if (flat.length < 2) return flat[0] ?? null;
  return { kind, children: flat };
}

// ---------------------------------------------------------------------------------------
// The parser: recursive descent, one token of look-ahead.

/** Where an operand stands: the field a bracketed group applies, and whether inside brackets or NOT. */
interface Scope {
  field: TextField | FilterField | null;
  nested: boolean;
}

/** How deep brackets and NOTs may nest: far beyond any real query, well within the call stack. */
const maxNesting = 100;

const operandStarts = new Set<Token['type']>(['(', '-', 'NOT', 'word', 'phrase', 'field']);

class Parser {
  private token: Token;
  private readonly dates: Record<'from' | 'to', string | null> = { from: null, to: null };
  /** The first date read, for the message should OR turn up beside it at the top level. */
  private firstDate: { position: number; found: string } | null = null;
  /** Whether OR has been read at the top level, where no date may then stand. */
  private topLevelOr = false;
  /** Brackets and NOTs open around the token ahead. */
  private depth = 0;

  constructor(private readonly text: string) {
    this.token = scan(text, 0);
  }

  parse(): ParsedQuery {
    const root = this.peek() === 'end' ? null : this.or({ field: null, nested: false }, null);
    if (this.peek() === ')') {
      throw this.fail(this.token.start, 'no ) here, as there is no ( for it to close', ')');
    }
    if (this.peek() !== 'end') throw this.fail(this.token.start, 'the end of the query', this.describe(this.token));
    return { text: this.text, root, ...this.dates };
  }

  /** The type of the token ahead (a call, so that TypeScript does not narrow it across `advance`). */
  private peek(): Token['type'] {
    return this.token.type;
  }

  private advance(): Token {
    const token = this.token;
    this.token = scan(this.text, token.end);
    return token;
  }

  private fail(position: number, expected: string, found: string): QuerySyntaxError {
    return new QuerySyntaxError(this.text, position, expected, found);
  }

  private describe(token: Token): string {
    return token.type === 'end' ? 'end of query' : this.text.slice(token.start, token.end);
  }

  private or(scope: Scope, after: Token | null): QueryNode | null {
    const branches: (QueryNode | null)[] = [this.and(scope, after)];
    while (this.peek() === 'OR') {
      if (!scope.nested && !scope.field) {
        this.topLevelOr = true;
        if (this.firstDate) throw this.dateMisplaced(this.firstDate.position, this.firstDate.found);
      }
      const operator = this.advance();
      branches.push(this.and(scope, operator));
    }
    return combine('or', branches.filter((branch) => branch !== null));
  }

  private and(scope: Scope, after: Token | null): QueryNode | null {
    const children: (QueryNode | null)[] = [this.unary(scope, after)];
    for (;;) {
      if (this.peek() === 'AND') {
        const operator = this.advance();
        children.push(this.unary(scope, operator));
      } else if (operandStarts.has(this.peek())) {
        children.push(this.unary(scope, null));
      } else {
        break;
      }
    }
    return combine('and', children.filter((child) => child !== null));
  }

  private unary(scope: Scope, after: Token | null): QueryNode | null {
    if (!operandStarts.has(this.peek())) throw this.missingOperand(scope, after);
    if (this.peek() !== 'NOT' && this.peek() !== '-') return this.primary(scope, after);
    const operator = this.advance();
    if (operator.type === '-' && this.peek() !== 'end' && this.token.start > operator.end) {
      throw this.fail(operator.end, 'a word, phrase or ( right after - (with no space between)', 'a space');
    }
    this.enter(operator);
    const child = this.unary({ ...scope, nested: true }, operator);
    this.depth -= 1;
    if (child === null) throw this.missingOperand(scope, operator);
    return child.kind === 'not' ? child.child : { kind: 'not', child };
  }

  /** Counts a bracket or NOT opening, refusing more than {@link maxNesting} inside one another. */
  private enter(token: Token): void {
    this.depth += 1;
    if (this.depth > maxNesting) throw this.fail(token.start, `no more than ${maxNesting} brackets and NOTs inside one another`, this.describe(token));
  }

  private missingOperand(scope: Scope, after: Token | null): QuerySyntaxError {
    const token = this.token;
    const found = this.describe(token);
    if (after?.type === '-') return this.fail(token.start, 'a word, phrase or ( right after -', found);
    if (after && after.type !== '(') return this.fail(token.start, `a word, phrase or ( after ${after.type}`, found);
    if (token.type === ')' && after) {
      return this.fail(token.start, scope.field ? `a word or phrase inside ${scope.field}:( )` : 'a word, phrase or field inside ( )', found);
    }
    if (token.type === 'AND' || token.type === 'OR') return this.fail(token.start, `a word, phrase or ( before ${token.type}`, found);
    if (token.type === ')') return this.fail(token.start, 'no ) here, as there is no ( for it to close', found);
    return this.fail(token.start, 'a word, phrase or (', found);
  }

  private primary(scope: Scope, after: Token | null): QueryNode | null {
    const token = this.advance();
    switch (token.type) {
      case '(':
        return this.group(scope, token);
      case 'word':
        return this.operand(scope.field, 'term', readWord(this.text, token.raw, token.start), token, token.start, token.raw);
      case 'phrase':
        return this.operand(scope.field, 'phrase', readPhrase(this.text, token), token, token.start, this.text.slice(token.start, token.end));
      case 'field':
        return this.field(scope, token);
      default:
        throw this.missingOperand(scope, after);
    }
  }

  /** The rest of a bracketed group whose `(` was just read, to its `)`. */
  private group(scope: Scope, open: Token): QueryNode {
    if (this.peek() === ')') throw this.missingOperand(scope, open);
    this.enter(open);
    const inner = this.or({ ...scope, nested: true }, open);
    this.depth -= 1;
    if (this.peek() !== ')') {
      throw this.fail(this.token.start, `a closing ) for the ( opened at column ${columnOf(this.text, open.start)}`, this.describe(this.token));
    }
    this.advance();
    if (inner === null) throw this.missingOperand(scope, open);
    return inner;
  }

  /**
   * A term, phrase or filter spanning `span`, once its field (its own, or its group's) is
   * known; a filter's value is checked at `valueStart`.
   */
  private operand(
    field: TextField | FilterField | null,
    kind: 'term' | 'phrase',
    value: { text: string; prefix: boolean },
    span: { start: number; end: number },
    valueStart: number,
    found: string,
  ): QueryNode {
    const { start, end } = span;
    if (field === null || isTextField(field)) return { kind, field, text: value.text, prefix: value.prefix, start, end };
    return { kind: 'filter', field, value: filterValue(this.text, field, value, valueStart, found), start, end };
  }

  private field(scope: Scope, token: FieldToken): QueryNode | null {
    const found = this.text.slice(token.start, token.end);
    if (scope.field) {
      throw this.fail(token.start, `a word or phrase inside ${scope.field}:( ) (fields cannot be nested)`, `${token.name}:`);
    }
    if (token.name === 'from' || token.name === 'to') return this.date(scope, token, found);
    const field = token.name as TextField | FilterField;
    const value = token.value;
    switch (value.kind) {
      case 'group':
        return this.group({ ...scope, field }, this.advance());
      case 'word':
        return this.operand(field, 'term', readWord(this.text, value.raw, value.start), token, value.start, value.raw);
      case 'phrase': {
        const phrase = value.token;
        return this.operand(field, 'phrase', readPhrase(this.text, phrase), token, phrase.start, this.text.slice(phrase.start, phrase.end));
      }
    }
  }

  /** Records `from:` or `to:`; dates are not operands, so this gives null. */
  private date(scope: Scope, token: FieldToken, found: string): null {
    if (scope.nested || this.topLevelOr) throw this.dateMisplaced(token.start, found);
    const bound = token.name as 'from' | 'to';
    const value = token.value;
    const expected = `a real day, month or year after ${bound}: (YYYY-MM-DD, YYYY-MM or YYYY)`;
    if (value.kind === 'group') throw this.fail(value.start, expected, '(');
    if (value.kind === 'phrase') throw this.fail(value.token.start, expected, this.text.slice(value.token.start, value.token.end));
    const day = dayOf(value.raw, bound);
    if (day === null) throw this.fail(value.start, expected, value.raw);
    if (this.dates[bound] !== null) throw this.fail(token.start, `only one ${bound}: date`, found);
    this.dates[bound] = day;
    const { from, to } = this.dates;
    if (from !== null && to !== null && from > to) {
      throw bound === 'from'
        ? this.fail(value.start, `a from: date no later than the to: date (${to})`, value.raw)
        : this.fail(value.start, `a to: date no earlier than the from: date (${from})`, value.raw);
    }
    this.firstDate ??= { position: token.start, found };
    return null;
  }

  private dateMisplaced(position: number, found: string): QuerySyntaxError {
    return this.fail(position, 'from: and to: only at the top level of the query, outside brackets, NOT, - and OR, since they apply to all of it', found);
  }
}

function isTextField(field: TextField | FilterField): field is TextField {
  return (textFields as readonly string[]).includes(field);
}

/**
 * Reads a search query into its boolean tree and its date bounds. Throws
 * {@link QuerySyntaxError}, with the position, for anything it cannot read.
 *
 * @example
 * parseQuery('putin OR kim -sport').root;
 * // { kind: 'or', children: [
 * //   { kind: 'term', field: null, text: 'putin', prefix: false, start: 0, end: 5 },
 * //   { kind: 'and', children: [
 * //     { kind: 'term', field: null, text: 'kim', prefix: false, start: 9, end: 12 },
 * //     { kind: 'not', child: { kind: 'term', field: null, text: 'sport', prefix: false, start: 14, end: 19 } } ] } ] }
 * const { from, to } = parseQuery('sanction* from:2019-02 to:2020');
 * // from '2019-02-01', to '2020-12-31'
 */
export function parseQuery(text: string): ParsedQuery {
  return new Parser(text).parse();
}
