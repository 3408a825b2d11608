import type { Story } from '../../story/story.js';
import type { Writer } from '../format.js';
import { escapeXml } from '../xml/xml.js';
import { bodyHtml, firstLabel } from './feed-body.js';
import { contentNamespace, dcNamespace, dctermsNamespace } from './grammar.js';

/**
 * Stories as one RSS 2.0 feed: a `<channel>` holding every story as an `<item>`.
 *
 * - `title` is the headline and `description` the summary, as HTML (which feed
 *   readers take them for, so `&` is written `&amp;amp;`); `content:encoded` the body
 *   as HTML (paragraphs, crossheads as `<h2>`, tables as `<pre>`), the dateline
 *   opening the first paragraph and the sign-offs after the last, as the wire writes
 *   them, so that reading the feed again finds them where the wire reader looks;
 * - `guid` the guid (`isPermaLink="false"`: a wire guid is a name, not a page);
 * - `pubDate` when the story was first created (else this version), in RFC 822 with
 *   its offset kept; `dcterms:modified` this version's time when it differs;
 * - `dc:creator` the byline as written; `category` each keyword, and each subject
 *   with its scheme as the `domain`; `link` the story's `link` label.
 *
 * Writers are pure: the channel's `link`, which RSS requires, names the reserved
 * `.invalid` domain unless the stories carry their feed's (`feed-link` label).
 *
 * @example
 * const xml = serializeRss(stories);
 */
export function serializeRss(stories: readonly Story[]): string {
  const feedLink = firstLabel(stories, 'feed-link') ?? 'https://slugline.invalid/';
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<rss version="2.0" xmlns:content="${contentNamespace}" xmlns:dc="${dcNamespace}" xmlns:dcterms="${dctermsNamespace}">\n` +
    '  <channel>\n' +
    `    <title>${escapeXml(firstLabel(stories, 'feed-title') ?? 'Slugline')}</title>\n` +
    `    <link>${escapeXml(feedLink)}</link>\n` +
    `    <description>${stories.length} ${stories.length === 1 ? 'story' : 'stories'} written by Slugline</description>\n`;
  for (const story of stories) out += item(story);
  return out + '  </channel>\n</rss>\n';
}

function item(story: Story): string {
  const lines: string[] = [];
  const add = (element: string, value: string | null, attributes = '') => {
    if (value !== null && value !== '') lines.push(`      <${element}${attributes}>${escapeXml(value)}</${element}>`);
  };
  // Readers take a title and a description as HTML: a `<` or `&` in them is escaped for HTML first.
  add('title', story.headline === null ? null : escapeXml(story.headline));
  const link = story.source.labels.link;
  add('link', typeof link === 'string' ? link : null);
  add('description', story.summary === null ? null : escapeXml(story.summary));
  add('content:encoded', bodyHtml(story));
  add('dc:creator', story.byline?.text ?? null);
  for (const keyword of story.keywords) add('category', keyword);
  for (const subject of story.subjects) add('category', subject.code, subject.scheme === null ? '' : ` domain="${escapeXml(subject.scheme)}"`);
  add('guid', story.guid, ' isPermaLink="false"');
  const published = story.firstCreated ?? story.versionCreated;
  add('pubDate', published === null ? null : rfc822(published));
  if (story.versionCreated !== null && story.versionCreated !== published) add('dcterms:modified', story.versionCreated);
  add('dc:language', story.language);
  return `    <item>\n${lines.join('\n')}\n    </item>\n`;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An ISO 8601 date-time as RFC 822 writes it, the offset kept as given:
 * `2019-04-25T11:17:00+09:00` → `Thu, 25 Apr 2019 11:17:00 +0900`. Fractions of a
 * second, which RFC 822 cannot hold, are dropped.
 *
 * @example
 * rfc822('2019-04-25T11:17:00Z'); // 'Thu, 25 Apr 2019 11:17:00 +0000'
 */
export function rfc822(iso: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.exec(iso);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  const weekday = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay();
  const offset = zone!.toUpperCase() === 'Z' ? '+0000' : zone!.replace(':', '');
  return `${weekdays[weekday]}, ${day} ${monthNames[Number(month) - 1]} ${year} ${hour}:${minute}:${second} ${offset}`;
}

/**
 * The `rss` writer: every story as an item of one RSS 2.0 channel.
 *
 * @example
 * process.stdout.write(rssWriter.serialize(stories));
 */
export const rssWriter: Writer = {
  id: 'rss',
  description: 'an RSS 2.0 feed: one <item> per story',
  mediaType: 'application/rss+xml',
  serialize: serializeRss,
};
