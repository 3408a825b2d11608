#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { SluglineError, UsageError } from '../errors.js';
import { convertCommand, convertHelp } from './convert.js';
import { nerHelp, runNer } from './ner.js';
import { parseCommand, parseHelp } from './parse.js';
import { Output } from './output.js';

const usage = `Usage: slugline <command> [options]

Commands:
  parse [FILE… | -]   read wire copy and print every story in it
  convert IN --to F   write the stories of one input in another format
  ner --conll FILE    tag CoNLL tokens with names (PER, ORG, LOC, MISC), for conlleval

Options:
  -h, --help          show help (also: slugline <command> --help)
  -v, --version       print the version

Exit status: 0 when every input was read, 1 when any was rejected, 2 on a usage error.`;

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], output = new Output()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        output.out(usage + '\n');
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        output.out(version() + '\n');
        return 0;
      case 'parse':
        if (rest.includes('--help') || rest.includes('-h')) {
          output.out(parseHelp + '\n');
          return 0;
        }
        return await parseCommand(rest, output);
      case 'convert':
        if (rest.includes('--help') || rest.includes('-h')) {
          output.out(convertHelp + '\n');
          return 0;
        }
        return await convertCommand(rest, output);
      case 'ner':
        if (rest.includes('--help') || rest.includes('-h')) {
          output.out(nerHelp + '\n');
          return 0;
        }
        return await runNer(rest, output);
      default:
        throw new UsageError(`unknown command \`${command}\` (try: slugline --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(`slugline: ${error.message}`);
      return 2;
    }
    if (error instanceof SluglineError) {
      output.error(`slugline: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await output.flush();
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error('slugline: internal error:', error);
    process.exitCode = 70;
  },
);
