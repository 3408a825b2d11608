import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../formats/index.js';
import { SourceFile } from '../../source/source-file.js';
import type { Entity, EntityType } from '../../story/enrichment.js';
import type { Dateline, Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { linkEntities } from './link.js';
import type { RawMention } from './link.js';

const seed = 'seed/000_45c4e983dc4e0401.txt';

/** A story with this headline and these paragraphs, and nothing else. */
function storyOf(headline: string | null, paragraphs: string[], dateline: Dateline | null = null): Story {
  return {
    id: 'test',
    source: { format: 'wire-text', file: 'test.txt', receivedAt: null, encoding: 'utf-8', line: 1, labels: {} },
    slug: null, takes: [], priority: null, version: null, guid: null, revision: null, firstCreated: null, versionCreated: null,
    urgency: null, headline, summary: null, byline: null, dateline, credits: [], notes: [], subjects: [], keywords: [],
    body: paragraphs.map((text, index) => ({ kind: 'paragraph', text, line: index + 1, take: 1 })),
    signoffs: [], status: 'usable', signal: null, embargo: null, language: null, damage: [], diagnostics: [],
  };
}

function textOf(story: Story, block: number | null): string {
  return block === null ? story.headline! : story.body[block]!.text;
}

/**
 * A stand-in for the tagger: every whole-word occurrence of the names given, the
 * longest first and never overlapping, a possessive `’s` kept in the span as
 * taggers often keep it.
 */
function tagByName(story: Story, names: ReadonlyArray<[EntityType, string]>): RawMention[] {
  const longestFirst = [...names].sort((left, right) => right[1].length - left[1].length);
  const mentions: RawMention[] = [];
  for (const block of [null, ...story.body.keys()]) {
    const text = textOf(story, block);
    const taken: Array<[number, number]> = [];
    for (const [type, name] of longestFirst) {
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
        let end = at + name.length;
        if (/\p{L}/u.test(text[at - 1] ?? '') || /\p{L}/u.test(text[end] ?? '')) continue;
        if (taken.some(([start, stop]) => at < stop && end > start)) continue;
        if (text.startsWith('’s', end)) end += 2;
        taken.push([at, end]);
        mentions.push({ type, block, start: at, end, text: text.slice(at, end) });
      }
    }
  }
  return mentions;
}

/** One mention of `text` in a block, its `occurrence`th (from 0). */
function mentionOf(story: Story, type: EntityType, block: number | null, text: string, occurrence = 0): RawMention {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = textOf(story, block).indexOf(text, start + 1);
  assert.notEqual(start, -1, `${text} is not in block ${block}`);
  return { type, block, start, end: start + text.length, text };
}

/** Entities in brief: type, name, titles, the text of each mention, the place's name and country. */
function brief(entities: Entity[]) {
  return entities.map((entity) => ({
    id: entity.id,
    type: entity.type,
    name: entity.name,
    titles: entity.titles,
    mentions: entity.mentions.map((mention) => mention.text),
    place: entity.place && `${entity.place.name}, ${entity.place.country ?? '–'}`,
  }));
}

test('links the seed story’s people, places and organisations', { skip: skipWithout(seed) }, () => {
  const story = parseSource(new SourceFile(readFileSync(sharedPath(seed)!), { name: seed })).stories[0]!;
  const people = ['Kim Jong Un', 'Vladimir Putin', 'Donald Trump', 'Xi Jinping', 'Moon Jae-in', 'Mike Pompeo', 'Kim Il Sung', 'Kim Jong Il', 'Dmitry Medvedev', 'Kim', 'Putin', 'Trump', 'Pompeo'];
  const places = ['Vladivostok', 'Russia', 'North Korea', 'Hanoi', 'Chongjin', 'Pyongyang', 'Washington', 'Beijing', 'Seoul', 'Korean peninsula', 'Korean Peninsula', 'Moscow', 'China', 'US'];
  const organisations = ['the United Nations', 'the Kremlin', 'The Kremlin', 'TASS', 'People’s Daily'];
  const mentions = tagByName(story, [
    ...people.map((name): [EntityType, string] => ['person', name]),
    ...places.map((name): [EntityType, string] => ['place', name]),
    ...organisations.map((name): [EntityType, string] => ['organisation', name]),
  ]);
  const entities = linkEntities(story, mentions);

  const count = (type: EntityType) =>
    entities.filter((entity) => entity.type === type).map((entity) => ({ name: entity.name, titles: entity.titles, mentions: entity.mentions.length }));
  assert.deepEqual(count('person'), [
    { name: 'Kim Jong Un', titles: ['North Korean leader'], mentions: 10 },
    { name: 'Vladimir Putin', titles: ['Russian President'], mentions: 10 },
    { name: 'Donald Trump', titles: ['US President'], mentions: 3 },
    { name: 'Xi Jinping', titles: ['Chinese President'], mentions: 1 },
    { name: 'Moon Jae-in', titles: [], mentions: 1 },
    { name: 'Mike Pompeo', titles: ['US Secretary of State'], mentions: 2 },
    { name: 'Kim Il Sung', titles: [], mentions: 1 },
    { name: 'Kim Jong Il', titles: [], mentions: 2 },
    { name: 'Dmitry Medvedev', titles: ['then-president'], mentions: 1 },
  ]);
  // Every `Kim` alone is the leader: in the headline, and `Kim’s grandfather Kim Il Sung`.
  const kim = entities.find((entity) => entity.name === 'Kim Jong Un')!;
  assert.deepEqual(kim.mentions[0], { block: null, start: 0, end: 3, text: 'Kim' });
  assert.ok(kim.mentions.some((mention) => mention.block === 25 && mention.text === 'Kim'));

  assert.deepEqual(
    Object.fromEntries(entities.filter((entity) => entity.type === 'place').map((entity) => [entity.name, `${entity.place?.name}, ${entity.place?.country} (${entity.place?.kind}), ${entity.mentions.length}`])),
    {
      Russia: 'Russia, RU (country), 8',
      Vladivostok: 'Vladivostok, RU (city), 2',
      Washington: 'Washington, D.C., US (city), 1',
      Moscow: 'Moscow, RU (city), 4',
      'Korean peninsula': 'Korean Peninsula, null (region), 4',
      Hanoi: 'Hanoi, VN (city), 2',
      US: 'United States, US (country), 5',
      'North Korea': 'North Korea, KP (country), 5',
      Pyongyang: 'Pyongyang, KP (city), 8',
      Chongjin: 'Chongjin, KP (city), 1',
      China: 'China, CN (country), 3',
      Seoul: 'Seoul, KR (city), 1',
      Beijing: 'Beijing, CN (city), 1',
    },
  );
  assert.deepEqual(count('organisation'), [
    { name: 'United Nations', titles: [], mentions: 1 },
    { name: 'Kremlin', titles: [], mentions: 2 },
    { name: 'TASS', titles: [], mentions: 1 },
    { name: 'People’s Daily', titles: [], mentions: 1 },
  ]);

  assert.deepEqual(
    entities.map((entity) => entity.id),
    entities.map((_entity, index) => `e${index + 1}`),
  );
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      assert.equal(mention.text, textOf(story, mention.block).slice(mention.start, mention.end));
      assert.doesNotMatch(mention.text, /['’]s$|^the /);
    }
  }
});

test('splits titles, honorifics and possessives off the names, and joins short and capital forms', () => {
  const story = storyOf('KIM meets Trump', [
    'North Korean leader Kim Jong Un met US President Donald Trump in Hanoi.',
    'Mr Trump said Kim’s offer was good.',
    '“We will see,” said Dmitry Peskov, the Kremlin spokesman, adding that Russian President Vladimir Putin’s envoy would attend.',
  ]);
  const entities = linkEntities(story, [
    mentionOf(story, 'person', null, 'KIM'),
    mentionOf(story, 'person', null, 'Trump'),
    mentionOf(story, 'person', 0, 'Kim Jong Un'),
    // The tagger took the title into the span: it goes to the titles.
    mentionOf(story, 'person', 0, 'President Donald Trump'),
    mentionOf(story, 'place', 0, 'US'),
    mentionOf(story, 'place', 0, 'Hanoi'),
    mentionOf(story, 'person', 1, 'Mr Trump'),
    mentionOf(story, 'person', 1, 'Kim’s'),
    mentionOf(story, 'person', 2, 'Dmitry Peskov'),
    mentionOf(story, 'organisation', 2, 'Kremlin'),
    mentionOf(story, 'person', 2, 'Vladimir Putin’s'),
  ]);
  assert.deepEqual(brief(entities), [
    { id: 'e1', type: 'person', name: 'Kim Jong Un', titles: ['North Korean leader'], mentions: ['KIM', 'Kim Jong Un', 'Kim'], place: null },
    { id: 'e2', type: 'person', name: 'Donald Trump', titles: ['US President'], mentions: ['Trump', 'Donald Trump', 'Trump'], place: null },
    { id: 'e3', type: 'place', name: 'US', titles: [], mentions: ['US'], place: 'United States, US' },
    { id: 'e4', type: 'place', name: 'Hanoi', titles: [], mentions: ['Hanoi'], place: 'Hanoi, VN' },
    { id: 'e5', type: 'person', name: 'Dmitry Peskov', titles: ['Kremlin spokesman'], mentions: ['Dmitry Peskov'], place: null },
    { id: 'e6', type: 'organisation', name: 'Kremlin', titles: [], mentions: ['Kremlin'], place: null },
    { id: 'e7', type: 'person', name: 'Vladimir Putin', titles: ['Russian President'], mentions: ['Vladimir Putin'], place: null },
  ]);
  // Spans still point into the text: the title and `Mr` are outside them.
  const trump = entities[1]!.mentions;
  const at = story.body[0]!.text.indexOf('Donald Trump');
  assert.deepEqual(trump[1], { block: 0, start: at, end: at + 'Donald Trump'.length, text: 'Donald Trump' });
  assert.deepEqual(trump[2], { block: 1, start: 'Mr '.length, end: 'Mr Trump'.length, text: 'Trump' });
});

test('gives a short name to the namesake named in full just before it, else to the one the story introduced first', () => {
  const story = storyOf(null, [
    'Kim Jong Un arrived on Thursday.',
    'His father Kim Jong Il met Putin in 2002. Kim Jong Il said then that Kim would not test.',
    'Analysts say Kim could be looking for support.',
  ]);
  const entities = linkEntities(story, [
    mentionOf(story, 'person', 0, 'Kim Jong Un'),
    mentionOf(story, 'person', 1, 'Kim Jong Il'),
    mentionOf(story, 'person', 1, 'Kim Jong Il', 1),
    mentionOf(story, 'person', 1, 'Kim', 2),
    mentionOf(story, 'person', 2, 'Kim'),
  ]);
  assert.deepEqual(
    entities.map((entity) => [entity.name, entity.mentions.map((mention) => `${mention.block}:${mention.start}`)]),
    [
      ['Kim Jong Un', ['0:0', '2:13']],
      ['Kim Jong Il', ['1:11', '1:42', '1:69']],
    ],
  );
});

test('merges an organisation with its acronym and first word, and keeps no place inside its name', () => {
  const story = storyOf('U.N. to meet', [
    'The United Nations and the Bank of Japan met Toyota Motor Corp.',
    'The UN said Toyota would pay. Japan agreed.',
  ]);
  const entities = linkEntities(story, [
    mentionOf(story, 'organisation', null, 'U.N.'),
    mentionOf(story, 'organisation', 0, 'The United Nations'),
    mentionOf(story, 'organisation', 0, 'the Bank of Japan'),
    mentionOf(story, 'place', 0, 'Japan'),
    mentionOf(story, 'organisation', 0, 'Toyota Motor Corp'),
    mentionOf(story, 'organisation', 1, 'The UN'),
    mentionOf(story, 'organisation', 1, 'Toyota'),
    mentionOf(story, 'place', 1, 'Japan'),
  ]);
  assert.deepEqual(brief(entities), [
    { id: 'e1', type: 'organisation', name: 'United Nations', titles: [], mentions: ['U.N.', 'United Nations', 'UN'], place: null },
    { id: 'e2', type: 'organisation', name: 'Bank of Japan', titles: [], mentions: ['Bank of Japan'], place: null },
    { id: 'e3', type: 'organisation', name: 'Toyota Motor Corp', titles: [], mentions: ['Toyota Motor Corp', 'Toyota'], place: null },
    { id: 'e4', type: 'place', name: 'Japan', titles: [], mentions: ['Japan'], place: 'Japan, JP' },
  ]);
});

test('merges places that are one in the gazetteer, namesakes decided by the dateline’s country', () => {
  const dateline: Dateline = { text: 'LONDON, March 3 (Reuters) -', place: 'LONDON', region: null, country: null, date: '--03-03', credit: 'Reuters' };
  const story = storyOf(null, ['The United States and the U.S. Treasury said US talks in Cambridge and The Hague would go on.'], dateline);
  const entities = linkEntities(story, [
    mentionOf(story, 'place', 0, 'The United States'),
    mentionOf(story, 'organisation', 0, 'the U.S. Treasury'),
    mentionOf(story, 'place', 0, 'U.S.'),
    mentionOf(story, 'place', 0, 'US'),
    mentionOf(story, 'place', 0, 'Cambridge'),
    mentionOf(story, 'place', 0, 'The Hague'),
  ]);
  assert.deepEqual(brief(entities), [
    { id: 'e1', type: 'place', name: 'United States', titles: [], mentions: ['United States', 'US'], place: 'United States, US' },
    { id: 'e2', type: 'organisation', name: 'U.S. Treasury', titles: [], mentions: ['U.S. Treasury'], place: null },
    { id: 'e3', type: 'place', name: 'Cambridge', titles: [], mentions: ['Cambridge'], place: 'Cambridge, GB' },
    { id: 'e4', type: 'place', name: 'The Hague', titles: [], mentions: ['The Hague'], place: 'The Hague, NL' },
  ]);
});

test('gives a name the type the tagger gave it most often, the gazetteer deciding a tie', () => {
  const story = storyOf(null, [
    'Vladimir Putin flew to Pyongyang.',
    'Putin said Pyongyang and Putin would talk about the Korean Peninsula.',
  ]);
  const entities = linkEntities(story, [
    mentionOf(story, 'person', 0, 'Vladimir Putin'),
    mentionOf(story, 'person', 0, 'Pyongyang'),
    mentionOf(story, 'place', 1, 'Putin'),
    mentionOf(story, 'place', 1, 'Pyongyang'),
    mentionOf(story, 'person', 1, 'Putin', 1),
    mentionOf(story, 'other', 1, 'Korean Peninsula'),
  ]);
  assert.deepEqual(brief(entities), [
    { id: 'e1', type: 'person', name: 'Vladimir Putin', titles: [], mentions: ['Vladimir Putin', 'Putin', 'Putin'], place: null },
    { id: 'e2', type: 'place', name: 'Pyongyang', titles: [], mentions: ['Pyongyang', 'Pyongyang'], place: 'Pyongyang, KP' },
    { id: 'e3', type: 'place', name: 'Korean Peninsula', titles: [], mentions: ['Korean Peninsula'], place: 'Korean Peninsula, –' },
  ]);
});

test('ignores mentions whose offsets are outside their block, and links nothing from nothing', () => {
  const story = storyOf('Talks', ['Putin spoke.']);
  assert.deepEqual(linkEntities(story, []), []);
  assert.deepEqual(
    linkEntities(story, [
      { type: 'person', block: 3, start: 0, end: 5, text: 'Putin' },
      { type: 'person', block: 0, start: 8, end: 40, text: 'Putin' },
    ]),
    [],
  );
});
