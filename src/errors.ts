import type { Diagnostic, Place } from './source/source-file.js';

/**
 * The one base class of every error Slugline throws on purpose. Each says what was
 * attempted, what was expected and the way out, and keeps the underlying `cause`.
 */
export class SluglineError extends Error {
  override name = 'SluglineError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Input that a reader cannot turn into a Story. Carries every message collected so far. */
export class ParseError extends SluglineError {
  override name = 'ParseError';
  /** Display name of the input (a path, `<stdin>`, …). */
  readonly file: string;
  /** Where in the input the reader gave up, when it knows. */
  readonly place: Place | null;
  /** The reader that gave up (`wire-text`, `reuters-sgml`, …), or `detect`. */
  readonly reader: string;
  /** Every message the document collected, the fatal one last. */
  readonly diagnostics: readonly Diagnostic[];
  constructor(
    message: string,
    details: { file: string; reader: string; place?: Place | null; diagnostics?: readonly Diagnostic[]; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.file = details.file;
    this.reader = details.reader;
    this.place = details.place ?? null;
    this.diagnostics = details.diagnostics ?? [];
  }
}

/** A command or option used wrongly: the CLI exits 2 on it. */
export class UsageError extends SluglineError {
  override name = 'UsageError';
}
