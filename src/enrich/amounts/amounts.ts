/**
 * The amounts enricher: finds the sums of money, quantities and counts a story gives
 * and normalises each to a number and a unit: `$25 million` → 25000000 USD, `2,000
 * tonnes` → 2000 tonne, `10,000 North Korean labourers` → 10000 labourers.
 *
 * Numbers that are no amount are left out: years (`in 2018`), dates (`March 5`),
 * clock times (`1117 hrs`, `10 a.m.`), ordinals and race positions (`1st`), scores
 * (`3-2`), phone numbers, ids and models (`IDN38100`, `Boeing 747`).
 */
import type { Amount, Span } from '../../story/enrichment.js';
import type { Story } from '../../story/story.js';
import { tokenize } from '../tokens.js';
import { findAmountMatches } from './grammar.js';

/**
 * Every amount in the headline and the body (paragraphs and crossheads; not
 * preformatted tables), in reading order. Money carries its ISO 4217 code (null when
 * the copy does not say whose currency, as with bare `francs`); a quantity its unit
 * (`tonne`, `km`, `percent`); a count the noun it counts as written (`labourers`), or
 * null when none follows (`three with South Korea's Moon`).
 *
 * @example
 * // body: `Russia has provided some $25 million in food aid …`
 * findAmounts(story);
 * // [{ span: { block: 0, start: 25, end: 36, text: '$25 million' }, kind: 'money', value: 25000000, unit: 'USD' }]
 */
export function findAmounts(story: Story): Amount[] {
  const found: Amount[] = [];
  if (story.headline !== null) readBlock(story.headline, null, found);
  story.body.forEach((block, index) => {
    if (block.kind !== 'preformatted') readBlock(block.text, index, found);
  });
  return found;
}

function readBlock(text: string, block: number | null, found: Amount[]): void {
  const { tokens, allCaps } = tokenize(text);
  for (const match of findAmountMatches(tokens, allCaps)) {
    const start = tokens[match.first]!.start;
    const end = tokens[match.next - 1]!.end;
    const span: Span = { block, start, end, text: text.slice(start, end) };
    // Scale by the decimal exponent, so `1.15 mln` is 1150000 exactly, not 1149999.9999999998.
    const value = Number(`${match.number}e${match.scale + match.fraction}`);
    found.push({ span, kind: match.kind, value, unit: match.unit });
  }
}
