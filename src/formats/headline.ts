/**
 * Headlines made from copy, for items that come without one (a flash, an STT item
 * with an empty `<headline/>`): the first sentence of the copy, cut at a word
 * boundary. Readers that make one say so with an info diagnostic
 * (`<reader>/headline-derived`), so a desk can tell it from the agency's own.
 */

/** Words that end with a full stop and no sentence (English, Danish and other wire languages), lower case, without the last dot. */
const abbreviations = new Set([
  // English
  'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'prof', 'inc', 'corp', 'co', 'ltd', 'jr', 'sr', 'vs', 'u.s', 'u.n', 'e.g', 'i.e', 'approx', 'est',
  // Danish and Norwegian
  'bl.a', 'f.eks', 'pct', 'kr', 'mio', 'mia', 'ca', 'nr', 'dvs', 'jf', 'osv', 'mv', 'hhv', 'evt', 'inkl', 'ekskl',
  // Months
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dec',
]);

/** Longest headline made from copy, in characters. */
export const derivedHeadlineLength = 100;

/**
 * A headline for an item that has none: the first sentence of its copy, cut at a
 * word boundary with `…` when it is longer than `derivedHeadlineLength`.
 *
 * @example
 * headlineFromCopy('Forskere har testet dieselos. Det siger de selv.'); // 'Forskere har testet dieselos.'
 */
export function headlineFromCopy(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const sentence = firstSentence(folded);
  if (sentence.length <= derivedHeadlineLength) return sentence;
  const cut = sentence.slice(0, derivedHeadlineLength);
  const space = cut.lastIndexOf(' ');
  // A first word longer than the limit is cut where the limit falls.
  const words = space > derivedHeadlineLength / 2 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,;:–—-]+$/, '')}…`;
}

function firstSentence(text: string): string {
  // A full stop, question or exclamation mark (closing quotes after it) before a capital letter, a digit or an opening quote.
  const end = /[.!?](?:["”»’)]*)(?=\s+["“„«(]?[\p{Lu}\d])/gu;
  for (let match = end.exec(text); match !== null; match = end.exec(text)) {
    const word = /(\S+)$/.exec(text.slice(0, match.index))?.[1]?.toLowerCase() ?? '';
    if (match[0].startsWith('.') && (abbreviations.has(word) || /^\p{L}$/u.test(word))) continue;
    return text.slice(0, match.index + match[0].length);
  }
  return text;
}
