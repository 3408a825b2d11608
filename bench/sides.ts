/**
 * Benchmarks that run each side in a child process of its own (so that neither pays
 * for the other's heap): the parent calls `spawnSide`, the child finds its side with
 * `requestedSide` and prints its result as JSON.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs `script` (a module URL) as `--side side` in a child Node with `nodeFlags`, and reads the JSON it prints. */
export function spawnSide<T>(script: string, side: string, nodeFlags: readonly string[] = []): T {
  const output = execFileSync(process.execPath, [...nodeFlags, '--import', 'tsx', fileURLToPath(script), '--side', side], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output) as T;
}

/** The side this process was started to run (`--side NAME`), or null in the parent. */
export function requestedSide(): string | null {
  const index = process.argv.indexOf('--side');
  return index >= 0 ? (process.argv[index + 1] ?? null) : null;
}
