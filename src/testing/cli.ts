import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real command, as built by `npm run build` (which `npm test` runs first). */
export const bin = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

/** Runs `slugline ARGS…` with `input` on standard input; its status and output. */
export function slugline(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(bin), `${bin} is missing: run npm run build`);
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON lines of an output, parsed. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
