import { decodeText } from '../../source/decode.js';
import type { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import type { Format, Sniff } from '../format.js';
import { rootTag } from '../xml/document.js';
import { decodeXml } from '../xml/xml.js';
import { csvFeedKind, jsonFeedKind, tickerFeedKind, xmlFeedKind } from './grammar.js';
import type { FeedKind } from './grammar.js';

const READER = 'data-feed';

/** How much of the input the sniffer reads. */
const HEAD = 64 * 1024;

/**
 * The `data-feed` format: structured documents agencies and their APIs send that hold
 * no story (sports data, archive search and API poll responses, event calendars, CSV
 * tables, headline tickers). It recognises them so that they are refused with what
 * they are and what to read instead, rather than read as garbled text.
 */
export const dataFeed: Format = {
  id: READER,
  description: 'structured documents that hold no story (sports data, search and poll responses, calendars, tickers): recognised and refused',
  sniff: sniffDataFeed,
  parse: (file) => parseDataFeed(file),
};

/** What the input is, when it is a structured document with no story; `whole` when the entire input is given. */
function feedKind(file: SourceFile, bytes: Uint8Array, whole: boolean): FeedKind | null {
  const text = decodeText(bytes).text;
  const opening = text.trimStart()[0];
  if (opening === '<') {
    const root = rootTag(file);
    if (root === null) return null;
    const xml = decodeXml(bytes).text;
    return xmlFeedKind(root, xml.slice(0, HEAD), whole ? xml : null);
  }
  if (opening === '{' || opening === '[') {
    return jsonFeedKind(text.slice(0, HEAD), whole ? jsonCount(text) : null);
  }
  const lines = text.split(/\r\n|\r|\n/);
  return csvFeedKind(whole ? lines : lines.slice(0, -1)) ?? tickerFeedKind(text);
}

/** How many entries a JSON calendar holds: the array's length, or that of the first array property; null when it will not parse. */
function jsonCount(text: string): number | null {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value.length;
    if (value !== null && typeof value === 'object') {
      const list = Object.values(value).find((each) => Array.isArray(each));
      if (Array.isArray(list)) return list.length;
    }
  } catch {
    // Counted only where the JSON reads; the refusal stands without a count.
  }
  return null;
}

export function sniffDataFeed(file: SourceFile): Sniff {
  const kind = feedKind(file, file.bytes.subarray(0, HEAD), file.bytes.length <= HEAD);
  return kind === null
    ? { score: 0, reason: 'no structured data document (sports data, search or poll response, calendar, CSV, ticker)' }
    : { score: 0.95, reason: `${kind.what} (${kind.shape})` };
}

/**
 * Refuses a structured document that holds no story, saying what it is and what to
 * read instead: it always throws a ParseError whose rule is `data-feed/not-text`, or
 * `input/no-data-feed` when the input is no such document.
 *
 * @example
 * parseDataFeed(new SourceFile(bytes, { name: 'aap_golf.xml' }));
 * // ParseError: Cannot parse `aap_golf.xml` as data-feed: it is an AAP sports data feed
 * // (<Response> with <Fixture_List>: fixtures and results, not a text story); …
 */
export function parseDataFeed(file: SourceFile): Story[] {
  const kind = feedKind(file, file.bytes, true);
  if (kind === null) {
    file.fail(
      'input/no-data-feed',
      'expected a structured data document (sports data, an archive search or API poll response, an event calendar, a CSV table or a headline ticker); found none, so it may be a story: let the format be detected',
      null,
      READER,
    );
  }
  file.fail('data-feed/not-text', `it is ${kind.what} (${kind.shape}: ${kind.holds}, not a text story); ${kind.instead}`, null, READER);
}
