/**
 * The archive's commands: ingest, search, show, history, export, stats. Each opens
 * the archive named by `--db`, else the environment's `SLUGLINE_DB`, else
 * `./slugline.db`.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ingestPaths } from '../archive/ingest.js';
import type { IngestProgress, IngestSummary } from '../archive/ingest.js';
import { UsageError } from '../errors.js';
import { QuerySyntaxError } from '../search/query.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { SearchResults, SortOrder } from '../store/store.js';
import { readArguments, readerOption, withoutOption, writerOption } from './inputs.js';
import type { Output } from './output.js';

export const DEFAULT_DB = 'slugline.db';

/** The archive's path: `--db`, else `SLUGLINE_DB`, else `./slugline.db`. */
export function dbPath(option: string | undefined): string {
  return option ?? process.env.SLUGLINE_DB ?? DEFAULT_DB;
}

const dbOption = { db: { type: 'string' } } as const;

export const ingestHelp = `Usage: slugline ingest PATH… [options]

Keeps every input (files; folders, recursively; - for standard input) in the
archive: its exact bytes first, then its stories, enriched, as new stories or new
versions of stories already kept; takes filed separately are joined. An input that
cannot be read is quarantined with the reason, never dropped; the same bytes again
are a duplicate and change nothing.

Options:
  --db FILE          the archive (default: $SLUGLINE_DB, else ./slugline.db)
  --from FORMAT      read every input as FORMAT instead of detecting it
  --no-enrich        keep stories without enrichment (faster)
  --without LIST     leave out these enrichers (comma-separated)
  --json             print the summary as JSON
  --log              print a JSON line for each input as soon as it is kept
  --durable          make every input survive power loss too (slower)

Exit status: 0 when every input was kept (quarantined ones count as kept), 1 when a
path could not be read, 2 on a usage error.`;

export async function ingestCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('ingest', {
    args: argv,
    allowPositionals: true,
    options: { ...dbOption, from: { type: 'string' }, 'no-enrich': { type: 'boolean' }, without: { type: 'string' }, json: { type: 'boolean' }, log: { type: 'boolean' }, durable: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new UsageError('ingest: give at least one file or folder, or - for standard input (try: slugline ingest --help)');
  const store = SqliteStore.open(dbPath(values.db), { durable: values.durable ?? false });
  try {
    const bar = process.stderr.isTTY && !values.json ? new ProgressBar() : null;
    const summary = await ingestPaths(
      store,
      positionals,
      { enrich: !values['no-enrich'], without: withoutOption(values.without), from: readerOption(values.from) },
      (state) => {
        bar?.show(state);
        // Written at once, unbuffered: a line here means the input is committed.
        if (values.log) process.stdout.write(JSON.stringify(state.report) + '\n');
      },
    );
    bar?.done();
    if (values.json) output.out(JSON.stringify({ archive: store.location, ...summary }, null, 2) + '\n');
    else output.out(describeSummary(summary, store.location));
    for (const each of summary.unreadable) output.error(`slugline: cannot read \`${each.path}\`: ${each.reason}`);
    return summary.unreadable.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** The summary for people: one line of counts per kind. */
export function describeSummary(summary: IngestSummary, archive: string): string {
  const rate = summary.seconds > 0 ? ` (${Math.round(summary.inputs / summary.seconds)} inputs/s)` : '';
  return [
    `${summary.inputs} inputs in ${summary.seconds} s${rate} into ${archive}:`,
    `  stored       ${summary.stored}`,
    `  duplicates   ${summary.duplicates} (received before; nothing changed)`,
    `  quarantined  ${summary.quarantined}${summary.quarantined > 0 ? ' (kept with the reason: slugline stats --quarantined)' : ''}`,
    `stories: ${summary.stories.new} new, ${summary.stories.newVersions} new versions, ${summary.stories.duplicates} the same as a version kept`,
    ...(summary.unreadable.length > 0 ? [`unreadable paths: ${summary.unreadable.length}`] : []),
    '',
  ].join('\n');
}

/** A one-line progress bar on standard error, redrawn at most ten times a second. */
class ProgressBar {
  private last = 0;
  private readonly started = performance.now();

  show(state: IngestProgress): void {
    const now = performance.now();
    if (now - this.last < 100 && state.done < state.total) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const fraction = state.bytesTotal > 0 ? state.bytesDone / state.bytesTotal : state.done / Math.max(state.total, 1);
    const width = 24;
    const filled = Math.round(fraction * width);
    const rate = seconds > 0 ? state.done / seconds : 0;
    const eta = fraction > 0 ? (seconds / fraction) * (1 - fraction) : 0;
    const { summary } = state;
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${state.done}/${state.total} inputs  ${rate.toFixed(0)}/s  ETA ${clock(eta)}  stories ${summary.stories.new} new, ${summary.stories.newVersions} versions  dup ${summary.duplicates}  quarantined ${summary.quarantined}`;
    process.stderr.write(`\r${line.slice(0, (process.stderr.columns ?? 120) - 1)}\u001b[K`);
  }

  done(): void {
    process.stderr.write('\r\u001b[K');
  }
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export const searchHelp = `Usage: slugline search QUERY [options]

Finds stories in the archive. QUERY: words, "phrases", AND, OR, NOT (or -word),
prefix*, (groups), and fields: headline: body: slug: agency: person: org: place:
lang: priority: status: has:damage has:quotes from:2019-04-01 to:2019-04-30.

Options:
  --db FILE              the archive (default: $SLUGLINE_DB, else ./slugline.db)
  --sort newest|relevance  newest first (default), or best match first
  --limit N              at most N stories (default 20)
  --cursor C             the next page (printed after a page that has one)
  --facets               counts by agency, person, place and day
  --json                 print the results as JSON`;

export async function searchCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('search', {
    args: argv,
    allowPositionals: true,
    options: { ...dbOption, sort: { type: 'string' }, limit: { type: 'string' }, cursor: { type: 'string' }, facets: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const query = positionals.join(' ');
  const sort = (values.sort ?? 'newest') as SortOrder;
  if (sort !== 'newest' && sort !== 'relevance') throw new UsageError(`search: --sort must be newest or relevance, not \`${values.sort}\``);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`search: --limit must be a whole number from 1 to 1000, not \`${values.limit}\``);
  const store = SqliteStore.open(dbPath(values.db), { mustExist: true });
  try {
    let results: SearchResults;
    try {
      results = await store.search({ query, sort, limit, cursor: values.cursor ?? null, facets: values.facets ?? false });
    } catch (error) {
      if (error instanceof QuerySyntaxError) {
        output.error(`slugline: ${error.message}`);
        output.error(error.caret());
        return 2;
      }
      throw error;
    }
    if (values.json) output.out(JSON.stringify(results, null, 2) + '\n');
    else output.out(describeResults(results));
    return 0;
  } finally {
    await store.close();
  }
}

function describeResults(results: SearchResults): string {
  const lines: string[] = [];
  for (const hit of results.hits) {
    const flags = [hit.status !== 'usable' ? hit.status : '', hit.complete ? '' : `takes missing: ${hit.missingTakes.join(', ')}`, hit.versions > 1 ? `v${hit.version}` : ''].filter(Boolean).join(', ');
    lines.push(`${hit.time.slice(0, 16).replace('T', ' ')}  ${hit.id}  ${hit.agency ?? '-'}  ${hit.slug ?? ''}  ${hit.headline ?? '(no headline)'}${flags ? `  [${flags}]` : ''}`);
    if (hit.snippet) lines.push(`    ${hit.snippet}`);
  }
  lines.push(`${results.totalExact ? results.total : `at least ${results.total}`} stories match; ${results.hits.length} shown (${results.took} ms)`);
  if (results.next !== null) lines.push(`next page: --cursor ${results.next}`);
  if (results.facets !== null) {
    for (const kind of ['agency', 'person', 'place', 'day'] as const) {
      const counts = results.facets[kind];
      if (counts.length > 0) lines.push(`${kind}: ${counts.slice(0, 10).map((each) => `${each.value} (${each.count})`).join(', ')}`);
    }
    lines.push(`(facets of the newest ${results.facets.sampled} matches)`);
  }
  return lines.join('\n') + '\n';
}

export const showHelp = `Usage: slugline show ID [--version N] [--to FORMAT] [--db FILE]

Prints a story from the archive: its current version, or version N, as text (default)
or in any format slugline writes (json, ninjs, nitf, newsml-g2, rss, atom).`;

export async function showCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('show', {
    args: argv,
    allowPositionals: true,
    options: { ...dbOption, version: { type: 'string' }, to: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('show: give one story id (from slugline search)');
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new UsageError(`show: --version must be a version number (1, 2, …), not \`${values.version}\``);
  const writer = writerOption(values.to ?? 'text');
  const store = SqliteStore.open(dbPath(values.db), { mustExist: true });
  try {
    const id = positionals[0]!;
    const stored = await store.story(id, version);
    if (stored === null) {
      const exists = version !== undefined && (await store.history(id)) !== null;
      output.error(exists ? `slugline: story ${id} has no version ${version} (slugline history ${id} lists them)` : `slugline: no story ${id} in ${store.location} (find ids with slugline search)`);
      return 1;
    }
    if (stored.status === 'canceled' && writer.id === 'text') output.error(`slugline: story ${id} was killed (canceled); shown for the record`);
    output.out(writer.serialize([stored.story]));
    return 0;
  } finally {
    await store.close();
  }
}

export const historyHelp = `Usage: slugline history ID [--json] [--db FILE]

Lists a story's versions, oldest first: when each came, from which inputs, and which
is current.`;

export async function historyCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('history', { args: argv, allowPositionals: true, options: { ...dbOption, json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('history: give one story id (from slugline search)');
  const store = SqliteStore.open(dbPath(values.db), { mustExist: true });
  try {
    const history = await store.history(positionals[0]!);
    if (history === null) {
      output.error(`slugline: no story ${positionals[0]} in ${store.location}`);
      return 1;
    }
    if (values.json) output.out(JSON.stringify(history, null, 2) + '\n');
    else {
      for (const each of history) {
        output.out(`${each.current ? '*' : ' '} v${each.version}  ${each.receivedAt}  ${each.status}${each.signal ? ` ${each.signal}` : ''}${each.revision !== null ? `  revision ${each.revision}` : ''}  ${each.reason === 'take' ? 'takes joined' : 'input'} ${each.inputs.map((hash) => hash.slice(0, 12)).join(', ')}  ${each.headline ?? ''}\n`);
      }
    }
    return 0;
  } finally {
    await store.close();
  }
}

export const exportHelp = `Usage: slugline export [QUERY] --to FORMAT [-o FILE|DIR] [--db FILE]

Writes the current version of every story matching QUERY (all when none), newest
first, as json (JSON lines), ninjs, nitf or newsml-g2 (or any format slugline
writes). With -o DIR/ (an existing folder, or a path ending in /), one file per story.`;

export async function exportCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('export', {
    args: argv,
    allowPositionals: true,
    options: { ...dbOption, to: { type: 'string' }, output: { type: 'string', short: 'o' } },
  });
  if (values.to === undefined) throw new UsageError('export: say which format with --to (json, ninjs, nitf, newsml-g2, …)');
  const writer = writerOption(values.to);
  const store = SqliteStore.open(dbPath(values.db), { mustExist: true });
  const target = values.output;
  const toFolder = target !== undefined && (target.endsWith('/') || (existsSync(target) && statSync(target).isDirectory()));
  if (toFolder) mkdirSync(target, { recursive: true });
  const file = target !== undefined && !toFolder ? createWriteStream(target) : null;
  let count = 0;
  try {
    for await (const stored of store.scan(positionals.join(' '))) {
      const text = writer.serialize([stored.story]);
      if (toFolder) {
        const extension = writer.mediaType.includes('xml') ? 'xml' : writer.mediaType.includes('json') ? 'json' : 'txt';
        await writeFile(join(target, `${stored.id}.${extension}`), text);
      } else if (file !== null) {
        if (!file.write(text)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
      } else {
        output.out(text);
        await output.drain();
      }
      count++;
    }
  } finally {
    if (file !== null) await new Promise<void>((resolve) => file.end(() => resolve()));
    await store.close();
  }
  if (target !== undefined) output.error(`slugline: exported ${count} stories to ${target}`);
  return 0;
}

export const statsHelp = `Usage: slugline stats [--json] [--quarantined] [--db FILE]

What the archive holds: inputs, stories, versions, kills, incomplete stories, by
format and agency; --quarantined lists the inputs that could not be read, and why.`;

export async function statsCommand(argv: string[], output: Output): Promise<number> {
  const { values } = readArguments('stats', { args: argv, options: { ...dbOption, json: { type: 'boolean' }, quarantined: { type: 'boolean' } } });
  const store = SqliteStore.open(dbPath(values.db), { mustExist: true });
  try {
    const stats = await store.stats();
    const quarantined = values.quarantined ? await store.quarantined(1000) : [];
    if (values.json) {
      output.out(JSON.stringify(values.quarantined ? { ...stats, quarantinedInputs: quarantined } : stats, null, 2) + '\n');
      return 0;
    }
    output.out(
      [
        `${store.location}:`,
        `  inputs       ${stats.inputs} (${(stats.bytes / 1e6).toFixed(1)} MB kept), ${stats.quarantined} quarantined`,
        `  stories      ${stats.stories} in ${stats.versions} versions; ${stats.canceled} killed, ${stats.incomplete} waiting for takes`,
        `  time span    ${stats.firstStory ?? '-'} … ${stats.lastStory ?? '-'}`,
        `  by format    ${Object.entries(stats.byFormat).map(([key, value]) => `${key} ${value}`).join(', ')}`,
        `  by agency    ${Object.entries(stats.byAgency).slice(0, 12).map(([key, value]) => `${key} ${value}`).join(', ')}`,
        '',
      ].join('\n'),
    );
    for (const input of quarantined) output.out(`${input.hash.slice(0, 12)}  ${input.receivedAt}  ${input.origin}\n    ${input.error ?? ''}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const watchHelp = `Usage: slugline watch DIR [options]

Watches a drop folder: each file put into DIR is ingested once it has stopped
changing, then moved to DIR/processed/ (kept, or received before) or DIR/failed/
with a .reason.txt beside it (quarantined). Names starting with . or ending in .tmp,
.part or .partial are left alone, so uploaders can write and then rename. Runs
until interrupted (Ctrl-C), finishing the file in hand.

Options:
  --db FILE        the archive (default: $SLUGLINE_DB, else ./slugline.db)
  --settle MS      how long a file must stay unchanged before it is taken (default 1000)
  --from FORMAT    read every input as FORMAT instead of detecting it
  --no-enrich      keep stories without enrichment
  --without LIST   leave out these enrichers (comma-separated)
  --json           print one JSON line per file taken`;

export async function watchCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('watch', {
    args: argv,
    allowPositionals: true,
    options: { ...dbOption, settle: { type: 'string' }, from: { type: 'string' }, 'no-enrich': { type: 'boolean' }, without: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new UsageError('watch: give one folder to watch (try: slugline watch --help)');
  const settleMs = values.settle === undefined ? 1000 : Number(values.settle);
  if (!Number.isFinite(settleMs) || settleMs < 0) throw new UsageError(`watch: --settle must be milliseconds, not \`${values.settle}\``);
  const store = SqliteStore.open(dbPath(values.db));
  const { watchDropFolder } = await import('../archive/watch.js');
  const watcher = await watchDropFolder(store, positionals[0]!, {
    settleMs,
    enrich: !values['no-enrich'],
    without: withoutOption(values.without),
    from: readerOption(values.from),
    onFile: (report, movedTo) => {
      if (values.json) output.out(JSON.stringify({ ...report, movedTo }) + '\n');
      else output.out(`${report.input.padEnd(11)} ${report.origin} → ${movedTo}${report.stories.length > 0 ? `  (${report.stories.map((story) => `${story.id} ${story.change}`).join(', ')})` : ''}\n`);
      void output.flush();
    },
    onError: (path, message) => output.error(`slugline: cannot take \`${path}\`: ${message}`),
  });
  output.error(`slugline: watching ${positionals[0]} (into ${store.location}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await watcher.stop();
  await store.close();
  output.out(describeSummary(watcher.summary, store.location));
  return 0;
}
