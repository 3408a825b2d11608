import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyWith } from '../../testing/story.js';
import { identifyLanguage } from './language.js';

const story = (headline: string, ...paragraphs: string[]) =>
  storyWith({ headline, body: paragraphs.map((text, index) => ({ kind: 'paragraph' as const, text, line: index + 1, take: 1 })) });

test('identifies the language of the copy among the languages agencies file in, as a two-letter code', () => {
  const codes = [
    story('Council approves the new harbour bridge', 'The invented town council voted on Monday to build a bridge over the harbour, its mayor said.'),
    story('Byrådet godkender ny havnebro', 'Det opdigtede byråd stemte mandag for at bygge en bro over havnen, siger borgmesteren til nyhedsbureauet.'),
    story('Kaupunginvaltuusto hyväksyi uuden sillan', 'Keksitty kaupunginvaltuusto äänesti maanantaina sillan rakentamisesta sataman yli, kertoo pormestari.'),
    story('Stadtrat billigt neue Hafenbrücke', 'Der erfundene Stadtrat hat am Montag beschlossen, eine Brücke über den Hafen zu bauen, sagte der Bürgermeister.'),
    story('Le conseil approuve le nouveau pont', 'Le conseil municipal a voté lundi la construction d’un pont au-dessus du port, a déclaré le maire de la ville.'),
  ].map((each) => identifyLanguage(each)?.code);
  assert.deepStrictEqual(codes, ['en', 'da', 'fi', 'de', 'fr']);
});

test('says nothing when the text is too short to tell, and leaves tables out', () => {
  assert.equal(identifyLanguage(story('Flash')), null);
  const table = storyWith({ headline: 'Results', body: [{ kind: 'preformatted', text: 'Team A 3 2 1\nTeam B 1 0 0', line: 1, take: 1 }] });
  assert.equal(identifyLanguage(table), null);
});

test('gives a confidence between 0 and 1', () => {
  const found = identifyLanguage(story('Council approves the new harbour bridge', 'The invented town council voted on Monday to build a bridge over the harbour.'))!;
  assert.ok(found.confidence > 0 && found.confidence <= 1, String(found.confidence));
});

test('gives no language for a line too short for trigrams to tell, even in a language they would know', () => {
  assert.equal(identifyLanguage(story('Brand i lejlighed på Nørrebro')), null);
  assert.equal(identifyLanguage(story('U.S. TAX WRITERS SEEK ESTATE TAX CURBS, RAISING 6.7 BILLION DLRS THRU 1991')), null);
  assert.equal(identifyLanguage(story('Brand i lejlighed på Nørrebro', 'En brand brød ud i nat i en lejlighed på fjerde sal på Nørrebro i København, og to beboere blev kørt på hospitalet, oplyser politiet til Ritzau.'))?.code, 'da');
});
