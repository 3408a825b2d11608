/**
 * Ingest speed on Reuters-21578 (18 files, 18,000 stories as our reader reads them):
 * parse + store + index, without and with enrichment, beside a raw SQLite insert of
 * the same rows in the same run.
 *
 * - Slugline: `ingestPaths` into a fresh SQLite archive, as `slugline ingest` does it
 *   (each file one input: its bytes kept, its stories read, identified, versioned,
 *   indexed in FTS5 with facets, one transaction per input).
 * - The peer: the same stories (read beforehand, not timed) inserted raw: one row of
 *   Story JSON per story and one FTS5 row of headline and body, in one transaction per
 *   file: the floor of what storing and indexing them costs in SQLite.
 *
 * One core: every run is a child process started with `--single-threaded` (V8 compiles
 * and collects garbage on the main thread, not on helper threads); the archive's
 * checkpointer thread, which mostly waits for the disk, is the one other thread. Each
 * run ingests the corpus twice, each time into a fresh archive: the first pass
 * (`cold`) includes compiling the readers' code, which on 18,000 stories is a third of
 * the parse time; the second (`warm`) is the rate of an ingest that runs for long,
 * the figure the target is about. CPU seconds (all threads) are recorded beside the
 * wall clock.
 *
 * Memory: after each file, the live JavaScript heap (after a full collection) and the
 * resident set size, to show they stay flat as the corpus grows (the RSS includes
 * SQLite's page cache, 64 MB at most). Memory is measured in a run of its own: a full
 * collection forced after every file shrinks V8's young generation, and the next file
 * then reads 50 % slower, which is the measurement's cost, not the ingest's.
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
import { benchmarkCorpusFiles } from './reuters-corpus.js';
import { requestedSide, spawnSide } from './sides.js';

const dist = (path: string) => new URL(`../dist/src/${path}`, import.meta.url).href;

type Side = 'slugline' | 'slugline-enriched' | 'raw';

interface Pass {
  stories: number;
  seconds: number;
  cpuSeconds: number;
  storiesPerSecond: number;
}

interface SideResult {
  side: Side;
  cold: Pass;
  warm: Pass;
  /** Resident set size after each file, MB (from the memory run). */
  rssMb: number[];
  /** Live heap after each file (after a full collection), MB (from the memory run). */
  heapMb: number[];
}

/** Collects garbage (the children run with --expose-gc) and records the heap and the RSS. */
function sample(rss: number[], heap: number[]): void {
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  rss.push(Math.round(memory.rss / 1e6));
  heap.push(Math.round(memory.heapUsed / 1e6));
}

/** One pass of one side into a fresh archive; with `memory`, the heap and RSS sampled after each file. */
async function runPass(side: Side, files: string[], memory: { rss: number[]; heap: number[] } | null): Promise<Pass> {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-bench-ingest-'));
  const measure = memory === null ? () => {} : () => sample(memory.rss, memory.heap);
  let stories = 0;
  let seconds = 0;
  const cpu = process.cpuUsage();
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
      let parseCpu = 0;
      for (const path of files) {
        const before = process.cpuUsage();
        const read = parseSource(new SourceFile(readFileSync(path), { name: path })).stories;
        const parsed = process.cpuUsage(before);
        parseCpu += parsed.user + parsed.system;
        const started = performance.now();
        db.transaction(() => {
          for (const story of read) {
            insertStory.run(story.id, JSON.stringify(story));
            insertSearch.run(story.headline ?? '', story.body.map((block) => block.text).join('\n'));
          }
        })();
        seconds += (performance.now() - started) / 1000;
        stories += read.length;
        measure();
      }
      db.close();
      // The peer's parse is not its work: its CPU time leaves it out too.
      cpu.user += parseCpu;
    } else {
      const { ingestPaths } = (await import(dist('archive/ingest.js'))) as { ingestPaths: typeof ingestPathsType };
      const { SqliteStore } = (await import(dist('store/sqlite/sqlite-store.js'))) as { SqliteStore: typeof SqliteStoreType };
      const store = SqliteStore.open(join(folder, 'archive.db'));
      const started = performance.now();
      const summary = await ingestPaths(store, files, { enrich: side === 'slugline-enriched' }, measure);
      await store.close();
      seconds = (performance.now() - started) / 1000;
      stories = summary.stories.new + summary.stories.newVersions + summary.stories.duplicates;
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { stories, seconds: round(seconds), cpuSeconds: round(cpuSeconds), storiesPerSecond: Math.round(stories / seconds) };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** One side's child: two timed passes, or (`memory`) one pass sampling memory. */
async function runSide(side: Side, files: string[], memory: boolean): Promise<Partial<SideResult>> {
  if (memory) {
    const sampled = { rss: [] as number[], heap: [] as number[] };
    await runPass(side, files, sampled);
    return { rssMb: sampled.rss, heapMb: sampled.heap };
  }
  const cold = await runPass(side, files, null);
  const warm = await runPass(side, files, null);
  return { side, cold, warm };
}

async function main(): Promise<void> {
  const files = benchmarkCorpusFiles();
  if (files === null) return;
  const side = requestedSide();
  if (side !== null) {
    const [name, memory] = side.split(':');
    process.stdout.write(JSON.stringify(await runSide(name as Side, files, memory === 'memory')));
    return;
  }
  const results = (['raw', 'slugline', 'slugline-enriched'] as const).map((each): SideResult => {
    const timed = spawnSide<SideResult>(import.meta.url, each, ['--single-threaded']);
    const sampled = spawnSide<SideResult>(import.meta.url, `${each}:memory`, ['--single-threaded', '--expose-gc']);
    return { ...timed, rssMb: sampled.rssMb, heapMb: sampled.heapMb };
  });
  const names = { raw: 'raw SQLite insert (JSON + FTS5; parse not timed)', slugline: 'Slugline ingest, no enrichment', 'slugline-enriched': 'Slugline ingest, enriched' };
  const table = Object.fromEntries(
    results.map((result) => [
      names[result.side],
      {
        stories: result.warm.stories,
        'warm stories/s': result.warm.storiesPerSecond,
        'warm CPU µs/story': Math.round((result.warm.cpuSeconds / result.warm.stories) * 1e6),
        'cold stories/s': result.cold.storiesPerSecond,
        'heap first → last (MB)': `${result.heapMb[0]} → ${result.heapMb.at(-1)}`,
        'RSS first → last (MB)': `${result.rssMb[0]} → ${result.rssMb.at(-1)}`,
      },
    ]),
  );
  console.table(table);
  const record = { benchmark: 'archive-ingest', date: new Date().toISOString(), node: process.version, files: files.length, results, target: '≥ 3,000 stories/s without enrichment, one core (warm pass); memory flat' };
  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL('archive-ingest.json', folder), JSON.stringify(record, null, 2) + '\n');
  console.log('Wrote bench/results/archive-ingest.json');
}

await main();
