import { repairDoubleEncoding } from '../../source/decode.js';
import type { Place, SourceFile } from '../../source/source-file.js';
import { countryCode } from '../../story/countries.js';
import { normalizeDate, normalizeDateTime } from '../../story/dates.js';
import type {
  Block,
  BlockKind,
  Byline,
  Damage,
  Dateline,
  Embargo,
  Priority,
  Signal,
  Signoff,
  Status,
  Story,
  Subject,
} from '../../story/story.js';
import { priorityOfUrgency } from '../../story/urgency.js';
import { isBylineLine, readByline } from '../byline.js';
import { datelineFromParts } from '../dateline.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { headlineFromCopy } from '../headline.js';
import { samePlace } from '../nitf/grammar.js';
import { readNitfElement } from '../nitf/parse.js';
import { contentId, readWireCopy } from '../wire-text/parse.js';
import type { WireCopy } from '../wire-text/parse.js';
import {
  apVersion,
  headlinePrefix,
  isoDate,
  monthNumber,
  priorityOf,
  readClosingLine,
  readDatelineHead,
  readDatelineParts,
  signalOf,
} from '../wire-text/grammar.js';
import type { DatelineParts } from '../wire-text/grammar.js';
import { readXmlDocument } from '../xml/document.js';
import { attribute, child, children, decodeXml, foldWhiteSpace, rawText, text } from '../xml/xml.js';
import type { XmlElement, XmlNode } from '../xml/xml.js';
import {
  G2_NAMESPACE,
  SLUGLINE_GUID_PREFIX,
  SLUGLINE_NAMESPACE,
  blockElements,
  controlCharacters,
  crossheadElements,
  decodeDoubleEscaped,
  isCountryType,
  isMainHeadlineRole,
  isRegionType,
  isSummaryRole,
  itemKinds,
  itemNature,
  itemParts,
  natureNames,
  preformattedElements,
  readRootTag,
  roleCode,
  signalOfCode,
  skippedElements,
  splitConceptUri,
  splitQcode,
  standardAttribute,
  statusOfPubStatus,
  tableElements,
} from './grammar.js';

const READER = 'newsml-g2';

/**
 * The `newsml-g2` format: IPTC NewsML-G2 2.x `newsItem`s of class text, alone or
 * several in a `newsMessage` (one Story each). Packages, pictures, videos, concepts,
 * plans and catalogs are refused by name: they carry no text story.
 *
 * @example
 * const stories = newsmlG2.parse(new SourceFile(bytes, { name: 'item.xml' }));
 * stories[0]?.guid; // 'urn:newsml:dpa.com:20090101:240626-99-540037'
 */
export const newsmlG2: Format = {
  id: READER,
  description: 'IPTC NewsML-G2 newsItem (alone or in a newsMessage): one story per text item, NITF, XHTML or plain-text content',
  sniff: sniffNewsmlG2,
  parse: parseNewsmlG2,
};

/**
 * Whether the input is NewsML-G2: an item or a message at the root, in the G2
 * namespace or marked `standard="NewsML-G2"` (TT writes its messages with no namespace).
 */
export function sniffNewsmlG2(file: SourceFile): Sniff {
  const head = decodeXml(file.bytes.subarray(0, 16384)).text;
  const root = readRootTag(head);
  if (root === null) return { score: 0, reason: 'no XML root element near the start' };
  const prefix = root.prefix === null ? 'xmlns' : `xmlns:${root.prefix}`;
  const declared = new RegExp(`(?:^|\\s)${prefix.replaceAll('.', '\\.')}\\s*=\\s*["']([^"']*)["']`).exec(root.attributes)?.[1] ?? null;
  const inG2 = declared === G2_NAMESPACE;
  const name = root.prefix === null ? root.local : `${root.prefix}:${root.local}`;
  if (root.local === 'newsMessage' || Object.hasOwn(itemKinds, root.local)) {
    if (inG2) return { score: 1, reason: `<${name}> in the NewsML-G2 namespace` };
    if (standardAttribute.test(head)) return { score: 0.9, reason: `<${name}> marked standard="NewsML-G2"` };
    return { score: 0, reason: `<${name}> at the root, but neither the NewsML-G2 namespace nor standard="NewsML-G2"` };
  }
  if (inG2) return { score: 0.5, reason: `<${name}> in the NewsML-G2 namespace: a part of an item, not an item` };
  // A part of an item cut out of it, as IPTC's guidelines print them: read only to say so.
  if (itemParts.has(root.local)) return { score: 0.3, reason: `<${name}>, a part of a NewsML-G2 item, at the root` };
  return { score: 0, reason: `no NewsML-G2 item at the root (found <${name}>)` };
}

/** Why an item gave no story. */
interface Refusal {
  rule: string;
  message: string;
  line: number;
}

/** What the reader knows about the whole input while it reads each item. */
interface Context {
  file: SourceFile;
  encoding: string;
  options: ParseOptions;
  /** `header/sent` of a message: when it was sent. */
  sent: string | null;
  /** Items in the input: ids need an index when there are several without a guid. */
  count: number;
  /** Prefix the root binds to Slugline's namespace, for the attributes the writer adds. */
  sluglinePrefix: string | null;
}

/**
 * Parses a NewsML-G2 document into its text stories, in document order.
 *
 * @example
 * const stories = parseNewsmlG2(new SourceFile(bytes, { name: 'message.xml' }));
 */
export function parseNewsmlG2(file: SourceFile, options: ParseOptions = {}): Story[] {
  // The shared reading: size cap, declared charset, UTF-8 mislabelled as Latin-1.
  const { root, encoding } = readXmlDocument(file, READER);
  const items = itemsOf(root, file);
  const context: Context = {
    file,
    encoding,
    options,
    sent: root.local === 'newsMessage' ? normalizeDateTime(text(child(child(root, 'header'), 'sent'))) : null,
    count: items.length,
    sluglinePrefix: sluglinePrefixOf(root),
  };
  const mark = file.messages.length;
  const results: { story: Story; messages: number; end: number }[] = [];
  const refusals: { index: number; item: XmlElement; refusal: Refusal }[] = [];
  for (const [index, item] of items.entries()) {
    const start = file.messages.length;
    const result = readItem(item, index, context);
    if ('rule' in result) refusals.push({ index, item, refusal: result });
    else results.push({ story: result, messages: start, end: file.messages.length });
  }
  if (results.length === 0) {
    const only = refusals.length === 1 ? refusals[0]!.refusal : null;
    if (only !== null) file.fail(only.rule, only.message, { line: only.line }, READER);
    const rules = new Set(refusals.map(({ refusal }) => refusal.rule));
    file.fail(
      rules.size === 1 ? [...rules][0]! : 'newsml-g2/no-text-item',
      `the newsMessage holds no text story: ${refusals.map(({ index, item, refusal }) => `item ${index + 1} <${item.local}> (line ${item.line}): ${refusal.message}`).join('; ')}`,
      null,
      READER,
    );
  }
  // Messages raised before the items, and skipped items, concern every story.
  const shared = file.messages.slice(mark, results[0]!.messages);
  for (const { index, item, refusal } of refusals) {
    shared.push(
      file.info('newsml-g2/item-skipped', `item ${index + 1} <${item.local}> skipped: ${refusal.message}`, { line: refusal.line }, READER),
    );
  }
  const before = file.messages.slice(0, mark);
  return results.map(({ story, messages, end }) => {
    story.diagnostics = [...before, ...shared, ...file.messages.slice(messages, end)];
    return story;
  });
}

/** The items of the document: the root item, or those in a message's itemSet. Fails on anything else. */
function itemsOf(root: XmlElement, file: SourceFile): XmlElement[] {
  const place = { line: root.line, column: root.column };
  if (root.uri !== G2_NAMESPACE && root.uri !== '') {
    file.fail(
      'newsml-g2/not-g2',
      `expected a NewsML-G2 <newsItem> or <newsMessage> in the namespace ${G2_NAMESPACE}, found <${root.name}> in ${root.uri} (is it NITF or NewsML 1.2? name the format with --from)`,
      place,
      READER,
    );
  }
  if (root.local === 'newsMessage') {
    const items = children(child(root, 'itemSet')).filter((item) => Object.hasOwn(itemKinds, item.local));
    if (items.length === 0) {
      file.fail('newsml-g2/empty-message', 'the newsMessage holds no item: its itemSet is missing or empty', place, READER);
    }
    return items;
  }
  if (Object.hasOwn(itemKinds, root.local)) return [root];
  if (itemParts.has(root.local)) {
    file.fail(
      'newsml-g2/fragment',
      `found <${root.name}>, a part of a NewsML-G2 item cut out of it: expected a whole <newsItem> or <newsMessage> at the root`,
      place,
      READER,
    );
  }
  file.fail('newsml-g2/not-g2', `expected a NewsML-G2 <newsItem> or <newsMessage> at the root, found <${root.name}>`, place, READER);
}

/** The prefix the root binds to Slugline's namespace (`sl`), or null. */
function sluglinePrefixOf(root: XmlElement): string | null {
  for (const [name, value] of Object.entries(root.attributes)) {
    if (value === SLUGLINE_NAMESPACE && name.startsWith('xmlns:')) return name.slice('xmlns:'.length);
  }
  return null;
}

/** An attribute in Slugline's namespace, or null. */
function sluglineAttribute(element: XmlElement | null, local: string, context: Context): string | null {
  if (element === null || context.sluglinePrefix === null) return null;
  return element.attributes[`${context.sluglinePrefix}:${local}`] ?? null;
}

// ---------------------------------------------------------------------------
// One item

function readItem(item: XmlElement, index: number, context: Context): Story | Refusal {
  const { file } = context;
  const line = item.line;
  const itemMeta = child(item, 'itemMeta');
  const itemClass = child(itemMeta, 'itemClass');
  const classCode = attribute(itemClass, 'qcode') ?? attribute(itemClass, 'uri');
  if (item.local !== 'newsItem') {
    return { rule: 'input/not-text', message: `this is ${itemKinds[item.local]}, not a text story`, line };
  }
  const nature = itemNature(attribute(itemClass, 'qcode'), attribute(itemClass, 'uri'));
  if (nature === null) {
    file.warn('newsml-g2/no-item-class', 'the newsItem has no itemClass (G2 requires one); read as text', { line }, READER);
  } else if (nature !== 'text') {
    const what = natureNames[nature] ? `${natureNames[nature]} (itemClass ${classCode})` : `an item of class ${classCode}`;
    return { rule: 'input/not-text', message: `this is ${what}, not a text story`, line };
  }
  const contentMeta = child(item, 'contentMeta');
  const labels: Record<string, string | string[]> = {};
  if (classCode !== null) labels.itemClass = classCode;
  // `sl:placeholder` marks what Slugline's writer filled in because G2 requires it and the story gave none.
  const placeholder = (element: XmlElement | null) => sluglineAttribute(element, 'placeholder', context) === 'true';
  const providerElement = child(itemMeta, 'provider');
  const provider = placeholder(providerElement) ? null : partyName(providerElement);
  if (provider !== null) labels.provider = provider;

  const versionElement = child(itemMeta, 'versionCreated');
  const versionCreated = placeholder(versionElement) ? null : readDateTime(versionElement, 'versionCreated', labels, file);
  const firstCreated = readDateTime(child(itemMeta, 'firstCreated'), 'firstCreated', labels, file);
  const referenceDate = context.options.referenceDate ?? versionCreated ?? firstCreated ?? context.sent;

  const headline = readHeadline(contentMeta);
  const content = readContent(item, context, referenceDate, headline.text);
  if ('rule' in content) return content;
  for (const [name, value] of Object.entries(content.labels)) if (!(name in labels)) labels[name] = value;
  if (headline.text === null && content.headline === null && content.blocks.length === 0) {
    return { rule: 'input/no-copy', message: 'the text item has no headline and no body text', line };
  }
  const summary = readSummary(contentMeta) ?? content.summary;
  // A body the content announces words for (`wordcount="569"`) and does not hold was lost on the way: damage, said so.
  const announced = Number(children(child(item, 'contentSet')).map((each) => attribute(each, 'wordcount')).find(Boolean) ?? 0);
  if (content.blocks.length === 0 && announced > 0) {
    const detail = `the content announces ${announced} words (wordcount) but holds no body text: the text was lost`;
    content.damage.push({ kind: 'truncated', block: null, detail });
    file.warn('damage/truncated', detail, { line }, READER);
  }
  let derivedHeadline: string | null = null;
  if (headline.text === null && content.headline === null) {
    file.warn('newsml-g2/no-headline', 'the text item has no headline: neither contentMeta nor its content gives one', { line }, READER);
    // A story needs a headline on a desk: made from the first sentence of the summary, else of the copy, and said so.
    // Notes set off in stars or brackets (`*** DISCLAIMER: … ***`, `(Adds …)`) are no copy to make it from.
    const lead = summary ?? content.blocks.find((block) => block.kind === 'paragraph' && !/^(?:\*.*\*|\(.*\))$/.test(block.text))?.text ?? null;
    // A document Slugline wrote for a story without a headline reads back without one.
    if (lead !== null && context.sluglinePrefix === null) {
      derivedHeadline = headlineFromCopy(lead);
      file.info('newsml-g2/headline-derived', `the headline is made from the first sentence of the ${summary !== null ? 'summary' : 'copy'}: “${derivedHeadline}”`, { line }, READER);
    }
  }

  // Identity: the guid is the story across its versions; `version` counts them, 1 by default.
  const written = clean(attribute(item, 'guid')) || null;
  if (written === null) file.warn('newsml-g2/no-guid', 'the newsItem has no guid (G2 requires one); the id is a hash of the input', { line }, READER);
  // Slugline's writer gives a story without a guid its own id as one: it is the id again, not a provider's guid.
  const ownId = written?.startsWith(SLUGLINE_GUID_PREFIX) ? written.slice(SLUGLINE_GUID_PREFIX.length) : null;
  const guid = ownId === null ? written : null;
  const revision = readVersion(attribute(item, 'version'), file, line);
  const id =
    ownId ||
    (guid !== null ? `${guid}@${revision ?? 1}` : context.count > 1 ? `${contentId(file.bytes)}:${index + 1}` : contentId(file.bytes));

  // Status, signal and embargo: what G2 says first, the plain text's own notices after.
  const pubStatus = attribute(child(itemMeta, 'pubStatus'), 'qcode');
  let status: Status = 'usable';
  if (pubStatus !== null) {
    const split = splitQcode(pubStatus);
    const read = split ? statusOfPubStatus(split.code) : null;
    if (read === null) file.warn('newsml-g2/unknown-status', `pubStatus \`${pubStatus}\` is none of stat:usable, stat:withheld, stat:canceled; read as usable`, { line }, READER);
    else status = read;
  }
  let signal: Signal | null = null;
  for (const element of children(itemMeta, 'signal')) {
    const read = signalOfCode(attribute(element, 'qcode') ?? '');
    if (read !== null && rank(read) > rank(signal)) signal = read;
  }
  const embargo = readEmbargo(child(itemMeta, 'embargoed'), labels, context) ?? content.wire?.embargo ?? null;
  if (content.wire?.status === 'canceled') status = 'canceled';
  // A kill withdraws the story; an embargo holds it back until it lifts.
  if (status === 'canceled') signal = 'kill';
  else if (embargo !== null || content.wire?.status === 'withheld') status = 'withheld';

  const slugline = readSlugline(clean(text(child(contentMeta, 'slugline'))) || null);
  const version = headline.version ?? slugline.version ?? content.wire?.version ?? null;
  signal ??= (headline.version !== null ? signalOf(headline.version) : null) ?? (slugline.version !== null ? signalOf(slugline.version) : null);
  signal ??= content.wire?.signal ?? null;

  if (content.blocks.length === 0 && status !== 'canceled') {
    // A kill needs no text; any other item without it reached us incomplete.
    file.warn('newsml-g2/no-body', 'the text item has no body text', { line: child(item, 'contentSet')?.line ?? line }, READER);
  }
  const urgency = readUrgency(child(contentMeta, 'urgency'), file);
  const priority: Priority | null = priorityOfUrgency(urgency) ?? headline.priority ?? content.wire?.priority ?? null;

  const located = readLocated(child(contentMeta, 'located'));
  const datelineElement = child(contentMeta, 'dateline');
  const datelineText = clean(text(datelineElement)) || null;
  const fromWords = datelineText !== null ? readDateline(datelineText, located, content.datelineHead, referenceDate) : null;
  const fromCopy = content.copyDateline;
  if (fromWords !== null && fromCopy !== null) {
    // AP gives `FORT WASHINGTON, Pa.` in G2 and `FORT WASHINGTON, Pa. (AP) _` in the copy: the copy adds the credit.
    fromWords.credit ??= fromCopy.credit;
    fromWords.date ??= fromCopy.date;
  }
  const dateline = fromWords ?? fromCopy ?? readDateline(null, located, content.datelineHead, referenceDate);
  if (dateline !== null) {
    // What Slugline's writer kept beside the words: the date (its year may come from elsewhere) and the credit.
    const date = sluglineAttribute(datelineElement, 'date', context);
    if (date !== null && /^(?:\d{4}|-)-\d{2}-\d{2}$/.test(date)) dateline.date = date;
    dateline.credit = sluglineAttribute(datelineElement, 'credit', context) ?? dateline.credit;
  }
  const creditline = clean(text(child(contentMeta, 'creditline')));
  const credits = dateline?.credit
    ? splitCredits(dateline.credit)
    : creditline
      ? splitCredits(creditline)
      : (content.wire?.credits ?? []);

  const notes: string[] = [];
  for (const note of children(itemMeta, 'edNote')) {
    const value = clean(text(note));
    if (value && !notes.includes(value)) notes.push(value);
  }
  for (const note of content.wire?.notes ?? []) if (!notes.includes(note)) notes.push(note);

  const language =
    clean(attribute(child(contentMeta, 'language'), 'tag')) || clean(attribute(item, 'lang')) || null;

  return {
    id,
    source: {
      format: READER,
      file: file.name,
      receivedAt: file.origin.receivedAt ?? null,
      encoding: context.encoding,
      line,
      labels,
    },
    slug: slugline.slug ?? content.wire?.slug ?? null,
    takes: content.wire?.takes ?? [],
    priority,
    version,
    guid,
    revision,
    firstCreated,
    versionCreated,
    urgency,
    headline: headline.text ?? content.headline ?? derivedHeadline,
    summary,
    byline: readBy(contentMeta, context) ?? content.byline ?? readCreators(contentMeta),
    dateline,
    credits,
    notes,
    subjects: readSubjects(contentMeta),
    keywords: readKeywords(contentMeta),
    body: content.blocks,
    signoffs: content.signoffs,
    status,
    signal,
    embargo,
    language,
    damage: content.damage,
    diagnostics: [],
  };
}

/** Kill outranks correction, correction outranks update. */
function rank(signal: Signal | null): number {
  return signal === 'kill' ? 3 : signal === 'correction' ? 2 : signal === 'update' ? 1 : 0;
}

// What `clean` changes: a control character, white space at either end, a run of it, or a kind other than the space.
const uncleaned = new RegExp(`${controlCharacters.source}|^\\s|\\s$|\\s\\s|[^\\S ]`);

/** Text with control characters removed and white space folded; '' when none. */
function clean(value: string | null | undefined): string {
  if (!value) return '';
  // One test first: most values (`text()` folds already) hold nothing to change.
  if (!uncleaned.test(value)) return value;
  return foldWhiteSpace(hasControl.test(value) ? value.replace(controlCharacters, '') : value);
}

/** A party's name (`provider`, `creator`): its `name`, else its literal, qcode or URI. */
function partyName(element: XmlElement | null): string | null {
  if (element === null) return null;
  return pickName(element) ?? (clean(attribute(element, 'literal') ?? attribute(element, 'qcode') ?? attribute(element, 'uri')) || null);
}

/** The name of a concept: the one without a role, else the full or display name, else the first. */
function pickName(element: XmlElement): string | null {
  const names = children(element, 'name').filter((name) => clean(text(name)) !== '');
  const chosen =
    names.find((name) => attribute(name, 'role') === null) ??
    names.find((name) => ['full', 'display'].includes(roleCode(attribute(name, 'role')) ?? '')) ??
    names[0];
  return chosen ? clean(text(chosen)) : null;
}

/**
 * A G2 date-time as ISO 8601 with its offset. G2 allows a time with no zone (STT
 * writes them); the Story does not, so the value is kept as written in the labels.
 */
function readDateTime(element: XmlElement | null, name: string, labels: Record<string, string | string[]>, file: SourceFile): string | null {
  const value = clean(text(element));
  if (value === '') return null;
  const iso = normalizeDateTime(value);
  if (iso === null) {
    labels[name] = value;
    file.info(
      'newsml-g2/no-time-zone',
      `${name} \`${value}\` has no time zone (or is no date-time); kept as written in source.labels, not as a moment`,
      { line: element!.line },
      READER,
    );
  }
  return iso;
}

function readVersion(value: string | null, file: SourceFile, line: number): number | null {
  if (value === null) return 1; // the schema's default
  const trimmed = value.trim();
  if (/^\d{1,15}$/.test(trimmed) && Number(trimmed) >= 1) return Number(trimmed);
  file.warn('newsml-g2/bad-version', `version \`${value}\` is no positive whole number`, { line }, READER);
  return null;
}

function readUrgency(element: XmlElement | null, file: SourceFile): number | null {
  const value = clean(text(element));
  if (value === '') return null;
  if (/^[1-9]$/.test(value)) return Number(value);
  file.warn('newsml-g2/bad-urgency', `urgency \`${value}\` is not 1 to 9`, { line: element!.line }, READER);
  return null;
}

/**
 * `embargoed`: the moment before which no version may be published. Empty, it holds
 * the item until further notice (NAR 1.4 made it nullable for that), which errs on
 * the side of the embargo: publishing embargoed copy breaks a promise, holding
 * usable copy only delays it.
 */
function readEmbargo(element: XmlElement | null, labels: Record<string, string | string[]>, context: Context): Embargo | null {
  if (element === null) return null;
  const value = clean(text(element));
  const words = sluglineAttribute(element, 'text', context);
  if (value === '') {
    context.file.info('newsml-g2/embargo-open', 'an empty <embargoed> holds the item until further notice', { line: element.line }, READER);
    return { text: words ?? '', until: null };
  }
  const until = normalizeDateTime(value);
  if (until === null) labels.embargoed = value;
  return { text: words ?? value, until };
}

/** The main headline: the first without a role or with the main role, else the first; a Reuters-style prefix taken off. */
function readHeadline(contentMeta: XmlElement | null): { text: string | null; version: string | null; priority: Priority | null } {
  const headlines = children(contentMeta, 'headline').filter((element) => clean(text(element)) !== '');
  const main = headlines.find((element) => isMainHeadlineRole(attribute(element, 'role'))) ?? headlines[0];
  if (!main) return { text: null, version: null, priority: null };
  return takePrefixes(clean(text(main)));
}

/** `UPDATE 1-`, `CORRECTED-`, `URGENT:` before the words mark the version or priority, as in plain wire copy. */
function takePrefixes(headline: string): { text: string; version: string | null; priority: Priority | null } {
  let rest = headline;
  let version: string | null = null;
  let priority: Priority | null = null;
  let match: RegExpExecArray | null;
  while ((match = headlinePrefix.exec(rest))) {
    const word = match[1]!.toUpperCase().replace(/\s+/g, ' ');
    const said = priorityOf(word);
    if (said !== null) priority ??= said;
    else version ??= word;
    rest = match[2]!;
  }
  return { text: rest, version, priority };
}

/** AP's cycle before the keyword: `BC-`, `AM-`, `PM-`. */
const apKeyword = /^(?:BC|AM|PM)-/;

/**
 * The slugline as the story's keyword. AP adds the version after a comma
 * (`BC-US--Earns-Nutrisystem, 1st Ld-Writethru`), Reuters in brackets
 * (`USA-WEATHER/ (UPDATE 1, PIX, CORRECTED)`): neither is part of the keyword.
 */
function readSlugline(slugline: string | null): { slug: string | null; version: string | null } {
  if (slugline === null) return { slug: null, version: null };
  const comma = slugline.lastIndexOf(',');
  if (comma > 0 && apKeyword.test(slugline) && apVersion.test(slugline.slice(comma + 1))) {
    return { slug: slugline.slice(0, comma).trim(), version: slugline.slice(comma + 1).trim() };
  }
  const bracket = slugline.length <= 200 ? /^(\S.*?)\s+\(([^()]+)\)$/.exec(slugline) : null;
  if (bracket) {
    const version = bracket[2]!.split(',').map((part) => part.trim()).find((part) => headlinePrefix.test(`${part}-x`) && priorityOf(part) === null);
    return { slug: bracket[1]!, version: version ?? null };
  }
  return { slug: slugline, version: null };
}

function readSummary(contentMeta: XmlElement | null): string | null {
  for (const description of children(contentMeta, 'description')) {
    if (!isSummaryRole(attribute(description, 'role'))) continue;
    const value = clean(text(description));
    if (value) return value;
  }
  return null;
}

/** `by`: the byline as written; the people it names are the item's creators where they are named in it. */
function readBy(contentMeta: XmlElement | null, context: Context): Byline | null {
  for (const by of children(contentMeta, 'by')) {
    const read = readByline(clean(text(by)), sluglineAttribute(by, 'title', context));
    if (read === null) continue;
    // Slugline's writer lists every name the byline holds as a creator, none when it holds none.
    if (context.sluglinePrefix !== null) return { ...read, names: creatorNames(contentMeta) };
    const creators = creatorNames(contentMeta).filter((name) => read.text.includes(name));
    return creators.length ? { ...read, names: creators } : read;
  }
  return null;
}

/**
 * Creators with a name, as a byline when nothing else gives one. A name that only
 * repeats its code is an account (dpa's `powell.robin`), and a creator known only by
 * a literal or qcode is an organisation (`Reuters`): neither is a byline.
 */
function creatorNames(contentMeta: XmlElement | null): string[] {
  const names: string[] = [];
  for (const creator of children(contentMeta, 'creator')) {
    if (roleCode(attribute(creator, 'type')) === 'organisation') continue;
    const name = pickName(creator);
    if (name === null) continue;
    const code = splitQcode(attribute(creator, 'qcode'))?.code;
    if (code !== undefined && code === name) continue;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function readCreators(contentMeta: XmlElement | null): Byline | null {
  const names = creatorNames(contentMeta);
  return names.length ? { text: names.join(' and '), names, title: null } : null;
}

function readSubjects(contentMeta: XmlElement | null): Subject[] {
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  for (const subject of children(contentMeta, 'subject')) {
    const qcode = splitQcode(attribute(subject, 'qcode'));
    const uri = attribute(subject, 'uri');
    const literal = clean(attribute(subject, 'literal'));
    let scheme: string | null;
    let code: string;
    if (qcode) ({ scheme, code } = qcode);
    else if (uri && splitConceptUri(uri)) ({ scheme, code } = splitConceptUri(uri)!);
    else if (literal) [scheme, code] = [null, literal];
    // A subject with a name and no code (TT's people) belongs to no vocabulary.
    else continue;
    const key = `${scheme ?? ''}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    subjects.push({ scheme, code, name: pickName(subject) });
  }
  return subjects;
}

function readKeywords(contentMeta: XmlElement | null): string[] {
  const keywords: string[] = [];
  for (const keyword of children(contentMeta, 'keyword')) {
    const value = clean(text(keyword));
    if (value && !keywords.includes(value)) keywords.push(value);
  }
  return keywords;
}

/** Credits as a credit line or dateline credit gives them: `BSS/AFP`, STT's `STT–AFP`. */
function splitCredits(value: string): string[] {
  return value
    .split(/\s*[/–—]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------------------
// Datelines

interface Located {
  /** The name as written. */
  name: string | null;
  /** The place itself, when the name also holds region or country. */
  place: string | null;
  region: string | null;
  country: string | null;
}

/** `located`: the place the content comes from, with the region and country it lies in where given. */
function readLocated(located: XmlElement | null): Located | null {
  if (located === null) return null;
  const nameOf = (element: XmlElement) => pickName(element) ?? (clean(attribute(element, 'literal')) || null);
  const name = nameOf(located);
  const result: Located = { name, place: name, region: null, country: null };
  if (isCountryType(attribute(located, 'type'))) result.country = result.name;
  // Press-release wires name the place in one string: `San Francisco, CA, USA`, `Hamilton, Bermuda`.
  const parts = result.name?.split(/\s*,\s*/).filter(Boolean) ?? [];
  if (parts.length > 1 && result.country === null) {
    const last = parts[parts.length - 1]!;
    if (countryCode(last) !== null || (parts.length > 2 && /^[A-Z]{2,3}$/.test(last))) result.country = parts.pop()!;
    result.place = parts.shift()!;
    if (parts.length) result.region = parts.join(', ');
  }
  for (const broader of children(located, 'broader')) {
    const type = attribute(broader, 'type');
    if (isCountryType(type)) result.country ??= nameOf(broader);
    else if (isRegionType(type)) result.region ??= nameOf(broader);
  }
  return result.name === null && result.country === null ? null : result;
}

/**
 * The dateline: the words of the `dateline` element (else those at the head of the
 * body), read into place, region, country, date and credit; what the words do not
 * say, `located` does.
 */
function readDateline(
  words: string | null,
  located: Located | null,
  bodyHead: { head: string; parts: DatelineParts } | null,
  referenceDate: string | null,
): Dateline | null {
  const text = words ?? bodyHead?.head.trim() ?? located?.name ?? null;
  if (text === null) return null;
  // Words longer than any dateline are not read as one (nor given to patterns that would take long over them).
  const own = words !== null && words.length <= 160 ? readDatelineParts(words.replace(/\s*(?:–|—|--|-|_)\s*$/, '')) : null;
  const parts = own ?? bodyHead?.parts ?? null;
  const read = parts ? datelineFromParts(text, parts, referenceDate) : null;
  // G2's dateline may say only when (`2018-01-03 20:13:08 GMT+00:00`): then no words name the place.
  const dateOnly = words !== null && words.length <= 60 ? datelineDate(words) : null;
  const date = dateOnly ?? read?.date ?? null;
  // The words give the place as written (`OTTAWA -`); `located` names it (`Ottawa`): its name wins when they agree.
  const place =
    parts && located?.place && samePlace(parts.place, located.place) ? located.place : (parts?.place ?? located?.place ?? (dateOnly ? '' : firstPart(text)));
  return {
    text,
    place,
    region: read?.region ?? located?.region ?? null,
    country: read?.country ?? located?.country ?? null,
    date,
    credit: parts?.credit ?? bodyHead?.parts.credit ?? null,
  };
}

/**
 * The date of a dateline that names no place: ISO (`2018-01-03 20:13:08 GMT+00:00`,
 * as Reuters fills G2's dateline) or in words (`MARCH 04, 2013`).
 */
function datelineDate(words: string): string | null {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+)?(?:\s*(?:Z|GMT|UTC)?\s*[+-]?[\d:]*)?$/.exec(words);
  if (iso) return normalizeDate(iso[1]);
  const spelled = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(words);
  const month = spelled ? monthNumber(spelled[1]!) : null;
  return spelled && month !== null ? isoDate(Number(spelled[3]), month, Number(spelled[2])) : null;
}

/** The place of a dateline no rule reads (`Helsinki`, `ANSA TEST - ROMA, 01 LUG -`): the words before the first comma. */
function firstPart(text: string): string {
  return text.replace(/\s*(?:–|—|--|-|_)\s*$/, '').split(',')[0]!.trim() || text;
}

// ---------------------------------------------------------------------------
// Content

/** The text of an item, read from its content, before the metadata is laid over it. */
interface Content {
  blocks: Block[];
  signoffs: Signoff[];
  damage: Damage[];
  /** What the content says beside the body: NITF's hedline, byline and abstract, XHTML's title. */
  headline: string | null;
  byline: Byline | null;
  summary: string | null;
  /** The dateline at the head of the first paragraph, taken off it. */
  datelineHead: { head: string; parts: DatelineParts } | null;
  /** A dateline the wire-text reader took off copy sent as plain text. */
  copyDateline: Dateline | null;
  /** The whole reading of plain text (inlineData) or NITF, for what G2's metadata does not say. */
  wire: WireCopy | null;
  /** Metadata the embedded document carries beside the copy (NITF's `head/meta`, …). */
  labels: Record<string, string | string[]>;
}

/** A block before it is cleaned and numbered. */
interface RawBlock {
  kind: BlockKind;
  text: string;
  line: number;
}

/**
 * The item's text: the first `inlineXML` that holds NITF or XHTML, or `inlineData`
 * in plain text, in document order. Remote content and other markup (SportsML) are
 * refused by name.
 */
function readContent(item: XmlElement, context: Context, referenceDate: string | null, headline: string | null): Content | Refusal {
  const contentSet = child(item, 'contentSet');
  const line = contentSet?.line ?? item.line;
  if (contentSet === null) {
    return { rule: 'input/no-copy', message: 'the text item has no contentSet: there is no text to read', line: item.line };
  }
  const others: string[] = [];
  for (const content of children(contentSet)) {
    const type = attribute(content, 'contenttype')?.trim().toLowerCase() ?? null;
    if (content.local === 'inlineXML') {
      const markup = children(content)[0];
      if (markup?.local === 'nitf') return readNitf(markup, context, referenceDate);
      if (markup && (markup.local === 'html' || markup.local === 'body' || (type !== null && /html/.test(type)))) {
        // The XHTML document's title, for an item whose contentMeta gives no headline.
        const title = clean(text(child(child(markup, 'head'), 'title'))) || null;
        const content = readMarkup(markup, context, referenceDate, headline ?? title);
        content.headline = title;
        return content;
      }
      others.push(markup ? `inlineXML <${markup.name}>${type ? ` (${type})` : ''}` : `an empty inlineXML${type ? ` (${type})` : ''}`);
    } else if (content.local === 'inlineData') {
      if ((type === null || /^text\/(?:plain|html)/.test(type)) && attribute(content, 'encoding') === null) {
        return readInlineData(content, context, referenceDate, type);
      }
      others.push(`inlineData ${type ?? ''}${attribute(content, 'encoding') ? ` (encoded ${attribute(content, 'encoding')})` : ''}`.trim());
    } else if (content.local === 'remoteContent') {
      others.push(`remoteContent ${type ?? ''} ${attribute(content, 'href') ?? ''}`.replace(/\s+/g, ' ').trim());
    }
  }
  if (others.length === 0) {
    return { rule: 'input/no-copy', message: 'the text item has an empty contentSet: there is no text to read', line };
  }
  if (others.every((other) => other.startsWith('an empty inlineXML'))) {
    return { rule: 'input/no-copy', message: `the text item's content is ${others.join(', ')}: there is no text to read`, line };
  }
  if (others.every((other) => other.startsWith('remoteContent'))) {
    return {
      rule: 'newsml-g2/remote-content',
      message: `the text is not in the document: its contentSet only refers to ${others.join(', ')} (fetch that and read it)`,
      line,
    };
  }
  return {
    rule: 'input/not-text',
    message: `its content is ${others.join(', ')}, which holds no text Slugline reads (expected NITF or XHTML in inlineXML, or plain-text inlineData)`,
    line,
  };
}

/** NITF in inlineXML, read by the NITF reader: its body, and what its head says where G2 does not. */
function readNitf(nitf: XmlElement, context: Context, referenceDate: string | null): Content {
  const copy = readNitfElement(nitf, context.file, { source: READER, referenceDate });
  // A byline line leading the paragraphs is read as in XHTML bodies, and wins over NITF's own byline element.
  const blocks = [...copy.body];
  const damage = copy.damage.map((each) => ({ ...each }));
  const lead = takeLead(blocks, damage, copy.dateline === null);
  return {
    blocks,
    signoffs: copy.signoffs,
    damage,
    headline: copy.headline,
    byline: lead.byline ?? copy.byline,
    summary: copy.summary,
    datelineHead: lead.datelineHead,
    copyDateline: copy.dateline,
    wire: copy,
    labels: copy.labels,
  };
}

/** Plain text in inlineData, read as wire copy: dateline, paragraphs, sign-offs and damage. */
function readInlineData(content: XmlElement, context: Context, referenceDate: string | null, type: string | null): Content {
  let copy = rawText(content);
  // ANSA sends `text/plain` that is HTML paragraphs: the tags part paragraphs, nothing more.
  if (type === 'text/html' || /^\s*<(?:p|div|br)\b[^>]*>/i.test(copy)) {
    context.file.info('newsml-g2/html-in-text', 'the plain-text content is HTML paragraphs: read with the tags as paragraph breaks', { line: content.line }, READER);
    copy = decodeDoubleEscaped(
      copy
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<\/?(?:p|div|h\d)\b[^>]*>/gi, '\n\n')
        .replace(/<[^>]*>/g, ''),
    ).text;
  }
  const wire = readWireCopy(copy, context.file, { source: READER, firstLine: content.line, referenceDate, header: false });
  return {
    blocks: wire.body,
    signoffs: wire.signoffs,
    damage: wire.damage,
    headline: wire.headline,
    byline: wire.byline,
    summary: null,
    datelineHead: null,
    copyDateline: wire.dateline,
    wire,
    labels: {},
  };
}

/**
 * Paragraphs, crossheads and tables of XHTML, then what wire copy puts in its first
 * and last paragraphs: a byline line, the dateline, sign-offs.
 */
function readMarkup(markup: XmlElement, context: Context, referenceDate: string | null, headline: string | null): Content {
  const raw: RawBlock[] = [];
  walk(markup, 'paragraph', raw, { headline: headline === null ? null : fold(headline) });
  const damage: Damage[] = [];
  const blocks: Block[] = [];
  const signoffs: Signoff[] = [];
  let copyDateline: Dateline | null = null;
  let leadFromCopy = false;
  let escaped = 0;
  for (const block of raw) {
    if (block.kind === 'paragraph' && isWireCopy(block.text)) {
      // Reuters sends whole stories and tables as one `p` of hard-wrapped wire copy.
      const offset = blocks.length;
      const mark = context.file.messages.length;
      const copy = readWireCopy(block.text, context.file, { source: READER, firstLine: block.line, referenceDate, header: false });
      for (const message of context.file.messages.slice(mark)) {
        if (message.place?.block !== undefined) message.place.block += offset;
      }
      if (offset === 0) {
        copyDateline = copy.dateline;
        leadFromCopy = true;
      }
      blocks.push(...copy.body);
      for (const each of copy.damage) damage.push({ ...each, block: each.block === null ? null : each.block + offset });
      signoffs.push(...copy.signoffs);
      continue;
    }
    const cleaned = cleanBlock(block);
    escaped += cleaned.escaped;
    if (cleaned.text === '') continue;
    const index = blocks.length;
    blocks.push({ kind: block.kind, text: cleaned.text, line: block.line, take: 1 });
    const place: Place = { line: block.line, block: index };
    if (cleaned.controls > 0) flag(damage, context, 'control-characters', index, `removed ${cleaned.controls} control character(s)`, place);
    if (cleaned.mojibake > 0) flag(damage, context, 'mojibake', index, `repaired ${cleaned.mojibake} double-encoded UTF-8 sequence(s)`, place);
    if (cleaned.text.includes('\ufffd')) flag(damage, context, 'undecodable', index, 'bytes that are not text in the encoding are shown as U+FFFD', place);
  }
  if (escaped > 0) {
    context.file.info('newsml-g2/double-escaped', `decoded ${escaped} character reference(s) escaped twice (\`&amp;#39;\`)`, { line: markup.line }, READER);
  }
  const { byline: paragraphByline, datelineHead } = takeLead(blocks, damage, !leadFromCopy);
  const closing: Signoff[] = [];
  while (blocks.length > 1) {
    const last = blocks[blocks.length - 1]!;
    const read = last.kind === 'paragraph' ? readClosingLine(last.text) : null;
    if (read === null || read.weak) break;
    closing.unshift({ ...read.closing, line: last.line });
    blocks.pop();
  }
  signoffs.push(...closing);
  return {
    blocks,
    signoffs,
    damage: damage.filter((each) => each.block === null || each.block < blocks.length),
    headline: null,
    byline: paragraphByline,
    summary: null,
    datelineHead,
    copyDateline,
    wire: null,
    labels: {},
  };
}

/**
 * Whether a paragraph's text is hard-wrapped wire copy rather than one paragraph
 * the XML was pretty-printed over several lines: some lines start at the margin
 * and others are indented (paragraph starts, as Reuters indents them), or several
 * lines are columns.
 */
function isWireCopy(value: string): boolean {
  // Three lines need two line breaks: most paragraphs have none, and need no split.
  const firstBreak = value.indexOf('\n');
  if (firstBreak === -1 || value.indexOf('\n', firstBreak + 1) === -1) return false;
  const lines = value.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 3) return false;
  const rest = lines.slice(1);
  const atMargin = rest.some((line) => /^\S/.test(line));
  const indented = rest.some((line) => /^[ \t]+\S/.test(line));
  const columns = lines.filter((line) => /\S[ \t]{2,}\S/.test(line.trim())).length;
  return (atMargin && indented) || (columns >= 3 && columns * 3 >= lines.length);
}

function flag(damage: Damage[], context: Context, kind: Damage['kind'], block: number, detail: string, place: Place): void {
  damage.push({ kind, block, detail });
  context.file.warn(`damage/${kind}`, detail, place, READER);
}

/**
 * Wire copy leads with what is not text: Reuters' `(Adds …)` notes and `*` summary
 * bullets, a byline line (`By Joseph Ax`), then the dateline on the first paragraph.
 * Takes the byline line out, and the dateline off its paragraph when `dateline`.
 */
function takeLead(
  blocks: Block[],
  damage: Damage[],
  dateline: boolean,
): { byline: Byline | null; datelineHead: { head: string; parts: DatelineParts } | null } {
  let byline: Byline | null = null;
  let datelineHead: { head: string; parts: DatelineParts } | null = null;
  for (let index = 0; index < blocks.length && index < 8; index++) {
    const block = blocks[index]!;
    if (block.kind !== 'paragraph') break;
    if (isBylineLine(block.text)) {
      byline ??= readByline(block.text);
      removeBlock(blocks, damage, index--);
      continue;
    }
    if (leadNote.test(block.text) || !dateline) continue;
    datelineHead = readDatelineHead(block.text);
    if (datelineHead) {
      block.text = block.text.slice(datelineHead.head.length).trim();
      if (block.text === '') removeBlock(blocks, damage, index);
    }
    break;
  }
  return { byline, datelineHead };
}

/** Takes block `index` out; damage to it goes, damage after it moves up. */
function removeBlock(blocks: Block[], damage: Damage[], index: number): void {
  blocks.splice(index, 1);
  for (let each = damage.length - 1; each >= 0; each--) {
    const item = damage[each]!;
    if (item.block === index) damage.splice(each, 1);
    else if (item.block !== null && item.block > index) item.block--;
  }
}

/** Reuters leads with notes on what changed (`(Adds comments, detail)`) and summary bullets (`* Gold rises`). */
const leadNote = /^(?:\(.*\)|\*\s.*)$/;

/** Lower case, single spaces: for comparing a body heading with the headline. */
function fold(value: string): string {
  return foldWhiteSpace(value).toLowerCase();
}

/**
 * Walks markup into blocks. Text and inline elements gather into the current
 * paragraph (or crosshead); a block element ends it and is read in turn.
 */
function walk(element: XmlElement, kind: BlockKind, out: RawBlock[], state: { headline: string | null }): void {
  let run = '';
  let runLine = element.line;
  const flush = () => {
    if (run.trim() !== '') out.push({ kind, text: run, line: runLine });
    run = '';
  };
  for (const node of element.children) {
    if (typeof node === 'string') {
      if (run === '' && node.trim() !== '') runLine = element.line;
      run += node;
      continue;
    }
    const local = node.local;
    if (skippedElements.has(local) || isSkippedClass(node)) {
      flush();
      continue;
    }
    if (local === 'br') {
      run += ' ';
      continue;
    }
    if (tableElements.has(local)) {
      flush();
      const rows = tableRows(node);
      if (rows !== '') out.push({ kind: 'preformatted', text: rows, line: node.line });
      continue;
    }
    if (preformattedElements.has(local)) {
      flush();
      out.push({ kind: 'preformatted', text: rawText(node), line: node.line });
      continue;
    }
    if (crossheadElements.has(local) || local === 'h1' || local === 'hl1') {
      flush();
      // The body's top heading repeats the headline more often than not.
      if ((local === 'h1' || local === 'hl1') && state.headline !== null && fold(rawText(node)) === state.headline) continue;
      walk(node, 'crosshead', out, state);
      continue;
    }
    if (blockElements.has(local) || holdsBlocks(node)) {
      flush();
      walk(node, kind, out, state);
      continue;
    }
    if (run === '') runLine = node.line;
    run += inlineText(node);
  }
  flush();
}

/** TT's `div class="dat"` holds the section and source labels, not text. */
function isSkippedClass(element: XmlElement): boolean {
  const classes = attribute(element, 'class')?.split(/\s+/) ?? [];
  return classes.includes('dat');
}

function holdsBlocks(element: XmlElement): boolean {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    if (blockElements.has(node.local) || crossheadElements.has(node.local) || tableElements.has(node.local) || preformattedElements.has(node.local)) {
      return true;
    }
    if (holdsBlocks(node)) return true;
  }
  return false;
}

/** The text of an inline element: `br` is a space, pictures and scripts are nothing. */
function inlineText(element: XmlElement): string {
  let result = '';
  for (const node of element.children as XmlNode[]) {
    if (typeof node === 'string') result += node;
    else if (node.local === 'br') result += ' ';
    else if (!skippedElements.has(node.local)) result += inlineText(node);
  }
  return result;
}

/** A table as lines: a row a line, cells parted by ` | `. */
function tableRows(table: XmlElement): string {
  const rows: string[] = [];
  const visit = (element: XmlElement) => {
    for (const node of children(element)) {
      if (node.local === 'tr') {
        const cells = children(node)
          .filter((cell) => cell.local === 'td' || cell.local === 'th')
          .map((cell) => clean(inlineText(cell)));
        if (cells.some((cell) => cell !== '')) rows.push(cells.join(' | '));
      } else if (node.local !== 'caption') visit(node);
    }
  };
  visit(table);
  return rows.join('\n');
}

/** A block's text cleaned: references escaped twice decoded, control characters out, mojibake repaired, white space folded. */
const hasControl = new RegExp(controlCharacters.source);

function cleanBlock(block: RawBlock): { text: string; controls: number; mojibake: number; escaped: number } {
  const decoded = decodeDoubleEscaped(block.text);
  const controls = hasControl.test(decoded.text) ? (decoded.text.match(controlCharacters)?.length ?? 0) : 0;
  const stripped = controls ? decoded.text.replace(controlCharacters, '') : decoded.text;
  const repaired = repairDoubleEncoding(stripped);
  // Preformatted text keeps its lines as written; only blank lines around it go.
  const folded =
    block.kind === 'preformatted'
      ? repaired.text.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n[ \t]*)+$/, '')
      : foldWhiteSpace(repaired.text);
  return { text: folded, controls, mojibake: repaired.repaired, escaped: decoded.count };
}
