import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedData, sharedPath, skipWithout } from '../../testing/shared-data.js';
import { serializeJsonl } from '../jsonl/serialize.js';
import * as api from './parse.js';
import { filesUnder } from '../../testing/shared-data.js';
import { ninjs } from './parse.js';
import { storyWith } from '../../testing/story.js';

// Every item below is invented; only the property names follow IPTC's ninjs schemas.

function file(text: string, name = 'item.json'): SourceFile {
  return new SourceFile(Buffer.from(text), { name, receivedAt: '2024-01-02T03:04:05.000Z' });
}

function parse(text: string, name?: string): Story[] {
  return ninjs.parse(file(text, name));
}

/** A story as the reader makes it from a bare item: every field empty but the ones given. */
function story(fields: Partial<Story>, source: Partial<Story['source']> = {}): Story {
  return storyWith({ id: '', ...fields }, { format: 'ninjs', file: 'item.json', receivedAt: '2024-01-02T03:04:05.000Z', ...source });
}

/** The thrown ParseError, for a look at its place and rule. */
function failure(text: string): ParseError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  assert.fail('expected a ParseError');
}

test('exports the reader, its sniffer and its parse function, and nothing else', () => {
  assert.deepStrictEqual(Object.keys(api).sort(), ['ninjs', 'parseNinjs', 'sniffNinjs']);
  assert.equal(ninjs.id, 'ninjs');
});

test('reads every field of a ninjs 1.x item', () => {
  const item = {
    uri: 'urn:newsml:example.com:20240102:abc',
    type: 'text',
    version: '3',
    versioncreated: '2024-01-02T10:00:00+0100',
    firstcreated: '2024-01-02T09:00:00Z',
    embargoed: '2024-01-03T06:00:00+01:00',
    pubstatus: 'withheld',
    urgency: 2,
    language: 'en',
    slugline: 'Invented-Story',
    headline: 'Invented  headline',
    byline: 'By Ann Example and Bo Sample',
    located: 'Springfield, Illinois, United States',
    ednote: 'Eds: invented for a test.',
    description_text: 'A summary.',
    body_html: '<p>First &amp; foremost.</p>\n<h2>Aside</h2><p>Second.</p>',
    body_text: 'First & foremost.\n\nAside\n\nSecond.',
    subject: [
      { code: '04000000', scheme: 'http://cv.iptc.org/newscodes/mediatopic/', name: 'economy, business and finance' },
      { code: '15000000', name: 'sport' },
      { name: 'just a name' },
    ],
    keywords: ['invented', 'test'],
    person: [{ name: 'Ann Other', rel: 'about' }],
    place: [{ name: 'Springfield' }],
    altids: { itemid: 'abc123' },
  };
  const text = JSON.stringify(item, null, 2);
  assert.deepStrictEqual(
    parse(text),
    [
      story(
        {
          id: 'urn:newsml:example.com:20240102:abc@3',
          priority: 'bulletin',
          guid: 'urn:newsml:example.com:20240102:abc',
          revision: 3,
          firstCreated: '2024-01-02T09:00:00Z',
          versionCreated: '2024-01-02T10:00:00+01:00',
          urgency: 2,
          slug: 'Invented-Story',
          headline: 'Invented headline',
          summary: 'A summary.',
          byline: { text: 'By Ann Example and Bo Sample', names: ['Ann Example', 'Bo Sample'], title: null },
          dateline: { text: 'Springfield, Illinois, United States', place: 'Springfield', region: 'Illinois', country: 'United States', date: null, credit: null },
          notes: ['Eds: invented for a test.'],
          subjects: [
            { scheme: 'medtop', code: '04000000', name: 'economy, business and finance' },
            { scheme: null, code: '15000000', name: 'sport' },
          ],
          keywords: ['just a name', 'invented', 'test'],
          body: [
            { kind: 'paragraph', text: 'First & foremost.', line: 17, take: 1 },
            { kind: 'crosshead', text: 'Aside', line: 17, take: 1 },
            { kind: 'paragraph', text: 'Second.', line: 17, take: 1 },
          ],
          status: 'withheld',
          embargo: { text: '2024-01-03T06:00:00+01:00', until: '2024-01-03T06:00:00+01:00' },
          language: 'en',
        },
        { labels: { type: 'text', people: ['Ann Other'], places: ['Springfield'], 'altid:itemid': 'abc123' } },
      ),
    ],
  );
});

test('reads a ninjs 2.x item: headlines, bodies and descriptions by role, subjects by uri and literal', () => {
  const item = {
    uri: 'http://example.com/items/1',
    type: 'text',
    versioncreated: '2024-01-02T10:00:00Z',
    pubstatus: 'canceled',
    headlines: [
      { role: 'sub', value: 'Not this one' },
      { role: 'main', value: 'The main headline' },
    ],
    by: 'Ann Example, Invented Press',
    descriptions: [{ role: 'summary', contenttype: 'text/html', value: '<p>Summary <b>here</b></p>' }],
    bodies: [
      { role: 'main', contenttype: 'text/plain', value: 'Plain <not markup>.' },
      { role: 'richtext', contenttype: 'application/xhtml+xml', value: '<p>Rich.</p>' },
    ],
    subjects: [
      { name: 'sport', uri: 'http://cv.iptc.org/newscodes/mediatopic/15000000' },
      { name: 'leisure', literal: 'category:leisure' },
      { name: 'a keyword' },
    ],
    altids: [{ role: 'internal', value: 'X-1' }],
  };
  assert.deepStrictEqual(parse(JSON.stringify(item)), [
    story(
      {
        id: 'http://example.com/items/1@2024-01-02T10:00:00Z',
        guid: 'http://example.com/items/1',
        versionCreated: '2024-01-02T10:00:00Z',
        status: 'canceled',
        headline: 'The main headline',
        byline: { text: 'Ann Example', names: ['Ann Example'], title: 'Invented Press' },
        summary: 'Summary here',
        body: [{ kind: 'paragraph', text: 'Rich.', line: 1, take: 1 }],
        subjects: [
          { scheme: 'medtop', code: '15000000', name: 'sport' },
          { scheme: 'category', code: 'leisure', name: 'leisure' },
        ],
        keywords: ['a keyword'],
      },
      { labels: { type: 'text', 'altid:internal': 'X-1' } },
    ),
  ]);
});

test('reads the camelCase names of ninjs 3.x', () => {
  const [read] = parse(
    JSON.stringify({
      uri: 'urn:example:3',
      type: 'text',
      version: '7',
      versionCreated: '2024-01-02T10:00:00+02:00',
      firstCreated: '2024-01-01T10:00:00+02:00',
      embargoedUntil: '2024-01-05T00:00:00Z',
      pubStatus: 'usable',
      edNote: 'Note.',
      headlines: [{ value: 'Three' }],
      bodies: [{ contentType: 'text/plain', value: 'Body.' }],
      altIds: [{ role: 'r', value: 'v' }],
    }),
  );
  assert.deepStrictEqual(
    [read!.revision, read!.versionCreated, read!.firstCreated, read!.embargo, read!.notes, read!.headline, read!.body.map((block) => block.text), read!.source.labels],
    [7, '2024-01-02T10:00:00+02:00', '2024-01-01T10:00:00+02:00', { text: '2024-01-05T00:00:00Z', until: '2024-01-05T00:00:00Z' }, ['Note.'], 'Three', ['Body.'], { type: 'text', 'altid:r': 'v' }],
  );
});

test('reads one story per item of an array, each with its own line', () => {
  const text = '[\n  {"uri": "urn:a", "headline": "A"},\n  {"uri": "urn:b",\n   "headline": "B", "body_text": "Body B."}\n]\n';
  const stories = parse(text);
  assert.deepStrictEqual(
    stories.map((each) => [each.guid, each.source.line, each.headline, each.body]),
    [
      ['urn:a', 2, 'A', []],
      ['urn:b', 3, 'B', [{ kind: 'paragraph', text: 'Body B.', line: 4, take: 1 }]],
    ],
  );
});

test('reads JSON lines, one story a line; a line that is not JSON is skipped with its line and column', () => {
  const text = '{"uri": "urn:a", "headline": "A"}\n\n{"uri": "urn:b", "headline": "B",}\n{"uri": "urn:c", "headline": "C"}\n';
  const stories = parse(text);
  assert.deepStrictEqual(stories.map((each) => [each.guid, each.source.line]), [['urn:a', 1], ['urn:c', 4]]);
  assert.deepStrictEqual(stories[1]!.diagnostics, [
    {
      severity: 'warn',
      rule: 'json/malformed',
      message: 'line skipped, not valid JSON: expected a property name in double quotes, found `}`',
      place: { line: 3, column: 34 },
      source: 'ninjs',
    },
  ]);
});

test('fails on invalid JSON, naming the line and column', () => {
  const error = failure('{\n  "uri": "urn:a",\n  "headline": "A\nB"\n}');
  assert.deepStrictEqual(error.place, { line: 3, column: 17 });
  assert.equal(error.diagnostics.at(-1)!.rule, 'json/malformed');
  assert.match(error.message, /^Cannot parse `item.json` \(line 3, column 17\) as ninjs: not valid JSON: expected '"' to close the string/);
  assert.deepStrictEqual(failure('<NewsML/>').place, { line: 1, column: 1 });
});

test('refuses an item that is no text story, saying what it is', () => {
  const error = failure('{"uri": "urn:p", "type": "picture", "headline": "A photo", "body_text": "A caption"}');
  assert.equal(error.diagnostics.at(-1)!.rule, 'ninjs/not-text');
  assert.match(error.message, /the item is a picture \(type `picture`\), not a text story; Slugline reads text stories only/);
  assert.match(failure('{"uri": "urn:e", "eventDetails": {}}').message, /an event \(it has eventDetails and no type\)/);
  assert.match(failure('{"uri": "urn:c", "type": "composite", "headline": "Package"}').message, /a composite \(a package of other items\) with no text of its own/);
  assert.equal(failure('{"uri": "urn:n", "type": "text", "versioncreated": "2024-01-02T10:00:00Z"}').diagnostics.at(-1)!.rule, 'ninjs/no-copy');
});

test('skips the items of an array that are no text story, with a warning each, and reads the rest', () => {
  const stories = parse('[{"uri": "urn:v", "type": "video"}, {"uri": "urn:t", "type": "text", "headline": "T"}, 3, {"uri": "urn:e"}, {"uri": "urn:u", "headline": "U"}]');
  assert.deepStrictEqual(stories.map((each) => each.guid), ['urn:t', 'urn:u']);
  const expected = [
    ['ninjs/not-an-object', 'array item 3 is a number, not a ninjs object; skipped'],
    ['ninjs/not-text', 'item 1 skipped: the item is a video (type `video`), not a text story'],
    ['ninjs/no-copy', 'item 3 skipped: the item has no headline and no body text'],
  ];
  // Every story carries the messages about the input as a whole.
  for (const each of stories) assert.deepStrictEqual(each.diagnostics.map((message) => [message.rule, message.message]), expected);
});

test('reads a composite for the text it carries, and an unknown type as text, saying so', () => {
  const [composite] = parse('{"uri": "urn:c", "type": "composite", "body_text": "Own text."}');
  assert.deepStrictEqual(composite!.diagnostics.map((each) => each.rule), ['ninjs/composite']);
  const [advisory] = parse('{"uri": "urn:s", "type": "advisory", "headline": "H"}');
  assert.deepStrictEqual(advisory!.diagnostics.map((each) => each.message), ['type `advisory` is no ninjs type; read as text']);
});

test('prefers the HTML body to the plain one, whatever the order, and reads 1.x suffixes', () => {
  const read = (item: object) => parse(JSON.stringify({ uri: 'urn:x', ...item }))[0]!.body.map((block) => [block.kind, block.text]);
  assert.deepStrictEqual(read({ body_text: 'Plain.', body_xhtml: '<p>One.</p><p>Two.</p>' }), [['paragraph', 'One.'], ['paragraph', 'Two.']]);
  assert.deepStrictEqual(read({ body_main: 'Main.\nSecond.' }), [['paragraph', 'Main.'], ['paragraph', 'Second.']]);
  assert.deepStrictEqual(read({ body_richtext: '<h3>Head</h3>Tail' }), [['crosshead', 'Head'], ['paragraph', 'Tail']]);
  assert.deepStrictEqual(read({ bodies: [{ value: '<p>Sniffed as HTML.</p>' }] }), [['paragraph', 'Sniffed as HTML.']]);
  assert.equal(parse('{"uri": "urn:x", "headline_main": "Suffixed"}')[0]!.headline, 'Suffixed');
});

test('maps urgency to priority; warns about values it cannot read and leaves them out', () => {
  const read = (item: object) => parse(JSON.stringify({ uri: 'urn:x', headline: 'H', ...item }))[0]!;
  assert.deepStrictEqual([read({ urgency: 1 }).priority, read({ urgency: 5 }).priority, read({ urgency: 8 }).priority], ['flash', 'routine', 'deferred']);
  const odd = read({ urgency: 12, pubstatus: 'commissioned', versioncreated: '2018-05-30T15:14:24', embargoed: 'Next Monday' });
  assert.deepStrictEqual(
    [odd.urgency, odd.priority, odd.status, odd.versionCreated, odd.embargo],
    // An embargo, even one with no moment, withholds the item.
    [null, null, 'withheld', null, { text: 'Next Monday', until: null }],
  );
  assert.deepStrictEqual(odd.diagnostics.map((each) => each.rule), ['ninjs/bad-date', 'ninjs/bad-date', 'ninjs/bad-urgency', 'ninjs/bad-pubstatus']);
  assert.equal(read({ pubstatus: 'cancelled' }).status, 'canceled');
  assert.deepStrictEqual([read({ version: 4 }).revision, read({ version: '1.2b' }).revision, read({ version: '1.2b' }).version], [4, null, '1.2b']);
});

test("takes Superdesk's guid when there is no uri, and undoes Slugline's own stand-ins", () => {
  assert.equal(parse('{"guid": "20170825001315282180", "headline": "H"}')[0]!.guid, '20170825001315282180');
  assert.equal(parse('{"uri": "urn:slugline:guid:a%20b", "headline": "H"}')[0]!.guid, 'a b');
  const [none] = parse('{"uri": "urn:slugline:0123456789abcdef", "headline": "H"}');
  assert.equal(none!.guid, null);
  const [missing] = parse('{"headline": "No id at all", "versioncreated": "2024-01-02T10:00:00Z"}');
  assert.deepStrictEqual([missing!.guid, /^[0-9a-f]{16}$/.test(missing!.id), missing!.diagnostics.map((each) => each.rule)], [null, true, ['ninjs/no-uri']]);
});

test('reads the items a feed wraps: AP Media API and item lists', () => {
  const ap = {
    api_version: '2',
    data: { item: { uri: 'https://api.example/1', type: 'text', version: 2, headline: 'AP headline', bylines: [{ by: 'By ANN EXAMPLE', title: 'Invented Writer' }] } },
  };
  // AP's metadata alone: the text is a separate NITF rendition, so there is no story here.
  assert.match(failure(JSON.stringify(ap, null, 1)).message, /AP Media API keeps the story text in its NITF rendition/);
  const withText = { ...ap, data: { item: { ...ap.data.item, body_html: '<p>The text, as some feeds inline it.</p>' } } };
  const [read] = parse(JSON.stringify(withText, null, 1));
  assert.deepStrictEqual(
    [read!.guid, read!.revision, read!.byline, read!.source.line, read!.source.labels.envelope, read!.body.map((block) => block.text)],
    [
      'https://api.example/1',
      2,
      { text: 'By ANN EXAMPLE, Invented Writer', names: ['ANN EXAMPLE'], title: 'Invented Writer' },
      4,
      'ap-media-api',
      ['The text, as some feeds inline it.'],
    ],
  );
  const list = parse('{"total": 2, "item": [{"uri": "urn:a", "headline": "A"}, {"uri": "urn:b", "headline": "B"}]}');
  assert.deepStrictEqual(list.map((each) => [each.guid, each.source.labels.envelope]), [['urn:a', 'item-list'], ['urn:b', 'item-list']]);
  assert.match(failure('{"total": 0, "limit": 20}').message, /found no ninjs item/);
});

test('sniffs JSON with ninjs property names, and not Story JSON, XML or plain text', () => {
  const sniff = (text: string) => ninjs.sniff(file(text)).score;
  assert.equal(sniff('{"uri": "urn:x", "versioncreated": "2024-01-02T10:00:00Z"}'), 0.9);
  assert.equal(sniff('[{"uri": "urn:x", "headlines": [{"value": "H"}]}]'), 0.9);
  assert.equal(sniff('{"guid": "123", "body_html": "<p>x</p>"}'), 0.7);
  assert.equal(sniff('{"api_version": "2", "data": {"item": {"uri": "x", "headline": "H"}}}'), 0.8);
  const storyJson = serializeJsonl([story({ id: 'x', headline: 'H', versionCreated: '2024-01-02T10:00:00Z', guid: 'urn:x' })]);
  assert.equal(sniff(storyJson), 0);
  assert.equal(sniff('<nitf><head/></nitf>'), 0);
  assert.equal(sniff('BFF-20 Kim, Putin vow to seek closer ties\n'), 0);
  assert.equal(sniff('{"total": 1, "limit": 20}'), 0);
});

// ---------------------------------------------------------------------------
// Real items: IPTC's examples and the agency files

test("reads every item of IPTC's examples into a story, or refuses it saying why", { skip: skipWithout('iptc/ninjs/examples') }, (context) => {
  const rows: string[] = [];
  let read = 0;
  let refused = 0;
  for (const path of filesUnder(sharedPath('iptc/ninjs/examples')!).filter((each) => each.endsWith('.json'))) {
    const input = new SourceFile(readFileSync(path), { name: path.slice(sharedData.length) });
    // The one schema among the examples is no item.
    if (path.endsWith('extension-schema.json')) {
      assert.equal(ninjs.sniff(input).score, 0, path);
      continue;
    }
    assert.ok(ninjs.sniff(input).score >= 0.5, `sniffed as ninjs: ${path}`);
    try {
      const stories = ninjs.parse(input);
      for (const each of stories) assert.ok(each.headline !== null || each.body.length > 0, path);
      read += stories.length;
    } catch (error) {
      assert.ok(error instanceof ParseError, `${path}: ${String(error)}`);
      const rule = error.diagnostics.at(-1)!.rule;
      assert.ok(['ninjs/not-text', 'ninjs/no-story', 'ninjs/no-copy'].includes(rule), `${path}: ${error.message}`);
      rows.push(`refused ${input.name}: ${error.diagnostics.at(-1)!.message}`);
      refused++;
    }
  }
  assert.ok(read >= 30, `read ${read} stories`);
  context.diagnostic(`${read} stories read, ${refused} files refused\n${rows.join('\n')}`);
});

test('reads every ninjs file among the agency files, found by sniffing', { skip: skipWithout('agency') }, (context) => {
  const rows: string[] = [];
  const found: string[] = [];
  for (const path of filesUnder(sharedPath('agency')!)) {
    const input = new SourceFile(readFileSync(path), { name: path.slice(sharedData.length) });
    if (ninjs.sniff(input).score < 0.5) continue;
    found.push(input.name);
    try {
      const stories = ninjs.parse(input);
      rows.push(`read ${input.name}: ${stories.length} (${stories.map((each) => each.headline).join(' | ').slice(0, 80)})`);
    } catch (error) {
      // Refused only as no text story, or as AP metadata whose text is a separate rendition.
      assert.ok(
        error instanceof ParseError && ['ninjs/not-text', 'ninjs/remote-content'].includes(error.diagnostics.at(-1)!.rule),
        `${input.name}: ${String(error)}`,
      );
      rows.push(`refused ${input.name}: ${error.diagnostics.at(-1)!.message}`);
    }
  }
  // Every JSON file among them is ninjs or AP's ninjs-shaped feed, but two tables of
  // mock HTTP answers and a list of Onclusive calendar events.
  const json = filesUnder(sharedPath('agency')!).filter((each) => each.endsWith('.json')).map((each) => each.slice(sharedData.length));
  assert.deepStrictEqual(
    json.filter((name) => !found.includes(name)),
    ['agency/core/ninjs4_mock.json', 'agency/core/upload_from_url_mock.json', 'agency/cp/cp_onclusive/cp_onclusive.json'],
  );
  for (const name of ['agency/core/ninjs1.json', 'agency/core/ninjs_embargoed.json', 'agency/core/ninjsExSimpleText1.json', 'agency/core/bbc-ninjs-text-test.json', 'agency/cp/ap/ap-text.json']) {
    assert.ok(found.includes(name), `${name} sniffed as ninjs`);
  }
  context.diagnostic(rows.join('\n'));
});

test('gives the embargo of ninjs_embargoed.json', { skip: skipWithout('agency/core/ninjs_embargoed.json') }, () => {
  const [read] = ninjs.parse(new SourceFile(readFileSync(sharedPath('agency/core/ninjs_embargoed.json')!), { name: 'ninjs_embargoed.json' }));
  assert.deepStrictEqual(
    [read!.embargo, read!.headline, read!.guid, read!.revision, read!.status],
    [
      { text: '2022-06-29T02:30:00+00:00', until: '2022-06-29T02:30:00Z' },
      'Trouble is brewing for the future of beer',
      'fd8e441b-a698-4411-9246-7d5de21cced9',
      11,
      // Embargoed: withheld until the embargo lifts, as every reader reads it.
      'withheld',
    ],
  );
});
