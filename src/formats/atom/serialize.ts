import type { Story } from '../../story/story.js';
import type { Writer } from '../format.js';
import { bodyHtml, firstLabel, storiesHash } from '../rss/feed-body.js';
import { escapeXml } from '../xml/xml.js';
import { atomNamespace, xhtmlNamespace } from './grammar.js';

/** When nothing says when a story was made: the epoch, never the clock (writers are pure). */
const noTime = '1970-01-01T00:00:00Z';

/**
 * Stories as one Atom feed, valid per RFC 4287: the feed's `id` (named from the
 * stories' ids, so the same stories always make the same feed), `title`, `updated`
 * (the latest entry's) and `author` (Slugline, who made the feed: an entry without a
 * byline needs one there); an entry per story with
 *
 * - `id` the guid when it is an IRI, else `urn:slugline:story:<id>`;
 * - `title` the headline (empty when there is none); `summary` the summary;
 * - `published` when first created and `updated` this version's time (else the time
 *   the story was received, else the epoch: Atom requires one);
 * - `author` the byline as written; `category` each keyword (a `term`) and subject
 *   (`term`, `scheme`, `label`); `link` the story's `link` label;
 * - `content` the body as XHTML, with the dateline and sign-offs in the text as the
 *   wire writes them (see the RSS writer).
 *
 * @example
 * const xml = serializeAtom(stories);
 */
export function serializeAtom(stories: readonly Story[]): string {
  const updates = stories.map(updatedOf);
  const latest = updates.reduce<string | null>((best, each) => (best === null || Date.parse(each) > Date.parse(best) ? each : best), null);
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<feed xmlns="${atomNamespace}">\n` +
    `  <id>urn:slugline:feed:${storiesHash(stories)}</id>\n` +
    `  <title>${escapeXml(firstLabel(stories, 'feed-title') ?? 'Slugline')}</title>\n` +
    `  <updated>${latest ?? noTime}</updated>\n` +
    '  <author><name>Slugline</name></author>\n';
  stories.forEach((story, index) => (out += entry(story, updates[index]!)));
  return out + '</feed>\n';
}

function entry(story: Story, updated: string): string {
  const lines: string[] = [];
  const add = (element: string, value: string, attributes = '') => lines.push(`    <${element}${attributes}>${escapeXml(value)}</${element}>`);
  add('id', story.guid !== null && isIri(story.guid) ? story.guid : `urn:slugline:story:${encodeURIComponent(story.id)}`);
  add('title', story.headline ?? '');
  add('updated', updated);
  if (story.firstCreated !== null) add('published', story.firstCreated);
  if (story.byline !== null) lines.push(`    <author><name>${escapeXml(story.byline.text)}</name></author>`);
  const link = story.source.labels.link;
  if (typeof link === 'string') lines.push(`    <link rel="alternate" href="${escapeXml(link)}"/>`);
  for (const keyword of story.keywords) lines.push(`    <category term="${escapeXml(keyword)}"/>`);
  for (const subject of story.subjects) {
    const scheme = subject.scheme === null ? '' : ` scheme="${escapeXml(subject.scheme)}"`;
    const label = subject.name === null ? '' : ` label="${escapeXml(subject.name)}"`;
    lines.push(`    <category term="${escapeXml(subject.code)}"${scheme}${label}/>`);
  }
  if (story.summary !== null) add('summary', story.summary);
  // RFC 4287 §4.1.1: an entry with no content needs an alternate link, so there is always content.
  const body = bodyHtml(story);
  lines.push(body === null ? `    <content type="xhtml"><div xmlns="${xhtmlNamespace}"/></content>` : `    <content type="xhtml"><div xmlns="${xhtmlNamespace}">\n${body}\n    </div></content>`);
  const lang = story.language === null ? '' : ` xml:lang="${escapeXml(story.language)}"`;
  return `  <entry${lang}>\n${lines.join('\n')}\n  </entry>\n`;
}

/** RFC 4287 requires an `updated` time of every entry. */
function updatedOf(story: Story): string {
  return story.versionCreated ?? story.firstCreated ?? story.source.receivedAt ?? noTime;
}

/** An IRI has a scheme: `urn:…`, `tag:…`, `https://…`. */
function isIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value);
}

/**
 * The `atom` writer: every story as an entry of one Atom feed.
 *
 * @example
 * process.stdout.write(atomWriter.serialize(stories));
 */
export const atomWriter: Writer = {
  id: 'atom',
  description: 'an Atom feed (RFC 4287): one <entry> per story',
  mediaType: 'application/atom+xml',
  serialize: serializeAtom,
};
