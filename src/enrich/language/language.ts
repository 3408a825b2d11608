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

/** Text enough to tell a language: more reads no better and costs in proportion. */
const sample = 2000;

/**
 * The language a story is written in, from its headline and body: the ISO 639-1 code
 * where there is one (`en`, `da`), else ISO 639-3, with a confidence from 0 to 1 (how
 * far the best language's score stands above the next one's). Null when the text is
 * too short to tell (under about 20 letters) or no language stands out.
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
  const ranked = francAll(text.slice(0, sample), { only: newsLanguages, minLength: 20 });
  const [best, next] = ranked;
  if (!best || best[0] === 'und') return null;
  const confidence = Math.round((1 - (next?.[1] ?? 0)) * 1000) / 1000;
  return { code: twoLetter.get(best[0]) ?? best[0], confidence };
}
