import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedData, sharedPath, skipWithout } from '../../testing/shared-data.js';
import { reutersSgml } from '../reuters-sgml/parse.js';
import { wireText } from '../wire-text/parse.js';
import { filesUnder } from '../../testing/shared-data.js';
import { iptcSchemas, ninjsData } from './fixtures/shared-ninjs.js';
import { ninjs } from './parse.js';
import * as api from './serialize.js';
import { ninjsWriter, serializeNinjs, toNinjs } from './serialize.js';
import { validateNinjs } from './validate.js';

/** An invented story with every field the writer maps. */
const invented: Story = {
  id: 'invented-1',
  source: { format: 'wire-text', file: 'x.txt', receivedAt: null, encoding: 'utf-8', line: 1, labels: {} },
  slug: 'BFF',
  takes: [20, 21],
  priority: 'urgent',
  version: '1stLd-Writethru',
  guid: 'urn:newsml:example.com:20240102:bff',
  revision: 2,
  firstCreated: '2024-01-02T09:00:00Z',
  versionCreated: '2024-01-02T10:00:00+10:00',
  urgency: null,
  headline: 'Kim, Putin vow to seek closer ties',
  summary: 'They met for the first time.',
  byline: { text: 'By ANN EXAMPLE', names: ['ANN EXAMPLE'], title: 'Invented Writer' },
  dateline: { text: 'VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –', place: 'VLADIVOSTOK', region: null, country: 'Russia', date: '2019-04-25', credit: 'BSS/AFP' },
  credits: ['BSS', 'AFP'],
  notes: ['Eds: invented.'],
  subjects: [
    { scheme: 'medtop', code: '11000000', name: 'politics' },
    { scheme: 'http://cv.example.com/topics/', code: 't1', name: null },
    { scheme: 'category', code: 'world', name: 'World' },
    { scheme: null, code: '01000000', name: null },
  ],
  keywords: ['summit'],
  body: [
    { kind: 'paragraph', text: 'Leaders met <at last> & talked.', line: 3, take: 1 },
    { kind: 'crosshead', text: 'Labourers', line: 5, take: 1 },
    { kind: 'preformatted', text: 'a\tb\nc\td', line: 6, take: 2 },
  ],
  signoffs: [],
  status: 'withheld',
  signal: null,
  embargo: { text: 'EMBARGOED UNTIL 1400 GMT', until: null },
  language: 'en',
  damage: [],
  diagnostics: [],
};

test('exports the writer, its function and the mapping of one story, and nothing else', () => {
  assert.deepStrictEqual(Object.keys(api).sort(), ['ninjsWriter', 'serializeNinjs', 'toNinjs']);
  assert.deepStrictEqual([ninjsWriter.id, ninjsWriter.mediaType], ['ninjs', 'application/json']);
});

test('maps every story field ninjs 2.2 has room for', () => {
  assert.deepStrictEqual(toNinjs(invented), {
    uri: 'urn:newsml:example.com:20240102:bff',
    type: 'text',
    pubstatus: 'withheld',
    version: '2',
    versioncreated: '2024-01-02T10:00:00+10:00',
    firstcreated: '2024-01-02T09:00:00Z',
    urgency: 3,
    ednote: 'EMBARGOED UNTIL 1400 GMT\nEds: invented.',
    language: 'en',
    slugline: 'BFF',
    headlines: [{ role: 'main', value: 'Kim, Putin vow to seek closer ties' }],
    by: 'By ANN EXAMPLE, Invented Writer',
    located: 'VLADIVOSTOK, Russia',
    descriptions: [{ role: 'summary', value: 'They met for the first time.' }],
    bodies: [
      { role: 'main', contenttype: 'text/plain', value: 'Leaders met <at last> & talked.\n\nLabourers\n\na\tb\nc\td' },
      {
        role: 'richtext',
        contenttype: 'text/html',
        value: '<p>Leaders met &lt;at last&gt; &amp; talked.</p>\n<h2>Labourers</h2>\n<pre>a\tb\nc\td</pre>',
      },
    ],
    subjects: [
      { name: 'politics', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000' },
      { uri: 'http://cv.example.com/topics/t1' },
      { name: 'World', literal: 'category:world' },
      { literal: '01000000' },
      { name: 'summit' },
    ],
  });
});

test('writes the embargo moment, and a uri for stories whose guid is none or no URI', () => {
  const embargoed = toNinjs({ ...invented, embargo: { text: 'x', until: '2024-01-03T06:00:00Z' }, notes: [] });
  assert.deepStrictEqual([embargoed.embargoed, embargoed.ednote], ['2024-01-03T06:00:00Z', undefined]);
  assert.equal(toNinjs({ ...invented, guid: null, id: 'reuters-21578:1' }).uri, 'urn:slugline:reuters-21578%3A1');
  assert.equal(toNinjs({ ...invented, guid: 'fd8e441b a698' }).uri, 'urn:slugline:guid:fd8e441b%20a698');
});

test('writes the people, organisations and places enrichment found, valid against the 2.2 schema', { skip: skipWithout(`${ninjsData}specification`) }, () => {
  const span = { block: 0, start: 0, end: 3, text: 'Kim' };
  const enriched: Story = {
    ...invented,
    enrichment: {
      entities: [
        { id: 'e1', type: 'person', name: 'Kim Jong Un', titles: ['North Korean leader'], mentions: [span], place: null },
        { id: 'e2', type: 'organisation', name: 'TASS', titles: [], mentions: [span], place: null },
        { id: 'e3', type: 'place', name: 'Vladivostok', titles: [], mentions: [span], place: { name: 'Vladivostok', country: 'RU', latitude: 43.1, longitude: 131.9, kind: 'city', geonameId: 2013348 } },
        { id: 'e4', type: 'place', name: 'the Korean peninsula', titles: [], mentions: [span], place: null },
        { id: 'e5', type: 'other', name: 'Korean War', titles: [], mentions: [span], place: null },
      ],
      quotes: [],
      times: [],
      amounts: [],
      dateline: null,
      language: { code: 'en', confidence: 0.4 },
      enrichers: ['entities'],
    },
  };
  const item = toNinjs(enriched);
  assert.deepStrictEqual([item.people, item.organisations, item.places], [
    [{ name: 'Kim Jong Un' }],
    [{ name: 'TASS' }],
    [{ name: 'Vladivostok', uri: 'https://sws.geonames.org/2013348/' }, { name: 'the Korean peninsula' }],
  ]);
  assert.deepStrictEqual(validateNinjs(serializeNinjs([enriched]), '2.2', iptcSchemas()!, { formats: true }).problems, []);
  // A story no enricher saw has none of them.
  assert.deepStrictEqual([toNinjs(invented).people, toNinjs(invented).places], [undefined, undefined]);
});

test('writes one item a line, so several stories make JSON lines that read back', () => {
  const out = serializeNinjs([invented, { ...invented, guid: 'urn:x:2', headline: 'Second' }]);
  assert.equal(out.split('\n').length, 3);
  assert.ok(out.endsWith('}\n'));
  const back = ninjs.parse(new SourceFile(Buffer.from(out), { name: 'out.jsonl' }));
  assert.deepStrictEqual(back.map((each) => [each.guid, each.headline]), [
    ['urn:newsml:example.com:20240102:bff', 'Kim, Putin vow to seek closer ties'],
    ['urn:x:2', 'Second'],
  ]);
});

/** What a round trip must keep, compared as one value. */
function kept(story: Story) {
  return {
    headline: story.headline,
    body: story.body.map((block) => [block.kind, block.text]),
    guid: story.guid,
    revision: story.revision,
    embargo: story.embargo?.until ?? null,
    status: story.status,
    byline: story.byline,
    subjects: story.subjects.filter((subject) => subject.scheme !== null && /^medtop$|^subj$|:\/\/.*[/#:]$/.test(subject.scheme)),
    summary: story.summary,
    urgency: story.urgency,
    versionCreated: story.versionCreated,
    language: story.language,
  };
}

function readBack(story: Story): Story {
  const [back] = ninjs.parse(new SourceFile(Buffer.from(serializeNinjs([story])), { name: 'round-trip.json' }));
  return back!;
}

test('keeps what it maps through a round trip: read, write, read', () => {
  const back = readBack(invented);
  assert.deepStrictEqual(kept(back), {
    ...kept(invented),
    // The title joins the byline line and is read back off it; urgency comes from the priority.
    urgency: 3,
  });
  assert.deepStrictEqual(kept(readBack(back)), kept(back));
  assert.deepStrictEqual([back.slug, back.notes, back.keywords, back.dateline?.place, back.dateline?.country], [
    'BFF',
    ['EMBARGOED UNTIL 1400 GMT\nEds: invented.'],
    ['summit'],
    'VLADIVOSTOK',
    'Russia',
  ]);
  const anonymous = readBack({ ...invented, guid: null });
  assert.equal(anonymous.guid, null);
  assert.equal(readBack({ ...invented, guid: 'not a uri' }).guid, 'not a uri');
});

/** Every story the ninjs reader gets from IPTC's examples and the agency files. */
function sharedStories(): Story[] {
  const stories: Story[] = [];
  for (const path of [...filesUnder(sharedPath('iptc/ninjs/examples')!), ...filesUnder(sharedPath('agency')!)]) {
    const input = new SourceFile(readFileSync(path), { name: path.slice(sharedData.length) });
    if (ninjs.sniff(input).score < 0.5) continue;
    try {
      stories.push(...ninjs.parse(input));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
  }
  return stories;
}

const skipShared = skipWithout(`${ninjsData}specification`) || skipWithout('agency') || skipWithout('seed');

test('writes every story it reads as ninjs that is valid against the 2.2 schema, formats and all', { skip: skipShared }, (context) => {
  const schemas = iptcSchemas()!;
  const stories = sharedStories();
  // Stories from the other readers too: they carry what ninjs has no room for.
  const seed = sharedPath('seed/000_45c4e983dc4e0401.txt')!;
  stories.push(...wireText.parse(new SourceFile(readFileSync(seed), { name: 'seed' })));
  stories.push(...reutersSgml.parse(new SourceFile(readFileSync(sharedPath('reuters21578/reut2-000.sgm')!), { name: 'reut2-000.sgm' })).slice(0, 200));
  const invalid: string[] = [];
  for (const story of [invented, ...stories]) {
    const result = validateNinjs(serializeNinjs([story]), '2.2', schemas, { formats: true });
    if (!result.valid) invalid.push(`${story.source.file}: ${JSON.stringify(result.problems)}`);
  }
  assert.deepStrictEqual(invalid, []);
  assert.ok(stories.length > 240, `${stories.length} stories`);
  context.diagnostic(`${stories.length + 1} stories written, all valid against ninjs 2.2`);
});

test('keeps headline, body text, guid, revision, embargo, status and byline of every story it reads', { skip: skipShared }, (context) => {
  const stories = sharedStories();
  for (const story of stories) {
    assert.deepStrictEqual(kept(readBack(story)), kept(story), story.source.file);
  }
  const embargoed = stories.filter((story) => story.embargo !== null);
  assert.ok(embargoed.length >= 1, 'ninjs_embargoed.json is among them');
  context.diagnostic(`${stories.length} stories read, written and read again`);
});
