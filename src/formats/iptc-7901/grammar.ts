/**
 * The conventions of IPTC 7901 messages (IPTC Recommendation 7901, frozen since 1995),
 * written once: the reader and its sniffer both use these patterns, so they cannot
 * drift apart.
 *
 * One message:
 *
 * ```
 * SOH eca062 4 i 211 ccccb   dpa 061          header: source, message number, priority, category, words, optional fields
 *     Germany-politics/                       keyword lines, each keyword ended by `/`
 * STX Germany Social Democrats: … could fail = the head: version lines, headline, byline; dpa ends it with ` =`
 *        Berlin (dpa) - Negotiations …        the text
 *     dpa wsz jln npr                         dpa's sign-off: agency and desk initials
 * ETX 131137 GMT Nov 13                       time line: day, hour, minute, zone, month, year
 * DEL … EOT                                   fill characters, end of transmission
 * ```
 */
/* eslint-disable no-control-regex -- control characters are the grammar of this format */
import { agencyName } from '../../story/agencies.js';
import type { Signal, Signoff } from '../../story/story.js';

// ---------------------------------------------------------------------------
// Control characters

/** Start of heading: opens a message; the header line follows. */
export const SOH = '\u0001';
/** Start of text: ends the header and keyword lines; the head and the text follow. */
export const STX = '\u0002';
/** End of text: the copy is over; the time line follows. */
export const ETX = '\u0003';
/** End of transmission: closes the message. */
export const EOT = '\u0004';
/** Delete: fill characters teleprinter lines send around SOH and EOT, never text. */
export const DEL = '\u007f';

/** Anything but white space, DEL fill and EOT: text outside any message. */
export const notFill = /[^\s\u0004\u007f]/;

/** ANPA 1312's start, which also opens with SOH: a letter, four digits, US (`␁W2870␟`). */
export const anpaStart = /\u0001[A-Za-z]\d{4}[A-Za-z]*\u001f/;

/** Any control character but tab and line ends, for cleaning header fields. */
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

// ---------------------------------------------------------------------------
// Header

/**
 * The header line after SOH: source letters and message number run together, then the
 * priority digit, the category letters, the word count and optional fields, e.g.
 * `eca062 4 i 211 ccccb   dpa 061`, `bsf025 3 ec 121   etf 967`,
 * `bkn014 4 pl 171 vvvvb KNA 170123-89-00065#2`.
 */
export const headerLine = /^([A-Za-z]{1,8})(\d{1,8})[ \t]+(\d)[ \t]+([A-Za-z]{1,4})[ \t]+(\d{1,6})(?:[ \t]+(\S[^\r\n]*?))?[ \t]*$/;

/** The fields of a header line. */
export interface HeaderFields {
  /** Source letters: the provider's service (`eca`, `bsf`). */
  source: string;
  /** Message number, digits as written (`062`). */
  number: string;
  /** Priority digit, 1 (most urgent) to 9; 0 and others are no IPTC urgency. */
  priority: number;
  /** Category letters (`i`, `s`, `ec`, `pl`). */
  category: string;
  /** Word count as written. */
  words: string;
  /** Optional fields after the word count, as written (`ccccb   dpa 061`), or null. */
  optional: string | null;
}

/** Reads a header line, or null when the line has not its shape. */
export function readHeaderLine(line: string): HeaderFields | null {
  const match = headerLine.exec(line.trim());
  if (!match) return null;
  return {
    source: match[1]!,
    number: match[2]!,
    priority: Number(match[3]),
    category: match[4]!,
    words: match[5]!,
    optional: match[6] ?? null,
  };
}

/**
 * A keyword line: keywords each ended by `/` (`Germany-football/Munich/Mueller/`). Some
 * services leave out the last slash (KNA's `Bundestag/Kinder`, ATS's `France`); any
 * line between the header and STX is read as keywords.
 */
export function readKeywords(line: string): string[] {
  return line
    .split('/')
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
}

// ---------------------------------------------------------------------------
// The head: the lines after STX up to the headline

/** dpa and KNA end the head with `=` (` =` at dpa): it is no part of the headline or byline. */
export const headEnd = /\s*=\s*$/;

/** A byline line of the head: `By Manuel Schwarz, dpa =`, German `Von …`, French `Par …`. */
export const headBylineLine = /^(?:By|Von|Par)\s+(\S.*)$/;

/**
 * A version line above the headline, in capitals: `1ST LEAD`, `2ND LEAD`, `REFILE`,
 * `EXTRA`, `CORRECTION`, `3RD NET`. Only short lines without small letters count.
 */
export const versionLine = /^(?=[^a-z]*[A-Z])[^a-z]{1,40}$/;

/**
 * A priority word above the headline: dpa's German `EILT` (urgent) and `BLITZ` (flash),
 * `URGENT`, `FLASH`. The header's digit already says how urgent the story is.
 */
export const priorityWordLine = /^(?:EILT|EIL|EILMELDUNG|BLITZ|VORRANG|URGENT|FLASH|BULLETIN|ALERT|URGENCE)$/i;

/** A notice in brackets above the headline, for editors: dpa's `(Achtung)` (attention). */
export const noticeLine = /^\(([^()]{1,40})\)$/;

/** What a 7901 version line says the item does to earlier ones. */
export function signalOfVersion(version: string): Signal | null {
  // A refile re-sends the story with a minor fix; a correction names the fix.
  if (/correct|refile|berichtig/i.test(version)) return 'correction';
  if (/\b(?:kill|withdrawn|eliminat|sperrung)/i.test(version)) return 'kill';
  if (/\b(?:lead|ld|writethru|update|net|add|insert|sub|neufassung|zusammenfassung)\b/i.test(version)) return 'update';
  return null;
}

// ---------------------------------------------------------------------------
// The end of the text: dpa's notebook and sign-offs

/** dpa's notebook heading: `# dpa NOTEBOOK`, `# Notebook`. What follows is for editors. */
export const notebookHeading = /^#+\s*(?:dpa\s+)?notebook\s*$/i;

/** The line dpa puts before what must not be published. */
export const notForPublication = /^The following information is not (?:intended )?for publication\b/i;

/** A rule of asterisks between notebook parts: `* * * *`. */
export const asteriskRule = /^(?:\*\s*){3,}$/;

/** A notebook section heading: `## dpa Contacts`, `## Internet links`. */
export const notebookSection = /^#{2,}\s*(\S.*)$/;

/** dpa's closing line: the agency, then desk initials, space between: `dpa wsz jln npr`. */
const spacedSignoff = /^([A-Za-z][A-Za-z-]{1,9})((?:[ \t]+[a-z]{2,4}){1,8})$/;
/** ATS/SDA's closing line in brackets, the slash escaped by the sender: `(SDA\/sj)`, `(ats/afp/xy)`. */
const bracketSignoff = /^\(\s*([A-Za-z][A-Za-z-]{1,9}(?:\s*\\?\/\s*[A-Za-z][A-Za-z-]{0,9})*)\s*\)$/;

/**
 * Reads a 7901 closing line (`dpa wsz jln npr`, `(SDA\/sj)`) into a sign-off, or null.
 * The line must open with a known agency, so that a line of prose is never taken.
 */
export function readSignoffLine(text: string, line: number): Signoff | null {
  const value = text.trim();
  let tokens: string[] | null = null;
  let match = spacedSignoff.exec(value);
  if (match) tokens = [match[1]!, ...match[2]!.trim().split(/[ \t]+/)];
  else if ((match = bracketSignoff.exec(value))) tokens = match[1]!.split(/\s*\\?\/\s*/);
  if (tokens === null) return null;
  const agencies: string[] = [];
  const initials: string[] = [];
  for (const token of tokens) {
    // Agencies lead (`ats/afp`); once initials start, the rest are initials.
    if (initials.length === 0 && agencyName(token.split('-')[0]!) !== null) agencies.push(token);
    else initials.push(token);
  }
  if (agencies.length === 0) return null;
  return { kind: 'signoff', text: value, agencies, initials, time: null, zone: null, date: null, line };
}

// ---------------------------------------------------------------------------
// The time line after ETX

/**
 * The time line: day, hour and minute run together (`DDHHMM`), a time zone when given,
 * the month's abbreviation (English, German or French) and a two-digit year:
 * `131137 GMT Nov 13` is 13 November 2013, 11:37 GMT; `071341 GMT Okt 15` 7 October
 * 2015; ATS writes `091223 dec 18` without a zone.
 */
export const timeLine = /^(\d{2})(\d{2})(\d{2})\s+(?:([A-Za-z]{1,4})\s+)?(\p{L}{3,5})\.?\s+(\d{2}|\d{4})$/u;

const monthNumbers: Record<string, number> = {
  jan: 1, janv: 1, feb: 2, fev: 2, fevr: 2, mar: 3, mars: 3, maer: 3, mrz: 3, apr: 4, avr: 4, avri: 4,
  may: 5, mai: 5, jun: 6, juin: 6, jul: 7, juil: 7, aug: 8, aou: 8, aout: 8, sep: 9, sept: 9, oct: 10,
  okt: 10, nov: 11, dec: 12, dez: 12,
};

/** Offsets of the zones a time line may name. */
const zoneOffsets: Record<string, string> = {
  GMT: 'Z', UTC: 'Z', UT: 'Z', Z: 'Z', WET: 'Z',
  CET: '+01:00', MEZ: '+01:00', CEST: '+02:00', MESZ: '+02:00', EET: '+02:00', EEST: '+03:00',
};

/** A time line, read. */
export interface TimeLine {
  /** `2013-11-13`. */
  date: string;
  /** `11:37`. */
  time: string;
  /** The zone as written (`GMT`), or null. */
  zone: string | null;
  /** The moment as ISO 8601 with its offset, when the zone is one known; else null. */
  instant: string | null;
}

/** Reads a time line, or null when it has not the shape or names no real day. */
export function readTimeLine(text: string): TimeLine | null {
  const match = timeLine.exec(text.trim());
  if (!match) return null;
  const [, dayText, hourText, minuteText, zone, monthText, yearText] = match;
  const month = monthNumbers[monthKey(monthText!)];
  if (month === undefined) return null;
  // Two-digit years: the Recommendation dates from 1979, so 79–99 are 19xx.
  const yearValue = yearText!.length === 4 ? Number(yearText) : Number(yearText) >= 79 ? 1900 + Number(yearText) : 2000 + Number(yearText);
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59 || day < 1 || day > new Date(Date.UTC(yearValue, month, 0)).getUTCDate()) return null;
  const date = `${yearValue}-${String(month).padStart(2, '0')}-${dayText}`;
  const time = `${hourText}:${minuteText}`;
  const offset = zone === undefined ? undefined : zoneOffsets[zone.toUpperCase()];
  return { date, time, zone: zone ?? null, instant: offset === undefined ? null : `${date}T${time}:00${offset}` };
}

/** A month word reduced to the keys above: lower case, `ä` as `ae`, accents dropped (`Mär` → `maer`, `déc` → `dec`). */
function monthKey(word: string): string {
  return word
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
