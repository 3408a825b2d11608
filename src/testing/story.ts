import type { Story, StorySource } from '../story/story.js';

/**
 * A complete Story for tests: every field empty (`null`, `[]`, status usable) but
 * those given, and a test source unless `source` says otherwise.
 */
export function storyWith(fields: Partial<Story> = {}, source: Partial<StorySource> = {}): Story {
  return {
    id: 'invented',
    source: { format: 'test', file: 'invented', receivedAt: null, encoding: 'utf-8', line: 1, labels: {}, ...source },
    slug: null,
    takes: [],
    priority: null,
    version: null,
    guid: null,
    revision: null,
    firstCreated: null,
    versionCreated: null,
    urgency: null,
    headline: null,
    summary: null,
    byline: null,
    dateline: null,
    credits: [],
    notes: [],
    subjects: [],
    keywords: [],
    body: [],
    signoffs: [],
    status: 'usable',
    signal: null,
    embargo: null,
    language: null,
    damage: [],
    diagnostics: [],
    ...fields,
  };
}
