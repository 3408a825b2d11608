import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeDate, normalizeDateTime } from './dates.js';
import { priorityOfUrgency, urgencyOfPriority } from './urgency.js';

test('normalises the date-times news formats write, keeping the offset', () => {
  const cases: [string, string | null][] = [
    ['2019-04-25T11:17:00Z', '2019-04-25T11:17:00Z'],
    ['2019-04-25T11:17:00.250+10:00', '2019-04-25T11:17:00.250+10:00'],
    ['2019-04-25T11:17+1000', '2019-04-25T11:17:00+10:00'],
    ['20190425T111700Z', '2019-04-25T11:17:00Z'],
    ['20190425T111700+1000', '2019-04-25T11:17:00+10:00'],
    ['Thu, 25 Apr 2019 11:17:00 GMT', '2019-04-25T11:17:00Z'],
    ['25 Apr 2019 11:17 +0900', '2019-04-25T11:17:00+09:00'],
    ['Thu, 25 Apr 2019 11:17:00 EDT', '2019-04-25T11:17:00-04:00'],
    ['2019-04-25T11:17:00', null], // no zone: never guessed
    ['2019-13-25T11:17:00Z', null],
    ['yesterday', null],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeDateTime(input), expected, input);
  assert.deepEqual([normalizeDate('20190425'), normalizeDate('2019-04-25'), normalizeDate('2019-02-30x')], ['2019-04-25', '2019-04-25', null]);
});

test('maps IPTC urgency to priority and back', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 9, 0, null].map(priorityOfUrgency), ['flash', 'bulletin', 'urgent', 'routine', 'routine', 'routine', 'deferred', 'deferred', null, null]);
  assert.deepEqual((['flash', 'bulletin', 'urgent', 'routine', 'deferred', null] as const).map(urgencyOfPriority), [1, 2, 3, 5, 8, null]);
});
