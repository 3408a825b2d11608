import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import * as api from './parse.js';
import { rss } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';

// Every story in these fixtures is invented; only the markup follows RSS 2.0.


function assertValid(stories: Story[]): void {
  for (const story of stories) assert.ok(validate(story), `${story.id}: ${JSON.stringify(validate.errors, null, 2)}`);
}

const receivedAt = '2024-01-02T03:04:05.000Z';
const feedFixture = readFileSync(new URL('./fixtures/invented-feed.xml', import.meta.url));

function parse(input: string | Buffer, name = 'invented.xml'): Story[] {
  const stories = rss.parse(new SourceFile(typeof input === 'string' ? Buffer.from(input) : input, { name, receivedAt }));
  assertValid(stories);
  return stories;
}

/** A feed of one channel holding `items`. */
function feed(items: string, channel = '<title>Invented Wire</title><link>https://wire.example.com/</link><description>x</description>'): string {
  return `<?xml version="1.0"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel>${channel}${items}</channel></rss>\n`;
}

function refusal(input: string, rule: string): ParseError {
  try {
    rss.parse(new SourceFile(Buffer.from(input), { name: 'invented.xml' }));
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    assert.equal(error.diagnostics[error.diagnostics.length - 1]?.rule, rule, error.message);
    return error;
  }
  assert.fail(`expected a ParseError (${rule})`);
}

test('exports the reader and its sniffer, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['parseRss', 'rss', 'sniffRss']);
  assert.equal(rss.id, 'rss');
});

test('sniffs an <rss> root, RSS 2.0 surely and older versions plausibly', () => {
  const sniff = (text: string) => rss.sniff(new SourceFile(Buffer.from(text), { name: 'x' }));
  assert.deepEqual(sniff(feedFixture.toString()), { score: 1, reason: 'found an <rss version="2.0"> root' });
  assert.deepEqual(sniff('<rss version="0.91"><channel/></rss>'), { score: 0.9, reason: 'found an <rss version="0.91"> root, read as RSS 2.0' });
  assert.equal(sniff('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>').score, 0);
  assert.equal(sniff('<feed xmlns="http://www.w3.org/2005/Atom"/>').score, 0);
  assert.equal(sniff('{"rss": true}').score, 0);
});

test('reads a feed whole: one story per item, the body as wire copy with dateline and sign-off, the empty item skipped', () => {
  const stories = parse(feedFixture, 'invented-feed.xml');
  const skipped = {
    severity: 'warn',
    rule: 'rss/empty-item',
    message: '<item> 3 has neither a <title> nor any text in <description> or <content:encoded>: skipped',
    place: { line: 34 },
    source: 'rss',
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
    language: 'en-GB',
    damage: [],
    diagnostics: [skipped],
  } as const;
  assert.deepStrictEqual(stories, [
    {
      ...common,
      id: 'urn:example:wire:storm-1@2019-04-25T11:45:00+01:00',
      source: {
        format: 'rss',
        file: 'invented-feed.xml',
        receivedAt,
        encoding: 'utf-8',
        line: 9,
        labels: { link: 'https://wire.example.com/storm', 'feed-title': 'Invented Wire', 'feed-link': 'https://wire.example.com/' },
      },
      guid: 'urn:example:wire:storm-1',
      firstCreated: '2019-04-25T11:17:00+01:00',
      versionCreated: '2019-04-25T11:45:00+01:00',
      headline: 'Invented storm closes fjord ferries',
      summary: 'Ferries stay in port as winds reach 120 km/h.',
      byline: { text: 'Kari Invented', names: ['Kari Invented'], title: null },
      dateline: { text: 'BERGEN, Norway, April 25, 2019 (AFP) -', place: 'BERGEN', region: null, country: 'Norway', date: '2019-04-25', credit: 'AFP' },
      credits: ['AFP'],
      subjects: [{ scheme: 'http://cv.iptc.org/newscodes/subjectcode/', code: '17004000', name: null }],
      keywords: ['weather'],
      body: [
        { kind: 'paragraph', text: 'An invented storm closed every ferry crossing on the fjords around Bergen on Thursday, the operator said.', line: 13, take: 1 },
        { kind: 'paragraph', text: '"No boat leaves until the wind drops," a spokeswoman for the invented ferry company said.', line: 14, take: 1 },
        { kind: 'crosshead', text: 'Roads closed too', line: 15, take: 1 },
        { kind: 'paragraph', text: 'Two mountain roads were also closed as a precaution, police said.', line: 16, take: 1 },
      ],
      signoffs: [{ kind: 'signoff', text: 'kb/ji/tw', agencies: [], initials: ['kb', 'ji', 'tw'], time: null, zone: null, date: null, line: 17 }],
    },
    {
      ...common,
      id: 'https://wire.example.com/budget@2019-04-23T09:00:00Z',
      source: {
        format: 'rss',
        file: 'invented-feed.xml',
        receivedAt,
        encoding: 'utf-8',
        line: 25,
        labels: { 'feed-title': 'Invented Wire', 'feed-link': 'https://wire.example.com/' },
      },
      guid: 'https://wire.example.com/budget',
      firstCreated: '2019-04-23T09:00:00Z',
      versionCreated: '2019-04-23T09:00:00Z',
      headline: 'Invented council approves budget',
      summary: null,
      byline: { text: 'Ola Invented', names: ['Ola Invented'], title: null },
      dateline: null,
      credits: [],
      subjects: [],
      keywords: [],
      body: [
        { kind: 'paragraph', text: 'The invented council approved its budget for next year on Tuesday.', line: 27, take: 1 },
        { kind: 'paragraph', text: 'It will spend more on roads and less on parks, the mayor said.', line: 29, take: 1 },
      ],
      signoffs: [],
    },
  ]);
});

test('takes a byline the copy opens with, and the dateline of the paragraph after it', () => {
  const [story] = parse(
    feed('<item><title>Invented plant</title><description>&lt;p&gt;By Jane Invented&lt;/p&gt;&lt;p&gt;OSLO, March 4 (Invented) - The plant opens in May.&lt;/p&gt;</description><dc:creator>admin</dc:creator></item>'),
  );
  assert.deepStrictEqual(
    [story!.byline, story!.dateline?.place, story!.body.map((block) => block.text)],
    [{ text: 'By Jane Invented', names: ['Jane Invented'], title: null }, 'OSLO', ['The plant opens in May.']],
  );
});

test('reads a WordPress export: line breaks are paragraphs, shortcodes go, attachments are no stories', () => {
  const post =
    '<item><title>Invented post</title><link>https://blog.example.com/post</link><dc:creator>admin</dc:creator><guid isPermaLink="false">https://blog.example.com/?p=1</guid>' +
    '<pubDate>Mon, 29 Jul 2013 16:03:54 +0000</pubDate>' +
    '<content:encoded><![CDATA[[dropcap]T[/dropcap]he invented post has two lines.\nThis is the second, a paragraph of its own.\n\n[gallery ids="1,2"]\n<strong>Bold</strong> third.]]></content:encoded>' +
    '<category domain="category" nicename="news"><![CDATA[News]]></category><category domain="post_tag" nicename="tag"><![CDATA[invented]]></category>' +
    '<wp:post_type><![CDATA[post]]></wp:post_type></item>';
  const attachment = '<item><title>picture</title><content:encoded>x</content:encoded><wp:post_type>attachment</wp:post_type></item>';
  const [story, ...rest] = parse(feed(post + attachment));
  assert.equal(rest.length, 0);
  assert.deepStrictEqual(
    { body: story!.body.map((block) => block.text), subjects: story!.subjects, keywords: story!.keywords, diagnostics: story!.diagnostics.map((diagnostic) => diagnostic.message) },
    {
      body: ['The invented post has two lines.', 'This is the second, a paragraph of its own.', 'Bold third.'],
      subjects: [{ scheme: 'category', code: 'News', name: null }],
      keywords: ['invented'],
      diagnostics: ['<item> 2 is a WordPress attachment (wp:post_type), not a story: skipped'],
    },
  );
});

test('skips an item with a headline and no text, and refuses a feed of nothing else as no text story', () => {
  const headline = '<item><title>Invented headline only</title><link>https://wire.example.com/x</link></item>';
  const [story, ...rest] = parse(feed(headline + '<item><title>Invented</title><description>The invented council met on Tuesday.</description></item>'));
  assert.deepStrictEqual(
    [rest.length, story!.headline, story!.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.message])],
    [0, 'Invented', [['rss/no-text', '<item> 1 “Invented headline only” has a title but no text in <description> or <content:encoded>, so it is no text story: skipped']]],
  );
  assert.match(
    refusal(feed(headline), 'input/not-text').message,
    /none of the 1 <item> elements is a text story: <item> 1 “Invented headline only” has a title but no text/,
  );
});

test('warns about a date it cannot read and leaves it out', () => {
  const [story] = parse(feed('<item><title>Invented</title><description>The invented council met.</description><pubDate>last Tuesday</pubDate></item>'));
  assert.deepStrictEqual(
    [story!.firstCreated, story!.versionCreated, story!.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.message])],
    [null, null, [['feed/bad-date', '<pubDate> `last Tuesday` is no date-time with a time zone (RFC 822 `Thu, 25 Apr 2019 11:17:00 +0000` or RFC 3339 `2019-04-25T11:17:00Z`): left out']]],
  );
});

test('fails, naming what it found and the way out, on input that is no feed or an empty one', () => {
  assert.match(refusal('<feed xmlns="http://www.w3.org/2005/Atom"/>', 'rss/not-rss').message, /expected an <rss> root element, found <feed> \(an Atom feed\? try --from atom\)$/);
  assert.match(refusal('<rss version="2.0"/>', 'rss/no-channel').message, /expected a <channel> inside <rss>, found none/);
  assert.match(refusal(feed(''), 'rss/no-item').message, /expected <item> elements in the <channel>, found none: the feed is empty$/);
  assert.match(refusal(feed('<item></item>'), 'input/not-text').message, /none of the 1 <item> elements is a text story: <item> 1 has neither a <title> nor any text/);
  refusal('<rss version="2.0"><channel><item><title>Unclosed', 'xml/malformed');
  refusal('', 'xml/malformed');
});

test('gives stories or a ParseError for any bytes at all', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      try {
        assertValid(rss.parse(new SourceFile(bytes, { name: 'fuzz' })));
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    }),
    { numRuns: 300 },
  );
});

test('gives stories or a ParseError for the fixture cut, spliced or stuffed with markup anywhere', () => {
  const document = feedFixture.toString();
  const noise = fc.constantFrom('<', '>', '&', '<item>', '</item>', '<p>', ']]>', '<![CDATA[', '"', '&lt;p', '&#0;', '\u0000', 'é', '<description>', '<title>');
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.array(noise, { maxLength: 4 }), (from, to, inserted) => {
      const start = from % document.length;
      const end = start + (to % (document.length - start + 1));
      try {
        assertValid(rss.parse(new SourceFile(Buffer.from(document.slice(0, start) + inserted.join('') + document.slice(end)), { name: 'fuzz' })));
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    }),
    { numRuns: 400 },
  );
});

// ---------------------------------------------------------------------------
// The real RSS among the agency fixtures: WordPress exports, read in place

test('reads the WordPress export wordpress_wxr.xml: three posts, bylines in the copy, datelines after them, two without text skipped', { skip: skipWithout('agency/core/wordpress_wxr.xml') }, () => {
  const stories = parse(readFileSync(sharedPath('agency/core/wordpress_wxr.xml')!), 'wordpress_wxr.xml');
  assert.deepStrictEqual(
    stories.map((story) => ({
      headline: story.headline,
      guid: story.guid,
      firstCreated: story.firstCreated,
      byline: story.byline?.text ?? null,
      dateline: story.dateline?.text ?? null,
      body: story.body.map((block) => block.text.slice(0, 40)),
    })),
    [
      {
        headline: 'Starafrica to dispose assets for $6 million to clear debt',
        guid: 'http://sdnewtester.org/?p=216',
        firstCreated: '2013-07-29T16:03:54Z',
        byline: 'By Tester',
        dateline: 'Harare, July 19 (The SDNewTester) -',
        body: ['Cash-strapped StarAfrica Corporation is ', 'Bla bla test'],
      },
      {
        headline: 'test2',
        guid: 'http://sdnewtester.org/?p=test2',
        firstCreated: '2013-07-07T15:06:01Z',
        byline: 'By Tester',
        dateline: 'Harare, July 19 (The SDNewTester) -',
        body: ['Cash-strapped StarAfrica Corporation is ', 'Bla bla test'],
      },
      {
        headline: 'test3',
        guid: 'http://sdnewtester.org/?p=test3',
        // The export says 3013: as written.
        firstCreated: '3013-07-07T15:06:01Z',
        byline: 'By Tester',
        dateline: 'Harare, July 19 (The SDNewTester) -',
        body: ['Cash-strapped StarAfrica Corporation is ', 'Bla bla test'],
      },
    ],
  );
  assert.deepStrictEqual(stories[0]!.subjects.map((subject) => [subject.scheme, subject.code]), [['category', 'Business'], ['category', 'Companies'], ['category', 'Economy']]);
  assert.deepStrictEqual(stories[0]!.keywords, ['companies']);
  assert.equal(stories[0]!.source.labels['feed-title'], 'The SDNewTester');
  // An empty post, and one with only a rule, a picture and a frame.
  assert.deepStrictEqual(
    stories[0]!.diagnostics.map((diagnostic) => diagnostic.message),
    [
      '<item> 4 “test4” has a title but no text in <description> or <content:encoded>, so it is no text story: skipped',
      '<item> 5 “test5” has a title but no text in <description> or <content:encoded>, so it is no text story: skipped',
    ],
  );
});

test('reads the WordPress export wordpress_wxr_thumb.xml: the attachment skipped, the post read through its broken markup', { skip: skipWithout('agency/core/wordpress_wxr_thumb.xml') }, () => {
  const stories = parse(readFileSync(sharedPath('agency/core/wordpress_wxr_thumb.xml')!), 'wordpress_wxr_thumb.xml');
  assert.deepStrictEqual(
    stories.map((story) => [story.headline, story.guid, story.byline?.text, story.body.map((block) => block.text)]),
    [['test post', 'https://main.toto.invalid', 'toto', ['toto']]],
  );
  assert.deepStrictEqual(
    stories[0]!.diagnostics.map((diagnostic) => diagnostic.message),
    ['<item> 1 is a WordPress attachment (wp:post_type), not a story: skipped'],
  );
});

test('reads the WordPress export wordpress_wxr_funke.xml: a German post, shortcodes removed', { skip: skipWithout('agency/core/wordpress_wxr_funke.xml') }, () => {
  const stories = parse(readFileSync(sharedPath('agency/core/wordpress_wxr_funke.xml')!), 'wordpress_wxr_funke.xml');
  assert.equal(stories.length, 1);
  const story = stories[0]!;
  assert.deepStrictEqual(
    {
      headline: story.headline,
      guid: story.guid,
      byline: story.byline?.text,
      language: story.language,
      first: story.body[0]!.text.slice(0, 50),
      crosshead: story.body[2]!.text,
      keywords: story.keywords,
      subjects: story.subjects.map((subject) => subject.code),
    },
    {
      headline: 'Löst einen Mord in Mysterium Secrets & Lies',
      guid: 'https://funkygames.de/?p=6277',
      byline: 'Marion',
      language: 'de-DE',
      first: 'Mysterium Secrets & Lies von Asmodee Digital ist e',
      crosshead: 'Mysterium Secrets & Lies ist herausfordernd',
      keywords: ['Asmodee Digital', 'Mysterium', 'Mysterium Secrets & Lies', 'Spiele Apps', 'sub_feature'],
      subjects: ['Android Apps', 'iOS Apps', 'Spiele Apps'],
    },
  );
  assert.ok(story.body.every((block) => !block.text.includes('[dropcap]')));
});
