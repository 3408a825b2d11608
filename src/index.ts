/**
 * Slugline's public API: read wire copy into Story values.
 *
 * @example
 * import { SourceFile, parseSource } from 'slugline';
 * const { stories } = parseSource(new SourceFile(bytes, { name: 'BFF-20.txt' }));
 * stories[0]?.dateline?.place; // 'VLADIVOSTOK'
 */
export { ParseError, SluglineError, UsageError } from './errors.js';
export { SourceFile, formatPlace } from './source/source-file.js';
export type { Diagnostic, Origin, Place, Severity } from './source/source-file.js';
export { decodeText, repairDoubleEncoding } from './source/decode.js';
export type { DecodedText } from './source/decode.js';
export type {
  Block,
  BlockKind,
  Byline,
  Damage,
  DamageKind,
  Dateline,
  Embargo,
  Priority,
  Signal,
  Signoff,
  Status,
  Story,
  StorySource,
} from './story/story.js';
export type { Format, ParseOptions, Sniff, Writer } from './formats/format.js';
export { detectFormat, formatById, formats, parseSource, writerById, writers } from './formats/index.js';
export type { ParseSourceOptions } from './formats/index.js';
export { parseWireText, readWireCopy, wireText } from './formats/wire-text/parse.js';
export type { ReadWireCopyOptions, WireCopy } from './formats/wire-text/parse.js';
export { parseReutersSgml, reutersSgml } from './formats/reuters-sgml/parse.js';
export { ninjs, parseNinjs } from './formats/ninjs/parse.js';
export { ninjsWriter, serializeNinjs } from './formats/ninjs/serialize.js';
export { validateNinjs } from './formats/ninjs/validate.js';
