/**
 * The embedded archive: one SQLite file (better-sqlite3), in WAL mode, with an FTS5
 * index for search.
 *
 * Search is fast at a million stories because the index's rowids are the stories'
 * times, negated: a story's search rowid is −(its time in seconds from 1900 × 2²⁰ plus
 * a counter), so FTS5's own ascending rowid order is newest first: `ORDER BY rowid
 * LIMIT n` reads n matches and stops, and a date range is a rowid range that FTS5
 * seeks to (it seeks to a lower bound in ascending order, not to an upper bound in
 * descending order: 1.3 ms against 53 ms for a year of a common word at 1M stories).
 * Relevance ranks the newest `RELEVANCE_WINDOW` matches by BM25 computed here (see
 * search/rank.ts; FTS5's `bm25()` counts each word's stories over the whole index on
 * every query: about a second for a common word at 1M); facets count the newest
 * `FACET_SAMPLE` matches; totals are exact up to `TOTAL_LIMIT`; counting and reading
 * for relevance stop at a time budget. Each bound keeps a query's cost in proportion
 * to what it shows, not to how many of a million stories a common word is in.
 *
 * Ingest writes each input's search rows at the end of its transaction in ascending
 * rowid order (see `pendingSearch`), and checkpoints on another thread (see
 * checkpointer.ts).
 *
 * Durability: each input is one transaction; WAL with `synchronous = NORMAL` survives
 * the process being killed at any moment (what a commit wrote is in the log);
 * `durable: true` (`synchronous = FULL`) survives the machine losing power as well.
 */
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import { SluglineError } from '../../errors.js';
import { Checkpointer } from './checkpointer.js';
import { assembleTakes, contentFingerprint, isKill, isPartialTake, storyIdOf, storyKey, storyTime } from '../../archive/identity.js';
import { SEARCH_COLUMNS, agencyOf, facetValues, searchFields } from '../../archive/fields.js';
import { parseQuery } from '../../search/query.js';
import { toFts5 } from '../../search/fts5.js';
import { containsTerm, inverseDocumentFrequency, rankTerms, readVarints, scoreDocuments } from '../../search/rank.js';
import type { RankDocument, RankTerm } from '../../search/rank.js';
import { snippetOf } from '../../search/snippet.js';
import type { Story } from '../../story/story.js';
import type {
  ArchiveStats,
  FacetCount,
  IncomingInput,
  IngestReport,
  SearchHit,
  SearchRequest,
  SearchResults,
  Store,
  StoreCapabilities,
  StoredInput,
  StoredStory,
  StoryChange,
  StorySummary,
  VersionSummary,
} from '../store.js';

/** Matches ranked by relevance: the newest this many (ranking more costs in proportion). */
export const RELEVANCE_WINDOW = 2_000;
/** Matches the facet counts are made from: the newest this many. */
export const FACET_SAMPLE = 1_000;
/** Stories the document counts of relevance (BM25's IDF) are taken from: the newest this many. */
export const IDF_SAMPLE = 20_000;
/** Matches counted for `total`; beyond it the total says "at least". */
export const TOTAL_LIMIT = 1_000;
/**
 * Time a search may spend counting matches for its total (and sampling them for
 * facets), and reading the matches it ranks by relevance, in milliseconds. A phrase of
 * very common words found in few stories (`"in mln"`: 1,268 of a million) makes FTS5
 * read the positions of both words in hundreds of thousands of stories to find each
 * match; past these budgets the total says "at least" what was counted, facets count
 * the matches found, and relevance ranks the newest matches found.
 */
export const COUNT_BUDGET_MS = 15;
export const RANK_BUDGET_MS = 60;

const SLOT_BITS = 20;
const SLOTS = 2 ** SLOT_BITS;
/** Seconds from 1900-01-01 to 1970-01-01: times before 1970 still sort. */
const EPOCH_OFFSET = 2_208_988_800;

/** The time key of the second `iso` falls in (search rowids are its negation, less a counter). */
function rowidBase(iso: string): number {
  const seconds = Math.floor(Date.parse(iso) / 1000) + EPOCH_OFFSET;
  // 2³³ seconds (to the year 2172) × 2²⁰ slots is the largest safe integer.
  return Math.min(Math.max(seconds, 0), 2 ** 33 - 1) * SLOTS;
}

/** The time (ISO) a search rowid stands for, to the second. */
function rowidTime(rowid: number): string {
  return new Date((Math.floor(-rowid / SLOTS) - EPOCH_OFFSET) * 1000).toISOString();
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS inputs (
  hash TEXT PRIMARY KEY,
  origin TEXT NOT NULL,
  received_at TEXT NOT NULL,
  size INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  format TEXT,
  error TEXT,
  diagnostics TEXT NOT NULL,
  stories TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS inputs_received ON inputs (outcome, received_at);
CREATE TABLE IF NOT EXISTS input_bytes (hash TEXT NOT NULL UNIQUE, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
  id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  versions INTEGER NOT NULL,
  current INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  revision INTEGER,
  status TEXT NOT NULL,
  headline TEXT,
  slug TEXT,
  agency TEXT,
  language TEXT,
  priority TEXT,
  format TEXT,
  time TEXT NOT NULL,
  complete INTEGER NOT NULL,
  missing TEXT NOT NULL,
  search_rowid INTEGER NOT NULL UNIQUE,
  indexed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS versions (
  story TEXT NOT NULL,
  version INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  inputs TEXT NOT NULL,
  reason TEXT NOT NULL,
  revision INTEGER,
  signal TEXT,
  status TEXT NOT NULL,
  headline TEXT,
  json TEXT NOT NULL,
  UNIQUE (story, version)
);
CREATE TABLE IF NOT EXISTS takes (
  story TEXT NOT NULL,
  take INTEGER NOT NULL,
  input TEXT NOT NULL,
  json TEXT NOT NULL,
  UNIQUE (story, take)
);
CREATE TABLE IF NOT EXISTS facets (rowid_ INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS facets_rowid ON facets (rowid_);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(${SEARCH_COLUMNS.join(', ')}, tokenize = 'unicode61 remove_diacritics 2');
`;

const SCHEMA_VERSION = '2';

export interface SqliteStoreOptions {
  /** `synchronous = FULL`: survive power loss too, at some cost in ingest speed. */
  durable?: boolean;
  /** Open an existing archive only, never make one. */
  mustExist?: boolean;
  readonly?: boolean;
}

interface StoryRow {
  id: string;
  key: string;
  versions: number;
  current: number;
  fingerprint: string;
  revision: number | null;
  status: string;
  headline: string | null;
  slug: string | null;
  agency: string | null;
  language: string | null;
  priority: string | null;
  format: string | null;
  time: string;
  complete: number;
  missing: string;
  search_rowid: number;
  indexed: number;
}

interface VersionRow {
  story: string;
  version: number;
  received_at: string;
  inputs: string;
  reason: string;
  revision: number | null;
  signal: string | null;
  status: string;
  headline: string | null;
  json: string;
}

interface InputRow {
  hash: string;
  origin: string;
  received_at: string;
  size: number;
  outcome: string;
  format: string | null;
  error: string | null;
  diagnostics: string;
  stories: string;
}

export class SqliteStore implements Store {
  readonly capabilities: StoreCapabilities = { search: true, relevance: true, facets: true, concurrentWriters: false };
  private readonly db: SqliteDatabase;
  private readonly statements: Record<string, Statement>;
  /**
   * Search rows of the open transaction, written at its end in ascending rowid order:
   * FTS5 writes out its pending terms whenever a rowid is lower than the one before,
   * and rowids are negated times, so a file of stories in time order would otherwise
   * write one index segment per story (2.4 times the cost of the insert).
   */
  private readonly pendingSearch = new Map<number, Record<string, string>>();
  /** Searches' statements by SQL: a query shape is prepared once. */
  private readonly queries = new Map<string, Statement>();
  /** Started by the first ingest: checkpoints on another thread (see checkpointer.ts). */
  private checkpointer: Checkpointer | null = null;

  private constructor(
    readonly location: string,
    db: SqliteDatabase,
  ) {
    this.db = db;
    const prepare = (sql: string) => db.prepare(sql);
    this.statements = {
      hasInput: prepare('SELECT 1 FROM inputs WHERE hash = ?'),
      insertInput: prepare('INSERT INTO inputs (hash, origin, received_at, size, outcome, format, error, diagnostics, stories) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertBytes: prepare('INSERT INTO input_bytes (hash, bytes) VALUES (?, ?)'),
      story: prepare('SELECT * FROM stories WHERE id = ?'),
      insertStory: prepare(
        'INSERT INTO stories (id, key, versions, current, fingerprint, revision, status, headline, slug, agency, language, priority, format, time, complete, missing, search_rowid, indexed) VALUES (@id, @key, @versions, @current, @fingerprint, @revision, @status, @headline, @slug, @agency, @language, @priority, @format, @time, @complete, @missing, @search_rowid, @indexed)',
      ),
      updateStory: prepare(
        'UPDATE stories SET versions = @versions, current = @current, fingerprint = @fingerprint, revision = @revision, status = @status, headline = @headline, slug = @slug, agency = @agency, language = @language, priority = @priority, format = @format, time = @time, complete = @complete, missing = @missing, search_rowid = @search_rowid, indexed = @indexed WHERE id = @id',
      ),
      countVersions: prepare('UPDATE stories SET versions = ? WHERE id = ?'),
      lastRowid: prepare('SELECT min(search_rowid) AS last FROM stories WHERE search_rowid BETWEEN ? AND ?'),
      insertVersion: prepare('INSERT INTO versions (story, version, received_at, inputs, reason, revision, signal, status, headline, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      version: prepare('SELECT * FROM versions WHERE story = ? AND version = ?'),
      versions: prepare('SELECT story, version, received_at, inputs, reason, revision, signal, status, headline FROM versions WHERE story = ? ORDER BY version'),
      upsertTake: prepare('INSERT INTO takes (story, take, input, json) VALUES (?, ?, ?, ?) ON CONFLICT (story, take) DO UPDATE SET input = excluded.input, json = excluded.json'),
      takes: prepare('SELECT input, json FROM takes WHERE story = ? ORDER BY take'),
      insertSearch: prepare(`INSERT INTO search (rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`),
      deleteSearch: prepare('DELETE FROM search WHERE rowid = ?'),
      insertFacet: prepare('INSERT INTO facets (rowid_, kind, value) VALUES (?, ?, ?)'),
      deleteFacets: prepare('DELETE FROM facets WHERE rowid_ = ?'),
      input: prepare('SELECT * FROM inputs WHERE hash = ?'),
      bytes: prepare('SELECT bytes FROM input_bytes WHERE hash = ?'),
      quarantined: prepare("SELECT * FROM inputs WHERE outcome = 'quarantined' ORDER BY received_at DESC LIMIT ?"),
      summariesByRowid: prepare('SELECT * FROM stories WHERE search_rowid IN (SELECT value FROM json_each(?))'),
    };
  }

  /**
   * Opens the archive at `path` (made, with its folder's file, when missing), or
   * throws a SluglineError saying what is wrong with the file and what to do.
   */
  static open(path: string, options: SqliteStoreOptions = {}): SqliteStore {
    let db: SqliteDatabase;
    try {
      db = new Database(path, { fileMustExist: options.mustExist ?? false, readonly: options.readonly ?? false });
    } catch (error) {
      throw new SluglineError(`Cannot open the archive \`${path}\`: ${(error as Error).message} (check the path, or give another with --db or SLUGLINE_DB)`);
    }
    try {
      if (!options.readonly) {
        // 8 KB pages for a new archive (fewer page splits and log frames per story: about 7 % faster ingest than 4 KB); an existing one keeps its own.
        db.pragma('page_size = 8192');
        db.pragma('journal_mode = WAL');
        db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
        // Checkpoints every 40 MB of log rather than 4: fewer, larger writes to the database file.
        db.pragma('wal_autocheckpoint = 10000');
      }
      db.pragma('busy_timeout = 5000');
      db.pragma('cache_size = -65536');
      db.pragma('temp_store = MEMORY');
      const existing = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() as { name: string } | undefined;
      if (existing !== undefined) {
        const version = (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined)?.value;
        if (version !== SCHEMA_VERSION) {
          throw new SluglineError(`Cannot open the archive \`${path}\`: it was made by another version of Slugline (schema ${version ?? 'unknown'}, this one reads ${SCHEMA_VERSION}); export it with that version, or give another --db`);
        }
      } else if (!options.readonly) {
        db.exec(SCHEMA);
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
      }
    } catch (error) {
      db.close();
      if (error instanceof SluglineError) throw error;
      throw new SluglineError(`Cannot open the archive \`${path}\`: ${(error as Error).message} (is it a Slugline archive? give another with --db or SLUGLINE_DB)`);
    }
    return new SqliteStore(path, db);
  }

  async hasInput(hash: string): Promise<boolean> {
    return this.statements.hasInput!.get(hash) !== undefined;
  }

  async ingest(input: IncomingInput, prepare: (story: Story) => Story = (story) => story): Promise<IngestReport> {
    return this.ingestNow(input, prepare);
  }

  /** `ingest`, synchronously: the work is one SQLite transaction. */
  ingestNow(input: IncomingInput, prepare: (story: Story) => Story = (story) => story): IngestReport {
    const { record } = input;
    if (this.checkpointer === null && !this.db.memory) {
      this.checkpointer = new Checkpointer(this.location);
      // The writer's own checkpoints only as a safety valve, at 256 MB of log (the log
      // starts over only when a checkpoint has caught up between two transactions, which
      // ingest that never pauses does not leave time for).
      const pageSize = this.db.pragma('page_size', { simple: true }) as number;
      this.db.pragma(`wal_autocheckpoint = ${Math.round(256 * 2 ** 20 / pageSize)}`);
    }
    const run = this.db.transaction((): IngestReport => {
      if (this.statements.hasInput!.get(record.hash) !== undefined) {
        return { input: 'duplicate', hash: record.hash, origin: record.origin, stories: [], error: null };
      }
      const changes: IngestReport['stories'] = [];
      if (input.error === null) {
        input.stories.forEach((story, index) => changes.push(this.applyStory(story, index, input, prepare)));
      }
      this.writePendingSearch();
      const outcome = input.error === null ? 'stored' : 'quarantined';
      this.statements.insertInput!.run(
        record.hash,
        record.origin,
        record.receivedAt,
        record.size,
        outcome,
        input.format,
        input.error?.message ?? null,
        JSON.stringify(input.error?.diagnostics ?? []),
        JSON.stringify([...new Set(changes.map((change) => change.id))]),
      );
      this.statements.insertBytes!.run(record.hash, Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
      return { input: outcome, hash: record.hash, origin: record.origin, stories: changes, error: input.error?.message ?? null };
    });
    try {
      return run.immediate();
    } finally {
      this.pendingSearch.clear();
    }
  }

  private writePendingSearch(): void {
    for (const rowid of [...this.pendingSearch.keys()].sort((left, right) => left - right)) {
      const fields = this.pendingSearch.get(rowid)!;
      this.statements.insertSearch!.run(rowid, ...SEARCH_COLUMNS.map((column) => fields[column]));
    }
    this.pendingSearch.clear();
  }

  private applyStory(read: Story, index: number, input: IncomingInput, prepare: (story: Story) => Story): { id: string; version: number; change: StoryChange } {
    const { record } = input;
    const key = storyKey(read, record.hash, index);
    const id = storyIdOf(key);
    const existing = this.statements.story!.get(id) as StoryRow | undefined;
    let story = read;
    let inputs = [record.hash];
    let reason: 'input' | 'take' = 'input';
    let complete = true;
    let missing: number[] = [];
    if (isPartialTake(read) && existing !== undefined && existing.complete === 1 && this.currentHasTakes(id, existing.current, read.takes)) {
      // A take of a story already kept whole (filed at once, or joined before): nothing new.
      return { id, version: existing.current, change: 'duplicate' };
    }
    if (isPartialTake(read)) {
      this.statements.upsertTake!.run(id, read.takes[0] ?? 0, record.hash, JSON.stringify(read));
      const takes = (this.statements.takes!.all(id) as { input: string; json: string }[]).map((row) => ({ input: row.input, story: JSON.parse(row.json) as Story }));
      const assembled = assembleTakes(takes.map((take) => take.story));
      story = takes.length > 1 ? prepare(assembled.story) : read;
      inputs = takes.map((take) => take.input);
      reason = takes.length > 1 ? 'take' : 'input';
      complete = assembled.complete;
      missing = assembled.missing;
    }
    const fingerprint = contentFingerprint(story);
    if (existing !== undefined && existing.fingerprint === fingerprint) {
      return { id, version: existing.current, change: 'duplicate' };
    }
    const version = (existing?.versions ?? 0) + 1;
    this.statements.insertVersion!.run(id, version, record.receivedAt, JSON.stringify(inputs), reason, story.revision, story.signal, story.status, story.headline, JSON.stringify(story));
    const becomesCurrent = existing === undefined || isKill(story) || existing.status !== 'canceled' && (story.revision ?? -1) >= (existing.revision ?? -1);
    if (!becomesCurrent) {
      this.statements.countVersions!.run(version, id);
      return { id, version, change: 'new-version' };
    }
    const time = storyTime(story, record.receivedAt);
    // This second's rowids: −base down to −(base + SLOTS − 1), the first story filed in it taking −base.
    const newest = -rowidBase(time);
    const oldest = newest - (SLOTS - 1);
    let rowid: number;
    if (existing !== undefined && existing.search_rowid >= oldest && existing.search_rowid <= newest) rowid = existing.search_rowid;
    else {
      const last = (this.statements.lastRowid!.get(oldest, newest) as { last: number | null }).last;
      rowid = last === null ? newest : last - 1;
      if (rowid < oldest) throw new SluglineError(`Cannot store story ${id}: more than ${SLOTS} stories in the second ${time}`);
    }
    if (existing !== undefined && existing.indexed) {
      if (!this.pendingSearch.delete(existing.search_rowid)) this.statements.deleteSearch!.run(existing.search_rowid);
      this.statements.deleteFacets!.run(existing.search_rowid);
    }
    const indexed = story.status !== 'canceled';
    if (indexed) {
      this.pendingSearch.set(rowid, searchFields(story));
      for (const facet of facetValues(story)) this.statements.insertFacet!.run(rowid, facet.kind, facet.value);
    }
    const row: StoryRow = {
      id,
      key,
      versions: version,
      current: version,
      fingerprint,
      revision: story.revision,
      status: story.status,
      headline: story.headline,
      slug: story.slug,
      agency: agencyOf(story),
      language: story.language ?? story.enrichment?.language?.code ?? null,
      priority: story.priority,
      format: story.source.format,
      time,
      complete: complete ? 1 : 0,
      missing: JSON.stringify(missing),
      search_rowid: rowid,
      indexed: indexed ? 1 : 0,
    };
    (existing === undefined ? this.statements.insertStory! : this.statements.updateStory!).run(row);
    return { id, version, change: existing === undefined ? 'new' : 'new-version' };
  }

  /** Whether version `version` of story `id` holds all of `takes`. */
  private currentHasTakes(id: string, version: number, takes: readonly number[]): boolean {
    const row = this.statements.version!.get(id, version) as VersionRow | undefined;
    if (row === undefined) return false;
    const kept = (JSON.parse(row.json) as Story).takes;
    return takes.every((take) => kept.includes(take));
  }

  async story(id: string, version?: number): Promise<StoredStory | null> {
    const row = this.statements.story!.get(id) as StoryRow | undefined;
    if (row === undefined) return null;
    const wanted = version ?? row.current;
    const versionRow = this.statements.version!.get(id, wanted) as VersionRow | undefined;
    if (versionRow === undefined) return null;
    const story = JSON.parse(versionRow.json) as Story;
    return { ...summaryOf(row), version: wanted, story, inputs: JSON.parse(versionRow.inputs) as string[] };
  }

  async history(id: string): Promise<VersionSummary[] | null> {
    const row = this.statements.story!.get(id) as StoryRow | undefined;
    if (row === undefined) return null;
    return (this.statements.versions!.all(id) as Omit<VersionRow, 'json'>[]).map((each) => ({
      version: each.version,
      receivedAt: each.received_at,
      inputs: JSON.parse(each.inputs) as string[],
      headline: each.headline,
      signal: each.signal as Story['signal'],
      status: each.status as Story['status'],
      revision: each.revision,
      current: each.version === row.current,
      reason: each.reason as 'input' | 'take',
    }));
  }

  async input(hash: string): Promise<{ input: StoredInput; bytes: Uint8Array } | null> {
    const row = this.statements.input!.get(hash) as InputRow | undefined;
    if (row === undefined) return null;
    const bytes = (this.statements.bytes!.get(hash) as { bytes: Buffer }).bytes;
    return { input: inputOf(row), bytes: new Uint8Array(bytes) };
  }

  async quarantined(limit = 100): Promise<StoredInput[]> {
    return (this.statements.quarantined!.all(limit) as InputRow[]).map(inputOf);
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    return this.searchNow(request);
  }

  /**
   * `search`, synchronously. Throws QuerySyntaxError for a malformed query.
   *
   * FTS5 evaluates the query once per search where it can: the newest matches read for
   * the page are the ones counted for the total and sampled for facets (the first page
   * newest first, and every page by relevance); snippets are made from the hits' text,
   * read by rowid. A prefix many words share (`com*`) costs FTS5 a merge of all their
   * lists of stories on every evaluation, a quarter of a second at 1M stories.
   */
  searchNow(request: SearchRequest): SearchResults {
    const started = performance.now();
    const parsed = parseQuery(request.query);
    const fts = toFts5(parsed);
    const limit = Math.min(Math.max(Math.floor(request.limit ?? 20), 1), 1000);
    // Relevance needs words to rank by; a query of filters alone is newest first.
    const terms = rankTerms(parsed);
    const sort = request.sort === 'relevance' && fts.match !== null && terms.length > 0 ? 'relevance' : 'newest';
    // Rowids are negated times: the range from the end of `to` to the start of `from`.
    const low = fts.to === null ? -Number.MAX_SAFE_INTEGER : -(rowidBase(`${fts.to}T00:00:00Z`) + 86_400 * SLOTS - 1);
    const high = fts.from === null ? 0 : -rowidBase(`${fts.from}T00:00:00Z`);
    const where = new Where(fts.match, fts.exclude, low, high);
    const cursor = decodeCursor(request.cursor ?? null, sort);
    let rows: { rowid: number; score: number | null }[];
    /** The newest matches, in order, as far as they were read; `complete` when they were all read. */
    let newest: { rowids: number[]; complete: boolean };
    if (sort === 'relevance') {
      const offset = cursor?.offset ?? 0;
      const window = this.readWindow(where);
      rows = this.rank(window.rows, terms).slice(offset, offset + limit + 1);
      newest = { rowids: window.rows.map((row) => row.rowid), complete: window.complete };
    } else if (cursor === null) {
      // The page (read whatever the budget), then on to the total's limit within COUNT_BUDGET_MS.
      const read = readWithin(this.query(where.newestSql(TOTAL_LIMIT + 1)).raw(), where.params, COUNT_BUDGET_MS, limit + 1);
      const rowids = (read.rows as [number][]).map(([rowid]) => rowid);
      rows = rowids.slice(0, limit + 1).map((rowid) => ({ rowid, score: null }));
      newest = { rowids, complete: read.complete };
    } else {
      const after = where.fromSearch ? ' AND rowid > ?' : ' AND search_rowid > ?';
      rows = (this.query(where.newestSql(limit + 1, after)).raw().all(...where.params, BigInt(cursor.rowid!)) as [number][]).map(([rowid]) => ({ rowid, score: null }));
      const read = readWithin(this.query(where.newestSql(TOTAL_LIMIT + 1)).raw(), where.params, COUNT_BUDGET_MS);
      newest = { rowids: (read.rows as [number][]).map(([rowid]) => rowid), complete: read.complete };
    }
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const hits = this.hitsFor(rows, terms);
    let next: string | null = null;
    if (more) next = sort === 'relevance' ? encodeCursor({ offset: (cursor?.offset ?? 0) + limit }) : encodeCursor({ rowid: rows.at(-1)!.rowid });
    const total = { count: Math.min(newest.rowids.length, TOTAL_LIMIT), exact: newest.complete && newest.rowids.length <= TOTAL_LIMIT };
    const facets = request.facets ? this.facetsFor(newest.rowids.slice(0, FACET_SAMPLE)) : null;
    return { hits, total: total.count, totalExact: total.exact, next, facets, took: Math.round((performance.now() - started) * 100) / 100 };
  }

  /** The newest `RELEVANCE_WINDOW` matches with their text, read for RANK_BUDGET_MS at most. */
  private readWindow(where: Where): { rows: Omit<RankDocument, 'length'>[]; complete: boolean } {
    const read = readWithin(this.query(`SELECT rowid, headline, body FROM search WHERE ${where.sql} ORDER BY rowid LIMIT ${RELEVANCE_WINDOW}`), where.params, RANK_BUDGET_MS);
    return { rows: read.rows as Omit<RankDocument, 'length'>[], complete: read.complete };
  }

  /**
   * Stories ranked by BM25 (see search/rank.ts), best first, newer first among equals.
   * Document counts come from the newest `IDF_SAMPLE` stories; a prefix's is estimated
   * from the stories ranked, since counting it costs FTS5 a merge of every word it
   * begins.
   */
  private rank(found: Omit<RankDocument, 'length'>[], terms: RankTerm[]): { rowid: number; score: number }[] {
    if (found.length === 0) return [];
    // Lengths in tokens, all columns, as FTS5 keeps them (search_docsize), and the index's average (the averages record, search_data id 1).
    const sizes = new Map(
      (this.query('SELECT id, sz FROM search_docsize WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(found.map((each) => each.rowid))) as { id: number; sz: Buffer }[]).map((row) => [
        row.id,
        readVarints(row.sz).reduce((sum, size) => sum + size, 0),
      ]),
    );
    const documents = found.map((each) => ({ ...each, length: sizes.get(each.rowid) ?? 0 }));
    const [rows = 1, ...columns] = readVarints((this.query('SELECT block FROM search_data WHERE id = 1').get() as { block: Buffer }).block);
    const averageLength = columns.reduce((sum, size) => sum + size, 0) / Math.max(rows, 1);
    // The sample: the rowids from the newest story to the IDF_SAMPLE-th newest (canceled ones, few, counted in).
    const oldest = (this.query('SELECT search_rowid AS rowid FROM stories ORDER BY search_rowid LIMIT 1 OFFSET ?').get(IDF_SAMPLE - 1) as { rowid: number } | undefined)?.rowid ?? 0;
    const total = (this.query('SELECT count(*) AS n FROM stories WHERE search_rowid <= ?').get(BigInt(oldest)) as { n: number }).n;
    const count = this.query('SELECT count(*) AS n FROM search WHERE search MATCH ? AND rowid <= ?');
    const idf = terms.map((term) => {
      const holding = term.prefix ? Math.round((total * documents.filter((each) => containsTerm(each, term)).length) / documents.length) : (count.get(term.match, BigInt(oldest)) as { n: number }).n;
      return inverseDocumentFrequency(holding, total);
    });
    return scoreDocuments(documents, terms, idf, averageLength).sort((left, right) => right.score - left.score || left.rowid - right.rowid);
  }

  private hitsFor(rows: { rowid: number; score: number | null }[], terms: RankTerm[]): SearchHit[] {
    if (rows.length === 0) return [];
    const ids = JSON.stringify(rows.map((row) => row.rowid));
    const summaries = new Map((this.statements.summariesByRowid!.all(ids) as StoryRow[]).map((row) => [row.search_rowid, row]));
    // The text by rowid (FTS5 reads its content table; the query is not run again).
    const texts = new Map((this.query('SELECT rowid, body FROM search WHERE rowid IN (SELECT value FROM json_each(?))').raw().all(ids) as [number, string][]).map(([rowid, body]) => [rowid, body]));
    const hits: SearchHit[] = [];
    for (const row of rows) {
      const summary = summaries.get(row.rowid);
      if (summary === undefined) continue;
      hits.push({ ...summaryOf(summary), snippet: snippetOf(texts.get(row.rowid) ?? '', terms).replace(/\s+/g, ' ').trim(), score: row.score });
    }
    return hits;
  }

  /** Facet counts of the stories `sample` (search rowids). */
  private facetsFor(sample: readonly number[]): NonNullable<SearchResults['facets']> {
    const counts = this.query('SELECT kind, value, count(*) AS n FROM facets WHERE rowid_ IN (SELECT value FROM json_each(?)) GROUP BY kind, value').all(JSON.stringify(sample)) as {
      kind: 'agency' | 'person' | 'place';
      value: string;
      n: number;
    }[];
    const top = (kind: string): FacetCount[] =>
      counts
        .filter((each) => each.kind === kind)
        .sort((left, right) => right.n - left.n || left.value.localeCompare(right.value))
        .slice(0, 20)
        .map((each) => ({ value: each.value, count: each.n }));
    const days = new Map<string, number>();
    for (const rowid of sample) {
      const day = rowidTime(rowid).slice(0, 10);
      days.set(day, (days.get(day) ?? 0) + 1);
    }
    return {
      agency: top('agency'),
      person: top('person'),
      place: top('place'),
      day: [...days].sort((left, right) => right[0].localeCompare(left[0])).map(([value, count]) => ({ value, count })),
      sampled: sample.length,
    };
  }

  /** The prepared statement of `sql`, prepared once (at most 256 kept). */
  private query(sql: string): Statement {
    let statement = this.queries.get(sql);
    if (statement === undefined) {
      if (this.queries.size >= 256) this.queries.clear();
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }

  async *scan(query: string): AsyncIterable<StoredStory> {
    let cursor: string | null = null;
    do {
      const page = this.searchNow({ query, limit: 500, cursor });
      for (const hit of page.hits) {
        const stored = await this.story(hit.id);
        if (stored !== null) yield stored;
      }
      cursor = page.next;
    } while (cursor !== null);
  }

  async stats(): Promise<ArchiveStats> {
    const one = <T>(sql: string) => this.db.prepare(sql).get() as T;
    const inputs = one<{ n: number; bytes: number | null; quarantined: number }>("SELECT count(*) AS n, sum(size) AS bytes, sum(outcome = 'quarantined') AS quarantined FROM inputs");
    const stories = one<{ n: number; versions: number | null; canceled: number | null; incomplete: number | null; first: string | null; last: string | null }>(
      "SELECT count(*) AS n, sum(versions) AS versions, sum(status = 'canceled') AS canceled, sum(complete = 0) AS incomplete, min(time) AS first, max(time) AS last FROM stories",
    );
    const grouped = (sql: string) => Object.fromEntries((this.db.prepare(sql).all() as { key: string | null; n: number }[]).map((row) => [row.key ?? '(none)', row.n]));
    return {
      inputs: inputs.n,
      quarantined: inputs.quarantined ?? 0,
      stories: stories.n,
      versions: stories.versions ?? 0,
      canceled: stories.canceled ?? 0,
      incomplete: stories.incomplete ?? 0,
      bytes: inputs.bytes ?? 0,
      byFormat: grouped('SELECT format AS key, count(*) AS n FROM stories GROUP BY format ORDER BY n DESC'),
      byAgency: grouped('SELECT agency AS key, count(*) AS n FROM stories GROUP BY agency ORDER BY n DESC LIMIT 50'),
      firstStory: stories.first,
      lastStory: stories.last,
    };
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    this.checkpointer = null;
    if (this.db.open) this.db.close();
  }
}

/** The WHERE clause of a search: an FTS5 match (and a match to leave out), within a rowid range. */
class Where {
  readonly sql: string;
  /** Rowid bounds are bound as BigInt: better-sqlite3 binds a number as REAL, and FTS5 ignores a bound that is not INTEGER (it scans every match and SQLite filters after). */
  readonly params: (string | bigint)[];
  /** Whether it reads the FTS5 table (a positive match); else the stories table by rowid. */
  readonly fromSearch: boolean;

  /** The newest `limit` matching rowids (`extra`: more conditions, with their parameters after `params`). */
  newestSql(limit: number, extra = ''): string {
    return this.fromSearch
      ? `SELECT rowid FROM search WHERE ${this.sql}${extra} ORDER BY rowid LIMIT ${limit}`
      : `SELECT search_rowid FROM stories WHERE indexed = 1 AND ${this.sql}${extra} ORDER BY search_rowid LIMIT ${limit}`;
  }

  constructor(match: string | null, exclude: string | null, low: number, high: number) {
    this.fromSearch = match !== null;
    if (match !== null) {
      this.sql = 'search MATCH ? AND rowid BETWEEN ? AND ?';
      this.params = [match, BigInt(low), BigInt(high)];
    } else {
      // Each story checked against the words left out (an FTS5 seek to its rowid), not every story with them listed first: `-said` at 1M stories took 520 ms that way.
      this.sql = `search_rowid BETWEEN ? AND ?${exclude === null ? '' : ' AND NOT EXISTS (SELECT 1 FROM search WHERE search MATCH ? AND rowid = stories.search_rowid)'}`;
      this.params = exclude === null ? [BigInt(low), BigInt(high)] : [BigInt(low), BigInt(high), exclude];
    }
  }
}

/**
 * The rows of `statement`: the first `minimum` whatever they cost, then on until they
 * end or `budgetMs` more has passed (checked every 16 rows); `complete` says whether
 * they ended.
 */
export function readWithin(statement: Statement, params: readonly unknown[], budgetMs: number, minimum = 0): { rows: unknown[]; complete: boolean } {
  // The budget runs from the minimum on: what is needed anyway is not counted against it.
  let started = performance.now();
  const rows: unknown[] = [];
  for (const row of statement.iterate(...params)) {
    rows.push(row);
    if (rows.length === minimum) started = performance.now();
    if (rows.length > minimum && rows.length % 16 === 0 && performance.now() - started > budgetMs) return { rows, complete: false };
  }
  return { rows, complete: true };
}

function summaryOf(row: StoryRow): StorySummary {
  return {
    id: row.id,
    version: row.current,
    versions: row.versions,
    headline: row.headline,
    slug: row.slug,
    agency: row.agency,
    language: row.language,
    priority: row.priority as StorySummary['priority'],
    status: row.status as StorySummary['status'],
    time: row.time,
    complete: row.complete === 1,
    missingTakes: JSON.parse(row.missing) as number[],
  };
}

function inputOf(row: InputRow): StoredInput {
  return {
    hash: row.hash,
    origin: row.origin,
    receivedAt: row.received_at,
    size: row.size,
    outcome: row.outcome as StoredInput['outcome'],
    format: row.format,
    error: row.error,
    diagnostics: JSON.parse(row.diagnostics) as StoredInput['diagnostics'],
    stories: JSON.parse(row.stories) as string[],
  };
}

interface Cursor {
  rowid?: number;
  offset?: number;
}

function encodeCursor(cursor: Cursor): string {
  return cursor.rowid !== undefined ? `n${cursor.rowid.toString(36)}` : `r${(cursor.offset ?? 0).toString(36)}`;
}

function decodeCursor(text: string | null, sort: string): Cursor | null {
  if (text === null || text === '') return null;
  const value = Number.parseInt(text.slice(1), 36);
  const kind = text[0];
  if (!Number.isSafeInteger(value) || (kind === 'r' && value < 0) || (kind !== 'n' && kind !== 'r') || (kind === 'r') !== (sort === 'relevance')) {
    throw new SluglineError(`Cannot use the cursor \`${text}\`: it is not one this search gave (give the \`next\` of the previous page, with the same --sort)`);
  }
  return kind === 'n' ? { rowid: value } : { offset: value };
}
