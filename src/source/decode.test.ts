import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, decodeWire, repairDoubleEncoding } from './decode.js';

test('decodes UTF-8, with or without a byte-order mark', () => {
  assert.deepStrictEqual(decodeText(Buffer.from('Kim’s visit')), { text: 'Kim’s visit', encoding: 'utf-8', bom: false, firstInvalidUtf8: null });
  assert.deepStrictEqual(decodeText(Buffer.from('\ufeffKim’s visit')), { text: 'Kim’s visit', encoding: 'utf-8', bom: true, firstInvalidUtf8: null });
});

test('decodes UTF-16 by its byte-order mark, or by its NUL bytes without one', () => {
  const text = 'Moon Jae-in met Kim in Panmunjom.';
  assert.deepStrictEqual(decodeText(Buffer.from('\ufeff' + text, 'utf16le')), { text, encoding: 'utf-16le', bom: true, firstInvalidUtf8: null });
  assert.deepStrictEqual(decodeText(Buffer.from(text, 'utf16le')), { text, encoding: 'utf-16le', bom: false, firstInvalidUtf8: null });
  const bigEndian = Buffer.from(text, 'utf16le').swap16();
  assert.deepStrictEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian])).text, text);
  assert.equal(decodeText(bigEndian).encoding, 'utf-16be');
});

test('falls back to Windows-1252 where the bytes are not UTF-8, and says where', () => {
  // “Café” 5 €, in Windows-1252: curly quotes and the euro sign live in 0x80–0x9F.
  const bytes = Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x35, 0x20, 0x80]);
  assert.deepStrictEqual(decodeText(bytes), { text: '“Café” 5 €', encoding: 'windows-1252', bom: false, firstInvalidUtf8: 0 });
  assert.equal(decodeText(Buffer.from([0x41, 0x42, 0xe9])).firstInvalidUtf8, 2);
  // Overlong forms and surrogates are not UTF-8, though their bytes have the right shape.
  assert.equal(decodeText(Buffer.from([0x41, 0xe0, 0x80, 0x80])).firstInvalidUtf8, 1);
  assert.equal(decodeText(Buffer.from([0x41, 0x42, 0xed, 0xa0, 0x80])).firstInvalidUtf8, 2);
});

test('repairs UTF-8 that was decoded as Windows-1252 and counts each repair', () => {
  assert.deepStrictEqual(repairDoubleEncoding('Russiaâ€™s â€œtalksâ€\u009d in SÃ£o Paulo cafÃ©'), {
    text: 'Russia’s “talks” in São Paulo café',
    repaired: 5,
  });
  assert.deepStrictEqual(repairDoubleEncoding('Ã©Ã©'), { text: 'éé', repaired: 2 });
  // Latin text that only looks like it: no valid UTF-8 behind it, nothing touched.
  assert.deepStrictEqual(repairDoubleEncoding('Âge d’or, à la carte, Ãx'), { text: 'Âge d’or, à la carte, Ãx', repaired: 0 });
});

// decodeWire: wire copy that declares no charset, as IPTC 7901 and ANPA 1312 send it.

test('takes valid UTF-8 as UTF-8, with nothing to say', () => {
  assert.deepEqual(decodeWire(Buffer.from('Müller «grande fête»', 'utf8')), { text: 'Müller «grande fête»', encoding: 'utf-8', bom: false, firstInvalidUtf8: null, reason: null });
});

test('takes bytes that are not UTF-8, none in 0x80–0x9F, as ISO 8859-1, naming the first', () => {
  const decoded = decodeWire(Buffer.from('Thomas M\xfcller', 'latin1'));
  assert.deepEqual(decoded, {
    text: 'Thomas Müller',
    encoding: 'iso-8859-1',
    bom: false,
    firstInvalidUtf8: 8,
    reason: 'byte 8 (0xfc) is not UTF-8; none lies in 0x80–0x9F: decoded as ISO-8859-1 (Latin-1), the 8-bit set of Western European agency copy',
  });
});

test('takes 0xA4 by a figure for the euro sign of ISO 8859-15', () => {
  const decoded = decodeWire(Buffer.from('Preis: 12,50 \xa4 f\xfcr alle', 'latin1'));
  assert.deepEqual([decoded.text, decoded.encoding], ['Preis: 12,50 € für alle', 'iso-8859-15']);
  assert.equal(decodeWire(Buffer.from('Zeichen \xa4 allein, f\xfcr alle', 'latin1')).encoding, 'iso-8859-1');
});

test('takes bytes in 0x80–0x9F as Windows-1252', () => {
  const decoded = decodeWire(Buffer.from('\x93quoted\x94 \x96 dash', 'latin1'));
  assert.deepEqual([decoded.text, decoded.encoding, decoded.firstInvalidUtf8], ['“quoted” – dash', 'windows-1252', 0]);
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
