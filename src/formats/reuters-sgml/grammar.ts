/**
 * The conventions of the Reuters-21578 SGML files (`reut2-000.sgm` …), written once:
 * the reader and its sniffer both use these patterns, so they cannot drift apart.
 *
 * The markup is described in the corpus' `lewis.dtd` and `README.txt`. Every story is
 * one `<REUTERS …>` element; the copy sits in `<TEXT>`, split by the corpus editors
 * into `<TITLE>`, `<AUTHOR>`, `<DATELINE>` and `<BODY>`; the wire framing (control
 * characters, the `BC-…` header line) is kept as numeric character references.
 */
import type { Priority } from '../../story/story.js';

// ---------------------------------------------------------------------------
// Markup

/** The document type line that opens every corpus file: `<!DOCTYPE lewis SYSTEM "lewis.dtd">`. */
export const doctypeLine = /<!DOCTYPE\s+lewis\b/i;

/** The open tag of one story: `<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" … NEWID="1">`. */
export const reutersOpenTag = /<REUTERS\b([^<>]*)>/;

/** The close tag of one story; the corpus puts it alone on its line. */
export const reutersCloseTag = /<\/REUTERS\s*>/;

/** One attribute of an open tag; the corpus always quotes the value. */
export const attribute = /([A-Za-z][A-Za-z0-9-]*)\s*=\s*"([^"]*)"/;

/**
 * The elements a `<REUTERS>` element may contain (lewis.dtd). Tags with other names
 * are not markup but text, so a stray `<` in the copy cannot open an element.
 */
export const elementNames = [
  'DATE',
  'MKNOTE',
  'UNKNOWN',
  'TOPICS',
  'PLACES',
  'PEOPLE',
  'ORGS',
  'EXCHANGES',
  'COMPANIES',
  'D',
  'TEXT',
  'TITLE',
  'AUTHOR',
  'DATELINE',
  'BODY',
] as const;

/** An open or close tag of one of `elementNames`: `<TEXT TYPE="BRIEF">`, `</BODY>`. */
export const elementTag = new RegExp(`<(/?)(${elementNames.join('|')})\\b([^<>]*)>`);

/** The five category sets of the corpus, each a list of `<D>` codes (COMPANIES is always empty). */
export const categorySets = ['TOPICS', 'PLACES', 'PEOPLE', 'ORGS', 'EXCHANGES', 'COMPANIES'] as const;

export type CategorySet = (typeof categorySets)[number];

/** The placeholder the corpus editors put after the TITLE of a `BRIEF`: no copy of the wire's. */
export const briefPlaceholder = /^[ \t]*Blah blah blah\.[ \t]*$/gm;

// ---------------------------------------------------------------------------
// Characters

const namedEntities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character reference: `&#3;`, `&#x7f;`, `&lt;`. */
const reference = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g;

/**
 * Decodes character references: numeric ones (`&#2;` → STX, the wire's control
 * characters) and `&lt; &gt; &amp; &quot; &apos;`. Unknown names are left as written.
 */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(reference, (match, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return namedEntities[name] ?? match;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

// The wire's framing, kept in the corpus as character references: in <UNKNOWN>, three
// ENQ (`&#5;`) open the line of desk codes (`C T`), SYN SYN SOH (`&#22;&#22;&#1;`) open
// the transmission block, US (`&#31;`) parts the service number from the selector
// (`f0704␟reute`); in <TEXT>, STX and ETX open and close the copy. None of it is text.

/** Start of text: the copy follows. */
export const STX = '\u0002';
/** End of text: the copy is over. */
export const ETX = '\u0003';

/** Any control character: C0 but tab and line ends, DEL, C1. */
// eslint-disable-next-line no-control-regex
export const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A literal `^M` at a line end: caret notation for a carriage return that leaked into
 * some corpus lines (`REUTER^M`). The line end is already there, so it goes.
 */
export const caretReturn = /\^M(?=\r?\n|$)/g;

/**
 * Cleans a metadata field for a label: control characters become spaces, runs of
 * spaces and tabs one space, each line is trimmed and blank lines dropped.
 */
export function cleanField(text: string): string {
  return text
    .replace(controlCharacter, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Drops the framing around the copy of one TEXT element: STX opens it and ETX closes
 * it, and the carriage returns written `^M` go. Control characters elsewhere are
 * transmission damage, left for the wire-text reader to flag.
 */
export function dropFraming(text: string): string {
  return text.replace(openingStx, '$1').replace(closingEtx, '$1').replace(caretReturn, '');
}

const openingStx = new RegExp(`^(\\s*)${STX}`);
const closingEtx = new RegExp(`${ETX}(\\s*)$`);

// ---------------------------------------------------------------------------
// The wire header, kept in <UNKNOWN>

/**
 * The wire header line: priority, category, keyword (slug), maybe notes, the date
 * `MM-DD` and the word count: `u f BC-BAHIA-COCOA-REVIEW   02-26 0105`,
 * `b f AM-GULF-OPERATION ***URGENT  02-26 0097`.
 */
export const wireHeaderLine = /^([a-z]{1,2})\s+([a-z])\s+(\S+)(?:\s+(.*?))?\s+(\d\d-\d\d)\s+(\d{4})$/;

/**
 * What the priority letter of the header means. Only the five letters whose meaning
 * the corpus bears out are read (`f` heads the flashes that became `BRIEF`s); `a`,
 * `h`, `s` and `w` also occur, meaning unknown.
 */
const priorityLetters: Record<string, Priority> = {
  f: 'flash',
  b: 'bulletin',
  u: 'urgent',
  r: 'routine',
  d: 'deferred',
};

/** The Priority of a header priority letter, or null when the letter is not one of the known five. */
export function priorityOfLetter(letter: string): Priority | null {
  return priorityLetters[letter] ?? null;
}

/** The header read from cleaned `<UNKNOWN>` text, or null when no line has its shape. */
export function readWireHeader(unknown: string): { slug: string; priority: Priority | null } | null {
  for (const line of unknown.split('\n')) {
    const match = wireHeaderLine.exec(line.trim());
    if (match) return { slug: match[3]!, priority: priorityOfLetter(match[1]!) };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Dates

const monthNumbers: Record<string, number> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12,
};

/**
 * `<DATE>`: ` 2-MAR-1987 06:41:42.20`, the day first; the time may be damaged
 * (`605:12:19.12`) and noise may follow (`&#5;&#5;&#5;F`, an editor's comment).
 */
export const reutersDate = /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4})\b/;

/**
 * The day of a story's `<DATE>` as ISO 8601 (`26-FEB-1987 15:01:01.79` → `1987-02-26`),
 * or null when it names no day. The time is left out: the corpus names no time zone.
 */
export function isoDay(date: string): string | null {
  const match = reutersDate.exec(date);
  if (!match) return null;
  const [, day, monthName, year] = match;
  const month = monthNumbers[monthName!.toUpperCase()];
  if (month === undefined) return null;
  const probe = new Date(Date.UTC(Number(year), month - 1, Number(day)));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== Number(day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// Bylines, kept in <AUTHOR>

/** `by Janie Gabbett, Reuters`, `BY TED D'AFFLISIO, REUTERS`, `By Brad Schade Reuters`. */
const authorLine = /^by\s+(.+?)(?:\s*,\s*(.+?)|\s+(Reuters?))?\.?$/i;

/** The names and the title of an `<AUTHOR>` (`By Peter Torday, Reuters` → `["Peter Torday"]`, `Reuters`). */
export function readAuthor(text: string): { names: string[]; title: string | null } {
  const match = authorLine.exec(text);
  if (!match) return { names: [text], title: null };
  const names = match[1]!.split(/\s+and\s+|\s*&\s*/i).filter((name) => name !== '');
  return { names, title: match[2] ?? match[3] ?? null };
}
