import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { Block } from '../src/story/story.js';
import { goldPlace, reutersCorpusFiles, skipWithoutReuters } from './reuters-corpus.js';
import { cliPath, endsWithReuter, evaluateReutersDatelines, summaryRows } from './reuters-datelines.js';

const skipWithoutCli = existsSync(cliPath) ? false : 'needs the built CLI, dist/src/cli/main.js (run npm run build): skipped';

function paragraph(text: string): Block {
  return { kind: 'paragraph', text, line: 1, take: 1 };
}

test('takes the gold place before the first comma, or before the dash when there is none', () => {
  assert.deepEqual(
    ['    SALVADOR, Feb 26 - ', '    PORTLAND, Ore., Feb 26 -\n    ', '    TOKYO - ', ' NEW YORK, March 2-'].map(goldPlace),
    ['SALVADOR', 'PORTLAND', 'TOKYO', 'NEW YORK'],
  );
});

test('counts the Reuter sign-off left in a body, but not a sentence that names Reuters', () => {
  assert.equal(endsWithReuter([paragraph('Prices rose.'), paragraph('REUTER')]), true);
  assert.equal(endsWithReuter([paragraph('Prices rose, he said. Reuter')]), true);
  assert.equal(endsWithReuter([paragraph('Prices rose, he said. REUTER...')]), true);
  assert.equal(endsWithReuter([paragraph('Prices rose, a trader told Reuters.')]), false);
  assert.equal(endsWithReuter([paragraph('Prices rose.')]), false);
  assert.equal(endsWithReuter([]), false);
});

test(
  'reads at least 99% of Reuters-21578 datelines through `slugline parse --from wire-text`, leaving no Reuter in a body',
  { skip: skipWithoutReuters || skipWithoutCli },
  async (t) => {
    const result = await evaluateReutersDatelines({ files: reutersCorpusFiles()! });
    for (const [label, value] of summaryRows(result)) t.diagnostic(`${label}: ${value}`);
    for (const { newId, dateline, got } of result.mismatches) t.diagnostic(`mismatch NEWID ${newId}: ${JSON.stringify(dateline)} → ${got ?? '(none)'}`);
    for (const { newId, last } of result.leftovers) t.diagnostic(`Reuter left in NEWID ${newId}: …${last}`);
    assert.equal(result.rejected, 0, `the CLI rejected files: ${result.errors.join(' | ')}`);
    assert.ok(result.matchedShare >= 0.99, `matched ${(result.matchedShare * 100).toFixed(2)}% of places, expected at least 99%`);
    assert.equal(result.reuterLeftovers, 0);
  },
);
