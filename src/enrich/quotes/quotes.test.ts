import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseSource } from '../../formats/index.js';
import { SourceFile } from '../../source/source-file.js';
import type { Entity, EntityType, Quote, Span } from '../../story/enrichment.js';
import type { Block, Story } from '../../story/story.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { storyWith } from '../../testing/story.js';
import * as api from './quotes.js';
import { findQuotes } from './quotes.js';

// Every sentence below is invented, except in the tests on the seed story.

function paragraph(text: string): Block {
  return { kind: 'paragraph', text, line: 1, take: 1 };
}

function storyOf(paragraphs: string[], headline: string | null = null): Story {
  return storyWith({ headline, body: paragraphs.map(paragraph) });
}

/** The quotes of a story made of these paragraphs, with no entities. */
function quotesIn(...paragraphs: string[]): Quote[] {
  return findQuotes(storyOf(paragraphs), []);
}

/** The span of `words` in `text` (its first occurrence after `after`), in block `block`. */
function span(block: number | null, text: string, words: string, after = ''): Span {
  const start = text.indexOf(words, after === '' ? 0 : text.indexOf(after) + after.length);
  assert.ok(start >= 0, `“${words}” is in “${text}”`);
  return { block, start, end: start + words.length, text: words };
}

function quote(kind: Quote['kind'], spans: Span[], speaker: string | null, cue: string | null, speakerEntity: string | null = null): Quote {
  return { kind, text: spans.map((each) => each.text).join(' '), spans, speaker, speakerEntity, cue };
}

test('exports findQuotes, and nothing else', () => {
  assert.deepEqual(Object.keys(api), ['findQuotes']);
});

test('gives a quotation to the speaker named after it', () => {
  const cases: [string, string, string, string][] = [
    ['“We will win this election,” Kim said.', 'We will win this election', 'Kim', 'said'],
    ['"We will win this election," said Putin, who leaves for China tomorrow.', 'We will win this election', 'Putin', 'said'],
    ['“We have no plans for a summit,” the Kremlin said in a statement.', 'We have no plans for a summit', 'the Kremlin', 'said'],
    ['“It was a useful meeting,” he told reporters.', 'It was a useful meeting', 'he', 'told'],
    ['“Is this the end?” asked the senator.', 'Is this the end?', 'the senator', 'asked'],
    ['“We stand ready,” Cruz, who has proposed repealing the mandate, added on Friday.', 'We stand ready', 'Cruz', 'added'],
    ['“Prices will rise,” according to a spokesman for the ministry.', 'Prices will rise', 'a spokesman for the ministry', 'according to'],
  ];
  for (const [text, words, speaker, cue] of cases) {
    assert.deepEqual(quotesIn(text), [quote('direct', [span(0, text, words)], speaker, cue)], text);
  }
});

test('gives a quotation to the speaker named before it', () => {
  const cases: [string, string, string, string][] = [
    ['Putin said: "We will win this election."', 'We will win this election.', 'Putin', 'said'],
    ['Putin told Kim “you are welcome here at any time.”', 'you are welcome here at any time.', 'Putin', 'told'],
    ['Later, she added, “Nobody should be confused about our commitment.”', 'Nobody should be confused about our commitment.', 'she', 'added'],
    ['Russian President Vladimir Putin warned on Thursday that “sanctions lead nowhere.”', 'sanctions lead nowhere.', 'Russian President Vladimir Putin', 'warned'],
  ];
  for (const [text, words, speaker, cue] of cases) {
    assert.deepEqual(quotesIn(text), [quote('direct', [span(0, text, words)], speaker, cue)], text);
  }
});

test('reads typewriter, curly, single, German and French quotation marks', () => {
  const cases: [string, string][] = [
    ['"The talks went well," Kim said.', 'The talks went well'],
    ['“The talks went well,” Kim said.', 'The talks went well'],
    ['‘The talks went well,’ Kim said.', 'The talks went well'],
    ['„The talks went well“, Kim said.', 'The talks went well'],
    ['«The talks went well», Kim said.', 'The talks went well'],
  ];
  for (const [text, words] of cases) assert.deepEqual(quotesIn(text), [quote('direct', [span(0, text, words)], 'Kim', 'said')], text);
});

test('makes one quote of a quotation its attribution interrupts', () => {
  const text = '“The talks were useful,” Kim said, “and we will meet again in the autumn.”';
  assert.deepEqual(quotesIn(text), [
    quote('direct', [span(0, text, 'The talks were useful'), span(0, text, 'and we will meet again in the autumn.')], 'Kim', 'said'),
  ]);
});

test('runs a quotation on over paragraphs: one quote with a span in each', () => {
  const first = 'Kim said: “The first thing we agreed is that the talks go on.';
  const second = '“The second is that the railway will be rebuilt.';
  const third = '“The third is for another day.”';
  assert.deepEqual(quotesIn(first, second, third), [
    quote(
      'direct',
      [
        span(0, first, 'The first thing we agreed is that the talks go on.'),
        span(1, second, 'The second is that the railway will be rebuilt.'),
        span(2, third, 'The third is for another day.'),
      ],
      'Kim',
      'said',
    ),
  ]);
});

test('gives a quotation alone in its sentence or paragraph to the speaker before it', () => {
  const first = '“The talks were useful,” Kim said. “We will meet again.”';
  const second = '“The railway comes first.”';
  const third = 'The talks ended at noon.';
  const fourth = '“Nobody was there to say it.”';
  assert.deepEqual(quotesIn(first, second, third, fourth), [
    quote('direct', [span(0, first, 'The talks were useful')], 'Kim', 'said'),
    quote('direct', [span(0, first, 'We will meet again.')], 'Kim', null),
    quote('direct', [span(1, second, 'The railway comes first.')], 'Kim', null),
    // A paragraph without a speaker between ends the run.
    quote('direct', [span(3, fourth, 'Nobody was there to say it.')], null, null),
  ]);
});

test('joins a sentence that only attributes to the quotation before it', () => {
  const text = '“The emails are missing.” Trump said on Wednesday.';
  assert.deepEqual(quotesIn(text), [quote('direct', [span(0, text, 'The emails are missing.')], 'Trump', 'said')]);
});

test('gives a quotation the name left at the end of a paragraph whose last line was lost', () => {
  const text = '“I am confident that your visit will help us to better understand each other,” Putin';
  assert.deepEqual(quotesIn(text), [quote('direct', [span(0, text, 'I am confident that your visit will help us to better understand each other')], 'Putin', null)]);
});

test('gives a partial quotation to the speaker of its sentence, else to its subject', () => {
  const first = 'In an interview published on Thursday, Putin lashed out at “countries claiming sole global leadership”.';
  const second = 'Trump said Rubio was “a total lightweight” and left the stage.';
  const third = 'The plan includes “a new era of cooperation between the two sides” for now.';
  assert.deepEqual(quotesIn(first, second, third), [
    quote('partial', [span(0, first, 'countries claiming sole global leadership')], 'Putin', null),
    quote('indirect', [span(1, second, 'Rubio was “a total lightweight” and left the stage')], 'Trump', 'said'),
    quote('partial', [span(1, second, 'a total lightweight')], 'Trump', 'said'),
    quote('partial', [span(2, third, 'a new era of cooperation between the two sides')], null, null),
  ]);
});

test('takes no single quoted word, title or name for a quotation', () => {
  assert.deepEqual(
    quotesIn(
      'The two sides agreed on the so-called “road map” for the talks.',
      'The envoy expected “bumpy” talks.',
      'He appeared on “Fox News Sunday” with the host.',
      'She calls it “Operation Clean Sweep” in private.',
    ),
    [],
  );
});

test('finds claims attributed to a source without quotation marks', () => {
  const cases: [string, string, string, string][] = [
    ['One delivery saw 2,000 tonnes of wheat sent to the port, news agency TASS reported.', 'One delivery saw 2,000 tonnes of wheat sent to the port', 'news agency TASS', 'reported'],
    ['TASS reported that the talks would resume on Friday.', 'the talks would resume on Friday', 'TASS', 'reported'],
    ['Russia has provided food aid to the North, according to the Kremlin.', 'Russia has provided food aid to the North', 'the Kremlin', 'according to'],
    ['According to the Kremlin, no statement will be signed.', 'no statement will be signed', 'the Kremlin', 'According to'],
    ['China is its largest partner, and analysts say Kim could be looking for balance.', 'Kim could be looking for balance', 'analysts', 'say'],
    ['Officials said the border would reopen on Monday.', 'the border would reopen on Monday', 'Officials', 'said'],
    ['The ministry said in a statement that bread prices would rise.', 'bread prices would rise', 'The ministry', 'said'],
    ['Putin told Kim he supports efforts to ease tensions.', 'he supports efforts to ease tensions', 'Putin', 'told'],
  ];
  for (const [text, claim, speaker, cue] of cases) {
    assert.deepEqual(quotesIn(text), [quote('indirect', [span(0, text, claim)], speaker, cue)], text);
  }
  // Not attributions: a relative clause, a verb with no claim after it.
  assert.deepEqual(quotesIn('It launched missiles which Pyongyang says can reach the mainland.', 'The senator said goodbye to the staff.'), []);
});

test('takes quotation marks in a headline only when a verb attributes them', () => {
  const attributed = '“We will win,” says Putin';
  assert.deepEqual(findQuotes(storyOf([], attributed), []), [quote('direct', [span(null, attributed, 'We will win')], 'Putin', 'says')]);
  assert.deepEqual(findQuotes(storyOf([], 'Trump calls the deal “a total disaster for America”'), []), []);
  assert.deepEqual(findQuotes(storyOf([], '“A total disaster for America”'), []), []);
});

/** An entity whose mentions are every match of `pattern` in the story's headline and body. */
function entity(story: Story, id: string, type: EntityType, name: string, pattern: RegExp, titles: string[] = []): Entity {
  const mentions: Span[] = [];
  const texts: [number | null, string][] = [[null, story.headline ?? ''], ...story.body.map((block, index): [number, string] => [index, block.text])];
  for (const [block, text] of texts) {
    for (const match of text.matchAll(pattern)) mentions.push({ block, start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return { id, type, name, titles, mentions, place: null };
}

test('resolves speakers to entities: by mention, by title, and he or she to the last person named', () => {
  const paragraphs = [
    'North Korean leader Kim Jong Un met Putin on Thursday.',
    '“We agreed on everything,” he said.',
    '“We did not,” the North Korean leader said later.',
    'The Kremlin said the talks would go on.',
  ];
  const story = storyOf(paragraphs);
  const entities = [
    entity(story, 'e1', 'person', 'Kim Jong Un', /Kim Jong Un/g, ['North Korean leader']),
    entity(story, 'e2', 'person', 'Vladimir Putin', /Putin/g),
    entity(story, 'e3', 'organisation', 'Kremlin', /Kremlin/g),
  ];
  assert.deepEqual(findQuotes(story, entities), [
    // `he`: Kim Jong Un, the subject of the sentence before.
    quote('direct', [span(1, paragraphs[1]!, 'We agreed on everything')], 'he', 'said', 'e1'),
    quote('direct', [span(2, paragraphs[2]!, 'We did not')], 'the North Korean leader', 'said', 'e1'),
    quote('indirect', [span(3, paragraphs[3]!, 'the talks would go on')], 'The Kremlin', 'said', 'e3'),
  ]);
  // Without entities, the same quotes name no entity.
  assert.deepEqual(
    findQuotes(story, []).map((each) => each.speakerEntity),
    [null, null, null],
  );
});

test('leaves the story as it was', () => {
  const story = storyOf(['“We will win,” Kim said.'], '“We will win,” says Kim');
  const before = structuredClone(story);
  findQuotes(story, []);
  assert.deepEqual(story, before);
});

// The seed: a BSS/AFP story on the first Kim–Putin summit.
const seedFile = 'seed/000_45c4e983dc4e0401.txt';

function readSeed(): Story {
  const path = sharedPath(seedFile)!;
  const { stories } = parseSource(new SourceFile(readFileSync(path), { name: path, receivedAt: null }));
  return stories[0]!;
}

/** The span of `words` in the first paragraph of the story that holds them. */
function seedSpan(story: Story, words: string): Span {
  const block = story.body.findIndex((each) => each.text.includes(words));
  assert.ok(block >= 0, `the seed says “${words}”`);
  return span(block, story.body[block]!.text, words);
}

test('finds who said what in the seed story', { skip: skipWithout(seedFile) }, () => {
  const story = readSeed();
  const entities = [
    entity(story, 'e1', 'person', 'Kim Jong Un', /Kim Jong Un|Kim(?! Jong Il| Il Sung)/g, ['North Korean leader']),
    entity(story, 'e2', 'person', 'Vladimir Putin', /Vladimir Putin|Putin/g, ['Russian President']),
    entity(story, 'e3', 'organisation', 'Kremlin', /Kremlin/g),
    entity(story, 'e4', 'organisation', 'TASS', /TASS/g),
  ];
  const quotes = findQuotes(story, entities);
  const kim = (words: string, cue: string | null): Quote => quote('direct', [seedSpan(story, words)], 'Kim', cue, 'e1');
  const putin = (words: string, cue: string | null): Quote => quote('direct', [seedSpan(story, words)], 'Putin', cue, 'e2');
  assert.deepEqual(
    quotes.filter((each) => each.kind === 'direct'),
    [
      kim('I think it will be a very useful meeting in developing the relationship between the two countries, who have a long friendship and history, into a more stable and sound one', 'said'),
      // The paragraph after: a quotation alone, Kim's still.
      kim('As the world is focused on the Korean peninsula, I think we will hold a very meaningful dialogue.', null),
      // The copy lost the verb after `Putin` with the paragraph's last line.
      putin('I am confident that your visit… will help us to better understand how we can resolve the situation on the Korean peninsula and what Russia can do to support the positive processes that are currently taking place', null),
      // A paragraph cut short after its opening words; Putin's, from the paragraph before.
      putin('In terms of bilateral relations, we have a lot to do to develop economic', null),
      putin('They carelessly trample on the norms and principles of international law, resort to blackmail, sanctions and pressure, and try to force their values and dubious ideals on entire countries and populations', 'said'),
    ],
  );
  const find = (kind: Quote['kind'], words: string): Quote | undefined => quotes.find((each) => each.kind === kind && each.text.startsWith(words));
  assert.deepEqual(find('partial', 'countries claiming'), quote('partial', [seedSpan(story, 'countries claiming sole global leadership')], 'Putin', null, 'e2'));
  assert.deepEqual(
    find('partial', 'a political and diplomatic solution'),
    quote('partial', [seedSpan(story, 'a political and diplomatic solution to the nuclear problem on the Korean Peninsula')], 'The Kremlin', 'said', 'e3'),
  );
  assert.deepEqual(
    find('indirect', 'One delivery'),
    quote('indirect', [seedSpan(story, 'One delivery in March saw more than 2,000 tonnes of wheat supplied to the port of Chongjin')], 'news agency TASS', 'reported', 'e4'),
  );
  assert.deepEqual(
    find('indirect', 'Russia has provided'),
    quote('indirect', [seedSpan(story, 'Russia has provided some $25 million in food aid to North Korea in recent years')], 'the Kremlin', 'according to', 'e3'),
  );
  assert.deepEqual(find('indirect', 'Kim could be'), quote('indirect', [seedSpan(story, 'Kim could be looking to balance Beijing’s influence')], 'analysts', 'say', null));
});

test('gives every seed quote without a speaker entity when there are no entities', { skip: skipWithout(seedFile) }, () => {
  const quotes = findQuotes(readSeed(), []);
  assert.ok(quotes.length > 0);
  assert.deepEqual(
    quotes.filter((each) => each.speakerEntity !== null),
    [],
  );
});
