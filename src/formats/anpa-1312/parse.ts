import type { Place, SourceFile } from '../../source/source-file.js';
import { agencyName } from '../../story/agencies.js';
import type { Byline, Damage, Signoff, Story } from '../../story/story.js';
import { readByline } from '../byline.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { decodeWire } from '../../source/decode.js';
import { lineCounter, readCopyLines, splitLines } from '../copy-lines.js';
import type { SourceLine } from '../copy-lines.js';
import { readClosingLine } from '../wire-text/grammar.js';
import { contentId } from '../wire-text/parse.js';
import {
  EOT,
  ETX,
  STX,
  bylineLine,
  caretLine,
  caretSplit,
  controlCharacter,
  editorsNote,
  headerLineAnywhere,
  iptc7901Start,
  keywordLine,
  keywordWords,
  mediaNote,
  messageStart,
  notFill,
  plusHeadEnd,
  priorityOfLetter,
  quadCode,
  readAgateRow,
  readEndSignature,
  readHeaderLine,
  readKeywordLine,
  readKyodoTrailer,
  readServiceLine,
  signalOfVersion,
} from './grammar.js';
import type { HeaderFields, ServiceFields } from './grammar.js';
import { readEachStory } from '../each-story.js';

const READER = 'anpa-1312';

interface Problem {
  rule: string;
  message: string;
  place: Place | null;
}

/** One message as the framing cuts it, its lines pointing into the input. */
interface Message {
  /** Line where the message starts, from 1. */
  line: number;
  /** The message from SOH to EOT, for its id. */
  raw: string;
  /** The service line after SOH, or null. */
  service: SourceLine | null;
  /** The header line (priority, category, format, keyword, …), or null. */
  header: SourceLine | null;
  /** Lines between STX and ETX. */
  text: SourceLine[];
  /** Lines between ETX and EOT. */
  trailer: SourceLine[];
  problems: Problem[];
}

/**
 * The `anpa-1312` format: ANPA 1312 messages as AP, Kyodo and others send them, one
 * Story per message.
 *
 * @example
 * const [story] = anpa1312.parse(new SourceFile(bytes, { name: 'anpa-2.tst' }));
 * story?.version; // '1stLd-Writethru'
 */
export const anpa1312: Format = {
  id: READER,
  description: 'ANPA 1312 messages (AP, Kyodo…): SYN SYN SOH, service and header lines, STX text ETX, transmission time',
  sniff: sniffAnpa1312,
  parse: parseAnpa1312,
};

/** Whether the input is ANPA 1312: SOH and a service line, or the header line's shape with its format codes. */
export function sniffAnpa1312(file: SourceFile): Sniff {
  const head = Buffer.from(file.bytes.subarray(0, 4096)).toString('latin1');
  for (const match of head.matchAll(messageStart)) {
    if (match.index > 2048) break;
    const line = head.slice(match.index + match[0].length, match.index + 200).split(/\r\n|\r|\n/, 1)[0]!;
    if (readServiceLine(line) === null) continue;
    return match[0].length === 3
      ? { score: 1, reason: 'SYN SYN SOH and an ANPA 1312 service line' }
      : { score: 0.95, reason: 'SOH and an ANPA 1312 service line' };
  }
  if (headerLineAnywhere.test(head)) return { score: 0.9, reason: 'an ANPA 1312 header line with its format identifier' };
  return { score: 0, reason: 'no SOH with an ANPA 1312 service line, no header line' };
}

/**
 * Parses ANPA 1312 input into its stories, one per message, in input order.
 *
 * @example
 * const stories = parseAnpa1312(new SourceFile(bytes, { name: 'ap_anpa-1.tst' }));
 * stories[0]?.slug; // 'BC-BKN--Heat-Hawks'
 */
export function parseAnpa1312(file: SourceFile, options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const decoded = decodeWire(file.bytes);
  const lineAt = lineCounter(decoded.text);
  if (decoded.reason !== null) {
    const place = decoded.firstInvalidUtf8 === null ? null : { line: lineAt(decoded.firstInvalidUtf8) };
    file.info(`encoding/${decoded.encoding}`, decoded.reason, place, READER);
  }
  const { messages, problems } = splitMessages(decoded.text, lineAt);
  if (messages.length === 0) {
    const hint = iptc7901Start.test(decoded.text) ? 'it has IPTC 7901 framing: try --from iptc-7901' : 'plain copy? try --from wire-text';
    file.fail(
      'input/no-message',
      `expected SOH (after SYN SYN) and a service line (\`W2870␟asian\`), or a header line (\`r a␓␑ BC-… 11-13 0412\`), found neither (${hint})`,
      null,
      READER,
    );
  }
  for (const problem of problems) file.warn(problem.rule, problem.message, problem.place, READER);
  const stories = readEachStory(file, mark, messages, (message) => readMessage(message, file, decoded.encoding, options));
  if (stories.length === 0) {
    file.fail('input/no-copy', `found ${messages.length} message(s) but no headline or text in any (is the text between STX and ETX empty?)`, null, READER);
  }
  return stories;
}

// ---------------------------------------------------------------------------
// Framing

function splitMessages(text: string, lineAt: (offset: number) => number): { messages: Message[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const starts = [...text.matchAll(messageStart)].map((match) => ({ at: match.index, body: match.index + match[0].length }));
  if (starts.length === 0) {
    // A message whose SOH was lost: it starts at its header line.
    const found = headerLineAnywhere.exec(text);
    if (found === null) return { messages: [], problems };
    const at = found.index + (found[0].startsWith('\n') ? 1 : 0);
    const message = cutMessage(text, at, at, text.length, lineAt, false);
    message.problems.push({ rule: 'anpa/no-soh', message: 'no SOH and service line: the message is read from its header line', place: { line: message.line } });
    return { messages: [message], problems };
  }
  const noise = (from: number, to: number, where: string) => {
    const at = text.slice(from, to).search(notFill);
    if (at !== -1) {
      problems.push({ rule: 'anpa/outside-message', message: `text ${where} is in no message; it is left out`, place: { line: lineAt(from + at) } });
    }
  };
  noise(0, starts[0]!.at, 'before the first SOH');
  const messages: Message[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const limit = starts[index + 1]?.at ?? text.length;
    const eot = text.indexOf(EOT, start.body);
    const end = eot !== -1 && eot < limit ? eot : limit;
    const message = cutMessage(text, start.at, start.body, end, lineAt, true);
    if (end === limit) {
      message.problems.push({
        rule: 'anpa/no-eot',
        message: `the message has no EOT before ${starts[index + 1] === undefined ? 'the end of the input' : 'the next SOH'}; read up to there`,
        place: { line: message.line },
      });
    } else {
      noise(eot + 1, limit, 'after EOT');
    }
    messages.push(message);
  }
  return { messages, problems };
}

/** Cuts one message: `at` its first byte, `body` where its lines start, `end` its EOT or limit. */
function cutMessage(text: string, at: number, body: number, end: number, lineAt: (offset: number) => number, framed: boolean): Message {
  const lines = (from: number, to: number) => (from >= to ? [] : splitLines(text.slice(from, to), lineAt(from)));
  const message: Message = { line: lineAt(body), raw: text.slice(at, end + 1), service: null, header: null, text: [], trailer: [], problems: [] };
  const stx = text.indexOf(STX, body);
  const hasStx = stx !== -1 && stx < end;
  const etx = hasStx ? text.indexOf(ETX, stx) : -1;
  const hasEtx = etx !== -1 && etx < end;
  const heading = lines(body, hasStx ? stx : end).filter((each) => each.text.trim() !== '');
  if (framed) message.service = heading.shift() ?? null;
  message.header = heading.shift() ?? null;
  if (!hasStx) {
    message.text = heading;
    message.problems.push({ rule: 'anpa/no-stx', message: 'expected STX after the header line, found none; the lines after it are read as the text', place: { line: message.line } });
    return message;
  }
  if (heading.length) {
    message.problems.push({ rule: 'anpa/extra-header', message: `${heading.length} line(s) between the header line and STX are neither; left out`, place: { line: heading[0]!.line } });
  }
  message.text = lines(stx + 1, hasEtx ? etx : end);
  if (!hasEtx) {
    message.problems.push({ rule: 'anpa/no-etx', message: 'the text has no ETX: it may be cut short; read up to the end of the message', place: { line: message.line } });
  }
  message.trailer = hasEtx ? lines(etx + 1, end) : [];
  return message;
}

// ---------------------------------------------------------------------------
// Stories

/** What the header lines inside the text say (AP's `^…<` lines, or Kyodo's keyword and head). */
interface TextHeader {
  keywordLine: string | null;
  codes: string[];
  headline: string | null;
  summary: string | null;
  byline: Byline | null;
  notes: string[];
  controls: number;
  /** The copy, laid out for the wire-text reader, lines pointing into the input. */
  body: SourceLine[];
  /** A closing line taken off the end of the copy (`==Kyodo`). */
  signoff: Signoff | null;
}

function readMessage(message: Message, file: SourceFile, encoding: string, options: ParseOptions): Story | null {
  for (const problem of message.problems) file.warn(problem.rule, problem.message, problem.place, READER);
  const labels: Record<string, string | string[]> = {};
  let service: ServiceFields | null = null;
  if (message.service !== null) {
    service = readServiceLine(message.service.text);
    if (service === null) {
      file.warn(
        'anpa/bad-service-line',
        `expected the service line after SOH (service level letter, four-digit story number, US, selector: \`W2870␟asian\`), found \`${clean(message.service.text).slice(0, 40)}\``,
        { line: message.service.line },
        READER,
      );
    } else {
      labels.service = service.service;
      labels['story-number'] = service.number;
      if (service.provider !== null) labels.provider = service.provider;
      labels.selector = service.selector;
    }
  }
  let header: HeaderFields | null = null;
  if (message.header !== null) {
    header = readHeaderLine(message.header.text);
    if (header === null) {
      file.warn(
        'anpa/bad-header',
        `expected the header line (priority and category letters, format codes, keyword, date, words: \`r a␓␑ BC-… 11-13 0412\`), found \`${clean(message.header.text).slice(0, 60)}\`; read without it`,
        { line: message.header.line },
        READER,
      );
    } else {
      labels.priority = header.priority;
      labels.category = header.category;
      labels.format = header.format;
      labels['format-codes'] = header.formatCodes;
      labels.keyword = header.keyword;
      if (header.version !== null) labels.version = header.version;
      if (header.reference !== null) labels.reference = header.reference;
      labels['filing-date'] = header.date;
      if (header.words !== null) labels['word-count'] = header.words;
    }
  }

  const trailer = readTrailer(message, labels);
  const referenceDate = trailer?.date ?? options.referenceDate ?? null;
  // AP opens its text with `^` header lines; Kyodo with the keyword and a head ended by `+`.
  const textHeader = caretLine.test(firstText(message.text)) ? readCaretHeader(message.text) : readPlainHeader(message.text, header);
  if (textHeader.keywordLine !== null) labels['keyword-line'] = textHeader.keywordLine;
  if (textHeader.codes.length) labels.codes = textHeader.codes;

  const copy = readCopyLines(textHeader.body, file, { source: READER, referenceDate });
  const keywordOfText = textHeader.keywordLine !== null ? readKeywordLine(textHeader.keywordLine) : null;
  if (textHeader.headline === null && copy.body.length === 0) {
    file.warn('anpa/empty-message', 'the message has no headline and no text; it gives no story', { line: message.line }, READER);
    return null;
  }
  let headline = textHeader.headline;
  if (headline === null) {
    // An alert is all headline; other copy without one is named by its keyword.
    const only = copy.body.length === 1 ? copy.body[0]!.text : null;
    const keyword = keywordOfText?.keyword ?? header?.keyword ?? null;
    headline = only ?? (keyword !== null ? keywordWords(keyword) : null);
    if (headline !== null) {
      file.info('anpa/no-headline', `no headline line: the ${only !== null ? 'one paragraph' : 'keyword'} stands in`, { line: message.line }, READER);
    }
  }
  const damage: Damage[] = [];
  if (textHeader.controls > 0) {
    const detail = `removed ${textHeader.controls} control character(s) from the header lines`;
    damage.push({ kind: 'control-characters', block: null, detail });
    file.warn('damage/control-characters', detail, { line: message.line }, READER);
  }
  const version = header?.version ?? keywordOfText?.version ?? copy.version;
  const signal = version !== null ? signalOfVersion(version) : copy.signal;
  const signoffs = [...copy.signoffs];
  if (textHeader.signoff) signoffs.push(textHeader.signoff);
  if (trailer?.signoff) signoffs.push(trailer.signoff);
  // Without a dateline credit, the agencies the sign-offs name, as the wire-text reader does.
  const credits = copy.credits.length ? copy.credits : [...new Set(signoffs.flatMap((each) => each.agencies))];
  const agency = providerOf(service, trailer?.signoff ?? null, credits);
  // A reference of four digits alone is a story number of the same service level.
  const reference = header?.reference && service && /^\d{4}$/.test(header.reference) ? `${service.service}${header.reference}` : (header?.reference ?? null);
  const number = reference ?? (service ? `${service.service}${service.number}` : null);
  return {
    // A hash of the message, SOH to EOT: the same message gets the same id whatever else its file holds.
    id: contentId(Buffer.from(message.raw, 'utf8')),
    source: {
      format: READER,
      file: file.name,
      receivedAt: file.origin.receivedAt ?? null,
      encoding,
      line: message.line,
      labels,
    },
    slug: header?.keyword ?? keywordOfText?.keyword ?? copy.slug,
    takes: [],
    priority: header ? priorityOfLetter(header.priority) : copy.priority,
    version,
    // The story number, named by its provider; an update names its original by reference.
    guid: agency !== null && number !== null ? `${agency}:${number}` : null,
    revision: null,
    firstCreated: null,
    versionCreated: trailer?.instant ?? null,
    // ANPA gives priority letters, not IPTC urgencies.
    urgency: null,
    headline,
    summary: textHeader.summary,
    byline: textHeader.byline ?? copy.byline,
    dateline: copy.dateline,
    credits,
    notes: [...textHeader.notes, ...copy.notes],
    subjects: [],
    keywords: [],
    body: copy.body,
    signoffs,
    status: signal === 'kill' ? 'canceled' : copy.status,
    signal,
    embargo: copy.embargo,
    language: null,
    damage: [...damage, ...copy.damage],
    diagnostics: [],
  };
}

/** The provider's name: before US (`KYODO`), in the transmission time (`AP-WF-…`), or the dateline's credit. */
function providerOf(service: ServiceFields | null, trailer: Signoff | null, credits: string[]): string | null {
  if (service?.provider) return agencyName(service.provider) ?? service.provider;
  return trailer?.agencies[0] ?? credits[credits.length - 1] ?? null;
}

/** The transmission time after ETX: AP's `AP-WF-11-13-13 1509GMT`, Kyodo's `KWS-21:37-09-12-18`. */
function readTrailer(message: Message, labels: Record<string, string | string[]>): { signoff: Signoff; date: string | null; instant: string | null } | null {
  const line = message.trailer.find((each) => clean(each.text) !== '');
  if (line === undefined) return null;
  const text = clean(line.text).replace(quadCode, '');
  labels.transmission = text;
  const closing = readClosingLine(text);
  const signoff = closing && closing.closing.kind === 'signoff' ? closing.closing : readKyodoTrailer(text, line.line);
  if (signoff === null) return null;
  signoff.line = line.line;
  const instant =
    signoff.date !== null && signoff.time !== null && signoff.zone !== null && /^(?:GMT|UTC|Z)$/.test(signoff.zone)
      ? `${signoff.date}T${signoff.time}:00Z`
      : null;
  return { signoff, date: signoff.date, instant };
}

/**
 * Reads AP's header lines (`^…<`, `^…=`) at the top of the text: the keyword line, the
 * headline, notes to editors and media lines, a summary, the byline and its title.
 * Centred lines among them that are none of these (`All Times EDT`) and every line
 * after the byline belong to the copy. Then lays the copy out one paragraph a line,
 * as AP sends it, with agate rows kept together as tables.
 */
function readCaretHeader(lines: SourceLine[]): TextHeader {
  const result: TextHeader = { keywordLine: null, codes: [], headline: null, summary: null, byline: null, notes: [], controls: 0, body: [], signoff: null };
  const fields: { text: string; quad: string | null; line: number }[] = [];
  let index = 0;
  while (index < lines.length && (caretLine.test(lines[index]!.text) || lines[index]!.text.trim() === '')) {
    const each = lines[index]!;
    for (const part of each.text.split(caretSplit)) {
      if (part.trim() === '') continue;
      const quad = quadCode.exec(part);
      const raw = part.replace(quadCode, '').replace(/^\^/, '');
      const text = raw.replace(controlCharacter, '');
      result.controls += raw.length - text.length;
      fields.push({ text: text.replace(/\s+/g, ' ').trim(), quad: quad ? quad[1]! : null, line: each.line });
    }
    index++;
  }
  let at = 0;
  // Codes before the keyword line (`*9006`) are the sender's; kept as labels.
  while (at < fields.length && at < 2 && !keywordLine.test(fields[at]!.text) && fields.slice(at + 1).some((each) => keywordLine.test(each.text))) {
    result.codes.push(fields[at]!.text);
    at++;
  }
  if (at < fields.length && keywordLine.test(fields[at]!.text)) result.keywordLine = fields[at++]!.text;
  const aside: SourceLine[] = [];
  let afterByline = false;
  for (; at < fields.length; at++) {
    const field = fields[at]!;
    const note = editorsNote.exec(field.text);
    if (note) {
      result.notes.push(note[1]!);
      continue;
    }
    if (mediaNote.test(field.text)) {
      result.notes.push(field.text);
      continue;
    }
    if (result.byline === null && bylineLine.test(field.text)) {
      result.byline = readByline(field.text);
      afterByline = true;
      continue;
    }
    if (afterByline && result.byline !== null && result.byline.title === null && field.quad === '=' && /\p{Ll}/u.test(field.text) && field.text.length <= 60) {
      result.byline.title = field.text;
      afterByline = false;
      continue;
    }
    if (result.byline !== null) break;
    if (result.headline === null) result.headline = field.text || null;
    else if (field.quad === '<' && result.summary === null) result.summary = field.text;
    else aside.push({ text: field.text, line: field.line });
  }
  const rest = fields.slice(at).map((field) => ({ text: `^${field.text}`, line: field.line }));
  result.body = layOut([...aside.map((each) => ({ text: `^${each.text}`, line: each.line })), ...rest, ...lines.slice(index)]);
  return result;
}

/**
 * Lays AP copy out for the wire-text reader: every header line (`^`) and every
 * tab-indented line is a paragraph of its own (AP does not wrap lines), agate rows
 * stay together as one table, and the typesetting codes at line ends go.
 */
function layOut(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let inRows = false;
  const separate = (line: number) => {
    if (out.length && out[out.length - 1]!.text !== '') out.push({ text: '', line });
  };
  for (const each of lines) {
    const row = readAgateRow(each.text);
    if (row !== null) {
      if (!inRows) separate(each.line);
      out.push({ text: row, line: each.line });
      inRows = true;
      continue;
    }
    if (each.text.trim() === '') continue;
    const unit = caretLine.test(each.text) || each.text.startsWith('\t');
    if (unit || inRows) separate(each.line);
    inRows = false;
    const text = unit ? each.text.replace(/^\^/, '').replace(quadCode, '').trim() : each.text.replace(quadCode, '');
    out.push({ text, line: each.line });
  }
  return out;
}

/**
 * Reads a text with no `^` header lines (Kyodo): the keyword repeated on the first line,
 * then a head ended by `+`, then the copy as written; an end signature (`==Kyodo`) on
 * the last line is a sign-off.
 */
function readPlainHeader(lines: SourceLine[], header: HeaderFields | null): TextHeader {
  const result: TextHeader = { keywordLine: null, codes: [], headline: null, summary: null, byline: null, notes: [], controls: 0, body: [], signoff: null };
  let index = 0;
  while (index < lines.length && lines[index]!.text.trim() === '') index++;
  const first = lines[index] ? clean(lines[index]!.text) : '';
  if (keywordLine.test(first) || (header !== null && first === header.keyword)) {
    result.keywordLine = first;
    index++;
  }
  for (let end = index; end < lines.length && end < index + 3; end++) {
    if (plusHeadEnd.test(lines[end]!.text)) {
      const head = lines.slice(index, end + 1).map((each) => clean(each.text).replace(plusHeadEnd, ''));
      result.headline = head.join(' ').replace(/\s+/g, ' ').trim() || null;
      index = end + 1;
      break;
    }
  }
  const body = lines.slice(index);
  let last = body.length - 1;
  while (last >= 0 && body[last]!.text.trim() === '') last--;
  const signoff = last >= 0 ? readEndSignature(body[last]!.text, body[last]!.line) : null;
  result.signoff = signoff;
  result.body = signoff ? body.slice(0, last) : body;
  return result;
}

function firstText(lines: SourceLine[]): string {
  return lines.find((each) => each.text.trim() !== '')?.text ?? '';
}

function clean(text: string): string {
  return text.replace(controlCharacter, '').trim();
}
