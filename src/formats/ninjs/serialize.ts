import type { Block, Story } from '../../story/story.js';
import { urgencyOfPriority } from '../../story/urgency.js';
import { escapeXml } from '../xml/xml.js';
import type { Writer } from '../format.js';
import { absoluteUri, sluglineGuidUrn, sluglineUrn, subjectUri } from './grammar.js';

/**
 * One story as a ninjs 2.2 object, valid against IPTC's schema (formats checked
 * too). The 2.x schema admits no property it does not name, so what a Story holds
 * that ninjs has no place for (takes, sign-offs, credits, damage, the version
 * words, the signal, the dateline's date and credit) is left out rather than
 * written under an invented name. Keywords, which 2.2 has no property for, are
 * written as subjects that name no code, and read back as keywords. Enriched
 * stories add `people`, `organisations` and `places`.
 */
export interface NinjsObject {
  uri: string;
  type: 'text';
  version?: string;
  versioncreated?: string;
  firstcreated?: string;
  embargoed?: string;
  pubstatus: Story['status'];
  urgency?: number;
  ednote?: string;
  language?: string;
  slugline?: string;
  headlines?: { role: string; value: string }[];
  by?: string;
  located?: string;
  descriptions?: { role: string; value: string }[];
  bodies?: { role: string; contenttype: string; value: string }[];
  subjects?: { name?: string; uri?: string; literal?: string }[];
  people?: { name: string }[];
  organisations?: { name: string }[];
  places?: { name: string; uri?: string }[];
}

/**
 * The ninjs 2.2 object for a story.
 *
 * @example
 * toNinjs(story).uri; // story.guid, else `urn:slugline:<id>`
 */
export function toNinjs(story: Story): NinjsObject {
  const item: NinjsObject = { uri: uriOf(story), type: 'text', pubstatus: story.status };
  if (story.revision !== null) item.version = String(story.revision);
  if (story.versionCreated) item.versioncreated = story.versionCreated;
  if (story.firstCreated) item.firstcreated = story.firstCreated;
  if (story.embargo?.until) item.embargoed = story.embargo.until;
  const urgency = story.urgency ?? urgencyOfPriority(story.priority);
  if (urgency !== null) item.urgency = urgency;
  // An embargo with no moment can only be told to editors.
  const notes = story.embargo && !story.embargo.until ? [story.embargo.text, ...story.notes] : story.notes;
  if (notes.length) item.ednote = notes.join('\n');
  if (story.language) item.language = story.language;
  if (story.slug) item.slugline = story.slug;
  if (story.headline) item.headlines = [{ role: 'main', value: story.headline }];
  // ninjs has one `by`: a title the byline text leaves out (`Associated Press Writer`) goes after a comma.
  if (story.byline) {
    const { text, title } = story.byline;
    item.by = title && !text.includes(title) ? `${text}, ${title}` : text;
  }
  if (story.dateline) item.located = [story.dateline.place, story.dateline.region, story.dateline.country].filter(Boolean).join(', ');
  if (story.summary) item.descriptions = [{ role: 'summary', value: story.summary }];
  if (story.body.length) {
    item.bodies = [
      { role: 'main', contenttype: 'text/plain', value: story.body.map((block) => block.text).join('\n\n') },
      { role: 'richtext', contenttype: 'text/html', value: story.body.map(htmlOf).join('\n') },
    ];
  }
  const subjects: NonNullable<NinjsObject['subjects']> = story.subjects.map((subject) => {
    const uri = subject.scheme === null ? null : subjectUri(subject.scheme, subject.code);
    const entry: { name?: string; uri?: string; literal?: string } = {};
    if (subject.name) entry.name = subject.name;
    if (uri !== null && absoluteUri.test(uri)) entry.uri = uri;
    else entry.literal = subject.scheme === null ? subject.code : `${subject.scheme}:${subject.code}`;
    return entry;
  });
  for (const keyword of story.keywords) subjects.push({ name: keyword });
  if (subjects.length) item.subjects = subjects;
  // What enrichment found: people, organisations and places, each by the fullest name
  // the story uses; a place the gazetteer knows by its GeoNames URI.
  const entities = story.enrichment?.entities ?? [];
  const people = entities.filter((entity) => entity.type === 'person').map((entity) => ({ name: entity.name }));
  const organisations = entities.filter((entity) => entity.type === 'organisation').map((entity) => ({ name: entity.name }));
  const places = entities
    .filter((entity) => entity.type === 'place')
    .map((entity) => (entity.place?.geonameId ? { name: entity.name, uri: `https://sws.geonames.org/${entity.place.geonameId}/` } : { name: entity.name }));
  if (people.length) item.people = people;
  if (organisations.length) item.organisations = organisations;
  if (places.length) item.places = places;
  return item;
}

/**
 * The story's guid when it is a URI, as ninjs requires; else one Slugline mints and
 * reads back: `urn:slugline:guid:<guid>` for a guid that is no URI, `urn:slugline:<id>`
 * for a story with none.
 */
function uriOf(story: Story): string {
  if (story.guid !== null && absoluteUri.test(story.guid)) return story.guid;
  if (story.guid !== null) return sluglineGuidUrn + encodeURIComponent(story.guid);
  return sluglineUrn + encodeURIComponent(story.id);
}

function htmlOf(block: Block): string {
  const text = escapeXml(block.text);
  if (block.kind === 'crosshead') return `<h2>${text}</h2>`;
  if (block.kind === 'preformatted') return `<pre>${text}</pre>`;
  return `<p>${text}</p>`;
}

/**
 * Stories as ninjs 2.2: one compact JSON object a line, so several stories make JSON
 * lines.
 *
 * @example
 * process.stdout.write(serializeNinjs(stories));
 */
export function serializeNinjs(stories: readonly Story[]): string {
  let out = '';
  for (const story of stories) out += JSON.stringify(toNinjs(story)) + '\n';
  return out;
}

export const ninjsWriter: Writer = {
  id: 'ninjs',
  description: 'IPTC ninjs 2.2 (News in JSON), one item per line',
  mediaType: 'application/json',
  serialize: serializeNinjs,
};
