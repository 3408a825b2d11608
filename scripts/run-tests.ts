// Runs every *.test.ts under src/ and bench/ with node's built-in test runner, and
// ends with one plain summary line (`tests: N passed, N failed, N skipped`), since the
// spec reporter lists failing and to-do tests after its own summary.
// Node 20's runner takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(directory: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...find(path));
    else if (entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const files = ['src', 'bench'].flatMap((directory) => find(directory)).sort();
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((file) => filter.some((part) => file.includes(part))) : files;
const folder = mkdtempSync(join(tmpdir(), 'slugline-tests-'));
const tap = join(folder, 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...selected,
  ],
  { stdio: 'inherit' },
);
const counts = (name: string) => {
  const matches = [...readFileSync(tap, 'utf8').matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
  return matches.length ? Number(matches[matches.length - 1]![1]) : 0;
};
const [passed, failed, skipped, todo] = ['pass', 'fail', 'skipped', 'todo'].map(counts);
rmSync(folder, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped! + todo!} skipped`);
process.exit(result.status ?? 1);
