/**
 * Atom (RFC 4287) as the reader and the writer of this folder see it.
 */

/** The namespace every Atom element is in (RSS feeds borrow from it too). */
export { atomNamespace } from '../rss/grammar.js';
/** The namespace of the one `div` that `type="xhtml"` content holds. */
export const xhtmlNamespace = 'http://www.w3.org/1999/xhtml';

/** What a text construct's `type` says its content is (RFC 4287 §3.1). */
export type TextType = 'text' | 'html' | 'xhtml';

/** A text construct's or content's type; absent means text. Media types other than text/* are no text. */
export function textType(type: string | undefined): TextType | 'other' {
  const value = (type ?? 'text').trim().toLowerCase();
  if (value === 'text' || value === 'html' || value === 'xhtml') return value;
  if (value === 'text/html') return 'html';
  if (value === 'application/xhtml+xml') return 'xhtml';
  return value.startsWith('text/') ? 'text' : 'other';
}
