import { referenceYear } from '../../formats/dateline.js';
import { isoDay } from '../../formats/reuters-sgml/grammar.js';
import { isoDate } from '../../formats/wire-text/grammar.js';
import type { ResolvedDateline } from '../../story/enrichment.js';
import type { Dateline, Story } from '../../story/story.js';
import { lookupArea, lookupPlace } from '../gazetteer/gazetteer.js';
import type { Area } from '../gazetteer/gazetteer.js';

/**
 * The dateline's place found in the gazetteer and its date completed: a date written
 * with its year stands; a month and day alone (`SALVADOR, Feb 26 -`) take the year
 * from when the copy was sent, going back (news looks back: a day more than a week
 * after the sending is from the year before). When the copy was sent is the story's
 * `versionCreated`, `firstCreated`, a sign-off's date (`AP-WF-11-13-13`), or the
 * Reuters-21578 `DATE`; never `source.receivedAt`, which is when Slugline got the bytes.
 * Null when the story has no dateline.
 *
 * @example
 * resolveDateline(seedStory);
 * // { place: { name: 'Vladivostok', country: 'RU', latitude: 43.10562, longitude: 131.87353, kind: 'city', geonameId: 2013348 },
 * //   date: '2019-04-25', dateSource: 'written' }
 */
export function resolveDateline(story: Story): ResolvedDateline | null {
  const dateline = story.dateline;
  if (dateline === null) return null;
  return { place: datelinePlace(dateline), ...datelineDate(story, dateline) };
}

/** The dateline's place, in its own country and state when it names them (`PORTLAND, Ore.`). */
function datelinePlace(dateline: Dateline): ResolvedDateline['place'] {
  const area = areaOf(dateline);
  const context = { dateline: true, country: area?.country ?? null, admin: area?.admin ?? null };
  // `DALLAS/FORT WORTH`: the first place named.
  for (const part of dateline.place.split('/')) {
    // Typing slips the reader lets through in a place beside a date: `ME}LBOURNE`, `****SANTO DOMINGO`.
    const name = part.replace(strayCharacters, '').replace(/\s+/g, ' ').trim();
    const place = name === '' ? null : lookupPlace(name, context);
    if (place !== null) return place;
  }
  return null;
}

const strayCharacters = /[^\p{L}\p{M} .'’&-]/gu;

/** Where the dateline says its place is: the state or province it names, else its country. */
function areaOf(dateline: Dateline): Area | null {
  if (dateline.region !== null) {
    // Several regions are joined with `, ` (`Calif., U.S.`): the nearest to the place first.
    for (const region of dateline.region.split(/\s*,\s*/)) {
      const area = lookupArea(region);
      if (area !== null) return area;
    }
  }
  return dateline.country === null ? null : lookupArea(dateline.country);
}

const writtenDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const yearlessDate = /^--(\d{2})-(\d{2})$/;

function datelineDate(story: Story, dateline: Dateline): Pick<ResolvedDateline, 'date' | 'dateSource'> {
  const date = dateline.date;
  if (date === null) return { date: null, dateSource: null };
  const full = writtenDate.exec(date);
  if (full !== null && yearWritten(dateline.text, full[1]!)) return { date, dateSource: 'written' };
  const [month, day] = full !== null ? [Number(full[2]), Number(full[3])] : (yearlessDate.exec(date)?.slice(1).map(Number) ?? []);
  if (month === undefined || day === undefined) return { date: null, dateSource: null };
  const sent = sentDate(story);
  const inferred = sent === null ? null : isoDate(referenceYear(sent, month, day), month, day);
  if (inferred !== null && !inferred.startsWith('--')) return { date: inferred, dateSource: 'inferred-year' };
  // The reader completed the year from a reference date it was given (`--reference-date`).
  if (full !== null) return { date, dateSource: 'inferred-year' };
  return { date, dateSource: 'written' };
}

/** Whether the dateline's words give the year (`April 25, 2019`), not just the reader. */
function yearWritten(text: string, year: string): boolean {
  const at = text.indexOf(year);
  if (at === -1) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + year.length);
  return !(before >= 48 && before <= 57) && !(after >= 48 && after <= 57);
}

/** When the copy was sent, ISO 8601; null when the story does not say. */
function sentDate(story: Story): string | null {
  const stamp = story.versionCreated ?? story.firstCreated ?? story.signoffs.find((signoff) => signoff.date !== null)?.date ?? null;
  if (stamp !== null) return stamp;
  // Reuters-21578 keeps the wire's time stamp (`26-FEB-1987 15:01:01.79`) as a gold label.
  const label = story.source.format === 'reuters-sgml' ? story.source.labels.DATE : undefined;
  return typeof label === 'string' ? isoDay(label) : null;
}
