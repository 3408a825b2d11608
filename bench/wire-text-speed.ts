/**
 * How fast the wire-text reader reads real copy, against the floor of merely
 * decoding the same bytes and splitting them into lines.
 *
 * The copy is Reuters-21578: every story's DATELINE + BODY as plain wire text, each
 * its own input, as a desk would receive them. Both sides read the same buffers in
 * the same run; each round times all of them, and the median of the rounds counts.
 * Target: the reader within 4× of the floor.
 *
 * Run: `npm run bench:wire-text` (it builds first). Prints a table and writes `bench/results/wire-text-speed.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { parseWireText as parseWireTextType } from '../src/formats/wire-text/parse.js';
import type { SourceFile as SourceFileType } from '../src/source/source-file.js';
import { datelineCopy, reutersCorpusFiles, reutersCorpusStories } from './reuters-corpus.js';

export interface SpeedResult {
  stories: number;
  megabytes: number;
  rounds: number;
  /** Median throughput of the floor: decode as UTF-8 and split into lines. */
  floorMBps: number;
  /** Median throughput of `parseWireText` on the same inputs. */
  readerMBps: number;
  /** floorMBps / readerMBps: how many times slower than the floor the reader is. */
  ratio: number;
}

/** The inputs: each Reuters story with a DATELINE as UTF-8 bytes. */
export function loadInputs(limit = Infinity): Buffer[] | null {
  const files = reutersCorpusFiles();
  if (!files) return null;
  const inputs: Buffer[] = [];
  for (const { record } of reutersCorpusStories(files)) {
    const copy = datelineCopy(record);
    if (copy !== null) inputs.push(Buffer.from(copy, 'utf8'));
    if (inputs.length >= limit) break;
  }
  return inputs;
}

// The reader as it ships: the build's output (`npm run build`), not the TypeScript
// run through a loader; typed from the sources it was built from.
const { parseWireText } = (await import(new URL('../dist/src/formats/wire-text/parse.js', import.meta.url).href)) as {
  parseWireText: typeof parseWireTextType;
};
const { SourceFile } = (await import(new URL('../dist/src/source/source-file.js', import.meta.url).href)) as {
  SourceFile: typeof SourceFileType;
};

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The floor: what any reader must do at the least. Returns a checksum so the work is not optimised away. */
function floor(inputs: Buffer[]): number {
  let lines = 0;
  for (const bytes of inputs) lines += decoder.decode(bytes).split(/\r\n|\r|\n/).length;
  return lines;
}

function reader(inputs: Buffer[]): number {
  let blocks = 0;
  for (const bytes of inputs) blocks += parseWireText(new SourceFile(bytes, { name: 'reuters.txt' })).body.length;
  return blocks;
}

function time(work: () => number): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Times floor and reader in alternating rounds over the same inputs. */
export function measure(inputs: Buffer[], rounds = 11): SpeedResult {
  const bytes = inputs.reduce((sum, input) => sum + input.length, 0);
  const megabytes = bytes / 1e6;
  // Warm both paths (the reader loads its word list on the first line-end hyphen).
  floor(inputs);
  reader(inputs);
  const floorTimes: number[] = [];
  const readerTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    floorTimes.push(time(() => floor(inputs)));
    readerTimes.push(time(() => reader(inputs)));
  }
  const floorMBps = megabytes / median(floorTimes);
  const readerMBps = megabytes / median(readerTimes);
  return { stories: inputs.length, megabytes, rounds, floorMBps, readerMBps, ratio: floorMBps / readerMBps };
}

async function main(): Promise<void> {
  const inputs = loadInputs();
  if (!inputs) {
    console.log('needs ../shared/data/reuters21578, which is absent: nothing measured');
    return;
  }
  const result = measure(inputs);
  console.table({
    'stories (inputs)': result.stories,
    'megabytes per round': result.megabytes.toFixed(2),
    'floor: decode + split lines (MB/s)': result.floorMBps.toFixed(1),
    'wire-text reader (MB/s)': result.readerMBps.toFixed(1),
    'reader is slower than the floor by': `${result.ratio.toFixed(2)}×`,
    'target': '≤ 4×',
  });
  const results = new URL('./results/', import.meta.url);
  mkdirSync(results, { recursive: true });
  writeFileSync(
    new URL('wire-text-speed.json', results),
    JSON.stringify({ benchmark: 'wire-text-speed', date: new Date().toISOString(), node: process.version, ...result }, null, 2) + '\n',
  );
  console.log('Wrote bench/results/wire-text-speed.json');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
