/**
 * What the RSS and Atom writers share: a story's body as the HTML both put in
 * their feeds, and the names of a feed made of stories.
 */
import { createHash } from 'node:crypto';
import type { Block, Story } from '../../story/story.js';
import { escapeXml } from '../xml/xml.js';

/**
 * The body as HTML: a `<p>` per paragraph, `<h2>` per crosshead, `<pre>` per table,
 * the dateline in front of the first paragraph, a take break (`MORE`) where the take
 * changes, end marks and sign-offs after the last.
 */
export function bodyHtml(story: Story): string | null {
  const parts: string[] = [];
  // Only a dateline that ends in its dash, as the wire writes it, can open a paragraph
  // and be found there again; one made from a package's metadata (`Stockholm`) cannot.
  const dateline = story.dateline !== null && /[-–—_]$/.test(story.dateline.text) ? story.dateline.text : null;
  const breaks = story.signoffs.filter((signoff) => signoff.kind === 'more');
  let take = story.body[0]?.take ?? 1;
  story.body.forEach((block, index) => {
    if (block.take !== take) {
      const signoff = breaks.shift();
      if (signoff) parts.push(`<p>${escapeXml(signoff.text)}</p>`);
      take = block.take;
    }
    const text = index === 0 && block.kind === 'paragraph' && dateline !== null ? `${dateline} ${block.text}` : block.text;
    parts.push(blockHtml({ ...block, text }));
  });
  for (const signoff of story.signoffs) if (signoff.kind !== 'more') parts.push(`<p>${escapeXml(signoff.text)}</p>`);
  return parts.length === 0 ? null : parts.join('\n');
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'crosshead':
      return `<h2>${escapeXml(block.text)}</h2>`;
    case 'preformatted':
      return `<pre>${escapeXml(block.text)}</pre>`;
    default:
      return `<p>${escapeXml(block.text)}</p>`;
  }
}

/** The first story's label `name`, when it is a string. */
export function firstLabel(stories: readonly Story[], name: string): string | null {
  const value = stories[0]?.source.labels[name];
  return typeof value === 'string' ? value : null;
}

/** A name for a set of stories that depends on nothing but their ids. */
export function storiesHash(stories: readonly Story[]): string {
  return createHash('sha256')
    .update(stories.map((story) => story.id).join('\n'))
    .digest('hex')
    .slice(0, 16);
}

