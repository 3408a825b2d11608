/**
 * The conventions of NITF 3.x, written once: the sniffer, the reader and the writer
 * all use these names and patterns, so they cannot drift apart.
 */
import { agencyName } from '../../story/agencies.js';
import type { Signoff } from '../../story/story.js';
import { readDatelineParts } from '../wire-text/grammar.js';
import type { DatelineParts } from '../wire-text/grammar.js';
import { statusOfIptc } from '../../story/status.js';

/** The namespace of NITF 3.5 and 3.6, which the 3.6 XSD declares as its target. */
export const nitfNamespace = 'http://iptc.org/std/NITF/2006-10-18/';

/** The formal public identifier the 3.6 XSD fixes for `<nitf version="…">`. */
export const nitfVersion = '-//IPTC//DTD NITF 3.6//EN';

// ---------------------------------------------------------------------------
// The root element

/**
 * The name of the first element in an XML text, as written (`nitf`, `ninat:newsItem`),
 * skipping the declaration, comments, processing instructions and a DOCTYPE; null
 * when the text holds none in what was given, or is no markup at all.
 */
export function rootElementName(text: string): string | null {
  let position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (position < text.length && /\s/.test(text[position]!)) position++;
    if (text.startsWith('<?', position)) {
      const end = text.indexOf('?>', position + 2);
      if (end === -1) return null;
      position = end + 2;
    } else if (text.startsWith('<!--', position)) {
      const end = text.indexOf('-->', position + 4);
      if (end === -1) return null;
      position = end + 3;
    } else if (text.startsWith('<!DOCTYPE', position) || text.startsWith('<!doctype', position)) {
      // An internal subset in brackets may hold `>`: skip to the bracket that closes it first.
      const bracket = text.indexOf('[', position);
      const close = text.indexOf('>', position);
      if (close === -1) return null;
      if (bracket !== -1 && bracket < close) {
        const end = text.indexOf(']', bracket);
        const after = end === -1 ? -1 : text.indexOf('>', end);
        if (after === -1) return null;
        position = after + 1;
      } else {
        position = close + 1;
      }
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(position, position + 200));
      return match ? match[1]! : null;
    }
  }
}

/** The name without its prefix: `ninat:newsItem` → `newsItem`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** What a document with another root most likely is, and which reader to name as the way out. */
export interface OtherFormat {
  /** What the document is, for messages (`a NewsML-G2 news item`). */
  kind: string;
  /** The reader to try (`newsml-g2`), or null when Slugline reads no such thing. */
  from: string | null;
  /** The document is no text story at all (a package, a concept, a plan). */
  notText: boolean;
}

/** Roots NITF is confused with, by local name, and the reader of each. */
const otherRoots = new Map<string, OtherFormat>(Object.entries({
  newsItem: { kind: 'a NewsML-G2 news item', from: 'newsml-g2', notText: false },
  newsMessage: { kind: 'a NewsML-G2 news message', from: 'newsml-g2', notText: false },
  packageItem: { kind: 'a NewsML-G2 package', from: null, notText: true },
  knowledgeItem: { kind: 'a NewsML-G2 knowledge item', from: null, notText: true },
  conceptItem: { kind: 'a NewsML-G2 concept item', from: null, notText: true },
  planningItem: { kind: 'a NewsML-G2 planning item', from: null, notText: true },
  catalog: { kind: 'a NewsML-G2 catalog', from: null, notText: true },
  NewsML: { kind: 'a NewsML 1.2 document', from: 'newsml-1.2', notText: false },
  rss: { kind: 'an RSS feed', from: 'rss', notText: false },
  RDF: { kind: 'an RSS 1.0 feed', from: 'rss', notText: false },
  feed: { kind: 'an Atom feed', from: 'atom', notText: false },
  html: { kind: 'an HTML page', from: null, notText: false },
  REUTERS: { kind: 'a Reuters-21578 SGML file', from: 'reuters-sgml', notText: false },
  lewis: { kind: 'a Reuters-21578 SGML file', from: 'reuters-sgml', notText: false },
}));

/** What a root element other than `<nitf>` most likely is. */
export function otherFormatOf(root: string): OtherFormat {
  return otherRoots.get(localName(root)) ?? { kind: 'an XML document of another kind', from: null, notText: false };
}

/** What text that is no markup most likely is: JSON (ninjs) or plain wire copy. */
export function otherFormatOfText(text: string): OtherFormat {
  const first = text.replace(/^\ufeff/, '').trimStart()[0];
  if (first === '{' || first === '[') return { kind: 'JSON', from: 'ninjs', notText: false };
  return { kind: 'plain text', from: 'wire-text', notText: false };
}

/** What kind of item a NITF holding only `<media media-type="…">` is (`image` → `picture`). */
export function mediaKind(mediaType: string | null): string {
  switch ((mediaType ?? '').toLowerCase()) {
    case 'image':
    case 'photo':
    case 'graphic':
      return 'picture';
    case 'video':
      return 'video';
    case 'audio':
      return 'audio';
    default:
      return 'media';
  }
}

// ---------------------------------------------------------------------------
// docdata

/** The Story status a status word stands for: see `statusOfIptc`. */
export const statusOf = statusOfIptc;

/** The `msg-type` of the `<ed-msg>` Slugline writes an embargo notice in. */
export const embargoMessageType = 'embargo';

/**
 * An embargo notice inside an editor's message: `… Embargoed to 0001 Friday September 9`,
 * `EMBARGOED UNTIL …`, `Embargo: …` (but not `the embargo on Iran`).
 */
const embargoPhrase = /\bembargo(?:ed)?\s*(?:until|till|to|for|:).*$/i;

/** The embargo notice an editor's message carries, from its first `embargo` to the end; null without one. */
export function embargoNoticeIn(message: string): string | null {
  return embargoPhrase.exec(message)?.[0].trim() ?? null;
}

/**
 * NITF dates (`norm` attributes) are ISO 8601 basic: `YYYYMMDDTHHMMSS-HHMM` preferred,
 * `YYYYMMDDTHHMMSSZ` the alternative. Turns an ISO 8601 extended date-time as the
 * Story holds it into that form (fractions of a second have no place); null when it is none.
 */
export function normOfDateTime(iso: string | null): string | null {
  if (iso === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match || Number.isNaN(Date.parse(iso))) return null;
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  return `${year}${month}${day}T${hour}${minute}${second}${zone === 'Z' ? 'Z' : zone!.replace(':', '')}`;
}

/** `2019-04-25` → `20190425` (ISO 8601 basic); null for a date without a year (`--04-25`) or none. */
export function normOfDate(date: string | null): string | null {
  const match = date === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/**
 * The calendar day a NITF date gives, as written (the local day, whatever the zone):
 * `20200703T165136-0400` → `2020-07-03`; null when it names none.
 */
export function dayOf(norm: string | null): string | null {
  const match = norm === null ? null : /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s])/.exec(norm);
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** A value XML Schema's NMTOKEN accepts (urgency, du-key version, subject refnum). */
export const nmtoken = /^[\p{L}\p{N}._:-]+$/u;

/** A BCP 47 language tag as NITF's `baselang` and `xml:lang` carry it (`en-US`, `nb-NO`). */
export const languageTag = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

// ---------------------------------------------------------------------------
// Datelines in the lead paragraph


/** AAP leaves out the comma before the date: `SYDNEY March 22 AAP -`. */
const commalessDate =
  /^(\S.*?)\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b.*)$/i;
/**
 * The parts of dateline words standing alone, with no copy after them and maybe no
 * dash (a `<dateline>` element's `BEIJING July 23`, `SYDNEY March 22 AAP -`); null
 * when they are no dateline.
 */
export function readDatelineWords(words: string): DatelineParts | null {
  const bare = words.trim().replace(/\s*(?:–|—|--|-|_|\.-|:)$/, '');
  if (bare === '') return null;
  const read = readDatelineParts(bare);
  if (read) return read;
  const match = commalessDate.exec(bare);
  return match && !match[1]!.includes(',') ? readDatelineParts(`${match[1]}, ${match[2]}`) : null;
}


/** Whether two spellings name one place (`Ottawa`, `OTTAWA`): case, accents and spacing aside. */
export function samePlace(left: string, right: string): boolean {
  const normal = (text: string) =>
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return normal(left) === normal(right);
}

// ---------------------------------------------------------------------------
// Sign-offs at the end of the copy

/**
 * A sign-off NITF copy ends with as a paragraph of its own: an agency and desk
 * initials separated by spaces (AAP's `AAP RTV ar`, `AFP sn`), or Ritzau's `/ritzau/`.
 */
export function readAgencySignoff(text: string): Signoff | null {
  const line = text.trim();
  if (line.length === 0 || line.length > 40) return null;
  const slashed = /^\/(\p{L}[\p{L}-]{1,15})\/$/u.exec(line);
  if (slashed) return signoff(line, [agencyName(slashed[1]!) ?? slashed[1]!], []);
  const tokens = line.split(/\s+/);
  const agency = agencyName(tokens[0]!);
  if (agency === null || tokens.length > 4) return null;
  const initials = tokens.slice(1);
  if (!initials.every((token) => /^[A-Za-z]{1,5}$/.test(token))) return null;
  return signoff(line, [tokens[0]!], initials);
}

function signoff(text: string, agencies: string[], initials: string[]): Signoff {
  return { kind: 'signoff', text, agencies, initials, time: null, zone: null, date: null, line: 1 };
}
