import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import * as api from './parse.js';
import { newsml1 } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';

// Every story in these fixtures is invented; only the markup follows NewsML 1.2 and
// the agencies' profiles of it.


function assertValid(stories: Story[]): void {
  for (const story of stories) assert.ok(validate(story), `${story.id}: ${JSON.stringify(validate.errors, null, 2)}`);
}

const receivedAt = '2024-01-02T03:04:05.000Z';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

function parse(input: string | Buffer, name = 'invented.xml'): { stories: Story[]; file: SourceFile } {
  const file = new SourceFile(typeof input === 'string' ? Buffer.from(input) : input, { name, receivedAt });
  const stories = newsml1.parse(file);
  assertValid(stories);
  return { stories, file };
}

/** A ParseError from reading `input`, checked to carry `rule` as its last message. */
function refusal(input: string | Buffer, rule: string): ParseError {
  const file = new SourceFile(typeof input === 'string' ? Buffer.from(input) : input, { name: 'invented.xml' });
  try {
    newsml1.parse(file);
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    assert.equal(error.reader, 'newsml-1.2');
    assert.equal(error.diagnostics[error.diagnostics.length - 1]?.rule, rule, error.message);
    return error;
  }
  assert.fail(`expected a ParseError (${rule})`);
}

/** A NewsML document holding one NewsItem, its parts given as markup. */
function newsItem(parts: { management?: string; lines?: string; meta?: string; content?: string; identifier?: string }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<NewsML Version="1.2">\n<NewsEnvelope><DateAndTime>20190425T101800Z</DateAndTime></NewsEnvelope>\n<NewsItem>\n' +
    `<Identification><NewsIdentifier>${
      parts.identifier ??
      '<ProviderId>example.com</ProviderId><DateId>20190425</DateId><NewsItemId>X-1</NewsItemId><RevisionId>1</RevisionId><PublicIdentifier>urn:newsml:example.com:20190425:X-1:1</PublicIdentifier>'
    }</NewsIdentifier></Identification>\n` +
    `<NewsManagement><NewsItemType FormalName="News"/>${parts.management ?? '<FirstCreated>20190425T111700+0100</FirstCreated><ThisRevisionCreated>20190425T111700+0100</ThisRevisionCreated><Status FormalName="Usable"/>'}</NewsManagement>\n` +
    '<NewsComponent>\n' +
    `<NewsLines>${parts.lines ?? '<HeadLine>Invented council approves budget</HeadLine>'}</NewsLines>\n` +
    (parts.meta ?? '') +
    (parts.content ??
      '<ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF"/><DataContent><nitf><body><body.content><p>The invented council approved its budget for next year on Tuesday.</p></body.content></body></nitf></DataContent></ContentItem>') +
    '\n</NewsComponent>\n</NewsItem>\n</NewsML>\n'
  );
}

test('exports the reader and its sniffer, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['newsml1', 'parseNewsml1', 'sniffNewsml1']);
  assert.equal(newsml1.id, 'newsml-1.2');
});

test('sniffs a <NewsML> root, a bare <NewsItem>, and nothing else', () => {
  const sniff = (text: string) => newsml1.sniff(new SourceFile(Buffer.from(text), { name: 'x' }));
  assert.deepEqual(sniff(fixture('invented-afp.xml').toString()), { score: 1, reason: 'found a <NewsML> root' });
  assert.equal(sniff('<!DOCTYPE NewsML PUBLIC "x" "y" [<!ENTITY % nitf SYSTEM "n.dtd"> %nitf; ]>\n<NewsML>').score, 1);
  assert.equal(sniff('<?xml version="1.0"?><!-- a comment --><NewsItem><Identification/></NewsItem>').score, 0.9);
  // NewsML-G2 has lower-case roots: not this format.
  assert.equal(sniff('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" standard="NewsML-G2"/>').score, 0);
  assert.equal(sniff('<rss version="2.0"><channel/></rss>').score, 0);
  assert.deepEqual(sniff('BERGEN, April 25 (AFP) - Plain wire copy.'), { score: 0, reason: 'not XML' });
});

test('reads an AFP-style item whole: identification, management, news lines, metadata, NITF body and sign-off', () => {
  const { stories } = parse(fixture('invented-afp.xml'), 'invented-afp.xml');
  assert.deepStrictEqual(stories, [
    {
      id: 'newsml:afp.com:20190425T101700Z:TX-PAR-ABC12:2',
      source: {
        format: 'newsml-1.2',
        file: 'invented-afp.xml',
        receivedAt,
        encoding: 'utf-8',
        line: 12,
        labels: {
          DateAndTime: '20190425T101800Z',
          NewsProduct: ['EUW'],
          NewsService: 'DGTE',
          ProviderId: 'afp.com',
          DateId: '20190425T101700Z',
          NewsItemId: 'TX-PAR-ABC12',
          NameLabel: 'Norway-weather-fjords',
          NewsItemType: 'News',
          CreditLine: 'AFP',
        },
      },
      slug: 'Norway-weather',
      takes: [],
      priority: 'bulletin',
      version: null,
      guid: 'urn:newsml:afp.com:20190425T101700Z:TX-PAR-ABC12:2',
      revision: 2,
      firstCreated: '2019-04-25T11:17:00+01:00',
      versionCreated: '2019-04-25T11:45:00+01:00',
      urgency: 2,
      headline: 'Invented storm closes fjord ferries',
      summary: 'Ferries stay in port as winds reach 120 km/h',
      byline: { text: 'By Kari Invented', names: ['Kari Invented'], title: 'AFP correspondent' },
      dateline: { text: 'BERGEN, Norway, April 25, 2019 (AFP) -', place: 'BERGEN', region: null, country: 'Norway', date: '2019-04-25', credit: 'AFP' },
      credits: ['AFP'],
      notes: ['ADDS ferry operator quote'],
      subjects: [
        { scheme: 'subj', code: '17000000', name: null },
        { scheme: 'subj', code: '17004000', name: null },
      ],
      keywords: ['storm', 'weather'],
      body: [
        { kind: 'paragraph', text: 'An invented storm closed every ferry crossing on the fjords around Bergen on Thursday, the operator said.', line: 73, take: 1 },
        { kind: 'paragraph', text: '"No boat leaves until the wind drops," a spokeswoman for the invented ferry company told AFP.', line: 74, take: 1 },
        { kind: 'crosshead', text: '- Roads closed too -', line: 75, take: 1 },
        { kind: 'paragraph', text: 'Two mountain roads were also closed as a precaution, police said.', line: 76, take: 1 },
      ],
      signoffs: [{ kind: 'signoff', text: 'kb/ji/tw', agencies: [], initials: ['kb', 'ji', 'tw'], time: null, zone: null, date: null, line: 77 }],
      status: 'usable',
      signal: 'update',
      embargo: null,
      language: 'en',
      damage: [],
      diagnostics: [],
    },
  ]);
});

test('reads each news object of a Belga-style package as a story named by its Duid, and tells the picture it leaves', () => {
  const { stories } = parse(fixture('invented-package.xml'), 'invented-package.xml');
  assert.deepStrictEqual(
    stories.map((story) => ({
      id: story.id,
      guid: story.guid,
      line: story.source.line,
      role: story.source.labels.Role,
      headline: story.headline,
      language: story.language,
      dateline: story.dateline,
      credits: story.credits,
      keywords: story.keywords,
      body: story.body.map((block) => [block.line, block.text]),
    })),
    [
      {
        id: 'newsml:belga.be:20190129T133400:11223344:1#11223345',
        guid: 'urn:newsml:belga.be:20190129T133400:11223344#11223345',
        line: 27,
        role: 'Short',
        headline: 'Uitgevonden brug weer open',
        language: 'nl',
        dateline: { text: 'GENT', place: 'GENT', region: null, country: 'BELGIUM', date: null, credit: null },
        credits: ['BELGA'],
        keywords: ['VERKEER'],
        body: [
          [48, 'De uitgevonden brug over de Leie is sinds dinsdag weer open voor alle verkeer.'],
          [53, 'De werken duurden acht maanden en kostten volgens de stad ongeveer twee miljoen euro, iets meer dan voorzien.'],
          [54, 'Fietsers krijgen een eigen strook aan beide kanten van de brug, zegt de schepen van mobiliteit.'],
        ],
      },
      {
        id: 'newsml:belga.be:20190129T133400:11223344:1#11223349',
        guid: 'urn:newsml:belga.be:20190129T133400:11223344#11223349',
        line: 57,
        role: 'Short',
        headline: 'Un pont inventé rouvre',
        language: 'fr',
        dateline: null,
        credits: ['BELGA'],
        keywords: [],
        body: [[66, 'Le pont inventé sur la Lys est rouvert à toute circulation depuis mardi, a indiqué la ville.']],
      },
    ],
  );
  assert.deepStrictEqual(
    stories[0]!.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.rule, diagnostic.message]),
    [
      ['info', 'newsml/public-identifier', '<PublicIdentifier> `urn:newsml:www.belga.be` names no item (urn:newsml:provider:date:item:revision): the guid is made of ProviderId, DateId and NewsItemId'],
      ['info', 'newsml/date', '<FirstCreated> `20190129T124550` names no time zone, so it is no moment: kept in source.labels'],
      ['info', 'newsml/date', '<ThisRevisionCreated> `20190129T133400` names no time zone, so it is no moment: kept in source.labels'],
      ['info', 'newsml/object-not-read', 'the news object with Role Picture “De uitgevonden brug” holds Jpeg and no body text: not read as a story'],
    ],
  );
  assert.deepEqual([stories[0]!.firstCreated, stories[0]!.source.labels.FirstCreated], [null, '20190129T124550']);
});

test('refuses an item whose only component is a picture, saying it is no text story', () => {
  const error = refusal(fixture('invented-photo.xml'), 'input/not-text');
  assert.equal(
    error.message,
    'Cannot parse `invented.xml` (line 23) as newsml-1.2: the NewsItem holds no text component, only image/jpeg: it is no text story, which is what Slugline reads',
  );
});

test('refuses an item with a headline and empty text components, naming them', () => {
  const content =
    '<NewsComponent><Role FormalName="Title"/><ContentItem><Format FormalName="Text"/><DataContent>Invented tip</DataContent></ContentItem></NewsComponent>' +
    '<NewsComponent><Role FormalName="Body"/><ContentItem><Format FormalName="Text"/><DataContent/></ContentItem></NewsComponent>';
  const error = refusal(newsItem({ lines: '<HeadLine>Invented tip</HeadLine>', content }), 'input/not-text');
  assert.match(error.message, /the NewsItem holds a headline \(“Invented tip”\) but no body text: its Body component is empty, so it is no text story$/);
});

test('maps status, urgency, embargo and instruction: Embargoed until StatusWillChange, Rectify a correction', () => {
  const management =
    '<FirstCreated>20190425T111700+0100</FirstCreated><ThisRevisionCreated>20190425T114500+0100</ThisRevisionCreated>' +
    '<Status FormalName="Embargoed"/><StatusWillChange><FutureStatus FormalName="Usable"/><DateAndTime>20190426T060000+0100</DateAndTime></StatusWillChange>' +
    '<Urgency FormalName="7"/><Instruction FormalName="Rectify"/>';
  const [story] = parse(newsItem({ management })).stories;
  assert.deepStrictEqual(
    [story!.status, story!.embargo, story!.urgency, story!.priority, story!.signal],
    ['withheld', { text: 'Embargoed until 20190426T060000+0100', until: '2019-04-26T06:00:00+01:00' }, 7, 'deferred', 'correction'],
  );
  const [canceled] = parse(newsItem({ management: '<Status FormalName="Canceled"/><Urgency>1</Urgency>' })).stories;
  assert.deepStrictEqual([canceled!.status, canceled!.signal, canceled!.urgency, canceled!.priority], ['canceled', 'kill', 1, 'flash']);
});

test('falls back to the envelope priority, and warns about a status it does not know', () => {
  const xml = newsItem({ management: '<Status FormalName="OPEN"/>' }).replace('</DateAndTime>', '</DateAndTime><Priority FormalName="3"/>');
  const [story] = parse(xml).stories;
  assert.deepStrictEqual([story!.status, story!.urgency, story!.priority], ['usable', null, 'urgent']);
  assert.deepStrictEqual(
    story!.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.rule]),
    [['warn', 'newsml/status']],
  );
});

test('makes the guid from the identifier parts when there is no PublicIdentifier, and keeps a revision that is no number out', () => {
  const [story] = parse(
    newsItem({ identifier: '<ProviderId>example.com</ProviderId><DateId>20190425</DateId><NewsItemId>X-2</NewsItemId><RevisionId>A7</RevisionId>' }),
  ).stories;
  assert.deepStrictEqual(
    [story!.guid, story!.id, story!.revision, story!.diagnostics.map((diagnostic) => diagnostic.rule)],
    ['urn:newsml:example.com:20190425:X-2', 'newsml:example.com:20190425:X-2:A7', null, ['newsml/revision']],
  );
});

test('reads subjects with their scheme and keywords from KeywordLine and Keyword properties, each once', () => {
  const meta =
    '<DescriptiveMetadata><Language FormalName="EN-gb"/>' +
    '<SubjectCode><Subject FormalName="04000000"/><SubjectMatter FormalName="04001000" Scheme="IptcSubjectCodes"/><Subject Vocabulary="urn:example:cat" FormalName="ECO"/><Subject FormalName=""/></SubjectCode>' +
    '<SubjectCode><Subject FormalName="04000000"/></SubjectCode>' +
    '<Property FormalName="Keyword" Value="budget"/><Property FormalName="Keyword" Value="council"/></DescriptiveMetadata>';
  const [story] = parse(newsItem({ lines: '<HeadLine>Invented budget</HeadLine><KeywordLine>budget</KeywordLine>', meta })).stories;
  assert.deepStrictEqual(
    { language: story!.language, subjects: story!.subjects, keywords: story!.keywords },
    {
      language: 'en-GB',
      subjects: [
        { scheme: 'subj', code: '04000000', name: null },
        { scheme: 'subj', code: '04001000', name: null },
        { scheme: 'urn:example:cat', code: 'ECO', name: null },
      ],
      keywords: ['budget', 'council'],
    },
  );
});

test('names subjects from an ANA-style TopicSet, and reads HTML held as text', () => {
  const meta =
    '<TopicSet FormalName="NewsSubjects"><Topic><FormalName Scheme="IptcSubjectCodes">09003000</FormalName>' +
    '<Description xml:lang="el" Variant="Name">Απασχόληση</Description><Description xml:lang="en" Variant="Name">Employment</Description></Topic></TopicSet>' +
    '<DescriptiveMetadata><SubjectCode><SubjectMatter FormalName="09003000" Scheme="IptcSubjectCodes"/></SubjectCode>' +
    '<Property FormalName="Country" Value="GRC"/><Property FormalName="City" Value="Athens"/></DescriptiveMetadata>';
  const content =
    '<ContentItem><MediaType FormalName="Text"/><Format FormalName="HTML"/><DataContent><![CDATA[<P>Invented hirings rose in March, the ministry said.</P>\n<P>The figures are &quot;the best&quot; since 2001.</P>]]></DataContent></ContentItem>';
  const [story] = parse(newsItem({ lines: '<HeadLine>Invented hirings</HeadLine><DateLine>4/4/2018</DateLine>', meta, content })).stories;
  assert.deepStrictEqual(
    { subjects: story!.subjects, dateline: story!.dateline, body: story!.body.map((block) => block.text) },
    {
      subjects: [{ scheme: 'subj', code: '09003000', name: 'Employment' }],
      dateline: { text: '4/4/2018', place: 'Athens', region: null, country: 'GRC', date: null, credit: null },
      body: ['Invented hirings rose in March, the ministry said.', 'The figures are "the best" since 2001.'],
    },
  );
});

test('reads XHTML content, a Business Wire abstract as the summary, and leaves the contact and stylesheet out', () => {
  const component = (role: string, format: string, mime: string, data: string) =>
    `<NewsComponent><Role FormalName="${role}"/><ContentItem><Format FormalName="${format}"/><MimeType FormalName="${mime}"/><DataContent>${data}</DataContent></ContentItem></NewsComponent>`;
  const content =
    component('Abstract', 'BW-Text', 'text/plain', 'Invented company opens a plant') +
    component('StyleSheet', 'CSS', 'text/css', '.x { color: red }') +
    component('Contact', 'XHTML', 'text/xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Press office<br/>press@example.com</p></body></html>') +
    component('Body', 'XHTML', 'text/xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title/></head><body><p>The <a href="x">invented company</a> said it would open a plant.</p><p><b>About the company:</b></p></body></html>');
  const [story] = parse(newsItem({ lines: '<HeadLine>Invented plant</HeadLine><DateLine>GREENWICH, Conn.</DateLine>', content })).stories;
  assert.deepStrictEqual(
    { summary: story!.summary, dateline: story!.dateline, body: story!.body.map((block) => block.text) },
    {
      summary: 'Invented company opens a plant',
      dateline: { text: 'GREENWICH, Conn.', place: 'GREENWICH', region: 'Conn.', country: null, date: null, credit: null },
      body: ['The invented company said it would open a plant.', 'About the company:'],
    },
  );
});

test('reads plain text as wire copy, Kyodo’s ==Kyodo as its sign-off, and a dateline year from the item’s date', () => {
  const content =
    '<ContentItem><MediaType FormalName="Text"/><Format FormalName="Nitf_v3.0"/><DataContent><nitf><body><body.content>' +
    '<p>     The invented ministry said on Tuesday it would cut the fee.</p><p>==Kyodo</p></body.content></body></nitf></DataContent></ContentItem>';
  const [story] = parse(newsItem({ lines: '<HeadLine>Invented fee cut</HeadLine><DateLine>TOKYO, April 23</DateLine><CreditLine>Kyodo</CreditLine>', content })).stories;
  assert.deepStrictEqual(
    { dateline: story!.dateline, credits: story!.credits, body: story!.body.map((block) => block.text), signoffs: story!.signoffs.map((signoff) => [signoff.text, signoff.agencies]) },
    {
      dateline: { text: 'TOKYO, April 23', place: 'TOKYO', region: null, country: null, date: '2019-04-23', credit: null },
      credits: ['Kyodo'],
      body: ['The invented ministry said on Tuesday it would cut the fee.'],
      signoffs: [['==Kyodo', ['Kyodo']]],
    },
  );
});

test('reads Belga bulletin text: marks and sound-bite references dropped, a paragraph per long line', () => {
  const long = 'The invented festival in the town was cancelled by the council after it withdrew the permit it had given the organisers';
  const text = `***${long}:&#13;&lt;NewsComponentRef idref="DS1"/&gt;&#13;***The weather stays wet with showers and some thunder later in the evening and into the night.`;
  const content = `<ContentItem><Format FormalName="Text"/><DataContent>${text}</DataContent></ContentItem>`;
  const [story] = parse(newsItem({ content })).stories;
  assert.deepStrictEqual(
    story!.body.map((block) => block.text),
    [`${long}:`, 'The weather stays wet with showers and some thunder later in the evening and into the night.'],
  );
});

test('reads NewsItems nested in a NewsComponent as stories of their own', () => {
  const inner = newsItem({ lines: '<HeadLine>Invented inner story</HeadLine>' })
    .replace(/^[\s\S]*?<NewsItem>/, '<NewsItem>')
    .replace(/<\/NewsML>\s*$/, '')
    .replaceAll('X-1', 'X-9');
  const outer = newsItem({ content: `<ContentItem><MediaType FormalName="Text"/><DataContent>The invented outer story has a body of its own today.</DataContent></ContentItem><NewsComponent>${inner}</NewsComponent>` });
  const { stories } = parse(outer);
  assert.deepStrictEqual(
    stories.map((story) => [story.guid, story.headline, story.body.map((block) => block.text)]),
    [
      ['urn:newsml:example.com:20190425:X-1:1', 'Invented council approves budget', ['The invented outer story has a body of its own today.']],
      ['urn:newsml:example.com:20190425:X-9:1', 'Invented inner story', ['The invented council approved its budget for next year on Tuesday.']],
    ],
  );
});

test('reads UTF-8 bytes whose declaration says ISO-8859-1 as UTF-8, with a warning, and repairs a double-encoded headline', () => {
  const xml = newsItem({ lines: '<HeadLine>Décès: l’opératrice condamnée, Dellâ€™s</HeadLine>' }).replace('encoding="UTF-8"', 'encoding="iso-8859-1"');
  const [story] = parse(Buffer.from(xml, 'utf8')).stories;
  assert.deepStrictEqual(
    [story!.headline, story!.source.encoding, story!.damage, story!.diagnostics.map((diagnostic) => diagnostic.rule)],
    [
      'Décès: l’opératrice condamnée, Dell’s',
      'utf-8',
      [{ kind: 'mojibake', block: null, detail: 'repaired 1 double-encoded UTF-8 sequence(s) in the headline' }],
      ['encoding/mislabelled', 'damage/mojibake'],
    ],
  );
});

test('fails, naming the way out, on a document that is not NewsML 1.2', () => {
  assert.match(refusal('<rss version="2.0"><channel/></rss>', 'newsml/not-newsml').message, /expected a <NewsML> root element, found <rss> \(try --from rss\)$/);
  assert.match(
    refusal('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', 'newsml/not-newsml').message,
    /found <newsMessage> \(NewsML-G2\? try --from newsml-g2\)$/,
  );
  assert.match(refusal('<NewsML><NewsEnvelope/></NewsML>', 'newsml/no-item').message, /expected <NewsItem> elements, found none$/);
  assert.match(refusal('<NewsML><NewsItem><Identification/>', 'xml/malformed').message, /not well-formed XML/);
  refusal(newsItem({}).replace(/<NewsComponent>[\s\S]*<\/NewsComponent>/, ''), 'newsml/no-component');
});

test('gives stories or a ParseError for any bytes at all', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
      try {
        assertValid(newsml1.parse(new SourceFile(bytes, { name: 'fuzz' })));
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    }),
    { numRuns: 300 },
  );
});

test('gives stories or a ParseError for a fixture cut, spliced or stuffed with markup anywhere', () => {
  const documents = ['invented-afp.xml', 'invented-package.xml', 'invented-photo.xml'].map((name) => fixture(name).toString());
  const noise = fc.constantFrom('<', '>', '&', '</NewsComponent>', '<NewsComponent>', '<p>', ']]>', '<![CDATA[', '"', '<ContentItem>', '&#0;', '\u0000', 'é', '<DataContent>');
  fc.assert(
    fc.property(fc.nat(documents.length - 1), fc.nat(), fc.nat(), fc.array(noise, { maxLength: 4 }), (which, from, to, inserted) => {
      const document = documents[which]!;
      const start = from % document.length;
      const end = start + (to % (document.length - start + 1));
      const text = document.slice(0, start) + inserted.join('') + document.slice(end);
      try {
        assertValid(newsml1.parse(new SourceFile(Buffer.from(text), { name: 'fuzz' })));
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
      }
    }),
    { numRuns: 400 },
  );
});

// ---------------------------------------------------------------------------
// The real NewsML 1.2 files among the agency fixtures, read in place

/** What a real file must give: per story, facts checked by eye against the file. */
interface RealFile {
  path: string;
  stories?: {
    headline: string;
    guid: string | null;
    versionCreated: string | null;
    urgency: number | null;
    language: string | null;
    dateline: string | null;
    blocks: number;
    first: string;
    last: string;
    signoffs: string[];
  }[];
  /** The rule and message of the refusal. */
  refused?: [string, string];
}

const realFiles: RealFile[] = [
  {
    path: 'agency/belga/afp_belga.xml',
    stories: [{ headline: 'France: deux ex-policiers aux frontières devant la justice pour trafic de cocaïne', guid: 'urn:newsml:afp.com:20190121T104233Z:TX-PAR-RHO61:1', versionCreated: '2019-01-21T10:42:34Z', urgency: 4, language: 'fr', dateline: 'Paris', blocks: 9, first: 'Le procès de deux anciens fonctionnaires', last: 'dict est attendu le 7 février.', signoffs: ['asl/tib/pid/cac'] }],
  },
  {
    path: 'agency/belga/anp_belga.xml',
    stories: [{ headline: 'FNV staat alleen met acties bij PostNL (2)', guid: 'urn:newsml:anp.nl:20181210:ANPX-101218-041:2', versionCreated: '2018-12-10T12:37:31+01:00', urgency: 3, language: 'nl-NL', dateline: null, blocks: 5, first: 'N i e u w bericht, vervangt: FNV staat a', last: 'amenlijke brief aan hun leden.', signoffs: [] }],
  },
  {
    path: 'agency/belga/ats_newsml_1_2_belga.xml',
    stories: [{ headline: 'Un taureau entre dans un magasin à Landquart (GR)', guid: 'urn:newsml:www.sda-ats.ch:20190603:bsf153:1N', versionCreated: '2019-06-03T17:47:29+02:00', urgency: 4, language: 'fr', dateline: 'Landquart GR', blocks: 3, first: "Un taureau âgé d'un an est entré dans un", last: 'té transporté dans son enclos.', signoffs: [] }],
  },
  {
    path: 'agency/belga/belga_newsml_1_2.xml',
    stories: [
      { headline: 'Mediawatch dinsdag 29/01/2019 - VTM Nieuws - 13 uur', guid: 'urn:newsml:belga.be:20190129T133400:98055798#98055801', versionCreated: null, urgency: null, language: 'nl', dateline: 'BRUSSEL', blocks: 2, first: 'Steven Van Geel gaf zich op 31 mei    20', last: 'ntesque nec, egestas non nisi.', signoffs: [] },
      { headline: 'Mediawatch dinsdag 29/01/2019 - VTM Nieuws - 13 uur', guid: 'urn:newsml:belga.be:20190129T133400:98055798#98056977', versionCreated: null, urgency: null, language: 'fr', dateline: 'BRUSSEL', blocks: 30, first: '- drie doden in drugsloods Eksel', last: 'cu 30 jaar VTM Nieuws (deel 2)', signoffs: [] },
    ],
  },
  {
    path: 'agency/belga/belga_newsml_1_2_audio.xml',
    stories: [{ headline: 'Nieuws 15u00', guid: 'urn:newsml:Belga Exporter:20200616:DS02297434:DS02299380', versionCreated: null, urgency: null, language: 'nl', dateline: null, blocks: 6, first: 'De nieuwe federale regering moet bestaan', last: 'g kans op buien bij 22 graden.', signoffs: [] }],
  },
  {
    path: 'agency/belga/belga_newsml_1_2_audio2.xml',
    stories: [{ headline: 'belga 18:00', guid: 'urn:newsml:www.belga.be:46250506:1N', versionCreated: null, urgency: null, language: 'nl', dateline: null, blocks: 8, first: 'Het extreemrechtse festival Frontnacht i', last: 'den. Het weekend wordt droger.', signoffs: [] }],
  },
  {
    path: 'agency/belga/belga_newsml_1_2_video.xml',
    stories: [{ headline: '"Nous avons la confiance de l\'ensemble des centrales et régionales" (Miranda Ulens)', guid: 'urn:newsml:belga.be:20200609T152312:107255546', versionCreated: null, urgency: null, language: 'fr', dateline: 'BRUXELLES', blocks: 2, first: 'TRADE UNIONS FGTB ABVV CHAIRMAN DEBATE', last: ' BELGA VIDEO MAARTEN WEYNANTS.', signoffs: [] }],
  },
  {
    path: 'agency/belga/belga_remote_newsml_1_2.xml',
    stories: [{ headline: 'Knooppunt Schijnpoort in Antwerpen hele zomervakantie afgesloten', guid: 'urn:newsml:belga.be:20190603T160217:0', versionCreated: null, urgency: null, language: 'nl', dateline: 'ANTWERPEN', blocks: 3, first: 'In Antwerpen zal het kruispunt van de Sc', last: 'unten worden veiliger gemaakt.', signoffs: [] }],
  },
  {
    path: 'agency/belga/belga_tip_newsml_1_2.xml',
    refused: [
      'input/not-text',
      'Cannot parse `agency/belga/belga_tip_newsml_1_2.xml` (line 24) as newsml-1.2: the NewsItem (Role Tip) holds a headline (“cor 446 - BRAND GEBOUW, hemiksem”) but no body text: its Lead and Body components are empty, so it is no text story',
    ],
  },
  {
    path: 'agency/belga/efe_belga.xml',
    stories: [{ headline: 'Leones matan a un joven que se coló en un zoológico de la India', guid: 'urn:newsml:texto.efeservicios.com:20190121T103600+0000:25413502:1', versionCreated: '2019-01-21T10:36:00Z', urgency: 5, language: 'es-ES', dateline: 'Nueva Delhi', blocks: 9, first: 'Una pareja de leones asiáticos hirieron ', last: 'ón de unos 500 ejemplares. EFE', signoffs: [] }],
  },
  {
    path: 'agency/belga/kyodo_newsml_1_2_belga.xml',
    stories: [{ headline: 'Ex-Chinese Premier Li Peng dies aged 90: Xinhua', guid: 'urn:newsml:kyodonews.jp:20190723:20161021KW___0003800010:1', versionCreated: '2019-07-23T20:21:19+09:00', urgency: null, language: 'en', dateline: 'BEIJING', blocks: 6, first: 'Former Chinese Premier Li Peng, who led ', last: 'me Minister Junichiro Koizumi.', signoffs: ['==Kyodo'] }],
  },
  {
    path: 'agency/belga/tass_belga.xml',
    stories: [{ headline: "Kremlin has 'negative reaction' to upcoming EU sanctions", guid: '16AAC34CE1C503AE4325838900396A95', versionCreated: null, urgency: 2, language: 'en', dateline: 'MOSCOW', blocks: 3, first: 'The Kremlin does not support the EU?s de', last: ' such decisions," Peskov said.', signoffs: [] }],
  },
  {
    path: 'agency/core/afp.xml',
    stories: [{ headline: 'Sweden court accepts receivership for Saab carmaker', guid: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86:1', versionCreated: '2014-08-29T13:49:51Z', urgency: 4, language: 'en', dateline: 'STOCKHOLM', blocks: 9, first: 'A Chinese-owned company set up to take o', last: ' with a line of electric cars.', signoffs: ['hh/ph/ts/hd'] }],
  },
  {
    path: 'agency/core/afp20.xml',
    stories: [{ headline: "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée", guid: 'urn:newsml:afp.com:20240710:240710125902.qpsp2jzk:1', versionCreated: '2024-07-10T12:59:02Z', urgency: null, language: 'fr', dateline: 'Strasbourg', blocks: 2, first: "L'opératrice du Samu condamnée pour non-", last: "L'opératrice, Corinne M.", signoffs: [] }],
  },
  {
    path: 'agency/core/ana1.xml',
    stories: [{ headline: 'Wage employment balance positive in Jan-March', guid: 'urn:newsml:ana-mpe.gr:20180404:19336333:1', versionCreated: '2018-04-04T17:58:59+03:00', urgency: null, language: 'en', dateline: 'Athens', blocks: 4, first: 'Wage employment in the private sector gr', last: ' μόνον για συγκεκριμένη χρήση.', signoffs: [] }],
  },
  {
    path: 'agency/cp/businesswire/20210130005024r1.xml',
    stories: [{ headline: 'Interactive Brokers Lifts All Trading Restrictions on Options', guid: 'urn:newsml:businesswire.com:20010714:20210130005024:1', versionCreated: '2021-01-31T02:41:00Z', urgency: null, language: 'en', dateline: 'GREENWICH', blocks: 4, first: 'Interactive Brokers Group (Nasdaq: IBKR)', last: 'm/news/home/20210130005024/en/', signoffs: [] }],
  },
  {
    path: 'iptc/ninjs/examples/NewsML/businesswire-newsml-20130515006361.xml',
    stories: [{ headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations', guid: 'urn:newsml:businesswire.com:20010714:20130515006361:1', versionCreated: '2013-05-16T04:01:00Z', urgency: null, language: 'en', dateline: 'ROUND ROCK', blocks: 31, first: 'Dell today announced an expanded and str', last: 'Argentina in the coming months', signoffs: [] }],
  },
  {
    path: 'iptc/ninjs/examples/NewsML/businesswire-newsml-20130605006126.xml',
    stories: [{ headline: 'Cambrios被Gartner評選為「最酷供應商」', guid: 'urn:newsml:businesswire.com:20010714:20130605006126:1', versionCreated: '2013-06-05T21:00:00Z', urgency: null, language: 'zh', dateline: '加州桑尼維爾', blocks: 13, first: '(美國商業資訊)--為透明及軟性導體市場提供銀奈米線解決方案的領導廠商Cambr', last: '方便瞭解之用，煩請參照原文，原文版本乃唯一具法律效力之版本。', signoffs: [] }],
  },
  {
    path: 'iptc/ninjs/examples/NewsML/businesswire-newsml-20130612006110.xml',
    stories: [{ headline: 'APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策', guid: 'urn:newsml:businesswire.com:20010714:20130612006110:1', versionCreated: '2013-06-12T15:29:00Z', urgency: null, language: 'zh', dateline: '印尼雅加达', blocks: 22, first: '亚洲浆纸业有限公司（Asia Pulp & Paper, 以下简称 APP）近日', last: '球，具体信息可查看 www.tft-forests.org。', signoffs: [] }],
  },
  {
    path: 'iptc/ninjs/examples/NewsML/businesswire-newsml-20130731006140.xml',
    stories: [{ headline: 'Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In', guid: 'urn:newsml:businesswire.com:20010714:20130731006140:1', versionCreated: '2013-07-31T15:32:00Z', urgency: null, language: 'en', dateline: 'KANSAS CITY', blocks: 15, first: 'With more Applebee’s® Lunch Combos than ', last: 'onal, Inc. and its affiliates.', signoffs: [] }],
  },
  {
    path: 'iptc/ninjs/tools-xslt-samples/afp.com_newsml1.2_sample.xml',
    stories: [{ headline: 'Israel strikes key Hamas targets as UN Security Council to meet', guid: 'urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71:1', versionCreated: '2021-05-16T08:06:25Z', urgency: 4, language: 'en', dateline: 'Gaza City', blocks: 41, first: "Israel's army said Sunday it had bombed ", last: 'sed water cannon against them.', signoffs: ['bur-dar-gl/fz'] }],
  },
];

/** Every file under the agency and IPTC folders whose root element is <NewsML>, found by sniffing, not by name. */
function sniffedNewsmlFiles(): string[] {
  const found: string[] = [];
  for (const folder of ['agency', 'iptc/ninjs']) {
    const root = sharedPath(folder)!;
    for (const entry of readdirRecursive(root)) {
      const file = new SourceFile(readFileSync(join(root, entry)), { name: entry });
      if (newsml1.sniff(file).score === 1) found.push(`${folder}/${entry}`);
    }
  }
  return found.sort();
}

function readdirRecursive(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) => statSync(join(root, entry)).isFile());
}

test('finds every real NewsML 1.2 file by its root, and knows each one', { skip: skipWithout('agency') || skipWithout('iptc/ninjs') }, () => {
  assert.deepEqual(sniffedNewsmlFiles(), realFiles.map((real) => real.path).sort());
});

for (const real of realFiles) {
  test(`reads ${real.path} as the agency sent it`, { skip: skipWithout(real.path) }, () => {
    const path = sharedPath(real.path)!;
    const file = new SourceFile(readFileSync(path), { name: real.path });
    if (real.refused) {
      assert.throws(
        () => newsml1.parse(file),
        (error: unknown) => error instanceof ParseError && error.diagnostics[error.diagnostics.length - 1]?.rule === real.refused![0] && error.message === real.refused![1],
      );
      return;
    }
    const stories = newsml1.parse(file);
    assertValid(stories);
    assert.deepStrictEqual(
      stories.map((story) => ({
        headline: story.headline,
        guid: story.guid,
        versionCreated: story.versionCreated,
        urgency: story.urgency,
        language: story.language,
        dateline: story.dateline?.place ?? null,
        blocks: story.body.length,
        first: story.body[0]!.text.slice(0, 40),
        last: story.body[story.body.length - 1]!.text.slice(-30),
        signoffs: story.signoffs.map((signoff) => signoff.text),
      })),
      real.stories,
    );
    for (const story of stories) {
      assert.ok(story.headline !== null && story.headline !== '', `${real.path}: a headline`);
      assert.ok(story.body.length > 0, `${real.path}: a body`);
    }
  });
}
