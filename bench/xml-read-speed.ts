/**
 * How fast the XML readers read real agency files, against a bare streaming XML
 * parser (saxes, the parser they are built on) merely walking the same bytes.
 *
 * For each XML format, every file under ../shared/data/agency and the IPTC examples
 * that the format's sniffer claims is read, in rounds: the bare walk (decode + saxes
 * with no handlers beyond counting elements) and the full reader (decode, parse into a
 * tree, map to Stories) alternate on the same buffers; the median of the rounds counts.
 * Target: each reader within 2× of the bare parser.
 *
 * Run: `npm run bench:xml` (it builds first). Writes `bench/results/xml-read-speed.json`
 * and adds the run to `bench/results/xml-read-speed-runs.json`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SaxesParser } from 'saxes';
import type { formatById as formatByIdType } from '../src/formats/index.js';
import type { SourceFile as SourceFileType } from '../src/source/source-file.js';
import { sharedPath } from '../src/testing/shared-data.js';

const { formatById } = (await import(new URL('../dist/src/formats/index.js', import.meta.url).href)) as {
  formatById: typeof formatByIdType;
};
const { SourceFile } = (await import(new URL('../dist/src/source/source-file.js', import.meta.url).href)) as {
  SourceFile: typeof SourceFileType;
};

export interface XmlSpeed {
  format: string;
  files: number;
  megabytes: number;
  bareMBps: number;
  readerMBps: number;
  /** bareMBps / readerMBps: how many times slower than the bare parser the reader is. */
  ratio: number;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : statSync(path).size > 0 ? [path] : [];
  });
}

/** The files a format's sniffer claims, as buffers. */
export function inputsOf(id: string): Buffer[] {
  const format = formatById(id);
  if (!format) return [];
  const folders = ['agency', 'iptc/newsml-g2/examples'].map(sharedPath).filter((path): path is string => path !== null);
  return folders
    .flatMap(filesUnder)
    .map((path) => readFileSync(path))
    .filter((bytes) => format.sniff(new SourceFile(bytes, { name: 'sniff' })).score >= 0.9);
}

const decoder = new TextDecoder();

/** The floor: decode and let saxes walk every token, counting elements. */
function bare(inputs: Buffer[]): number {
  let elements = 0;
  for (const bytes of inputs) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', () => elements++);
    parser.on('error', () => undefined);
    parser.write(decoder.decode(bytes)).close();
  }
  return elements;
}

function reader(id: string, inputs: Buffer[]): number {
  const format = formatById(id)!;
  let stories = 0;
  for (const bytes of inputs) {
    try {
      stories += format.parse(new SourceFile(bytes, { name: 'bench.xml' })).length;
    } catch {
      // A refusal (a picture, a package) costs what it costs; it is still reading.
    }
  }
  return stories;
}

function seconds(work: () => number): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  return [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
}

export function measure(id: string, inputs: Buffer[], rounds = 11): XmlSpeed {
  const megabytes = inputs.reduce((sum, input) => sum + input.length, 0) / 1e6;
  // Each round reads the files enough times to last a while.
  const repeat = Math.max(1, Math.ceil(2 / Math.max(megabytes, 0.001)));
  const many = Array.from({ length: repeat }, () => inputs).flat();
  bare(many);
  reader(id, many);
  const bareTimes: number[] = [];
  const readerTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    bareTimes.push(seconds(() => bare(many)));
    readerTimes.push(seconds(() => reader(id, many)));
  }
  const bareMBps = (megabytes * repeat) / median(bareTimes);
  const readerMBps = (megabytes * repeat) / median(readerTimes);
  return { format: id, files: inputs.length, megabytes, bareMBps, readerMBps, ratio: bareMBps / readerMBps };
}

async function main(): Promise<void> {
  const results: XmlSpeed[] = [];
  for (const id of ['nitf', 'newsml-g2']) {
    const inputs = inputsOf(id);
    if (inputs.length === 0) {
      console.log(`${id}: no reader or no files (needs ../shared/data and npm run build): skipped`);
      continue;
    }
    results.push(measure(id, inputs));
  }
  console.table(
    results.map((result) => ({
      format: result.format,
      files: result.files,
      'MB per pass': result.megabytes.toFixed(3),
      'saxes walk (MB/s)': result.bareMBps.toFixed(1),
      'reader (MB/s)': result.readerMBps.toFixed(1),
      'reader slower by': `${result.ratio.toFixed(2)}×`,
      target: '≤ 2×',
    })),
  );
  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  const run = { benchmark: 'xml-read-speed', date: new Date().toISOString(), node: process.version, results };
  writeFileSync(new URL('xml-read-speed.json', folder), JSON.stringify(run, null, 2) + '\n');
  // Every run is kept too (the last twenty): the machine is noisy, one run says little.
  const history = new URL('xml-read-speed-runs.json', folder);
  const runs = existsSync(history) ? (JSON.parse(readFileSync(history, 'utf8')) as (typeof run)[]) : [];
  writeFileSync(history, JSON.stringify([...runs, run].slice(-20), null, 2) + '\n');
  console.log('Wrote bench/results/xml-read-speed.json and added the run to bench/results/xml-read-speed-runs.json');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
