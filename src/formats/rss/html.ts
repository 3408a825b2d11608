/**
 * HTML as feeds and news packages carry it (RSS `description`, `content:encoded`,
 * Atom `html` and `xhtml` content, NewsML 1.2 HTML and XHTML components) turned into
 * paragraphs of plain text: markup stripped, character references decoded, block
 * elements and line breaks ending paragraphs, headings kept as crossheads.
 *
 * The HTML inside feeds is often not well-formed (`<strong>toto</toto>`), so a
 * string is read by a tolerant tokenizer, never by the XML parser; XHTML that is
 * already part of a parsed document is walked as a tree.
 */
import { characterEntities } from 'character-entities';
import type { XmlElement } from '../xml/xml.js';
import type { CopyPiece } from './copy.js';

/** Elements whose content is never text of the story. */
const skipped = new Set(['script', 'style', 'head', 'title', 'iframe', 'object', 'embed', 'noscript', 'svg', 'template', 'select', 'textarea', 'video', 'audio', 'map']);
/** Elements that end the paragraph before them and open a new one. */
const blocks = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'blockquote', 'figure', 'figcaption',
  'address', 'center', 'ul', 'ol', 'dl', 'dt', 'dd', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption',
  'form', 'fieldset', 'hr', 'br', 'body', 'html',
  // NITF's own blocks.
  'block',
]);
/** Headings become crossheads; `hl2` is NITF's. */
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hl2']);
/** Table cells are set apart by a space within their row. */
const cells = new Set(['td', 'th']);

/** Tags that make a text HTML rather than plain text with a stray `<b>` in it. */
const structuralTag = /<\/?(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|blockquote|pre|section|article)\b[^>]*>/i;

/** Whether a text is HTML: it has block-level or line-break tags. */
export function looksLikeHtml(text: string): boolean {
  return structuralTag.test(text);
}

/** Collects paragraphs as the markup opens and closes them. */
class ParagraphBuilder {
  readonly pieces: CopyPiece[] = [];
  private text = '';
  private line = 0;
  private kind: CopyPiece['kind'] = 'paragraph';

  /** Whether the paragraph being read keeps its line breaks. */
  get preformatted(): boolean {
    return this.kind === 'preformatted';
  }

  /** Adds text that starts on `line`. */
  add(text: string, line: number): void {
    if (this.text === '') {
      const start = this.kind === 'preformatted' ? text.search(/[^\r\n]/) : text.search(/\S/);
      if (start === -1) return;
      this.line = line + countNewlines(text, 0, start);
      text = text.slice(start);
    }
    this.text += text;
  }

  /** Ends the paragraph being read, and opens the next of `kind`. */
  close(kind: CopyPiece['kind'] = 'paragraph'): void {
    const text =
      this.kind === 'preformatted'
        ? this.text.replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '')
        : this.text.replace(/\s+/g, ' ').trim();
    if (text !== '') this.pieces.push({ kind: this.kind, text, line: this.line });
    this.text = '';
    this.kind = kind;
  }
}

export interface HtmlOptions {
  /**
   * Line breaks in the text end paragraphs, as in WordPress posts, whose HTML is
   * written by hand and gets its `<p>` and `<br>` only when shown.
   */
  lineBreaks?: boolean;
}

/** One piece of markup: text between tags, a CDATA section, a tag, or something to pass over. */
type MarkupToken =
  | { type: 'text'; text: string; start: number; end: number }
  | { type: 'cdata'; text: string; start: number; end: number }
  | { type: 'tag'; name: string; closing: boolean; selfClosing: boolean; start: number; end: number }
  | { type: 'other'; start: number; end: number };

const tagName = /[A-Za-z][\w.:-]*/y;

/**
 * The tokens of a markup string, read in one pass with plain string search, never a
 * regular expression that could go back over the text (feeds carry arbitrary HTML):
 * a `<` that opens nothing, or whose tag never ends, is text.
 */
function* markupTokens(html: string): Generator<MarkupToken> {
  let position = 0;
  let text = 0; // start of the text not yet given
  const giveText = function* (until: number): Generator<MarkupToken> {
    if (until > text) yield { type: 'text', text: html.slice(text, until), start: text, end: until };
  };
  // After the last `>` no tag can end: what follows is text (and no `<` there is looked at twice).
  const lastClose = html.lastIndexOf('>');
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1 || open > lastClose) break;
    let end = -1;
    let token: MarkupToken | null = null;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      end = close === -1 ? html.length : close + 3;
      token = { type: 'other', start: open, end };
    } else if (html.startsWith('<![CDATA[', open)) {
      const close = html.indexOf(']]>', open + 9);
      end = close === -1 ? html.length : close + 3;
      token = { type: 'cdata', text: html.slice(open + 9, close === -1 ? html.length : close), start: open, end };
    } else if (html[open + 1] === '!' || html[open + 1] === '?') {
      const close = html.indexOf('>', open);
      end = close === -1 ? html.length : close + 1;
      token = { type: 'other', start: open, end };
    } else {
      const closing = html[open + 1] === '/';
      tagName.lastIndex = open + (closing ? 2 : 1);
      const name = tagName.exec(html);
      const close = name === null ? -1 : tagEnd(html, tagName.lastIndex);
      if (name !== null && close !== -1) {
        end = close + 1;
        token = { type: 'tag', name: localName(name[0]), closing, selfClosing: html[close - 1] === '/', start: open, end };
      }
    }
    if (token === null) {
      position = open + 1;
      continue;
    }
    yield* giveText(open);
    yield token;
    position = text = end;
  }
  yield* giveText(html.length);
}

/** The `>` that ends a tag whose attributes start at `from` (a `>` inside quotes does not); -1 when none does. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let index = from; index < html.length; index++) {
    const char = html[index]!;
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      // An attribute value that never closes: the tag ends at the next `>` after all.
      const close = html.indexOf(char, index + 1);
      if (close === -1) return html.indexOf('>', index);
      quote = char;
    } else if (char === '>') {
      return index;
    } else if (char === '<') {
      return -1;
    }
  }
  return -1;
}

/**
 * The paragraphs of an HTML text, each with the line it starts on (`firstLine` is
 * the line where the text starts in the input).
 *
 * @example
 * htmlPieces('<p>One &amp; two.</p><h2>Later</h2>', 1);
 * // [{ kind: 'paragraph', text: 'One & two.', line: 1 }, { kind: 'crosshead', text: 'Later', line: 1 }]
 */
export function htmlPieces(html: string, firstLine: number, options: HtmlOptions = {}): CopyPiece[] {
  const builder = new ParagraphBuilder();
  let line = firstLine;
  let skipping: string | null = null;
  const addText = (raw: string, at: number) => {
    if (!options.lineBreaks || builder.preformatted) {
      builder.add(decodeReferences(raw), at);
      return;
    }
    raw.split('\n').forEach((part, index) => {
      if (index > 0) builder.close();
      builder.add(decodeReferences(part), at + index);
    });
  };
  for (const token of markupTokens(html)) {
    if (token.type === 'text' && skipping === null) addText(token.text, line);
    else if (token.type === 'cdata' && skipping === null) builder.add(token.text, line);
    else if (token.type === 'tag') {
      if (skipping !== null) {
        if (token.closing && token.name === skipping) skipping = null;
      } else if (skipped.has(token.name)) {
        if (!token.closing && !token.selfClosing) skipping = token.name;
      } else {
        tagEvent(builder, token.name, token.closing || token.selfClosing);
      }
    }
    line += countNewlines(html, token.start, token.end);
  }
  builder.close();
  return builder.pieces;
}

/** What an element's start or end does to the paragraphs. */
function tagEvent(builder: ParagraphBuilder, name: string, closing: boolean): void {
  if (name === 'pre') {
    builder.close(closing ? 'paragraph' : 'preformatted');
  } else if (headings.has(name)) {
    builder.close(closing ? 'paragraph' : 'crosshead');
  } else if (blocks.has(name)) {
    builder.close();
  } else if (cells.has(name) && !closing) {
    builder.add(' ', 0);
  }
}

/**
 * The paragraphs of an XHTML (or NITF-like) element already parsed: its `body` when
 * it is a whole `html` document, else the element itself. A paragraph's line is the
 * line of the element that opens it.
 */
export function elementPieces(element: XmlElement): CopyPiece[] {
  const builder = new ParagraphBuilder();
  const body = element.children.find((node): node is XmlElement => typeof node !== 'string' && node.local.toLowerCase() === 'body');
  const start = element.local.toLowerCase() === 'html' && body !== undefined ? body : element;
  const visit = (node: XmlElement, line: number) => {
    for (const each of node.children) {
      if (typeof each === 'string') {
        builder.add(each, line);
        continue;
      }
      const name = each.local.toLowerCase();
      if (skipped.has(name)) continue;
      const opens = name === 'pre' || headings.has(name) || blocks.has(name);
      if (opens) tagEvent(builder, name, false);
      else if (cells.has(name)) builder.add(' ', each.line);
      visit(each, each.line);
      if (opens) tagEvent(builder, name, true);
    }
  };
  visit(start, start.line);
  builder.close();
  return builder.pieces;
}

/**
 * Plain text that may carry stray tags (Belga's `&lt;b&gt;Van Geel&lt;/b&gt;`): tags
 * removed, keeping the line breaks inside them so that lines still count true, a
 * `<hr>` made a paragraph break, character references decoded.
 */
export function stripTags(text: string): string {
  let out = '';
  for (const token of markupTokens(text)) {
    if (token.type === 'text') out += decodeReferences(token.text);
    else if (token.type === 'cdata') out += token.text;
    else if (token.type === 'tag' && token.name === 'hr') out += '\n\n';
    else out += text.slice(token.start, token.end).replace(/[^\n]/g, '');
  }
  return out;
}

/** Text of an HTML fragment on one line: markup removed, references decoded, white space folded. */
export function htmlText(html: string): string {
  return htmlPieces(html, 1)
    .map((piece) => piece.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Decodes character references: `&amp;`, `&eacute;`, `&#233;`, `&#xE9;`. A name
 * HTML does not know stays as written; code points that are no characters become U+FFFD.
 */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(characterEntities, name) ? characterEntities[name]! : whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

function localName(name: string): string {
  const colon = name.lastIndexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase();
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
