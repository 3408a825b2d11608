/**
 * The conventions of NewsML-G2, written once: the sniffer, the reader and the writer
 * all use these names, codes and patterns, so they cannot drift apart.
 */
import type { Signal, Status } from '../../story/story.js';

/** The namespace of every NewsML-G2 element (NAR, the News Architecture, since 2006). */
export const G2_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';

/** XHTML, the usual markup of `inlineXML` text. */
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * Slugline's own namespace for the few things a Story holds that G2 has no element
 * for (an embargo's words, a byline's title). G2 allows attributes from other
 * namespaces on those elements (`anyAttribute namespace="##other"`), so documents
 * stay valid; the reader takes them back.
 */
export const SLUGLINE_NAMESPACE = 'https://slugline.dev/ns/newsml-g2/1';

/** The guid of a story that has none: Slugline's own id as a URN, which the reader turns back into the id. */
export const SLUGLINE_GUID_PREFIX = 'urn:slugline:';

/** The IPTC catalog the writer refers to: it declares every alias the writer uses (`ninat`, `stat`, `sig`, `medtop`, …). */
export const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml';

/** The G2 version the writer follows. */
export const WRITTEN_VERSION = '2.35';

/**
 * The kinds of G2 item, and what each is, for refusals. Only a `newsItem` of class
 * text carries a story; the others describe, plan, bundle or catalogue.
 */
export const itemKinds: Readonly<Record<string, string>> = {
  newsItem: 'a news item',
  packageItem: 'a package (a list of references to other items, carrying no text of its own)',
  knowledgeItem: 'a knowledge item (a set of concepts: people, places, events)',
  conceptItem: 'a concept item (one concept: a person, an organisation, an event)',
  planningItem: 'a planning item (news coverage planned, not delivered)',
  catalogItem: 'a catalog item (scheme aliases for qcodes)',
};

/**
 * G2 elements that are parts of an item, found as roots when someone cut one out (as
 * IPTC's guidelines print them). Only names no other format uses: a `header` or a
 * `catalog` could be anything.
 */
export const itemParts = new Set(['itemMeta', 'contentMeta', 'partMeta', 'contentSet', 'groupSet', 'itemSet', 'inlineXML', 'inlineData']);

/**
 * The start tag of the document's root element, from the first bytes: its prefix,
 * local name and the attribute text. Declarations, comments, processing instructions
 * and a DOCTYPE before it are skipped. A scan, not one regular expression, so that no
 * input can make it backtrack for long.
 */
export function readRootTag(head: string): { prefix: string | null; local: string; attributes: string } | null {
  let position = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (position < head.length && /\s/.test(head[position]!)) position++;
    if (head.startsWith('<?', position)) position = after(head, '?>', position + 2);
    else if (head.startsWith('<!--', position)) position = after(head, '-->', position + 4);
    else if (head.startsWith('<!DOCTYPE', position)) {
      // An internal subset in brackets may hold `>`; it ends at `]` and then `>`.
      const bracket = head.indexOf('[', position);
      const close = head.indexOf('>', position);
      position = bracket !== -1 && bracket < close ? after(head, '>', after(head, ']', bracket)) : after(head, '>', position);
    } else break;
    if (position === -1) return null;
  }
  const match = /^<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)([^>]*)/.exec(head.slice(position, position + 4096));
  if (!match) return null;
  return { prefix: match[1] ?? null, local: match[2]!, attributes: match[3] ?? '' };
}

/** The offset just after the next `end` from `from`, or -1 when there is none. */
function after(text: string, end: string, from: number): number {
  if (from === -1) return -1;
  const found = text.indexOf(end, from);
  return found === -1 ? -1 : found + end.length;
}

/** `standard="NewsML-G2"`, the attribute every G2 item carries. */
export const standardAttribute = /\bstandard\s*=\s*["']NewsML-G2["']/;

// ---------------------------------------------------------------------------
// QCodes and their vocabularies

/** A qcode split into its scheme alias and code (`medtop:04000000` → `medtop`, `04000000`), or null. */
export function splitQcode(qcode: string | null): { scheme: string; code: string } | null {
  if (qcode === null) return null;
  const value = qcode.trim();
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) return null;
  return { scheme: value.slice(0, colon), code: value.slice(colon + 1) };
}

/**
 * A concept URI split into its scheme and code at the last `/` or `#`
 * (`http://cv.iptc.org/newscodes/mediatopic/04000000` → the scheme URI and `04000000`).
 */
export function splitConceptUri(uri: string): { scheme: string; code: string } | null {
  const value = uri.trim();
  const cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf('#'));
  if (cut <= 0 || cut === value.length - 1) return null;
  return { scheme: value.slice(0, cut + 1), code: value.slice(cut + 1) };
}

/**
 * The nature of an item from its `itemClass` (`ninat:text`, `icls:picture`, or the
 * NewsCodes URI): the code, lower case. Agencies use their own alias (Reuters
 * `icls:`), so only the code counts.
 */
export function itemNature(qcode: string | null, uri: string | null): string | null {
  const split = splitQcode(qcode) ?? (uri ? splitConceptUri(uri) : null);
  return split ? split.code.toLowerCase() : null;
}

/** What the non-text natures are, for refusals. */
export const natureNames: Readonly<Record<string, string>> = {
  picture: 'a picture',
  graphic: 'a graphic',
  video: 'a video',
  audio: 'an audio item',
  composite: 'a composite item (several media bundled, or structured data)',
  interactive: 'an interactive item',
  concept: 'a concept',
  scheme: 'a scheme of concepts',
  event: 'an event',
  newscoverage: 'planned news coverage',
};

/** The Story status of a `pubStatus` code (`stat:usable|withheld|canceled`); null when unknown. */
export function statusOfPubStatus(code: string): Status | null {
  switch (code.toLowerCase()) {
    case 'usable':
      return 'usable';
    case 'withheld':
      return 'withheld';
    case 'canceled':
    case 'cancelled':
      return 'canceled';
    default:
      return null;
  }
}

/**
 * The Story signal of a `signal` qcode. IPTC's signal NewsCodes (`sig:`) say
 * `update` and `correction`; a withdrawal is a kill. Signals of other schemes
 * (Reuters `edStat:`, AP `apsig:`) carry private meanings and are not read.
 */
export function signalOfCode(qcode: string): Signal | null {
  const split = splitQcode(qcode);
  if (!split || split.scheme !== 'sig') return null;
  switch (split.code.toLowerCase()) {
    case 'update':
      return 'update';
    case 'correction':
      return 'correction';
    case 'kill':
    case 'withdrawal':
    case 'withdraw':
      return 'kill';
    default:
      return null;
  }
}

/** The signal qcode the writer uses for a Story signal; a kill is written as `stat:canceled` instead. */
export const signalCodes: Readonly<Record<Signal, string | null>> = {
  update: 'sig:update',
  correction: 'sig:correction',
  kill: null,
};

/** The code of a role qcode, lower case (`hdltype:main` → `main`, `drol:summary` → `summary`). */
export function roleCode(role: string | null): string | null {
  if (role === null) return null;
  const first = role.trim().split(/\s+/)[0] ?? '';
  const split = splitQcode(first);
  return (split ? split.code : first).toLowerCase() || null;
}

/** A headline role that marks the main headline (`hdltype:main`, `hld:main`); no role is main too. */
export function isMainHeadlineRole(role: string | null): boolean {
  const code = roleCode(role);
  return code === null || code === 'main' || code === 'headline';
}

/** A description role that makes it a summary (`drol:summary`, `MWdrole:abstract`); captions describe pictures. */
export function isSummaryRole(role: string | null): boolean {
  const code = roleCode(role);
  return code === null || code === 'summary' || code === 'abstract' || code === 'teaser' || code === 'lead';
}

/** Location types that name a country (`loctyp:Country`, AP's `cptype:country`). */
export function isCountryType(type: string | null): boolean {
  return roleCode(type) === 'country';
}

/** Location types that name a region inside a country (`loctyp:CountryArea`, AP's `cptype:statprov`). */
export function isRegionType(type: string | null): boolean {
  const code = roleCode(type);
  return code === 'countryarea' || code === 'statprov' || code === 'region' || code === 'state' || code === 'province';
}

// ---------------------------------------------------------------------------
// Text

/**
 * Character references escaped twice: the text holds `&#39;` or `&quot;` as
 * characters after the XML was read (STT's archive does it).
 */
const doubleEscaped = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(quot|amp|apos|lt|gt|nbsp));/g;

const escapedNames: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Undoes a second escaping; returns the text and how many references were decoded. */
export function decodeDoubleEscaped(text: string): { text: string; count: number } {
  if (!text.includes('&')) return { text, count: 0 };
  let count = 0;
  const result = text.replace(doubleEscaped, (match, decimal?: string, hex?: string, name?: string) => {
    let value: string | undefined;
    if (name !== undefined) value = escapedNames[name];
    else {
      const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
      value = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    }
    if (value === undefined) return match;
    count++;
    return value;
  });
  return { text: result, count };
}

/** Control characters that have no place in text: C0 but tab and line ends, DEL, C1. */
// eslint-disable-next-line no-control-regex
export const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

// ---------------------------------------------------------------------------
// Body markup (XHTML and NITF inside `inlineXML`)

/**
 * Block elements: each holds one paragraph, or other blocks. Any other element is
 * inline (its text joins the paragraph around it) unless a block sits inside it, as
 * STT's archive puts an `h3` inside a `p`.
 */
export const blockElements = new Set([
  'p',
  'div',
  'li',
  'dt',
  'dd',
  'address',
  'blockquote',
  'bq',
  'body',
  'html',
  'article',
  'section',
  'main',
  'ul',
  'ol',
  'dl',
  'footer',
  'aside',
  'center',
  'h1',
  'hl1',
  // NITF
  'block',
  'body.content',
  'body.end',
  'tagline',
]);

/** Elements whose text is a crosshead: subheadings inside the body (`h2`, NITF `hl2`). */
export const crossheadElements = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'hl2']);

/** Elements whose text keeps its line breaks. */
export const preformattedElements = new Set(['pre']);

/** Tables: kept as preformatted blocks, a row a line, cells parted by ` | `. */
export const tableElements = new Set(['table']);

/**
 * Elements that are no part of the story's text: the document head, scripts, the
 * header dpa repeats the headline and slug in, pictures with their captions and
 * credits, NITF media and notes.
 */
export const skippedElements = new Set([
  'head',
  'title',
  'script',
  'style',
  'header',
  'figure',
  'img',
  'media',
  'nav',
  'object',
  'iframe',
  'video',
  'audio',
  'note',
  'body.head',
]);
