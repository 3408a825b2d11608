/**
 * The conventions of ANPA 1312 messages (the wire service transmission guidelines of
 * the American Newspaper Publishers Association, as AP, Kyodo and others send them),
 * written once: the reader and its sniffer both use these patterns, so they cannot
 * drift apart.
 *
 * One message:
 *
 * ```
 * SYN SYN SOH W2870 US asian                                  service level, story number, selector
 * r a DC3 DC1 BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693
 *                                                             priority, category, format, keyword, version, date, words
 * STX ^BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140<   AP's header lines: `^` … `<` (or `=`)
 *     ^Prairies vanish in the US push for green energy<          the headline
 *     TAB   ROSCOE, South Dakota (AP) _ Robert Malsam …          one line per paragraph, indented by a tab
 * ETX AP-WF-11-13-13 1509GMT<                                 transmission time
 * FF EOT
 * ```
 */
/* eslint-disable no-control-regex -- control characters are the grammar of this format */
import { agencyName } from '../../story/agencies.js';
import type { Priority, Signal, Signoff } from '../../story/story.js';

// ---------------------------------------------------------------------------
// Control characters

/** Synchronous idle: two of them open a transmission block. */
export const SYN = '\u0016';
/** Start of heading: the service line follows. */
export const SOH = '\u0001';
/** Start of text: the copy follows the header. */
export const STX = '\u0002';
/** End of text: the transmission time follows. */
export const ETX = '\u0003';
/** End of transmission: closes the message. */
export const EOT = '\u0004';
/** Unit separator: parts the story number from the selector; in agate, ends the first column. */
export const US = '\u001f';
/** Record separator: in AP agate, a fixed space that aligns columns. */
export const RS = '\u001e';
/** Backspace, ANPA's tab line indicator: opens a row of agate (tabular) type. */
export const BS = '\b';
/** Data link escape, a typesetter's space band: in AP agate, a space inside a cell (`Tampa Bay`). */
export const DLE = '\u0010';
/** Device control 1: second code of the format identifier. */
export const DC1 = '\u0011';
/** Device control 2: second code of the format identifier (AP's agate and Kyodo send it). */
export const DC2 = '\u0012';
/** Device control 3: first code of the format identifier, for text. */
export const DC3 = '\u0013';
/** Device control 4: first code of the format identifier, for tabular matter (agate). */
export const DC4 = '\u0014';

/**
 * Where a message starts: SOH (AP precedes it with SYN SYN) followed by a service
 * level letter and a four-digit story number.
 */
export const messageStart = /(?:\u0016\u0016)?\u0001(?=[A-Za-z]\d{4})/g;

/** Anything but white space and the fill between messages (SYN, EOT, FF, DEL): text outside any message. */
export const notFill = /[^\s\u0016\u0004\u000c\u007f]/;

/** IPTC 7901's start, which also opens with SOH: source letters and number, a space, the priority digit. */
export const iptc7901Start = /\u0001[A-Za-z]{1,8}\d{1,8} \d /;

/** Any control character but tab and line ends, for cleaning header fields. */
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

// ---------------------------------------------------------------------------
// The two header lines

/**
 * The service line after SOH: service level letter, four-digit story number, US, the
 * selector (`W2870␟asian`, `z6715␟-----`); Kyodo puts its name before US (`a0105KYODO␟koko-`).
 */
export const serviceLine = /^([A-Za-z])(\d{4})([A-Za-z][A-Za-z0-9-]{0,15})?\u001f([^\r\n]*)$/;

/**
 * The header line: priority letter, category letter, the format identifier (two control
 * characters), the keyword (squeezed to 24 characters without spaces), the version and
 * reference when given, the filing date `mm-dd`, the word count:
 * `r a␓␑ BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693`.
 */
export const headerLine =
  /^([A-Za-z]) ([A-Za-z])([\u0013\u0014])([\u0011\u0012]) +(\S+)(?: +(.*?))?? +(\d{2}-\d{2})(?: +(\d{1,5}))? *$/;

/** The header line found anywhere in a text, for sniffing input that lost its SOH. */
export const headerLineAnywhere = /(?:^|\n)[A-Za-z] [A-Za-z][\u0013\u0014][\u0011\u0012] +\S+/;

/** The fields of a service line. */
export interface ServiceFields {
  /** Service level letter (`W`, `z`, `a`). */
  service: string;
  /** Story number, four digits. */
  number: string;
  /** A provider's name before US (`KYODO`), or null. */
  provider: string | null;
  /** The selector code (`asian`, `-----`). */
  selector: string;
}

/** Reads a service line, or null when the line has not its shape. */
export function readServiceLine(text: string): ServiceFields | null {
  const match = serviceLine.exec(text.trim());
  if (!match) return null;
  return { service: match[1]!, number: match[2]!, provider: match[3] ?? null, selector: match[4]!.trim() };
}

/** The fields of a header line. */
export interface HeaderFields {
  /** Priority letter as written. */
  priority: string;
  /** Category letter as written (`a` domestic, `i` international, `s` sports, …). */
  category: string;
  /** `text` (DC3) or `tabular` (DC4: agate, tables). */
  format: 'text' | 'tabular';
  /** The format identifier's codes, named: `DC3 DC1`. */
  formatCodes: string;
  /** The keyword: the story's slug across its versions. */
  keyword: string;
  /** Version words (`1stLd-Writethru`, `Correction`), or null. */
  version: string | null;
  /** The story number an update refers to (`a0540`), or null. */
  reference: string | null;
  /** Filing date as written, `mm-dd` (Kyodo writes `dd-mm`). */
  date: string;
  /** Word count as written, or null. */
  words: string | null;
}

/** A story number in the version field: the one an update refers to. */
const referenceNumber = /^[A-Za-z]?\d{4}$/;

/** Reads a header line, or null when the line has not its shape. */
export function readHeaderLine(text: string): HeaderFields | null {
  const match = headerLine.exec(text.replace(/\s+$/, ''));
  if (!match) return null;
  const [, priority, category, first, second, keyword, middle, date, words] = match;
  const versionWords: string[] = [];
  let reference: string | null = null;
  for (const token of (middle ?? '').trim().split(/ +/)) {
    if (token === '') continue;
    if (reference === null && referenceNumber.test(token)) reference = token;
    else versionWords.push(token);
  }
  return {
    priority: priority!,
    category: category!,
    format: first === DC4 ? 'tabular' : 'text',
    formatCodes: `${first === DC4 ? 'DC4' : 'DC3'} ${second === DC2 ? 'DC2' : 'DC1'}`,
    keyword: keyword!,
    version: versionWords.length ? versionWords.join(' ') : null,
    reference,
    date: date!,
    words: words ?? null,
  };
}

/**
 * What a priority letter means: f flash, b bulletin, u urgent, r routine, d deferred;
 * a (advance: copy sent ahead for later use) can wait longest, as deferred copy does.
 */
const priorityLetters: Record<string, Priority> = {
  f: 'flash',
  b: 'bulletin',
  u: 'urgent',
  r: 'routine',
  d: 'deferred',
  a: 'deferred',
};

/** The Priority of a priority letter, or null for a letter of no known meaning. */
export function priorityOfLetter(letter: string): Priority | null {
  return priorityLetters[letter.toLowerCase()] ?? null;
}

/** What version words say the item does to earlier ones: `1stLd-Writethru` updates, `Correction` corrects. */
export function signalOfVersion(version: string): Signal | null {
  if (/correct/i.test(version)) return 'correction';
  if (/\b(?:kill|elimination|withdraw)/i.test(version)) return 'kill';
  if (/\d+(?:st|nd|rd|th)\s*-?\s*(?:Ld|Lead|Add|Sub|Insert|Take)|writethru|update|\b(?:Ld|lead|add|insert|sub)\b/i.test(version)) return 'update';
  return null;
}

// ---------------------------------------------------------------------------
// AP's header lines inside the text

/** A line of AP's text header: `^` opens it; `<` (flush left) or `=` (centred) may end it. */
export const caretLine = /^\^/;

/** Where one line holds two header fields: `^*9006< ^AP-Top-Entertainment-Headlines,0176<`. */
export const caretSplit = /<\s*(?=\^)/;

/** The typesetting code that ends a line: `<` quad left, `=` quad centre, `>` quad right. */
export const quadCode = /\s*([<=>])\s*$/;

/** The keyword line of the text: `BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140`. */
export const keywordLine = /^(?:BC|AM|PM|AP)-\S/;

/** The keyword line read: keyword, version words, word count. */
export function readKeywordLine(text: string): { keyword: string; version: string | null; words: string | null } {
  const parts = text.split(',').map((part) => part.trim());
  const keyword = parts.shift()!;
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  const words = parts.length && /^\d{1,5}$/.test(parts[parts.length - 1]!) ? parts.pop()! : null;
  const version = parts.filter(Boolean).join(', ') || null;
  return { keyword, version, words };
}

/** The words of a keyword, for a headline when the copy gives none: `BC-WEA--Global Weather-Fahrenheit` → `Global Weather-Fahrenheit`. */
export function keywordWords(keyword: string): string {
  return keyword.replace(/^(?:BC|AM|PM|AP)-/, '').replace(/^[A-Z]{1,4}--/, '');
}

/** A note to editors: `Eds: With AP Photos.`, `(Eds: Minor edits. …)`, `EDITOR'S NOTE _ This is part of …`. */
export const editorsNote = /^\(?\s*(?:Eds?|EDS|EDITOR'?S NOTE|Editor'?s Note)\s*[:_.]\s*(.*?)\s*\)?$/;

/** AP's line of pictures and media that go with the story: `AP Photo XNP101, XNP102`. */
export const mediaNote = /^AP (?:Photos?|Video|Graphics?|Audio|Interactive|Illustration)\b/i;

/** A byline: `By PAUL BYRNE and ALMUDENA CALATRAVA` (AP ends it with `=`). */
export const bylineLine = /^By\s+\S/;

/** Kyodo ends its head with `+`: `Soccer: Urawa Reds claim 7th Emperor's Cup …+`. */
export const plusHeadEnd = /\s*\+\s*$/;

// ---------------------------------------------------------------------------
// Agate: AP's tables

/**
 * A row of agate: BS opens it (a `^` after it marks a head row), US ends the first
 * column, RS (each with a space) fills the gap to the next cell, DLE is a space band
 * inside a cell (`Tampa␐ Bay`), `;` parts the cells where the row uses it. Returns the
 * row with a tab between cells, or null when the line is no row.
 */
export function readAgateRow(line: string): string | null {
  let row: string;
  if (line.startsWith(BS)) row = line.slice(1).replace(/^\^/, '');
  else if (semicolonRow.test(line.trim().replace(quadCode, ''))) row = line.trim();
  else return null;
  row = row
    .replace(quadCode, '')
    // US and the RS fill after it part two cells: one tab for each gap between cells.
    .replace(/\u001f?(?:\u001e ?)+|\u001f/g, '\t')
    .replace(/\u0010/g, '')
    // `{` is AP's one half in agate: `3{` games behind is three and a half.
    .replace(/\{/g, '½');
  if (/;[^ ]/.test(row) || row.startsWith(';')) row = row.replace(/;/g, '\t');
  return row.replace(/\s+$/, '');
}

/** Cells parted by `;` with no space after any: `Amsterdam;42;50;rn;0.08`. */
const semicolonRow = /^[^;\s][^;]*(?:;[^; ][^;]*|;){2,}$|^;[^;]*(?:;[^;]*){2,}$/;

// ---------------------------------------------------------------------------
// After ETX, and closing lines

/** Kyodo's transmission time: desk, time, day, month, two-digit year: `KWS-21:37-09-12-18`. */
export const kyodoTrailer = /^([A-Z]{2,6})-(\d{2}):(\d{2})-(\d{2})-(\d{2})-(\d{2})$/;

/** Reads Kyodo's transmission time into a sign-off, or null. */
export function readKyodoTrailer(text: string, line: number): Signoff | null {
  const match = kyodoTrailer.exec(text.trim());
  if (!match) return null;
  const [, desk, hour, minute, day, month, year] = match;
  if (Number(hour) > 23 || Number(minute) > 59) return null;
  const date = `20${year}-${month}-${day}`;
  const probe = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.getUTCDate() !== Number(day)) return null;
  return { kind: 'signoff', text: text.trim(), agencies: [], initials: [desk!], time: `${hour}:${minute}`, zone: null, date, line };
}

/** Kyodo's end of story: `==Kyodo`. */
const endSignature = /^={2,}\s*([A-Za-z][A-Za-z-]{1,15})$/;

/** Reads an end signature (`==Kyodo`) into a sign-off naming its agency, or null. */
export function readEndSignature(text: string, line: number): Signoff | null {
  const match = endSignature.exec(text.trim());
  const agency = match ? agencyName(match[1]!) : null;
  if (agency === null) return null;
  return { kind: 'signoff', text: text.trim(), agencies: [agency], initials: [], time: null, zone: null, date: null, line };
}
