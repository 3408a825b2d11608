import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SourceFile } from '../../source/source-file.js';
import { arbitraryFeedStory, feedFacts, feedRoundTripCases, fixtureStories, storyOf } from '../rss/feed.case.js';
import { children, parseXml, text } from '../xml/xml.js';
import type { XmlElement } from '../xml/xml.js';
import { atomNamespace, xhtmlNamespace } from './grammar.js';
import { atom } from './parse.js';
import * as api from './serialize.js';
import { atomWriter, serializeAtom } from './serialize.js';

// The stories here are invented.

test('exports the writer and its function, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['atomWriter', 'serializeAtom']);
  assert.deepEqual([atomWriter.id, atomWriter.mediaType], ['atom', 'application/atom+xml']);
});

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const iri = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * The rules of RFC 4287 a feed of stories must keep (§4.1.1, §4.1.2, §3.3, §4.2.6,
 * §4.1.3.3), checked on the written XML: each violation as a sentence.
 */
function violations(xml: string): string[] {
  const found: string[] = [];
  const root = parseXml(new SourceFile(Buffer.from(xml), { name: 'written.atom' }), 'test');
  const atomChildren = (element: XmlElement, local: string) => children(element, local).filter((each) => each.uri === atomNamespace);
  const once = (element: XmlElement, local: string, where: string) => {
    const count = atomChildren(element, local).length;
    if (count !== 1) found.push(`${where} has ${count} <${local}>, not one`);
  };
  const atMostOnce = (element: XmlElement, local: string, where: string) => {
    if (atomChildren(element, local).length > 1) found.push(`${where} has more than one <${local}>`);
  };
  const date = (element: XmlElement, local: string, where: string) => {
    for (const each of atomChildren(element, local)) if (!rfc3339.test(text(each) ?? '')) found.push(`${where} <${local}> is no RFC 3339 date-time: ${text(each)}`);
  };
  if (root.local !== 'feed' || root.uri !== atomNamespace) found.push(`the root is <${root.name}> in ${root.uri}`);
  for (const local of ['id', 'title', 'updated']) once(root, local, 'the feed');
  date(root, 'updated', 'the feed');
  if (!iri.test(text(atomChildren(root, 'id')[0]) ?? '')) found.push('the feed id is no IRI');
  const entries = atomChildren(root, 'entry');
  const feedAuthor = atomChildren(root, 'author').length > 0;
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    for (const local of ['id', 'title', 'updated']) once(entry, local, where);
    for (const local of ['content', 'summary', 'published']) atMostOnce(entry, local, where);
    date(entry, 'updated', where);
    date(entry, 'published', where);
    if (!iri.test(text(atomChildren(entry, 'id')[0]) ?? '')) found.push(`${where} id is no IRI`);
    if (!feedAuthor && atomChildren(entry, 'author').length === 0) found.push(`${where} has no author, nor has the feed`);
    for (const author of atomChildren(entry, 'author')) once(author, 'name', `${where} author`);
    for (const content of atomChildren(entry, 'content')) {
      if (content.attributes.type !== 'xhtml') continue;
      const elements = children(content);
      const stray = content.children.some((node) => typeof node === 'string' && node.trim() !== '');
      if (elements.length !== 1 || elements[0]!.local !== 'div' || elements[0]!.uri !== xhtmlNamespace || stray) found.push(`${where} xhtml content is not one XHTML div`);
    }
    const alternate = atomChildren(entry, 'link').some((link) => (link.attributes.rel ?? 'alternate') === 'alternate');
    if (atomChildren(entry, 'content').length === 0 && !alternate) found.push(`${where} has neither content nor an alternate link`);
  });
  return found;
}

test('finds the broken rules of a feed that does not keep RFC 4287', () => {
  const broken =
    `<feed xmlns="${atomNamespace}"><id>not an iri</id><title>x</title><entry><id>urn:a</id><updated>yesterday</updated>` +
    `<content type="xhtml"><p xmlns="${xhtmlNamespace}">x</p></content></entry></feed>`;
  assert.deepEqual(violations(broken), [
    'the feed has 0 <updated>, not one',
    'the feed id is no IRI',
    'entry 1 has 0 <title>, not one',
    'entry 1 <updated> is no RFC 3339 date-time: yesterday',
    'entry 1 has no author, nor has the feed',
    'entry 1 xhtml content is not one XHTML div',
  ]);
  assert.deepEqual(violations(`<feed xmlns="${atomNamespace}"><id>urn:f</id><title/><updated>2019-04-25T10:00:00Z</updated><author><name>x</name></author><entry><id>urn:a</id><title/><updated>2019-04-25T10:00:00Z</updated></entry></feed>`), [
    'entry 1 has neither content nor an alternate link',
  ]);
});

test('writes a feed that keeps the rules of RFC 4287, for the fixture stories and for any stories', () => {
  assert.deepEqual(violations(serializeAtom(fixtureStories())), []);
  fc.assert(
    fc.property(fc.array(arbitraryFeedStory, { maxLength: 3 }), (stories) => {
      assert.deepEqual(violations(serializeAtom(stories)), []);
    }),
    { numRuns: 100 },
  );
});

test('writes a story with no guid, dates, headline or byline as an entry Atom still accepts', () => {
  const bare = storyOf({ id: 'a b/c', body: [{ kind: 'paragraph', text: 'Only text, invented.', line: 1, take: 1 }] });
  const xml = serializeAtom([bare]);
  assert.deepEqual(violations(xml), []);
  assert.deepEqual(violations(serializeAtom([storyOf({})])), []);
  assert.match(xml, /<id>urn:slugline:story:a%20b%2Fc<\/id>\n {4}<title><\/title>\n {4}<updated>1970-01-01T00:00:00Z<\/updated>/);
  const [back] = atom.parse(new SourceFile(Buffer.from(xml), { name: 'x' }));
  assert.deepEqual([back!.guid, back!.headline, back!.byline, back!.body.map((block) => block.text)], ['urn:slugline:story:a%20b%2Fc', null, null, ['Only text, invented.']]);
});

test('writes an entry with every field a story gives it', () => {
  const story = storyOf({
    id: 'invented:storm',
    source: { format: 'test', file: 'invented', receivedAt: null, encoding: 'utf-8', line: 1, labels: { link: 'https://wire.example.com/storm' } },
    guid: 'urn:example:storm-1',
    firstCreated: '2019-04-25T11:17:00+01:00',
    versionCreated: '2019-04-25T11:45:00+01:00',
    headline: 'Storm & ferries',
    summary: 'Ferries stay in port.',
    byline: { text: 'By Kari Invented', names: ['Kari Invented'], title: null },
    keywords: ['weather'],
    subjects: [{ scheme: 'subj', code: '17004000', name: 'weather forecast' }],
    body: [{ kind: 'paragraph', text: 'An invented storm closed the ferries.', line: 1, take: 1 }],
    language: 'en',
  });
  const xml = serializeAtom([story]);
  assert.equal(
    xml.slice(xml.indexOf('  <entry')),
    `  <entry xml:lang="en">
    <id>urn:example:storm-1</id>
    <title>Storm &amp; ferries</title>
    <updated>2019-04-25T11:45:00+01:00</updated>
    <published>2019-04-25T11:17:00+01:00</published>
    <author><name>By Kari Invented</name></author>
    <link rel="alternate" href="https://wire.example.com/storm"/>
    <category term="weather"/>
    <category term="17004000" scheme="subj" label="weather forecast"/>
    <summary>Ferries stay in port.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
<p>An invented storm closed the ferries.</p>
    </div></content>
  </entry>
</feed>
`,
  );
  const [back] = atom.parse(new SourceFile(Buffer.from(xml), { name: 'x' }));
  assert.deepStrictEqual(feedFacts(back!), feedFacts(story));
  assert.deepStrictEqual(back!.subjects, story.subjects);
});

feedRoundTripCases(atomWriter, atom);
