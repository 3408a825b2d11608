import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { plainPieces, readPieces } from './copy.js';

// The copy here is invented.

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
