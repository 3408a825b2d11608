import { hash } from 'node:crypto';
import { decodeText } from '../../source/decode.js';
import type { SourceFile } from '../../source/source-file.js';
import { assembleStory } from '../../story/assemble.js';
import type { StoryCopy } from '../../story/assemble.js';
import type {
  Block,
  Byline,
  Damage,
  DamageKind,
  Dateline,
  Embargo,
  Priority,
  Signal,
  Signoff,
  Status,
  Story,
} from '../../story/story.js';
import { takeLeadDateline } from '../dateline.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import {
  apKeywordLine,
  apVersion,
  crossheadLine,
  readDatelineHead,
  editorsNote,
  embargoLine,
  gluedCrosshead,
  headlinePrefix,
  killLine,
  paragraphEndings,
  priorityLine,
  priorityOf,
  readBylineNames,
  releaseLine,
  readClosingLine,
  signalOf,
  slugLine,
} from './grammar.js';
import { isWordBreak } from './hyphens.js';
import {
  HYPHENATED,
  SPACED,
  controlsIn,
  isBlank,
  isTabular,
  lineNumber,
  lineText,
  mojibakeIn,
  rawLineText,
  scanLines,
} from './lines.js';
import type { Lines } from './lines.js';

/** The copy-level fields a wire-text reading gives: a Story but for id, source, language and diagnostics. */
export type WireCopy = StoryCopy;

export interface ReadWireCopyOptions {
  /** Reader named in diagnostics (`wire-text`, `reuters-sgml`). */
  source: string;
  /** Line of the input where `text` starts, from 1, so that places point into the real file. */
  firstLine?: number;
  /** When the copy was transmitted (ISO 8601): completes dateline dates given without a year. */
  referenceDate?: string | null;
  /** `false` when the text has no header lines and starts with the dateline. Default `true`. */
  header?: boolean;
}

const READER = 'wire-text';

/** A paragraph's lines, `start` to `end` (exclusive), or a closing line. */
type Item = { type: 'text'; start: number; end: number } | { type: 'closing'; signoff: Signoff; weak: boolean; index: number };

interface Header {
  slug: string | null;
  takes: number[];
  priority: Priority | null;
  version: string | null;
  headline: string | null;
  byline: Byline | null;
  notes: string[];
  signal: Signal | null;
  status: Status;
  embargo: Embargo | null;
  /** Damage found in header lines. */
  controls: number;
  mojibake: number;
}

/**
 * Reads decoded plain-text wire copy: header lines (slug, takes, headline, priority,
 * byline, notes to editors), the dateline, paragraphs unwrapped from their hard
 * line breaks, crossheads, take breaks and sign-offs. Damage is flagged on `file`
 * as it is found, and nothing is silently dropped but transmission noise.
 *
 * @example
 * const copy = readWireCopy(text, file, { source: 'wire-text' });
 * copy.dateline?.place; // 'VLADIVOSTOK'
 */
export function readWireCopy(text: string, file: SourceFile, options: ReadWireCopyOptions): WireCopy {
  return readWireLines(scanLines(text, options.firstLine ?? 1), file, options);
}

function readWireLines(lines: Lines, file: SourceFile, options: ReadWireCopyOptions): WireCopy {
  const header = options.header === false ? emptyHeader() : readHeader(lines);
  const items = readItems(lines, header.end);
  const reader = new BodyReader(file, options, header.value, lines);
  return reader.read(items);
}

/**
 * The `wire-text` format: plain-text agency copy with no framing, as agencies
 * e-mail it or as it is cut from a terminal.
 */
export const wireText: Format = {
  id: READER,
  description: 'plain-text agency copy: slug line, dateline, takes joined by MORE, sign-offs',
  sniff: sniffWireText,
  parse(file, options) {
    return [parseWireText(file, options)];
  },
};

/**
 * Parses one plain-text wire story.
 *
 * @example
 * const story = parseWireText(new SourceFile(bytes, { name: 'BFF-20.txt' }));
 */
export function parseWireText(file: SourceFile, options: ParseOptions = {}): Story {
  const decoded = decodeText(file.bytes);
  if (decoded.encoding !== 'utf-8') {
    const why =
      decoded.firstInvalidUtf8 !== null
        ? `byte ${decoded.firstInvalidUtf8} is not UTF-8; decoded as Windows-1252`
        : `decoded as ${decoded.encoding.toUpperCase()}${decoded.bom ? ' (byte-order mark)' : ''}`;
    file.info(`encoding/${decoded.encoding}`, why, null, READER);
  }
  const lines = scanLines(decoded.text, 1);
  rejectNonText(file, decoded.text, lines);
  const copy = readWireLines(lines, file, { source: READER, referenceDate: options.referenceDate ?? null });
  if (copy.body.length === 0 && copy.headline === null) {
    file.fail('input/no-copy', 'found no headline and no body text (is it wire copy? see --from)', null, READER);
  }
  const source = {
    format: READER,
    file: file.name,
    receivedAt: file.origin.receivedAt ?? null,
    encoding: decoded.encoding,
    line: 1,
    labels: {},
  };
  return assembleStory(contentId(file.bytes), source, copy, null, file.messages.slice());
}

/** The first 16 hex digits of the SHA-256 of the bytes: the same input always gets the same id. */
export function contentId(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex').slice(0, 16);
}

function sniffWireText(file: SourceFile): Sniff {
  const head = decodeText(file.bytes.subarray(0, 4096)).text;
  if (head.trim() === '') return { score: 0, reason: 'no text' };
  if (nonTextShare(head) > 0.1) return { score: 0, reason: 'binary data, not text' };
  const trimmed = head.trimStart();
  if (trimmed.startsWith('<') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // Markup and JSON are some other format's; --from wire-text still reads them as text.
    return { score: 0, reason: 'markup or JSON, not plain wire copy (name a format with --from)' };
  }
  const lines = head.split(/\r\n|\r|\n/, 40).map((line) => line.trim());
  const marked = lines.some(
    (line) =>
      slugLine.test(line) ||
      apKeywordLine.test(line) ||
      readDatelineHead(line) !== null,
  );
  return marked
    ? { score: 0.6, reason: 'plain text with a slug line or dateline' }
    : { score: 0.2, reason: 'plain text without wire markers' };
}

/** Share of characters that are control characters or decoding failures. */
function nonTextShare(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let count = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd || (code >= 0x7f && code < 0xa0)) {
      count++;
    }
  }
  return sample.length === 0 ? 0 : count / sample.length;
}

function rejectNonText(file: SourceFile, text: string, lines: Lines): void {
  if (!/\S/.test(text)) file.fail('input/empty', 'the input holds no text', null, READER);
  // Only text that had control characters removed, or bytes that would not decode, can be binary.
  const share = lines.controls !== null || text.includes('\ufffd') ? nonTextShare(text) : 0;
  if (share > 0.1) {
    file.fail(
      'input/binary',
      `${Math.round(share * 100)}% of the characters are control characters or undecodable bytes: this is binary data, not wire copy (a picture or an archive? name the format with --from)`,
      null,
      READER,
    );
  }
}

/** A table row, as the scanner sees it: three blanks or a tab between words, or dot leaders. */
const tabularLine = /\S(?: {3,}|\t+)\S|\.{4,}/;

// ---------------------------------------------------------------------------
// Header

function emptyHeader(): { value: Header; end: number } {
  return {
    value: {
      slug: null,
      takes: [],
      priority: null,
      version: null,
      headline: null,
      byline: null,
      notes: [],
      signal: null,
      status: 'usable',
      embargo: null,
      controls: 0,
      mojibake: 0,
    },
    end: 0,
  };
}

/** Number of non-blank lines from `start` on. */
function runLength(lines: Lines, start: number): number {
  let end = start;
  while (end < lines.count && !isBlank(lines, end)) end++;
  return end - start;
}

function startsWithDateline(text: string): boolean {
  return readDatelineHead(text) !== null;
}

/** Reads the header lines before the body; stops at the first line that is copy. */
function readHeader(lines: Lines): { value: Header; end: number } {
  const { value: header } = emptyHeader();
  let index = 0;
  while (index < lines.count) {
    if (isBlank(lines, index)) {
      index++;
      continue;
    }
    const consumed = readHeaderLine(header, lines, index, runLength(lines, index), lineText(lines, index));
    if (consumed === 0) break;
    header.controls += controlsIn(lines, index, index + consumed);
    header.mojibake += mojibakeIn(lines, index, index + consumed);
    index += consumed;
  }
  return { value: header, end: index };
}

/** Reads one header line (or a few that belong together); returns how many lines it took, 0 at the body. */
function readHeaderLine(header: Header, lines: Lines, index: number, run: number, text: string): number {
  let match: RegExpExecArray | null;
  if (header.slug === null && (match = slugLine.exec(text))) {
    header.slug = match[1]!;
    header.takes = match[2]!.split(',').map((take) => Number(take.trim()));
    if (match[3]) setHeadline(header, match[3]);
    return 1;
  }
  if (header.slug === null && (match = apKeywordLine.exec(text)) && run <= 2) {
    header.slug = match[1]!;
    if (match[2] && apVersion.test(match[2])) {
      header.version = match[2].trim();
      header.signal ??= signalOf(header.version);
    }
    return 1;
  }
  if ((match = priorityLine.exec(text))) {
    header.priority = priorityOf(match[1]!);
    return 1;
  }
  if (killLine.test(text) && run <= 3) {
    header.signal = 'kill';
    header.status = 'canceled';
    return run;
  }
  if (embargoLine.test(text) && run <= 3) {
    const notice = joinRun(lines, index, run);
    header.embargo = { text: notice, until: isoInstant(notice) };
    if (header.status === 'usable') header.status = 'withheld';
    return run;
  }
  // Press-release services head their copy with its source and release number
  // (`Source: Digital Turbine, Inc.`, `MEDIA RELEASE PR67276`): notes, one line each.
  if (header.headline === null && releaseLine.test(text)) {
    header.notes.push(text);
    return 1;
  }
  if ((match = editorsNote.exec(text))) {
    const rest = joinRun(lines, index + 1, run - 1);
    header.notes.push([match[1]!.trim(), rest].filter(Boolean).join(' '));
    return run;
  }
  const names = header.byline === null && run <= 3 ? readBylineNames(text) : null;
  if (names !== null) {
    const next = run > 1 ? lineText(lines, index + 1) : null;
    const title = next !== null && next.length <= 60 && !startsWithDateline(next) ? next.replace(/\s*=$/, '') : null;
    header.byline = { text: text.replace(/\s*=$/, ''), names, title };
    return title === null ? 1 : 2;
  }
  if (header.headline !== null && run <= 3 && sameWords(joinRun(lines, index, run), header.headline)) {
    return run; // the headline repeated under the slug line
  }
  if (
    header.headline === null &&
    run <= 2 &&
    index + run < lines.count &&
    !startsWithDateline(text) &&
    readClosingLine(text) === null
  ) {
    const candidate = joinRun(lines, index, run);
    if (candidate.length <= 160 && !/[.;,]$/.test(candidate) && hasTextFrom(lines, index + run)) {
      setHeadline(header, candidate);
      return run;
    }
  }
  return 0;
}

function setHeadline(header: Header, text: string): void {
  let headline = text.trim();
  let match: RegExpExecArray | null;
  while ((match = headlinePrefix.exec(headline))) {
    const word = match[1]!.toUpperCase().replace(/\s+/g, ' ');
    const priority = priorityOf(word);
    if (priority !== null) header.priority ??= priority;
    else {
      header.version ??= word;
      header.signal ??= signalOf(word);
    }
    headline = match[2]!;
  }
  header.headline = headline;
}

function hasTextFrom(lines: Lines, start: number): boolean {
  for (let index = start; index < lines.count; index++) if (!isBlank(lines, index)) return true;
  return false;
}

function joinRun(lines: Lines, start: number, count: number): string {
  const parts: string[] = [];
  for (let index = start; index < start + count; index++) parts.push(lineText(lines, index));
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function sameWords(left: string, right: string): boolean {
  const normal = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return normal(left) === normal(right);
}

/** The embargo moment when the notice gives it as ISO 8601 with a zone. */
function isoInstant(text: string): string | null {
  const match = /\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2}))/.exec(text);
  if (!match) return null;
  const time = Date.parse(match[1]!);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

// ---------------------------------------------------------------------------
// Body: paragraphs and closing lines

/** The indentation most body lines have: deeper than this starts a paragraph. */
// Scratch counts, cleared after each use (up to the highest entry used) rather than allocated.
const indentCounts = new Uint32Array(65);
const lengthCounts = new Uint32Array(257);

/**
 * The body's layout, from one pass over its lines: the indentation most lines have
 * (deeper starts a paragraph), and the column the copy was wrapped at (most lines of
 * wrapped prose end just short of it: the 90th percentile of line lengths). Copy made
 * only of short lines is either narrow prose, whose lines often go on in lower case,
 * or rows like earnings tables (`Shr 39 cts vs 26 cts`), which never do: for those the
 * width is taken as at least 60, so that each row stands alone.
 */
function layout(lines: Lines, start: number): { base: number; width: number } {
  let deepest = 0;
  let shallowest = Infinity;
  let blankBetween = false; // a blank line with text before and after it
  let blankAfterText = false;
  let sawText = false;
  let longest = 0;
  let counted = 0;
  let lowerStarts = 0;
  for (let index = start; index < lines.count; index++) {
    if (isBlank(lines, index)) {
      blankAfterText = sawText;
      continue;
    }
    blankBetween ||= blankAfterText;
    sawText = true;
    const first = lines.texts[index]!.charCodeAt(lines.content[index]!);
    if (first >= 0x61 && first <= 0x7a) lowerStarts++;
    const indent = Math.min(lines.indent[index]!, 64);
    indentCounts[indent]!++;
    if (indent > deepest) deepest = indent;
    if (indent < shallowest) shallowest = indent;
    if (isTabular(lines, index)) continue;
    const length = Math.min(lines.end[index]!, 256);
    lengthCounts[length]!++;
    if (length > longest) longest = length;
    counted++;
  }
  let base = 0;
  if (blankBetween) {
    for (let indent = 1; indent <= deepest; indent++) if (indentCounts[indent]! > indentCounts[base]!) base = indent;
  } else if (sawText) {
    // With no blank lines, only indents mark paragraphs: any line deeper than the
    // shallowest opens one; and where every line is indented alike (Reuters' lists of
    // figures), every line does.
    base = shallowest === deepest && shallowest > 0 ? shallowest - 1 : shallowest;
  }
  const floor = lowerStarts >= counted / 4 ? 0 : 60;
  let width = floor;
  const wanted = Math.floor((counted - 1) * 0.9) + 1;
  for (let length = 0, seen = 0; length <= longest; length++) {
    seen += lengthCounts[length]!;
    if (seen >= wanted) {
      width = Math.max(floor, length);
      break;
    }
  }
  indentCounts.fill(0, 0, deepest + 1);
  lengthCounts.fill(0, 0, longest + 1);
  return { base, width };
}

/**
 * Whether the break after line `index` was made by hand: the first word of the next
 * line would have fitted on it with room to spare, which a wrapping program never
 * leaves. It ends a paragraph in copy that marks paragraphs neither with blank lines nor indents.
 */
function brokeEarly(lines: Lines, index: number, width: number): boolean {
  return lines.end[index]! + 1 + lines.firstWord[index + 1]! < width * 0.8;
}

/** A cheap look for what a closing line needs: short, and four words at most. */
function mayClose(lines: Lines, index: number): boolean {
  const content = lines.content[index]!;
  const end = lines.end[index]!;
  if (end - content > 48) return false;
  // Four words at most: three gaps.
  const line = lines.texts[index]!;
  let gaps = 0;
  for (let position = line.indexOf(' ', content); position !== -1 && position < end; position = line.indexOf(' ', position + 1)) {
    if (line.charCodeAt(position + 1) !== 0x20 && ++gaps > 3) return false;
  }
  return true;
}

/** Splits body lines into paragraphs (blank lines and indents) and closing lines. */
function readItems(lines: Lines, start: number): Item[] {
  const items: Item[] = [];
  const { base, width } = layout(lines, start);
  // Copy that was never wrapped (most lines far longer than any wire's column: a
  // paragraph to a line, as AAP's racing comments come) ends a paragraph at every break.
  const unwrapped = width > 120;
  let open = -1; // first line of the paragraph being read
  for (let index = start; index < lines.count; index++) {
    if (isBlank(lines, index)) {
      if (open !== -1) items.push({ type: 'text', start: open, end: index });
      open = -1;
      continue;
    }
    const closing = mayClose(lines, index) ? readClosingLine(lineText(lines, index)) : null;
    if (closing) {
      const next = index + 1;
      const alone = open === -1 && (next >= lines.count || isBlank(lines, next) || lines.indent[next]! > base);
      if (!closing.weak || alone) {
        if (open !== -1) items.push({ type: 'text', start: open, end: index });
        open = -1;
        const signoff = closing.closing;
        signoff.line = lineNumber(lines, index);
        items.push({ type: 'closing', signoff, weak: closing.weak, index });
        continue;
      }
    }
    const tabular = isTabular(lines, index);
    const startsParagraph =
      open === -1 ||
      (tabular && isTabular(lines, index - 1)
        ? false
        : unwrapped || lines.indent[index]! > base || tabular !== isTabular(lines, index - 1) || brokeEarly(lines, index - 1, width));
    if (startsParagraph) {
      if (open !== -1) items.push({ type: 'text', start: open, end: index });
      open = index;
    }
  }
  if (open !== -1) items.push({ type: 'text', start: open, end: lines.count });
  // Initials alone (`MS/JLP`) sign off only where a take ends: before a break, an end or the end.
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.type !== 'closing' || !item.weak) continue;
    const next = items[index + 1];
    if (next !== undefined && next.type === 'text') items[index] = { type: 'text', start: item.index, end: item.index + 1 };
  }
  return items;
}

// ---------------------------------------------------------------------------
// Blocks, dateline and damage

const stopwords = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'and', 'or', 'for', 'on', 'at', 'by', 'with', 'from', 'that', 'which',
  'who', 'is', 'was', 'are', 'were', 'be', 'has', 'have', 'had', 'it', 'its', 'he', 'she', 'they', 'we', 'as',
  'his', 'her', 'their', 'this', 'will', 'would', 'said', 'but', 'not', 'after', 'also',
]);
const gluedReuter = /(?<=[.!?”")\d])\s+(REUTERS?|Reuters?)(?:\.{2,3})?$/;

class BodyReader {
  private readonly blocks: Block[] = [];
  private readonly damage: Damage[] = [];
  private readonly signoffs: Signoff[] = [];
  private dateline: Dateline | null = null;
  private take = 1;
  /** Controls and repairs per block index, counted from the lines each block came from. */
  private readonly blockControls: number[] = [];
  private readonly blockMojibake: number[] = [];

  constructor(
    private readonly file: SourceFile,
    private readonly options: ReadWireCopyOptions,
    private readonly header: Header,
    private readonly lines: Lines,
  ) {}

  read(items: Item[]): WireCopy {
    const header = this.header;
    let afterBreak = false;
    let skipHeadlineRepeat = false;
    for (const item of items) {
      if (item.type === 'closing') {
        this.signoffs.push(item.signoff);
        if (item.signoff.kind === 'more') {
          this.take++;
          afterBreak = true;
        }
        continue;
      }
      const first = lineText(this.lines, item.start);
      // A later take may open with the slug line again (`BFF-21 …`) and repeat the headline.
      const takeSlug = afterBreak ? slugLine.exec(first) : null;
      afterBreak = false;
      if (takeSlug && (header.slug === null || takeSlug[1] === header.slug) && item.end - item.start === 1) {
        header.slug ??= takeSlug[1]!;
        for (const take of takeSlug[2]!.split(',').map((value) => Number(value.trim()))) {
          if (!header.takes.includes(take)) header.takes.push(take);
        }
        skipHeadlineRepeat = true;
        continue;
      }
      if (skipHeadlineRepeat && header.headline !== null && sameWords(joinLines(this.lines, item.start, item.end, null), header.headline)) {
        skipHeadlineRepeat = false;
        continue;
      }
      skipHeadlineRepeat = false;
      this.addText(item.start, item.end);
    }
    this.detachGluedReuter();
    this.flagDamage();
    const credits = this.credits();
    return {
      slug: header.slug,
      takes: header.takes,
      priority: header.priority,
      version: header.version,
      // Plain text names no identifier, version number, creation time or urgency.
      guid: null,
      revision: null,
      firstCreated: null,
      versionCreated: null,
      urgency: null,
      headline: header.headline,
      summary: null,
      byline: header.byline,
      dateline: this.dateline,
      credits,
      notes: header.notes,
      subjects: [],
      keywords: [],
      body: this.blocks,
      signoffs: this.signoffs,
      status: header.status,
      signal: header.signal,
      embargo: header.embargo,
      damage: this.damage,
    };
  }

  private addText(start: number, end: number): void {
    const lines = this.lines;
    let first: string | null = null; // the first line's text, when the dateline was taken off it
    if (this.blocks.length === 0 && this.dateline === null) {
      first = this.takeDateline(lineText(lines, start));
      if (first === '') start++;
      if (start === end) return;
    }
    const line = lineNumber(lines, start);
    const controls = controlsIn(lines, start, end);
    const mojibake = mojibakeIn(lines, start, end);
    const tabular = first !== null && first !== '' ? tabularLine.test(first) : isTabular(lines, start);
    if (tabular) {
      let indent = Infinity;
      for (let index = start; index < end; index++) indent = Math.min(indent, lines.indent[index]!);
      const rows: string[] = [];
      for (let index = start; index < end; index++) rows.push(dropIndent(rawLineText(lines, index), indent));
      if (first !== null && first !== '') rows[0] = first;
      this.push({ kind: 'preformatted', text: rows.join('\n'), line, take: this.take }, controls, mojibake);
      return;
    }
    const text = joinLines(lines, start, end, first !== '' ? first : null);
    const whole = crossheadLine.exec(text);
    if (whole && this.blocks.length > 0 && !/[.!?]$/.test(whole[1]!) && /\p{L}.*\p{L}/u.test(whole[1]!)) {
      this.push({ kind: 'crosshead', text: whole[1]!, line, take: this.take }, controls, mojibake);
      return;
    }
    const lastCode = text.charCodeAt(text.length - 1);
    const glued = lastCode === 0x2013 || lastCode === 0x2014 ? gluedCrosshead.exec(text) : null;
    if (glued) {
      this.push({ kind: 'paragraph', text: text.slice(0, glued.index), line, take: this.take }, controls, mojibake);
      this.push({ kind: 'crosshead', text: glued[1]!, line: lineNumber(lines, end - 1), take: this.take }, 0, 0);
      return;
    }
    if (this.blocks.length > 0 && end - start === 1 && isShoutedCrosshead(text)) {
      this.push({ kind: 'crosshead', text, line, take: this.take }, controls, mojibake);
      return;
    }
    this.push({ kind: 'paragraph', text, line, take: this.take }, controls, mojibake);
  }

  private push(block: Block, controls: number, mojibake: number): void {
    this.blocks.push(block);
    this.blockControls.push(controls);
    this.blockMojibake.push(mojibake);
  }

  /**
   * Reads a dateline at the front of the first paragraph's first line, where it
   * always stands; returns the rest of the line, or null when there is none.
   */
  private takeDateline(text: string): string | null {
    const lead = takeLeadDateline(text, this.options.referenceDate ?? null);
    if (!lead) return null;
    this.dateline = lead.dateline;
    return lead.rest;
  }

  /** Reuters sometimes glues `REUTER` to the last sentence. */
  private detachGluedReuter(): void {
    const last = this.blocks[this.blocks.length - 1];
    if (!last || last.kind === 'crosshead') return;
    // Only the end can hold it: look at the last few characters, not the whole block.
    const tail = last.text.length > 24 ? last.text.length - 24 : 0;
    const match = gluedReuter.exec(last.text.slice(tail));
    if (!match) return;
    last.text = last.text.slice(0, tail + match.index).trimEnd();
    this.signoffs.push({
      kind: 'signoff',
      text: match[0].trim(),
      agencies: ['Reuters'],
      initials: [],
      time: null,
      zone: null,
      date: null,
      line: last.line,
    });
  }

  private flagDamage(): void {
    const seen = new Paragraphs();
    let openQuote = false;
    for (let index = 0; index < this.blocks.length; index++) {
      const block = this.blocks[index]!;
      if (this.blockControls[index]! > 0) {
        this.flag('control-characters', index, `removed ${this.blockControls[index]} control character(s)`);
      }
      if (this.blockMojibake[index]! > 0) {
        this.flag('mojibake', index, `repaired ${this.blockMojibake[index]} double-encoded UTF-8 sequence(s)`);
      }
      if (block.text.includes('\ufffd')) {
        this.flag('undecodable', index, 'bytes that are not text in the encoding are shown as U+FFFD');
      }
      if (block.kind !== 'paragraph') {
        openQuote = false;
        continue;
      }
      const truncated = looksTruncated(block.text);
      if (truncated) {
        this.flag('truncated', index, `ends mid-sentence: “…${block.text.slice(-30)}”`);
      }
      const balance = quoteBalance(block.text);
      const next = this.blocks[index + 1];
      const continues = next !== undefined && next.kind === 'paragraph' && /^[“"«]/.test(next.text);
      if (!truncated && ((balance > 0 && !continues) || (balance < 0 && !openQuote))) {
        this.flag(
          'unbalanced-quotes',
          index,
          balance > 0 ? 'a quotation opens and does not close' : 'a quotation closes that did not open',
        );
      }
      openQuote = balance > 0;
      const first = seen.find(block.text);
      if (first === -1) seen.add(block.text, index);
      else if (isProse(block.text)) this.flag('repeated', index, `repeats paragraph ${first + 1}`);
    }
    const headerDamage = [
      [this.header.controls, 'control-characters', 'removed control characters from the header lines'],
      [this.header.mojibake, 'mojibake', 'repaired double-encoded UTF-8 in the header lines'],
    ] as const;
    for (const [count, kind, detail] of headerDamage) if (count > 0) this.flag(kind, null, `${detail} (${count})`);
  }

  private flag(kind: DamageKind, block: number | null, detail: string): void {
    this.damage.push({ kind, block, detail });
    const place = block === null ? null : { line: this.blocks[block]!.line, block };
    this.file.warn(`damage/${kind}`, detail, place, this.options.source);
  }

  private credits(): string[] {
    if (this.dateline?.credit) {
      return this.dateline.credit.split('/').map((credit) => credit.trim()).filter(Boolean);
    }
    const credits: string[] = [];
    for (const signoff of this.signoffs) {
      for (const agency of signoff.agencies) if (!credits.includes(agency)) credits.push(agency);
    }
    return credits;
  }
}

function dropIndent(text: string, indent: number): string {
  let position = 0;
  let width = 0;
  while (position < text.length && width < indent) {
    const code = text.charCodeAt(position);
    if (code === 0x09) width += 4;
    else if (code === 0x20 || code === 0xa0) width += 1;
    else break;
    position++;
  }
  return text.slice(position);
}

/**
 * Joins hard-wrapped lines `start` to `end` into one paragraph; `first` replaces the
 * first line's text when given (the dateline taken off it).
 */
function joinLines(lines: Lines, start: number, end: number, first: string | null): string {
  let flags = 0;
  for (let index = start; index < end; index++) flags |= lines.flags[index]!;
  const firstText = first ?? lineText(lines, start);
  if (end - start === 1 && !(flags & SPACED)) return firstText;
  let text: string;
  if (flags & HYPHENATED) {
    text = firstText;
    for (let index = start + 1; index < end; index++) {
      const next = lineText(lines, index);
      if (text.charCodeAt(text.length - 1) === 0x2d && /\p{L}-$/u.test(text)) {
        // `govern-` + `ment` is one word broken at the line end; `then-` + `president` a compound.
        text = isWordBreak(text, next, lines.source) ? text.slice(0, -1) + next : text + next;
      } else {
        text += ' ' + next;
      }
    }
  } else {
    // A joined array is one flat string, which later searches need not flatten again.
    const parts: string[] = [firstText];
    for (let index = start + 1; index < end; index++) parts.push(lineText(lines, index));
    text = parts.join(' ');
  }
  return flags & SPACED ? text.replace(/[ \t\u00a0]+/g, ' ') : text;
}

function isShoutedCrosshead(text: string): boolean {
  // Rows of figures in capitals (`TOTAL SALES 3792`) are data, not headings.
  if (text.length > 60 || /[.,;]$/.test(text) || /[\p{Ll}\d]/u.test(text)) return false;
  const letters = text.replace(/[^\p{Lu}]/gu, '').length;
  return letters >= 4 && text.split(' ').length <= 8 && readClosingLine(text) === null;
}

/**
 * The paragraphs seen so far, to find one sent twice. Paragraphs are filed by a
 * number made from their length and three of their characters, which costs nothing
 * to hash, and compared in full only with the few of the same number; should one
 * number gather many (copy made to defeat it), they are filed by their whole text.
 */
class Paragraphs {
  private readonly byPrint = new Map<number, number[]>();
  private readonly texts: string[] = [];
  private byText: Map<string, number> | null = null;

  find(text: string): number {
    if (this.byText) return this.byText.get(text) ?? -1;
    for (const index of this.byPrint.get(fingerprint(text)) ?? []) if (this.texts[index] === text) return index;
    return -1;
  }

  add(text: string, index: number): void {
    this.texts[index] = text;
    if (this.byText) {
      this.byText.set(text, index);
      return;
    }
    const print = fingerprint(text);
    const same = this.byPrint.get(print);
    if (!same) this.byPrint.set(print, [index]);
    else if (same.push(index) > 16) {
      this.byText = new Map();
      this.texts.forEach((each, at) => this.byText!.has(each) || this.byText!.set(each, at));
    }
  }
}

function fingerprint(text: string): number {
  const length = text.length;
  return ((length * 65_599 + text.charCodeAt(0)) * 65_599 + text.charCodeAt(length >> 1)) * 4093 + text.charCodeAt(length - 1);
}

/** Running prose, not a row of figures or a label: eight words or more, some of them little words. */
function isProse(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 8) return false;
  // Copy in capitals is a heading or a list of headlines, not running prose.
  if (!/\p{Ll}/u.test(text)) return false;
  let common = 0;
  for (const word of words) if (stopwords.has(word.toLowerCase()) && ++common >= 2) return true;
  return false;
}

/**
 * A paragraph of prose that stops where no sentence ends, on a word, a figure or a
 * comma: its last line was lost. (A dash or colon at the end introduces what follows.)
 */
function looksTruncated(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (paragraphEnd.has(last)) return false;
  return (last === 0x2c /* , */ || isWordCharacter(last)) && isProse(text);
}

function isWordCharacter(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

// AP's older copy types quotation marks as two backquotes and two apostrophes.
const quoteMarks = /["“”«»]|``|''/g;
const paragraphEnd = new Set([...paragraphEndings].map((char) => char.charCodeAt(0)));

/**
 * Opening minus closing quotation marks. A straight quote opens after a space or at
 * the start, closes before one or at the end, and between two letters stands for an
 * apostrophe (`Iran"s`, as some Reuters copy has it).
 */
function quoteBalance(text: string): number {
  let balance = 0;
  quoteMarks.lastIndex = 0;
  for (let match = quoteMarks.exec(text); match !== null; match = quoteMarks.exec(text)) {
    const index = match.index;
    const code = text.charCodeAt(index);
    if (match[0] === '``') balance++;
    else if (match[0] === "''") balance--;
    else if (code === 0x201c || code === 0xab) balance++;
    else if (code === 0x201d || code === 0xbb) balance--;
    else if (code === 0x22) {
      const before = index === 0 ? ' ' : text[index - 1]!;
      const after = index + 1 === text.length ? ' ' : text[index + 1]!;
      if (/[\s([—–-]/.test(before)) balance++;
      else if (/[\s.,;:!?)\]—–-]/.test(after)) balance--;
    }
  }
  return balance;
}
