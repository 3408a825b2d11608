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

/**
 * One format Slugline writes. Writers are pure: stories in, text out.
 */
export interface Writer {
  /** The name used with `--to`. */
  readonly id: string;
  /** One line for `--help`. */
  readonly description: string;
  /** The media type of what it writes (`application/json`, `application/xml`). */
  readonly mediaType: string;
  /**
   * Writes the stories: as one document where the format holds many (a feed, JSON
   * lines), else one document per story, each ending in a line break.
   */
  serialize(stories: readonly Story[]): string;
}
