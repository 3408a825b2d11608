import { ParseError } from '../errors.js';
import type { SourceFile } from '../source/source-file.js';
import type { Story } from '../story/story.js';
import { aapZczc } from './aap-zczc/parse.js';
import { anpa1312 } from './anpa-1312/parse.js';
import { atom } from './atom/parse.js';
import { atomWriter } from './atom/serialize.js';
import { dataFeed } from './data-feed/parse.js';
import { email } from './email/parse.js';
import type { Format, ParseOptions, Writer } from './format.js';
import { iptc7901 } from './iptc-7901/parse.js';
import { jsonlWriter } from './jsonl/serialize.js';
import { newsml1 } from './newsml-1/parse.js';
import { newsmlG2 } from './newsml-g2/parse.js';
import { newsmlG2Writer } from './newsml-g2/serialize.js';
import { ninjs } from './ninjs/parse.js';
import { nitf } from './nitf/parse.js';
import { nitfWriter } from './nitf/serialize.js';
import { ninjsWriter } from './ninjs/serialize.js';
import { reutersSgml } from './reuters-sgml/parse.js';
import { rss } from './rss/parse.js';
import { rssWriter } from './rss/serialize.js';
import { ritzau } from './ritzau/parse.js';
import { textWriter } from './text/serialize.js';
import { wireText } from './wire-text/parse.js';

/** Every format Slugline reads, most specific first. Adding a format is one line here. */
export const formats: readonly Format[] = [nitf, newsmlG2, newsml1, rss, atom, ritzau, ninjs, reutersSgml, iptc7901, anpa1312, aapZczc, email, dataFeed, wireText];

/** Every format Slugline writes. Adding one is one line here. */
export const writers: readonly Writer[] = [jsonlWriter, ninjsWriter, nitfWriter, newsmlG2Writer, rssWriter, atomWriter, textWriter];

/** The writer named `id` (`jsonl` is another name for `json`), or null. */
export function writerById(id: string): Writer | null {
  const name = id === 'jsonl' ? 'json' : id;
  return writers.find((writer) => writer.id === name) ?? null;
}

/** The format named `id`, or null. */
export function formatById(id: string): Format | null {
  return formats.find((format) => format.id === id) ?? null;
}

export interface ParseSourceOptions extends ParseOptions {
  /** Read the input as this format (`--from`), skipping detection. */
  from?: string | null;
}

/**
 * Detects the input's format (unless `from` names it) and reads every story in it.
 *
 * @example
 * const { format, stories } = parseSource(new SourceFile(bytes, { name: 'BFF-20.txt' }));
 */
export function parseSource(file: SourceFile, options: ParseSourceOptions = {}): { format: string; stories: Story[] } {
  const format = options.from ? requireFormat(options.from) : detectFormat(file);
  return { format: format.id, stories: format.parse(file, options) };
}

function requireFormat(id: string): Format {
  const format = formatById(id);
  if (!format) {
    throw new ParseError(`Unknown format \`${id}\`: expected one of ${formats.map((each) => each.id).join(', ')}`, {
      file: '',
      reader: 'detect',
    });
  }
  return format;
}

/** The format that scores highest on the input; a ParseError listing every reader's reason when none will. */
export function detectFormat(file: SourceFile): Format {
  let best: { format: Format; score: number } | null = null;
  const reasons: string[] = [];
  for (const format of formats) {
    const sniff = format.sniff(file);
    reasons.push(`${format.id}: ${sniff.reason}`);
    if (sniff.score > 0 && (best === null || sniff.score > best.score)) best = { format, score: sniff.score };
  }
  if (best === null) {
    throw new ParseError(
      `Cannot read \`${file.name}\`: no reader accepts it (${reasons.join('; ')}); name one with --from`,
      { file: file.name, reader: 'detect' },
    );
  }
  return best.format;
}
