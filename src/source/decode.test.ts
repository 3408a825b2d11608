import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeText, repairDoubleEncoding } from './decode.js';

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
