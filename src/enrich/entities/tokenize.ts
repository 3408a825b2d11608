/**
 * Wire text cut into tokens the way CoNLL-2003 (Reuters) copy was: punctuation apart
 * (`Putin` `,`), possessives and negations apart (`Russia` `’s`, `do` `n't`),
 * abbreviations whole (`U.S.`, `Mr.`, `Inc.`), hyphenated words and numbers whole
 * (`face-to-face`, `2,000`, `1996/97`), currency signs and `%` apart. Each token keeps
 * its place in the text, so what the tagger finds can be shown where it was written.
 */

export interface Token {
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the text (end exclusive). */
  start: number;
  end: number;
}

// Abbreviations that keep their full stop (compared lowercased, without it).
const abbreviations = new Set(
  (
    'mr mrs ms dr prof st mt ft gen lt col maj capt cmdr sgt adm gov sen rep rev hon pres supt insp det ' +
    'jr sr inc corp co ltd plc bros dept univ assn no nos vs etc approx est fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'
  ).split(' '),
);

// Characters that are tokens of their own at a word's edges.
const openers = new Set(['"', '“', '„', '‘', "'", '`', '(', '[', '{', '«', '‹', '¿', '¡']);
const closers = new Set(['"', '”', '’', "'", ')', ']', '}', '»', '›', ',', ';', ':', '!', '?', '…']);
const currencies = new Set(['$', '£', '€', '¥', '#']);
const dashes = /[–—]|--+/;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 127 && String.fromCharCode(code).toLowerCase() !== String.fromCharCode(code).toUpperCase());
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whether a word ending in a full stop keeps it: abbreviations and initials (`U.S.`, `J.`, `a.m.`). */
function keepsFullStop(word: string): boolean {
  const bare = word.slice(0, -1);
  if (bare.length === 0) return false;
  if (/^(\p{L}\.)*\p{L}$/u.test(bare)) return true;
  return abbreviations.has(bare.toLowerCase());
}

/**
 * The tokens of a piece of text, in order.
 *
 * @example
 * tokenize('Russia’s “Far East”').map((token) => token.text); // ['Russia', '’s', '“', 'Far', 'East', '”']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (start: number, end: number) => {
    if (end > start) tokens.push({ text: text.slice(start, end), start, end });
  };
  const length = text.length;
  let index = 0;
  while (index < length) {
    while (index < length && isSpace(text.charCodeAt(index))) index++;
    if (index === length) break;
    const start = index;
    // Most words are letters and digits only: a token as they stand.
    let plain = true;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (isSpace(code)) break;
      if (plain && !isAsciiAlphanumeric(code)) plain = false;
      index++;
    }
    if (plain) push(start, index);
    else splitWord(text, start, index, push);
  }
  return tokens;
}

function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** White space as `\s` matches it. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A possessive or contracted ending standing as a word (`'s`, `’re`, `n't`). */
const clitic = /^(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;

/** Cuts one whitespace-delimited word `text[start, end)` into tokens. */
function splitWord(text: string, start: number, end: number, push: (start: number, end: number) => void): void {
  // Leading punctuation and currency signs, one character a token.
  while (start < end && !clitic.test(text.slice(start, end))) {
    const character = text[start]!;
    const opens = openers.has(character) || (currencies.has(character) && start + 1 < end && isDigit(text.charCodeAt(start + 1)));
    if (!opens) break;
    push(start, start + 1);
    start++;
  }
  // Trailing punctuation, collected right to left.
  const trailing: [number, number][] = [];
  while (end > start) {
    const word = text.slice(start, end);
    const last = word[word.length - 1]!;
    const length = word.endsWith('...') ? 3 : last === '.' ? (keepsFullStop(word) ? 0 : 1) : closers.has(last) || (last === '%' && word.length > 1) ? 1 : 0;
    if (length === 0) break;
    trailing.push([end - length, end]);
    end -= length;
  }
  splitInside(text, start, end, push);
  for (let index = trailing.length - 1; index >= 0; index--) push(trailing[index]![0], trailing[index]![1]);
}

/** Splits at dashes and word/word slashes, and takes off `’s` and `n't`. */
function splitInside(text: string, start: number, end: number, push: (start: number, end: number) => void): void {
  if (end <= start) return;
  const word = text.slice(start, end);
  const dash = dashes.exec(word);
  if (dash && dash[0].length < word.length) {
    const dashStart = start + dash.index;
    const dashEnd = dashStart + dash[0].length;
    splitWord(text, start, dashStart, push);
    push(dashStart, dashEnd);
    splitWord(text, dashEnd, end, push);
    return;
  }
  const slash = word.indexOf('/');
  if (slash > 0 && slash < word.length - 1 && isLetter(word.charCodeAt(slash - 1)) && isLetter(word.charCodeAt(slash + 1))) {
    splitInside(text, start, start + slash, push);
    push(start + slash, start + slash + 1);
    splitInside(text, start + slash + 1, end, push);
    return;
  }
  const ending = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i.exec(word);
  if (ending && ending.index > 0) {
    push(start, start + ending.index);
    push(start + ending.index, end);
    return;
  }
  push(start, end);
}

/**
 * The form the tagger reads a token in: typographic quotes, apostrophes, dashes and
 * ellipses as CoNLL's Reuters copy wrote them (`"`, `'s`, `-`, `...`).
 */
export function normaliseToken(token: string): string {
  if (!/[\u2018-\u201f\u2013\u2014\u2026«»]/.test(token)) return token;
  if (/^[\u201c\u201d\u201e\u201f«»]$/.test(token)) return '"';
  if (/^[\u2013\u2014]+$/.test(token)) return '-';
  return token.replace(/[\u2018\u2019\u201a\u201b]/g, "'").replace(/[\u201c-\u201f]/g, '"').replace(/\u2026/g, '...').replace(/[\u2013\u2014]/g, '-');
}

/**
 * Sentences of a token list, as `[start, end)` index ranges: a sentence ends after
 * `.`, `!`, `?` or `...` (and any closing quotes or brackets after it), and at a
 * paragraph break (a blank line) in the text.
 */
export function sentences(tokens: readonly Token[], text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const hasBreaks = text.includes('\n');
  let begin = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!.text;
    let ends = index + 1 === tokens.length;
    if (!ends && (token === '.' || token === '!' || token === '?' || token === '...' || token === '…')) {
      // Closing quotes and brackets written against the stop belong to its sentence.
      while (index + 1 < tokens.length && /^["”’')\]]$/.test(tokens[index + 1]!.text) && tokens[index + 1]!.start === tokens[index]!.end) index++;
      ends = true;
    }
    const next = tokens[index + 1];
    if (!ends && next && hasBreaks && /\n[ \t]*\n/.test(text.slice(tokens[index]!.end, next.start))) ends = true;
    if (ends) {
      ranges.push([begin, index + 1]);
      begin = index + 1;
    }
  }
  if (begin < tokens.length) ranges.push([begin, tokens.length]);
  return ranges;
}
