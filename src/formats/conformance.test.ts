import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { SourceFile } from '../source/source-file.js';
import type { Story } from '../story/story.js';
import { filesUnder, sharedData, sharedPath, skipWithout } from '../testing/shared-data.js';
import { formatById, parseSource, writerById } from './index.js';
import { iptcSchemas } from './ninjs/fixtures/shared-ninjs.js';
import { validateNinjs } from './ninjs/validate.js';

// Every story Slugline reads from the real copy we hold, whatever its format, written
// in each standard we write must be valid against that standard's official schema, and
// read back must keep what the story is.

let corpus: Story[] | null = null;

/** The stories of the agency files, the IPTC examples, the seed and our own fixtures. */
function stories(): Story[] {
  if (corpus) return corpus;
  const paths = ['agency', 'iptc/newsml-g2/examples', 'iptc/ninjs/examples', 'seed']
    .map(sharedPath)
    .filter((path): path is string => path !== null)
    .flatMap(filesUnder);
  const ours = fileURLToPath(new URL('../../', import.meta.url));
  paths.push(...filesUnder(fileURLToPath(new URL('./wire-text/fixtures/', import.meta.url))).filter((path) => path.endsWith('.txt')));
  corpus = [];
  for (const path of paths.sort()) {
    const name = path.startsWith(ours) ? relative(ours, path) : relative(sharedData, path);
    try {
      const { stories: read } = parseSource(new SourceFile(readFileSync(path), { name }));
      corpus.push(...read.filter((story) => story.headline && story.body.length > 0));
    } catch {
      // Refusals are the corpus test's business.
    }
  }
  return corpus;
}

/** What a round trip must keep, in comparable form. */
function essentials(story: Story) {
  const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  return {
    guid: story.guid,
    headline: words(story.headline),
    body: words(story.body.map((block) => block.text).join(' ')),
    byline: words(story.byline?.text),
    dateline: words(story.dateline?.place),
    revision: story.revision,
    embargo: story.embargo?.until ? Date.parse(story.embargo.until) : null,
    status: story.status,
  };
}

const xsds = {
  nitf: 'iptc/newsml-g2/examples/nitf-3-6.xsd',
  'newsml-g2': 'iptc/newsml-g2/specification/NewsML-G2_2.35-spec-All-Power.xsd',
} as const;

function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

/** Differences between each story and what reading it back gave, one line each. */
function differences(pairs: [Story, Story][]): string[] {
  const changed: string[] = [];
  for (const [story, back] of pairs) {
    const before = essentials(story);
    const after = essentials(back);
    for (const key of Object.keys(before) as (keyof typeof before)[]) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
        changed.push(`${story.source.file}: ${key}: ${JSON.stringify(before[key]).slice(0, 80)} → ${JSON.stringify(after[key]).slice(0, 80)}`);
      }
    }
  }
  return changed;
}

const roundTrips = new Map<string, [Story, Story][]>();

for (const [format, xsd] of Object.entries(xsds)) {
  test(`writes every story of the corpus as ${format} valid against IPTC's XSD`, {
    skip: skipWithout(xsd) || (xmllintAvailable() ? false : 'needs xmllint (Debian libxml2-utils), which is absent: skipped'),
  }, (t) => {
    const writer = writerById(format)!;
    const reader = formatById(format)!;
    const folder = mkdtempSync(join(tmpdir(), `slugline-${format}-`));
    const all = stories();
    const files = all.map((story, index) => {
      const path = join(folder, `${index}.xml`);
      writeFileSync(path, writer.serialize([story]));
      return path;
    });
    const lint = spawnSync('xmllint', ['--noout', '--schema', sharedPath(xsd)!, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    t.diagnostic(`${files.length} stories written as ${format}`);
    assert.equal(lint.status, 0, lint.stderr.split('\n').filter((line) => !line.endsWith(' validates')).slice(0, 20).join('\n'));
    roundTrips.set(
      format,
      all.map((story, index) => [story, reader.parse(new SourceFile(readFileSync(files[index]!), { name: files[index]! }))[0]!]),
    );
  });
}

test("writes every story of the corpus as ninjs valid against IPTC's 2.2 schema", { skip: skipWithout('iptc/ninjs/specification') }, () => {
  const schemas = iptcSchemas()!;
  const reader = formatById('ninjs')!;
  const invalid: string[] = [];
  const pairs: [Story, Story][] = [];
  for (const story of stories()) {
    const json = writerById('ninjs')!.serialize([story]);
    const validation = validateNinjs(json, '2.2', schemas, { formats: true });
    if (!validation.valid) invalid.push(`${story.source.file}: ${JSON.stringify(validation.problems.slice(0, 2))}`);
    pairs.push([story, reader.parse(new SourceFile(Buffer.from(json), { name: 'back.json' }))[0]!]);
  }
  roundTrips.set('ninjs', pairs);
  assert.deepEqual(invalid, []);
});

test(
  'reads back from ninjs, NITF and NewsML-G2 the guid, headline, body, byline, dateline, revision, embargo and status it wrote',
  { skip: skipWithout('agency') },
  (t) => {
    const changed = [...roundTrips]
      .flatMap(([format, pairs]) => differences(pairs).map((line) => `${format}: ${line}`))
      // NewsML-G2 cannot say "no version" or "version 0": its versions count from 1.
      .filter((line) => !/^newsml-g2: .*: revision: (?:null|0) → 1$/.test(line));
    for (const line of changed.slice(0, 60)) t.diagnostic(line);
    assert.equal(changed.length, 0, `${changed.length} differences`);
  },
);
