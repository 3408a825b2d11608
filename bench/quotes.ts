/**
 * How well the quotes enricher finds who said what, on the PolNeAR attribution
 * corpus, and how fast it is on Reuters-21578.
 *
 * Accuracy. Each PolNeAR text (`dev/` unless `--split train`) is wrapped as a Story
 * whose offsets map back to the file: paragraphs split on blank lines, and on a single
 * line break where the line before ends a sentence (`.?!:` or a closing mark) or the
 * next opens with a quotation mark; any other line break is a wrapped line, read as a
 * space (same length, so offsets keep). The first paragraph, the title, is the
 * headline. `findQuotes` runs with no entities, so speakers are compared as text.
 *
 * The gold: every brat attribution (`E` line) with a Source and a Content. It is a
 * *direct quotation* when at least 90 % of the letters and digits of its Content lie
 * inside quotation marks (double marks “ ” " „ « », paired per paragraph, an unclosed
 * one running to the paragraph's end: a simple pairing written here, not the
 * enricher's). Articles annotated by several annotators count once, with the
 * annotation file that sorts first.
 *
 * A predicted quote matches a gold attribution when
 * - its spans overlap the gold Content by at least half of the shorter of the two
 *   (in characters), and
 * - its speaker's head (its last word, lower case, without `’s`) is one of the words
 *   of the gold Source.
 * Precision of direct quotations: predicted direct quotes with a speaker that match
 * some gold attribution (several predictions may match one gold attribution: PolNeAR
 * makes one attribution of `“…,” he said. “…”`, the enricher two quotes). Recall: gold
 * direct quotations matched by some predicted direct quote. Quotes found with no
 * speaker (of any kind) are counted apart; they make no (speaker, quote) pair.
 *
 * The same figures are given for the quoted words alone (no speaker test), and for
 * partial and indirect quotes: precision against any gold attribution; recall of
 * partial ones against gold attributions partly in quotation marks (more than 0, less
 * than 90 %), of indirect ones against those with none, all of them or only those
 * whose cue has a word of saying, telling, reporting, adding, announcing, stating,
 * writing, tweeting or claiming. And for a baseline peer: a regular expression for a
 * quotation of three words or more with `said`, `says`, `told` or `added` and the
 * word beside it within 40 characters after it (or before it).
 *
 * Speed. Every Reuters-21578 story, read by the `reuters-sgml` reader once; then, in
 * alternating rounds, the reader itself on the same bytes, `findQuotes` over every
 * story (with no entities, and with entities made by a capitalised-name heuristic:
 * each run of capitalised words after a lower-case word or a comma is a mention, runs
 * ending in the same word are one entity, typed person), and a floor of one native
 * search per paragraph for quotation marks and speech verbs. Each side is timed in
 * processor time (`process.cpuUsage`, which a busy machine does not inflate) and in
 * wall-clock time; medians of the rounds. The enricher and the reader are the built
 * output in `dist/`.
 *
 * Run: `npm run bench:quotes` (it builds first); `-- --split train` to evaluate on
 * the training split, `-- --show 20` to list misses, `-- --no-speed` to skip the
 * timing. Prints tables; a full run on dev (no options) writes `bench/results/quotes.json`.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { findQuotes as findQuotesType } from '../src/enrich/quotes/quotes.js';
import type { parseSource as parseSourceType } from '../src/formats/index.js';
import type { SourceFile as SourceFileType } from '../src/source/source-file.js';
import type { Entity, Quote, Span } from '../src/story/enrichment.js';
import type { Block, Story } from '../src/story/story.js';
import { sharedPath } from '../src/testing/shared-data.js';
import { reutersCorpusFiles } from './reuters-corpus.js';

// The enricher and the reader as they ship: the build's output (`npm run build`), not
// the TypeScript run through a loader; typed from the sources they were built from.
const built = (path: string): string => new URL(`../dist/src/${path}`, import.meta.url).href;
const { findQuotes } = (await import(built('enrich/quotes/quotes.js'))) as { findQuotes: typeof findQuotesType };
const { parseSource } = (await import(built('formats/index.js'))) as { parseSource: typeof parseSourceType };
const { SourceFile } = (await import(built('source/source-file.js'))) as { SourceFile: typeof SourceFileType };

/** One PolNeAR text wrapped as a Story, with the file offset of each block. */
export interface WrappedText {
  story: Story;
  /** File offset of the headline's first character. */
  headlineOffset: number;
  /** File offset of each body block's first character. */
  blockOffsets: number[];
}

/** A gold attribution: the file offsets of its Content, and its Source as written. */
export interface GoldAttribution {
  content: [number, number][];
  source: string;
  /** Share of the Content's letters and digits inside quotation marks, 0 to 1. */
  quoted: number;
  cue: string;
}

const SENTENCE_LINE_END = /[.?!:;"”’)…]\s*$/;
const OPENS_QUOTE = /^\s*["“„«‘]/;

/** A PolNeAR text as a Story (see the file comment for how paragraphs are cut). */
export function wrapText(text: string, name: string): WrappedText {
  const paragraphs: { start: number; text: string }[] = [];
  let start = 0;
  const flush = (end: number): void => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length > 0) paragraphs.push({ start: start + lead, text: body.replace(/\n/g, ' ') });
  };
  const lines = text.split('\n');
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const end = offset + line.length;
    const next = lines[index + 1];
    if (next !== undefined) {
      const blank = next.trim() === '' || line.trim() === '';
      if (blank || SENTENCE_LINE_END.test(line) || OPENS_QUOTE.test(next)) {
        flush(end);
        start = end + 1;
      }
    }
    offset = end + 1;
  }
  flush(text.length);
  const [title, ...rest] = paragraphs;
  const body: Block[] = rest.map((paragraph, index) => ({ kind: 'paragraph', text: paragraph.text, line: index + 2, take: 1 }));
  const story: Story = {
    id: `polnear:${name}`,
    source: { format: 'polnear', file: name, receivedAt: null, encoding: 'utf-8', line: 1, labels: {} },
    slug: null,
    takes: [],
    priority: null,
    version: null,
    guid: null,
    revision: null,
    firstCreated: null,
    versionCreated: null,
    urgency: null,
    headline: title?.text ?? null,
    summary: null,
    byline: null,
    dateline: null,
    credits: [],
    notes: [],
    subjects: [],
    keywords: [],
    body,
    signoffs: [],
    status: 'usable',
    signal: null,
    embargo: null,
    language: 'en',
    damage: [],
    diagnostics: [],
  };
  return { story, headlineOffset: title?.start ?? 0, blockOffsets: rest.map((paragraph) => paragraph.start) };
}

/** For each character of the file, whether it is inside double quotation marks (1) or not (0). */
export function quotedMask(text: string): Uint8Array {
  const inside = new Uint8Array(text.length);
  const mark = (from: number, to: number): void => {
    inside.fill(1, from, to);
  };
  let paragraphStart = 0;
  for (const paragraph of text.split(/\n\s*\n/)) {
    const offset = text.indexOf(paragraph, paragraphStart);
    paragraphStart = offset + paragraph.length;
    let open = -1;
    for (let index = 0; index < paragraph.length; index++) {
      const character = paragraph[index]!;
      if (open < 0) {
        if (character === '“' || character === '"' || character === '„' || character === '«') open = index;
      } else if (character === '”' || character === '"' || character === '»' || (character === '“' && paragraph[open] === '„')) {
        mark(offset + open, offset + index + 1);
        open = -1;
      } else if (character === '“') {
        mark(offset + open, offset + index);
        open = index;
      }
    }
    if (open >= 0) mark(offset + open, offset + paragraph.length);
  }
  return inside;
}

/** The gold attributions of one brat file over `text`. */
export function readGold(ann: string, text: string): GoldAttribution[] {
  const spans = new Map<string, [number, number][]>();
  const links: string[][] = [];
  for (const line of ann.split('\n')) {
    const span = /^(T\d+)\t\S+ ([\d ;]+)\t/.exec(line);
    if (span !== null) {
      spans.set(
        span[1]!,
        span[2]!.split(';').map((part) => part.trim().split(' ').map(Number) as [number, number]),
      );
      continue;
    }
    const link = /^E\d+\t(.*)$/.exec(line);
    if (link !== null) links.push(link[1]!.trim().split(/\s+/));
  }
  const inside = quotedMask(text);
  const gold: GoldAttribution[] = [];
  for (const parts of links) {
    const role = (name: string): [number, number][] =>
      parts.filter((part) => part.startsWith(name)).flatMap((part) => spans.get(part.split(':')[1]!) ?? []);
    const content = role('Content');
    const source = role('Source');
    if (content.length === 0 || source.length === 0) continue;
    let letters = 0;
    let quoted = 0;
    for (const [start, end] of content)
      for (let index = start; index < end; index++)
        if (/[\p{L}\p{N}]/u.test(text[index]!)) {
          letters++;
          quoted += inside[index]!;
        }
    if (letters === 0) continue;
    const written = (ranges: [number, number][]): string => ranges.map(([start, end]) => text.slice(start, end)).join(' ');
    gold.push({ content, source: written(source), quoted: quoted / letters, cue: written(role('Cue')) });
  }
  return gold;
}

/** A prediction on file offsets: its content ranges and its speaker. */
export interface Prediction {
  kind: Quote['kind'];
  content: [number, number][];
  speaker: string | null;
  text: string;
}

function toFile(wrapped: WrappedText, span: Span): [number, number] {
  const offset = span.block === null ? wrapped.headlineOffset : wrapped.blockOffsets[span.block]!;
  return [offset + span.start, offset + span.end];
}

function overlap(a: [number, number][], b: [number, number][]): number {
  let total = 0;
  for (const [x, y] of a) for (const [u, v] of b) total += Math.max(0, Math.min(y, v) - Math.max(x, u));
  return total;
}

function length(ranges: [number, number][]): number {
  return ranges.reduce((sum, [start, end]) => sum + end - start, 0);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Do the quoted words match (half the shorter), and, unless `anySpeaker`, the speaker's head word? */
export function matches(prediction: Prediction, gold: GoldAttribution, anySpeaker = false): boolean {
  const shared = overlap(prediction.content, gold.content);
  if (shared < 0.5 * Math.min(length(prediction.content), length(gold.content)) || shared === 0) return false;
  if (anySpeaker) return true;
  if (prediction.speaker === null) return false;
  const head = words(prediction.speaker).at(-1);
  return head !== undefined && words(gold.source).includes(head);
}

/** The baseline peer: a quotation, a speech verb within 40 characters after (or before) it, and the word beside the verb. */
export function baseline(wrapped: WrappedText): Prediction[] {
  const found: Prediction[] = [];
  const texts: [number | null, string][] = [[null, wrapped.story.headline ?? ''], ...wrapped.story.body.map((block, index): [number, string] => [index, block.text])];
  for (const [block, text] of texts) {
    for (const quote of text.matchAll(/["“]([^"“”]+)["”]/g)) {
      if (quote[1]!.trim().split(/\s+/).length < 3) continue;
      const start = quote.index + 1;
      const end = start + quote[1]!.length;
      const after = /^.{0,40}?\b(?:(said|says|told|added) (\p{L}+)|(\p{L}+) (said|says|told|added))\b/u.exec(text.slice(end + 1, end + 1 + 60));
      const before = /\b(\p{L}+) (said|says|told|added)\b[^"“”]{0,40}$/u.exec(text.slice(Math.max(0, start - 1 - 60), start - 1));
      const speaker = after !== null ? (after[2] ?? after[3] ?? null) : before !== null ? before[1]! : null;
      if (speaker === null) continue;
      found.push({ kind: 'direct', content: [toFile(wrapped, { block, start, end, text: '' })], speaker, text: quote[1]! });
    }
  }
  return found;
}

export interface KindScore {
  predicted: number;
  /** Predictions with no speaker (direct only; not in `predicted`). */
  withoutSpeaker: number;
  correct: number;
  precision: number;
  gold: number;
  found: number;
  recall: number;
}

function score(predictions: Prediction[][], gold: GoldAttribution[][], goldFilter: (gold: GoldAttribution) => boolean, anySpeaker: boolean, precisionAgainst: (gold: GoldAttribution) => boolean): KindScore {
  let predicted = 0;
  let withoutSpeaker = 0;
  let correct = 0;
  let goldCount = 0;
  let found = 0;
  predictions.forEach((list, article) => {
    const golds = gold[article]!;
    for (const prediction of list) {
      if (prediction.speaker === null && !anySpeaker) {
        withoutSpeaker++;
        continue;
      }
      predicted++;
      if (golds.some((candidate) => precisionAgainst(candidate) && matches(prediction, candidate, anySpeaker))) correct++;
    }
    for (const candidate of golds.filter(goldFilter)) {
      goldCount++;
      if (list.some((prediction) => matches(prediction, candidate, anySpeaker))) found++;
    }
  });
  return {
    predicted,
    withoutSpeaker,
    correct,
    precision: predicted === 0 ? 0 : correct / predicted,
    gold: goldCount,
    found,
    recall: goldCount === 0 ? 0 : found / goldCount,
  };
}

/** The articles of a split: text and the annotation file that sorts first. */
export function polnearArticles(split: string): { name: string; text: string; ann: string }[] | null {
  const folder = sharedPath(`polnear/${split}`);
  if (folder === null) return null;
  const seen = new Set<string>();
  const articles: { name: string; text: string; ann: string }[] = [];
  for (const file of readdirSync(join(folder, 'attributions')).sort()) {
    const name = file.replace(/_[^_]+\.ann$/, '');
    if (seen.has(name)) continue;
    seen.add(name);
    articles.push({
      name,
      text: readFileSync(join(folder, 'text', `${name}.txt`), 'utf8'),
      ann: readFileSync(join(folder, 'attributions', file), 'utf8'),
    });
  }
  return articles;
}

export const DIRECT_THRESHOLD = 0.9;
const isDirect = (gold: GoldAttribution): boolean => gold.quoted >= DIRECT_THRESHOLD;
const isPartlyQuoted = (gold: GoldAttribution): boolean => gold.quoted > 0 && gold.quoted < DIRECT_THRESHOLD;
const isUnquoted = (gold: GoldAttribution): boolean => gold.quoted === 0;
// Reported speech among the unquoted: a cue with one of these words (belief and intent, `thinks`, `wants`, left out).
const SPEECH_CUE = /\b(?:say|says|said|saying|tell|tells|told|telling|report|reports|reported|according|add|adds|added|announce|announced|state|states|stated|write|writes|wrote|tweet|tweeted|claim|claims|claimed)\b/i;
const isReportedSpeech = (gold: GoldAttribution): boolean => isUnquoted(gold) && SPEECH_CUE.test(gold.cue);
const anyGold = (): boolean => true;

/** Scores the enricher and the baseline on one split. */
export function evaluate(split: string, show = 0) {
  const articles = polnearArticles(split);
  if (articles === null) return null;
  const gold: GoldAttribution[][] = [];
  const byKind: Record<Quote['kind'], Prediction[][]> = { direct: [], partial: [], indirect: [] };
  const baselines: Prediction[][] = [];
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const article of articles) {
    const wrapped = wrapText(article.text, article.name);
    const golds = readGold(article.ann, article.text);
    gold.push(golds);
    const predictions = findQuotes(wrapped.story, []).map(
      (quote): Prediction => ({ kind: quote.kind, content: quote.spans.map((span) => toFile(wrapped, span)), speaker: quote.speaker, text: quote.text }),
    );
    for (const kind of ['direct', 'partial', 'indirect'] as const) byKind[kind].push(predictions.filter((prediction) => prediction.kind === kind));
    baselines.push(baseline(wrapped));
    if (show > 0) {
      for (const prediction of predictions)
        if (prediction.kind === 'direct' && prediction.speaker !== null && !golds.some((candidate) => matches(prediction, candidate)))
          wrong.push(`${article.name}: [${prediction.speaker}] ${prediction.text.slice(0, 100)} | gold: ${golds.filter((candidate) => matches(prediction, candidate, true)).map((candidate) => candidate.source).join(' / ') || '—'}`);
      for (const candidate of golds.filter(isDirect))
        if (!predictions.some((prediction) => prediction.kind === 'direct' && matches(prediction, candidate))) {
          const near = predictions.filter((prediction) => matches(prediction, candidate, true)).map((prediction) => `${prediction.kind}:${prediction.speaker}`);
          misses.push(`${article.name}: [${candidate.source}|${candidate.cue}] ${article.text.slice(candidate.content[0]![0], candidate.content[0]![1]).slice(0, 100)} | got: ${near.join(' / ') || '—'}`);
        }
    }
  }
  const result = {
    split,
    articles: articles.length,
    goldAttributions: gold.reduce((sum, list) => sum + list.length, 0),
    goldDirect: gold.reduce((sum, list) => sum + list.filter(isDirect).length, 0),
    direct: score(byKind.direct, gold, isDirect, false, anyGold),
    directAgainstDirectGoldOnly: score(byKind.direct, gold, isDirect, false, isDirect),
    directQuotedWordsOnly: score(byKind.direct, gold, isDirect, true, anyGold),
    directOrPartial: score(byKind.direct.map((list, index) => [...list, ...byKind.partial[index]!]), gold, isDirect, false, anyGold),
    partial: score(byKind.partial, gold, isPartlyQuoted, false, anyGold),
    indirect: score(byKind.indirect, gold, isUnquoted, false, anyGold),
    indirectReportedSpeech: score(byKind.indirect, gold, isReportedSpeech, false, anyGold),
    baseline: score(baselines, gold, isDirect, false, anyGold),
  };
  return { result, misses, wrong };
}

/** Capitalised-name entities for the speed run (see the file comment). */
export function heuristicEntities(story: Story): Entity[] {
  const byLast = new Map<string, Entity>();
  const texts: [number | null, string][] = [[null, story.headline ?? ''], ...story.body.map((block, index): [number, string] => [index, block.text])];
  for (const [block, text] of texts) {
    for (const run of text.matchAll(/(?<=[a-z,;] )\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*)*/gu)) {
      const last = run[0].split(' ').at(-1)!;
      let entity = byLast.get(last);
      if (entity === undefined) {
        entity = { id: `e${byLast.size + 1}`, type: 'person', name: run[0], titles: [], mentions: [], place: null };
        byLast.set(last, entity);
      }
      entity.mentions.push({ block, start: run.index, end: run.index + run[0].length, text: run[0] });
    }
  }
  return [...byLast.values()];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const FLOOR = /["“”„«»]|\b(?:said|says|told|according to)\b/g;

/** Microseconds of processor time this process has used (user and system): not the time spent waiting for a core. */
function processorTime(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/**
 * Speed on Reuters-21578: processor time and wall-clock time per story for the reader,
 * findQuotes (without and with entities) and the floor; medians of the rounds.
 */
export function speed(rounds = 7) {
  const files = reutersCorpusFiles();
  if (files === null) return null;
  const inputs = files.map((path) => ({ path, bytes: readFileSync(path) }));
  const read = (): Story[] => inputs.flatMap(({ path, bytes }) => parseSource(new SourceFile(bytes, { name: path, receivedAt: null }), { from: 'reuters-sgml' }).stories);
  const stories = read();
  const entities = stories.map(heuristicEntities);
  const characters = stories.reduce((sum, story) => sum + (story.headline?.length ?? 0) + story.body.reduce((total, block) => total + block.text.length, 0), 0);
  const sides = {
    reader: (): number => read().length,
    findQuotes: (): number => stories.reduce((sum, story) => sum + findQuotes(story, []).length, 0),
    findQuotesWithEntities: (): number => stories.reduce((sum, story, index) => sum + findQuotes(story, entities[index]!).length, 0),
    floor: (): number => stories.reduce((sum, story) => sum + story.body.reduce((total, block) => total + (block.text.match(FLOOR)?.length ?? 0), 0), 0),
  };
  type Side = keyof typeof sides;
  const cpu: Record<Side, number[]> = { reader: [], findQuotes: [], findQuotesWithEntities: [], floor: [] };
  const wall: Record<Side, number[]> = { reader: [], findQuotes: [], findQuotesWithEntities: [], floor: [] };
  const counts: Partial<Record<Side, number>> = {};
  for (let round = 0; round < rounds; round++) {
    for (const side of Object.keys(sides) as Side[]) {
      const startCpu = processorTime();
      const startWall = performance.now();
      counts[side] = sides[side]();
      cpu[side].push((processorTime() - startCpu) / stories.length);
      wall[side].push(((performance.now() - startWall) * 1000) / stories.length);
    }
  }
  const medians = (table: Record<Side, number[]>): Record<Side, number> =>
    Object.fromEntries(Object.entries(table).map(([side, values]) => [side, median(values)])) as Record<Side, number>;
  return {
    stories: stories.length,
    averageCharacters: Math.round(characters / stories.length),
    quotesFound: counts.findQuotes ?? 0,
    quotesFoundWithEntities: counts.findQuotesWithEntities ?? 0,
    rounds,
    processorMicrosecondsPerStory: medians(cpu),
    wallMicrosecondsPerStory: medians(wall),
  };
}

function percent(value: number): string {
  return (100 * value).toFixed(1);
}

function row(name: string, score: KindScore): string {
  return `| ${name} | ${score.predicted} | ${score.correct} | ${percent(score.precision)} | ${score.gold} | ${score.found} | ${percent(score.recall)} |`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argument = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const split = argument('--split') ?? 'dev';
  const show = Number(argument('--show') ?? 0);
  const evaluation = evaluate(split, show);
  if (evaluation === null) {
    console.log(`needs ../shared/data/polnear/${split}, which is absent`);
    process.exit(1);
  }
  const { result, misses, wrong } = evaluation;
  if (show > 0) {
    console.log(`\nDirect quotes predicted with a speaker that match no gold attribution (first ${show} of ${wrong.length}):`);
    for (const line of wrong.slice(0, show)) console.log('  ' + line);
    console.log(`\nGold direct quotations not found (first ${show} of ${misses.length}):`);
    for (const line of misses.slice(0, show)) console.log('  ' + line);
  }
  console.log(`\nPolNeAR ${split}: ${result.articles} articles, ${result.goldAttributions} gold attributions with a source, ${result.goldDirect} of them direct quotations`);
  console.log('| | predicted | correct | precision % | gold | found | recall % |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(row('direct (speaker, quote)', result.direct));
  console.log(row('direct, vs direct gold only', result.directAgainstDirectGoldOnly));
  console.log(row('direct, quoted words only', result.directQuotedWordsOnly));
  console.log(row('direct or partial (speaker, quote)', result.directOrPartial));
  console.log(row('partial (speaker, quote); gold partly quoted', result.partial));
  console.log(row('indirect (speaker, claim); gold unquoted', result.indirect));
  console.log(row('indirect; gold unquoted with a speech cue', result.indirectReportedSpeech));
  console.log(row('baseline: regex (speaker, quote)', result.baseline));
  console.log(`direct quotes found with no speaker: ${result.direct.withoutSpeaker}`);
  const timing = argument('--no-speed') === undefined && !process.argv.includes('--no-speed') ? speed() : null;
  if (timing !== null) {
    const cpu = timing.processorMicrosecondsPerStory;
    const wall = timing.wallMicrosecondsPerStory;
    console.log(`\nReuters-21578: ${timing.stories} stories, ${timing.averageCharacters} characters on average, ${timing.quotesFound} quotes; medians of ${timing.rounds} rounds`);
    console.log('| | processor µs per story | × floor | stories/s (processor) | wall µs per story |');
    console.log('|---|---|---|---|---|');
    for (const side of Object.keys(cpu) as (keyof typeof cpu)[])
      console.log(`| ${side} | ${cpu[side].toFixed(1)} | ${(cpu[side] / cpu.floor).toFixed(1)} | ${Math.round(1e6 / cpu[side])} | ${wall[side].toFixed(1)} |`);
  }
  // Only a full run on dev is a result.
  if (split === 'dev' && timing !== null && show === 0) {
    mkdirSync(new URL('results/', import.meta.url), { recursive: true });
    const output = {
      benchmark: 'quotes',
      date: new Date().toISOString(),
      node: process.version,
      directThreshold: DIRECT_THRESHOLD,
      ...result,
      speed: timing,
    };
    writeFileSync(new URL('results/quotes.json', import.meta.url), JSON.stringify(output, null, 2) + '\n');
  }
}
