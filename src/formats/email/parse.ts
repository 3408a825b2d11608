import type { SourceFile } from '../../source/source-file.js';
import { assembleStory } from '../../story/assemble.js';
import type { Byline, Signoff, Story } from '../../story/story.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { readByline } from '../byline.js';
import { languageTag, readPieces, repairLine } from '../rss/copy.js';
import type { CopyPiece } from '../rss/copy.js';
import { htmlPieces, looksLikeHtml } from '../html.js';
import { priorityOf, readBylineNames, readClosingLine, readDatelineHead } from '../wire-text/grammar.js';
import { contentId, readWireCopy } from '../wire-text/parse.js';
import type { WireCopy } from '../wire-text/parse.js';
import {
  READER,
  cleanSubject,
  contactLine,
  disclaimerRule,
  headerField,
  mailDate,
  messageHeaders,
  organisationWord,
  personName,
  readMailbox,
  signatureLine,
  storyFieldLine,
  storyFieldOf,
} from './grammar.js';
import type { StoryField } from './grammar.js';
import { MailText, fieldValue, headerText, messageStart, partText, readFields, readPart } from './mime.js';
import type { MimePart } from './mime.js';

/**
 * The `email` format: a mail message (RFC 5322, MIME) as agencies and press desks
 * send copy: the Subject is the headline, the text part (or the HTML one, or a text
 * file attached) is read as wire copy, and what is no text is listed.
 *
 * @example
 * const [story] = email.parse(new SourceFile(bytes, { name: 'story.eml' }));
 * story?.headline; // the Subject, without `Fwd:`
 */
export const email: Format = {
  id: READER,
  description: 'e-mail (RFC 5322 / MIME): Subject as headline, the text part or a text attachment read as wire copy',
  sniff: sniffEmail,
  parse: parseEmail,
};

/** Whether the input opens with a mail header block: several fields mail programs write. */
export function sniffEmail(file: SourceFile): Sniff {
  const source = new MailText(Buffer.from(file.bytes.subarray(0, 16384)).toString('latin1'));
  const { fields } = readFields(source, messageStart(source), source.text.length);
  if (fields.length === 0) return { score: 0, reason: 'does not open with a header field (Name: value)' };
  const known = [...new Set(fields.map((field) => field.name).filter((name) => messageHeaders.has(name)))];
  if (known.length >= 3) return { score: 0.95, reason: `opens with mail header fields (${known.slice(0, 4).join(', ')})` };
  if (known.length === 2) return { score: 0.3, reason: `opens with only two mail header fields (${known.join(', ')})` };
  return { score: 0, reason: 'fewer than two mail header fields at the start' };
}

/**
 * Reads a mail message into stories: one for the message's own text, and one for
 * each attached text file or enclosed message that is copy of its own. A message
 * with no text at all (a picture sent alone) is refused.
 *
 * @example
 * const stories = parseEmail(new SourceFile(bytes, { name: 'story.eml' }));
 */
export function parseEmail(file: SourceFile, options: ParseOptions = {}): Story[] {
  const source = new MailText(Buffer.from(file.bytes).toString('latin1'));
  const start = messageStart(source);
  const first = source.lineFrom(start, source.text.length).line;
  if (!headerField.test(first)) {
    const found = first.trim() === '' ? 'nothing' : `\`${first.trim().slice(0, 40)}\``;
    file.fail(
      'email/no-headers',
      `expected a mail header block (From:, Subject:, Date: …), found ${found} (plain copy? try --from wire-text)`,
      { line: source.lineAt(start) },
      READER,
    );
  }
  const { stray } = readFields(source, start, source.text.length);
  if (stray !== null) {
    file.warn('email/header-end', 'this line is no header field, and no blank line ended the header block before it: the body is taken to start here', { line: stray }, READER);
  }
  const message = readPart(source, start, source.text.length, { file, depth: 0, defaultType: 'text/plain' });
  const stories = readMessage(message, file, { referenceDate: options.referenceDate ?? null, sentBefore: null, enclosed: false });
  // Ids: the Message-ID (else a hash of the bytes), numbered when the message gives several stories.
  const base = messageIdOf(message) ?? contentId(file.bytes);
  stories.forEach((story, index) => {
    story.id = stories.length > 1 ? `${base}#${index + 1}` : base;
    story.diagnostics = file.messages.slice();
  });
  return stories;
}

/** The fields of a message's header that a story takes. */
interface MessageHeader {
  /** The Subject without `Re:` and `Fwd:`. */
  headline: string | null;
  byline: Byline | null;
  /** The Date, ISO 8601. */
  date: string | null;
  /** The Message-ID without its angle brackets. */
  messageId: string | null;
  language: string | null;
  labels: Record<string, string | string[]>;
}

/** The copy one text gives, and what the story needs to know of where it came from. */
interface Reading {
  copy: WireCopy;
  /** A headline the text states outright (a `Headline:` line, a form's field): it beats the Subject. */
  stated: string | null;
  /** The charset the text was read in. */
  encoding: string;
  /** Line of the input where the text starts. */
  line: number;
  labels: Record<string, string | string[]>;
}

/** What a message holds, its parts sorted. */
interface Contents {
  /** Text to read, in order. */
  texts: MimePart[];
  /** Text files attached. */
  attachments: MimePart[];
  /** Messages enclosed (forwarded as `message/rfc822`). */
  messages: MimePart[];
  /** What is no text: `Cow.jpg (image/jpeg)`. */
  others: string[];
}

/** How a message is read: on its own, or enclosed in another. */
interface MessageContext {
  /** When the copy was sent, as the caller knows it. */
  referenceDate: string | null;
  /** The Date of the message that encloses this one. */
  sentBefore: string | null;
  /** Enclosed in another message: giving no story is no failure. */
  enclosed: boolean;
}

function readMessage(message: MimePart, file: SourceFile, context: MessageContext): Story[] {
  const header = readHeader(message, file);
  const reference = context.referenceDate ?? header.date ?? context.sentBefore;
  const contents: Contents = { texts: [], attachments: [], messages: [], others: [] };
  collect(message, contents);
  // What is no text is listed, not read.
  if (contents.others.length > 0) header.labels['attachments'] = contents.others;
  let main: Reading | null = null;
  for (const part of contents.texts) {
    const reading = readText(part, file, reference);
    if (reading !== null) main = main === null ? reading : appendReading(main, reading);
  }
  // A text file attached is a story of its own when it is copy (a headline, a dateline,
  // a slug), as Belga sends it; otherwise it goes on the message's text.
  const attached: Story[] = [];
  for (const part of contents.attachments) {
    const reading = readText(part, file, reference);
    if (reading === null) continue;
    reading.labels['attachment'] = part.filename ?? part.type;
    if (isCopy(reading)) {
      const headline = reading.stated ?? reading.copy.headline ?? header.headline ?? part.filename;
      // The sender handed the file on: neither its writer nor its identifier.
      attached.push(storyOf(reading, { ...header, byline: null, messageId: null }, headline, part.body.line, file));
    } else {
      main = main === null ? reading : appendReading(main, reading);
    }
  }
  const enclosed = contents.messages.flatMap((inner) =>
    readMessage(inner, file, { referenceDate: context.referenceDate, sentBefore: header.date ?? context.sentBefore, enclosed: true }),
  );
  const others = [...attached, ...enclosed];
  // A few lines that only hand on what is attached (`Please find the story attached`) are a note to it.
  if (main !== null && others.length > 0 && !isCopy(main) && main.copy.body.length <= 3) {
    const note = main.copy.body.map((block) => block.text).join(' ');
    for (const story of others) if (note !== '') story.notes.push(`Cover note: ${note}`);
    main = null;
  }
  if (main === null && others.length === 0) {
    if (context.enclosed && (header.headline === null || contents.others.length > 0)) {
      file.info('email/enclosed-no-text', 'the enclosed message holds no text: it gives no story', { line: message.line }, READER);
      return [];
    }
    if (header.headline === null || contents.others.length > 0) {
      const what = contents.others.length > 0 ? `only what is no text (${contents.others.join(', ')})` : 'no text and no Subject';
      file.fail(
        contents.others.length > 0 ? 'email/not-text' : 'email/no-copy',
        `the message holds ${what}: there is no story to read`,
        { line: message.line },
        READER,
      );
    }
    // A Subject alone is a headline sent without copy, as a flash may be.
    main = { copy: readWireCopy('', file, { source: READER, header: false }), stated: null, encoding: 'utf-8', line: message.body.line, labels: {} };
  }
  if (main === null) return others;
  let headline = main.stated;
  const { copy } = main;
  if (headline === null && copy.headline !== null) {
    // The text's own headline stands when it heads copy (a slug, a byline, a dateline
    // under it) or when the Subject says nothing; else it is a line like `Hi all`.
    const stands = copy.slug !== null || copy.byline !== null || copy.dateline !== null || header.headline === null || sameWords(copy.headline, header.headline);
    if (stands) headline = copy.headline;
    else headlineToBody(main);
  }
  return [storyOf(main, header, headline ?? header.headline, message.line, file), ...others];
}

/** Reads the header fields a story takes, and keeps the rest that matter as labels. */
function readHeader(message: MimePart, file: SourceFile): MessageHeader {
  const text = (name: string) => headerText(fieldValue(message.fields, name), file);
  const labels: Record<string, string | string[]> = {};
  const subject = text('subject');
  const from = text('from');
  const dateField = fieldValue(message.fields, 'date');
  const date = mailDate(dateField?.value ?? null);
  if (dateField !== null && date === null) {
    file.warn('email/bad-date', `cannot read the Date \`${dateField.value.trim().slice(0, 60)}\` as an RFC 5322 date: the story has no time`, { line: dateField.line }, READER);
  }
  const messageId = messageIdOf(message);
  const mailbox = from === null ? null : readMailbox(from);
  // The sender is the byline only when named as a person (`Ben Everill`); a desk or a bare address is a label.
  const name = mailbox?.name ?? null;
  const byline = name !== null && personName.test(name) && !organisationWord.test(name) ? { text: name, names: [name], title: null } : null;
  for (const [label, value] of [
    ['subject', subject],
    ['from', from],
    ['from-address', mailbox?.address ?? null],
    ['to', text('to')],
    ['cc', text('cc')],
    ['date', dateField?.value.trim() ?? null],
    ['message-id', messageId],
  ] as const) {
    if (value) labels[label] = value;
  }
  return {
    headline: cleanSubject(subject),
    byline,
    date,
    messageId,
    language: languageTag(text('content-language')?.split(',')[0]),
    labels,
  };
}

/** The Message-ID without its angle brackets (`<x@host>` → `x@host`). */
function messageIdOf(message: MimePart): string | null {
  const value = fieldValue(message.fields, 'message-id')?.value.trim() ?? '';
  return (/<([^<>\s]+)>/.exec(value)?.[1] ?? value) || null;
}

/** Sorts the parts of a message: text to read, text files, enclosed messages, and what is no text. */
function collect(part: MimePart, contents: Contents): void {
  if (part.type.startsWith('multipart/')) {
    if (part.type === 'multipart/alternative') {
      const chosen = chooseAlternative(part.parts);
      if (chosen !== null) collect(chosen, contents);
    } else {
      for (const child of part.parts) collect(child, contents);
    }
    return;
  }
  if (part.message !== null) {
    contents.messages.push(part.message);
    return;
  }
  const kind = textKind(part);
  if (kind === null) contents.others.push(`${part.filename ?? 'unnamed'} (${part.type})`);
  else if (!hasText(part)) return;
  else if (part.disposition === 'attachment' || part.filename !== null) contents.attachments.push(part);
  else contents.texts.push(part);
}

/** Of the alternatives, plain text when it has any (it is the copy as written), else a multipart that may hold it, else HTML. */
function chooseAlternative(parts: readonly MimePart[]): MimePart | null {
  const rank = (part: MimePart) =>
    textKind(part) === 'plain' && hasText(part) ? 3 : part.type.startsWith('multipart/') ? 2 : textKind(part) === 'html' && hasText(part) ? 1 : 0;
  let best: MimePart | null = null;
  for (const part of parts) if (best === null || rank(part) > rank(best)) best = part;
  return best;
}

function textKind(part: MimePart): 'plain' | 'html' | null {
  if (part.type === 'text/plain') return 'plain';
  if (part.type === 'text/html' || part.type === 'application/xhtml+xml') return 'html';
  return null;
}

function hasText(part: MimePart): boolean {
  return /\S/.test(part.body.source.text.slice(part.body.start, part.body.end));
}

/** Reads a text part: a web form's JSON, HTML, or plain text as wire copy. Null when it holds no copy. */
function readText(part: MimePart, file: SourceFile, referenceDate: string | null): Reading | null {
  const { text, encoding } = partText(part, file);
  // Note: lines of quoted-printable or flowed text count as decoded, from the part's first line.
  const line = part.body.line;
  if (textKind(part) === 'html') {
    const pieces = trimSignaturePieces(htmlPieces(text, line));
    if (pieces.length === 0) return null;
    return { copy: readPieces(pieces, file, { source: READER, referenceDate }), stated: null, encoding, line, labels: {} };
  }
  if (!/\S/.test(text)) return null;
  return readForm(text, line, encoding, file, referenceDate) ?? readPlain(text, line, encoding, file, referenceDate);
}

/** Plain text: the signature cut, a `Headline:` layout read, the rest read as wire copy. */
function readPlain(text: string, line: number, encoding: string, file: SourceFile, referenceDate: string | null): Reading | null {
  const { lines, signoff } = trimSignature(text.split(/\r\n|\r|\n/), line);
  const layout = readFieldLayout(lines);
  const labels: Record<string, string | string[]> = {};
  let copy: WireCopy;
  let stated: string | null = null;
  if (layout === null) {
    copy = readLines(lines, line, file, referenceDate, true);
  } else {
    copy = readLines(lines.slice(layout.rest), line + layout.rest, file, referenceDate, false);
    stated = layout.fields.get('headline') ?? null;
    applyFields(copy, layout.fields);
    copy.slug ??= layout.slug;
    copy.byline = layout.byline ?? copy.byline;
    if (layout.preamble.length > 0) labels['preamble'] = layout.preamble;
  }
  if (signoff !== null) {
    copy.signoffs.push(signoff);
    if (copy.credits.length === 0) copy.credits = [...signoff.agencies];
  }
  if (copy.body.length === 0 && copy.headline === null && stated === null) return null;
  return { copy, stated, encoding, line, labels };
}

/** Lines longer than any wire wraps at: text made mostly of them was sent unwrapped, a paragraph to a line. */
const wrappedWidth = 100;

/**
 * Reads lines as wire copy. Mail programs send text unwrapped, each paragraph one
 * long line with no blank line between (and quoted-printable or flowed text unwraps
 * to that): such text is read a paragraph to a line, the lines of what is read put
 * back to the input's.
 */
function readLines(lines: readonly string[], firstLine: number, file: SourceFile, referenceDate: string | null, header: boolean): WireCopy {
  const filled = lines.filter((each) => each.trim() !== '').length;
  const long = lines.filter((each) => each.trim().length > wrappedWidth).length;
  if (long === 0 || long * 3 < filled) return readWireCopy(lines.join('\n'), file, { source: READER, firstLine, referenceDate, header });
  const mark = file.messages.length;
  const copy = readWireCopy(lines.join('\n\n'), file, { source: READER, firstLine: 1, referenceDate, header });
  const inputLine = (line: number) => firstLine + Math.floor((line - 1) / 2);
  for (const block of copy.body) block.line = inputLine(block.line);
  for (const signoff of copy.signoffs) signoff.line = inputLine(signoff.line);
  for (const message of file.messages.slice(mark)) {
    if (message.place?.line !== undefined) message.place.line = inputLine(message.place.line);
  }
  return copy;
}

/** Sets the fields a `Headline:` layout or a web form states on the copy (all but the headline and the body). */
function applyFields(copy: WireCopy, fields: ReadonlyMap<StoryField, string>): void {
  copy.summary = fields.get('summary') ?? copy.summary;
  copy.slug = fields.get('slug') ?? copy.slug;
  const byline = fields.get('byline');
  if (byline !== undefined) copy.byline = readByline(byline);
  const place = fields.get('dateline');
  if (place !== undefined && copy.dateline === null) copy.dateline = { text: place, place, region: null, country: null, date: null, credit: null };
  const priority = fields.get('priority');
  if (priority !== undefined) copy.priority = priorityOf(priority) ?? copy.priority;
}

/**
 * Cuts what follows the copy: a signature under `-- `, a disclaimer under a rule of
 * underscores, and the writer's name, title and telephone under the sign-off
 * (`AAP be/` then `Ben Everill`, `Golf Writer`, `Ph …`). A sign-off the wire reader
 * would not know for its trailing slash is taken off here and returned.
 */
function trimSignature(lines: string[], firstLine: number): { lines: string[]; signoff: Signoff | null } {
  let end = lines.length;
  for (let index = end - 1; index > 0; index--) {
    if (signatureLine.test(lines[index]!)) {
      end = index;
      break;
    }
  }
  for (let index = end - 1; index > 0; index--) {
    if (!disclaimerRule.test(lines[index]!)) continue;
    if (lines.slice(index + 1, end).filter((each) => each.trim() !== '').length <= 8) end = index;
    break;
  }
  const tail: string[] = [];
  let signoff: Signoff | null = null;
  for (let index = end - 1; index > 0 && tail.length <= 10; index--) {
    const text = lines[index]!.trim();
    if (text === '') continue;
    const plain = readClosingLine(text);
    const slashed = plain === null && text.endsWith('/') ? readClosingLine(text.replace(/\/+$/, '')) : null;
    const closing = plain ?? slashed;
    if (closing !== null && !closing.weak) {
      tail.reverse();
      if (tail.length === 0 || personName.test(tail[0]!) || tail.some((each) => contactLine.test(each))) {
        end = slashed === null ? index + 1 : index;
        if (slashed !== null) signoff = { ...slashed.closing, text, line: firstLine + index };
      }
      break;
    }
    if (text.length > 60) break;
    tail.push(text);
  }
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  return { lines: lines.slice(0, end), signoff };
}

/** The same cut on HTML paragraphs: from a `--` paragraph, or a rule of underscores over a short disclaimer. */
function trimSignaturePieces(pieces: CopyPiece[]): CopyPiece[] {
  let end = pieces.length;
  for (let index = end - 1; index > 0; index--) {
    if (/^--$/.test(pieces[index]!.text.trim())) {
      end = index;
      break;
    }
  }
  for (let index = end - 1; index > 0; index--) {
    if (!disclaimerRule.test(pieces[index]!.text)) continue;
    if (end - index - 1 <= 8) end = index;
    break;
  }
  return pieces.slice(0, end);
}

/** AAP's layout for copy by e-mail: labelled lines over the copy, then the keyword over the byline. */
interface FieldLayout {
  fields: Map<StoryField, string>;
  /** Lines before the first label (`SDA`). */
  preamble: string[];
  slug: string | null;
  byline: Byline | null;
  /** Index of the first line of the copy. */
  rest: number;
}

/**
 * Reads the labelled lines that may head the text (`Headline: …`, `Abstract: …`),
 * each running on to a blank line or the next label, and under them the keyword over
 * the byline (`Gol PGA` / `By Ben Everill`). Null unless a `Headline:` line comes
 * before any copy.
 */
function readFieldLayout(lines: readonly string[]): FieldLayout | null {
  const preamble: string[] = [];
  let index = 0;
  for (; index < lines.length && index < 40; index++) {
    const text = lines[index]!.trim();
    if (text === '') continue;
    if (storyFieldLine.test(text)) break;
    if (text.length > 40 || readDatelineHead(text) !== null) return null;
    preamble.push(text);
  }
  const fields = new Map<StoryField, string>();
  let open: StoryField | null = null;
  for (; index < lines.length; index++) {
    const text = lines[index]!.trim();
    const match = storyFieldLine.exec(text);
    if (match) {
      open = storyFieldOf(match[1]!);
      if (open !== null && !fields.has(open)) fields.set(open, match[2]!.trim());
      else open = null;
    } else if (text === '') {
      open = null;
    } else if (open !== null) {
      fields.set(open, `${fields.get(open)} ${text}`);
    } else {
      break;
    }
  }
  if (!fields.has('headline')) return null;
  let slug: string | null = null;
  let byline: Byline | null = null;
  for (; index < lines.length; index++) {
    const text = lines[index]!.trim();
    if (text === '') continue;
    if (byline === null && readBylineNames(text) !== null) {
      byline = readByline(text);
      continue;
    }
    const next = lines[index + 1]?.trim() ?? '';
    if (slug === null && byline === null && text.length <= 40 && text.split(/\s+/).length <= 4 && !/[.!?,;:]$/.test(text) && readBylineNames(next) !== null) {
      slug = text;
      continue;
    }
    break;
  }
  return { fields, preamble, slug, byline, rest: index };
}

/**
 * A web form's submission sent as a JSON object (Google Forms: `{"Headline":
 * ["…"], "Body": ["…"], …}`): its story fields read, the rest kept as labels. Null
 * when the text is no JSON object or names neither a headline nor a body: it is then
 * read as plain text.
 */
function readForm(text: string, line: number, encoding: string, file: SourceFile, referenceDate: string | null): Reading | null {
  const object = jsonObject(text);
  if (object === null) return null;
  const fields = new Map<StoryField, string>();
  let body: string | null = null;
  const labels: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(object)) {
    const values = (Array.isArray(raw) ? raw : [raw])
      .filter((value) => ['string', 'number', 'boolean'].includes(typeof value))
      .map((value) => String(value).trim())
      .filter((value) => value !== '');
    if (values.length === 0) continue;
    const field = storyFieldOf(key);
    if (field === 'body' && body === null) body = values.join('\n\n');
    else if (field !== null && field !== 'body' && !fields.has(field) && (field !== 'priority' || priorityOf(values[0]!) !== null)) {
      fields.set(field, field === 'slug' || field === 'dateline' || field === 'priority' ? values[0]! : values.join(' ').replace(/\s+/g, ' '));
    } else labels[key] = values.length === 1 ? values[0]! : values;
  }
  const headline = fields.get('headline') ?? null;
  if (headline === null && body === null) return null;
  // Form fields are typed, not wrapped: each line is a paragraph.
  const pieces: CopyPiece[] =
    body === null
      ? []
      : looksLikeHtml(body)
        ? htmlPieces(body, line)
        : body
            .split(/\r\n|\r|\n/)
            .map((each) => each.trim())
            .filter((each) => each !== '')
            .map((each) => ({ kind: 'paragraph', text: each, line }));
  const copy = readPieces(pieces, file, { source: READER, referenceDate });
  applyFields(copy, fields);
  return { copy, stated: headline, encoding, line, labels };
}

/** The text as a JSON object; a line break inside a string (as mail may wrap one) is read as a space. */
function jsonObject(text: string): Record<string, unknown> | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return null;
  for (const candidate of [trimmed, trimmed.replace(/\r\n|\r|\n/g, ' ')]) {
    try {
      const value: unknown = JSON.parse(candidate);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      // Try the next candidate.
    }
  }
  return null;
}

/** Whether a reading is copy of its own: a headline, a dateline or a slug. */
function isCopy(reading: Reading): boolean {
  return reading.stated !== null || reading.copy.headline !== null || reading.copy.dateline !== null || reading.copy.slug !== null;
}

/** Puts the line the wire reader took for a headline back at the head of the body. */
function headlineToBody(reading: Reading): void {
  const { copy } = reading;
  if (copy.headline === null) return;
  const take = copy.body[0]?.take ?? 1;
  copy.body.unshift({ kind: 'paragraph', text: copy.headline, line: reading.line, take });
  for (const damage of copy.damage) if (damage.block !== null) damage.block++;
  copy.headline = null;
}

/** Adds the blocks, sign-offs and notes of a later text to the first. */
function appendReading(target: Reading, extra: Reading): Reading {
  if (extra.stated === null) headlineToBody(extra);
  const offset = target.copy.body.length;
  const copy = target.copy;
  copy.body.push(...extra.copy.body);
  copy.damage.push(...extra.copy.damage.map((damage) => ({ ...damage, block: damage.block === null ? null : damage.block + offset })));
  copy.signoffs.push(...extra.copy.signoffs);
  copy.notes.push(...extra.copy.notes);
  for (const credit of extra.copy.credits) if (!copy.credits.includes(credit)) copy.credits.push(credit);
  if (offset === 0) copy.dateline ??= extra.copy.dateline;
  Object.assign(target.labels, extra.labels);
  return target;
}

function storyOf(reading: Reading, header: MessageHeader, headline: string | null, line: number, file: SourceFile): Story {
  const copy = reading.copy;
  return assembleStory(
    '',
    {
      format: READER,
      file: file.name,
      receivedAt: file.origin.receivedAt ?? null,
      encoding: reading.encoding,
      line,
      labels: { ...header.labels, ...reading.labels },
    },
    {
      ...copy,
      headline: repairLine(headline, 'headline', file, READER, null, copy.damage),
      byline: copy.byline ?? header.byline,
      guid: header.messageId,
      firstCreated: header.date,
      versionCreated: header.date,
    },
    header.language,
    [],
  );
}

function sameWords(left: string, right: string): boolean {
  const normal = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return normal(left) === normal(right);
}
