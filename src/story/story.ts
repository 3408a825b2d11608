import type { Diagnostic } from '../source/source-file.js';
import type { Enrichment } from './enrichment.js';

/**
 * One news story as Slugline understands it, whatever format it arrived in.
 *
 * A plain value: every field is always present, `null` or `[]` when the copy does not
 * say. The same shape is published as JSON Schema in `docs/story.schema.json`.
 * Enrichment (entities, quotes, resolved times) goes in `enrichment`; readers only
 * record what the copy itself says.
 */
export interface Story {
  /** Stable id: the reader's own identity rule (`reuters-21578:1`), else a hash of the input bytes. */
  id: string;
  source: StorySource;
  /** The story's keyword across all its takes and versions (`BFF`, `BC-Argentina-Cancer`). */
  slug: string | null;
  /** Take numbers the copy gives (`BFF-20, 21` → `[20, 21]`), in order. */
  takes: number[];
  priority: Priority | null;
  /** The version the copy announces (`UPDATE 2`, `1stLd-Writethru`, `CORRECTED`), as written. */
  version: string | null;
  /**
   * The provider's identifier for the story, the same for all its versions (NewsML-G2
   * `guid`, ninjs `uri`, NITF `doc-id`, NewsML 1.2 `PublicIdentifier`).
   */
  guid: string | null;
  /** The version number the format gives (NewsML-G2 `version`, ninjs `version`, NewsML 1.2 `RevisionId`). */
  revision: number | null;
  /** When the story was first created, ISO 8601, with the offset as given. */
  firstCreated: string | null;
  /** When this version was created, ISO 8601, with the offset as given. */
  versionCreated: string | null;
  /** IPTC urgency, 1 (most urgent) to 9, when the format gives it. */
  urgency: number | null;
  headline: string | null;
  /** A summary or abstract the copy gives beside the body. */
  summary: string | null;
  byline: Byline | null;
  dateline: Dateline | null;
  /** Agencies the copy passed through, originator last as in `(BSS/AFP)` → `["BSS", "AFP"]`. */
  credits: string[];
  /** Notes to editors (`Eds: …`), not for publication. */
  notes: string[];
  /** Subjects from controlled vocabularies the copy is coded with (IPTC Media Topics, subject codes). */
  subjects: Subject[];
  /** Free keywords the copy carries. */
  keywords: string[];
  body: Block[];
  /** Take breaks, end marks and sign-off lines, in the order they came. */
  signoffs: Signoff[];
  status: Status;
  /** What this item does to earlier ones, when the copy says so. */
  signal: Signal | null;
  embargo: Embargo | null;
  /** BCP 47 language tag when declared or detected; `null` when unknown. */
  language: string | null;
  /** Damage the copy suffered in transmission, flagged, never silently fixed. */
  damage: Damage[];
  /** Every message the reader raised about the input this story came from. */
  diagnostics: Diagnostic[];
  /**
   * What the enrichers found (entities, quotes, times, amounts, the dateline's place):
   * present once the story has been enriched, as `slugline parse` does unless told
   * `--no-enrich`; readers leave it out.
   */
  enrichment?: Enrichment;
}

export interface StorySource {
  /** The reader that produced the story (`wire-text`, `reuters-sgml`, …). */
  format: string;
  /** The input's name: a path, `<stdin>`, a URL. */
  file: string;
  /** When Slugline received the bytes (ISO 8601), when known. */
  receivedAt: string | null;
  /** How the bytes were decoded (`utf-8`, `utf-16le`, `windows-1252`, …). */
  encoding: string;
  /** Line where the story starts in the input, from 1 (several stories can share a file). */
  line: number;
  /** Metadata the input carries beside the copy, as given (Reuters-21578 gold labels, headers). */
  labels: Record<string, string | string[]>;
}

/** How urgent the agency said the story is. */
export type Priority = 'flash' | 'bulletin' | 'urgent' | 'routine' | 'deferred';

export type Status = 'usable' | 'withheld' | 'canceled';

export type Signal = 'update' | 'correction' | 'kill';

export interface Byline {
  /** The byline as written, without the trailing `=` some agencies add. */
  text: string;
  /** The people named (`By PAUL BYRNE and ALMUDENA CALATRAVA` → two names, as written). */
  names: string[];
  /** The line under the names, when given (`Associated Press Writer`). */
  title: string | null;
}

export interface Dateline {
  /** The dateline as written, dash included (`VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –`). */
  text: string;
  /** The city or place, as written (`VLADIVOSTOK`). */
  place: string;
  /** A state, province or other region after the place (`N.J.`, `Bavaria`). */
  region: string | null;
  /** The country, when the dateline names one (`Russia`). */
  country: string | null;
  /**
   * The date, ISO 8601: `2019-04-25`, or `--04-25` when the copy gives no year and
   * nothing in the input tells it.
   */
  date: string | null;
  /** The credit as written, brackets removed (`BSS/AFP`, `AP`, `Kyodo`). */
  credit: string | null;
}

export type BlockKind = 'paragraph' | 'crosshead' | 'preformatted';

/** One piece of the body. Paragraph text is unwrapped: it holds no line breaks. */
export interface Block {
  /** `paragraph`, `crosshead` (a subheading), or `preformatted` (a table; line breaks kept). */
  kind: BlockKind;
  text: string;
  /** Line of the input where the block starts, from 1. */
  line: number;
  /** The take the block came in, from 1, counting take breaks in this input. */
  take: number;
}

export interface Signoff {
  /** `more`: a take continues (`MORE/MSY/1117 hrs`); `end`: an end mark (`ENDS`, `-30-`); `signoff`: a sign-off line. */
  kind: 'more' | 'end' | 'signoff';
  /** The line as written. */
  text: string;
  /** Agencies named (`BSS/AFP/MSY/1117 hrs` → `["BSS", "AFP"]`). */
  agencies: string[];
  /** Desk or operator initials (`["MSY"]`, `["MS", "JLP"]`). */
  initials: string[];
  /** Time of filing, `HH:MM`, when given (`1117 hrs` → `11:17`). */
  time: string | null;
  /** Time zone of `time` when given (`GMT`). */
  zone: string | null;
  /** Date given with the sign-off, ISO 8601 (`AP-WF-11-13-13` → `2013-11-13`). */
  date: string | null;
  /** Line of the input, from 1. */
  line: number;
}

/** A subject code from a controlled vocabulary. */
export interface Subject {
  /** The vocabulary: a scheme alias (`medtop`, `subj`) or URI; null when not said. */
  scheme: string | null;
  /** The code within it (`04000000`). */
  code: string;
  /** The subject's name when the copy gives it (`economy, business and finance`). */
  name: string | null;
}

export interface Embargo {
  /** The embargo line as written. */
  text: string;
  /** The moment it lifts, ISO 8601, when the copy gives it completely. */
  until: string | null;
}

export type DamageKind =
  | 'truncated'
  | 'unbalanced-quotes'
  | 'control-characters'
  | 'repeated'
  | 'mojibake'
  | 'undecodable';

/** One place where the copy was damaged. */
export interface Damage {
  /**
   * `truncated`: a paragraph ends mid-sentence (its last line lost); `unbalanced-quotes`:
   * a quotation opens and never closes, or closes without opening; `control-characters`:
   * stray control characters (removed from the text); `repeated`: a paragraph sent twice;
   * `mojibake`: double-encoded UTF-8 (repaired); `undecodable`: bytes that are no text in
   * the encoding (shown as U+FFFD).
   */
  kind: DamageKind;
  /** Index into `body`, or `null` when the damage is outside it (headline, header lines). */
  block: number | null;
  detail: string;
}
