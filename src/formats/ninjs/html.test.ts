import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, looksLikeHtml, plainText, readHtmlBlocks, readTextBlocks } from './html.js';

test('makes a paragraph of each <p> and a crosshead of each heading, markup dropped', () => {
  assert.deepStrictEqual(
    readHtmlBlocks('<p>What does <a href="https://x.example/?a=1&amp;b=2"><u>torched earth</u></a> taste like?</p>\n<h2>Water</h2><p>Beer\n  relies on <strong>water</strong>.</p><h3>Hops</h3>'),
    [
      { kind: 'paragraph', text: 'What does torched earth taste like?' },
      { kind: 'crosshead', text: 'Water' },
      { kind: 'paragraph', text: 'Beer relies on water.' },
      { kind: 'crosshead', text: 'Hops' },
    ],
  );
});

test('decodes named and numeric character references, and keeps unknown ones as written', () => {
  assert.equal(decodeEntities('caf&eacute; &amp; co&nbsp;&#8211; &#x201C;hi&#x201D; &bogus; &#0;'), 'café & co\u00a0– “hi” &bogus; \ufffd');
  assert.deepStrictEqual(readHtmlBlocks('<p>Fechheimer&rsquo;s &lt;beer&gt;</p>'), [{ kind: 'paragraph', text: 'Fechheimer’s <beer>' }]);
});

test('tolerates HTML that is not XML: unclosed paragraphs, bare <br>, text outside any element', () => {
  assert.deepStrictEqual(readHtmlBlocks('Lead text<p>First<p>Second<br>line<br><br>Third'), [
    { kind: 'paragraph', text: 'Lead text' },
    { kind: 'paragraph', text: 'First' },
    { kind: 'paragraph', text: 'Second line' },
    { kind: 'paragraph', text: 'Third' },
  ]);
  assert.deepStrictEqual(readHtmlBlocks('a < b and <3 > 2'), [{ kind: 'paragraph', text: 'a < b and <3 > 2' }]);
});

test('skips scripts, styles and comments; reads CDATA as text', () => {
  assert.deepStrictEqual(readHtmlBlocks('<style>p{}</style><!-- note --><p>Kept<script>alert(1)</script> <![CDATA[a<b]]></p>'), [
    { kind: 'paragraph', text: 'Kept a<b' },
  ]);
});

test('keeps <pre> and tables as preformatted blocks, a row a line and cells parted by tabs', () => {
  assert.deepStrictEqual(
    readHtmlBlocks('<p>Standings:</p><table><tr><th>Team</th><th>W</th></tr><tr><td>Boston</td><td>12</td></tr></table><pre>  a  b\n  c  d\n</pre>'),
    [
      { kind: 'paragraph', text: 'Standings:' },
      { kind: 'preformatted', text: 'Team\tW\nBoston\t12' },
      { kind: 'preformatted', text: '  a  b\n  c  d' },
    ],
  );
});

test('parts plain text at blank lines, or at line breaks when it has none', () => {
  assert.deepStrictEqual(readTextBlocks('One\nstill one.\n\nTwo.'), [
    { kind: 'paragraph', text: 'One still one.' },
    { kind: 'paragraph', text: 'Two.' },
  ]);
  assert.deepStrictEqual(readTextBlocks('One.\r\nTwo.\n'), [
    { kind: 'paragraph', text: 'One.' },
    { kind: 'paragraph', text: 'Two.' },
  ]);
});

test('tells markup from text that merely holds a < sign', () => {
  assert.equal(looksLikeHtml('<p>x</p>'), true);
  assert.equal(looksLikeHtml('x<br/>y'), true);
  assert.equal(looksLikeHtml('a < b > c'), false);
  assert.equal(plainText('<p>A</p><p>B &amp; C</p>'), 'A B & C');
});
