import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import * as api from './fts5.js';
import { fts5Columns, fts5String, nameSeparator, toFts5 } from './fts5.js';
import type { Fts5Query } from './fts5.js';
import type { ParsedQuery, QueryNode } from './query.js';
import { QuerySyntaxError, parseQuery } from './query.js';

function compiled(query: string): Fts5Query {
  return toFts5(parseQuery(query));
}

function match(query: string): string | null {
  const result = compiled(query);
  assert.equal(result.exclude, null, `${query} has no exclude`);
  return result.match;
}

/** Asserts that compiling `query` (after parsing it) fails at `position`. */
function refuses(query: string, position: number, expected: string): QuerySyntaxError {
  const parsed = parseQuery(query);
  let caught: unknown = null;
  try {
    toFts5(parsed);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof QuerySyntaxError, `${query} throws a QuerySyntaxError, not ${String(caught)}`);
  assert.equal(caught.position, position, `position for ${query}: ${caught.message}`);
  assert.ok(caught.expected.includes(expected), `“${expected}” in “${caught.expected}”`);
  return caught;
}

const anywhere = '{headline body}';

test('exports toFts5, fts5String, tokensOf, the columns and the name separator, and nothing else', () => {
  assert.deepEqual(Object.keys(api).sort(), ['fts5Columns', 'fts5String', 'nameSeparator', 'toFts5', 'tokensOf']);
  assert.deepEqual(fts5Columns, ['headline', 'body', 'slug', 'agency', 'person', 'org', 'place', 'lang', 'priority', 'status', 'flags']);
  assert.equal(nameSeparator, 'zzsep');
});

test('writes every word and phrase as an FTS5 string, in headline and body unless a field says', () => {
  assert.equal(match('putin'), `${anywhere} : "putin"`);
  assert.equal(match('"north korea"'), `${anywhere} : "north korea"`);
  assert.equal(match('sanction*'), `${anywhere} : "sanction" *`);
  assert.equal(match('"kim jong*"'), `${anywhere} : "kim jong" *`);
  assert.equal(match('headline:putin'), '{headline} : "putin"');
  assert.equal(match('body:"north korea"*'), '{body} : "north korea" *');
  assert.equal(match('NEAR'), `${anywhere} : "NEAR"`);
  assert.equal(match('^kim'), `${anywhere} : "^kim"`);
  assert.equal(match("U.S. Kim's"), `${anywhere} : "U.S." AND ${anywhere} : "Kim's"`);
});

test('matches each filter as a phrase within its column', () => {
  assert.equal(match('person:putin'), '{person} : "putin"');
  assert.equal(match('person:"vladimir putin"'), '{person} : "vladimir putin"');
  assert.equal(match('has:damage'), '{flags} : "damage"');
  assert.equal(match('lang:EN'), '{lang} : "en"');
  assert.equal(match('slug:BFF-20 agency:afp org:un place:seoul priority:flash status:usable'), [
    '{slug} : "BFF-20"',
    '{agency} : "afp"',
    '{org} : "un"',
    '{place} : "seoul"',
    '{priority} : "flash"',
    '{status} : "usable"',
  ].join(' AND '));
});

test('brackets compound operands of AND and OR, and both sides of NOT', () => {
  assert.equal(match('a OR b c'), `${anywhere} : "a" OR (${anywhere} : "b" AND ${anywhere} : "c")`);
  assert.equal(match('(a OR b) c'), `(${anywhere} : "a" OR ${anywhere} : "b") AND ${anywhere} : "c"`);
  assert.equal(match('a -b'), `(${anywhere} : "a") NOT (${anywhere} : "b")`);
  assert.equal(match('a b -c -d'), `(${anywhere} : "a" AND ${anywhere} : "b") NOT (${anywhere} : "c" OR ${anywhere} : "d")`);
  assert.equal(match('a -(b c)'), `(${anywhere} : "a") NOT (${anywhere} : "b" AND ${anywhere} : "c")`);
  assert.equal(match('a OR (b -c)'), `${anywhere} : "a" OR ((${anywhere} : "b") NOT (${anywhere} : "c"))`);
  assert.equal(match('a -(b -c)'), `(${anywhere} : "a") NOT ((${anywhere} : "b") NOT (${anywhere} : "c"))`);
  assert.equal(match('headline:(a OR b) -person:c'), `({headline} : "a" OR {headline} : "b") NOT ({person} : "c")`);
});

test('gives a query that only leaves out as an exclude, with no match', () => {
  assert.deepEqual(compiled('NOT sport'), { match: null, exclude: `${anywhere} : "sport"`, from: null, to: null });
  assert.deepEqual(compiled('-sport -weather from:2019'), {
    match: null,
    exclude: `${anywhere} : "sport" OR ${anywhere} : "weather"`,
    from: '2019-01-01',
    to: null,
  });
  assert.deepEqual(compiled('NOT (a -b)'), { match: null, exclude: `(${anywhere} : "a") NOT (${anywhere} : "b")`, from: null, to: null });
  assert.deepEqual(compiled('-(a OR b)'), { match: null, exclude: `${anywhere} : "a" OR ${anywhere} : "b"`, from: null, to: null });
});

test('gives neither for an empty query or one of dates only, and passes the dates on', () => {
  assert.deepEqual(compiled(''), { match: null, exclude: null, from: null, to: null });
  assert.deepEqual(compiled('from:2019-02 to:2019-02'), { match: null, exclude: null, from: '2019-02-01', to: '2019-02-28' });
  assert.deepEqual(compiled('kim to:2020'), { match: `${anywhere} : "kim"`, exclude: null, from: null, to: '2020-12-31' });
});

test('refuses a side of OR that only leaves out, at its NOT', () => {
  const error = refuses('a OR -b', 5, 'something for this - to subtract from');
  assert.equal(error.message, 'Cannot read the query at column 6: expected something for this - to subtract from (each side of OR needs a word, phrase or filter to look for: write a -b, or (a OR b) -c), found a side of OR that only leaves out');
  refuses('NOT b OR a', 0, 'something for this NOT to subtract from');
  refuses('x (a OR NOT headline:(b c))', 8, 'this NOT');
  refuses('a OR -person:kim', 5, 'this -');
  refuses('a OR (-b -c)', 6, 'this -');
  refuses('headline:(a OR -b)', 15, 'this -');
});

test('refuses brackets nested deeper than FTS5 reads, and compiles all shallower ones that it reads', () => {
  const db = archive();
  const matches = db.prepare('SELECT count(*) AS n FROM search WHERE search MATCH ?');
  // Each level of these adds a level of brackets to the expression; FTS5 overflows near 31.
  const shapes: Record<string, (inner: string, level: number) => string> = {
    'subtract right': (inner, level) => `w${level} -(${inner})`,
    'and in or': (inner, level) => (level % 2 ? `w${level} OR (${inner})` : `w${level} (x${level} OR (${inner}))`),
    'or in and': (inner, level) => `"ab cd"* OR person:"x y" (${inner} OR w${level})`,
    'leave out of or': (inner, level) => `a${level} b${level} -(${inner} OR c${level}) d${level}`,
    exclude: (inner, level) => `-(w${level} -(${inner}))`,
  };
  for (const [name, shape] of Object.entries(shapes)) {
    let query = 'zz';
    let refused = false;
    for (let level = 1; level <= 40; level += 1) {
      query = shape(query, level);
      let fts: Fts5Query;
      try {
        fts = compiled(query);
      } catch (error) {
        assert.ok(error instanceof QuerySyntaxError, `${name} ${level}: ${String(error)}`);
        assert.match(error.expected, /nested at most 24 deep|no more than 100 brackets and NOTs/);
        refused = true;
        continue;
      }
      assert.equal(refused, false, `${name}: ${level} compiles after a shallower one was refused`);
      for (const expression of [fts.match, fts.exclude]) if (expression !== null) matches.get(expression);
    }
    assert.ok(refused, `${name} is refused at 40 levels`);
  }
  // Brackets around one term, or one kind of operator, are flattened and cost nothing.
  assert.equal(match('('.repeat(100) + 'a' + ')'.repeat(100)), `${anywhere} : "a"`);
  const leftNested = Array.from({ length: 30 }, (_, level) => level).reduce((inner, level) => `(${inner}) -nothing${level}`, 'valdora -heatwave');
  assert.deepEqual(rowids(db, compiled(leftNested)), [4]);
  db.close();
});

test('doubles quote marks and blanks control characters in FTS5 strings', () => {
  assert.equal(fts5String('say "cheese"'), '"say ""cheese"""');
  assert.equal(fts5String('a\u0000b\nc'), '"a b c"');
  // Hand-made trees can hold what the parser never gives.
  const tree = (root: QueryNode): ParsedQuery => ({ text: '', root, from: null, to: null });
  assert.equal(toFts5(tree({ kind: 'phrase', field: null, text: 'a "b" OR c', prefix: false, start: 0, end: 1 })).match, `${anywhere} : "a ""b"" OR c"`);
  assert.equal(toFts5(tree({ kind: 'filter', field: 'person', value: 'o"neil', start: 0, end: 1 })).match, '{person} : "o""neil"');
});

test('refuses terms without a letter or digit, and the name separator in a name', () => {
  const tree = (root: QueryNode, text = 'x'.repeat(20)): ParsedQuery => ({ text, root, from: null, to: null });
  assert.throws(() => toFts5(tree({ kind: 'term', field: null, text: '-', prefix: false, start: 3, end: 4 })), (error: unknown) => error instanceof QuerySyntaxError && error.position === 3);
  assert.throws(() => toFts5(tree({ kind: 'phrase', field: 'body', text: "' '", prefix: false, start: 0, end: 1 })), QuerySyntaxError);
  assert.throws(() => toFts5(tree({ kind: 'filter', field: 'org', value: '&', start: 0, end: 1 })), QuerySyntaxError);
  refuses('person:"kim zzsep putin"', 0, 'a name without the word zzsep');
  refuses('a place:ZZSÉP', 2, 'zzsep');
  assert.equal(match('zzsep'), `${anywhere} : "zzsep"`);
});

// ---------------------------------------------------------------------------------------
// Against SQLite: the table as the archive makes it, and eight invented stories.

interface Row {
  headline: string;
  body: string;
  slug: string;
  agency: string;
  person: string;
  org: string;
  place: string;
  lang: string;
  priority: string;
  status: string;
  flags: string;
}

const stories: Row[] = [
  {
    headline: 'Valdoran court upholds sanctions on shipping firm',
    body: 'The Valdoran high court upheld sanctions against Korvik Lines on Tuesday.',
    slug: 'VALDORA-COURT',
    agency: 'wirex',
    person: 'elsa marrin zzsep tomas brekke',
    org: 'korvik lines',
    place: 'valdora',
    lang: 'en',
    priority: 'urgent',
    status: 'usable',
    flags: 'quotes',
  },
  {
    headline: 'Storm floods harbour in Port Selwyn',
    body: 'Heavy rain flooded the harbour. Sanctioned vessels were moored nearby.',
    slug: 'STORM-SELWYN',
    agency: 'wirex',
    person: 'tomas brekke',
    org: '',
    place: 'port selwyn zzsep valdora',
    lang: 'en',
    priority: 'flash',
    status: 'usable',
    flags: 'damage',
  },
  {
    headline: 'Chess champion Marrin Tomas retires',
    body: 'Marrin Tomas, 41, played his last game in Osterby.',
    slug: 'CHESS-MARRIN',
    agency: 'nordpress',
    person: 'marrin tomas',
    org: '',
    place: 'osterby',
    lang: 'en',
    priority: 'routine',
    status: 'usable',
    flags: '',
  },
  {
    headline: 'Zoë Müller named envoy to Valdora',
    body: 'Zoë Müller, a former diplomat, will lead the talks.',
    slug: 'ENVOY-MULLER',
    agency: 'nordpress',
    person: 'zoë müller',
    org: 'foreign ministry',
    place: 'valdora',
    lang: 'de',
    priority: 'routine',
    status: 'usable',
    flags: '',
  },
  {
    headline: 'Football: Osterby wins cup',
    body: 'Osterby beat Port Selwyn 2-1 in a final that kicked off at 10:30 local time.',
    slug: 'SPORT-CUP',
    agency: 'wirex',
    person: '',
    org: 'osterby fc',
    place: 'osterby zzsep port selwyn',
    lang: 'en',
    priority: 'routine',
    status: 'usable',
    flags: '',
  },
  {
    headline: 'Weather: heatwave in Valdora',
    body: 'Temperatures rose to 41 degrees. "It is unbearable," said one resident.',
    slug: 'WEATHER-HEAT',
    agency: 'meteo',
    person: '',
    org: '',
    place: 'valdora',
    lang: 'en',
    priority: 'deferred',
    status: 'usable',
    flags: 'quotes',
  },
  {
    headline: "U.S. envoy's visit withheld",
    body: 'The U.S. envoy\'s trip was put off; AT&T engineers wrote "a" AND (b on the board.',
    slug: 'US-ENVOY',
    agency: 'wirex',
    person: 'dana kole',
    org: 'at&t',
    place: '',
    lang: 'en',
    priority: 'bulletin',
    status: 'withheld',
    flags: '',
  },
  {
    headline: 'Sanctions bite Korvik exporters',
    body: 'Exporters at Korvik reported losses; sanctions cost them dearly.',
    slug: 'KORVIK-TRADE',
    agency: 'nordpress',
    person: 'elsa marrin',
    org: 'korvik lines zzsep trade board',
    place: 'korvik',
    lang: 'fr',
    priority: 'routine',
    status: 'canceled',
    flags: 'damage quotes',
  },
];

function archive(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE search USING fts5(${fts5Columns.join(', ')}, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')`);
  const insert = db.prepare(`INSERT INTO search (rowid, ${fts5Columns.join(', ')}) VALUES (?, ${fts5Columns.map((column) => `@${column}`).join(', ')})`);
  stories.forEach((story, index) => insert.run(index + 1, story));
  return db;
}

/** The rowids a compiled query selects, in order: the match, or every row but the exclude. */
function rowids(db: Database.Database, fts: Fts5Query): number[] {
  const rows =
    fts.match !== null
      ? db.prepare('SELECT rowid FROM search WHERE search MATCH ? ORDER BY rowid').all(fts.match)
      : fts.exclude !== null
        ? db.prepare('SELECT rowid FROM search WHERE rowid NOT IN (SELECT rowid FROM search WHERE search MATCH ?) ORDER BY rowid').all(fts.exclude)
        : db.prepare('SELECT rowid FROM search ORDER BY rowid').all();
  return (rows as { rowid: number }[]).map((row) => row.rowid);
}

test('finds exactly the expected stories in SQLite FTS5', () => {
  const db = archive();
  const cases: [query: string, expected: number[]][] = [
    // Words, case and diacritics.
    ['sanctions', [1, 8]],
    ['SANCTIONS', [1, 8]],
    ['muller', [4]],
    ['Müller zoe', [4]],
    ['valdora', [4, 6]],
    ['envoy', [4, 7]],
    // Prefixes, on words and at the end of phrases.
    ['sanction*', [1, 2, 8]],
    ['"port sel*"', [2, 5]],
    ['"court up"*', [1]],
    // Phrases.
    ['"port selwyn"', [2, 5]],
    ['"sanctions on"', [1]],
    ['"it is unbearable"', [6]],
    // Words with marks inside.
    ['10:30', [5]],
    ['U.S.', [7]],
    ["envoy's", [7]],
    ['"envoy’s visit"', [7]],
    ['at&t', [7]],
    // Boolean.
    ['valdora OR korvik', [1, 4, 6, 8]],
    ['valdora OR korvik -sanctions', [4, 6]],
    ['(valdora OR korvik) -heatwave', [1, 4, 8]],
    ['valdora AND weather', [6]],
    ['osterby NOT football', [3]],
    ['NOT valdora', [1, 2, 3, 5, 7, 8]],
    ['-osterby -valdora', [1, 2, 7, 8]],
    ['-(osterby OR valdora)', [1, 2, 7, 8]],
    ['NOT (valdora -heatwave)', [1, 2, 3, 5, 6, 7, 8]],
    ['korvik -(sanctions exporters)', [1]],
    // Headline and body.
    ['headline:valdora', [4, 6]],
    ['headline:sanctions', [1, 8]],
    ['body:valdoran', [1]],
    ['headline:harbour', [2]],
    ['headline:osterby', [5]],
    ['headline:(sanctions OR heatwave)', [1, 6, 8]],
    ['headline:(sanctions -korvik)', [1]],
    ['body:"marrin tomas"', [3]],
    // Names never run from one into the next.
    ['person:"marrin tomas"', [3]],
    ['"marrin tomas"', [3]],
    ['person:"tomas brekke"', [1, 2]],
    ['person:marrin', [1, 3, 8]],
    ['person:"brekke marrin"', []],
    ['person:"elsa marrin tomas"', []],
    ['org:"lines trade"', []],
    ['org:"trade board"', [8]],
    ['place:"selwyn valdora"', []],
    ['place:"port selwyn"', [2, 5]],
    ['place:valdora', [1, 2, 4, 6]],
    ['person:"zoe muller"', [4]],
    // Other filters.
    ['has:damage', [2, 8]],
    ['has:quotes', [1, 6, 8]],
    ['has:quotes -has:damage', [1, 6]],
    ['priority:flash OR priority:bulletin', [2, 7]],
    ['priority:(flash OR bulletin)', [2, 7]],
    ['status:withheld', [7]],
    ['status:canceled', [8]],
    ['lang:de', [4]],
    ['lang:en -agency:wirex', [3, 6]],
    ['agency:nordpress', [3, 4, 8]],
    ['slug:KORVIK-TRADE', [8]],
    ['slug:korvik', [8]],
    ['slug:(sport OR weather)', [5, 6]],
    // Text that is FTS5 syntax is only ever words.
    ['^valdora', [4, 6]],
    ['NEAR(valdora heatwave)', []],
    ['{headline}:valdora', []],
    ['"a" AND "b"', [7]],
    ['"AND (b"', [7]],
    // Only dates, or nothing: every story.
    ['from:2019', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['', [1, 2, 3, 4, 5, 6, 7, 8]],
  ];
  for (const [query, expected] of cases) {
    assert.deepEqual(rowids(db, compiled(query)), expected, query);
  }
  db.close();
});

test('refuses FTS5-looking text that does not parse with a QuerySyntaxError, never an SQLite error', () => {
  const db = archive();
  for (const query of ['"a" AND (b', 'col : ok', "'; DROP TABLE search; --", 'a OR "b', 'valdora*)', '* OR x', 'a:b', 'NEAR/2', '{headline body}: "x"']) {
    let caught: unknown = null;
    try {
      rowids(db, compiled(query));
    } catch (error) {
      caught = error;
    }
    if (caught !== null) assert.ok(caught instanceof QuerySyntaxError, `${query}: ${String(caught)}`);
  }
  // The table is still there and whole.
  assert.equal((db.prepare('SELECT count(*) AS n FROM search').get() as { n: number }).n, 8);
  assert.throws(() => compiled('"a" AND (b'), QuerySyntaxError);
  assert.throws(() => compiled('a:b'), QuerySyntaxError);
  assert.deepEqual(rowids(db, compiled('NEAR/2')), []);
  db.close();
});

test('compiles whatever parses into expressions SQLite FTS5 accepts', () => {
  const db = archive();
  const matches = db.prepare('SELECT count(*) AS n FROM search WHERE search MATCH ?');
  const soup = fc
    .array(
      fc.constantFrom(
        'valdora',
        'Kim',
        'sanction*',
        '"port selwyn"',
        '"a b*"',
        ' ',
        ' ',
        '"',
        '“',
        '(',
        ')',
        '-',
        '*',
        ':',
        'AND',
        'OR',
        'NOT',
        'NEAR',
        '{',
        '}',
        '^',
        'person:',
        'headline:',
        'has:damage',
        'from:2019',
        'lang:en',
        '10:30',
        "'",
        'é',
        '\0',
        '+',
      ),
      { maxLength: 14 },
    )
    .map((parts) => parts.join(''));
  const halves = fc.string({ unit: fc.nat(0xffff).map((code) => String.fromCharCode(code)), maxLength: 30 });
  const anything = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 }), halves, soup, soup);
  let compiledCount = 0;
  fc.assert(
    fc.property(anything, (text) => {
      let fts: Fts5Query;
      try {
        fts = toFts5(parseQuery(text));
      } catch (error) {
        if (error instanceof QuerySyntaxError) return;
        throw error;
      }
      compiledCount += 1;
      assert.ok(fts.match === null || fts.exclude === null, 'never both a match and an exclude');
      if (fts.match !== null) matches.get(fts.match);
      if (fts.exclude !== null) matches.get(fts.exclude);
    }),
    { numRuns: 3000 },
  );
  // Enough of the random queries parse for the check to mean something.
  assert.ok(compiledCount > 300, `${compiledCount} queries compiled`);
  db.close();
});
