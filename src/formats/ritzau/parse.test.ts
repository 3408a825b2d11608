import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { validateStory as validate } from '../../testing/story-schema.js';
import { parseSource } from '../index.js';
import { headlineFromCopy } from '../headline.js';
import { danishTime } from './grammar.js';
import * as api from './parse.js';
import { ritzau } from './parse.js';

// Every story in the fixtures and below is invented; only the markup follows Ritzau's XML.

const receivedAt = '2019-06-14T07:06:00.000Z';
const flashFixture = readFileSync(new URL('./fixtures/invented-flash.xml', import.meta.url));
const feedFixture = readFileSync(new URL('./fixtures/invented-feed.xml', import.meta.url));

function assertValid(stories: Story[]): void {
  for (const story of stories) assert.ok(validate(story), `${story.id}: ${JSON.stringify(validate.errors, null, 2)}`);
}

function parse(input: string | Buffer, name = 'invented.xml'): Story[] {
  const stories = ritzau.parse(new SourceFile(typeof input === 'string' ? Buffer.from(input) : input, { name, receivedAt }));
  assertValid(stories);
  return stories;
}

function refusal(input: string, rule: string): ParseError {
  try {
    ritzau.parse(new SourceFile(Buffer.from(input), { name: 'invented.xml' }));
  } catch (error) {
    assert.ok(error instanceof ParseError, String(error));
    assert.equal(error.diagnostics.at(-1)?.rule, rule, error.message);
    return error;
  }
  assert.fail(`expected a ParseError (${rule})`);
}

/** One `<RBNews>` with these fields (raw XML) inside. */
function news(fields: string): string {
  return `<?xml version="1.0"?>\n<RBNews xmlns="" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">${fields}</RBNews>\n`;
}

const lead = '<content>&lt;p&gt;Det opdigtede byråd mødtes.&lt;/p&gt;</content>';

test('exports the reader and its sniffer, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['parseRitzau', 'ritzau', 'sniffRitzau']);
  assert.equal(ritzau.id, 'ritzau');
});

test('sniffs an <RBNews> or <XMLNewsQueuedResponse> root, and nothing else', () => {
  const sniff = (text: string | Buffer) => ritzau.sniff(new SourceFile(typeof text === 'string' ? Buffer.from(text) : text, { name: 'x' }));
  assert.deepEqual(sniff(flashFixture), { score: 1, reason: 'found a Ritzau <RBNews> root' });
  assert.deepEqual(sniff(feedFixture), { score: 1, reason: 'found a Ritzau <XMLNewsQueuedResponse> root' });
  assert.deepEqual(sniff('<nitf><head/></nitf>'), { score: 0, reason: 'no Ritzau <RBNews> or <XMLNewsQueuedResponse> root (found <nitf>)' });
  assert.deepEqual(sniff('RBNews, but as plain text'), { score: 0, reason: 'not XML' });
});

test('reads a flash whole: the headline made from the first sentence, Danish summer time, the sign-off off the copy', () => {
  const [story, ...more] = parse(flashFixture, 'invented-flash.xml');
  assert.equal(more.length, 0);
  const headline = 'Den opdigtede færge "Havmågen" er bl.a. på grund af stærk blæst stødt på grund ud for den lille ø…';
  assert.deepStrictEqual(story, {
    id: 'ritzau:0b1d2c3e-0000-4000-8000-000000000001:1',
    source: {
      format: 'ritzau',
      file: 'invented-flash.xml',
      receivedAt,
      encoding: 'utf-8',
      line: 2,
      labels: {
        strapline: 'NU/FLASH-I',
        town: 'Århus',
        origin: '/ritzau/AFP',
        sectionID: '1',
        section: 'Indland',
        sectionShort: 'I',
        format: 'Flash',
        formatID: '3',
        HistID: 'INV-0000001',
        Topstory: '1',
        Status: 'New news',
      },
    },
    slug: 'NU/FLASH-I',
    takes: [],
    priority: 'flash',
    version: null,
    guid: '0b1d2c3e-0000-4000-8000-000000000001',
    revision: 1,
    firstCreated: '2019-06-14T09:05:07.250+02:00',
    versionCreated: '2019-06-14T09:05:07.250+02:00',
    urgency: 3,
    headline,
    summary: null,
    byline: { text: 'Opdigtet Journalist', names: ['Opdigtet Journalist'], title: null },
    dateline: { text: 'Århus', place: 'Århus', region: null, country: null, date: null, credit: null },
    credits: ['Ritzau', 'AFP'],
    notes: ['Historien opdateres.', 'Billeder følger.'],
    subjects: [
      { scheme: 'ritzau-section', code: '1', name: 'Indland' },
      { scheme: 'subj', code: '01000000', name: null },
      { scheme: 'subj', code: '15000000', name: null },
    ],
    keywords: ['færger', 'søfart'],
    body: [
      {
        kind: 'paragraph',
        text: 'Den opdigtede færge "Havmågen" er bl.a. på grund af stærk blæst stødt på grund ud for den lille ø Fiktiv i Århusbugten fredag morgen.',
        line: 17,
        take: 1,
      },
      { kind: 'crosshead', text: 'Ingen kom til skade', line: 18, take: 1 },
      { kind: 'paragraph', text: 'Det oplyser det opdigtede rederi.', line: 19, take: 1 },
    ],
    signoffs: [{ kind: 'signoff', text: '/ritzau/AFP', agencies: ['Ritzau', 'AFP'], initials: [], time: null, zone: null, date: null, line: 19 }],
    status: 'usable',
    signal: null,
    embargo: null,
    language: 'da',
    damage: [],
    diagnostics: [
      {
        severity: 'info',
        rule: 'ritzau/headline-derived',
        message: `<headline> is empty (i:nil, as a flash has none): the headline is made from the first sentence of the copy, “${headline}”`,
        place: { line: 7 },
        source: 'ritzau',
      },
    ],
  });
});

test('reads a feed as one story per item: an update of an earlier item, a top story, an item with no copy skipped', () => {
  const stories = parse(feedFixture, 'invented-feed.xml');
  const skipped = {
    severity: 'warn',
    rule: 'ritzau/empty-content',
    message: '<RBNews> 0b1d2c3e-0000-4000-8000-000000000012 has no text in its <content>, so it is no story: skipped',
    place: { line: 57 },
    source: 'ritzau',
  };
  assert.deepStrictEqual(
    stories.map((story) => ({
      id: story.id,
      line: story.source.line,
      queue: story.source.labels.ServiceQueueId,
      headline: story.headline,
      summary: story.summary,
      place: story.dateline?.place,
      versionCreated: story.versionCreated,
      firstCreated: story.firstCreated,
      revision: story.revision,
      signal: story.signal,
      replaces: story.source.labels.Replaces,
      priority: story.priority,
      urgency: story.urgency,
      body: story.body.map((block) => block.text),
      diagnostics: story.diagnostics,
    })),
    [
      {
        id: 'ritzau:0b1d2c3e-0000-4000-8000-000000000010:1',
        line: 7,
        queue: '11',
        headline: 'Opdigtet byråd vedtager budget',
        summary: 'Flere penge til veje og færre til parker',
        place: 'Odense',
        versionCreated: '2019-11-20T14:30:00+01:00',
        firstCreated: '2019-11-20T14:30:00+01:00',
        revision: 1,
        signal: null,
        replaces: undefined,
        priority: 'routine',
        urgency: 4,
        body: ['Det opdigtede byråd i Odense vedtog onsdag budgettet for næste år.', 'Det blev et smalt flertal, siger borgmesteren.'],
        diagnostics: [skipped],
      },
      {
        id: 'ritzau:0b1d2c3e-0000-4000-8000-000000000011:2',
        line: 32,
        queue: '12',
        headline: 'Opdigtet byråd vedtager budget med én stemmes flertal',
        summary: null,
        place: 'Odense',
        versionCreated: '2019-11-20T15:10:00+01:00',
        firstCreated: null,
        revision: 2,
        signal: 'update',
        replaces: '0b1d2c3e-0000-4000-8000-000000000010',
        // Priority 5 is routine; a top story is at least urgent.
        priority: 'urgent',
        urgency: 5,
        body: ['Det opdigtede byråd i Odense vedtog onsdag budgettet med én stemmes flertal.'],
        diagnostics: [skipped],
      },
    ],
  );
});

test('reads Ritzau’s times as Danish time, with the offset Copenhagen had then', () => {
  assert.deepEqual(danishTime('2018-01-30T17:32:18.397'), { iso: '2018-01-30T17:32:18.397+01:00', oddity: null });
  assert.deepEqual(danishTime('2018-07-01T12:00'), { iso: '2018-07-01T12:00:00+02:00', oddity: null });
  // The last Sunday of October 2018 the clocks went back at 03:00: 02:30 came twice.
  assert.deepEqual(danishTime('2018-10-28T02:30:00'), { iso: '2018-10-28T02:30:00+02:00', oddity: 'ambiguous' });
  assert.deepEqual(danishTime('2018-10-28T03:30:00'), { iso: '2018-10-28T03:30:00+01:00', oddity: null });
  // The last Sunday of March 2018 they jumped from 02:00 to 03:00.
  assert.deepEqual(danishTime('2018-03-25T02:30:00'), { iso: '2018-03-25T02:30:00+01:00', oddity: 'skipped' });
  assert.deepEqual(danishTime('2018-03-25T03:30:00'), { iso: '2018-03-25T03:30:00+02:00', oddity: null });
  assert.equal(danishTime('2018-02-30T10:00:00'), null);
  assert.equal(danishTime('30.01.2018 17:32'), null);
});

test('says when a time is ambiguous, skipped or no time, and keeps a zone Ritzau gives', () => {
  const timeOf = (value: string) => {
    const [story] = parse(news(`<NewsID>x</NewsID><PublishDate>${value}</PublishDate><headline>Opdigtet</headline>${lead}`));
    return [story!.versionCreated, story!.diagnostics.map((message) => `${message.severity} ${message.rule}`)];
  };
  assert.deepEqual(timeOf('2018-10-28T02:30:00'), ['2018-10-28T02:30:00+02:00', ['info ritzau/ambiguous-time']]);
  assert.deepEqual(timeOf('2018-03-25T02:30:00'), ['2018-03-25T02:30:00+01:00', ['warn ritzau/skipped-time']]);
  assert.deepEqual(timeOf('yesterday'), [null, ['warn ritzau/bad-date']]);
  assert.deepEqual(timeOf('2018-01-30T16:32:18Z'), ['2018-01-30T16:32:18Z', []]);
});

test('makes a headline of the first sentence, cut at a word near 100 characters', () => {
  assert.equal(headlineFromCopy('Opdigtet minister går af. Det oplyser ministeriet.'), 'Opdigtet minister går af.');
  assert.equal(headlineFromCopy('Prisen steg ca. 3 pct. i maj, siger H. C. Opdigtet. Det er meget.'), 'Prisen steg ca. 3 pct. i maj, siger H. C. Opdigtet.');
  assert.equal(headlineFromCopy('"Vi er glade," siger hun. Mere følger.'), '"Vi er glade," siger hun.');
  const long = headlineFromCopy(`${'ord '.repeat(40)}slut.`);
  assert.equal(long, `${'ord '.repeat(25).trim()}…`);
  assert.ok(long.length <= 101, long);
  assert.equal(headlineFromCopy('Et'), 'Et');
});

test('reads the signal and status an item gives: a correction, a cancellation', () => {
  const [correction] = parse(news(`<NewsID>x</NewsID><version>3</version><headline>Invented</headline>${lead}<Korrektion>true</Korrektion>`));
  assert.deepEqual([correction!.signal, correction!.status, correction!.revision, correction!.firstCreated], ['correction', 'usable', 3, null]);
  const [canceled] = parse(news(`<NewsID>x</NewsID><headline>Invented</headline>${lead}<Annuleret>true</Annuleret><Korrektion>true</Korrektion>`));
  assert.deepEqual([canceled!.signal, canceled!.status], ['kill', 'canceled']);
});

test('decodes HTML references Ritzau escaped once more, and says so', () => {
  const [story] = parse(news(`<NewsID>x</NewsID><headline>Opdigtet</headline><subtitle>Invented&amp;apos;s plan</subtitle><content>&lt;p&gt;&amp;amp;quot;Ja,&amp;amp;quot; siger hun.&lt;/p&gt;</content>`));
  assert.deepEqual([story!.summary, story!.body[0]!.text], ["Invented's plan", '"Ja," siger hun.']);
  assert.deepEqual(
    story!.diagnostics.map((message) => [message.rule, message.message]),
    [['ritzau/double-escaped', '<RBNews> x carries HTML character references escaped once more inside the XML (`&amp;apos;` for `\'`) in <content>, <subtitle>: decoded']],
  );
});

test('fails on an item whose content holds no text, naming it', () => {
  const error = refusal(news('<NewsID>x</NewsID><headline>Opdigtet</headline><content>&lt;p&gt;&lt;/p&gt;</content>'), 'ritzau/empty-content');
  assert.equal(error.message, 'Cannot parse `invented.xml` (line 2) as ritzau: <RBNews> x has no text in its <content>, so it is no story (the item may be a notice for the desk; ask Ritzau to send it again)');
  refusal(news('<NewsID>x</NewsID><headline>Opdigtet</headline>'), 'ritzau/empty-content');
});

test('fails on a feed none of whose items holds text', () => {
  const feed = `<XMLNewsQueuedResponse xmlns="http://tempuri.org/"><XMLNewsQueuedResult><error xmlns="">0</error><ListOfRBNews xmlns="">${'<RBNews><NewsID>x</NewsID><content/></RBNews>'.repeat(2)}</ListOfRBNews></XMLNewsQueuedResult></XMLNewsQueuedResponse>`;
  assert.match(refusal(feed, 'ritzau/empty-content').message, /none of the 2 <RBNews> items holds copy: <RBNews> x has no text/);
});

test('fails on malformed XML, naming the line', () => {
  const error = refusal('<?xml version="1.0"?>\n<RBNews>\n  <NewsID>x</NewsID>\n  <content>oops</contnt>\n</RBNews>\n', 'xml/malformed');
  assert.match(error.message, /^Cannot parse `invented\.xml` \(line 4, column \d+\) as ritzau: not well-formed XML/);
  assert.equal(error.place?.line, 4);
});

test('fails on another root, on the queue’s error and on an empty queue, saying what to do', () => {
  assert.match(refusal('<nitf><head/></nitf>', 'ritzau/not-ritzau').message, /found <nitf>: a NITF document \(try --from nitf\)$/);
  assert.match(refusal('<rss version="2.0"/>', 'ritzau/not-ritzau').message, /found <rss>: an RSS feed \(try --from rss\)$/);
  const response = (inner: string) => `<XMLNewsQueuedResponse xmlns="http://tempuri.org/"><XMLNewsQueuedResult>${inner}</XMLNewsQueuedResult></XMLNewsQueuedResponse>`;
  assert.match(
    refusal(response('<error xmlns="">3</error><errormsg xmlns="">Queue is locked</errormsg>'), 'ritzau/service-error').message,
    /the queue service answered <error>3<\/error> \(Queue is locked\) instead of news: ask the service again$/,
  );
  assert.match(refusal(response('<error xmlns="">0</error><ListOfRBNews xmlns=""/>'), 'ritzau/no-news').message, /found none: the queue sent no news$/);
});

// ---------------------------------------------------------------------------
// The real files

const realFiles = ['agency/core/ritzau_news.xml', 'agency/core/ritzau_news_test_ednote.xml', 'agency/core/ritzau_feed.xml'];

function readReal(name: string): Story[] {
  const { format, stories } = parseSource(new SourceFile(readFileSync(sharedPath(name)!), { name }));
  assert.equal(format, 'ritzau', 'found by sniffing');
  assertValid(stories);
  return stories;
}

const flashHeadline = 'Hollandske forskere har "i årevis" lavet forsøg på både mennesker og dyr, hvor de har testet…';

test('reads Ritzau’s flash: a headline from its copy, the Hague, Danish winter time', { skip: skipWithout(realFiles[0]!) }, () => {
  const [story, ...more] = readReal(realFiles[0]!);
  assert.equal(more.length, 0);
  assert.deepStrictEqual(
    {
      id: story!.id,
      guid: story!.guid,
      revision: story!.revision,
      headline: story!.headline,
      first: story!.body[0]?.text,
      blocks: story!.body.length,
      dateline: story!.dateline,
      versionCreated: story!.versionCreated,
      priority: story!.priority,
      urgency: story!.urgency,
      slug: story!.slug,
      byline: story!.byline?.text,
      credits: story!.credits,
      subjects: story!.subjects,
      notes: story!.notes,
      language: story!.language,
      rules: story!.diagnostics.map((message) => message.rule),
    },
    {
      id: 'ritzau:9a6955fc-11da-46b6-9903-439ebb288f2d:1',
      guid: '9a6955fc-11da-46b6-9903-439ebb288f2d',
      revision: 1,
      headline: flashHeadline,
      first: 'Hollandske forskere har "i årevis" lavet forsøg på både mennesker og dyr, hvor de har testet effekten af at indånde udstødningsgas fra dieselbiler.',
      blocks: 3,
      dateline: { text: 'Haag', place: 'Haag', region: null, country: null, date: null, credit: null },
      versionCreated: '2018-01-30T17:32:18.397+01:00',
      priority: 'flash',
      urgency: 3,
      slug: 'NU/FLASH-U',
      byline: 'Peder Top Poulsen',
      credits: ['Ritzau'],
      subjects: [{ scheme: 'ritzau-section', code: '2', name: 'Udland' }],
      notes: [],
      language: 'da',
      rules: ['ritzau/headline-derived'],
    },
  );
});

test('reads the editors’ note Ritzau sends to the desk as notes', { skip: skipWithout(realFiles[1]!) }, () => {
  const [story] = readReal(realFiles[1]!);
  assert.deepStrictEqual([story!.headline, story!.versionCreated, story!.notes], [
    flashHeadline,
    '2018-01-30T17:32:18.397+01:00',
    [
      'Lasse Norman Hansen skifter til Corendon-Circus.',
      'Der i næste sæson kører på næsthøjeste niveau.',
      'Som led i en større omstrukturering skal den danske medicinalgigant Novo Nordisk sige farvel til omkring 400 ansatte inden for forskning og udvikling i Danmark og Kina.',
    ],
  ]);
});

test('reads Ritzau’s queue feed as its two stories: a relayed press release and a sport brief', { skip: skipWithout(realFiles[2]!) }, () => {
  const stories = readReal(realFiles[2]!);
  assert.deepStrictEqual(
    stories.map((story) => ({
      id: story.id,
      headline: story.headline,
      summary: story.summary,
      first: story.body[0]?.text.slice(0, 60),
      blocks: story.body.length,
      dateline: story.dateline,
      versionCreated: story.versionCreated,
      priority: story.priority,
      credits: story.credits,
      subjects: story.subjects,
      byline: story.byline?.text ?? null,
      signoffs: story.signoffs.map((signoff) => signoff.text),
      language: story.language,
      town: story.source.labels.town,
    })),
    [
      {
        id: 'ritzau:83e4e779-e3b7-46da-b061-34ab92bc6ec4:1',
        headline: 'PR / Spire Global, Inc.',
        // Escaped twice in the XML: `Spire&amp;apos;s`.
        summary: "UK Space Agency Backs Spire's Proposal to European Space Agency as Space Mission Provider",
        // `Â£` (double-encoded UTF-8) repaired as damage.
        first: 'The UK Space Agency has awarded more than £4 million to Spir',
        blocks: 15,
        // The press release opens with a dateline of its own: it stands, Ritzau's town is kept as a label.
        dateline: { text: 'GLASGOW, Scotland, Feb. 01, 2018 (GLOBE NEWSWIRE) --', place: 'GLASGOW', region: null, country: 'Scotland', date: '2018-02-01', credit: 'GLOBE NEWSWIRE' },
        versionCreated: '2018-02-01T18:44:52.973+01:00',
        priority: 'routine',
        credits: ['Ritzau', 'GLOBE NEWSWIRE'],
        subjects: [{ scheme: 'ritzau-section', code: '42', name: 'Int. Pressemed.' }],
        byline: null,
        signoffs: [],
        language: 'en',
        town: 'København',
      },
      {
        id: 'ritzau:4b9c198d-d6ec-4a7f-a4e9-551d9a5cba13:1',
        headline: 'Kort om sport',
        summary: null,
        first: 'Den danske cykelrytter Jakob Fuglsang (Astana) blev torsdag ',
        blocks: 1,
        dateline: { text: 'København', place: 'København', region: null, country: null, date: null, credit: null },
        versionCreated: '2018-02-01T18:38:49.417+01:00',
        priority: 'routine',
        credits: ['Ritzau'],
        subjects: [
          { scheme: 'ritzau-section', code: '7', name: 'Sport' },
          { scheme: 'subj', code: '15000000', name: null },
        ],
        byline: 'Mikkel Lundby Madsen',
        signoffs: ['/ritzau/'],
        language: 'da',
        town: 'København',
      },
    ],
  );
  assert.ok(stories[1]!.body[0]!.text.endsWith('til at slå sin spanske landsmand.'), stories[1]!.body[0]!.text.slice(-60));
  assert.deepEqual(stories[0]!.damage.map((damage) => damage.kind), ['mojibake', 'unbalanced-quotes', 'unbalanced-quotes']);
});
