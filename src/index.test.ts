import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as slugline from './index.js';

test('exports exactly the public API, nothing more', () => {
  assert.deepStrictEqual(Object.keys(slugline).sort(), [
    'ParseError',
    'SluglineError',
    'SourceFile',
    'UsageError',
    'decodeText',
    'detectFormat',
    'formatById',
    'formatPlace',
    'formats',
    'ninjs',
    'ninjsWriter',
    'parseNinjs',
    'parseReutersSgml',
    'parseSource',
    'parseWireText',
    'readWireCopy',
    'repairDoubleEncoding',
    'reutersSgml',
    'serializeNinjs',
    'validateNinjs',
    'wireText',
    'writerById',
    'writers',
  ]);
  assert.deepStrictEqual(
    slugline.formats.map((format) => format.id),
    ['nitf', 'newsml-g2', 'newsml-1.2', 'rss', 'atom', 'ritzau', 'ninjs', 'reuters-sgml', 'iptc-7901', 'anpa-1312', 'aap-zczc', 'email', 'data-feed', 'wire-text'],
  );
});
