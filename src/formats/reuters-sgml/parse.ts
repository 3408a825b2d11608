import { createHash } from 'node:crypto';
import { decodeText } from '../../source/decode.js';
import type { Place, SourceFile } from '../../source/source-file.js';
import type { Byline, Damage, Story } from '../../story/story.js';
import { lineCounter, placeOf } from '../copy-lines.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { readWireCopy } from '../wire-text/parse.js';
import type { WireCopy } from '../wire-text/parse.js';
import {
  attribute,
  briefPlaceholder,
  caretReturn,
  categorySets,
  cleanField,
  controlCharacter,
  decodeReferences,
  doctypeLine,
  dropFraming,
  elementTag,
  isoDay,
  readAuthor,
  readWireHeader,
  reutersCloseTag,
  reutersOpenTag,
} from './grammar.js';
import type { CategorySet } from './grammar.js';
import { readEachStory } from '../each-story.js';

const READER = 'reuters-sgml';

/** Text of one element's content, character references decoded, and where it starts. */
export interface RecordField {
  text: string;
  /** Line of the input where `text` starts, from 1. */
  line: number;
}

/** A problem met while reading the markup, before it becomes a diagnostic. */
export interface MarkupProblem {
  rule: string;
  message: string;
  place: Place;
}

/**
 * One `<REUTERS>` element as the corpus gives it: attributes and element contents,
 * character references decoded (so the wire's control characters are real characters
 * again), nothing else changed.
 */
export interface ReutersRecord {
  /** Line of the `<REUTERS` tag, from 1. */
  line: number;
  /** Offsets of the element in the decoded text: the `<` of its open tag, the end of its close tag. */
  start: number;
  end: number;
  /** `NEWID`, `OLDID`, `TOPICS`, `LEWISSPLIT`, `CGISPLIT`, sometimes `CSECS`. */
  attributes: Record<string, string>;
  date: RecordField | null;
  /** Notes of the corpus editors on hand corrections. */
  notes: string[];
  /** Every `<UNKNOWN>`: the wire framing and the header line. */
  unknown: string[];
  categories: Record<CategorySet, string[]>;
  /** `TYPE` of `<TEXT>`: `NORM` (the default), `BRIEF` or `UNPROC`; null without a TEXT. */
  textType: string | null;
  title: RecordField | null;
  author: RecordField | null;
  dateline: RecordField | null;
  body: RecordField | null;
  /**
   * The copy: everything in TEXT after TITLE and AUTHOR (in `UNPROC`, all of TEXT),
   * DATELINE and BODY tags removed, framing still in place. Tags never span lines, so
   * lines of `text` are lines of the input.
   */
  copy: RecordField | null;
  /** Problems inside this element. */
  problems: MarkupProblem[];
}

/** The stories of a corpus file as records, and the problems met between them. */
export interface ReutersRecords {
  records: ReutersRecord[];
  /** How many `<REUTERS` open tags the text has, read or skipped. */
  elements: number;
  /** Elements skipped as malformed, and other problems outside any story. */
  problems: MarkupProblem[];
}

/** One element of the markup, by offsets into the text. */
interface Node {
  name: string;
  attributes: Record<string, string>;
  /** Offset of the `<` of the open tag. */
  start: number;
  contentStart: number;
  contentEnd: number;
  children: Node[];
}

/**
 * Splits a decoded Reuters-21578 SGML file into its `<REUTERS>` elements. Pure and
 * tolerant: a malformed element is reported in `problems` and skipped, never thrown.
 *
 * @example
 * const { records } = readReutersRecords(decodeText(bytes).text);
 * records[0]?.attributes.NEWID; // '1'
 */
export function readReutersRecords(text: string): ReutersRecords {
  const lineOf = lineCounter(text);
  const opens = new RegExp(reutersOpenTag.source, 'g');
  const closes = new RegExp(reutersCloseTag.source, 'g');
  const records: ReutersRecord[] = [];
  const problems: MarkupProblem[] = [];
  const found = [...text.matchAll(opens)];
  for (let index = 0; index < found.length; index++) {
    const open = found[index]!;
    const start = open.index;
    const contentStart = start + open[0].length;
    const next = found[index + 1]?.index ?? text.length;
    closes.lastIndex = contentStart;
    const close = closes.exec(text);
    const attributes = readAttributes(open[1]!);
    if (close === null || close.index > next) {
      const name = attributes.NEWID !== undefined ? ` NEWID="${attributes.NEWID}"` : '';
      const until = found[index + 1] ? `the next <REUTERS> (line ${lineOf(next)})` : 'the end of the input';
      problems.push({
        rule: 'reuters/unclosed-element',
        message: `<REUTERS${name}> has no </REUTERS> before ${until}; the element is skipped`,
        place: { line: lineOf(start) },
      });
      continue;
    }
    records.push(readRecord(text, lineOf, { start, contentStart, contentEnd: close.index, end: close.index + close[0].length, attributes }));
  }
  return { records, elements: found.length, problems };
}

function readRecord(
  text: string,
  lineOf: (offset: number) => number,
  element: { start: number; contentStart: number; contentEnd: number; end: number; attributes: Record<string, string> },
): ReutersRecord {
  const problems: MarkupProblem[] = [];
  const root = buildTree(text, element.contentStart, element.contentEnd, lineOf, problems);
  const field = (node: Node | undefined): RecordField | null =>
    node === undefined
      ? null
      : { text: decodeReferences(text.slice(node.contentStart, node.contentEnd)), line: lineOf(node.contentStart) };
  const first = (parent: Node, name: string) => parent.children.find((child) => child.name === name);
  const all = (parent: Node, name: string) => parent.children.filter((child) => child.name === name);

  const categories = {} as Record<CategorySet, string[]>;
  for (const set of categorySets) {
    const node = first(root, set);
    categories[set] = node
      ? all(node, 'D')
          .map((code) => cleanField(field(code)!.text))
          .filter((code) => code !== '')
      : [];
  }
  const textNode = first(root, 'TEXT');
  let copy: RecordField | null = null;
  if (textNode) {
    // Copy starts after the last header element; what comes before it (STX, the
    // asterisks that mark a flash) is framing.
    const header = textNode.children.filter((child) => child.name === 'TITLE' || child.name === 'AUTHOR');
    const last = header[header.length - 1];
    const copyStart = last ? closeEnd(text, last) : textNode.contentStart;
    const tags = new RegExp(elementTag.source, 'g');
    copy = {
      text: decodeReferences(text.slice(copyStart, textNode.contentEnd).replace(tags, '')),
      line: lineOf(copyStart),
    };
  } else {
    problems.push({ rule: 'reuters/missing-element', message: 'no <TEXT> element: the story has no copy', place: { line: lineOf(element.start) } });
  }
  const date = field(first(root, 'DATE'));
  if (date === null) {
    problems.push({ rule: 'reuters/missing-element', message: 'no <DATE> element', place: { line: lineOf(element.start) } });
  }
  return {
    line: lineOf(element.start),
    start: element.start,
    end: element.end,
    attributes: element.attributes,
    date,
    notes: all(root, 'MKNOTE').map((node) => field(node)!.text),
    unknown: all(root, 'UNKNOWN').map((node) => field(node)!.text),
    categories,
    textType: textNode ? (textNode.attributes.TYPE ?? 'NORM') : null,
    title: textNode ? field(first(textNode, 'TITLE')) : null,
    author: textNode ? field(first(textNode, 'AUTHOR')) : null,
    dateline: textNode ? field(first(textNode, 'DATELINE')) : null,
    body: textNode ? field(first(textNode, 'BODY')) : null,
    copy,
    problems,
  };
}

/** Offset just after the close tag that ends `node`. */
function closeEnd(text: string, node: Node): number {
  const close = `</${node.name}`;
  if (!text.startsWith(close, node.contentEnd)) return node.contentEnd;
  const end = text.indexOf('>', node.contentEnd);
  return end === -1 ? node.contentEnd : end + 1;
}

/**
 * The elements inside one `<REUTERS>`, nested as the tags say. A close tag closes
 * the innermost open element of its name (and any left open inside it); a close tag
 * with no open element is ignored; elements open at the end close there.
 */
function buildTree(text: string, from: number, to: number, lineOf: (offset: number) => number, problems: MarkupProblem[]): Node {
  const root: Node = { name: 'REUTERS', attributes: {}, start: from, contentStart: from, contentEnd: to, children: [] };
  const stack: Node[] = [root];
  const tags = new RegExp(elementTag.source, 'g');
  tags.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(text)) !== null && match.index < to) {
    const [whole, slash, name] = match;
    if (slash === '') {
      const node: Node = {
        name: name!,
        attributes: readAttributes(match[3]!),
        start: match.index,
        contentStart: match.index + whole.length,
        contentEnd: to,
        children: [],
      };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
      continue;
    }
    const depth = stack.findLastIndex((node) => node.name === name);
    if (depth <= 0) {
      problems.push({ rule: 'reuters/stray-tag', message: `</${name}> closes no open element; ignored`, place: { line: lineOf(match.index) } });
      continue;
    }
    while (stack.length > depth + 1) {
      const unclosed = stack.pop()!;
      unclosed.contentEnd = match.index;
      problems.push(unclosedProblem(unclosed, `</${name}>`, lineOf));
    }
    stack.pop()!.contentEnd = match.index;
  }
  while (stack.length > 1) problems.push(unclosedProblem(stack.pop()!, '</REUTERS>', lineOf));
  return root;
}

function unclosedProblem(node: Node, closedBy: string, lineOf: (offset: number) => number): MarkupProblem {
  return {
    rule: 'reuters/unclosed-element',
    message: `<${node.name}> is not closed before ${closedBy}; read up to there`,
    place: { line: lineOf(node.start) },
  };
}

const attributes = new RegExp(attribute.source, 'g');

function readAttributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  // Most tags (`<D>`, `<DATE>`, `<TITLE>`) have none.
  if (!source.includes('=')) return found;
  attributes.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = attributes.exec(source)) !== null) found[match[1]!.toUpperCase()] = match[2]!;
  return found;
}

// ---------------------------------------------------------------------------
// Stories

/**
 * The `reuters-sgml` format: the SGML files of the Reuters-21578 corpus, one Story per
 * `<REUTERS>` element, the copy read by the wire-text reader and the corpus' gold
 * categories kept in `source.labels`.
 *
 * @example
 * const stories = reutersSgml.parse(new SourceFile(bytes, { name: 'reut2-000.sgm' }));
 * stories[0]?.id; // 'reuters-21578:1'
 */
export const reutersSgml: Format = {
  id: READER,
  description: 'Reuters-21578 SGML corpus files (reut2-NNN.sgm): one story per <REUTERS> element',
  sniff: sniffReutersSgml,
  parse: parseReutersSgml,
};

/** Whether the input looks like a Reuters-21578 file: its DOCTYPE, or `<REUTERS` tags near the start. */
export function sniffReutersSgml(file: SourceFile): Sniff {
  const head = decodeText(file.bytes.subarray(0, 4096)).text;
  if (doctypeLine.test(head)) return { score: 1, reason: 'found <!DOCTYPE lewis>' };
  if (reutersOpenTag.test(head)) return { score: 0.9, reason: 'found a <REUTERS> element' };
  return { score: 0, reason: 'no <REUTERS> element near the start' };
}

/**
 * Parses a Reuters-21578 SGML file into its stories, in input order.
 *
 * @example
 * const stories = parseReutersSgml(new SourceFile(bytes, { name: 'reut2-000.sgm' }));
 * stories[0]?.dateline?.place; // 'SALVADOR'
 */
export function parseReutersSgml(file: SourceFile, options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const decoded = decodeText(file.bytes);
  const { records, elements, problems } = readReutersRecords(decoded.text);
  if (elements === 0) {
    file.fail('input/no-element', 'expected <REUTERS> elements, found none (is it plain wire copy? try --from wire-text)', null, READER);
  }
  for (const problem of problems) file.warn(problem.rule, problem.message, problem.place, READER);
  if (records.length === 0) {
    file.fail('input/no-story', `none of the ${elements} <REUTERS> elements is closed by </REUTERS>`, null, READER);
  }
  // The encoding message goes with the story that holds the first byte that is not
  // UTF-8 (Windows-1252 maps one byte to one character, so its offset is a text
  // offset); with every story when no story holds it, or the whole file is UTF-16.
  const offset = decoded.encoding === 'windows-1252' ? decoded.firstInvalidUtf8 : null;
  const holder = offset === null ? undefined : records.find((record) => record.start <= offset && offset < record.end);
  const raiseEncoding = () => {
    const message = offset === null ? `decoded as ${decoded.encoding.toUpperCase()}` : `byte ${offset} is not UTF-8; decoded as Windows-1252`;
    file.info(`encoding/${decoded.encoding}`, message, offset === null ? null : placeOf(decoded.text, offset, lineCounter(decoded.text)), READER);
  };
  if (decoded.encoding !== 'utf-8' && holder === undefined) raiseEncoding();
  return readEachStory(file, mark, records, (record) => {
    if (record === holder) raiseEncoding();
    return readStory(record, decoded.text, file, decoded.encoding, options);
  });
}

function readStory(record: ReutersRecord, text: string, file: SourceFile, encoding: string, options: ParseOptions): Story {
  for (const problem of record.problems) file.warn(problem.rule, problem.message, problem.place, READER);
  const newId = record.attributes.NEWID?.trim();
  if (!newId) {
    file.warn('reuters/no-newid', '<REUTERS> has no NEWID; the story id is a hash of the element', { line: record.line }, READER);
  }
  const id = newId ? `reuters-21578:${newId}` : `reuters-21578:sha256-${hash(text.slice(record.start, record.end))}`;
  const unknown = cleanField(record.unknown.join('\n'));
  const header = readWireHeader(unknown);
  const day = record.date ? isoDay(record.date.text) : null;
  if (record.date !== null && day === null) {
    file.warn('reuters/bad-date', `<DATE> \`${cleanField(record.date.text)}\` names no day of the form 26-FEB-1987`, { line: record.date.line }, READER);
  }
  // The transmission day completes dateline dates (`Feb 26`); a day without a time reads as UTC whatever the clock's zone.
  const referenceDate = day ?? options.referenceDate ?? null;

  const damage: Damage[] = [];
  let headline: string | null = null;
  if (record.title) {
    const raw = record.title.text.replace(caretReturn, '');
    const controls = raw.match(controlCharacter)?.length ?? 0;
    headline = raw.replace(controlCharacter, '').replace(/\s+/g, ' ').trim() || null;
    if (controls > 0) {
      damage.push({ kind: 'control-characters', block: null, detail: `removed ${controls} control character(s) from the headline` });
      file.warn('damage/control-characters', `removed ${controls} control character(s) from the headline`, { line: record.title.line }, READER);
    }
  }
  let byline: Byline | null = null;
  if (record.author) {
    const text = cleanField(record.author.text).replace(/\s+/g, ' ');
    if (text !== '') byline = { text, ...readAuthor(text) };
  }

  const copy = readCopy(record, file, referenceDate);
  return {
    id,
    source: {
      format: READER,
      file: file.name,
      receivedAt: file.origin.receivedAt ?? null,
      encoding,
      line: record.line,
      labels: labelsOf(record, unknown),
    },
    slug: header?.slug ?? copy.slug,
    takes: copy.takes,
    priority: header?.priority ?? copy.priority,
    version: copy.version,
    // The id is the corpus's; its DATE has no time zone and its categories are gold
    // labels for evaluation, so they stay in `source.labels`, not in these fields.
    guid: null,
    revision: null,
    firstCreated: null,
    versionCreated: null,
    urgency: null,
    headline: headline ?? copy.headline,
    summary: null,
    byline: byline ?? copy.byline,
    dateline: copy.dateline,
    credits: copy.credits,
    notes: copy.notes,
    subjects: [],
    keywords: [],
    body: copy.body,
    signoffs: copy.signoffs,
    status: copy.status,
    signal: copy.signal,
    embargo: copy.embargo,
    language: 'en',
    damage: [...damage, ...copy.damage],
    diagnostics: [],
  };
}

/** Reads the copy of a record with the wire-text reader; a BRIEF has none but its TITLE. */
function readCopy(record: ReutersRecord, file: SourceFile, referenceDate: string | null): WireCopy {
  if (record.copy === null) return emptyCopy(file);
  let text = dropFraming(record.copy.text);
  if (record.textType === 'BRIEF') text = text.replace(briefPlaceholder, '');
  // Blank lines before the copy go, and the first line moves down with them.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(text)![0];
  const firstLine = record.copy.line + (leading.match(/\n/g)?.length ?? 0);
  text = text.slice(leading.length).trimEnd();
  if (text === '') return emptyCopy(file);
  // TITLE is the headline; the copy starts with the dateline (NORM) or the text itself (UNPROC).
  return readWireCopy(text, file, { source: READER, firstLine, referenceDate, header: false });
}

/** A story with no copy: what the wire-text reading of no text gives. */
function emptyCopy(file: SourceFile): WireCopy {
  return readWireCopy('', file, { source: READER, header: false });
}

/**
 * The corpus' metadata, as given: the REUTERS attributes (its `TOPICS` attribute as
 * `TOPICS-ATTRIBUTE`, beside the TOPICS categories), the gold categories, DATE,
 * DATELINE, UNKNOWN, and, where present, MKNOTE, AUTHOR and TEXT-TYPE. Control
 * characters are no part of any label.
 */
function labelsOf(record: ReutersRecord, unknown: string): Record<string, string | string[]> {
  const labels: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(record.attributes)) labels[name === 'TOPICS' ? 'TOPICS-ATTRIBUTE' : name] = value;
  if (record.date) labels.DATE = cleanField(record.date.text);
  for (const set of categorySets) labels[set] = record.categories[set];
  if (record.dateline) labels.DATELINE = record.dateline.text.replace(controlCharacter, '');
  if (unknown !== '') labels.UNKNOWN = unknown;
  if (record.notes.length) labels.MKNOTE = record.notes.map(cleanField);
  if (record.author) labels.AUTHOR = cleanField(record.author.text);
  if (record.textType !== null) labels['TEXT-TYPE'] = record.textType;
  return labels;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
