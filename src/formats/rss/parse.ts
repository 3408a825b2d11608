import type { Diagnostic, SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { rawText, text } from '../xml/xml.js';
import type { XmlElement } from '../xml/xml.js';
import { languageTag, plainPieces } from './copy.js';
import type { CopyPiece } from './copy.js';
import { feedStory, summarize } from './feed.js';
import type { FeedCategory, FeedDate, FeedEntry } from './feed.js';
import { atomNamespace, childIn, childrenIn, contentNamespace, dcNamespace, dctermsNamespace, rssVersion, wordpressNamespace } from './grammar.js';
import { decodeReferences, htmlPieces, htmlText, looksLikeHtml } from '../html.js';
import { readXmlDocument, rootTag } from '../xml/document.js';

const READER = 'rss';

/**
 * The `rss` format: RSS 2.0 feeds (and the 0.9x versions it grew from, and
 * WordPress exports, which are RSS), one story per `<item>`.
 *
 * @example
 * const stories = rss.parse(new SourceFile(bytes, { name: 'feed.xml' }));
 * stories[0]?.headline;
 */
export const rss: Format = {
  id: READER,
  description: 'RSS 2.0 feeds (also RSS 0.9x and WordPress exports): one story per <item>',
  sniff: sniffRss,
  parse: parseRss,
};

/** Whether the input is an RSS feed: an `<rss>` root element. */
export function sniffRss(file: SourceFile): Sniff {
  const root = rootTag(file);
  if (root === null) return { score: 0, reason: 'not XML' };
  if (root.local === 'rss' && root.prefix === '') {
    const version = rssVersion(root.tag);
    return version === '2.0'
      ? { score: 1, reason: 'found an <rss version="2.0"> root' }
      : { score: 0.9, reason: `found an <rss${version === null ? '' : ` version="${version}"`}> root, read as RSS 2.0` };
  }
  if (root.local === 'RDF') return { score: 0, reason: 'an RDF root: RSS 1.0 is not read' };
  return { score: 0, reason: `no <rss> root (found <${root.name}>)` };
}

/**
 * Parses an RSS feed into one story per item, in feed order. An item that is no
 * text story (a WordPress attachment, a headline with no text) is skipped with a
 * warning that every story carries; a feed with no story at all fails.
 *
 * @example
 * const stories = parseRss(new SourceFile(bytes, { name: 'feed.xml' }));
 */
export function parseRss(file: SourceFile, _options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const { root, encoding } = readXmlDocument(file, READER);
  if (root.local !== 'rss' || root.uri !== '') {
    file.fail('rss/not-rss', `expected an <rss> root element, found <${root.name}>${otherFormat(root)}`, { line: root.line }, READER);
  }
  const channel = childIn(root, '', 'channel');
  if (channel === null) {
    file.fail('rss/no-channel', 'expected a <channel> inside <rss>, found none: the feed holds nothing', { line: root.line }, READER);
  }
  const items = childrenIn(channel, '', 'item');
  if (items.length === 0) {
    file.fail('rss/no-item', 'expected <item> elements in the <channel>, found none: the feed is empty', { line: channel.line }, READER);
  }
  const feedTitle = plainText(childIn(channel, '', 'title'));
  const feedLink = text(childIn(channel, '', 'link'));
  const feedLanguage = languageTag(text(childIn(channel, '', 'language')) ?? text(childIn(channel, dcNamespace, 'language')));
  const documentMessages = file.messages.slice(mark);
  const stories: Story[] = [];
  const skipped: Diagnostic[] = [];
  items.forEach((item, index) => {
    const before = file.messages.length;
    const entry = readItem(item, index, file, { feedTitle, feedLink, feedLanguage });
    if (entry !== null) stories.push(feedStory(entry, file, { format: READER, encoding, documentMessages, since: before }));
    else skipped.push(...file.messages.slice(before));
  });
  if (stories.length === 0) {
    file.fail('input/not-text', `none of the ${items.length} <item> elements is a text story: ${summarize(skipped)}`, { line: channel.line }, READER);
  }
  // Items skipped beside the stories are told with every story.
  for (const story of stories) story.diagnostics.push(...skipped);
  return stories;
}

interface ChannelFacts {
  feedTitle: string | null;
  feedLink: string | null;
  feedLanguage: string | null;
}

/** Reads one `<item>`, or warns and gives null when it is no story. */
function readItem(item: XmlElement, index: number, file: SourceFile, channel: ChannelFacts): FeedEntry | null {
  const name = `<item> ${index + 1}`;
  // WordPress exports list attachments (pictures, files) and menu entries as items.
  const postType = text(childIn(item, wordpressNamespace, 'post_type'));
  if (postType !== null && postType !== 'post' && postType !== 'page') {
    file.warn('rss/not-a-story', `${name} is a WordPress ${postType} (wp:post_type), not a story: skipped`, { line: item.line }, READER);
    return null;
  }
  const title = plainText(childIn(item, '', 'title'));
  const encoded = childIn(item, contentNamespace, 'encoded');
  const description = childIn(item, '', 'description');
  const hasEncoded = encoded !== null && rawText(encoded).trim() !== '';
  const bodyElement = hasEncoded ? encoded : description;
  const body = bodyElement === null ? [] : postType !== null ? wordpressPieces(rawText(bodyElement), bodyElement.line) : markupPieces(rawText(bodyElement), bodyElement.line);
  // A story needs text: a title and a link alone (a feed of headlines) is no text story.
  if (body.length === 0) {
    if (title === null) file.warn('rss/empty-item', `${name} has neither a <title> nor any text in <description> or <content:encoded>: skipped`, { line: item.line }, READER);
    else file.warn('rss/no-text', `${name} “${title}” has a title but no text in <description> or <content:encoded>, so it is no text story: skipped`, { line: item.line }, READER);
    return null;
  }
  const labels: Record<string, string | string[]> = {};
  const link = text(childIn(item, '', 'link'));
  if (link !== null) labels.link = link;
  if (channel.feedTitle !== null) labels['feed-title'] = channel.feedTitle;
  if (channel.feedLink !== null) labels['feed-link'] = channel.feedLink;
  return {
    line: item.line,
    guid: text(childIn(item, '', 'guid')),
    title,
    body,
    summary: hasEncoded && description !== null ? htmlText(rawText(description)) || null : null,
    published: dateOf(childIn(item, '', 'pubDate')) ?? dateOf(childIn(item, dcNamespace, 'date')),
    updated: dateOf(childIn(item, dctermsNamespace, 'modified')) ?? dateOf(childIn(item, atomNamespace, 'updated')),
    authors: authorsOf(item),
    categories: childrenIn(item, '', 'category').flatMap((category): FeedCategory[] => {
      // WordPress escapes names for HTML even inside CDATA (`Secrets &amp; Lies`).
      const term = text(category);
      return term === null ? [] : [{ term: decodeReferences(term), scheme: category.attributes.domain?.trim() || null, label: null }];
    }),
    language: languageTag(text(childIn(item, dcNamespace, 'language'))) ?? channel.feedLanguage,
    labels,
  };
}

/** The byline: every `dc:creator`, else `<author>` (`jane@example.com (Jane Invented)` gives the name). */
function authorsOf(item: XmlElement): string[] {
  const creators = childrenIn(item, dcNamespace, 'creator')
    .map((creator) => text(creator))
    .filter((creator): creator is string => creator !== null);
  if (creators.length > 0) return creators;
  const author = text(childIn(item, '', 'author'));
  if (author === null) return [];
  return [/^\S+@\S+\s+\((.+)\)$/.exec(author)?.[1]?.trim() ?? author];
}

function dateOf(element: XmlElement | null): FeedDate | null {
  const value = text(element);
  return value === null ? null : { element: element!.name, text: value, line: element!.line };
}

/** Text that may carry markup (RSS titles and descriptions often do), as one line. */
function plainText(element: XmlElement | null): string | null {
  const raw = rawText(element);
  const value = /[<&]/.test(raw) ? htmlText(raw) : raw.replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

/** The pieces of a description: HTML when it has block tags, else plain text with its lines. */
function markupPieces(value: string, line: number): CopyPiece[] {
  return looksLikeHtml(value) ? htmlPieces(value, line) : plainPieces(value, line);
}

/**
 * A WordPress post as its export holds it: HTML written by hand, where a line break
 * is a paragraph break (WordPress adds the `<p>` only when showing the post), and
 * shortcodes (`[dropcap]M[/dropcap]`, `[gallery ids="1,2"]`) that are no text.
 */
function wordpressPieces(value: string, line: number): CopyPiece[] {
  const text = value
    .replace(/\[([a-z_][\w-]*)(?:\s[^[\]]*)?\]([^[]*)\[\/\1\]/g, '$2')
    .replace(/\[[a-z_][\w-]*\s+[\w-]+="[^"\]]*"[^\]]*\]/g, '');
  return htmlPieces(text, line, { lineBreaks: true });
}

/** A hint at the reader for a document that is not RSS. */
function otherFormat(root: XmlElement): string {
  if (root.local === 'feed') return ' (an Atom feed? try --from atom)';
  if (root.local === 'NewsML') return ' (NewsML 1.2? try --from newsml-1.2)';
  if (root.local === 'RDF') return ' (RSS 1.0, which is RDF, is not read)';
  return '';
}
