import type { Priority } from './story.js';

/**
 * The priority an IPTC urgency (1 most urgent … 9 least) stands for, as wire desks
 * read it: 1 flash, 2 bulletin, 3 urgent, 4–6 routine, 7–9 deferred.
 */
export function priorityOfUrgency(urgency: number | null): Priority | null {
  if (urgency === null || !Number.isInteger(urgency) || urgency < 1 || urgency > 9) return null;
  if (urgency === 1) return 'flash';
  if (urgency === 2) return 'bulletin';
  if (urgency === 3) return 'urgent';
  return urgency <= 6 ? 'routine' : 'deferred';
}

/** The IPTC urgency a priority is written as: flash 1, bulletin 2, urgent 3, routine 5, deferred 8. */
export function urgencyOfPriority(priority: Priority | null): number | null {
  switch (priority) {
    case 'flash':
      return 1;
    case 'bulletin':
      return 2;
    case 'urgent':
      return 3;
    case 'routine':
      return 5;
    case 'deferred':
      return 8;
    default:
      return null;
  }
}
