/**
 * The XML the formats read (NITF, NewsML 1.2 and G2, RSS, Atom), parsed safely into a
 * small tree. Not a format of its own: the readers share it.
 *
 * Safety: nothing outside the bytes is ever loaded (no DTD, no external entity);
 * entities declared in a DTD are never expanded (no billion laughs); only the XML and
 * HTML named character references are known; input size and element depth are capped.
 */
import { characterEntities } from 'character-entities';
import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
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
const knownEntities: Record<string, string> = Object.freeze({
  ...characterEntities,
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
});

/** What real news documents need with a wide margin: 64 MB, 200 levels. */
export const defaultXmlLimits: XmlLimits = { maxBytes: 64 * 1024 * 1024, maxDepth: 200 };

/**
 * Decodes an XML document's bytes: a byte-order mark decides, else the encoding its
 * declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`), else UTF-8.
 * Returns the text and the encoding used.
 */
export function decodeXml(bytes: Uint8Array): { text: string; encoding: string } {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase();
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared && !hasBom && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared };
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
export function parseXmlText(text: string, file: SourceFile, reader: string, limits: XmlLimits = defaultXmlLimits): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.ENTITIES = knownEntities;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: { message: string; line: number; column: number } | null = null;
  const fail = (message: string) => {
    failure ??= { message, line: parser.line, column: parser.column + 1 };
  };
  parser.on('doctype', () => {
    // A DOCTYPE is allowed (NITF carries one) but never read: see the entity check below.
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (failure) return;
    if (stack.length >= limits.maxDepth) {
      fail(`elements nest deeper than ${limits.maxDepth} levels`);
      return;
    }
    const attributes: Record<string, string> = {};
    const given = tag.attributes;
    for (const name in given) attributes[name] = given[name]!.value;
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes,
      children: [],
      line: parser.line,
      column: parser.column + 1,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('closetag', () => {
    if (!failure) stack.pop();
  });
  const addText = (value: string) => {
    if (failure) return;
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(value);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
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
  let text = '';
  for (const node of element.children) text += typeof node === 'string' ? node : rawText(node);
  return text;
}

/** The text inside with runs of white space folded to one space and trimmed; null when empty. */
export function text(element: XmlElement | null | undefined): string | null {
  const folded = rawText(element).replace(/\s+/g, ' ').trim();
  return folded === '' ? null : folded;
}

/** An attribute by its local name (whatever its prefix), or null. */
export function attribute(element: XmlElement | null | undefined, local: string): string | null {
  if (!element) return null;
  if (local in element.attributes) return element.attributes[local]!;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name.endsWith(`:${local}`)) return value;
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
