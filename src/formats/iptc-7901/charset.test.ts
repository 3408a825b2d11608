import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeWire } from './charset.js';

test('takes valid UTF-8 as UTF-8, with nothing to say', () => {
  assert.deepEqual(decodeWire(Buffer.from('Müller «grande fête»', 'utf8')), { text: 'Müller «grande fête»', encoding: 'utf-8', reason: null, offset: null });
});

test('takes bytes that are not UTF-8, none in 0x80–0x9F, as ISO 8859-1, naming the first', () => {
  const decoded = decodeWire(Buffer.from('Thomas M\xfcller', 'latin1'));
  assert.deepEqual(decoded, {
    text: 'Thomas Müller',
    encoding: 'iso-8859-1',
    reason: 'byte 8 (0xfc) is not UTF-8; none lies in 0x80–0x9F: decoded as ISO-8859-1 (Latin-1), the 8-bit set of Western European agency copy',
    offset: 8,
  });
});

test('takes 0xA4 by a figure for the euro sign of ISO 8859-15', () => {
  const decoded = decodeWire(Buffer.from('Preis: 12,50 \xa4 f\xfcr alle', 'latin1'));
  assert.deepEqual([decoded.text, decoded.encoding], ['Preis: 12,50 € für alle', 'iso-8859-15']);
  assert.equal(decodeWire(Buffer.from('Zeichen \xa4 allein, f\xfcr alle', 'latin1')).encoding, 'iso-8859-1');
});

test('takes bytes in 0x80–0x9F as Windows-1252', () => {
  const decoded = decodeWire(Buffer.from('\x93quoted\x94 \x96 dash', 'latin1'));
  assert.deepEqual([decoded.text, decoded.encoding, decoded.offset], ['“quoted” – dash', 'windows-1252', 0]);
  assert.match(decoded.reason!, /^byte 0 \(0x93\) is not UTF-8; it lies in 0x80–0x9F/);
});

test('finds the German 7-bit variant only when asked, and only inside words', () => {
  const german = Buffer.from('M}nchen: Die Stra~e vor dem K|lner Dom bleibt f}r Autos gesperrt.');
  assert.deepEqual(decodeWire(german, { nationalVariants: true }).text, 'München: Die Straße vor dem Kölner Dom bleibt für Autos gesperrt.');
  assert.equal(decodeWire(german).encoding, 'utf-8');
  // Braces and bars of ordinary ASCII stand beside spaces, digits and punctuation, not inside words.
  const ascii = Buffer.from('Odds {3} | see [link](http://x.y/~a) and 3{ games; a|b');
  assert.equal(decodeWire(ascii, { nationalVariants: true }).encoding, 'utf-8');
});

test('says when a byte-order mark decided UTF-16', () => {
  const decoded = decodeWire(Buffer.from('\ufeffBonn', 'utf16le'));
  assert.deepEqual([decoded.text, decoded.encoding, decoded.reason], ['Bonn', 'utf-16le', 'decoded as UTF-16LE (byte-order mark)']);
});
