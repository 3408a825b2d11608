import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { jsonLines, slugline } from '../testing/cli.js';

/** Invented wire copy: one story, then its update (the same slug and headline, a new text). */
function inputs(folder: string): string {
  const dir = join(folder, 'in');
  mkdirSync(dir, { recursive: true });
  const story = (text: string) => `INV-1 Invented ferry resumes\n\nEXAMPLETOWN, May 6, 2024 (INV) – ${text}\n\nINV/ABC/1000 hrs\n`;
  writeFileSync(join(dir, 'a.txt'), story('The invented ferry resumed service on Monday.'));
  writeFileSync(join(dir, 'b.txt'), story('The invented ferry resumed service on Monday after a week of repairs.'));
  writeFileSync(join(dir, 'c.xml'), '<?xml version="1.0"?><nitf><body><p>cut off');
  return dir;
}

test('ingest, search, show, history, export and stats work on one archive from the command line', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-cli-archive-'));
  const db = join(folder, 'archive.db');
  const ingested = slugline(['ingest', inputs(folder), '--db', db, '--no-enrich', '--json']);
  assert.equal(ingested.status, 0, ingested.stderr);
  const summary = JSON.parse(ingested.stdout) as { inputs: number; stored: number; quarantined: number; stories: { new: number; newVersions: number } };
  assert.deepEqual([summary.inputs, summary.stored, summary.quarantined, summary.stories.new, summary.stories.newVersions], [3, 2, 1, 1, 1]);

  const found = slugline(['search', 'ferry', '--db', db, '--json']);
  assert.equal(found.status, 0, found.stderr);
  const results = JSON.parse(found.stdout) as { hits: { id: string; version: number; versions: number }[]; total: number };
  assert.equal(results.total, 1);
  const [hit] = results.hits;
  assert.deepEqual([hit!.version, hit!.versions], [2, 2]);
  assert.match(slugline(['search', '"week of repairs"', '--db', db]).stdout, /«week of repairs»/);

  assert.match(slugline(['show', hit!.id, '--db', db]).stdout, /after a week of repairs/);
  assert.doesNotMatch(slugline(['show', hit!.id, '--version', '1', '--db', db]).stdout, /repairs/);
  const history = slugline(['history', hit!.id, '--db', db]).stdout.trim().split('\n');
  assert.equal(history.length, 2);
  assert.match(history[1]!, /^\* v2/);

  const exported = jsonLines(slugline(['export', 'ferry', '--to', 'json', '--db', db]).stdout);
  assert.equal(exported.length, 1);
  assert.equal(exported[0]!.headline, 'Invented ferry resumes');
  const out = join(folder, 'out') + '/';
  assert.equal(slugline(['export', '--to', 'nitf', '-o', out, '--db', db]).status, 0);
  const files = readdirSync(out);
  assert.deepEqual(files, [`${hit!.id}.xml`]);
  assert.match(readFileSync(join(out, files[0]!), 'utf8'), /<nitf/);

  const stats = JSON.parse(slugline(['stats', '--json', '--db', db]).stdout) as { inputs: number; stories: number; versions: number; quarantined: number };
  assert.deepEqual([stats.inputs, stats.stories, stats.versions, stats.quarantined], [3, 1, 2, 1]);
  assert.match(slugline(['stats', '--quarantined', '--db', db]).stdout, /c\.xml/);
});

test('a malformed query is answered with the column, what was expected, and a caret under it; exit 2', () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-cli-archive-'));
  const db = join(folder, 'archive.db');
  slugline(['ingest', inputs(folder), '--db', db, '--no-enrich']);
  const result = slugline(['search', 'ferry AND "week of', '--db', db]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /Cannot read the query at column \d+: expected/);
  assert.match(result.stderr, /\n\s*\^/);
  const missing = slugline(['search', 'ferry', '--db', join(folder, 'none', 'nothing.db')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /Cannot open the archive/);
  assert.equal(slugline(['show', 'no-such-id', '--db', db]).status, 1);
});
