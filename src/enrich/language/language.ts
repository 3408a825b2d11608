import { francAll } from 'franc';
import { iso6393 } from 'iso-639-3';
import type { IdentifiedLanguage } from '../../story/enrichment.js';
import type { Story } from '../../story/story.js';

/**
 * The languages agencies file copy in, as ISO 639-3 codes. Identification chooses
 * among these only: across all 187 of franc's languages, close neighbours with little
 * news copy (Scots beside English, Nynorsk beside Bokmål) win on short texts.
 */
const newsLanguages = [
  'eng', 'fra', 'deu', 'spa', 'por', 'ita', 'nld', 'dan', 'swe', 'nob', 'fin', 'isl', 'est', 'lav', 'lit',
  'rus', 'ukr', 'bel', 'pol', 'ces', 'slk', 'hun', 'ron', 'bul', 'hrv', 'srp', 'slv', 'mkd', 'ell', 'tur',
  'ara', 'heb', 'pes', 'urd', 'hin', 'ben', 'cmn', 'jpn', 'kor', 'vie', 'ind', 'zlm', 'tha', 'cat', 'glg',
  'afr', 'swh', 'tgl',
];

const twoLetter = new Map<string, string>(iso6393.filter((each) => each.iso6391).map((each) => [each.iso6393, each.iso6391!]));
// Codes of individual languages whose macrolanguage has the two-letter code.
twoLetter.set('pes', 'fa');
twoLetter.set('zlm', 'ms');
twoLetter.set('cmn', 'zh');
twoLetter.set('swh', 'sw');

/** Languages so close that trigram scores barely part them. */
const relatives = new Map<string, string[]>([
  ['dan', ['nob', 'swe']],
  ['nob', ['dan', 'swe']],
  ['swe', ['dan', 'nob']],
  ['ces', ['slk']],
  ['slk', ['ces']],
  ['hrv', ['srp', 'slv']],
  ['srp', ['hrv']],
  ['ind', ['zlm']],
  ['zlm', ['ind']],
  ['glg', ['por', 'spa']],
  ['por', ['glg']],
  ['spa', ['glg', 'cat']],
  ['cat', ['spa']],
]);

/** How far the best language's score must stand above the next one's to be given. */
const minimumMargin = 0.06;

/** Text enough to tell a language: more reads no better and costs in proportion. */
const sample = 1000;

/**
 * The fewest letters trigram scoring is given: on less (a headline, a line of
 * figures) its scores are noise, and it costs as much as tagging a whole story.
 */
const minimumLetters = 100;

/**
 * Words only English among the news languages uses (not `to`, `for`, `by`, `at`: Danish
 * and Norwegian words too; not `on`: Finnish; not `in`, `was`, `will`: German or Dutch).
 */
const englishWords = new Set(['the', 'of', 'and', 'that', 'with', 'said', 'from', 'has', 'have', 'are', 'which', 'would', 'this', 'were', 'his', 'their', 'they', 'been', 'its', 'but', 'says', 'after', 'than', 'there', 'about']);

/**
 * Most copy is English, and English is told by its commonest words at a fraction of
 * what trigram scoring costs: when at least seven of the first hundred words are
 * one of `englishWords` (English news runs near one in five; other languages near
 * none), the copy is English, with a confidence from how far above that share it is.
 */
function clearlyEnglish(text: string): IdentifiedLanguage | null {
  const words = text.slice(0, 700).toLowerCase().match(/[a-z’']+/g);
  if (words === null || words.length < 20) return null;
  const sampled = words.slice(0, 100);
  let english = 0;
  for (const word of sampled) if (englishWords.has(word)) english++;
  const share = english / sampled.length;
  return share >= 0.07 ? { code: 'en', confidence: Math.min(1, Math.round(share * 5 * 1000) / 1000) } : null;
}

/**
 * The language a story is written in, from its headline and body: the ISO 639-1 code
 * where there is one (`en`, `da`), else ISO 639-3, with a confidence from 0 to 1 (for
 * English told by its common words, how clearly; else how far the best language's
 * trigram score (franc) stands above the next one's). Null when the text is
 * too short to tell (under 20 words of English's commonest, or 100 letters of any
 * other language) or no language stands out.
 *
 * @example
 * identifyLanguage(story); // { code: 'en', confidence: 0.31 }
 */
export function identifyLanguage(story: Story): IdentifiedLanguage | null {
  let text = story.headline ?? '';
  for (const block of story.body) {
    if (text.length >= sample) break;
    if (block.kind !== 'preformatted') text += `\n${block.text}`;
  }
  const english = clearlyEnglish(text);
  if (english !== null) return english;
  if (!hasLetters(text.slice(0, sample), minimumLetters)) return null;
  const ranked = francAll(text.slice(0, sample), { only: newsLanguages, minLength: 20 });
  const best = ranked[0];
  if (!best || best[0] === 'und') return null;
  // Close relatives (Danish and Bokmål) score alike on any text in either: the margin
  // that counts is the one over the best language of another family.
  const family = relatives.get(best[0]);
  const next = ranked.find(([code]) => code !== best[0] && !family?.includes(code));
  const confidence = Math.round((1 - (next?.[1] ?? 0)) * 1000) / 1000;
  // Scores this close say the text has too few words of any language (a table of
  // figures, a list of names): better no answer than a guess.
  if (confidence < minimumMargin) return null;
  return { code: twoLetter.get(best[0]) ?? best[0], confidence };
}

const letter = /\p{L}/u;

/** Whether `text` has at least `count` letters. */
function hasLetters(text: string, count: number): boolean {
  let found = 0;
  for (let index = 0; index < text.length && found < count; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 128 && letter.test(text[index]!))) found++;
  }
  return found >= count;
}
