import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

/**
 * Prefixes that wire copy joins with a hyphen (`co-operation`, `re-election`,
 * `semi-annual`): a line break after them keeps the hyphen.
 */
const hyphenatedPrefixes = new Set([
  'anti', 'co', 'counter', 'ex', 'extra', 'inter', 'intra', 'mid', 'multi', 'non', 'post', 'pre', 'pro', 're',
  'self', 'semi', 'sub', 'super', 'ultra', 'vice', 'well', 'cross', 'half', 'quasi', 'neo', 'all',
]);

let english: Set<string> | undefined;

// The hyphenated words of the last document asked about: one pass over it, however
// many line-end hyphens it has.
let compounds: { document: string; words: Set<string> } | undefined;

function compoundsOf(document: string): Set<string> {
  if (compounds?.document !== document) {
    const words = new Set<string>();
    for (const match of document.matchAll(/\p{L}+-\p{L}+/gu)) words.add(match[0].toLowerCase());
    compounds = { document, words };
  }
  return compounds.words;
}

/**
 * English words, one per line, from the `word-list` package. Note: loaded on the
 * first line-end hyphen only, as most copy never needs it; it is package data, not input.
 */
function englishWords(): Set<string> {
  english ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return english;
}

/**
 * Whether a hyphen at the end of `before` broke one word across two lines
 * (`govern-` / `ment`), rather than ending a compound that fell at the line end
 * (`then-` / `president`, `face-to-` / `face`). Wire copy wraps at spaces, so a
 * line-end hyphen is a compound unless the joined word is an English word and the
 * copy does not spell the compound with a hyphen elsewhere.
 */
export function isWordBreak(before: string, after: string, document: string): boolean {
  const left = /([\p{L}]+)-$/u.exec(before)?.[1];
  const right = /^(\p{Ll}+)/u.exec(after)?.[1];
  if (left === undefined || right === undefined) return false;
  if (hyphenatedPrefixes.has(left.toLowerCase())) return false;
  // A compound of several words (`face-to-`) is no broken word.
  if (before.length > left.length + 1 && before.charCodeAt(before.length - left.length - 2) === 0x2d) return false;
  // The copy spells the compound with its hyphen elsewhere (`co-operation`).
  if (compoundsOf(document).has(`${left}-${right}`.toLowerCase())) return false;
  return englishWords().has(`${left}${right}`.toLowerCase());
}
