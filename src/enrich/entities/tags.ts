/**
 * The tagger's tag set. CoNLL-2003 marks entities in IOB2 (`B-PER I-PER O`); inside,
 * the tagger uses BILOU (Begin, Inside, Last, Unit, Outside), which tells the model
 * where a name ends as well as where it begins, and turns IOB2 back at the edge.
 */

/** CoNLL's four entity types, in the order their tags are numbered. */
export const entityTypes = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof entityTypes)[number];

/** The BILOU tags: `O` is 0, then B, I, L, U of each type (`B-PER` 1 … `U-MISC` 16). */
export const bilouTags: readonly string[] = [
  'O',
  ...entityTypes.flatMap((type) => ['B', 'I', 'L', 'U'].map((part) => `${part}-${type}`)),
];

export const tagCount = bilouTags.length;

const O = 0;
/** The part of a BILOU tag: 0 O, 1 B, 2 I, 3 L, 4 U. */
function part(tag: number): number {
  return tag === O ? 0 : ((tag - 1) % 4) + 1;
}
function typeOf(tag: number): number {
  return tag === O ? -1 : Math.floor((tag - 1) / 4);
}
function tagOf(partIndex: number, type: number): number {
  return 1 + type * 4 + (partIndex - 1);
}

/**
 * Which tag may follow which, as a flat `tagCount × tagCount` table (1 allowed, 0 not):
 * after B or I of a type only I or L of that type; after O, L or U anything that opens.
 */
export const allowedNext: Uint8Array = (() => {
  const table = new Uint8Array(tagCount * tagCount);
  for (let from = 0; from < tagCount; from++) {
    for (let to = 0; to < tagCount; to++) {
      const open = part(from) === 1 || part(from) === 2;
      const continues = part(to) === 2 || part(to) === 3;
      table[from * tagCount + to] = open ? Number(continues && typeOf(to) === typeOf(from)) : Number(!continues);
    }
  }
  return table;
})();

/** Tags a sentence may start with (O, B, U) and end with (O, L, U), 1 allowed. */
export const allowedFirst: Uint8Array = Uint8Array.from(bilouTags, (_, tag) => Number(part(tag) !== 2 && part(tag) !== 3));
export const allowedLast: Uint8Array = Uint8Array.from(bilouTags, (_, tag) => Number(part(tag) !== 1 && part(tag) !== 2));

/**
 * IOB2 tags (also IOB1, which conlleval reads the same way) as BILOU tag numbers.
 * Unknown labels count as O.
 */
export function iobToBilou(tags: readonly string[]): Uint8Array {
  const out = new Uint8Array(tags.length);
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!;
    const type = entityTypes.indexOf(tag.slice(2) as ConllType);
    if (type < 0 || tag.length < 3) continue;
    const previous = index > 0 ? tags[index - 1]! : 'O';
    const next = index + 1 < tags.length ? tags[index + 1]! : 'O';
    const begins = tag[0] === 'B' || previous.slice(2) !== tag.slice(2) || previous === 'O';
    const continues = next[0] === 'I' && next.slice(2) === tag.slice(2);
    out[index] = tagOf(begins ? (continues ? 1 : 4) : continues ? 2 : 3, type);
  }
  return out;
}

// The IOB2 label of each BILOU tag: B and U begin an entity, I and L go on with one.
const iobLabels: readonly string[] = bilouTags.map((tag) => (tag === 'O' ? 'O' : `${tag[0] === 'B' || tag[0] === 'U' ? 'B' : 'I'}${tag.slice(1)}`));

/** BILOU tag numbers as IOB2 labels (`B-PER`, `I-PER`, `O`). */
export function bilouToIob(tags: ArrayLike<number>): string[] {
  const out = new Array<string>(tags.length);
  for (let index = 0; index < tags.length; index++) out[index] = iobLabels[tags[index]!]!;
  return out;
}

/** An entity in a sentence: its type and token range `[start, end)`. */
export interface TagSpan {
  type: ConllType;
  start: number;
  end: number;
}

/** The entities of a valid BILOU tag sequence (as Viterbi makes): B … L, or U alone. */
export function spansOfBilou(tags: ArrayLike<number>): TagSpan[] {
  const spans: TagSpan[] = [];
  let start = -1;
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!;
    const tagPart = part(tag);
    if (tagPart === 1 || tagPart === 4) start = index;
    if ((tagPart === 3 || tagPart === 4) && start >= 0) {
      spans.push({ type: entityTypes[typeOf(tag)]!, start, end: index + 1 });
      start = -1;
    }
  }
  return spans;
}
