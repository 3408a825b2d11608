import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ParseError, UsageError } from '../errors.js';
import { formatById, formats, parseSource, writerById, writers } from '../formats/index.js';
import { SourceFile } from '../source/source-file.js';
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
  const { values, positionals } = readArguments(argv);
  if (positionals.length !== 1) throw new UsageError('convert takes one input (try: slugline convert --help)');
  if (!values.to) throw new UsageError('convert needs --to FORMAT (try: slugline convert --help)');
  const writer = writerById(values.to);
  if (!writer) throw new UsageError(`--to: unknown output \`${values.to}\` (one of: ${writers.map((each) => each.id).join(', ')})`);
  const from = values.from ?? null;
  if (from !== null && formatById(from) === null) {
    throw new UsageError(`--from: unknown format \`${from}\` (one of: ${formats.map((format) => format.id).join(', ')})`);
  }
  const input = positionals[0]!;
  let bytes: Buffer;
  try {
    bytes = input === '-' ? await readStdin() : await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    output.error(`slugline: cannot read \`${input}\`: ${code === 'ENOENT' ? 'no such file (check the path)' : String(error)}`);
    return 1;
  }
  const file = new SourceFile(bytes, { name: input === '-' ? '<stdin>' : input, receivedAt: new Date().toISOString() });
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

function readArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (error) {
    throw new UsageError(`convert: ${(error as Error).message} (try: slugline convert --help)`, { cause: error });
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
