/**
 * Which stories are one story: the identity rules every archive backend applies, so
 * that updates, writethrus, corrections and kills become versions of the story they
 * change, and takes filed separately become one story.
 *
 * A story's key, first rule that applies:
 * 1. the provider's guid (NewsML's guid, ninjs's uri, NITF's doc-id, an RSS guid, an
 *    ANPA or IPTC 7901 agency story number as the reader gives it): `guid:<guid>`;
 * 2. copy filed in takes (`BFF-20`, `BFF-21`): the slug and the headline, which every
 *    take repeats: `takes:<slug>|<headline>`;
 * 3. a slug: the slug, the headline and the story's day: `slug:<slug>|<headline>|<day>`
 *    (an update under a new headline is a new story: better two than one wrongly joined);
 * 4. else the input and the story's place in it: each reading is a story of its own.
 */
import { createHash } from 'node:crypto';
import type { Block, Damage, Signoff, Story } from '../story/story.js';

/** The identity key of a story read from input `inputHash` at position `index` in it. */
export function storyKey(story: Story, inputHash: string, index: number): string {
  if (story.guid) return `guid:${story.guid}`;
  const slug = story.slug?.trim().toLowerCase() ?? '';
  const headline = headlineKey(story.headline);
  if (slug !== '' && story.takes.length > 0) return `takes:${slug}|${headline}`;
  if (slug !== '' && headline !== '') return `slug:${slug}|${headline}|${storyDay(story) ?? ''}`;
  return `input:${inputHash}:${index}`;
}

/** The archive's id for a story key: 16 hex digits of its SHA-256, the same in every archive. */
export function storyIdOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** A headline as identity compares it: lower case, one space between words, no punctuation at the ends. */
function headlineKey(headline: string | null): string {
  if (headline === null) return '';
  // eslint-disable-next-line no-control-regex -- ASCII needs no normalising
  return (/^[\x00-\x7f]*$/.test(headline) ? headline : headline.normalize('NFC'))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

function storyDay(story: Story): string | null {
  const time = story.versionCreated ?? story.firstCreated ?? story.dateline?.date ?? null;
  return time !== null && /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : null;
}

/**
 * The story's time, for sorting and date filters (ISO 8601, UTC): when this version
 * was created, else first created, else its dateline's day, else when it was received.
 */
export function storyTime(story: Story, receivedAt: string): string {
  for (const candidate of [story.versionCreated, story.firstCreated, story.dateline?.date ?? null]) {
    if (candidate === null) continue;
    const parsed = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(candidate) ? `${candidate}T00:00:00Z` : candidate);
    if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  }
  return receivedAt;
}

/** Whether the story is one take of several, not the whole: it says more follows, or it is not the first take. */
export function isPartialTake(story: Story): boolean {
  if (story.takes.length === 0) return false;
  const last = story.signoffs.at(-1);
  return last?.kind === 'more' || (story.dateline === null && story.takes.length === 1);
}

/** Whether a story withdraws itself: a kill, or a canceled status. */
export function isKill(story: Story): boolean {
  return story.signal === 'kill' || story.status === 'canceled';
}

/**
 * A fingerprint of what a reader sees: headline, body, status, signal, embargo. Two
 * inputs with the same fingerprint are the same version, whatever else differs (a
 * feed's envelope, a transmission number).
 */
export function contentFingerprint(story: Story): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([story.headline, story.body.map((block) => [block.kind, block.text]), story.status, story.signal, story.embargo?.until ?? null]));
  return hash.digest('hex').slice(0, 32);
}

/** Takes assembled: the story they make, whether all are in, and which are missing. */
export interface AssembledTakes {
  story: Story;
  complete: boolean;
  missing: number[];
}

/**
 * Joins the takes of one story, in take order whatever order they came in: the
 * headline, dateline and other fields of the first, the blocks and sign-offs of all,
 * damage with its block numbers moved to the joined body. Complete when the take
 * numbers run without a gap, every take but the last ends `MORE`, the last does not,
 * and the first carries the dateline (where the story opens).
 *
 * @example
 * assembleTakes([take21, take20]).story.takes; // [20, 21]
 */
export function assembleTakes(takes: readonly Story[]): AssembledTakes {
  if (takes.length === 0) throw new Error('assembleTakes needs at least one take');
  const ordered = [...takes].sort((left, right) => firstTake(left) - firstTake(right));
  const first = ordered[0]!;
  const body: Block[] = [];
  const signoffs: Signoff[] = [];
  const damage: Damage[] = [];
  const numbers = new Set<number>();
  for (const take of ordered) {
    const offset = body.length;
    body.push(...take.body);
    signoffs.push(...take.signoffs);
    damage.push(...take.damage.map((each) => ({ ...each, block: each.block === null ? null : each.block + offset })));
    for (const number of take.takes) numbers.add(number);
  }
  const story: Story = {
    ...first,
    takes: [...numbers].sort((left, right) => left - right),
    body,
    signoffs,
    damage,
    diagnostics: ordered.flatMap((take) => take.diagnostics),
    credits: [...new Set(ordered.flatMap((take) => take.credits))],
    notes: [...new Set(ordered.flatMap((take) => take.notes))],
    keywords: [...new Set(ordered.flatMap((take) => take.keywords))],
  };
  delete story.enrichment;
  const missing: number[] = [];
  const sorted = story.takes;
  for (let index = 1; index < sorted.length; index++) {
    for (let number = sorted[index - 1]! + 1; number < sorted[index]!; number++) missing.push(number);
  }
  // A first take without the dateline is not the story's first: the one before it is missing.
  if (first.dateline === null) missing.unshift(sorted[0]! - 1);
  const last = ordered.at(-1)!;
  const endsMore = last.signoffs.at(-1)?.kind === 'more';
  if (endsMore) missing.push(sorted.at(-1)! + 1);
  const middleEndsMore = ordered.slice(0, -1).every((take) => take.signoffs.at(-1)?.kind === 'more');
  const complete = missing.length === 0 && middleEndsMore && first.dateline !== null;
  return { story, complete, missing };
}

function firstTake(story: Story): number {
  return story.takes[0] ?? 0;
}
