import type { Diagnostic, SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { languageTag, plainPieces } from '../rss/copy.js';
import type { CopyPiece } from '../rss/copy.js';
import { feedStory, summarize } from '../rss/feed.js';
import type { FeedCategory, FeedDate, FeedEntry } from '../rss/feed.js';
import { childIn, childrenIn } from '../rss/grammar.js';
import { elementPieces, htmlPieces } from '../html.js';
import { readXmlDocument, rootNamespace, rootTag } from '../xml/document.js';
import { attribute, rawText, text } from '../xml/xml.js';
import type { XmlElement } from '../xml/xml.js';
import { atomNamespace, textType } from './grammar.js';

const READER = 'atom';

/**
 * The `atom` format: Atom feeds (RFC 4287), one story per `<entry>`; an Atom entry
 * document (an `<entry>` root) gives its one story.
 *
 * @example
 * const stories = atom.parse(new SourceFile(bytes, { name: 'feed.atom' }));
 * stories[0]?.guid; // the entry's <id>
 */
export const atom: Format = {
  id: READER,
  description: 'Atom feeds (RFC 4287): one story per <entry>',
  sniff: sniffAtom,
  parse: parseAtom,
};

/** Whether the input is Atom: a `<feed>` (or `<entry>`) root in the Atom namespace. */
export function sniffAtom(file: SourceFile): Sniff {
  const root = rootTag(file);
  if (root === null) return { score: 0, reason: 'not XML' };
  if (root.local !== 'feed' && root.local !== 'entry') return { score: 0, reason: `no Atom <feed> root (found <${root.name}>)` };
  if (rootNamespace(root) !== atomNamespace) return { score: 0, reason: `a <${root.name}> root outside the Atom namespace` };
  return root.local === 'feed' ? { score: 1, reason: 'found an Atom <feed> root' } : { score: 0.9, reason: 'found an Atom <entry> root' };
}

interface FeedFacts {
  title: string | null;
  id: string | null;
  link: string | null;
  authors: string[];
  language: string | null;
}

/**
 * Parses an Atom feed into one story per entry, in feed order: `id` is the guid,
 * `published` and `updated` the creation and version times, the entry's authors the
 * byline (a feed's own author is who runs the feed, kept in `source.labels`), the
 * content (else the summary) the body.
 *
 * @example
 * const stories = parseAtom(new SourceFile(bytes, { name: 'feed.atom' }));
 */
export function parseAtom(file: SourceFile, _options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const { root, encoding } = readXmlDocument(file, READER);
  if ((root.local !== 'feed' && root.local !== 'entry') || root.uri !== atomNamespace) {
    const why = root.local === 'feed' ? ` in namespace \`${root.uri}\`, not Atom's \`${atomNamespace}\`` : root.local === 'rss' ? ' (an RSS feed? try --from rss)' : '';
    file.fail('atom/not-atom', `expected an Atom <feed> root element, found <${root.name}>${why}`, { line: root.line }, READER);
  }
  const entries = root.local === 'entry' ? [root] : childrenIn(root, atomNamespace, 'entry');
  if (entries.length === 0) {
    file.fail('atom/no-entry', 'expected <entry> elements in the <feed>, found none: the feed is empty', { line: root.line }, READER);
  }
  const feed: FeedFacts =
    root.local === 'feed'
      ? {
          title: textConstruct(childIn(root, atomNamespace, 'title')),
          id: text(childIn(root, atomNamespace, 'id')),
          link: linkOf(root),
          authors: authorNames(root),
          language: languageTag(attribute(root, 'lang')),
        }
      : { title: null, id: null, link: null, authors: [], language: null };
  const documentMessages = file.messages.slice(mark);
  const stories: Story[] = [];
  const skipped: Diagnostic[] = [];
  entries.forEach((entry, index) => {
    const before = file.messages.length;
    const read = readEntry(entry, index, file, feed);
    if (read !== null) stories.push(feedStory(read, file, { format: READER, encoding, documentMessages, since: before }));
    else skipped.push(...file.messages.slice(before));
  });
  if (stories.length === 0) {
    file.fail('input/not-text', `none of the ${entries.length} <entry> elements is a text story: ${summarize(skipped)}`, { line: root.line }, READER);
  }
  // Entries skipped beside the stories are told with every story.
  for (const story of stories) story.diagnostics.push(...skipped);
  return stories;
}

function readEntry(entry: XmlElement, index: number, file: SourceFile, feed: FeedFacts): FeedEntry | null {
  const title = textConstruct(childIn(entry, atomNamespace, 'title'));
  const content = childIn(entry, atomNamespace, 'content');
  const summary = childIn(entry, atomNamespace, 'summary');
  const contentPieces = content === null ? [] : constructPieces(content);
  if (content !== null && contentPieces.length === 0 && content.attributes.src !== undefined) {
    file.info('atom/remote-content', `<entry> ${index + 1} points at its content (src="${content.attributes.src}") instead of holding it: not fetched`, { line: content.line }, READER);
  }
  const body = contentPieces.length > 0 ? contentPieces : summary === null ? [] : constructPieces(summary);
  // A story needs text: a title and a link alone is no text story.
  if (body.length === 0) {
    const name = `<entry> ${index + 1}`;
    if (title === null) file.warn('atom/empty-entry', `${name} has neither a <title> nor any text in <content> or <summary>: skipped`, { line: entry.line }, READER);
    else file.warn('atom/no-text', `${name} “${title}” has a title but no text in <content> or <summary>, so it is no text story: skipped`, { line: entry.line }, READER);
    return null;
  }
  const labels: Record<string, string | string[]> = {};
  const link = linkOf(entry);
  if (link !== null) labels.link = link;
  if (feed.title !== null) labels['feed-title'] = feed.title;
  if (feed.id !== null) labels['feed-id'] = feed.id;
  if (feed.link !== null) labels['feed-link'] = feed.link;
  if (feed.authors.length > 0) labels['feed-author'] = feed.authors.length === 1 ? feed.authors[0]! : feed.authors;
  // An entry copied from another feed names its authors in <source>.
  const authors = authorNames(entry);
  return {
    line: entry.line,
    guid: text(childIn(entry, atomNamespace, 'id')),
    title,
    body,
    summary: contentPieces.length > 0 ? textConstruct(summary) : null,
    published: dateOf(childIn(entry, atomNamespace, 'published')),
    updated: dateOf(childIn(entry, atomNamespace, 'updated')),
    authors: authors.length > 0 ? authors : authorNames(childIn(entry, atomNamespace, 'source')),
    categories: childrenIn(entry, atomNamespace, 'category').flatMap((category): FeedCategory[] => {
      const term = category.attributes.term?.trim();
      if (!term) return [];
      return [{ term, scheme: category.attributes.scheme?.trim() || null, label: category.attributes.label?.trim() || null }];
    }),
    language: languageTag(attribute(content, 'lang') ?? attribute(entry, 'lang')) ?? feed.language,
    labels,
  };
}

/** The text of a text construct (`title`, `summary`) on one line, whatever its type. */
function textConstruct(element: XmlElement | null): string | null {
  if (element === null) return null;
  const value = constructPieces(element)
    .map((piece) => piece.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return value === '' ? null : value;
}

/** The paragraphs of a text construct or content, as its `type` says to read it. */
function constructPieces(element: XmlElement): CopyPiece[] {
  switch (textType(element.attributes.type)) {
    case 'html':
      return htmlPieces(rawText(element), element.line);
    case 'xhtml': {
      // RFC 4287 §3.1.1.3: the content is one XHTML div, which is not part of it.
      const div = element.children.find((node): node is XmlElement => typeof node !== 'string' && node.local === 'div');
      return elementPieces(div ?? element);
    }
    case 'text':
      return plainPieces(rawText(element), element.line, { markup: false });
    default:
      return [];
  }
}

/** The `alternate` link (a link without `rel` is one), or null. */
function linkOf(element: XmlElement): string | null {
  for (const link of childrenIn(element, atomNamespace, 'link')) {
    const rel = link.attributes.rel?.trim() ?? 'alternate';
    if (rel === 'alternate' && link.attributes.href) return link.attributes.href.trim();
  }
  return null;
}

function authorNames(element: XmlElement | null): string[] {
  return childrenIn(element, atomNamespace, 'author')
    .map((author) => text(childIn(author, atomNamespace, 'name')))
    .filter((name): name is string => name !== null);
}

function dateOf(element: XmlElement | null): FeedDate | null {
  const value = text(element);
  return value === null ? null : { element: element!.local, text: value, line: element!.line };
}
