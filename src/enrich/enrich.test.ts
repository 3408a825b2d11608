import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../formats/index.js';
import { SourceFile } from '../source/source-file.js';
import type { Entity } from '../story/enrichment.js';
import type { Story } from '../story/story.js';
import { sharedPath, skipWithout } from '../testing/shared-data.js';
import { validateStory } from '../testing/story-schema.js';
import { storyWith } from '../testing/story.js';
import * as api from './index.js';
import { enrichStory, enrichers } from './index.js';

const seedPath = 'seed/000_45c4e983dc4e0401.txt';

let seed: Story | null = null;
function enrichedSeed(): Story {
  seed ??= enrichStory(parseSource(new SourceFile(readFileSync(sharedPath(seedPath)!), { name: 'seed' })).stories[0]!);
  return seed;
}

function named(entities: readonly Entity[], type: Entity['type']): string[] {
  return entities.filter((entity) => entity.type === type).map((entity) => entity.name);
}

test('exports the pipeline, its list of enrichers and nothing else', () => {
  assert.deepStrictEqual(Object.keys(api).sort(), ['enrichStory', 'enricherById', 'enrichers']);
  assert.deepStrictEqual(
    enrichers.map((enricher) => enricher.id),
    ['language', 'dateline', 'entities', 'times', 'amounts', 'quotes'],
  );
});

test('finds in the seed each person once, with all their mentions, under their full name', { skip: skipWithout(seedPath) }, () => {
  const { entities } = enrichedSeed().enrichment!;
  const people = named(entities, 'person');
  for (const name of ['Kim Jong Un', 'Vladimir Putin', 'Donald Trump', 'Xi Jinping', 'Moon Jae-in', 'Mike Pompeo', 'Kim Il Sung', 'Kim Jong Il', 'Dmitry Medvedev']) {
    assert.equal(people.filter((each) => each === name).length, 1, `${name} once among ${JSON.stringify(people)}`);
  }
  // `Kim` alone is Kim Jong Un, the story's subject, not his grandfather.
  const kim = entities.find((entity) => entity.name === 'Kim Jong Un')!;
  assert.ok(kim.mentions.length >= 8, `${kim.mentions.length} mentions of Kim Jong Un`);
  const putin = entities.find((entity) => entity.name === 'Vladimir Putin')!;
  assert.ok(putin.mentions.some((mention) => mention.text === 'Putin'));
  // Every mention is where it says it is.
  const story = enrichedSeed();
  for (const entity of entities) {
    for (const mention of entity.mentions) {
      const text = mention.block === null ? story.headline! : story.body[mention.block]!.text;
      assert.equal(text.slice(mention.start, mention.end), mention.text);
    }
  }
});

test('finds in the seed the places and organisations it names, the places in the gazetteer', { skip: skipWithout(seedPath) }, () => {
  const { entities } = enrichedSeed().enrichment!;
  const places = named(entities, 'place');
  for (const name of ['Vladivostok', 'Russia', 'North Korea', 'Hanoi', 'Chongjin', 'Pyongyang', 'Washington', 'Beijing', 'Seoul']) {
    assert.ok(places.includes(name), `${name} among ${JSON.stringify(places)}`);
  }
  assert.ok(places.some((name) => /Korean peninsula/i.test(name)), `the Korean peninsula among ${JSON.stringify(places)}`);
  const vladivostok = entities.find((entity) => entity.name === 'Vladivostok')!;
  assert.equal(vladivostok.place?.country, 'RU');
  const organisations = named(entities, 'organisation');
  for (const name of ['United Nations', 'Kremlin', 'TASS', 'People’s Daily']) {
    assert.ok(organisations.some((each) => each.replace(/^the /, '').replace("'", '’') === name), `${name} among ${JSON.stringify(organisations)}`);
  }
});

test('attributes the seed’s quotes to their speakers', { skip: skipWithout(seedPath) }, () => {
  const { quotes, entities } = enrichedSeed().enrichment!;
  const speakerOf = (opening: string) => {
    const quote = quotes.find((each) => each.kind !== 'indirect' && each.text.startsWith(opening));
    assert.ok(quote, `a quote opening “${opening}”`);
    return entities.find((entity) => entity.id === quote.speakerEntity)?.name ?? quote.speaker;
  };
  const kim = quotes.filter((quote) => quote.kind === 'direct' && entities.find((entity) => entity.id === quote.speakerEntity)?.name === 'Kim Jong Un');
  assert.equal(kim.length, 2);
  assert.equal(speakerOf('I am confident that your visit'), 'Vladimir Putin');
  assert.equal(speakerOf('In terms of bilateral relations'), 'Vladimir Putin');
  assert.equal(speakerOf('They carelessly trample'), 'Vladimir Putin');
  assert.match(speakerOf('a political and diplomatic solution') ?? '', /Kremlin/);
  assert.ok(quotes.some((quote) => quote.kind === 'indirect' && quote.speaker !== null && /TASS/.test(quote.speaker)));
});

test('resolves the seed’s dateline, its times and its amounts', { skip: skipWithout(seedPath) }, () => {
  const { dateline, times, amounts, language } = enrichedSeed().enrichment!;
  assert.deepStrictEqual([dateline?.place?.name, dateline?.place?.country, dateline?.date], ['Vladivostok', 'RU', '2019-04-25']);
  const thursday = times.find((time) => time.span.text === 'Thursday')!;
  assert.deepStrictEqual([thursday.value, thursday.precision], ['2019-04-25', 'day']);
  assert.ok(amounts.some((amount) => amount.kind === 'money' && amount.value === 25_000_000 && amount.unit === 'USD'));
  assert.ok(amounts.some((amount) => amount.value === 2000 && amount.unit === 'tonne'));
  assert.equal(language?.code, 'en');
});

test('writes enriched stories the published schema accepts', { skip: skipWithout(seedPath) }, () => {
  assert.ok(validateStory(enrichedSeed()), JSON.stringify(validateStory.errors?.slice(0, 3)));
});

test('runs only the language-neutral enrichers on copy in another language, and leaves out those it is told to', () => {
  const paragraph = (text: string) => ({ kind: 'paragraph' as const, text, line: 1, take: 1 });
  const danish = storyWith({
    headline: 'Byrådet godkender ny havnebro',
    body: [paragraph('Det opdigtede byråd stemte mandag for at bygge en bro over havnen, siger borgmesteren til nyhedsbureauet.')],
  });
  assert.deepStrictEqual(enrichStory(danish).enrichment!.enrichers, ['language', 'dateline']);
  const english = storyWith({ headline: 'Council approves bridge', body: [paragraph('The invented council voted on Monday to build a bridge, the mayor said.')] });
  assert.deepStrictEqual(enrichStory(english, { without: ['quotes', 'times'] }).enrichment!.enrichers, ['language', 'dateline', 'entities', 'amounts']);
  // The story given is left as it was.
  assert.equal(english.enrichment, undefined);
  // A table of figures is no language for sure: the English enrichers still run on it.
  const figures = storyWith({ headline: 'Invented Corp 4th qtr net', body: [paragraph('Shr 39 cts vs 26 cts Net 1,234,000 vs 987,000 Revs 12.3 mln vs 10.1 mln')] });
  assert.ok(enrichStory(figures).enrichment!.enrichers.includes('entities'));
  // Declared Danish and too short to tell: the declaration stands.
  assert.deepStrictEqual(enrichStory(storyWith({ headline: 'Flash', language: 'da' })).enrichment!.enrichers, ['language', 'dateline']);
});
