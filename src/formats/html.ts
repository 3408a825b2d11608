/**
 * HTML as the formats carry it (RSS `description` and `content:encoded`, Atom `html`
 * and `xhtml` content, NewsML 1.2 HTML and XHTML components, Ritzau's fields, e-mail
 * parts, ninjs `body_html`) turned into paragraphs of plain text: markup stripped,
 * character references decoded, block elements and line breaks ending paragraphs,
 * headings kept as crossheads, `<pre>` kept as preformatted text.
 *
 * The HTML inside feeds and JSON is often not well-formed (`<strong>toto</toto>`,
 * `<br>`, unclosed `<p>`), so a string is read by a tolerant tokenizer, never by the
 * XML parser; XHTML that is already part of a parsed document is walked as a tree.
 */
import { characterEntities } from 'character-entities';
import type { BlockKind } from '../story/story.js';
import type { XmlElement } from './xml/xml.js';

/** One block of copy the markup marks out, with the line of the input it starts on (from 1). */
export interface HtmlPiece {
  kind: BlockKind;
  text: string;
  line: number;
}

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
/** Any start or end tag, inline ones too; a `<` with no tag name after it is no markup (`a < b > c`). */
const anyTag = /<(?:[A-Za-z][A-Za-z0-9]*\b[^<>]*|\/[A-Za-z][A-Za-z0-9]*\s*)>/;

/** What `looksLikeHtml` takes for HTML. */
export interface LooksLikeHtmlOptions {
  /**
   * Inline tags are enough (`He said <b>no</b>`), for text with no other reading that
   * would strip them, as a ninjs body has. By default only block-level and line-break
   * tags are: a feed's plain text with a stray `<b>` in it keeps its own lines.
   */
  inline?: boolean;
}

/**
 * Whether a text is HTML: it has block-level or line-break tags (any tag, with `inline`).
 *
 * @example
 * looksLikeHtml('Steven <b>Van Geel</b> said'); // false
 * looksLikeHtml('Steven <b>Van Geel</b> said', { inline: true }); // true
 */
export function looksLikeHtml(text: string, options: LooksLikeHtmlOptions = {}): boolean {
  return (options.inline ? anyTag : structuralTag).test(text);
}

/** Collects paragraphs as the markup opens and closes them. */
class ParagraphBuilder {
  readonly pieces: HtmlPiece[] = [];
  private text = '';
  private line = 0;
  private kind: BlockKind = 'paragraph';

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

  /** Adds a piece read apart (a table), before the paragraph being read. */
  insert(piece: HtmlPiece | null): void {
    if (piece !== null) this.pieces.push(piece);
  }

  /** Ends the paragraph being read, and opens the next of `kind`. */
  close(kind: BlockKind = 'paragraph'): void {
    const text = this.kind === 'preformatted' ? trimLines(this.text) : this.text.replace(/\s+/g, ' ').trim();
    if (text !== '') this.pieces.push({ kind: this.kind, text, line: this.line });
    this.text = '';
    this.kind = kind;
  }
}

/**
 * Collects a table as one preformatted block: a row a line, its cells parted by tabs,
 * as results and standings are set.
 */
class TableBuilder {
  /** How many tables are open: a table inside a cell is part of the outer one. */
  private depth = 0;
  private line = 0;
  private rows: string[] = [];
  private row: string[] | null = null;
  private cell: string | null = null;

  /** Whether a table is being read. */
  get reading(): boolean {
    return this.depth > 0;
  }

  /** Whether text now goes into a cell. */
  get inCell(): boolean {
    return this.cell !== null;
  }

  /** A `<table>` on `line`: opens a table, or one inside the table being read. */
  openTag(line: number): void {
    if (this.depth++ > 0) return;
    this.line = line;
    this.rows = [];
    this.row = this.cell = null;
  }

  /** A `</table>`: when it ends the outermost table, that table as a piece (null when its cells hold no text). */
  closeTag(): HtmlPiece | null {
    if (this.depth === 0 || --this.depth > 0) return null;
    return this.finish();
  }

  /** A `<tr>` or `</tr>`: the row being read ends, and a start tag opens the next. */
  rowTag(closing: boolean): void {
    this.endRow();
    this.row = closing ? null : [];
  }

  /** A `<td>`, `<th>` or their end: the cell being read ends, and a start tag opens the next. */
  cellTag(closing: boolean): void {
    if (this.cell !== null) (this.row ??= []).push(this.cell);
    this.cell = closing ? null : '';
  }

  /** Adds text to the cell being read. */
  add(text: string): void {
    this.cell += text;
  }

  /** The table read, as a piece, even when the input never closes it; null when its cells hold no text. */
  finish(): HtmlPiece | null {
    this.endRow();
    this.depth = 0;
    const text = this.rows.filter((line) => line.trim() !== '').join('\n');
    return text === '' ? null : { kind: 'preformatted', text, line: this.line };
  }

  private endRow(): void {
    if (this.row !== null) {
      const cells = this.cell === null ? this.row : [...this.row, this.cell];
      this.rows.push(cells.map((each) => each.replace(/\s+/g, ' ').trim()).join('\t'));
    }
    this.row = this.cell = null;
  }
}

/** How `htmlPieces` reads. */
export interface HtmlOptions {
  /**
   * Line breaks in the text end paragraphs, as in WordPress posts, whose HTML is
   * written by hand and gets its `<p>` and `<br>` only when shown.
   */
  lineBreaks?: boolean;
  /**
   * What a `<br>` does: `paragraph` (the default) ends the paragraph, as feeds use it;
   * `pairs`: one is a space (a line break inside `<pre>`) and two in a row end the
   * paragraph, as body HTML written for a page uses them (ninjs).
   */
  breaks?: 'paragraph' | 'pairs';
  /**
   * What a table becomes: `rows` (the default), a paragraph for each row with its cells
   * parted by a space; `preformatted`, one preformatted block, a row a line and cells
   * parted by tabs.
   */
  tables?: 'rows' | 'preformatted';
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
 * the line where the text starts in the input). Text outside any block element is a
 * paragraph of its own.
 *
 * @example
 * htmlPieces('<p>One &amp; two.</p><h2>Later</h2>', 1);
 * // [{ kind: 'paragraph', text: 'One & two.', line: 1 }, { kind: 'crosshead', text: 'Later', line: 1 }]
 */
export function htmlPieces(html: string, firstLine: number, options: HtmlOptions = {}): HtmlPiece[] {
  const builder = new ParagraphBuilder();
  const table = options.tables === 'preformatted' ? new TableBuilder() : null;
  let line = firstLine;
  let skipping: string | null = null;
  // `<br>` in a row with no text between them, for `breaks: 'pairs'`.
  let breaks = 0;
  const addText = (text: string, at: number) => {
    if (/\S/.test(text)) breaks = 0;
    if (table?.inCell) table.add(text);
    else builder.add(text, at);
  };
  const addMarkupText = (raw: string, at: number) => {
    if (!options.lineBreaks || builder.preformatted) {
      addText(decodeReferences(raw), at);
      return;
    }
    raw.split('\n').forEach((part, index) => {
      if (index > 0) builder.close();
      addText(decodeReferences(part), at + index);
    });
  };
  for (const token of markupTokens(html)) {
    if (token.type === 'text' && skipping === null) addMarkupText(token.text, line);
    else if (token.type === 'cdata' && skipping === null) addText(token.text, line);
    else if (token.type === 'tag') {
      if (skipping !== null) {
        if (token.closing && token.name === skipping) skipping = null;
      } else if (skipped.has(token.name)) {
        if (!token.closing && !token.selfClosing) skipping = token.name;
      } else if (table !== null && (token.name === 'table' || table.reading)) {
        tableEvent(table, builder, token.name, token.closing, line);
      } else if (token.name === 'br' && options.breaks === 'pairs') {
        if (++breaks === 2 && !builder.preformatted) builder.close();
        else builder.add(builder.preformatted ? '\n' : ' ', line);
      } else {
        tagEvent(builder, token.name, token.closing || token.selfClosing);
      }
    }
    line += countNewlines(html, token.start, token.end);
  }
  if (table?.reading) builder.insert(table.finish());
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
 * What a tag does to a table read as one preformatted block: rows and cells are all
 * that count inside it, a `<br>` in a cell is a space.
 */
function tableEvent(table: TableBuilder, builder: ParagraphBuilder, name: string, closing: boolean, line: number): void {
  if (name === 'table') {
    if (closing) {
      builder.insert(table.closeTag());
    } else {
      if (!table.reading) builder.close();
      table.openTag(line);
    }
  } else if (name === 'tr') {
    table.rowTag(closing);
  } else if (cells.has(name)) {
    table.cellTag(closing);
  } else if (name === 'br' && table.inCell) {
    table.add(' ');
  }
}

/**
 * The paragraphs of an XHTML (or NITF-like) element already parsed: its `body` when
 * it is a whole `html` document, else the element itself. A paragraph's line is the
 * line of the element that opens it.
 */
export function elementPieces(element: XmlElement): HtmlPiece[] {
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
 * The paragraphs of a plain-text body that sits where HTML could (ninjs `body_text`):
 * parted by blank lines, or by line breaks when the text has no blank line (text in
 * JSON is not hard-wrapped).
 *
 * @example
 * textPieces('One\nstill one.\n\nTwo.', 1);
 * // [{ kind: 'paragraph', text: 'One still one.', line: 1 }, { kind: 'paragraph', text: 'Two.', line: 4 }]
 */
export function textPieces(text: string, firstLine: number): HtmlPiece[] {
  const normal = text.replace(/\r\n?/g, '\n');
  const blankLine = /\n[ \t]*\n/;
  const byBlankLines = blankLine.test(normal);
  const pieces: HtmlPiece[] = [];
  let line = firstLine;
  for (const part of normal.split(byBlankLines ? blankLine : '\n')) {
    const start = part.search(/\S/);
    if (start !== -1) pieces.push({ kind: 'paragraph', text: part.replace(/\s+/g, ' ').trim(), line: line + countNewlines(part, 0, start) });
    line += countNewlines(part, 0, part.length) + (byBlankLines ? 2 : 1);
  }
  return pieces;
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

/**
 * Text of an HTML fragment on one line, for headlines and summaries: markup removed,
 * references decoded, white space folded; `options` as `htmlPieces` takes them.
 *
 * @example
 * htmlText('<b>Bold</b>\n<i>and</i> <p>more</p>'); // 'Bold and more'
 */
export function htmlText(html: string, options: HtmlOptions = {}): string {
  return htmlPieces(html, 1, options)
    .map((piece) => piece.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Decodes character references: `&amp;`, `&eacute;`, `&nbsp;`, `&#233;`, `&#xE9;`. A
 * name HTML does not know stays as written; code points that are no characters
 * become U+FFFD.
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

/** Preformatted text: line breaks kept (as LF), blank lines at either end and trailing spaces gone. */
function trimLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
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
