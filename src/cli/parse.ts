import { ParseError, UsageError } from '../errors.js';
import { enrichStory, enrichers } from '../enrich/index.js';
import { formats, parseSource, writers } from '../formats/index.js';
import { readArguments, readInput, readerOption, withoutOption, writerOption } from './inputs.js';
import type { Output } from './output.js';

export const parseHelp = `Usage: slugline parse [FILE… | -] [--from FORMAT] [--to json|text]

Reads wire copy and prints every story in it: one JSON Story per line (--to json,
the default) or a readable rendering (--to text). With no FILE, or -, reads
standard input. The format is detected unless --from names it. Stories are
enriched (entities, quotes, times, amounts, the dateline's place, the language)
unless --no-enrich says not to.

Options:
  --from FORMAT   read as this format: ${formats.map((format) => format.id).join(', ')}
  --to FORMAT     ${writers.map((writer) => writer.id).join(', ')} (default json: one Story per line)
  --reference-date DATE
                  when the copy was sent (ISO 8601): completes datelines without a year
  --no-enrich     print the stories as read, without enrichment
  --without LIST  leave these enrichers out (comma-separated): ${enrichers.map((enricher) => enricher.id).join(', ')}

Exit status: 0 when every input was read, 1 when any was rejected (one line on
standard error each, naming the file, the place and the reason), 2 on a usage error.`;

/** `slugline parse`: prints the stories of each input; resolves to the exit status. */
export async function parseCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('parse', {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'reference-date': { type: 'string' },
      'no-enrich': { type: 'boolean' },
      without: { type: 'string' },
    },
  });
  const enrich = values['no-enrich'] ? null : { without: withoutOption(values.without) };
  const from = readerOption(values.from);
  const writer = writerOption(values.to ?? 'json');
  const referenceDate = values['reference-date'] ?? null;
  if (referenceDate !== null && Number.isNaN(Date.parse(referenceDate))) {
    throw new UsageError(`--reference-date: \`${referenceDate}\` is not an ISO 8601 date (like 2019-04-25)`);
  }
  const inputs = positionals.length === 0 ? ['-'] : positionals;
  let rejected = 0;
  for (const input of inputs) {
    const file = await readInput(input, output);
    if (file === null) {
      rejected++;
      continue;
    }
    try {
      const { stories } = parseSource(file, { from, referenceDate });
      output.out(writer.serialize(enrich === null ? stories : stories.map((story) => enrichStory(story, enrich))));
      await output.drain();
    } catch (error) {
      rejected++;
      if (error instanceof ParseError) output.error(`slugline: ${error.message}`);
      else output.error(`slugline: internal error while reading \`${file.name}\` (please report it): ${String(error)}`);
    }
  }
  return rejected === 0 ? 0 : 1;
}
