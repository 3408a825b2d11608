/**
 * The tagger's features: for each token of a sentence, a list of 32-bit feature keys,
 * each `combine(template, value)` where the value is a hash of what the template
 * looks at (the word, its shape, a neighbour, a gazetteer match).
 *
 * What depends on one word alone (its hashes, shape, affixes) is computed
 * once per distinct word and kept in a cache, so a sentence costs little more than a
 * few integer mixes per feature.
 */
import { combine, finalMix, hashString } from './hash.js';
import { foldCase, gazetteerTokenHash } from './gazetteer.js';
import type { Gazetteer } from './gazetteer.js';
import { normaliseToken } from './tokenize.js';

/** What the features read besides the words: name lists. */
export interface Lexicon {
  gazetteer: Gazetteer;
}

// Template numbers. Changing any of them (or what a template looks at) changes every
// key, so the model must be trained again.
const enum Template {
  Bias = 1,
  Exact,
  Norm,
  NormPrevious,
  NormPrevious2,
  NormNext,
  NormNext2,
  NormBigramLeft,
  NormBigramRight,
  Shape,
  Short,
  ShortPrevious,
  ShortNext,
  ShortBigramLeft,
  ShortBigramRight,
  ShortTrigram,
  Prefix1,
  Suffix1 = Prefix1 + 4,
  FirstShort = Suffix1 + 4,
  CapsSentenceShort,
  Gazetteer,
  NormPreviousShort,
  ShortPreviousNorm,
  GazetteerPrevious,
  GazetteerNext,
}

const boundaryBefore = hashString('<s>');
const boundaryAfter = hashString('</s>');

/** Everything the features need from one word alone. */
export interface WordInfo {
  /** Keys of the features a token has by being this word (its form, shape, affixes). */
  own: Uint32Array;
  /** Keys this word gives the token after it, and the one after that. */
  asPrevious: Uint32Array;
  asPrevious2: Uint32Array;
  /** Keys this word gives the token before it, and the one before that. */
  asNext: Uint32Array;
  asNext2: Uint32Array;
  /** Case folded (`foldCase`), digits as 0: the hash word pairs are made of. */
  norm: number;
  /** Character classes with runs as one (`Xx`, `X.X.`, `d,d`). */
  short: number;
  /** The key the gazetteer compares. */
  gazetteer: number;
  /** What the extractor's gazetteer holds for this word alone (`Gazetteer.bitsOfWord`); 0 outside an extractor. */
  gazetteerBits: number;
  /** Letters all capitals (at least two of them). */
  allCaps: boolean;
  /** Has a letter. */
  letters: boolean;
  /** Free for the tagger: what it works out from this word's keys once, for its model. */
  scores: Float32Array | null;
}

function classOf(code: number): number {
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  if (code >= 48 && code <= 57) return 100; // d
  if (code < 128) return code;
  const character = String.fromCharCode(code);
  const lower = character.toLowerCase();
  const upper = character.toUpperCase();
  if (lower !== upper) return character === upper ? 88 : 120;
  return code;
}

function key(template: number, value: number): number {
  return combine(template, value) || 1;
}

/** The form words are compared in: typography as CoNLL's (`normaliseToken`), case folded (`foldCase`), digits as 0. */
function normalForm(token: string): string {
  return foldCase(normaliseToken(token)).replace(/[0-9]/g, '0');
}

/** What one word looks like to the features; pure, so it can be cached. */
export function describeWord(token: string): WordInfo {
  const word = normaliseToken(token);
  let shape = 0x811c9dc5;
  let short = 0x811c9dc5;
  let previousClass = -1;
  let run = 0;
  let capitals = 0;
  let smalls = 0;
  for (let index = 0; index < word.length; index++) {
    const characterClass = classOf(word.charCodeAt(index));
    if (characterClass === 88) capitals++;
    else if (characterClass === 120) smalls++;
    run = characterClass === previousClass ? run + 1 : 1;
    // Runs cut at four: `Xxxx` for every capitalised word of four letters or more.
    if (run <= 4) shape = Math.imul(shape ^ characterClass, 0x01000193);
    if (run === 1) short = Math.imul(short ^ characterClass, 0x01000193);
    previousClass = characterClass;
  }
  short >>>= 0;
  const normText = normalForm(word);
  const norm = hashString(normText);
  // The bias (a feature every token has) rides with each word, so a tagger caching what words bring pays for it once.
  const own = [key(Template.Bias, 0), key(Template.Exact, hashString(word)), key(Template.Norm, norm), key(Template.Shape, shape >>> 0), key(Template.Short, short)];
  // Affixes keep their case: `Un` (of Kim Jong Un) does not begin as `until` does.
  const affixText = word.replace(/[0-9]/g, '0');
  for (let length = 1; length <= 4 && length <= affixText.length; length++) {
    own.push(key(Template.Prefix1 + length - 1, hashString(affixText.slice(0, length))));
    own.push(key(Template.Suffix1 + length - 1, hashString(affixText.slice(-length))));
  }
  return {
    own: Uint32Array.from(own),
    asPrevious: Uint32Array.of(key(Template.NormPrevious, norm), key(Template.ShortPrevious, short)),
    asPrevious2: Uint32Array.of(key(Template.NormPrevious2, norm)),
    asNext: Uint32Array.of(key(Template.NormNext, norm), key(Template.ShortNext, short)),
    asNext2: Uint32Array.of(key(Template.NormNext2, norm)),
    norm,
    short,
    gazetteer: gazetteerTokenHash(word),
    gazetteerBits: 0,
    allCaps: capitals >= 2 && smalls === 0,
    letters: capitals + smalls > 0,
    scores: null,
  };
}

/** What stands before a sentence's first token and after its last: as a word, only its place. */
function boundary(hash: number): WordInfo {
  return {
    own: new Uint32Array(0),
    asPrevious: Uint32Array.of(key(Template.NormPrevious, hash), key(Template.ShortPrevious, hash)),
    asPrevious2: Uint32Array.of(key(Template.NormPrevious2, hash)),
    asNext: Uint32Array.of(key(Template.NormNext, hash), key(Template.ShortNext, hash)),
    asNext2: Uint32Array.of(key(Template.NormNext2, hash)),
    norm: hash,
    short: hash,
    gazetteer: 0,
    gazetteerBits: 0,
    allCaps: false,
    letters: false,
    scores: null,
  };
}

/** Keys per token, flat: token `i`'s keys are `keys[offsets[i]] … keys[offsets[i + 1] - 1]`. */
export interface SentenceFeatures {
  keys: Uint32Array;
  offsets: Int32Array;
  length: number;
  /** The sentence's words; `words[-1]`'s role is played by `before`, past the end by `after`. */
  words: WordInfo[];
}

/**
 * Turns sentences into feature keys. The lexicon must be complete when the extractor
 * is made (what its gazetteer holds for each word is cached). Holds a cache of `WordInfo` per distinct word
 * (emptied when it grows past `cacheLimit`) and buffers reused from one sentence to
 * the next: the result of `extract` is valid until the next call.
 */
export class FeatureExtractor {
  /** The stand-ins for the words before a sentence and after it. */
  readonly before = boundary(boundaryBefore);
  readonly after = boundary(boundaryAfter);
  private readonly cache = new Map<string, WordInfo>();
  private keys = new Uint32Array(4096);
  private offsets = new Int32Array(128);
  private count = 0;
  /** Gazetteer classes per token and position: `marks[token × 4 + position]`, positions begin, inside, last, unit. */
  private marks = new Int32Array(512);
  private readonly words: WordInfo[] = [];

  constructor(
    readonly lexicon: Lexicon,
    private readonly cacheLimit = 100_000,
  ) {}

  word(word: string): WordInfo {
    let info = this.cache.get(word);
    if (info === undefined) {
      if (this.cache.size >= this.cacheLimit) this.cache.clear();
      info = describeWord(word);
      if (this.lexicon.gazetteer.maxLength > 0) info.gazetteerBits = this.lexicon.gazetteer.bitsOfWord(info.gazetteer);
      this.cache.set(word, info);
    }
    return info;
  }

  private emit(template: number, value: number): void {
    if (this.count === this.keys.length) this.grow();
    this.keys[this.count++] = combine(template, value) || 1;
  }

  private emitAll(keys: Uint32Array): void {
    while (this.count + keys.length > this.keys.length) this.grow();
    this.keys.set(keys, this.count);
    this.count += keys.length;
  }

  private grow(): void {
    const grown = new Uint32Array(this.keys.length * 2);
    grown.set(this.keys);
    this.keys = grown;
  }

  private emitMarks(template: number, token: number): void {
    for (let position = 0; position < 4; position++) {
      for (let bits = this.marks[token * 4 + position]!; bits !== 0; bits &= bits - 1) {
        const classIndex = 31 - Math.clz32(bits & -bits);
        this.emit(template, classIndex * 4 + position + 1);
      }
    }
  }

  /**
   * The keys of each token of a sentence. With `wordKeys` false, only those that
   * depend on more than one word (pairs, gazetteer matches, the sentence): the rest
   * are the `own`, `asPrevious`, … keys of `words`, which a caller can cache.
   */
  extract(tokens: readonly string[], wordKeys = true): SentenceFeatures {
    const length = tokens.length;
    if (this.offsets.length < length + 1) this.offsets = new Int32Array((length + 1) * 2);
    if (this.marks.length < length * 4) this.marks = new Int32Array(length * 8);
    const words = this.words;
    words.length = length;
    let capitalised = 0;
    let lettered = 0;
    for (let index = 0; index < length; index++) {
      const word = this.word(tokens[index]!);
      words[index] = word;
      if (word.letters) lettered++;
      if (word.allCaps) capitalised++;
    }
    // Headlines and sports results come in capitals: there a capital says less.
    const capsSentence = lettered >= 3 && capitalised * 2 > lettered;
    this.marks.fill(0, 0, length * 4);
    const gazetteer = this.lexicon.gazetteer;
    if (gazetteer.maxLength > 0) {
      const marks = this.marks;
      gazetteer.match(words, (start, end, classes) => {
        if (end - start === 1) marks[start * 4 + 3]! |= classes;
        else {
          marks[start * 4]! |= classes;
          for (let index = start + 1; index < end - 1; index++) marks[index * 4 + 1]! |= classes;
          marks[(end - 1) * 4 + 2]! |= classes;
        }
      });
    }

    this.count = 0;
    const { before, after } = this;
    for (let index = 0; index < length; index++) {
      this.offsets[index] = this.count;
      const word = words[index]!;
      const previous = index > 0 ? words[index - 1]! : before;
      const next = index + 1 < length ? words[index + 1]! : after;
      if (wordKeys) {
        this.emitAll(word.own);
        this.emitAll(previous.asPrevious);
        this.emitAll((index > 1 ? words[index - 2]! : before).asPrevious2);
        this.emitAll(next.asNext);
        this.emitAll((index + 2 < length ? words[index + 2]! : after).asNext2);
      }
      this.emit(Template.NormBigramLeft, combine(previous.norm, word.norm));
      this.emit(Template.NormBigramRight, combine(word.norm, next.norm));
      this.emit(Template.ShortBigramLeft, combine(previous.short, word.short));
      this.emit(Template.ShortBigramRight, combine(word.short, next.short));
      this.emit(Template.ShortTrigram, combine(combine(previous.short, word.short), next.short));
      this.emit(Template.NormPreviousShort, combine(previous.norm, word.short));
      this.emit(Template.ShortPreviousNorm, combine(previous.short, word.norm));
      if (index === 0) this.emit(Template.FirstShort, word.short);
      if (capsSentence) this.emit(Template.CapsSentenceShort, word.short);
      this.emitMarks(Template.Gazetteer, index);
      if (index > 0) this.emitMarks(Template.GazetteerPrevious, index - 1);
      if (index + 1 < length) this.emitMarks(Template.GazetteerNext, index + 1);
    }
    this.offsets[length] = this.count;
    return { keys: this.keys, offsets: this.offsets, length, words };
  }
}

/** A stable fingerprint of the feature templates, stored in the model to catch a mismatch. */
export const featureVersion = finalMix(hashString('features-4'));
