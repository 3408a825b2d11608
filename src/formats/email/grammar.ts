/**
 * Internet mail as agencies and press desks send copy by it: an RFC 5322 header
 * block (`From:`, `Subject:`, `Date:` …, long fields folded onto lines that open with
 * white space), a blank line, then the body, which MIME (RFC 2045–2049) may split into
 * parts by a boundary line (`--boundary`, the last `--boundary--`). Written once for
 * the sniffer and the reader.
 */
import { normalizeDateTime } from '../../story/dates.js';

/** The reader named in `Story.source.format` and in messages. */
export const READER = 'email';

/** A header field line: a name of printable ASCII but the colon, then a colon (RFC 5322 §2.2). */
export const headerField = /^([!-9;-~]+)[ \t]*:/;

/** A line that opens with white space continues the field above it (folding, RFC 5322 §2.2.3). */
export const continuationLine = /^[ \t]/;

/** The envelope line an mbox file puts before each message: `From sender@host Mon Jan  1 00:00:00 2015`. */
export const mboxFromLine = /^From [^\s:]+ /;

/**
 * Fields that mark a mail message, as mail programs and relays write them; a header
 * block with several of these is a message, where one `From:` or `Subject:` line at
 * the head of wire copy is not.
 */
export const messageHeaders = new Set([
  'from', 'to', 'cc', 'subject', 'date', 'sender', 'reply-to', 'message-id', 'in-reply-to', 'references',
  'mime-version', 'content-type', 'content-transfer-encoding', 'received', 'return-path', 'delivered-to',
  'x-received', 'x-mailer', 'user-agent', 'dkim-signature', 'authentication-results', 'received-spf',
  'arc-seal', 'thread-topic', 'x-originating-ip',
]);

/**
 * `Re:`, `Fwd:`, `Fw:` and their kin in other languages (`AW:`, `WG:`, `TR:`, `SV:`,
 * `Antw:`), repeated and numbered (`Re[2]:`), that mail programs put before a subject.
 */
export const replyPrefix = /^(?:\s*(?:re|fwd?|aw|wg|tr|sv|vs|antw)\s*(?:\[\d+\]|\(\d+\))?\s*:)+\s*/i;

/** The line that opens a signature: `-- ` (RFC 3676 §4.3); many mail programs drop its space. */
export const signatureLine = /^-- ?$/;

/** A rule of underscores, under which Outlook and Exchange put the sender's disclaimer. */
export const disclaimerRule = /^_{10,}\s*$/;

/** A line of a signature that says how to reach the writer: a telephone, an address, a handle. */
export const contactLine = /(?:^(?:ph|tel|phone|mob|mobile|cell|fax|e-?mail|twitter|skype|web|www)\b.{0,30}?[:.]|@|https?:\/\/|\+?\d[\d ()-]{7,}\d)/i;

/** A person's name as a display name gives it: two to four capitalised words (`Ben Everill`). */
export const personName = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Words that make a display name a desk or an organisation (`Wire Desk`, `Invented Press Office`), not a person. */
export const organisationWord =
  /\b(?:office|desk|press|news|newsroom|wire|team|service|services|media|communications?|relations|agency|department|ministry|group|inc|ltd|limited|corp|company|council|government|police|university|editorial|editors?|info|admin|support|noreply|mailer)\b/i;

/**
 * A labelled line that heads copy sent by e-mail (AAP's layout): `Headline: …`,
 * `Abstract: …`, `Slug: …`.
 */
export const storyFieldLine = /^(Headline|Abstract|Summary|Standfirst|Slug(?:line)?|Keyword|By-?line|Dateline)\s*:\s*(\S.*)$/i;

/** The story field a label names (a `Headline:` line, a web form's `Slugline` key). */
export type StoryField = 'headline' | 'body' | 'summary' | 'slug' | 'byline' | 'dateline' | 'priority';

const storyFieldNames: Record<string, StoryField> = {
  headline: 'headline', title: 'headline', head: 'headline',
  body: 'body', bodytext: 'body', text: 'body', story: 'body', copy: 'body', content: 'body',
  abstract: 'summary', summary: 'summary', standfirst: 'summary', description: 'summary',
  slug: 'slug', slugline: 'slug', keyword: 'slug',
  byline: 'byline', author: 'byline',
  dateline: 'dateline',
  priority: 'priority',
};

/**
 * The story field a label or a form's key names, whatever its case and spacing
 * (`Slugline`, `body_text`, `By-line`); null when it names none.
 *
 * @example
 * storyFieldOf('Sign off'); // null
 * storyFieldOf('Headline'); // 'headline'
 */
export function storyFieldOf(name: string): StoryField | null {
  const key = name.toLowerCase().replace(/[\s_-]+/g, '');
  return Object.hasOwn(storyFieldNames, key) ? storyFieldNames[key]! : null;
}

/**
 * A subject without the `Re:` and `Fwd:` prefixes mail programs add, its white
 * space folded; null when nothing is left.
 *
 * @example
 * cleanSubject('Fwd: RE: Ferry resumes'); // 'Ferry resumes'
 */
export function cleanSubject(subject: string | null): string | null {
  if (subject === null) return null;
  const clean = subject.replace(/\s+/g, ' ').replace(replyPrefix, '').trim();
  return clean === '' ? null : clean;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An RFC 5322 date (`Thu, 19 Feb 2015 17:18:40 +1100`) as ISO 8601 with its offset
 * as given (`2015-02-19T17:18:40+11:00`); comments (`(PST)`), missing seconds, a
 * one-digit hour and the obsolete two-digit years and zone names (`EST`, `GMT`) are
 * read too. Null when it is no date or gives no zone.
 *
 * @example
 * mailDate('Wed, 18 Feb 2015 22:18:40 -0800 (PST)'); // '2015-02-18T22:18:40-08:00'
 */
export function mailDate(text: string | null): string | null {
  if (text === null) return null;
  const value = text.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const match =
    /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([+-]\d{4}|[A-Za-z]{1,3})$/.exec(value);
  if (!match) return null;
  const [, day, monthName, yearText, hour, minute, second = '00', zone] = match;
  const month = months.indexOf(monthName!.toLowerCase());
  if (month === -1) return null;
  // RFC 5322 §4.3: a two-digit year below 50 is in the 2000s, else in the 1900s.
  const year = yearText!.length === 4 ? yearText! : String((yearText!.length === 2 && Number(yearText) < 50 ? 2000 : 1900) + Number(yearText));
  const monthText = monthName![0]!.toUpperCase() + monthName!.slice(1).toLowerCase();
  return normalizeDateTime(`${day} ${monthText} ${year} ${hour!.padStart(2, '0')}:${minute}:${second} ${zone!.toUpperCase()}`);
}

/** A mailbox as a `From:` field gives it: the display name and the address, each when given. */
export interface Mailbox {
  name: string | null;
  address: string | null;
}

/**
 * The first mailbox of an address field, its display name already decoded:
 * `Ben <ben@invented.example>`, `"Everill, Ben" <ben@…>`, `ben@… (Ben Everill)`, `ben@…`.
 *
 * @example
 * readMailbox('"Jane Invented" <jane@invented.example>'); // { name: 'Jane Invented', address: 'jane@invented.example' }
 */
export function readMailbox(value: string): Mailbox {
  const text = value.replace(/\s+/g, ' ').trim();
  let match = /^(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^<>]*)>/.exec(text);
  if (match) {
    const name = (match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '')).trim();
    return { name: name === '' ? null : name, address: match[3]!.trim() || null };
  }
  match = /^([^\s()<>,;]+@[^\s()<>,;]+)(?:\s*\(([^()]*)\))?/.exec(text);
  if (match) return { name: match[2]?.trim() || null, address: match[1]! };
  return { name: text === '' ? null : text, address: null };
}
