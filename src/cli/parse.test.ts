import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { formats } from '../formats/index.js';
import { jsonLines, slugline } from '../testing/cli.js';
import { sharedPath, skipWithout } from '../testing/shared-data.js';
import { validateStory as validate } from '../testing/story-schema.js';

const fixtures = fileURLToPath(new URL('../formats/wire-text/fixtures/', import.meta.url));
const stories = jsonLines;

function assertValid(story: unknown): void {
  assert.ok(validate(story), JSON.stringify(validate.errors, null, 2));
}

test('prints one Story per input as JSON lines that the published schema accepts', () => {
  const files = readdirSync(fixtures)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(fixtures, name));
  const result = slugline(['parse', ...files]);
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  const printed = stories(result.stdout);
  assert.equal(printed.length, files.length);
  for (const story of printed) assertValid(story);
  assert.deepEqual(
    printed.map((story) => (story.source as { file: string }).file),
    files,
  );
});

test('prints the seed as a Story the schema accepts, with a receipt time', { skip: skipWithout('seed') }, () => {
  const seed = join(sharedPath('seed')!, '000_45c4e983dc4e0401.txt');
  const result = slugline(['parse', seed]);
  assert.equal(result.status, 0);
  const [story] = stories(result.stdout);
  assertValid(story);
  assert.equal(story!.slug, 'BFF');
  assert.ok(!Number.isNaN(Date.parse((story!.source as { receivedAt: string }).receivedAt)));
});

test('validates every Reuters-21578 story it prints against the schema', { skip: skipWithout('reuters21578/reut2-000.sgm') }, () => {
  const result = slugline(['parse', join(sharedPath('reuters21578')!, 'reut2-000.sgm')]);
  assert.equal(result.status, 0, result.stderr);
  const printed = stories(result.stdout);
  assert.equal(printed.length, 1000);
  for (const story of printed) assertValid(story);
});

test('reads standard input when given - or no file', () => {
  const copy = 'LONDON, March 3 (Reuters) - Shares rose on Tuesday as investors\ncheered the news from the central bank.\n';
  for (const args of [['parse', '-'], ['parse']]) {
    const result = slugline(args, copy);
    assert.equal(result.status, 0, result.stderr);
    const [story] = stories(result.stdout);
    assert.deepEqual([(story!.source as { file: string }).file, (story!.dateline as { place: string }).place], ['<stdin>', 'LONDON']);
  }
});

test('renders a readable text with the dateline and the damage marked', { skip: skipWithout('seed') }, () => {
  const seed = join(sharedPath('seed')!, '000_45c4e983dc4e0401.txt');
  const result = slugline(['parse', seed, '--to', 'text']);
  assert.equal(result.status, 0);
  const lines = result.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 3), [
    'BFF-20, 21',
    'Kim, Putin vow to seek closer ties at first talks',
    '=================================================',
  ]);
  assert.ok(lines.includes('VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) – Russian President Vladimir'));
  assert.ok(lines.includes('  — North Korean labourers —'));
  assert.equal(lines.filter((line) => line === '  [damaged: truncated]').length, 6);
  assert.equal(lines.filter((line) => line.length > 76).length, 0);
});

test('rejects what it cannot read with one line naming the file and the reason, and goes on', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-'));
  const binary = join(folder, 'picture.jpg');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)));
  const empty = join(folder, 'empty.txt');
  writeFileSync(empty, '\n\n  \n');
  const good = join(fixtures, 'dpa-dateline.txt');
  const missing = join(folder, 'missing.txt');
  const result = slugline(['parse', binary, good, empty, missing, folder]);
  assert.equal(result.status, 1);
  assert.equal(stories(result.stdout).length, 1);
  const errors = result.stderr.trim().split('\n');
  assert.equal(errors.length, 4, result.stderr);
  assert.match(errors[0]!, /^slugline: Cannot read `.*picture\.jpg`: no reader accepts it \(.*reuters-sgml: .*; wire-text: binary data, not text\); name one with --from$/);
  assert.match(errors[1]!, /^slugline: Cannot read `.*empty\.txt`: no reader accepts it \(.*wire-text: no text\); name one with --from$/);
  assert.match(errors[2]!, /^slugline: cannot read `.*missing\.txt`: no such file \(check the path\)$/);
  assert.match(errors[3]!, /is a directory/);
  const forced = slugline(['parse', '--from', 'wire-text', binary]);
  assert.equal(forced.status, 1);
  assert.match(forced.stderr, /picture\.jpg` as wire-text: \d+% of the characters are control characters/);
});

test('exits 2 on usage errors, with help and version on request', () => {
  for (const args of [['parse', '--bogus'], ['parse', '--from', 'nitf-9'], ['parse', '--to', 'pdf'], ['frobnicate'], []]) {
    const result = slugline(args);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
  }
  assert.ok(slugline(['parse', '--from', 'nitf-9']).stderr.includes(`unknown format \`nitf-9\` (one of: ${formats.map((format) => format.id).join(', ')})`));
  const help = slugline(['parse', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: slugline parse/);
  const version = slugline(['--version']);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version);
});

test('enriches the stories it prints unless told --no-enrich, and leaves out the enrichers --without names', () => {
  const copy = 'LONDON, March 3 (Reuters) - Shares rose on Tuesday as investors\ncheered the news from the Bank of England, its governor said.\n';
  const [enriched] = stories(slugline(['parse', '-'], copy).stdout);
  assertValid(enriched);
  const enrichment = enriched!.enrichment as { enrichers: string[]; times: { value: string }[] };
  assert.deepEqual(enrichment.enrichers, ['language', 'dateline', 'entities', 'times', 'amounts', 'quotes']);
  const [plain] = stories(slugline(['parse', '--no-enrich', '-'], copy).stdout);
  assert.equal(plain!.enrichment, undefined);
  const [without] = stories(slugline(['parse', '--without', 'quotes,times', '-'], copy).stdout);
  assert.deepEqual((without!.enrichment as { enrichers: string[] }).enrichers, ['language', 'dateline', 'entities', 'amounts']);
  const wrong = slugline(['parse', '--without', 'sentiment', '-'], copy);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--without: unknown enricher `sentiment` \(one of: language, dateline, entities, times, amounts, quotes\)/);
});
