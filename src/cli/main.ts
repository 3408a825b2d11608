#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { SluglineError, UsageError } from '../errors.js';
import { exportCommand, exportHelp, historyCommand, historyHelp, ingestCommand, ingestHelp, searchCommand, searchHelp, showCommand, showHelp, statsCommand, statsHelp, watchCommand, watchHelp } from './archive.js';
import { convertCommand, convertHelp } from './convert.js';
import { nerHelp, runNer } from './ner.js';
import { parseCommand, parseHelp } from './parse.js';
import { Output } from './output.js';

const usage = `Usage: slugline <command> [options]

Commands:
  parse [FILE… | -]   read wire copy and print every story in it
  convert IN --to F   write the stories of one input in another format
  ner --conll FILE    tag CoNLL tokens with names (PER, ORG, LOC, MISC), for conlleval

Archive (--db FILE, else $SLUGLINE_DB, else ./slugline.db):
  ingest PATH… | -    keep inputs and their stories: versions, takes joined, quarantine
  watch DIR           ingest files dropped into DIR as they arrive
  search QUERY        find stories: words, "phrases", AND/OR/NOT, fields, dates
  show ID             print a story (--version N, --to FORMAT)
  history ID          list a story's versions
  export [QUERY]      write stories out (--to json|ninjs|nitf|newsml-g2, -o FILE|DIR/)
  stats               what the archive holds (--quarantined: what could not be read)

Options:
  -h, --help          show help (also: slugline <command> --help)
  -v, --version       print the version

Exit status: 0 when every input was read, 1 when any was rejected, 2 on a usage error.`;

const archiveCommands: Record<string, [string, (argv: string[], output: Output) => Promise<number>]> = {
  ingest: [ingestHelp, ingestCommand],
  search: [searchHelp, searchCommand],
  show: [showHelp, showCommand],
  history: [historyHelp, historyCommand],
  export: [exportHelp, exportCommand],
  stats: [statsHelp, statsCommand],
  watch: [watchHelp, watchCommand],
};

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
      case 'ingest':
      case 'search':
      case 'show':
      case 'history':
      case 'export':
      case 'stats':
      case 'watch': {
        const [help, run] = archiveCommands[command]!;
        if (rest.includes('--help') || rest.includes('-h')) {
          output.out(help + '\n');
          return 0;
        }
        return await run(rest, output);
      }
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
