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
  return lines;
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
