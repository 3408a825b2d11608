/**
 * How well the wire-text reader reads Reuters datelines and sign-offs, end to end.
 *
 * Every Reuters-21578 story with a `<DATELINE>` is written out as the plain wire text
 * it was (DATELINE then BODY, references decoded, framing dropped) and read back by
 * the built command line, `slugline parse --from wire-text FILE…`. The place it reads
 * is compared, case-insensitively, with the corpus' own (the DATELINE before its first
 * comma, or before its dash when it has none); and every body is checked for a
 * `Reuter` sign-off left in the copy.
 *
 * Run: `npm run build && npm run bench:reuters-datelines`. Prints a table and writes
 * `bench/results/reuters-datelines.json`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Block, Story } from '../src/story/story.js';
import { datelineCopy, goldPlace, reutersCorpusFiles, reutersCorpusStories } from './reuters-corpus.js';

/** The built command line the evaluation runs. */
export const cliPath = new URL('../dist/src/cli/main.js', import.meta.url);

/** One story whose dateline place was not the corpus' own. */
export interface DatelineMismatch {
  /** The corpus id, `NEWID`. */
  newId: string;
  /** The corpus file the story is in. */
  file: string;
  /** The DATELINE as the corpus gives it, trimmed. */
  dateline: string;
  gold: string;
  /** The place read, or null when no dateline was read (or the file was rejected). */
  got: string | null;
}

/** One body that still ends with the `Reuter` sign-off. */
export interface ReuterLeftover {
  newId: string;
  /** The last block of the body, at most 80 characters from its end. */
  last: string;
}

export interface DatelineEvaluation {
  /** Stories in the corpus files. */
  stories: number;
  /** Stories with a `<DATELINE>`: the ones evaluated. */
  withDateline: number;
  /** Files the command line rejected (no story printed). */
  rejected: number;
  /** Stories read with no dateline at all. */
  noDateline: number;
  /** Stories whose dateline place is the corpus' own. */
  matched: number;
  /** `matched / withDateline`, from 0 to 1. */
  matchedShare: number;
  /** The first 20 stories whose place differs, in corpus order. */
  mismatches: DatelineMismatch[];
  /** Stories whose body still ends with `Reuter`: a last paragraph of its own, or its last word. */
  reuterLeftovers: number;
  /** The first 20 of them. */
  leftovers: ReuterLeftover[];
  /** The first 20 lines the command line wrote to standard error. */
  errors: string[];
  /** Wall-clock seconds for writing, reading and comparing. */
  seconds: number;
}

export interface DatelineEvaluationOptions {
  /** Corpus files (`reut2-000.sgm` …). */
  files: readonly string[];
  /** The built CLI; defaults to `dist/src/cli/main.js`. */
  cli?: URL;
  /** Files per CLI run, to keep argument lists short. */
  batch?: number;
  /** CLI runs at once. */
  parallel?: number;
}

const listed = 20;

/**
 * Runs the evaluation. Writes one `.txt` per story into a fresh temporary folder,
 * reads them back with the CLI in batches, and removes the folder.
 *
 * @example
 * const result = await evaluateReutersDatelines({ files: reutersCorpusFiles()! });
 * result.matchedShare; // 0.99…
 */
export async function evaluateReutersDatelines(options: DatelineEvaluationOptions): Promise<DatelineEvaluation> {
  const started = performance.now();
  const cli = fileURLToPath(options.cli ?? cliPath);
  const cases: { name: string; newId: string; file: string; dateline: string; text: string }[] = [];
  let stories = 0;
  for (const { file, record } of reutersCorpusStories(options.files)) {
    stories++;
    const text = datelineCopy(record);
    if (text === null) continue;
    const newId = record.attributes.NEWID ?? `${file}:${record.line}`;
    cases.push({ name: `${cases.length}.txt`, newId, file, dateline: record.dateline!.text.trim(), text });
  }

  const folder = await mkdtemp(join(tmpdir(), 'slugline-reuters-datelines-'));
  const read = new Map<string, Story>();
  const errors: string[] = [];
  try {
    for (let start = 0; start < cases.length; start += 500) {
      await Promise.all(cases.slice(start, start + 500).map((each) => writeFile(join(folder, each.name), each.text)));
    }
    const size = options.batch ?? 1000;
    const batches: string[][] = [];
    for (let start = 0; start < cases.length; start += size) batches.push(cases.slice(start, start + size).map((each) => each.name));
    const parallel = options.parallel ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const names = batches[next++]!;
        const { stdout, stderr } = await runCli(cli, folder, names);
        for (const line of stdout.split('\n')) {
          if (line.trim() === '') continue;
          const story = JSON.parse(line) as Story;
          read.set(story.source.file, story);
        }
        for (const line of stderr.split('\n')) if (line.trim() !== '' && errors.length < listed) errors.push(line);
      }
    };
    await Promise.all(Array.from({ length: parallel }, worker));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  let matched = 0;
  let rejected = 0;
  let noDateline = 0;
  let reuterLeftovers = 0;
  const mismatches: DatelineMismatch[] = [];
  const leftovers: ReuterLeftover[] = [];
  for (const each of cases) {
    const story = read.get(each.name);
    if (story === undefined) rejected++;
    else if (story.dateline === null) noDateline++;
    const gold = goldPlace(each.dateline);
    const got = story?.dateline?.place ?? null;
    if (got !== null && samePlace(gold, got)) matched++;
    else if (mismatches.length < listed) mismatches.push({ newId: each.newId, file: each.file, dateline: each.dateline, gold, got });
    if (story && endsWithReuter(story.body)) {
      reuterLeftovers++;
      if (leftovers.length < listed) leftovers.push({ newId: each.newId, last: story.body[story.body.length - 1]!.text.slice(-80) });
    }
  }
  return {
    stories,
    withDateline: cases.length,
    rejected,
    noDateline,
    matched,
    matchedShare: cases.length === 0 ? 0 : matched / cases.length,
    mismatches,
    reuterLeftovers,
    leftovers,
    errors,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

/** Places compare case-insensitively, runs of white space as one space. */
function samePlace(gold: string, got: string): boolean {
  const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return normal(gold) === normal(got);
}

/**
 * Whether the sign-off is still in the body: the last block is `Reuter` alone
 * (`REUTER`, `Reuters`, `REUTER...`), or ends with it as its last word (`… he said.
 * REUTER`). A sentence that ends `… told Reuters.` is copy, not the sign-off.
 */
export function endsWithReuter(body: readonly Block[]): boolean {
  const last = body[body.length - 1];
  if (last === undefined) return false;
  const words = last.text.trim().split(/\s+/);
  return signoffWord.test(words[words.length - 1]!);
}

const signoffWord = /^reuters?(?:\.{2,3})?$/i;

/** Runs `slugline parse --from wire-text` on files in `folder`; exit status 1 (some rejected) is a result, not a failure. */
function runCli(cli: string, folder: string, names: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, 'parse', '--from', 'wire-text', ...names], { cwd: folder });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const result = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (status === 0 || status === 1) resolvePromise(result);
      else reject(new Error(`slugline parse exited with status ${status}: ${result.stderr.slice(0, 2000)}`));
    });
  });
}

/** The figures as table rows, for the script and the test. */
export function summaryRows(result: DatelineEvaluation): [string, string][] {
  return [
    ['stories in the corpus', String(result.stories)],
    ['stories with a DATELINE', String(result.withDateline)],
    ['rejected by the CLI', String(result.rejected)],
    ['read without a dateline', String(result.noDateline)],
    ['place matched', String(result.matched)],
    ['place matched %', (result.matchedShare * 100).toFixed(2)],
    ['place not matched', String(result.withDateline - result.matched)],
    ['bodies still ending in Reuter', String(result.reuterLeftovers)],
    ['seconds', String(result.seconds)],
  ];
}

async function main(): Promise<number> {
  const files = reutersCorpusFiles();
  if (files === null) {
    console.error('reuters-datelines: needs ../shared/data/reuters21578 (absent)');
    return 1;
  }
  if (!existsSync(cliPath)) {
    console.error('reuters-datelines: needs the built CLI, dist/src/cli/main.js (run npm run build)');
    return 1;
  }
  const result = await evaluateReutersDatelines({ files });
  console.table(Object.fromEntries(summaryRows(result)));
  if (result.mismatches.length) {
    console.log(`First ${result.mismatches.length} mismatches (gold vs got):`);
    console.table(result.mismatches.map(({ newId, dateline, gold, got }) => ({ newId, dateline, gold, got: got ?? '(none)' })));
  }
  if (result.leftovers.length) {
    console.log(`First ${result.leftovers.length} bodies still ending in Reuter:`);
    console.table(result.leftovers);
  }
  const output = new URL('./results/reuters-datelines.json', import.meta.url);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const record = {
    evaluation: 'reuters-datelines',
    description:
      'Reuters-21578 DATELINE + BODY read by `slugline parse --from wire-text`; place compared with the DATELINE before its first comma (before its dash when it has none)',
    date: new Date().toISOString(),
    node: process.version,
    ...result,
  };
  await writeFile(output, JSON.stringify(record, null, 2) + '\n');
  console.log(`Wrote bench/results/reuters-datelines.json`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
