import type { Story } from '../../story/story.js';
import type { Writer } from '../format.js';

/**
 * Stories as JSON lines: one Story (as `docs/story.schema.json` describes it) per line.
 *
 * @example
 * process.stdout.write(serializeJsonl(stories));
 */
export function serializeJsonl(stories: readonly Story[]): string {
  let out = '';
  for (const story of stories) out += JSON.stringify(story) + '\n';
  return out;
}

export const jsonlWriter: Writer = {
  id: 'json',
  description: 'Slugline Story JSON, one story per line (also: jsonl)',
  mediaType: 'application/x-ndjson',
  serialize: serializeJsonl,
};
