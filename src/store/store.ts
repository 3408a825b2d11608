/**
 * The archive's storage interface. Every backend (the embedded SQLite default, later
 * PostgreSQL) keeps the same things and answers the same questions, and passes the
 * same conformance suite (`store.case.ts`); what a backend can do beyond the core is
 * told by its capability flags.
 *
 * What is kept:
 * - every input received, byte for byte, content-addressed by its SHA-256, with where
 *   and when it came from, and what became of it (stored, or quarantined with the
 *   reader's error);
 * - every story, as the versions it went through (updates, writethrus, corrections,
 *   kills), each the Story JSON as read (and enriched) from one input;
 * - the takes of stories filed in parts, until they are assembled.
 *
 * Which input is a version of which story, and how takes join, is decided by the
 * rules in `src/archive/identity.ts`, the same for every backend.
 */
import type { Diagnostic } from '../source/source-file.js';
import type { Priority, Status, Story } from '../story/story.js';

/** What a backend can do beyond keeping and fetching stories. */
export interface StoreCapabilities {
  /** Full-text search with the query language (`src/search/query.ts`). */
  readonly search: boolean;
  /** Ranking by relevance (BM25), beside newest first. */
  readonly relevance: boolean;
  /** Counts by agency, person, place and day beside search results. */
  readonly facets: boolean;
  /** Several processes may write at once (a server); else one writer at a time. */
  readonly concurrentWriters: boolean;
}

/** One input as received: a file, standard input, a message. */
export interface InputRecord {
  /** SHA-256 of the bytes, lower-case hex: the input's identity. */
  hash: string;
  /** Where it came from: a path as given, `-` for standard input. */
  origin: string;
  /** When it was received (ISO 8601, UTC). */
  receivedAt: string;
  size: number;
}

/** What an input became. */
export type InputOutcome = 'stored' | 'quarantined';

/** An input as the archive keeps it. */
export interface StoredInput extends InputRecord {
  outcome: InputOutcome;
  /** The format it was read as, or null when it could not be read. */
  format: string | null;
  /** Why it was quarantined: the reader's message, naming the file, the place and the way out. */
  error: string | null;
  diagnostics: Diagnostic[];
  /** The ids of the stories it gave or changed. */
  stories: string[];
}

/** An input with what reading it gave: the stories, or why there are none. */
export interface IncomingInput {
  record: InputRecord;
  bytes: Uint8Array;
  format: string | null;
  stories: Story[];
  /** Set when the input could not be read: it is quarantined, never dropped. */
  error: { message: string; diagnostics: Diagnostic[] } | null;
}

/** What one story of an input did to the archive. */
export type StoryChange =
  /** A story the archive did not have. */
  | 'new'
  /** A new version of a story it had (an update, correction, kill, or a take joining it). */
  | 'new-version'
  /** The same text as the story's current version, from other bytes: kept with the input, no new version. */
  | 'duplicate';

export interface IngestReport {
  /** `duplicate`: these exact bytes were received before; nothing changed. */
  input: InputOutcome | 'duplicate';
  hash: string;
  origin: string;
  stories: { id: string; version: number; change: StoryChange }[];
  /** The quarantine reason, for a quarantined input. */
  error: string | null;
}

/** A story's state now: what search shows. */
export interface StorySummary {
  /** The archive's id of the story, the same through all its versions. */
  id: string;
  /** The version shown (the current one unless a version was asked for). */
  version: number;
  /** How many versions the story has. */
  versions: number;
  headline: string | null;
  slug: string | null;
  agency: string | null;
  language: string | null;
  priority: Priority | null;
  status: Status;
  /** The story's time for sorting (ISO 8601): when this version was created, else its dateline's date, else when it was received. */
  time: string;
  /** False while takes are missing (`missingTakes` says which). */
  complete: boolean;
  missingTakes: number[];
}

export interface StoredStory extends StorySummary {
  story: Story;
  /** The inputs this version was read from (several for assembled takes). */
  inputs: string[];
}

/** One version in a story's history. */
export interface VersionSummary {
  version: number;
  receivedAt: string;
  inputs: string[];
  headline: string | null;
  signal: Story['signal'];
  status: Status;
  revision: number | null;
  /** Whether this is the version search shows. */
  current: boolean;
  /** What made it: a new input, or a take joining the story. */
  reason: 'input' | 'take';
}

export type SortOrder = 'newest' | 'relevance';

export interface SearchRequest {
  /** In the query language (`src/search/query.ts`); empty for everything. */
  query: string;
  sort?: SortOrder;
  /** At most this many results (default 20, at most 1,000). */
  limit?: number;
  /** Where the previous page ended (`SearchResults.next`). */
  cursor?: string | null;
  /** Counts by agency, person, place and day (when the backend has `facets`). */
  facets?: boolean;
}

export interface SearchHit extends StorySummary {
  /** A piece of the text around the words matched, `«` and `»` around each match. */
  snippet: string;
  /** BM25 score when sorted by relevance (higher is better); null newest first. */
  score: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Matching stories, counted up to a limit (1,000 in SQLite) or a time budget; `totalExact` false when either stopped the count: then there are at least `total`. */
  total: number;
  totalExact: boolean;
  /** The cursor of the next page, or null on the last. */
  next: string | null;
  facets: {
    agency: FacetCount[];
    person: FacetCount[];
    place: FacetCount[];
    day: FacetCount[];
    /** How many of the newest matches the counts were made from (all of them when fewer). */
    sampled: number;
  } | null;
  /** How long the backend took, in milliseconds. */
  took: number;
}

export interface ArchiveStats {
  inputs: number;
  quarantined: number;
  stories: number;
  versions: number;
  canceled: number;
  incomplete: number;
  /** Input bytes kept. */
  bytes: number;
  byFormat: Record<string, number>;
  byAgency: Record<string, number>;
  firstStory: string | null;
  lastStory: string | null;
}

export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Where it is (a file path, a connection string without password). */
  readonly location: string;
  /** Whether these bytes (by hash) were received before. */
  hasInput(hash: string): Promise<boolean>;
  /**
   * Keeps an input and applies its stories, all at once or not at all: when this
   * resolves, everything it reports is stored. The same bytes again change nothing
   * and are reported as `duplicate`. `prepare` is applied to the stories the archive
   * makes itself (takes assembled into one): enrichment, as the input's stories had.
   */
  ingest(input: IncomingInput, prepare?: (story: Story) => Story): Promise<IngestReport>;
  /** A story, its current version or version `version`; null when there is none. */
  story(id: string, version?: number): Promise<StoredStory | null>;
  /** A story's versions, oldest first; null when there is no such story. */
  history(id: string): Promise<VersionSummary[] | null>;
  /** An input's record and its bytes, exactly as received. */
  input(hash: string): Promise<{ input: StoredInput; bytes: Uint8Array } | null>;
  /** Quarantined inputs, newest first. */
  quarantined(limit?: number): Promise<StoredInput[]>;
  search(request: SearchRequest): Promise<SearchResults>;
  /** Every story matching `query` (all when empty), current versions, newest first, for export. */
  scan(query: string): AsyncIterable<StoredStory>;
  stats(): Promise<ArchiveStats>;
  close(): Promise<void>;
}
