/**
 * The conventions of plain-text wire copy, written once: the reader and its sniffer
 * both use these patterns, so they cannot drift apart.
 */
import { agencyName } from '../../story/agencies.js';
import type { Priority, Signal, Signoff } from '../../story/story.js';

// ---------------------------------------------------------------------------
// Header lines

/** `BFF-20, 21 Kim, Putin vow …`: keyword, take numbers, then the headline. */
export const slugLine = /^([A-Z][A-Z0-9]{1,15})-(\d{1,4}(?:\s*,\s*\d{1,4})*)(?:\s+(\S.*))?$/;

/**
 * AP's keyword line: `BC-Argentina-Cancer, 1st Ld-Writethru,0552` (cycle, keyword,
 * optional version, optional word count).
 */
export const apKeywordLine = /^((?:BC|AM|PM)-[A-Za-z0-9][A-Za-z0-9&'.-]*)(?:\s*,\s*([^,]*?))?(?:\s*,\s*(\d{2,5}))?\s*[<^]?$/;

/** AP version words after the keyword: `1st Ld-Writethru`, `2nd Add`, `Correction`. */
export const apVersion = /\b(?:\d+(?:st|nd|rd|th)\s*(?:Ld|Lead|Add|Sub|Insert)|Writethru|Correction|Urgent|Advisory|Sub|Insert)\b/i;

/** A line that only says how urgent the story is. */
export const priorityLine = /^(FLASH|BULLETIN|URGENT|ALERT)\s*[:!]?$/i;

/** A headline prefix Reuters-style desks put before the words (`UPDATE 2-`, `CORRECTED-`, `URGENT:`). */
export const headlinePrefix =
  /^(UPDATE\s+\d+|CORRECTED|CORRECTION|REFILE|REPEAT|RPT|URGENT|FLASH|BULLETIN|ALERT|WRITETHRU|WRAPUP(?:\s+\d+)?)\s*(?:-|–|:)\s*(\S.*)$/i;

/** A kill notice: subscribers must withdraw the story. */
export const killLine = /^(?:(?:MANDATORY\s+)?KILL(?:\s+KILL)*|STORY\s+WITHDRAWN|WITHDRAWN|ELIMINATE)\b/i;

/** An embargo notice: `EMBARGOED UNTIL 0001 GMT April 26`, `EMBARGO: …`. */
export const embargoLine = /^EMBARGO(?:ED)?\b\s*(?:UNTIL|TILL|TO|FOR|:)?/i;

/** A press release's source or number line: `Source: Digital Turbine, Inc.`, `MEDIA RELEASE PR67276`. */
export const releaseLine = /^(?:Source:\s+\S.{0,80}|(?:MEDIA|PRESS|NEWS) RELEASE(?:\s+[A-Z]*\d+)?)$/;

/** A note to editors, not for publication: `Eds: …`, `Editors: …`. */
export const editorsNote = /^(?:Eds?|EDS?|Editors?|EDITORS?|Ed\s+Note|EDITOR'S\s+NOTE)\s*[:.]\s*(.*)$/;

const bylineName = /^[A-Z][\p{L}.'’ -]*$/u;

/**
 * The names of a byline line, `By PAUL BYRNE and ALMUDENA CALATRAVA` (AP may end it
 * with `=`), or null when the line is no byline. Read name by name: one pattern for
 * the whole line would backtrack without end on a long line of names.
 */
export function readBylineNames(line: string): string[] | null {
  if (line.length > 200 || !/^By\s/.test(line)) return null;
  const names = line
    .slice(3)
    .replace(/\s*=$/, '')
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((name) => name.trim());
  return names.length > 0 && names.every((name) => bylineName.test(name)) ? names : null;
}

/** What a priority word means. */
export function priorityOf(word: string): Priority | null {
  switch (word.toUpperCase()) {
    case 'FLASH':
    case 'ALERT':
      return 'flash';
    case 'BULLETIN':
      return 'bulletin';
    case 'URGENT':
      return 'urgent';
    default:
      return null;
  }
}

/** What a version word says the item does to earlier ones. */
export function signalOf(version: string): Signal | null {
  if (/correct/i.test(version)) return 'correction';
  if (/^(?:update|writethru|wrapup)|\b(?:ld|lead|writethru)\b/i.test(version)) return 'update';
  return null;
}

// ---------------------------------------------------------------------------
// Datelines: `PLACE[, REGION][, DATE] [(CREDIT) | CREDIT] DASH text`

/**
 * The dateline at the start of `text`, read: the words before its dash, the dash
 * and the space after it (`head`), and their parts. Null when the text opens with none.
 */
let lastDateline: { text: string; result: { head: string; parts: DatelineParts } | null } | null = null;

export function readDatelineHead(text: string): { head: string; parts: DatelineParts } | null {
  // The header asks of the first body line, and then the body reader: read it once.
  if (lastDateline?.text === text) return lastDateline.result;
  const result = readDatelineHeadOnce(text);
  lastDateline = { text, result };
  return result;
}

/**
 * A dateline closed by its credit alone, with no dash: ATS writes
 * `Paris (ats afp) Les violences…`. Taken only when the credit names an agency and a
 * capital opens the text after it.
 */
const creditClosed = /^(\S.{0,79}?\(([A-Za-z][^()]{0,29})\))\s+(?=[\p{Lu}«“"])/u;

/** ANSA puts its credit first: `(ANSA) - ROME, JUL 11 - Russian energy giant …`. */
const creditFirst = /^\(([^()]{1,40})\)\s*[-–—]\s+/;
/** EFE closes the credit with `.-`: `Tegucigalpa, Jan 2 (EFE).- The president …`. */
const efeDash = /^(\S.{0,119}?)\s*\(([^()]{1,40})\)\.-\s*/;
/**
 * Ritzau and TASS name themselves between slashes: `København /ritzau/: En 41-årig
 * mand …`, `MOSCOW, January 21. /TASS/. The Kremlin …`.
 */
const slashCredit = /^(\p{Lu}[^/]{0,59}?)\.?\s+\/(\p{L}[\p{L}-]{1,15})\/[.:]\s*/u;
/** AAP and some Reuters copy leave out the comma before the date: `SYDNEY March 22 AAP -`. */
const commalessDate = /^(\S.*?)\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b.*)$/i;

function readDatelineHeadOnce(text: string): { head: string; parts: DatelineParts } | null {
  const dashed = readDashedDateline(text);
  if (dashed) return dashed;
  let match: RegExpExecArray | null;
  if ((match = creditClosed.exec(text)) && agencyName(match[2]!.split(/[\s/]/)[0]!) !== null) {
    const parts = readDatelineParts(match[1]!);
    if (parts) return { head: match[0], parts };
  }
  if ((match = creditFirst.exec(text))) {
    const rest = readDashedDateline(text.slice(match[0].length));
    if (rest && rest.parts.credit === null) {
      return { head: match[0] + rest.head, parts: { ...rest.parts, regions: [...rest.parts.regions], credit: match[1]!.trim() } };
    }
    return null;
  }
  // With the credit vouching for it, the words before are a dateline even when their
  // date is in another language (`Nueva Delhi, 21 ene (EFE).-`): the place stands.
  if ((match = efeDash.exec(text)) || (match = slashCredit.exec(text))) {
    const parts = readDatelineParts(match[1]!) ?? placeOnly(match[1]!);
    return parts ? { head: match[0], parts: { ...parts, regions: [...parts.regions], credit: match[2]!.trim() } } : null;
  }
  if ((match = commalessDate.exec(text.slice(0, 125))) && !match[1]!.includes(',')) {
    const place = match[1]!;
    const gap = /^\s*/.exec(text.slice(place.length))![0].length;
    const read = readDashedDateline(`${place}, ${text.slice(place.length + gap)}`);
    // The head was read with `, ` put in; as written it has the gap there instead.
    if (read) return { head: text.slice(0, read.head.length - 2 + gap), parts: read.parts };
  }
  return null;
}

/** The place alone, from the words before the first comma, when they can be a place name. */
function placeOnly(words: string): DatelineParts | null {
  const place = words.split(',')[0]!.trim();
  if (place.length < 2 || place.length > 40 || !/^\p{Lu}[\p{L}.'’ -]*$/u.test(place)) return null;
  return { place, regions: [], month: null, day: null, year: null, credit: null };
}

function readDashedDateline(text: string): { head: string; parts: DatelineParts } | null {
  // Cheap refusals first: a dateline opens with a letter (or Reuters' stray `*`)
  // and has its dash within 120 characters.
  const first = text.charCodeAt(0) | 0x20;
  if (!((first >= 0x61 && first <= 0x7a) || first === 0x2a || first > 0x7f)) return null;
  const window = text.length > 125 ? text.slice(0, 125) : text;
  if (!/[-–—_]/.test(window)) return null;
  const match = datelineHead.exec(window);
  if (!match) return null;
  const parts = readDatelineParts(match[1]!);
  return parts ? { head: match[0], parts } : null;
}

/** The dash that ends a dateline: AFP's en dash, AP's `_`, the hyphen of most others. */
export const datelineHead = /^(\S.{0,119}?)(?:\s+|(?<=[)\d]))(–|—|--|-|_)(?:\s+|$|(?=[\p{L}<"“]))/u;

const months: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** `April 25`, `Feb 26`, `Dec. 9`, `Sept 3`; also `25 April`. */
const monthDay = /^([A-Za-z]{3,9})\.?\s+(\d{1,3})$/;
const dayMonth = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?$/;
const year = /^(1[89]\d\d|2\d{3})$/;
/** `April 25 2019` (no comma). */
const monthDayYear = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s+(1[89]\d\d|2\d{3})$/;
/** `3 March 2020`. */
const dayMonthYear = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(1[89]\d\d|2\d{3})$/;

/** What may stand in a credit's brackets: `(BSS/AFP)`, `(AP)`, `(dpa)`. */
const bracketCredit = /^[^()]{1,40}$/;
/** A bare agency name at the end: Kyodo writes `SAITAMA, Japan, Dec. 9 Kyodo -`. */
const bareCredit = /^[A-Za-z][A-Za-z-]{1,15}$/;

/** Dateline place words: capitalised words and the particles place names carry. */
const placeName =
  /^[\p{Lu}][\p{L}.'’&/-]*(?:\s+(?:[\p{Lu}][\p{L}.'’&/-]*|de|da|do|del|della|di|la|le|les|am|an|im|upon|on|of|el|al|en|sur|y))*$/u;
/**
 * With a date or credit beside it the place is surely one, whatever typing slips it
 * carries (`New york`, `La paz`, `ME}LBOURNE`, `****SANTO DOMINGO`): up to five words.
 */
const sloppyPlaceName = /^[\p{L}*][\p{L}.'’&/*{}-]*(?:\s+[\p{L}][\p{L}.'’&/{}-]*){0,4}$/u;
const regionName = /^(?:the\s+)?[\p{Lu}][\p{L}.'’&-]*(?:\s+(?:[\p{Lu}][\p{L}.'’&-]*|de|del|of|and|the|y)){0,4}$/u;
/** A region and a date with the comma between them left out: `Va. Feb 26`, `N.Y. March 3`. */
const regionMonthDay = /^(.+?)\s+([A-Za-z]{3,9})\.?\s+(\d{1,2})$/;

export interface DatelineParts {
  place: string;
  /** Parts after the place that are not the date: region, country, or both. */
  regions: string[];
  month: number | null;
  day: number | null;
  year: number | null;
  credit: string | null;
}

/**
 * The month number of an English month name or abbreviation, or null. Names of four
 * letters or more are taken with one typing slip (`Narch`, `Marc`, `Mach`), as the
 * words beside a day number in a dateline can be nothing else.
 */
export function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  const exact = months[lower];
  if (exact !== undefined) return exact;
  if (lower.length < 4) return null;
  for (const [name, number] of Object.entries(months)) {
    if (name.length >= 4 && withinOneEdit(lower, name)) return number;
  }
  return null;
}

/** Whether one insertion, deletion or substitution turns `left` into `right`. */
function withinOneEdit(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index++;
  const rest = (a: number, b: number) => left.slice(a) === right.slice(b);
  return rest(index + 1, index + 1) || rest(index + 1, index) || rest(index, index + 1);
}

/**
 * Reads the words before a dateline dash (`VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP)`).
 * Returns null when they are not a dateline. A place in title case (`Berlin`) is
 * only taken with a credit or a date beside it, so that a sentence opening with a
 * capitalised name and a dash is not mistaken for one.
 */
export function readDatelineParts(words: string): DatelineParts | null {
  let rest = words.trim();
  let credit: string | null = null;
  // The credit closes the dateline words: found from the end, not searched for.
  const open = rest.endsWith(')') ? rest.lastIndexOf('(') : rest.endsWith('/') ? rest.lastIndexOf('/', rest.length - 2) : -1;
  // The credit in brackets, or between slashes as the release wires write it
  // (`AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --`).
  if (open !== -1 && bracketCredit.test(rest.slice(open + 1, -1))) {
    credit = rest.slice(open + 1, -1).trim();
    rest = rest.slice(0, open).trimEnd();
  } else {
    const space = rest.lastIndexOf(' ');
    const last = space === -1 ? '' : rest.slice(space + 1);
    if (bareCredit.test(last) && agencyName(last.split('-')[0]!) !== null) {
      credit = last;
      rest = rest.slice(0, space).trimEnd();
    }
  }
  // `CHICAGO, March 4, -` and `CHEVY CHASE, Md., -` leave empty parts.
  const parts = rest.split(/\s*,\s*/).filter((part, index) => index === 0 || part !== '');
  const place = parts[0]!.replace(/\s+/g, ' ');
  if (place.length < 2 || place.length > 40) return null;
  const result: DatelineParts = { place, regions: [], month: null, day: null, year: null, credit };
  for (let index = 1; index < parts.length; index++) {
    const part = parts[index]!;
    let match: RegExpExecArray | null;
    if (result.month === null && (match = monthDay.exec(part)) && monthNumber(match[1]!) !== null) {
      result.month = monthNumber(match[1]!);
      result.day = Number(match[2]);
    } else if (result.month === null && (match = dayMonth.exec(part)) && monthNumber(match[2]!) !== null) {
      result.month = monthNumber(match[2]!);
      result.day = Number(match[1]);
    } else if (result.month === null && (match = monthDayYear.exec(part)) && monthNumber(match[1]!) !== null) {
      result.month = monthNumber(match[1]!);
      result.day = Number(match[2]);
      result.year = Number(match[3]);
    } else if (result.month === null && (match = dayMonthYear.exec(part)) && monthNumber(match[2]!) !== null) {
      result.month = monthNumber(match[2]!);
      result.day = Number(match[1]);
      result.year = Number(match[3]);
    } else if (result.month !== null && result.year === null && (match = year.exec(part))) {
      result.year = Number(match[1]);
    } else if (
      result.month === null &&
      (match = regionMonthDay.exec(part)) &&
      regionName.test(match[1]!) &&
      monthNumber(match[2]!) !== null
    ) {
      result.regions.push(match[1]!);
      result.month = monthNumber(match[2]!);
      result.day = Number(match[3]);
    } else if (result.month === null && regionName.test(part) && part.length <= 40) {
      result.regions.push(part);
    } else {
      return null;
    }
  }
  // A mistyped day (`March 187`) leaves the place standing but says no date.
  if (result.day !== null && (result.day < 1 || result.day > 31)) result.month = result.day = null;
  const vouched = credit !== null || result.month !== null;
  if (vouched ? !sloppyPlaceName.test(place) : !placeName.test(place) || place !== place.toUpperCase()) return null;
  return result;
}

// ---------------------------------------------------------------------------
// Closing lines: take breaks, end marks, sign-offs

/** `MORE`, `(MORE)`, `MORE/MSY/1117 hrs`. */
const moreLine = /^\(?\s*more\s*\)?(?:\s*\/\s*(.*))?$/i;
/** `ENDS`, `END`, `(END)`, `-30-`, `###`, `-0-`. */
const endLine = /^(?:\(?\s*ENDS?\s*\)?|-+\s*30\s*-+|#{3,}|-0-|ENDIT(?:EM)?)$/i;
/** Reuters' cable sign-off: `Reuter`, `REUTER`, `REUTER...`. */
const reuterLine = /^reuters?(?:\s*\.{2,3})?$/i;
/** AP's trailer: `AP-WF-11-13-13 1509GMT` (agency, desk, date, time). */
const apTrailer = /^(AP[A-Z]*)-([A-Z]{1,4})-(\d{2})-(\d{2})-(\d{2}|\d{4})\s+(\d{4})\s*([A-Z]{1,4})?$/;
/** Slash-separated agencies and initials, maybe a time: `BSS/AFP/MSY/1117 hrs`, `MS/JLP`, `hh/ph/ts/hd`. */
const slashSignoff = /^[A-Za-z][A-Za-z-]{0,9}(?:\s*\/\s*[A-Za-z][A-Za-z-]{0,9})*(?:\s*\/?\s*\d{3,4}\s*(?:hrs?|GMT|gmt|UTC|Z)?)?$/;
const timeToken = /^(\d{1,2})(\d{2})\s*(hrs?|GMT|gmt|UTC|Z)?$/;
/** An agency name, then one to three groups of desk initials, all capitals or all small letters. */
const spacedSignoff = /^([A-Za-z]{2,8})((?:\s(?:[A-Z]{2,4}|[a-z]{2,4})){1,3})$/;

/** A closing line, read; its `line` is 0 until the caller sets it. */
export type ClosingLine = Signoff;

/**
 * Reads a line that closes a take or a story: a take break, an end mark or a
 * sign-off. `weak` results (initials only, like `MS/JLP`) count only where a take ends.
 */
export function readClosingLine(text: string): { closing: ClosingLine; weak: boolean } | null {
  const line = text.trim();
  if (line.length === 0 || line.length > 48) return null;
  // Each kind of closing line has its own first character: look only where it may be.
  const first = line.charCodeAt(0) | 0x20; // lower case for letters
  let match: RegExpExecArray | null;
  if ((first === 0x6d /* m */ || first === 0x28) /* ( */ && (match = moreLine.exec(line))) {
    const closing = readSlashTokens('more', line, match[1] ?? '');
    return closing ? { closing, weak: false } : null;
  }
  if ((first === 0x65 /* e */ || first === 0x28 || first === 0x2d /* - */ || first === 0x23) /* # */ && endLine.test(line)) {
    return { closing: emptyClosing('end', line), weak: false };
  }
  // Kyodo closes with its name between equals signs: `==Kyodo`.
  if (first === 0x3d /* = */) {
    const agency = agencyName(line.replace(/=/g, '').trim());
    if (agency === null) return null;
    const closing = emptyClosing('signoff', line);
    closing.agencies.push(agency);
    return { closing, weak: false };
  }
  // Operators mistyped it now and then (`REUETER`, `REUTR`): one slip in a word alone on its line.
  if (
    first === 0x72 /* r */ &&
    (reuterLine.test(line) || (/^(?:[A-Z]{5,8}|[A-Z][a-z]{4,7})$/.test(line) && withinOneEdit(line.toLowerCase(), 'reuter')))
  ) {
    const closing = emptyClosing('signoff', line);
    closing.agencies.push('Reuters');
    return { closing, weak: false };
  }
  if (first === 0x61 /* a */ && (match = apTrailer.exec(line))) {
    const [, agency, desk, month, day, yearText, time, zone] = match;
    const fullYear = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const closing = emptyClosing('signoff', line);
    closing.agencies.push(agency!);
    closing.initials.push(desk!);
    closing.date = isoDate(fullYear, Number(month), Number(day));
    closing.time = clock(time!);
    closing.zone = zone ?? null;
    return { closing, weak: false };
  }
  // An agency and desk initials set apart by spaces: `AAP RTV`, `AFP sn`, `dpa wsz jln npr`.
  if ((match = spacedSignoff.exec(line)) && agencyName(match[1]!) !== null) {
    const closing = emptyClosing('signoff', line);
    closing.agencies.push(match[1]!);
    closing.initials.push(...match[2]!.trim().split(/\s+/));
    return { closing, weak: false };
  }
  if ((line.includes('/') || /\d/.test(line)) && slashSignoff.test(line)) {
    const closing = readSlashTokens('signoff', line, line);
    if (!closing) return null;
    // Strong when it names an agency or a time; initials alone could be anything.
    return { closing, weak: closing.agencies.length === 0 && closing.time === null };
  }
  return null;
}

function emptyClosing(kind: Signoff['kind'], text: string): ClosingLine {
  return { kind, text, agencies: [], initials: [], time: null, zone: null, date: null, line: 0 };
}

function readSlashTokens(kind: Signoff['kind'], text: string, tokens: string): ClosingLine | null {
  const closing = emptyClosing(kind, text);
  for (const raw of tokens.split('/')) {
    const token = raw.trim();
    if (token === '') continue;
    const time = timeToken.exec(token);
    if (time) {
      closing.time = clock(time[1]!.padStart(2, '0') + time[2]!);
      if (closing.time === null) return null;
      if (time[3] && !/^hrs?$/i.test(time[3])) closing.zone = time[3].toUpperCase();
      continue;
    }
    if (!/^[A-Za-z][A-Za-z-]*$/.test(token)) return null;
    const agency = agencyName(token);
    // Agencies lead the chain; once initials start, the rest are initials too.
    if (agency !== null && closing.initials.length === 0) closing.agencies.push(agency === 'Reuters' ? agency : token);
    else closing.initials.push(token);
  }
  return closing;
}

/** `1117` → `11:17`; null when it is no time of day. */
export function clock(digits: string): string | null {
  const padded = digits.padStart(4, '0');
  const hours = Number(padded.slice(0, 2));
  const minutes = Number(padded.slice(2, 4));
  if (hours > 23 || minutes > 59) return null;
  return `${padded.slice(0, 2)}:${padded.slice(2, 4)}`;
}

/** Days in a month; February has 29 when the year is unknown, so Feb 29 passes without one. */
function daysIn(month: number, yearValue: number | null): number {
  if (month === 2) return yearValue === null || (yearValue % 4 === 0 && (yearValue % 100 !== 0 || yearValue % 400 === 0)) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `2019-04-25`, or `--04-25` without a year; null for a day the month does not have. */
export function isoDate(yearValue: number | null, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, yearValue)) return null;
  const monthDayText = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return yearValue === null ? `--${monthDayText}` : `${String(yearValue).padStart(4, '0')}-${monthDayText}`;
}

// ---------------------------------------------------------------------------
// Body conventions

/** A crosshead on its own: `– North Korean labourers –`, `-- Markets --`, `* Background *`. */
export const crossheadLine = /^(?:[–—]|--?|\*{1,2}|={1,3})\s*([^–—*=\s][^–—*=]{0,79}?)\s*(?:[–—]|--?|\*{1,2}|={1,3})$/;

/** A crosshead glued to the end of a paragraph after its last sentence: `… in February. – North Korean labourers –`. */
export const gluedCrosshead = /(?<=[.!?”"’)])\s+[–—]\s+([^–—.!?]{1,60}?)\s+[–—]$/;

/** Characters that may end an intact paragraph. */
export const paragraphEndings = '.!?…:;"”’»)]';

/** Control characters that are no text: C0 but tab and line ends, DEL, C1. */
// eslint-disable-next-line no-control-regex
export const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
