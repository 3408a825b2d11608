import { writeFile } from 'node:fs/promises';
import { ParseError, UsageError } from '../errors.js';
import { formats, parseSource, writers } from '../formats/index.js';
import { readArguments, readInput, readerOption, writerOption } from './inputs.js';
import type { Output } from './output.js';

export const convertHelp = `Usage: slugline convert IN --to FORMAT [-o OUT] [--from FORMAT]

Reads one input (a file, or - for standard input) and writes every story in it in
another format: to OUT when given, else to standard output. Nothing is written when
the input cannot be read.

Options:
  --to FORMAT     ${writers.map((writer) => writer.id).join(', ')}
  -o, --output OUT
                  the file to write (it is replaced)
  --from FORMAT   read as this format: ${formats.map((format) => format.id).join(', ')}

Exit status: 0 when the input was converted, 1 when it could not be read or
written, 2 on a usage error.`;

/** `slugline convert`: one input in, one output in another format. */
export async function convertCommand(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('convert', {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      to: { type: 'string' },
      from: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('convert takes one input (try: slugline convert --help)');
  if (!values.to) throw new UsageError('convert needs --to FORMAT (try: slugline convert --help)');
  const writer = writerOption(values.to);
  const from = readerOption(values.from);
  const file = await readInput(positionals[0]!, output);
  if (file === null) return 1;
  let converted: string;
  try {
    converted = writer.serialize(parseSource(file, { from }).stories);
  } catch (error) {
    if (error instanceof ParseError) {
      output.error(`slugline: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (values.output) {
    try {
      await writeFile(values.output, converted);
    } catch (error) {
      output.error(`slugline: cannot write \`${values.output}\`: ${(error as Error).message}`);
      return 1;
    }
  } else {
    output.out(converted);
  }
  return 0;
}
