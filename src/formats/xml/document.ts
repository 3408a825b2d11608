/**
 * What the XML readers share before they look at elements:
 * finding the root element cheaply for sniffing, and decoding a document whose
 * declaration names the wrong character set.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { declaredEncodingInForce, decodeXml, defaultXmlLimits, parseXmlText } from './xml.js';
import type { XmlElement } from './xml.js';
import type { SourceFile } from '../../source/source-file.js';

/** The root element's start tag as it stands near the start of a document. */
export interface RootTag {
  /** The name as written, prefix included (`rss`, `atom:feed`). */
  name: string;
  /** The name without its prefix. */
  local: string;
  /** The prefix, or '' for none. */
  prefix: string;
  /** The start tag's text up to its `>` (or to the end of the window read). */
  tag: string;
}

// Before the root: white space, the XML declaration, processing instructions,
// comments and a DOCTYPE, whose internal subset (`[ … ]`) may hold `>` characters.
const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\]\s*)?>)/;
const startTag = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[^>"']|"[^"]*"|'[^']*')*)(>?)/;

/**
 * The root element of an XML document, read from its first 16 KB without parsing
 * the rest; null when the bytes do not start like XML.
 *
 * @example
 * rootTag(new SourceFile(Buffer.from('<?xml version="1.0"?><rss version="2.0">'), { name: 'x' }))?.local; // 'rss'
 */
export function rootTag(file: SourceFile): RootTag | null {
  let head = decodeXml(file.bytes.subarray(0, 16384)).text;
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  for (let match = prolog.exec(head); match !== null && match[0] !== ''; match = prolog.exec(head)) {
    head = head.slice(match[0].length);
  }
  const match = startTag.exec(head);
  if (!match) return null;
  const name = match[1]!;
  const colon = name.indexOf(':');
  return {
    name,
    local: colon === -1 ? name : name.slice(colon + 1),
    prefix: colon === -1 ? '' : name.slice(0, colon),
    tag: match[0],
  };
}

/** The namespace URI the root tag binds to its own prefix (or the default one), or null. */
export function rootNamespace(root: RootTag): string | null {
  const attribute = root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix}`;
  const match = new RegExp(`\\s${attribute.replace(/\./g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(root.tag);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

const singleByte = /^(?:iso-?8859-\d+|latin-?\d|windows-125\d|cp125\d|us-ascii|ascii)$/;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes an XML document's bytes for `reader`, within the size limit. A declaration
 * that names a single-byte character set (`ISO-8859-1`) over bytes that are valid
 * UTF-8 with characters beyond ASCII is wrong (Latin text is never valid UTF-8 by
 * chance), so such bytes are read as UTF-8, with a warning, instead of becoming
 * mojibake (`DÃ©cÃ¨s` for `Décès`, as one AFP feed sends it). A byte-order mark goes.
 */
export function decodeXmlDocument(file: SourceFile, reader: string): { text: string; encoding: string } {
  const bytes = file.bytes;
  if (bytes.length > defaultXmlLimits.maxBytes) {
    file.fail('xml/too-large', `${bytes.length} bytes is more than the ${defaultXmlLimits.maxBytes} a news document may have`, null, reader);
  }
  // Looked at before decoding, so that mislabelled bytes are decoded once, as UTF-8.
  // Node's own checks, not a loop over the bytes in JavaScript.
  const declared = declaredEncodingInForce(bytes);
  let decoded: { text: string; encoding: string };
  if (declared !== null && singleByte.test(declared) && !isAscii(bytes) && isUtf8(bytes)) {
    file.warn('encoding/mislabelled', `the XML declaration names ${declared.toUpperCase()}, but the bytes are UTF-8: read as UTF-8`, null, reader);
    decoded = { text: utf8.decode(bytes), encoding: 'utf-8' };
  } else {
    decoded = decodeXml(bytes, declared);
  }
  let { text } = decoded;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: decoded.encoding };
}

/**
 * Decodes (see `decodeXmlDocument`) and parses an XML document for `reader`.
 *
 * @example
 * const { root, encoding } = readXmlDocument(file, 'rss');
 */
export function readXmlDocument(file: SourceFile, reader: string): { root: XmlElement; encoding: string } {
  const { text, encoding } = decodeXmlDocument(file, reader);
  return { root: parseXmlText(text, file, reader), encoding };
}
