import type { Diagnostic } from '../source/source-file.js';
import type { Story, StorySource } from './story.js';

/** What a reader gathers from the copy itself: a Story but for id, source, language and diagnostics. */
export type StoryCopy = Omit<Story, 'id' | 'source' | 'language' | 'diagnostics'>;

/**
 * Puts a Story together in the interface's order, so that every format's JSON reads
 * the same. Written out field by field: a spread of `copy` costs more than a small
 * story's whole reading.
 */
export function assembleStory(
  id: string,
  source: StorySource,
  copy: StoryCopy,
  language: string | null,
  diagnostics: Diagnostic[],
): Story {
  return {
    id,
    source,
    slug: copy.slug,
    takes: copy.takes,
    priority: copy.priority,
    version: copy.version,
    guid: copy.guid,
    revision: copy.revision,
    firstCreated: copy.firstCreated,
    versionCreated: copy.versionCreated,
    urgency: copy.urgency,
    headline: copy.headline,
    summary: copy.summary,
    byline: copy.byline,
    dateline: copy.dateline,
    credits: copy.credits,
    notes: copy.notes,
    subjects: copy.subjects,
    keywords: copy.keywords,
    body: copy.body,
    signoffs: copy.signoffs,
    status: copy.status,
    signal: copy.signal,
    embargo: copy.embargo,
    language,
    damage: copy.damage,
    diagnostics,
  };
}
