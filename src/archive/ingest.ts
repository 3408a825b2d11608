/**
 * Ingest: inputs (files, folders, standard input) read, enriched and kept in an
 * archive, one input at a time, each in its own transaction. Raw first: whatever the
 * reader makes of an input, its bytes are kept; an input no reader can read is
 * quarantined with the reader's message, never dropped; the same bytes twice are
 * one input.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { enrichStory } from '../enrich/index.js';
import { ParseError, SluglineError } from '../errors.js';
import { parseSource } from '../formats/index.js';
import { SourceFile } from '../source/source-file.js';
import type { Story } from '../story/story.js';
import type { IncomingInput, IngestReport, Store } from '../store/store.js';

export interface IngestOptions {
  /** Run the enrichers on every story (default true). */
  enrich?: boolean;
  /** Enrichers to leave out. */
  without?: readonly string[];
  /** Read every input as this format, not by detection. */
  from?: string | null;
  /** The clock, for tests. */
  now?: () => Date;
}

/** SHA-256 of bytes, lower-case hex. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What `prepare` does to every story the archive keeps: enrichment, unless switched off. */
export function preparer(options: IngestOptions): (story: Story) => Story {
  if (options.enrich === false) return (story) => story;
  const without = options.without ?? [];
  return (story) => enrichStory(story, { without });
}

/** Reads one input's bytes into stories (enriched), or the reason it cannot be read; `hash` when the caller has it already. */
export function readIncoming(bytes: Uint8Array, origin: string, options: IngestOptions = {}, hash: string = hashBytes(bytes)): IncomingInput {
  const receivedAt = (options.now?.() ?? new Date()).toISOString();
  const record = { hash, origin, receivedAt, size: bytes.byteLength };
  const prepare = preparer(options);
  try {
    const file = new SourceFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { name: origin, receivedAt });
    const { stories } = parseSource(file, { from: options.from ?? null });
    const format = stories[0]?.source.format ?? null;
    return { record, bytes, format, stories: stories.map(prepare), error: null };
  } catch (error) {
    if (error instanceof ParseError) return { record, bytes, format: null, stories: [], error: { message: error.message, diagnostics: [...error.diagnostics] } };
    if (error instanceof SluglineError) return { record, bytes, format: null, stories: [], error: { message: error.message, diagnostics: [] } };
    // A reader's bug must not lose the input either: it is quarantined with what went wrong.
    const message = `Cannot read \`${origin}\`: the reader failed (${(error as Error).message}); the input is kept, quarantined; please report it with the file`;
    return { record, bytes, format: null, stories: [], error: { message, diagnostics: [] } };
  }
}

/** Counts of what an ingest did. */
export interface IngestSummary {
  inputs: number;
  /** Inputs kept whose stories are new or new versions. */
  stored: number;
  /** Inputs received before (the same bytes): nothing changed. */
  duplicates: number;
  quarantined: number;
  stories: { new: number; newVersions: number; duplicates: number };
  /** Paths that could not be read at all (permissions, vanished), with why. */
  unreadable: { path: string; reason: string }[];
  seconds: number;
}

export function emptySummary(): IngestSummary {
  return { inputs: 0, stored: 0, duplicates: 0, quarantined: 0, stories: { new: 0, newVersions: 0, duplicates: 0 }, unreadable: [], seconds: 0 };
}

/** Adds one input's report to a summary. */
export function count(summary: IngestSummary, report: IngestReport): void {
  summary.inputs++;
  if (report.input === 'duplicate') summary.duplicates++;
  else if (report.input === 'quarantined') summary.quarantined++;
  else summary.stored++;
  for (const story of report.stories) {
    if (story.change === 'new') summary.stories.new++;
    else if (story.change === 'new-version') summary.stories.newVersions++;
    else summary.stories.duplicates++;
  }
}

/** One file found under the paths given: its path and size. */
export interface FoundFile {
  path: string;
  size: number;
}

/**
 * The files the paths name, folders walked recursively in name order; hidden files
 * and folders (`.name`) are left out. Paths that cannot be read are reported to
 * `unreadable`, not thrown.
 */
export async function findFiles(paths: readonly string[], unreadable: (path: string, reason: string) => void): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  const visit = async (path: string, top: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      unreadable(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message);
      return;
    }
    if (info.isDirectory()) {
      let names: string[];
      try {
        names = (await readdir(path)).sort();
      } catch (error) {
        unreadable(path, (error as Error).message);
        return;
      }
      for (const name of names) if (!name.startsWith('.')) await visit(join(path, name), false);
    } else if (info.isFile() || top) {
      found.push({ path, size: info.size });
    }
  };
  for (const path of paths) await visit(path, true);
  return found;
}

export interface IngestProgress {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  summary: IngestSummary;
  /** The input just kept (committed: it survives a crash from here on). */
  report: IngestReport;
}

/**
 * Ingests files and folders (and `-`, standard input) into the store, one input at a
 * time; `progress` is called after each. Inputs already in the archive (by hash) are
 * not read again.
 */
export async function ingestPaths(
  store: Store,
  paths: readonly string[],
  options: IngestOptions = {},
  progress: (state: IngestProgress) => void = () => {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const files = await findFiles(
    paths.filter((path) => path !== '-'),
    (path, reason) => summary.unreadable.push({ path, reason }),
  );
  const total = files.length + (paths.includes('-') ? 1 : 0);
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
  let bytesDone = 0;
  const prepare = preparer(options);
  const take = async (bytes: Uint8Array, origin: string): Promise<IngestReport> => {
    const hash = hashBytes(bytes);
    const report: IngestReport = (await store.hasInput(hash))
      ? { input: 'duplicate', hash, origin, stories: [], error: null }
      : await store.ingest(readIncoming(bytes, origin, options, hash), prepare);
    count(summary, report);
    return report;
  };
  if (paths.includes('-')) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const report = await take(Buffer.concat(chunks), '-');
    progress({ done: 1, total, bytesDone, bytesTotal, summary, report });
  }
  for (const [index, file] of files.entries()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file.path);
    } catch (error) {
      summary.unreadable.push({ path: file.path, reason: (error as Error).message });
      continue;
    }
    const report = await take(bytes, file.path);
    bytesDone += file.size;
    progress({ done: index + 1 + (paths.includes('-') ? 1 : 0), total, bytesDone, bytesTotal, summary, report });
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}
