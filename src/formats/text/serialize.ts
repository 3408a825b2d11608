import type { Story } from '../../story/story.js';
import type { Writer } from '../format.js';

const width = 76;

/**
 * A readable rendering of a story for a terminal: headline, dateline, byline, the
 * body wrapped at 76 columns with crossheads set apart, each damaged block marked
 * where it stands, and, for an enriched story, the entities, quotes, times and
 * amounts found.
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
  if (story.enrichment) out.push('', ...enrichmentLines(story));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}

const typeHeadings = { person: 'People', organisation: 'Organisations', place: 'Places', other: 'Other names' } as const;

/** What enrichment found, after the story: entities by type with their titles and mention counts, quotes with their speakers, times and amounts. */
function enrichmentLines(story: Story): string[] {
  const enrichment = story.enrichment!;
  const out: string[] = [];
  const names = new Map(enrichment.entities.map((entity) => [entity.id, entity.name]));
  for (const type of Object.keys(typeHeadings) as (keyof typeof typeHeadings)[]) {
    const entities = enrichment.entities.filter((entity) => entity.type === type);
    if (entities.length === 0) continue;
    out.push(`${typeHeadings[type]}:`);
    for (const entity of entities) {
      const titles = entity.titles.length ? ` (${entity.titles.join('; ')})` : '';
      const where = entity.place ? ` [${[entity.place.country, entity.place.latitude?.toFixed(2), entity.place.longitude?.toFixed(2)].filter(Boolean).join(' ')}]` : '';
      out.push(`  ${entity.name}${titles}${where} ×${entity.mentions.length}`);
    }
  }
  if (enrichment.quotes.length) {
    out.push('Quotes:');
    for (const quote of enrichment.quotes) {
      const speaker = (quote.speakerEntity && names.get(quote.speakerEntity)) ?? quote.speaker ?? 'unattributed';
      const words = quote.text;
      out.push(quote.kind === 'indirect' ? `  ${speaker} (${quote.cue ?? 'source'}): ${words}` : `  ${speaker}: “${words}”${quote.kind === 'partial' ? ' (partial)' : ''}`);
    }
  }
  if (enrichment.times.length) out.push(...wrap(`Times: ${enrichment.times.map((time) => `${time.span.text} = ${time.value}${time.end ? `/${time.end}` : ''}`).join('; ')}`, width - 2).map(indentAfterFirst));
  if (enrichment.amounts.length) out.push(...wrap(`Amounts: ${enrichment.amounts.map((amount) => `${amount.span.text} = ${amount.value}${amount.unit ? ` ${amount.unit}` : ''}`).join('; ')}`, width - 2).map(indentAfterFirst));
  if (enrichment.dateline?.place) {
    const place = enrichment.dateline.place;
    out.push(`Dateline: ${place.name}, ${place.country ?? '?'} (${place.latitude?.toFixed(2)}, ${place.longitude?.toFixed(2)})${enrichment.dateline.date ? `, ${enrichment.dateline.date}` : ''}`);
  }
  if (enrichment.language) out.push(`Language: ${enrichment.language.code}`);
  // One line each, cut to the width: this is an index to the story, not the story.
  return out.map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
}

function indentAfterFirst(line: string, index: number): string {
  return index === 0 ? line : `  ${line}`;
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
