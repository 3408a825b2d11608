import type { SourceFile } from '../source/source-file.js';
import type { Story } from '../story/story.js';

/**
 * Reads each part of an input that holds several stories (messages, items, elements).
 * Every story carries the messages about the whole input raised since `mark`, then
 * those raised while its own part was read; a part read as null gives no story.
 *
 * @example
 * const mark = file.messages.length;
 * // … messages about the whole file …
 * return readEachStory(file, mark, records, (record) => readStory(record));
 */
export function readEachStory<T>(file: SourceFile, mark: number, parts: readonly T[], read: (part: T) => Story | null): Story[] {
  const fileMessages = file.messages.slice(mark);
  const stories: Story[] = [];
  for (const part of parts) {
    const own = file.messages.length;
    const story = read(part);
    if (story === null) continue;
    story.diagnostics = [...fileMessages, ...file.messages.slice(own)];
    stories.push(story);
  }
  return stories;
}
