import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { buildFixtures } from './fixtures/build.js';
import { readAgateRow, readHeaderLine, readKeywordLine, readServiceLine, signalOfVersion } from './grammar.js';
import * as api from './parse.js';
import { anpa1312 } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';

// Every story in the fixtures is invented; only the framing follows ANPA 1312 and AP's
// and Kyodo's practice as their real files show it.


function assertValid(stories: Story[]): void {
  for (const story of stories) assert.ok(validate(story), JSON.stringify(validate.errors, null, 2));
}

const receivedAt = '2024-05-06T07:08:09.000Z';
const fixtures = buildFixtures();

function parseFixture(name: string): Story[] {
  const bytes = fixtures.get(name);
  assert.ok(bytes, `no fixture ${name}`);
  const stories = anpa1312.parse(new SourceFile(bytes, { name, receivedAt }));
  assertValid(stories);
  return stories;
}

function parseText(text: string, name = 'message.tst'): Story[] {
  const stories = anpa1312.parse(new SourceFile(Buffer.from(text, 'latin1'), { name }));
  assertValid(stories);
  return stories;
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

test('exports the reader, its sniffer and its parser, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['anpa1312', 'parseAnpa1312', 'sniffAnpa1312']);
  assert.equal(anpa1312.id, 'anpa-1312');
});

test('keeps the fixture files exactly as build.ts makes them', () => {
  for (const [name, bytes] of fixtures) {
    assert.deepEqual(readFileSync(new URL(`fixtures/${name}`, import.meta.url)), bytes, `fixtures/${name} differs: run fixtures/build.ts`);
  }
});

test('sniffs SYN SYN SOH with a service line, SOH alone, the header line alone, and nothing else', () => {
  const sniff = (bytes: Uint8Array | string) => anpa1312.sniff(new SourceFile(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes, { name: 'x' })).score;
  assert.equal(sniff(fixtures.get('ap-story.tst')!), 1);
  assert.equal(sniff(fixtures.get('kyodo.tst')!), 0.95);
  assert.equal(sniff('r a\x13\x11 BC-US--Invented   11-13 0412\r\n\x02^BC-US--Invented<\r\n\x03'), 0.9);
  // IPTC 7901 (SOH, then a header line with spaces), plain copy.
  assert.equal(sniff('\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany-politics/\r\n\x02Headline =\r\n'), 0);
  assert.equal(sniff('BC-US--Invented, 1st Ld-Writethru\nWASHINGTON (AP) _ Words.\n'), 0);
});

test('reads an AP message: service and header lines, the `^` header lines, tab paragraphs, `_` dateline, transmission time', () => {
  const bytes = fixtures.get('ap-story.tst')!;
  assert.deepStrictEqual(parseFixture('ap-story.tst'), [
    {
      id: sha(bytes),
      source: {
        format: 'anpa-1312',
        file: 'ap-story.tst',
        receivedAt,
        encoding: 'utf-8',
        line: 1,
        labels: {
          service: 'a',
          'story-number': '0540',
          selector: '-----',
          priority: 'u',
          category: 'a',
          format: 'text',
          'format-codes': 'DC3 DC1',
          keyword: 'BC-US--Invented-Bridge',
          'filing-date': '03-14',
          'word-count': '0212',
          transmission: 'AP-WF-03-14-17 1512GMT',
          'keyword-line': 'BC-US--Invented-Bridge,212',
        },
      },
      slug: 'BC-US--Invented-Bridge',
      takes: [],
      priority: 'urgent',
      version: null,
      guid: 'AP:a0540',
      revision: null,
      firstCreated: null,
      versionCreated: '2017-03-14T15:12:00Z',
      urgency: null,
      headline: 'State closes old river bridge after cracks found',
      summary: null,
      byline: { text: 'By JANE DOE', names: ['JANE DOE'], title: 'Associated Press' },
      dateline: { text: 'SPRINGFIELD, Ill. (AP) _', place: 'SPRINGFIELD', region: 'Ill.', country: null, date: null, credit: 'AP' },
      credits: ['AP'],
      notes: ['AP Photo XYZ101'],
      subjects: [],
      keywords: [],
      body: [
        {
          kind: 'paragraph',
          text: 'The state closed the old river bridge on Tuesday after inspectors found cracks in two of its piers, officials said.',
          line: 8,
          take: 1,
        },
        { kind: 'paragraph', text: "``We will not take chances with it,'' the transport director said.", line: 10, take: 1 },
      ],
      signoffs: [
        { kind: 'signoff', text: 'AP-WF-03-14-17 1512GMT', agencies: ['AP'], initials: ['WF'], time: '15:12', zone: 'GMT', date: '2017-03-14', line: 12 },
      ],
      status: 'usable',
      signal: null,
      embargo: null,
      language: null,
      damage: [],
      diagnostics: [],
    },
  ]);
});

test('recognises the writethru as a new version of the same story: version word, update signal, same slug and guid', () => {
  const [first] = parseFixture('ap-story.tst');
  const [writethru] = parseFixture('ap-story-writethru.tst');
  const facts = (story: Story) => ({
    slug: story.slug,
    guid: story.guid,
    version: story.version,
    signal: story.signal,
    reference: story.source.labels.reference ?? null,
    notes: story.notes,
    paragraphs: story.body.length,
  });
  assert.deepEqual(
    [facts(first!), facts(writethru!)],
    [
      { slug: 'BC-US--Invented-Bridge', guid: 'AP:a0540', version: null, signal: null, reference: null, notes: ['AP Photo XYZ101'], paragraphs: 2 },
      { slug: 'BC-US--Invented-Bridge', guid: 'AP:a0540', version: '1stLd-Writethru', signal: 'update', reference: 'a0540', notes: ['Adds detour in 3rd graf.'], paragraphs: 3 },
    ],
  );
  assert.notEqual(first!.id, writethru!.id);
  assert.ok(writethru!.versionCreated! > first!.versionCreated!);
});

test('reads agate as tables: BS rows, US and RS between cells, DLE inside names, `{` as one half', () => {
  const [story] = parseFixture('ap-agate.tst');
  assert.deepEqual(
    {
      headline: story!.headline,
      byline: story!.byline,
      body: story!.body.map((block) => [block.kind, block.line, block.text]),
      damage: story!.damage,
      labels: [story!.source.labels.format, story!.source.labels['format-codes']],
      credits: story!.credits,
    },
    {
      headline: 'Invented League Glance',
      byline: { text: 'By The Associated Press', names: [], title: null },
      body: [
        ['paragraph', 5, 'All Times EDT'],
        ['crosshead', 7, 'EAST DIVISION'],
        ['preformatted', 8, '\tW\tL\tGB\nLake City\t20\t10\t_\nRivertown\t18\t13\t2½'],
        ['paragraph', 11, '___'],
        ['paragraph', 12, "Monday's Games"],
        ['paragraph', 13, 'Lake City 4, Rivertown 3'],
      ],
      damage: [],
      labels: ['tabular', 'DC4 DC2'],
      credits: ['AP'],
    },
  );
});

test('takes the one paragraph of an alert for its headline, and says so', () => {
  const [story] = parseFixture('ap-alert.tst');
  assert.deepEqual(
    [story!.priority, story!.headline, story!.body.map((block) => block.text), story!.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.message])],
    [
      'bulletin',
      'Invented river bridge reopens after six weeks of repairs.',
      ['Invented river bridge reopens after six weeks of repairs.'],
      [['anpa/no-headline', 'no headline line: the one paragraph stands in']],
    ],
  );
});

test('reads Kyodo: SOH alone, its name before US, the head ended by `+`, wrapped copy, `==Kyodo`, its day-month trailer', () => {
  const [story] = parseFixture('kyodo.tst');
  assert.deepEqual(
    {
      guid: story!.guid,
      slug: story!.slug,
      priority: story!.priority,
      headline: story!.headline,
      dateline: story!.dateline,
      body: story!.body.map((block) => [block.line, block.text]),
      signoffs: story!.signoffs.map((signoff) => [signoff.text, signoff.agencies, signoff.initials, signoff.date, signoff.time, signoff.zone]),
      versionCreated: story!.versionCreated,
      labels: story!.source.labels,
    },
    {
      guid: 'Kyodo:a0200',
      slug: 'BC-Invented-Ferry',
      priority: 'urgent',
      headline: 'Ferry service to invented island resumes',
      // The trailer's day completes the dateline's year.
      dateline: { text: 'KOBE, Japan, March 10 Kyodo -', place: 'KOBE', region: null, country: 'Japan', date: '2017-03-10', credit: 'Kyodo' },
      body: [
        [5, 'Ferry service to the island resumed on Friday after a week of storms, the operator said.'],
        [7, 'The first boat left Kobe at 7 a.m. with 40 passengers.'],
      ],
      signoffs: [
        ['==Kyodo', ['Kyodo'], [], null, null, null],
        ['KWS-09:15-10-03-17', [], ['KWS'], '2017-03-10', '09:15', null],
      ],
      // Kyodo names no time zone.
      versionCreated: null,
      labels: {
        service: 'a',
        'story-number': '0200',
        provider: 'KYODO',
        selector: 'koko-',
        priority: 'u',
        category: 's',
        format: 'tabular',
        'format-codes': 'DC4 DC2',
        keyword: 'BC-Invented-Ferry',
        'filing-date': '10-03',
        'word-count': '0120',
        transmission: 'KWS-09:15-10-03-17',
        'keyword-line': 'BC-Invented-Ferry',
      },
    },
  );
});

test('gives one story per message when a file holds several, each with its own line', () => {
  const joined = Buffer.concat([fixtures.get('ap-story.tst')!, Buffer.from('\r\n'), fixtures.get('ap-story-writethru.tst')!]);
  const stories = anpa1312.parse(new SourceFile(joined, { name: 'both.tst' }));
  assertValid(stories);
  assert.deepEqual(
    stories.map((story) => [story.source.line, story.version, story.body[0]!.line]),
    [
      [1, null, 8],
      [16, '1stLd-Writethru', 23],
    ],
  );
});

test('reads version words: corrections correct, kills cancel', () => {
  const message = (version: string) =>
    `\x16\x16\x01a0600\x1f-----\nr a\x13\x11 BC-US--Invented-Bridge ${version}   03-15 0100\r\n\x02^BC-US--Invented-Bridge, ${version}<\r\n^Bridge headline<\r\n\t   SPRINGFIELD, Ill. (AP) _ Words.\r\n\x03AP-WF-03-15-17 0900GMT<\r\n\x04`;
  const facts = parseText(message('Correction') + message('Kill') + message('2ndLd')).map((story) => [story.version, story.signal, story.status]);
  assert.deepEqual(facts, [
    ['Correction', 'correction', 'usable'],
    ['Kill', 'kill', 'canceled'],
    ['2ndLd', 'update', 'usable'],
  ]);
});

test('warns about damaged framing and reads what is there', () => {
  const text = '\x16\x16\x01a0700\x1f-----\nnot a header\r\n\x02^BC-US--Invented<\r\n^Headline of a cut story<\r\n\t   SPRINGFIELD, Ill. (AP) _ The line went dead';
  const [story] = parseText(text);
  assert.equal(story!.headline, 'Headline of a cut story');
  assert.deepEqual(
    story!.diagnostics.map((diagnostic) => diagnostic.rule),
    ['anpa/no-etx', 'anpa/no-eot', 'anpa/bad-header'],
  );
  assert.equal(story!.slug, 'BC-US--Invented');
});

test('fails, naming the way out, on input with no ANPA message', () => {
  const cases: [string, RegExp][] = [
    ['WASHINGTON (AP) _ Plain copy.\n', /found neither \(plain copy\? try --from wire-text\)/],
    ['\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany/\r\n\x02Headline =\r\n\r\nText.\r\n\x03\x04', /try --from iptc-7901/],
    ['\x16\x16\x01a0800\x1f-----\nr a\x13\x11 BC-X   11-13 0001\r\n\x02\r\n\x03\x04', /found 1 message\(s\) but no headline or text in any/],
  ];
  for (const [text, expected] of cases) {
    assert.throws(
      () => anpa1312.parse(new SourceFile(Buffer.from(text, 'latin1'), { name: 'odd.tst' })),
      (error: unknown) => error instanceof ParseError && error.reader === 'anpa-1312' && /^Cannot parse `odd\.tst` as anpa-1312: expected SOH|^Cannot parse `odd\.tst` as anpa-1312: found/.test(error.message) && expected.test(error.message),
    );
  }
});

test('reads service lines, header lines, keyword lines and agate rows by the grammar', () => {
  assert.deepEqual(readServiceLine('a0105KYODO\x1fkoko-'), { service: 'a', number: '0105', provider: 'KYODO', selector: 'koko-' });
  assert.equal(readServiceLine('eca062 4 i 211'), null);
  assert.deepEqual(readHeaderLine('r a\x13\x11 BC-US--Ethanol-LosingGra 1stLd-Writethru   11-13 1693'), {
    priority: 'r',
    category: 'a',
    format: 'text',
    formatCodes: 'DC3 DC1',
    keyword: 'BC-US--Ethanol-LosingGra',
    version: '1stLd-Writethru',
    reference: null,
    date: '11-13',
    words: '1693',
  });
  assert.deepEqual(readHeaderLine('r s\x14\x12 BC-BBO--WildCardGlance     08-18 ')?.words, null);
  assert.deepEqual(readKeywordLine('BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140'), {
    keyword: 'BC-US--Ethanol-Losing Grassland',
    version: '1st Ld-Writethru',
    words: '1140',
  });
  assert.deepEqual(readKeywordLine('BC-WEA--Global Weather-Fahrenheit,'), { keyword: 'BC-WEA--Global Weather-Fahrenheit', version: null, words: null });
  assert.equal(readAgateRow('\bMiami;21;17;.553;2;{;5-5\x10 '), 'Miami\t21\t17\t.553\t2\t½\t5-5');
  assert.equal(readAgateRow('\t   Amsterdam;42;50;rn;0.08<'), 'Amsterdam\t42\t50\trn\t0.08');
  assert.equal(readAgateRow('\t   He came; he saw; he left.'), null, 'prose with semicolons is no row');
  assert.deepEqual(
    ['1stLd-Writethru', '3rdLd-Writethru', '1st Ld-Writethru', 'Correction', 'Advisory', '2ndAdd'].map(signalOfVersion),
    ['update', 'update', 'update', 'correction', null, 'update'],
  );
});

test('never crashes on arbitrary bytes: valid stories, or a ParseError with diagnostics', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      try {
        assertValid(anpa1312.parse(new SourceFile(bytes, { name: 'random.bin' })));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
        assert.ok(error.diagnostics.length > 0);
      }
    }),
    { numRuns: 300 },
  );
});

const framingPiece = fc.oneof(
  fc.constantFrom('\x16\x16\x01', '\x01', '\x02', '\x03', '\x04', '\x0c', '\x1f', '\x1e', '\b', '\x10', '\r\n', '\n', '<', '=', '^', '\t   ', ';', '{'),
  fc.constantFrom('W2870\x1fasian\n', 'a0105KYODO\x1fkoko-', 'r a\x13\x11 BC-US--X 1stLd-Writethru   11-13 1693', 'u s\x14\x12 BC-Y   09-12 0344'),
  fc.constantFrom('^BC-US--X, 1st Ld-Writethru,416<', '^By JANE DOE=', '^Eds: Note.<', 'AP-WF-11-13-13 1509GMT<', 'KWS-21:37-09-12-18', '==Kyodo', 'Headline+'),
  fc.constantFrom('\t   ATLANTA (AP) _ Words of a story.', '\bTampa\x10 Bay;17;19;3{', '\b^\x1f\x1e W\x1e \x1e L'),
  fc.string({ maxLength: 40 }),
);

test('never crashes on framing in any order: valid stories, or a ParseError', () => {
  fc.assert(
    fc.property(fc.array(framingPiece, { maxLength: 60 }), (pieces) => {
      try {
        assertValid(anpa1312.parse(new SourceFile(Buffer.from(pieces.join(''), 'latin1'), { name: 'random.tst' })));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
      }
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------------------
// The real ANPA 1312 files in ../shared/data, read in place

interface Expected {
  slug: string;
  guid: string;
  priority: Story['priority'];
  version: string | null;
  signal: Story['signal'];
  headline: string;
  byline: string | null;
  place: string | null;
  versionCreated: string | null;
  /** The first words of the first paragraph. */
  words: string;
}

/** What each real file must give: checked by eye against the file. */
const realFiles: Record<string, Expected> = {
  'agency/core/anpa-1.tst': {
    slug: 'BC-LT--Argentina-CancerB',
    guid: 'AP:W2870',
    priority: 'flash',
    version: null,
    signal: null,
    headline: 'For Argentine chemo patients, mirrors can hurt',
    byline: 'By PAUL BYRNE and ALMUDENA CALATRAVA',
    place: 'BUENOS AIRES',
    versionCreated: '2013-11-13T15:09:00Z',
    words: 'For cancer patients dealing with the physical',
  },
  'agency/core/anpa-2.tst': {
    slug: 'BC-US--Ethanol-LosingGra',
    guid: 'AP:W2607',
    priority: 'routine',
    version: '1stLd-Writethru',
    signal: 'update',
    headline: 'Prairies vanish in the US push for green energy',
    byline: 'By CHET BROKAW and JACK GILLUM',
    place: 'ROSCOE',
    versionCreated: '2013-11-13T07:45:00Z',
    words: 'Robert Malsam nearly went broke in the 1980s',
  },
  'agency/core/anpa-3.tst': {
    slug: 'BC-WEA--GlobalWeather-Fa',
    guid: 'AP:W2595',
    priority: 'urgent',
    version: null,
    signal: null,
    // No headline line: the keyword's words stand in.
    headline: 'Global Weather-Fahrenheit',
    byline: null,
    place: 'NEW YORK',
    versionCreated: '2013-11-13T07:13:00Z',
    words: 'Minimum and maximum temperatures in Fahrenheit',
  },
  'agency/core/anpa-4.tst': {
    slug: 'AP-Top-Entertainment-Hea',
    guid: 'AP:V4644',
    priority: 'routine',
    version: null,
    signal: null,
    headline: 'AP Top Entertainment News at 11:23 p.m. EST',
    byline: null,
    place: null,
    versionCreated: '2016-02-10T04:23:00Z',
    words: 'Ex-bodyguard testifies about lewd messages',
  },
  'agency/core/ap_anpa-1.tst': {
    slug: 'BC-BKN--Heat-Hawks',
    guid: 'AP:z6715',
    priority: 'routine',
    version: '1stLd-Writethru',
    signal: 'update',
    headline: 'Deng has 30 points, short-handed Heat beat Hawks 115-111',
    byline: 'By CHARLES ODUM',
    place: 'ATLANTA',
    versionCreated: '2016-02-20T03:37:00Z',
    words: 'Luol Deng scored 30 points and Josh McRoberts',
  },
  'agency/core/ap_anpa-2.tst': {
    slug: 'BC-BBO--BaseballExpanded',
    guid: 'AP:z9631',
    priority: 'routine',
    version: null,
    signal: null,
    headline: 'Baseball Expanded Standings',
    byline: 'By The Associated Press',
    place: null,
    versionCreated: '2016-05-17T06:20:00Z',
    words: 'All Times EDT',
  },
  'agency/core/ap_anpa-3.tst': {
    slug: 'BC-US--GiantLobsterDeath',
    guid: 'AP:G7787',
    priority: 'routine',
    version: '1stLd-Writethru',
    signal: 'update',
    headline: '$210 lobster is found dead',
    byline: null,
    place: 'CHATHAM',
    versionCreated: '2016-08-29T16:26:00Z',
    words: 'A lobster died.',
  },
  'agency/core/ap_anpa-4.tst': {
    slug: 'BC-AS--China-DaringEscap',
    guid: 'AP:W2346',
    priority: 'routine',
    version: '3rdLd-Writethru',
    signal: 'update',
    headline: "AP Exclusive: China lawyer's family says US helped them flee",
    byline: 'By GERRY SHIH',
    place: 'BEIJING',
    versionCreated: '2017-05-09T00:56:00Z',
    words: 'Stuck in a Bangkok jail with a deportation order',
  },
  'agency/core/ap_anpa-5.tst': {
    slug: 'BC-US--APNewsAlert',
    guid: 'AP:W1645',
    priority: 'bulletin',
    version: null,
    signal: null,
    // An alert: its one paragraph is the headline.
    headline: "Hawaii files court challenge to Trump administration's definition of close U.S. relationship needed to avoid travel ban.",
    byline: null,
    place: 'HONOLULU',
    versionCreated: '2017-06-29T23:50:00Z',
    words: 'Hawaii files court challenge',
  },
  'agency/core/ap_anpa-6.tst': {
    slug: 'BC-BBO--WildCardGlance',
    guid: 'AP:s0284',
    priority: 'routine',
    version: null,
    signal: null,
    headline: 'Wild Card Glance',
    byline: 'By The Associated Press',
    place: null,
    versionCreated: '2019-08-18T20:17:00Z',
    words: 'All Times EDT',
  },
  'agency/core/ap_anpa-7.tst': {
    slug: 'BC-10ThingstoKnow-Today',
    guid: 'AP:W2422',
    priority: 'routine',
    version: null,
    signal: null,
    headline: '10 Things to Know for Today',
    byline: 'By The Associated Press',
    place: null,
    versionCreated: '2019-09-04T10:29:00Z',
    words: 'Your daily look at late-breaking news',
  },
  'agency/belga/kyodo.txt': {
    slug: "BC-Soccer-Emperor's-Cup",
    guid: 'Kyodo:a0105',
    priority: 'urgent',
    version: null,
    signal: null,
    headline: "Soccer: Urawa Reds claim 7th Emperor's Cup by beating Vegalta Sendai",
    byline: null,
    place: 'SAITAMA',
    versionCreated: null,
    words: "Urawa Reds claimed their seventh Emperor's Cup",
  },
};

for (const [relative, expected] of Object.entries(realFiles)) {
  test(`reads the real ${relative} into one story with its slug, version, headline and dateline`, { skip: skipWithout(relative) }, () => {
    const file = new SourceFile(readFileSync(sharedPath(relative)!), { name: relative });
    assert.ok(anpa1312.sniff(file).score >= 0.9);
    const stories = anpa1312.parse(file);
    assertValid(stories);
    assert.equal(stories.length, 1);
    const story = stories[0]!;
    assert.ok(story.headline && story.headline.length > 0);
    assert.ok(story.body.length > 0);
    assert.deepEqual(
      {
        slug: story.slug,
        guid: story.guid,
        priority: story.priority,
        version: story.version,
        signal: story.signal,
        headline: story.headline,
        byline: story.byline?.text ?? null,
        place: story.dateline?.place ?? null,
        versionCreated: story.versionCreated,
        words: story.body[0]!.text.slice(0, expected.words.length),
      },
      expected,
    );
    // No framing or typesetting code in any text of the story.
    const texts = [story.headline, story.summary ?? '', ...story.body.map((block) => block.text), ...story.notes, ...story.signoffs.map((signoff) => signoff.text)];
    // eslint-disable-next-line no-control-regex
    for (const text of texts) assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]|[<=]$|^\^/);
    assert.deepEqual(story.damage.filter((damage) => damage.kind === 'control-characters'), []);
  });
}

test('reads the real AP writethru anpa-2.tst with its notes, byline title and keyword line', { skip: skipWithout('agency/core/anpa-2.tst') }, () => {
  const story = anpa1312.parse(new SourceFile(readFileSync(sharedPath('agency/core/anpa-2.tst')!), { name: 'anpa-2.tst' }))[0]!;
  assert.deepEqual(
    {
      byline: story.byline,
      notes: story.notes,
      keywordLine: story.source.labels['keyword-line'],
      signoffs: story.signoffs.map((signoff) => [signoff.text, signoff.date, signoff.time, signoff.zone]),
      diagnostics: story.diagnostics,
    },
    {
      byline: { text: 'By CHET BROKAW and JACK GILLUM', names: ['CHET BROKAW', 'JACK GILLUM'], title: 'Associated Press' },
      notes: [
        'AP Photo SDDD101, SDDD102, GFX0456',
        'Restores reference in 3rd paragraph to years when fuel became No. 1 use for corn. Adds video link. With AP Photos. AP Video. For global distribution',
        'This is part of an Associated Press investigation into the hidden costs of green energy.',
      ],
      keywordLine: 'BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140',
      signoffs: [['AP-WF-11-13-13 0745GMT', '2013-11-13', '07:45', 'GMT']],
      diagnostics: [],
    },
  );
});

test('reads the real agate of ap_anpa-6.tst as tables with their halves, and López in ISO 8859-1', { skip: skipWithout('agency/core/ap_anpa-6.tst') }, () => {
  const story = anpa1312.parse(new SourceFile(readFileSync(sharedPath('agency/core/ap_anpa-6.tst')!), { name: 'ap_anpa-6.tst' }))[0]!;
  const tables = story.body.filter((block) => block.kind === 'preformatted');
  assert.equal(tables.length, 2);
  assert.deepEqual(tables[0]!.text.split('\n').slice(0, 3), ['\tW\tL\tPct\tWCGB', 'Tampa Bay\t73\t52\t.584\t_', 'Cleveland\t73\t51\t.589\t_']);
  assert.ok(tables[1]!.text.includes('San Francisco\t63\t61\t.508\t2½'));
  assert.equal(story.source.encoding, 'iso-8859-1');
  assert.ok(story.body.some((block) => block.text === 'Kansas City (López 1-7) at Baltimore (Means 8-8), 7:05 p.m.'));
  assert.deepEqual(story.summary, null);
});
