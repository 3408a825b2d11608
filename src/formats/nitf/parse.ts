import type { SourceFile } from '../../source/source-file.js';
import { normalizeDateTime } from '../../story/dates.js';
import { SLUGLINE_ID_PREFIX, versionId } from '../../story/ids.js';
import type { Block, Byline, Damage, Dateline, Embargo, Signal, Signoff, Status, Story, Subject } from '../../story/story.js';
import { priorityOfUrgency } from '../../story/urgency.js';
import { readByline } from '../byline.js';
import { datelineFromParts } from '../dateline.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { readClosingLine, readDatelineHead } from '../wire-text/grammar.js';
import { contentId, readWireCopy } from '../wire-text/parse.js';
import { attribute, child, children, decodeXml, descendants, foldWhiteSpace, parseXmlText } from '../xml/xml.js';
import type { XmlElement, XmlNode } from '../xml/xml.js';
import {
  dayOf,
  embargoMessageType,
  embargoNoticeIn,
  languageTag,
  localName,
  mediaKind,
  otherFormatOf,
  otherFormatOfText,
  readAgencySignoff,
  readDatelineWords,
  rootElementName,
  samePlace,
  statusOf,
} from './grammar.js';
import { assembleStory } from '../../story/assemble.js';
import { decodeXmlDocument } from '../xml/document.js';

const READER = 'nitf';

/**
 * What a NITF document says, in the Story's terms: every Story field but `id`,
 * `source` and `diagnostics` (which belong to the input the NITF came in), plus the
 * metadata NITF carries beside the copy, for `Story.source.labels`.
 */
export interface NitfCopy extends Omit<Story, 'id' | 'source' | 'diagnostics'> {
  /**
   * Metadata beside the copy, as given: `head/meta` by name, `date.expire`, dates
   * that name no time zone, `doc.copyright.holder`/`.year`, `doc-id.regsrc`,
   * `distributor`, `tobject.type`, `doc-scope`.
   */
  labels: Record<string, string | string[]>;
  /** Slugline's own id, where Slugline wrote the document for a story no provider named (`urn:slugline:<id>` in `doc-id`). */
  ownId: string | null;
}

export interface ReadNitfOptions {
  /** The reader named in diagnostics (`nitf`, or the NewsML reader that found the NITF). Default `nitf`. */
  source?: string;
  /**
   * When the copy was sent (ISO 8601), if the caller knows it: completes dateline
   * dates given without a year when the NITF has no `date.issue` of its own.
   */
  referenceDate?: string | null;
}

/**
 * The `nitf` format: NITF 3.x documents (IPTC's News Industry Text Format), one story
 * per `<nitf>` root, with or without the NITF namespace.
 *
 * @example
 * const [story] = nitf.parse(new SourceFile(bytes, { name: 'ap-nitf.xml' }));
 * story?.byline?.title; // 'AP Business Writer'
 */
export const nitf: Format = {
  id: READER,
  description: 'NITF 3.x news documents (<nitf> root): docdata, headline, byline, dateline, body',
  sniff: sniffNitf,
  parse(file, options) {
    return [parseNitf(file, options)];
  },
};

/** Whether the input is a NITF document: its root element, looked for in the first 2 KB. */
export function sniffNitf(file: SourceFile): Sniff {
  const { text } = decodeXml(file.bytes.subarray(0, 2048));
  const root = rootElementName(text);
  if (root === null) {
    return { score: 0, reason: text.trimStart().startsWith('<') ? 'no root element in the first 2 KB' : 'not XML' };
  }
  if (localName(root) === 'nitf') return { score: 1, reason: 'root element <nitf>' };
  return { score: 0, reason: `root element <${root}>, not <nitf>` };
}

/**
 * Parses one NITF document into its story. Input that is not NITF fails naming what
 * it is and the reader to try; a NITF with no headline and no text fails too.
 *
 * @example
 * const story = parseNitf(new SourceFile(bytes, { name: 'pa3.xml' }));
 * story.embargo?.until; // '2016-09-09T00:01:00+01:00'
 */
export function parseNitf(file: SourceFile, options: ParseOptions = {}): Story {
  const { text, encoding } = decodeNitf(file);
  if (!/\S/.test(text)) file.fail('input/empty', 'the input holds no text; expected a <nitf> document', null, READER);
  const rootName = rootElementName(text);
  if (rootName === null && !text.replace(/^\ufeff/, '').trimStart().startsWith('<')) {
    const other = otherFormatOfText(text);
    file.fail('input/not-nitf', `expected an XML document with a <nitf> root, found ${other.kind} (try --from ${other.from})`, { line: 1 }, READER);
  }
  if (rootName !== null && localName(rootName) !== 'nitf') failWrongRoot(file, rootName, null);
  const root = parseXmlText(text, file, READER);
  if (root.local !== 'nitf') failWrongRoot(file, root.name, { line: root.line, column: root.column });

  const copy = readNitfElement(root, file, { source: READER, referenceDate: options.referenceDate ?? null });
  // Looked for only when there is no text: a walk over the whole body otherwise spent for nothing.
  const media = copy.body.length === 0 ? children(child(root, 'body'), 'body.content').flatMap((content) => descendants(content, 'media')) : [];
  if (copy.body.length === 0 && media.length > 0) {
    const type = attribute(media[0], 'media-type');
    file.fail(
      'input/not-text',
      `this is a ${mediaKind(type)} item, not a text story: its <body.content> holds <media${type ? ` media-type="${type}"` : ''}> and no text`,
      { line: media[0]!.line },
      READER,
    );
  }
  if (copy.body.length === 0 && copy.headline === null) {
    file.fail(
      'input/no-copy',
      'found no headline (<hl1>, <title>) and no body text (<p>, <pre>, <table>) in the <nitf> document; nothing to read',
      { line: root.line },
      READER,
    );
  }
  const source = { format: READER, file: file.name, receivedAt: file.origin.receivedAt ?? null, encoding, line: root.line, labels: copy.labels };
  return assembleStory(copy.ownId ?? (copy.guid === null ? contentId(file.bytes) : versionId(copy.guid, copy.revision)), source, copy, copy.language, file.messages.slice());
}

function failWrongRoot(file: SourceFile, root: string, place: { line: number; column: number } | null): never {
  const other = otherFormatOf(root);
  if (other.notText) {
    file.fail('input/not-text', `this is ${other.kind} (root <${root}>), not a text story; expected a <nitf> root`, place, READER);
  }
  const wayOut = other.from ? ` (try --from ${other.from})` : '';
  file.fail('input/not-nitf', `expected a <nitf> root element, found <${root}>: ${other.kind}${wayOut}`, place, READER);
}

/**
 * Decodes the document as every XML reader does (`decodeXmlDocument`: the declared
 * charset, UTF-8 bytes under a Latin-1 declaration read as UTF-8), and says so when
 * bytes that are not UTF-8 came with no declaration and were read as Windows-1252.
 */
function decodeNitf(file: SourceFile): { text: string; encoding: string } {
  const decoded = decodeXmlDocument(file, READER);
  // The head is looked at only for the rare Windows-1252 reading.
  if (decoded.encoding === 'windows-1252' && !/^\s*<\?xml[^>]*\bencoding\s*=/.test(Buffer.from(file.bytes.subarray(0, 256)).toString('latin1'))) {
    file.info('encoding/windows-1252', 'the bytes are not UTF-8 and no encoding is declared; decoded as Windows-1252', null, READER);
  }
  return decoded;
}

// ---------------------------------------------------------------------------
// The document

/**
 * Reads a `<nitf>` element (or a bare `<body>` or `<body.content>`, as some NewsML
 * documents embed) into the Story's fields. Never fails: what the element does not
 * say is `null` or `[]`, and problems are diagnostics on `file`. NewsML readers call
 * it on the NITF they carry; `parseNitf` on a document of its own.
 *
 * @example
 * const copy = readNitfElement(nitfElement, file, { source: 'newsml-g2' });
 * copy.headline; // 'Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.'
 */
export function readNitfElement(element: XmlElement, file: SourceFile, options: ReadNitfOptions = {}): NitfCopy {
  return new NitfReader(file, options.source ?? READER, options.referenceDate ?? null).read(element);
}

/** A date attribute as given and as ISO 8601, when it is one. */
interface DateValue {
  raw: string;
  iso: string | null;
}

/** Elements whose text runs inside a paragraph (NITF's `enrichedText`). */
const inlineElements = new Set([
  'chron', 'classifier', 'copyrite', 'copyrite.year', 'copyrite.holder', 'event', 'function', 'location', 'sublocation',
  'city', 'state', 'region', 'country', 'money', 'num', 'frac', 'numer', 'frac-sep', 'denom', 'sub', 'sup',
  'object.title', 'org', 'alt-code', 'person', 'name.given', 'name.family', 'postaddr', 'virtloc', 'a', 'br', 'em',
  'lang', 'pronounce', 'q', 'addressee', 'care.of', 'delivery.point', 'postcode', 'delivery.office', 'span', 'b', 'i', 'strong',
]);

/** What a `<block>` may hold before its content: metadata about the block, not copy. */
const blockMetadata = new Set(['tobject', 'key-list', 'classifier', 'byline', 'dateline', 'copyrite', 'abstract', 'datasource']);

class NitfReader {
  private readonly blocks: Block[] = [];
  private readonly notes: string[] = [];
  private readonly signoffs: Signoff[] = [];
  private readonly damage: Damage[] = [];
  private readonly labels: Record<string, string | string[]> = {};
  private language: string | null = null;
  /** A dateline the wire-text reading of text directly in `<body.content>` found. */
  private wireDateline: Dateline | null = null;
  private referenceDate: string | null;

  constructor(
    private readonly file: SourceFile,
    private readonly source: string,
    referenceDate: string | null,
  ) {
    this.referenceDate = referenceDate;
  }

  read(element: XmlElement): NitfCopy {
    const root = element.local === 'nitf' ? element : null;
    const head = child(root, 'head');
    const body = root ? child(root, 'body') : element.local === 'body' ? element : null;
    const contents = element.local === 'body.content' ? [element] : children(body, 'body.content');
    const bodyHead = child(body, 'body.head');
    const docdata = child(head, 'docdata');

    this.readMeta(head);
    const issue = this.readDate(child(docdata, 'date.issue'), 'date.issue');
    const release = this.readDate(child(docdata, 'date.release'), 'date.release');
    const expire = attribute(child(docdata, 'date.expire'), 'norm')?.trim();
    if (expire) this.labels['date.expire'] = expire;
    this.referenceDate = issue?.iso ?? dayOf(issue?.raw ?? null) ?? this.referenceDate;

    const revision = this.readRevision(child(docdata, 'du-key'));
    const urgency = this.readUrgency(docdata, head);
    const management = this.readStatus(docdata);
    const messages = this.readEditorMessages(docdata);
    const embargo = this.readEmbargo(management.embargoed || messages.announced, issue, release, messages.embargo);
    // A canceled item stays canceled (it may carry a release date); else an embargo
    // withholds the story until it lifts, whatever status the document gives, as every reader reads it.
    const status: Status = management.status === 'canceled' ? 'canceled' : embargo ? 'withheld' : (management.status ?? 'usable');
    const firstCreated = this.readFirstCreated(head, issue, revision);

    this.language = this.readLanguage(root, body);
    for (const note of children(bodyHead, 'note')) this.addNote(fold(inlineRaw(note)));
    for (const content of contents) this.walk(content);
    this.takeTrailingSignoffs();
    this.readBodyEnd(child(body, 'body.end'));
    const dateline = this.readDateline(child(bodyHead, 'dateline'));

    const hedline = child(bodyHead, 'hedline');
    const headline = fold(inlineRaw(child(hedline, 'hl1'))) || fold(inlineRaw(child(head, 'title'))) || null;
    const distributor = fold(inlineRaw(child(bodyHead, 'distributor')));
    if (distributor) this.labels.distributor = distributor;
    this.flagReplacementCharacters(headline);
    const signal: Signal | null = child(docdata, 'correction') ? 'correction' : status === 'canceled' ? 'kill' : null;
    const docId = attribute(child(docdata, 'doc-id'), 'id-string')?.trim() || null;
    return {
      slug: attribute(child(docdata, 'du-key'), 'key')?.trim() || this.metaValue('anpa-keyword'),
      takes: [],
      priority: priorityOfUrgency(urgency),
      version: null,
      guid: docId?.startsWith(SLUGLINE_ID_PREFIX) ? null : docId,
      ownId: docId?.startsWith(SLUGLINE_ID_PREFIX) ? docId.slice(SLUGLINE_ID_PREFIX.length) : null,
      revision,
      firstCreated,
      versionCreated: issue?.iso ?? null,
      urgency,
      headline,
      summary: this.readSummary(bodyHead, hedline, headline),
      byline: this.readByline(child(bodyHead, 'byline')),
      dateline,
      credits: this.credits(dateline, distributor),
      notes: [...messages.notes, ...this.notes],
      subjects: this.readSubjects(child(head, 'tobject')),
      keywords: this.readKeywords(child(docdata, 'key-list')),
      body: this.blocks,
      signoffs: this.signoffs,
      status,
      signal,
      embargo,
      language: this.language,
      damage: this.damage,
      labels: this.labels,
    };
  }

  // -------------------------------------------------------------------------
  // head

  private readMeta(head: XmlElement | null): void {
    for (const meta of children(head, 'meta')) {
      const name = attribute(meta, 'name') ?? attribute(meta, 'http-equiv');
      const content = attribute(meta, 'content');
      if (!name || content === null) continue;
      this.addLabel(name, content);
    }
    const tobject = child(head, 'tobject');
    const type = attribute(tobject, 'tobject.type');
    if (type) this.labels['tobject.type'] = type;
    const properties = children(tobject, 'tobject.property').map((property) => attribute(property, 'tobject.property.type')).filter((value) => value !== null);
    if (properties.length) this.labels['tobject.property.type'] = properties.length === 1 ? properties[0]! : properties;
    const docdata = child(head, 'docdata');
    const regsrc = attribute(child(docdata, 'doc-id'), 'regsrc');
    if (regsrc) this.labels['doc-id.regsrc'] = regsrc;
    const copyright = child(docdata, 'doc.copyright');
    const holder = attribute(copyright, 'holder');
    const year = attribute(copyright, 'year');
    if (holder) this.labels['doc.copyright.holder'] = holder;
    if (year) this.labels['doc.copyright.year'] = year;
    for (const scope of children(docdata, 'doc-scope')) {
      const value = attribute(scope, 'scope');
      if (value) this.addLabel('doc-scope', value);
    }
  }

  /**
   * Adds a label; a name given twice keeps both values. Names come from the document
   * (`<meta name="…">`), so they are own properties whatever they are (`constructor`, `__proto__`).
   */
  private addLabel(name: string, value: string): void {
    const before = Object.hasOwn(this.labels, name) ? this.labels[name] : undefined;
    const next = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
    // Only `__proto__` is no own property when assigned; defining every label costs the object its fast shape.
    if (name === '__proto__') Object.defineProperty(this.labels, name, { value: next, enumerable: true, writable: true, configurable: true });
    else this.labels[name] = next;
  }

  private metaValue(name: string): string | null {
    const value = Object.hasOwn(this.labels, name) ? this.labels[name] : undefined;
    const first = Array.isArray(value) ? value[0] : value;
    return first?.trim() || null;
  }

  /** A `norm` date: ISO 8601 when it has a time zone; otherwise kept as written in the labels. */
  private readDate(element: XmlElement | null, name: string): DateValue | null {
    const raw = attribute(element, 'norm')?.trim();
    if (!raw) return null;
    const iso = normalizeDateTime(raw);
    if (iso === null) {
      this.labels[name] = raw;
      const reason = dayOf(raw) !== null ? 'names no time zone, so it is no moment' : 'is no ISO 8601 date-time';
      this.file.warn('nitf/date', `<${name} norm="${raw}"> ${reason}; kept in source.labels`, place(element), this.source);
    }
    return { raw, iso };
  }

  /** `du-key version` is the document's version number when it is one (`04` → 4). */
  private readRevision(duKey: XmlElement | null): number | null {
    const version = attribute(duKey, 'version')?.trim();
    if (!version) return null;
    if (/^\d{1,15}$/.test(version)) return Number(version);
    this.file.info('nitf/du-key-version', `<du-key version="${version}"> is no number; no revision`, place(duKey), this.source);
    return null;
  }

  private readUrgency(docdata: XmlElement | null, head: XmlElement | null): number | null {
    let element = child(docdata, 'urgency');
    if (!element && child(head, 'urgency')) {
      element = child(head, 'urgency');
      this.file.info('nitf/misplaced', '<urgency> stands in <head>, not in <docdata>; read anyway', place(element), this.source);
    }
    const value = attribute(element, 'ed-urg')?.trim();
    if (!value) return null;
    if (/^[1-9]$/.test(value)) return Number(value);
    this.file.warn('nitf/urgency', `<urgency ed-urg="${value}"> is no urgency from 1 to 9; ignored`, place(element), this.source);
    return null;
  }

  private readStatus(docdata: XmlElement | null): { status: Status | null; embargoed: boolean } {
    const value = attribute(docdata, 'management-status')?.trim();
    if (!value) return { status: null, embargoed: false };
    const known = statusOf(value);
    if (known) return known;
    this.file.warn(
      'nitf/management-status',
      `management-status="${value}" is none of usable, embargoed, withheld, canceled; read as not given`,
      place(docdata),
      this.source,
    );
    return { status: null, embargoed: false };
  }

  /**
   * Editors' messages are notes. One of type `embargo` (as Slugline writes it) is the
   * embargo notice; else a notice inside a note is (`… Embargoed to 0001 Friday September 9`).
   * `announced`: a message says the item is embargoed, whatever the dates say.
   */
  private readEditorMessages(docdata: XmlElement | null): { notes: string[]; embargo: string | null; announced: boolean } {
    const notes: string[] = [];
    let typed: string | null = null;
    let inNote: string | null = null;
    let announced = false;
    for (const message of children(docdata, 'ed-msg')) {
      const info = fold(attribute(message, 'info') ?? '');
      if (!info) continue;
      if (attribute(message, 'msg-type')?.trim().toLowerCase() === embargoMessageType) {
        typed ??= info;
        announced = true;
        continue;
      }
      notes.push(info);
      const notice = embargoNoticeIn(info);
      inNote ??= notice;
      if (notice !== null && notice === info) announced = true;
    }
    return { notes, embargo: typed ?? inNote, announced };
  }

  /**
   * An embargo: `management-status="embargoed"` or a message that says so, or a
   * `date.release` later than `date.issue`. It lifts at `date.release`.
   */
  private readEmbargo(embargoed: boolean, issue: DateValue | null, release: DateValue | null, notice: string | null): Embargo | null {
    const later = issue?.iso && release?.iso ? Date.parse(release.iso) > Date.parse(issue.iso) : false;
    if (!embargoed && !later) return null;
    return { text: notice ?? release?.raw ?? 'embargoed', until: release?.iso ?? null };
  }

  /**
   * When the story was first created: the earliest `revision-history` entry; else
   * `date.issue`, unless `du-key` says this is a later version.
   */
  private readFirstCreated(head: XmlElement | null, issue: DateValue | null, revision: number | null): string | null {
    let earliest: string | null = null;
    for (const entry of children(head, 'revision-history')) {
      const iso = normalizeDateTime(attribute(entry, 'norm'));
      if (iso !== null && (earliest === null || Date.parse(iso) < Date.parse(earliest))) earliest = iso;
    }
    if (earliest !== null) return earliest;
    return revision === null || revision <= 1 ? (issue?.iso ?? null) : null;
  }

  private readLanguage(root: XmlElement | null, body: XmlElement | null): string | null {
    const declared = attribute(root, 'baselang') ?? attribute(body, 'lang');
    if (declared && languageTag.test(declared.trim())) return declared.trim().replace(/_/g, '-');
    return null;
  }

  private readSubjects(tobject: XmlElement | null): Subject[] {
    const subjects: Subject[] = [];
    for (const subject of children(tobject, 'tobject.subject')) {
      const code = attribute(subject, 'tobject.subject.refnum')?.trim();
      if (!code) {
        this.file.info('nitf/subject', '<tobject.subject> has no refnum; skipped', place(subject), this.source);
        continue;
      }
      const ipr = attribute(subject, 'tobject.subject.ipr')?.trim();
      // IPTC (the default provider) means the IPTC Subject Codes; others name their own scheme.
      const scheme = !ipr || ipr.toUpperCase() === 'IPTC' ? 'subj' : ipr;
      const name = ['detail', 'matter', 'type'].map((level) => attribute(subject, `tobject.subject.${level}`)?.trim()).find(Boolean) ?? null;
      subjects.push({ scheme, code, name });
    }
    return subjects;
  }

  private readKeywords(keyList: XmlElement | null): string[] {
    const keywords: string[] = [];
    for (const keyword of children(keyList, 'keyword')) {
      const value = fold(attribute(keyword, 'key') ?? '') || fold(inlineRaw(keyword));
      if (value && !keywords.includes(value)) keywords.push(value);
    }
    return keywords;
  }

  // -------------------------------------------------------------------------
  // body.head

  private readSummary(bodyHead: XmlElement | null, hedline: XmlElement | null, headline: string | null): string | null {
    const parts: string[] = [];
    for (const abstract of children(bodyHead, 'abstract')) {
      const blocks = children(abstract).filter((each) => each.local !== 'media');
      if (blocks.length === 0) {
        const direct = fold(inlineRaw(abstract));
        if (direct) parts.push(direct);
      }
      for (const block of blocks) {
        const value = fold(inlineRaw(block));
        if (value) parts.push(value);
      }
    }
    if (parts.length) return parts.join('\n');
    // A sub-headline stands in for the abstract, unless it only repeats the headline (AP's `originalHeadline`).
    const subheads = children(hedline, 'hl2')
      .map((hl2) => fold(inlineRaw(hl2)))
      .filter((value) => value !== '' && value.toLowerCase() !== headline?.toLowerCase());
    return subheads.length ? subheads.join('\n') : null;
  }

  /** `<byline>By <person>…</person><byttl>…</byttl></byline>`, or the byline as plain text. */
  private readByline(byline: XmlElement | null): Byline | null {
    if (!byline) return null;
    const title = children(byline, 'byttl').map((byttl) => fold(inlineRaw(byttl))).filter(Boolean).join(' ') || null;
    let raw = '';
    for (const node of byline.children) {
      if (typeof node === 'string') raw += node;
      else if (node.local !== 'byttl') {
        const words = inlineRaw(node);
        // An element is a word of its own: `By<person>Staff Reporter</person>` reads `By Staff Reporter`.
        raw += /[\p{L}\p{N}]$/u.test(raw) && /^[\p{L}\p{N}]/u.test(words) ? ` ${words}` : words;
      }
    }
    const read = readByline(fold(raw), title);
    if (read === null) return null;
    const persons = children(byline, 'person').map((person) => fold(inlineRaw(person))).filter(Boolean);
    // CP puts two people in one <person> (`Mia Rabson and Jordan Press`).
    const names = persons.length ? persons.flatMap((person) => person.split(/\s+and\s+|\s*&\s*/)).filter(Boolean) : /^by\s/i.test(read.text) ? read.names : [];
    return { ...read, names };
  }

  /**
   * The dateline: the `<dateline>` element's location and date, and the dateline as
   * written. Agencies (AP, CP, AAP, EFE) also open the lead paragraph with the dateline
   * (`NEW YORK (AP) — …`); when it names the same place, it is taken off the paragraph
   * as the text of the dateline, as the wire-text reader does.
   */
  private readDateline(element: XmlElement | null): Dateline | null {
    const location = child(element, 'location');
    const city = fold(inlineRaw(child(location, 'city'))) || null;
    const region = fold(inlineRaw(child(location, 'state') ?? child(location, 'region'))) || null;
    const country = fold(inlineRaw(child(location, 'country'))) || null;
    const structured = city !== null || region !== null || country !== null;
    const placeOf = city ?? (location && !structured ? fold(inlineRaw(location)) || null : null);
    const storyDate = child(element, 'story.date');
    const date = dayOf(attribute(storyDate, 'norm')) ?? dayOf(fold(inlineRaw(storyDate)));

    const first = this.blocks[0];
    const lead = first?.kind === 'paragraph' ? readDatelineHead(first.text) : null;
    if (lead && (placeOf === null || samePlace(lead.parts.place, placeOf))) {
      const rest = first!.text.slice(lead.head.length).trim();
      if (rest === '') this.removeBlock(0);
      else first!.text = rest;
      const read = datelineFromParts(lead.head.trim(), lead.parts, this.referenceDate);
      return {
        text: read.text,
        place: placeOf ?? read.place,
        region: region ?? read.region,
        country: country ?? read.country,
        date: date ?? read.date,
        credit: read.credit,
      };
    }
    if (element) {
      const whole = fold(inlineRaw(element, ' '));
      // With only <location> children and no words of its own, the dateline is its parts.
      const text = hasOwnWords(element) ? whole : [placeOf, region, country].filter(Boolean).join(', ');
      const parts = readDatelineHead(text)?.parts ?? readDatelineWords(text);
      const read = parts ? datelineFromParts(text, parts, this.referenceDate) : null;
      const place = placeOf ?? read?.place ?? (fallbackPlace(text) || null);
      if (place !== null) {
        return {
          text: text || place,
          place,
          region: region ?? read?.region ?? null,
          country: country ?? read?.country ?? null,
          date: date ?? read?.date ?? null,
          credit: read?.credit ?? null,
        };
      }
    }
    return this.wireDateline;
  }

  private credits(dateline: Dateline | null, distributor: string): string[] {
    if (dateline?.credit) return splitCredit(dateline.credit);
    const credits: string[] = [];
    for (const signoff of this.signoffs) for (const agency of signoff.agencies) if (!credits.includes(agency)) credits.push(agency);
    if (credits.length) return credits;
    return distributor ? splitCredit(distributor) : [];
  }

  // -------------------------------------------------------------------------
  // body.content

  /** Reads the blocks of a container (`body.content`, `block`, `bq`, …) in document order. */
  private walk(container: XmlElement): void {
    let pending = '';
    const flush = () => {
      if (/\S/.test(pending)) this.readPlainText(pending, container);
      pending = '';
    };
    for (const node of container.children) {
      if (typeof node === 'string') {
        pending += node;
        continue;
      }
      if (inlineElements.has(node.local)) {
        if (node.local === 'lang') this.language ??= tagOf(attribute(node, 'lang'));
        pending += node.local === 'br' ? '\n' : inlineRaw(node);
        continue;
      }
      flush();
      this.readBlock(node);
    }
    flush();
  }

  private readBlock(element: XmlElement): void {
    switch (element.local) {
      case 'p':
      case 'credit':
        this.push('paragraph', fold(inlineRaw(element)), element);
        return;
      case 'hl1':
      case 'hl2':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
        this.push('crosshead', fold(inlineRaw(element)), element);
        return;
      case 'table':
      case 'nitf-table':
        this.push('preformatted', tableText(element), element);
        return;
      case 'pre':
        this.push('preformatted', preText(element), element);
        return;
      case 'ul':
      case 'ol':
        for (const item of children(element, 'li')) this.readListItem(item);
        return;
      case 'dl':
        for (const item of children(element)) this.readListItem(item);
        return;
      case 'note':
        this.addNote(fold(inlineRaw(element)));
        return;
      case 'media':
      case 'hr':
      case 'img':
      case 'datasource':
        // Pictures and rules are no copy; a NITF holding only media is refused by parseNitf.
        return;
      default:
        if (element.local === 'block' || element.local === 'bq' || element.local === 'fn' || children(element).length > 0) {
          this.walkBlock(element);
        } else {
          this.push('paragraph', fold(inlineRaw(element)), element);
        }
    }
  }

  private walkBlock(element: XmlElement): void {
    if (element.local !== 'block') {
      this.walk(element);
      return;
    }
    // A block's metadata (its own byline, dateline, abstract) is about the block, not copy.
    const content: XmlNode[] = element.children.filter((node) => typeof node === 'string' || !blockMetadata.has(node.local));
    this.walk({ ...element, children: content });
  }

  private readListItem(item: XmlElement): void {
    if (children(item).some((each) => !inlineElements.has(each.local))) this.walk(item);
    else this.push('paragraph', fold(inlineRaw(item)), item);
  }

  /** Text standing directly in the content, outside any paragraph: plain wire copy, read as such. */
  private readPlainText(text: string, container: XmlElement): void {
    const offset = this.blocks.length;
    // Blank lines before the copy go, and the first line moves down with them.
    const leading = /^(?:[ \t]*\r?\n)*/.exec(text)![0];
    const copy = readWireCopy(text.slice(leading.length), this.file, {
      source: this.source,
      firstLine: container.line + (leading.match(/\n/g)?.length ?? 0),
      referenceDate: this.referenceDate,
      header: false,
    });
    if (offset === 0 && copy.dateline) this.wireDateline = copy.dateline;
    this.blocks.push(...copy.body);
    this.signoffs.push(...copy.signoffs);
    for (const damage of copy.damage) this.damage.push({ ...damage, block: damage.block === null ? null : damage.block + offset });
    this.notes.push(...copy.notes);
  }

  private push(kind: Block['kind'], text: string, element: XmlElement): void {
    if (text === '') return;
    const block: Block = { kind, text, line: element.line, take: 1 };
    this.blocks.push(block);
    if (text.includes('\ufffd')) this.flag(this.blocks.length - 1, block);
  }

  private addNote(note: string): void {
    if (note) this.notes.push(note);
  }

  /** AAP ends the copy with `AAP RTV ar`, PA with `ends`: closing paragraphs (three at most) are sign-offs. */
  private takeTrailingSignoffs(): void {
    const trailing: Signoff[] = [];
    while (this.blocks.length > 0 && trailing.length < 3) {
      const last = this.blocks[this.blocks.length - 1]!;
      if (last.kind !== 'paragraph') break;
      const signoff = readSignoff(last.text);
      if (!signoff) break;
      signoff.line = last.line;
      trailing.unshift(signoff);
      this.removeBlock(this.blocks.length - 1);
    }
    this.signoffs.push(...trailing);
  }

  /** Takes a block out of the body; damage flagged on it goes with it, and later damage moves up. */
  private removeBlock(index: number): void {
    this.blocks.splice(index, 1);
    for (let each = this.damage.length - 1; each >= 0; each--) {
      const damage = this.damage[each]!;
      if (damage.block === index) this.damage.splice(each, 1);
      else if (damage.block !== null && damage.block > index) damage.block--;
    }
  }

  /** `<tagline>`: its lines that look like sign-offs are sign-offs, the others notes (`… contributed to this article`). */
  private readBodyEnd(bodyEnd: XmlElement | null): void {
    for (const tagline of children(bodyEnd, 'tagline')) {
      for (const line of inlineRaw(tagline, '\n').split('\n')) {
        const text = fold(line);
        if (!text) continue;
        const signoff = readSignoff(text);
        if (signoff) {
          signoff.line = tagline.line;
          this.signoffs.push(signoff);
        } else {
          this.notes.push(text);
        }
      }
    }
  }

  private flagReplacementCharacters(headline: string | null): void {
    if (headline?.includes('\ufffd')) {
      const detail = 'the headline holds U+FFFD: characters were lost before the copy reached us';
      this.damage.push({ kind: 'undecodable', block: null, detail });
      this.file.warn('damage/undecodable', detail, null, this.source);
    }
  }

  private flag(index: number, block: Block): void {
    const detail = 'holds U+FFFD: characters were lost before the copy reached us';
    this.damage.push({ kind: 'undecodable', block: index, detail });
    this.file.warn('damage/undecodable', detail, { line: block.line, block: index }, this.source);
  }
}

// ---------------------------------------------------------------------------
// Text

/** The text inside, markup removed; `<br/>` gives `breakAs` (a space in running text). */
function inlineRaw(element: XmlElement | null | undefined, breakAs = ' '): string {
  if (!element) return '';
  let text = '';
  for (const node of element.children) {
    if (typeof node === 'string') text += node;
    else if (node.local === 'br') text += breakAs;
    else text += inlineRaw(node, breakAs);
  }
  return text;
}

/** White space folded to single spaces and trimmed (no replace when there is nothing to fold). */
function fold(text: string): string {
  return foldWhiteSpace(text);
}

/** A table as preformatted text: a row per line, cells separated by tabs; the caption first. */
function tableText(table: XmlElement): string {
  const lines: string[] = [];
  const caption = fold(inlineRaw(child(table, 'caption')));
  if (caption) lines.push(caption);
  const rows = descendants(table, 'tr');
  for (const row of rows) {
    const cells = children(row).filter((cell) => cell.local === 'td' || cell.local === 'th').map((cell) => fold(inlineRaw(cell)));
    if (cells.some(Boolean)) lines.push(cells.join('\t').trimEnd());
  }
  if (rows.length === 0) {
    const plain = fold(inlineRaw(table));
    if (plain) lines.push(plain);
  }
  return lines.join('\n');
}

/** Preformatted text with its line breaks and spacing, blank lines around it and trailing blanks removed. */
function preText(pre: XmlElement): string {
  const lines = inlineRaw(pre, '\n')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** Whether the dateline element has words of its own beside the names in its location (`Newport News, VA`, `SYDNEY March 22 AAP -`). */
function hasOwnWords(element: XmlElement): boolean {
  const own = (node: XmlElement): boolean =>
    node.children.some((each) => (typeof each === 'string' ? /[^\s,]/.test(each) : each.local === 'location' ? own(each) : false));
  const location = child(element, 'location');
  const structured = location !== null && children(location).some((each) => ['city', 'state', 'region', 'country'].includes(each.local));
  return structured ? own(element) : /\S/.test(inlineRaw(element));
}

/** A place name from dateline text no pattern reads: the words before a comma, digit, bracket or dash. */
function fallbackPlace(text: string): string {
  return (/^[^,\d(–—-]+/.exec(text)?.[0] ?? '').trim();
}

/** `BSS/AFP` → `["BSS", "AFP"]`. */
function splitCredit(credit: string): string[] {
  return credit
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean);
}

function tagOf(value: string | null): string | null {
  const tag = value?.trim();
  return tag && languageTag.test(tag) ? tag.replace(/_/g, '-') : null;
}

/** A closing line as plain wire copy writes it (`ends`, `BSS/AFP/MSY/1117 hrs`), or an agency sign-off (`AAP RTV ar`). */
function readSignoff(text: string): Signoff | null {
  return readClosingLine(text)?.closing ?? readAgencySignoff(text);
}

function place(element: XmlElement | null): { line: number } | null {
  return element ? { line: element.line } : null;
}
