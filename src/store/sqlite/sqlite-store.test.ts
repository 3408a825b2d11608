import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { storyWith } from '../../testing/story.js';
import { inputOf, storeConformance } from '../store.case.js';
import { SqliteStore, readWithin } from './sqlite-store.js';

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

test('sqlite: sorts and ranges stories from before 1970 to after 2036 by their times', async () => {
  const store = SqliteStore.open(freshPath());
  try {
    for (const [index, time] of ['2100-03-01T12:00:00Z', '1950-06-01T08:00:00Z', '2030-01-01T00:00:00Z'].entries()) {
      await store.ingest(inputOf([storyWith({ guid: `urn:invented:era-${index}`, headline: `Era ${time.slice(0, 4)}`, versionCreated: time, body: [{ kind: 'paragraph', text: 'Invented era text.', line: 1, take: 1 }] })]));
    }
    assert.deepEqual((await store.search({ query: 'era' })).hits.map((hit) => hit.headline), ['Era 2100', 'Era 2030', 'Era 1950']);
    assert.deepEqual((await store.search({ query: 'era from:2037' })).hits.map((hit) => hit.headline), ['Era 2100']);
    assert.deepEqual((await store.search({ query: 'era to:1969' })).hits.map((hit) => hit.headline), ['Era 1950']);
  } finally {
    await store.close();
  }
});

test('sqlite: checkpoints the log into the database on its own thread while the writer goes on', async () => {
  const path = freshPath();
  const store = SqliteStore.open(path);
  try {
    const before = statSync(path).size;
    const text = 'Invented copy for the checkpointer, long enough to fill pages. '.repeat(40);
    for (let batch = 0; batch < 5; batch++) {
      const stories = Array.from({ length: 40 }, (_, index) => storyWith({ guid: `urn:invented:ckpt-${batch}-${index}`, headline: `Checkpoint ${batch} ${index}`, body: [{ kind: 'paragraph', text, line: 1, take: 1 }] }));
      await store.ingest(inputOf(stories));
    }
    // The writer itself checkpoints only past 256 MB of log: the file grows only by the worker's checkpoints.
    let size = statSync(path).size;
    for (let waited = 0; size <= before && waited < 5000; waited += 50) {
      await sleep(50);
      size = statSync(path).size;
    }
    assert.ok(size > before + 500_000, `the database file grew from ${before} to ${size} bytes while the store was open`);
  } finally {
    await store.close();
  }
});

test('sqlite: readWithin stops reading at its time budget and says the rows did not end', () => {
  const db = new Database(':memory:');
  const endless = db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) SELECT i FROM n').raw();
  const started = performance.now();
  const cut = readWithin(endless, [], 20);
  assert.equal(cut.complete, false);
  assert.ok(cut.rows.length > 0 && cut.rows.length < 100_000_000);
  assert.ok(performance.now() - started < 1000, 'it stopped soon after the budget');
  const whole = readWithin(db.prepare('SELECT 1 UNION ALL SELECT 2').raw(), [], 20);
  assert.deepEqual(whole, { rows: [[1], [2]], complete: true });
  db.close();
});
