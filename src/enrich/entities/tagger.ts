/**
 * Slugline's named-entity tagger: finds people, organisations, places and other names
 * (CoNLL-2003's PER, ORG, LOC, MISC) in English wire copy. A linear model over
 * hashed features, decoded by Viterbi; trained by `scripts/train-ner.ts`.
 */
import type { EntityType } from '../../story/enrichment.js';
import { ViterbiBuffers, viterbi } from './decode.js';
import { FeatureExtractor } from './features.js';
import type { WordInfo } from './features.js';
import { shippedModel } from './model.js';
import type { NerModel } from './model.js';
import { bilouToIob, spansOfBilou, tagCount } from './tags.js';
import type { ConllType } from './tags.js';
import { sentences, tokenize } from './tokenize.js';

/** A name found in text: its type and where it is (`text === source.slice(start, end)`). */
export interface FoundEntity {
  type: EntityType;
  /** UTF-16 offsets into the text given (end exclusive). */
  start: number;
  end: number;
  text: string;
}

const entityTypeOf: Record<ConllType, EntityType> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' };

/**
 * A tagger over one model. It reuses its buffers from one sentence to the next, so
 * `tagNumbers`' result lasts only until the next call.
 */
export class NerTagger {
  private readonly extractor: FeatureExtractor;
  private readonly buffers = new ViterbiBuffers();
  private scores = new Float32Array(256 * tagCount);
  private path = new Uint8Array(256);

  constructor(readonly model: NerModel) {
    this.extractor = new FeatureExtractor(model.lexicon);
  }

  /**
   * The BILOU tag numbers of one sentence's tokens (see `tags.ts`); the array is
   * reused by the next call.
   */
  tagNumbers(tokens: readonly string[]): Uint8Array {
    const length = tokens.length;
    const { keys, offsets, words } = this.extractor.extract(tokens, false);
    if (this.path.length < length) {
      this.path = new Uint8Array(length * 2);
      this.scores = new Float32Array(length * 2 * tagCount);
    }
    const scores = this.scores;
    const { features: table, weights } = this.model;
    const { before, after } = this.extractor;
    const count = tagCount;
    for (let token = 0; token < length; token++) {
      // What each word brings is summed once per word and kept with it: its own
      // features at role 0, what it gives its neighbours at roles 1–4.
      const own = this.wordScores(words[token]!);
      const previous = this.wordScores(token > 0 ? words[token - 1]! : before);
      const previous2 = this.wordScores(token > 1 ? words[token - 2]! : before);
      const next = this.wordScores(token + 1 < length ? words[token + 1]! : after);
      const next2 = this.wordScores(token + 2 < length ? words[token + 2]! : after);
      const base = token * count;
      for (let tag = 0; tag < count; tag++) {
        scores[base + tag] = own[tag]! + previous[count + tag]! + previous2[2 * count + tag]! + next[3 * count + tag]! + next2[4 * count + tag]!;
      }
      // Then the features of word pairs and gazetteer matches the model has (most pairs it has never seen).
      for (let index = offsets[token]!, end = offsets[token + 1]!; index < end; index++) {
        const row = table.get(keys[index]!);
        if (row < 0) continue;
        const from = row * count;
        for (let tag = 0; tag < count; tag++) scores[base + tag]! += weights[from + tag]!;
      }
    }
    viterbi(scores, length, this.model.transitions, this.buffers, this.path);
    return this.path.subarray(0, length);
  }

  /** A word's summed weights for each role (own, as previous, as previous but one, as next, as next but one). */
  private wordScores(word: WordInfo): Float32Array {
    if (word.scores !== null) return word.scores;
    const count = tagCount;
    const scores = new Float32Array(5 * count);
    const { features, weights } = this.model;
    [word.own, word.asPrevious, word.asPrevious2, word.asNext, word.asNext2].forEach((keys, role) => {
      for (const key of keys) {
        const row = features.get(key);
        if (row < 0) continue;
        for (let tag = 0; tag < count; tag++) scores[role * count + tag]! += weights[row * count + tag]!;
      }
    });
    word.scores = scores;
    return scores;
  }

  /** One sentence's IOB2 tags (`B-PER`, `I-PER`, `O`, …). */
  tag(tokens: readonly string[]): string[] {
    return tokens.length === 0 ? [] : bilouToIob(this.tagNumbers(tokens));
  }
}

let shippedTagger: NerTagger | null = null;

/** The tagger over the model the package ships, made on first use. */
export function nerTagger(): NerTagger {
  shippedTagger ??= new NerTagger(shippedModel());
  return shippedTagger;
}

/**
 * IOB2 tags (`B-PER`, `I-PER`, `B-ORG`, …, `O`) for the tokens of one sentence,
 * tokenized as CoNLL-2003 was (`tokenize` does that for raw text).
 *
 * @example
 * tagTokens(['Vladimir', 'Putin', 'met', 'Kim', 'in', 'Vladivostok', '.']);
 * // ['B-PER', 'I-PER', 'O', 'B-PER', 'O', 'B-LOC', 'O']
 */
export function tagTokens(tokens: string[]): string[] {
  return nerTagger().tag(tokens);
}

/**
 * The names in a piece of raw text (a paragraph, a headline), in order, with their
 * offsets in it: people, organisations, places and other names (nationalities,
 * events, works).
 *
 * @example
 * findEntities('Russian President Vladimir Putin met Kim Jong Un in Vladivostok.');
 * // [{ type: 'other', start: 0, end: 7, text: 'Russian' },
 * //  { type: 'person', start: 18, end: 32, text: 'Vladimir Putin' }, …]
 */
export function findEntities(text: string): FoundEntity[] {
  const tagger = nerTagger();
  const tokens = tokenize(text);
  const found: FoundEntity[] = [];
  for (const [first, last] of sentences(tokens, text)) {
    const words = tokens.slice(first, last).map((token) => token.text);
    for (const span of spansOfBilou(tagger.tagNumbers(words))) {
      const start = tokens[first + span.start]!.start;
      const end = tokens[first + span.end - 1]!.end;
      found.push({ type: entityTypeOf[span.type], start, end, text: text.slice(start, end) });
    }
  }
  return found;
}
