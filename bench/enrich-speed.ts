/**
 * How fast full enrichment runs on Reuters-21578, on one core, beside a peer in the
 * same run: compromise (the best-known JavaScript NLP library) extracting people,
 * places and organisations from the same stories.
 *
 * The stories are read once, as `slugline parse` reads the corpus (reuters-sgml), and
 * kept in memory; then, in alternating rounds, Slugline's whole pipeline (language,
 * dateline, entities, times, amounts, quotes) and compromise's three extractions run
 * over the same stories. The model and the gazetteer are loaded before the first
 * round and their load time is reported apart. Rounds are timed in CPU seconds of
 * this process (one core: nothing here runs in parallel), so other work on the
 * machine does not count against either side; wall-clock rates and the load average
 * are recorded beside them. The median round counts.
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
import { reutersCorpusFiles } from './reuters-corpus.js';

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

async function main(): Promise<void> {
  const files = reutersCorpusFiles();
  if (files === null) {
    console.log('needs ../shared/data/reuters21578: skipped');
    return;
  }
  const limit = Number(process.env.STORIES ?? 5000);
  const stories: Story[] = [];
  for (const path of files) {
    if (stories.length >= limit) break;
    stories.push(...parseSource(new SourceFile(readFileSync(path), { name: path })).stories);
  }
  stories.length = Math.min(stories.length, limit);
  const texts = stories.map(plainText);
  const words = texts.reduce((sum, text) => sum + text.split(/\s+/).length, 0);

  // Loading: the tagger's model and the gazetteer, on first use.
  const load = seconds(() => enrichStory(stories[0]!));
  const counts = { entities: 0, quotes: 0, times: 0, amounts: 0 };
  const slugline = () => {
    for (const story of stories) {
      const found = enrichStory(story).enrichment!;
      counts.entities += found.entities.length;
      counts.quotes += found.quotes.length;
      counts.times += found.times.length;
      counts.amounts += found.amounts.length;
    }
  };
  let peerNames = 0;
  const peer = () => {
    for (const text of texts) {
      const doc = nlp(text);
      peerNames += doc.people().length + doc.places().length + doc.organizations().length;
    }
  };
  const rounds = Number(process.env.ROUNDS ?? 5);
  const ours: number[] = [];
  const theirs: number[] = [];
  const oursWall: number[] = [];
  const theirsWall: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let cpu = 0;
    oursWall.push(wallSeconds(() => (cpu = seconds(slugline))));
    ours.push(cpu);
    theirsWall.push(wallSeconds(() => (cpu = seconds(peer))));
    theirs.push(cpu);
  }
  const perStage: Record<string, number> = {};
  for (const enricher of enrichers) {
    const others = enrichers.filter((each) => each.id !== enricher.id).map((each) => each.id);
    const only = seconds(() => {
      for (const story of stories) enrichStory(story, { without: others });
    });
    perStage[enricher.id] = Math.round(stories.length / only);
  }
  const result = {
    benchmark: 'enrich-speed',
    date: new Date().toISOString(),
    node: process.version,
    stories: stories.length,
    words,
    loadSeconds: Math.round(load * 1000) / 1000,
    sluglineStoriesPerSecond: Math.round(stories.length / median(ours)),
    sluglineWordsPerSecond: Math.round(words / median(ours)),
    compromiseStoriesPerSecond: Math.round(stories.length / median(theirs)),
    compromiseWordsPerSecond: Math.round(words / median(theirs)),
    wallClock: {
      sluglineStoriesPerSecond: Math.round(stories.length / median(oursWall)),
      compromiseStoriesPerSecond: Math.round(stories.length / median(theirsWall)),
      loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    },
    storiesPerSecondByEnricherAlone: perStage,
    found: Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, Math.round(value / rounds)])),
    compromiseNames: Math.round(peerNames / rounds),
    target: '≥ 1,000 stories/s (full pipeline, one core)',
  };
  console.table({
    'Slugline, full enrichment': { 'stories/s': result.sluglineStoriesPerSecond, 'words/s': result.sluglineWordsPerSecond },
    'compromise, people + places + organisations': { 'stories/s': result.compromiseStoriesPerSecond, 'words/s': result.compromiseWordsPerSecond },
  });
  console.table(perStage);
  console.log(`${stories.length} stories, ${words} words; model and gazetteer load: ${result.loadSeconds} s; rates per CPU-second (wall clock: ${result.wallClock.sluglineStoriesPerSecond} and ${result.wallClock.compromiseStoriesPerSecond} stories/s, load average ${result.wallClock.loadAverage.join(' ')})`);
  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(new URL('enrich-speed.json', folder), JSON.stringify(result, null, 2) + '\n');
  console.log('Wrote bench/results/enrich-speed.json');
}

await main();
