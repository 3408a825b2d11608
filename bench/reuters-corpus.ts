/**
 * Reuters-21578 for evaluations: where the corpus lives and its stories' raw fields.
 * The corpus is test data only (see ../shared/data/README.md): it is read in place and
 * never copied into the repository.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dropFraming } from '../src/formats/reuters-sgml/grammar.js';
import { readReutersRecords } from '../src/formats/reuters-sgml/parse.js';
import type { ReutersRecord } from '../src/formats/reuters-sgml/parse.js';
import { decodeText } from '../src/source/decode.js';
import { sharedPath, skipWithout } from '../src/testing/shared-data.js';

/** A `skip` value for node:test: false with the corpus present, else the notice to show. */
export const skipWithoutReuters = skipWithout('reuters21578');

/** The corpus files (`reut2-000.sgm` …) as paths, in order; null when the corpus is absent. */
export function reutersCorpusFiles(): string[] | null {
  const folder = sharedPath('reuters21578');
  if (folder === null) return null;
  const names = readdirSync(folder)
    .filter((name) => /^reut2-\d{3}\.sgm$/.test(name))
    .sort();
  return names.length === 0 ? null : names.map((name) => join(folder, name));
}

/** The corpus files for a benchmark, or null after saying the benchmark is skipped without them. */
export function benchmarkCorpusFiles(): string[] | null {
  const files = reutersCorpusFiles();
  if (files === null) console.log('needs ../shared/data/reuters21578: skipped');
  return files;
}

/** One story of the corpus: the file it is in and its fields as the SGML gives them. */
export interface CorpusStory {
  /** File name, without folder (`reut2-000.sgm`). */
  file: string;
  record: ReutersRecord;
}

/** Every story of the corpus files, in file order. */
export function* reutersCorpusStories(files: readonly string[]): Generator<CorpusStory> {
  for (const path of files) {
    const file = basename(path);
    for (const record of readReutersRecords(decodeText(readFileSync(path)).text).records) yield { file, record };
  }
}

/**
 * The plain wire text of a story with a `<DATELINE>`: DATELINE then BODY as the SGML
 * has them (references decoded), the framing (STX, ETX, `^M`) dropped. Null without
 * a DATELINE.
 */
export function datelineCopy(record: ReutersRecord): string | null {
  if (record.dateline === null) return null;
  return dropFraming(record.dateline.text + (record.body?.text ?? ''));
}

/**
 * The place the corpus gives in a DATELINE: the words before its first comma
 * (`    SALVADOR, Feb 26 - ` → `SALVADOR`), or, in a DATELINE with no comma, the
 * words before its closing dash (`    TOKYO - ` → `TOKYO`).
 */
export function goldPlace(dateline: string): string {
  const comma = dateline.indexOf(',');
  if (comma !== -1) return dateline.slice(0, comma).trim();
  return dateline.replace(/\s*[-–—_]+\s*$/, '').trim();
}
