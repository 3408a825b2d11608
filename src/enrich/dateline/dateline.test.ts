import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../formats/index.js';
import { SourceFile } from '../../source/source-file.js';
import type { ResolvedDateline } from '../../story/enrichment.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { resolveDateline } from './dateline.js';

const seed = 'seed/000_45c4e983dc4e0401.txt';
const reuters = 'reuters21578/reut2-000.sgm';

/** The one story of some wire copy, received now: `receivedAt` says nothing of when it was sent. */
function wireStory(copy: string, sent: Partial<Pick<Story, 'versionCreated' | 'firstCreated'>> = {}): Story {
  const file = new SourceFile(Buffer.from(copy), { name: 'copy.txt', receivedAt: '2026-11-29T16:56:19Z' });
  return { ...parseSource(file, { from: 'wire-text' }).stories[0]!, ...sent };
}

/** The resolved dateline with the place in brief, coordinates to one decimal. */
function brief(resolved: ResolvedDateline | null) {
  if (resolved === null) return null;
  const { place, ...rest } = resolved;
  return {
    place: place && { name: place.name, country: place.country, kind: place.kind, at: [place.latitude?.toFixed(1), place.longitude?.toFixed(1)] },
    ...rest,
  };
}

test('resolves the seed’s dateline to Vladivostok, Russia, on the date it writes', { skip: skipWithout(seed) }, () => {
  const file = new SourceFile(readFileSync(sharedPath(seed)!), { name: seed, receivedAt: '2026-11-29T16:56:19Z' });
  const story = parseSource(file).stories[0]!;
  assert.deepEqual(brief(resolveDateline(story)), {
    place: { name: 'Vladivostok', country: 'RU', kind: 'city', at: ['43.1', '131.9'] },
    date: '2019-04-25',
    dateSource: 'written',
  });
  assert.equal(resolveDateline(story)?.place?.geonameId, 2013348);
});

test('takes a missing year from when the copy was sent, going back', () => {
  const copy = 'Oil prices rise\n\nSALVADOR, Feb 26 - Brazil said on Thursday it would sell oil.\n';
  assert.deepEqual(brief(resolveDateline(wireStory(copy, { versionCreated: '1987-03-01T10:00:00Z' }))), {
    place: { name: 'Salvador', country: 'BR', kind: 'city', at: ['-13.0', '-38.5'] },
    date: '1987-02-26',
    dateSource: 'inferred-year',
  });
  // Sent on 2 January: 30 December is the year before; 5 January, four days ahead, this year's.
  const late = 'Talks end\n\nGENEVA, Dec 30 - Talks ended on Tuesday.\n';
  assert.equal(resolveDateline(wireStory(late, { firstCreated: '1987-01-02T08:00:00+01:00' }))?.date, '1986-12-30');
  const early = 'Talks end\n\nGENEVA, Jan 5 - Talks will end on Monday.\n';
  assert.equal(resolveDateline(wireStory(early, { firstCreated: '1987-01-02T08:00:00+01:00' }))?.date, '1987-01-05');
});

test('never takes the year from when Slugline received the copy', () => {
  const copy = 'Oil prices rise\n\nSALVADOR, Feb 26 - Brazil said on Thursday it would sell oil.\n';
  const { date, dateSource } = resolveDateline(wireStory(copy))!;
  assert.deepEqual({ date, dateSource }, { date: '--02-26', dateSource: 'written' });
});

test('takes the year from an AP sign-off’s date', () => {
  const copy = 'Storm hits coast\n\nMIAMI (AP) _ A storm hit the coast on Wednesday.\n\nAP-WF-11-13-13 1509GMT\n';
  const story = wireStory(copy);
  assert.equal(story.signoffs[0]?.date, '2013-11-13');
  const dated = { ...story, dateline: { ...story.dateline!, text: 'MIAMI, Nov. 13 (AP) _', date: '--11-13' } };
  assert.deepEqual(brief(resolveDateline(dated)), {
    place: { name: 'Miami', country: 'US', kind: 'city', at: ['25.8', '-80.2'] },
    date: '2013-11-13',
    dateSource: 'inferred-year',
  });
});

test('looks the place up in the state the dateline names', () => {
  const copy = 'Company sold\n\nPORTLAND, Maine, March 3 - The company said it was sold.\n';
  assert.deepEqual(brief(resolveDateline(wireStory(copy, { versionCreated: '1987-03-03T15:00:00Z' }))), {
    place: { name: 'Portland', country: 'US', kind: 'city', at: ['43.7', '-70.3'] },
    date: '1987-03-03',
    dateSource: 'inferred-year',
  });
});

test('gives no place for a dateline place the gazetteer does not know, and nothing without a dateline', () => {
  const copy = 'Rates\n\nCORRECTION, March 3 - In the item on rates, read 5 pct.\n';
  assert.deepEqual(brief(resolveDateline(wireStory(copy))), { place: null, date: '--03-03', dateSource: 'written' });
  assert.equal(resolveDateline(wireStory('Rates\n\nRates rose on Tuesday.\n')), null);
});

test('resolves most Reuters-21578 datelines, the year from the corpus DATE', { skip: skipWithout(reuters) }, (t) => {
  const file = new SourceFile(readFileSync(sharedPath(reuters)!), { name: reuters });
  const stories = parseSource(file, { from: 'reuters-sgml' }).stories.filter((story) => story.dateline !== null);
  const resolved = stories.map((story) => ({ story, resolved: resolveDateline(story)! }));
  const found = resolved.filter(({ resolved }) => resolved.place !== null);
  const share = found.length / resolved.length;
  const misses = new Map<string, number>();
  for (const { story, resolved: result } of resolved) {
    if (result.place !== null) continue;
    const written = [story.dateline!.place, story.dateline!.region, story.dateline!.country].filter(Boolean).join(', ');
    misses.set(written, (misses.get(written) ?? 0) + 1);
  }
  t.diagnostic(`${found.length} of ${resolved.length} datelines resolved (${(share * 100).toFixed(1)}%)`);
  t.diagnostic(`missed: ${[...misses].sort((left, right) => right[1] - left[1]).map(([place, count]) => `${place} ×${count}`).join('; ')}`);
  assert.ok(share >= 0.95, `only ${(share * 100).toFixed(1)}% resolved`);
  assert.deepEqual(brief(resolved[0]!.resolved), {
    place: { name: 'Salvador', country: 'BR', kind: 'city', at: ['-13.0', '-38.5'] },
    date: '1987-02-26',
    dateSource: 'inferred-year',
  });
  // Reuters datelines give month and day: every date's year comes from the corpus DATE.
  assert.deepEqual(new Set(resolved.map(({ resolved }) => resolved.dateSource)), new Set(['inferred-year', null]));
});
