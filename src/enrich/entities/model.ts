/**
 * The tagger's model (feature weights, tag transitions, the gazetteer) and the file
 * it ships in, `model/ner-model.json`, written by `scripts/train-ner.ts` and read
 * here once, on first use.
 *
 * The file is JSON so that `tsc` copies it into `dist/` beside this module (it does
 * for JSON files in the program; the type reference below puts it there). Its `data`
 * is base64 of a deflated little-endian binary:
 *
 *   featureKeys  uint32 × rows      ascending, each written as the difference from the previous
 *   weights      int16 × rows × 17  row r's weight for each BILOU tag, × `weightScale`
 *   transitions  float32 × 17 × 17
 *   gazetteer    uint32 × gazetteerEntries phrase hashes, then as many class bit sets
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';
import { SluglineError } from '../../errors.js';
import { FeatureTable } from './decode.js';
import { featureVersion } from './features.js';
import type { Lexicon } from './features.js';
import { Gazetteer } from './gazetteer.js';
import { bilouTags, tagCount } from './tags.js';
import type shippedModelFile from './model/ner-model.json';

/** A model ready to tag with. */
export interface NerModel {
  features: FeatureTable;
  /** `rows × tagCount` weights. */
  weights: Float32Array;
  /** `tagCount × tagCount`, from tag × to tag. */
  transitions: Float32Array;
  lexicon: Lexicon;
  /** How it was trained: epochs, cut-off, its F1 on valid.txt, … */
  training: Record<string, unknown>;
}

/** What training hands over to be written: the same, with the features as parallel arrays. */
export interface TrainedModel {
  keys: Uint32Array;
  weights: Float32Array;
  transitions: Float32Array;
  lexicon: Lexicon;
  training: Record<string, unknown>;
}

/** The model file as stored (see the module comment for `data`). */
export interface ModelFile {
  format: 'slugline-ner';
  version: 1;
  featureVersion: number;
  tags: string[];
  rows: number;
  weightScale: number;
  gazetteerEntries: number;
  gazetteerMaxLength: number;
  training: Record<string, unknown>;
  data: string;
}

/** The shipped file's type. Note: this type-only import is also what makes tsc copy the model into dist/. */
export type ShippedModelFile = typeof shippedModelFile;

/**
 * The model as a file: weights quantised to 16 bits (rows whose weights all round to
 * zero left out), keys delta-coded, the whole deflated.
 */
export function encodeModel(model: TrainedModel): ModelFile {
  let largest = 0;
  for (const weight of model.weights) largest = Math.max(largest, Math.abs(weight));
  const weightScale = largest / 32767 || 1;
  const keptKeys: number[] = [];
  const keptWeights: number[] = [];
  const order = Array.from(model.keys.keys()).sort((left, right) => model.keys[left]! - model.keys[right]!);
  for (const row of order) {
    const quantised = Array.from(model.weights.subarray(row * tagCount, (row + 1) * tagCount), (weight) => Math.round(weight / weightScale));
    if (quantised.every((weight) => weight === 0)) continue;
    keptKeys.push(model.keys[row]!);
    keptWeights.push(...quantised);
  }
  const rows = keptKeys.length;
  const { keys: gazetteerKeys, values: gazetteerValues } = model.lexicon.gazetteer.toArrays();
  const buffer = Buffer.alloc(
    rows * 4 + rows * tagCount * 2 + tagCount * tagCount * 4 + gazetteerKeys.length * 8,
  );
  let offset = 0;
  let previous = 0;
  for (const key of keptKeys) {
    offset = buffer.writeUInt32LE((key - previous) >>> 0, offset);
    previous = key;
  }
  for (const weight of keptWeights) offset = buffer.writeInt16LE(weight, offset);
  for (const transition of model.transitions) offset = buffer.writeFloatLE(transition, offset);
  for (const key of gazetteerKeys) offset = buffer.writeUInt32LE(key, offset);
  for (const value of gazetteerValues) offset = buffer.writeUInt32LE(value, offset);
  return {
    format: 'slugline-ner',
    version: 1,
    featureVersion,
    tags: [...bilouTags],
    rows,
    weightScale,
    gazetteerEntries: gazetteerKeys.length,
    gazetteerMaxLength: model.lexicon.gazetteer.maxLength,
    training: model.training,
    data: deflateSync(buffer, { level: 9 }).toString('base64'),
  };
}

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** A model file read back into a model. */
export function decodeModel(file: ModelFile): NerModel {
  if (file.format !== 'slugline-ner' || file.version !== 1) {
    throw new SluglineError(`Cannot read the NER model: expected format slugline-ner version 1, found ${String(file.format)} ${String(file.version)} (run npm run train:ner)`);
  }
  if (file.featureVersion !== featureVersion || file.tags.join(' ') !== bilouTags.join(' ')) {
    throw new SluglineError('Cannot use the NER model: it was trained with other features or tags (run npm run train:ner)');
  }
  // Copied into a fresh buffer, so that the typed arrays below are aligned.
  const bytes = new Uint8Array(inflateSync(Buffer.from(file.data, 'base64')));
  const data = new DataView(bytes.buffer);
  let offset = 0;
  const features = new FeatureTable(file.rows);
  let key = 0;
  for (let row = 0; row < file.rows; row++, offset += 4) {
    key = (key + data.getUint32(offset, true)) >>> 0;
    features.set(key, row);
  }
  const weights = new Float32Array(file.rows * tagCount);
  const quantised = littleEndian ? new Int16Array(bytes.buffer, offset, weights.length) : null;
  for (let index = 0; index < weights.length; index++) weights[index] = (quantised ? quantised[index]! : data.getInt16(offset + index * 2, true)) * file.weightScale;
  offset += weights.length * 2;
  const transitions = new Float32Array(tagCount * tagCount);
  for (let index = 0; index < transitions.length; index++, offset += 4) transitions[index] = data.getFloat32(offset, true);
  const gazetteerKeys = new Uint32Array(file.gazetteerEntries);
  const gazetteerValues = new Uint32Array(file.gazetteerEntries);
  for (let index = 0; index < file.gazetteerEntries; index++) {
    gazetteerKeys[index] = data.getUint32(offset + index * 4, true);
    gazetteerValues[index] = data.getUint32(offset + (file.gazetteerEntries + index) * 4, true);
  }
  return {
    features,
    weights,
    transitions,
    lexicon: { gazetteer: Gazetteer.fromArrays(gazetteerKeys, gazetteerValues, file.gazetteerMaxLength) },
    training: file.training,
  };
}

/** Where the shipped model is: beside this module, in src/ and (copied by tsc) in dist/. */
export const shippedModelUrl = new URL('./model/ner-model.json', import.meta.url);

let shipped: NerModel | null = null;

/** The model the package ships, read on first call and kept. */
export function shippedModel(): NerModel {
  if (shipped === null) {
    let text: string;
    try {
      text = readFileSync(shippedModelUrl, 'utf8');
    } catch (error) {
      throw new SluglineError(`Cannot load the NER model \`${fileURLToPath(shippedModelUrl)}\`: ${(error as Error).message} (npm run build copies it into dist/)`, { cause: error });
    }
    shipped = decodeModel(JSON.parse(text) as ModelFile);
  }
  return shipped;
}
