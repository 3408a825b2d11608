import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real wire copy kept beside the project in `../shared/data` (never copied
 * into the repository). Tests that need it are skipped, with this notice, when it is absent.
 */
export const sharedData = fileURLToPath(new URL('../../../shared/data/', import.meta.url));

/** The absolute path of `relative` inside the shared data, or null when it is not there. */
export function sharedPath(relative: string): string | null {
  const path = sharedData + relative;
  return existsSync(path) ? path : null;
}

/** A `skip` value for node:test: false when the data is present, else a notice saying what is missing. */
export function skipWithout(relative: string): string | false {
  return sharedPath(relative) === null ? `needs ../shared/data/${relative}, which is absent: skipped` : false;
}

/** Every non-empty file below a folder, at any depth, sorted by path. */
export function filesUnder(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else if (statSync(path).size > 0) found.push(path);
  }
  return found.sort();
}
