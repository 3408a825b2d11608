import { UsageError } from '../errors.js';
import { nerTagger } from '../enrich/entities/tagger.js';
import { readArguments, readInput } from './inputs.js';
import type { Output } from './output.js';

export const nerHelp = `Usage: slugline ner --conll FILE

Tags names (PER, ORG, LOC, MISC) in CoNLL-format tokens and writes every line back
with the predicted IOB2 tag appended as a last column, so that conlleval can score
it against the gold column. FILE (or - for standard input) has one token a line in
its first column, a blank line between sentences, and may have -DOCSTART- lines
between documents.

Blank lines are passed through as they are. -DOCSTART- lines are passed through
too, untagged, with an O column added so that every non-blank line has as many
columns as conlleval expects.

Exit status: 0 when the input was tagged, 1 when it could not be read, 2 on a
usage error.`;

/** The separator a CoNLL line uses between columns: a tab if it has one, else a space. */
function separatorOf(line: string): string {
  return line.includes('\t') ? '\t' : ' ';
}

/**
 * `slugline ner --conll FILE`: appends the tagger's IOB2 tag to each token line of a
 * CoNLL file; resolves to the exit status.
 *
 * @example
 * await runNer(['--conll', 'valid.txt'], new Output()); // EU NNP B-NP B-ORG B-ORG …
 */
export async function runNer(argv: string[], output: Output): Promise<number> {
  const { values, positionals } = readArguments('ner', {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { conll: { type: 'string' } },
  });
  if (values.conll === undefined) throw new UsageError('ner needs --conll FILE (try: slugline ner --help)');
  if (positionals.length > 0) throw new UsageError(`ner: unexpected argument \`${positionals[0]}\` (try: slugline ner --help)`);
  const file = await readInput(values.conll, output);
  if (file === null) return 1;
  const text = new TextDecoder('utf-8').decode(file.bytes);
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start another.
  if (lines[lines.length - 1] === '') lines.pop();
  const tagger = nerTagger();
  let sentence: string[] = [];
  const flush = () => {
    if (sentence.length === 0) return;
    const tags = tagger.tag(sentence.map((line) => line.trim().split(/\s+/)[0]!));
    sentence.forEach((line, index) => output.out(`${line.trimEnd()}${separatorOf(line)}${tags[index]!}\n`));
    sentence = [];
  };
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('-DOCSTART-')) {
      flush();
      output.out(trimmed === '' ? `${line}\n` : `${line.trimEnd()}${separatorOf(line)}O\n`);
      await output.drain();
    } else {
      sentence.push(line);
    }
  }
  flush();
  return 0;
}
