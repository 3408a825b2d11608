/**
 * The MIME structure of a message (RFC 2045–2049): header fields, parts split by
 * their boundary, nested messages, and each part's text decoded from its transfer
 * encoding and charset. libmime, libqp and libbase64 do the decoding; only the
 * splitting by boundary, which no synchronous library offers, is written here.
 *
 * The message is held as a string of one character per byte (Latin-1), so that
 * offsets are byte offsets, every part's bytes can be had back exactly, and each
 * part is decoded in its own charset.
 */
import iconv from 'iconv-lite';
import libbase64 from 'libbase64';
import libmime from 'libmime';
import { decode as decodeJapanese } from 'libmime/lib/charset.js';
import libqp from 'libqp';
import { decodeText } from '../../source/decode.js';
import type { Place, SourceFile } from '../../source/source-file.js';
import { READER, continuationLine, headerField, mboxFromLine } from './grammar.js';

/** Parts nested deeper than this are not opened (a message made to exhaust the reader). */
const maxDepth = 24;

/** The bytes of a message, one character per byte, and where each line starts. */
export class MailText {
  readonly text: string;
  /** Line of the input where `text` starts, from 1. */
  private readonly firstLine: number;
  private readonly lineStarts: number[] = [0];

  constructor(text: string, firstLine = 1) {
    this.text = text;
    this.firstLine = firstLine;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.lineStarts.push(index + 1);
  }

  /** The line of the input that holds `offset`, from 1. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return this.firstLine + low;
  }

  /** The line at `offset` without its line break, and where the next one starts. */
  lineFrom(offset: number, end: number): { line: string; next: number } {
    const newline = this.text.indexOf('\n', offset);
    const stop = newline === -1 || newline >= end ? end : newline;
    const line = this.text.slice(offset, stop);
    return { line: line.endsWith('\r') ? line.slice(0, -1) : line, next: stop + 1 };
  }
}

/** One header field, unfolded, its value as written (encoded words not yet decoded). */
export interface HeaderField {
  /** The name in lower case (`content-type`). */
  name: string;
  value: string;
  line: number;
}

/** One MIME entity: a whole message, a part of a multipart, or a message inside one. */
export interface MimePart {
  fields: HeaderField[];
  /** Where the entity starts: its first header line, or its body when it has none. */
  line: number;
  /** The media type in lower case (`text/plain`); `text/plain` when none is given. */
  type: string;
  /** Content-Type parameters, names in lower case (`charset`, `boundary`, `format`). */
  params: Record<string, string>;
  /** Content-Transfer-Encoding in lower case; `7bit` when none is given. */
  transfer: string;
  /** `attachment`, `inline`, or null when no Content-Disposition is given. */
  disposition: string | null;
  /** The file name the part carries (`filename`, else the Content-Type `name`), decoded. */
  filename: string | null;
  /** The body, as bytes of `source`. */
  body: { source: MailText; start: number; end: number; line: number };
  /** The parts of a multipart, in order. */
  parts: MimePart[];
  /** The message a `message/rfc822` part holds. */
  message: MimePart | null;
}

/**
 * The offset where a message's header block starts: after blank lines (some stores
 * pad the head of a file with spaces) and an mbox envelope line.
 */
export function messageStart(source: MailText): number {
  let offset = 0;
  let envelope = false;
  const end = source.text.length;
  while (offset < end) {
    const { line, next } = source.lineFrom(offset, end);
    if (line.trim() !== '') {
      if (envelope || !mboxFromLine.test(line)) break;
      envelope = true;
    }
    offset = next;
  }
  return Math.min(offset, end);
}

/**
 * Reads the header block from `start`: fields unfolded, up to the blank line that
 * ends it. A line that is neither a field nor a continuation also ends it (`stray`
 * says where): the body starts there.
 */
export function readFields(source: MailText, start: number, end: number): { fields: HeaderField[]; bodyStart: number; stray: number | null } {
  const fields: HeaderField[] = [];
  let offset = start;
  while (offset < end) {
    const { line, next } = source.lineFrom(offset, end);
    if (line === '') return { fields, bodyStart: Math.min(next, end), stray: null };
    const last = fields[fields.length - 1];
    if (last !== undefined && continuationLine.test(line)) {
      last.value += line;
    } else {
      const match = headerField.exec(line);
      if (!match) return { fields, bodyStart: offset, stray: source.lineAt(offset) };
      fields.push({ name: match[1]!.toLowerCase(), value: line.slice(match[0].length), line: source.lineAt(offset) });
    }
    offset = next;
  }
  return { fields, bodyStart: end, stray: null };
}

/** What reading parts needs beside the bytes. */
export interface PartContext {
  file: SourceFile;
  depth: number;
  /** The type a part without Content-Type has: `message/rfc822` inside `multipart/digest`. */
  defaultType: string;
}

/**
 * Reads the MIME entity between `start` and `end`: its fields, its type, and the
 * parts or the message it holds. Damage (no boundary, a multipart never closed, parts
 * nested too deep) is warned about and the entity read as well as it can be.
 */
export function readPart(source: MailText, start: number, end: number, context: PartContext): MimePart {
  const { file } = context;
  const { fields, bodyStart } = readFields(source, start, end);
  const contentType = fieldValue(fields, 'content-type');
  const parsed = contentType === null ? null : libmime.parseHeaderValue(contentType.value);
  let type = (parsed?.value || context.defaultType).trim().toLowerCase();
  // A type without its subtype (`text`) is read as the type's plain kind.
  if (!type.includes('/')) type = type === 'multipart' ? 'multipart/mixed' : type === 'message' ? 'message/rfc822' : 'text/plain';
  const params = lowerKeys(parsed?.params ?? {});
  const disposition = fieldValue(fields, 'content-disposition');
  const dispositionParsed = disposition === null ? null : libmime.parseHeaderValue(disposition.value);
  const named = lowerKeys(dispositionParsed?.params ?? {})['filename'] ?? params['name'] ?? null;
  const part: MimePart = {
    fields,
    line: source.lineAt(start),
    type,
    params,
    transfer: (fieldValue(fields, 'content-transfer-encoding')?.value ?? '7bit').trim().toLowerCase() || '7bit',
    disposition: dispositionParsed?.value ? dispositionParsed.value.trim().toLowerCase() : null,
    filename: named === null ? null : decodeWords(named, file, null).trim() || null,
    body: { source, start: bodyStart, end, line: source.lineAt(bodyStart) },
    parts: [],
    message: null,
  };
  const opens = type.startsWith('multipart/') || type === 'message/rfc822' || type === 'message/global';
  if (opens && context.depth >= maxDepth) {
    file.warn('email/too-deep', `parts are nested more than ${maxDepth} deep here: the ${type} is not opened`, typePlace(part), READER);
    part.type = 'application/octet-stream';
    return part;
  }
  if (type.startsWith('multipart/')) readMultipart(part, context);
  else if (type === 'message/rfc822' || type === 'message/global') readEnclosed(part, context);
  return part;
}

function readMultipart(part: MimePart, context: PartContext): void {
  const { file } = context;
  const { source, start, end } = part.body;
  const boundary = part.params['boundary'];
  if (!boundary) {
    file.warn('email/no-boundary', `the ${part.type} names no boundary, so its parts cannot be told apart: read as plain text`, typePlace(part), READER);
    part.type = 'text/plain';
    return;
  }
  const split = splitByBoundary(source, start, end, boundary);
  if (split.parts.length === 0) {
    file.warn(
      'email/boundary-not-found',
      `the ${part.type} never opens a part with its boundary line \`--${boundary}\`: read as plain text`,
      typePlace(part),
      READER,
    );
    part.type = 'text/plain';
    return;
  }
  if (!split.closed) {
    file.warn(
      'email/unclosed-multipart',
      `the ${part.type} never closes with \`--${boundary}--\`: the message may have been cut short`,
      typePlace(part),
      READER,
    );
  }
  const child: PartContext = { ...context, depth: context.depth + 1, defaultType: part.type === 'multipart/digest' ? 'message/rfc822' : 'text/plain' };
  part.parts = split.parts.map(([from, to]) => readPart(source, from, to, child));
}

/** Reads the message a `message/rfc822` part holds; one sent in base64 or quoted-printable is decoded first. */
function readEnclosed(part: MimePart, context: PartContext): void {
  const { source, start, end, line } = part.body;
  const identity = ['7bit', '8bit', 'binary'].includes(part.transfer);
  const inner = identity ? source : new MailText(partBytes(part, context.file).toString('latin1'), line);
  const from = identity ? start : 0;
  const to = identity ? end : inner.text.length;
  part.message = readPart(inner, from, to, { ...context, depth: context.depth + 1, defaultType: 'text/plain' });
}

/**
 * The byte ranges of the parts between boundary lines (RFC 2046 §5.1.1): a part runs
 * from the line after `--boundary` to the line break before the next one; the line
 * break before a boundary line belongs to it. The preamble and epilogue are not parts.
 */
export function splitByBoundary(source: MailText, start: number, end: number, boundary: string): { parts: [number, number][]; closed: boolean } {
  const text = source.text;
  const delimiter = `--${boundary}`;
  const parts: [number, number][] = [];
  let open = -1; // start of the part being read
  let closed = false;
  for (let at = text.indexOf(delimiter, start); at !== -1 && at < end; at = text.indexOf(delimiter, at + delimiter.length)) {
    if (at !== start && text[at - 1] !== '\n') continue;
    const { line, next } = source.lineFrom(at, end);
    const rest = line.slice(delimiter.length);
    const closing = rest.startsWith('--') && rest.slice(2).trim() === '';
    if (!closing && rest.trim() !== '') continue;
    if (open !== -1) parts.push([open, Math.max(open, lineBreakBefore(text, at))]);
    if (closing) {
      closed = true;
      break;
    }
    open = Math.min(next, end);
  }
  if (!closed && open !== -1) parts.push([open, end]);
  return { parts, closed };
}

function lineBreakBefore(text: string, at: number): number {
  if (text[at - 1] !== '\n') return at;
  return text[at - 2] === '\r' ? at - 2 : at - 1;
}

/** Where a part's Content-Type is, which messages about its structure point at; else the part's first line. */
function typePlace(part: MimePart): Place {
  return { line: fieldValue(part.fields, 'content-type')?.line ?? part.line };
}

/** The first field named `name`. */
export function fieldValue(fields: readonly HeaderField[], name: string): HeaderField | null {
  return fields.find((field) => field.name === name) ?? null;
}

function lowerKeys(params: Record<string, string>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (typeof value === 'string') lower[key.toLowerCase()] ??= value;
  return lower;
}

/**
 * The body's bytes, its Content-Transfer-Encoding undone: base64 (what is no base64
 * is skipped, with a warning), quoted-printable, or as they are (7bit, 8bit, binary).
 */
export function partBytes(part: MimePart, file: SourceFile): Buffer {
  const { source, start, end, line } = part.body;
  const raw = source.text.slice(start, end);
  switch (part.transfer) {
    case 'base64': {
      const stray = /[^A-Za-z0-9+/=\s]/.exec(raw);
      const compact = raw.replace(/[^A-Za-z0-9+/=]/g, '');
      if (stray) {
        file.warn(
          'email/bad-base64',
          `the base64 body holds \`${stray[0]}\`, which is no base64: such characters were skipped and the text may be damaged`,
          { line: source.lineAt(start + stray.index) },
          READER,
        );
      } else if (compact.replace(/=+$/, '').length % 4 === 1) {
        file.warn('email/bad-base64', 'the base64 body ends in the middle of a byte: it was cut short', { line }, READER);
      }
      return libbase64.decode(compact);
    }
    case 'quoted-printable':
      return libqp.decode(Buffer.from(raw, 'latin1'));
    case '7bit':
    case '8bit':
    case 'binary':
      return Buffer.from(raw, 'latin1');
    default:
      file.warn(
        'email/unknown-transfer-encoding',
        `the Content-Transfer-Encoding \`${part.transfer}\` is not one MIME defines: the body is read as it is`,
        { line: fieldValue(part.fields, 'content-transfer-encoding')?.line ?? part.line },
        READER,
      );
      return Buffer.from(raw, 'latin1');
  }
}

/**
 * The text of a text part: its bytes decoded in the charset it declares (one that is
 * not declared, or is unknown, is guessed as UTF-8 or Windows-1252, with a warning
 * when it was unknown), then unwrapped when it is `format=flowed` (RFC 3676).
 * `encoding` is the charset the text was read in (`utf-8`, `windows-1252`).
 */
export function partText(part: MimePart, file: SourceFile): { text: string; encoding: string } {
  const declared = fieldValue(part.fields, 'content-type');
  const decoded = decodeCharset(partBytes(part, file), part.params['charset'] ?? null, file, { line: declared?.line ?? part.line });
  let text = decoded.text;
  if ((part.params['format'] ?? '').toLowerCase() === 'flowed') {
    text = libmime.decodeFlowed(text, (part.params['delsp'] ?? '').toLowerCase() === 'yes');
  }
  return { text, encoding: decoded.encoding };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes decoded in a declared charset, the name as libmime resolves its aliases
 * (`latin1` and `us-ascii` are read as Windows-1252, as every mail program does).
 * iconv-lite decodes, for Node's own decoder mangles Windows-1252.
 */
export function decodeCharset(bytes: Buffer, declared: string | null, file: SourceFile, place: Place | null): { text: string; encoding: string } {
  const guess = () => {
    const decoded = decodeText(bytes);
    return { text: decoded.text, encoding: decoded.encoding };
  };
  if (declared === null || declared.trim() === '') return guess();
  const name = libmime.normalizeCharset(declared.trim());
  const label = name.toLowerCase();
  if (label === 'utf-8') {
    try {
      return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      const decoded = guess();
      file.warn('email/not-utf8', `the text is declared UTF-8 but is not: read as ${decoded.encoding}`, place, READER);
      return decoded;
    }
  }
  // Plain ASCII is often a label nobody changed: eight-bit bytes under it are guessed.
  if (/^(?:us-)?ascii$|^ansi_x3\.4/i.test(declared.trim())) return guess();
  if (/^iso-?2022-?jp/i.test(name)) return { text: decodeJapanese(bytes, name), encoding: label };
  if (iconv.encodingExists(name) && !/^(?:unicode-1-1-)?utf-7/i.test(name)) return { text: iconv.decode(bytes, name), encoding: label };
  const decoded = guess();
  file.warn('email/unknown-charset', `the charset \`${declared.trim()}\` is not one we know: read as ${decoded.encoding}`, place, READER);
  return decoded;
}

/** Whether a charset named in an encoded word is one we can decode. */
function knownCharset(name: string): boolean {
  const normal = libmime.normalizeCharset(name.replace(/\*.*$/, ''));
  return /^iso-?2022-?jp/i.test(normal) || iconv.encodingExists(normal);
}

const encodedWord = /=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=/g;

/**
 * A header value with its RFC 2047 encoded words decoded (`=?utf-8?Q?caf=C3=A9?=`,
 * `=?iso-8859-1?B?…?=`); adjacent words are joined, as a character may be split
 * between them. A word in a charset we do not know is read as UTF-8, with a warning.
 * A word that holds characters which are no ASCII (some mail programs put the text
 * itself inside, `=?windows-1252?Q?TravTalk’s?=`) keeps them as they are.
 *
 * @example
 * decodeWords('=?utf-8?Q?Caf=C3=A9_open?=', file, null); // 'Café open'
 */
export function decodeWords(value: string, file: SourceFile, place: Place | null): string {
  if (!value.includes('=?')) return value;
  let literal = false;
  for (const match of value.matchAll(encodedWord)) {
    if (!knownCharset(match[1]!)) {
      file.warn('email/unknown-charset', `the encoded word \`${match[0].slice(0, 60)}\` is in a charset we do not know: read as UTF-8`, place, READER);
    }
    if (/\P{ASCII}/u.test(match[3]!)) literal = true;
  }
  if (!literal) return libmime.decodeWords(value);
  // Decode word by word, the ASCII runs of each only: the rest is already text.
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(encodedWord, (_whole, charset: string, encoding: string, text: string) =>
      text.replace(/\p{ASCII}+/gu, (run) => libmime.decodeWord(charset, encoding, run)).replace(/_/g, ' '),
    );
}

/**
 * A header value as text: raw eight-bit bytes read as UTF-8 (RFC 6532) or, when they
 * are not, as Windows-1252; then its encoded words decoded. White space is folded.
 */
export function headerText(field: HeaderField | null, file: SourceFile): string | null {
  if (field === null) return null;
  const raw = /\P{ASCII}/u.test(field.value) ? decodeText(Buffer.from(field.value, 'latin1')).text : field.value;
  const text = decodeWords(raw, file, { line: field.line }).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
