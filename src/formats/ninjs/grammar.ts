/**
 * The vocabulary of ninjs (IPTC's News in JSON), written once: the reader, its
 * sniffer and the writer all take their property names from here, so they cannot
 * drift apart.
 *
 * ninjs 1.x and 2.x spell properties in lower case (`versioncreated`, `pubstatus`);
 * 3.x renames them to camelCase (`versionCreated`, `pubStatus`) and `embargoed` to
 * `embargoedUntil`. 1.x keeps one headline, body and description per property
 * (`headline`, `body_html`, `description_text`, with the suffix naming the markup);
 * 2.x and 3.x hold arrays of `{ role, contenttype, value }` (`headlines`, `bodies`,
 * `descriptions`; `contentType` in 3.x). Superdesk's ninjs, which agencies send,
 * keeps 1.x names and adds its own (`guid` instead of `uri`, `keywords`).
 */

/** The names one Story field goes by across the ninjs generations, first found wins. */
export const names = {
  uri: ['uri'],
  /** Superdesk writes its item id here and often leaves `uri` out. */
  guid: ['guid'],
  type: ['type'],
  version: ['version'],
  versionCreated: ['versioncreated', 'versionCreated'],
  firstCreated: ['firstcreated', 'firstCreated'],
  embargoed: ['embargoed', 'embargoedUntil'],
  pubStatus: ['pubstatus', 'pubStatus'],
  urgency: ['urgency'],
  language: ['language'],
  slugline: ['slugline'],
  byline: ['byline', 'by'],
  located: ['located'],
  edNote: ['ednote', 'edNote'],
  headlines: ['headlines'],
  bodies: ['bodies'],
  descriptions: ['descriptions'],
  subjects: ['subjects', 'subject'],
  keywords: ['keywords'],
  people: ['people', 'person'],
  organisations: ['organisations', 'organisation'],
  places: ['places', 'place'],
  altIds: ['altids', 'altIds'],
  profile: ['profile'],
  /** 3.x: what makes an item an event rather than content. */
  eventDetails: ['eventDetails'],
} as const;

/** 1.x single-valued text properties: `headline_main`, `body_html`, `description_text`. */
export const suffixed = {
  headline: /^headline(?:_[A-Za-z0-9_]+)?$/,
  body: /^body_[A-Za-z0-9_]+$/,
  description: /^description_[A-Za-z0-9_]+$/,
} as const;

/** The content type of a 2.x body (`contenttype`) or a 3.x one (`contentType`). */
export const contentTypeNames = ['contenttype', 'contentType'] as const;

/** What `type` says the item is. Only `text` is a story; `composite` is one when it carries text of its own. */
export const textTypes = new Set(['text']);
/** Types that are never a text story, whatever else the item carries. */
export const nonTextTypes = new Set(['audio', 'video', 'picture', 'graphic', 'component', 'event', 'planning']);
/** A package of other items; read as a story only for the text it carries itself. */
export const compositeType = 'composite';

/** `pubstatus` values; `cancelled` is a spelling some feeds use for `canceled`. */
export const pubStatuses = { usable: 'usable', withheld: 'withheld', canceled: 'canceled', cancelled: 'canceled' } as const;

// ---------------------------------------------------------------------------
// Sniffing

/** A property name in JSON text: `"versioncreated":`. */
export const propertyName = /"([A-Za-z_$][A-Za-z0-9_$]*)"\s*:/g;

/**
 * Names only ninjs (and the feeds built on it) use; one of them beside `uri` makes a
 * JSON object ninjs. Story JSON (Slugline's own) shares `versionCreated` and
 * `headline` but never `uri`.
 */
export const distinctiveNames = new Set([
  'versioncreated',
  'versionCreated',
  'firstcreated',
  'firstCreated',
  'pubstatus',
  'pubStatus',
  'embargoed',
  'embargoedUntil',
  'headline',
  'headlines',
  'bodies',
  'descriptions',
  'byline',
  'located',
  'altids',
  'altIds',
  'urgency',
  'representationtype',
  'representationType',
]);

/** The lower-case names that mark Superdesk's ninjs, which may have `guid` and no `uri`. */
export const lowerCaseOnlyNames = new Set(['versioncreated', 'firstcreated', 'pubstatus', 'description_text', 'body_html', 'body_text']);

/** AP Media API: `{ "api_version": …, "data": { "item": {…} } }`, items in ninjs 1.x shape. */
export const apEnvelopeNames = ['api_version', 'data'] as const;

// ---------------------------------------------------------------------------
// Identity

/**
 * The URI Slugline writes for a story whose provider gave none (`urn:slugline:<id>`),
 * or whose id is not a URI (`urn:slugline:guid:<guid>`), percent-encoded. The
 * reader recognises both, so a story keeps its guid (or its lack of one) through
 * ninjs and back.
 */
export const sluglineUrn = 'urn:slugline:';
export const sluglineGuidUrn = 'urn:slugline:guid:';

/** An absolute URI (RFC 3986): a scheme, a colon, then only characters a URI may hold. */
export const absoluteUri = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})+$/;

// ---------------------------------------------------------------------------
// Subjects

/**
 * IPTC vocabularies by URI and by the scheme alias NewsML-G2 gives them, so a
 * `medtop:04000000` written as ninjs becomes
 * `http://cv.iptc.org/newscodes/mediatopic/04000000` and reads back as `medtop`.
 */
export const schemeAliases: Record<string, string> = {
  medtop: 'http://cv.iptc.org/newscodes/mediatopic/',
  subj: 'http://cv.iptc.org/newscodes/subjectcode/',
  genre: 'http://cv.iptc.org/newscodes/genre/',
};

/** A QCode as a ninjs `literal` gives it: `medtop:04000000`, `category:leisure`. */
export const qcode = /^([A-Za-z][A-Za-z0-9_-]*):([^\s/]\S*)$/;

/** The scheme and code of a subject URI: the code is what follows the last `/`, `#` or `:`. */
export function splitSubjectUri(uri: string): { scheme: string; code: string } | null {
  for (const [alias, base] of Object.entries(schemeAliases)) {
    if (uri.startsWith(base) && uri.length > base.length) return { scheme: alias, code: uri.slice(base.length) };
  }
  const cut = Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#'), uri.lastIndexOf(':'));
  if (cut <= 0 || cut === uri.length - 1) return null;
  return { scheme: uri.slice(0, cut + 1), code: uri.slice(cut + 1) };
}

/** The URI of a code in a scheme, when the scheme is an IPTC alias or a URI ending in `/`, `#` or `:`. */
export function subjectUri(scheme: string, code: string): string | null {
  const base = schemeAliases[scheme] ?? (/^[A-Za-z][A-Za-z0-9+.-]*:\/\/.*[/#:]$/.test(scheme) ? scheme : null);
  return base === null ? null : base + code;
}

// ---------------------------------------------------------------------------
// Bylines and datelines

