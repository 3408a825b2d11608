/**
 * Relevance: Okapi BM25 over the stories a search ranks, computed here rather than by
 * FTS5's `bm25()`.
 *
 * FTS5's `bm25()` counts, on every query, the documents of each phrase over the whole
 * index: at a million stories that is most of a second for a common word and more for
 * a phrase of common words, however few stories are ranked. Here the counts come from
 * a sample (the newest stories, bounded like everything else a search does), and the
 * term frequencies from the text of the stories ranked, so a query costs in proportion
 * to what it ranks, not to the size of the archive.
 *
 * The scoring is FTS5's: k1 = 1.2, b = 0.75, IDF = ln((N − n + 0.5) / (n + 0.5)) (at
 * least a millionth), the headline's occurrences weighted 4 and the body's 1, a
 * story's length in tokens (all columns) against the index's average, both as FTS5
 * keeps them (see {@link readVarints}).
 */
import { tokensOf } from './fts5.js';
import type { ParsedQuery, QueryNode, TextField } from './query.js';

/** One word or phrase of a query to score by: its tokens, the last maybe a prefix, and the column it is limited to. */
export interface RankTerm {
  tokens: string[];
  prefix: boolean;
  field: TextField | null;
  /** The FTS5 expression of this term alone, to count its documents with. */
  match: string;
}

/** A story to rank: its search rowid, its text, and its length in tokens. */
export interface RankDocument {
  rowid: number;
  headline: string;
  body: string;
  length: number;
}

/**
 * The varints of an FTS5 record (SQLite's format: seven bits a byte, high bit set on
 * all but the last, the ninth byte whole). FTS5 keeps each row's column sizes in
 * tokens as varints (`<table>_docsize.sz`), and the row count then each column's total
 * tokens in the averages record (`<table>_data`, id 1).
 *
 * @example
 * readVarints(new Uint8Array([0x05, 0x81, 0x00])); // [5, 128]
 */
export function readVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    let value = 0;
    for (let index = 0; ; index++) {
      const byte = bytes[at++] ?? 0;
      if (index === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0 || at >= bytes.length) break;
    }
    values.push(value);
  }
  return values;
}

const K1 = 1.2;
const B = 0.75;
const HEADLINE_WEIGHT = 4;

/**
 * The words and phrases of a query that relevance scores by: those it looks for, not
 * those it leaves out, and not its filters (`person:`, `slug:`, …), which every story
 * found matches alike.
 *
 * @example
 * rankTerms(parseQuery('"north korea" sanction* -sport person:kim')).map((term) => term.tokens);
 * // [['north', 'korea'], ['sanction']]
 */
export function rankTerms(query: ParsedQuery): RankTerm[] {
  const terms: RankTerm[] = [];
  const seen = new Set<string>();
  const visit = (node: QueryNode): void => {
    switch (node.kind) {
      case 'term':
      case 'phrase': {
        const tokens = tokensOf(node.text).filter((token) => token !== '');
        const key = `${node.field}|${node.prefix}|${tokens.join(' ')}`;
        if (tokens.length === 0 || seen.has(key)) return;
        seen.add(key);
        const phrase = `"${tokens.join(' ')}"${node.prefix ? ' *' : ''}`;
        terms.push({ tokens, prefix: node.prefix, field: node.field, match: `{${node.field ?? 'headline body'}} : ${phrase}` });
        return;
      }
      case 'and':
      case 'or':
        for (const child of node.children) visit(child);
        return;
      case 'filter':
      case 'not':
        return;
    }
  };
  if (query.root !== null) visit(query.root);
  return terms;
}

/** Text folded as the index folds it: lower case, diacritics gone. */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex -- ASCII has no diacritics to remove
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '');
}

const letterOrDigit = /[\p{L}\p{N}]/u;

/** Whether the UTF-16 unit at `at` is part of a token (a letter or a digit); ASCII decided without a regex. */
function isTokenAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  if (Number.isNaN(code)) return false;
  // A surrogate pair is read whole; a low surrogate alone goes with the high one before it.
  if (code >= 0xdc00 && code <= 0xdfff) return at > 0 && isTokenAt(text, at - 1);
  return letterOrDigit.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * How often a term occurs in folded text: its tokens in a row, whole, separated by
 * anything that is not a token (the last token may be a prefix). Found with indexOf,
 * not a regular expression: a query ranks thousands of stories.
 */
export function countTerm(text: string, term: Pick<RankTerm, 'tokens' | 'prefix'>): number {
  const [first, ...rest] = term.tokens;
  if (first === undefined) return 0;
  let count = 0;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    if (at > 0 && isTokenAt(text, at - 1)) continue;
    let end = at + first.length;
    let whole = true;
    for (const token of rest) {
      let next = end;
      while (next < text.length && !isTokenAt(text, next)) next++;
      if (next === end || !text.startsWith(token, next)) {
        whole = false;
        break;
      }
      end = next + token.length;
    }
    if (whole && (term.prefix || !isTokenAt(text, end))) count++;
  }
  return count;
}

/** Whether a document holds a term (in its column, when the term names one). */
export function containsTerm(document: Pick<RankDocument, 'headline' | 'body'>, term: RankTerm): boolean {
  return (term.field !== 'body' && countTerm(foldText(document.headline), term) > 0) || (term.field !== 'headline' && countTerm(foldText(document.body), term) > 0);
}

/** BM25's inverse document frequency of a term found in `found` of `total` documents. */
export function inverseDocumentFrequency(found: number, total: number): number {
  return Math.max(Math.log((total - found + 0.5) / (found + 0.5)), 1e-6);
}

/**
 * The BM25 score of each document (higher is more relevant), given each term's
 * inverse document frequency (`idf[i]` for `terms[i]`) and the average length.
 *
 * @example
 * scoreDocuments([{ rowid: -1, headline: 'Rain in Spain', body: 'It rains.', length: 5 }], rankTerms(parseQuery('spain')), [1.5], 5);
 * // [{ rowid: -1, score: 2.538… }] (the headline's one occurrence counts 4)
 */
export function scoreDocuments(documents: readonly RankDocument[], terms: readonly RankTerm[], idf: readonly number[], averageLength: number): { rowid: number; score: number }[] {
  const average = Math.max(averageLength, 1);
  return documents.map((document) => {
    const headline = foldText(document.headline);
    const body = foldText(document.body);
    const norm = K1 * (1 - B + (B * document.length) / average);
    let score = 0;
    terms.forEach((term, index) => {
      const frequency = (term.field !== 'body' ? HEADLINE_WEIGHT * countTerm(headline, term) : 0) + (term.field !== 'headline' ? countTerm(body, term) : 0);
      if (frequency > 0) score += (idf[index]! * frequency * (K1 + 1)) / (frequency + norm);
    });
    return { rowid: document.rowid, score };
  });
}
