import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ParseError } from '../../errors.js';
import { SourceFile } from '../../source/source-file.js';
import type { Dateline, Story } from '../../story/story.js';
import { parseSource } from '../index.js';
import { readClosingLine } from './grammar.js';
import { parseWireText } from './parse.js';
import { validateStory as validate } from '../../testing/story-schema.js';


function read(text: string): Story {
  return parseWireText(new SourceFile(Buffer.from(text), { name: 'test.txt' }));
}

test('reads the dateline in each common agency shape', () => {
  const shapes: [string, Partial<Dateline>][] = [
    ['VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) –', { place: 'VLADIVOSTOK', country: 'Russia', date: '2019-04-25', credit: 'BSS/AFP' }],
    ['SALVADOR, Feb 26 -', { place: 'SALVADOR', country: null, date: '--02-26', credit: null }],
    ['BUENOS AIRES, Argentina (AP) _', { place: 'BUENOS AIRES', country: 'Argentina', date: null, credit: 'AP' }],
    ['Berlin (dpa) -', { place: 'Berlin', country: null, date: null, credit: 'dpa' }],
    ['SAITAMA, Japan, Dec. 9 Kyodo -', { place: 'SAITAMA', country: 'Japan', date: '--12-09', credit: 'Kyodo' }],
    ['ANKARA, Dec 15 (AFP) -', { place: 'ANKARA', country: null, date: '--12-15', credit: 'AFP' }],
    ['MONTVALE, N.J., April 8 -', { place: 'MONTVALE', region: 'N.J.', date: '--04-08' }],
    ['UNITED NATIONS, March 5 (Reuters) -', { place: 'UNITED NATIONS', date: '--03-05', credit: 'Reuters' }],
    ['WINSTON-SALEM, N.C., 3 March 2020 (AP) —', { place: 'WINSTON-SALEM', region: 'N.C.', date: '2020-03-03', credit: 'AP' }],
    ['Paris (ats afp)', { place: 'Paris', region: null, country: null, date: null, credit: 'ats afp' }],
  ];
  for (const [dateline, expected] of shapes) {
    const story = read(`${dateline} The council met on Tuesday to discuss the budget for the year.\n`);
    const got = story.dateline!;
    assert.ok(got, dateline);
    assert.deepEqual(
      Object.fromEntries(Object.keys(expected).map((key) => [key, got[key as keyof typeof got]])),
      expected,
      dateline,
    );
    assert.equal(got.text, dateline);
    assert.equal(story.body[0]!.text, 'The council met on Tuesday to discuss the budget for the year.');
  }
});

test('takes no dateline from a sentence that merely opens with a name and a dash', () => {
  for (const text of [
    'The Kremlin - which denies it - said on Tuesday that the talks went well.',
    'Putin said - in a rare aside - that he had no plans to travel.',
  ]) {
    const story = read(text + '\n');
    assert.equal(story.dateline, null, text);
    assert.equal(story.body[0]!.text, text);
  }
});

test('completes a dateline without a year from the transmission date, looking back', () => {
  const file = (text: string) => new SourceFile(Buffer.from(text), { name: 't.txt' });
  const feb = parseWireText(file('SALVADOR, Feb 26 - Showers continued in the cocoa zone.\n'), { referenceDate: '1987-02-26T15:01:01Z' });
  assert.equal(feb.dateline!.date, '1987-02-26');
  const december = parseWireText(file('ANKARA, Dec 31 (AFP) - The year ended quietly in the capital.\n'), { referenceDate: '2020-01-02' });
  assert.equal(december.dateline!.date, '2019-12-31');
});

test('reads every closing line the agencies use', () => {
  const closings: [string, ReturnType<typeof readClosingLine>][] = [
    ['MORE', { closing: { kind: 'more', text: 'MORE', agencies: [], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['(MORE)', { closing: { kind: 'more', text: '(MORE)', agencies: [], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['ENDS', { closing: { kind: 'end', text: 'ENDS', agencies: [], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['-30-', { closing: { kind: 'end', text: '-30-', agencies: [], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['###', { closing: { kind: 'end', text: '###', agencies: [], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['REUTER...', { closing: { kind: 'signoff', text: 'REUTER...', agencies: ['Reuters'], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['AAP RTV', { closing: { kind: 'signoff', text: 'AAP RTV', agencies: ['AAP'], initials: ['RTV'], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['dpa wsz jln npr', { closing: { kind: 'signoff', text: 'dpa wsz jln npr', agencies: ['dpa'], initials: ['wsz', 'jln', 'npr'], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['==Kyodo', { closing: { kind: 'signoff', text: '==Kyodo', agencies: ['Kyodo'], initials: [], time: null, zone: null, date: null, line: 0 }, weak: false }],
    ['hh/ph/ts/hd', { closing: { kind: 'signoff', text: 'hh/ph/ts/hd', agencies: [], initials: ['hh', 'ph', 'ts', 'hd'], time: null, zone: null, date: null, line: 0 }, weak: true }],
    ['dpa/gm/1412 GMT', { closing: { kind: 'signoff', text: 'dpa/gm/1412 GMT', agencies: ['dpa'], initials: ['gm'], time: '14:12', zone: 'GMT', date: null, line: 0 }, weak: false }],
  ];
  for (const [line, expected] of closings) assert.deepEqual(readClosingLine(line), expected, line);
  for (const line of ['US/EU trade', 'He said it would end.', 'More than 300 people came', '2500 hrs', 'AP Photo', 'The end']) {
    assert.equal(readClosingLine(line), null, line);
  }
});

test('flags no truncation in headings and lists set in capitals, and counts typewriter quotes', () => {
  const story = read(
    'NEW YORK, Sept 3 (AP) _ The day\'s top stories follow here for the desk tonight.\n\n' +
      '1. BAHAMIANS BEGIN RESCUES AS DORIAN MOVES ON TOWARD THE US COAST\n\n' +
      "``We have lost everything in the storm,'' said one resident of the island.\n",
  );
  assert.deepEqual(story.damage, []);
});

test('reads a press release: its source and number as notes, its headline, and a credit between slashes', () => {
  const story = read(
    'Source: Invented Robotics Ltd\nMEDIA RELEASE PR12345\nInvented Robotics Opens a Factory in the\nInvented Valley\n\n' +
      'OSAKA, Japan, March 3, 2021 /PRNewswire/ --\n\n    Invented Robotics said on Wednesday it had opened a factory.\n',
  );
  assert.deepStrictEqual(
    [story.notes, story.headline, story.dateline, story.body.map((block) => block.text)],
    [
      ['Source: Invented Robotics Ltd', 'MEDIA RELEASE PR12345'],
      'Invented Robotics Opens a Factory in the Invented Valley',
      { text: 'OSAKA, Japan, March 3, 2021 /PRNewswire/ --', place: 'OSAKA', region: null, country: 'Japan', date: '2021-03-03', credit: 'PRNewswire' },
      ['Invented Robotics said on Wednesday it had opened a factory.'],
    ],
  );
});

test('keeps initials in the body unless they stand where a take ends', () => {
  const story = read('LONDON, May 2 (AFP) - First paragraph of the copy is here.\n\nMS/JLP\n\nAnother paragraph follows it here.\n\nAB/CD\n');
  assert.deepEqual(
    story.body.map((block) => block.text),
    ['First paragraph of the copy is here.', 'MS/JLP', 'Another paragraph follows it here.'],
  );
  assert.deepEqual(story.signoffs.map((signoff) => signoff.text), ['AB/CD']);
});

test('unwraps narrow copy, and keeps rows of figures apart', () => {
  const narrow = read(
    'OSLO, May 4 (NTB) - The government said on\nThursday it would raise the tax on\nfuel by two crowns a litre from\nJune, the third rise this year.\n\nThe opposition said it would vote\nagainst the rise in parliament.\n',
  );
  assert.deepEqual(
    narrow.body.map((block) => block.text),
    [
      'The government said on Thursday it would raise the tax on fuel by two crowns a litre from June, the third rise this year.',
      'The opposition said it would vote against the rise in parliament.',
    ],
  );
  const rows = read('    TORONTO, April 1 -\n    Shr 39 cts vs 26 cts\n    Net 3,466,000 vs 1,913,000\n    Revs 27.7 mln vs 19.4 mln\n');
  assert.deepEqual(
    rows.body.map((block) => block.text),
    ['Shr 39 cts vs 26 cts', 'Net 3,466,000 vs 1,913,000', 'Revs 27.7 mln vs 19.4 mln'],
  );
  // Reuters indents each paragraph's first line; where every line is indented alike
  // and no blank line parts them, every line opens a paragraph, however long.
  const listed = read(
    '    BASEL, March 2 -\n    Parent company net profit 12.8 mln Swiss francs vs 7.5 mln.\n' +
      '    Orders received by the group 2.21 billion francs vs 2.61 billion.\n    Group sales 13.83 billion francs vs 13.88 billion.\n',
  );
  assert.deepEqual(listed.body.length, 3);
});

test('keeps tables as preformatted blocks with their line breaks', () => {
  const story = read(
    'NEW YORK, March 3 - Company results for the year were as follows.\n' +
      '                        1987          1986\n' +
      '    Net             12.2 mln       9.6 mln\n' +
      '    Revs           125.3 mln      98.0 mln\n' +
      '    The company said it would pay a dividend.\n',
  );
  assert.deepEqual(
    story.body.map((block) => [block.kind, block.text]),
    [
      ['paragraph', 'Company results for the year were as follows.'],
      ['preformatted', '                    1987          1986\nNet             12.2 mln       9.6 mln\nRevs           125.3 mln      98.0 mln'],
      ['paragraph', 'The company said it would pay a dividend.'],
    ],
  );
});

test('reads an embargo notice and holds the story back', () => {
  const story = read('EMBARGOED UNTIL 2019-04-26T00:01Z\n\nTOKYO, April 25 (Kyodo) - The report will be released on Friday.\n');
  assert.deepEqual(story.embargo, { text: 'EMBARGOED UNTIL 2019-04-26T00:01Z', until: '2019-04-26T00:01:00.000Z' });
  assert.equal(story.status, 'withheld');
});

test('opens a later take with its slug line and drops the repeated headline', () => {
  const story = read(
    'BFF-20 Leaders meet in the east\n\nVLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) – The leaders met on Thursday.\n\nMORE\n\n' +
      'BFF-21 Leaders meet in the east\n\nLeaders meet in the east\n\nThe talks lasted three hours.\n\nBSS/AFP/MSY/1117 hrs\n',
  );
  assert.deepEqual(story.takes, [20, 21]);
  assert.deepEqual(
    story.body.map((block) => [block.take, block.text]),
    [
      [1, 'The leaders met on Thursday.'],
      [2, 'The talks lasted three hours.'],
    ],
  );
});

test('reads a long line of byline names in linear time', () => {
  const names = Array.from({ length: 80 }, () => 'A').join(' and ');
  const started = performance.now();
  for (const tail of ['', ' 1']) read(`By ${names}${tail}\n\nLONDON, May 2 (AFP) - The text of the story is here.\n`);
  assert.ok(performance.now() - started < 500, `took ${Math.round(performance.now() - started)} ms`);
  assert.deepEqual(read('By PAUL BYRNE and ALMUDENA CALATRAVA=\n\nLONDON, May 2 (AFP) - Text.\n').byline?.names, ['PAUL BYRNE', 'ALMUDENA CALATRAVA']);
});

// Lines in wire style, to throw at the reader in random orders and with random damage.
const wireLine = fc.oneof(
  fc.constantFrom(
    'BFF-20, 21 Kim, Putin vow to seek closer ties',
    'VLADIVOSTOK, Russia, April 25, 2019 (BSS/AFP) – Russian President',
    'MORE/MSY/1117 hrs',
    'BSS/AFP/MSY/1117 hrs',
    '– North Korean labourers –',
    '“I think it will be a very useful meeting,” Kim said.',
    'Eds: UPDATES with details',
    'By PAUL BYRNE and ALMUDENA CALATRAVA',
    'then-',
    '    Shr 1.31 dlrs vs 1.03 dlrs',
    '                1987        1986',
    'Reuter',
    'KILL KILL KILL',
    'EMBARGOED UNTIL tomorrow',
    'URGENT',
    '',
    '\t',
  ),
  fc.string({ maxLength: 90 }),
);

test('never crashes on arbitrary bytes: a valid Story with diagnostics, or a ParseError', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
      const file = new SourceFile(bytes, { name: 'random.bin' });
      try {
        const { stories } = parseSource(file, { from: 'wire-text' });
        for (const story of stories) assert.ok(validate(story), JSON.stringify(validate.errors));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
        assert.ok(error.diagnostics.length > 0);
      }
    }),
    { numRuns: 400 },
  );
});

test('never crashes on wire-like text in any order: a valid Story, or a ParseError', () => {
  fc.assert(
    fc.property(fc.array(wireLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n', '\r'), (lines, newline) => {
      const file = new SourceFile(Buffer.from(lines.join(newline)), { name: 'random.txt' });
      try {
        const [story] = parseSource(file).stories;
        assert.ok(validate(story), JSON.stringify(validate.errors));
      } catch (error) {
        assert.ok(error instanceof ParseError, String(error));
      }
    }),
    { numRuns: 600 },
  );
});

test('ends a paragraph at every line break in copy that was never wrapped', () => {
  const comment = (name: string) =>
    `${name} (A Rider) 5m By Invented Sire - Invented Dam (3:0-0-1): Slowly away. Raced wide without cover 4 len 5th of 9 (2) $8.50 Invented Race 1400m. Should improve.`;
  const text = `Invented Comment Saturday\n\n${comment('FIRST HORSE')}\n${comment('SECOND HORSE')}\n${comment('THIRD HORSE')}\n`;
  const story = read(text);
  assert.deepStrictEqual(
    story.body.map((block) => block.text.split(' (')[0]),
    ['FIRST HORSE', 'SECOND HORSE', 'THIRD HORSE'],
  );
  // Wrapped copy still joins its lines.
  const wrapped = read('Invented head\n\nThe council met on Monday and\nagreed to build the bridge.\n');
  assert.deepStrictEqual(wrapped.body.map((block) => block.text), ['The council met on Monday and agreed to build the bridge.']);
});
