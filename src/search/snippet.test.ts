import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from './query.js';
import { rankTerms } from './rank.js';
import { snippetOf } from './snippet.js';

const snippet = (text: string, query: string, size?: number) => snippetOf(text, rankTerms(parseQuery(query)), size);

test('snippetOf marks each occurrence, a phrase as one stretch, in the text as written', () => {
  assert.equal(snippet('The ferry sailed at dawn. The Ferry sank.', 'ferry'), 'The «ferry» sailed at dawn. The «Ferry» sank.');
  assert.equal(snippet('The invented harbour flooded badly.', '"flooded badly"'), 'The invented harbour «flooded badly».');
  assert.equal(snippet('Sanctions and sanctioned, not sanity.', 'sanction*'), '«Sanctions» and «sanctioned», not sanity.');
  assert.equal(snippet('Señor Pérez spoke.', 'perez'), 'Señor «Pérez» spoke.');
});

test('snippetOf takes the stretch with the most different words, with a little before it, and marks what it leaves out', () => {
  const filler = (count: number, word = 'filler') => Array.from({ length: count }, () => word).join(' ');
  const text = `${filler(40)} ferry ${filler(40)} ferry pier strike ${filler(40)}`;
  const made = snippet(text, 'ferry pier strike', 10);
  assert.equal(made, '…filler filler filler «ferry» «pier» «strike» filler filler filler filler…');
  assert.equal(snippet(`ferry ${filler(30)}`, 'ferry', 5), '«ferry» filler filler filler filler…');
  assert.equal(snippet(`${filler(30)} ferry`, 'ferry', 5), '…filler filler filler filler «ferry»');
});

test('snippetOf looks through the opening of a very long text only', () => {
  const long = `${'Opening words here. '.repeat(2000)}The ferry sank.`;
  assert.equal(snippet(long, 'ferry', 3), 'Opening words here…');
  assert.equal(snippet('The ferry sank.', 'ferry', 3), 'The «ferry» sank.');
});

test('snippetOf without words to mark gives the opening of the text', () => {
  assert.equal(snippet('One two three four five six.', 'person:kim', 3), 'One two three…');
  assert.equal(snippet('One two.', 'absent', 5), 'One two.');
  assert.equal(snippet('', 'ferry'), '');
});
