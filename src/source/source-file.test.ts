import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ParseError } from '../errors.js';
import { SourceFile, formatPlace } from './source-file.js';

test('collects messages with their place, rule and source, in order', () => {
  const file = new SourceFile(Buffer.from('copy'), { name: 'BFF-20.txt', receivedAt: '2019-04-25T11:17:00Z' });
  file.info('encoding/windows-1252', 'decoded as Windows-1252', null, 'wire-text');
  file.warn('damage/truncated', 'ends mid-sentence', { line: 30, block: 6 }, 'wire-text');
  assert.deepStrictEqual(file.messages, [
    { severity: 'info', rule: 'encoding/windows-1252', message: 'decoded as Windows-1252', place: null, source: 'wire-text' },
    { severity: 'warn', rule: 'damage/truncated', message: 'ends mid-sentence', place: { line: 30, block: 6 }, source: 'wire-text' },
  ]);
});

test('fails with a ParseError that names the file and place and carries every message', () => {
  const file = new SourceFile(Buffer.from('copy'), { name: 'x.xml' });
  file.warn('damage/repeated', 'repeats paragraph 1', { block: 2 }, 'nitf');
  const cause = new Error('underlying');
  assert.throws(
    () => file.fail('input/root', 'expected <nitf> root, found <rss> (try --from rss)', { line: 1, column: 40 }, 'nitf', cause),
    (error: unknown) => {
      assert.ok(error instanceof ParseError);
      assert.equal(error.message, 'Cannot parse `x.xml` (line 1, column 40) as nitf: expected <nitf> root, found <rss> (try --from rss)');
      assert.deepStrictEqual(
        error.diagnostics.map((message) => [message.severity, message.rule]),
        [
          ['warn', 'damage/repeated'],
          ['fail', 'input/root'],
        ],
      );
      assert.deepStrictEqual([error.file, error.reader, error.place, error.cause], ['x.xml', 'nitf', { line: 1, column: 40 }, cause]);
      return true;
    },
  );
});

test('formats places as people read them', () => {
  assert.equal(formatPlace(null), '');
  assert.equal(formatPlace({ line: 3 }), ' (line 3)');
  assert.equal(formatPlace({ block: 0 }), ' (paragraph 1)');
});
