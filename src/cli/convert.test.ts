import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { jsonLines, slugline } from '../testing/cli.js';

const fixture = fileURLToPath(new URL('../formats/wire-text/fixtures/dpa-dateline.txt', import.meta.url));

test('converts one input to another format, to a file or to standard output', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-convert-'));
  const out = join(folder, 'story.txt');
  const written = slugline(['convert', fixture, '--to', 'text', '-o', out]);
  assert.deepEqual([written.status, written.stdout, written.stderr], [0, '', '']);
  const printed = slugline(['convert', fixture, '--to', 'text']);
  assert.equal(readFileSync(out, 'utf8'), printed.stdout);
  assert.match(printed.stdout, /^Berlin \(dpa\) - /m);
  const json = jsonLines(slugline(['convert', fixture, '--to', 'jsonl']).stdout);
  assert.equal((json[0]!.dateline as { place: string }).place, 'Berlin');
});

test('writes nothing when the input cannot be read, and says why', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-convert-'));
  const empty = join(folder, 'empty.txt');
  writeFileSync(empty, '   \n');
  const out = join(folder, 'out.txt');
  const result = slugline(['convert', empty, '--to', 'text', '-o', out]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /^slugline: Cannot read `.*empty\.txt`: no reader accepts it/);
  assert.equal(existsSync(out), false);
  const directory = slugline(['convert', folder, '--to', 'text']);
  assert.equal(directory.status, 1);
  assert.match(directory.stderr, /cannot read `.*`: it is a directory/);
});

test('exits 2 when the call is wrong', () => {
  for (const args of [['convert', fixture], ['convert', '--to', 'text'], ['convert', fixture, '--to', 'pdf'], ['convert', fixture, fixture, '--to', 'text']]) {
    assert.equal(slugline(args).status, 2, args.join(' '));
  }
  assert.match(slugline(['convert', '--help']).stdout, /^Usage: slugline convert IN --to FORMAT/);
});
