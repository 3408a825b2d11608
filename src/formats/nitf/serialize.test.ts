import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { SourceFile } from '../../source/source-file.js';
import type { Block, Story } from '../../story/story.js';
import { sharedPath } from '../../testing/shared-data.js';
import { wireText } from '../wire-text/parse.js';
import { nitf } from './parse.js';
import * as api from './serialize.js';
import { nitfWriter, serializeNitf } from './serialize.js';
import { storyWith } from '../../testing/story.js';

// Every story below is invented.

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const wireFixtures = fileURLToPath(new URL('../wire-text/fixtures/', import.meta.url));
const xsd = sharedPath('iptc/newsml-g2/examples/nitf-3-6.xsd');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;

/** A `skip` value for the tests that validate with xmllint against IPTC's XSD. */
const skipValidation: string | false = !xmllint
  ? 'needs xmllint, which is not installed: skipped'
  : xsd === null
    ? 'needs ../shared/data/iptc/newsml-g2/examples/nitf-3-6.xsd, which is absent: skipped'
    : false;

/** Validates documents against the NITF 3.6 XSD with xmllint, all in one run; fails naming each invalid one. */
function assertValidNitf(documents: { name: string; xml: string }[]): void {
  const directory = mkdtempSync(join(tmpdir(), 'slugline-nitf-'));
  try {
    const paths = documents.map((document, index) => {
      const path = join(directory, `${index}-${document.name.replace(/[^\w.-]+/g, '_')}.xml`);
      writeFileSync(path, document.xml);
      return path;
    });
    const result = spawnSync('xmllint', ['--noout', '--schema', xsd!, ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const problems = result.stderr.split('\n').filter((line) => line !== '' && !line.endsWith(' validates'));
    assert.deepEqual(problems, [], `xmllint rejected what the writer wrote:\n${problems.slice(0, 20).join('\n')}`);
    assert.equal(result.status, 0);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** One document per story: the writer's output cut at each XML declaration. */
function documentsOf(output: string): string[] {
  return output.split(/(?=<\?xml )/).filter(Boolean);
}

function story(fields: Partial<Story> = {}): Story {
  return storyWith({ headline: 'Harbour town keeps its ferry', body: [paragraph('Voters decided to keep the ferry.')], ...fields });
}

function paragraph(text: string, kind: Block['kind'] = 'paragraph'): Block {
  return { kind, text, line: 1, take: 1 };
}

function readBack(xml: string): Story {
  const stories = nitf.parse(new SourceFile(Buffer.from(xml), { name: 'written.xml' }));
  assert.equal(stories.length, 1);
  return stories[0]!;
}

/** The lines of the written document between two markers, for looking at one part. */
function linesWith(xml: string, pattern: RegExp): string[] {
  return xml
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => pattern.test(line));
}

test('exports the writer and its function, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['nitfWriter', 'serializeNitf']);
  assert.deepEqual([nitfWriter.id, nitfWriter.mediaType, nitfWriter.serialize], ['nitf', 'application/nitf+xml', serializeNitf]);
});

const full = story({
  slug: 'ferry-vote',
  takes: [3],
  priority: 'urgent',
  guid: 'xyz.2024.ferry-vote',
  revision: 2,
  firstCreated: '2024-03-11T18:00:00+01:00',
  versionCreated: '2024-03-12T10:15:00.250+01:00',
  urgency: 3,
  summary: 'Voters chose to keep the ferry.\nTurnout was high.',
  byline: { text: 'By Anna Example and Piet Sample', names: ['Anna Example', 'Piet Sample'], title: 'Invented Press Writers' },
  dateline: { text: 'PORTVILLE, Norway, March 12 (IP) -', place: 'PORTVILLE', region: null, country: 'Norway', date: '2024-03-12', credit: 'IP' },
  credits: ['IP'],
  notes: ['Eds: adds quote\nfrom the mayor.'],
  subjects: [
    { scheme: 'subj', code: '11000000', name: 'Politics' },
    { scheme: 'subj', code: '11003000', name: 'Elections' },
    { scheme: 'subj', code: '11003002', name: 'Referenda' },
    { scheme: 'medtop', code: '20000587', name: null },
    { scheme: null, code: 'FERRY', name: 'no scheme: left out' },
    { scheme: 'http://cv.invented/x', code: 'http://cv.invented/x/1', name: 'no NMTOKEN: left out' },
  ],
  keywords: ['ferry', 'referendum'],
  body: [
    paragraph('Voters decided on Tuesday to keep the ferry.'),
    paragraph('Cost of repairs', 'crosshead'),
    paragraph('Keep\t4,120\nBridge\t1,877', 'preformatted'),
  ],
  signoffs: [
    { kind: 'more', text: 'MORE/ae/1015', agencies: [], initials: ['ae'], time: '10:15', zone: null, date: null, line: 9 },
    { kind: 'signoff', text: 'IP/ae/1015 GMT', agencies: [], initials: ['IP', 'ae'], time: '10:15', zone: 'GMT', date: null, line: 12 },
    { kind: 'end', text: 'ENDS', agencies: [], initials: [], time: null, zone: null, date: null, line: 13 },
  ],
  language: 'en-GB',
  damage: [{ kind: 'truncated', block: 0, detail: 'invented' }],
  diagnostics: [{ severity: 'warn', rule: 'damage/truncated', message: 'invented', place: null, source: 'test' }],
});

test('writes every field the Story holds in NITF’s own place, and nothing NITF has no room for', () => {
  assert.equal(
    serializeNitf([full]),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN" baselang="en-GB">',
      '  <head>',
      '    <title>Harbour town keeps its ferry</title>',
      '    <tobject>',
      '      <tobject.subject tobject.subject.refnum="11000000" tobject.subject.type="Politics"/>',
      '      <tobject.subject tobject.subject.refnum="11003000" tobject.subject.matter="Elections"/>',
      '      <tobject.subject tobject.subject.refnum="11003002" tobject.subject.detail="Referenda"/>',
      '      <tobject.subject tobject.subject.ipr="medtop" tobject.subject.refnum="20000587"/>',
      '    </tobject>',
      '    <docdata management-status="usable">',
      '      <doc-id id-string="xyz.2024.ferry-vote"/>',
      '      <urgency ed-urg="3"/>',
      '      <date.issue norm="20240312T101500+0100"/>',
      '      <ed-msg info="Eds: adds quote from the mayor."/>',
      '      <du-key key="ferry-vote" version="2"/>',
      '      <key-list>',
      '        <keyword key="ferry"/>',
      '        <keyword key="referendum"/>',
      '      </key-list>',
      '    </docdata>',
      '    <revision-history norm="20240311T180000+0100" comment="first created"/>',
      '  </head>',
      '  <body>',
      '    <body.head>',
      '      <hedline><hl1>Harbour town keeps its ferry</hl1></hedline>',
      '      <byline>By <person>Anna Example</person> and <person>Piet Sample</person><byttl>Invented Press Writers</byttl></byline>',
      '      <distributor>IP</distributor>',
      '      <dateline><location><city>PORTVILLE</city>, <country>Norway</country></location>, March 12 (IP) -<story.date norm="20240312"/></dateline>',
      '      <abstract>',
      '        <p>Voters chose to keep the ferry.</p>',
      '        <p>Turnout was high.</p>',
      '      </abstract>',
      '    </body.head>',
      '    <body.content>',
      '      <p>Voters decided on Tuesday to keep the ferry.</p>',
      '      <hl2>Cost of repairs</hl2>',
      '      <pre>Keep\t4,120\nBridge\t1,877</pre>',
      '    </body.content>',
      '    <body.end>',
      '      <tagline>IP/ae/1015 GMT<br/>ENDS</tagline>',
      '    </body.end>',
      '  </body>',
      '</nitf>',
      '',
    ].join('\n'),
  );
});

test('writes the status and embargo as management-status, date.release and an embargo ed-msg', () => {
  const docdata = (fields: Partial<Story>) => linesWith(serializeNitf([story({ versionCreated: '2024-03-01T12:00:00Z', ...fields })]), /docdata |date\.|ed-msg/);
  const embargo = { text: 'EMBARGOED UNTIL 0001 GMT March 2', until: '2024-03-02T00:01:00Z' };
  assert.deepEqual(docdata({ status: 'withheld', embargo }), [
    '<docdata management-status="embargoed">',
    '<date.issue norm="20240301T120000Z"/>',
    '<date.release norm="20240302T000100Z"/>',
    '<ed-msg msg-type="embargo" info="EMBARGOED UNTIL 0001 GMT March 2"/>',
  ]);
  assert.deepEqual(docdata({ status: 'withheld' }), ['<docdata management-status="withheld">', '<date.issue norm="20240301T120000Z"/>']);
  assert.deepEqual(docdata({ status: 'canceled', signal: 'kill' }), ['<docdata management-status="canceled">', '<date.issue norm="20240301T120000Z"/>']);
  assert.deepEqual(docdata({ status: 'usable', embargo: { text: 'Embargo: noon', until: null } }), [
    '<docdata management-status="usable">',
    '<date.issue norm="20240301T120000Z"/>',
    '<ed-msg msg-type="embargo" info="Embargo: noon"/>',
  ]);
  // PA's note already says it as readers find it: no second message.
  assert.deepEqual(docdata({ status: 'withheld', embargo: { text: 'Embargoed to 0001 Saturday', until: null }, notes: ['(see also X) Embargoed to 0001 Saturday'] }), [
    '<docdata management-status="embargoed">',
    '<date.issue norm="20240301T120000Z"/>',
    '<ed-msg info="(see also X) Embargoed to 0001 Saturday"/>',
  ]);
  assert.deepEqual(linesWith(serializeNitf([story({ signal: 'correction' })]), /correction/), ['<correction/>']);
});

test('takes the urgency from the priority when the story gives none', () => {
  assert.deepEqual(linesWith(serializeNitf([story({ priority: 'flash' })]), /urgency/), ['<urgency ed-urg="1"/>']);
  assert.deepEqual(linesWith(serializeNitf([story({ priority: 'routine', urgency: 6 })]), /urgency/), ['<urgency ed-urg="6"/>']);
  assert.deepEqual(linesWith(serializeNitf([story({ urgency: 0 })]), /urgency/), []);
});

test('writes the dateline marked up in its own text, or opening the lead paragraph when the text spells the place otherwise', () => {
  const write = (dateline: Story['dateline'], body = [paragraph('Invented copy.')]) =>
    linesWith(serializeNitf([story({ dateline, body })]), /<dateline>|<p>/);
  assert.deepEqual(write({ text: 'NEW YORK (AP) —', place: 'NEW YORK', region: null, country: null, date: null, credit: 'AP' }), [
    '<dateline><location><city>NEW YORK</city></location> (AP) —</dateline>',
    '<p>Invented copy.</p>',
  ]);
  assert.deepEqual(write({ text: 'CHEVY CHASE, Md., Feb 3 (AP) -', place: 'CHEVY CHASE', region: 'Md.', country: null, date: '--02-03', credit: 'AP' }), [
    '<dateline><location><city>CHEVY CHASE</city>, <state>Md.</state></location>, Feb 3 (AP) -</dateline>',
    '<p>Invented copy.</p>',
  ]);
  // CP spells the city `Ottawa` in the location and `OTTAWA` in the copy.
  assert.deepEqual(write({ text: 'OTTAWA -', place: 'Ottawa', region: 'Ontario', country: 'Canada', date: '2024-07-03', credit: null }), [
    '<dateline><location><city>Ottawa</city><state>Ontario</state><country>Canada</country></location><story.date norm="20240703"/></dateline>',
    '<p>OTTAWA - Invented copy.</p>',
  ]);
  // With no paragraph to open, the location goes before the text, so the place is not lost.
  assert.deepEqual(write({ text: 'OTTAWA -', place: 'Ottawa', region: null, country: null, date: null, credit: null }, []), [
    '<dateline><location><city>Ottawa</city></location>, OTTAWA -</dateline>',
  ]);
  assert.deepEqual(write({ text: '4/4/2018', place: 'Athens', region: null, country: 'GRC', date: null, credit: null }, []), [
    '<dateline><location><city>Athens</city>, <country>GRC</country></location>, 4/4/2018</dateline>',
  ]);
  assert.deepEqual(write({ text: '', place: 'Oslo', region: null, country: null, date: null, credit: null }), [
    '<dateline><location><city>Oslo</city></location></dateline>',
    '<p>Invented copy.</p>',
  ]);
});

test('writes the byline with each name as a <person> and the title as <byttl>', () => {
  const write = (byline: Story['byline']) => linesWith(serializeNitf([story({ byline })]), /<byline>/);
  assert.deepEqual(
    [
      write({ text: 'By BERNARD EXAMPLE', names: ['BERNARD EXAMPLE'], title: 'Invented Business Writer' }),
      write({ text: 'By Jo Invented, Press Association', names: ['Jo Invented'], title: null }),
      write({ text: 'gr/bp', names: ['Nobody Named'], title: null }),
      write({ text: 'Invented Sports Network', names: [], title: 'Invented Sports Network' }),
    ],
    [
      ['<byline>By <person>BERNARD EXAMPLE</person><byttl>Invented Business Writer</byttl></byline>'],
      ['<byline>By <person>Jo Invented</person>, Press Association</byline>'],
      ['<byline>gr/bp</byline>'],
      ['<byline><byttl>Invented Sports Network</byttl></byline>'],
    ],
  );
});

test('escapes markup and leaves out the characters XML cannot carry', () => {
  const tricky = story({
    headline: 'Ferry <b>&</b> "bridge" ]]> \u0001\u0008 \ud800 vote',
    guid: 'a"b<c>&d',
    notes: ['Tab\there'],
    body: [paragraph('Costs < 2 & > 1 \u000b\uffff'), paragraph('A\n  table <x>', 'preformatted')],
  });
  const xml = serializeNitf([tricky]);
  const back = readBack(xml);
  assert.deepEqual(
    [back.headline, back.guid, back.notes, back.body.map((block) => block.text)],
    ['Ferry <b>&</b> "bridge" ]]> vote', 'a"b<c>&d', ['Tab here'], ['Costs < 2 & > 1', 'A\n  table <x>']],
  );
});

test('writes a story with no headline, body or metadata as a minimal valid document', () => {
  assert.equal(
    serializeNitf([story({ headline: null, body: [] })]),
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" version="-//IPTC//DTD NITF 3.6//EN">',
      '  <head>',
      '    <docdata management-status="usable">',
      // Slugline's own id, since no provider named the story.
      '      <doc-id id-string="urn:slugline:invented"/>',
      '    </docdata>',
      '  </head>',
      '  <body>',
      '    <body.content>',
      '    </body.content>',
      '  </body>',
      '</nitf>',
      '',
    ].join('\n'),
  );
});

test('writes several stories as documents one after another, each ending with a line break', () => {
  const output = serializeNitf([story({ headline: 'One' }), story({ headline: 'Two' }), story({ headline: 'Three' })]);
  const documents = documentsOf(output);
  assert.equal(documents.length, 3);
  for (const document of documents) assert.ok(document.endsWith('</nitf>\n'));
  assert.deepEqual(documents.map((document) => readBack(document).headline), ['One', 'Two', 'Three']);
  assert.equal(serializeNitf([]), '');
});

// ---------------------------------------------------------------------------
// Every story we read, written as NITF, validates; and reads back the same

/** Every story the tests can read: the invented NITF fixtures, the plain wire-text fixtures, and the real files. */
function everyStory(): { name: string; story: Story }[] {
  const stories: { name: string; story: Story }[] = [];
  const add = (name: string, bytes: Uint8Array, reader: typeof nitf) => {
    try {
      for (const each of reader.parse(new SourceFile(bytes, { name }))) stories.push({ name, story: each });
    } catch {
      // Refused input (the picture item, the empty AAP item) gives no story to write.
    }
  };
  for (const name of readdirSync(fixtures).sort()) add(name, readFileSync(join(fixtures, name)), nitf);
  for (const name of readdirSync(wireFixtures).filter((each) => each.endsWith('.txt')).sort()) {
    add(name, readFileSync(join(wireFixtures, name)), wireText);
  }
  const seed = sharedPath('seed/000_45c4e983dc4e0401.txt');
  if (seed) add('seed', readFileSync(seed), wireText);
  for (const name of realNitfFiles) {
    const path = sharedPath(name);
    if (path) add(name, readFileSync(path), nitf);
  }
  return stories;
}

const realNitfFiles = [
  'agency/belga/ansa_belga.xml',
  ...['aap-1', 'aap-cyber', 'aap-finance', 'aap-finance1', 'aap-sports', 'aap', 'ap-nitf', 'ap_media_text_nitf', 'efe_nitf']
    .concat(['handle_invalid_fields', 'mapping_test', 'nitf-fishing', 'nitf-ntb', 'pa1', 'pa2', 'pa3', 'pa4', 'pa5'])
    .map((name) => `agency/core/${name}.xml`),
  'agency/cp/ap/ap-agate-nitf.xml',
  'agency/cp/ap/ap-table-nitf.xml',
  'iptc/ninjs/tools-xslt-samples/NTB_nitf_sample.xml',
];

test('writes every story it can read as NITF that the IPTC NITF 3.6 XSD accepts', { skip: skipValidation }, (t) => {
  const stories = everyStory();
  t.diagnostic(`${stories.length} stories validated with xmllint${realDataNotice()}`);
  assert.ok(stories.length >= 9);
  const invented = [full, story({ headline: null, body: [] }), story({ headline: 'A <b> & \u0001\ud800', body: [paragraph('x\ty', 'preformatted')] })];
  assertValidNitf([
    ...stories.map(({ name, story: each }) => ({ name, xml: serializeNitf([each]) })),
    ...invented.map((each, index) => ({ name: `invented-${index}`, xml: serializeNitf([each]) })),
  ]);
});

/** Says so when the real files are absent and only the invented ones were used. */
function realDataNotice(): string {
  return sharedPath('agency') === null ? ' (the real agency files need ../shared/data/agency, which is absent: left out)' : '';
}

/** What a round trip through NITF must keep. */
function kept(each: Story) {
  return {
    headline: each.headline,
    body: each.body.map((block) => [block.kind, block.text]),
    dateline: each.dateline,
    byline: each.byline,
    guid: each.guid,
    revision: each.revision,
    embargo: each.embargo,
    status: each.status,
  };
}

test('reads back what it writes: headline, body, dateline, byline, guid, revision, embargo and status', (t) => {
  const stories = everyStory();
  t.diagnostic(`${stories.length} stories read, written and read again${realDataNotice()}`);
  for (const { name, story: each } of stories) {
    const back = readBack(serializeNitf([each]));
    assert.deepStrictEqual(kept(back), kept(each), name);
  }
  // And the invented story with every field, which no reader made.
  assert.deepStrictEqual(kept(readBack(serializeNitf([full]))), kept(full));
});

test('keeps slug, urgency, creation times, summary, keywords, subjects, credits, notes, sign-offs and language too', () => {
  const back = readBack(serializeNitf([full]));
  assert.deepStrictEqual(
    {
      slug: back.slug,
      urgency: back.urgency,
      priority: back.priority,
      firstCreated: back.firstCreated,
      versionCreated: back.versionCreated,
      summary: back.summary,
      keywords: back.keywords,
      subjects: back.subjects,
      credits: back.credits,
      notes: back.notes,
      signoffs: back.signoffs.map((signoff) => [signoff.kind, signoff.text]),
      language: back.language,
    },
    {
      slug: 'ferry-vote',
      urgency: 3,
      priority: 'urgent',
      firstCreated: '2024-03-11T18:00:00+01:00',
      // NITF dates have no fractions of a second.
      versionCreated: '2024-03-12T10:15:00+01:00',
      summary: 'Voters chose to keep the ferry.\nTurnout was high.',
      keywords: ['ferry', 'referendum'],
      subjects: full.subjects.slice(0, 4),
      credits: ['IP'],
      notes: ['Eds: adds quote from the mayor.'],
      signoffs: [
        ['signoff', 'IP/ae/1015 GMT'],
        ['end', 'ENDS'],
      ],
      language: 'en-GB',
    },
  );
});

// Arbitrary text, including what XML cannot carry, in every field the writer writes.
const anyText = fc.string({ maxLength: 30, unit: fc.oneof(fc.constantFrom('<', '&', '"', ']]>', '\u0000', '\u000b', '\ud800', '\uffff', '\n', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
const iso = fc.constantFrom(null, '2024-03-12T10:15:00Z', '2024-03-12T10:15:00.5+05:30', 'not a date');
const arbitraryStory = fc
  .record({
    headline: fc.option(anyText),
    slug: fc.option(anyText),
    guid: fc.option(anyText),
    revision: fc.option(fc.nat(1000)),
    urgency: fc.option(fc.integer({ min: 0, max: 9 })),
    versionCreated: iso,
    firstCreated: iso,
    summary: fc.option(anyText),
    byline: fc.option(fc.record({ text: anyText, names: fc.array(anyText, { maxLength: 3 }), title: fc.option(anyText) })),
    dateline: fc.option(
      fc.record({
        text: anyText,
        place: anyText,
        region: fc.option(anyText),
        country: fc.option(anyText),
        date: fc.constantFrom(null, '2024-03-12', '--03-12'),
        credit: fc.option(anyText),
      }),
    ),
    credits: fc.array(anyText, { maxLength: 2 }),
    notes: fc.array(anyText, { maxLength: 2 }),
    keywords: fc.array(anyText, { maxLength: 2 }),
    subjects: fc.array(fc.record({ scheme: fc.option(fc.constantFrom('subj', 'medtop', 'a b')), code: anyText, name: fc.option(anyText) }), { maxLength: 3 }),
    body: fc.array(fc.record({ kind: fc.constantFrom('paragraph', 'crosshead', 'preformatted'), text: anyText, line: fc.constant(1), take: fc.constant(1) }), {
      maxLength: 4,
    }),
    status: fc.constantFrom('usable', 'withheld', 'canceled'),
    embargo: fc.option(fc.record({ text: anyText, until: iso })),
    language: fc.option(fc.constantFrom('en', 'nb-NO', 'not a tag', '')),
    signal: fc.constantFrom(null, 'correction', 'kill', 'update'),
  })
  .map((fields) => story(fields as Partial<Story>));

test('writes arbitrary stories as NITF the XSD accepts and the reader reads', { skip: skipValidation }, () => {
  const samples = fc.sample(arbitraryStory, { numRuns: 80, seed: 20240312 });
  const documents = samples.map((each, index) => ({ name: `arbitrary-${index}`, xml: serializeNitf([each]) }));
  assertValidNitf(documents);
  for (const { xml } of documents) {
    try {
      readBack(xml);
    } catch (error) {
      // A story with no headline and no text is refused on reading, as it should be.
      assert.match(String(error), /no headline|not a text story/);
    }
  }
});
