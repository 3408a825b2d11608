import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { runNer } from '../../cli/ner.js';
import { Output } from '../../cli/output.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { chunksOf, evaluate, readConll } from './conll.js';
import { decodeModel, encodeModel, shippedModel } from './model.js';
import { NerTagger, findEntities, tagTokens } from './tagger.js';
import { ViterbiBuffers, viterbi } from './decode.js';
import { bilouToIob, iobToBilou, tagCount } from './tags.js';
import { sentences, tokenize } from './tokenize.js';

test('cuts wire text into CoNLL-style tokens that keep their offsets', () => {
  const text = 'Russia’s “Far East” – Kim met U.S. envoys; 2,000 tonnes ($25 million) don\'t face-to-face… BSS/AFP 1996/97 players\' 5%.';
  const tokens = tokenize(text);
  assert.deepStrictEqual(
    tokens.map((token) => token.text),
    ['Russia', '’s', '“', 'Far', 'East', '”', '–', 'Kim', 'met', 'U.S.', 'envoys', ';', '2,000', 'tonnes', '(', '$', '25', 'million', ')', 'do', "n't", 'face-to-face', '…', 'BSS', '/', 'AFP', '1996/97', 'players', "'", '5', '%', '.'],
  );
  for (const token of tokens) assert.equal(text.slice(token.start, token.end), token.text);
  assert.deepStrictEqual(tokens.slice(0, 3), [
    { text: 'Russia', start: 0, end: 6 },
    { text: '’s', start: 6, end: 8 },
    { text: '“', start: 9, end: 10 },
  ]);
});

test('keeps abbreviations and initials whole, and ends sentences at stops and blank lines', () => {
  const text = 'Mr. J. Smith of Acme Inc. said so. “Yes.” He left\n\nParis Saint-Germain won';
  const tokens = tokenize(text);
  assert.deepStrictEqual(
    tokens.map((token) => token.text),
    ['Mr.', 'J.', 'Smith', 'of', 'Acme', 'Inc.', 'said', 'so', '.', '“', 'Yes', '.', '”', 'He', 'left', 'Paris', 'Saint-Germain', 'won'],
  );
  assert.deepStrictEqual(
    sentences(tokens, text).map(([start, end]) => tokens.slice(start, end).map((token) => token.text).join(' ')),
    ['Mr. J. Smith of Acme Inc. said so .', '“ Yes . ”', 'He left', 'Paris Saint-Germain won'],
  );
});

test('reads IOB tags as conlleval does and scores exact spans', () => {
  assert.deepStrictEqual(chunksOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG']), [
    { type: 'PER', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'LOC', start: 4, end: 5 },
    { type: 'ORG', start: 5, end: 6 },
  ]);
  const result = evaluate([['B-PER', 'I-PER', 'O', 'B-LOC']], [['B-PER', 'O', 'O', 'B-LOC']]);
  assert.deepStrictEqual([result.overall.found, result.overall.gold, result.overall.correct], [2, 2, 1]);
  assert.equal(result.overall.f1, 0.5);
  assert.deepStrictEqual(bilouToIob(iobToBilou(['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC'])), ['B-PER', 'I-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC']);
});

test('writes the model file and reads it back to the same tags', () => {
  const model = shippedModel();
  const keys = new Uint32Array(model.features.size);
  const weights = new Float32Array(model.weights.length);
  for (let slot = 0; slot < model.features.slots.length; slot++) {
    const key = model.features.slots[slot]!;
    if (key === 0) continue;
    const row = model.features.rows[slot]!;
    keys[row] = key;
    weights.set(model.weights.subarray(row * 17, row * 17 + 17), row * 17);
  }
  const copy = decodeModel(encodeModel({ keys, weights, transitions: model.transitions, lexicon: model.lexicon, training: model.training }));
  const tokens = ['Vladimir', 'Putin', 'met', 'Kim', 'Jong', 'Un', 'in', 'Vladivostok', '.'];
  assert.deepStrictEqual(new NerTagger(copy).tag(tokens), tagTokens(tokens));
});

test('finds its model when built into dist/', () => {
  const built = fileURLToPath(new URL('../../../dist/src/enrich/entities/tagger.js', import.meta.url));
  assert.ok(existsSync(built), `${built} is missing: run npm run build`);
  const script = `import { tagTokens } from ${JSON.stringify(pathToFileURL(built).href)}; console.log(tagTokens(['Vladimir', 'Putin', 'visited', 'Moscow', '.']).join(' '));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
  assert.deepStrictEqual([result.status, result.stderr, result.stdout], [0, '', 'B-PER I-PER O B-LOC O\n']);
});

/** The seed story's paragraphs, unwrapped (its lines are hard-wrapped at about 75 characters). */
function seedParagraphs(): string[] {
  const text = readFileSync(join(sharedPath('seed')!, '000_45c4e983dc4e0401.txt'), 'utf8');
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

test('finds the people, places and organisations of the seed story, at their offsets', { skip: skipWithout('seed') }, () => {
  const found = seedParagraphs().flatMap((paragraph) =>
    findEntities(paragraph).map((entity) => {
      assert.equal(paragraph.slice(entity.start, entity.end), entity.text);
      return `${entity.type}: ${entity.text}`;
    }),
  );
  const expected = [
    'person: Vladimir Putin',
    'person: Kim Jong Un',
    'person: Donald Trump',
    'person: Xi Jinping',
    'person: Mike Pompeo',
    'place: Vladivostok',
    'place: Moscow',
    'place: Hanoi',
    'place: Seoul',
    'place: Beijing',
    'place: North Korea',
    'organisation: TASS',
    'organisation: United Nations',
    // CoNLL-2003's annotators tag the Kremlin a place, all 11 times in train.txt, and so does the tagger.
    'place: Kremlin',
  ];
  const missing = expected.filter((entity) => !found.includes(entity));
  assert.deepStrictEqual(missing, [], `found: ${[...new Set(found)].join(' | ')}`);
});

test('tags the dateline sentence of the seed story token by token', { skip: skipWithout('seed') }, () => {
  const sentence = 'VLADIVOSTOK , Russia , April 25 , 2019 ( BSS / AFP ) – Russian President Vladimir Putin and North Korean leader Kim Jong Un vowed to seek closer ties .'.split(' ');
  const tags = tagTokens(sentence);
  const tagOf = (token: string) => tags[sentence.indexOf(token)];
  const names = ['VLADIVOSTOK', 'Russia', 'Russian', 'Vladimir', 'Putin', 'North', 'Korean', 'Kim', 'Jong', 'Un', 'President', 'leader', 'vowed'];
  assert.deepStrictEqual(Object.fromEntries(names.map((token) => [token, tagOf(token)])), {
    VLADIVOSTOK: 'B-LOC',
    Russia: 'B-LOC',
    Russian: 'B-MISC',
    Vladimir: 'B-PER',
    Putin: 'I-PER',
    North: 'B-MISC',
    Korean: 'I-MISC',
    Kim: 'B-PER',
    Jong: 'I-PER',
    Un: 'I-PER',
    President: 'O',
    leader: 'O',
    vowed: 'O',
  });
});

test('scores at least 0.88 F1 on CoNLL-2003 valid.txt with the shipped model', { skip: skipWithout('conll2003/valid.txt') }, () => {
  const sentencesOfValid = readConll(readFileSync(sharedPath('conll2003/valid.txt')!, 'utf8')).flat();
  const result = evaluate(
    sentencesOfValid.map((sentence) => sentence.tags),
    sentencesOfValid.map((sentence) => tagTokens(sentence.tokens)),
  );
  assert.equal(result.overall.gold, 5942);
  assert.ok(result.overall.f1 >= 0.88, `F1 ${result.overall.f1.toFixed(4)} (P ${result.overall.precision.toFixed(4)}, R ${result.overall.recall.toFixed(4)})`);
});

/** Runs `slugline ner ARGS…` in process; its status and output. */
async function ner(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const error: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => error.push(chunk));
  const output = new Output(stdout, stderr);
  const status = await runNer(args, output);
  await output.flush();
  return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(error).toString('utf8') };
}

test('ner --conll appends one tag column to each token line and passes blank and -DOCSTART- lines through', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-ner-'));
  const input = join(folder, 'tokens.txt');
  const lines = [
    '-DOCSTART- -X- -X- O',
    '',
    'Vladimir NNP B-NP B-PER',
    'Putin NNP I-NP I-PER',
    'met VBD B-VP O',
    'Kim NNP B-NP B-PER',
    'in IN B-PP O',
    'Moscow NNP B-NP B-LOC',
    '. . O O',
    '',
    'TASS NNP B-NP B-ORG',
    'reported VBD B-VP O',
  ];
  writeFileSync(input, lines.join('\n') + '\n');
  const result = await ner(['--conll', input]);
  assert.deepStrictEqual([result.status, result.stderr], [0, '']);
  const written = result.stdout.split('\n');
  assert.equal(written.pop(), '');
  assert.equal(written.length, lines.length);
  written.forEach((line, index) => {
    const original = lines[index]!;
    if (original === '') assert.equal(line, '');
    else {
      assert.ok(line.startsWith(`${original} `), line);
      assert.equal(line.split(' ').length, original.split(' ').length + 1, line);
    }
  });
  // The document boundary is kept as such (conlleval needs every line to have the same columns).
  assert.equal(written[0], '-DOCSTART- -X- -X- O O');
  assert.deepStrictEqual(
    written.filter((line) => line !== '' && !line.startsWith('-DOCSTART-')).map((line) => line.split(' ').pop()),
    ['B-PER', 'I-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O', 'B-ORG', 'O'],
  );
});

test('ner says what is wrong when called wrongly or the file is missing', async () => {
  await assert.rejects(ner([]), /ner needs --conll FILE/);
  const missing = await ner(['--conll', join(tmpdir(), 'no-such-file.conll')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read `.*no-such-file\.conll`: no such file/);
});

test('Viterbi reads the transitions as they are at each call, as training changes them in place', () => {
  const length = 2;
  const scores = new Float32Array(length * tagCount);
  // Both tokens lean to U-PER on their own.
  scores[4] = 1;
  scores[tagCount + 4] = 1;
  const transitions = new Float32Array(tagCount * tagCount);
  const buffers = new ViterbiBuffers();
  const path = new Uint8Array(length);
  viterbi(scores, length, transitions, buffers, path);
  assert.deepEqual(Array.from(path), [4, 4]);
  // Now B-PER → L-PER pays far more than two names side by side.
  transitions[1 * tagCount + 3] = 10;
  viterbi(scores, length, transitions, buffers, path);
  assert.deepEqual(Array.from(path), [1, 3]);
});
