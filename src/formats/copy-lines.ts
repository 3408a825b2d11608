/**
 * Lines of the input as the readers of plain-text formats count them (at CR LF, CR
 * and LF), and the wire-text reading of the copy lines of a framed message. Framed
 * formats (IPTC 7901, ANPA 1312) take their framing and header lines out, and may lay
 * the copy out afresh (a blank line between AP's one-line paragraphs); the lines keep
 * pointing into the real file.
 */
import type { Place, SourceFile } from '../source/source-file.js';
import { readWireCopy } from './wire-text/parse.js';
import type { WireCopy } from './wire-text/parse.js';

/** One line of the input: its text without the line break, and its number from 1. */
export interface SourceLine {
  text: string;
  line: number;
}

/** Splits text into lines at CR LF, CR or LF, numbering them from `firstLine`. */
export function splitLines(text: string, firstLine: number): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((each, index) => ({ text: each, line: firstLine + index }));
}

/** Line numbers of the offsets in a text: `lineAt(offset)` from 1, at CR LF, CR and LF. */
export function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) starts.push(match.index + match[0].length);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/** Line and column of a text offset, from 1; `lineAt` is the text's `lineCounter`. */
export function placeOf(text: string, offset: number, lineAt: (offset: number) => number): Place {
  const line = lineAt(offset);
  const before = text.lastIndexOf('\n', offset - 1);
  const carriage = text.lastIndexOf('\r', offset - 1);
  return { line, column: offset - Math.max(before, carriage) };
}

/** How to read copy lines. */
export interface ReadCopyOptions {
  /** The reader named in diagnostics. */
  source: string;
  /** When the copy was sent (ISO 8601): completes dateline dates without a year. */
  referenceDate: string | null;
}

/**
 * Reads copy lines with the wire-text reader (no header lines: the framing gave them),
 * then points every block, sign-off and diagnostic it made back at the input's lines.
 *
 * @example
 * const copy = readCopyLines([{ text: 'Berlin (dpa) - Talks failed.', line: 7 }], file, { source: 'iptc-7901', referenceDate: null });
 * copy.body[0]?.line; // 7
 */
export function readCopyLines(lines: readonly SourceLine[], file: SourceFile, options: ReadCopyOptions): WireCopy {
  const mark = file.messages.length;
  const text = lines.map((each) => each.text).join('\n');
  const copy = readWireCopy(text, file, { source: options.source, firstLine: 1, referenceDate: options.referenceDate, header: false });
  const lineOf = (line: number) => lines[line - 1]?.line ?? line;
  for (const block of copy.body) block.line = lineOf(block.line);
  for (const signoff of copy.signoffs) signoff.line = lineOf(signoff.line);
  for (const message of file.messages.slice(mark)) {
    if (message.place?.line !== undefined) message.place.line = lineOf(message.place.line);
  }
  return copy;
}
