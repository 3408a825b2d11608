import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../source/source-file.js';
import { parseXml } from './xml/xml.js';
import * as api from './html.js';
import { decodeReferences, elementPieces, htmlPieces, htmlText, looksLikeHtml, stripTags, textPieces } from './html.js';
import type { HtmlOptions } from './html.js';

// The copy here is invented.

/** Body HTML written for a page, as ninjs carries it. */
const pageHtml: HtmlOptions = { breaks: 'pairs', tables: 'preformatted' };

test('exports the HTML readers and nothing else', () => {
  assert.deepStrictEqual(Object.keys(api).sort(), ['decodeReferences', 'elementPieces', 'htmlPieces', 'htmlText', 'looksLikeHtml', 'stripTags', 'textPieces']);
});

test('turns HTML into paragraphs: blocks and breaks end them, headings are crossheads, preformatted text keeps its lines', () => {
  const html = '<div><p>One &amp; <b>two</b>\n  three.</p>Loose text<br/>after a break<h3>A&nbsp;heading</h3><ul><li>first</li><li>second</li></ul><pre>a   1\nb   2</pre><table><tr><td>x</td><td>y</td></tr></table></div>';
  assert.deepStrictEqual(htmlPieces(html, 10), [
    { kind: 'paragraph', text: 'One & two three.', line: 10 },
    { kind: 'paragraph', text: 'Loose text', line: 11 },
    { kind: 'paragraph', text: 'after a break', line: 11 },
    { kind: 'crosshead', text: 'A heading', line: 11 },
    { kind: 'paragraph', text: 'first', line: 11 },
    { kind: 'paragraph', text: 'second', line: 11 },
    { kind: 'preformatted', text: 'a   1\nb   2', line: 11 },
    { kind: 'paragraph', text: 'x y', line: 12 },
  ]);
});

test('makes a paragraph of each <p> and a crosshead of each heading, markup dropped', () => {
  assert.deepStrictEqual(
    htmlPieces('<p>What does <a href="https://x.example/?a=1&amp;b=2"><u>torched earth</u></a> taste like?</p>\n<h2>Water</h2><p>Beer\n  relies on <strong>water</strong>.</p><h3>Hops</h3>', 1, pageHtml),
    [
      { kind: 'paragraph', text: 'What does torched earth taste like?', line: 1 },
      { kind: 'crosshead', text: 'Water', line: 2 },
      { kind: 'paragraph', text: 'Beer relies on water.', line: 2 },
      { kind: 'crosshead', text: 'Hops', line: 3 },
    ],
  );
});

test('leaves out scripts, styles, comments and what cannot be shown, and survives broken markup', () => {
  const html = '<p>Kept</p><script>var x = "<p>not text</p>";</script><style>p{}</style><!-- <p>no</p> --><iframe src="x"/><p>Also <strong>kept</toto> here</p><p>A lone < stays, 3 > 2</p><p>Unclosed <a href="x';
  assert.deepStrictEqual(
    htmlPieces(html, 1).map((piece) => piece.text),
    ['Kept', 'Also kept here', 'A lone < stays, 3 > 2', 'Unclosed <a href="x'],
  );
});

test('skips scripts, styles and comments; reads CDATA as text', () => {
  assert.deepStrictEqual(htmlPieces('<style>p{}</style><!-- note --><p>Kept<script>alert(1)</script> <![CDATA[a<b]]></p>', 1, pageHtml), [
    { kind: 'paragraph', text: 'Kept a<b', line: 1 },
  ]);
});

test('reads HTML in linear time, whatever stray angle brackets and quotes it holds', () => {
  for (const unit of ['<a "', '<a ', '<!--', '<![CDATA[', "<p class='", '&#', '<\n']) {
    const started = performance.now();
    htmlPieces(unit.repeat(50_000) + '>', 1);
    htmlPieces(unit.repeat(50_000) + '>', 1, pageHtml);
    stripTags(unit.repeat(50_000));
    assert.ok(performance.now() - started < 2000, `${JSON.stringify(unit)} took ${Math.round(performance.now() - started)} ms`);
  }
});

test('breaks paragraphs at line breaks when told to, as WordPress posts need', () => {
  assert.deepStrictEqual(
    htmlPieces('First line\nsecond line\n\n<em>third</em>', 5, { lineBreaks: true }),
    [
      { kind: 'paragraph', text: 'First line', line: 5 },
      { kind: 'paragraph', text: 'second line', line: 6 },
      { kind: 'paragraph', text: 'third', line: 8 },
    ],
  );
});

test('tolerates HTML that is not XML: unclosed paragraphs, bare <br> in pairs, text outside any element', () => {
  assert.deepStrictEqual(htmlPieces('Lead text<p>First<p>Second<br>line<br><br>Third', 1, pageHtml), [
    { kind: 'paragraph', text: 'Lead text', line: 1 },
    { kind: 'paragraph', text: 'First', line: 1 },
    { kind: 'paragraph', text: 'Second line', line: 1 },
    { kind: 'paragraph', text: 'Third', line: 1 },
  ]);
  assert.deepStrictEqual(htmlPieces('a < b and <3 > 2', 1, pageHtml), [{ kind: 'paragraph', text: 'a < b and <3 > 2', line: 1 }]);
  // Inside <pre> a single <br> is a line break.
  assert.deepStrictEqual(htmlPieces('<pre>a 1<br>b 2</pre>', 1, pageHtml), [{ kind: 'preformatted', text: 'a 1\nb 2', line: 1 }]);
});

test('keeps tables as preformatted blocks when told to, a row a line and cells parted by tabs', () => {
  assert.deepStrictEqual(
    htmlPieces('<p>Standings:</p><table><tr><th>Team</th><th>W</th></tr><tr><td>Boston</td><td>12</td></tr></table><pre>  a  b\n  c  d\n</pre>', 1, pageHtml),
    [
      { kind: 'paragraph', text: 'Standings:', line: 1 },
      { kind: 'preformatted', text: 'Team\tW\nBoston\t12', line: 1 },
      { kind: 'preformatted', text: '  a  b\n  c  d', line: 1 },
    ],
  );
});

test('walks parsed XHTML, its body only', () => {
  const file = new SourceFile(Buffer.from('<html xmlns="http://www.w3.org/1999/xhtml"><head><title>No</title></head><body>\n<p>One <a href="x">link</a>.</p>\n<h2>Head</h2>\n</body></html>'), { name: 'x' });
  assert.deepStrictEqual(elementPieces(parseXml(file, 'test')), [
    { kind: 'paragraph', text: 'One link.', line: 2 },
    { kind: 'crosshead', text: 'Head', line: 3 },
  ]);
});

test('parts plain text at blank lines, or at line breaks when it has none', () => {
  assert.deepStrictEqual(textPieces('One\nstill one.\n\nTwo.', 1), [
    { kind: 'paragraph', text: 'One still one.', line: 1 },
    { kind: 'paragraph', text: 'Two.', line: 4 },
  ]);
  assert.deepStrictEqual(textPieces('One.\r\nTwo.\n', 4), [
    { kind: 'paragraph', text: 'One.', line: 4 },
    { kind: 'paragraph', text: 'Two.', line: 5 },
  ]);
});

test('tells HTML from plain text, strips stray tags keeping the lines, and decodes references', () => {
  assert.deepEqual([looksLikeHtml('<p>x</p>'), looksLikeHtml('Steven <b>Van Geel</b> said'), looksLikeHtml('3 < 4')], [true, false, false]);
  assert.equal(stripTags('Steven <b>Van\nGeel</b> &amp; co<hr>next'), 'Steven Van\nGeel & co\n\nnext');
  assert.equal(decodeReferences('&eacute;&#233;&#xE9; &unknown; &#0; &amp;amp;'), 'ééé &unknown; \ufffd &amp;');
  assert.equal(htmlText('<b>Bold</b>\n<i>and</i> <p>more</p>'), 'Bold and more');
});

test('takes inline tags for HTML when told to, but not a text that merely holds a < sign', () => {
  assert.deepEqual(
    ['<p>x</p>', 'x<br/>y', 'Steven <b>Van Geel</b> said', 'a < b > c'].map((text) => looksLikeHtml(text, { inline: true })),
    [true, true, true, false],
  );
  assert.equal(htmlText('<p>A</p><p>B &amp; C</p>', pageHtml), 'A B & C');
});

test('decodes named and numeric character references, and keeps unknown ones as written', () => {
  assert.equal(decodeReferences('caf&eacute; &amp; co&nbsp;&#8211; &#x201C;hi&#x201D; &bogus; &#0; &constructor;'), 'café & co\u00a0– “hi” &bogus; \ufffd &constructor;');
  assert.deepStrictEqual(htmlPieces('<p>Fechheimer&rsquo;s &lt;beer&gt;</p>', 1, pageHtml), [{ kind: 'paragraph', text: 'Fechheimer’s <beer>', line: 1 }]);
});
