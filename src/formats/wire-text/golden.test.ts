import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import type { Story } from '../../story/story.js';
import { parseWireText } from './parse.js';

// One fixture per wire convention, with the whole Story a person worked out by hand
// (see fixtures/README.md). Damage details and diagnostic messages are prose, so the
// goldens keep only their kinds and rules. `UPDATE=1` rewrites the goldens from the
// reader's output: review the diff before committing it.
const fixtures = new URL('./fixtures/', import.meta.url);
const names = readdirSync(fixtures)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.slice(0, -4));

function comparable(story: Story): unknown {
  return {
    ...story,
    damage: story.damage.map((damage) => ({ ...damage, detail: '' })),
    diagnostics: story.diagnostics.map(({ severity, rule }) => ({ severity, rule })),
  };
}

for (const name of names) {
  test(`reads fixtures/${name}.txt as its golden says`, () => {
    const bytes = readFileSync(new URL(`${name}.txt`, fixtures));
    const story = parseWireText(new SourceFile(bytes, { name: `fixtures/${name}.txt` }));
    const goldenUrl = new URL(`${name}.golden.json`, fixtures);
    if (process.env.UPDATE === '1') {
      writeFileSync(goldenUrl, JSON.stringify(comparable(story), null, 2) + '\n');
    }
    const golden: unknown = JSON.parse(readFileSync(goldenUrl, 'utf8'));
    assert.deepStrictEqual(comparable(story), golden);
  });
}

test('has a golden for every fixture and a fixture for every golden', () => {
  const goldens = readdirSync(fixtures)
    .filter((name) => name.endsWith('.golden.json'))
    .map((name) => name.slice(0, -'.golden.json'.length));
  assert.deepStrictEqual(goldens.sort(), [...names].sort());
  assert.ok(names.length >= 14, `only ${names.length} fixtures`);
});
