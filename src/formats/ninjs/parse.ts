import { decodeText, repairDoubleEncoding } from '../../source/decode.js';
import type { SourceFile } from '../../source/source-file.js';
import { countryCode } from '../../story/countries.js';
import { normalizeDateTime } from '../../story/dates.js';
import type { Block, Byline, Damage, Dateline, Embargo, Status, Story, Subject } from '../../story/story.js';
import { priorityOfUrgency } from '../../story/urgency.js';
import type { Format, Sniff } from '../format.js';
import { bylineNames, readByline as readBylineWords } from '../byline.js';
import { takeLeadDateline } from '../dateline.js';
import { contentId } from '../wire-text/parse.js';
import {
  apEnvelopeNames,
  compositeType,
  contentTypeNames,
  distinctiveNames,
  lowerCaseOnlyNames,
  names,
  nonTextTypes,
  propertyName,
  pubStatuses,
  qcode,
  schemeAliases,
  sluglineGuidUrn,
  sluglineUrn,
  splitSubjectUri,
  suffixed,
  textTypes,
} from './grammar.js';
import { htmlPieces, htmlText, looksLikeHtml, textPieces } from '../html.js';
import type { HtmlOptions } from '../html.js';
import { LineIndex, arrayItemOffsets, findSyntaxError, propertyOffsets, skipSpace, skipValue } from './json-text.js';
import { readEachStory } from '../each-story.js';

const READER = 'ninjs';

/**
 * Body HTML as ninjs carries it, written for a page: one `<br>` is a space and two part
 * paragraphs; a table (standings, results) is one preformatted block.
 */
const bodyHtml: HtmlOptions = { breaks: 'pairs', tables: 'preformatted' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** One ninjs item found in the input, before it is read. */
interface Found {
  item: JsonObject;
  /** Offset of the item's `{` in the decoded text. */
  offset: number;
  /** The feed it came wrapped in (`ap-media-api`, `item-list`), or null for bare ninjs. */
  envelope: string | null;
  /** Its number in the input, from 1, for messages. */
  number: number;
}

/**
 * The `ninjs` format: IPTC's News in JSON, 1.x, 2.x and 3.x, as one object, an array
 * of objects or JSON lines; also the feeds that wrap ninjs-shaped items (AP Media
 * API's `data.item`, lists under `item`/`items`).
 */
export const ninjs: Format = {
  id: READER,
  description: 'IPTC ninjs (News in JSON) 1.x, 2.x and 3.x: one item, an array of items or JSON lines',
  sniff: sniffNinjs,
  parse: (file) => parseNinjs(file),
};

/** How likely the input is ninjs: JSON whose property names are ninjs's own. */
export function sniffNinjs(file: SourceFile): Sniff {
  const head = decodeText(file.bytes.subarray(0, 64 * 1024)).text;
  const opening = head.trimStart()[0];
  if (opening !== '{' && opening !== '[') return { score: 0, reason: 'not JSON (does not open with { or [)' };
  const found = new Set<string>();
  for (const match of head.matchAll(propertyName)) found.add(match[1]!);
  const distinctive = [...found].filter((name) => distinctiveNames.has(name) || suffixed.body.test(name) || suffixed.description.test(name));
  if (apEnvelopeNames.every((name) => found.has(name)) && found.has('uri') && distinctive.length > 0) {
    return { score: 0.8, reason: 'AP Media API JSON, whose items are ninjs' };
  }
  if (found.has('uri') && distinctive.length > 0) {
    return { score: 0.9, reason: `JSON with ninjs properties (uri, ${distinctive.slice(0, 3).join(', ')})` };
  }
  if (found.has('guid') && [...found].some((name) => lowerCaseOnlyNames.has(name))) {
    return { score: 0.7, reason: 'JSON with Superdesk ninjs properties (guid, versioncreated, body_html, …)' };
  }
  if (found.has('uri') && (found.has('bodies') || found.has('type'))) {
    return { score: 0.5, reason: 'JSON with a uri and a type or bodies, as ninjs has' };
  }
  return { score: 0, reason: 'JSON without ninjs properties (uri, versioncreated, headline(s), body_*, bodies)' };
}

/**
 * Reads every text story in a ninjs input: one JSON object, a JSON array of objects,
 * or JSON lines (one object a line). Items that are no text story (pictures, video,
 * events, packages with no text of their own) are refused: the input fails when it
 * holds one item only, else each refusal is a warning and the rest are read.
 *
 * @example
 * const [story] = parseNinjs(new SourceFile(bytes, { name: 'item.json' }));
 * story?.guid; // 'urn:newsml:dpa.com:20090101:190510-99-167362'
 */
export function parseNinjs(file: SourceFile): Story[] {
  const mark = file.messages.length;
  const decoded = decodeText(file.bytes);
  if (decoded.encoding !== 'utf-8') {
    const why =
      decoded.firstInvalidUtf8 !== null ? `byte ${decoded.firstInvalidUtf8} is not UTF-8; decoded as Windows-1252` : `decoded as ${decoded.encoding.toUpperCase()}`;
    file.info(`encoding/${decoded.encoding}`, `${why} (JSON should be UTF-8)`, null, READER);
  }
  const text = decoded.text;
  const lines = new LineIndex(text);
  if (text.trim() === '') file.fail('input/empty', 'the input is empty; expected a ninjs JSON object', null, READER);

  const found = findItems(text, lines, file);
  const readable: { found: Found; type: string | null }[] = [];
  const refusals: { found: Found; rule: string; reason: string }[] = [];
  for (const each of found) {
    const verdict = classify(each.item, each.envelope);
    if ('refuse' in verdict) refusals.push({ found: each, rule: verdict.rule, reason: verdict.refuse });
    else readable.push({ found: each, type: verdict.type });
  }
  if (found.length === 1 && refusals.length === 1) {
    const { rule, reason } = refusals[0]!;
    file.fail(rule, rule === 'ninjs/not-text' ? `${reason}; Slugline reads text stories only` : reason, lines.place(found[0]!.offset), READER);
  }
  for (const { found: each, rule, reason } of refusals) {
    file.warn(rule, `item ${each.number} skipped: ${reason}`, lines.place(each.offset), READER);
  }
  if (readable.length === 0) {
    const reasons = [...new Set(refusals.map((each) => each.reason))].slice(0, 3).join('; ');
    file.fail('ninjs/no-story', `none of the ${found.length} items is a text story (${reasons})`, null, READER);
  }

  return readEachStory(file, mark, readable, ({ found: each, type }) =>
    readItem(each, type, { text, lines, file, encoding: decoded.encoding }),
  );
}

// ---------------------------------------------------------------------------
// Finding the items

/** Every ninjs item in the text: one JSON value (an item, an array, a feed) or JSON lines. */
function findItems(text: string, lines: LineIndex, file: SourceFile): Found[] {
  const found: Found[] = [];
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (error) {
    const jsonLines = readJsonLines(text, lines, file);
    if (jsonLines === null) {
      const syntax = findSyntaxError(text) ?? { offset: 0, reason: (error as Error).message };
      file.fail('json/malformed', `not valid JSON: ${syntax.reason}`, lines.place(syntax.offset), READER, error);
    }
    for (const line of jsonLines) collect(line.value, line.offset, text, found, file, lines);
    return finish(found, file);
  }
  collect(value, skipSpace(text, 0), text, found, file, lines);
  return finish(found, file);
}

function finish(found: Found[], file: SourceFile): Found[] {
  if (found.length === 0) {
    file.fail(
      'ninjs/no-item',
      'found no ninjs item: expected an object with ninjs properties (uri, versioncreated, headline(s), body_*, bodies), or an array of them',
      null,
      READER,
    );
  }
  return found;
}

/**
 * JSON lines: a value on each line that is not blank. Null when the input is not
 * laid out so (its first line alone is no JSON object), so that the error reported
 * is the whole document's. A line that is no JSON is warned about and skipped.
 */
function readJsonLines(text: string, lines: LineIndex, file: SourceFile): { value: Json; offset: number }[] | null {
  const values: { value: Json; offset: number }[] = [];
  let start = 0;
  let first = true;
  while (start < text.length) {
    const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
    const line = text.slice(start, end);
    const offset = skipSpace(text, start);
    if (line.trim() !== '') {
      try {
        values.push({ value: JSON.parse(line) as Json, offset });
        if (first && !isObject(values[0]!.value)) return null;
      } catch {
        if (first) return null;
        const syntax = findSyntaxError(line) ?? { offset: 0, reason: 'not valid JSON' };
        file.warn('json/malformed', `line skipped, not valid JSON: ${syntax.reason}`, lines.place(start + syntax.offset), READER);
      }
      first = false;
    }
    start = end + 1;
  }
  // The first line was a whole object, so the rest is more lines, read or warned about.
  return values;
}

/** Adds the items in one JSON value: the value itself, the items of an array, or those a feed wraps. */
function collect(value: Json, offset: number, text: string, found: Found[], file: SourceFile, lines: LineIndex, envelope: string | null = null): void {
  const add = (item: JsonObject, at: number, wrapper: string | null) => found.push({ item, offset: at, envelope: wrapper, number: found.length + 1 });
  if (Array.isArray(value)) {
    const offsets = arrayItemOffsets(text, offset);
    value.forEach((each, index) => {
      const at = offsets[index] ?? offset;
      if (isObject(each)) add(each, at, envelope);
      else file.warn('ninjs/not-an-object', `array item ${index + 1} is ${describe(each)}, not a ninjs object; skipped`, lines.place(at), READER);
    });
    return;
  }
  if (!isObject(value)) {
    file.fail('ninjs/no-item', `the JSON is ${describe(value)}; expected a ninjs object or an array of them`, lines.place(offset), READER);
  }
  if (isNinjsItem(value)) {
    add(value, offset, envelope);
    return;
  }
  const properties = propertyOffsets(text, offset);
  // AP Media API: one item under `data.item`, a feed of them under `data.items[].item`.
  const data = value.data;
  if (isObject(data)) {
    const dataOffsets = propertyOffsets(text, properties.get('data')!);
    if (isObject(data.item)) {
      add(data.item, dataOffsets.get('item')!, 'ap-media-api');
      return;
    }
    if (Array.isArray(data.items)) {
      const itemOffsets = arrayItemOffsets(text, dataOffsets.get('items')!);
      data.items.forEach((entry, index) => {
        if (isObject(entry) && isObject(entry.item)) add(entry.item, propertyOffsets(text, itemOffsets[index]!).get('item')!, 'ap-media-api');
      });
      return;
    }
  }
  // A list of items under `item` or `items` (BBC's feed: `{ "total": 1, "item": [ … ] }`).
  for (const key of ['items', 'item']) {
    const list = value[key];
    if (Array.isArray(list) && list.some(isObject)) {
      collect(list, properties.get(key)!, text, found, file, lines, 'item-list');
      return;
    }
  }
}

/** Whether an object is a ninjs item itself rather than a wrapper around some. */
function isNinjsItem(value: JsonObject): boolean {
  return Object.keys(value).some(
    (key) => key === 'uri' || distinctiveNames.has(key) || suffixed.body.test(key) || key === 'bodies' || lowerCaseOnlyNames.has(key),
  );
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: Json): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

// ---------------------------------------------------------------------------
// Is it a text story?

type Verdict = { type: string | null } | { refuse: string; rule: string };

function classify(item: JsonObject, envelope: Found['envelope']): Verdict {
  const type = stringOf(first(item, names.type));
  if (type !== null && nonTextTypes.has(type)) {
    return { rule: 'ninjs/not-text', refuse: `the item is ${article(type)} ${type} (type \`${type}\`), not a text story` };
  }
  if (type === null && first(item, names.eventDetails) !== undefined) {
    return { rule: 'ninjs/not-text', refuse: 'the item is an event (it has eventDetails and no type), not a text story' };
  }
  const hasBody = bodyCandidates(item).length > 0;
  if (type === compositeType && !hasBody) {
    return { rule: 'ninjs/not-text', refuse: 'the item is a composite (a package of other items) with no text of its own' };
  }
  if (!hasBody && readHeadline(item) === null) return { rule: 'ninjs/no-copy', refuse: 'the item has no headline and no body text' };
  // A body with no words (`...`) beside renditions that are all pictures, video or audio: the item is the media.
  const media = mediaRenditions(item);
  if (type === null && media.length > 0 && !bodyCandidates(item).some((each) => /\p{L}{2}/u.test(htmlText(each.value, bodyHtml)))) {
    return { rule: 'ninjs/not-text', refuse: `the item has no text of its own, only ${media.join(', ')} renditions: it is a media item, not a text story` };
  }
  // No body, and no text but a caption (`description_caption_xhtml`, a `caption` description): a picture's metadata.
  if (type === null && !hasBody && textDescription(item) === null && captionOnly(item)) {
    return { rule: 'ninjs/not-text', refuse: 'the item has no body and no text but a caption: it describes a picture, not a text story' };
  }
  if (!hasBody && envelope === 'ap-media-api') {
    return {
      rule: 'ninjs/remote-content',
      refuse: 'AP Media API keeps the story text in its NITF rendition, not in this JSON: fetch the rendition and read that',
    };
  }
  return { type };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

// ---------------------------------------------------------------------------
// Reading one item

interface Context {
  text: string;
  lines: LineIndex;
  file: SourceFile;
  encoding: string;
}

/** The item as a Story; `classify` has made sure it has a headline or a body. */
function readItem(found: Found, type: string | null, context: Context): Story {
  const { item, offset } = found;
  const { file, lines, text } = context;
  let properties: Map<string, number> | null = null;
  const placeOf = (key: string): { line: number; column: number } => {
    properties ??= propertyOffsets(text, offset);
    const at = properties.get(key);
    return lines.place(at ?? offset);
  };
  const warn = (rule: string, message: string, key: string) => file.warn(rule, message, placeOf(key), READER);

  if (type !== null && !textTypes.has(type) && type !== compositeType) {
    warn('ninjs/unknown-type', `type \`${type}\` is no ninjs type; read as text`, 'type');
  }
  if (type === compositeType) {
    file.info('ninjs/composite', 'a composite: its own text is read, the items it associates are not', placeOf('type'), READER);
  }

  const damage: Damage[] = [];
  const body = readBody(item, placeOf, damage, warn);
  const headline = readHeadline(item);

  const identity = readIdentity(item, found, warn);
  const version = first(item, names.version);
  let revision: number | null = null;
  let announced: string | null = null;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 0) revision = version;
  else if (typeof version === 'string' && /^\d{1,15}$/.test(version.trim())) revision = Number(version.trim());
  else if (typeof version === 'string' && version.trim() !== '') announced = version.trim();

  const readDate = (field: readonly string[]): { value: string | null; raw: string | null } => {
    const key = keyOf(item, field);
    const raw = key === null ? null : stringOf(item[key]);
    if (key === null || raw === null) return { value: null, raw: null };
    const value = normalizeDateTime(raw);
    if (value === null) warn('ninjs/bad-date', `\`${key}\` \`${raw}\` is no date-time with a time zone; left out`, key);
    return { value, raw };
  };
  const versionCreated = readDate(names.versionCreated);
  const firstCreated = readDate(names.firstCreated);

  let embargo: Embargo | null = null;
  const embargoKey = keyOf(item, names.embargoed);
  const embargoText = embargoKey === null ? null : stringOf(item[embargoKey]);
  if (embargoKey !== null && embargoText !== null) {
    const until = normalizeDateTime(embargoText);
    if (until === null) warn('ninjs/bad-date', `\`${embargoKey}\` \`${embargoText}\` is no date-time with a time zone; the embargo has no moment`, embargoKey);
    embargo = { text: embargoText, until };
  }

  let urgency: number | null = null;
  const urgencyValue = first(item, names.urgency);
  if (urgencyValue !== undefined) {
    if (typeof urgencyValue === 'number' && Number.isInteger(urgencyValue) && urgencyValue >= 1 && urgencyValue <= 9) urgency = urgencyValue;
    else warn('ninjs/bad-urgency', `urgency \`${JSON.stringify(urgencyValue)}\` is not a whole number from 1 to 9; left out`, 'urgency');
  }

  let status: Status = 'usable';
  const statusKey = keyOf(item, names.pubStatus);
  const statusValue = statusKey === null ? null : stringOf(item[statusKey]);
  if (statusKey !== null && statusValue !== null) {
    const known = pubStatuses[statusValue.toLowerCase() as keyof typeof pubStatuses];
    if (known) status = known;
    else warn('ninjs/bad-pubstatus', `\`${statusKey}\` \`${statusValue}\` is none of usable, withheld, canceled; read as usable`, statusKey);
  }
  // An embargoed item is withheld until the embargo lifts, whatever pubstatus says, as every reader reads it.
  if (embargo !== null && status === 'usable') status = 'withheld';

  const { subjects, keywords } = readSubjects(item);
  const note = stringOf(first(item, names.edNote));
  const located = stringOf(first(item, names.located));
  let dateline = located === null || located.trim() === '' ? null : readLocated(located);
  // AP and others keep the dateline in the first paragraph (`GROSSETO, Italy (AP) -- …`):
  // taken off it there, as every reader does, it is fuller than `located`.
  const opening = body[0];
  const lead = opening?.kind === 'paragraph' ? takeLeadDateline(opening.text, versionCreated.value ?? firstCreated.value) : null;
  if (opening && lead) {
    dateline = lead.dateline;
    if (lead.rest === '') {
      body.shift();
      for (const each of damage) if (each.block !== null) each.block = each.block === 0 ? null : each.block - 1;
    } else body[0] = { ...opening, text: lead.rest };
  }
  const slug = stringOf(first(item, names.slugline));
  const language = stringOf(first(item, names.language));

  return {
    id: identity.ownId ?? storyId(identity.guid, revision ?? announced ?? versionCreated.raw, text.slice(offset, skipValue(text, offset))),
    source: {
      format: READER,
      file: file.name,
      receivedAt: file.origin.receivedAt ?? null,
      encoding: context.encoding,
      line: lines.place(offset).line,
      labels: readLabels(item, type, found.envelope),
    },
    slug: slug?.trim() || null,
    takes: [],
    priority: priorityOfUrgency(urgency),
    version: announced,
    guid: identity.guid,
    revision,
    firstCreated: firstCreated.value,
    versionCreated: versionCreated.value,
    urgency,
    headline,
    summary: readSummary(item),
    byline: readByline(item),
    dateline,
    credits: [],
    notes: note !== null && note.trim() !== '' ? [note.trim()] : [],
    subjects,
    keywords,
    body,
    signoffs: [],
    status,
    signal: null,
    embargo,
    language: language?.trim() || null,
    damage,
    diagnostics: [],
  };
}

/**
 * A version of a story is its guid and version (`urn:newsml:dpa.com:…@2`), or its guid
 * and when the version was made; an item with no guid is the hash of its JSON text.
 */
function storyId(guid: string | null, version: string | number | null, json: string): string {
  if (guid === null) return contentId(Buffer.from(json));
  return version === null ? guid : `${guid}@${version}`;
}

/** The provider's identifier: `uri`, else Superdesk's `guid`; Slugline's own `urn:slugline:` stand-ins undone. */
function readIdentity(item: JsonObject, found: Found, warn: (rule: string, message: string, key: string) => void): { guid: string | null; ownId?: string } {
  const uri = stringOf(first(item, names.uri))?.trim() || null;
  if (uri !== null) {
    if (uri.startsWith(sluglineGuidUrn)) return { guid: decodeURIComponent(uri.slice(sluglineGuidUrn.length)) };
    // Slugline's id for a story no provider named: the id again, not a guid.
    if (uri.startsWith(sluglineUrn)) return { guid: null, ownId: decodeURIComponent(uri.slice(sluglineUrn.length)) };
    return { guid: uri };
  }
  const guid = stringOf(first(item, names.guid))?.trim() || null;
  if (guid !== null) return { guid };
  warn('ninjs/no-uri', `item ${found.number} has no uri, which ninjs requires; its id is a hash of its JSON`, 'uri');
  return { guid: null };
}

function readHeadline(item: JsonObject): string | null {
  const headlines = first(item, names.headlines);
  if (Array.isArray(headlines)) {
    const values = headlines.filter(isObject).filter((each) => typeof each.value === 'string');
    const main = values.find((each) => each.role === 'main') ?? values[0];
    if (main) return cleanText(main.value as string, contentTypeOf(main));
  }
  // 1.x: `headline`, else an extended one (`headline_main`, `headline_simple`).
  const key = 'headline' in item ? 'headline' : (Object.keys(item).find((name) => suffixed.headline.test(name) && typeof item[name] === 'string') ?? null);
  return key === null ? null : cleanText(stringOf(item[key]) ?? '', null);
}

/** The media types of renditions that are pictures, video or audio (`image/jpeg`), when every rendition is one; else none. */
function mediaRenditions(item: JsonObject): string[] {
  const renditions = item.renditions;
  const list = Array.isArray(renditions) ? renditions.filter(isObject) : isObject(renditions) ? Object.values(renditions).filter(isObject) : [];
  // ninjs 1.x names the media type `mimetype`.
  const types = list.map((each) => contentTypeOf(each) ?? stringOf(each.mimetype) ?? '');
  return types.length > 0 && types.every((each) => /^(?:image|video|audio)\//i.test(each)) ? [...new Set(types)] : [];
}

/** Whether every description the item has is a caption. */
function captionOnly(item: JsonObject): boolean {
  const descriptions = first(item, names.descriptions);
  const roles = Array.isArray(descriptions) ? descriptions.filter(isObject).map((each) => String(each.role ?? '')) : [];
  const keys = Object.keys(item).filter((name) => suffixed.description.test(name));
  return roles.length + keys.length > 0 && roles.every((role) => /caption/i.test(role)) && keys.every((key) => /caption/i.test(key));
}

/**
 * NTB's short items have no body: their text is the description of role `text`. It is
 * read as the body when there is none, and is then no summary.
 */
function textDescription(item: JsonObject): string | null {
  const descriptions = first(item, names.descriptions);
  if (!Array.isArray(descriptions)) return null;
  const text = descriptions.filter(isObject).find((each) => each.role === 'text' && typeof each.value === 'string' && each.value.trim() !== '');
  return text ? (text.value as string) : null;
}

function readSummary(item: JsonObject): string | null {
  const descriptions = first(item, names.descriptions);
  if (Array.isArray(descriptions)) {
    const bodyless = bodyCandidates(item).length === 0;
    const values = descriptions.filter(isObject).filter((each) => typeof each.value === 'string' && !(bodyless && each.role === 'text'));
    const main = values.find((each) => each.role === 'summary' || each.role === 'main') ?? values[0];
    if (main) return cleanText(main.value as string, contentTypeOf(main));
  }
  const keys = Object.keys(item).filter((name) => suffixed.description.test(name) && typeof item[name] === 'string');
  const key = keys.find((name) => name === 'description_text') ?? keys.find((name) => name === 'description_summary') ?? keys[0];
  return key === undefined ? null : cleanText(item[key] as string, null);
}

/** Headline and summary text: markup stripped when the content type or the text says it is HTML, space folded. */
function cleanText(value: string, contentType: string | null): string | null {
  const html = contentType !== null ? /html|xml/i.test(contentType) : looksLikeHtml(value, { inline: true });
  const text = html ? htmlText(value, bodyHtml) : value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function contentTypeOf(entry: JsonObject): string | null {
  for (const name of contentTypeNames) if (typeof entry[name] === 'string') return entry[name] as string;
  return null;
}

/** A body the item offers: where it is, and whether it is HTML. */
interface BodyCandidate {
  value: string;
  html: boolean;
  key: string;
  /** Index in `bodies`, for 2.x and 3.x. */
  index: number | null;
}

/** The description of role `text` as the body of an item that has none (NTB). */
function descriptionBody(item: JsonObject): BodyCandidate | undefined {
  const value = textDescription(item);
  return value === null ? undefined : { value, html: looksLikeHtml(value, { inline: true }), key: keyOf(item, names.descriptions)!, index: null };
}

/** Every body the item has, HTML ones first: they keep paragraphs and crossheads. */
function bodyCandidates(item: JsonObject): BodyCandidate[] {
  const candidates: BodyCandidate[] = [];
  const bodies = first(item, names.bodies);
  if (Array.isArray(bodies)) {
    bodies.forEach((entry, index) => {
      if (!isObject(entry) || typeof entry.value !== 'string' || entry.value.trim() === '') return;
      const contentType = contentTypeOf(entry);
      const html = contentType !== null ? /html|xml/i.test(contentType) : looksLikeHtml(entry.value, { inline: true });
      candidates.push({ value: entry.value, html, key: keyOf(item, names.bodies)!, index });
    });
  }
  for (const key of Object.keys(item)) {
    const value = item[key];
    if (!suffixed.body.test(key) || typeof value !== 'string' || value.trim() === '') continue;
    const format = key.slice('body_'.length).toLowerCase();
    const html = format === 'text' ? false : /html|xml/.test(format) ? true : looksLikeHtml(value, { inline: true });
    candidates.push({ value, html, key, index: null });
  }
  return [...candidates.filter((each) => each.html), ...candidates.filter((each) => !each.html)];
}

/**
 * The body: the best of the item's bodies read into blocks, double-encoded UTF-8
 * (`worldâ€™s`) repaired and flagged as damage, as every reader repairs it.
 */
function readBody(
  item: JsonObject,
  placeOf: (key: string) => { line: number },
  damage: Damage[],
  warn: (rule: string, message: string, key: string) => void,
): Block[] {
  const chosen = bodyCandidates(item)[0] ?? descriptionBody(item);
  if (chosen === undefined) return [];
  // A JSON string holds no raw line break: every block of one body is on the line its value starts.
  const line = placeOf(chosen.key).line;
  const blocks = chosen.html ? htmlPieces(chosen.value, line, bodyHtml) : textPieces(chosen.value, line);
  return blocks.map((block, index) => {
    const repaired = repairDoubleEncoding(block.text);
    if (repaired.repaired > 0) {
      const detail = `repaired ${repaired.repaired} double-encoded UTF-8 sequence(s)`;
      damage.push({ kind: 'mojibake', block: index, detail });
      warn('damage/mojibake', `block ${index + 1}: ${detail}`, chosen.key);
    }
    return { kind: block.kind, text: repaired.text, line, take: 1 };
  });
}

function readByline(item: JsonObject): Byline | null {
  const given = stringOf(first(item, names.byline))?.replace(/\s+/g, ' ').trim();
  if (given) return readBylineWords(given);
  // AP Media API: `bylines: [{ "by": "By MARK KENNEDY", "title": "AP Entertainment Writer" }]`.
  const bylines = item.bylines;
  if (!Array.isArray(bylines)) return null;
  const entries = bylines.filter(isObject).filter((entry) => typeof entry.by === 'string' && entry.by.trim() !== '');
  if (entries.length === 0) return null;
  // Written as one byline line would be, so that ninjs's single `by` can carry it: `By MARK KENNEDY, AP Entertainment Writer`.
  const text = entries
    .map((entry) => [entry.by as string, stringOf(entry.title)].filter(Boolean).join(', ').replace(/\s+/g, ' ').trim())
    .join('; ');
  const title = entries.map((entry) => stringOf(entry.title)?.trim()).find((each) => !!each) ?? null;
  return { text, names: entries.flatMap((entry) => bylineNames(entry.by as string)), title };
}

/** `located` as a dateline: `Grossetto, Italy` → place Grossetto, country Italy. */
function readLocated(text: string): Dateline {
  const parts = text.split(',').map((part) => part.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const place = parts[0] ?? text.trim();
  const rest = parts.slice(1);
  const country = rest.length > 0 && countryCode(rest[rest.length - 1]!) !== null ? rest.pop()! : null;
  return { text: text.replace(/\s+/g, ' ').trim(), place, region: rest.length ? rest.join(', ') : null, country, date: null, credit: null };
}

/**
 * Subjects from `subjects` (2.x, 3.x: `uri`, `literal`, `name`) or `subject` (1.x and
 * Superdesk: `scheme`, `code`, `name`); a subject that names no code is a keyword.
 */
function readSubjects(item: JsonObject): { subjects: Subject[]; keywords: string[] } {
  const subjects: Subject[] = [];
  const keywords: string[] = [];
  const list = first(item, names.subjects);
  for (const entry of Array.isArray(list) ? list : []) {
    if (!isObject(entry)) continue;
    const name = stringOf(entry.name)?.trim() || null;
    const uri = stringOf(entry.uri)?.trim();
    const literal = stringOf(entry.literal)?.trim();
    const code = stringOf(entry.code) ?? (typeof entry.code === 'number' ? String(entry.code) : null);
    if (code) {
      const scheme = stringOf(entry.scheme)?.trim() || null;
      const alias = scheme === null ? null : (Object.entries(schemeAliases).find(([, base]) => base === scheme)?.[0] ?? null);
      subjects.push({ scheme: alias ?? scheme, code: code.trim(), name });
    } else if (uri && splitSubjectUri(uri)) {
      subjects.push({ ...splitSubjectUri(uri)!, name });
    } else if (literal) {
      const match = qcode.exec(literal);
      subjects.push(match ? { scheme: match[1]!, code: match[2]!, name } : { scheme: null, code: literal, name });
    } else if (name) {
      keywords.push(name);
    }
  }
  const given = first(item, names.keywords);
  for (const keyword of Array.isArray(given) ? given : []) {
    if (typeof keyword === 'string' && keyword.trim() !== '' && !keywords.includes(keyword.trim())) keywords.push(keyword.trim());
  }
  return { subjects, keywords };
}

/** What the item says beside the copy, as given: type, profile, the people, organisations and places it names, alternative ids. */
function readLabels(item: JsonObject, type: string | null, envelope: string | null): Record<string, string | string[]> {
  const labels: Record<string, string | string[]> = {};
  if (envelope !== null) labels.envelope = envelope;
  if (type !== null) labels.type = type;
  const profile = stringOf(first(item, names.profile));
  if (profile) labels.profile = profile;
  for (const field of ['people', 'organisations', 'places'] as const) {
    const list = first(item, names[field]);
    const found = (Array.isArray(list) ? list : []).filter(isObject).map((entry) => stringOf(entry.name)?.trim()).filter((name): name is string => !!name);
    if (found.length) labels[field] = found;
  }
  // 2.x and 3.x: `[{ "role": "itemid", "value": "…" }]`; AP's 1.x-style: `{ "itemid": "…" }`.
  const altIds = first(item, names.altIds);
  if (Array.isArray(altIds)) {
    for (const entry of altIds) {
      if (isObject(entry) && typeof entry.value === 'string') labels[`altid:${stringOf(entry.role) ?? ''}`] = entry.value;
    }
  } else if (isObject(altIds)) {
    for (const [role, value] of Object.entries(altIds)) if (typeof value === 'string') labels[`altid:${role}`] = value;
  }
  return labels;
}

// ---------------------------------------------------------------------------
// Property access across the generations

/** The first of `candidates` the item has (with a value other than null). */
function keyOf(item: JsonObject, candidates: readonly string[]): string | null {
  for (const key of candidates) if (item[key] !== undefined && item[key] !== null) return key;
  return null;
}

function first(item: JsonObject, candidates: readonly string[]): Json | undefined {
  const key = keyOf(item, candidates);
  return key === null ? undefined : item[key];
}

function stringOf(value: Json | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
