import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import * as api from './parse.js';
import { atom } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';

// Every story in these fixtures is invented; only the markup follows RFC 4287.


function assertValid(stories: Story[]): void {
  for (const story of stories) assert.ok(validate(story), `${story.id}: ${JSON.stringify(validate.errors, null, 2)}`);
}

const receivedAt = '2024-01-02T03:04:05.000Z';
const feedFixture = readFileSync(new URL('./fixtures/invented-feed.atom', import.meta.url));

function parse(input: string | Buffer, name = 'invented.atom'): Story[] {
  const stories = atom.parse(new SourceFile(typeof input === 'string' ? Buffer.from(input) : input, { name, receivedAt }));
  assertValid(stories);
  return stories;
}

function entries(markup: string): string {
  return `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Invented</title><updated>2019-04-25T10:00:00Z</updated>${markup}</feed>\n`;
}

function refusal(input: string, rule: string): ParseError {
  try {
    atom.parse(new SourceFile(Buffer.from(input), { name: 'invented.atom' }));
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    assert.equal(error.diagnostics[error.diagnostics.length - 1]?.rule, rule, error.message);
    return error;
  }
  assert.fail(`expected a ParseError (${rule})`);
}

test('exports the reader and its sniffer, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['atom', 'parseAtom', 'sniffAtom']);
  assert.equal(atom.id, 'atom');
});

test('sniffs a <feed> root in the Atom namespace, whatever its prefix, and an entry document', () => {
  const sniff = (text: string) => atom.sniff(new SourceFile(Buffer.from(text), { name: 'x' }));
  assert.deepEqual(sniff(feedFixture.toString()), { score: 1, reason: 'found an Atom <feed> root' });
  assert.equal(sniff('<a:feed xmlns:a="http://www.w3.org/2005/Atom"/>').score, 1);
  assert.equal(sniff('<entry xmlns="http://www.w3.org/2005/Atom"/>').score, 0.9);
  assert.deepEqual(sniff('<feed xmlns="http://example.com/other"/>'), { score: 0, reason: 'a <feed> root outside the Atom namespace' });
  assert.equal(sniff('<rss version="2.0"/>').score, 0);
});

test('reads a feed whole: content as XHTML, HTML or a summary, entries’ authors as bylines, the empty entry skipped', () => {
  const stories = parse(feedFixture, 'invented-feed.atom');
  const skipped = {
    severity: 'warn',
    rule: 'atom/empty-entry',
    message: '<entry> 4 has neither a <title> nor any text in <content> or <summary>: skipped',
    place: { line: 45 },
    source: 'atom',
  };
  const common = {
    slug: null,
    takes: [],
    priority: null,
    version: null,
    revision: null,
    urgency: null,
    notes: [],
    status: 'usable',
    signal: null,
    embargo: null,
    damage: [],
    diagnostics: [skipped],
  } as const;
  const labels = {
    'feed-title': 'Invented Wire',
    'feed-id': 'urn:example:wire:feed',
    'feed-link': 'https://wire.example.com/',
    'feed-author': 'Invented Wire Desk',
  };
  const source = (line: number, link?: string) => ({
    format: 'atom',
    file: 'invented-feed.atom',
    receivedAt,
    encoding: 'utf-8',
    line,
    labels: link === undefined ? labels : { link, ...labels },
  });
  assert.deepStrictEqual(stories, [
    {
      ...common,
      id: 'urn:example:wire:storm-1@2019-04-25T11:45:00+01:00',
      source: source(11, 'https://wire.example.com/storm'),
      guid: 'urn:example:wire:storm-1',
      firstCreated: '2019-04-25T11:17:00+01:00',
      versionCreated: '2019-04-25T11:45:00+01:00',
      headline: 'Invented storm closes fjord ferries',
      summary: 'Ferries stay in port as winds reach 120 km/h.',
      byline: { text: 'Kari Invented', names: ['Kari Invented'], title: null },
      dateline: { text: 'BERGEN, Norway, April 25, 2019 (AFP) -', place: 'BERGEN', region: null, country: 'Norway', date: '2019-04-25', credit: 'AFP' },
      credits: ['AFP'],
      subjects: [{ scheme: 'http://cv.iptc.org/newscodes/subjectcode/', code: '17004000', name: 'weather forecast' }],
      keywords: ['weather'],
      body: [
        { kind: 'paragraph', text: 'An invented storm closed every ferry crossing on the fjords around Bergen on Thursday, the operator said.', line: 23, take: 1 },
        { kind: 'paragraph', text: '"No boat leaves until the wind drops," a spokeswoman for the invented ferry company said.', line: 24, take: 1 },
        { kind: 'crosshead', text: 'Roads closed too', line: 25, take: 1 },
        { kind: 'paragraph', text: 'Two mountain roads were also closed as a precaution, police said.', line: 26, take: 1 },
      ],
      signoffs: [{ kind: 'signoff', text: 'kb/ji/tw', agencies: [], initials: ['kb', 'ji', 'tw'], time: null, zone: null, date: null, line: 27 }],
      language: 'en',
    },
    {
      ...common,
      id: 'urn:example:wire:budget-1@2019-04-23T09:00:00Z',
      source: source(31),
      guid: 'urn:example:wire:budget-1',
      firstCreated: null,
      versionCreated: '2019-04-23T09:00:00Z',
      headline: 'Oppfunnet bystyre vedtar budsjett',
      summary: null,
      byline: { text: 'Ola Invented, Kari Invented', names: ['Ola Invented', 'Kari Invented'], title: null },
      dateline: null,
      credits: [],
      subjects: [],
      keywords: [],
      body: [
        { kind: 'paragraph', text: 'Det oppfunne bystyret vedtok tirsdag budsjettet for neste år.', line: 37, take: 1 },
        { kind: 'paragraph', text: 'Det blir mer til veier og mindre til parker, sier ordføreren.', line: 37, take: 1 },
      ],
      signoffs: [],
      language: 'nb',
    },
    {
      ...common,
      id: 'urn:example:wire:brief-1@2019-04-22T08:00:00Z',
      source: source(39),
      guid: 'urn:example:wire:brief-1',
      firstCreated: null,
      versionCreated: '2019-04-22T08:00:00Z',
      headline: 'Invented bridge reopens',
      summary: null,
      byline: null,
      dateline: null,
      credits: [],
      subjects: [],
      keywords: [],
      body: [{ kind: 'paragraph', text: 'The invented bridge over the river reopened to all traffic on Monday, the city said.', line: 43, take: 1 }],
      signoffs: [],
      language: 'en',
    },
  ]);
});

test('reads text content as plain text, never as markup', () => {
  const [story] = parse(entries('<entry><id>urn:y</id><title type="text">Use &lt;b&gt; for bold</title><updated>2019-04-25T10:00:00Z</updated><content type="text">Write &lt;b&gt;bold&lt;/b&gt; like this, the invented guide says.</content></entry>'));
  assert.deepStrictEqual([story!.headline, story!.body.map((block) => block.text)], ['Use <b> for bold', ['Write <b>bold</b> like this, the invented guide says.']]);
});

test('reads an entry document as its one story', () => {
  const [story] = parse('<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:z</id><title>Invented</title><updated>2019-04-25T10:00:00Z</updated><summary>The invented council met.</summary></entry>');
  assert.deepStrictEqual([story!.guid, story!.headline, story!.body.map((block) => block.text)], ['urn:z', 'Invented', ['The invented council met.']]);
});

test('refuses an entry that only points at its content, saying where the content is', () => {
  const error = refusal(
    '<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:z</id><title>Invented</title><updated>2019-04-25T10:00:00Z</updated><content type="video/mp4" src="https://example.com/v.mp4"/></entry>',
    'input/not-text',
  );
  assert.deepStrictEqual(
    error.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.message]),
    [
      ['atom/remote-content', '<entry> 1 points at its content (src="https://example.com/v.mp4") instead of holding it: not fetched'],
      ['atom/no-text', '<entry> 1 “Invented” has a title but no text in <content> or <summary>, so it is no text story: skipped'],
      [
        'input/not-text',
        'none of the 1 <entry> elements is a text story: <entry> 1 points at its content (src="https://example.com/v.mp4") instead of holding it: not fetched; <entry> 1 “Invented” has a title but no text in <content> or <summary>, so it is no text story: skipped',
      ],
    ],
  );
});

test('fails, naming what it found and the way out, on input that is no Atom feed or an empty one', () => {
  assert.match(refusal('<rss version="2.0"><channel/></rss>', 'atom/not-atom').message, /expected an Atom <feed> root element, found <rss> \(an RSS feed\? try --from rss\)$/);
  assert.match(refusal('<feed xmlns="http://example.com/other"/>', 'atom/not-atom').message, /found <feed> in namespace `http:\/\/example.com\/other`, not Atom's/);
  assert.match(refusal(entries(''), 'atom/no-entry').message, /expected <entry> elements in the <feed>, found none: the feed is empty$/);
  assert.match(refusal(entries('<entry><id>urn:e</id></entry>'), 'input/not-text').message, /none of the 1 <entry> elements is a text story: <entry> 1 has neither a <title> nor any text/);
  refusal('<feed xmlns="http://www.w3.org/2005/Atom"><entry>', 'xml/malformed');
});

test('gives stories or a ParseError for any bytes at all', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      try {
        assertValid(atom.parse(new SourceFile(bytes, { name: 'fuzz' })));
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    }),
    { numRuns: 300 },
  );
});

test('gives stories or a ParseError for the fixture cut, spliced or stuffed with markup anywhere', () => {
  const document = feedFixture.toString();
  const noise = fc.constantFrom('<', '>', '&', '<entry>', '</entry>', '<p>', '</div>', '"', 'type="html"', '&lt;p', '&#0;', '\u0000', 'é', '<content>', '<title>');
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.array(noise, { maxLength: 4 }), (from, to, inserted) => {
      const start = from % document.length;
      const end = start + (to % (document.length - start + 1));
      try {
        assertValid(atom.parse(new SourceFile(Buffer.from(document.slice(0, start) + inserted.join('') + document.slice(end)), { name: 'fuzz' })));
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    }),
    { numRuns: 400 },
  );
});

// ---------------------------------------------------------------------------
// The real Atom among the agency fixtures, read in place

test('reads the WENN entertainment feed: two entries, the feed’s desk kept apart from the bylines', { skip: skipWithout('agency/core/wenn.xml') }, () => {
  const stories = parse(readFileSync(sharedPath('agency/core/wenn.xml')!), 'wenn.xml');
  assert.deepStrictEqual(
    stories.map((story) => ({
      guid: story.guid,
      headline: story.headline,
      versionCreated: story.versionCreated,
      byline: story.byline,
      keywords: story.keywords,
      language: story.language,
      body: story.body.map((block) => block.text),
      labels: story.source.labels,
    })),
    [
      {
        guid: 'urn:feed-wenn-com:newsfeedarticle:2:2222:1',
        headline: 'Suge Knight involved in fatal hit and run incident',
        versionCreated: '2015-01-30T00:33:06Z',
        byline: null,
        keywords: ['Music'],
        language: 'en',
        // WENN's Atom content is a placeholder; the copy is in its own wenn_cm namespace, which Atom readers do not know.
        body: ['This is body content1.'],
        labels: { 'feed-title': 'WENN Feed', 'feed-id': 'urn:feed-wenn-com:newsfeed:2:2222', 'feed-link': 'http://feed.wenn.org/', 'feed-author': 'WENN Newsdesk' },
      },
      {
        guid: 'urn:feed-wenn-com:newsfeedarticle:2:2222:3',
        headline: 'Jagged Edge singer Kyle Norman arrested over domestic assault',
        versionCreated: '2015-01-29T21:58:32Z',
        byline: null,
        keywords: ['Music'],
        language: 'en',
        body: ['This is body content2.'],
        labels: { 'feed-title': 'WENN Feed', 'feed-id': 'urn:feed-wenn-com:newsfeed:2:2222', 'feed-link': 'http://feed.wenn.org/', 'feed-author': 'WENN Newsdesk' },
      },
    ],
  );
});
