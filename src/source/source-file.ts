import { ParseError } from '../errors.js';

/** Where in a document a message points. Lines and columns count from 1. */
export interface Place {
  line?: number;
  column?: number;
  /** Index of the body block (paragraph, crosshead, …) in `Story.body`, from 0. */
  block?: number;
}

export type Severity = 'info' | 'warn' | 'fail';

/** One message about one document, with where and which rule raised it. */
export interface Diagnostic {
  severity: Severity;
  /** A stable rule id, `area/what` (`encoding/not-utf8`, `damage/truncated`). */
  rule: string;
  message: string;
  place: Place | null;
  /** The reader or step that raised it (`wire-text`, `decode`, …). */
  source: string;
}

/** Where the bytes came from; filled in by whoever fetched them, never by a parser. */
export interface Origin {
  /** How the input is named in messages and in `Story.source.file`: a path, `<stdin>`, a URL. */
  name: string;
  /** When Slugline received the bytes, ISO 8601; parsers never read the clock. */
  receivedAt?: string | null;
}

/**
 * The bytes of one input, where they came from, and every message about them.
 *
 * @example
 * const file = new SourceFile(bytes, { name: 'wire/BFF-20.txt' });
 * file.warn('damage/truncated', 'paragraph 7 ends mid-sentence', { block: 7 }, 'wire-text');
 */
export class SourceFile {
  readonly bytes: Uint8Array;
  readonly origin: Origin;
  readonly messages: Diagnostic[] = [];

  constructor(bytes: Uint8Array, origin: Origin) {
    this.bytes = bytes;
    this.origin = origin;
  }

  /** The name used in messages. */
  get name(): string {
    return this.origin.name;
  }

  info(rule: string, message: string, place: Place | null, source: string): Diagnostic {
    return this.add('info', rule, message, place, source);
  }

  warn(rule: string, message: string, place: Place | null, source: string): Diagnostic {
    return this.add('warn', rule, message, place, source);
  }

  /** Records a fatal message and throws a ParseError carrying every message so far. */
  fail(rule: string, message: string, place: Place | null, source: string, cause?: unknown): never {
    this.add('fail', rule, message, place, source);
    throw new ParseError(`Cannot parse \`${this.name}\`${formatPlace(place)} as ${source}: ${message}`, {
      file: this.name,
      reader: source,
      place,
      diagnostics: [...this.messages],
      cause,
    });
  }

  private add(severity: Severity, rule: string, message: string, place: Place | null, source: string): Diagnostic {
    const diagnostic: Diagnostic = { severity, rule, message, place, source };
    this.messages.push(diagnostic);
    return diagnostic;
  }
}

/** ` (line 3, column 7)`, ` (paragraph 4)`, or nothing. */
export function formatPlace(place: Place | null | undefined): string {
  if (!place) return '';
  const parts: string[] = [];
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.column !== undefined) parts.push(`column ${place.column}`);
  if (place.block !== undefined) parts.push(`paragraph ${place.block + 1}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
