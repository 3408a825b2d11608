/**
 * The copy inside structured formats (feeds, NewsML 1.2 components) read with the
 * wire-text reader, so that a dateline at the head of the first paragraph, sign-offs
 * in the last (`hh/ph/ts/hd`), crossheads and damage are found the same way in every
 * format, and every block still points at its line of the input.
 */
import { repairDoubleEncoding } from '../../source/decode.js';
import type { Place, SourceFile } from '../../source/source-file.js';
import type { BlockKind, Byline, Damage } from '../../story/story.js';
import { readByline } from '../byline.js';
import { readBylineNames } from '../wire-text/grammar.js';
import { readWireCopy } from '../wire-text/parse.js';
import type { WireCopy } from '../wire-text/parse.js';
import { stripTags } from '../html.js';

/** One piece of copy, as markup or plain text gives it. */
export interface CopyPiece {
  /**
   * `paragraph`, `crosshead`, `preformatted`: a block the markup marks out; `lines`:
   * plain text whose line breaks are the wire's own, unwrapped as wire copy is.
   */
  kind: BlockKind | 'lines';
  text: string;
  /** Line of the input where the piece starts, from 1. */
  line: number;
}

/** How `readPieces` reads. */
export interface ReadPiecesOptions {
  /** Reader named in diagnostics. */
  source: string;
  /** When the copy was sent (ISO 8601): completes dateline dates given without a year. */
  referenceDate?: string | null;
}

/**
 * Reads pieces of copy as one wire story: each piece is laid out as the wire reader
 * expects (a paragraph to a line, blank lines between), read with `readWireCopy`, and
 * the lines of its blocks, sign-offs and messages are then put back to the input's.
 * A heading the markup marked stays a crosshead, as written.
 *
 * @example
 * readPieces([{ kind: 'paragraph', text: 'OSLO (Invented) - It rained.', line: 4 }], file, { source: 'rss' }).dateline?.place; // 'OSLO'
 */
export function readPieces(pieces: readonly CopyPiece[], file: SourceFile, options: ReadPiecesOptions): WireCopy {
  // A first paragraph `By Jane Invented` is the byline, and the dateline opens the next.
  const first = pieces[0];
  let byline: Byline | null = null;
  if (first !== undefined && first.kind === 'paragraph' && pieces.length > 1 && readBylineNames(first.text.trim()) !== null) {
    byline = readByline(first.text);
    pieces = pieces.slice(1);
  }
  const rows: string[] = [];
  // For each row of the laid-out text: the input line it came from, and the kind of its piece.
  const origins: { line: number; kind: CopyPiece['kind']; text: string }[] = [];
  for (const piece of pieces) {
    if (rows.length > 0) {
      rows.push('');
      origins.push({ line: piece.line, kind: 'lines', text: '' });
    }
    const texts = piece.kind === 'paragraph' || piece.kind === 'crosshead' ? [piece.text.replace(/\s+/g, ' ').trim()] : piece.text.split(/\r\n|\r|\n/);
    texts.forEach((text, index) => {
      rows.push(text);
      origins.push({ line: piece.line + (piece.kind === 'lines' || piece.kind === 'preformatted' ? index : 0), kind: piece.kind, text });
    });
  }
  const mark = file.messages.length;
  const copy = readWireCopy(rows.join('\n'), file, { source: options.source, referenceDate: options.referenceDate ?? null, header: false });
  const inputLine = (line: number) => origins[line - 1]?.line ?? line;
  for (const block of copy.body) {
    const origin = origins[block.line - 1];
    // A heading the markup marks is a crosshead as written (`- Roads closed -` keeps its dashes).
    if (origin?.kind === 'crosshead' && block.kind !== 'preformatted') {
      block.kind = 'crosshead';
      block.text = origin.text;
    }
    block.line = inputLine(block.line);
  }
  for (const signoff of copy.signoffs) signoff.line = inputLine(signoff.line);
  copy.byline ??= byline;
  for (const message of file.messages.slice(mark)) {
    if (message.place?.line !== undefined) message.place.line = inputLine(message.place.line);
  }
  return copy;
}

/** Lines longer than this are no wire copy hard-wrapped for a terminal: each is a paragraph. */
const wrappedWidth = 100;

/**
 * Plain text as pieces: stray tags removed (unless `markup` is false: the text is
 * known to be plain, as Atom's `type="text"` is); text whose lines are longer than any
 * wire wraps at gives one paragraph per line (a feed's or a package's own layout),
 * other text stays lines for the wire reader to unwrap.
 *
 * @example
 * plainPieces('Short wire line\nwrapped here.', 7); // [{ kind: 'lines', text: 'Short wire line\nwrapped here.', line: 7 }]
 */
export function plainPieces(text: string, firstLine: number, options: { markup?: boolean } = {}): CopyPiece[] {
  const clean = options.markup !== false && /<\/?[A-Za-z]/.test(text) ? stripTags(text) : text;
  if (!/\S/.test(clean)) return [];
  const lines = clean.split(/\r\n|\n|\r/);
  if (!lines.some((line) => line.trim().length > wrappedWidth)) return [{ kind: 'lines', text: clean, line: firstLine }];
  // Count only real line feeds: a lone carriage return (`&#13;`) breaks the text, not the input's lines.
  const pieces: CopyPiece[] = [];
  let line = firstLine;
  for (const match of clean.matchAll(/([^\r\n]*)(\r\n|\n|\r|$)/g)) {
    const row = match[1]!.replace(/\s+/g, ' ').trim();
    if (row !== '') pieces.push({ kind: 'paragraph', text: row, line });
    if (match[2]!.includes('\n')) line++;
    if (match[2] === '') break;
  }
  return pieces;
}

/**
 * A language as formats declare it (`EN`, `nl-nl`, `en_US`) as a BCP 47 tag
 * (`en`, `nl-NL`, `en-US`); null when it is no language tag (`x-default`, ``).
 */
export function languageTag(text: string | null | undefined): string | null {
  const value = text?.trim().replace(/_/g, '-') ?? '';
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) return null;
  const [language, ...rest] = value.split('-');
  return [language!.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))].join('-');
}

/**
 * A line of metadata (a headline, a summary) with double-encoded UTF-8 repaired
 * (`Dellâ€™s` → `Dell’s`), as the wire reader repairs the body: the repair is
 * flagged as damage outside the body, never made silently.
 */
export function repairLine(value: string | null, what: string, file: SourceFile, source: string, place: Place | null, damage: Damage[]): string | null {
  if (value === null) return null;
  const repaired = repairDoubleEncoding(value);
  if (repaired.repaired > 0) {
    const detail = `repaired ${repaired.repaired} double-encoded UTF-8 sequence(s) in the ${what}`;
    damage.push({ kind: 'mojibake', block: null, detail });
    file.warn('damage/mojibake', detail, place, source);
  }
  return repaired.text;
}
