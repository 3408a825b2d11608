import type { Status } from './story.js';

/**
 * The Story status an IPTC status word stands for (NITF's `management-status`,
 * NewsML 1.2's `Status`: usable, embargoed, withheld, canceled; any case), and whether
 * it says the item is embargoed: an embargoed item is delivered early and must stay
 * hidden until the embargo lifts. Null for a word that is none of these.
 */
export function statusOfIptc(word: string): { status: Status; embargoed: boolean } | null {
  switch (word.trim().toLowerCase()) {
    case 'usable':
      return { status: 'usable', embargoed: false };
    case 'embargoed':
      return { status: 'withheld', embargoed: true };
    case 'withheld':
      return { status: 'withheld', embargoed: false };
    case 'canceled':
    case 'cancelled':
      return { status: 'canceled', embargoed: false };
    default:
      return null;
  }
}
