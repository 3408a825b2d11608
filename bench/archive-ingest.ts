/**
 * Ingest speed on Reuters-21578 (21,578 stories in 22 files): parse + store + index,
 * without and with enrichment, beside a raw SQLite insert of the same rows in the
 * same run.
 *
 * - Slugline: `ingestPaths` into a fresh SQLite archive, as `slugline ingest` does it
 *   (each file one input: its bytes kept, its stories read, identified, versioned,
 *   indexed in FTS5 with facets, one transaction per input).
 * - The peer: the same stories (read beforehand, not timed) inserted raw: one row of
 *   Story JSON per story and one FTS5 row of headline and body, in one transaction per
 *   file: the floor of what storing and indexing them costs in SQLite.
 * Memory: after each file, the live JavaScript heap (after a full collection) and the
 * resident set size, to show they stay flat as the corpus grows (the RSS includes
 * SQLite's page cache, 64 MB at most). Each side runs in a child process of its own,
 * one after the other.
 *
 * Run: `npm run bench:archive-ingest` (it builds first). Writes
 * `bench/results/archive-ingest.json`. Target: ≥ 3,000 stories/s without enrichment.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ingestPaths as ingestPathsType } from '../src/archive/ingest.js';
import type { parseSource as parseSourceType } from '../src/formats/index.js';
import type { SourceFile as SourceFileType } from '../src/source/source-file.js';
import type { SqliteStore as SqliteStoreType } from '../src/store/sqlite/sqlite-store.js';
import { reutersCorpusFiles } from './reuters-corpus.js';
import { requestedSide, spawnSide } from './sides.js';

const dist = (path: string) => new URL(`../dist/src/${path}`, import.meta.url).href;

type Side = 'slugline' | 'slugline-enriched' | 'raw';

interface SideResult {
  side: Side;
  stories: number;
  seconds: number;
  storiesPerSecond: number;
  /** Resident set size after each file, MB. */
  rssMb: number[];
  /** Live heap after each file (after a full collection), MB. */
  heapMb: number[];
}

/** Collects garbage (the children run with --expose-gc) and records the heap and the RSS. */
function sample(rss: number[], heap: number[]): void {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  rss.push(Math.round(memory.rss / 1e6));
  heap.push(Math.round(memory.heapUsed / 1e6));
}

async function runSide(side: Side, files: string[]): Promise<SideResult> {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-bench-ingest-'));
  const rss: number[] = [];
  const heap: number[] = [];
  let stories = 0;
  let seconds = 0;
  try {
    if (side === 'raw') {
      const { parseSource } = (await import(dist('formats/index.js'))) as { parseSource: typeof parseSourceType };
      const { SourceFile } = (await import(dist('source/source-file.js'))) as { SourceFile: typeof SourceFileType };
      const db = new Database(join(folder, 'raw.db'));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.exec("CREATE TABLE stories (id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID; CREATE VIRTUAL TABLE search USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')");
      const insertStory = db.prepare('INSERT OR REPLACE INTO stories (id, json) VALUES (?, ?)');
      const insertSearch = db.prepare('INSERT INTO search (headline, body) VALUES (?, ?)');
      for (const path of files) {
        const read = parseSource(new SourceFile(readFileSync(path), { name: path })).stories;
        const started = performance.now();
        db.transaction(() => {
          for (const story of read) {
            insertStory.run(story.id, JSON.stringify(story));
            insertSearch.run(story.headline ?? '', story.body.map((block) => block.text).join('\n'));
          }
        })();
        seconds += (performance.now() - started) / 1000;
        stories += read.length;
        sample(rss, heap);
      }
      db.close();
    } else {
      const { ingestPaths } = (await import(dist('archive/ingest.js'))) as { ingestPaths: typeof ingestPathsType };
      const { SqliteStore } = (await import(dist('store/sqlite/sqlite-store.js'))) as { SqliteStore: typeof SqliteStoreType };
      const store = SqliteStore.open(join(folder, 'archive.db'));
      let sampling = 0;
      const started = performance.now();
      const summary = await ingestPaths(store, files, { enrich: side === 'slugline-enriched' }, () => {
        const before = performance.now();
        sample(rss, heap);
        sampling += performance.now() - before;
      });
      // The collections forced to measure memory are not ingest time.
      seconds = (performance.now() - started - sampling) / 1000;
      stories = summary.stories.new + summary.stories.newVersions + summary.stories.duplicates;
      await store.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { side, stories, seconds: Math.round(seconds * 100) / 100, storiesPerSecond: Math.round(stories / seconds), rssMb: rss, heapMb: heap };
}

async function main(): Promise<void> {
  const files = reutersCorpusFiles();
  if (files === null) {
    console.log('needs ../shared/data/reuters21578: skipped');
    return;
  }
  const side = requestedSide();
  if (side !== null) {
    process.stdout.write(JSON.stringify(await runSide(side as Side, files)));
    return;
  }
  const results = (['raw', 'slugline', 'slugline-enriched'] as const).map((each) => spawnSide<SideResult>(import.meta.url, each, ['--expose-gc']));
  const table = Object.fromEntries(
    results.map((result) => [
      { raw: 'raw SQLite insert (JSON + FTS5)', slugline: 'Slugline ingest, no enrichment', 'slugline-enriched': 'Slugline ingest, enriched' }[result.side],
      { stories: result.stories, seconds: result.seconds, 'stories/s': result.storiesPerSecond, 'heap first → last (MB)': `${result.heapMb[0]} → ${result.heapMb.at(-1)}`, 'RSS first → last (MB)': `${result.rssMb[0]} → ${result.rssMb.at(-1)}` },
    ]),
  );
  console.table(table);
  const record = { benchmark: 'archive-ingest', date: new Date().toISOString(), node: process.version, files: files.length, results, target: '≥ 3,000 stories/s without enrichment, one core; memory flat' };
  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL('archive-ingest.json', folder), JSON.stringify(record, null, 2) + '\n');
  console.log('Wrote bench/results/archive-ingest.json');
}

await main();
