import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { enricherById, enrichers } from '../enrich/index.js';
import { UsageError } from '../errors.js';
import { formatById, formats, writerById, writers } from '../formats/index.js';
import type { Writer } from '../formats/format.js';
import { SourceFile } from '../source/source-file.js';
import type { Output } from './output.js';

/** A command's arguments, read strictly: a wrong option is a usage error that names the command's help. */
export function readArguments<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message} (try: slugline ${command} --help)`, { cause: error });
  }
}

/** The `--from` value checked against the readers, or null when none was given. */
export function readerOption(from: string | undefined): string | null {
  if (from === undefined) return null;
  if (formatById(from) === null) {
    throw new UsageError(`--from: unknown format \`${from}\` (one of: ${formats.map((format) => format.id).join(', ')})`);
  }
  return from;
}

/** The enrichers `--without` names (comma-separated), each checked. */
export function withoutOption(without: string | undefined): string[] {
  if (without === undefined) return [];
  const ids = without.split(',').map((id) => id.trim()).filter(Boolean);
  for (const id of ids) {
    if (enricherById(id) === null) throw new UsageError(`--without: unknown enricher \`${id}\` (one of: ${enrichers.map((each) => each.id).join(', ')})`);
  }
  return ids;
}

/** The writer the `--to` value names. */
export function writerOption(to: string): Writer {
  const writer = writerById(to);
  if (!writer) throw new UsageError(`--to: unknown output \`${to}\` (one of: ${writers.map((each) => each.id).join(', ')})`);
  return writer;
}

/**
 * Reads one input (a path, or `-` for standard input) into a SourceFile stamped with
 * the time it was received; reports why on standard error and returns null when it
 * cannot be read.
 */
export async function readInput(input: string, output: Output): Promise<SourceFile | null> {
  const receivedAt = new Date().toISOString();
  if (input === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return new SourceFile(Buffer.concat(chunks), { name: '<stdin>', receivedAt });
  }
  try {
    const info = await stat(input);
    if (info.isDirectory()) {
      output.error(`slugline: cannot read \`${input}\`: it is a directory (name the files in it, e.g. ${input}/*.txt)`);
      return null;
    }
    return new SourceFile(await readFile(input), { name: input, receivedAt });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file (check the path)' : code === 'EACCES' ? 'permission denied' : String(error);
    output.error(`slugline: cannot read \`${input}\`: ${why}`);
    return null;
  }
}
