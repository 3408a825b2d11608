import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SluglineError } from '../errors.js';
import * as api from './query.js';
import type { FilterField, QueryNode, TextField } from './query.js';
import { QuerySyntaxError, parseQuery, queryFields } from './query.js';

// Trees without offsets, to compare structure; offsets have tests of their own.
type Shape =
  | { kind: 'term' | 'phrase'; field: TextField | null; text: string; prefix: boolean }
  | { kind: 'filter'; field: FilterField; value: string }
  | { kind: 'and' | 'or'; children: Shape[] }
  | { kind: 'not'; child: Shape };

function shape(node: QueryNode | null): Shape | null {
  if (node === null) return null;
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return { kind: node.kind, field: node.field, text: node.text, prefix: node.prefix };
    case 'filter':
      return { kind: 'filter', field: node.field, value: node.value };
    case 'and':
    case 'or':
      return { kind: node.kind, children: node.children.map((child) => shape(child)!) };
    case 'not':
      return { kind: 'not', child: shape(node.child)! };
  }
}

const word = (text: string, field: TextField | null = null): Shape => ({ kind: 'term', field, text, prefix: false });
const stem = (text: string, field: TextField | null = null): Shape => ({ kind: 'term', field, text, prefix: true });
const phrase = (text: string, field: TextField | null = null, prefix = false): Shape => ({ kind: 'phrase', field, text, prefix });
const filter = (field: FilterField, value: string): Shape => ({ kind: 'filter', field, value });
const and = (...children: Shape[]): Shape => ({ kind: 'and', children });
const or = (...children: Shape[]): Shape => ({ kind: 'or', children });
const not = (child: Shape): Shape => ({ kind: 'not', child });

function reads(query: string, expected: Shape | null, message?: string): void {
  assert.deepEqual(shape(parseQuery(query).root), expected, message ?? query);
}

/** Asserts that `query` fails at `position`, expecting text that includes `expected`, finding `found`. */
function fails(query: string, position: number, expected: string, found: string): QuerySyntaxError {
  let caught: unknown = null;
  try {
    parseQuery(query);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof QuerySyntaxError, `${query} throws a QuerySyntaxError, not ${String(caught)}`);
  assert.equal(caught.position, position, `position for ${query}: ${caught.message}`);
  assert.ok(caught.expected.includes(expected), `expected “${expected}” in “${caught.expected}” for ${query}`);
  assert.equal(caught.found, found, `found for ${query}`);
  return caught;
}

test('exports parseQuery, QuerySyntaxError and the list of fields, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['QuerySyntaxError', 'parseQuery', 'queryFields']);
  assert.deepEqual(queryFields, ['headline', 'body', 'slug', 'agency', 'person', 'org', 'place', 'lang', 'priority', 'status', 'has', 'from', 'to']);
});

test('reads words as typed, in any script, with inner hyphens, dots and apostrophes', () => {
  reads('putin', word('putin'));
  reads('Putin', word('Putin'));
  reads('BFF-20', word('BFF-20'));
  reads('U.S.', word('U.S.'));
  reads("Kim's", word("Kim's"));
  reads('Kim’s', word('Kim’s'));
  reads('Zoë Москва 東京 ٢٠١٩', and(word('Zoë'), word('Москва'), word('東京'), word('٢٠١٩')));
  // Other marks stay in the word; FTS5 drops them as it does in the stories.
  reads('AT&T putin,', and(word('AT&T'), word('putin,')));
});

test('reads lower-case and, or, not as ordinary words', () => {
  reads('war and peace', and(word('war'), word('and'), word('peace')));
  reads('to be or not', and(word('to'), word('be'), word('or'), word('not')));
  reads('And Or', and(word('And'), word('Or')));
});

test('reads phrases between straight or typographic quote marks, spaces tidied', () => {
  reads('"north korea"', phrase('north korea'));
  reads('“north korea”', phrase('north korea'));
  reads('„north korea“', phrase('north korea'));
  reads('"  north\t korea "', phrase('north korea'));
  reads('"korea"', phrase('korea'));
  reads('"north korea"talks', and(phrase('north korea'), word('talks')));
});

test('reads prefixes on words and at the end of phrases', () => {
  reads('sanction*', stem('sanction'));
  reads('ab*', stem('ab'));
  reads('"kim jong*"', phrase('kim jong', null, true));
  reads('"kim jong"*', phrase('kim jong', null, true));
  reads('BFF-20*', stem('BFF-20'));
});

test('binds NOT tighter than AND, and AND tighter than OR', () => {
  reads('a OR b c', or(word('a'), and(word('b'), word('c'))));
  reads('a b OR c', or(and(word('a'), word('b')), word('c')));
  reads('a AND b OR c AND d', or(and(word('a'), word('b')), and(word('c'), word('d'))));
  reads('NOT a b', and(not(word('a')), word('b')));
  reads('a OR NOT b c', or(word('a'), and(not(word('b')), word('c'))));
  reads('(a OR b) c', and(or(word('a'), word('b')), word('c')));
  reads('a NOT b', and(word('a'), not(word('b'))));
});

test('joins adjacent terms with AND, explicit or not, and flattens nested groups of one kind', () => {
  reads('a b', and(word('a'), word('b')));
  reads('a AND b', and(word('a'), word('b')));
  reads('a (b c) AND (d)', and(word('a'), word('b'), word('c'), word('d')));
  reads('(a OR b) OR (c OR (d))', or(word('a'), word('b'), word('c'), word('d')));
  reads('((a))', word('a'));
  reads('a(b)', and(word('a'), word('b')));
});

test('reads -word, -"phrase", -field:value and -( … ) as NOT, and cancels a double NOT', () => {
  reads('a -b', and(word('a'), not(word('b'))));
  reads('-"north korea" a', and(not(phrase('north korea')), word('a')));
  reads('a -person:putin', and(word('a'), not(filter('person', 'putin'))));
  reads('a -(b OR c)', and(word('a'), not(or(word('b'), word('c')))));
  reads('NOT NOT a', word('a'));
  reads('-NOT a', word('a'));
  reads('a-b', word('a-b'));
  reads('-sport -weather', and(not(word('sport')), not(word('weather'))));
});

test('restricts words, phrases, prefixes and bracketed groups to headline: or body:', () => {
  reads('headline:putin', word('putin', 'headline'));
  reads('BODY:"north korea"', phrase('north korea', 'body'));
  reads('headline:sanction*', stem('sanction', 'headline'));
  reads('headline:"kim jong"*', phrase('kim jong', 'headline', true));
  reads('headline:(a OR "b c")', or(word('a', 'headline'), phrase('b c', 'headline')));
  reads('headline:(a -(b cd*)) d', and(word('a', 'headline'), not(and(word('b', 'headline'), stem('cd', 'headline'))), word('d')));
});

test('reads filters, closed values in lower case, other values as typed', () => {
  reads('slug:BFF-20', filter('slug', 'BFF-20'));
  reads('agency:Reuters', filter('agency', 'Reuters'));
  reads('person:"Vladimir Putin"', filter('person', 'Vladimir Putin'));
  reads('Org:UN place:Pyongyang', and(filter('org', 'UN'), filter('place', 'Pyongyang')));
  reads('lang:EN lang:fra', and(filter('lang', 'en'), filter('lang', 'fra')));
  reads('priority:Flash status:withheld', and(filter('priority', 'flash'), filter('status', 'withheld')));
  reads('has:damage -has:QUOTES', and(filter('has', 'damage'), not(filter('has', 'quotes'))));
  reads('agency:(reuters OR "agence france")', or(filter('agency', 'reuters'), filter('agency', 'agence france')));
  reads('priority:"urgent"', filter('priority', 'urgent'));
});

test('reads a colon that does not follow a field name as part of the word', () => {
  reads('10:30', word('10:30'));
  reads('kim 10:30 GMT', and(word('kim'), word('10:30'), word('GMT')));
  reads('update: putin', and(word('update:'), word('putin')));
  reads('U.S.:', word('U.S.:'));
  reads('a1:b', word('a1:b'));
  reads('person:kim:jong', filter('person', 'kim:jong'));
});

test('keeps the offsets of each term, phrase and filter, field and * included', () => {
  const root = parseQuery('kim "north korea"* headline:(a -bc*) person:"x y"').root;
  assert.deepEqual(root, {
    kind: 'and',
    children: [
      { kind: 'term', field: null, text: 'kim', prefix: false, start: 0, end: 3 },
      { kind: 'phrase', field: null, text: 'north korea', prefix: true, start: 4, end: 18 },
      { kind: 'term', field: 'headline', text: 'a', prefix: false, start: 29, end: 30 },
      { kind: 'not', child: { kind: 'term', field: 'headline', text: 'bc', prefix: true, start: 32, end: 35 } },
      { kind: 'filter', field: 'person', value: 'x y', start: 37, end: 49 },
    ],
  });
  assert.deepEqual(parseQuery('  body:putin ').root, { kind: 'term', field: 'body', text: 'putin', prefix: false, start: 2, end: 12 });
});

test('reads an empty query, and one of dates only, as every story', () => {
  assert.deepEqual(parseQuery(''), { text: '', root: null, from: null, to: null });
  assert.deepEqual(parseQuery(' \t\n'), { text: ' \t\n', root: null, from: null, to: null });
  assert.deepEqual(parseQuery('from:2019-04-25'), { text: 'from:2019-04-25', root: null, from: '2019-04-25', to: null });
});

test('reads from: and to: as a day, a month or a year, both ends included', () => {
  const dates = (query: string) => {
    const { from, to } = parseQuery(query);
    return { from, to };
  };
  assert.deepEqual(dates('from:2019-04-25 to:2019-04-25'), { from: '2019-04-25', to: '2019-04-25' });
  assert.deepEqual(dates('from:2019-04 to:2019-04'), { from: '2019-04-01', to: '2019-04-30' });
  assert.deepEqual(dates('from:2019 to:2019'), { from: '2019-01-01', to: '2019-12-31' });
  assert.deepEqual(dates('to:2019-01'), { from: null, to: '2019-01-31' });
  assert.deepEqual(dates('to:2019-06'), { from: null, to: '2019-06-30' });
  // Leap years: every fourth, but not centuries unless divisible by 400.
  assert.equal(dates('to:2020-02').to, '2020-02-29');
  assert.equal(dates('to:2019-02').to, '2019-02-28');
  assert.equal(dates('to:1900-02').to, '1900-02-28');
  assert.equal(dates('to:2000-02').to, '2000-02-29');
  assert.equal(dates('from:2020-02-29').from, '2020-02-29');
  assert.equal(dates('FROM:2020').from, '2020-01-01');
});

test('takes dates anywhere at the top level, and leaves them out of the tree', () => {
  const parsed = parseQuery('kim from:2019 summit AND to:2019-06 -sport');
  assert.deepEqual(shape(parsed.root), and(word('kim'), word('summit'), not(word('sport'))));
  assert.deepEqual([parsed.from, parsed.to], ['2019-01-01', '2019-06-30']);
  reads('to:2020 putin', word('putin'));
  reads('from:2019 NOT sport', not(word('sport')));
});

test('says where and why for each query it cannot read', () => {
  const cases: [query: string, position: number, expected: string, found: string][] = [
    // Quotes and brackets.
    ['putin "north korea', 18, 'a closing " for the phrase opened at column 7', 'end of query'],
    ['"', 1, 'a closing " for the phrase opened at column 1', 'end of query'],
    ['(a b', 4, 'a closing ) for the ( opened at column 1', 'end of query'],
    ['a ((b) c', 8, 'a closing ) for the ( opened at column 3', 'end of query'],
    ['a b)', 3, 'no ) here, as there is no ( for it to close', ')'],
    [') a', 0, 'no ) here, as there is no ( for it to close', ')'],
    ['(a) b) c', 5, 'no ) here', ')'],
    ['()', 1, 'a word, phrase or field inside ( )', ')'],
    ['a ( ) b', 4, 'a word, phrase or field inside ( )', ')'],
    ['headline:()', 10, 'a word or phrase inside headline:( )', ')'],
    ['""', 1, 'words between the quote marks', '""'],
    ['"  "', 1, 'words between the quote marks', '"  "'],
    // Operators with nothing beside them.
    ['putin AND', 9, 'a word, phrase or ( after AND', 'end of query'],
    ['putin OR', 8, 'a word, phrase or ( after OR', 'end of query'],
    ['putin NOT', 9, 'a word, phrase or ( after NOT', 'end of query'],
    ['NOT', 3, 'a word, phrase or ( after NOT', 'end of query'],
    ['OR putin', 0, 'a word, phrase or ( before OR', 'OR'],
    ['AND putin', 0, 'a word, phrase or ( before AND', 'AND'],
    ['a (OR b)', 3, 'a word, phrase or ( before OR', 'OR'],
    ['a OR OR b', 5, 'a word, phrase or ( after OR', 'OR'],
    ['a AND OR b', 6, 'a word, phrase or ( after AND', 'OR'],
    ['a (b AND) c', 8, 'a word, phrase or ( after AND', ')'],
    ['a NOT )', 6, 'a word, phrase or ( after NOT', ')'],
    ['-', 1, 'a word, phrase or ( right after -', 'end of query'],
    ['a - b', 3, 'right after - (with no space between)', 'a space'],
    ['a -)', 3, 'a word, phrase or ( right after -', ')'],
    ['a - ', 4, 'a word, phrase or ( right after -', 'end of query'],
    // Words, prefixes and *.
    ["'", 0, 'a word with at least one letter or digit', "'"],
    ['putin --', 8, 'a word, phrase or ( right after -', 'end of query'],
    ['a ’ b', 2, 'a word with at least one letter or digit', '’'],
    ['*', 0, 'at least two letters or digits right before *', '*'],
    ['a*', 1, 'at least two letters or digits right before *', 'a*'],
    ["kim's*", 5, 'at least two letters or digits right before *', "kim's*"],
    ['a*b', 1, 'a * only at the end of a word', 'a*b'],
    ['**', 0, 'a * only at the end of a word', '**'],
    ['"kim* jong"', 4, 'a * only at the end of a phrase', '"kim* jong"'],
    ['"kim j*"', 6, 'at least two letters or digits right before *', '"kim j*"'],
    ['"kim *"', 5, 'at least two letters or digits right before *', '"kim *"'],
    ['"kim jong*"*', 11, 'a single * at the end of a phrase', '"kim jong*"*'],
    ['"- -"', 1, 'a word with at least one letter or digit', '"- -"'],
    // Fields and their values.
    ['foo:bar', 0, 'one of the fields headline:, body:, slug:, agency:, person:, org:, place:, lang:, priority:, status:, has:, from: or to:', 'foo:'],
    ['a Foo:"b"', 2, 'one of the fields', 'Foo:'],
    ['headline: putin', 9, 'a value right after headline:', 'a space'],
    ['person:', 7, 'a value right after person:', 'end of query'],
    ['(body:)', 6, 'a value right after body:', ')'],
    ['headline:(body:x)', 10, 'a word or phrase inside headline:( ) (fields cannot be nested)', 'body:'],
    ['person:put*', 7, 'a whole value after person: (a filter takes no *)', 'put*'],
    ['priority:hot', 9, 'flash, bulletin, urgent, routine or deferred after priority:', 'hot'],
    ['status:cancelled', 7, 'usable, withheld or canceled after status:', 'cancelled'],
    ['has:photos', 4, 'damage or quotes after has:', 'photos'],
    ['agency:(afp OR has:x)', 15, 'a word or phrase inside agency:( ) (fields cannot be nested)', 'has:'],
    ['has:(damage OR video)', 15, 'damage or quotes after has:', 'video'],
    ['lang:english', 5, 'a 2- or 3-letter language code after lang:', 'english'],
    ['lang:e', 5, 'a 2- or 3-letter language code after lang:', 'e'],
    ['person:"--"', 8, 'a word with at least one letter or digit', '"--"'],
    // Dates.
    ['from:2019-02-30', 5, 'a real day, month or year after from: (YYYY-MM-DD, YYYY-MM or YYYY)', '2019-02-30'],
    ['to:2019-02-29', 3, 'a real day, month or year after to:', '2019-02-29'],
    ['from:2019-13', 5, 'a real day, month or year after from:', '2019-13'],
    ['from:2019-00-10', 5, 'a real day, month or year after from:', '2019-00-10'],
    ['to:2019-4-5', 3, 'a real day, month or year after to:', '2019-4-5'],
    ['to:19', 3, 'a real day, month or year after to:', '19'],
    ['from:0000', 5, 'a real day, month or year after from:', '0000'],
    ['from:yesterday', 5, 'a real day, month or year after from:', 'yesterday'],
    ['from:"2019"', 5, 'a real day, month or year after from:', '"2019"'],
    ['from:(2019)', 5, 'a real day, month or year after from:', '('],
    ['from:2020 to:2019', 13, 'a to: date no earlier than the from: date (2020-01-01)', '2019'],
    ['to:2019-06 from:2019-07-01', 16, 'a from: date no later than the to: date (2019-06-30)', '2019-07-01'],
    ['from:2019 from:2020', 10, 'only one from: date', 'from:2020'],
    ['NOT from:2019', 4, 'from: and to: only at the top level of the query, outside brackets, NOT, - and OR', 'from:2019'],
    ['a -to:2019', 3, 'only at the top level', 'to:2019'],
    ['NOT (from:2019)', 5, 'only at the top level', 'from:2019'],
    ['(a from:2019)', 3, 'only at the top level', 'from:2019'],
    ['a OR b from:2019', 7, 'only at the top level', 'from:2019'],
    ['from:2019 a OR b', 0, 'only at the top level', 'from:2019'],
    ['headline:(from:2019)', 10, 'fields cannot be nested', 'from:'],
  ];
  for (const [query, position, expected, found] of cases) fails(query, position, expected, found);
});

test('writes the message with a 1-based column, what was expected and what was found', () => {
  assert.equal(
    fails('kims "north k', 13, 'a closing "', 'end of query').message,
    'Cannot read the query at column 14: expected a closing " for the phrase opened at column 6, found end of query',
  );
  assert.equal(fails('a OR OR b', 5, 'after OR', 'OR').message, 'Cannot read the query at column 6: expected a word, phrase or ( after OR, found OR');
  // Columns count characters, not UTF-16 halves.
  const error = fails('𝔸 foo:x', 3, 'one of the fields', 'foo:');
  assert.match(error.message, /^Cannot read the query at column 3: /);
});

test('refuses brackets and NOTs nested over 100 deep, rather than run out of stack', () => {
  reads('('.repeat(100) + 'a' + ')'.repeat(100), word('a'));
  fails('('.repeat(101) + 'a' + ')'.repeat(101), 100, 'no more than 100 brackets and NOTs inside one another', '(');
  fails('-'.repeat(5000) + 'a', 100, 'no more than 100 brackets and NOTs inside one another', '-');
  fails('NOT '.repeat(101) + 'a', 400, 'no more than 100', 'NOT');
  reads('-'.repeat(100) + 'a', word('a'));
});

test('is a SluglineError named QuerySyntaxError that keeps the query', () => {
  const error = fails('a AND', 5, 'after AND', 'end of query');
  assert.ok(error instanceof SluglineError);
  assert.equal(error.name, 'QuerySyntaxError');
  assert.equal(error.query, 'a AND');
});

test('draws a caret under the place reading stopped, on one line', () => {
  assert.equal(fails('from:2019-02-30', 5, 'a real day', '2019-02-30').caret(), 'from:2019-02-30\n     ^');
  assert.equal(fails('putin AND', 9, 'after AND', 'end of query').caret(), 'putin AND\n         ^');
  // A tab stays a tab above and below; a new line becomes a space; a wide character is one column.
  assert.equal(fails('a\tb\nfoo:x', 4, 'one of the fields', 'foo:').caret(), 'a\tb foo:x\n \t  ^');
  assert.equal(fails('𝔸 foo:x', 3, 'one of the fields', 'foo:').caret(), '𝔸 foo:x\n  ^');
});

test('either reads any text or throws a QuerySyntaxError, with offsets inside the text', () => {
  const soup = fc
    .array(
      fc.constantFrom('putin', 'Kim', ' ', ' ', '"', '“', '(', ')', '-', '*', ':', 'AND', 'OR', 'NOT', 'person:', 'headline:', 'from:2019', 'to:2018', 'lang:en', 'has:', '10:30', "'", 'é', '\t', '\0'),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));
  // Whole characters of any plane, printable ASCII, and single UTF-16 units (lone surrogate halves too).
  const halves = fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 30 });
  const anything = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }), halves, soup);
  fc.assert(
    fc.property(anything, (text) => {
      let parsed;
      try {
        parsed = parseQuery(text);
      } catch (error) {
        if (!(error instanceof QuerySyntaxError)) throw error;
        assert.ok(error.position >= 0 && error.position <= text.length);
        return;
      }
      const check = (node: QueryNode): void => {
        switch (node.kind) {
          case 'and':
          case 'or':
            assert.ok(node.children.length >= 2);
            for (const child of node.children) {
              assert.notEqual(child.kind, node.kind);
              check(child);
            }
            break;
          case 'not':
            check(node.child);
            break;
          default:
            assert.ok(node.start >= 0 && node.start < node.end && node.end <= text.length);
            assert.match(node.kind === 'filter' ? node.value : node.text, /[\p{L}\p{N}]/u);
        }
      };
      if (parsed.root) check(parsed.root);
    }),
    { numRuns: 2000 },
  );
});
