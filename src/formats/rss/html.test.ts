import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { parseXml } from '../xml/xml.js';
import { readByline } from '../byline.js';
import { plainPieces, readPieces } from './copy.js';
import { decodeReferences, elementPieces, htmlPieces, htmlText, looksLikeHtml, stripTags } from './html.js';

// The copy here is invented.

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

test('leaves out scripts, styles, comments and what cannot be shown, and survives broken markup', () => {
  const html = '<p>Kept</p><script>var x = "<p>not text</p>";</script><style>p{}</style><!-- <p>no</p> --><iframe src="x"/><p>Also <strong>kept</toto> here</p><p>A lone < stays, 3 > 2</p><p>Unclosed <a href="x';
  assert.deepStrictEqual(
    htmlPieces(html, 1).map((piece) => piece.text),
    ['Kept', 'Also kept here', 'A lone < stays, 3 > 2', 'Unclosed <a href="x'],
  );
});

test('reads HTML in linear time, whatever stray angle brackets and quotes it holds', () => {
  for (const unit of ['<a "', '<a ', '<!--', '<![CDATA[', "<p class='", '&#', '<\n']) {
    const started = performance.now();
    htmlPieces(unit.repeat(50_000) + '>', 1);
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

test('walks parsed XHTML, its body only', () => {
  const file = new SourceFile(Buffer.from('<html xmlns="http://www.w3.org/1999/xhtml"><head><title>No</title></head><body>\n<p>One <a href="x">link</a>.</p>\n<h2>Head</h2>\n</body></html>'), { name: 'x' });
  assert.deepStrictEqual(elementPieces(parseXml(file, 'test')), [
    { kind: 'paragraph', text: 'One link.', line: 2 },
    { kind: 'crosshead', text: 'Head', line: 3 },
  ]);
});

test('tells HTML from plain text, strips stray tags keeping the lines, and decodes references', () => {
  assert.deepEqual([looksLikeHtml('<p>x</p>'), looksLikeHtml('Steven <b>Van Geel</b> said'), looksLikeHtml('3 < 4')], [true, false, false]);
  assert.equal(stripTags('Steven <b>Van\nGeel</b> &amp; co<hr>next'), 'Steven Van\nGeel & co\n\nnext');
  assert.equal(decodeReferences('&eacute;&#233;&#xE9; &unknown; &#0; &amp;amp;'), 'ééé &unknown; \ufffd &amp;');
  assert.equal(htmlText('<b>Bold</b>\n<i>and</i> <p>more</p>'), 'Bold and more');
});

test('reads plain text as wire lines, or as a paragraph per line when its lines are longer than a wire’s', () => {
  assert.deepStrictEqual(plainPieces('Short wire line\nwrapped here.', 7), [{ kind: 'lines', text: 'Short wire line\nwrapped here.', line: 7 }]);
  const long = 'x'.repeat(101);
  assert.deepStrictEqual(plainPieces(`${long}\r${long}\n\n${long}`, 3), [
    { kind: 'paragraph', text: long, line: 3 },
    { kind: 'paragraph', text: long, line: 3 },
    { kind: 'paragraph', text: long, line: 5 },
  ]);
  assert.deepStrictEqual(plainPieces('Use <b> here', 1, { markup: false }), [{ kind: 'lines', text: 'Use <b> here', line: 1 }]);
  assert.deepStrictEqual(plainPieces(' \n ', 1), []);
});

test('reads pieces as wire copy, with the input’s lines and a byline that opens the copy', () => {
  const file = new SourceFile(Buffer.from(''), { name: 'x' });
  const copy = readPieces(
    [
      { kind: 'paragraph', text: 'By Jane Invented', line: 40 },
      { kind: 'paragraph', text: 'OSLO, March 4 (Invented) - The invented council met.', line: 41 },
      { kind: 'crosshead', text: '- Later -', line: 45 },
      { kind: 'lines', text: 'Its budget was approved\nafter a long debate.', line: 50 },
      { kind: 'paragraph', text: 'ab/cd', line: 60 },
    ],
    file,
    { source: 'test', referenceDate: '2019-03-05T00:00:00Z' },
  );
  assert.deepStrictEqual(
    {
      byline: copy.byline,
      dateline: copy.dateline,
      body: copy.body,
      signoffs: copy.signoffs.map((signoff) => [signoff.text, signoff.line]),
    },
    {
      byline: { text: 'By Jane Invented', names: ['Jane Invented'], title: null },
      dateline: { text: 'OSLO, March 4 (Invented) -', place: 'OSLO', region: null, country: null, date: '2019-03-04', credit: 'Invented' },
      body: [
        { kind: 'paragraph', text: 'The invented council met.', line: 41, take: 1 },
        { kind: 'crosshead', text: '- Later -', line: 45, take: 1 },
        { kind: 'paragraph', text: 'Its budget was approved after a long debate.', line: 50, take: 1 },
      ],
      signoffs: [['ab/cd', 60]],
    },
  );
});

test('reads a byline as written, with the names in it', () => {
  assert.deepStrictEqual(
    ['By JANE INVENTED and Ola Nordmann =', 'Kari Invented, Ola Invented & Per Invented', '  ', null].map((text) => readByline(text)),
    [
      { text: 'By JANE INVENTED and Ola Nordmann', names: ['JANE INVENTED', 'Ola Nordmann'], title: null },
      { text: 'Kari Invented, Ola Invented & Per Invented', names: ['Kari Invented', 'Ola Invented', 'Per Invented'], title: null },
      null,
      null,
    ],
  );
});
