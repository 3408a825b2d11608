import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);

/**
 * The published Story schema (`docs/story.schema.json`), compiled once for every test:
 * `validateStory(story)` is true for a valid Story, else `validateStory.errors` says why.
 */
export const validateStory = ajv.compile(JSON.parse(readFileSync(new URL('../../docs/story.schema.json', import.meta.url), 'utf8')) as object);
