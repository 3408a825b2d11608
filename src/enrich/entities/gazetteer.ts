/**
 * Lists of names (countries, cities, names seen in training) matched against a
 * sentence's tokens, case-insensitively. Each list is a class (a bit); a phrase may be
 * in several. Phrases are kept as hashes of their lowercased tokens, so a gazetteer of
 * a hundred thousand names is two typed arrays.
 */
import { combine, hashString } from './hash.js';

/** Set on a phrase that begins a longer one, so matching knows to read on. */
const prefixBit = 0x80000000;
const phraseSeed = 0x3c6ef372;

/**
 * A word with its case folded, except a short acronym's: `UN` is not `Un` (as in
 * Kim Jong Un) nor `un`, `US` is not `us`. Longer words fold, so a headline's `JAPAN`
 * is `japan`.
 */
export function foldCase(word: string): string {
  return /^[A-Z]{2,3}$/.test(word) ? word : word.toLowerCase();
}

/** The hash of a token as the gazetteer compares it: case folded, curly apostrophes straight. */
export function gazetteerTokenHash(token: string): number {
  return hashString(foldCase(token).replace(/’/g, "'"));
}

/** One phrase's hash extended by one more token's. */
export function extendPhrase(phrase: number, tokenHash: number): number {
  return combine(phrase, tokenHash);
}

export class Gazetteer {
  /** The most tokens in a phrase. */
  maxLength = 0;
  /** Phrase hash → the classes it is in (bits 0–30), and `prefixBit`; while phrases are being added. */
  private readonly entries = new Map<number, number>();
  /** The phrases as an open-addressing table (key 0 is empty), made on the first match after a change. */
  private slots: Uint32Array | null = null;
  private values = new Int32Array(0);

  /** Adds a phrase (its tokens) to a class (0–30). */
  add(tokens: readonly string[], classIndex: number): void {
    if (tokens.length === 0) return;
    this.thaw();
    let phrase = phraseSeed;
    for (let index = 0; index < tokens.length; index++) {
      phrase = extendPhrase(phrase, gazetteerTokenHash(tokens[index]!)) || 1;
      const bits = this.entries.get(phrase) ?? 0;
      this.entries.set(phrase, index === tokens.length - 1 ? bits | (1 << classIndex) : bits | prefixBit);
    }
    this.maxLength = Math.max(this.maxLength, tokens.length);
  }

  /** The number of phrases and phrase beginnings it holds. */
  get size(): number {
    return this.slots ? this.slots.reduce((count, key) => count + Number(key !== 0), 0) : this.entries.size;
  }

  /** The same phrases in a new gazetteer, which can then be added to separately. */
  copy(): Gazetteer {
    const { keys, values } = this.toArrays();
    return Gazetteer.fromArrays(keys, values, this.maxLength);
  }

  /** A gazetteer of phrase hashes and their class bits, as `toArrays` gives them. */
  static fromArrays(keys: Uint32Array, values: Uint32Array, maxLength: number): Gazetteer {
    const gazetteer = new Gazetteer();
    gazetteer.maxLength = maxLength;
    let size = 1024;
    while (size < keys.length * 2) size *= 2;
    const slots = new Uint32Array(size);
    const slotValues = new Int32Array(size);
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      let slot = key & (size - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
      slots[slot] = key;
      slotValues[slot] = values[index]!;
    }
    gazetteer.slots = slots;
    gazetteer.values = slotValues;
    return gazetteer;
  }

  /** As two arrays, phrase hashes (ascending) and their bits, for the model file. */
  toArrays(): { keys: Uint32Array; values: Uint32Array } {
    this.thaw();
    const sorted = [...this.entries].sort((left, right) => left[0] - right[0]);
    return { keys: Uint32Array.from(sorted, ([key]) => key), values: Uint32Array.from(sorted, ([, value]) => value >>> 0) };
  }

  /** Back to the map, to be added to. */
  private thaw(): void {
    if (this.slots === null) return;
    for (let slot = 0; slot < this.slots.length; slot++) if (this.slots[slot] !== 0) this.entries.set(this.slots[slot]!, this.values[slot]!);
    this.slots = null;
  }

  private freeze(): Uint32Array {
    const { keys, values } = this.toArrays();
    const frozen = Gazetteer.fromArrays(keys, values, this.maxLength);
    this.slots = frozen.slots!;
    this.values = frozen.values;
    this.entries.clear();
    return this.slots;
  }

  /**
   * What the gazetteer holds for a one-token phrase, given the token's
   * `gazetteerTokenHash`: its class bits, with `prefixBit` when longer phrases begin
   * with it; 0 when it neither is nor begins a phrase. Callers that see a word often
   * keep this with the word, for `match`.
   */
  bitsOfWord(tokenHash: number): number {
    return this.bitsOfPhrase(extendPhrase(phraseSeed, tokenHash) || 1);
  }

  private bitsOfPhrase(phrase: number): number {
    const slots = this.slots ?? this.freeze();
    const mask = slots.length - 1;
    let slot = phrase & mask;
    while (slots[slot] !== phrase && slots[slot] !== 0) slot = (slot + 1) & mask;
    return slots[slot] === 0 ? 0 : this.values[slot]!;
  }

  /**
   * Calls `found(start, end, classes)` for every phrase of the sentence in the
   * gazetteer (`end` exclusive), given its words' `gazetteerTokenHash`es and
   * `bitsOfWord`s (which must be of this gazetteer as it is now).
   */
  match(words: ArrayLike<{ readonly gazetteer: number; readonly gazetteerBits: number }>, found: (start: number, end: number, classes: number) => void): void {
    const length = words.length;
    for (let start = 0; start < length; start++) {
      let bits = words[start]!.gazetteerBits;
      if (bits === 0) continue;
      let phrase = extendPhrase(phraseSeed, words[start]!.gazetteer) || 1;
      for (let end = start; ; ) {
        const classes = bits & ~prefixBit;
        if (classes !== 0) found(start, end + 1, classes);
        if ((bits & prefixBit) === 0) break;
        end++;
        if (end >= length || end - start >= this.maxLength) break;
        phrase = extendPhrase(phrase, words[end]!.gazetteer) || 1;
        bits = this.bitsOfPhrase(phrase);
        if (bits === 0) break;
      }
    }
  }
}
