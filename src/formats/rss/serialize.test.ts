import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { feedFacts, feedRoundTripCases, storyOf } from './feed.case.js';
import { rss } from './parse.js';
import * as api from './serialize.js';
import { rfc822, rssWriter, serializeRss } from './serialize.js';

// The stories here are invented.

test('exports the writer, its function and the RFC 822 formatter, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['rfc822', 'rssWriter', 'serializeRss']);
  assert.deepEqual([rssWriter.id, rssWriter.mediaType], ['rss', 'application/rss+xml']);
});

test('writes an ISO 8601 date-time as RFC 822 with its offset kept', () => {
  assert.deepEqual(
    ['2019-04-25T11:17:00Z', '2019-04-25T11:17:00+09:00', '2000-02-29T23:59:59.250-05:30', '2019-04-25', 'soon'].map(rfc822),
    ['Thu, 25 Apr 2019 11:17:00 +0000', 'Thu, 25 Apr 2019 11:17:00 +0900', 'Tue, 29 Feb 2000 23:59:59 -0530', null, null],
  );
});

const story = storyOf({
  id: 'invented:storm',
  source: { format: 'test', file: 'invented', receivedAt: null, encoding: 'utf-8', line: 1, labels: { link: 'https://wire.example.com/storm' } },
  guid: 'urn:example:storm-1',
  firstCreated: '2019-04-25T11:17:00+01:00',
  versionCreated: '2019-04-25T11:45:00+01:00',
  headline: 'Storm & ferries: <no> sailings',
  summary: 'Ferries stay in port.',
  byline: { text: 'By Kari Invented', names: ['Kari Invented'], title: null },
  dateline: { text: 'BERGEN, Norway, April 25, 2019 (AFP) -', place: 'BERGEN', region: null, country: 'Norway', date: '2019-04-25', credit: 'AFP' },
  keywords: ['weather'],
  subjects: [{ scheme: 'subj', code: '17004000', name: 'weather forecast' }],
  body: [
    { kind: 'paragraph', text: 'An invented storm closed the ferries, the operator said.', line: 1, take: 1 },
    { kind: 'crosshead', text: 'Roads closed', line: 2, take: 1 },
    { kind: 'paragraph', text: 'Police closed two roads.', line: 3, take: 1 },
  ],
  signoffs: [{ kind: 'signoff', text: 'kb/ji', agencies: [], initials: ['kb', 'ji'], time: null, zone: null, date: null, line: 4 }],
  language: 'en',
});

test('writes a channel with one item per story, markup in the title and body escaped for HTML and then XML', () => {
  assert.equal(
    serializeRss([story]),
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
  <channel>
    <title>Slugline</title>
    <link>https://slugline.invalid/</link>
    <description>1 story written by Slugline</description>
    <item>
      <title>Storm &amp;amp; ferries: &amp;lt;no&amp;gt; sailings</title>
      <link>https://wire.example.com/storm</link>
      <description>Ferries stay in port.</description>
      <content:encoded>&lt;p&gt;BERGEN, Norway, April 25, 2019 (AFP) - An invented storm closed the ferries, the operator said.&lt;/p&gt;
&lt;h2&gt;Roads closed&lt;/h2&gt;
&lt;p&gt;Police closed two roads.&lt;/p&gt;
&lt;p&gt;kb/ji&lt;/p&gt;</content:encoded>
      <dc:creator>By Kari Invented</dc:creator>
      <category>weather</category>
      <category domain="subj">17004000</category>
      <guid isPermaLink="false">urn:example:storm-1</guid>
      <pubDate>Thu, 25 Apr 2019 11:17:00 +0100</pubDate>
      <dcterms:modified>2019-04-25T11:45:00+01:00</dcterms:modified>
      <dc:language>en</dc:language>
    </item>
  </channel>
</rss>
`,
  );
});

test('writes an empty channel for no stories, and names the feed after the stories’ own', () => {
  assert.match(serializeRss([]), /<description>0 stories written by Slugline<\/description>\n {2}<\/channel>/);
  const labelled = storyOf({ source: { format: 'rss', file: 'x', receivedAt: null, encoding: 'utf-8', line: 1, labels: { 'feed-title': 'Invented Wire', 'feed-link': 'https://wire.example.com/' } } });
  assert.match(serializeRss([labelled]), /<title>Invented Wire<\/title>\n {4}<link>https:\/\/wire.example.com\/<\/link>/);
});

test('writes the version time as pubDate when the first is unknown, which reads back as both', () => {
  const [back] = rss.parse(new SourceFile(Buffer.from(serializeRss([{ ...story, firstCreated: null }])), { name: 'x' }));
  assert.deepEqual([back!.firstCreated, back!.versionCreated], ['2019-04-25T11:45:00+01:00', '2019-04-25T11:45:00+01:00']);
});

test('reads back what it wrote: the dateline and sign-off from the copy, the markup as text', () => {
  const [back] = rss.parse(new SourceFile(Buffer.from(serializeRss([story])), { name: 'x' }));
  assert.deepStrictEqual(feedFacts(back!), feedFacts(story));
});

feedRoundTripCases(rssWriter, rss);
