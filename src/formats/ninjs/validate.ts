/**
 * Checks JSON against IPTC's official ninjs schemas, 1.0 to 3.1, with ajv. The
 * schemas are not part of Slugline: the caller hands them in (tests load them from
 * `../shared/data/iptc/ninjs/specification/`), and the schemas they refer to by URL
 * (GeoJSON) too, for nothing is ever fetched.
 *
 * IPTC wrote its schemas in four drafts of JSON Schema. 2020-12 and 2019-09 go to
 * ajv's classes for them. draft-07 goes to plain ajv. draft-04 (1.1–1.4, 2.0) and
 * draft-03 (1.0), which ajv no longer reads, are first rewritten as draft-07 with
 * the same meaning: `id` becomes `$id`, draft-03's `"required": true` on a property
 * becomes the parent's `required` list, draft-04's boolean `exclusiveMinimum` and
 * `exclusiveMaximum` become numbers. A keyword whose meaning would change is refused,
 * never dropped.
 */
import { Ajv } from 'ajv';
import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { SluglineError } from '../../errors.js';
import { LineIndex, findSyntaxError } from './json-text.js';

/** The ninjs versions IPTC publishes a schema for. */
export const ninjsSchemaVersions = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.0', '2.1', '2.2', '3.0', '3.1'] as const;

export type NinjsSchemaVersion = (typeof ninjsSchemaVersions)[number];

/** Where the validator gets its schemas: nothing is read from disk or the network here. */
export interface NinjsSchemas {
  /** IPTC's schema of a version, as published (`ninjs-schema_2.2.json`, parsed). */
  schema(version: NinjsSchemaVersion): object;
  /**
   * Schemas the ninjs schemas refer to by URL, each registered under its own `$id`:
   * GeoJSON (`https://geojson.org/schema/GeoJSON.json`) for 2.0 and later.
   */
  references?: readonly object[];
}

export interface NinjsValidationOptions {
  /**
   * Check `format` (`uri`, `date-time`) too. Off by default, as in IPTC's own test
   * suite, whose passing items include `"uri": "001_urgency"`; JSON Schema 2020-12
   * makes `format` an annotation unless asked.
   */
  formats?: boolean;
}

/** One way the JSON breaks the schema. */
export interface NinjsProblem {
  /** JSON Pointer to the offending value (`/headlines/0`), `` for the whole document. */
  path: string;
  message: string;
}

export interface NinjsValidation {
  valid: boolean;
  problems: NinjsProblem[];
}

/**
 * Validates JSON text against the ninjs schema of `version`. Text that is not JSON
 * is invalid, with the line and column where it breaks. Compiled schemas are kept
 * for each `schemas` object, so pass the same one each time.
 *
 * @example
 * const schemas = { schema: (version) => JSON.parse(readFileSync(`ninjs-schema_${version}.json`, 'utf8')) };
 * validateNinjs('{"uri": "urn:x"}', '2.2', schemas).valid; // true
 */
export function validateNinjs(
  json: string,
  version: NinjsSchemaVersion,
  schemas: NinjsSchemas,
  options: NinjsValidationOptions = {},
): NinjsValidation {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const syntax = findSyntaxError(json) ?? { offset: 0, reason: (error as Error).message };
    const { line, column } = new LineIndex(json).place(syntax.offset);
    return { valid: false, problems: [{ path: '', message: `not valid JSON: ${syntax.reason} (line ${line}, column ${column})` }] };
  }
  const validate = compiled(schemas, version, options.formats ?? false);
  if (validate(value)) return { valid: true, problems: [] };
  return { valid: false, problems: (validate.errors ?? []).map(problemOf) };
}

const cache = new WeakMap<NinjsSchemas, Map<string, ValidateFunction>>();

function compiled(schemas: NinjsSchemas, version: NinjsSchemaVersion, formats: boolean): ValidateFunction {
  let byVersion = cache.get(schemas);
  if (!byVersion) cache.set(schemas, (byVersion = new Map()));
  const key = `${version} ${formats}`;
  const known = byVersion.get(key);
  if (known) return known;
  const original = schemas.schema(version) as AnySchemaObject;
  const draft = draftOf(original, `the ninjs ${version} schema`);
  const target: Draft = draft === 'draft-03' || draft === 'draft-04' ? 'draft-07' : draft;
  const options = { allErrors: true, strict: false, validateFormats: formats };
  const ajv = target === '2020-12' ? new Ajv2020(options) : target === '2019-09' ? new Ajv2019(options) : new Ajv(options);
  if (formats) addFormats(ajv);
  for (const reference of schemas.references ?? []) {
    ajv.addSchema(rewrite(reference as AnySchemaObject, target, 'a referenced schema'));
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(rewrite(original, target, `the ninjs ${version} schema`));
  } catch (error) {
    const missing = (error as { missingRef?: string }).missingRef;
    throw new SluglineError(
      missing
        ? `Cannot compile the ninjs ${version} schema: it refers to ${missing}, which was not given; pass that schema in \`references\` (Slugline never fetches schemas)`
        : `Cannot compile the ninjs ${version} schema: ${(error as Error).message}`,
      { cause: error },
    );
  }
  byVersion.set(key, validate);
  return validate;
}

// ajv-formats is CommonJS: its plugin is the module itself, or its `default`.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (
  ajv: Ajv | Ajv2019 | Ajv2020,
) => void;

function problemOf(error: ErrorObject): NinjsProblem {
  const params = error.params as Record<string, unknown>;
  const detail =
    params.additionalProperty ?? params.unevaluatedProperty ?? params.missingProperty ?? (params.allowedValues ? (params.allowedValues as unknown[]).join(', ') : undefined);
  return { path: error.instancePath, message: `${error.message ?? error.keyword}${detail !== undefined ? ` (${String(detail)})` : ''}` };
}

// ---------------------------------------------------------------------------
// Drafts

type Draft = 'draft-03' | 'draft-04' | 'draft-07' | '2019-09' | '2020-12';

const draftUris: Record<string, Draft> = {
  'http://json-schema.org/draft-03/schema': 'draft-03',
  'http://json-schema.org/draft-04/schema': 'draft-04',
  'http://json-schema.org/draft-07/schema': 'draft-07',
  'https://json-schema.org/draft/2019-09/schema': '2019-09',
  'https://json-schema.org/draft/2020-12/schema': '2020-12',
};

const targetUris: Record<Draft, string> = {
  'draft-03': 'http://json-schema.org/draft-03/schema#',
  'draft-04': 'http://json-schema.org/draft-04/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

function draftOf(schema: AnySchemaObject, what: string): Draft {
  const declared = typeof schema.$schema === 'string' ? schema.$schema.replace(/#$/, '') : '';
  const draft = draftUris[declared];
  if (!draft) throw new SluglineError(`Cannot validate against ${what}: its $schema \`${String(schema.$schema)}\` is none of ${Object.keys(draftUris).join(', ')}`);
  return draft;
}

/**
 * Keywords that mean the same in draft-07 and 2020-12, so that a 2020-12 schema
 * made of them only (GeoJSON's) can be referred to from a draft-07 one.
 */
const sharedKeywords = new Set([
  '$schema', '$id', '$ref', 'title', 'description', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties',
  'patternProperties', 'items', 'minItems', 'maxItems', 'oneOf', 'anyOf', 'allOf', 'not', 'minimum', 'maximum',
  'minLength', 'maxLength', 'pattern', 'format',
]);

/** The schema as `target` reads it: the same schema, or a copy rewritten with the same meaning. */
function rewrite(schema: AnySchemaObject, target: Draft, what: string): AnySchemaObject {
  const draft = draftOf(schema, what);
  if (draft === target) return schema;
  if (target === 'draft-07' && (draft === 'draft-03' || draft === 'draft-04')) {
    return { ...upgrade(schema, draft), $schema: targetUris['draft-07'] };
  }
  if (target === 'draft-07' && draft === '2020-12') {
    forEachSchema(schema, (node) => {
      for (const keyword of Object.keys(node)) {
        if (!sharedKeywords.has(keyword) || (keyword === 'items' && Array.isArray(node.items))) {
          throw new SluglineError(`Cannot use ${what} (${String(schema.$id)}) from a draft-07 schema: \`${keyword}\` means something else in 2020-12`);
        }
      }
    });
    return { ...schema, $schema: targetUris['draft-07'] };
  }
  throw new SluglineError(`Cannot use ${what}, written in JSON Schema ${draft}, from a ${target} schema`);
}

/** Keywords whose values are schemas, by how they hold them. */
const schemaMaps = ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies', 'dependentSchemas'];
const schemaValues = ['additionalProperties', 'additionalItems', 'items', 'not', 'extends', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedProperties', 'unevaluatedItems'];
const schemaLists = ['allOf', 'anyOf', 'oneOf', 'items', 'extends', 'prefixItems'];

/** Calls `visit` on the schema and every schema inside it (not on property names or enum values). */
function forEachSchema(schema: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
  const node = schema as Record<string, unknown>;
  visit(node);
  for (const keyword of schemaMaps) {
    const map = node[keyword];
    if (typeof map === 'object' && map !== null && !Array.isArray(map)) for (const each of Object.values(map)) forEachSchema(each, visit);
  }
  for (const keyword of schemaValues) if (!Array.isArray(node[keyword])) forEachSchema(node[keyword], visit);
  for (const keyword of schemaLists) if (Array.isArray(node[keyword])) for (const each of node[keyword]) forEachSchema(each, visit);
}

/** A deep copy of a draft-03 or draft-04 schema, rewritten as draft-07 with the same meaning. */
function upgrade(schema: AnySchemaObject, draft: 'draft-03' | 'draft-04'): AnySchemaObject {
  const copy = structuredClone(schema) as AnySchemaObject;
  forEachSchema(copy, (node) => {
    if (typeof node.id === 'string') {
      node.$id = node.id;
      delete node.id;
    }
    // draft-04: `"maximum": 9, "exclusiveMaximum": true`; draft-07: `"exclusiveMaximum": 9`.
    for (const [exclusive, limit] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof node[exclusive] !== 'boolean') continue;
      if (node[exclusive] && node[limit] !== undefined) {
        node[exclusive] = node[limit];
        delete node[limit];
      } else {
        delete node[exclusive];
      }
    }
    if (draft !== 'draft-03') return;
    for (const keyword of ['extends', 'disallow', 'divisibleBy']) {
      if (keyword in node) throw new SluglineError(`Cannot read the draft-03 keyword \`${keyword}\`: it is not rewritten for draft-07`);
    }
    if (Array.isArray(node.type) && node.type.some((each) => typeof each !== 'string')) {
      throw new SluglineError('Cannot read a draft-03 `type` that lists schemas: it is not rewritten for draft-07');
    }
    // draft-03 marks a required property on the property itself.
    const properties = node.properties;
    if (typeof properties === 'object' && properties !== null) {
      const required: string[] = [];
      for (const [name, property] of Object.entries(properties as Record<string, Record<string, unknown>>)) {
        if (typeof property?.required === 'boolean') {
          if (property.required) required.push(name);
          delete property.required;
        }
      }
      if (required.length) node.required = required;
    }
    // Outside `properties` a draft-03 `required` says nothing.
    if (typeof node.required === 'boolean') delete node.required;
  });
  return copy;
}
