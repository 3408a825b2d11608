import type { Enrichment } from '../story/enrichment.js';
import type { Story } from '../story/story.js';
import { findAmounts } from './amounts/amounts.js';
import { resolveDateline } from './dateline/dateline.js';
import { linkEntities } from './entities/link.js';
import type { RawMention } from './entities/link.js';
import { findEntities } from './entities/tagger.js';
import { identifyLanguage } from './language/language.js';
import { findQuotes } from './quotes/quotes.js';
import { findTimes, storyAnchor } from './times/times.js';

/**
 * One enricher: a step of the pipeline that reads the story (and what the steps before
 * it found) and records what it finds in the enrichment. Pure: no file system, clock
 * or network; lookups come from data shipped with the package.
 */
export interface Enricher {
  /** The name used with `--without` and in `Enrichment.enrichers`. */
  readonly id: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Whether it reads English only (its models and word lists are English): it is left out for copy in other languages. */
  readonly englishOnly: boolean;
  run(story: Story, found: Enrichment): void;
}

/** The names in the headline and in every paragraph and crosshead (not tables), as the tagger finds them. */
function mentionsOf(story: Story): RawMention[] {
  const mentions: RawMention[] = [];
  const add = (text: string, block: number | null) => {
    for (const { type, start, end, text: name } of findEntities(text)) mentions.push({ type, block, start, end, text: name });
  };
  if (story.headline) add(story.headline, null);
  story.body.forEach((block, index) => {
    if (block.kind !== 'preformatted') add(block.text, index);
  });
  return mentions;
}

/** Every enricher, in the order they run: later ones use what earlier ones found. Adding one is one line here. */
export const enrichers: readonly Enricher[] = [
  {
    id: 'language',
    description: 'the language the copy is written in',
    englishOnly: false,
    run: (story, found) => {
      found.language = identifyLanguage(story);
    },
  },
  {
    id: 'dateline',
    description: "the dateline's place in the gazetteer, its year completed",
    englishOnly: false,
    run: (story, found) => {
      found.dateline = resolveDateline(story);
    },
  },
  {
    id: 'entities',
    description: 'people, organisations, places and other names, each with all its mentions',
    englishOnly: true,
    run: (story, found) => {
      // The dateline as resolved before, unless that enricher was left out.
      found.entities = linkEntities(story, mentionsOf(story), found.enrichers.includes('dateline') ? found.dateline : undefined);
    },
  },
  {
    id: 'times',
    description: 'dates and periods, resolved against the story’s date',
    englishOnly: true,
    run: (story, found) => {
      found.times = findTimes(story, found.dateline?.date ?? storyAnchor(story));
    },
  },
  {
    id: 'amounts',
    description: 'money, quantities and counts, normalised',
    englishOnly: true,
    run: (story, found) => {
      found.amounts = findAmounts(story);
    },
  },
  {
    id: 'quotes',
    description: 'quotations and attributions, with their speakers',
    englishOnly: true,
    run: (story, found) => {
      found.quotes = findQuotes(story, found.entities);
    },
  },
];

export interface EnrichOptions {
  /** Enrichers to leave out, by id (`--without quotes,times`). */
  without?: readonly string[];
}

/** The enricher named `id`, or null. */
export function enricherById(id: string): Enricher | null {
  return enrichers.find((enricher) => enricher.id === id) ?? null;
}

/**
 * The story with what every enricher found in `enrichment` (the input is not changed).
 * Enrichers that read English only are left out for copy identified, or declared, as
 * another language; `enrichment.enrichers` names those that ran.
 *
 * @example
 * const [story] = parseSource(file).stories;
 * enrichStory(story).enrichment?.entities.map((entity) => entity.name); // ['Kim Jong Un', 'Vladimir Putin', …]
 */
export function enrichStory(story: Story, options: EnrichOptions = {}): Story {
  const found: Enrichment = { entities: [], quotes: [], times: [], amounts: [], dateline: null, language: null, enrichers: [] };
  for (const enricher of enrichers) {
    if (options.without?.includes(enricher.id)) continue;
    if (enricher.englishOnly && !isEnglish(story, found)) continue;
    enricher.run(story, found);
    found.enrichers.push(enricher.id);
  }
  return { ...story, enrichment: found };
}

/**
 * English, or not known to be anything else: what identification found when it is
 * sure (another language by a clear margin: a weak guess on a table of figures must
 * not switch the English enrichers off), else what the input declares.
 */
function isEnglish(story: Story, found: Enrichment): boolean {
  const identified = found.language;
  if (identified?.code === 'en') return true;
  if (identified && identified.confidence >= 0.1) return false;
  const declared = story.language?.split('-')[0]?.toLowerCase() ?? null;
  return declared === null || declared === 'en';
}
