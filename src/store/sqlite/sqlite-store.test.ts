import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { storyWith } from '../../testing/story.js';
import { inputOf, storeConformance } from '../store.case.js';
import { SqliteStore } from './sqlite-store.js';

const freshPath = () => join(mkdtempSync(join(tmpdir(), 'slugline-store-')), 'archive.db');

storeConformance('sqlite', async () => SqliteStore.open(freshPath()));

test('sqlite: what was stored is there after the archive is closed and opened again', async () => {
  const path = freshPath();
  const store = SqliteStore.open(path);
  const report = await store.ingest(inputOf([storyWith({ guid: 'urn:invented:kept', headline: 'Kept', body: [{ kind: 'paragraph', text: 'Invented text kept.', line: 1, take: 1 }] })]));
  await store.close();
  const again = SqliteStore.open(path, { mustExist: true });
  assert.equal((await again.story(report.stories[0]!.id))!.headline, 'Kept');
  assert.equal((await again.search({ query: 'invented' })).hits.length, 1);
  await again.close();
});

test('sqlite: says what is wrong with a file that is no archive, and with a missing one when it must exist', () => {
  const path = freshPath();
  writeFileSync(path, 'not a database at all, just text');
  assert.throws(() => SqliteStore.open(path), /Cannot open the archive `.*archive\.db`: .*(--db|SLUGLINE_DB)/);
  assert.throws(() => SqliteStore.open(join(tmpdir(), 'no-such-folder-slugline', 'a.db'), { mustExist: true }), /Cannot open the archive .*--db or SLUGLINE_DB/);
});
