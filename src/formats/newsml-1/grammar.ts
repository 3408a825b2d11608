/**
 * NewsML 1.2's vocabularies as the agencies fill them in, and the agency quirks the
 * reader knows, kept as data so that the sniffer and the reader share them.
 */
import type { Signal, Signoff } from '../../story/story.js';
import { statusOfIptc } from '../../story/status.js';

/** The Story status a status word stands for: see `statusOfIptc`. */
export const statusOf = statusOfIptc;

/** What an `Instruction` FormalName does to earlier items: IPTC's Update and Rectify, and the words agencies use. */
export function signalOf(formalName: string): Signal | null {
  switch (formalName.trim().toLowerCase()) {
    case 'update':
      return 'update';
    case 'rectify':
    case 'correction':
    case 'correct':
      return 'correction';
    case 'kill':
    case 'delete':
    case 'withdraw':
      return 'kill';
    default:
      return null;
  }
}

/** What a component's `Role` makes of its text. */
export type RoleUse = 'body' | 'headline' | 'summary' | 'none';

/**
 * Roles whose text is not the story's body: Belga's `Title` and Business Wire's
 * `HeadLine` repeat the headline; `Abstract` and `SubHeadLine` are summaries; a
 * picture's `Caption`, a press release's `Contact`, `TweetText`, `StyleSheet` and
 * `Logo` are no copy. Every other role (`Main`, `Body`, Belga's `Lead`, none) is body.
 */
const roleUses: Record<string, RoleUse> = {
  title: 'headline',
  headline: 'headline',
  abstract: 'summary',
  summary: 'summary',
  subheadline: 'summary',
  teaser: 'summary',
  caption: 'none',
  contact: 'none',
  tweettext: 'none',
  stylesheet: 'none',
  logo: 'none',
  thumbnail: 'none',
  preview: 'none',
};

/** What a component's Role (`Body`, `Title`, `Caption`, none) makes of its text. */
export function roleUse(role: string | null): RoleUse {
  return role === null ? 'body' : (roleUses[role.trim().toLowerCase()] ?? 'body');
}

/** Media types (`MediaType`, Belga's `ComponentClass`) that are no text. */
const mediaTypes = /^(?:photo|picture|image|graphic|video|audio|sound|clip|animation)$/i;
/** Formats of pictures, sound and film. */
const mediaFormats = /^(?:jpe?g(?:\s.*)?|gif|png|tiff?|bmp|mpe?g\d?|mp[34]|wav|aiff?|wmv|mov|avi|flv|quicktime)$/i;
/** Formats and media types of text. */
const textFormats = /^(?:text|ascii|nitf.*|bcnitf.*|html|xhtml|xml|bw-text|plain)$/i;

/** What a ContentItem holds, from what its `MediaType`, `MimeType`, `Format` and its component's class say. */
export type ContentKind = 'text' | 'media' | 'other';

/**
 * What a ContentItem holds: media when any of its facts names pictures, sound or film;
 * text when one names text or a text format (Business Wire's `text/plain`, TASS's
 * `ComplexData` of type `text/vnd.IPTC.NITF`), or when nothing is said at all (SDA-ATS
 * gives only a Format); `other` (a stylesheet) else.
 */
export function contentKind(facts: { mediaType: string | null; mimeType: string | null; format: string | null; componentClass: string | null }): ContentKind {
  const { mediaType, mimeType, format, componentClass } = facts;
  const mime = mimeType?.trim().toLowerCase() ?? '';
  if (mime === 'text/css' || format?.trim().toLowerCase() === 'css') return 'other';
  if ((mediaType && mediaTypes.test(mediaType.trim())) || (componentClass && mediaTypes.test(componentClass.trim()))) return 'media';
  if (/^(?:image|audio|video)\//.test(mime) || (format && mediaFormats.test(format.trim()))) return 'media';
  if (mime.startsWith('text/') || mime.includes('xml') || mime.includes('html')) return 'text';
  if (mediaType && /^(?:text|complexdata)$/i.test(mediaType.trim())) return 'text';
  if (format && textFormats.test(format.trim())) return 'text';
  return mediaType || mime ? 'other' : 'text';
}

/** Whether a format or media type says the text is HTML. */
export function isHtmlFormat(format: string | null, mimeType: string | null): boolean {
  return /html/i.test(format ?? '') || /html/i.test(mimeType ?? '');
}

/**
 * Belga's audio bulletins mark each item with `***` and where each sound bite plays
 * with a `<NewsComponentRef idref="…"/>` (sometimes with its markup already gone).
 * Neither is copy: the marks are removed, keeping the line count, and a line that
 * held nothing else is left blank, which ends the paragraph before it.
 */
export function dropBulletinMarks(text: string): string {
  return text
    .replace(/<NewsComponentRef\b[^>]*\/?>/g, '')
    .replace(/^[ \t]*(?:\*{3,}|NewsComponentRef)[ \t]*$/gm, '')
    .replace(/^([ \t]*)\*{3,}[ \t]*/gm, '$1');
}

/** Kyodo ends its copy with `==Kyodo` on a line of its own. */
const doubleRuleSignoff = /^={2,}\s*(\p{Lu}[\p{L}-]{1,15})$/u;

/** The sign-off a closing `==Kyodo` paragraph is, or null. */
export function readDoubleRuleSignoff(text: string, line: number): Signoff | null {
  const match = doubleRuleSignoff.exec(text.trim());
  return match ? { kind: 'signoff', text: text.trim(), agencies: [match[1]!], initials: [], time: null, zone: null, date: null, line } : null;
}

/** `NewsLine`s whose `NewsLineType` makes them notes to editors (AFP's `AdvisoryLine`: `RECASTS with …`). */
export const noteLineTypes = /^(?:advisoryline|editorialnote|ednote|advisory|instruction)$/i;

/** The NewsML 1.2 scheme name of the IPTC Subject Codes, and Slugline's alias for them. */
export const subjectCodeScheme = /^iptcsubjectcodes$/i;
export const subjectCodeAlias = 'subj';
