import { agencyName } from '../story/agencies.js';
import type { Byline } from '../story/story.js';

/**
 * Bylines as every reader reads them: `By PAUL BYRNE and ALMUDENA CALATRAVA`,
 * `By Ian Jones, Press Association`, `Mia Rabson and Jordan Press, The Canadian Press`.
 * One module, so that a byline reads alike whatever format carried it, and a byline
 * written to one format reads back the same from another.
 */

/** `By ` opening a byline. */
const byPrefix = /^by\s+/i;

/** Where a byline's names part: commas, `and`, `&`. */
const nameSeparator = /\s*,\s*|\s+and\s+|\s*&\s*/i;

/**
 * Words that make a part of a byline an affiliation or a job, not a name:
 * `By Ian Jones, Press Association` names one person.
 */
const affiliationWord =
  /\b(?:association|agency|news|service|correspondents?|writers?|editors?|reporters?|staff|bureau|desk|times|post|herald|journal|contributors?|columnists?|university|network|online|magazine|daily|television|radio|tv)\b|\b(?:the|associated|canadian|australian|united)\s+press\b|\bpress\s+(?:association|trust|agency)\b/i;

/** A name as a byline gives it: a capital first, letters, dots, apostrophes, hyphens; five words at most. */
const nameShape = /^\p{Lu}[\p{L}.'’ -]*$/u;

/** Whether a part of a byline is a person's name rather than a title, an affiliation or a date. */
function isName(part: string): boolean {
  return nameShape.test(part) && part.split(/\s+/).length <= 5 && !affiliationWord.test(part) && agencyName(part) === null;
}

/**
 * Whether the part after a comma in a byline starts a title: capitalised, and no name,
 * or a name that is an organisation's (`Invented Press`).
 */
function isTitle(part: string): boolean {
  return /^\p{Lu}/u.test(part) && (!isName(part) || /\bpress\b/i.test(part));
}

/** A byline's words without the marks agencies end it with: AP's `=`, a comma before a title on the next line. */
function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*[=,;]+$/, '');
}

/**
 * The people a byline names, in order: `By PAUL BYRNE and ALMUDENA CALATRAVA` → two
 * names. Names are split at commas, `and` and `&`; the first part that is no name (an
 * affiliation, a job, an agency, a date) ends them.
 *
 * @example
 * bylineNames('By Ian Jones, Press Association'); // ['Ian Jones']
 */
export function bylineNames(text: string): string[] {
  const names: string[] = [];
  for (const part of tidy(text).replace(byPrefix, '').split(nameSeparator)) {
    if (part === '') continue;
    if (!isName(part)) break;
    names.push(part);
  }
  return names;
}

/**
 * A byline from its words and, where the format gives it apart, its title. A title
 * written after the names (`By Ian Jones, Press Association`, as a format with one
 * byline string must carry it) is taken off the text into `title` when none is given
 * apart, so the same byline reads alike from every format.
 *
 * @example
 * readByline('By BERNARD CONDON, AP Business Writer');
 * // { text: 'By BERNARD CONDON', names: ['BERNARD CONDON'], title: 'AP Business Writer' }
 */
export function readByline(text: string | null | undefined, title: string | null = null): Byline | null {
  const words = tidy(text ?? '');
  const givenTitle = title === null ? null : tidy(title) || null;
  if (words === '') return givenTitle === null ? null : { text: givenTitle, names: [], title: givenTitle };
  const names = bylineNames(words);
  if (givenTitle === null && names.length > 0) {
    // The title starts at the first comma after the names: `By A and B, AP Writers`.
    const prefix = words.length - words.replace(byPrefix, '').length;
    let at = prefix;
    for (const segment of words.slice(prefix).split(',')) {
      const parts = segment.trim().split(nameSeparator).filter(Boolean);
      if (at > prefix && parts.length > 0 && isTitle(parts[0]!)) {
        const head = words.slice(0, at - 1).trim();
        return { text: head, names: bylineNames(head), title: words.slice(at).trim() };
      }
      if (!parts.every(isName)) break;
      at += segment.length + 1;
    }
  }
  return { text: words, names, title: givenTitle };
}

/**
 * Whether a paragraph is only a byline: `By Ann Example`, `By PAUL BYRNE and ALMUDENA
 * CALATRAVA =`. Checked name by name rather than with one pattern: a single pattern
 * for the whole line backtracks for minutes on `By A and A and … 1`.
 */
export function isBylineLine(text: string): boolean {
  if (text.length > 200 || !/^By\s+\S/.test(text)) return false;
  const parts = tidy(text).slice(3).split(nameSeparator);
  return parts.length > 0 && parts.every((part) => nameShape.test(part));
}
