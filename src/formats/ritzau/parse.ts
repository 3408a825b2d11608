import { createHash } from 'node:crypto';
import type { Diagnostic, SourceFile } from '../../source/source-file.js';
import { assembleStory } from '../../story/assemble.js';
import { normalizeDateTime } from '../../story/dates.js';
import type { Damage, Dateline, Priority, Signal, Signoff, Story, Subject } from '../../story/story.js';
import { priorityOfUrgency } from '../../story/urgency.js';
import { headlineFromCopy } from '../headline.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { otherFormatOf } from '../nitf/grammar.js';
import { readByline } from '../byline.js';
import { plainPieces, readPieces, repairLine } from '../rss/copy.js';
import type { CopyPiece } from '../rss/copy.js';
import { summarize } from '../rss/feed.js';
import { decodeReferences, htmlPieces, looksLikeHtml } from '../html.js';
import { readXmlDocument, rootTag } from '../xml/document.js';
import { attribute, child, children, descendants, rawText, text } from '../xml/xml.js';
import type { XmlElement } from '../xml/xml.js';
import {
  danishTime,
  feedRoot,
  flagFields,
  isFlash,
  isTrue,
  labelFields,
  newsRoot,
  originCredits,
  readsAsEnglish,
  ritzauRoots,
  ritzauTimeZone,
  subjectCode,
  takeTrailingSignoff,
  urgencyOf,
} from './grammar.js';

const READER = 'ritzau';

/**
 * The `ritzau` format: the XML of Ritzau, the Danish news agency: one `<RBNews>`
 * item, or the queue service's `<XMLNewsQueuedResponse>` holding several, one story
 * each.
 *
 * @example
 * const [story] = ritzau.parse(new SourceFile(bytes, { name: 'ritzau_news.xml' }));
 * story?.dateline?.place; // 'Haag'
 */
export const ritzau: Format = {
  id: READER,
  description: 'Ritzau XML (<RBNews> items, <XMLNewsQueuedResponse> feeds): one story per item',
  sniff: sniffRitzau,
  parse: parseRitzau,
};

/** Whether the input is Ritzau's XML: an `<RBNews>` or `<XMLNewsQueuedResponse>` root. */
export function sniffRitzau(file: SourceFile): Sniff {
  const root = rootTag(file);
  if (root === null) return { score: 0, reason: 'not XML' };
  if (ritzauRoots.includes(root.local)) return { score: 1, reason: `found a Ritzau <${root.local}> root` };
  return { score: 0, reason: `no Ritzau <${newsRoot}> or <${feedRoot}> root (found <${root.name}>)` };
}

/**
 * Parses Ritzau's XML into one story per `<RBNews>`, in document order:
 *
 * - `NewsID` is the guid and `version` the revision; `PublishDate`, Danish local time
 *   without a zone, is when this version was made, with Copenhagen's offset then;
 * - `headline` the headline (a flash has none: the first sentence of the copy stands
 *   in, and a message says so), `subtitle` the summary, `strapline` the slug, `byLine`
 *   the byline, `town` the dateline's place (unless the copy opens with a dateline of
 *   its own, as relayed press releases do), `origin` the credits;
 * - `Priority` the urgency; `format` Flash makes a flash, `Topstory` at least urgent;
 * - `Replaces`, `NyVersion`, `Korrektion` and `Annuleret` the signal (update,
 *   correction, kill) and `Annuleret` the status;
 * - `section` and `IPTCList` the subjects, `SubjectKeyword` the keywords,
 *   `TilRedaktionen` (to the editors) the notes;
 * - `content`, HTML escaped in the XML, the body, read as wire copy.
 *
 * An item whose content holds no text is skipped with a warning every story carries;
 * input with no story fails.
 *
 * @example
 * const stories = parseRitzau(new SourceFile(bytes, { name: 'ritzau_feed.xml' }));
 */
export function parseRitzau(file: SourceFile, options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const { root, encoding } = readXmlDocument(file, READER);
  if (!ritzauRoots.includes(root.local)) {
    const other = root.local === 'nitf' ? { kind: 'a NITF document', from: 'nitf' } : otherFormatOf(root.name);
    const wayOut = other.from === null ? 'leave out --from to let Slugline tell the format' : `try --from ${other.from}`;
    file.fail(
      'ritzau/not-ritzau',
      `expected a Ritzau <${newsRoot}> or <${feedRoot}> root element, found <${root.name}>: ${other.kind} (${wayOut})`,
      { line: root.line, column: root.column },
      READER,
    );
  }
  const items = root.local === newsRoot ? [root] : feedItems(root, file);
  const documentMessages = file.messages.slice(mark);
  const stories: Story[] = [];
  const skipped: Diagnostic[] = [];
  items.forEach((item, index) => {
    const before = file.messages.length;
    const story = new NewsReader(file, item, { index, alone: items.length === 1, encoding, referenceDate: options.referenceDate ?? null }).read();
    if (story === null) {
      skipped.push(...file.messages.slice(before));
      return;
    }
    story.diagnostics = [...documentMessages, ...file.messages.slice(before)];
    stories.push(story);
  });
  if (stories.length === 0) {
    file.fail('ritzau/empty-content', `none of the ${items.length} <${newsRoot}> items holds copy: ${summarize(skipped)}`, { line: root.line }, READER);
  }
  // Items skipped beside the stories are told with every story.
  for (const story of stories) story.diagnostics.push(...skipped);
  return stories;
}

/** The `<RBNews>` items of a queue response, after its `error` says the service had none. */
function feedItems(root: XmlElement, file: SourceFile): XmlElement[] {
  const result = child(root, 'XMLNewsQueuedResult');
  const error = text(child(result, 'error'));
  if (error !== null && error !== '0') {
    const reason = text(child(result, 'errormsg'));
    file.fail(
      'ritzau/service-error',
      `the queue service answered <error>${error}</error>${reason === null ? '' : ` (${reason})`} instead of news: ask the service again`,
      { line: child(result, 'error')!.line },
      READER,
    );
  }
  const list = child(result, 'ListOfRBNews');
  const items = list === null ? descendants(root, newsRoot) : children(list, newsRoot);
  if (items.length === 0) {
    file.fail(
      'ritzau/no-news',
      `expected <${newsRoot}> items in <XMLNewsQueuedResult>/<ListOfRBNews>, found none: the queue sent no news`,
      { line: (list ?? root).line },
      READER,
    );
  }
  return items;
}

interface NewsOptions {
  /** The item's place among the document's, from 0. */
  index: number;
  /** The item is the document's only one: no copy fails, rather than skipping it. */
  alone: boolean;
  encoding: string;
  referenceDate: string | null;
}

/** Reads one `<RBNews>` into its Story. */
class NewsReader {
  /** Fields whose text was HTML escaped inside the XML (`&amp;apos;`), for one message. */
  private readonly escaped: string[] = [];
  private readonly damage: Damage[] = [];

  constructor(
    private readonly file: SourceFile,
    private readonly item: XmlElement,
    private readonly options: NewsOptions,
  ) {}

  /** The Story, or null when the item holds no copy (a warning says so). */
  read(): Story | null {
    const { item, file } = this;
    const newsId = this.field('NewsID');
    const name = `<${newsRoot}>${newsId === null ? ` ${this.options.index + 1}` : ` ${newsId}`}`;
    const content = child(item, 'content');
    const pieces = this.contentPieces(content);
    const signoff = takeSignoff(pieces);
    if (pieces.length === 0) return this.noCopy(name, content);

    const versionCreated = this.readTime(child(item, 'PublishDate'));
    const revision = this.readRevision();
    const copy = readPieces(pieces, file, { source: READER, referenceDate: versionCreated ?? this.options.referenceDate });
    if (copy.body.length === 0) return this.noCopy(name, content);
    if (signoff !== null) copy.signoffs.push(signoff);

    const replaces = this.field('Replaces') ?? this.field('replacedID');
    const canceled = isTrue(this.field('Annuleret'));
    const signal: Signal | null = canceled ? 'kill' : isTrue(this.field('Korrektion')) ? 'correction' : isTrue(this.field('NyVersion')) || replaces !== null ? 'update' : copy.signal;
    const urgency = this.readUrgency();
    const headline = this.readHeadline(copy.body[0]?.text ?? null);
    const summary = repairLine(this.field('subtitle', { html: true }), 'subtitle', file, READER, place(child(item, 'subtitle')), this.damage);
    const slug = this.field('strapline', { html: true });
    const byline = copy.byline ?? readByline(this.field('byLine', { html: true }));
    const dateline = copy.dateline ?? this.townDateline();
    const notes = [...this.readNotes(), ...copy.notes];
    const subjects = this.readSubjects();
    if (this.escaped.length > 0) {
      file.info(
        'ritzau/double-escaped',
        `${name} carries HTML character references escaped once more inside the XML (\`&amp;apos;\` for \`'\`) in ${this.escaped.map((each) => `<${each}>`).join(', ')}: decoded`,
        place(item),
        READER,
      );
    }
    const english = readsAsEnglish(copy.body.map((block) => block.text).join(' '));
    if (english) file.info('ritzau/language', `${name} reads as English, not Danish (a press release Ritzau relays as written): language en`, place(content), READER);
    if (newsId === null) file.warn('ritzau/no-news-id', `${name} has no <NewsID>: its id is made from its text`, place(item), READER);
    const id = newsId === null ? `${READER}:${createHash('sha256').update(rawText(item)).digest('hex').slice(0, 16)}` : `${READER}:${newsId}${revision === null ? '' : `:${revision}`}`;
    return assembleStory(
      id,
      { format: READER, file: file.name, receivedAt: file.origin.receivedAt ?? null, encoding: this.options.encoding, line: item.line, labels: this.labels() },
      {
        slug,
        takes: copy.takes,
        priority: this.readPriority(urgency),
        version: copy.version,
        guid: newsId,
        revision,
        // The first version is made when it is sent; of a later one, the first is not told.
        firstCreated: (revision === null || revision <= 1) && signal === null ? versionCreated : null,
        versionCreated,
        urgency,
        headline,
        summary,
        byline,
        dateline,
        credits: [...new Set([...originCredits(this.field('origin')), ...copy.credits])],
        notes,
        subjects,
        keywords: [...new Set(children(child(item, 'SubjectKeyword')).map((keyword) => text(keyword)).filter((keyword) => keyword !== null))],
        body: copy.body,
        signoffs: copy.signoffs,
        status: canceled ? 'canceled' : copy.status,
        signal,
        embargo: copy.embargo,
        damage: [...this.damage, ...copy.damage],
      },
      english ? 'en' : 'da',
      [],
    );
  }

  /** An item without copy: the document's only one fails, one of several is skipped with a warning. */
  private noCopy(name: string, content: XmlElement | null): null {
    const message = `${name} has no text in its <content>${content === null ? ' (there is none)' : ''}, so it is no story`;
    const where = place(content ?? this.item);
    if (this.options.alone) this.file.fail('ritzau/empty-content', `${message} (the item may be a notice for the desk; ask Ritzau to send it again)`, where, READER);
    this.file.warn('ritzau/empty-content', `${message}: skipped`, where, READER);
    return null;
  }

  /**
   * A field's text, white space folded; null when absent, empty or `i:nil`. With
   * `html`, HTML character references in it are decoded (Ritzau escapes its text as
   * HTML before it escapes it as XML: `Spire&amp;apos;s`).
   */
  private field(name: string, options: { html?: boolean } = {}): string | null {
    const value = text(child(this.item, name));
    return value === null || !options.html ? value : this.unescape(value, name);
  }

  private unescape(value: string, where: string): string {
    const decoded = decodeReferences(value);
    if (decoded !== value && !this.escaped.includes(where)) this.escaped.push(where);
    return decoded;
  }

  /** The paragraphs of an HTML field (`content`, `TilRedaktionen`), their text unescaped once more where Ritzau escaped it twice. */
  private htmlField(element: XmlElement | null): CopyPiece[] {
    if (element === null) return [];
    const html = rawText(element);
    const pieces = looksLikeHtml(html) ? htmlPieces(html, element.line) : plainPieces(html, element.line);
    for (const piece of pieces) piece.text = this.unescape(piece.text, element.local);
    return pieces;
  }

  private contentPieces(content: XmlElement | null): CopyPiece[] {
    return this.htmlField(content).filter((piece) => /\S/.test(piece.text));
  }

  /** `PublishDate`: Danish local time (see `danishTime`); a time with a zone of its own keeps it. */
  private readTime(element: XmlElement | null): string | null {
    const value = text(element);
    if (value === null) return null;
    const zoned = normalizeDateTime(value);
    if (zoned !== null) return zoned;
    const local = danishTime(value);
    if (local === null) {
      this.file.warn('ritzau/bad-date', `<${element!.local}> \`${value}\` is no date-time (\`2018-01-30T17:32:18.397\`, Danish time): left out`, place(element), READER);
      return null;
    }
    if (local.oddity === 'ambiguous') {
      this.file.info('ritzau/ambiguous-time', `<${element!.local}> \`${value}\` falls in the hour ${ritzauTimeZone} lives twice when the clocks go back: read as the first, ${local.iso}`, place(element), READER);
    } else if (local.oddity === 'skipped') {
      this.file.warn('ritzau/skipped-time', `<${element!.local}> \`${value}\` falls in the hour ${ritzauTimeZone} skips when the clocks go forward: read as ${local.iso}`, place(element), READER);
    }
    return local.iso;
  }

  private readRevision(): number | null {
    const value = this.field('version');
    if (value === null) return null;
    if (/^\d{1,9}$/.test(value)) return Number(value);
    this.file.info('ritzau/version', `<version>${value}</version> is no version number: no revision`, place(child(this.item, 'version')), READER);
    return null;
  }

  private readUrgency(): number | null {
    const value = this.field('Priority');
    if (value === null) return null;
    const urgency = urgencyOf(value);
    if (urgency === null) this.file.warn('ritzau/priority', `<Priority>${value}</Priority> is no priority from 1 to 9: ignored`, place(child(this.item, 'Priority')), READER);
    return urgency;
  }

  /** A flash (`<format>Flash</format>`) is one whatever its number; a top story is at least urgent. */
  private readPriority(urgency: number | null): Priority | null {
    if (isFlash(this.field('format'))) return 'flash';
    const priority = priorityOfUrgency(urgency);
    if (isTrue(this.field('Topstory')) && (priority === null || priority === 'routine' || priority === 'deferred')) return 'urgent';
    return priority;
  }

  /** The headline; an item without one (a flash) gets the first sentence of its copy, and a message saying so. */
  private readHeadline(lead: string | null): string | null {
    const element = child(this.item, 'headline');
    const given = repairLine(this.field('headline', { html: true }), 'headline', this.file, READER, place(element), this.damage);
    if (given !== null || lead === null) return given;
    const derived = headlineFromCopy(lead);
    this.file.info(
      'ritzau/headline-derived',
      `<headline> is empty${isTrue(attribute(element, 'nil')) ? ' (i:nil, as a flash has none)' : ''}: the headline is made from the first sentence of the copy, “${derived}”`,
      place(element ?? this.item),
      READER,
    );
    return derived;
  }

  /** The town Ritzau files from is the dateline's place; it writes no dateline in the copy. */
  private townDateline(): Dateline | null {
    const town = this.field('town', { html: true });
    return town === null ? null : { text: town, place: town, region: null, country: null, date: null, credit: null };
  }

  /** `TilRedaktionen`, HTML: a note per paragraph or line. */
  private readNotes(): string[] {
    return this.htmlField(child(this.item, 'TilRedaktionen')).map((piece) => piece.text.replace(/\s+/g, ' ').trim()).filter((note) => note !== '');
  }

  /** Ritzau's own section (`2`, `Udland`), then the IPTC subject codes of `IPTCList`. */
  private readSubjects(): Subject[] {
    const subjects: Subject[] = [];
    const section = this.field('section', { html: true });
    const sectionId = this.field('sectionID');
    if (section !== null || sectionId !== null) subjects.push({ scheme: 'ritzau-section', code: sectionId ?? section!, name: section });
    for (const entry of children(child(this.item, 'IPTCList'))) {
      const value = text(entry);
      if (value === null) continue;
      const code = subjectCode(value);
      if (code === null) {
        this.file.info('ritzau/iptc-code', `<IPTCList> holds \`${value}\`, which is no IPTC subject code: skipped`, place(entry), READER);
        continue;
      }
      if (!subjects.some((subject) => subject.scheme === 'subj' && subject.code === code)) subjects.push({ scheme: 'subj', code, name: null });
    }
    return subjects;
  }

  private labels(): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const name of labelFields) {
      const value = this.field(name);
      // A flag says something only when it is set.
      if (value !== null && !(flagFields.includes(name) && !isTrue(value))) labels[name] = value;
    }
    return labels;
  }
}

/** Ritzau's sign-off (`/ritzau/`) off the end of the last paragraph; the paragraph goes when nothing else is left. */
function takeSignoff(pieces: CopyPiece[]): Signoff | null {
  const last = pieces[pieces.length - 1];
  if (last === undefined || last.kind === 'preformatted' || last.kind === 'crosshead') return null;
  const taken = takeTrailingSignoff(last.text);
  if (taken === null) return null;
  taken.signoff.line = last.line;
  if (taken.rest === '') pieces.pop();
  else last.text = taken.rest;
  return taken.signoff;
}

function place(element: XmlElement | null): { line: number } | null {
  return element === null ? null : { line: element.line };
}
