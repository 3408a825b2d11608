/**
 * The conformance suite every Store backend must pass: call `storeConformance` from
 * the backend's test file with a function that opens a fresh, empty store.
 *
 * @example
 * storeConformance('sqlite', async () => SqliteStore.open(join(mkdtempSync(…), 'test.db')));
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashBytes } from '../archive/ingest.js';
import type { Block, Story } from '../story/story.js';
import { storyWith } from '../testing/story.js';
import type { IncomingInput, Store } from './store.js';

let clock = Date.parse('2024-05-06T08:00:00Z');

/** An input holding `stories`, its bytes their JSON (so different stories are different bytes). */
export function inputOf(stories: Story[], origin = 'invented.json', error: IncomingInput['error'] = null): IncomingInput {
  const bytes = Buffer.from(JSON.stringify({ origin, stories, error }));
  clock += 1000;
  return {
    record: { hash: hashBytes(bytes), origin, receivedAt: new Date(clock).toISOString(), size: bytes.byteLength },
    bytes,
    format: error === null ? 'test' : null,
    stories,
    error,
  };
}

const paragraphs = (...texts: string[]): Block[] => texts.map((text, index) => ({ kind: 'paragraph', text, line: index + 3, take: 1 }));

/** An invented story with a guid (all names and events here are invented). */
function guidStory(guid: string, revision: number, headline: string, text: string, fields: Partial<Story> = {}): Story {
  return storyWith({ guid, revision, version: String(revision), headline, body: paragraphs(text), versionCreated: `2024-05-0${revision}T10:00:00Z`, ...fields });
}

export function storeConformance(name: string, open: () => Promise<Store>): void {
  const withStore = (title: string, body: (store: Store) => Promise<void>) =>
    test(`${name}: ${title}`, async () => {
      const store = await open();
      try {
        await body(store);
      } finally {
        await store.close();
      }
    });

  withStore('keeps an input byte for byte, and takes the same bytes again as a duplicate that changes nothing', async (store) => {
    const input = inputOf([guidStory('urn:invented:harbour', 1, 'Harbour bridge approved', 'The invented council approved the bridge.')]);
    const first = await store.ingest(input);
    assert.equal(first.input, 'stored');
    assert.deepEqual(first.stories.map((story) => story.change), ['new']);
    assert.equal(await store.hasInput(input.record.hash), true);
    const kept = await store.input(input.record.hash);
    assert.deepEqual(Buffer.from(kept!.bytes), Buffer.from(input.bytes));
    assert.equal(kept!.input.origin, 'invented.json');
    const before = await store.stats();
    const again = await store.ingest(input);
    assert.equal(again.input, 'duplicate');
    assert.deepEqual(again.stories, []);
    assert.deepEqual(await store.stats(), before);
  });

  withStore('quarantines an input that cannot be read, with its reason and bytes, and stores no story', async (store) => {
    const input = inputOf([], 'broken.xml', { message: 'Cannot parse `broken.xml` (line 3) as nitf: not well-formed XML', diagnostics: [] });
    const report = await store.ingest(input);
    assert.equal(report.input, 'quarantined');
    assert.match(report.error!, /broken\.xml/);
    const [quarantined] = await store.quarantined();
    assert.equal(quarantined!.hash, input.record.hash);
    assert.match(quarantined!.error!, /not well-formed/);
    assert.deepEqual(Buffer.from((await store.input(input.record.hash))!.bytes), Buffer.from(input.bytes));
    const stats = await store.stats();
    assert.equal(stats.stories, 0);
    assert.equal(stats.quarantined, 1);
  });

  withStore('makes updates of a story versions of it, each kept, the newest revision current', async (store) => {
    const one = await store.ingest(inputOf([guidStory('urn:invented:vote', 1, 'Council to vote', 'The invented council will vote on Monday.')]));
    const two = await store.ingest(inputOf([guidStory('urn:invented:vote', 2, 'Council votes for bridge', 'The invented council voted for the bridge.', { signal: 'update' })]));
    const id = one.stories[0]!.id;
    assert.equal(two.stories[0]!.id, id);
    assert.deepEqual(two.stories[0], { id, version: 2, change: 'new-version' });
    const current = await store.story(id);
    assert.equal(current!.headline, 'Council votes for bridge');
    assert.equal(current!.versions, 2);
    assert.equal((await store.story(id, 1))!.story.headline, 'Council to vote');
    const history = await store.history(id);
    assert.deepEqual(
      history!.map((version) => [version.version, version.headline, version.current, version.signal]),
      [
        [1, 'Council to vote', false, null],
        [2, 'Council votes for bridge', true, 'update'],
      ],
    );
    // An older revision arriving late is kept, but does not become current.
    const late = await store.ingest(inputOf([guidStory('urn:invented:vote', 1, 'Council to vote (resent)', 'The invented council will vote on Monday, it said.')]));
    assert.equal(late.stories[0]!.change, 'new-version');
    assert.equal((await store.story(id))!.headline, 'Council votes for bridge');
    assert.equal((await store.history(id))!.length, 3);
  });

  withStore('takes the same text from other bytes as a duplicate story, not a new version', async (store) => {
    const story = guidStory('urn:invented:same', 1, 'Ferry resumes', 'The invented ferry resumed service.');
    await store.ingest(inputOf([story], 'feed-a.json'));
    const report = await store.ingest(inputOf([{ ...story, notes: ['resent by another feed'] }], 'feed-b.json'));
    assert.equal(report.input, 'stored');
    assert.equal(report.stories[0]!.change, 'duplicate');
    assert.equal((await store.history(report.stories[0]!.id))!.length, 1);
  });

  withStore('withdraws a killed story from search and marks it canceled everywhere', async (store) => {
    const first = await store.ingest(inputOf([guidStory('urn:invented:kill', 1, 'Mayor resigns', 'The invented mayor of Exampletown resigned.')]));
    const id = first.stories[0]!.id;
    assert.equal((await store.search({ query: 'exampletown' })).hits.length, 1);
    await store.ingest(inputOf([guidStory('urn:invented:kill', 2, 'KILL: Mayor resigns', 'Kill this story. It is wrong.', { signal: 'kill', status: 'canceled' })]));
    assert.equal((await store.search({ query: 'exampletown' })).hits.length, 0);
    assert.equal((await store.search({ query: 'kill' })).hits.length, 0);
    const shown = await store.story(id);
    assert.equal(shown!.status, 'canceled');
    assert.equal((await store.stats()).canceled, 1);
    // A later update does not bring a killed story back.
    await store.ingest(inputOf([guidStory('urn:invented:kill', 3, 'Mayor resigns', 'The invented mayor resigned again.')]));
    assert.equal((await store.story(id))!.status, 'canceled');
  });

  withStore('assembles takes filed separately into one story, in either order, complete once all are in', async (store) => {
    const dateline = { text: 'EXAMPLETOWN, May 6 (INV) –', place: 'EXAMPLETOWN', region: null, country: null, date: '2024-05-06', credit: 'INV' };
    const take1 = storyWith({ slug: 'XYZ', takes: [7], headline: 'Bridge opens', dateline, body: paragraphs('First take text.', 'More of the first take.'), signoffs: [{ kind: 'more', text: 'MORE/ABC', agencies: [], initials: ['ABC'], time: null, zone: null, date: null, line: 5 }] });
    const take2 = storyWith({ slug: 'XYZ', takes: [8], headline: 'Bridge opens', body: paragraphs('Second take text.'), signoffs: [{ kind: 'signoff', text: 'INV/ABC', agencies: ['INV'], initials: ['ABC'], time: null, zone: null, date: null, line: 3 }] });
    const second = await store.ingest(inputOf([take2], 'take-8.txt'));
    const id = second.stories[0]!.id;
    let shown = await store.story(id);
    assert.equal(shown!.complete, false);
    assert.deepEqual(shown!.missingTakes, [7]);
    const first = await store.ingest(inputOf([take1], 'take-7.txt'));
    assert.equal(first.stories[0]!.id, id);
    shown = await store.story(id);
    assert.equal(shown!.complete, true);
    assert.deepEqual(shown!.missingTakes, []);
    assert.deepEqual(shown!.story.takes, [7, 8]);
    assert.deepEqual(shown!.story.body.map((block) => block.text), ['First take text.', 'More of the first take.', 'Second take text.']);
    assert.equal(shown!.inputs.length, 2);
    assert.equal((await store.search({ query: '"second take"' })).hits[0]?.id, id);
    // A take arriving again once the story is whole changes nothing.
    const late = await store.ingest(inputOf([{ ...take2, notes: ['resent'] }], 'take-8-again.txt'));
    assert.deepEqual(late.stories, [{ id, version: shown!.version, change: 'duplicate' }]);
    assert.equal((await store.story(id))!.complete, true);
  });

  withStore('keeps a story filed whole when one of its takes comes after it', async (store) => {
    const dateline = { text: 'EXAMPLETOWN, May 6 (INV) –', place: 'EXAMPLETOWN', region: null, country: null, date: '2024-05-06', credit: 'INV' };
    const whole = storyWith({ slug: 'XYZ', takes: [7, 8], headline: 'Bridge opens', dateline, body: paragraphs('First take text.', 'Second take text.') });
    const take2 = storyWith({ slug: 'XYZ', takes: [8], headline: 'Bridge opens', body: paragraphs('Second take text.') });
    const first = await store.ingest(inputOf([whole]));
    const late = await store.ingest(inputOf([take2]));
    assert.equal(late.stories[0]!.change, 'duplicate');
    const shown = await store.story(first.stories[0]!.id);
    assert.deepEqual(shown!.story.takes, [7, 8]);
    assert.equal(shown!.complete, true);
  });

  withStore('searches words, phrases and filters, newest first, with snippets, a total and cursor pages', async (store) => {
    for (let index = 1; index <= 5; index++) {
      await store.ingest(inputOf([guidStory(`urn:invented:page${index}`, 1, `Harbour story ${index}`, `The invented harbour of Examplecity ${index === 3 ? 'flooded badly' : 'was calm'}.`, { versionCreated: `2024-05-0${index}T10:00:00Z`, slug: index % 2 === 0 ? 'HARBOUR-EVEN' : 'HARBOUR-ODD' })]));
    }
    const all = await store.search({ query: 'harbour', limit: 2 });
    assert.deepEqual(all.hits.map((hit) => hit.headline), ['Harbour story 5', 'Harbour story 4']);
    assert.equal(all.total, 5);
    assert.equal(all.totalExact, true);
    const page2 = await store.search({ query: 'harbour', limit: 2, cursor: all.next });
    assert.deepEqual(page2.hits.map((hit) => hit.headline), ['Harbour story 3', 'Harbour story 2']);
    const page3 = await store.search({ query: 'harbour', limit: 2, cursor: page2.next });
    assert.deepEqual(page3.hits.map((hit) => hit.headline), ['Harbour story 1']);
    assert.equal(page3.next, null);
    const flooded = await store.search({ query: '"flooded badly"' });
    assert.deepEqual(flooded.hits.map((hit) => hit.headline), ['Harbour story 3']);
    assert.match(flooded.hits[0]!.snippet, /«flooded badly»/);
    assert.deepEqual((await store.search({ query: 'harbour slug:harbour-even' })).hits.map((hit) => hit.headline), ['Harbour story 4', 'Harbour story 2']);
    assert.deepEqual((await store.search({ query: 'harbour from:2024-05-02 to:2024-05-03' })).hits.map((hit) => hit.headline), ['Harbour story 3', 'Harbour story 2']);
    assert.deepEqual((await store.search({ query: 'harbour -calm' })).hits.map((hit) => hit.headline), ['Harbour story 3']);
    assert.deepEqual((await store.search({ query: '' , limit: 1 })).hits.map((hit) => hit.headline), ['Harbour story 5']);
  });

  withStore('ranks by relevance: the headline and more occurrences first, newer first among equals, in pages', async (store) => {
    const filed = [
      ['A', 'Port', 'No ferry later.', '2024-05-01'],
      ['B', 'Ferry news', 'A ferry and another ferry crossed the invented strait.', '2024-05-02'],
      ['C', 'Port', 'No ferry today.', '2024-05-03'],
      ['D', 'Port', 'Calm seas and no boats.', '2024-05-04'],
    ];
    for (const [key, headline, text, day] of filed) {
      await store.ingest(inputOf([guidStory(`urn:invented:rank-${key}`, 1, headline!, text!, { versionCreated: `${day}T10:00:00Z` })]));
    }
    const ranked = await store.search({ query: 'ferry', sort: 'relevance' });
    assert.deepEqual(ranked.hits.map((hit) => hit.headline), ['Ferry news', 'Port', 'Port']);
    assert.deepEqual(ranked.hits.map((hit) => hit.time.slice(0, 10)), ['2024-05-02', '2024-05-03', '2024-05-01']);
    const scores = ranked.hits.map((hit) => hit.score!);
    assert.ok(scores[0]! > scores[1]! && scores[1] === scores[2], `scores ${scores.join(', ')}`);
    const first = await store.search({ query: 'ferry', sort: 'relevance', limit: 2 });
    const second = await store.search({ query: 'ferry', sort: 'relevance', limit: 2, cursor: first.next });
    assert.deepEqual([...first.hits, ...second.hits].map((hit) => hit.id), ranked.hits.map((hit) => hit.id));
    assert.equal(second.next, null);
    assert.deepEqual((await store.search({ query: 'ferry -today', sort: 'relevance' })).hits.map((hit) => hit.time.slice(0, 10)), ['2024-05-02', '2024-05-01']);
    // A prefix ranks as its words do.
    assert.deepEqual((await store.search({ query: 'ferr*', sort: 'relevance' })).hits.map((hit) => hit.id), ranked.hits.map((hit) => hit.id));
    // Filters alone have nothing to rank by: newest first.
    assert.deepEqual((await store.search({ query: 'status:usable', sort: 'relevance', limit: 2 })).hits.map((hit) => hit.time.slice(0, 10)), ['2024-05-04', '2024-05-03']);
  });
}
