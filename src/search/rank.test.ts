import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { reutersCorpusFiles, skipWithoutReuters } from '../../bench/reuters-corpus.js';
import { parseSource } from '../formats/index.js';
import { SourceFile } from '../source/source-file.js';
import { parseQuery } from './query.js';
import { containsTerm, countTerm, foldText, inverseDocumentFrequency, rankTerms, readVarints, scoreDocuments } from './rank.js';
import type { RankDocument } from './rank.js';

const terms = (query: string) => rankTerms(parseQuery(query));

function scores(query: string, documents: RankDocument[], idf?: number[]): number[] {
  const found = terms(query);
  const average = documents.reduce((sum, each) => sum + each.length, 0) / documents.length;
  return scoreDocuments(documents, found, idf ?? found.map(() => 1), average).map((each) => each.score);
}

/** A document to rank, its length in tokens counted as FTS5 would. */
const doc = (rowid: number, headline: string, body: string): RankDocument => ({ rowid, headline, body, length: `${headline} ${body}`.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length });

test('rankTerms keeps the words and phrases looked for, not those left out or the filters', () => {
  const found = terms('"North Korea" sanction* -sport person:kim (talks OR summit) headline:Putin talks NOT "trade war"');
  assert.deepEqual(
    found.map((term) => [term.tokens.join(' '), term.prefix, term.field]),
    [
      ['north korea', false, null],
      ['sanction', true, null],
      ['talks', false, null],
      ['summit', false, null],
      ['putin', false, 'headline'],
    ],
  );
  assert.equal(found[1]!.match, '{headline body} : "sanction" *');
  assert.equal(found[4]!.match, '{headline} : "putin"');
  assert.deepEqual(terms('person:kim slug:BFF-20'), []);
});

test('scoreDocuments counts whole words, phrases across punctuation and line breaks, and prefixes', () => {
  const documents = [doc(1, '', 'Koreans met.'), doc(2, '', 'North\nKorea and north-korea met.'), doc(3, '', 'Korea met Korea.')];
  const korea = scores('korea', documents);
  assert.equal(korea[0], 0, 'Koreans is not the word korea');
  assert.ok(korea[2]! > 0 && korea[1]! > 0);
  const phrase = scores('"north korea"', documents);
  assert.deepEqual(phrase.map((score) => score > 0), [false, true, false]);
  assert.ok(scores('korea*', documents)[0]! > 0, 'a prefix finds Koreans');
});

test('countTerm finds whole tokens in a row, the last maybe a prefix, whatever separates them', () => {
  const count = (text: string, tokens: string[], prefix = false) => countTerm(foldText(text), { tokens, prefix });
  assert.equal(count('There, the other; THE end', ['the']), 2);
  assert.equal(count('Kim-Jong Un met kim jong-un, not kim jongun', ['kim', 'jong', 'un']), 2);
  assert.equal(count('sanctions, sanctioned and sanction', ['sanction'], true), 3);
  assert.equal(count('sanctions, sanctioned and sanction', ['sanction']), 1);
  assert.equal(count('north koreans and north korea', ['north', 'kor'], true), 2);
  assert.equal(count('Ölkorea, 日本korea, 🇰korea', ['korea']), 1, 'a letter before (ASCII or not) joins the token; a flag does not');
  assert.equal(count('Café CAFÉ cafe', ['cafe']), 3);
});

test('scoreDocuments folds case and diacritics as the index does', () => {
  assert.equal(foldText('Pérez MÜLLER'), 'perez muller');
  assert.ok(scores('perez', [doc(1, '', 'Señor Pérez spoke.')])[0]! > 0);
  assert.ok(scores('pérez', [doc(1, '', 'Senor PEREZ spoke.')])[0]! > 0);
});

test('scoreDocuments is BM25: more occurrences, the headline, shorter stories and rarer words score higher', () => {
  const [once, twice] = scores('ferry', [doc(1, '', 'The ferry sailed to the island at dawn.'), doc(2, '', 'The ferry sailed to the ferry pier at dawn.')]);
  assert.ok(twice! > once!);
  const [inBody, inHeadline] = scores('ferry', [doc(1, 'Island news', 'The ferry sailed.'), doc(2, 'Ferry news', 'The boat sailed.')]);
  assert.ok(inHeadline! > inBody!);
  const [short, long] = scores('ferry', [doc(1, '', 'The ferry sailed.'), doc(2, '', 'The ferry sailed to the island at dawn with a hundred people aboard.')]);
  assert.ok(short! > long!);
  const [common, rare] = scores('ferry pier', [doc(1, '', 'A ferry.'), doc(2, '', 'A pier.')], [0.1, 2]);
  assert.ok(rare! > common!);
  assert.ok(inverseDocumentFrequency(10, 1000) > inverseDocumentFrequency(100, 1000));
  assert.equal(inverseDocumentFrequency(900, 1000), 1e-6, 'a word in most documents still counts, a little');
});

test('readVarints reads SQLite varints of one to nine bytes', () => {
  assert.deepEqual(readVarints(new Uint8Array([0x05, 0x81, 0x00, 0x7f, 0x82, 0x80, 0x01])), [5, 128, 127, 32769]);
  assert.deepEqual(readVarints(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), [2 ** 64 - 1]);
  assert.deepEqual(readVarints(new Uint8Array([])), []);
});

test('containsTerm finds a term in its column only, whole or as a prefix', () => {
  const [headline, body, prefix] = terms('headline:putin body:putin puti*');
  const story = doc(1, 'Putin speaks', 'Nothing more.');
  assert.equal(containsTerm(story, headline!), true);
  assert.equal(containsTerm(story, body!), false);
  assert.equal(containsTerm(story, prefix!), true);
  assert.equal(containsTerm(doc(2, 'Putting', 'green'), terms('putin')[0]!), false);
});

test('scoreDocuments limits a term to its column', () => {
  const documents = [doc(1, 'Putin speaks', 'Nothing more.'), doc(2, 'Nothing more', 'Putin speaks.')];
  assert.deepEqual(scores('headline:putin', documents).map((score) => score > 0), [true, false]);
  assert.deepEqual(scores('body:putin', documents).map((score) => score > 0), [false, true]);
});

test('BM25 here ranks Reuters stories as FTS5 bm25() does', { skip: skipWithoutReuters }, () => {
  const files = reutersCorpusFiles()!;
  const stories = parseSource(new SourceFile(readFileSync(files[0]!), { name: files[0]! })).stories;
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE search USING fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO search (rowid, headline, body) VALUES (?, ?, ?)');
  const documents = stories.map((story, index) => doc(index + 1, story.headline ?? '', story.body.map((block) => block.text).join('\n')));
  for (const each of documents) insert.run(each.rowid, each.headline, each.body);
  // The lengths FTS5 keeps, and its average: what a store reads.
  for (const row of db.prepare('SELECT id, sz FROM search_docsize').all() as { id: number; sz: Buffer }[]) {
    documents[row.id - 1]!.length = readVarints(row.sz).reduce((sum, size) => sum + size, 0);
  }
  const [rows, ...columns] = readVarints((db.prepare('SELECT block FROM search_data WHERE id = 1').get() as { block: Buffer }).block);
  const average = columns.reduce((sum, size) => sum + size, 0) / rows!;
  const count = db.prepare('SELECT count(*) AS n FROM search WHERE search MATCH ?');
  for (const query of ['coffee', 'oil prices', 'crude oil', '"interest rates"', 'bank* loans', 'headline:gold']) {
    const found = terms(query);
    const match = found.map((term) => term.match).join(' AND ');
    const theirs = (db.prepare('SELECT rowid FROM search WHERE search MATCH ? ORDER BY bm25(search, 4.0, 1.0) LIMIT 10').all(match) as { rowid: number }[]).map((row) => row.rowid);
    const matching = new Set((db.prepare('SELECT rowid FROM search WHERE search MATCH ?').all(match) as { rowid: number }[]).map((row) => row.rowid));
    const idf = found.map((term) => inverseDocumentFrequency((count.get(term.match) as { n: number }).n, documents.length));
    const ours = scoreDocuments(documents.filter((each) => matching.has(each.rowid)), found, idf, average)
      .sort((left, right) => right.score - left.score || left.rowid - right.rowid)
      .slice(0, 10)
      .map((each) => each.rowid);
    assert.ok(theirs.length >= 5, `${query}: FTS5 finds enough to compare`);
    assert.deepEqual(ours, theirs, query);
  }
});
