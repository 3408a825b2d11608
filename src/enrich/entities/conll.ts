/**
 * CoNLL-2003 files (one token a line, columns `token POS chunk NER`, a blank line
 * between sentences, `-DOCSTART-` between documents) and the conlleval score: entity
 * level precision, recall and F1, where an entity counts only when both its span and
 * its type are exactly right.
 */
import { entityTypes } from './tags.js';
import type { ConllType } from './tags.js';

export interface ConllSentence {
  tokens: string[];
  /** The last column of each token line (the gold NER tag in CoNLL-2003 files). */
  tags: string[];
}

/** A document: the sentences between two `-DOCSTART-` lines. */
export type ConllDocument = ConllSentence[];

/**
 * The documents of a CoNLL file, in order. A file without `-DOCSTART-` lines is one
 * document.
 */
export function readConll(text: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let document: ConllDocument = [];
  let sentence: ConllSentence = { tokens: [], tags: [] };
  const endSentence = () => {
    if (sentence.tokens.length > 0) document.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '') {
      endSentence();
      continue;
    }
    const columns = trimmed.split(/\s+/);
    if (columns[0] === '-DOCSTART-') {
      endSentence();
      if (document.length > 0) documents.push(document);
      document = [];
      continue;
    }
    sentence.tokens.push(columns[0]!);
    sentence.tags.push(columns.length > 1 ? columns[columns.length - 1]! : 'O');
  }
  endSentence();
  if (document.length > 0) documents.push(document);
  return documents;
}

/** An entity as conlleval sees it: a type and a token range `[start, end)` in one sentence. */
export interface Chunk {
  type: string;
  start: number;
  end: number;
}

/**
 * The entities of a sentence's IOB tags, read by conlleval's rules: a chunk starts
 * at `B-X`, or at `I-X` after `O` or after another type, and runs while `I-X` follows.
 */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  for (let index = 0; index <= tags.length; index++) {
    const tag = index < tags.length ? tags[index]! : 'O';
    const prefix = tag === 'O' || tag.length < 3 ? 'O' : tag[0];
    const type = prefix === 'O' ? '' : tag.slice(2);
    const continues = open !== null && prefix === 'I' && type === open.type;
    if (open !== null && !continues) {
      open.end = index;
      chunks.push(open);
      open = null;
    }
    if (open === null && prefix !== 'O') open = { type, start: index, end: index + 1 };
  }
  return chunks;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  /** Entities the tagger found, entities in the gold tags, and how many of them match exactly. */
  found: number;
  gold: number;
  correct: number;
}

export interface Evaluation {
  overall: Score;
  byType: Record<ConllType, Score>;
  /** Tokens whose tag is exactly the gold tag, as a share of all tokens. */
  tokenAccuracy: number;
}

function score(found: number, gold: number, correct: number): Score {
  const precision = found === 0 ? 0 : correct / found;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, found, gold, correct };
}

/**
 * conlleval's figures for predicted against gold tags, sentence by sentence.
 *
 * @example
 * evaluate([['B-PER', 'I-PER', 'O']], [['B-PER', 'O', 'O']]).overall.f1; // 0
 */
export function evaluate(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): Evaluation {
  const counts = new Map<string, { found: number; gold: number; correct: number }>(
    entityTypes.map((type) => [type, { found: 0, gold: 0, correct: 0 }]),
  );
  const countOf = (type: string) => {
    let count = counts.get(type);
    if (!count) counts.set(type, (count = { found: 0, gold: 0, correct: 0 }));
    return count;
  };
  let tokens = 0;
  let right = 0;
  for (let sentence = 0; sentence < gold.length; sentence++) {
    const goldTags = gold[sentence]!;
    const predictedTags = predicted[sentence] ?? [];
    tokens += goldTags.length;
    for (let index = 0; index < goldTags.length; index++) if (goldTags[index] === predictedTags[index]) right++;
    const goldChunks = chunksOf(goldTags);
    const keys = new Set(goldChunks.map((chunk) => `${chunk.type} ${chunk.start} ${chunk.end}`));
    for (const chunk of goldChunks) countOf(chunk.type).gold++;
    for (const chunk of chunksOf(predictedTags)) {
      const count = countOf(chunk.type);
      count.found++;
      if (keys.has(`${chunk.type} ${chunk.start} ${chunk.end}`)) count.correct++;
    }
  }
  let found = 0;
  let goldCount = 0;
  let correct = 0;
  for (const count of counts.values()) {
    found += count.found;
    goldCount += count.gold;
    correct += count.correct;
  }
  const byType = Object.fromEntries(
    entityTypes.map((type) => {
      const count = counts.get(type)!;
      return [type, score(count.found, count.gold, count.correct)];
    }),
  ) as Record<ConllType, Score>;
  return { overall: score(found, goldCount, correct), byType, tokenAccuracy: tokens === 0 ? 0 : right / tokens };
}
