/**
 * The gazetteer's hand-written part: what agencies name that neither GeoNames' cities
 * nor the ISO country list has (continents, seas, `the Korean peninsula`, `the Gulf`,
 * US states, Canadian provinces), the spellings agencies use for cities GeoNames
 * lists under another name (`PEKING`, `Bombay`, `Frankfurt`), and the short names
 * countries go by in copy. Coordinates are approximate: a point near the middle.
 */

/** A region: a part of a country, of several, or of the sea. */
export interface RegionEntry {
  name: string;
  /** ISO 3166-1 alpha-2, when the region lies in one country. */
  country: string | null;
  latitude: number;
  longitude: number;
  /** Other names it goes by in copy (`Mideast`, `Persian Gulf`). */
  aliases?: readonly string[];
  /** GeoNames' first-order division code within `country` (`MA`, `08`), for datelines. */
  admin?: string;
  /**
   * Abbreviations that stand for it only after a city in a dateline (`Mass.`, `N.Y.`,
   * `Ont.`), never on their own in text.
   */
  abbreviations?: readonly string[];
  /**
   * False when its name alone in text is something else (`Georgia` the country,
   * `Victoria` the city), so that the name stands for it only after a city in a dateline.
   */
  inText?: false;
}

/** Places that are more than a city and less than a country, or span several. */
export const regions: readonly RegionEntry[] = [
  { name: 'Africa', country: null, latitude: 2, longitude: 20 },
  { name: 'North Africa', country: null, latitude: 28, longitude: 12 },
  { name: 'West Africa', country: null, latitude: 12, longitude: -3 },
  { name: 'East Africa', country: null, latitude: 0, longitude: 37 },
  { name: 'Southern Africa', country: null, latitude: -25, longitude: 25 },
  { name: 'Sub-Saharan Africa', country: null, latitude: -2, longitude: 22 },
  { name: 'Horn of Africa', country: null, latitude: 8, longitude: 45 },
  { name: 'Sahel', country: null, latitude: 15, longitude: 3 },
  { name: 'Maghreb', country: null, latitude: 32, longitude: 3 },
  { name: 'Asia', country: null, latitude: 34, longitude: 100 },
  { name: 'East Asia', country: null, latitude: 35, longitude: 115 },
  { name: 'South Asia', country: null, latitude: 22, longitude: 80 },
  { name: 'Southeast Asia', country: null, latitude: 10, longitude: 110, aliases: ['South-East Asia', 'South East Asia'] },
  { name: 'Central Asia', country: null, latitude: 43, longitude: 65 },
  { name: 'Asia-Pacific', country: null, latitude: 10, longitude: 130, aliases: ['Asia Pacific'] },
  { name: 'Indochina', country: null, latitude: 15, longitude: 105 },
  { name: 'Korean Peninsula', country: null, latitude: 38, longitude: 127.5, aliases: ['Korean peninsula'] },
  { name: 'Middle East', country: null, latitude: 29, longitude: 42, aliases: ['Mideast', 'Mid-East'] },
  { name: 'Gulf', country: null, latitude: 27, longitude: 51, aliases: ['Persian Gulf', 'Arabian Gulf', 'Gulf region'] },
  { name: 'Levant', country: null, latitude: 34, longitude: 36 },
  { name: 'Caucasus', country: null, latitude: 42.5, longitude: 44.5 },
  { name: 'Kurdistan', country: null, latitude: 36.5, longitude: 44 },
  { name: 'Kashmir', country: null, latitude: 34, longitude: 76 },
  { name: 'Golan Heights', country: null, latitude: 33, longitude: 35.75, aliases: ['Golan'] },
  { name: 'Gaza Strip', country: 'PS', latitude: 31.42, longitude: 34.38, aliases: ['Gaza'] },
  { name: 'West Bank', country: 'PS', latitude: 31.95, longitude: 35.25 },
  { name: 'Sinai', country: 'EG', latitude: 29.5, longitude: 33.8, aliases: ['Sinai Peninsula'] },
  { name: 'Crimea', country: 'UA', latitude: 45.3, longitude: 34.4, aliases: ['Crimean Peninsula'] },
  { name: 'Donbas', country: 'UA', latitude: 48, longitude: 38.5, aliases: ['Donbass'] },
  { name: 'Chechnya', country: 'RU', latitude: 43.4, longitude: 45.7 },
  { name: 'Siberia', country: 'RU', latitude: 60, longitude: 100 },
  { name: 'Russian Far East', country: 'RU', latitude: 55, longitude: 140 },
  { name: 'Tibet', country: 'CN', latitude: 31, longitude: 88 },
  { name: 'Xinjiang', country: 'CN', latitude: 41, longitude: 85 },
  { name: 'Europe', country: null, latitude: 50, longitude: 15 },
  { name: 'Western Europe', country: null, latitude: 48, longitude: 5 },
  { name: 'Eastern Europe', country: null, latitude: 50, longitude: 30 },
  { name: 'Central Europe', country: null, latitude: 49, longitude: 17 },
  { name: 'Scandinavia', country: null, latitude: 63, longitude: 15 },
  { name: 'Balkans', country: null, latitude: 43, longitude: 21 },
  { name: 'Baltics', country: null, latitude: 57, longitude: 24, aliases: ['Baltic states'] },
  { name: 'North America', country: null, latitude: 45, longitude: -100 },
  { name: 'Central America', country: null, latitude: 13, longitude: -86 },
  { name: 'South America', country: null, latitude: -15, longitude: -60 },
  { name: 'Latin America', country: null, latitude: -10, longitude: -70 },
  { name: 'Caribbean', country: null, latitude: 16, longitude: -75 },
  { name: 'Oceania', country: null, latitude: -20, longitude: 150 },
  { name: 'Arctic', country: null, latitude: 80, longitude: 0 },
  { name: 'Pacific', country: null, latitude: 0, longitude: -160, aliases: ['Pacific Ocean'] },
  { name: 'Atlantic', country: null, latitude: 15, longitude: -40, aliases: ['Atlantic Ocean'] },
  { name: 'Indian Ocean', country: null, latitude: -20, longitude: 80 },
  { name: 'Mediterranean', country: null, latitude: 35, longitude: 18, aliases: ['Mediterranean Sea'] },
  { name: 'Black Sea', country: null, latitude: 43.5, longitude: 34 },
  { name: 'Baltic Sea', country: null, latitude: 57, longitude: 19, aliases: ['Baltic'] },
  { name: 'North Sea', country: null, latitude: 56, longitude: 3 },
  { name: 'Red Sea', country: null, latitude: 20, longitude: 38 },
  { name: 'Caspian Sea', country: null, latitude: 41.5, longitude: 50.5, aliases: ['Caspian'] },
  { name: 'South China Sea', country: null, latitude: 12, longitude: 113 },
  { name: 'East China Sea', country: null, latitude: 29, longitude: 125 },
  { name: 'Sea of Japan', country: null, latitude: 40, longitude: 135 },
  { name: 'Taiwan Strait', country: null, latitude: 24.5, longitude: 119.5 },
  { name: 'Strait of Hormuz', country: null, latitude: 26.6, longitude: 56.3 },
  { name: 'Gulf of Mexico', country: null, latitude: 25, longitude: -90 },
  { name: 'Suez Canal', country: 'EG', latitude: 30.5, longitude: 32.35 },

  // The nations of the United Kingdom (GeoNames' first-order divisions).
  { name: 'England', country: 'GB', latitude: 52.5, longitude: -1.5, admin: 'ENG' },
  { name: 'Scotland', country: 'GB', latitude: 56.8, longitude: -4.2, admin: 'SCT' },
  { name: 'Wales', country: 'GB', latitude: 52.3, longitude: -3.7, admin: 'WLS' },
  { name: 'Northern Ireland', country: 'GB', latitude: 54.6, longitude: -6.7, admin: 'NIR', aliases: ['Ulster'] },

  // US states: GeoNames codes them by postal code; datelines by AP's abbreviations.
  // `New York` and `Washington` alone are the cities; the states are named in full.
  { name: 'Alabama', country: 'US', latitude: 32.8, longitude: -86.8, admin: 'AL', abbreviations: ['Ala.', 'AL'] },
  { name: 'Alaska', country: 'US', latitude: 64, longitude: -152, admin: 'AK', abbreviations: ['AK'] },
  { name: 'Arizona', country: 'US', latitude: 34.3, longitude: -111.7, admin: 'AZ', abbreviations: ['Ariz.', 'AZ'] },
  { name: 'Arkansas', country: 'US', latitude: 34.9, longitude: -92.4, admin: 'AR', abbreviations: ['Ark.', 'AR'] },
  { name: 'California', country: 'US', latitude: 37.2, longitude: -119.5, admin: 'CA', abbreviations: ['Calif.', 'Cal.', 'CA'] },
  { name: 'Colorado', country: 'US', latitude: 39, longitude: -105.5, admin: 'CO', abbreviations: ['Colo.', 'CO'] },
  { name: 'Connecticut', country: 'US', latitude: 41.6, longitude: -72.7, admin: 'CT', abbreviations: ['Conn.', 'CT'] },
  { name: 'Delaware', country: 'US', latitude: 39, longitude: -75.5, admin: 'DE', abbreviations: ['Del.', 'Dela.', 'DE'] },
  { name: 'Florida', country: 'US', latitude: 28.6, longitude: -82.4, admin: 'FL', abbreviations: ['Fla.', 'FL'] },
  // Georgia alone is the country; the state only after a city in a dateline.
  { name: 'Georgia', country: 'US', latitude: 32.7, longitude: -83.4, admin: 'GA', abbreviations: ['Ga.', 'GA'], inText: false },
  { name: 'Hawaii', country: 'US', latitude: 20.8, longitude: -156.3, admin: 'HI', abbreviations: ['HI'] },
  { name: 'Idaho', country: 'US', latitude: 44.4, longitude: -114.6, admin: 'ID', abbreviations: ['ID'] },
  { name: 'Illinois', country: 'US', latitude: 40, longitude: -89.2, admin: 'IL', abbreviations: ['Ill.', 'IL'] },
  { name: 'Indiana', country: 'US', latitude: 39.9, longitude: -86.3, admin: 'IN', abbreviations: ['Ind.', 'IN'] },
  { name: 'Iowa', country: 'US', latitude: 42.1, longitude: -93.5, admin: 'IA', abbreviations: ['IA'] },
  { name: 'Kansas', country: 'US', latitude: 38.5, longitude: -98.4, admin: 'KS', abbreviations: ['Kan.', 'Kans.', 'KS'] },
  { name: 'Kentucky', country: 'US', latitude: 37.5, longitude: -85.3, admin: 'KY', abbreviations: ['Ky.', 'KY'] },
  { name: 'Louisiana', country: 'US', latitude: 31.1, longitude: -92, admin: 'LA', abbreviations: ['La.', 'LA'] },
  { name: 'Maine', country: 'US', latitude: 45.4, longitude: -69.2, admin: 'ME', abbreviations: ['ME'] },
  { name: 'Maryland', country: 'US', latitude: 39, longitude: -76.8, admin: 'MD', abbreviations: ['Md.', 'MD'] },
  { name: 'Massachusetts', country: 'US', latitude: 42.3, longitude: -71.8, admin: 'MA', abbreviations: ['Mass.', 'MA'] },
  { name: 'Michigan', country: 'US', latitude: 44.3, longitude: -85.4, admin: 'MI', abbreviations: ['Mich.', 'MI'] },
  { name: 'Minnesota', country: 'US', latitude: 46.3, longitude: -94.3, admin: 'MN', abbreviations: ['Minn.', 'MN'] },
  { name: 'Mississippi', country: 'US', latitude: 32.7, longitude: -89.7, admin: 'MS', abbreviations: ['Miss.', 'MS'] },
  { name: 'Missouri', country: 'US', latitude: 38.4, longitude: -92.5, admin: 'MO', abbreviations: ['Mo.', 'MO'] },
  { name: 'Montana', country: 'US', latitude: 47, longitude: -109.6, admin: 'MT', abbreviations: ['Mont.', 'MT'] },
  { name: 'Nebraska', country: 'US', latitude: 41.5, longitude: -99.8, admin: 'NE', abbreviations: ['Neb.', 'Nebr.', 'NE'] },
  { name: 'Nevada', country: 'US', latitude: 39.3, longitude: -116.6, admin: 'NV', abbreviations: ['Nev.', 'NV'] },
  { name: 'New Hampshire', country: 'US', latitude: 43.7, longitude: -71.6, admin: 'NH', abbreviations: ['N.H.', 'NH'] },
  { name: 'New Jersey', country: 'US', latitude: 40.2, longitude: -74.7, admin: 'NJ', abbreviations: ['N.J.', 'NJ'] },
  { name: 'New Mexico', country: 'US', latitude: 34.4, longitude: -106.1, admin: 'NM', abbreviations: ['N.M.', 'N.Mex.', 'NM'] },
  { name: 'New York State', country: 'US', latitude: 42.9, longitude: -75.5, admin: 'NY', aliases: ['New York state', 'upstate New York'], abbreviations: ['N.Y.', 'NY', 'New York'] },
  { name: 'North Carolina', country: 'US', latitude: 35.6, longitude: -79.4, admin: 'NC', abbreviations: ['N.C.', 'NC'] },
  { name: 'North Dakota', country: 'US', latitude: 47.5, longitude: -100.5, admin: 'ND', abbreviations: ['N.D.', 'N.Dak.', 'ND'] },
  { name: 'Ohio', country: 'US', latitude: 40.3, longitude: -82.8, admin: 'OH', abbreviations: ['OH'] },
  { name: 'Oklahoma', country: 'US', latitude: 35.6, longitude: -97.5, admin: 'OK', abbreviations: ['Okla.', 'OK'] },
  { name: 'Oregon', country: 'US', latitude: 43.9, longitude: -120.6, admin: 'OR', abbreviations: ['Ore.', 'Oreg.', 'OR'] },
  { name: 'Pennsylvania', country: 'US', latitude: 40.9, longitude: -77.8, admin: 'PA', abbreviations: ['Pa.', 'Penn.', 'PA'] },
  { name: 'Rhode Island', country: 'US', latitude: 41.7, longitude: -71.5, admin: 'RI', abbreviations: ['R.I.', 'RI'] },
  { name: 'South Carolina', country: 'US', latitude: 33.9, longitude: -80.9, admin: 'SC', abbreviations: ['S.C.', 'SC'] },
  { name: 'South Dakota', country: 'US', latitude: 44.4, longitude: -100.2, admin: 'SD', abbreviations: ['S.D.', 'S.Dak.', 'SD'] },
  { name: 'Tennessee', country: 'US', latitude: 35.9, longitude: -86.4, admin: 'TN', abbreviations: ['Tenn.', 'TN'] },
  { name: 'Texas', country: 'US', latitude: 31.5, longitude: -99.3, admin: 'TX', abbreviations: ['Tex.', 'TX'] },
  { name: 'Utah', country: 'US', latitude: 39.3, longitude: -111.7, admin: 'UT', abbreviations: ['UT'] },
  { name: 'Vermont', country: 'US', latitude: 44.1, longitude: -72.7, admin: 'VT', abbreviations: ['Vt.', 'VT'] },
  { name: 'Virginia', country: 'US', latitude: 37.5, longitude: -78.8, admin: 'VA', abbreviations: ['Va.', 'VA'] },
  { name: 'Washington State', country: 'US', latitude: 47.4, longitude: -120.5, admin: 'WA', aliases: ['Washington state'], abbreviations: ['Wash.', 'WA', 'Washington'] },
  { name: 'West Virginia', country: 'US', latitude: 38.6, longitude: -80.6, admin: 'WV', abbreviations: ['W.Va.', 'W. Va.', 'WV'] },
  { name: 'Wisconsin', country: 'US', latitude: 44.6, longitude: -89.9, admin: 'WI', abbreviations: ['Wis.', 'Wisc.', 'WI'] },
  { name: 'Wyoming', country: 'US', latitude: 43, longitude: -107.5, admin: 'WY', abbreviations: ['Wyo.', 'WY'] },
  { name: 'District of Columbia', country: 'US', latitude: 38.9, longitude: -77, admin: 'DC', abbreviations: ['D.C.', 'DC'] },

  // Canada's provinces and territories (GeoNames codes them by number).
  { name: 'Alberta', country: 'CA', latitude: 55, longitude: -115, admin: '01', abbreviations: ['Alta.'] },
  { name: 'British Columbia', country: 'CA', latitude: 53.7, longitude: -127.6, admin: '02', abbreviations: ['B.C.'] },
  { name: 'Manitoba', country: 'CA', latitude: 55, longitude: -97, admin: '03', abbreviations: ['Man.'] },
  { name: 'New Brunswick', country: 'CA', latitude: 46.5, longitude: -66.2, admin: '04', abbreviations: ['N.B.'] },
  { name: 'Newfoundland and Labrador', country: 'CA', latitude: 53.1, longitude: -57.7, admin: '05', aliases: ['Newfoundland'], abbreviations: ['Nfld.', 'N.L.'] },
  { name: 'Nova Scotia', country: 'CA', latitude: 45, longitude: -63, admin: '07', abbreviations: ['N.S.'] },
  { name: 'Ontario', country: 'CA', latitude: 50, longitude: -85, admin: '08', abbreviations: ['Ont.'] },
  { name: 'Prince Edward Island', country: 'CA', latitude: 46.4, longitude: -63.2, admin: '09', abbreviations: ['P.E.I.'] },
  { name: 'Quebec', country: 'CA', latitude: 52.9, longitude: -73.5, admin: '10', abbreviations: ['Que.', 'Qué.'] },
  { name: 'Saskatchewan', country: 'CA', latitude: 52.9, longitude: -106.4, admin: '11', abbreviations: ['Sask.'] },
  { name: 'Yukon', country: 'CA', latitude: 64.3, longitude: -135, admin: '12' },
  { name: 'Northwest Territories', country: 'CA', latitude: 64.8, longitude: -124.8, admin: '13', abbreviations: ['N.W.T.'] },
  { name: 'Nunavut', country: 'CA', latitude: 70.3, longitude: -83.1, admin: '14' },

  // Australia's states and territories.
  { name: 'Australian Capital Territory', country: 'AU', latitude: -35.5, longitude: 149, admin: '01', abbreviations: ['A.C.T.', 'ACT'] },
  { name: 'New South Wales', country: 'AU', latitude: -32, longitude: 147, admin: '02', abbreviations: ['N.S.W.', 'NSW'] },
  { name: 'Northern Territory', country: 'AU', latitude: -19.5, longitude: 133, admin: '03', abbreviations: ['N.T.'] },
  { name: 'Queensland', country: 'AU', latitude: -22.5, longitude: 144.5, admin: '04', abbreviations: ['Qld.', 'Qld'] },
  { name: 'South Australia', country: 'AU', latitude: -30, longitude: 135, admin: '05' },
  { name: 'Tasmania', country: 'AU', latitude: -42, longitude: 146.6, admin: '06', abbreviations: ['Tas.'] },
  // Victoria alone is as often the city (British Columbia's capital, Seychelles' capital).
  { name: 'Victoria', country: 'AU', latitude: -37, longitude: 144.5, admin: '07', abbreviations: ['Vic.'], inText: false },
  { name: 'Western Australia', country: 'AU', latitude: -25, longitude: 122, admin: '08' },
];

/**
 * Cities agencies name otherwise than GeoNames does: old names (Reuters wrote
 * `PEKING` until 1991), English names, and the bare `Washington` and `New York`.
 * `city` and `country` pick the GeoNames entry (the most populous of that name there).
 */
export interface CityAlias {
  aliases: readonly string[];
  city: string;
  country: string;
  /** Only in a dateline, where a country's name stands for its capital (`KUWAIT`). */
  datelineOnly?: boolean;
}

export const cityAliases: readonly CityAlias[] = [
  { aliases: ['Washington', 'Washington DC', 'Washington D.C.'], city: 'Washington, D.C.', country: 'US' },
  { aliases: ['New York', 'NYC'], city: 'New York City', country: 'US' },
  // Reunion's Saint-Paul and Senegal's Saint-Louis make these ambiguous by population alone.
  { aliases: ['St. Louis', 'Saint Louis'], city: 'St. Louis', country: 'US' },
  { aliases: ['St. Paul', 'Saint Paul'], city: 'Saint Paul', country: 'US' },
  { aliases: ['Peking'], city: 'Beijing', country: 'CN' },
  { aliases: ['Bombay'], city: 'Mumbai', country: 'IN' },
  { aliases: ['Calcutta'], city: 'Kolkata', country: 'IN' },
  { aliases: ['Madras'], city: 'Chennai', country: 'IN' },
  { aliases: ['Rangoon'], city: 'Yangon', country: 'MM' },
  { aliases: ['Saigon'], city: 'Ho Chi Minh City', country: 'VN' },
  // GeoNames writes Florida's `St. Petersburg` so, and Russia's `Saint Petersburg`.
  { aliases: ['Leningrad', 'St. Petersburg'], city: 'Saint Petersburg', country: 'RU' },
  { aliases: ['Kiev'], city: 'Kyiv', country: 'UA' },
  { aliases: ['Pusan'], city: 'Busan', country: 'KR' },
  { aliases: ['Ulaanbaatar'], city: 'Ulan Bator', country: 'MN' },
  { aliases: ['Astana'], city: 'Nur-Sultan', country: 'KZ' },
  { aliases: ['Basra'], city: 'Basrah', country: 'IQ' },
  { aliases: ['Frankfurt', 'Frankfurt-am-Main'], city: 'Frankfurt am Main', country: 'DE' },
  { aliases: ['Nuremberg'], city: 'Nürnberg', country: 'DE' },
  { aliases: ['Cologne'], city: 'Köln', country: 'DE' },
  { aliases: ['Hanover'], city: 'Hannover', country: 'DE' },
  { aliases: ['West Berlin', 'East Berlin'], city: 'Berlin', country: 'DE' },
  { aliases: ['Geneva'], city: 'Genève', country: 'CH' },
  { aliases: ['Basle'], city: 'Basel', country: 'CH' },
  { aliases: ['Bangalore'], city: 'Bengaluru', country: 'IN' },
  { aliases: ['Saragossa'], city: 'Zaragoza', country: 'ES' },
  { aliases: ['Den Bosch'], city: "'s-Hertogenbosch", country: 'NL' },
  // Washington state's Vancouver is always written with its state.
  { aliases: ['Vancouver'], city: 'Vancouver', country: 'CA' },
  { aliases: ['Berne'], city: 'Bern', country: 'CH' },
  { aliases: ['Antwerp'], city: 'Antwerpen', country: 'BE' },
  { aliases: ['Gothenburg'], city: 'Göteborg', country: 'SE' },
  { aliases: ['Kuwait'], city: 'Kuwait City', country: 'KW', datelineOnly: true },
  // The dateline of the UN's headquarters.
  { aliases: ['United Nations'], city: 'New York City', country: 'US', datelineOnly: true },
  { aliases: ['Panama', 'Panama City'], city: 'Panamá', country: 'PA', datelineOnly: true },
  { aliases: ['Guatemala'], city: 'Guatemala City', country: 'GT', datelineOnly: true },
  { aliases: ['Mexico'], city: 'Mexico City', country: 'MX', datelineOnly: true },
];

/**
 * Countries by the names copy gives them beyond the ISO list's (which
 * `i18n-iso-countries` supplies), and the countries of the 1980s Reuters wrote about.
 * `code` null: a country that no longer exists and has no single successor.
 */
export interface CountryEntry {
  code: string | null;
  name: string;
  aliases: readonly string[];
  /** A country that no longer exists (`West Germany`): its name is never the display name of `code`. */
  former?: true;
  /** Where to put a former country that has no successor's `code`. */
  latitude?: number;
  longitude?: number;
}

export const countryNames: readonly CountryEntry[] = [
  { code: 'US', name: 'United States', aliases: ['U.S.', 'US', 'USA', 'U.S.A.', 'United States of America', 'America'] },
  { code: 'GB', name: 'United Kingdom', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'] },
  { code: 'RU', name: 'Russia', aliases: ['Russian Federation'] },
  { code: 'KP', name: 'North Korea', aliases: ['DPRK', "Democratic People's Republic of Korea"] },
  { code: 'KR', name: 'South Korea', aliases: ['Republic of Korea', 'ROK'] },
  { code: 'IR', name: 'Iran', aliases: [] },
  { code: 'SY', name: 'Syria', aliases: [] },
  { code: 'MD', name: 'Moldova', aliases: [] },
  { code: 'LA', name: 'Laos', aliases: [] },
  { code: 'TW', name: 'Taiwan', aliases: [] },
  { code: 'TZ', name: 'Tanzania', aliases: [] },
  { code: 'BN', name: 'Brunei', aliases: [] },
  { code: 'VA', name: 'Vatican City', aliases: ['Vatican', 'Holy See'] },
  { code: 'FM', name: 'Micronesia', aliases: [] },
  { code: 'TR', name: 'Turkey', aliases: [] },
  { code: 'CZ', name: 'Czech Republic', aliases: [] },
  { code: 'CD', name: 'Democratic Republic of the Congo', aliases: ['DR Congo', 'DRC', 'Democratic Republic of Congo'] },
  { code: 'CD', name: 'Zaire', aliases: [], former: true },
  { code: 'CG', name: 'Republic of the Congo', aliases: ['Republic of Congo', 'Congo-Brazzaville'] },
  { code: 'PS', name: 'Palestinian Territories', aliases: ['Palestine', 'Palestinian territories'] },
  { code: 'CI', name: 'Ivory Coast', aliases: [] },
  { code: 'MM', name: 'Myanmar', aliases: ['Burma'] },
  { code: 'NL', name: 'Netherlands', aliases: ['Holland'] },
  { code: 'LK', name: 'Sri Lanka', aliases: ['Ceylon'] },
  { code: 'MK', name: 'North Macedonia', aliases: ['Macedonia'] },
  { code: 'SZ', name: 'Eswatini', aliases: ['Swaziland'] },
  { code: 'TL', name: 'East Timor', aliases: ['Timor-Leste'] },
  { code: 'XK', name: 'Kosovo', aliases: [] },
  { code: 'DE', name: 'West Germany', aliases: ['Federal Republic of Germany'], former: true },
  { code: 'DE', name: 'East Germany', aliases: ['German Democratic Republic', 'GDR'], former: true },
  { code: null, name: 'Soviet Union', aliases: ['USSR', 'U.S.S.R.'], former: true, latitude: 58, longitude: 70 },
  { code: null, name: 'Yugoslavia', aliases: [], former: true, latitude: 44, longitude: 20 },
  { code: null, name: 'Czechoslovakia', aliases: [], former: true, latitude: 49.5, longitude: 17 },
];
