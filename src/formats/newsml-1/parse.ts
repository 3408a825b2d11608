import type { Place, SourceFile } from '../../source/source-file.js';
import { normalizeDate, normalizeDateTime } from '../../story/dates.js';
import type { Block, Damage, Dateline, Embargo, Signal, Status, Story, Subject } from '../../story/story.js';
import { priorityOfUrgency } from '../../story/urgency.js';
import { datelineFromParts, referenceYear } from '../dateline.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { readNitfElement } from '../nitf/parse.js';
import { readByline } from '../byline.js';
import { languageTag, plainPieces, readPieces, repairLine } from '../rss/copy.js';
import type { CopyPiece } from '../rss/copy.js';
import { elementPieces, htmlPieces, looksLikeHtml } from '../html.js';
import { readXmlDocument, rootTag } from '../xml/document.js';
import { isoDate, monthNumber, readDatelineParts } from '../wire-text/grammar.js';
import { contentId } from '../wire-text/parse.js';
import { attribute, child, children, descendants, path, rawText, text } from '../xml/xml.js';
import type { XmlElement } from '../xml/xml.js';
import {
  contentKind,
  dropBulletinMarks,
  isHtmlFormat,
  noteLineTypes,
  readDoubleRuleSignoff,
  roleUse,
  signalOf,
  statusOf,
  subjectCodeAlias,
  subjectCodeScheme,
} from './grammar.js';
import type { ContentKind, RoleUse } from './grammar.js';

const READER = 'newsml-1.2';

/**
 * The `newsml-1.2` format: IPTC NewsML 1.2 documents as AFP, Belga, EFE, ANA, ANP,
 * SDA-ATS, Kyodo, TASS and Business Wire send them: one story per NewsItem that
 * holds text (per news object, where one NewsItem packs several, as Belga's do).
 *
 * @example
 * const [story] = newsml1.parse(new SourceFile(bytes, { name: 'afp.xml' }));
 * story?.guid; // 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1'
 */
export const newsml1: Format = {
  id: READER,
  description: 'NewsML 1.2 (<NewsML> root; AFP, Belga, EFE, ANA, Kyodo, TASS): one story per text NewsItem',
  sniff: sniffNewsml1,
  parse: parseNewsml1,
};

/** Whether the input is NewsML 1.2: a `<NewsML>` root (NewsML-G2 has none), or a bare `<NewsItem>`. */
export function sniffNewsml1(file: SourceFile): Sniff {
  const root = rootTag(file);
  if (root === null) return { score: 0, reason: 'not XML' };
  if (root.local === 'NewsML') return { score: 1, reason: 'found a <NewsML> root' };
  if (root.local === 'NewsItem') return { score: 0.9, reason: 'found a <NewsItem> root, a NewsML 1.2 item without its document' };
  return { score: 0, reason: `no <NewsML> root (found <${root.name}>)` };
}

/** A NewsItem, or one of its news objects, that is no text story, and why. */
interface Refusal {
  rule: string;
  message: string;
  place: Place;
}

/** What the envelope says for every item. */
interface Envelope {
  /** `DateAndTime` as written. */
  dateAndTime: string | null;
  /** `Priority` (1 highest … 9), the transmission's, used when an item gives no urgency. */
  priority: number | null;
  labels: Record<string, string | string[]>;
}

/**
 * Parses a NewsML 1.2 document into its text stories, in document order, NewsItems
 * nested in NewsComponents included. A NewsItem that is no text story (a picture, a
 * video, an item with a title and no body) is refused: the whole input fails when no
 * item is a story, with the reason; otherwise each refusal is a warning on every story.
 *
 * @example
 * const stories = parseNewsml1(new SourceFile(bytes, { name: 'kyodo.xml' }));
 * stories[0]?.dateline?.place; // 'BEIJING'
 */
export function parseNewsml1(file: SourceFile, options: ParseOptions = {}): Story[] {
  const mark = file.messages.length;
  const { root, encoding } = readXmlDocument(file, READER);
  if (root.local !== 'NewsML' && root.local !== 'NewsItem') {
    file.fail('newsml/not-newsml', `expected a <NewsML> root element, found <${root.name}>${otherFormat(root)}`, { line: root.line }, READER);
  }
  const items = root.local === 'NewsItem' ? [root, ...descendants(root, 'NewsItem')] : descendants(root, 'NewsItem');
  if (items.length === 0) {
    const references = descendants(root, 'NewsItemRef').length;
    const why = references > 0 ? `, only ${references} <NewsItemRef> pointing at items elsewhere, which Slugline does not fetch` : '';
    file.fail('newsml/no-item', `expected <NewsItem> elements, found none${why}`, { line: root.line }, READER);
  }
  const envelope = readEnvelope(child(root, 'NewsEnvelope'), file);
  const documentMessages = file.messages.slice(mark);
  const stories: Story[] = [];
  const refusals: Refusal[] = [];
  for (const item of items) {
    const read = new ItemReader(file, item, envelope, encoding, options).read();
    for (const story of read.stories) {
      story.diagnostics = [...documentMessages, ...story.diagnostics];
      stories.push(story);
    }
    refusals.push(...read.refusals);
  }
  if (stories.length === 0) {
    const only = refusals.length === 1 ? refusals[0]! : null;
    if (only !== null) file.fail(only.rule, only.message, only.place, READER);
    file.fail(
      refusals.every((refusal) => refusal.rule === 'input/not-text') ? 'input/not-text' : 'newsml/no-story',
      `none of the ${refusals.length} news items is a text story: ${refusals.map((refusal) => `line ${refusal.place.line}: ${refusal.message}`).join('; ')}`,
      { line: root.line },
      READER,
    );
  }
  // Items skipped beside the stories are told with every story.
  const skipped = refusals.map((refusal) => file.warn('newsml/item-skipped', `skipped: ${refusal.message}`, refusal.place, READER));
  for (const story of stories) story.diagnostics.push(...skipped);
  return stories;
}

function readEnvelope(envelope: XmlElement | null, file: SourceFile): Envelope {
  const labels: Record<string, string | string[]> = {};
  const dateAndTime = text(child(envelope, 'DateAndTime'));
  if (dateAndTime !== null) labels.DateAndTime = dateAndTime;
  const products = children(envelope, 'NewsProduct')
    .map((product) => attribute(product, 'FormalName')?.trim() ?? '')
    .filter((product) => product !== '');
  if (products.length > 0) labels.NewsProduct = products;
  const service = attribute(child(envelope, 'NewsService'), 'FormalName')?.trim();
  if (service) labels.NewsService = service;
  const priorityElement = child(envelope, 'Priority');
  const priorityText = (attribute(priorityElement, 'FormalName') ?? text(priorityElement) ?? '').trim();
  let priority: number | null = null;
  if (/^[1-9]$/.test(priorityText)) priority = Number(priorityText);
  else if (priorityText !== '') {
    file.info('newsml/priority', `<Priority FormalName="${priorityText}"> is no priority from 1 to 9: ignored`, { line: priorityElement!.line }, READER);
  }
  return { dateAndTime, priority, labels };
}

/** A hint at the reader for a document that is not NewsML 1.2. */
function otherFormat(root: XmlElement): string {
  if (root.local === 'newsItem' || root.local === 'newsMessage' || root.local === 'packageItem') return ' (NewsML-G2? try --from newsml-g2)';
  if (root.local === 'nitf') return ' (try --from nitf)';
  if (root.local === 'rss') return ' (try --from rss)';
  if (root.local === 'feed') return ' (try --from atom)';
  return '';
}

// ---------------------------------------------------------------------------
// Items and their news objects

/** One ContentItem, what it holds and what its component's Role makes of it. */
interface Content {
  item: XmlElement;
  kind: ContentKind;
  use: RoleUse;
  role: string | null;
  format: string | null;
  mimeType: string | null;
}

/** A component read as one story, with the components around it from the item down. */
interface Unit {
  component: XmlElement;
  ancestors: XmlElement[];
}

/** What the item's identification and management say, for each of its stories. */
interface ItemFacts {
  provider: string | null;
  dateId: string | null;
  itemId: string | null;
  revisionId: string | null;
  guid: string | null;
  revision: number | null;
  firstCreated: string | null;
  versionCreated: string | null;
  urgency: number | null;
  status: Status | null;
  signal: Signal | null;
  embargo: Embargo | null;
  referenceDate: string | null;
  labels: Record<string, string | string[]>;
}

class ItemReader {
  private readonly stories: Story[] = [];
  private readonly refusals: Refusal[] = [];

  constructor(
    private readonly file: SourceFile,
    private readonly item: XmlElement,
    private readonly envelope: Envelope,
    private readonly encoding: string,
    private readonly options: ParseOptions,
  ) {}

  read(): { stories: Story[]; refusals: Refusal[] } {
    const mark = this.file.messages.length;
    const facts = this.readFacts();
    const tops = children(this.item, 'NewsComponent');
    if (tops.length === 0) {
      this.refuse('newsml/no-component', 'the NewsItem holds no <NewsComponent>: nothing to read (an update to an earlier item, or a reference?)', this.item);
    }
    const units = tops.flatMap((top) => this.findUnits(top, []));
    const itemMessages = this.file.messages.slice(mark);
    units.forEach((unit, index) => {
      const unitMark = this.file.messages.length;
      const story = this.readUnit(unit, facts, units.length > 1 ? index : null);
      if (story !== null) {
        story.diagnostics = [...itemMessages, ...this.file.messages.slice(unitMark)];
        this.stories.push(story);
      }
    });
    return { stories: this.stories, refusals: this.refusals };
  }

  private refuse(rule: string, message: string, element: XmlElement): void {
    this.refusals.push({ rule, message, place: { line: element.line } });
  }

  // -------------------------------------------------------------------------
  // Identification and NewsManagement

  private readFacts(): ItemFacts {
    const file = this.file;
    const labels: Record<string, string | string[]> = { ...this.envelope.labels };
    const identifier = path(this.item, 'Identification', 'NewsIdentifier');
    const provider = text(child(identifier, 'ProviderId'));
    const dateId = text(child(identifier, 'DateId'));
    const itemId = text(child(identifier, 'NewsItemId'));
    const revisionId = text(child(identifier, 'RevisionId'));
    const publicId = text(child(identifier, 'PublicIdentifier'));
    if (provider !== null) labels.ProviderId = provider;
    if (dateId !== null) labels.DateId = dateId;
    if (itemId !== null) labels.NewsItemId = itemId;
    const nameLabel = text(path(this.item, 'Identification', 'NameLabel'));
    if (nameLabel !== null) labels.NameLabel = nameLabel;

    // The PublicIdentifier names the item: urn:newsml:provider:date:item:revision.
    // Belga's `urn:newsml:www.belga.be` names only the provider, so the parts make one.
    const made = provider !== null && dateId !== null && itemId !== null ? `urn:newsml:${provider}:${dateId}:${itemId}` : null;
    let guid = publicId;
    if (publicId === null || !/^urn:newsml:[^:]+:[^:]+:[^:]+/i.test(publicId)) {
      if (made !== null) {
        if (publicId !== null) {
          file.info('newsml/public-identifier', `<PublicIdentifier> \`${publicId}\` names no item (urn:newsml:provider:date:item:revision): the guid is made of ProviderId, DateId and NewsItemId`, place(identifier), READER);
        }
        guid = made;
      }
    }
    let revision: number | null = null;
    if (revisionId !== null) {
      if (/^\d{1,9}$/.test(revisionId)) revision = Number(revisionId);
      else file.info('newsml/revision', `<RevisionId> \`${revisionId}\` is no number: no revision`, place(child(identifier, 'RevisionId')), READER);
    }

    const management = child(this.item, 'NewsManagement');
    const itemType = attribute(child(management, 'NewsItemType'), 'FormalName')?.trim();
    if (itemType) labels.NewsItemType = itemType;
    const firstCreated = this.readDate(child(management, 'FirstCreated'), labels);
    const versionCreated = this.readDate(child(management, 'ThisRevisionCreated'), labels);

    const statusElement = child(management, 'Status');
    const statusName = attribute(statusElement, 'FormalName')?.trim() || text(statusElement);
    let status: Status | null = null;
    let embargoed = false;
    if (statusName) {
      const known = statusOf(statusName);
      if (known === null) {
        file.warn('newsml/status', `<Status FormalName="${statusName}"> is none of Usable, Embargoed, Withheld, Canceled: read as usable`, place(statusElement), READER);
        labels.Status = statusName;
      } else {
        ({ status, embargoed } = known);
      }
    }
    const embargo = this.readEmbargo(child(management, 'StatusWillChange'), status, embargoed);
    // An embargo withholds the story until it lifts, as every reader reads it; a cancel stands.
    if (embargo !== null && status !== 'canceled') status = 'withheld';

    let signal: Signal | null = null;
    for (const instruction of children(management, 'Instruction')) {
      const name = attribute(instruction, 'FormalName')?.trim() || text(instruction);
      if (!name) continue;
      const known = signalOf(name);
      if (known !== null) signal ??= known;
      else labels.Instruction = name;
    }
    if (signal === null && status === 'canceled') signal = 'kill';

    const urgencyElement = child(management, 'Urgency');
    const urgencyText = (attribute(urgencyElement, 'FormalName') ?? text(urgencyElement) ?? '').trim();
    let urgency: number | null = null;
    if (/^[1-9]$/.test(urgencyText)) urgency = Number(urgencyText);
    else if (urgencyText !== '') {
      file.info('newsml/urgency', `<Urgency> \`${urgencyText}\` is no urgency from 1 to 9: ignored`, place(urgencyElement), READER);
    }

    // Dateline dates without a year take it from when the item was made, time zone or not.
    const referenceDate =
      versionCreated ??
      firstCreated ??
      dayOf(text(child(management, 'ThisRevisionCreated'))) ??
      dayOf(text(child(management, 'FirstCreated'))) ??
      dayOf(this.envelope.dateAndTime) ??
      this.options.referenceDate ??
      null;
    return { provider, dateId, itemId, revisionId, guid, revision, firstCreated, versionCreated, urgency, status, signal, embargo, referenceDate, labels };
  }

  /** A NewsML date-time (`20190425T111700+0100`) as ISO 8601; one with no time zone is no moment, and is kept in the labels. */
  private readDate(element: XmlElement | null, labels: Record<string, string | string[]>): string | null {
    const raw = text(element);
    if (raw === null) return null;
    const iso = normalizeDateTime(raw);
    if (iso === null) {
      labels[element!.local] = raw;
      const why = dayOf(raw) !== null ? 'names no time zone, so it is no moment' : 'is no ISO 8601 date-time';
      this.file.info('newsml/date', `<${element!.local}> \`${raw}\` ${why}: kept in source.labels`, place(element), READER);
    }
    return iso;
  }

  /**
   * An embargo: `Status` Embargoed, or a `StatusWillChange` that makes a withheld item
   * usable at a given time (`<FutureStatus FormalName="Usable"/><DateAndTime>…`).
   */
  private readEmbargo(change: XmlElement | null, status: Status | null, embargoed: boolean): Embargo | null {
    const future = attribute(child(change, 'FutureStatus'), 'FormalName')?.trim().toLowerCase() ?? null;
    const when = text(child(change, 'DateAndTime'));
    const lifts = change !== null && when !== null && (future === null || future === 'usable') && (embargoed || status !== 'usable');
    if (!embargoed && !lifts) return null;
    const until = lifts ? normalizeDateTime(when) : null;
    return { text: lifts ? `Embargoed until ${when}` : 'Embargoed', until };
  }

  // -------------------------------------------------------------------------
  // Finding the stories in the component tree

  /**
   * The components to read as stories. A component whose own ContentItems hold body
   * text is one. Else, when two or more of its child components are news objects
   * (each with its own NewsLines headline) holding body text, each is a story of its
   * own (Belga packs a Dutch and a French version, or an article and its pictures, in
   * one NewsItem); when one child holds all the body text and is such an object, or
   * nothing else holds text, the story is found inside it. Otherwise the component
   * is one story with all its parts (Business Wire's Abstract, HeadLine and Body).
   */
  private findUnits(component: XmlElement, ancestors: XmlElement[]): Unit[] {
    if (this.contents(component, false).some((content) => content.use === 'body' && content.kind === 'text' && hasText(content.item))) {
      return [{ component, ancestors }];
    }
    const inner = [...ancestors, component];
    const holders = children(component, 'NewsComponent').filter((each) => this.holdsBody(each));
    const objects = holders.filter(hasHeadline);
    if (objects.length >= 2) {
      this.tellIgnoredObjects(component, objects);
      return objects.flatMap((object) => this.findUnits(object, inner));
    }
    const only = holders[0];
    if (holders.length === 1 && only !== undefined) {
      if (hasHeadline(only)) {
        this.tellIgnoredObjects(component, [only]);
        return this.findUnits(only, inner);
      }
      // A part without NewsLines (TASS wraps its story in two) is looked into for the news object it holds;
      // a mere part (a Body) leaves the story here, where its NewsLines are.
      if (!this.holdsOtherText(component, only)) {
        const found = this.findUnits(only, inner);
        if (found.some((unit) => hasHeadline(unit.component))) return found;
      }
    }
    return [{ component, ancestors }];
  }

  /** News objects beside the ones read that hold no body (Belga's audio `Quote`s, a `Picture`): told, not read. */
  private tellIgnoredObjects(component: XmlElement, read: XmlElement[]): void {
    for (const other of children(component, 'NewsComponent')) {
      if (read.includes(other) || !hasHeadline(other)) continue;
      const role = roleOf(other);
      const kinds = [...new Set(this.contents(other, true).filter((content) => content.kind === 'media').map((content) => content.mimeType ?? content.format ?? 'media'))];
      const holds = kinds.length > 0 ? `holds ${kinds.join(', ')} and no body text` : 'holds no body text';
      this.file.info(
        'newsml/object-not-read',
        `the news object${role ? ` with Role ${role}` : ''} “${headlineOf(other)}” ${holds}: not read as a story`,
        place(other),
        READER,
      );
    }
  }

  private holdsBody(component: XmlElement): boolean {
    return this.contents(component, true).some((content) => content.use === 'body' && content.kind === 'text' && hasText(content.item));
  }

  /** Whether text other than `except`'s stands in the component's ContentItems. */
  private holdsOtherText(component: XmlElement, except: XmlElement): boolean {
    const own = this.contents(component, false).some((content) => content.kind === 'text' && hasText(content.item));
    return own || children(component, 'NewsComponent').some((each) => each !== except && this.contents(each, true).some((content) => content.kind === 'text' && hasText(content.item)));
  }

  /** The ContentItems of a component (and of the components inside it, when `deep`), in document order; nested NewsItems are items of their own. */
  private contents(component: XmlElement, deep: boolean): Content[] {
    const found: Content[] = [];
    const visit = (each: XmlElement) => {
      const role = roleOf(each);
      const componentClass = classOf(each);
      for (const item of children(each, 'ContentItem')) {
        const mediaType = attribute(child(item, 'MediaType'), 'FormalName')?.trim() || null;
        const mimeType = attribute(child(item, 'MimeType'), 'FormalName')?.trim() || null;
        const format = attribute(child(item, 'Format'), 'FormalName')?.trim() || null;
        let kind = contentKind({ mediaType, mimeType, format, componentClass });
        // A ContentItem that points elsewhere (`Href`) and holds nothing is the file of a picture or a clip.
        if (kind === 'text' && child(item, 'DataContent') === null && item.attributes.Href !== undefined && !mediaType && !mimeType) kind = 'media';
        found.push({ item, kind, use: roleUse(role), role, format, mimeType });
      }
      if (deep) for (const inner of children(each, 'NewsComponent')) visit(inner);
    };
    visit(component);
    return found;
  }

  // -------------------------------------------------------------------------
  // One story

  private readUnit(unit: Unit, facts: ItemFacts, index: number | null): Story | null {
    const { component } = unit;
    const contents = this.contents(component, true);
    const texts = contents.filter((content) => content.kind === 'text');
    const media = contents.filter((content) => content.kind === 'media');
    const what = `the ${index === null ? 'NewsItem' : `news object “${headlineOf(component)}”`}`;
    if (!texts.some((content) => content.use === 'body')) {
      const kinds = [...new Set(media.map((content) => content.mimeType ?? content.format ?? 'media'))];
      if (kinds.length > 0) {
        this.refuse('input/not-text', `${what} holds no text component, only ${kinds.join(', ')}: it is no text story, which is what Slugline reads`, component);
      } else {
        this.refuse('input/not-text', `${what} holds no ContentItem with text (expected a <ContentItem> with <MediaType FormalName="Text"/> and its <DataContent>)`, component);
      }
      return null;
    }
    // Metadata: the component's own first, then the text components inside it, then those around it.
    const scopes = [component, ...innerComponents(component).filter((each) => this.contents(each, true).some((content) => content.kind === 'text')), ...[...unit.ancestors].reverse()];
    const line = (...names: string[]) => firstText(scopes, (scope) => names.map((name) => child(child(scope, 'NewsLines'), name)));

    const copy = this.readCopy(texts.filter((content) => content.use === 'body'), facts);
    const titleText = texts.filter((content) => content.use === 'headline').map((content) => contentText(content)).find((value) => value !== null) ?? null;
    const summaryText = texts.filter((content) => content.use === 'summary').map((content) => contentText(content)).find((value) => value !== null) ?? null;
    const headlineText = line('HeadLine', 'Headline') ?? titleText ?? copy.headline;
    if (copy.body.length === 0) {
      // A tip or an alert: a title, and no copy under it.
      const held = headlineText !== null ? `a headline (“${headlineText}”) but no body text` : 'no body text';
      // The news object's Role (Belga's `Tip`) may stand on the one object inside.
      const role = roleOf(component) ?? children(component, 'NewsComponent').filter(hasHeadline).map(roleOf).find((each) => each !== null) ?? null;
      this.refuse('input/not-text', `${what}${role ? ` (Role ${role})` : ''} holds ${held}: ${describeEmpty(texts.filter((content) => content.use === 'body'))}, so it is no text story`, component);
      return null;
    }
    const damage: Damage[] = [];
    const headline = repairLine(headlineText, 'headline', this.file, READER, place(component), damage);
    const summary = repairLine(line('SubHeadLine') ?? summaryText ?? copy.summary, 'summary', this.file, READER, place(component), damage);

    const metadata = [component, ...[...unit.ancestors].reverse()];
    const location = readLocation(metadata);
    const datelineText = line('DateLine');
    // A DateLine written as the wire writes one comes first; then a dateline the copy opens with
    // (taken off its first paragraph, so kept here); then what a looser DateLine or the Location says.
    const written = datelineText !== null ? readNewsLinesDateline(datelineText, location, facts.referenceDate) : null;
    const dateline = (written?.exact ? written.dateline : null) ?? copy.dateline ?? written?.dateline ?? locationDateline(location);
    const creditLine = line('CreditLine');
    const credits = dateline?.credit ? splitCredit(dateline.credit) : copy.credits.length > 0 ? copy.credits : creditLine !== null ? [creditLine] : [];
    const byline = readByline(line('ByLine'), line('ByLineTitle')) ?? copy.byline;

    const labels: Record<string, string | string[]> = { ...facts.labels };
    for (const [name, value] of Object.entries(copy.labels)) labels[name] ??= value;
    const role = roleOf(component);
    if (role !== null) labels.Role = role;
    const duid = component.attributes.Duid?.trim();
    if (duid) labels.Duid = duid;
    for (const name of ['CopyrightLine', 'CreditLine', 'NameLabel']) {
      const value = line(name);
      if (value !== null) labels[name] ??= value;
    }

    // A story of a NewsItem that holds several is named by its component: `#Duid` (as NewsML 1.2 refers to components), else its place.
    const fragment = index === null ? '' : duid && duid !== '0' ? `#${duid}` : `#${index + 1}`;
    // TASS writes its own id in a <guid> among the metadata.
    const ownGuid = firstText(metadata, (scope) => descriptive(scope).map((meta) => child(meta, 'guid')));
    const guid = facts.guid !== null ? facts.guid + fragment : (ownGuid ?? copy.guid);
    const id =
      facts.provider !== null && facts.itemId !== null
        ? `newsml:${facts.provider}:${facts.dateId ?? ''}:${facts.itemId}:${facts.revisionId ?? ''}${fragment}`
        : `${contentId(this.file.bytes)}${index === null ? '' : `#${index + 1}`}`;
    const urgency = facts.urgency ?? copy.urgency;
    return {
      id,
      source: {
        format: READER,
        file: this.file.name,
        receivedAt: this.file.origin.receivedAt ?? null,
        encoding: this.encoding,
        line: index === null ? this.item.line : component.line,
        labels,
      },
      slug: line('SlugLine') ?? copy.slug,
      takes: copy.takes,
      priority: priorityOfUrgency(urgency ?? this.envelope.priority) ?? copy.priority,
      version: copy.version,
      guid,
      revision: facts.revision ?? copy.revision,
      firstCreated: facts.firstCreated ?? copy.firstCreated,
      versionCreated: facts.versionCreated ?? copy.versionCreated,
      urgency,
      headline,
      summary,
      byline,
      dateline,
      credits,
      notes: [...noteLines(scopes), ...copy.notes],
      subjects: mergeSubjects(readSubjects(metadata, this.file), copy.subjects),
      keywords: unique([...keywordsOf(scopes, metadata), ...copy.keywords]),
      body: copy.body,
      signoffs: copy.signoffs,
      status: facts.status ?? copy.status,
      signal: facts.signal ?? copy.signal,
      embargo: facts.embargo ?? copy.embargo,
      language: languageOf(metadata, this.item) ?? copy.language,
      damage: [...damage, ...copy.damage],
      diagnostics: [],
    };
  }

  /**
   * The body: NITF read by the NITF reader, XHTML, HTML and plain text by the
   * wire-text reader, in document order; pieces of copy read together.
   */
  private readCopy(bodies: Content[], facts: ItemFacts): Copy {
    const copies: Copy[] = [];
    let pieces: CopyPiece[] = [];
    const flush = () => {
      if (pieces.length === 0) return;
      copies.push({ ...readPieces(pieces, this.file, { source: READER, referenceDate: facts.referenceDate }), labels: {}, language: null });
      pieces = [];
    };
    for (const content of bodies) {
      const data = child(content.item, 'DataContent');
      if (data === null) continue;
      const nitf = nitfIn(data);
      if (nitf !== null) {
        flush();
        copies.push(readNitfElement(nitf, this.file, { source: READER, referenceDate: facts.referenceDate }));
        continue;
      }
      pieces.push(...piecesOf(content, data));
    }
    flush();
    const copy = joinCopies(copies);
    // Kyodo's `==Kyodo` closes the copy.
    const last = copy.body[copy.body.length - 1];
    const signoff = last?.kind === 'paragraph' ? readDoubleRuleSignoff(last.text, last.line) : null;
    if (signoff !== null) {
      copy.body.pop();
      copy.damage = copy.damage.filter((damage) => damage.block !== copy.body.length);
      copy.signoffs.push(signoff);
    }
    return copy;
  }
}

/** What the readers of the body give, NITF's or the wire-text reader's. */
type Copy = Omit<Story, 'id' | 'source' | 'diagnostics'> & { labels: Record<string, string | string[]> };

/** Several copies as one: blocks, sign-offs, damage and notes in order; the rest from the first that says. */
function joinCopies(copies: Copy[]): Copy {
  const empty: Copy = {
    slug: null, takes: [], priority: null, version: null, guid: null, revision: null, firstCreated: null, versionCreated: null,
    urgency: null, headline: null, summary: null, byline: null, dateline: null, credits: [], notes: [], subjects: [], keywords: [],
    body: [], signoffs: [], status: 'usable', signal: null, embargo: null, language: null, damage: [], labels: {},
  };
  const [first, ...rest] = copies;
  if (first === undefined) return empty;
  const joined: Copy = { ...first, body: [...first.body], signoffs: [...first.signoffs], damage: [...first.damage], notes: [...first.notes] };
  for (const copy of rest) {
    const offset = joined.body.length;
    const damage: Damage[] = copy.damage.map((each) => ({ ...each, block: each.block === null ? null : each.block + offset }));
    const body: Block[] = copy.body;
    joined.body.push(...body);
    joined.damage.push(...damage);
    joined.signoffs.push(...copy.signoffs);
    joined.notes.push(...copy.notes);
    joined.headline ??= copy.headline;
    joined.summary ??= copy.summary;
    joined.byline ??= copy.byline;
    joined.dateline ??= copy.dateline;
    if (joined.credits.length === 0) joined.credits = copy.credits;
  }
  return joined;
}

/** The NITF a DataContent carries: a `<nitf>`, or a bare `<body>` or `<body.content>` as some agencies embed. */
function nitfIn(data: XmlElement): XmlElement | null {
  const first = children(data)[0];
  if (first === undefined) return null;
  return first.local === 'nitf' || first.local === 'body.content' || (first.local === 'body' && child(first, 'body.content') !== null) ? first : null;
}

/** The pieces of copy in a DataContent that holds no NITF: XHTML or other markup as a tree, HTML or plain text as a string. */
function piecesOf(content: Content, data: XmlElement): CopyPiece[] {
  if (children(data).length > 0) {
    const html = children(data).find((each) => each.local.toLowerCase() === 'html');
    return elementPieces(html ?? data);
  }
  const value = rawText(data);
  if (isHtmlFormat(content.format, content.mimeType) || looksLikeHtml(value)) return htmlPieces(value, data.line);
  return plainPieces(dropBulletinMarks(value), data.line);
}

/** The text of a title or summary component on one line, or null. */
function contentText(content: Content): string | null {
  const data = child(content.item, 'DataContent');
  if (data === null) return null;
  const value = piecesOf(content, data)
    .map((piece) => piece.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return value === '' ? null : value;
}

/** The components inside a component, at any depth, in document order; a nested NewsItem is an item of its own. */
function innerComponents(component: XmlElement): XmlElement[] {
  return children(component, 'NewsComponent').flatMap((inner) => [inner, ...innerComponents(inner)]);
}

function hasText(item: XmlElement): boolean {
  return /\S/.test(rawText(child(item, 'DataContent')));
}

function roleOf(component: XmlElement): string | null {
  return attribute(child(component, 'Role'), 'FormalName')?.trim() || null;
}

/** Belga names what a component holds in `<Property FormalName="ComponentClass" Value="Text"/>`. */
function classOf(component: XmlElement): string | null {
  for (const property of children(child(component, 'DescriptiveMetadata'), 'Property')) {
    if (attribute(property, 'FormalName') === 'ComponentClass') return attribute(property, 'Value')?.trim() || null;
  }
  return null;
}

/** A component's own NewsLines headline (`HeadLine`; Belga's audio writes `Headline`). */
function headlineOf(component: XmlElement): string | null {
  const lines = child(component, 'NewsLines');
  return text(child(lines, 'HeadLine')) ?? text(child(lines, 'Headline'));
}

function hasHeadline(component: XmlElement): boolean {
  return headlineOf(component) !== null;
}

/** `its Lead and Body components are empty`, `its text component is empty`. */
function describeEmpty(contents: Content[]): string {
  const roles = [...new Set(contents.map((content) => content.role).filter((role) => role !== null))];
  if (roles.length === 0) return contents.length > 1 ? 'its text components are empty' : 'its text component is empty';
  const named = roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} and ${roles[roles.length - 1]}`;
  return contents.length > 1 ? `its ${named} components are empty` : `its ${named} component is empty`;
}

/** The first non-empty text among the elements each scope gives, scopes in order. */
function firstText(scopes: XmlElement[], elementsOf: (scope: XmlElement) => (XmlElement | null)[]): string | null {
  for (const scope of scopes) {
    for (const element of elementsOf(scope)) {
      const value = text(element);
      if (value !== null) return value;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Descriptive metadata

/**
 * A component's DescriptiveMetadata, and TASS's misspelt `DescriptiveMetada`. Property
 * elements directly in it are metadata too (ANA puts `City` and `Country` there).
 */
function descriptive(component: XmlElement): XmlElement[] {
  return children(component).filter((each) => each.local === 'DescriptiveMetadata' || each.local === 'DescriptiveMetada');
}

function properties(element: XmlElement | null, name: string): string[] {
  return children(element, 'Property')
    .filter((property) => attribute(property, 'FormalName') === name)
    .map((property) => attribute(property, 'Value')?.trim() ?? '')
    .filter((value) => value !== '');
}

interface Location {
  city: string | null;
  country: string | null;
}

/** Where the story was filed: a `Location` (the `Origin` one first), or City and Country properties. */
function readLocation(metadata: XmlElement[]): Location | null {
  for (const component of metadata) {
    for (const meta of descriptive(component)) {
      const locations = children(meta, 'Location').sort((left, right) => Number(attribute(right, 'HowPresent') === 'Origin') - Number(attribute(left, 'HowPresent') === 'Origin'));
      for (const where of [...locations, meta]) {
        const city = properties(where, 'City')[0] ?? null;
        const country = properties(where, 'Country')[0] ?? null;
        if (city !== null || country !== null) return { city, country };
      }
    }
  }
  return null;
}

/**
 * The NewsLines `DateLine` as a Dateline: read as the wire writes one
 * (`STOCKHOLM, Aug 29, 2014 (AFP) -`: `exact`); else its place is the words before a
 * comma and its date a month and day it names (`January 21`, `Strasbourg, 10 juil
 * 2024`), the Location filling in what it does not say. Null when no place is known.
 */
function readNewsLinesDateline(text: string, location: Location | null, referenceDate: string | null): { dateline: Dateline; exact: boolean } | null {
  const words = text.replace(/\s*(?:–|—|--|-|_)\s*$/, '').trim();
  const parts = readDatelineParts(words);
  if (parts !== null) {
    const dateline = datelineFromParts(text, parts, referenceDate);
    return { dateline: { ...dateline, country: dateline.country ?? locationCountry(location, parts.place) }, exact: true };
  }
  const credit = /\(([^()]{1,40})\)\s*$/.exec(words)?.[1]?.trim() ?? null;
  const bare = words.replace(/\s*\([^()]*\)\s*$/, '');
  const head = /^[^,\d(]+/.exec(bare)?.[0]?.trim() ?? '';
  const written = head !== '' && /^\p{L}/u.test(head) && monthNumber(head.split(/\s+/)[0]!) === null ? head : null;
  const place = written ?? location?.city ?? null;
  if (place === null) return null;
  return { dateline: { text, place, region: null, country: locationCountry(location, place), date: looseDate(bare, referenceDate), credit }, exact: false };
}

/**
 * The Location's country, for a dateline at `place`: it goes with the Location's city,
 * and a dateline naming another city may lie elsewhere (Kyodo's Location says Paris
 * over a story from BEIJING).
 */
function locationCountry(location: Location | null, place: string): string | null {
  if (location === null) return null;
  return location.city === null || location.city.toLowerCase() === place.toLowerCase() ? location.country : null;
}

/** A date a dateline names loosely: `January 21`, `21 janv`, `10 juil 2024` (English month names, or French and Spanish ones that begin alike). */
function looseDate(text: string, referenceDate: string | null): string | null {
  const compact = normalizeDate(text.trim());
  if (compact !== null) return compact;
  const match = /(?:^|[\s,])(\p{L}{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\b|(?:^|[\s,])(\d{1,2})\s+(\p{L}{3,9})\.?(?:\s+(\d{4}))?\b/u.exec(text);
  if (!match) return null;
  const month = monthNumber(match[1] ?? match[5]!) ?? romanceMonth(match[1] ?? match[5]!);
  const day = Number(match[2] ?? match[4]);
  const yearText = match[3] ?? match[6];
  if (month === null) return null;
  return isoDate(yearText ? Number(yearText) : referenceYear(referenceDate, month, day), month, day);
}

const romanceMonths = ['ene|janv?', 'f[eé]vr?', 'mars?', 'avr|abr', 'mai|may', 'juin|jun', 'juil|jul', 'ao[uû]t?|ago', 'sept?', 'oct', 'nov', 'd[eé]c|dic'];

function romanceMonth(word: string): number | null {
  const index = romanceMonths.findIndex((pattern) => new RegExp(`^(?:${pattern})`, 'i').test(word));
  return index === -1 ? null : index + 1;
}

/** A dateline from the Location alone, when no DateLine is written: its city as the place. */
function locationDateline(location: Location | null): Dateline | null {
  if (location?.city == null) return null;
  return { text: location.city, place: location.city, region: null, country: location.country, date: null, credit: null };
}

/** `20190129T124550` → `2019-01-29`: the day of a date-time, time zone or not. */
function dayOf(value: string | null): string | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value?.trim() ?? '');
  return match ? normalizeDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

function splitCredit(credit: string): string[] {
  return credit
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Subject codes: `SubjectCode/Subject|SubjectMatter|SubjectDetail`. Codes with no
 * Scheme are IPTC Subject Codes, NewsML 1.2's default vocabulary; ANA names them
 * in a TopicSet, whose English (or first) name is taken.
 */
function readSubjects(metadata: XmlElement[], file: SourceFile): Subject[] {
  const names = new Map<string, string>();
  for (const component of metadata) {
    for (const topic of children(component, 'TopicSet').flatMap((set) => children(set, 'Topic'))) {
      const code = text(child(topic, 'FormalName'));
      const descriptions = children(topic, 'Description').filter((each) => attribute(each, 'Variant') === 'Name');
      const name = text(descriptions.find((each) => attribute(each, 'lang') === 'en') ?? descriptions[0]);
      if (code !== null && name !== null && !names.has(code)) names.set(code, name);
    }
  }
  const subjects: Subject[] = [];
  for (const component of metadata) {
    for (const meta of descriptive(component)) {
      for (const code of children(meta, 'SubjectCode')) {
        for (const subject of children(code)) {
          const value = attribute(subject, 'FormalName')?.trim();
          if (!value) continue;
          const named = attribute(subject, 'Scheme')?.trim() || attribute(subject, 'Vocabulary')?.trim() || null;
          const scheme = named === null ? (/^\d{8}$/.test(value) ? subjectCodeAlias : null) : subjectCodeScheme.test(named) ? subjectCodeAlias : named;
          if (!subjects.some((each) => each.scheme === scheme && each.code === value)) subjects.push({ scheme, code: value, name: names.get(value) ?? null });
        }
      }
    }
  }
  if (subjects.length === 0 && names.size > 0) file.info('newsml/topics', 'a TopicSet names subjects but no SubjectCode codes the story with them: not read', null, READER);
  return subjects;
}

function mergeSubjects(first: Subject[], second: Subject[]): Subject[] {
  const merged = [...first];
  for (const subject of second) if (!merged.some((each) => each.scheme === subject.scheme && each.code === subject.code)) merged.push(subject);
  return merged;
}

/** `KeywordLine`s, then `Keyword` properties, each as written. */
function keywordsOf(scopes: XmlElement[], metadata: XmlElement[]): string[] {
  const keywords: string[] = [];
  for (const scope of scopes) for (const line of children(child(scope, 'NewsLines'), 'KeywordLine')) keywords.push(text(line) ?? '');
  for (const component of metadata) for (const meta of descriptive(component)) keywords.push(...properties(meta, 'Keyword'));
  return keywords.filter((keyword) => keyword !== '');
}

/** NewsLines that are notes to editors (AFP's AdvisoryLine). */
function noteLines(scopes: XmlElement[]): string[] {
  const notes: string[] = [];
  for (const scope of scopes) {
    for (const line of children(child(scope, 'NewsLines'), 'NewsLine')) {
      const type = attribute(child(line, 'NewsLineType'), 'FormalName') ?? '';
      const value = text(child(line, 'NewsLineText'));
      if (value !== null && noteLineTypes.test(type.trim())) notes.push(value);
    }
  }
  return unique(notes);
}

/** `Language` in the metadata, else `xml:lang` on the components or the item. */
function languageOf(metadata: XmlElement[], item: XmlElement): string | null {
  for (const component of metadata) {
    for (const meta of descriptive(component)) {
      const tag = languageTag(attribute(child(meta, 'Language'), 'FormalName'));
      if (tag !== null) return tag;
    }
  }
  for (const element of [...metadata, item]) {
    const tag = languageTag(attribute(element, 'lang'));
    if (tag !== null) return tag;
  }
  return null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function place(element: XmlElement | null | undefined): Place | null {
  return element ? { line: element.line } : null;
}
