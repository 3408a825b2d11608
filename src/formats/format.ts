import type { SourceFile } from '../source/source-file.js';
import type { Story } from '../story/story.js';

/** What a reader says when asked whether it can read an input. */
export interface Sniff {
  /** 0: not this format; 1: certainly this format; in between: plausibly. */
  score: number;
  /** Why, in a few words (`found <REUTERS> elements`, `no <nitf> root`). */
  reason: string;
}

export interface ParseOptions {
  /**
   * When the copy was transmitted, ISO 8601, if the caller knows it: completes dates
   * the copy gives without a year (`SALVADOR, Feb 26 -`).
   */
  referenceDate?: string | null;
}

/**
 * One wire format Slugline reads. Parsers are pure: bytes in, stories out; no file
 * system, clock or network.
 */
export interface Format {
  /** The name used with `--from` and in `Story.source.format`. */
  readonly id: string;
  /** One line for `--help`. */
  readonly description: string;
  sniff(file: SourceFile): Sniff;
  /** Every story in the input; throws ParseError (via `file.fail`) when there is none to be had. */
  parse(file: SourceFile, options?: ParseOptions): Story[];
}
