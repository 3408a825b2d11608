/**
 * Ritzau's XML (the Danish news agency's `RBNews`) as the reader of this folder sees
 * it: the roots it comes under, the fields it holds, how its times, priorities,
 * origins and sign-offs are written.
 */
import type { Signoff } from '../../story/story.js';

/** A single news item. */
export const newsRoot = 'RBNews';
/** The queue service's answer: `XMLNewsQueuedResult/ListOfRBNews/RBNews…`. */
export const feedRoot = 'XMLNewsQueuedResponse';
/** The roots a Ritzau document has; sniffing and parsing both go by these. */
export const ritzauRoots: readonly string[] = [newsRoot, feedRoot];

/**
 * Fields of an `RBNews` kept in `Story.source.labels` as given: what the Story has no
 * field of its own for, and the raw words its fields are read from (`format`, `town`).
 */
export const labelFields: readonly string[] = [
  'strapline', 'town', 'origin', 'sectionID', 'section', 'sectionShort', 'format', 'formatID', 'HistID', 'Topstory',
  'Replaces', 'replacedID', 'Related', 'Annuleret', 'NyVersion', 'Korrektion', 'InfoFlash', 'TopWeb', 'byLineEmail',
  'byLinePhone', 'Status', 'ServiceQueueId',
];

/** Fields that are flags (`false`, `0` when not set). */
export const flagFields: readonly string[] = ['Topstory', 'Annuleret', 'NyVersion', 'Korrektion', 'InfoFlash', 'TopWeb'];

/** `true` as the .NET serializer writes booleans (`true`, `false`); Topstory is `1` or `0`. */
export function isTrue(value: string | null): boolean {
  const word = value?.trim().toLowerCase();
  return word === 'true' || word === '1';
}

/** The `format` word that makes an item a flash (`<format>Flash</format>`). */
export function isFlash(format: string | null): boolean {
  return format?.trim().toLowerCase() === 'flash';
}

/**
 * Ritzau's `Priority` as an IPTC urgency: it runs the same way, 1 most urgent (its
 * flashes come at 3, sport briefs at 4, relayed press releases at 5). Null when it is
 * no whole number from 1 to 9.
 */
export function urgencyOf(priority: string | null): number | null {
  const value = priority?.trim() ?? '';
  return /^[1-9]$/.test(value) ? Number(value) : null;
}

/**
 * The agencies an `origin` names, originator last: `/ritzau/` → `Ritzau`,
 * `/ritzau/AFP` → `Ritzau`, `AFP`; `Via Ritzau` (a press release Ritzau relays) → `Ritzau`.
 */
export function originCredits(origin: string | null): string[] {
  const credits: string[] = [];
  for (const part of (origin ?? '').replace(/^\s*via\s+/i, '').split('/')) {
    const name = part.trim();
    if (name === '') continue;
    const credit = name.toLowerCase() === 'ritzau' ? 'Ritzau' : name;
    if (!credits.includes(credit)) credits.push(credit);
  }
  return credits;
}

/** Ritzau signs its copy off at the end of the last paragraph: `… sin spanske landsmand. /ritzau/`, `/ritzau/AFP`. */
const trailingSignoff = /(?:^|\s)(\/ritzau\/(?:[A-Za-z][\w.-]*(?:\/[A-Za-z][\w.-]*)*\/?)?)\s*$/i;

/** The sign-off that ends a paragraph, and the paragraph without it; null when it ends in none. */
export function takeTrailingSignoff(text: string): { signoff: Signoff; rest: string } | null {
  const match = trailingSignoff.exec(text);
  if (!match) return null;
  const written = match[1]!;
  const signoff: Signoff = { kind: 'signoff', text: written, agencies: originCredits(written), initials: [], time: null, zone: null, date: null, line: 0 };
  return { signoff, rest: text.slice(0, match.index).trim() };
}

/**
 * IPTC subject codes travel as .NET `int`s (`<a:int>15000000</a:int>`), which lose
 * their leading zero (`1000000` is `01000000`, arts): put back to eight digits.
 * Null when it is no number.
 */
export function subjectCode(value: string): string | null {
  const digits = value.trim();
  return /^\d{1,8}$/.test(digits) ? digits.padStart(8, '0') : null;
}

// ---------------------------------------------------------------------------
// Times

/** Ritzau writes Danish local time and names no zone. */
export const ritzauTimeZone = 'Europe/Copenhagen';

const offsetNames = new Intl.DateTimeFormat('en-US', { timeZone: ritzauTimeZone, timeZoneName: 'longOffset' });

/** Copenhagen's offset from UTC, in minutes, at a moment (`GMT+01:00` → 60). */
function offsetAt(moment: number): number {
  const name = offsetNames.formatToParts(moment).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const size = Math.abs(minutes);
  return `${sign}${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
}

/** A local time read in Copenhagen: ISO 8601 with its offset, and what was odd about it. */
export interface DanishTime {
  iso: string;
  /** `ambiguous`: the hour the clocks go back shows it twice, the first is taken; `skipped`: the clocks jumped over it. */
  oddity: 'ambiguous' | 'skipped' | null;
}

const localTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;

/**
 * A time Ritzau writes without a zone (`2018-01-30T17:32:18.397`) as the moment it
 * is in Danish time, with the offset Copenhagen had then (`…+01:00`, `…+02:00` in
 * summer), from the time zone rules the runtime's Intl carries: no clock is read.
 * Null when it is no such time.
 *
 * @example
 * danishTime('2018-07-01T12:00:00'); // { iso: '2018-07-01T12:00:00+02:00', oddity: null }
 */
export function danishTime(text: string): DanishTime | null {
  const match = localTime.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', fraction = ''] = match;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const written = `${year}-${month}-${day}T${hour}:${minute}:${second}`;
  // The wall time must be a real one (no 25:00, no 30 February).
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 19) !== written) return null;
  // The offsets in force a day either side; a wall time that one of them maps back onto is real.
  const candidates = [...new Set([offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)])];
  const fits = candidates.filter((offset) => offsetAt(wall - offset * 60_000) === offset);
  if (fits.length === 1) return { iso: `${written}${fraction}${offsetText(fits[0]!)}`, oddity: null };
  if (fits.length > 1) {
    // The hour the clocks go back: the first time it came round, in summer time (the larger offset).
    return { iso: `${written}${fraction}${offsetText(Math.max(...fits))}`, oddity: 'ambiguous' };
  }
  // The hour the clocks jump over: read with the offset before the jump, as a clock not yet put forward shows it.
  return { iso: `${written}${fraction}${offsetText(Math.min(...candidates))}`, oddity: 'skipped' };
}

// ---------------------------------------------------------------------------
// Language

/** Short words only Danish uses, and only English. */
const danishWords = new Set(['og', 'er', 'det', 'til', 'på', 'af', 'med', 'har', 'som', 'ikke', 'den', 'de', 'et', 'fra', 'var', 'vil', 'skal', 'blev', 'også', 'efter', 'hvor', 'kan']);
const englishWords = new Set(['the', 'and', 'of', 'to', 'is', 'that', 'with', 'was', 'has', 'have', 'will', 'from', 'on', 'are', 'it', 'this', 'be', 'which', 'its']);

/**
 * Whether text reads as English rather than Danish: Ritzau's own copy is Danish, but
 * it relays press releases (`Via Ritzau`) as their issuers wrote them.
 */
export function readsAsEnglish(text: string): boolean {
  let danish = 0;
  let english = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (danishWords.has(word)) danish++;
    else if (englishWords.has(word)) english++;
  }
  return english >= 5 && english > 2 * danish;
}

