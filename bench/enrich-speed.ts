/**
 * How fast full enrichment runs on Reuters-21578, on one core, beside a peer in the
 * same run: compromise (the best-known JavaScript NLP library) extracting people,
 * places and organisations from the same stories.
 *
 * Each side runs in a child process of its own (`--side slugline`, `--side
 * compromise`, then `--side stages` for each enricher alone), started with V8's
 * `--single-threaded` so that everything, garbage collection included, runs on one
 * core; the children run one after the other, so neither pays for the other's heap.
 * Each reads the same stories as `slugline parse` reads the corpus (reuters-sgml),
 * keeps them in memory, loads what it needs (timed apart), then runs the rounds. A
 * round is timed in CPU seconds (on one core, what the machine's other work cannot
 * inflate) and by the clock; the median round counts.
 * Target: ≥ 1,000 stories/s for the full pipeline.
 *
 * Run: `npm run bench:enrich` (it builds first). Writes `bench/results/enrich-speed.json`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import nlp from 'compromise';
import type { enrichStory as enrichStoryType, enrichers as enrichersType } from '../src/enrich/index.js';
import type { parseSource as parseSourceType } from '../src/formats/index.js';
import type { SourceFile as SourceFileType } from '../src/source/source-file.js';
import type { Story } from '../src/story/story.js';
import { benchmarkCorpusFiles } from './reuters-corpus.js';
import { requestedSide, spawnSide } from './sides.js';

const dist = (path: string) => new URL(`../dist/src/${path}`, import.meta.url).href;
const { enrichStory, enrichers } = (await import(dist('enrich/index.js'))) as { enrichStory: typeof enrichStoryType; enrichers: typeof enrichersType };
const { parseSource } = (await import(dist('formats/index.js'))) as { parseSource: typeof parseSourceType };
const { SourceFile } = (await import(dist('source/source-file.js'))) as { SourceFile: typeof SourceFileType };

/** The text compromise is given: the headline and the paragraphs, as Slugline's enrichers read them. */
function plainText(story: Story): string {
  return [story.headline ?? '', ...story.body.filter((block) => block.kind !== 'preformatted').map((block) => block.text)].join('\n\n');
}

/** The CPU time `work` takes, in seconds: on a machine shared with other work, what one core spends (wall-clock time counts whatever else runs). */
function seconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function wallSeconds(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function median(values: number[]): number {
  return [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
}

type Side = 'slugline' | 'compromise' | 'stages';

/** What a side's child process reports. */
interface SideResult {
  stories: number;
  words: number;
  loadSeconds: number;
  cpu: number[];
  wall: number[];
  found: Record<string, number>;
  stages?: Record<string, number>;
}

function loadStories(files: string[]): Story[] {
  const limit = Number(process.env.STORIES ?? 5000);
  const stories: Story[] = [];
  for (const path of files) {
    if (stories.length >= limit) break;
    stories.push(...parseSource(new SourceFile(readFileSync(path), { name: path })).stories);
  }
  stories.length = Math.min(stories.length, limit);
  return stories;
}

/** Runs one side's rounds in this process and prints its result as JSON. */
function runSide(side: Side, files: string[]): void {
  const stories = loadStories(files);
  const texts = stories.map(plainText);
  const words = texts.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
  const rounds = Number(process.env.ROUNDS ?? 5);
  const found: Record<string, number> = {};
  const count = (key: string, value: number) => (found[key] = (found[key] ?? 0) + value / rounds);
  let work: () => void;
  let load: number;
  if (side === 'compromise') {
    load = seconds(() => nlp(texts[0]!).people());
    work = () => {
      for (const text of texts) {
        const doc = nlp(text);
        count('names', doc.people().length + doc.places().length + doc.organizations().length);
      }
    };
  } else {
    // Loading: the tagger's model and the gazetteer, on first use.
    load = seconds(() => enrichStory(stories[0]!));
    work = () => {
      for (const story of stories) {
        const enrichment = enrichStory(story).enrichment!;
        count('entities', enrichment.entities.length);
        count('quotes', enrichment.quotes.length);
        count('times', enrichment.times.length);
        count('amounts', enrichment.amounts.length);
      }
    };
  }
  const result: SideResult = { stories: stories.length, words, loadSeconds: load, cpu: [], wall: [], found };
  if (side === 'stages') {
    result.stages = {};
    for (const enricher of enrichers) {
      const others = enrichers.filter((each) => each.id !== enricher.id).map((each) => each.id);
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        times.push(
          seconds(() => {
            for (const story of stories) enrichStory(story, { without: others });
          }),
        );
      }
      result.stages[enricher.id] = Math.round(stories.length / median(times));
    }
  } else {
    for (let round = 0; round < rounds; round++) {
      let cpu = 0;
      result.wall.push(wallSeconds(() => (cpu = seconds(work))));
      result.cpu.push(cpu);
    }
  }
  process.stdout.write(JSON.stringify(result));
}

async function main(): Promise<void> {
  const files = benchmarkCorpusFiles();
  if (files === null) return;
  const side = requestedSide();
  if (side !== null) {
    runSide(side as Side, files);
    return;
  }
  // One core each: --single-threaded keeps V8's collector and compiler on the main thread.
  const spawn = (name: Side) => spawnSide<SideResult>(import.meta.url, name, ['--single-threaded']);
  const ours = spawn('slugline');
  const theirs = spawn('compromise');
  const stages = spawn('stages').stages!;
  const { stories, words } = ours;
  const rate = (count: number, times: number[]) => Math.round(count / median(times));
  const result = {
    benchmark: 'enrich-speed',
    date: new Date().toISOString(),
    node: process.version,
    method: 'each side in its own child process with --single-threaded (one core, GC included); rates per CPU-second, median of the rounds',
    stories,
    words,
    rounds: ours.cpu.length,
    loadSeconds: Math.round(ours.loadSeconds * 1000) / 1000,
    sluglineStoriesPerSecond: rate(stories, ours.cpu),
    sluglineWordsPerSecond: rate(words, ours.cpu),
    compromiseStoriesPerSecond: rate(stories, theirs.cpu),
    compromiseWordsPerSecond: rate(words, theirs.cpu),
    wallClock: {
      sluglineStoriesPerSecond: rate(stories, ours.wall),
      compromiseStoriesPerSecond: rate(stories, theirs.wall),
      loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    },
    storiesPerSecondByEnricherAlone: stages,
    found: Object.fromEntries(Object.entries(ours.found).map(([key, value]) => [key, Math.round(value)])),
    compromiseNames: Math.round(theirs.found.names ?? 0),
    target: '≥ 1,000 stories/s (full pipeline, one core)',
  };
  console.table({
    'Slugline, full enrichment': { 'stories/s': result.sluglineStoriesPerSecond, 'words/s': result.sluglineWordsPerSecond },
    'compromise, people + places + organisations': { 'stories/s': result.compromiseStoriesPerSecond, 'words/s': result.compromiseWordsPerSecond },
  });
  console.table(stages);
  console.log(
    `${stories} stories, ${words} words; model and gazetteer load: ${result.loadSeconds} s; rates per CPU-second of one core (wall clock: ${result.wallClock.sluglineStoriesPerSecond} and ${result.wallClock.compromiseStoriesPerSecond} stories/s, load average ${result.wallClock.loadAverage.join(' ')})`,
  );
  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL('enrich-speed.json', folder), JSON.stringify(result, null, 2) + '\n');
  console.log('Wrote bench/results/enrich-speed.json');
}

await main();
