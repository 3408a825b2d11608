/**
 * The suite every feed writer runs with its reader: stories written and read again
 * keep their headline, body text, guid, dates and byline (and what else a feed can
 * hold). RSS and Atom call it from their serializer tests.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { SourceFile } from '../../source/source-file.js';
import type { Block, Story } from '../../story/story.js';
import type { Format, Writer } from '../format.js';
import { newsml1 } from '../newsml-1/parse.js';
import { atom } from '../atom/parse.js';
import { rss } from './parse.js';
import { storyWith } from '../../testing/story.js';

/** A complete Story: every field, `fields` over plain defaults. */
export function storyOf(fields: Partial<Story>): Story {
  return storyWith({ id: 'invented:1', ...fields });
}

/** What a feed keeps of a story. Subject names are left out: RSS has no place for them. */
export function feedFacts(story: Story) {
  return {
    headline: story.headline,
    summary: story.summary,
    guid: story.guid,
    firstCreated: story.firstCreated,
    versionCreated: story.versionCreated,
    byline: story.byline === null ? null : { text: story.byline.text, names: story.byline.names },
    dateline: story.dateline,
    body: story.body.map((block) => [block.kind, block.text]),
    signoffs: story.signoffs.map((signoff) => signoff.text),
    keywords: story.keywords,
    subjects: story.subjects.map((subject) => [subject.scheme, subject.code]),
    language: story.language,
  };
}

/** The invented stories of the three readers' fixtures, each with both of its dates. */
export function fixtureStories(): Story[] {
  const read = (format: Format, path: string) => format.parse(new SourceFile(readFileSync(new URL(path, import.meta.url)), { name: path }));
  return [
    ...read(newsml1, '../newsml-1/fixtures/invented-afp.xml'),
    ...read(rss, './fixtures/invented-feed.xml'),
    ...read(atom, '../atom/fixtures/invented-feed.atom'),
  ].map((story) => ({ ...story, firstCreated: story.firstCreated ?? story.versionCreated }));
}

// Words for invented copy: markup characters, quotes and letters beyond ASCII among them,
// and nothing the wire reader takes for a dateline dash, a sign-off or a crosshead.
const words = ['the', 'council', 'invented', 'a', 'plan', 'for', 'roads', 'and', 'parks', 'zürich', 'tōkyō', 'at&t', '<b>', 'x<y', '"quoted"', '“curly”', "o'neil", '5%', '&amp;', 'münchen', 'été', '東京', 'city'];
const names = ['Jane Invented', 'Ola Nordmann', 'José Ñúñez', 'Kari Invented', "Mary O'Brien"];
const zones = ['Z', '+01:00', '-05:30', '+09:00', '+14:00', '-12:00'];

const sentence = (minimum: number) => fc.array(fc.constantFrom(...words), { minLength: minimum, maxLength: 14 }).map((each) => each.join(' '));

/** An ISO 8601 date-time to the second, with one of several offsets, as readers give them. */
const dateTime = fc.tuple(fc.integer({ min: 0, max: 4_102_444_799 }), fc.constantFrom(...zones)).map(([seconds, zone]) => {
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19) + zone;
});

const block = fc.oneof(
  { weight: 4, arbitrary: sentence(6).map((text): Omit<Block, 'line'> => ({ kind: 'paragraph', text: `${text}.`, take: 1 })) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('Roads', 'Closed', 'Too', 'Zürich', 'Plans'), { minLength: 1, maxLength: 4 }).map((each): Omit<Block, 'line'> => ({ kind: 'crosshead', text: each.join(' '), take: 1 })) },
);

/** Any story a feed can carry whole: a headline, a body of prose, a guid, both dates, maybe a byline. */
export const arbitraryFeedStory: fc.Arbitrary<Story> = fc
  .record({
    headline: sentence(1),
    summary: fc.option(sentence(3), { nil: null }),
    guid: fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
    firstCreated: dateTime,
    versionCreated: dateTime,
    byline: fc.option(fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 2 }), { nil: null }),
    // A paragraph first: a crosshead cannot open a story.
    body: fc.tuple(block.filter((each) => each.kind === 'paragraph'), fc.array(block, { maxLength: 5 })).map(([first, rest]) => [first, ...rest]),
    keywords: fc.uniqueArray(fc.constantFrom('weather', 'storm', 'Zürich', 'roads & parks'), { maxLength: 3 }),
    subjects: fc.uniqueArray(fc.constantFrom('04000000', '17004000', '11006000'), { maxLength: 2 }),
    language: fc.option(fc.constantFrom('en', 'fr-FR', 'nb'), { nil: null }),
  })
  .map((fields) =>
    storyOf({
      ...fields,
      byline: fields.byline === null ? null : { text: `By ${fields.byline.join(' and ')}`, names: fields.byline, title: null },
      body: fields.body.map((each, index) => ({ ...each, line: index + 1 })),
      subjects: fields.subjects.map((code) => ({ scheme: 'subj', code, name: null })),
    }),
  );

/** Writes stories with `writer` and reads them back with `reader`. */
export function writeAndRead(writer: Writer, reader: Format, stories: readonly Story[]): Story[] {
  return reader.parse(new SourceFile(Buffer.from(writer.serialize(stories)), { name: `written.${writer.id}` }));
}

/** The round-trip tests, for one writer and the reader of its format. */
export function feedRoundTripCases(writer: Writer, reader: Format): void {
  test(`keeps what a feed holds of the invented fixture stories through ${writer.id} and back`, () => {
    const stories = fixtureStories();
    assert.deepStrictEqual(writeAndRead(writer, reader, stories).map(feedFacts), stories.map(feedFacts));
  });

  test(`keeps headline, body text, guid, dates and byline of any story through ${writer.id} and back`, () => {
    fc.assert(
      fc.property(fc.array(arbitraryFeedStory, { minLength: 1, maxLength: 3 }), (stories) => {
        assert.deepStrictEqual(writeAndRead(writer, reader, stories).map(feedFacts), stories.map(feedFacts));
      }),
      { numRuns: 200 },
    );
  });
}
