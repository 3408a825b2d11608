import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { SluglineError } from '../../errors.js';
import { sharedPath, skipWithout } from '../../testing/shared-data.js';
import { iptcSchemas, ninjsData } from './fixtures/shared-ninjs.js';
import * as api from './validate.js';
import { ninjsSchemaVersions, validateNinjs } from './validate.js';
import type { NinjsSchemas } from './validate.js';

const skip = skipWithout(`${ninjsData}specification`);

test('exports the validator and the list of versions, and nothing else', () => {
  assert.deepStrictEqual(Object.keys(api).sort(), ['ninjsSchemaVersions', 'validateNinjs']);
});

test("accepts every should_pass item and rejects every should_fail item of IPTC's suite, for each version", { skip }, (context) => {
  const schemas = iptcSchemas()!;
  const suite = sharedPath(`${ninjsData}test_suite/`)!;
  const rows: string[] = [];
  for (const version of ninjsSchemaVersions) {
    const wrong: string[] = [];
    const counts = { pass: 0, fail: 0 };
    for (const kind of ['pass', 'fail'] as const) {
      const folder = `${suite}${version}/should_${kind}/`;
      assert.ok(existsSync(folder), `IPTC's suite has ${folder}`);
      for (const name of readdirSync(folder).sort()) {
        const result = validateNinjs(readFileSync(folder + name, 'utf8'), version, schemas);
        counts[kind]++;
        if (result.valid !== (kind === 'pass')) wrong.push(`${kind} ${name}: ${JSON.stringify(result.problems)}`);
      }
    }
    assert.deepStrictEqual(wrong, [], `ninjs ${version}`);
    assert.ok(counts.pass > 0 && counts.fail > 0, `ninjs ${version} has items of both kinds`);
    rows.push(`${version}: ${counts.pass} should_pass accepted, ${counts.fail} should_fail rejected`);
  }
  context.diagnostic(rows.join('\n'));
});

test('says why an item is invalid, with the path to the value', { skip }, () => {
  const schemas = iptcSchemas()!;
  assert.deepStrictEqual(validateNinjs('{"uri": "urn:x", "headline": "A"}', '2.2', schemas), {
    valid: false,
    problems: [{ path: '', message: 'must NOT have unevaluated properties (headline)' }],
  });
  assert.deepStrictEqual(validateNinjs('{"uri": "urn:x", "pubstatus": "cancelled"}', '1.0', schemas), {
    valid: false,
    problems: [{ path: '/pubstatus', message: 'must be equal to one of the allowed values (usable, withheld, canceled)' }],
  });
  assert.deepStrictEqual(validateNinjs('{"uri": "urn:x", "urgency": 0}', '3.1', schemas).problems, [
    { path: '/urgency', message: 'must be >= 1' },
  ]);
});

test('rejects text that is not JSON, naming the line and column', { skip }, () => {
  assert.deepStrictEqual(validateNinjs('{\n  "uri": "urn:x",\n}', '2.2', iptcSchemas()!), {
    valid: false,
    problems: [{ path: '', message: "not valid JSON: expected a property name in double quotes, found `}` (line 3, column 1)" }],
  });
});

test('checks formats only when asked, as IPTC\'s own suite does not', { skip }, () => {
  const schemas = iptcSchemas()!;
  const item = '{"uri": "001_urgency", "versioncreated": "Last Tuesday"}';
  assert.equal(validateNinjs(item, '2.2', schemas).valid, true);
  assert.deepStrictEqual(validateNinjs(item, '2.2', schemas, { formats: true }).problems, [
    { path: '/uri', message: 'must match format "uri"' },
    { path: '/versioncreated', message: 'must match format "date-time"' },
  ]);
});

test('never fetches a referenced schema: one not given is an error that says so', { skip }, () => {
  const schemas: NinjsSchemas = { schema: iptcSchemas()!.schema };
  assert.throws(
    () => validateNinjs('{"uri": "urn:x"}', '2.2', schemas),
    (error: unknown) =>
      error instanceof SluglineError && /refers to https:\/\/geojson\.org\/schema\/GeoJSON\.json, which was not given/.test(error.message),
  );
});

test('reads draft-03 and draft-04 schemas as draft-07 with the same meaning', () => {
  const draft03 = {
    $schema: 'http://json-schema.org/draft-03/schema#',
    id: 'urn:test:draft-03#',
    type: 'object',
    properties: { uri: { type: 'string', required: true }, id: { type: 'string' } },
  };
  const draft04 = {
    $schema: 'http://json-schema.org/draft-04/schema#',
    id: 'urn:test:draft-04#',
    type: 'object',
    properties: { urgency: { type: 'number', minimum: 1, maximum: 9, exclusiveMaximum: true } },
  };
  const schemas: NinjsSchemas = { schema: (version) => (version === '1.0' ? draft03 : draft04) };
  assert.equal(validateNinjs('{"uri": "x", "id": "a property, not a keyword"}', '1.0', schemas).valid, true);
  assert.deepStrictEqual(validateNinjs('{"id": "x"}', '1.0', schemas).problems, [{ path: '', message: "must have required property 'uri' (uri)" }]);
  assert.equal(validateNinjs('{"urgency": 8}', '1.1', schemas).valid, true);
  assert.deepStrictEqual(validateNinjs('{"urgency": 9}', '1.1', schemas).problems, [{ path: '/urgency', message: 'must be < 9' }]);
  // The caller's schema is not changed.
  assert.equal(draft03.properties.uri.required, true);
});

test('refuses a draft-03 keyword it cannot rewrite rather than dropping it', () => {
  const schemas: NinjsSchemas = {
    schema: () => ({ $schema: 'http://json-schema.org/draft-03/schema#', type: 'object', properties: { a: { disallow: 'string' } } }),
  };
  assert.throws(() => validateNinjs('{}', '1.0', schemas), /draft-03 keyword `disallow`/);
});
