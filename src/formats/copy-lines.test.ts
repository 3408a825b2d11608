import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineCounter, placeOf, splitLines } from './copy-lines.js';

test('numbers lines at CR LF, CR and LF alike, and gives the line and column of an offset', () => {
  const text = 'ZCZC\r\nfirst\rsecond\nthird';
  assert.deepStrictEqual(splitLines(text, 7), [
    { text: 'ZCZC', line: 7 },
    { text: 'first', line: 8 },
    { text: 'second', line: 9 },
    { text: 'third', line: 10 },
  ]);
  const lineAt = lineCounter(text);
  assert.deepStrictEqual(
    [0, 4, 5, 6, 11, 12, 18, 19, text.length].map((offset) => lineAt(offset)),
    [1, 1, 1, 2, 2, 3, 3, 4, 4],
  );
  assert.deepStrictEqual([placeOf(text, 0, lineAt), placeOf(text, 8, lineAt), placeOf(text, 21, lineAt)], [
    { line: 1, column: 1 },
    { line: 2, column: 3 },
    { line: 4, column: 3 },
  ]);
});
