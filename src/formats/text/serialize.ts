import type { Story } from '../../story/story.js';
import type { Writer } from '../format.js';

const width = 76;

/**
 * A readable rendering of a story for a terminal: headline, dateline, byline, the
 * body wrapped at 76 columns with crossheads set apart, and each damaged block
 * marked where it stands.
 *
 * @example
 * process.stdout.write(serializeText(story));
 */
export function serializeText(story: Story): string {
  const out: string[] = [];
  const slug = story.slug ? `${story.slug}${story.takes.length ? '-' + story.takes.join(', ') : ''}` : null;
  const flags = [slug, story.priority?.toUpperCase(), story.version, story.signal?.toUpperCase(), story.status === 'usable' ? null : story.status.toUpperCase()]
    .filter(Boolean)
    .join(' · ');
  if (flags) out.push(flags);
  if (story.headline) out.push(story.headline, '='.repeat(Math.min(width, story.headline.length)));
  if (story.byline) out.push(story.byline.text + (story.byline.title ? `, ${story.byline.title}` : ''));
  for (const note of story.notes) out.push(`[Note: ${note}]`);
  if (story.embargo) out.push(`[${story.embargo.text}]`);
  out.push('');
  const damageByBlock = new Map<number, string[]>();
  for (const damage of story.damage) {
    if (damage.block === null) continue;
    damageByBlock.set(damage.block, [...(damageByBlock.get(damage.block) ?? []), damage.kind]);
  }
  story.body.forEach((block, index) => {
    let text = block.text;
    if (index === 0 && story.dateline && block.kind === 'paragraph') text = `${story.dateline.text} ${text}`;
    if (block.kind === 'crosshead') out.push(`  — ${text} —`);
    else if (block.kind === 'preformatted') out.push(text);
    else out.push(...wrap(text, width));
    const damage = damageByBlock.get(index);
    if (damage) out.push(`  [damaged: ${damage.join(', ')}]`);
    out.push('');
  });
  for (const signoff of story.signoffs) out.push(signoff.text);
  const outside = story.damage.filter((damage) => damage.block === null);
  for (const damage of outside) out.push(`[damaged: ${damage.kind}: ${damage.detail}]`);
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > columns) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export const textWriter: Writer = {
  id: 'text',
  description: 'a readable rendering: headline, dateline, body, damage marked',
  mediaType: 'text/plain; charset=utf-8',
  serialize: (stories) => stories.map((story) => serializeText(story) + '\n').join(''),
};
