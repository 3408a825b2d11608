/**
 * Crash safety, for real: `slugline ingest` in a child process, killed with SIGKILL at
 * random moments, again and again. Whatever it reported kept before it died must be in
 * the archive, and the reruns must end with the same archive as one clean run: nothing
 * lost, nothing twice.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

/** The built CLI (`npm test` builds before it tests). */
const built = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

/** Invented wire copy: `count` stories, every fifth with an update filed later, and one file no reader takes. */
function makeInputs(folder: string, count: number): void {
  mkdirSync(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const slug = `INV-${index}`;
    const story = (text: string) => `${slug} Invented council story ${index}\n\nEXAMPLETOWN, May 6, 2024 (INV) – ${text}\n\nINV/ABC/1000 hrs\n`;
    writeFileSync(join(folder, `a-${String(index).padStart(4, '0')}.txt`), story(`The invented council met for the ${index}th time and voted on item ${index}.`));
    if (index % 5 === 0) writeFileSync(join(folder, `b-${String(index).padStart(4, '0')}.txt`), story(`The invented council met for the ${index}th time and voted on item ${index}, then adjourned.`));
  }
  writeFileSync(join(folder, 'c-broken.xml'), '<?xml version="1.0"?><nitf><body><p>cut off');
}

/** A seeded generator, so a failing run can be run again the same way. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

interface Run {
  reported: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** When to kill a run: once it has reported `after` inputs kept, `delay` ms later (so mid-way through the next). */
interface Kill {
  after: number;
  delay: number;
}

/**
 * Runs `slugline ingest` and kills it as `kill` says (never, when null); collects the
 * inputs it reported kept. Kills are placed by progress, not by the clock, so they
 * land inside the work however slow the machine is.
 */
function ingestRun(inputs: string, db: string, kill: Kill | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built, 'ingest', inputs, '--db', db, '--no-enrich', '--log'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported: string[] = [];
    let pending = '';
    let timer: NodeJS.Timeout | null = null;
    const arm = () => {
      if (kill !== null && timer === null && reported.length >= kill.after) timer = setTimeout(() => child.kill('SIGKILL'), kill.delay);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith('{"input"')) reported.push((JSON.parse(line) as { hash: string }).hash);
      arm();
    });
    child.stderr.resume();
    arm();
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer !== null) clearTimeout(timer);
      resolve({ reported, code, signal });
    });
  });
}

test('SIGKILL at any moment of an ingest loses nothing reported kept, and reruns finish without duplicates', { timeout: 300_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'slugline-crash-'));
  const inputs = join(folder, 'inputs');
  makeInputs(inputs, 150);
  // The reference: one run, never killed.
  const reference = spawnSync(process.execPath, [built, 'ingest', inputs, '--db', join(folder, 'reference.db'), '--no-enrich', '--json'], { encoding: 'utf8' });
  assert.equal(reference.status, 0, reference.stderr);
  const expected = await statsOf(join(folder, 'reference.db'));
  assert.deepEqual([expected.inputs, expected.stories, expected.versions, expected.quarantined], [181, 150, 180, 1]);

  const db = join(folder, 'crashed.db');
  const next = random(20241129);
  let kills = 0;
  let reportedInAll = 0;
  let killedMidway = 0;
  for (let attempt = 0; attempt < 40; attempt++) {
    // Most runs are killed somewhere in the work still to do (or during start-up); after a dozen kills, one runs to the end.
    const kill = kills < 12 ? { after: Math.floor(next() * 40), delay: Math.floor(next() * 15) } : null;
    const run = await ingestRun(inputs, db, kill);
    reportedInAll += run.reported.length;
    const store = SqliteStore.open(db);
    try {
      for (const hash of run.reported) assert.equal(await store.hasInput(hash), true, `input ${hash} was reported kept before the kill but is missing`);
    } finally {
      await store.close();
    }
    if (run.signal === 'SIGKILL') {
      kills++;
      if (run.reported.length > 0) killedMidway++;
    }
    else {
      assert.equal(run.code, 0);
      if (kill === null) break;
    }
  }
  assert.ok(kills >= 12, `only ${kills} runs were killed`);
  assert.ok(killedMidway >= 3, `only ${killedMidway} runs were killed after keeping some inputs: the kills came too early to test anything`);
  assert.ok(reportedInAll >= 181, 'the runs together reported every input kept');
  assert.deepEqual(await statsOf(db), expected);
});

async function statsOf(path: string) {
  const store = SqliteStore.open(path, { mustExist: true });
  try {
    const stats = await store.stats();
    return { inputs: stats.inputs, stories: stats.stories, versions: stats.versions, quarantined: stats.quarantined, canceled: stats.canceled };
  } finally {
    await store.close();
  }
}
