import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ParseError } from '../errors.js';
import { SourceFile } from '../source/source-file.js';
import type { Story } from '../story/story.js';
import { filesUnder, sharedData, skipWithout } from '../testing/shared-data.js';
import { parseSource } from './index.js';

// Every file of real agency copy we hold, read with format detection, as a desk
// would receive it: each must give stories with a headline and a body, or be refused
// as not a text story. Anything else is a defect, unless listed here with the reason
// no reader of ours takes it.
const notWireCopy: Record<string, string> = {
  'iptc/newsml-g2/examples/NewsML-G2_2.24-spec-All-Core.xsd': 'an XML Schema, not a news item',
  'iptc/newsml-g2/examples/nitf-3-6-ruby-include.xsd': 'an XML Schema, not a news item',
  'iptc/newsml-g2/examples/nitf-3-6.xsd': 'an XML Schema, not a news item',
  'iptc/newsml-g2/examples/xml.xsd': 'an XML Schema, not a news item',
  'iptc/ninjs/examples/2.1/schema-extension/extension-schema.json': 'a JSON Schema, not a news item',
  'agency/core/upload_from_url_mock.json': "a newsroom system's upload request, not a news item",
  'agency/core/ninjs4_mock.json': "a newsroom system's test mock, not a news item",
};

const folders = ['agency', 'iptc/newsml-g2/examples', 'iptc/ninjs/examples'];

interface Outcome {
  file: string;
  format: string;
  result: 'stories' | 'not text' | 'refused' | 'empty' | 'crash';
  detail: string;
}

function readOne(path: string): Outcome {
  const file = relative(sharedData, path);
  try {
    const { format, stories } = parseSource(new SourceFile(readFileSync(path), { name: file }));
    // A kill withdraws a story: it may rightly carry no body of its own; a body lost on
    // the way is explained by damage the story carries (`truncated`, outside the body).
    const explained = (story: Story) => story.signal === 'kill' || story.damage.some((each) => each.kind === 'truncated' && each.block === null);
    const empty = stories.filter((story) => !story.headline || (story.body.length === 0 && !explained(story)));
    if (stories.length === 0 || empty.length > 0) {
      return { file, format, result: 'empty', detail: `${empty.length} of ${stories.length} without headline or body` };
    }
    return { file, format, result: 'stories', detail: String(stories.length) };
  } catch (error) {
    if (!(error instanceof ParseError)) return { file, format: '?', result: 'crash', detail: String(error) };
    // Refusals that say the item holds no text story: a picture, a package, an item whose text is elsewhere.
    const notText = error.diagnostics.some((message) =>
      /\/(?:not-text|no-copy|no-text-item|empty-message|remote-content|fragment)$/.test(message.rule),
    );
    return { file, format: error.reader, result: notText ? 'not text' : 'refused', detail: error.message };
  }
}

let outcomes: Outcome[] | null = null;

function readAll(): Outcome[] {
  outcomes ??= folders.flatMap((folder) => filesUnder(join(sharedData, folder))).map(readOne);
  return outcomes;
}

test('reads every real agency file without crashing, and prints what each format made of them', { skip: skipWithout('agency') }, (t) => {
  const all = readAll();
  const table = new Map<string, Record<string, number>>();
  for (const outcome of all) {
    const row = table.get(outcome.format) ?? {};
    row[outcome.result] = (row[outcome.result] ?? 0) + 1;
    table.set(outcome.format, row);
  }
  t.diagnostic(`${all.length} files`);
  for (const [format, row] of [...table].sort()) t.diagnostic(`${format.padEnd(14)} ${JSON.stringify(row)}`);
  for (const outcome of all) {
    if (outcome.result === 'not text') t.diagnostic(`not text: ${outcome.file}: ${outcome.detail}`);
  }
  assert.deepEqual(
    all.filter((outcome) => outcome.result === 'crash').map((outcome) => `${outcome.file}: ${outcome.detail}`),
    [],
  );
});

test(
  'reads every real agency file into stories with a headline and a body, or refuses it as not a text story',
  { skip: skipWithout('agency') },
  (t) => {
    const defects = readAll().filter(
      (outcome) => outcome.result === 'empty' || (outcome.result === 'refused' && !(outcome.file in notWireCopy)),
    );
    for (const defect of defects) t.diagnostic(`${defect.file}: ${defect.result}: ${defect.detail.slice(0, 160)}`);
    assert.deepEqual(defects.length, 0);
  },
);
