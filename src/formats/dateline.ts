import { countryCode } from '../story/countries.js';
import type { Dateline } from '../story/story.js';
import { isoDate, readDatelineHead } from './wire-text/grammar.js';
import type { DatelineParts } from './wire-text/grammar.js';

/**
 * Datelines as every reader builds them: the parts a dateline's words give
 * (`VLADIVOSTOK, Russia, April 25 (AFP) –`) made into a Dateline, the year a dateline
 * leaves out found from when the copy was sent, and the dateline taken off the front
 * of a lead paragraph. One module, so a dateline reads alike whatever format carried it.
 */

/**
 * A Dateline from the parts read out of its words: the last region is the country
 * when it names one; a month and day without a year fall in the year before
 * `referenceDate` (news looks back).
 *
 * @example
 * datelineFromParts('SALVADOR, Feb 26 -', readDatelineParts('SALVADOR, Feb 26')!, '1987-03-01').date; // '1987-02-26'
 */
export function datelineFromParts(text: string, parts: DatelineParts, referenceDate: string | null): Dateline {
  const regions = [...parts.regions];
  let country: string | null = null;
  const last = regions[regions.length - 1];
  if (last !== undefined && countryCode(last) !== null) {
    country = last;
    regions.pop();
  }
  let date: string | null = null;
  if (parts.month !== null && parts.day !== null) {
    date = isoDate(parts.year ?? referenceYear(referenceDate, parts.month, parts.day), parts.month, parts.day);
  }
  return { text, place: parts.place, region: regions.length ? regions.join(', ') : null, country, date, credit: parts.credit };
}

/**
 * The year a dateline's month and day fall in, going back from the reference date
 * (when the copy was sent): a dateline more than a week after it is from the year
 * before. Null without a usable reference date.
 */
export function referenceYear(referenceDate: string | null, month: number, day: number): number | null {
  const reference = referenceDate ? new Date(referenceDate) : null;
  if (!reference || Number.isNaN(reference.getTime())) return null;
  const year = reference.getUTCFullYear();
  return Date.UTC(year, month - 1, day) - reference.getTime() > 7 * 86_400_000 ? year - 1 : year;
}

/**
 * Takes a dateline off the front of a paragraph, where wire copy puts it: the
 * dateline read, and the paragraph's text after it; null when the paragraph opens
 * with none. Readers of structured formats whose bodies keep the dateline in their
 * first paragraph (AP's ninjs, NITF, NewsML-G2) use it too, so every format reads it alike.
 *
 * @example
 * takeLeadDateline('BERLIN (dpa) - Talks began.', null)?.rest; // 'Talks began.'
 */
export function takeLeadDateline(text: string, referenceDate: string | null): { dateline: Dateline; rest: string } | null {
  const lead = readDatelineHead(text);
  if (!lead) return null;
  return { dateline: datelineFromParts(lead.head.trim(), lead.parts, referenceDate), rest: text.slice(lead.head.length).trim() };
}
