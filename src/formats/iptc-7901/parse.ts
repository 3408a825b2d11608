import type { Place, SourceFile } from '../../source/source-file.js';
import type { Byline, Damage, Signal, Signoff, Story } from '../../story/story.js';
import { priorityOfUrgency } from '../../story/urgency.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { readDatelineHead } from '../wire-text/grammar.js';
import { contentId } from '../wire-text/parse.js';
import { decodeWire } from '../../source/decode.js';
import { lineCounter, placeOf, readCopyLines, splitLines } from '../copy-lines.js';
import type { SourceLine } from '../copy-lines.js';
import {
  EOT,
  ETX,
  SOH,
  STX,
  anpaStart,
  asteriskRule,
  controlCharacter,
  headBylineLine,
  headEnd,
  notForPublication,
  notebookHeading,
  notebookSection,
  notFill,
  noticeLine,
  priorityWordLine,
  readHeaderLine,
  readKeywords,
  readSignoffLine,
  readTimeLine,
  signalOfVersion,
  versionLine,
} from './grammar.js';
import type { HeaderFields } from './grammar.js';
import { readEachStory } from '../each-story.js';

const READER = 'iptc-7901';

/** A problem met while splitting the input, before it becomes a diagnostic. */
interface Problem {
  rule: string;
  message: string;
  place: Place | null;
}

/** One message as the framing cuts it: its lines, each pointing into the input. */
interface Message {
  /** Line where the message starts (its SOH, or its header line when unframed), from 1. */
  line: number;
  /** The message from SOH to EOT, for its id. */
  raw: string;
  /** The line after SOH, or null when the message has none. */
  header: SourceLine | null;
  /** Lines between the header line and STX. */
  keywords: SourceLine[];
  /** Lines between STX and ETX. */
  text: SourceLine[];
  /** Lines between ETX and EOT. */
  trailer: SourceLine[];
  /** Problems with this message's framing. */
  problems: Problem[];
}

/**
 * The `iptc-7901` format: IPTC 7901 messages, one Story per SOH … EOT, as dpa, ATS,
 * KNA and other European agencies send them.
 *
 * @example
 * const [story] = iptc7901.parse(new SourceFile(bytes, { name: 'IPTC7901.txt' }));
 * story?.headline; // 'Germany Social Democrats: Coalition talks with Merkel could fail'
 */
export const iptc7901: Format = {
  id: READER,
  description: 'IPTC 7901 messages (dpa, ATS, KNA…): SOH header, keyword lines, STX head and text ETX, time line',
  sniff: sniffIptc7901,
  parse: parseIptc7901,
};

/**
 * Whether the input is IPTC 7901: SOH followed by a header line of its shape, and
 * STX after; or, with the control characters lost, a header line, a keyword line and
 * a head ended by `=`.
 */
export function sniffIptc7901(file: SourceFile): Sniff {
  // Latin-1 keeps every byte one character: enough to see the ASCII framing.
  const head = Buffer.from(file.bytes.subarray(0, 4096)).toString('latin1');
  for (let soh = head.indexOf(SOH); soh !== -1 && soh < 2048; soh = head.indexOf(SOH, soh + 1)) {
    const line = head.slice(soh + 1, soh + 200).split(/\r\n|\r|\n/, 1)[0]!;
    if (readHeaderLine(line) === null) continue;
    return head.includes(STX, soh)
      ? { score: 1, reason: 'SOH, an IPTC 7901 header line and STX' }
      : { score: 0.8, reason: 'SOH and an IPTC 7901 header line, no STX yet' };
  }
  if (unframedShape(splitLines(head, 1)) !== null) {
    return { score: 0.7, reason: 'an IPTC 7901 header line, keyword line and head ended by `=`, without control characters' };
  }
  return { score: 0, reason: 'no SOH followed by an IPTC 7901 header line' };
}

/**
 * Parses IPTC 7901 input into its stories, one per message, in input order.
 *
 * @example
 * const stories = parseIptc7901(new SourceFile(bytes, { name: 'IPTC7901.txt' }));
 * stories[0]?.urgency; // 4
 */
export function parseIptc7901(file: SourceFile, options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const decoded = decodeWire(file.bytes, { nationalVariants: true });
  const lineAt = lineCounter(decoded.text);
  if (decoded.reason !== null) {
    const place = decoded.firstInvalidUtf8 === null ? null : placeOf(decoded.text, decoded.firstInvalidUtf8, lineAt);
    file.info(`encoding/${decoded.encoding}`, decoded.reason, place, READER);
  }
  const { messages, problems } = splitMessages(decoded.text, lineAt);
  // SOH alone opens ANPA 1312 messages too: one 7901 header line at least makes the input 7901.
  if (!messages.some((each) => each.header !== null && readHeaderLine(each.header.text.replace(controlCharacter, '')) !== null)) {
    const hint = anpaStart.test(decoded.text) ? 'it has ANPA 1312 framing: try --from anpa-1312' : 'plain copy? try --from wire-text';
    const first = messages.find((each) => each.header !== null)?.header;
    const found = first ? `SOH followed by \`${first.text.replace(controlCharacter, '').trim().slice(0, 40)}\`` : 'no SOH';
    file.fail(
      'input/no-message',
      `expected SOH followed by an IPTC 7901 header line (\`eca062 4 i 211 …\`), found ${found} (${hint})`,
      first ? { line: first.line } : null,
      READER,
    );
  }
  for (const problem of problems) file.warn(problem.rule, problem.message, problem.place, READER);
  const stories = readEachStory(file, mark, messages, (message) => readMessage(message, file, decoded.encoding, options));
  if (stories.length === 0) {
    file.fail(
      'input/no-copy',
      `found ${messages.length} message(s) but no headline or text in any (is the text between STX and ETX empty?)`,
      null,
      READER,
    );
  }
  return stories;
}

// ---------------------------------------------------------------------------
// Framing

/** Cuts the text into messages at SOH; with no SOH, reads one unframed message if it has the shape. */
function splitMessages(text: string, lineAt: (offset: number) => number): { messages: Message[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const starts: number[] = [];
  for (let soh = text.indexOf(SOH); soh !== -1; soh = text.indexOf(SOH, soh + 1)) starts.push(soh);
  if (starts.length === 0) {
    const unframed = readUnframed(text);
    return { messages: unframed ? [unframed] : [], problems };
  }
  const noise = (from: number, to: number, where: string) => {
    const between = text.slice(from, to);
    const at = between.search(notFill);
    if (at !== -1) {
      problems.push({
        rule: 'iptc7901/outside-message',
        message: `text ${where} is in no message (between EOT and SOH); it is left out`,
        place: { line: lineAt(from + at) },
      });
    }
  };
  noise(0, starts[0]!, 'before the first SOH');
  const messages: Message[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const limit = starts[index + 1] ?? text.length;
    const eot = text.indexOf(EOT, start);
    const end = eot !== -1 && eot < limit ? eot : limit;
    const message = cutMessage(text, start, end, lineAt);
    if (eot === -1 || eot > limit) {
      message.problems.push({
        rule: 'iptc7901/no-eot',
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

/** One message from its SOH at `start` to its EOT (or where it stops) at `end`. */
function cutMessage(text: string, start: number, end: number, lineAt: (offset: number) => number): Message {
  const lines = (from: number, to: number) => (from >= to ? [] : splitLines(text.slice(from, to), lineAt(from)));
  const message: Message = { line: lineAt(start), raw: text.slice(start, end + 1), header: null, keywords: [], text: [], trailer: [], problems: [] };
  const stx = text.indexOf(STX, start);
  const hasStx = stx !== -1 && stx < end;
  const etx = hasStx ? text.indexOf(ETX, stx) : -1;
  const hasEtx = etx !== -1 && etx < end;
  const heading = lines(start + 1, hasStx ? stx : end);
  message.header = heading[0] ?? null;
  if (hasStx) {
    message.keywords = heading.slice(1);
    message.text = lines(stx + 1, hasEtx ? etx : end);
    if (!hasEtx) {
      message.problems.push({
        rule: 'iptc7901/no-etx',
        message: 'the text has no ETX: it may be cut short; read up to the end of the message',
        place: { line: message.line },
      });
    }
  } else {
    // Without STX, keyword lines are the ones ending in `/`; the text follows them.
    let index = 1;
    while (index < heading.length && (isBlank(heading[index]!.text) || /\/\s*$/.test(heading[index]!.text))) index++;
    message.keywords = heading.slice(1, index);
    message.text = heading.slice(index);
    message.problems.push({
      rule: 'iptc7901/no-stx',
      message: 'expected STX after the keyword lines, found none; the lines after the keywords are read as the text',
      place: { line: message.line },
    });
  }
  message.trailer = hasEtx ? lines(etx + 1, end) : [];
  return message;
}

/**
 * Where the lines of a message whose control characters were lost begin and end: the
 * header line first, keyword lines ending in `/`, then a head ended by `=` within a
 * few lines. Null when the lines have not that shape.
 */
function unframedShape(lines: SourceLine[]): { header: number; text: number } | null {
  const header = lines.findIndex((each) => !isBlank(each.text));
  if (header === -1 || readHeaderLine(lines[header]!.text) === null) return null;
  let index = header + 1;
  let keywords = 0;
  while (index < lines.length && index <= header + 8) {
    const value = lines[index]!.text.trim();
    if (value !== '' && !value.endsWith('/')) break;
    if (value !== '') keywords++;
    index++;
  }
  if (keywords === 0) return null;
  const ended = lines.slice(index, index + 8).some((each) => headEnd.test(each.text) && each.text.trim() !== '=');
  return ended ? { header, text: index } : null;
}

function readUnframed(text: string): Message | null {
  const lines = splitLines(text, 1);
  const shape = unframedShape(lines);
  if (shape === null) return null;
  const rest = lines.slice(shape.text);
  // The time line, when there, is the last line with anything on it.
  let last = rest.length - 1;
  while (last >= 0 && isBlank(rest[last]!.text)) last--;
  const hasTime = last >= 0 && readTimeLine(rest[last]!.text) !== null;
  return {
    line: lines[shape.header]!.line,
    raw: text,
    header: lines[shape.header]!,
    keywords: lines.slice(shape.header + 1, shape.text),
    text: hasTime ? rest.slice(0, last) : rest,
    trailer: hasTime ? rest.slice(last) : [],
    problems: [
      {
        rule: 'iptc7901/no-framing',
        message: 'no SOH, STX or ETX: the message is read by the shape of its header, keyword and head lines',
        place: { line: lines[shape.header]!.line },
      },
    ],
  };
}

// ---------------------------------------------------------------------------
// Stories

/** The head of the text: what the lines between STX and the headline's end say. */
interface Head {
  headline: string | null;
  byline: Byline | null;
  /** Version lines, joined: `REFILE 1ST LEAD`. */
  version: string | null;
  /** Notices in brackets (`Achtung`). */
  notices: string[];
  /** Other lines above the headline (ATS's `Situation`, `France:`). */
  kicker: string[];
  /** Priority words above the headline (`EILT`). */
  priorityWords: string[];
  /** Index of the first text line after the head. */
  end: number;
  controls: number;
}

function readMessage(message: Message, file: SourceFile, encoding: string, options: ParseOptions): Story | null {
  for (const problem of message.problems) file.warn(problem.rule, problem.message, problem.place, READER);
  const labels: Record<string, string | string[]> = {};
  let controls = 0;
  // DEL is fill, not damage; other control characters in the header lines are.
  const clean = (text: string) => {
    const cleaned = text.replace(controlCharacter, '');
    controls += text.length - cleaned.length - (text.match(/\u007f/g)?.length ?? 0);
    return cleaned.trim();
  };

  let header: HeaderFields | null = null;
  if (message.header !== null) {
    const raw = clean(message.header.text);
    header = readHeaderLine(raw);
    if (raw !== '') labels.header = raw;
    if (header === null) {
      file.warn(
        'iptc7901/bad-header',
        `expected the header line after SOH (source letters and message number, priority 1–9, category, word count: \`eca062 4 i 211\`), found \`${raw.slice(0, 60)}\`; the message is read without it`,
        { line: message.header.line },
        READER,
      );
    }
  }
  let urgency: number | null = null;
  if (header !== null) {
    labels.source = header.source;
    labels['message-number'] = header.number;
    labels.priority = String(header.priority);
    labels.category = header.category;
    labels['word-count'] = header.words;
    if (header.optional !== null) labels.optional = header.optional;
    if (header.priority >= 1 && header.priority <= 9) urgency = header.priority;
    else file.warn('iptc7901/bad-priority', `priority \`${header.priority}\` is no urgency 1–9; urgency left empty`, { line: message.header!.line }, READER);
  }

  const keywordLines = message.keywords.map((each) => clean(each.text)).filter((each) => each !== '');
  const keywords = keywordLines.flatMap(readKeywords);
  if (keywordLines.length) labels.keywords = keywordLines;

  const time = readTrailer(message, file, labels);
  const referenceDate = time?.date ?? options.referenceDate ?? null;

  const head = readHead(message.text);
  controls += head.controls;
  if (head.kicker.length) labels.kicker = head.kicker;
  if (head.priorityWords.length) labels['priority-word'] = head.priorityWords.join(' ');

  const { body, signoff, notes } = readEndMatter(message.text.slice(head.end));
  const copy = readCopyLines(body, file, { source: READER, referenceDate });
  if (head.headline === null && copy.body.length === 0) {
    file.warn('iptc7901/empty-message', 'the message has no headline and no text; it gives no story', { line: message.line }, READER);
    return null;
  }
  const damage: Damage[] = [];
  if (controls > 0) {
    const detail = `removed ${controls} control character(s) from the header and head lines`;
    damage.push({ kind: 'control-characters', block: null, detail });
    file.warn('damage/control-characters', detail, { line: message.line }, READER);
  }
  const signal: Signal | null = head.version !== null ? signalOfVersion(head.version) : copy.signal;
  const signoffs: Signoff[] = signoff ? [...copy.signoffs, signoff] : copy.signoffs;
  const credits = [...copy.credits];
  if (credits.length === 0 && signoff) credits.push(...signoff.agencies);
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
    slug: keywords[0] ?? null,
    takes: [],
    priority: priorityOfUrgency(urgency),
    version: head.version ?? copy.version,
    // The message number counts transmissions, not stories: no identifier for all versions.
    guid: null,
    revision: null,
    firstCreated: null,
    versionCreated: time?.instant ?? null,
    urgency,
    headline: head.headline ?? copy.headline,
    summary: null,
    byline: head.byline ?? copy.byline,
    dateline: copy.dateline,
    credits,
    notes: [...head.notices, ...copy.notes, ...notes],
    subjects: [],
    keywords,
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

/** Reads the time line after ETX into `labels`; tells when it cannot be read or names no zone. */
function readTrailer(message: Message, file: SourceFile, labels: Record<string, string | string[]>) {
  const line = message.trailer.find((each) => !isBlank(each.text.replace(/\u007f/g, '')));
  if (line === undefined) return null;
  const raw = line.text.replace(controlCharacter, '').trim();
  labels['time-line'] = raw;
  const time = readTimeLine(raw);
  if (time === null) {
    file.info('iptc7901/time-line', `cannot read the time line \`${raw.slice(0, 40)}\` (expected day, hour, minute, zone, month, year: \`131137 GMT Nov 13\`)`, { line: line.line }, READER);
  } else if (time.instant === null) {
    const why = time.zone === null ? 'names no time zone' : `names the zone \`${time.zone}\`, whose offset is not known`;
    file.info('iptc7901/time-zone', `the time line \`${raw}\` ${why}: the version time is left empty`, { line: line.line }, READER);
  }
  return time;
}

/**
 * Reads the head: the lines from STX to the one ended by `=` (dpa, KNA), or up to the
 * first blank line when no line is ended so. The last line is the byline when it opens
 * with `By`; the one before it (or the last) the headline; above it, priority words
 * (`EILT`), other capitals the version, bracketed lines notices, anything else a kicker.
 */
function readHead(lines: SourceLine[]): Head {
  const head: Head = { headline: null, byline: null, version: null, notices: [], kicker: [], priorityWords: [], end: 0, controls: 0 };
  let first = 0;
  while (first < lines.length && isBlank(lines[first]!.text)) first++;
  let run = first;
  while (run < lines.length && run < first + 8 && !isBlank(lines[run]!.text)) run++;
  if (run === first) return { ...head, end: first };
  let last = -1;
  for (let index = first; index < run; index++) {
    if (headEnd.test(lines[index]!.text)) {
      last = index;
      break;
    }
  }
  if (last === -1) {
    // No `=`: a short block before a blank line is the head; else only the first line;
    // and no head at all when the text opens with its dateline.
    if (readDatelineHead(lines[first]!.text.trim()) !== null) return { ...head, end: first };
    const textFollows = lines.slice(run).some((each) => !isBlank(each.text));
    last = run - first <= 4 && textFollows ? run - 1 : first;
  }
  const texts = lines.slice(first, last + 1).map((each, index, all) => {
    const cleaned = each.text.replace(controlCharacter, '');
    head.controls += each.text.length - cleaned.length;
    const value = index === all.length - 1 ? cleaned.replace(headEnd, '') : cleaned;
    return value.replace(/\s+/g, ' ').trim();
  });
  head.end = last + 1;
  let headlineAt = texts.length - 1;
  const bylineMatch = texts.length > 1 ? headBylineLine.exec(texts[headlineAt]!) : null;
  if (bylineMatch) {
    head.byline = readHeadByline(texts[headlineAt]!);
    headlineAt--;
  }
  head.headline = texts[headlineAt] || null;
  const versions: string[] = [];
  for (const text of texts.slice(0, headlineAt)) {
    const notice = noticeLine.exec(text);
    if (notice) head.notices.push(notice[1]!.trim());
    else if (priorityWordLine.test(text)) head.priorityWords.push(text);
    else if (versionLine.test(text)) versions.push(text);
    else if (text !== '') head.kicker.push(text);
  }
  head.version = versions.length ? versions.join(' ') : null;
  return head;
}

/** `By Manuel Schwarz, dpa` → names `Manuel Schwarz`, title `dpa`. */
function readHeadByline(text: string): Byline {
  const words = text.replace(/^\S+\s+/, '');
  const comma = words.indexOf(',');
  const people = comma === -1 ? words : words.slice(0, comma);
  const title = comma === -1 ? null : words.slice(comma + 1).trim() || null;
  const names = people
    .split(/\s+(?:and|und|et)\s+|\s*&\s*|\s*,\s*/)
    .map((name) => name.trim())
    // `By dpa correspondents` names no one.
    .filter((name) => /^\p{Lu}/u.test(name));
  return { text, names, title };
}

/**
 * Takes dpa's end matter off the text: the closing line (`dpa wsz jln npr`) and the
 * notebook (`# dpa NOTEBOOK`: links, contacts, what is not for publication), which
 * become a sign-off and notes to editors. Taken lines are blanked, not removed, so the
 * rest keep their places.
 */
function readEndMatter(lines: SourceLine[]): { body: SourceLine[]; signoff: Signoff | null; notes: string[] } {
  let last = lines.length - 1;
  while (last >= 0 && isBlank(lines[last]!.text)) last--;
  // The closing line stands alone, a blank line above it.
  const alone = last === 0 || (last > 0 && isBlank(lines[last - 1]!.text));
  const signoff = last >= 0 && alone ? readSignoffLine(lines[last]!.text, lines[last]!.line) : null;
  const end = signoff ? last : lines.length;
  const notebook = lines.findIndex((each, index) => index < end && (notebookHeading.test(each.text.trim()) || notForPublication.test(each.text.trim())));
  const stop = notebook === -1 ? end : notebook;
  const notes: string[] = [];
  let title: string | null = null;
  let items: string[] = [];
  const flush = () => {
    if (title !== null || items.length) notes.push(title !== null && items.length ? `${title}: ${items.join('; ')}` : (title ?? items.join('; ')));
    title = null;
    items = [];
  };
  for (const each of lines.slice(stop, end)) {
    const text = each.text.trim();
    if (text === '' || notebookHeading.test(text) || notForPublication.test(text) || asteriskRule.test(text)) continue;
    const section = notebookSection.exec(text);
    if (section) {
      flush();
      title = section[1]!.trim();
    } else {
      items.push(text.replace(/^[-*]\s+/, ''));
    }
  }
  flush();
  return { body: lines.slice(0, stop), signoff, notes };
}

function isBlank(text: string): boolean {
  return !/\S/.test(text);
}
