import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedData, sharedPath, skipWithout } from '../../testing/shared-data.js';
import { descendants, parseXml } from '../xml/xml.js';
import * as api from './parse.js';
import { nitf, readNitfElement } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';

// Every story in the fixtures and below is invented; only the markup follows NITF 3.x.

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function assertValid(story: Story): void {
  assert.ok(validate(story), JSON.stringify(validate.errors, null, 2));
}

function parseBytes(bytes: Uint8Array, name = 'invented.xml'): Story {
  const stories = nitf.parse(new SourceFile(bytes, { name, receivedAt: '2024-03-12T09:30:00.000Z' }));
  assert.equal(stories.length, 1);
  assertValid(stories[0]!);
  return stories[0]!;
}

function parse(xml: string): Story {
  return parseBytes(Buffer.from(xml));
}

function fixture(name: string): Story {
  return parseBytes(readFileSync(join(fixtures, name)), name);
}

/**
 * A NITF document with the given parts in their places. `docdata` goes on from the
 * element's name: its attributes, then `>` and its children (`' management-status="usable"><urgency ed-urg="3"/>'`).
 */
function nitfDoc(parts: { head?: string; docdata?: string; bodyHead?: string; content?: string; end?: string; attributes?: string }): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<nitf${parts.attributes ?? ''}>\n` +
    `<head>${parts.head ?? ''}${parts.docdata !== undefined ? `<docdata${parts.docdata}</docdata>` : ''}</head>\n` +
    `<body>\n<body.head>${parts.bodyHead ?? '<hedline><hl1>Invented headline</hl1></hedline>'}</body.head>\n` +
    `<body.content>${parts.content ?? '<p>Invented copy.</p>'}</body.content>\n` +
    `${parts.end !== undefined ? `<body.end>${parts.end}</body.end>` : ''}</body>\n</nitf>\n`
  );
}

function failure(input: string | Uint8Array, name = 'input.xml'): ParseError {
  const file = new SourceFile(typeof input === 'string' ? Buffer.from(input) : input, { name });
  try {
    nitf.parse(file);
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    return error;
  }
  assert.fail('read what it should refuse');
}

function rulesOf(story: Story): string[] {
  return story.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.rule}`);
}

test('exports the reader, its sniffer and parser, and the element reader, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['nitf', 'parseNitf', 'readNitfElement', 'sniffNitf']);
  assert.equal(nitf.id, 'nitf');
});

test('sniffs a <nitf> root past the declaration, comments and DOCTYPE, and nothing else', () => {
  const sniff = (text: string) => nitf.sniff(new SourceFile(Buffer.from(text), { name: 'x' }));
  assert.deepEqual(sniff('<?xml version="1.0"?>\n<!-- note -->\n<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">\n<nitf><head/></nitf>'), {
    score: 1,
    reason: 'root element <nitf>',
  });
  assert.equal(sniff('\ufeff<n:nitf xmlns:n="http://iptc.org/std/NITF/2006-10-18/"/>').score, 1);
  assert.deepEqual(sniff('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), { score: 0, reason: 'root element <rss>, not <nitf>' });
  assert.deepEqual(sniff('<NewsML><NewsItem><nitf/></NewsItem></NewsML>'), { score: 0, reason: 'root element <NewsML>, not <nitf>' });
  assert.deepEqual(sniff('OSLO, March 4 (IP) - Invented copy.'), { score: 0, reason: 'not XML' });
  assert.deepEqual(sniff('{"uri": "x"}'), { score: 0, reason: 'not XML' });
  assert.deepEqual(sniff(`<!-- ${'x'.repeat(3000)} --><nitf/>`), { score: 0, reason: 'no root element in the first 2 KB' });
});

test('reads every part of a complete NITF 3.6 document into the Story', () => {
  const story = fixture('invented-full.xml');
  assert.deepStrictEqual(story, {
    id: story.id,
    source: {
      format: 'nitf',
      file: 'invented-full.xml',
      receivedAt: '2024-03-12T09:30:00.000Z',
      encoding: 'utf-8',
      line: 3,
      labels: {
        'anpa-keyword': 'Ferry Vote',
        'tobject.type': 'news',
        'tobject.property.type': 'current',
        'doc-id.regsrc': 'XYZ',
        'doc.copyright.holder': 'Invented Press',
        'doc.copyright.year': '2024',
        'date.expire': '20240412T101500+0100',
        distributor: 'Invented Press',
      },
    },
    slug: 'ferry-vote',
    takes: [],
    priority: 'urgent',
    version: null,
    guid: 'xyz.2024.ferry-vote',
    revision: 2,
    firstCreated: '2024-03-11T18:00:00+01:00',
    versionCreated: '2024-03-12T10:15:00+01:00',
    urgency: 3,
    headline: 'Harbour town votes to keep its ferry',
    summary: 'Voters in Portville chose to keep the town ferry running.\nTurnout was the highest in twenty years.',
    byline: { text: 'By Anna Example and Piet Sample', names: ['Anna Example', 'Piet Sample'], title: 'Invented Press Writers' },
    dateline: { text: 'PORTVILLE, Norway, March 12 (IP) -', place: 'PORTVILLE', region: null, country: 'Norway', date: '2024-03-12', credit: 'IP' },
    credits: ['IP'],
    notes: ['Eds: adds quote from the mayor.', 'Ole Made-Up contributed to this report.'],
    subjects: [
      { scheme: 'subj', code: '11000000', name: 'Politics' },
      { scheme: 'subj', code: '11003000', name: 'Elections' },
      { scheme: 'XYZ', code: 'LOC-17', name: null },
    ],
    keywords: ['ferry', 'referendum'],
    body: [
      {
        kind: 'paragraph',
        text: 'Voters in the harbour town of Portville decided on Tuesday to keep their century-old ferry, ending a year of quarrels over its cost.',
        line: 48,
        take: 1,
      },
      { kind: 'paragraph', text: '"The ferry is the town," Mayor Lise Fictive said after the count. "We will find the money."', line: 50, take: 1 },
      { kind: 'crosshead', text: 'Cost of repairs', line: 52, take: 1 },
      { kind: 'paragraph', text: 'Repairs to the hull will cost about 2 million crowns, the council said.', line: 54, take: 1 },
      { kind: 'preformatted', text: 'Votes cast\nChoice\tVotes\nKeep the ferry\t4,120\nBuild a bridge\t1,877', line: 55, take: 1 },
      { kind: 'preformatted', text: 'Turnout   81.2%\nSpoiled      12', line: 62, take: 1 },
      { kind: 'paragraph', text: 'The next council meeting is on April 2.', line: 67, take: 1 },
    ],
    signoffs: [{ kind: 'signoff', text: 'IP/ae/1015 GMT', agencies: [], initials: ['IP', 'ae'], time: '10:15', zone: 'GMT', date: null, line: 71 }],
    status: 'usable',
    signal: null,
    embargo: null,
    language: 'en-GB',
    damage: [],
    diagnostics: [],
  });
  // The provider names the story: the id is its guid and revision.
  assert.equal(story.id, 'xyz.2024.ferry-vote@2');
});

// ---------------------------------------------------------------------------
// docdata

test('reads ed-urg as the urgency and the priority it stands for', () => {
  const read = (value: string) => {
    const story = parse(nitfDoc({ docdata: `><urgency ed-urg="${value}"/>` }));
    return [story.urgency, story.priority];
  };
  assert.deepEqual(
    ['1', '2', '3', '5', '8', '0', 'high'].map(read),
    [[1, 'flash'], [2, 'bulletin'], [3, 'urgent'], [5, 'routine'], [8, 'deferred'], [null, null], [null, null]],
  );
  assert.deepEqual(rulesOf(parse(nitfDoc({ docdata: '><urgency ed-urg="high"/>' }))), ['warn nitf/urgency']);
});

test('reads an <urgency> misplaced in <head>, saying so', () => {
  const story = parse(nitfDoc({ head: '<urgency ed-urg="2"/>' }));
  assert.deepEqual([story.urgency, rulesOf(story)], [2, ['info nitf/misplaced']]);
});

test('reads doc-id as the guid, du-key key as the slug and a numeric du-key version as the revision', () => {
  const story = parse(nitfDoc({ docdata: '><doc-id regsrc="IP" id-string="ip.ferry.1"/><du-key key="ferry-vote" version="04"/>' }));
  assert.deepEqual([story.guid, story.slug, story.revision, story.source.labels['doc-id.regsrc']], ['ip.ferry.1', 'ferry-vote', 4, 'IP']);
  const named = parse(nitfDoc({ docdata: '><du-key key="ferry-vote" version="v2b"/>' }));
  assert.deepEqual([named.revision, rulesOf(named)], [null, ['info nitf/du-key-version']]);
});

test('takes AAP’s anpa-keyword as the slug when there is no du-key', () => {
  const story = parse(nitfDoc({ head: '<meta name="anpa-keyword" content="Ferry Vote"/>' }));
  assert.deepEqual([story.slug, story.source.labels['anpa-keyword']], ['Ferry Vote', 'Ferry Vote']);
});

test('reads date.issue as the version’s creation, and as the first creation of a first version only', () => {
  const first = parse(nitfDoc({ docdata: '><date.issue norm="20240312T101500+0100"/>' }));
  assert.deepEqual([first.versionCreated, first.firstCreated], ['2024-03-12T10:15:00+01:00', '2024-03-12T10:15:00+01:00']);
  const later = parse(nitfDoc({ docdata: '><date.issue norm="2024-03-12T10:15:00Z"/><du-key version="3"/>' }));
  assert.deepEqual([later.versionCreated, later.firstCreated], ['2024-03-12T10:15:00Z', null]);
  const history = parse(
    nitfDoc({
      docdata: '><date.issue norm="20240312T101500Z"/><du-key version="3"/>',
      head: '',
    }).replace('</head>', '<revision-history norm="20240311T080000Z"/><revision-history norm="20240310T080000Z"/></head>'),
  );
  assert.equal(history.firstCreated, '2024-03-10T08:00:00Z');
});

test('keeps a date with no time zone as written in the labels, and warns, rather than guess the zone', () => {
  const story = parse(nitfDoc({ docdata: '><date.issue norm="20141126T152703"/><date.release norm="YYYYMMDD000000-HHMM"/>' }));
  assert.deepEqual(
    {
      versionCreated: story.versionCreated,
      issue: story.source.labels['date.issue'],
      release: story.source.labels['date.release'],
      messages: story.diagnostics.map((diagnostic) => diagnostic.message),
    },
    {
      versionCreated: null,
      issue: '20141126T152703',
      release: 'YYYYMMDD000000-HHMM',
      messages: [
        '<date.issue norm="20141126T152703"> names no time zone, so it is no moment; kept in source.labels',
        '<date.release norm="YYYYMMDD000000-HHMM"> is no ISO 8601 date-time; kept in source.labels',
      ],
    },
  );
});

test('reads management-status: usable, withheld, canceled (a kill), embargoed (withheld with an embargo)', () => {
  const read = (status: string) => {
    const story = parse(nitfDoc({ docdata: ` management-status="${status}">` }));
    return [story.status, story.signal, story.embargo];
  };
  assert.deepEqual(
    ['usable', 'withheld', 'canceled', 'cancelled', 'embargoed'].map(read),
    [
      ['usable', null, null],
      ['withheld', null, null],
      ['canceled', 'kill', null],
      ['canceled', 'kill', null],
      ['withheld', null, { text: 'embargoed', until: null }],
    ],
  );
  const odd = parse(nitfDoc({ docdata: ' management-status="pending">' }));
  assert.deepEqual([odd.status, rulesOf(odd)], ['usable', ['warn nitf/management-status']]);
});

test('reads a date.release later than date.issue as an embargo lifting then', () => {
  const later = parse(nitfDoc({ docdata: '><date.issue norm="20240301T120000+0000"/><date.release norm="20240302T000100+0000"/>' }));
  assert.deepEqual([later.status, later.embargo], ['withheld', { text: '20240302T000100+0000', until: '2024-03-02T00:01:00Z' }]);
  const same = parse(nitfDoc({ docdata: '><date.issue norm="20240301T120000+0000"/><date.release norm="20240301T130000+0100"/>' }));
  assert.deepEqual([same.status, same.embargo], ['usable', null]);
  // A status the document gives stands: a canceled item may carry a release date.
  const canceled = parse(
    nitfDoc({ docdata: ' management-status="canceled"><date.issue norm="20240301T120000Z"/><date.release norm="20240302T120000Z"/>' }),
  );
  assert.deepEqual([canceled.status, canceled.embargo?.until], ['canceled', '2024-03-02T12:00:00Z']);
});

test('reads an embargoed PA item: the notice in the editor’s message, lifting at date.release', () => {
  const story = fixture('invented-embargo.xml');
  assert.deepEqual(
    { status: story.status, embargo: story.embargo, notes: story.notes, encoding: story.source.encoding, signoffs: story.signoffs.map((each) => each.kind) },
    {
      status: 'withheld',
      embargo: { text: 'Embargoed to 0001 Saturday March 2', until: '2024-03-02T00:01:00Z' },
      notes: ['(see also HEALTH Figures) Embargoed to 0001 Saturday March 2'],
      encoding: 'iso-8859-1',
      signoffs: ['end'],
    },
  );
});

test('reads an ed-msg of type embargo as the embargo notice, not a note', () => {
  const story = parse(nitfDoc({ docdata: ' management-status="embargoed"><ed-msg msg-type="embargo" info="EMBARGOED UNTIL 0001 GMT"/><ed-msg info=""/>' }));
  assert.deepEqual([story.embargo, story.notes], [{ text: 'EMBARGOED UNTIL 0001 GMT', until: null }, []]);
});

test('takes an editor’s message that opens with an embargo notice as an embargo, and one merely about an embargo as a note', () => {
  const announced = parse(nitfDoc({ docdata: '><ed-msg info="Embargoed until 0001 GMT Friday"/>' }));
  assert.deepEqual([announced.status, announced.embargo], ['withheld', { text: 'Embargoed until 0001 GMT Friday', until: null }]);
  const about = parse(nitfDoc({ docdata: '><ed-msg info="Eds: the embargo on invented exports is lifted."/>' }));
  assert.deepEqual([about.status, about.embargo, about.notes], ['usable', null, ['Eds: the embargo on invented exports is lifted.']]);
});

test('reads key-list keywords from the key attribute or the text, once each', () => {
  const story = parse(nitfDoc({ docdata: '><key-list><keyword key="ferry"/><keyword>vote</keyword><keyword key="ferry"/><keyword/></key-list>' }));
  assert.deepEqual(story.keywords, ['ferry', 'vote']);
});

test('reads tobject.subject refnums as subject codes, named at their most specific tier', () => {
  const story = parse(
    nitfDoc({
      head:
        '<tobject><tobject.subject tobject.subject.refnum="04000000" tobject.subject.type="Economy"/>' +
        '<tobject.subject tobject.subject.ipr="IPTC" tobject.subject.refnum="04001002" tobject.subject.type="Economy" tobject.subject.matter="Agriculture" tobject.subject.detail="Fishing Industry"/>' +
        '<tobject.subject tobject.subject.ipr="EFE" tobject.subject.refnum="F01001000" tobject.subject.matter="GOVERNMENT"/>' +
        '<tobject.subject tobject.subject.ipr="IPTC"/></tobject>',
    }),
  );
  assert.deepEqual(story.subjects, [
    { scheme: 'subj', code: '04000000', name: 'Economy' },
    { scheme: 'subj', code: '04001002', name: 'Fishing Industry' },
    { scheme: 'EFE', code: 'F01001000', name: 'GOVERNMENT' },
  ]);
  assert.deepEqual(rulesOf(story), ['info nitf/subject']);
});

test('reads the copyright, expiry, meta and doc-scope into the labels', () => {
  const story = parse(
    nitfDoc({
      head: '<meta name="category" content="POL"/><meta name="category" content="ECO"/>',
      docdata: '><date.expire norm="20240412T101500+0100"/><doc-scope scope="POLITICS"/><doc.copyright year="2024" holder="Invented Press"/>',
    }),
  );
  assert.deepEqual(story.source.labels, {
    category: ['POL', 'ECO'],
    'doc.copyright.holder': 'Invented Press',
    'doc.copyright.year': '2024',
    'doc-scope': 'POLITICS',
    'date.expire': '20240412T101500+0100',
  });
});

test('keeps meta of any name as a label of its own, even names objects carry', () => {
  const story = parse(nitfDoc({ head: '<meta name="constructor" content="a"/><meta name="__proto__" content="b"/><meta name="__proto__" content="c"/>' }));
  assert.deepEqual(Object.entries(story.source.labels), [
    ['constructor', 'a'],
    ['__proto__', ['b', 'c']],
  ]);
});

test('reads a <correction> as a correction signal', () => {
  assert.equal(parse(nitfDoc({ docdata: '><correction info="fixes the vote count"/>' })).signal, 'correction');
});

test('reads the language from baselang, xml:lang on the body, or a <lang> in the content', () => {
  assert.equal(parse(nitfDoc({ attributes: ' baselang="nb-NO"' })).language, 'nb-NO');
  assert.equal(parse(nitfDoc({}).replace('<body>', '<body xml:lang="de">')).language, 'de');
  assert.equal(parse(nitfDoc({ content: '<lang lang="it"/><p>Copia inventata.</p>' })).language, 'it');
  assert.equal(parse(nitfDoc({ attributes: ' baselang="not a language"' })).language, null);
});

// ---------------------------------------------------------------------------
// body.head

test('reads hl1 as the headline, falling back to the head’s title', () => {
  assert.equal(parse(nitfDoc({ bodyHead: '<hedline><hl1>Ferry <em>stays</em></hl1></hedline>' })).headline, 'Ferry stays');
  assert.equal(parse(nitfDoc({ head: '<title>Ferry stays</title>', bodyHead: '' })).headline, 'Ferry stays');
});

test('reads the abstract as the summary, else an hl2 that does not repeat the headline', () => {
  const abstract = parse(nitfDoc({ bodyHead: '<hedline><hl1>Ferry stays</hl1><hl2>Vote ends quarrel</hl2></hedline><abstract><p>One.</p><p>Two.</p></abstract>' }));
  assert.equal(abstract.summary, 'One.\nTwo.');
  assert.equal(parse(nitfDoc({ bodyHead: '<hedline><hl1>Ferry stays</hl1><hl2>Vote ends quarrel</hl2></hedline>' })).summary, 'Vote ends quarrel');
  // AP repeats the headline as hl2 id="originalHeadline".
  assert.equal(parse(nitfDoc({ bodyHead: '<hedline><hl1>Ferry stays</hl1><hl2 id="originalHeadline">Ferry stays</hl2></hedline>' })).summary, null);
  // AAP writes the abstract as bare text.
  assert.equal(parse(nitfDoc({ bodyHead: '<hedline><hl1>Ferry stays</hl1></hedline><abstract>Bare text</abstract>' })).summary, 'Bare text');
});

test('reads the byline: people, their title, and names from a By line', () => {
  const byline = (markup: string) => parse(nitfDoc({ bodyHead: `<hedline><hl1>H</hl1></hedline>${markup}` })).byline;
  assert.deepEqual(
    [
      byline('<byline>By ANNA EXAMPLE<byttl>Invented Press Writer</byttl></byline>'),
      byline('<byline><person>Anna Example and Piet Sample</person>\n<byttl>The Invented Press</byttl></byline>'),
      byline('<byline>By Jo Invented, Press Association Health Correspondent</byline>'),
      byline('<byline>By Anna Example, Piet Sample &amp; Ole Made-Up =</byline>'),
      byline('<byline><byttl>Invented Sports Network</byttl></byline>'),
      byline('<byline>By<person>Staff Reporter</person><byttl>BusinessDesk</byttl></byline>'),
      byline('<byline>ae/ko</byline>'),
      byline('<byline> </byline>'),
    ],
    [
      { text: 'By ANNA EXAMPLE', names: ['ANNA EXAMPLE'], title: 'Invented Press Writer' },
      { text: 'Anna Example and Piet Sample', names: ['Anna Example', 'Piet Sample'], title: 'The Invented Press' },
      { text: 'By Jo Invented', names: ['Jo Invented'], title: 'Press Association Health Correspondent' },
      { text: 'By Anna Example, Piet Sample & Ole Made-Up', names: ['Anna Example', 'Piet Sample', 'Ole Made-Up'], title: null },
      { text: 'Invented Sports Network', names: [], title: 'Invented Sports Network' },
      { text: 'By Staff Reporter', names: ['Staff Reporter'], title: 'BusinessDesk' },
      { text: 'ae/ko', names: [], title: null },
      null,
    ],
  );
});

test('reads the dateline element: its location, its story.date norm, and its text as written', () => {
  const dateline = (markup: string, content = '<p>Invented copy.</p>') =>
    parse(nitfDoc({ bodyHead: `<hedline><hl1>H</hl1></hedline>${markup}`, content })).dateline;
  assert.deepEqual(
    [
      dateline('<dateline><location><city>Newport News</city>, <state>VA</state></location></dateline>'),
      dateline('<dateline>\n<location>\n<city>Portville</city>\n<state>Westshire</state>\n<country>Norway</country>\n</location>\n<story.date norm="20240312T101500-0400"/>\n</dateline>'),
      dateline('<dateline><location>ROME</location></dateline>'),
      dateline('<dateline>Oslo</dateline>'),
      dateline('<dateline>SYDNEY March 22 AAP -</dateline>'),
      dateline('<dateline><story.date norm="20240312T101500+0000">20240312T101500+0000</story.date></dateline>'),
      dateline('<dateline>\n<location>BEIJING</location>\n<story.date>July 23</story.date>\n</dateline>'),
    ],
    [
      { text: 'Newport News, VA', place: 'Newport News', region: 'VA', country: null, date: null, credit: null },
      { text: 'Portville, Westshire, Norway', place: 'Portville', region: 'Westshire', country: 'Norway', date: '2024-03-12', credit: null },
      { text: 'ROME', place: 'ROME', region: null, country: null, date: null, credit: null },
      { text: 'Oslo', place: 'Oslo', region: null, country: null, date: null, credit: null },
      // AAP leaves out the comma before the date; the year comes from date.issue, here absent.
      { text: 'SYDNEY March 22 AAP -', place: 'SYDNEY', region: null, country: null, date: '--03-22', credit: 'AAP' },
      null,
      // Kyodo's dateline, with no dash and no comma before the date.
      { text: 'BEIJING July 23', place: 'BEIJING', region: null, country: null, date: '--07-23', credit: null },
    ],
  );
});

test('takes the dateline off the lead paragraph when it names the dateline’s place, as AP and CP deliver it', () => {
  const read = (bodyHead: string, lead: string, docdata = '><date.issue norm="20240312T101500Z"/>') => {
    const story = parse(nitfDoc({ docdata, bodyHead: `<hedline><hl1>H</hl1></hedline>${bodyHead}`, content: `<p>${lead}</p><p>Second.</p>` }));
    return { dateline: story.dateline, lead: story.body[0]!.text };
  };
  assert.deepEqual(read('<dateline><location>NEW YORK</location></dateline>', 'NEW YORK (AP) — Invented copy.'), {
    dateline: { text: 'NEW YORK (AP) —', place: 'NEW YORK', region: null, country: null, date: null, credit: 'AP' },
    lead: 'Invented copy.',
  });
  assert.deepEqual(
    read('<dateline><location><city>Ottawa</city><state>Ontario</state><country>Canada</country></location><story.date norm="20240311T090000-0400"/></dateline>', 'OTTAWA - Invented copy.'),
    {
      dateline: { text: 'OTTAWA -', place: 'Ottawa', region: 'Ontario', country: 'Canada', date: '2024-03-11', credit: null },
      lead: 'Invented copy.',
    },
  );
  // No dateline element: the lead paragraph's dateline is the dateline, as in plain wire copy.
  assert.deepEqual(read('', 'SEOUL, Nov 26 AFP - Invented copy.'), {
    dateline: { text: 'SEOUL, Nov 26 AFP -', place: 'SEOUL', region: null, country: null, date: '2023-11-26', credit: 'AFP' },
    lead: 'Invented copy.',
  });
  // A dateline in the paragraph that names another place stays in the copy.
  assert.deepEqual(read('<dateline><location>ROME</location></dateline>', 'MILAN (AP) — Invented copy.'), {
    dateline: { text: 'ROME', place: 'ROME', region: null, country: null, date: null, credit: null },
    lead: 'MILAN (AP) — Invented copy.',
  });
});

test('reads the agencies’ own lead datelines: ANSA’s credit first, EFE’s .-, Ritzau’s /ritzau/:', () => {
  const read = (lead: string, bodyHead = '') => {
    const story = parse(nitfDoc({ docdata: '><date.issue norm="20240712T101500Z"/>', bodyHead: `<hedline><hl1>H</hl1></hedline>${bodyHead}`, content: `<p>${lead}</p>` }));
    return [story.dateline, story.body[0]!.text, story.credits];
  };
  assert.deepEqual(read('(ANSA) - ROME, JUL 11 - Invented copy.', '<dateline><location>ROME</location></dateline>'), [
    { text: '(ANSA) - ROME, JUL 11 -', place: 'ROME', region: null, country: null, date: '2024-07-11', credit: 'ANSA' },
    'Invented copy.',
    ['ANSA'],
  ]);
  assert.deepEqual(read('Tegucigalpa, Jan 2 (EFE).- Invented copy.'), [
    { text: 'Tegucigalpa, Jan 2 (EFE).-', place: 'Tegucigalpa', region: null, country: null, date: '2024-01-02', credit: 'EFE' },
    'Invented copy.',
    ['EFE'],
  ]);
  assert.deepEqual(read('København /ritzau/: Invented copy.'), [
    { text: 'København /ritzau/:', place: 'København', region: null, country: null, date: null, credit: 'ritzau' },
    'Invented copy.',
    ['ritzau'],
  ]);
  assert.deepEqual(read('MOSCOW, January 21. /TASS/. Invented copy.'), [
    { text: 'MOSCOW, January 21. /TASS/.', place: 'MOSCOW', region: null, country: null, date: '2024-01-21', credit: 'TASS' },
    'Invented copy.',
    ['TASS'],
  ]);
  // A date in Spanish is not read, but the credit vouches for the place.
  assert.deepEqual(read('Nueva Delhi, 21 ene (EFE).- Copia inventada.'), [
    { text: 'Nueva Delhi, 21 ene (EFE).-', place: 'Nueva Delhi', region: null, country: null, date: null, credit: 'EFE' },
    'Copia inventada.',
    ['EFE'],
  ]);
});

test('takes credits from the dateline, else the sign-offs, else the distributor', () => {
  const credits = (parts: Parameters<typeof nitfDoc>[0]) => parse(nitfDoc(parts)).credits;
  assert.deepEqual(credits({ content: '<p>OSLO (NTB/AFP) - Invented copy.</p>' }), ['NTB', 'AFP']);
  assert.deepEqual(credits({ content: '<p>Invented copy.</p><p>AAP RTV ar</p>' }), ['AAP']);
  assert.deepEqual(credits({ bodyHead: '<hedline><hl1>H</hl1></hedline><distributor><org>Invented Press</org></distributor>' }), ['Invented Press']);
  assert.deepEqual(credits({}), []);
});

test('reads notes in body.head as notes to editors', () => {
  const story = parse(
    nitfDoc({ bodyHead: '<hedline><hl1>H</hl1></hedline><note noteclass="editorsnote" type="npa"><body.content><p>Not for publication.</p></body.content></note>' }),
  );
  assert.deepEqual(story.notes, ['Not for publication.']);
});

// ---------------------------------------------------------------------------
// body.content and body.end

test('reads paragraphs with line breaks and markup folded, leaving out empty ones', () => {
  const story = parse(nitfDoc({ content: '<p>   One line <br />broken <a href="x">here</a>.</p><p/><p>  </p><p>Two&#10;lines.</p>' }));
  assert.deepEqual(
    story.body.map((block) => block.text),
    ['One line broken here.', 'Two lines.'],
  );
});

test('reads hl2 and h2 in the content as crossheads, table and pre as preformatted, inside blocks at any depth', () => {
  const story = parse(
    nitfDoc({
      content:
        '<block id="Main"><hl2>Results</hl2><block><table><thead><tr><th/><th>W</th><th>L</th></tr></thead>' +
        '<tbody><tr><td>Portville</td><td>4</td><td>1</td></tr><tr><td/><td/><td/></tr></tbody></table></block></block>' +
        '<h2>Fixtures</h2><pre>\n\nPortville v Eastby   Sat\nWestby v Northby    Sun  \n\n</pre>',
    }),
  );
  assert.deepEqual(
    story.body.map((block) => [block.kind, block.text]),
    [
      ['crosshead', 'Results'],
      ['preformatted', '\tW\tL\nPortville\t4\t1'],
      ['crosshead', 'Fixtures'],
      ['preformatted', 'Portville v Eastby   Sat\nWestby v Northby    Sun'],
    ],
  );
});

test('reads list items and block quotes as paragraphs, and ignores media and rules', () => {
  const story = parse(
    nitfDoc({
      content:
        '<media media-type="image"><media-reference source="x.jpg"/><media-caption>Caption.</media-caption></media>' +
        '<ul><li><em>First:</em> item.</li><li><p>Second item.</p></li></ul><hr/>' +
        '<bq><p>Quoted.</p><credit>Invented Poet</credit></bq>',
    }),
  );
  assert.deepEqual(
    story.body.map((block) => block.text),
    ['First: item.', 'Second item.', 'Quoted.', 'Invented Poet'],
  );
});

test('reads a block’s own metadata as no copy', () => {
  const story = parse(nitfDoc({ content: '<block><byline>By Anna Example</byline><dateline>OSLO</dateline><p>Copy.</p></block>' }));
  assert.deepEqual(story.body.map((block) => block.text), ['Copy.']);
});

test('reads plain wire copy standing directly in body.content with the wire-text reader', () => {
  const story = fixture('invented-plain-content.xml');
  assert.deepEqual(
    { dateline: story.dateline, body: story.body, signoffs: story.signoffs.map((each) => [each.text, each.line]), credits: story.credits },
    {
      dateline: { text: 'OSLO, March 4 (IP) -', place: 'OSLO', region: null, country: null, date: '--03-04', credit: 'IP' },
      body: [
        {
          kind: 'paragraph',
          text: 'Grain stocks held on invented farms were steady in February as farmers waited for better prices, the invented grain board said.',
          line: 7,
          take: 1,
        },
        { kind: 'paragraph', text: 'Stocks of barley rose slightly, the board said in its monthly report.', line: 11, take: 1 },
      ],
      signoffs: [['IP/ko/1015 GMT', 14]],
      credits: ['IP'],
    },
  );
});

test('takes closing paragraphs that are sign-offs or end marks off the body', () => {
  const read = (content: string) => {
    const story = parse(nitfDoc({ content }));
    return [story.body.map((block) => block.text), story.signoffs.map(({ kind, text, agencies, initials }) => ({ kind, text, agencies, initials }))];
  };
  assert.deepEqual(read('<p>Copy.</p><p>   AAP RTV ar</p>'), [['Copy.'], [{ kind: 'signoff', text: 'AAP RTV ar', agencies: ['AAP'], initials: ['RTV', 'ar'] }]]);
  assert.deepEqual(read('<p>Copy.</p><p><br />AFP sn</p>'), [['Copy.'], [{ kind: 'signoff', text: 'AFP sn', agencies: ['AFP'], initials: ['sn'] }]]);
  assert.deepEqual(read('<p>Copy.</p><p>ends</p>'), [['Copy.'], [{ kind: 'end', text: 'ends', agencies: [], initials: [] }]]);
  assert.deepEqual(read('<p>Copy.</p><p>/ritzau/</p>'), [['Copy.'], [{ kind: 'signoff', text: '/ritzau/', agencies: ['ritzau'], initials: [] }]]);
  assert.deepEqual(read('<p>Copy.</p><p>BSS/AFP/MSY/1117 hrs</p><p>-30-</p>'), [
    ['Copy.'],
    [
      { kind: 'signoff', text: 'BSS/AFP/MSY/1117 hrs', agencies: ['BSS', 'AFP'], initials: ['MSY'] },
      { kind: 'end', text: '-30-', agencies: [], initials: [] },
    ],
  ]);
  // A short last paragraph that is no sign-off stays copy.
  assert.deepEqual(read('<p>Copy.</p><p>Happy fishing everybody!</p>'), [['Copy.', 'Happy fishing everybody!'], []]);
});

test('reads tagline lines that look like sign-offs as sign-offs, the others as notes', () => {
  const story = parse(nitfDoc({ content: '<p>Copy.</p><p>ends</p>', end: '<tagline>Ole Made-Up contributed to this article.<br/>AAP ae</tagline>' }));
  assert.deepEqual(
    [story.notes, story.signoffs.map((each) => [each.kind, each.text, each.agencies])],
    [
      ['Ole Made-Up contributed to this article.'],
      [
        ['end', 'ends', []],
        ['signoff', 'AAP ae', ['AAP']],
      ],
    ],
  );
});

test('flags U+FFFD in the copy as characters lost before it reached us', () => {
  const story = parse(nitfDoc({ bodyHead: '<hedline><hl1>Cost \ufffd66bn</hl1></hedline>', content: '<p>A \ufffd66 billion hit.</p><p>Fine.</p>' }));
  assert.deepEqual(
    [story.damage.map((damage) => [damage.kind, damage.block]), rulesOf(story)],
    [
      [
        ['undecodable', 0],
        ['undecodable', null],
      ],
      ['warn damage/undecodable', 'warn damage/undecodable'],
    ],
  );
  // A lead paragraph that was all dateline goes, and the damage after it keeps pointing at its paragraph.
  const moved = parse(nitfDoc({ content: '<p>OSLO (NTB) -</p><p>A \ufffd66 billion hit.</p>' }));
  assert.deepEqual(
    [moved.dateline?.text, moved.body.map((block) => block.text), moved.damage.map((damage) => [damage.kind, damage.block])],
    ['OSLO (NTB) -', ['A \ufffd66 billion hit.'], [['undecodable', 0]]],
  );
});

// ---------------------------------------------------------------------------
// Encodings

test('reads bytes the declaration names as ISO-8859-1 in that encoding', () => {
  const story = fixture('invented-latin1.xml');
  assert.deepEqual([story.headline, story.source.encoding, story.language, story.diagnostics], ['Café fermé à Portville', 'iso-8859-1', 'fr-FR', []]);
});

test('reads UTF-8 bytes declared as ISO-8859-1 as UTF-8, saying so, rather than make mojibake', () => {
  const xml = nitfDoc({ content: '<p>En 41-årig mand blev løsladt.</p>' }).replace('encoding="UTF-8"', 'encoding="iso-8859-1"');
  const story = parse(xml);
  assert.deepEqual([story.body[0]!.text, story.source.encoding, rulesOf(story)], ['En 41-årig mand blev løsladt.', 'utf-8', ['warn encoding/mislabelled']]);
});

// ---------------------------------------------------------------------------
// Refusals

test('refuses a document with another root, naming it and the reader to try', () => {
  const cases: [string, string, string][] = [
    ['<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', 'input/not-nitf', 'expected a <nitf> root element, found <rss>: an RSS feed (try --from rss)'],
    ['<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"/>', 'input/not-nitf', 'expected a <nitf> root element, found <newsItem>: a NewsML-G2 news item (try --from newsml-g2)'],
    ['<NewsML><NewsItem/></NewsML>', 'input/not-nitf', 'expected a <nitf> root element, found <NewsML>: a NewsML 1.2 document (try --from newsml-1.2)'],
    ['<packageItem guid="x"/>', 'input/not-text', 'this is a NewsML-G2 package (root <packageItem>), not a text story; expected a <nitf> root'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'input/not-nitf', 'expected a <nitf> root element, found <feed>: an Atom feed (try --from atom)'],
    ['<html><body><p>Hello<br></p></body></html>', 'input/not-nitf', 'expected a <nitf> root element, found <html>: an HTML page'],
    ['<constructor/>', 'input/not-nitf', 'expected a <nitf> root element, found <constructor>: an XML document of another kind'],
    ['OSLO, March 4 (IP) - Invented copy.\n', 'input/not-nitf', 'expected an XML document with a <nitf> root, found plain text (try --from wire-text)'],
    ['{"uri": "urn:invented"}', 'input/not-nitf', 'expected an XML document with a <nitf> root, found JSON (try --from ninjs)'],
  ];
  for (const [input, rule, message] of cases) {
    const error = failure(input);
    assert.equal(error.reader, 'nitf');
    assert.deepEqual([error.diagnostics.at(-1)!.rule, error.diagnostics.at(-1)!.message], [rule, message]);
    assert.ok(error.message.startsWith('Cannot parse `input.xml`'), error.message);
  }
});

test('refuses a NITF that carries only a picture as no text story', () => {
  const error = failure(readFileSync(join(fixtures, 'invented-picture.xml')), 'invented-picture.xml');
  assert.equal(
    error.message,
    'Cannot parse `invented-picture.xml` (line 8) as nitf: this is a picture item, not a text story: its <body.content> holds <media media-type="image"> and no text',
  );
  assert.equal(error.diagnostics.at(-1)!.rule, 'input/not-text');
});

test('refuses a NITF with no headline and no copy, and input that is empty or not well-formed', () => {
  assert.equal(failure('<nitf><head><title/></head><body><body.head><hedline/></body.head><body.content/></body></nitf>').diagnostics.at(-1)!.rule, 'input/no-copy');
  assert.equal(failure(' \n ').diagnostics.at(-1)!.rule, 'input/empty');
  const malformed = failure('<nitf><body><p>Unclosed</body></nitf>');
  assert.equal(malformed.diagnostics.at(-1)!.rule, 'xml/malformed');
  assert.match(malformed.message, /line 1/);
  // Entities a DTD declares are never expanded.
  const entity = failure('<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body><body.content><p>&x;</p></body.content></body></nitf>');
  assert.equal(entity.diagnostics.at(-1)!.rule, 'xml/malformed');
});

test('never crashes on arbitrary bytes: a valid Story, or a ParseError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      try {
        for (const story of nitf.parse(new SourceFile(bytes, { name: 'random.bin' }))) assertValid(story);
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
        assert.ok(error.diagnostics.length > 0);
      }
    }),
    { numRuns: 300 },
  );
});

const piece = fc.oneof(
  fc.constantFrom(
    '<nitf>', '</nitf>', '<head>', '</head>', '<docdata management-status="embargoed">', '</docdata>', '<urgency ed-urg="2"/>',
    '<date.issue norm="20240312T101500Z"/>', '<date.release norm="20240313T000000+0100"/>', '<du-key version="3" key="k"/>',
    '<doc-id id-string="x"/>', '<ed-msg info="Embargoed until noon"/>', '<body>', '</body>', '<body.head>', '</body.head>', '<hedline>',
    '</hedline>', '<hl1>', '</hl1>', '<hl2>', '</hl2>', '<byline>', '</byline>', '<person>', '</person>', '<byttl>', '</byttl>',
    '<dateline>', '</dateline>', '<location>', '</location>', '<city>', '</city>', '<story.date norm="2024">', '</story.date>',
    '<abstract>', '</abstract>', '<body.content>', '</body.content>', '<p>', '</p>', '<br/>', '<block>', '</block>',
    '<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<pre>', '</pre>', '<media media-type="video">', '</media>',
    '<body.end>', '</body.end>', '<tagline>', '</tagline>', 'OSLO (AP) - ', 'By Anna Example', 'AAP RTV ar', 'ends', '&amp;', '\n',
  ),
  fc.string({ maxLength: 40 }),
);

test('never crashes on NITF-like markup in any order: a valid Story, or a ParseError', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      try {
        for (const story of nitf.parse(new SourceFile(Buffer.from(pieces.join('')), { name: 'random.xml' }))) assertValid(story);
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
      }
    }),
    { numRuns: 500 },
  );
});

// ---------------------------------------------------------------------------
// NITF inside other documents

test('reads a NITF embedded in another document, naming the calling reader in its messages', () => {
  const envelope =
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentSet><inlineXML contenttype="application/nitf+xml">' +
    '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Invented Rovers (29-23) at Portville (26-24)</hl1></hedline>' +
    '<byline><byttl>Invented Sports Network</byttl></byline><abstract><p>Two teams meet.</p></abstract></body.head>' +
    '<body.content><p>(Invented Sports Network) - Two teams coming off sweeps meet tonight.</p><p>Portville \ufffd.</p></body.content></body></nitf>' +
    '</inlineXML></contentSet></newsItem>';
  const file = new SourceFile(Buffer.from(envelope), { name: 'item.xml' });
  const element = descendants(parseXml(file, 'newsml-g2'), 'nitf')[0]!;
  const copy = readNitfElement(element, file, { source: 'newsml-g2', referenceDate: '2024-05-02T12:00:00Z' });
  assert.deepEqual(
    {
      headline: copy.headline,
      summary: copy.summary,
      byline: copy.byline,
      body: copy.body.map((block) => block.text),
      status: copy.status,
      labels: copy.labels,
      messages: file.messages.map((message) => [message.rule, message.source]),
    },
    {
      headline: 'Invented Rovers (29-23) at Portville (26-24)',
      summary: 'Two teams meet.',
      byline: { text: 'Invented Sports Network', names: [], title: 'Invented Sports Network' },
      body: ['(Invented Sports Network) - Two teams coming off sweeps meet tonight.', 'Portville \ufffd.'],
      status: 'usable',
      labels: {},
      messages: [['damage/undecodable', 'newsml-g2']],
    },
  );
  // Every Story field but id, source and diagnostics, the labels for the source, and Slugline's own id if it wrote the document.
  assert.deepEqual(Object.keys(copy).sort(), [
    'body', 'byline', 'credits', 'damage', 'dateline', 'embargo', 'firstCreated', 'guid', 'headline', 'keywords', 'labels', 'language',
    'notes', 'ownId', 'priority', 'revision', 'signal', 'signoffs', 'slug', 'status', 'subjects', 'summary', 'takes', 'urgency', 'version',
    'versionCreated',
  ]);
});

test('reads a bare <body> or <body.content> handed over on its own', () => {
  const file = new SourceFile(Buffer.from('<body.content><p>OSLO (NTB) - Invented copy.</p></body.content>'), { name: 'part.xml' });
  const copy = readNitfElement(parseXml(file, 'newsml'), file);
  assert.deepEqual([copy.dateline?.place, copy.body.map((block) => block.text)], ['OSLO', ['Invented copy.']]);
});

const embeddedFiles = ['agency/core/ap.xml', 'agency/belga/tass_belga.xml', 'agency/belga/kyodo_newsml_1_2_belga.xml'];

test('reads the NITF that the NewsML documents of the shared data carry', { skip: embeddedFiles.map(skipWithout).find(Boolean) ?? false }, () => {
  const embedded = (name: string) => {
    const file = new SourceFile(readFileSync(sharedPath(name)!), { name });
    return descendants(parseXml(file, 'newsml'), 'nitf').map((element) => {
      const copy = readNitfElement(element, file, { source: 'newsml' });
      return { headline: copy.headline, dateline: copy.dateline, blocks: copy.body.length, first: copy.body[0]?.text.slice(0, 40) };
    });
  };
  // AP's NewsML-G2 news message: three NITF bodies with AP's `_` dateline dash.
  assert.deepEqual(
    embedded('agency/core/ap.xml').map((each) => [each.dateline, each.blocks]),
    [
      [{ text: 'FORT WASHINGTON, Pa. (AP) _', place: 'FORT WASHINGTON', region: 'Pa.', country: null, date: null, credit: 'AP' }, 10],
      [{ text: 'BETHESDA, Md. (AP) _', place: 'BETHESDA', region: 'Md.', country: null, date: null, credit: 'AP' }, 11],
      [{ text: 'KNOXVILLE, Tenn. (AP) _', place: 'KNOXVILLE', region: 'Tenn.', country: null, date: null, credit: 'AP' }, 7],
    ],
  );
  assert.deepEqual(embedded('agency/belga/tass_belga.xml'), [
    {
      headline: "Kremlin has 'negative reaction' to upcoming EU sanctions",
      dateline: { text: 'MOSCOW, January 21. /TASS/.', place: 'MOSCOW', region: null, country: null, date: '--01-21', credit: 'TASS' },
      blocks: 3,
      first: 'The Kremlin does not support the EU?s de',
    },
  ]);
  assert.deepEqual(embedded('agency/belga/kyodo_newsml_1_2_belga.xml').map((each) => [each.headline, each.dateline?.text, each.dateline?.date]), [
    ['Ex-Chinese Premier Li Peng dies aged 90: Xinhua', 'BEIJING July 23', '--07-23'],
  ]);
});

// ---------------------------------------------------------------------------
// The real agency files, when they are there

/** What we check of each real file: its identity, its people and places, and the shape of its copy. */
function facts(story: Story) {
  return {
    headline: story.headline,
    guid: story.guid,
    revision: story.revision,
    versionCreated: story.versionCreated,
    urgency: story.urgency,
    status: story.status,
    embargo: story.embargo,
    byline: story.byline,
    dateline: story.dateline,
    credits: story.credits,
    signoffs: story.signoffs.map((signoff) => signoff.text),
    // p paragraph, c crosshead, t preformatted (a table)
    blocks: story.body.map((block) => ({ paragraph: 'p', crosshead: 'c', preformatted: 't' })[block.kind]).join(''),
    first: story.body[0]!.text.slice(0, 50),
    last: story.body.at(-1)!.text.slice(-30),
  };
}

type Facts = ReturnType<typeof facts>;

/** What a file that does not say them has. */
const none: Pick<Facts, 'guid' | 'revision' | 'urgency' | 'status' | 'embargo' | 'byline' | 'dateline' | 'credits' | 'signoffs'> = {
  guid: null,
  revision: null,
  urgency: null,
  status: 'usable',
  embargo: null,
  byline: null,
  dateline: null,
  credits: [],
  signoffs: [],
};

/** Every NITF file of the shared data, and what it says (checked by eye against the file). */
const realFiles: Record<string, Facts | { refused: string }> = {
  'agency/belga/ansa_belga.xml': {
    ...none,
    headline: '>>>ANSA/Gazprom cuts Italy gas supplies by a third',
    guid: 'XAM22192010243_AMZ_X083',
    versionCreated: null, // `2022-07-11 18:33`: no time zone
    byline: { text: 'Situation serious, ready for all scenarios says EC', names: [], title: null },
    dateline: { text: '(ANSA) - ROME, JUL 11 -', place: 'ROME', region: null, country: null, date: '2022-07-11', credit: 'ANSA' },
    credits: ['ANSA'],
    blocks: 'p',
    first: 'Russian energy giant Gazprom on Monday cut its gas',
    last: ' Italian fuels giant Eni said.',
  },
  'agency/core/aap-1.xml': {
    ...none,
    headline: 'F1 Test',
    guid: 'AAP.115314987.5417374',
    versionCreated: '2013-10-20T19:27:51+11:00',
    urgency: 5,
    byline: { text: 'By John Doe', names: ['John Doe'], title: null },
    dateline: { text: 'Sydney', place: 'Sydney', region: null, country: null, date: null, credit: null },
    blocks: 'p',
    first: 'Bogus',
    last: 'Bogus',
  },
  'agency/core/aap-cyber.xml': {
    ...none,
    headline: 'Headline',
    guid: 'urn:newsml:localhost:2016-04-13T14:52:21.830724:0a686ee3-ec38-4fbf-beeb-aae311aecfdb',
    versionCreated: '2016-04-13T04:52:21Z',
    urgency: 3,
    byline: { text: 'By John Doe', names: ['John Doe'], title: null },
    dateline: { text: 'SYDNEY March 22 AAP -', place: 'SYDNEY', region: null, country: null, date: '2016-03-22', credit: 'AAP' },
    credits: ['AAP'],
    blocks: 'p',
    first: 'body1',
    last: 'body1',
  },
  'agency/core/aap-finance-lite.xml': { refused: 'input/no-copy' },
  'agency/core/aap-finance.xml': {
    ...none,
    headline: 'ASIA:Samsung sells defence, petrochemical units',
    guid: 'AFP.121974877.6504909',
    versionCreated: null, // `20141126T152703`: no time zone
    urgency: 5,
    dateline: { text: 'SEOUL, Nov 26 AFP -', place: 'SEOUL', region: null, country: null, date: '2014-11-26', credit: 'AFP' },
    credits: ['AFP'],
    signoffs: ['AFP sn'],
    blocks: 'ppppppppppppp',
    first: 'Samsung has announced the sale of stakes in four p',
    last: 'reholders opposed to the deal.',
  },
  'agency/core/aap-finance1.xml': {
    ...none,
    headline: 'Highlights of the AAP Finance Wire at 14:45 Feb 20, 2015',
    guid: 'AAP.0.6703189',
    versionCreated: null,
    urgency: 5,
    credits: ['AAP'],
    signoffs: ['AAP gfr'],
    blocks: 'ppppppppppppppppp',
    first: 'Highlights of the AAP Finance Wire for Friday, Feb',
    last: 'ek and Finance Briefs to come.',
  },
  'agency/core/aap-sports.xml': {
    ...none,
    headline: 'RL:Ferguson returns at centre for Roosters',
    guid: 'AAP.123253116.6697929',
    versionCreated: null,
    urgency: 5,
    credits: ['AAP'],
    signoffs: ['AAP RTV'],
    blocks: 'pppp',
    first: 'Blake Ferguson has been named to make his top grad',
    last: 'gles at Central Coast Stadium.',
  },
  'agency/core/aap.xml': {
    ...none,
    headline: "The main stories on today's 1900 ABC TV news",
    guid: 'AAP.115314987.5417374',
    versionCreated: '2013-10-20T19:27:51+11:00',
    urgency: 5,
    byline: { text: 'By John Doe', names: ['John Doe'], title: null },
    dateline: { text: 'Sydney', place: 'Sydney', region: null, country: null, date: null, credit: null },
    credits: ['AAP'],
    signoffs: ['AAP RTV ar'],
    blocks: 'pppppppppppp',
    first: "The main stories on ABC television's 1900 news:",
    last: 'camps are vulnerable to abuse.',
  },
  'agency/core/ap-nitf.xml': {
    ...none,
    headline: 'Can trading pollution like stocks help fight climate change?',
    versionCreated: '2015-12-10T19:10:44Z',
    byline: { text: 'By BERNARD CONDON', names: ['BERNARD CONDON'], title: 'AP Business Writer' },
    dateline: { text: 'NEW YORK (AP) —', place: 'NEW YORK', region: null, country: null, date: null, credit: 'AP' },
    credits: ['AP'],
    blocks: 'pppppppppppppppppppppppppppp',
    first: 'The gas produced by hog manure at farms across the',
    last: 'p.org/content/bernard-condon .',
  },
  'agency/core/ap_media_text_nitf.xml': {
    ...none,
    headline: 'BC-BBN--Top Ten',
    versionCreated: '2019-07-03T04:05:12Z',
    credits: ['The Associated Press'],
    blocks: 'ctptptp',
    first: 'BC-BBN--Top Ten',
    last: '-3; Scherzer, Washington, 8-5.',
  },
  'agency/core/efe_nitf.xml': {
    ...none,
    headline: 'Honduran president announces Cabinet changes',
    guid: '22751909',
    versionCreated: '2017-01-02T22:28:00Z',
    urgency: 5,
    byline: { text: 'gr/bp', names: [], title: null },
    dateline: { text: 'Tegucigalpa, Jan 2 (EFE).-', place: 'Tegucigalpa', region: null, country: null, date: '2017-01-02', credit: 'EFE' },
    credits: ['EFE'],
    blocks: 'p',
    first: 'Test body.',
    last: 'Test body.',
  },
  'agency/core/handle_invalid_fields.xml': {
    ...none,
    headline: 'Man accused of ramming gate at Rideau Hall with truck faces multiple charges',
    guid: 'eed713d46d74499d86b3250fa47b341b',
    versionCreated: '2020-07-03T16:51:36-04:00',
    urgency: 2,
    byline: { text: 'Mia Rabson and Jordan Press', names: ['Mia Rabson', 'Jordan Press'], title: 'The Canadian Press' },
    dateline: { text: 'OTTAWA -', place: 'Ottawa', region: 'Ontario', country: 'Canada', date: '2020-07-03', credit: null },
    credits: ['THE CANADIAN PRESS'],
    blocks: 'ppppppppppppppppppppppppppp',
    first: 'A Manitoba man is facing 22 criminal charges after',
    last: ' first published July 3, 2020.',
  },
  'agency/core/mapping_test.xml': {
    ...none,
    headline: '*En 41-årig mand, der onsdag blev anholdt og sat i forbindel',
    guid: '20160512:RTZ:8883:0',
    revision: 4,
    versionCreated: '2016-05-12T00:05:13+02:00',
    urgency: 3,
    dateline: { text: 'København /ritzau/:', place: 'København', region: null, country: null, date: null, credit: 'ritzau' },
    credits: ['ritzau'],
    signoffs: ['/ritzau/'],
    blocks: 'ppp',
    first: 'En 41-årig mand, der onsdag blev anholdt og sat i ',
    last: 'er Københavns Vestegns Politi.',
  },
  'agency/core/nitf-fishing.xml': {
    ...none,
    headline: 'Weather and Tide Updates for Norfolk',
    guid: 'iptc.321656141.b',
    revision: 1,
    versionCreated: '2002-02-25T14:30:00-05:00',
    urgency: 3,
    status: 'canceled',
    embargo: { text: '20020226T093000-0500', until: '2002-02-26T09:30:00-05:00' },
    byline: { text: 'By Alan Karben', names: ['Alan Karben'], title: 'NITF Network News Online' },
    dateline: { text: 'Newport News, VA', place: 'Newport News', region: 'VA', country: null, date: null, credit: null },
    credits: ['XML Team Solutions, Inc.'],
    blocks: 'ppcppcppppp',
    first: 'The weather was superb today in Norfolk, Virginia.',
    last: 'Happy fishing everybody!',
  },
  'agency/core/nitf-ntb.xml': {
    ...none,
    headline: 'Faktisk.no: Nei, dette dokumentet beskriver ikke FNs Agenda 21 eller Agenda 2030',
    guid: 'faktisk-d9cde75b-256e-4989-b6a3-b8ad27f43a5c_47',
    revision: 48,
    versionCreated: null, // `2020-09-07T14:45:26`: no time zone
    urgency: 5,
    byline: { text: 'Geir Molnes / Faktisk.no', names: [], title: null },
    dateline: { text: 'Oslo', place: 'Oslo', region: null, country: null, date: null, credit: null },
    credits: ['NTB'],
    blocks: 'pcpppcpcppppppppppppppcppppcpppcppppppppcppppppcpppcpcpcp',
    first: 'Nei, dette dokumentet beskriver ikke FNs Agenda 21',
    last: 'tisk.no/js/embed.js"></script>',
  },
  'agency/core/pa1.xml': {
    ...none,
    headline: 'PA SPORT TRIVIA (OCTOBER 14)',
    guid: 'af1f7ad5-5619-49de-84cc-2e608538c77fSSS-3-1',
    versionCreated: '2015-10-14T04:30:01+01:00',
    urgency: 4,
    signoffs: ['ends'],
    blocks: 'p'.repeat(42),
    first: 'ON THIS DAY IN SPORT',
    last: '13; 4. Oslo; 5. Barry Manilow.',
  },
  'agency/core/pa2.xml': {
    ...none,
    headline: '1 SOCCER INT-Teams',
    guid: 'T201510140143580001T',
    versionCreated: '2015-10-14T02:43:58+01:00',
    urgency: 3,
    blocks: 't',
    first: 'International Match\nMexico v Panama\nMexico: Talave',
    last: 'n, Pinzon, Buitrago, Calderon.',
  },
  'agency/core/pa3.xml': {
    ...none,
    headline: "UK BREAK-UP 'NOT INCONCEIVABLE', FIRST MINISTER WARNS AHEAD OF BREXIT TALKS",
    guid: '4a82e12e-6b39-47eb-8e59-2c616a7e32a4HHH-13-1',
    versionCreated: '2016-09-08T13:24:46+01:00',
    urgency: 4,
    status: 'withheld',
    embargo: { text: 'Embargoed to 0001 Friday September 9', until: '2016-09-09T00:01:00+01:00' },
    byline: { text: 'By Benjamin Wright', names: ['Benjamin Wright'], title: 'Press Association' },
    blocks: 'p',
    first: 'The UK risks breaking up unless all home nations p',
    last: 'ole in the Brexit negotiations',
  },
  'agency/core/pa4.xml': {
    ...none,
    headline: 'GREAT BRITISH BAKE OFF COOKS UP TOP FIVE MOST-WATCHED SHOWS OF 2016',
    guid: '255dd17c-cecd-4e56-a555-24fcaf1ef394HHH-8-1',
    versionCreated: '2016-10-03T15:22:57+01:00',
    urgency: 4,
    byline: { text: 'By Ian Jones', names: ['Ian Jones'], title: 'Press Association' },
    signoffs: ['ends'],
    blocks: 'p'.repeat(20),
    first: 'The Great British Bake Off has made a clean sweep ',
    last: ' (ITV) April 30: 11.87 million',
  },
  'agency/core/pa5.xml': {
    ...none,
    headline: 'HARD BREXIT TO COST UK UP TO £66BN A YEAR, SAYS TREASURY',
    guid: '17b7b4c3-6e05-4690-b7cb-37b5c99c9a86HHH-5-1',
    versionCreated: '2016-10-11T00:13:27+01:00',
    urgency: 4,
    byline: { text: 'By Sam Lister', names: ['Sam Lister'], title: 'Press Association Political Correspondent' },
    signoffs: ['ends'],
    blocks: 'p'.repeat(18),
    first: 'Treasury coffers will take a £66 billion annual hi',
    last: 's how we control immigration."',
  },
  'agency/cp/ap/ap-agate-nitf.xml': {
    ...none,
    headline: 'NBA Expanded Glance',
    versionCreated: '2021-05-12T14:00:07Z',
    credits: ['The Associated Press'],
    blocks: 'pcctctctcctctctpppcpppppppppppcppppppcpppppppppcppppppppcpppppp',
    first: 'All Times EDT',
    last: 'Phoenix at San Antonio, 1 p.m.',
  },
  'agency/cp/ap/ap-table-nitf.xml': {
    ...none,
    headline: 'Top Ten',
    versionCreated: '2021-07-06T05:35:42Z',
    credits: ['The Associated Press'],
    blocks: 'pctcpcpcp',
    first: 'THROUGH JULY 5',
    last: ', Oakland, 7-1; 5 tied at 7-3.',
  },
  'iptc/ninjs/tools-xslt-samples/NTB_nitf_sample.xml': {
    ...none,
    headline: 'Pandemien herjer på den legeløse indiske landsbygda',
    guid: 'NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00',
    revision: 1,
    versionCreated: null, // `2021-05-16T09:00:04`: no time zone
    urgency: 5,
    byline: { text: 'NTB-AFP-DPA', names: [], title: null },
    dateline: { text: 'Unnao', place: 'Unnao', region: null, country: null, date: null, credit: null },
    credits: ['NTB'],
    blocks: 'ppppcppppcpppcpppcpppp',
    first: 'Koronapandemien herjer også i landsbyer rundt omkr',
    last: '(©NTB)',
  },
};

/** Every file under `agency/` whose root element is <nitf>, found by sniffing, as a path relative to the shared data. */
function sniffAgencyFiles(): string[] {
  const found: string[] = [];
  const visit = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (nitf.sniff(new SourceFile(readFileSync(path).subarray(0, 2048), { name: path })).score > 0) found.push(relative(sharedData, path));
    }
  };
  visit(sharedPath('agency')!);
  return found;
}

test('finds by sniffing exactly the NITF files of the agency data, and no other', { skip: skipWithout('agency') }, (t) => {
  const found = sniffAgencyFiles();
  t.diagnostic(`${found.length} files under agency/ have a <nitf> root`);
  assert.deepEqual(found, Object.keys(realFiles).filter((name) => name.startsWith('agency/')).sort());
});

for (const [name, expected] of Object.entries(realFiles)) {
  test(`reads ${name} as it is`, { skip: skipWithout(name) }, () => {
    const bytes = readFileSync(sharedPath(name)!);
    if ('refused' in expected) {
      assert.equal(failure(bytes, name).diagnostics.at(-1)!.rule, expected.refused);
      return;
    }
    const story = parseBytes(bytes, name);
    assert.ok(story.headline, 'a headline');
    assert.ok(story.body.length > 0, 'a body');
    assert.deepStrictEqual(facts(story), expected);
  });
}

test('reads the subjects, keywords, notes and language the real files carry', { skip: skipWithout('agency/core') }, () => {
  const read = (name: string) => parseBytes(readFileSync(sharedPath(name)!), name);
  const efe = read('agency/core/efe_nitf.xml');
  assert.deepEqual([efe.subjects, efe.keywords, efe.summary, efe.language], [
    [
      { scheme: 'subj', code: '11006005', name: 'Executive (government)' },
      { scheme: 'EFE', code: 'F01001000', name: 'GOVERNMENT' },
    ],
    ['HONDURAS GOVERNMENT'],
    'Test Abstract',
    'en-US',
  ]);
  const fishing = read('agency/core/nitf-fishing.xml');
  assert.deepEqual([fishing.slug, fishing.firstCreated, fishing.keywords, fishing.signal, fishing.notes], [
    'ongoing-winter-tide-updates',
    '2002-02-20T09:00:00-05:00',
    ['fishing', 'lures', 'tides'],
    'kill',
    [
      'Today begins an expanded format of this popular column.',
      'This sample article was created completely from scratch in order to illustrate various features of NITF. Parts of it are somewhat contrived, in order to illustrate as much of the DTD as possible.',
      'Stewart Klometers contributed to this article.',
    ],
  ]);
  const cp = read('agency/core/handle_invalid_fields.xml');
  assert.deepEqual([cp.keywords, cp.summary, rulesOf(cp)], [
    ['National', 'Justice', 'Politics'],
    'Rideau Hall suspect faces multiple charges',
    ['warn nitf/date', 'info nitf/misplaced', 'info nitf/subject'],
  ]);
  const ritzau = read('agency/core/mapping_test.xml');
  assert.deepEqual([ritzau.slug, ritzau.language, ritzau.source.encoding, rulesOf(ritzau)], ['NU-FLASH-K', 'no-NO', 'utf-8', ['warn encoding/mislabelled']]);
  const pa5 = read('agency/core/pa5.xml');
  assert.deepEqual([pa5.source.encoding, pa5.subjects, pa5.keywords], ['iso-8859-1', [], ['Brexit']]);
});
