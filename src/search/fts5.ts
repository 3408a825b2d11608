/**
 * Compiles a parsed search query (`query.ts`) into an SQLite FTS5 MATCH expression for
 * the archive's search table, whose columns are {@link fts5Columns}, tokenised with
 * `unicode61 remove_diacritics 2`.
 *
 * Every word and phrase the user typed goes out as an FTS5 string (`"…"`, any `"` inside
 * doubled), so no user text is ever read as FTS5 syntax; a prefix is `"sanction" *`. A
 * word stands for the phrase of the tokens FTS5 cuts it into: `U.S.` is `"u s"`.
 *
 * FTS5's NOT subtracts (`a NOT b`) and has nothing to subtract from on its own, so each
 * node compiles either to rows to find or to rows to leave out of all the others:
 * `a -b -c` is `(a) NOT (b OR c)`; a query that only leaves out (`-sport -weather`) gives
 * no match and an `exclude` for the caller to subtract from every story. A side of OR
 * that only leaves out (`a OR -b`) is refused, as the brief for this module asks: it
 * would be `everything but (b NOT a)`, rarely what anyone means.
 *
 * FTS5's parser has a fixed stack: expressions whose brackets nest more than 24 deep are
 * refused with a QuerySyntaxError rather than left to fail in SQLite.
 */
import type { FilterField, ParsedQuery, QueryNode } from './query.js';
import { QuerySyntaxError } from './query.js';

/** The search table's columns, in order. */
export const fts5Columns = ['headline', 'body', 'slug', 'agency', 'person', 'org', 'place', 'lang', 'priority', 'status', 'flags'] as const;

/** The token stored between two names in the person, org and place columns. */
export const nameSeparator = 'zzsep';

/** A query ready for the search table. */
export interface Fts5Query {
  /** The MATCH expression, or null when the query has no positive part (root null). */
  match: string | null;
  /** A MATCH expression whose rows are to be excluded (for a query that is only negative, e.g. `NOT sport` or `-sport -weather`); null otherwise. */
  exclude: string | null;
  /** First day to include (`YYYY-MM-DD`), or null; as in ParsedQuery. */
  from: string | null;
  /** Last day to include (`YYYY-MM-DD`), or null; as in ParsedQuery. */
  to: string | null;
}

/** The column each filter looks in. */
const filterColumns: Record<FilterField, (typeof fts5Columns)[number]> = {
  slug: 'slug',
  agency: 'agency',
  person: 'person',
  org: 'org',
  place: 'place',
  lang: 'lang',
  priority: 'priority',
  status: 'status',
  has: 'flags',
};

/** Columns that hold several names, kept apart by {@link nameSeparator}. */
const nameColumns = new Set<string>(['person', 'org', 'place']);

/**
 * How deep brackets may nest in an expression: FTS5's parser has a fixed stack, which
 * the expressions compiled here overflow past about 30 levels.
 */
const maxDepth = 24;

/**
 * What a node selects: the rows `expression` matches (`find`), or every row but those
 * (`leave`, with `at`, the offset of the first word it leaves out, for messages). `simple`
 * when `expression` needs no brackets beside an operator; `depth`, how deep its brackets nest.
 */
type Compiled =
  | { kind: 'find'; expression: string; simple: boolean; depth: number }
  | { kind: 'leave'; expression: string; simple: boolean; depth: number; at: number };

/**
 * Compiles a parsed query for FTS5. Throws {@link QuerySyntaxError} for what FTS5 cannot
 * express (a side of OR that only leaves out) or cannot find (a word without a letter or
 * digit, the reserved word `zzsep` in a name).
 *
 * @example
 * toFts5(parseQuery('sanction* person:putin -sport from:2019'));
 * // { match: '({headline body} : "sanction" * AND {person} : "putin") NOT ({headline body} : "sport")',
 * //   exclude: null, from: '2019-01-01', to: null }
 */
export function toFts5(query: ParsedQuery): Fts5Query {
  const { from, to } = query;
  if (query.root === null) return { match: null, exclude: null, from, to };
  const compiled = compile(query.root, query.text);
  return compiled.kind === 'find' ? { match: compiled.expression, exclude: null, from, to } : { match: null, exclude: compiled.expression, from, to };
}

/**
 * An FTS5 string of `text`: in double quotes, each `"` doubled, control characters (which
 * would end the expression early in SQLite's C string) made spaces.
 *
 * @example
 * fts5String('say "cheese"'); // '"say ""cheese"""'
 */
export function fts5String(text: string): string {
  return `"${text.replace(/\p{Cc}/gu, ' ').replace(/"/g, '""')}"`;
}

function compile(node: QueryNode, text: string): Compiled {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      requireLetter(text, node.text, node.start);
      return find(`{${node.field ?? 'headline body'}} : ${fts5String(node.text)}${node.prefix ? ' *' : ''}`, true, 0);
    case 'filter': {
      const column = filterColumns[node.field];
      requireLetter(text, node.value, node.start);
      if (nameColumns.has(column) && tokensOf(node.value).includes(nameSeparator)) {
        throw new QuerySyntaxError(text, node.start, `a name without the word ${nameSeparator}, which the archive keeps to separate names`, node.value);
      }
      return find(`{${column}} : ${fts5String(node.value)}`, true, 0);
    }
    case 'not': {
      const child = compile(node.child, text);
      if (child.kind === 'leave') return find(child.expression, child.simple, child.depth);
      return { ...child, kind: 'leave', at: firstOffset(node.child) };
    }
    case 'and':
      return shallow(compileAnd(node.children.map((child) => compile(child, text))), node, text);
    case 'or':
      return shallow(compileOr(node.children.map((child) => compile(child, text)), text), node, text);
  }
}

function find(expression: string, simple: boolean, depth: number): Compiled {
  return { kind: 'find', expression, simple, depth };
}

/** Rows found by every `find` child and left out by none of the `leave` ones. */
function compileAnd(children: readonly Compiled[]): Compiled {
  const finds = children.filter((child) => child.kind === 'find');
  const leaves = children.filter((child) => child.kind === 'leave');
  const first = leaves[0];
  if (first === undefined) return joined(finds, 'AND');
  const left = joined(leaves, 'OR');
  if (finds.length === 0) return { ...left, kind: 'leave', at: first.at };
  const found = joined(finds, 'AND');
  return find(`(${found.expression}) NOT (${left.expression})`, false, Math.max(found.depth, left.depth) + 1);
}

/** Rows found by any child; every child must find (FTS5 has no rows to subtract from). */
function compileOr(children: readonly Compiled[], text: string): Compiled {
  for (const child of children) {
    if (child.kind === 'leave') {
      const position = operatorBefore(text, child.at);
      const operator = text[position] === '-' ? '-' : 'NOT';
      throw new QuerySyntaxError(
        text,
        position,
        `something for this ${operator} to subtract from (each side of OR needs a word, phrase or filter to look for: write a -b, or (a OR b) -c)`,
        'a side of OR that only leaves out',
      );
    }
  }
  return joined(children, 'OR');
}

/** `children` joined by `operator`, each bracketed unless simple; one child stands for itself. */
function joined(children: readonly Compiled[], operator: 'AND' | 'OR'): Compiled {
  const only = children[0];
  if (children.length === 1 && only) return find(only.expression, only.simple, only.depth);
  if (children.length === 0) throw new TypeError(`An empty ${operator} node cannot be compiled for FTS5`);
  const depth = Math.max(...children.map((child) => child.depth + (child.simple ? 0 : 1)));
  return find(children.map((child) => (child.simple ? child.expression : `(${child.expression})`)).join(` ${operator} `), false, depth);
}

/** `compiled`, unless its brackets nest deeper than FTS5 reads. */
function shallow(compiled: Compiled, node: QueryNode, text: string): Compiled {
  if (compiled.depth <= maxDepth) return compiled;
  throw new QuerySyntaxError(
    text,
    firstOffset(node),
    `brackets and NOTs nested at most ${maxDepth} deep, as SQLite's full-text search reads no deeper`,
    `them ${compiled.depth} deep`,
  );
}

function requireLetter(text: string, value: string, position: number): void {
  if (!/[\p{L}\p{N}]/u.test(value)) throw new QuerySyntaxError(text, position, 'a word with at least one letter or digit', value);
}

/** The tokens FTS5 would index for `value`, roughly: letters and digits, diacritics gone, lower case. */
export function tokensOf(value: string): string[] {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
}

function firstOffset(node: QueryNode): number {
  switch (node.kind) {
    case 'and':
    case 'or':
      return node.children[0] ? firstOffset(node.children[0]) : 0;
    case 'not':
      return firstOffset(node.child);
    default:
      return node.start;
  }
}

/**
 * Where the `-` or `NOT` before `offset` stands in `text`, looking back over spaces, `(`
 * and `field:`; `offset` itself when there is none (a tree not read from this text).
 */
function operatorBefore(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  for (;;) {
    const before = text[at - 1];
    if (before === '(' || (before !== undefined && /\s/u.test(before))) {
      at -= 1;
    } else if (before === ':' && /[A-Za-z]/.test(text[at - 2] ?? '')) {
      at -= 2;
      while (/[A-Za-z]/.test(text[at - 1] ?? '')) at -= 1;
    } else {
      break;
    }
  }
  if (text[at - 1] === '-') return at - 1;
  if (text.slice(at - 3, at) === 'NOT' && (at === 3 || /[\s(]/u.test(text[at - 4] ?? ''))) return at - 3;
  return offset;
}
