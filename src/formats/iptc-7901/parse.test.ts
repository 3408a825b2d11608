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
import { readHeaderLine, readKeywords, readSignoffLine, readTimeLine, signalOfVersion } from './grammar.js';
import * as api from './parse.js';
import { iptc7901 } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';

// Every story in the fixtures is invented; only the framing follows IPTC 7901 and dpa's
// and ATS's practice as their real files show it.


function assertValid(stories: Story[]): void {
  for (const story of stories) assert.ok(validate(story), JSON.stringify(validate.errors, null, 2));
}

const receivedAt = '2024-05-06T07:08:09.000Z';

function parseBytes(bytes: Uint8Array, name = 'message.txt'): { stories: Story[]; file: SourceFile } {
  const file = new SourceFile(bytes, { name, receivedAt });
  const stories = iptc7901.parse(file);
  assertValid(stories);
  return { stories, file };
}

const fixtures = buildFixtures();

function fixture(name: string): Buffer {
  const bytes = fixtures.get(name);
  assert.ok(bytes, `no fixture ${name}`);
  return bytes;
}

function sha(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** A message in dpa's layout from its lines; `\x01` … `\x04` written where they go. */
function message(header: string, keywords: string, head: string, text: string, time = '131137 GMT Nov 13'): string {
  return `\x01${header}\r\n\r\n${keywords}\r\n\x02${head}\r\n\r\n${text}\r\n\x03${time}\r\n\x7f\r\n\x7f\x04`;
}

test('exports the reader, its sniffer and its parser, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['iptc7901', 'parseIptc7901', 'sniffIptc7901']);
  assert.equal(iptc7901.id, 'iptc-7901');
});

test('keeps the fixture files exactly as build.ts makes them', () => {
  for (const [name, bytes] of fixtures) {
    assert.deepEqual(readFileSync(new URL(`fixtures/${name}`, import.meta.url)), bytes, `fixtures/${name} differs: run fixtures/build.ts`);
  }
});

test('sniffs SOH with a 7901 header line, the header shape without framing, and nothing else', () => {
  const sniff = (bytes: Uint8Array | string) => iptc7901.sniff(new SourceFile(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes, { name: 'x' })).score;
  assert.equal(sniff(fixture('dpa-lead.txt')), 1);
  assert.equal(sniff(fixture('latin1-ats.txt')), 1, 'DEL fill before SOH');
  assert.equal(sniff('\x01eca062 4 i 211 ccccb   dpa 061\r\n\r\nGermany-politics/\r\n'), 0.8);
  assert.equal(sniff(fixture('unframed.txt')), 0.7);
  // ANPA 1312 (SOH, then a service letter and four digits), plain copy, a header line alone.
  assert.equal(sniff('\x16\x16\x01W2870\x1fasian\nr a\x13\x11 BC-US--Invented   11-13 0412\r\n\x02text\x03'), 0);
  assert.equal(sniff('BERLIN, March 3 (dpa) - Talks went on.\n'), 0);
  assert.equal(sniff('eca062 4 i 211\n\nSome words.\n'), 0);
});

test('reads a dpa message: header, keywords, version, headline without ` =`, byline, dateline, notebook, sign-off, time', () => {
  const bytes = fixture('dpa-lead.txt');
  const { stories } = parseBytes(bytes, 'dpa-lead.txt');
  assert.deepStrictEqual(stories, [
    {
      id: sha(bytes),
      source: {
        format: 'iptc-7901',
        file: 'dpa-lead.txt',
        receivedAt,
        encoding: 'utf-8',
        line: 1,
        labels: {
          header: 'eca123 2 i 154 ccccb   dpa 121',
          source: 'eca',
          'message-number': '123',
          priority: '2',
          category: 'i',
          'word-count': '154',
          optional: 'ccccb   dpa 121',
          keywords: ['Invented-politics/Harbour/'],
          'time-line': '211430 GMT Mar 17',
        },
      },
      slug: 'Invented-politics',
      takes: [],
      priority: 'bulletin',
      version: '1ST LEAD',
      guid: null,
      revision: null,
      firstCreated: null,
      versionCreated: '2017-03-21T14:30:00Z',
      urgency: 2,
      headline: 'Harbour city votes to close its old ferry line',
      summary: null,
      byline: { text: 'By Anna Beispiel, dpa', names: ['Anna Beispiel'], title: 'dpa' },
      dateline: { text: 'Hamburg (dpa) -', place: 'Hamburg', region: null, country: null, date: null, credit: 'dpa' },
      credits: ['dpa'],
      notes: ['Note to editors: adds vote count in para 2', 'dpa Contacts: Reporting by: Anna Beispiel; Editing by: Otto Muster'],
      subjects: [],
      keywords: ['Invented-politics', 'Harbour'],
      body: [
        {
          kind: 'paragraph',
          text: 'The city council of Hamburg voted on Tuesday to close the old ferry line across the harbour at the end of the year, a spokeswoman said.',
          line: 8,
          take: 1,
        },
        {
          kind: 'paragraph',
          text: 'The ferry has run since 1901 and carried some 200 passengers a day in its last season, the council said.',
          line: 12,
          take: 1,
        },
      ],
      signoffs: [{ kind: 'signoff', text: 'dpa ab om', agencies: ['dpa'], initials: ['ab', 'om'], time: null, zone: null, date: null, line: 27 }],
      status: 'usable',
      signal: 'update',
      embargo: null,
      language: null,
      damage: [],
      diagnostics: [],
    },
  ]);
});

test('gives one story per message, each with its own line, id, priority words and notices', () => {
  const bytes = fixture('two-messages.txt');
  const { stories } = parseBytes(bytes);
  const text = bytes.toString('latin1');
  const second = text.indexOf('\x01', 10);
  assert.deepEqual(
    stories.map((story) => ({
      id: story.id,
      line: story.source.line,
      headline: story.headline,
      urgency: story.urgency,
      priority: story.priority,
      version: story.version,
      signal: story.signal,
      notes: story.notes,
      word: story.source.labels['priority-word'] ?? null,
      body: story.body.map((block) => [block.line, block.text]),
    })),
    [
      {
        id: sha(text.slice(text.indexOf('\x01'), text.indexOf('\x04') + 1)),
        line: 2,
        headline: 'Strong earthquake shakes invented island',
        urgency: 1,
        priority: 'flash',
        version: null,
        signal: null,
        notes: [],
        word: 'EILT',
        body: [[8, 'A strong earthquake shook the island on Friday, the weather service said.']],
      },
      {
        id: sha(text.slice(second, text.lastIndexOf('\x04') + 1)),
        line: 14,
        headline: 'Notice to editors',
        urgency: 4,
        priority: 'routine',
        version: 'REFILE',
        signal: 'correction',
        notes: ['Achtung'],
        word: null,
        body: [[21, 'The service will be quiet for five minutes tonight for maintenance.']],
      },
    ],
  );
  for (const story of stories) assert.deepEqual(story.diagnostics, []);
});

test('decodes ISO 8859-1 copy and says so, with a kicker above the headline and an ATS sign-off', () => {
  const { stories } = parseBytes(fixture('latin1-ats.txt'));
  const story = stories[0]!;
  assert.deepEqual(
    {
      encoding: story.source.encoding,
      headline: story.headline,
      kicker: story.source.labels.kicker,
      slug: story.slug,
      body: story.body.map((block) => block.text),
      signoffs: story.signoffs.map((signoff) => [signoff.text, signoff.agencies, signoff.initials]),
      versionCreated: story.versionCreated,
      timeLine: story.source.labels['time-line'],
      diagnostics: story.diagnostics,
    },
    {
      encoding: 'iso-8859-1',
      headline: 'Zurich: la «grande fête» des banques',
      kicker: ['Economie'],
      slug: 'Suisse',
      body: ['Les banques zurichoises ont fêté dimanche leur année record, a déclaré leur association.'],
      signoffs: [['(ATS\\/xy)', ['ATS'], ['xy']]],
      versionCreated: null,
      timeLine: '091223 dec 18',
      diagnostics: [
        {
          severity: 'info',
          rule: 'encoding/iso-8859-1',
          message: 'byte 63 (0xab) is not UTF-8; none lies in 0x80–0x9F: decoded as ISO-8859-1 (Latin-1), the 8-bit set of Western European agency copy',
          place: { line: 6, column: 12 },
          source: 'iptc-7901',
        },
        {
          severity: 'info',
          rule: 'iptc7901/time-zone',
          message: 'the time line `091223 dec 18` names no time zone: the version time is left empty',
          place: { line: 13 },
          source: 'iptc-7901',
        },
      ],
    },
  );
});

test('decodes typographic quotes in 0x80–0x9F as Windows-1252', () => {
  const story = parseBytes(fixture('windows-1252.txt')).stories[0]!;
  assert.deepEqual(
    [story.source.encoding, story.body[0]!.text, story.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.place])],
    ['windows-1252', 'The minister called the plan “a success” on Monday.', [['encoding/windows-1252', { line: 6, column: 46 }]]],
  );
});

test('decodes 7-bit German copy (DIN 66003) with its umlauts, and reads a zone the time line names', () => {
  const story = parseBytes(fixture('din-66003.txt')).stories[0]!;
  assert.deepEqual(
    {
      encoding: story.source.encoding,
      slug: story.slug,
      keywords: story.keywords,
      headline: story.headline,
      body: story.body.map((block) => block.text),
      versionCreated: story.versionCreated,
      rules: story.diagnostics.map((diagnostic) => diagnostic.rule),
    },
    {
      encoding: 'iso-646-de',
      slug: 'Köln',
      keywords: ['Köln', 'Brücke'],
      headline: 'Köln sperrt alte Brücke',
      body: ['Die Stadt Köln sperrt die alte Brücke an der Hafenstraße für den Verkehr, sagte ein Sprecher am Montag.'],
      versionCreated: '1996-02-05T10:10:00+01:00',
      rules: ['encoding/iso-646-de'],
    },
  );
});

test('reads a message whose control characters were lost, by the shape of its lines, and warns', () => {
  const story = parseBytes(fixture('unframed.txt')).stories[0]!;
  assert.deepEqual(
    {
      slug: story.slug,
      keywords: story.keywords,
      version: story.version,
      signal: story.signal,
      headline: story.headline,
      byline: story.byline,
      dateline: story.dateline?.text,
      body: story.body.map((block) => [block.line, block.text]),
      signoffs: story.signoffs.map((signoff) => signoff.text),
      versionCreated: story.versionCreated,
      rules: story.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.rule]),
    },
    {
      slug: 'Invented-court',
      keywords: ['Invented-court', 'Ruling'],
      version: '2ND LEAD',
      signal: 'update',
      headline: 'Court rules on invented case',
      byline: { text: 'By Karl Probe, dpa', names: ['Karl Probe'], title: 'dpa' },
      dateline: 'Luxembourg (dpa) -',
      body: [[8, 'The court ruled on Monday that the invented case may go ahead.']],
      signoffs: ['dpa kp'],
      versionCreated: '2018-12-10T11:37:00Z',
      rules: [['warn', 'iptc7901/no-framing']],
    },
  );
});

test('reads a message cut short, warning of the missing ETX and EOT and flagging the damage', () => {
  const story = parseBytes(fixture('cut-short.txt')).stories[0]!;
  assert.equal(story.headline, 'Transmission stops mid-story');
  assert.deepEqual(
    story.damage.map((damage) => [damage.kind, damage.block]),
    [
      ['control-characters', 0],
      ['truncated', 0],
    ],
  );
  assert.deepEqual(
    story.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.place]),
    [
      ['iptc7901/no-etx', { line: 1 }],
      ['iptc7901/no-eot', { line: 1 }],
      ['damage/control-characters', { line: 6, block: 0 }],
      ['damage/truncated', { line: 6, block: 0 }],
    ],
  );
});

test('takes the head up to its first blank line when no line ends with `=`', () => {
  const text = message('abc001 5 i 20', 'Invented/', 'UPDATE\r\nInvented headline without an end mark', 'Bonn (xyz) - Words of the story follow here.');
  const story = parseBytes(Buffer.from(text, 'latin1')).stories[0]!;
  assert.deepEqual(
    [story.version, story.headline, story.body.map((block) => block.text)],
    ['UPDATE', 'Invented headline without an end mark', ['Words of the story follow here.']],
  );
});

test('reads a message whose header line is damaged, keeping the line as a label, and warns', () => {
  const good = message('abc001 5 i 20', 'Invented/', 'First headline =', 'Bonn (dpa) - Words.');
  const damaged = message('abc0O2 S i 2O', 'Invented/', 'Second headline =', 'Bonn (dpa) - More words.');
  const story = parseBytes(Buffer.from(`${good}\r\n${damaged}`, 'latin1')).stories[1]!;
  assert.deepEqual([story.headline, story.urgency, story.priority, story.source.labels.header], ['Second headline', null, null, 'abc0O2 S i 2O']);
  assert.deepEqual(story.diagnostics, [
    {
      severity: 'warn',
      rule: 'iptc7901/bad-header',
      message: 'expected the header line after SOH (source letters and message number, priority 1–9, category, word count: `eca062 4 i 211`), found `abc0O2 S i 2O`; the message is read without it',
      place: { line: 10 },
      source: 'iptc-7901',
    },
  ]);
});

test('fails, naming the way out, on input with no 7901 message', () => {
  const cases: [string, RegExp][] = [
    ['BERLIN (dpa) - Plain copy.\n', /expected SOH followed by an IPTC 7901 header line .*found no SOH \(plain copy\? try --from wire-text\)/],
    ['\x16\x16\x01W2870\x1fasian\nr a\x13\x11 BC-X   11-13 0412\r\n\x02text\x03', /found SOH followed by `W2870asian` \(it has ANPA 1312 framing: try --from anpa-1312\)/],
    ['\x01eca001 4 i 0\r\n\r\nEmpty/\r\n\x02\r\n\x03\x04', /found 1 message\(s\) but no headline or text in any/],
  ];
  for (const [text, expected] of cases) {
    const file = new SourceFile(Buffer.from(text, 'latin1'), { name: 'odd.txt' });
    assert.throws(
      () => iptc7901.parse(file),
      (error: unknown) => error instanceof ParseError && error.reader === 'iptc-7901' && /^Cannot parse `odd\.txt`(?: \(line \d+\))? as iptc-7901: /.test(error.message) && expected.test(error.message),
    );
  }
});

test('reads header lines, keywords, time lines and sign-offs by the grammar', () => {
  assert.deepEqual(readHeaderLine('bkn014 4 pl 171 vvvvb KNA 170123-89-00065#2'), {
    source: 'bkn',
    number: '014',
    priority: 4,
    category: 'pl',
    words: '171',
    optional: 'vvvvb KNA 170123-89-00065#2',
  });
  assert.equal(readHeaderLine('a0105KYODO\x1fkoko-'), null);
  assert.deepEqual(readKeywords('/politics/Britain/EU/'), ['politics', 'Britain', 'EU']);
  assert.deepEqual(readTimeLine('131137 GMT Nov 13'), { date: '2013-11-13', time: '11:37', zone: 'GMT', instant: '2013-11-13T11:37:00Z' });
  assert.deepEqual(readTimeLine('071341 GMT Okt 15'), { date: '2015-10-07', time: '13:41', zone: 'GMT', instant: '2015-10-07T13:41:00Z' });
  assert.deepEqual(readTimeLine('101137 MESZ Mär 98'), { date: '1998-03-10', time: '11:37', zone: 'MESZ', instant: '1998-03-10T11:37:00+02:00' });
  assert.deepEqual(readTimeLine('091223 déc 18'), { date: '2018-12-09', time: '12:23', zone: null, instant: null });
  assert.equal(readTimeLine('311137 GMT Feb 13'), null, 'no 31 February');
  assert.equal(readTimeLine('132537 GMT Nov 13'), null, 'no hour 25');
  assert.equal(readTimeLine('131137 GMT Nov'), null, 'no year');
  assert.deepEqual(readSignoffLine('dpa wsz jln npr', 9), {
    kind: 'signoff',
    text: 'dpa wsz jln npr',
    agencies: ['dpa'],
    initials: ['wsz', 'jln', 'npr'],
    time: null,
    zone: null,
    date: null,
    line: 9,
  });
  assert.deepEqual(readSignoffLine('(ats/afp/xy)', 3)?.agencies, ['ats', 'afp']);
  assert.equal(readSignoffLine('the end of it', 3), null, 'no agency, no sign-off');
  assert.deepEqual(
    ['1ST LEAD', 'REFILE 1ST LEAD', 'CORRECTION', 'EXTRA', '3RD NET'].map(signalOfVersion),
    ['update', 'correction', 'correction', null, 'update'],
  );
});

test('never crashes on arbitrary bytes: valid stories, or a ParseError with diagnostics', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const file = new SourceFile(bytes, { name: 'random.bin' });
      try {
        assertValid(iptc7901.parse(file));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
        assert.ok(error.diagnostics.length > 0);
      }
    }),
    { numRuns: 300 },
  );
});

const framingPiece = fc.oneof(
  fc.constantFrom('\x01', '\x02', '\x03', '\x04', '\x7f', '\r\n', '\n', '\r', ' =', '/', '\t', '# Notebook', 'dpa ab cd'),
  fc.constantFrom('eca062 4 i 211 ccccb   dpa 061', 'x9 0 a 1', '131137 GMT Nov 13', 'By A B, dpa =', '1ST LEAD', '(Achtung)'),
  fc.constantFrom('Berlin (dpa) - Words of a story.', '## dpa Contacts', '- Reporting by: X', 'The following information is not for publication'),
  fc.string({ maxLength: 40 }),
);

test('never crashes on framing in any order: valid stories, or a ParseError', () => {
  fc.assert(
    fc.property(fc.array(framingPiece, { maxLength: 60 }), (pieces) => {
      const file = new SourceFile(Buffer.from(pieces.join(''), 'latin1'), { name: 'random.txt' });
      try {
        assertValid(iptc7901.parse(file));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
      }
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------------------
// The real IPTC 7901 files in ../shared/data, read in place

/** What each real file must give: checked by eye against the file. */
const realFiles: Record<string, Partial<Story> & { encoding: string; words: string; place: string | null }> = {
  'agency/core/IPTC7901.txt': {
    encoding: 'utf-8',
    slug: 'Germany-politics',
    headline: 'Germany Social Democrats: Coalition talks with Merkel could fail',
    urgency: 4,
    priority: 'routine',
    version: null,
    versionCreated: '2013-11-13T11:37:00Z',
    place: 'Berlin',
    words: 'Negotiations between German conservatives headed by',
  },
  'agency/core/IPTC7901_odd_charset.txt': {
    encoding: 'iso-8859-1',
    slug: 'Germany-football',
    headline: 'German football saddened by illness to striker legend Mueller',
    urgency: 3,
    priority: 'urgent',
    version: '1ST LEAD',
    versionCreated: '2015-10-07T13:41:00Z',
    place: 'Munich',
    words: 'German football generations past and present on',
  },
  'agency/core/dpa_copyright.txt': {
    encoding: 'utf-8',
    slug: 'Impressum',
    headline: 'Impressum',
    urgency: 4,
    priority: 'routine',
    version: null,
    versionCreated: '2017-06-24T22:00:00Z',
    place: null,
    words: 'ryryryry copyright by dpa',
  },
  'agency/core/dpa_four_line.txt': {
    encoding: 'iso-8859-1',
    slug: 'Switzerland',
    headline: 'Switzerland joins list of countries resisting UN migration pact',
    urgency: 3,
    priority: 'urgent',
    version: 'REFILE 1ST LEAD',
    versionCreated: '2018-11-21T23:22:00Z',
    place: 'Geneva',
    words: 'Switzerland is joining a growing number of countries',
  },
  'agency/core/dpa_two_by_line.txt': {
    encoding: 'utf-8',
    slug: 'American Football',
    headline: "Chiefs-Rams 2.0? Would be a fun Super Bowl, but don't count on it",
    urgency: 4,
    priority: 'routine',
    version: null,
    versionCreated: null,
    place: 'San Diego',
    words: "History says this wasn't a Super Bowl preview",
  },
  'agency/core/dpa_two_line.txt': {
    encoding: 'utf-8',
    slug: 'Yemen',
    headline: 'Peace talks on Yemen to take place in Sweden next month, Mattis says',
    urgency: 3,
    priority: 'urgent',
    version: 'EXTRA',
    versionCreated: '2018-11-21T21:01:00Z',
    place: 'Washington',
    words: 'US Defence Secretary Jim Mattis says he expects',
  },
  'agency/belga/ats.txt': {
    encoding: 'iso-8859-1',
    slug: 'France',
    headline: 'Gilets jaunes: une «catastrophe pour notre économie» (Le Maire)',
    urgency: 3,
    priority: 'urgent',
    version: null,
    versionCreated: null,
    // ATS writes its dateline with no dash (`Paris (ats afp) Les …`): the credit closes it.
    place: 'Paris',
    words: 'Les violences liées aux manifestations des «gilets jaunes» sont une «catas',
  },
  'agency/belga/dpa.txt': {
    encoding: 'utf-8',
    slug: 'politics',
    headline: 'Top EU court: Britain can unilaterally reverse Brexit decision',
    urgency: 3,
    priority: 'urgent',
    version: '2ND LEAD 3RD NET',
    versionCreated: '2018-12-10T11:37:00Z',
    place: 'Luxembourg',
    words: 'Britain could unilaterally decide not to leave the',
  },
};

for (const [relative, expected] of Object.entries(realFiles)) {
  test(`reads the real ${relative} into one story with its headline, slug, urgency and dateline`, { skip: skipWithout(relative) }, () => {
    const path = sharedPath(relative)!;
    const file = new SourceFile(readFileSync(path), { name: relative });
    assert.ok(iptc7901.sniff(file).score >= 0.7);
    const stories = iptc7901.parse(file);
    assertValid(stories);
    assert.equal(stories.length, 1);
    const story = stories[0]!;
    assert.ok(story.headline && story.headline.length > 0);
    assert.ok(story.body.length > 0);
    assert.doesNotMatch(story.headline, /=\s*$/, 'the ` =` that ends the head is no part of the headline');
    assert.deepEqual(
      {
        encoding: story.source.encoding,
        slug: story.slug,
        headline: story.headline,
        urgency: story.urgency,
        priority: story.priority,
        version: story.version,
        versionCreated: story.versionCreated,
        place: story.dateline?.place ?? null,
        words: story.body[0]!.text.slice(0, expected.words.length),
      },
      expected,
    );
    // No framing character and no mojibake in any text of the story.
    const texts = [story.headline, ...story.body.map((block) => block.text), ...story.notes, ...story.signoffs.map((signoff) => signoff.text)];
    // eslint-disable-next-line no-control-regex
    for (const text of texts) assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]|Ã|Â/);
  });
}

test('reads the odd charset file as ISO 8859-1: Müller, and a diagnostic saying so', { skip: skipWithout('agency/core/IPTC7901_odd_charset.txt') }, () => {
  const file = new SourceFile(readFileSync(sharedPath('agency/core/IPTC7901_odd_charset.txt')!), { name: 'IPTC7901_odd_charset.txt' });
  const story = iptc7901.parse(file)[0]!;
  assert.ok(story.body.some((block) => block.text.includes('Thomas Müller, and we are also grateful')));
  assert.deepEqual(story.diagnostics[0], {
    severity: 'info',
    rule: 'encoding/iso-8859-1',
    message: 'byte 3216 (0xfc) is not UTF-8; none lies in 0x80–0x9F: decoded as ISO-8859-1 (Latin-1), the 8-bit set of Western European agency copy',
    place: { line: 79, column: 60 },
    source: 'iptc-7901',
  });
  assert.deepEqual(
    {
      byline: story.byline,
      keywords: story.keywords,
      notes: story.notes,
      signoffs: story.signoffs.map((signoff) => [signoff.text, signoff.initials, signoff.line]),
      labels: story.source.labels,
    },
    {
      byline: { text: 'By Manuel Schwarz, dpa', names: ['Manuel Schwarz'], title: 'dpa' },
      keywords: ['Germany-football', 'Munich', 'Mueller'],
      notes: [
        'Note to editors: adds comments by Germany coach Loew, byline',
        'Editorial contacts: Reporting by: Barry Whelan; Editing by: John Bagratuni; Tel: +49 30 2852 31472; <international@dpa.com>',
      ],
      signoffs: [['dpa bwh bag', ['bwh', 'bag'], 100]],
      labels: {
        header: 'eca100 3 s 586 ccccb   dpa 099',
        source: 'eca',
        'message-number': '100',
        priority: '3',
        category: 's',
        'word-count': '586',
        optional: 'ccccb   dpa 099',
        keywords: ['Germany-football/Munich/Mueller/'],
        'time-line': '071341 GMT Okt 15',
      },
    },
  );
});

test('reads the dpa notebook of IPTC7901.txt as notes, not copy, and its sign-off', { skip: skipWithout('agency/core/IPTC7901.txt') }, () => {
  const file = new SourceFile(readFileSync(sharedPath('agency/core/IPTC7901.txt')!), { name: 'IPTC7901.txt' });
  const story = iptc7901.parse(file)[0]!;
  assert.deepEqual(
    {
      dateline: story.dateline,
      credits: story.credits,
      notes: story.notes,
      last: story.body[story.body.length - 1]!.text.slice(-40),
      blocks: story.body.length,
      signoffs: story.signoffs,
      diagnostics: story.diagnostics,
    },
    {
      dateline: { text: 'Berlin (dpa) -', place: 'Berlin', region: null, country: null, date: null, credit: 'dpa' },
      credits: ['dpa'],
      notes: ['dpa Contacts: Reporting by: Wolfgang Schmidt; Editing by: Joseph Nasr; Tel: +49 30 2852 31472; <englishservice@dpa.com>'],
      last: 'to be sworn in for a third term before Christmas.'.slice(-40),
      blocks: 5,
      signoffs: [{ kind: 'signoff', text: 'dpa wsz jln npr', agencies: ['dpa'], initials: ['wsz', 'jln', 'npr'], time: null, zone: null, date: null, line: 39 }],
      diagnostics: [],
    },
  );
});
