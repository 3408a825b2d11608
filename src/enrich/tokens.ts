/**
 * Tokens for the enrichers that read copy by pattern (times, amounts): the text cut
 * by one linear pass into runs of letters, numbers and single other characters, with
 * their offsets, so that no regular expression ever sees a whole paragraph and nothing
 * can backtrack on long copy.
 */

/** A run of letters, a number, or any other single character. */
export type TokenKind = 'word' | 'number' | 'mark';

/** One token of a block: a run of letters, a run of digits (with `.` or `,` inside), or one other character. */
export interface Token {
  text: string;
  /** `text` in lower case. */
  lower: string;
  /** UTF-16 offsets into the block's text, end exclusive. */
  start: number;
  end: number;
  kind: TokenKind;
}

/** A block cut into tokens, and whether it is set all in capitals (a Reuters headline: its words cannot be told apart by case). */
export interface Tokens {
  tokens: readonly Token[];
  allCaps: boolean;
}

const otherLetter = /\p{L}/u;

/**
 * Cuts `text` into tokens, in order: letters; digits with inner separators (`10,000`,
 * `2.5`, `.062`, never a trailing dot); any other character that is not a space. A hand loop
 * over character codes: a regular expression costs several times as much per story.
 *
 * @example
 * tokenize('US$1.2 bn').tokens.map((token) => token.text); // ['US', '$', '1.2', 'bn']
 */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const length = text.length;
  let lower = false;
  let upper = false;
  for (let index = 0; index < length; ) {
    const code = text.charCodeAt(index);
    const start = index;
    // `.062`: a decimal without its leading zero, as fund prices are quoted; not the dot of `3.5` or `U.S.5`.
    const leadingDot = code === 46 && isDigit(text.charCodeAt(index + 1)) && (index === 0 || !isAlphanumeric(text.charCodeAt(index - 1)));
    if ((code >= 48 && code <= 57) || leadingDot) {
      index += 1;
      for (;;) {
        while (isDigit(text.charCodeAt(index))) index += 1;
        const next = text.charCodeAt(index);
        if ((next === 46 || next === 44) && isDigit(text.charCodeAt(index + 1))) index += 1;
        else break;
      }
      const value = text.slice(start, index);
      tokens.push({ text: value, lower: value, start, end: index, kind: 'number' });
    } else if (isLetter(code, text, index)) {
      for (let at = index; at < length; at += 1) {
        const letter = text.charCodeAt(at);
        if (!isLetter(letter, text, at)) break;
        if (letter >= 97 && letter <= 122) lower = true;
        else if (letter >= 65 && letter <= 90) upper = true;
        index = at + 1;
      }
      const value = text.slice(start, index);
      tokens.push({ text: value, lower: value.toLowerCase(), start, end: index, kind: 'word' });
    } else if (isSpace(code)) {
      index += 1;
    } else {
      // A character outside the basic plane is one mark, not two halves.
      index += code >= 0xd800 && code <= 0xdbff && index + 1 < length ? 2 : 1;
      const value = text.slice(start, index);
      tokens.push({ text: value, lower: value, start, end: index, kind: 'mark' });
    }
  }
  return { tokens, allCaps: upper && !lower };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAlphanumeric(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isLetter(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  // General punctuation, currency signs, arrows and symbols (U+2000–U+2BFF) hold no letters.
  return code >= 0xaa && (code < 0x2000 || code > 0x2bff) && otherLetter.test(text[index]!);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x3000 || code === 0xfeff;
}

/** Whether tokens `left` and `right` touch (no space between them); false past either end. */
export function adjacent(tokens: readonly Token[], left: number, right: number): boolean {
  const a = tokens[left];
  const b = tokens[right];
  return a !== undefined && b !== undefined && a.end === b.start;
}
