import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { filesUnder, sharedPath, skipWithout } from '../testing/shared-data.js';
import { ingestPaths } from './ingest.js';

const freshFolder = () => mkdtempSync(join(tmpdir(), 'slugline-ingest-'));

/**
 * The seed cut into the two takes it was filed as: `BFF-20` up to its `MORE` line,
 * and `BFF-21` (the slug line repeated, as a second take is filed) with the rest.
 */
function seedTakes(): { whole: string; first: string; second: string } {
  const whole = readFileSync(filesUnder(sharedPath('seed')!)[0]!, 'utf8');
  const lines = whole.split('\n');
  const more = lines.findIndex((line) => line.startsWith('MORE/'));
  assert.ok(more > 0, 'the seed has a MORE line between its takes');
  const slugLine = lines[0]!;
  const first = [slugLine.replace('BFF-20, 21', 'BFF-20'), ...lines.slice(1, more + 1)].join('\n') + '\n';
  const second = [slugLine.replace('BFF-20, 21', 'BFF-21'), '', ...lines.slice(more + 1)].join('\n');
  return { whole, first, second };
}

for (const order of [['first', 'second'], ['second', 'first']] as const) {
  test(`the seed's two takes, ingested ${order.join(' then ')}, make one story with the text of the whole seed`, { skip: skipWithout('seed') }, async () => {
    const folder = freshFolder();
    const { whole, first, second } = seedTakes();
    const takes = { first, second };
    const store = SqliteStore.open(join(folder, 'archive.db'));
    try {
      const paths = order.map((name) => {
        const path = join(folder, `${name}.txt`);
        writeFileSync(path, takes[name]);
        return path;
      });
      const firstRun = await ingestPaths(store, [paths[0]!], { enrich: false });
      assert.equal(firstRun.stories.new, 1);
      const secondRun = await ingestPaths(store, [paths[1]!], { enrich: false });
      assert.equal(secondRun.stories.newVersions, 1);
      assert.equal((await store.stats()).stories, 1);
      const [hit] = (await store.search({ query: 'slug:BFF' })).hits;
      const joined = (await store.story(hit!.id))!;
      assert.equal(joined.complete, true);
      assert.deepEqual(joined.story.takes, [20, 21]);
      // The whole seed, read alone, for comparison.
      const wholePath = join(folder, 'whole.txt');
      writeFileSync(wholePath, whole);
      const alone = SqliteStore.open(join(folder, 'alone.db'));
      await ingestPaths(alone, [wholePath], { enrich: false });
      const [aloneHit] = (await alone.search({ query: '' })).hits;
      const reference = (await alone.story(aloneHit!.id))!.story;
      await alone.close();
      assert.deepEqual(
        joined.story.body.map((block) => block.text),
        reference.body.map((block) => block.text),
      );
      assert.deepEqual(joined.story.signoffs.map((signoff) => signoff.text), reference.signoffs.map((signoff) => signoff.text));
      assert.equal(joined.story.headline, reference.headline);
      assert.equal(joined.story.dateline?.text, reference.dateline?.text);
      // Ingesting the whole seed into the archive with both takes is the same story, the same text: a duplicate.
      const wholeRun = await ingestPaths(store, [wholePath], { enrich: false });
      assert.equal(wholeRun.stories.duplicates, 1);
      assert.equal((await store.stats()).stories, 1);
    } finally {
      await store.close();
    }
  });
}

test('ingests folders recursively and standard input, accounts for every input, and a second run changes nothing', async () => {
  const folder = freshFolder();
  mkdirSync(join(folder, 'in', 'deeper'), { recursive: true });
  writeFileSync(join(folder, 'in', 'one.txt'), 'XYZ-1 Invented ferry resumes\n\nEXAMPLETOWN, May 6, 2024 (INV) – The invented ferry resumed service on Monday.\n\nINV/ABC/1000 hrs\n');
  writeFileSync(join(folder, 'in', 'deeper', 'broken.xml'), '<?xml version="1.0"?><nitf><head><title>Broken</title></head><body><body.content><p>Cut off');
  writeFileSync(join(folder, 'in', '.hidden'), 'not read');
  const store = SqliteStore.open(join(folder, 'archive.db'));
  try {
    const first = await ingestPaths(store, [join(folder, 'in')], { enrich: false });
    assert.equal(first.inputs, 2);
    assert.equal(first.stored, 1);
    assert.equal(first.quarantined, 1);
    const [quarantined] = await store.quarantined();
    assert.match(quarantined!.error!, /broken\.xml/);
    const before = await store.stats();
    const second = await ingestPaths(store, [join(folder, 'in')], { enrich: false });
    assert.equal(second.duplicates, 2);
    assert.deepEqual(await store.stats(), before);
    const missing = await ingestPaths(store, [join(folder, 'no-such-thing')], { enrich: false });
    assert.deepEqual(missing.unreadable, [{ path: join(folder, 'no-such-thing'), reason: 'no such file or folder' }]);
  } finally {
    await store.close();
  }
});
