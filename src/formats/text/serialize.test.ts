import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyWith } from '../../testing/story.js';
import { serializeText } from './serialize.js';

const paragraph = (text: string) => ({ kind: 'paragraph' as const, text, line: 1, take: 1 });

test('renders headline, dateline and wrapped body, marking damage where it stands', () => {
  const story = storyWith({
    slug: 'BFF',
    takes: [20, 21],
    priority: 'urgent',
    headline: 'Kim, Putin meet',
    dateline: { text: 'VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –', place: 'VLADIVOSTOK', region: null, country: 'Russia', date: '2019-04-25', credit: 'BSS/AFP' },
    body: [paragraph('The leaders met.'), { kind: 'crosshead', text: 'Labourers', line: 2, take: 1 }, paragraph('The talks ran')],
    damage: [{ kind: 'truncated', block: 2, detail: 'ends mid-sentence' }],
  });
  assert.equal(
    serializeText(story),
    ['BFF-20, 21 · URGENT', 'Kim, Putin meet', '===============', '', 'VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) – The leaders met.', '', '  — Labourers —', '', 'The talks ran', '  [damaged: truncated]', ''].join('\n'),
  );
});

test('lists what enrichment found after the story: entities by type, quotes with speakers, times, amounts', () => {
  const mention = { block: 0, start: 0, end: 3, text: 'Kim' };
  const story = storyWith({
    headline: 'Kim meets Putin',
    body: [paragraph('Kim said “we will meet again” on Thursday.')],
    enrichment: {
      entities: [
        { id: 'e1', type: 'person', name: 'Kim Jong Un', titles: ['North Korean leader'], mentions: [mention, mention], place: null },
        { id: 'e2', type: 'place', name: 'Vladivostok', titles: [], mentions: [mention], place: { name: 'Vladivostok', country: 'RU', latitude: 43.10562, longitude: 131.87353, kind: 'city', geonameId: 2013348 } },
      ],
      quotes: [
        { kind: 'direct', text: 'we will meet again', spans: [mention], speaker: 'Kim', speakerEntity: 'e1', cue: 'said' },
        { kind: 'indirect', text: 'the talks went well', spans: [mention], speaker: 'TASS', speakerEntity: null, cue: 'reported' },
      ],
      times: [{ span: { block: 0, start: 32, end: 40, text: 'Thursday' }, value: '2019-04-25', precision: 'day', relation: 'point', end: null, anchor: '2019-04-25' }],
      amounts: [{ span: { block: 0, start: 0, end: 11, text: '$25 million' }, kind: 'money', value: 25_000_000, unit: 'USD' }],
      dateline: null,
      language: { code: 'en', confidence: 0.3 },
      enrichers: ['entities', 'quotes', 'times', 'amounts', 'language'],
    },
  });
  const lines = serializeText(story).split('\n');
  assert.deepStrictEqual(lines.slice(lines.indexOf('People:')), [
    'People:',
    '  Kim Jong Un (North Korean leader) ×2',
    'Places:',
    '  Vladivostok [RU 43.11 131.87] ×1',
    'Quotes:',
    '  Kim Jong Un: “we will meet again”',
    '  TASS (reported): the talks went well',
    'Times: Thursday = 2019-04-25',
    'Amounts: $25 million = 25000000 USD',
    'Language: en',
    '',
  ]);
});
