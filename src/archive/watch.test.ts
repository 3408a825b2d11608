import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { watchDropFolder } from './watch.js';

const story = (slug: string, text: string) => `${slug} Invented story ${slug}\n\nEXAMPLETOWN, May 6, 2024 (INV) – ${text}\n\nINV/ABC/1000 hrs\n`;

async function until(condition: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) assert.fail(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

test('a drop folder takes files once they stop changing, moves them to processed/ or failed/ with the reason, and leaves .part files alone', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-watch-'));
  const drop = join(folder, 'drop');
  const store = SqliteStore.open(join(folder, 'archive.db'));
  const taken: string[] = [];
  const watcher = await watchDropFolder(store, drop, { enrich: false, settleMs: 300, pollMs: 50, onFile: (report) => taken.push(report.origin) });
  try {
    // A file written in two parts, the second after a pause shorter than the settle time: read once, whole.
    const slow = join(drop, 'slow.txt');
    writeFileSync(slow, story('INV-1', 'The invented ferry resumed service'));
    await sleep(120);
    appendFileSync(slow, ' on Monday after a week of repairs.\n');
    // An uploader's temporary name, renamed when done.
    const part = join(drop, 'upload.txt.part');
    writeFileSync(part, story('INV-2', 'The invented harbour reopened on Tuesday.'));
    await sleep(500);
    assert.ok(existsSync(part), 'a .part file is left alone');
    renameSync(part, join(drop, 'upload.txt'));
    writeFileSync(join(drop, 'broken.xml'), '<?xml version="1.0"?><nitf><body><p>cut off');
    await until(() => taken.length === 3, 'three files taken');
    assert.deepEqual(readdirSync(join(drop, 'processed')).sort(), ['slow.txt', 'upload.txt']);
    assert.deepEqual(readdirSync(join(drop, 'failed')).sort(), ['broken.xml', 'broken.xml.reason.txt']);
    assert.match(readFileSync(join(drop, 'failed', 'broken.xml.reason.txt'), 'utf8'), /broken\.xml/);
    // The slow file was read whole, not half-way.
    const found = await store.search({ query: '"week of repairs"' });
    assert.equal(found.hits.length, 1);
    // The same bytes dropped again: a duplicate, moved to processed/ under a free name.
    writeFileSync(join(drop, 'slow.txt'), readFileSync(join(drop, 'processed', 'slow.txt')));
    await until(() => taken.length === 4, 'the duplicate taken');
    assert.deepEqual(readdirSync(join(drop, 'processed')).sort(), ['slow.txt', 'slow.txt.2', 'upload.txt']);
    assert.equal(watcher.summary.duplicates, 1);
    assert.equal((await store.stats()).stories, 2);
  } finally {
    await watcher.stop();
    await store.close();
  }
});
