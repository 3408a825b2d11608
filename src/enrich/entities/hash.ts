/**
 * Stable 32-bit hashes. Every feature the tagger uses is a number made by these
 * functions from a template number and the hashes of words, never a string built per
 * feature, so training and tagging agree without storing feature names.
 */

/** FNV-1a over UTF-16 code units: the hash of a word. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Murmur3's finaliser: spreads every input bit over the output. */
export function finalMix(value: number): number {
  let hash = value | 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Two hashes (or a template number and a hash) as one; order matters. */
export function combine(first: number, second: number): number {
  return finalMix((Math.imul(first ^ 0x2f0b3c55, 0x9e3779b1) + second) | 0);
}
