/**
 * The XML the formats read (NITF, NewsML 1.2 and G2, RSS, Atom), parsed safely into a
 * small tree. Not a format of its own: the readers share it.
 *
 * Safety: nothing outside the bytes is ever loaded (no DTD, no external entity);
 * entities declared in a DTD are never expanded (no billion laughs); only the XML and
 * HTML named character references are known; input size and element depth are capped.
 */
import { isUtf8 } from 'node:buffer';
import { characterEntities } from 'character-entities';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import type { SaxesAttributeNSIncomplete, SaxesTagNS } from 'saxes';
import { decodeText } from '../../source/decode.js';
import type { SourceFile } from '../../source/source-file.js';

export interface XmlElement {
  /** The name as written, prefix included (`nitf`, `ninat:text`). */
  name: string;
  /** The name without its prefix. */
  local: string;
  /** The namespace URI, or '' for none. */
  uri: string;
  /** Attributes by their name as written. */
  attributes: Record<string, string>;
  children: XmlNode[];
  /** Where the start tag is, from 1. */
  line: number;
  column: number;
}

export type XmlNode = XmlElement | string;

export interface XmlLimits {
  /** Largest input read, in bytes. */
  maxBytes: number;
  /** Deepest nesting of elements. */
  maxDepth: number;
}

// The five XML references and the HTML named ones (`&eacute;`, `&nbsp;`) that NITF
// and RSS copy uses, as fixed strings, made once: nothing a document declares is added.
// No prototype: `&constructor;` is no reference (the parser looks names up in this map).
const knownEntities: Record<string, string> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, string>, characterEntities, {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
  }),
);

/** What real news documents need with a wide margin: 64 MB, 200 levels. */
export const defaultXmlLimits: XmlLimits = { maxBytes: 64 * 1024 * 1024, maxDepth: 200 };

/** The encoding an XML declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), lower case, or null. */
export function declaredXmlEncoding(bytes: Uint8Array): string | null {
  // Not a copy: a view on the first bytes.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 256)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase() ?? null;
}

/**
 * The encoding `decodeXml` reads the bytes in because their declaration names it: one
 * other than UTF-8 that iconv-lite knows, with no byte-order mark to overrule it; else null.
 */
export function declaredEncodingInForce(bytes: Uint8Array): string | null {
  const declared = declaredXmlEncoding(bytes);
  if (declared === null || declared === 'utf-8' || declared === 'utf8' || opensWithBom(bytes)) return null;
  return iconv.encodingExists(declared) ? declared : null;
}

/** Whether the bytes open with a byte-order mark (or its first two bytes). */
function opensWithBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

// ISO-8859-1 maps each byte to the code point of the same number: Node decodes it
// natively (`latin1`), where iconv-lite loops over the bytes in JavaScript.
const latin1Names = new Set(['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso88591', 'latin1', 'latin-1', 'l1', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1']);
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes an XML document's bytes: a byte-order mark decides, else the encoding its
 * declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), else UTF-8.
 * Returns the text and the encoding used. `declared`: what `declaredEncodingInForce`
 * says of these bytes, when the caller has asked it already.
 */
export function decodeXml(bytes: Uint8Array, declared: string | null = declaredEncodingInForce(bytes)): { text: string; encoding: string } {
  if (declared !== null) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { text: latin1Names.has(declared) ? buffer.toString('latin1') : iconv.decode(buffer, declared), encoding: declared };
  }
  // The common case, valid UTF-8 with no mark and no NUL near the start (UTF-16 has
  // them), is what `decodeText` would find, with two native calls instead of its steps.
  if (!opensWithBom(bytes) && bytes[0] !== 0xef && bytes.subarray(0, 1024).indexOf(0) === -1 && isUtf8(bytes)) {
    return { text: utf8Lenient.decode(bytes), encoding: 'utf-8' };
  }
  const decoded = decodeText(bytes);
  return { text: decoded.text, encoding: decoded.encoding };
}

/**
 * Parses an XML document into a tree, or fails on `file` (a ParseError naming the
 * line, the column and the reason) for input that is not well-formed, too large, too
 * deep, or that uses entities Slugline refuses to expand.
 *
 * @example
 * const root = parseXml(file, 'nitf');
 * root.local; // 'nitf'
 */
export function parseXml(file: SourceFile, reader: string, limits: XmlLimits = defaultXmlLimits): XmlElement {
  if (file.bytes.length > limits.maxBytes) {
    file.fail(
      'xml/too-large',
      `${file.bytes.length} bytes is more than the ${limits.maxBytes} a news document may have`,
      null,
      reader,
    );
  }
  const { text } = decodeXml(file.bytes);
  return parseXmlText(text, file, reader, limits);
}

/** Parses XML text already decoded; see `parseXml`. */
export function parseXmlText(input: string, file: SourceFile, reader: string, limits: XmlLimits = defaultXmlLimits): XmlElement {
  const text = withLfLineEnds(input);
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.ENTITIES = knownEntities;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: { message: string; line: number; column: number } | null = null;
  const fail = (message: string) => {
    failure ??= { message, line: parser.line, column: parser.column + 1 };
  };
  // A DOCTYPE is allowed (NITF carries one) but never read: saxes skips it, and
  // expands none of the entities it may declare (see the error handler below).
  // Attributes as saxes reports them, one by one before their start tag: gathered into
  // the element's map directly, instead of walking saxes' own map (a dictionary of
  // objects) again for every element.
  let attributes: Record<string, string> | null = null;
  parser.on('attribute', (attribute: SaxesAttributeNSIncomplete) => {
    (attributes ??= {})[attribute.name] = attribute.value;
  });
  // Where the element text and child elements go: the top of `stack`, kept at hand.
  let parent: XmlElement | null = null;
  // Character data is not collected by saxes (a text handler makes it build each text
  // line by line): it is cut from `text` between the markup saxes reports, from
  // `cursor`, the end of the last markup read, once saxes has checked it (characters,
  // references, `]]>`). A document it finds fault with is refused whole.
  let cursor = 0;
  // XML 1.1 reads more characters as line ends; the declaration is read before the root.
  let xml11 = false;
  // Where the next `&` and CR stand at or after `cursor` (the length: none; -1: not
  // looked for yet): each is searched for once per occurrence, not in every text.
  let nextReference = -1;
  let nextCr = -1;
  const flush = () => {
    const into = parent!;
    let from = cursor;
    for (;;) {
      const open = text.indexOf('<', from);
      if (open === -1) break;
      if (open > from) {
        let data = text.slice(from, open);
        if (nextCr < from) nextCr = indexAt(text, '\r', from);
        if (xml11 || nextCr < open) data = data.replace(xml11 ? lineEnds11 : lineEnds10, '\n');
        if (nextReference < from) nextReference = indexAt(text, '&', from);
        // References are expanded after: `&#13;` is a CR that stays.
        if (nextReference < open) data = data.replace(reference, expand);
        into.children.push(data);
      }
      // Comments and processing instructions part the text; the markup saxes just
      // reported (a tag, a CDATA section) ends it.
      const next = text.charCodeAt(open + 1);
      let end = -1;
      if (next === 0x21 && text.startsWith('<!--', open)) end = text.indexOf('-->', open + 4) + 3;
      else if (next === 0x3f) end = text.indexOf('?>', open + 2) + 2;
      if (end <= open) break;
      from = end;
    }
    cursor = parser.position;
  };
  parser.on('opentag', (tag: SaxesTagNS) => {
    const given = attributes ?? {};
    attributes = null;
    if (failure) return;
    if (parent) flush();
    else {
      cursor = parser.position;
      xml11 = parser.xmlDecl.version === '1.1';
    }
    if (stack.length >= limits.maxDepth) {
      fail(`elements nest deeper than ${limits.maxDepth} levels`);
      return;
    }
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: given,
      children: [],
      line: parser.line,
      column: parser.column + 1,
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    parent = element;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    if (failure) return;
    // A self-closing tag holds no text, and its end is where its start ended.
    if (!tag.isSelfClosing) flush();
    stack.pop();
    parent = stack.length === 0 ? null : stack[stack.length - 1]!;
  });
  parser.on('cdata', (value: string) => {
    if (failure || !parent) return;
    flush();
    parent.children.push(value);
  });
  parser.on('error', (error: Error) => {
    const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
    if (/undefined entity/.test(message)) {
      fail(
        `${message.replace(/\.$/, '')}: Slugline expands only the XML and HTML named character references, never entities a DTD declares (they can load local files or explode in size)`,
      );
    } else {
      fail(`not well-formed XML: ${message}`);
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    fail(`not well-formed XML: ${(error as Error).message}`);
  }
  if (failure !== null) {
    const { message, line, column } = failure;
    file.fail('xml/malformed', message, { line, column }, reader);
  }
  if (root === null) file.fail('xml/empty', 'found no element', null, reader);
  return root!;
}

// Character data as the parser reads it: CR LF and a lone CR are LF (XML 1.1 adds NEL
// and LS), and references are expanded.
const lineEnds10 = /\r\n?/g;
const lineEnds11 = /\r[\n\u0085]?|[\u0085\u2028]/g;
const reference = /&([^;]+);/g;

/** A character reference or a known named one, expanded: saxes has checked each already. */
function expand(whole: string, name: string): string {
  if (name.charCodeAt(0) !== 0x23) return knownEntities[name] ?? whole;
  const code = name.charCodeAt(1) === 0x78 ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  return Number.isNaN(code) ? whole : String.fromCodePoint(code);
}

/**
 * CR LF and a lone CR made LF, as the parser reads them anyway (in text, CDATA and
 * attribute values alike, counting lines and columns the same): once over the whole
 * document, not in every piece of text cut from it. A document with a NEL (U+0085) is
 * left as it is, since XML 1.1 reads CR NEL as one line end.
 */
function withLfLineEnds(input: string): string {
  return input.indexOf('\r') === -1 || input.indexOf('\u0085') !== -1 ? input : input.replace(lineEnds10, '\n');
}

/** Where `search` first stands in `text` from `from`, or the length of `text`. */
function indexAt(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index === -1 ? text.length : index;
}

// ---------------------------------------------------------------------------
// Reading the tree

/** The first child element with this local name, or null. */
export function child(element: XmlElement | null | undefined, local: string): XmlElement | null {
  if (!element) return null;
  for (const node of element.children) if (typeof node !== 'string' && node.local === local) return node;
  return null;
}

/** Every child element with this local name (or every child element, without one). */
export function children(element: XmlElement | null | undefined, local?: string): XmlElement[] {
  if (!element) return [];
  const found: XmlElement[] = [];
  for (const node of element.children) {
    if (typeof node !== 'string' && (local === undefined || node.local === local)) found.push(node);
  }
  return found;
}

/** The element at the end of a path of local names (`path(root, 'head', 'docdata')`), or null. */
export function path(element: XmlElement | null | undefined, ...locals: string[]): XmlElement | null {
  let current: XmlElement | null = element ?? null;
  for (const local of locals) current = child(current, local);
  return current;
}

/** Every element below, at any depth, with this local name, in document order. */
export function descendants(element: XmlElement | null | undefined, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const each of node.children) {
      if (typeof each === 'string') continue;
      if (each.local === local) found.push(each);
      visit(each);
    }
  };
  if (element) visit(element);
  return found;
}

/** All the text inside, as it stands (markup removed). */
export function rawText(element: XmlElement | null | undefined): string {
  if (!element) return '';
  const nodes = element.children;
  // Most elements hold one text: no concatenation to build and flatten.
  if (nodes.length === 1) {
    const only = nodes[0]!;
    return typeof only === 'string' ? only : rawText(only);
  }
  let text = '';
  for (const node of nodes) text += typeof node === 'string' ? node : rawText(node);
  return text;
}

// The runs of white space folding changes: two characters or more, or one that is not
// the space. A single space between words is no match: `/\s+/g` matches every one of
// them and costs a replacement each, four times the time over ordinary text.
const foldable = /\s{2,}|[^\S ]/g;

/**
 * Runs of white space folded to one space, and trimmed: what `value.replace(/\s+/g, ' ').trim()`
 * gives, replacing only the runs that change.
 */
export function foldWhiteSpace(value: string): string {
  return value.trim().replace(foldable, ' ');
}

/** The text inside with runs of white space folded to one space and trimmed; null when empty. */
export function text(element: XmlElement | null | undefined): string | null {
  const folded = foldWhiteSpace(rawText(element));
  return folded === '' ? null : folded;
}

/** An attribute by its local name (whatever its prefix), or null. */
export function attribute(element: XmlElement | null | undefined, local: string): string | null {
  if (!element) return null;
  const attributes = element.attributes;
  // Values are strings: what the prototype holds (`constructor`, `toString`) is no attribute.
  const value = attributes[local];
  if (typeof value === 'string') return value;
  // `x:kind` for `kind`: a name ending in a colon and the local name.
  const at = -local.length - 1;
  for (const name in attributes) {
    if (name.length > local.length && name.charCodeAt(name.length + at) === 58 && name.endsWith(local)) return attributes[name]!;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Writing

/** Escapes text for element content or a double-quoted attribute. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
