import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import { filesUnder, sharedData, sharedPath, skipWithout } from '../../testing/shared-data.js';
import { detectFormat } from '../index.js';
import { dataFeed, parseDataFeed } from './parse.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const formatsFolder = fileURLToPath(new URL('../', import.meta.url));

const file = (bytes: string | Buffer, name = 'x') => new SourceFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { name });
const fixture = (name: string) => file(readFileSync(join(fixtures, name)), name);
const sniff = (input: SourceFile) => dataFeed.sniff(input).score;

/** The ParseError a refusal throws, checked for its rule. */
function refusal(input: SourceFile, rule: string): ParseError {
  try {
    parseDataFeed(input);
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    assert.deepEqual(error.diagnostics.map((diagnostic) => diagnostic.rule), [rule]);
    assert.equal(error.reader, 'data-feed');
    return error;
  }
  assert.fail('parseDataFeed returned instead of refusing');
}

test('refuses each kind of structured document saying what it is, what it holds and what to read instead', () => {
  const messages = Object.fromEntries(
    [
      'sports-fixtures.xml',
      'archive-search.xml',
      'poll-response.xml',
      'event-calendar.json',
      'calendar-export.csv',
      'headline-ticker.txt',
    ].map((name) => [name, refusal(fixture(name), 'data-feed/not-text').message]),
  );
  assert.deepStrictEqual(messages, {
    'sports-fixtures.xml':
      'Cannot parse `sports-fixtures.xml` as data-feed: it is an AAP sports data feed (<Response> with <Fixture_List>: fixtures and results, not a text story); AAP sends match reports and results as text stories (ZCZC or NITF): read those',
    'archive-search.xml':
      "Cannot parse `archive-search.xml` as data-feed: it is an archive search response from “Invented Picture Pool” (<dc_rest_node> listing 2 documents of 42: the archive's records of images, not a text story); fetch each document it lists from the archive and read that",
    'poll-response.xml':
      'Cannot parse `poll-response.xml` as data-feed: it is a news API poll response (<results> listing 2 item ids and a <pollToken>: ids of items to fetch, not a text story); fetch each item it names (its full text) and read that',
    'event-calendar.json':
      'Cannot parse `event-calendar.json` as data-feed: it is an event calendar (JSON array of 2 events with startDate/endDate: planning data (dates, venues, organisers), not a text story); plan coverage with it; the stories filed on the events come separately',
    'calendar-export.csv':
      'Cannot parse `calendar-export.csv` as data-feed: it is a CSV calendar export (header "Subject","Start Date","Start Time",…: 3 calendar entries, not a text story); import it into a diary or planning tool; the stories come separately',
    'headline-ticker.txt':
      'Cannot parse `headline-ticker.txt` as data-feed: it is a headline ticker (4 headlines in capitals parted by ` ** `: headlines with no story text, not a text story); each headline stands for a story sent on its own: read those',
  });
});

test('is the format detected for every structured document, above every story reader', () => {
  for (const name of readdirSync(fixtures).filter((each) => each !== 'README.md')) {
    assert.equal(sniff(fixture(name)), 0.95, name);
    assert.equal(detectFormat(fixture(name)).id, 'data-feed', name);
  }
});

test('recognises the structures generally: other sports children, other poll ids, other calendar names, plain CSV', () => {
  const kinds = [
    '<Response Status_Code="OK"><Ladder><Team Name="Northtown"/></Ladder></Response>',
    '<?xml version="1.0"?>\n<Response><Result_List><Result Match_ID="1"/></Result_List></Response>',
    '<results><result><guid>urn:example:1</guid></result></results>',
    '{"events": [{"title": "Invented fair", "start_date": "2099-01-01", "end_date": "2099-01-02"}]}',
    'Code,Name,Price,Change\nINV,Invented Ltd,1.05,+0.01\nEXA,Example Ltd,2.10,-0.02\nSAM,Sample Ltd,0.45,0.00\n',
  ].map((text) => refusal(file(text), 'data-feed/not-text').message.replace(/^Cannot parse `x` as data-feed: it is /, ''));
  assert.deepStrictEqual(kinds, [
    'an AAP sports data feed (<Response> with <Ladder>: standings, not a text story); AAP sends match reports and results as text stories (ZCZC or NITF): read those',
    'an AAP sports data feed (<Response> with <Result_List>: results, not a text story); AAP sends match reports and results as text stories (ZCZC or NITF): read those',
    'a news API poll response (<results> listing 1 item id: ids of items to fetch, not a text story); fetch each item it names (its full text) and read that',
    'an event calendar (JSON object of 1 event with start_date/end_date: planning data (dates, venues, organisers), not a text story); plan coverage with it; the stories filed on the events come separately',
    'a CSV table (header "Code","Name","Price",… and 3 rows: data in columns, not a text story); open it as a spreadsheet; a story that uses it comes as text',
  ]);
});

test('takes nothing that is a story or could be one: near misses score 0 and are refused as no data feed', () => {
  const misses = [
    // A <Response> with neither a sports child nor SportsData's status attribute.
    '<Response><Message>Invented service notice</Message></Response>',
    // <results> that list no ids.
    '<results><summary>Nothing found</summary></results>',
    // An event item with a headline and a body is a news item (ninjs).
    '{"uri": "urn:example:1", "type": "event", "headline": "Invented fair opens", "startDate": "2099-01-01", "endDate": "2099-01-02"}',
    // Wire copy with commas on every line.
    'BERLIN, March 3 (dpa) - Talks began, officials said, on Tuesday.\nThe minister, who arrived late, spoke first.\nENDS\n',
    // Headlines in capitals, but with a story under them.
    'TOWN OPENS BRIDGE ** TEAM WINS ** RAIN DUE **\n\nThe invented town opened its new bridge on Monday, the mayor said.\nIt cost less than planned.\nIt opened early.\nENDS\n',
    // Bulleted headlines in sentence case.
    'Town opens bridge ** Team wins shield ** Rain due at the weekend **\n',
  ];
  for (const text of misses) {
    assert.equal(sniff(file(text)), 0, text);
    refusal(file(text), 'input/no-data-feed');
  }
});

test('never crashes on arbitrary bytes, whatever they open with: the sniffer scores, the reader throws a ParseError', () => {
  const openings = ['', '<Response Status_Code="OK"><Fixtures>', '<results><result><guid>', '[{"startDate": 1, "endDate": ', '"Subject","Start Date","End Date"\n', 'A ** B ** C ** '];
  fc.assert(
    fc.property(fc.constantFrom(...openings), fc.uint8Array({ maxLength: 2000 }), (opening, bytes) => {
      const input = file(Buffer.concat([Buffer.from(opening), bytes]));
      const score = sniff(input);
      assert.ok(score === 0 || score === 0.95, String(score));
      assert.throws(() => parseDataFeed(input), (error: unknown) => error instanceof ParseError && error.diagnostics.length === 1);
    }),
    { numRuns: 300 },
  );
});

test("scores 0 for every other format's fixtures", () => {
  const taken = readdirSync(formatsFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'data-feed')
    .map((entry) => join(formatsFolder, entry.name, 'fixtures'))
    .filter((folder) => statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    .flatMap(filesUnder)
    .filter((path) => sniff(file(readFileSync(path), path)) > 0);
  assert.deepStrictEqual(taken, []);
});

// The structured documents among the real agency files; every other one is a story
// (or a picture, a package, a schema) and must not be taken.
const realFeeds: Record<string, string> = {
  'agency/aap/aap_cricket.xml': 'an AAP sports data feed (<Response> with <Fixture_List>: fixtures and results, not a text story)',
  'agency/aap/aap_golf.xml': 'an AAP sports data feed (<Response> with <Fixture_List>: fixtures and results, not a text story)',
  'agency/aap/aap_soccer.xml': 'an AAP sports data feed (<Response> with <Fixtures>: fixtures and results, not a text story)',
  'agency/aap/dc_response.xml':
    "an archive search response from “AAP Image Pool” (<dc_rest_node> listing 1 document of 584: the archive's records of images, not a text story)",
  'agency/core/channel1': 'a Reuters API poll response (<results> listing 3 item ids and a <pollToken>: ids of items to fetch, not a text story)',
  'agency/cp/cp_onclusive/cp_onclusive.json':
    'an event calendar (JSON array of 1 event with startDate/endDate: planning data (dates, venues, organisers), not a text story)',
  'agency/aap/abs-calendar.txt': 'a CSV calendar export (header "Subject","Start Date","Start Time",…: 39 calendar entries, not a text story)',
  'agency/aap/ticker_sample.txt': 'a headline ticker (12 headlines in capitals parted by ` ** `: headlines with no story text, not a text story)',
};

test('recognises the real structured documents and refuses each precisely', { skip: skipWithout('agency') }, () => {
  for (const [name, said] of Object.entries(realFeeds)) {
    const input = file(readFileSync(sharedPath(name)!), name);
    assert.equal(detectFormat(input).id, 'data-feed', name);
    const { message } = refusal(input, 'data-feed/not-text');
    assert.ok(message.startsWith(`Cannot parse \`${name}\` as data-feed: it is ${said}; `), message);
  }
});

test('scores 0 for every other real agency file and IPTC example', { skip: skipWithout('agency') }, () => {
  const taken = ['agency', 'iptc/newsml-g2/examples', 'iptc/ninjs/examples']
    .flatMap((folder) => filesUnder(join(sharedData, folder)))
    .map((path) => relative(sharedData, path))
    .filter((name) => !(name in realFeeds) && sniff(file(readFileSync(join(sharedData, name)), name)) > 0);
  assert.deepStrictEqual(taken, []);
});
