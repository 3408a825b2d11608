/**
 * Body HTML as ninjs carries it (`body_html`, `body_xhtml`, a `text/html` body), read
 * into Story blocks by a small tolerant tokenizer: agency HTML is seldom well-formed
 * XML (`<br>`, `&nbsp;`, unclosed `<p>`), and all that is wanted from it is the text
 * and where its blocks begin and end. Markup is dropped; entities are decoded.
 */
import { characterEntities } from 'character-entities';
import type { BlockKind } from '../../story/story.js';

/** One block of body text, before it gets its place in the input. */
export interface HtmlBlock {
  kind: BlockKind;
  text: string;
}

/** A tag, a comment, a CDATA section or a declaration; text is what lies between. */
const markup = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>|<(\/?)([A-Za-z][A-Za-z0-9:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** Elements whose end closes a paragraph (and whose start opens one). */
const paragraphElements = new Set(['p', 'div', 'li', 'dd', 'dt', 'blockquote', 'section', 'article', 'ul', 'ol', 'dl', 'figure', 'figcaption', 'header', 'footer', 'aside', 'address', 'center', 'body', 'html']);
/** Headings inside a body are crossheads. */
const headingElements = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements whose content is no text of the story. */
const skippedElements = new Set(['script', 'style', 'head', 'title', 'object', 'iframe', 'noscript', 'template']);

const reference = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

/** Decodes HTML character references: numeric ones and the HTML named ones (`&eacute;`, `&nbsp;`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(reference, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return characterEntities[name] ?? match;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Whether a string holds markup worth reading as HTML rather than as plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:[A-Za-z][A-Za-z0-9]*\b[^<>]*|\/[A-Za-z][A-Za-z0-9]*\s*)>/.test(text);
}

/**
 * The blocks of a piece of body HTML: a paragraph for each `<p>` (and other block
 * element), a crosshead for each heading, a preformatted block for `<pre>` and for
 * each table (a row a line, cells parted by tabs). Text outside any block element is
 * a paragraph of its own; two `<br>` in a row part paragraphs, one is a space.
 *
 * @example
 * readHtmlBlocks('<p>One &amp; two.</p><h2>Aside</h2>');
 * // [{ kind: 'paragraph', text: 'One & two.' }, { kind: 'crosshead', text: 'Aside' }]
 */
export function readHtmlBlocks(html: string): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let kind: BlockKind = 'paragraph';
  let buffer = '';
  let breaks = 0;
  let skipping: string | null = null;
  // Tables: the row being read, and the rows read so far.
  let tableDepth = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  let rows: string[] = [];

  const flush = () => {
    const text = kind === 'preformatted' ? trimLines(buffer) : buffer.replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ kind, text });
    buffer = '';
    kind = 'paragraph';
  };
  const addText = (text: string) => {
    if (cell !== null) cell += text;
    else buffer += text;
    if (/\S/.test(text)) breaks = 0;
  };

  let last = 0;
  for (const match of html.matchAll(markup)) {
    const between = html.slice(last, match.index);
    last = match.index + match[0].length;
    if (skipping === null && between !== '') addText(decodeEntities(between));
    const cdata = match[1];
    const closing = match[2] === '/';
    const name = match[3]?.toLowerCase();
    if (skipping !== null) {
      if (closing && name === skipping) skipping = null;
      continue;
    }
    if (cdata !== undefined) {
      addText(cdata);
      continue;
    }
    if (name === undefined) continue; // a comment or a declaration
    if (skippedElements.has(name)) {
      if (!closing && !match[0].endsWith('/>')) skipping = name;
      continue;
    }
    if (name === 'table') {
      if (!closing) {
        if (tableDepth === 0) {
          flush();
          rows = [];
        }
        tableDepth++;
      } else if (tableDepth > 0 && --tableDepth === 0) {
        if (row !== null) rows.push(finishRow(row, cell));
        row = cell = null;
        const text = rows.filter((line) => line.trim() !== '').join('\n');
        if (text !== '') blocks.push({ kind: 'preformatted', text });
      }
      continue;
    }
    if (tableDepth > 0) {
      if (name === 'tr') {
        if (row !== null) rows.push(finishRow(row, cell));
        row = closing ? null : [];
        cell = null;
      } else if (name === 'td' || name === 'th') {
        if (cell !== null) (row ??= []).push(cell);
        cell = closing ? null : '';
      } else if (name === 'br' && cell !== null) {
        cell += ' ';
      }
      continue;
    }
    if (name === 'br') {
      breaks++;
      if (breaks === 2 && kind !== 'preformatted') flush();
      else buffer += kind === 'preformatted' ? '\n' : ' ';
      continue;
    }
    if (paragraphElements.has(name) || name === 'hr') {
      flush();
      continue;
    }
    if (headingElements.has(name)) {
      flush();
      if (!closing) kind = 'crosshead';
      continue;
    }
    if (name === 'pre') {
      flush();
      if (!closing) kind = 'preformatted';
      continue;
    }
    // Inline markup (`<a>`, `<strong>`, `<u>`, `<span>`): the text runs on.
  }
  if (skipping === null) addText(decodeEntities(html.slice(last)));
  if (tableDepth > 0) {
    if (row !== null) rows.push(finishRow(row, cell));
    const text = rows.filter((line) => line.trim() !== '').join('\n');
    if (text !== '') blocks.push({ kind: 'preformatted', text });
  }
  flush();
  return blocks;
}

function finishRow(row: string[], cell: string | null): string {
  const cells = cell === null ? row : [...row, cell];
  return cells.map((each) => each.replace(/\s+/g, ' ').trim()).join('\t');
}

/** Preformatted text: line breaks kept, blank lines at either end and trailing spaces gone. */
function trimLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * The blocks of a plain-text body: paragraphs parted by blank lines, or by line
 * breaks when the text has no blank line (JSON bodies are not hard-wrapped).
 */
export function readTextBlocks(text: string): HtmlBlock[] {
  const normal = text.replace(/\r\n?/g, '\n');
  const parts = /\n[ \t]*\n/.test(normal) ? normal.split(/\n[ \t]*\n/) : normal.split('\n');
  const blocks: HtmlBlock[] = [];
  for (const part of parts) {
    const paragraph = part.replace(/\s+/g, ' ').trim();
    if (paragraph !== '') blocks.push({ kind: 'paragraph', text: paragraph });
  }
  return blocks;
}

/** Text stripped of markup, entities decoded, white space folded: for headlines and summaries. */
export function plainText(html: string): string {
  return readHtmlBlocks(html)
    .map((block) => block.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
