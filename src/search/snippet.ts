/**
 * Snippets: the stretch of a story's text where the words of a search are, with each
 * occurrence marked `«…»`, made here rather than by FTS5's `snippet()`.
 *
 * FTS5 makes a snippet by running the query again for the row; for a prefix that
 * many words share (`com*`) that means merging every matching word's list of stories
 * again, for every hit: seconds for a page of 20. Here the text of the hits is read by
 * rowid, and the words are found as relevance finds them (search/rank.ts).
 */
import { foldText } from './rank.js';
import type { RankTerm } from './rank.js';

/** Tokens per snippet, as FTS5's `snippet(…, 24)` gave them. */
export const SNIPPET_TOKENS = 24;
/** Characters of a text looked through for a snippet (a long story is ten thousand or so). */
const SNIPPET_SCAN = 20_000;

interface Token {
  start: number;
  end: number;
  folded: string;
}

/** An occurrence of one term: tokens `from` to `to` (inclusive). */
interface Occurrence {
  from: number;
  to: number;
  term: number;
}

const tokenPattern = /[\p{L}\p{N}]+/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match !== null; match = tokenPattern.exec(text)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, folded: foldText(match[0]) });
  }
  return tokens;
}

function occurrencesOf(tokens: readonly Token[], terms: readonly Pick<RankTerm, 'tokens' | 'prefix'>[]): Occurrence[] {
  const found: Occurrence[] = [];
  terms.forEach((term, index) => {
    const last = term.tokens.length - 1;
    for (let at = 0; at + last < tokens.length; at++) {
      const whole = term.tokens.every((token, offset) => {
        const folded = tokens[at + offset]!.folded;
        return offset === last && term.prefix ? folded.startsWith(token) : folded === token;
      });
      if (whole) found.push({ from: at, to: at + last, term: index });
    }
  });
  return found.sort((left, right) => left.from - right.from || right.to - left.to);
}

/**
 * The best stretch of `size` tokens of `text` for `terms`: the one with the most
 * different terms in it (then the most occurrences, then the earliest), each
 * occurrence marked `«…»`, `…` where text is left out. Without an occurrence, the
 * opening of the text.
 *
 * @example
 * snippetOf('The ferry sailed at dawn. It sank.', rankTerms(parseQuery('"ferry sailed"')));
 * // 'The «ferry sailed» at dawn. It sank.'
 */
export function snippetOf(whole: string, terms: readonly Pick<RankTerm, 'tokens' | 'prefix'>[], size = SNIPPET_TOKENS): string {
  // A snippet comes from the opening of a very long text: the cost stays that of a story.
  const text = whole.length > SNIPPET_SCAN ? whole.slice(0, SNIPPET_SCAN) : whole;
  const tokens = tokenize(text);
  if (tokens.length === 0) return text.trim();
  const found = occurrencesOf(tokens, terms);
  let start = 0;
  let best = -1;
  // Each occurrence in turn opens a candidate stretch (a few tokens of context before it,
  // when the text has them); the occurrences are in order, so the stretches move forward.
  let first = 0;
  for (const anchor of found) {
    const from = Math.max(0, Math.min(anchor.from - 3, tokens.length - size));
    while (found[first]!.from < from) first++;
    const distinct = new Set<number>();
    let count = 0;
    for (let index = first; index < found.length && found[index]!.from < from + size; index++) {
      if (found[index]!.to >= from + size) continue;
      distinct.add(found[index]!.term);
      count++;
    }
    const score = distinct.size * 1000 + count;
    if (score > best) {
      best = score;
      start = from;
    }
  }
  const end = Math.min(start + size, tokens.length) - 1;
  const last = end === tokens.length - 1 && text.length === whole.length;
  // At either end of the text, what stands before the first token or after the last (quotes, a full stop) stays.
  let out = start > 0 ? '…' : '';
  let at = start > 0 ? tokens[start]!.start : 0;
  let markedTo = -1;
  for (const each of found) {
    if (each.from < start || each.to > end || each.from <= markedTo) continue;
    out += `${text.slice(at, tokens[each.from]!.start)}«${text.slice(tokens[each.from]!.start, tokens[each.to]!.end)}»`;
    at = tokens[each.to]!.end;
    markedTo = each.to;
  }
  out += text.slice(at, last ? text.length : tokens[end]!.end);
  return last ? out.trim() : `${out}…`;
}
