/**
 * A drop folder: files put into it are ingested as they arrive, then moved to
 * `processed/` (kept, or received before) or to `failed/` with a `.reason.txt` beside
 * them (quarantined: the archive keeps the bytes too). A file is taken only once it
 * has stopped changing (the same size and modification time for `settleMs`), so a
 * file still being written or copied is never read half-way; names beginning with a
 * dot or ending in `.tmp`, `.part` or `.partial` (how uploaders write before they
 * rename) are left alone.
 */
import { watch as watchFolder } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Store } from '../store/store.js';
import { count, emptySummary, hashBytes, preparer, readIncoming } from './ingest.js';
import type { IngestOptions, IngestSummary } from './ingest.js';
import type { IngestReport } from '../store/store.js';

export interface WatchOptions extends IngestOptions {
  /** How long a file must stay unchanged before it is taken (default 1000 ms). */
  settleMs?: number;
  /** How often the folder is looked at besides change events (default 500 ms). */
  pollMs?: number;
  /** Called after each file is taken. */
  onFile?: (report: IngestReport, movedTo: string) => void;
  /** Called when a file cannot be taken (unreadable, cannot be moved); the watch goes on. */
  onError?: (path: string, message: string) => void;
}

const skipped = /^\.|\.(?:tmp|part|partial|crdownload)$/i;

/** A running watch: `stop()` ends it after the file in hand. */
export interface Watcher {
  readonly summary: IngestSummary;
  stop(): Promise<void>;
}

/** Starts watching `folder` (made when missing, with `processed/` and `failed/`). */
export async function watchDropFolder(store: Store, folder: string, options: WatchOptions = {}): Promise<Watcher> {
  const settleMs = options.settleMs ?? 1000;
  const pollMs = options.pollMs ?? 500;
  const processed = join(folder, 'processed');
  const failed = join(folder, 'failed');
  await mkdir(processed, { recursive: true });
  await mkdir(failed, { recursive: true });
  const summary = emptySummary();
  const prepare = preparer(options);
  /** What each candidate looked like when last seen, and since when. */
  const seen = new Map<string, { size: number; mtime: number; since: number }>();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const take = async (path: string): Promise<void> => {
    const bytes = await readFile(path);
    const hash = hashBytes(bytes);
    const report: IngestReport = (await store.hasInput(hash))
      ? { input: 'duplicate', hash, origin: path, stories: [], error: null }
      : await store.ingest(readIncoming(bytes, path, options, hash), prepare);
    count(summary, report);
    const target = await freeName(report.input === 'quarantined' ? failed : processed, basename(path));
    await rename(path, target);
    if (report.input === 'quarantined') await writeFile(`${target}.reason.txt`, `${report.error ?? 'could not be read'}\n(the archive keeps the bytes as input ${report.hash})\n`);
    options.onFile?.(report, target);
  };

  const scan = async (): Promise<void> => {
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch (error) {
      options.onError?.(folder, (error as Error).message);
      return;
    }
    const now = Date.now();
    for (const name of names) {
      if (stopped) return;
      if (skipped.test(name)) continue;
      const path = join(folder, name);
      let info;
      try {
        info = await stat(path);
      } catch {
        seen.delete(path);
        continue;
      }
      if (!info.isFile()) continue;
      const before = seen.get(path);
      if (before === undefined || before.size !== info.size || before.mtime !== info.mtimeMs) {
        seen.set(path, { size: info.size, mtime: info.mtimeMs, since: now });
        continue;
      }
      if (now - before.since < settleMs) continue;
      seen.delete(path);
      try {
        await take(path);
      } catch (error) {
        options.onError?.(path, (error as Error).message);
      }
    }
  };

  const kick = () => {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = scan().finally(() => {
      running = null;
      if (again) {
        again = false;
        kick();
      }
    });
  };

  const events = watchFolder(folder, () => kick());
  events.on('error', (error) => options.onError?.(folder, error.message));
  const timer = setInterval(kick, pollMs);
  kick();
  return {
    summary,
    async stop() {
      stopped = true;
      clearInterval(timer);
      events.close();
      // The file in hand is finished, then the watch ends.
      while (running !== null) await running;
    },
  };
}

/** `folder/name`, or `folder/name.2`, `.3`, … when taken. */
async function freeName(folder: string, name: string): Promise<string> {
  const existing = new Set(await readdir(folder));
  if (!existing.has(name)) return join(folder, name);
  for (let index = 2; ; index++) {
    const candidate = `${name}.${index}`;
    if (!existing.has(candidate)) return join(folder, candidate);
  }
}
