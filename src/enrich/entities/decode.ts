/**
 * The linear model's arithmetic, shared by training and tagging: the feature keys of
 * a sentence looked up as weight rows, each token's score for every tag, and the best
 * tag sequence by Viterbi under BILOU's rules of which tag may follow which.
 */
import { allowedFirst, allowedLast, allowedNext, tagCount } from './tags.js';

/**
 * Feature key → weight row, by open addressing in typed arrays. Key 0 marks an empty
 * slot (the extractor never makes key 0).
 */
export class FeatureTable {
  readonly slots: Uint32Array;
  readonly rows: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Uint32Array(slots);
    this.rows = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** The row of a key, or -1. */
  get(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const found = this.slots[slot]!;
      if (found === key) return this.rows[slot]!;
      if (found === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  set(key: number, row: number): void {
    let slot = key & this.mask;
    for (;;) {
      const found = this.slots[slot]!;
      if (found === key || found === 0) {
        if (found === 0) this.size++;
        this.slots[slot] = key;
        this.rows[slot] = row;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * Adds to `scores[token × tagCount + tag]` the weights of each token's feature rows
 * (`rows[offsets[i]] … rows[offsets[i + 1] - 1]`, -1 for a feature the model lacks).
 */
export function addRowScores(
  rows: Int32Array,
  offsets: Int32Array,
  length: number,
  weights: Float32Array,
  scores: Float32Array,
): void {
  const count = tagCount;
  for (let token = 0; token < length; token++) {
    const base = token * count;
    for (let feature = offsets[token]!, end = offsets[token + 1]!; feature < end; feature++) {
      const row = rows[feature]!;
      if (row < 0) continue;
      const from = row * count;
      for (let tag = 0; tag < count; tag++) scores[base + tag]! += weights[from + tag]!;
    }
  }
}

// For each tag, the tags allowed before it, flat: `predecessors[predecessorStart[t]] …`.
const predecessorStart = new Int32Array(tagCount + 1);
const predecessors = (() => {
  const list: number[] = [];
  for (let to = 0; to < tagCount; to++) {
    predecessorStart[to] = list.length;
    for (let from = 0; from < tagCount; from++) if (allowedNext[from * tagCount + to]) list.push(from);
  }
  predecessorStart[tagCount] = list.length;
  return Int32Array.from(list);
})();

/** Scratch space for `viterbi`, grown as needed. */
export class ViterbiBuffers {
  best = new Float64Array(0);
  back = new Uint8Array(0);
  /** `transitions[from × tagCount + to]` in the order of `predecessors`, copied on each call (training changes them between sentences). */
  readonly ordered = new Float64Array(predecessors.length);

  ensure(length: number): void {
    if (this.back.length < length * tagCount) {
      this.best = new Float64Array(length * tagCount * 2);
      this.back = new Uint8Array(length * tagCount * 2);
    }
  }
}

/**
 * The highest-scoring tag sequence that obeys BILOU, written to `path`.
 * `transitions[from × tagCount + to]` scores each pair of neighbouring tags.
 */
export function viterbi(
  scores: Float32Array,
  length: number,
  transitions: Float32Array,
  buffers: ViterbiBuffers,
  path: Uint8Array,
): void {
  if (length === 0) return;
  const count = tagCount;
  const starts = predecessorStart;
  const froms = predecessors;
  buffers.ensure(length);
  const { best, back, ordered } = buffers;
  for (let to = 0, index = 0; to < count; to++) {
    for (const end = starts[to + 1]!; index < end; index++) ordered[index] = transitions[froms[index]! * count + to]!;
  }
  for (let tag = 0; tag < count; tag++) best[tag] = allowedFirst[tag] ? scores[tag]! : -Infinity;
  for (let token = 1; token < length; token++) {
    const base = token * count;
    const previousBase = base - count;
    let index = 0;
    for (let tag = 0; tag < count; tag++) {
      let top = -Infinity;
      let argument = 0;
      for (const end = starts[tag + 1]!; index < end; index++) {
        const from = froms[index]!;
        const value = best[previousBase + from]! + ordered[index]!;
        if (value > top) {
          top = value;
          argument = from;
        }
      }
      best[base + tag] = top + scores[base + tag]!;
      back[base + tag] = argument;
    }
  }
  const lastBase = (length - 1) * count;
  let top = -Infinity;
  let tag = 0;
  for (let candidate = 0; candidate < count; candidate++) {
    if (allowedLast[candidate] && best[lastBase + candidate]! > top) {
      top = best[lastBase + candidate]!;
      tag = candidate;
    }
  }
  for (let token = length - 1; token >= 0; token--) {
    path[token] = tag;
    tag = back[token * count + tag]!;
  }
}
