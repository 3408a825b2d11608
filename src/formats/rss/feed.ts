/**
 * What RSS items and Atom entries have in common once their elements are read: one
 * Story per entry, built the same way for both.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, SourceFile } from '../../source/source-file.js';
import { normalizeDateTime } from '../../story/dates.js';
import type { Damage, Story, Subject } from '../../story/story.js';
import { readByline } from '../byline.js';
import { readPieces, repairLine } from './copy.js';
import type { CopyPiece } from './copy.js';

/** A date-time element as written, and where. */
export interface FeedDate {
  /** The element (`pubDate`, `updated`), for messages. */
  element: string;
  text: string;
  line: number;
}

/** A category as feeds write it: RSS `<category domain="…">term</category>`, Atom `<category term scheme label/>`. */
export interface FeedCategory {
  term: string;
  /** RSS `domain`, Atom `scheme`; null when not said. */
  scheme: string | null;
  /** A readable name (Atom `label`), when given. */
  label: string | null;
}

/** One RSS item or Atom entry, its elements read but not yet interpreted. */
export interface FeedEntry {
  /** Line of the `<item>` or `<entry>` start tag. */
  line: number;
  guid: string | null;
  /** The title as plain text. */
  title: string | null;
  body: CopyPiece[];
  /** A summary beside the body, as plain text. */
  summary: string | null;
  /** When first published (`pubDate`, `published`). */
  published: FeedDate | null;
  /** When last changed (`updated`, `dcterms:modified`). */
  updated: FeedDate | null;
  /** Authors' names as written. */
  authors: string[];
  categories: FeedCategory[];
  language: string | null;
  labels: Record<string, string | string[]>;
}

/** What `feedStory` needs to know of the document around the entry. */
export interface FeedStoryOptions {
  /** The reader (`rss`, `atom`). */
  format: string;
  /** How the document's bytes were decoded. */
  encoding: string;
  /** Messages about the whole document, which every story carries. */
  documentMessages: readonly Diagnostic[];
  /** Where in `file.messages` the messages about this entry start (those raised reading its elements). */
  since: number;
}

/**
 * WordPress exports (WXR) put tags in `<category domain="post_tag">`: free keywords,
 * not a vocabulary's subjects.
 */
const keywordDomains = new Set(['post_tag', 'tag', 'tags', 'keyword', 'keywords']);

/**
 * The Story of one feed entry: the body read as wire copy (dateline, sign-offs,
 * damage), dates normalised, categories without a scheme as keywords and with one
 * as subjects. Its id is the entry's guid with the time of its version
 * (`urn:x@2019-04-25T11:17:00Z`), so that a feed polled again gives the same ids and
 * an edited entry a new one; an entry without a guid is named by a hash of its text.
 */
export function feedStory(entry: FeedEntry, file: SourceFile, options: FeedStoryOptions): Story {
  const firstCreated = readDate(entry.published, file, options.format);
  const updated = readDate(entry.updated, file, options.format);
  const versionCreated = updated ?? firstCreated;
  const copy = readPieces(entry.body, file, { source: options.format, referenceDate: versionCreated });
  const keywords: string[] = [];
  const subjects: Subject[] = [];
  for (const category of entry.categories) {
    if (category.scheme === null || keywordDomains.has(category.scheme)) {
      if (!keywords.includes(category.term)) keywords.push(category.term);
    } else if (!subjects.some((subject) => subject.scheme === category.scheme && subject.code === category.term)) {
      subjects.push({ scheme: category.scheme, code: category.term, name: category.label });
    }
  }
  // A byline the copy itself opens with is what readers see; else the entry's authors.
  const byline = copy.byline ?? readByline(entry.authors.join(', '));
  if (copy.byline === null && byline !== null && entry.authors.length > 1) byline.names = entry.authors.map((author) => author.replace(/^by\s+/i, '').trim());
  const damage: Damage[] = [];
  const headline = repairLine(entry.title, 'title', file, options.format, { line: entry.line }, damage);
  const summary = repairLine(entry.summary, 'summary', file, options.format, { line: entry.line }, damage);
  const id = entry.guid !== null ? (versionCreated !== null ? `${entry.guid}@${versionCreated}` : entry.guid) : `${options.format}:${hashOf(entry)}`;
  return {
    id,
    source: {
      format: options.format,
      file: file.name,
      receivedAt: file.origin.receivedAt ?? null,
      encoding: options.encoding,
      line: entry.line,
      labels: entry.labels,
    },
    slug: null,
    takes: copy.takes,
    priority: null,
    version: null,
    guid: entry.guid,
    revision: null,
    firstCreated,
    versionCreated,
    urgency: null,
    headline,
    summary,
    byline,
    dateline: copy.dateline,
    credits: copy.credits,
    notes: copy.notes,
    subjects,
    keywords,
    body: copy.body,
    signoffs: copy.signoffs,
    status: 'usable',
    signal: null,
    embargo: null,
    language: entry.language,
    damage: [...damage, ...copy.damage],
    diagnostics: [...options.documentMessages, ...file.messages.slice(options.since)],
  };
}

function readDate(date: FeedDate | null, file: SourceFile, reader: string): string | null {
  if (date === null) return null;
  const value = normalizeDateTime(date.text);
  if (value === null) {
    file.warn(
      'feed/bad-date',
      `<${date.element}> \`${date.text}\` is no date-time with a time zone (RFC 822 \`Thu, 25 Apr 2019 11:17:00 +0000\` or RFC 3339 \`2019-04-25T11:17:00Z\`): left out`,
      { line: date.line },
      reader,
    );
  }
  return value;
}

function hashOf(entry: FeedEntry): string {
  const text = [entry.title ?? '', entry.published?.text ?? '', entry.updated?.text ?? '', ...entry.body.map((piece) => piece.text)].join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The reasons entries were skipped, for a message: the first three, and how many more. */
export function summarize(skipped: readonly Diagnostic[]): string {
  const reasons = skipped.slice(0, 3).map((message) => message.message);
  return skipped.length > 3 ? `${reasons.join('; ')}; and ${skipped.length - 3} more` : reasons.join('; ');
}
