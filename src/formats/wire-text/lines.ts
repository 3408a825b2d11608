import { repairDoubleEncoding } from '../../source/decode.js';
import { controlCharacters } from './grammar.js';

/** A line holds nothing but white space. */
export const BLANK = 1;
/** A table row: a run of three spaces or a tab between words, or dot leaders. */
export const TABULAR = 2;
/** A run of two or more blanks (or a tab) between words, to fold when unwrapping. */
export const SPACED = 4;
/** The line ends in a hyphen right after a letter: a compound or a word broken at the line end. */
export const HYPHENATED = 8;

/**
 * The lines of a text with what the reader needs to know of each, found with the
 * engine's own string search rather than a loop over every character (which costs
 * as much again as splitting the text). `texts` are the lines as split; `source` the
 * text they were split from: the input, or its repaired copy.
 */
export interface Lines {
  source: string;
  texts: string[];
  count: number;
  /** Number of the first line in the input, from 1. */
  first: number;
  /** Characters of leading white space in each line. */
  content: number[];
  /** Each line's length without trailing white space. */
  end: number[];
  /** Width of the leading white space, a tab counting as four. */
  indent: number[];
  /** Length of each line's first word. */
  firstWord: number[];
  flags: number[];
  /** Control characters removed from each line; null when there were none. */
  controls: number[] | null;
  /** Double-encoded sequences repaired in each line; null when there were none. */
  mojibake: number[] | null;
}

// Control characters, and the lead characters of double-encoded UTF-8 (`Ã`, `â`).
// eslint-disable-next-line no-control-regex
const needsRepair = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00c2-\u00f4]/;

/**
 * Splits text into lines and classifies them. Lines with control characters or
 * double-encoded UTF-8 are repaired first (the repair is counted per line, so that
 * damage can be reported where it was).
 */
export function scanLines(input: string, firstLine: number): Lines {
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  return needsRepair.test(text) ? repair(text, firstLine) : scan(text, firstLine);
}

function repair(text: string, firstLine: number): Lines {
  const raw = text.split('\n');
  const controls: number[] = new Array(raw.length).fill(0);
  const mojibake: number[] = new Array(raw.length).fill(0);
  let anyControls = false;
  let anyMojibake = false;
  for (let index = 0; index < raw.length; index++) {
    let line = raw[index]!;
    // Repair first: a double-encoded `”` ends in U+009D, which is no control character once repaired.
    if (/[\u00c2-\u00f4]/.test(line)) {
      const repaired = repairDoubleEncoding(line);
      line = repaired.text;
      mojibake[index] = repaired.repaired;
      anyMojibake ||= repaired.repaired > 0;
    }
    const cleaned = line.replace(controlCharacters, '');
    controls[index] = line.length - cleaned.length;
    anyControls ||= cleaned.length !== line.length;
    raw[index] = cleaned;
  }
  const lines = scan(raw.join('\n'), firstLine);
  lines.controls = anyControls ? controls : null;
  lines.mojibake = anyMojibake ? mojibake : null;
  return lines;
}

/** The next place a string occurs, searched for only once the reader has passed the last one. */
class Finder {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** Whether the needle occurs between `from` and `to`. */
  within(from: number, to: number): boolean {
    if (this.at === -1) return false;
    if (this.at < from) this.at = this.text.indexOf(this.needle, from);
    return this.at !== -1 && this.at + this.needle.length <= to;
  }
}

/**
 * Runs of blanks between words, tabs and dot leaders, found with the engine's
 * string search (far faster than a regular expression here) ahead of the line being
 * read, so that a line without any costs a comparison or two.
 */
class Runs {
  private readonly two: Finder;
  private readonly three: Finder;
  private readonly tab: Finder | null;
  private readonly dots: Finder | null;

  constructor(text: string) {
    this.two = new Finder(text, '  ');
    this.three = new Finder(text, '   ');
    this.tab = text.includes('\t') ? new Finder(text, '\t') : null;
    this.dots = text.includes('....') ? new Finder(text, '....') : null;
  }

  /** TABULAR and SPACED flags for the words from `from` to `to`. */
  flags(from: number, to: number): number {
    let flags = 0;
    if (this.two.within(from, to)) flags = this.three.within(from, to) ? TABULAR | SPACED : SPACED;
    if (this.tab?.within(from, to)) flags = TABULAR | SPACED;
    if (this.dots?.within(from, to)) flags |= TABULAR;
    return flags;
  }
}

function scan(text: string, firstLine: number): Lines {
  const texts = text.split('\n');
  const count = texts.length;
  const lines: Lines = {
    source: text,
    texts,
    count,
    first: firstLine,
    content: new Array(count),
    end: new Array(count),
    indent: new Array(count),
    firstWord: new Array(count),
    flags: new Array(count),
    controls: null,
    mojibake: null,
  };
  // Runs inside a line's words tell a table row (three blanks, a tab, dot leaders)
  // and blanks to fold.
  const runs = new Runs(text);
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const line = texts[index]!;
    const length = line.length;
    let content = 0;
    let indent = 0;
    let code = line.charCodeAt(0);
    while (content < length && (code === 0x20 || code === 0x09 || code === 0xa0)) {
      indent += code === 0x09 ? 4 : 1;
      code = line.charCodeAt(++content);
    }
    let end = length;
    while (end > content && isBlankCode(line.charCodeAt(end - 1))) end--;
    let flags = BLANK;
    if (content < length) {
      flags = runs.flags(offset + content, offset + end);
      if (line.charCodeAt(end - 1) === 0x2d && end - 2 >= content && isLetter(line.charCodeAt(end - 2))) flags |= HYPHENATED;
    }
    const space = line.indexOf(' ', content);
    lines.content[index] = content;
    lines.end[index] = end;
    lines.indent[index] = indent;
    lines.firstWord[index] = (space === -1 || space > end ? end : space) - content;
    lines.flags[index] = flags;
    offset += length + 1;
  }
  markColumns(lines);
  return lines;
}

/**
 * A row of a columned list, by its first field: a figure, then a gap, or a name or
 * another figure on a short line (`2.90 Hipparchus`, ` 1    2X1 Humma Humma`,
 * `2 SOFT RED  313-3/4`); not a list number (`1. The …`) nor a wrapped line of
 * prose (`80.0 mln dlrs a year …`, `27.00 JGP 16.60 JLZ 5.90 JFO 75.00 …`).
 * Fields parted by `|` (`1|TWO TIME|2|2|$2.80F||1.50|`) make a row too.
 */
const figureFirst = /^[$£€]?\d(?:[\d.,:/-]*[\dA-Za-z])?(?:( ?\t| {2})|[ \t]+[\p{Lu}\d$£€(])/u;

/** Whether line `index` may be a row of a columned list; `bars` when the text holds a `|` at all. */
function isRowLike(lines: Lines, index: number, bars: boolean): boolean {
  const line = lines.texts[index]!;
  const content = lines.content[index]!;
  const code = line.charCodeAt(content);
  if ((code >= 0x30 && code <= 0x39) || code === 0x24 || code === 0xa3 || code === 0x20ac) {
    // A short row, or a gap after the figure: a line of wrapped text is neither.
    const match = figureFirst.exec(content === 0 ? line : line.slice(content));
    if (match !== null && (match[1] !== undefined || lines.end[index]! - content <= 48)) return true;
  }
  if (!bars) return false;
  // A `|` that parts fields, not one between words of prose (`[BSE: 540565 | NSE: …]`).
  const bar = line.indexOf('|', content);
  return bar !== -1 && bar < lines.end[index]! && line.charCodeAt(bar - 1) !== 0x20 && line.charCodeAt(bar + 1) !== 0x20;
}

function isTableLine(flags: number[], index: number): boolean {
  return (flags[index]! & TABULAR) !== 0;
}

/** The length of a line's words, without its leading and trailing blanks. */
function widthOf(lines: Lines, index: number): number {
  return lines.end[index]! - lines.content[index]!;
}

const wideGap = /\S(?: {3,}|\t| ?\.{4,} ?)(?=\S)/g;

/** The wide gaps (three blanks, a tab or dot leaders) between the words of a line. */
function gapsIn(lines: Lines, index: number): number {
  return lineText(lines, index).match(wideGap)?.length ?? 0;
}

/**
 * Table rows the blanks inside a line do not show. Within a run of lines between
 * blank lines, a columned list (three rows or more, at least half of the lines from
 * the first row on, as in a betting list, a racing field whose rows wrap onto a second
 * line, or a results sheet parted by `|`) is a table from its first row to the end of
 * the run, or to its last row when more than one line follows that. And one or two
 * long lines with a single wide gap each, inside a paragraph after a long line, are
 * prose with a gap (racing form: `… near 100m.)     2-1/4 len 4th …`; Reuters'
 * `… facts and alternatives.... We intend …`), not rows.
 */
function markColumns(lines: Lines): void {
  const { count, flags } = lines;
  const bars = lines.source.includes('|');
  let index = 0;
  while (index < count) {
    if (flags[index]! & BLANK) {
      index++;
      continue;
    }
    let end = index;
    let first = -1;
    let last = -1;
    let rows = 0;
    for (; end < count && !(flags[end]! & BLANK); end++) {
      if (!isRowLike(lines, end, bars)) continue;
      rows++;
      if (first === -1) first = end;
      last = end;
    }
    if (rows >= 3 && rows * 2 >= end - first) {
      const stop = end - last > 2 ? last + 1 : end;
      for (let row = first; row < stop; row++) flags[row] = flags[row]! | TABULAR;
    }
    index = end;
  }
  // One or two lines, each with a single wide gap, inside a paragraph of long lines.
  for (index = 1; index + 1 < count; index++) {
    if (!isTableLine(flags, index) || isTableLine(flags, index - 1) || (flags[index - 1]! & BLANK)) continue;
    let end = index + 1;
    while (end < count && end - index <= 2 && isTableLine(flags, end)) end++;
    if (end - index > 2 || end === count || (flags[end]! & BLANK) || widthOf(lines, index - 1) < 50) continue;
    let gapped = true;
    for (let row = index; row < end && gapped; row++) gapped = widthOf(lines, row) >= 50 && gapsIn(lines, row) === 1;
    if (gapped) for (let row = index; row < end; row++) flags[row] = flags[row]! & ~TABULAR;
    index = end;
  }
}

function isBlankCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code > 0xbf && code !== 0xd7 && code !== 0xf7);
}

/** The line's text without its leading and trailing white space. */
export function lineText(lines: Lines, index: number): string {
  const content = lines.content[index]!;
  const end = lines.end[index]!;
  const line = lines.texts[index]!;
  return content === 0 && end === line.length ? line : line.slice(content, end);
}

/** The line's text with its indentation, without trailing white space. */
export function rawLineText(lines: Lines, index: number): string {
  const line = lines.texts[index]!;
  return lines.end[index] === line.length ? line : line.slice(0, lines.end[index]);
}

export function isBlank(lines: Lines, index: number): boolean {
  return (lines.flags[index]! & BLANK) !== 0;
}

export function isTabular(lines: Lines, index: number): boolean {
  return (lines.flags[index]! & TABULAR) !== 0;
}

/** Line number in the input, from 1. */
export function lineNumber(lines: Lines, index: number): number {
  return lines.first + index;
}

/** Control characters removed from lines `from` to `to` (exclusive). */
export function controlsIn(lines: Lines, from: number, to: number): number {
  return sum(lines.controls, from, to);
}

/** Double-encoded sequences repaired in lines `from` to `to` (exclusive). */
export function mojibakeIn(lines: Lines, from: number, to: number): number {
  return sum(lines.mojibake, from, to);
}

function sum(counts: number[] | null, from: number, to: number): number {
  if (counts === null) return 0;
  let total = 0;
  for (let index = from; index < to; index++) total += counts[index]!;
  return total;
}
