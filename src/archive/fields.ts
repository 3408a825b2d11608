/**
 * What the archive indexes of a story: the text searched, the fields filtered on, the
 * values counted in facets. The same for every backend.
 */
import { fts5Columns, nameSeparator } from '../search/fts5.js';
import type { Story } from '../story/story.js';

/**
 * Put between the names of one field (people, organisations, places) so that a phrase
 * never runs from one name into the next: `kim jong un zzsep vladimir putin`. The
 * query compiler knows it too: it is its constant.
 */
export const NAME_SEPARATOR = nameSeparator;

/** The columns of the search index, in order: the ones the query compiler writes. */
export const SEARCH_COLUMNS = fts5Columns;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];

/** The agency that filed the story: its credit, else the dateline's credit (`BSS/AFP` → `BSS`), else the sign-offs'. */
export function agencyOf(story: Story): string | null {
  const credit = story.credits[0] ?? story.dateline?.credit?.split('/')[0]?.trim() ?? story.signoffs.find((signoff) => signoff.agencies.length > 0)?.agencies[0] ?? null;
  return credit === undefined || credit === '' ? null : credit;
}

/** The names of one type the enrichment found, canonical, once each. */
export function namesOf(story: Story, type: 'person' | 'organisation' | 'place'): string[] {
  return [...new Set((story.enrichment?.entities ?? []).filter((entity) => entity.type === type).map((entity) => entity.name))];
}

/** The story's searchable fields, one string per search column. */
export function searchFields(story: Story): Record<SearchColumn, string> {
  const flags: string[] = [];
  if (story.damage.length > 0) flags.push('damage');
  if ((story.enrichment?.quotes.length ?? 0) > 0) flags.push('quotes');
  const names = (type: 'person' | 'organisation' | 'place') => namesOf(story, type).join(` ${NAME_SEPARATOR} `);
  return {
    headline: story.headline ?? '',
    body: story.body.map((block) => block.text).join('\n'),
    slug: story.slug ?? '',
    agency: agencyOf(story) ?? '',
    person: names('person'),
    org: names('organisation'),
    place: names('place'),
    lang: story.language ?? story.enrichment?.language?.code ?? '',
    priority: story.priority ?? '',
    status: story.status,
    flags: flags.join(' '),
  };
}

/** The values a story adds to each facet count (the day comes from its time). */
export function facetValues(story: Story): { kind: 'agency' | 'person' | 'place'; value: string }[] {
  const values: { kind: 'agency' | 'person' | 'place'; value: string }[] = [];
  const agency = agencyOf(story);
  if (agency !== null) values.push({ kind: 'agency', value: agency });
  for (const name of namesOf(story, 'person')) values.push({ kind: 'person', value: name });
  for (const name of namesOf(story, 'place')) values.push({ kind: 'place', value: name });
  return values;
}
