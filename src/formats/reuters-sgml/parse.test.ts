import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import * as api from './parse.js';
import { readReutersRecords, reutersSgml } from './parse.js';

// Every story below is invented; only the markup follows Reuters-21578 (lewis.dtd).

const doctype = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n';
const noCategories = '<TOPICS></TOPICS>\n<PLACES></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n';

/** One <REUTERS> element with the usual attributes, DATE and framing around `text`. */
function element(newId: number, text: string, extra: { header?: string; date?: string } = {}): string {
  return (
    `<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="${newId + 9000}" NEWID="${newId}">\n` +
    `<DATE>${extra.date ?? ' 4-MAR-1987 10:00:00.00'}</DATE>\n` +
    noCategories +
    `<UNKNOWN> \n&#5;&#5;&#5;F\n&#22;&#22;&#1;f0100&#31;reute\n${extra.header ?? 'r f BC-INVENTED-STORY   03-04 0050'}</UNKNOWN>\n` +
    text +
    '\n</REUTERS>\n'
  );
}

function normText(dateline: string, body: string, title = 'INVENTED TITLE'): string {
  return `<TEXT>&#2;\n<TITLE>${title}</TITLE>\n<DATELINE>${dateline}</DATELINE><BODY>${body}</BODY></TEXT>`;
}

/**
 * A body in Reuters layout: wrapped near 60 columns, the dateline on the first line,
 * first lines of paragraphs indented, the sign-off, ETX.
 */
const inventedBody =
  'The invented company said its board had\n' +
  'approved a plan to open three new plants in the region next\n' +
  'year, each of them close to the coast.\n' +
  '    It said the plants would cost about 40 mln dlrs in all and\n' +
  'would employ some 300 people when they are finished.\n' +
  ' Reuter\n&#3;';

function parse(text: string, name = 'invented.sgm'): { stories: Story[]; file: SourceFile } {
  const file = new SourceFile(Buffer.from(text, 'latin1'), { name, receivedAt: '2024-01-02T03:04:05.000Z' });
  return { stories: reutersSgml.parse(file), file };
}

test('exports the reader, its sniffer and the record splitter, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['parseReutersSgml', 'readReutersRecords', 'reutersSgml', 'sniffReutersSgml']);
  assert.equal(reutersSgml.id, 'reuters-sgml');
});

test('sniffs the lewis DOCTYPE, or <REUTERS> tags, and nothing else', () => {
  const sniff = (text: string) => reutersSgml.sniff(new SourceFile(Buffer.from(text), { name: 'x' })).score;
  assert.equal(sniff(doctype + element(1, normText('    OSLO, March 4 - ', inventedBody))), 1);
  assert.equal(sniff(element(1, normText('    OSLO, March 4 - ', inventedBody))), 0.9);
  assert.equal(sniff('    OSLO, March 4 - The invented company said.\n Reuter\n'), 0);
  assert.equal(sniff('<nitf><head></head></nitf>'), 0);
});

test('reads one story: headline, header slug and priority, gold labels, and the copy as wire text', () => {
  const text =
    doctype +
    '<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="9001" NEWID="7">\n' +
    '<DATE> 3-MAR-1987 09:15:05.40</DATE>\n' +
    '<TOPICS><D>grain</D><D>wheat</D></TOPICS>\n' +
    '<PLACES><D>canada</D></PLACES>\n' +
    '<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n' +
    '<UNKNOWN> \n&#5;&#5;&#5;G C\n&#22;&#22;&#1;f0123&#31;reute\nr f BC-PRAIRIE-WHEAT-STOCKS   03-03 0061</UNKNOWN>\n' +
    '<TEXT>&#2;\n' +
    '<TITLE>PRAIRIE GRAIN &lt;PGC.TO> SAYS STOCKS STEADY</TITLE>\n' +
    '<AUTHOR>    By Jane Invented, Reuters</AUTHOR>\n' +
    '<DATELINE>    WINNIPEG, March 3 - </DATELINE><BODY>Wheat stocks held on prairie farms\n' + // line 17
    'were steady in February as farmers waited for better prices,\n' +
    'the Prairie Grain Co said.\n' +
    '    Stocks of durum fell &amp; barley stocks rose, the company\n' + // line 20
    'said in its monthly report on holdings of grain on farms.\n' +
    ' Reuter\n' + // line 22
    '&#3;</BODY></TEXT>\n' +
    '</REUTERS>\n';
  const { stories } = parse(text);
  assert.deepStrictEqual(stories, [
    {
      id: 'reuters-21578:7',
      source: {
        format: 'reuters-sgml',
        file: 'invented.sgm',
        receivedAt: '2024-01-02T03:04:05.000Z',
        encoding: 'utf-8',
        line: 2,
        labels: {
          'TOPICS-ATTRIBUTE': 'YES',
          LEWISSPLIT: 'TRAIN',
          CGISPLIT: 'TRAINING-SET',
          OLDID: '9001',
          NEWID: '7',
          DATE: '3-MAR-1987 09:15:05.40',
          TOPICS: ['grain', 'wheat'],
          PLACES: ['canada'],
          PEOPLE: [],
          ORGS: [],
          EXCHANGES: [],
          COMPANIES: [],
          DATELINE: '    WINNIPEG, March 3 - ',
          UNKNOWN: 'G C\nf0123 reute\nr f BC-PRAIRIE-WHEAT-STOCKS 03-03 0061',
          AUTHOR: 'By Jane Invented, Reuters',
          'TEXT-TYPE': 'NORM',
        },
      },
      slug: 'BC-PRAIRIE-WHEAT-STOCKS',
      takes: [],
      priority: 'routine',
      version: null,
      guid: null,
      revision: null,
      firstCreated: null,
      versionCreated: null,
      urgency: null,
      headline: 'PRAIRIE GRAIN <PGC.TO> SAYS STOCKS STEADY',
      summary: null,
      byline: { text: 'By Jane Invented, Reuters', names: ['Jane Invented'], title: 'Reuters' },
      dateline: { text: 'WINNIPEG, March 3 -', place: 'WINNIPEG', region: null, country: null, date: '1987-03-03', credit: null },
      credits: ['Reuters'],
      notes: [],
      subjects: [],
      keywords: [],
      body: [
        {
          kind: 'paragraph',
          text: 'Wheat stocks held on prairie farms were steady in February as farmers waited for better prices, the Prairie Grain Co said.',
          line: 17,
          take: 1,
        },
        {
          kind: 'paragraph',
          text: 'Stocks of durum fell & barley stocks rose, the company said in its monthly report on holdings of grain on farms.',
          line: 20,
          take: 1,
        },
      ],
      signoffs: [
        { kind: 'signoff', text: 'Reuter', agencies: ['Reuters'], initials: [], time: null, zone: null, date: null, line: 22 },
      ],
      status: 'usable',
      signal: null,
      embargo: null,
      language: 'en',
      damage: [],
      diagnostics: [],
    },
  ]);
});

test('gives one story per <REUTERS> element, in input order, each with its own line', () => {
  const first = element(11, normText('    OSLO, March 4 - ', inventedBody));
  const second = element(12, normText('    BERGEN, March 4 - ', inventedBody));
  const { stories } = parse(doctype + first + second);
  assert.deepEqual(
    stories.map((story) => [story.id, story.source.line, story.dateline?.place]),
    [
      ['reuters-21578:11', 2, 'OSLO'],
      ['reuters-21578:12', 2 + first.split('\n').length - 1, 'BERGEN'],
    ],
  );
});

test('decodes character references and keeps the framing control characters out of the text', () => {
  const body =
    'Profits at &lt;Invented Holdings&gt; &amp; its unit\n' +
    'rose sharply in the year, the company said, and its board\n' +
    'raised&#127;the dividend to 10 cts a share from eight cts.\n' +
    ' Reuter\n&#3;';
  const { stories } = parse(doctype + element(21, normText('    ZURICH, March 4 - ', body, 'INVENTED &lt;INV.S> PROFIT UP &amp; DIVIDEND')));
  const story = stories[0]!;
  assert.equal(story.headline, 'INVENTED <INV.S> PROFIT UP & DIVIDEND');
  assert.match(story.body[0]!.text, /^Profits at <Invented Holdings> & its unit rose/);
  // STX, ETX, ENQ, SYN, SOH, US and the stray DEL are in no text of the story.
  const texts = [story.headline, ...story.body.map((block) => block.text), ...Object.values(story.source.labels).flat()];
  // eslint-disable-next-line no-control-regex
  for (const text of texts) assert.doesNotMatch(text ?? '', /[\u0001-\u0008\u000b-\u001f\u007f]/);
  // The DEL inside the copy is transmission damage, flagged where it was.
  assert.deepEqual(
    story.damage.map((damage) => [damage.kind, damage.block]),
    [['control-characters', 0]],
  );
  assert.deepEqual(story.signoffs.map((signoff) => signoff.text), ['Reuter']);
});

test('reads a BRIEF as a headline with no body, the placeholder and flash asterisks dropped', () => {
  const brief =
    '<TEXT TYPE="BRIEF">&#2;\n******<TITLE>INVENTED BANK CUTS PRIME RATE TO 7.5 PCT FROM 7.75\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>';
  const { stories } = parse(doctype + element(31, brief, { header: 'f f BC-******INVENTED-BANK   03-04 0012' }));
  const story = stories[0]!;
  assert.deepEqual(
    {
      headline: story.headline,
      slug: story.slug,
      priority: story.priority,
      dateline: story.dateline,
      body: story.body,
      signoffs: story.signoffs,
      type: story.source.labels['TEXT-TYPE'],
      diagnostics: story.diagnostics,
    },
    {
      headline: 'INVENTED BANK CUTS PRIME RATE TO 7.5 PCT FROM 7.75',
      slug: 'BC-******INVENTED-BANK',
      priority: 'flash',
      dateline: null,
      body: [],
      signoffs: [],
      type: 'BRIEF',
      diagnostics: [],
    },
  );
});

test('reads UNPROC text directly as copy, with no headline, and block lines pointing into the file', () => {
  const unproc =
    '<TEXT TYPE="UNPROC">&#2;\n' +
    'INVENTED GRAIN BOARD WEEKLY STOCKS - MARCH 4\n' +
    ' Wheat..................1,234 vs......1,200\n' +
    ' Barley...................567 vs........600\n' +
    '\n Reuter\n&#3;\n\n</TEXT>';
  const text = doctype + element(41, unproc);
  const { stories } = parse(text);
  const story = stories[0]!;
  const lines = text.split('\n');
  assert.equal(story.headline, null);
  assert.equal(story.source.labels['TEXT-TYPE'], 'UNPROC');
  assert.ok(story.body.length > 0);
  assert.equal(lines[story.body[0]!.line - 1], 'INVENTED GRAIN BOARD WEEKLY STOCKS - MARCH 4');
  assert.ok(story.body.some((block) => block.text.includes('Barley...................567 vs........600')));
  assert.deepEqual(
    story.signoffs.map((signoff) => [signoff.text, lines[signoff.line - 1]]),
    [['Reuter', ' Reuter']],
  );
});

test('finds the header in any <UNKNOWN>, and keeps the noise after DATE as given, cleaned', () => {
  const text =
    doctype +
    '<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="51">\n' +
    '<DATE>27-MAR-1987 00:03:35.68&#5;&#5;&#5;F</DATE>\n' +
    '<UNKNOWN>&#22;&#22;&#1;f0004&#31;reute</UNKNOWN>\n' +
    noCategories +
    '<UNKNOWN> \nb f BC-INVENTED-HOLDINGS   03-27 0092</UNKNOWN>\n' +
    normText('    HONG KONG, March 27 -\n    ', 'Shr 12 cts vs 10 cts\n    Net 4.1 mln vs 3.2 mln\n REUTER\n&#3;') +
    '\n</REUTERS>\n';
  const story = parse(text).stories[0]!;
  assert.deepEqual(
    [story.source.labels.DATE, story.source.labels.UNKNOWN, story.slug, story.priority, story.dateline?.date],
    ['27-MAR-1987 00:03:35.68 F', 'f0004 reute\nb f BC-INVENTED-HOLDINGS 03-27 0092', 'BC-INVENTED-HOLDINGS', 'bulletin', '1987-03-27'],
  );
});

test('reads no priority from a letter whose meaning is not known', () => {
  const { stories } = parse(doctype + element(52, normText('    OSLO, March 4 - ', inventedBody), { header: 'h f BC-INVENTED-NOTE   03-04 0050' }));
  assert.deepEqual([stories[0]!.slug, stories[0]!.priority], ['BC-INVENTED-NOTE', null]);
});

test('takes a literal ^M at a line end for the carriage return it stands for', () => {
  const body = inventedBody.replace(' Reuter\n', 'REUTER^M\n');
  const story = parse(doctype + element(53, normText('    OSLO, March 4 - ', body))).stories[0]!;
  assert.deepEqual(story.signoffs.map((signoff) => signoff.text), ['REUTER']);
  assert.ok(story.body.every((block) => !block.text.includes('^M')));
});

test('warns about an element with no </REUTERS> and skips it, reading the rest', () => {
  const broken = element(61, normText('    OSLO, March 4 - ', inventedBody)).replace('</REUTERS>\n', '');
  const { stories, file } = parse(doctype + broken + element(62, normText('    BERGEN, March 4 - ', inventedBody)));
  assert.deepEqual(
    stories.map((story) => story.id),
    ['reuters-21578:62'],
  );
  const warning = {
    severity: 'warn',
    rule: 'reuters/unclosed-element',
    message: `<REUTERS NEWID="61"> has no </REUTERS> before the next <REUTERS> (line ${2 + broken.split('\n').length - 1}); the element is skipped`,
    place: { line: 2 },
    source: 'reuters-sgml',
  };
  assert.deepEqual(file.messages, [warning]);
  // A message about the file, outside any story, goes with every story.
  assert.deepEqual(stories[0]!.diagnostics, [warning]);
});

test('reads an inner element left open up to its parent’s close, with a warning', () => {
  const text = doctype + element(63, normText('    OSLO, March 4 - ', inventedBody).replace('</BODY>', ''));
  const story = parse(text).stories[0]!;
  assert.equal(story.dateline?.place, 'OSLO');
  assert.equal(story.body.length, 2);
  assert.deepEqual(
    story.diagnostics.map((diagnostic) => [diagnostic.rule, diagnostic.message]),
    [['reuters/unclosed-element', '<BODY> is not closed before </TEXT>; read up to there']],
  );
});

test('fails, naming the way out, when the input has no <REUTERS> element at all', () => {
  const file = new SourceFile(Buffer.from('    OSLO, March 4 - The invented company said.\n Reuter\n'), { name: 'story.txt' });
  assert.throws(
    () => reutersSgml.parse(file),
    (error: unknown) =>
      error instanceof ParseError &&
      error.reader === 'reuters-sgml' &&
      /Cannot parse `story.txt` as reuters-sgml: expected <REUTERS> elements, found none .*--from wire-text/.test(error.message),
  );
});

test('fails when no element is closed, having warned about each', () => {
  const broken = element(71, normText('    OSLO, March 4 - ', inventedBody)).replace('</REUTERS>\n', '');
  const file = new SourceFile(Buffer.from(doctype + broken), { name: 'broken.sgm' });
  assert.throws(() => reutersSgml.parse(file), ParseError);
  assert.deepEqual(
    file.messages.map((message) => [message.severity, message.rule]),
    [
      ['warn', 'reuters/unclosed-element'],
      ['fail', 'input/no-story'],
    ],
  );
});

test('decodes bytes that are not UTF-8 as Windows-1252, telling only the story that holds them', () => {
  const first = element(81, normText('    OSLO, March 4 - ', inventedBody));
  const second = element(82, normText('    PARIS, March 4 - ', inventedBody.replace('its board had', 'its conseil d\u00e9cid\u00e9')));
  const { stories } = parse(doctype + first + second);
  assert.deepEqual(
    stories.map((story) => [story.source.encoding, story.diagnostics.map((diagnostic) => diagnostic.rule)]),
    [
      ['windows-1252', []],
      ['windows-1252', ['encoding/windows-1252']],
    ],
  );
  assert.match(stories[1]!.body[0]!.text, /conseil décidé/);
});

test('gives each story the messages raised while reading it, and only those', () => {
  const damaged = inventedBody.replace('approved a plan', 'approved&#127; a plan');
  const { stories } = parse(doctype + element(91, normText('    OSLO, March 4 - ', inventedBody)) + element(92, normText('    OSLO, March 4 - ', damaged)));
  assert.deepEqual(
    stories.map((story) => story.diagnostics.map((diagnostic) => diagnostic.rule)),
    [[], ['damage/control-characters']],
  );
  assert.equal(stories[1]!.diagnostics[0]!.source, 'reuters-sgml');
});

test('splits records tolerantly: a stray close tag is reported and ignored', () => {
  const text = doctype + element(93, normText('    OSLO, March 4 - ', inventedBody).replace('<TITLE>', '</DATELINE><TITLE>'));
  const { records, elements, problems } = readReutersRecords(text);
  assert.equal(elements, 1);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    records[0]!.problems.map((problem) => problem.rule),
    ['reuters/stray-tag'],
  );
  assert.equal(records[0]!.title?.text, 'INVENTED TITLE');
});

// ---------------------------------------------------------------------------
// The real corpus, when it is there

const corpus = sharedPath('reuters21578');

function readCorpus(): { stories: Story[]; openTags: number; newIds: string[] } {
  const stories: Story[] = [];
  let openTags = 0;
  const newIds: string[] = [];
  for (const name of readdirSync(corpus!).filter((each) => /^reut2-\d{3}\.sgm$/.test(each)).sort()) {
    const bytes = readFileSync(join(corpus!, name));
    // Counted apart from the reader, on the raw bytes.
    const raw = bytes.toString('latin1');
    openTags += raw.match(/<REUTERS /g)?.length ?? 0;
    for (const match of raw.matchAll(/<REUTERS [^>]*NEWID="(\d+)"/g)) newIds.push(match[1]!);
    stories.push(...reutersSgml.parse(new SourceFile(bytes, { name })));
  }
  return { stories, openTags, newIds };
}

test('reads the whole Reuters-21578 corpus: one story per element, every NEWID once', { skip: skipWithout('reuters21578') }, (t) => {
  const { stories, openTags, newIds } = readCorpus();
  t.diagnostic(`${stories.length} stories from ${openTags} <REUTERS> elements`);
  assert.equal(stories.length, openTags);
  assert.deepEqual(
    stories.map((story) => story.id),
    newIds.map((newId) => `reuters-21578:${newId}`),
  );
  assert.equal(new Set(newIds).size, newIds.length);
  assert.equal(stories.filter((story) => story.diagnostics.some((diagnostic) => diagnostic.severity === 'fail')).length, 0);

  const byId = new Map(stories.map((story) => [story.id, story]));
  // NEWID 1, checked by eye against reut2-000.sgm.
  const cocoa = byId.get('reuters-21578:1')!;
  assert.deepEqual(
    {
      headline: cocoa.headline,
      slug: cocoa.slug,
      priority: cocoa.priority,
      dateline: cocoa.dateline,
      firstParagraph: cocoa.body[0]!.text.slice(0, 60),
      lastParagraph: cocoa.body[cocoa.body.length - 1]!.text.slice(-40),
      signoffs: cocoa.signoffs.map((signoff) => signoff.text),
      line: cocoa.source.line,
      labels: cocoa.source.labels,
    },
    {
      headline: 'BAHIA COCOA REVIEW',
      slug: 'BC-BAHIA-COCOA-REVIEW',
      priority: 'urgent',
      dateline: { text: 'SALVADOR, Feb 26 -', place: 'SALVADOR', region: null, country: null, date: '1987-02-26', credit: null },
      firstParagraph: 'Showers continued throughout the week in the Bahia cocoa zon',
      lastParagraph: 'after carnival which ends midday on February 27.'.slice(-40),
      signoffs: ['Reuter'],
      line: 2,
      labels: {
        'TOPICS-ATTRIBUTE': 'YES',
        LEWISSPLIT: 'TRAIN',
        CGISPLIT: 'TRAINING-SET',
        OLDID: '5544',
        NEWID: '1',
        DATE: '26-FEB-1987 15:01:01.79',
        TOPICS: ['cocoa'],
        PLACES: ['el-salvador', 'usa', 'uruguay'],
        PEOPLE: [],
        ORGS: [],
        EXCHANGES: [],
        COMPANIES: [],
        DATELINE: '    SALVADOR, Feb 26 - ',
        UNKNOWN: 'C T\nf0704 reute\nu f BC-BAHIA-COCOA-REVIEW 02-26 0105',
        'TEXT-TYPE': 'NORM',
      },
    },
  );
  // NEWID 30, a BRIEF: the flash is all headline.
  const brief = byId.get('reuters-21578:30')!;
  assert.deepEqual(
    [brief.headline, brief.priority, brief.body, brief.source.labels.TOPICS],
    ['ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK', 'flash', [], ['money-supply']],
  );
  // NEWID 17980 holds the one byte of the corpus that is not UTF-8 (0xFC), next to an ENQ and an RS.
  const lawson = byId.get('reuters-21578:17980')!;
  assert.deepEqual(
    {
      file: lawson.source.file,
      encoding: lawson.source.encoding,
      headline: lawson.headline,
      place: lawson.dateline?.place,
      people: lawson.source.labels.PEOPLE,
      places: lawson.source.labels.PLACES,
      rules: lawson.diagnostics.map((diagnostic) => diagnostic.rule),
    },
    {
      file: 'reut2-017.sgm',
      encoding: 'windows-1252',
      headline: 'LAWSON SAYS LOUVRE CURRENCY ACCORD SATISFACTORY',
      place: 'LONDON',
      people: ['lawson'],
      places: ['uk', 'west-germany', 'japan', 'usa'],
      rules: ['encoding/windows-1252', 'damage/control-characters'],
    },
  );
});
