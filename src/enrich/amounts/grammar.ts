/**
 * How news copy writes sums of money, quantities and counts, written once: currency
 * signs, codes and names, scale words (`million`, `mln`, `bn`, `crore`), units, number
 * words, and the patterns over a block's tokens that find an amount, or tell that a
 * number is something else (a year, a date, a clock time, a score, a phone number, an
 * id, a race position, a label such as `Boeing 747`).
 *
 * The text is cut into tokens by one linear pattern (letters, digits, any other single
 * character), and every pattern walks that token list with index arithmetic: no
 * regular expression sees a whole paragraph, so nothing can backtrack on long copy.
 */

import { adjacent } from '../tokens.js';
import type { Token } from '../tokens.js';

// ---------------------------------------------------------------------------
// Money

/** Currency signs, to ISO 4217. `¥` is taken as the yen. */
const currencySigns: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'], ['₺', 'TRY'],
  ['₦', 'NGN'], ['₱', 'PHP'], ['₪', 'ILS'], ['₫', 'VND'], ['฿', 'THB'],
]);

/** Letters written against a `$` that say whose dollar (`US$`, `A$`, `HK$`). */
const dollarPrefixes: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'], ['A', 'AUD'], ['AU', 'AUD'], ['C', 'CAD'], ['CA', 'CAD'], ['Can', 'CAD'], ['NZ', 'NZD'], ['HK', 'HKD'],
  ['S', 'SGD'], ['SG', 'SGD'], ['NT', 'TWD'], ['R', 'BRL'], ['Mex', 'MXN'], ['Z', 'ZWL'],
]);

/** Abbreviations written before the number (`Rs 10 crore`, `SFr 5 mln`). */
const currencyAbbreviations: ReadonlyMap<string, string> = new Map([
  ['Rs', 'INR'], ['Rp', 'IDR'], ['RM', 'MYR'], ['SFr', 'CHF'], ['Sfr', 'CHF'], ['DM', 'DEM'], ['Ksh', 'KES'], ['KSh', 'KES'], ['Dh', 'AED'],
]);

/** ISO 4217 codes copy writes beside a number (`USD 5m`, `5 million EUR`); `RMB` is the yuan's. */
const currencyCodes: ReadonlyMap<string, string> = new Map(
  [
    'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'INR', 'KRW', 'RUB', 'BRL', 'MXN', 'ZAR',
    'SEK', 'NOK', 'DKK', 'PLN', 'TRY', 'IDR', 'MYR', 'THB', 'PHP', 'TWD', 'SAR', 'AED', 'ILS', 'EGP', 'NGN', 'KES', 'PKR',
    'CZK', 'HUF', 'RON', 'ARS', 'CLP', 'COP', 'VND', 'BDT', 'QAR', 'KWD', 'UAH', 'KZT', 'XOF', 'XAF', 'ECU', 'XEU',
  ].map((code) => [code, code] as const).concat([['RMB', 'CNY']]),
);

interface CurrencyName {
  /** Whose currency when no nation is named; null when the name alone does not say (`francs`, `pesos`). */
  plain: string | null;
  /** By the nation named before it (`Swiss francs`). */
  nations?: Record<string, string>;
  /** Hundredths of the unit (`cents`, `pence`). */
  hundredths?: boolean;
}

const dollar: CurrencyName = {
  plain: 'USD',
  nations: {
    us: 'USD', american: 'USD', canadian: 'CAD', canada: 'CAD', australian: 'AUD', australia: 'AUD', 'new zealand': 'NZD', nz: 'NZD',
    'hong kong': 'HKD', hk: 'HKD', singapore: 'SGD', singaporean: 'SGD', taiwan: 'TWD', taiwanese: 'TWD', malaysian: 'MYR',
    jamaican: 'JMD', jamaica: 'JMD', zimbabwe: 'ZWL', zimbabwean: 'ZWL', namibian: 'NAD', fiji: 'FJD', brunei: 'BND', liberian: 'LRD',
    'east caribbean': 'XCD', bahamian: 'BSD', barbados: 'BBD', trinidad: 'TTD',
  },
};
const cent: CurrencyName = { ...dollar, hundredths: true };
const franc: CurrencyName = { plain: null, nations: { swiss: 'CHF', french: 'FRF', belgian: 'BEF', luxembourg: 'LUF', cfa: 'XOF', rwandan: 'RWF', burundi: 'BIF', guinean: 'GNF', congolese: 'CDF' } };
const crown: CurrencyName = { plain: null, nations: { swedish: 'SEK', norwegian: 'NOK', danish: 'DKK', czech: 'CZK', icelandic: 'ISK', estonian: 'EEK', slovak: 'SKK' } };
const peso: CurrencyName = { plain: null, nations: { mexican: 'MXN', argentine: 'ARS', argentinian: 'ARS', philippine: 'PHP', chilean: 'CLP', colombian: 'COP', cuban: 'CUP', uruguayan: 'UYU', dominican: 'DOP', bolivian: 'BOB' } };
const rupee: CurrencyName = { plain: 'INR', nations: { indian: 'INR', pakistani: 'PKR', pakistan: 'PKR', 'sri lankan': 'LKR', nepalese: 'NPR', nepali: 'NPR', mauritian: 'MUR' } };
const dinar: CurrencyName = { plain: null, nations: { kuwaiti: 'KWD', iraqi: 'IQD', jordanian: 'JOD', bahraini: 'BHD', libyan: 'LYD', tunisian: 'TND', algerian: 'DZD', serbian: 'RSD', yugoslav: 'YUD' } };
const pound: CurrencyName = { plain: null, nations: { uk: 'GBP', egyptian: 'EGP', irish: 'IEP', cypriot: 'CYP', lebanese: 'LBP', syrian: 'SYP', british: 'GBP', sudanese: 'SDG' } };
const shilling: CurrencyName = { plain: null, nations: { kenyan: 'KES', ugandan: 'UGX', tanzanian: 'TZS', somali: 'SOS', austrian: 'ATS' } };
const rial: CurrencyName = { plain: null, nations: { iranian: 'IRR', omani: 'OMR', yemeni: 'YER', saudi: 'SAR', qatari: 'QAR' } };
const lira: CurrencyName = { plain: 'ITL', nations: { italian: 'ITL', turkish: 'TRY', maltese: 'MTL' } };

/** Currency names written after the number (`25 million dollars`, `1.5 trillion yen`, Reuters' `mln dlrs`, `stg`). */
const currencyNames: ReadonlyMap<string, CurrencyName> = new Map<string, CurrencyName>([
  ['dollar', dollar], ['dollars', dollar], ['dlr', dollar], ['dlrs', dollar],
  ['cent', cent], ['cents', cent], ['ct', cent], ['cts', cent],
  ['euro', { plain: 'EUR' }], ['euros', { plain: 'EUR' }], ['eurocents', { plain: 'EUR', hundredths: true }],
  ['yen', { plain: 'JPY' }], ['yuan', { plain: 'CNY' }], ['renminbi', { plain: 'CNY' }],
  ['sterling', { plain: 'GBP' }], ['stg', { plain: 'GBP' }], ['pence', { plain: 'GBP', hundredths: true }],
  ['franc', franc], ['francs', franc], ['crown', crown], ['crowns', crown], ['krona', crown], ['kronor', crown], ['kroner', crown], ['krone', crown],
  ['mark', { plain: 'DEM' }], ['marks', { plain: 'DEM' }], ['deutschemarks', { plain: 'DEM' }], ['deutschmarks', { plain: 'DEM' }],
  ['lire', { plain: 'ITL' }], ['lira', lira], ['guilder', { plain: 'NLG' }], ['guilders', { plain: 'NLG' }],
  ['peseta', { plain: 'ESP' }], ['pesetas', { plain: 'ESP' }], ['schilling', { plain: 'ATS' }], ['schillings', { plain: 'ATS' }],
  ['escudo', { plain: 'PTE' }], ['escudos', { plain: 'PTE' }], ['drachma', { plain: 'GRD' }], ['drachmas', { plain: 'GRD' }],
  ['peso', peso], ['pesos', peso], ['rupee', rupee], ['rupees', rupee], ['rupiah', { plain: 'IDR' }], ['ringgit', { plain: 'MYR' }],
  ['baht', { plain: 'THB' }], ['won', { plain: 'KRW', nations: { 'north korean': 'KPW', 'south korean': 'KRW' } }],
  ['rouble', { plain: 'RUB' }], ['roubles', { plain: 'RUB' }], ['ruble', { plain: 'RUB' }], ['rubles', { plain: 'RUB' }],
  ['rand', { plain: 'ZAR' }], ['naira', { plain: 'NGN' }], ['shekel', { plain: 'ILS' }], ['shekels', { plain: 'ILS' }],
  ['riyal', { plain: 'SAR', nations: { saudi: 'SAR', qatari: 'QAR' } }], ['riyals', { plain: 'SAR', nations: { saudi: 'SAR', qatari: 'QAR' } }],
  ['rial', rial], ['rials', rial], ['dirham', { plain: 'AED', nations: { moroccan: 'MAD' } }], ['dirhams', { plain: 'AED', nations: { moroccan: 'MAD' } }],
  ['dinar', dinar], ['dinars', dinar], ['shilling', shilling], ['shillings', shilling],
  ['zloty', { plain: 'PLN' }], ['zlotys', { plain: 'PLN' }], ['zlotys', { plain: 'PLN' }], ['forint', { plain: 'HUF' }], ['forints', { plain: 'HUF' }],
  ['ecu', { plain: 'XEU' }], ['ecus', { plain: 'XEU' }], ['cruzado', { plain: 'BRC' }], ['cruzados', { plain: 'BRC' }],
  ['austral', { plain: 'ARA' }], ['australs', { plain: 'ARA' }], ['hryvnia', { plain: 'UAH' }], ['hryvnias', { plain: 'UAH' }],
  ['tenge', { plain: 'KZT' }], ['dong', { plain: 'VND' }], ['taka', { plain: 'BDT' }], ['kyat', { plain: 'MMK' }], ['kyats', { plain: 'MMK' }],
  ['cedi', { plain: 'GHS' }], ['cedis', { plain: 'GHS' }], ['kwacha', { plain: null }], ['leu', { plain: 'RON' }], ['lei', { plain: 'RON' }],
  ['lev', { plain: 'BGN' }], ['leva', { plain: 'BGN' }], ['bolivar', { plain: 'VEF' }], ['bolivars', { plain: 'VEF' }],
  ['pound', pound], ['pounds', pound],
]);

/** Nations named before a currency (`Canadian dlrs`, `Swiss francs`): the first word, and the second for two-word names. */
const nationWords = new Set([
  'us', 'american', 'canadian', 'canada', 'australian', 'australia', 'new', 'nz', 'hong', 'hk', 'singapore', 'singaporean', 'taiwan',
  'taiwanese', 'malaysian', 'jamaican', 'jamaica', 'zimbabwe', 'zimbabwean', 'namibian', 'fiji', 'brunei', 'liberian', 'east', 'bahamian',
  'barbados', 'trinidad', 'swiss', 'french', 'belgian', 'luxembourg', 'cfa', 'rwandan', 'burundi', 'guinean', 'congolese', 'swedish',
  'norwegian', 'danish', 'czech', 'icelandic', 'estonian', 'slovak', 'mexican', 'argentine', 'argentinian', 'philippine', 'chilean',
  'colombian', 'cuban', 'uruguayan', 'dominican', 'bolivian', 'indian', 'pakistani', 'pakistan', 'sri', 'nepalese', 'nepali', 'mauritian',
  'kuwaiti', 'iraqi', 'jordanian', 'bahraini', 'libyan', 'tunisian', 'algerian', 'serbian', 'yugoslav', 'egyptian', 'irish', 'cypriot',
  'lebanese', 'syrian', 'british', 'sudanese', 'kenyan', 'ugandan', 'tanzanian', 'somali', 'austrian', 'iranian', 'omani', 'yemeni',
  'saudi', 'qatari', 'italian', 'turkish', 'maltese', 'moroccan', 'north', 'south',
]);

// ---------------------------------------------------------------------------
// Scales, units and number words

/** Scale words, as powers of ten (`mln` is Reuters' million, `crore` ten million, `lakh` a hundred thousand). */
const scaleWords: ReadonlyMap<string, number> = new Map([
  ['thousand', 3], ['million', 6], ['millions', 6], ['mln', 6], ['mn', 6], ['billion', 9], ['bln', 9], ['bn', 9],
  ['trillion', 12], ['trn', 12], ['tn', 12], ['crore', 7], ['crores', 7], ['lakh', 5], ['lakhs', 5],
]);

/** Scales written against the digits (`$5m`, `€3bn`, `£400k`): `m`, `b` and `k` only with a currency, where they cannot be metres. */
const gluedScales: ReadonlyMap<string, number> = new Map([['bn', 9], ['mn', 6], ['mln', 6], ['bln', 9], ['tn', 12], ['trn', 12], ['m', 6], ['b', 9], ['k', 3]]);
const gluedScalesNeedingCurrency = new Set(['m', 'b', 'k']);

/** Units of measure to the unit recorded: one word (`tonnes`), or two (`metric tonnes`, `per cent`), keyed in lower case. */
const units: ReadonlyMap<string, string> = new Map([
  ['tonne', 'tonne'], ['tonnes', 'tonne'], ['metric tonne', 'tonne'], ['metric tonnes', 'tonne'], ['metric ton', 'tonne'], ['metric tons', 'tonne'],
  ['ton', 'ton'], ['tons', 'ton'], ['short tons', 'ton'], ['long tons', 'long ton'],
  ['kg', 'kg'], ['kgs', 'kg'], ['kilo', 'kg'], ['kilos', 'kg'], ['kilogram', 'kg'], ['kilograms', 'kg'], ['kilogramme', 'kg'], ['kilogrammes', 'kg'],
  ['gram', 'g'], ['grams', 'g'], ['gramme', 'g'], ['grammes', 'g'], ['mg', 'mg'], ['milligrams', 'mg'],
  ['lb', 'lb'], ['lbs', 'lb'], ['pound', 'lb'], ['pounds', 'lb'], ['ounce', 'ounce'], ['ounces', 'ounce'], ['oz', 'ounce'],
  ['troy ounce', 'ounce'], ['troy ounces', 'ounce'], ['carat', 'carat'], ['carats', 'carat'],
  ['km', 'km'], ['kms', 'km'], ['kilometre', 'km'], ['kilometres', 'km'], ['kilometer', 'km'], ['kilometers', 'km'],
  ['metre', 'm'], ['metres', 'm'], ['meter', 'm'], ['meters', 'm'], ['cm', 'cm'], ['centimetres', 'cm'], ['centimeters', 'cm'],
  ['mm', 'mm'], ['millimetres', 'mm'], ['millimeters', 'mm'], ['mile', 'mile'], ['miles', 'mile'], ['nautical mile', 'nautical mile'],
  ['nautical miles', 'nautical mile'], ['ft', 'ft'], ['feet', 'ft'], ['foot', 'ft'], ['inch', 'inch'], ['inches', 'inch'], ['yard', 'yard'], ['yards', 'yard'],
  ['hectare', 'ha'], ['hectares', 'ha'], ['ha', 'ha'], ['acre', 'acre'], ['acres', 'acre'],
  ['square km', 'km²'], ['square kilometres', 'km²'], ['square kilometers', 'km²'], ['sq km', 'km²'], ['square miles', 'mi²'], ['square mile', 'mi²'],
  ['square metres', 'm²'], ['square meters', 'm²'], ['sq m', 'm²'], ['square feet', 'ft²'], ['sq ft', 'ft²'],
  ['litre', 'l'], ['litres', 'l'], ['liter', 'l'], ['liters', 'l'], ['gallon', 'gallon'], ['gallons', 'gallon'],
  ['barrel', 'barrel'], ['barrels', 'barrel'], ['bbl', 'barrel'], ['bbls', 'barrel'], ['bushel', 'bushel'], ['bushels', 'bushel'],
  ['cubic metres', 'm³'], ['cubic meters', 'm³'], ['cubic feet', 'ft³'], ['bpd', 'barrel/day'],
  ['mw', 'MW'], ['megawatt', 'MW'], ['megawatts', 'MW'], ['gw', 'GW'], ['gigawatt', 'GW'], ['gigawatts', 'GW'], ['kw', 'kW'],
  ['kilowatt', 'kW'], ['kilowatts', 'kW'], ['kwh', 'kWh'], ['mwh', 'MWh'], ['gwh', 'GWh'], ['twh', 'TWh'], ['watt', 'W'], ['watts', 'W'],
  ['kph', 'km/h'], ['mph', 'mph'], ['knot', 'knot'], ['knots', 'knot'],
  ['degree', 'degree'], ['degrees', 'degree'], ['degrees celsius', '°C'], ['degrees centigrade', '°C'], ['degrees fahrenheit', '°F'],
  ['percent', 'percent'], ['per cent', 'percent'], ['pct', 'percent'], ['pc', 'percent'],
  ['percentage point', 'percentage point'], ['percentage points', 'percentage point'], ['basis point', 'basis point'],
  ['basis points', 'basis point'], ['bps', 'basis point'], ['point', 'point'], ['points', 'point'], ['pts', 'point'],
  ['year', 'year'], ['years', 'year'], ['yr', 'year'], ['yrs', 'year'], ['month', 'month'], ['months', 'month'], ['mths', 'month'],
  ['mos', 'month'], ['week', 'week'], ['weeks', 'week'], ['wks', 'week'], ['day', 'day'], ['days', 'day'], ['hour', 'hour'], ['hours', 'hour'],
  ['hr', 'hour'], ['hrs', 'hour'], ['minute', 'minute'], ['minutes', 'minute'], ['mins', 'minute'], ['second', 'second'], ['seconds', 'second'],
  ['secs', 'second'],
]);

/** Units of time, which follow a year as well as a number (`1985 year`). */
const timeUnits = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second']);

/** Units that may be written against the digits (`15km`, `5pc`, `100MW`); `m` is left out: `5m` is metres or millions. */
const gluedUnits = new Set(['km', 'kg', 'kgs', 'mm', 'cm', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'mph', 'kph', 'pc', 'pct', 'bpd', 'ha', 'lb', 'lbs', 'oz', 'ft']);
// The second word of two-word units.
const unitSecondWords = new Set(['tonne', 'tonnes', 'ton', 'tons', 'ounce', 'ounces', 'mile', 'miles', 'km', 'kilometres', 'kilometers', 'm', 'metres', 'meters', 'feet', 'ft', 'cent', 'point', 'points', 'celsius', 'centigrade', 'fahrenheit']);

/** Number words: units and teens, and tens. */
const numberWords: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17],
  ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
]);
const wordScales: ReadonlyMap<string, number> = new Map([['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12]]);
// `two-thirds`, `three-quarters`: fractions, not counts.
const fractionWords = new Set(['half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'fifth', 'fifths', 'tenth', 'tenths']);

// ---------------------------------------------------------------------------
// What a number is not

const months = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const weekdays = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const ordinalSuffixes = new Set(['st', 'nd', 'rd', 'th']);
/** Words after a number that make it a clock time (`10 am`, `1100 GMT`). */
const clockWords = new Set(['am', 'pm', 'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'jst', 'ist', 'hkt', 'sgt', 'aest']);
const phoneWords = new Set(['tel', 'telephone', 'phone', 'fax', 'mobile', 'hotline', 'telex']);
/** Words before a number that make it a label (`page 5`, `Flight 17`, `route 66`), not an amount. */
const labelWords = new Set([
  'no', 'nos', 'number', 'page', 'pages', 'section', 'article', 'chapter', 'room', 'gate', 'platform', 'route', 'flight', 'level',
  'grade', 'version', 'vol', 'volume', 'issue', 'paragraph', 'clause', 'rule', 'item', 'line', 'row', 'seat', 'figure', 'lot', 'phase',
  'stage', 'round', 'game', 'match', 'channel', 'district', 'category', 'class', 'group', 'box', 'suite', 'floor', 'apartment', 'highway',
  'runway', 'terminal', 'pier', 'berth', 'exit', 'lane', 'act', 'scene', 'resolution', 'amendment', 'form', 'schedule', 'tier', 'division',
  'zone', 'sector', 'block', 'hall', 'ward', 'precinct', 'step', 'chart', 'table', 'model', 'type', 'series', 'batch', 'bus', 'train',
  'reactor', 'unit', 'plan', 'band', 'proposition', 'question', 'annex', 'appendix', 'exhibit', 'tranche', 'code', 'bill', 'law', 'decree', 'opec',
]);

/**
 * Function words: they end the noun phrase after a count (`three with Trump`), and a
 * number after one of them capitalised is no label (`About 300 people`).
 */
const functionWords = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without', 'into', 'onto',
  'over', 'under', 'about', 'above', 'below', 'after', 'before', 'since', 'until', 'during', 'between', 'among', 'against', 'through',
  'per', 'as', 'than', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'while', 'when', 'where', 'who', 'whom', 'whose', 'which', 'what',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'shall', 'should',
  'can', 'could', 'may', 'might', 'must', 'it', 'its', 'he', 'she', 'they', 'them', 'their', 'his', 'her', 'we', 'our', 'you', 'your',
  'i', 'me', 'my', 'us', 'not', 'no', 'vs', 'versus', 'each', 'every', 'all', 'some', 'any', 'more', 'most', 'less', 'least', 'other',
  'others', 'such', 'only', 'just', 'also', 'up', 'down', 'out', 'off', 'again', 'almost', 'nearly', 'around', 'roughly', 'approximately',
  'some', 'over', 'only', 'about', 'just', 'there', 'here', 'then', 'now', 'says', 'said', 'say', 'plus', 'minus', 'via', 'including',
  'like', 'unlike', 'whereas', 'because', 'although', 'though', 'unless', 'whether', 'toward', 'towards', 'within', 'beyond', 'across',
  'along', 'behind', 'beside', 'besides', 'near', 'upon', 'ago', 'later', 'earlier', 'apiece', 'each', 'respectively', 'total', 'alone',
  'both', 'either', 'neither', 'another', 'same', 'own', 'very', 'too', 'even', 'still', 'already', 'always', 'never', 'ever', 'perhaps',
  'seems', 'means', 'shows', 'remains', 'becomes', 'gives', 'takes', 'makes', 'gets', 'goes', 'comes', 'looks', 'feels',
]);

/** The labels of Reuters' results tables (`Revs 72.7 mln vs 61.4 mln`), capitalised at the head of a line. */
const tableLabels = new Set(['revs', 'revenues', 'sales', 'shrs', 'shr', 'net', 'loss', 'profit', 'loans', 'deposits', 'assets', 'turnover', 'avg', 'oper', 'earnings']);

/** Nouns whose plural takes no `s`: what a count counts (`500 people`, `300 head of cattle`). */
const irregularPlurals = new Set(['people', 'men', 'women', 'children', 'police', 'cattle', 'sheep', 'staff', 'personnel', 'fish', 'deer', 'aircraft', 'livestock', 'head', 'mice', 'geese', 'teeth', 'feet', 'crew', 'militia', 'swine', 'poultry', 'offspring', 'spacecraft', 'hovercraft', 'infantry']);

const dashes = new Set(['-', '–']);
const sentenceMarks = new Set(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '[', '—', '–', '-']);

// ---------------------------------------------------------------------------
// Matching

/** Money, a quantity with a unit, or a count of things. */
export type AmountKind = 'money' | 'quantity' | 'count';

/** One amount found in a block, before its value is computed. */
export interface AmountMatch {
  /** Index of its first token. */
  first: number;
  /** Index after its last token. */
  next: number;
  kind: AmountKind;
  /** The number as a decimal string (`25`, `1.2`, `7.5`), grouping removed. */
  number: string;
  /** Power of ten its scale words give (`million` 6, `lakh crore` 12). */
  scale: number;
  /** Hundredths of the currency (`cents`): -2; else 0. */
  fraction: number;
  /** Whether a scale word was written (so a range's first half can take the second's: `15-20 mln dlrs`). */
  scaled: boolean;
  unit: string | null;
  /** The first number of a range or list, to take its unit from what follows (`1,750 to 1,780 dlrs`). */
  bare: boolean;
}

/**
 * Finds every amount in a block's tokens, left to right, none overlapping; numbers
 * that are something else (a year, a date, a score, an id) are passed over.
 *
 * @example
 * const { tokens, allCaps } = tokenize('It gave $25 million in 2018.');
 * findAmountMatches(tokens, allCaps);
 * // [{ first: 2, next: 5, kind: 'money', number: '25', scale: 6, fraction: 0, scaled: true, unit: 'USD', bare: false }]
 */
export function findAmountMatches(tokens: readonly Token[], allCaps: boolean): AmountMatch[] {
  const reader = new Reader(tokens, allCaps);
  const found: AmountMatch[] = [];
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index]!;
    // Cheap gate: an amount starts with digits, a word (number word, currency abbreviation or code) or a currency sign.
    if (token.kind === 'mark' && !currencySigns.has(token.text)) {
      index += 1;
      continue;
    }
    const result = reader.amountAt(index);
    if (result === null) {
      index += 1;
      continue;
    }
    if ('skip' in result) {
      index = Math.max(result.skip, index + 1);
      continue;
    }
    found.push(...result.matches);
    index = result.matches[result.matches.length - 1]!.next;
  }
  shareUnits(tokens, found);
  return found;
}

type Result = { matches: AmountMatch[] } | { skip: number };

interface Numeral {
  number: string;
  next: number;
  /** Written in digits without grouping or decimals (`1987`, `747`): may be a year or a label. */
  plain: boolean;
  /** Written in words (`two million`). */
  words: boolean;
  /** Scale the words gave (`two million` → 6), folded into `number` already; recorded so scale words are not read twice. */
  scaled: boolean;
}

class Reader {
  constructor(
    private readonly tokens: readonly Token[],
    private readonly allCaps: boolean,
  ) {}

  amountAt(index: number): Result | null {
    const token = this.tokens[index]!;
    if (token.kind === 'number') return this.fromDigits(index, index, null);
    // Cheap gate: a word opens an amount only as a number word or a currency written before the number.
    if (token.kind === 'word' && !startWords.has(token.lower) && !startTexts.has(token.text)) return null;
    // `a` and `an` open only `a dozen`, `a hundred`, `a million`.
    if ((token.lower === 'a' || token.lower === 'an') && !articleScales.has(this.lower(index + 1))) return null;
    const prefix = this.currencyPrefix(index);
    if (prefix !== null) return this.fromDigits(index, prefix.next, prefix.currency);
    return token.kind === 'word' ? this.fromWords(index) : null;
  }

  /** A currency before the number: `$`, `US$`, `U.S.$`, `€`, `Rs`, `USD`. */
  private currencyPrefix(index: number): { currency: string; next: number } | null {
    const token = this.tokens[index]!;
    const sign = currencySigns.get(token.text);
    if (sign !== undefined) return this.tokens[index + 1]?.kind === 'number' ? { currency: sign, next: index + 1 } : null;
    if (token.kind !== 'word') return null;
    // `US$5`, `HK$10`, `A$3`
    const owner = dollarPrefixes.get(token.text);
    if (owner !== undefined && this.text(index + 1) === '$' && this.adjacent(index, index + 1) && this.tokens[index + 2]?.kind === 'number') {
      return { currency: owner, next: index + 2 };
    }
    // `U.S.$5`
    if (token.text === 'U' && this.text(index + 1) === '.' && this.text(index + 2) === 'S' && this.text(index + 3) === '.' && this.text(index + 4) === '$' && this.tokens[index + 5]?.kind === 'number') {
      return { currency: 'USD', next: index + 5 };
    }
    const abbreviation = currencyAbbreviations.get(token.text);
    if (abbreviation !== undefined) {
      const at = this.text(index + 1) === '.' ? index + 2 : index + 1;
      return this.tokens[at]?.kind === 'number' ? { currency: abbreviation, next: at } : null;
    }
    const code = currencyCodes.get(token.text);
    if (code !== undefined && this.tokens[index + 1]?.kind === 'number') return { currency: code, next: index + 1 };
    return null;
  }

  private fromDigits(first: number, at: number, currency: string | null): Result | null {
    const tokens = this.tokens;
    const token = tokens[at]!;
    // A number glued to letters before it is an id or a model (`IDN38100`, `A320`), or to a
    // word by a hyphen (`F-16`, `G-7`, `COVID-19`).
    if (currency === null && this.gluedToWord(at)) return { skip: this.chainEnd(at) };
    // `+44 20 7946 0958`, `(212) 555-1234`, `tel 555 1234`
    if (currency === null && this.isPhone(at)) return { skip: this.phoneEnd(at) };
    const grouping = validNumber(token.text);
    if (grouping === null) return { skip: this.chainEnd(at) };
    const numeral: Numeral = { number: grouping.number, next: at + 1, plain: grouping.plain, words: false, scaled: false };
    const after = tokens[at + 1];
    if (after !== undefined && this.adjacent(at, at + 1)) {
      // `1st`, `19th`: an ordinal (a race position, a date, a century); `1980s`: a decade.
      if (after.kind === 'word' && (ordinalSuffixes.has(after.lower) || after.lower === 's')) return { skip: at + 2 };
      if (after.kind === 'mark' && (after.text === "'" || after.text === '’') && this.lower(at + 2) === 's') return { skip: at + 3 };
      const chain = this.chain(first, at, numeral, currency);
      if (chain !== null) return chain;
    }
    // `82 1/8`: a whole number and a fraction, spaced.
    if (numeral.plain && this.tokens[at + 1]?.kind === 'number' && this.text(at + 2) === '/' && this.chainEnd(at + 1) === at + 4 && this.adjacent(at + 1, at + 2)) {
      const fraction = this.fraction(at + 1);
      if (fraction !== null) return this.afterNumeral(first, { ...numeral, number: String(Number(numeral.number) + fraction), plain: false, next: at + 4 }, currency, false);
    }
    return this.afterNumeral(first, numeral, currency, false);
  }

  /**
   * Numbers glued by `-`, `–`, `/` or `:`: a fraction (`7-1/2`, `1/8`), a range with a
   * unit (`15-20 mln dlrs`), or else a score, a date, a clock time or a phone number,
   * skipped whole. Null when the number stands alone.
   */
  private chain(first: number, at: number, numeral: Numeral, currency: string | null): Result | null {
    const tokens = this.tokens;
    const separator = tokens[at + 1]!;
    const isSeparator = dashes.has(separator.text) || separator.text === '/' || separator.text === ':';
    if (!isSeparator || tokens[at + 2]?.kind !== 'number' || !this.adjacent(at + 1, at + 2)) return null;
    const end = this.chainEnd(at);
    const length = end - at;
    // `7-1/2`: Reuters' fractions; `1/8`
    if (length === 5 && dashes.has(separator.text) && this.text(at + 3) === '/') {
      const fraction = this.fraction(at + 2);
      if (fraction !== null && numeral.plain) return this.afterNumeral(first, { ...numeral, number: String(Number(numeral.number) + fraction), plain: false, next: end }, currency, false);
    }
    if (length === 3 && separator.text === '/') {
      const fraction = this.fraction(at);
      if (fraction !== null) return this.afterNumeral(first, { ...numeral, number: String(fraction), plain: false, next: end }, currency, false);
    }
    // `15-20 mln dlrs`, `5-10 pct`: two numbers and a scale, currency or unit after them.
    if (length === 3 && dashes.has(separator.text)) {
      const second = validNumber(tokens[at + 2]!.text);
      if (second !== null && this.unitFollows(at + 3)) {
        const bare: AmountMatch = { first, next: at + 1, kind: currency === null ? 'count' : 'money', number: numeral.number, scale: 0, fraction: 0, scaled: false, unit: currency, bare: true };
        const rest = this.afterNumeral(at + 2, { number: second.number, next: at + 3, plain: second.plain, words: false, scaled: false }, null, true);
        if (rest !== null && 'matches' in rest) return { matches: [bare, ...rest.matches] };
      }
    }
    return { skip: end };
  }

  /** `a/b` at `at` with a small power-of-two denominator, as stock prices are quoted: its value. */
  private fraction(at: number): number | null {
    const numerator = this.tokens[at];
    const denominator = this.tokens[at + 2];
    if (numerator === undefined || denominator === undefined || !/^\d{1,2}$/.test(numerator.text) || !/^(?:2|4|8|16|32|64)$/.test(denominator.text)) return null;
    const top = Number(numerator.text);
    const bottom = Number(denominator.text);
    return top > 0 && top < bottom ? top / bottom : null;
  }

  /** Index after a run of numbers glued by separators, from `at`. */
  private chainEnd(at: number): number {
    let end = at + 1;
    while (
      end + 1 < this.tokens.length &&
      this.adjacent(end - 1, end) &&
      this.adjacent(end, end + 1) &&
      this.tokens[end + 1]!.kind === 'number' &&
      (dashes.has(this.tokens[end]!.text) || this.tokens[end]!.text === '/' || this.tokens[end]!.text === ':' || this.tokens[end]!.text === '.')
    ) {
      end += 2;
    }
    return end;
  }

  private fromWords(first: number): Result | null {
    const numeral = this.numberWords(first);
    if (numeral === null) return null;
    const token = this.tokens[first]!;
    // `Group of Five`, `Big Three`: a capitalised number word inside a sentence is a name.
    if (!this.allCaps && isTitleCase(token.text) && !this.sentenceStart(first)) return { skip: numeral.next };
    return this.afterNumeral(first, numeral, null, false);
  }

  /** `three`, `twenty-five`, `two hundred and fifty`, `two million`, `a dozen`, `a hundred`. */
  private numberWords(first: number): Numeral | null {
    const tokens = this.tokens;
    let at = first;
    let total = 0;
    let current = 0;
    let taken = 0;
    let scaled = false;
    const lower = this.lower(at);
    if (lower === 'a' || lower === 'an') {
      const next = this.lower(at + 1);
      if (!(wordScales.has(next) || next === 'dozen')) return null;
      current = 1;
      at += 1;
    }
    let last = at;
    for (; at < tokens.length; at += 1) {
      const token = tokens[at]!;
      if (token.kind === 'mark') {
        // `twenty-five`, `one-billion-dlr`: a hyphen inside the number, when a number word follows.
        if (dashes.has(token.text) && this.adjacent(at - 1, at) && this.adjacent(at, at + 1) && (numberWords.has(this.lower(at + 1)) || wordScales.has(this.lower(at + 1)))) continue;
        break;
      }
      if (token.kind !== 'word') break;
      const value = numberWords.get(token.lower);
      if (value !== undefined) {
        // `twenty five`, `two hundred and fifty`, `a million three hundred`; not `five six` or `ten twelve`.
        const rest = current % 100;
        if (taken > 0 && rest !== 0 && !(rest >= 20 && rest % 10 === 0 && value < 10)) break;
        current += value;
      } else if (token.lower === 'hundred') {
        current = (current || 1) * 100;
      } else if (wordScales.has(token.lower)) {
        total += (current || 1) * wordScales.get(token.lower)!;
        current = 0;
        scaled = true;
      } else if (token.lower === 'dozen') {
        // `a dozen`, `two dozen`; `dozens of` is no number.
        current = (current || 1) * 12;
        taken += 1;
        last = at;
        break;
      } else if (token.lower === 'and' && taken > 0 && numberWords.has(this.lower(at + 1)) && (current >= 100 || (current === 0 && total > 0))) {
        continue;
      } else {
        break;
      }
      taken += 1;
      last = at;
    }
    if (taken === 0) return null;
    const value = total + current;
    // `one` alone is a pronoun or an article (`one of`, `one delivery`) far more than a count.
    if (value === 1 && !scaled && tokens[first]!.lower === 'one' && !this.unitFollows(last + 1)) return null;
    return { number: String(value), next: last + 1, plain: false, words: true, scaled };
  }

  /** After the number: scale words, then a currency, a unit or what is counted. */
  private afterNumeral(first: number, numeral: Numeral, currency: string | null, inRange: boolean): Result | null {
    const tokens = this.tokens;
    let at = numeral.next;
    if (currency === null && this.isClock(numeral, first)) return { skip: at + 1 };
    let scale = 0;
    let scaled = false;
    // Scales glued to the digits: `$5m`, `€3bn`, `5bn`
    const glued = tokens[at];
    if (glued !== undefined && glued.kind === 'word' && this.adjacent(at - 1, at) && !numeral.words) {
      const power = gluedScales.get(glued.lower);
      if (power !== undefined && (currency !== null || !gluedScalesNeedingCurrency.has(glued.lower))) {
        scale += power;
        scaled = true;
        at += 1;
      } else if (!gluedUnits.has(glued.lower) && !currencyNames.has(glued.lower) && !currencyCodes.has(glued.text) && glued.text !== 'p') {
        // `311M`, `5m` without a currency, `38100X`: no clear unit.
        return { skip: at + 1 };
      }
    }
    // Spaced scale words: `25 million`, `1.5 mln`, `10 crore`, `1 lakh crore`, `15-mln-dlr`
    for (;;) {
      const step = dashes.has(this.text(at)) && this.adjacent(at - 1, at) && this.adjacent(at, at + 1) ? at + 1 : at;
      const power = scaleWords.get(this.lower(step));
      if (power === undefined || this.tokens[step]!.kind !== 'word') break;
      scale += power;
      scaled = true;
      at = step + 1;
    }
    if (numeral.scaled) scaled = true;
    const match: AmountMatch = { first, next: at, kind: 'count', number: numeral.number, scale, fraction: 0, scaled, unit: null, bare: false };
    if (currency !== null) {
      match.kind = 'money';
      match.unit = currency;
      // `$2.80`, `€3bn`: a currency name after it (`$5 million dollars`) is taken into the span.
      const name = this.currencyAfter(at);
      if (name !== null && name.hundredths === false) match.next = name.next;
      return { matches: [match] };
    }
    const name = this.currencyAfter(at);
    if (name !== null) {
      match.kind = 'money';
      match.unit = name.currency;
      match.fraction = name.hundredths ? -2 : 0;
      match.next = name.next;
      return { matches: [match] };
    }
    // `January 31 second quarter`: a date, whatever unit seems to follow.
    if (!scaled && this.isDate(first, numeral)) return { skip: at };
    const unit = this.unitAfter(at);
    // `1985 year`, `the 1986 year-end`: a year, whatever time unit follows.
    if (unit !== null && timeUnits.has(unit.unit) && scale === 0 && this.isYear(first, numeral)) return { skip: unit.next };
    if (unit !== null) {
      // `two years ago` is a time, for the times enricher.
      if (this.lower(unit.next) === 'ago') return { skip: unit.next + 1 };
      match.kind = 'quantity';
      match.unit = unit.unit;
      match.next = unit.next;
      return { matches: [match] };
    }
    // `a 10-member board`, `two-for-one`, `two-thirds`: a compound adjective, no amount.
    if (dashes.has(this.text(at)) && this.adjacent(at - 1, at) && this.tokens[at + 1]?.kind === 'word' && this.adjacent(at, at + 1)) return { skip: at + 2 };
    if (this.notAnAmount(first, numeral, scaled, inRange)) return { skip: at };
    // `two thirds`: a fraction, not a count of thirds.
    if (fractionWords.has(this.lower(at))) return { skip: at + 1 };
    const head = numeral.number === '1' ? null : this.countedNoun(at);
    if (head !== null) {
      match.unit = tokens[head]!.text;
      match.next = head + 1;
    } else if (numeral.plain && numeral.number.length >= 5) {
      // A long number without grouping and nothing counted is an id, a postcode or an account.
      return { skip: at };
    } else if (numeral.plain && !this.allCaps && isTitleCase(this.text(at)) && !months.has(this.lower(at))) {
      // `the 911 Targa`, `a 747 Jumbo`: a number before a name is a model.
      return { skip: at };
    }
    return { matches: [match] };
  }

  /** `1117 hrs`, `at 1400 hours`: a clock time written as four digits, as wire sign-offs and military copy do. */
  private isClock(numeral: Numeral, first: number): boolean {
    if (!numeral.plain || numeral.number.length !== 4 || !/^\d{4}$/.test(this.text(first))) return false;
    const hours = Number(numeral.number.slice(0, 2));
    const minutes = Number(numeral.number.slice(2));
    if (hours > 23 || minutes > 59) return false;
    const next = this.lower(numeral.next);
    if (next === 'hrs' || next === 'hr' || next === 'h') return true;
    const before = this.lower(first - 1);
    return next === 'hours' && (before === 'at' || before === 'by' || before === 'until' || before === 'from' || before === 'since');
  }

  /** Dates: `March 5`, `Feb 26`, `5 March`, `25th of April`, `Thursday 25`, `record April Six`. */
  private isDate(first: number, numeral: Numeral): boolean {
    if (!(numeral.plain || numeral.words)) return false;
    const value = Number(numeral.number);
    if (value < 1 || value > 31) return false;
    const before = this.tokens[first - 1];
    const beforeWord = before?.kind === 'mark' && before.text === '.' ? this.tokens[first - 2] : before;
    if (beforeWord !== undefined && (months.has(beforeWord.lower) || weekdays.has(beforeWord.lower)) && isCapitalised(beforeWord.text)) {
      // `in April two companies merged`: a number word that counts something is no day.
      return !(numeral.words && this.countedNoun(numeral.next) !== null);
    }
    if (numeral.words) return false;
    const monthAt = this.lower(numeral.next) === 'of' ? numeral.next + 1 : numeral.next;
    return months.has(this.lower(monthAt)) && isCapitalised(this.text(monthAt));
  }

  /** Years: `in 2018`, `a 2002 meeting`, `1987 net`; not after `about`, `some` (`about 2000 people`). */
  private isYear(first: number, numeral: Numeral): boolean {
    if (!numeral.plain || numeral.number.length !== 4) return false;
    const value = Number(numeral.number);
    return value >= 1800 && value <= 2099 && !approximators.has(this.lower(first - 1));
  }

  /** Whether a count at `first` is really a year, a date, a clock time, a label or a list mark. */
  private notAnAmount(first: number, numeral: Numeral, scaled: boolean, inRange: boolean): boolean {
    if (scaled || inRange) return false;
    const tokens = this.tokens;
    const next = tokens[numeral.next];
    const before = tokens[first - 1];
    // The word before, past the dot of `No.` and the `’s` of `Qantas’s 747`.
    const possessive = before?.lower === 's' && (this.text(first - 2) === '’' || this.text(first - 2) === "'");
    const beforeWord = before?.kind === 'mark' && before.text === '.' ? tokens[first - 2] : possessive ? tokens[first - 3] : before;
    // Clock times: `10 am`, `10 a.m.`, `1100 GMT`, `0930 local time`, `1117 hrs`, `10 o'clock`
    if (next !== undefined) {
      // `0930 local time`, `1000 London time`
      if (clockWords.has(next.lower) || (next.kind === 'word' && this.lower(numeral.next + 1) === 'time')) return true;
      if ((next.lower === 'a' || next.lower === 'p') && this.text(numeral.next + 1) === '.' && this.lower(numeral.next + 2) === 'm') return true;
      if (next.lower === 'o' && (this.text(numeral.next + 1) === "'" || this.text(numeral.next + 1) === '’') && this.lower(numeral.next + 2) === 'clock') return true;
    }
    if (numeral.words) {
      // `band three`, `phase two`
      if (beforeWord !== undefined && labelWords.has(beforeWord.lower) && !isTitleCase(this.text(first))) return true;
      return this.isDate(first, numeral);
    }
    const value = Number(numeral.number);
    if (numeral.plain) {
      if (this.isYear(first, numeral)) return true;
      // Ages: `Henske, 63, will continue`
      if (before?.text === ',' && next?.text === ',' && isTitleCase(this.text(first - 2)) && value < 120) return true;
      if (this.isDate(first, numeral)) return true;
      // Labels: `Boeing 747`, `Section 301`, `page 5`, `No. 2`, `#1`
      if (before !== undefined && before.text === '#') return true;
      if (beforeWord !== undefined && beforeWord.kind === 'word') {
        if (labelWords.has(beforeWord.lower)) return true;
        // Reuters' results tables (`Shr 12 vs 10`) name the figure before it: no label.
        // `RRIM 725`, `IBM 3090`: an acronym before it names a model too.
        const named = isTitleCase(beforeWord.text) || (beforeWord.text.length > 1 && beforeWord.text === beforeWord.text.toUpperCase() && !currencyCodes.has(beforeWord.text));
        if (!this.allCaps && named && !functionWords.has(beforeWord.lower) && !approximators.has(beforeWord.lower) && !months.has(beforeWord.lower) && next?.lower !== 'vs') return true;
      }
      // `1. Hamilton`, `2) ...`: a list or a results table.
      if (first === 0 && next !== undefined && (next.text === '.' || next.text === ')') && this.adjacent(first, first + 1)) return true;
    }
    return false;
  }

  /** What a count counts: the first plural noun after the number and any adjectives (`10,000 North Korean labourers`). */
  private countedNoun(at: number): number | null {
    const tokens = this.tokens;
    let words = 0;
    for (let index = at; index < tokens.length && words < 5; index += 1) {
      const token = tokens[index]!;
      if (token.kind === 'mark') {
        // `long-range`, `U.S.`: hyphens and abbreviation dots inside the phrase.
        if (dashes.has(token.text) && this.adjacent(index - 1, index) && this.adjacent(index, index + 1)) continue;
        if (token.text === '.' && tokens[index - 1]?.text.length === 1 && this.adjacent(index - 1, index)) continue;
        return null;
      }
      if (token.kind !== 'word') return null;
      // `10 US soldiers`, `5 IT workers`: an acronym is a modifier even where its letters spell a function word.
      const acronym = !this.allCaps && token.text.length > 1 && token.text === token.text.toUpperCase();
      if (!acronym && (functionWords.has(token.lower) || months.has(token.lower) || weekdays.has(token.lower))) return null;
      // A currency or unit after adjectives belongs to some other reading (`12 H.K. Dlrs`): no count.
      if (currencyNames.has(token.lower) || units.has(token.lower)) return null;
      // `vs loss 1,582,000 Revs 72.7 mln`: Reuters' table labels run on from the line before.
      if (isTitleCase(token.text) && tableLabels.has(token.lower)) return null;
      if (isPluralNoun(token, this.allCaps)) return index;
      words += 1;
    }
    return null;
  }

  /** A currency named after the number: `dlrs`, `Canadian dlrs`, `U.S. dollars`, `Swiss francs`, `USD`, `cts`, `-dlr`. */
  private currencyAfter(at: number): { currency: string | null; hundredths: boolean; next: number } | null {
    let index = dashes.has(this.text(at)) && this.adjacent(at - 1, at) && this.adjacent(at, at + 1) ? at + 1 : at;
    const token = this.tokens[index];
    if (token === undefined) return null;
    const code = currencyCodes.get(token.text);
    if (code !== undefined) return { currency: code, hundredths: false, next: index + 1 };
    // `50p`: pence written against the digits
    if (token.text === 'p' && this.adjacent(index - 1, index) && this.tokens[index - 1]?.kind === 'number') return { currency: 'GBP', hundredths: true, next: index + 1 };
    let nation: string | null = null;
    if (token.kind === 'word' && nationWords.has(token.lower)) {
      const two = `${token.lower} ${this.lower(index + 1)}`;
      if (this.knownNation(two)) {
        nation = two;
        index += 2;
      } else {
        nation = token.lower;
        index += 1;
      }
    } else if (token.kind === 'word' && token.text.length === 1 && this.text(index + 1) === '.') {
      // `U.S. dollars`, `N.Z. Dlrs`, `H.K. dlrs`
      let letters = '';
      while (this.tokens[index]?.kind === 'word' && this.tokens[index]!.text.length === 1 && this.text(index + 1) === '.') {
        letters += this.tokens[index]!.lower;
        index += 2;
      }
      nation = letters;
    }
    const word = this.tokens[index];
    if (word === undefined || word.kind !== 'word') return null;
    const name = currencyNames.get(word.lower);
    if (name === undefined) return null;
    // `mark`, `won`, `rand` are words too: only straight after the number (or its scale).
    let currency = name.plain;
    if (nation !== null) {
      const known = name.nations?.[nation];
      if (known === undefined) return null;
      currency = known;
    }
    // `pounds` alone is a weight (`870,000 pounds`); `pounds sterling` and `Egyptian pounds` are money.
    if (word.lower === 'pound' || word.lower === 'pounds') {
      if (this.lower(index + 1) === 'sterling') return { currency: 'GBP', hundredths: false, next: index + 2 };
      if (nation === null) return null;
    }
    return { currency, hundredths: name.hundredths === true, next: index + 1 };
  }

  private knownNation(name: string): boolean {
    return name === 'new zealand' || name === 'hong kong' || name === 'east caribbean' || name === 'sri lankan' || name === 'north korean' || name === 'south korean';
  }

  /** A unit after the number: `tonnes`, `metric tonnes`, `per cent`, `%`, `-tonne` (`a 2,000-tonne ship`), `15km`. */
  private unitAfter(at: number): { unit: string; next: number } | null {
    const tokens = this.tokens;
    let index = at;
    if (dashes.has(this.text(index)) && this.adjacent(index - 1, index) && this.adjacent(index, index + 1)) index += 1;
    const token = tokens[index];
    if (token === undefined) return null;
    if (token.text === '%') return { unit: 'percent', next: index + 1 };
    if (token.text === '°') {
      const scale = this.lower(index + 1);
      if (scale === 'c' || scale === 'f') return { unit: scale === 'c' ? '°C' : '°F', next: index + 2 };
      return { unit: 'degree', next: index + 1 };
    }
    if (token.kind !== 'word') return null;
    const second = this.lower(index + 1);
    if (unitSecondWords.has(second)) {
      const two = units.get(`${token.lower} ${second}`);
      if (two !== undefined) return { unit: two, next: index + 2 };
    }
    // `barrels per day`, `barrels a day`
    if ((token.lower === 'barrels' || token.lower === 'barrel') && (second === 'per' || second === 'a') && this.lower(index + 2) === 'day') {
      return { unit: 'barrel/day', next: index + 3 };
    }
    const one = units.get(token.lower);
    if (one === undefined) return null;
    return { unit: one, next: index + 1 };
  }

  /** Whether a scale, a currency or a unit follows at `at` (`15-20 mln dlrs`, `5-10 pct`). */
  private unitFollows(at: number): boolean {
    const token = this.tokens[at];
    if (token === undefined) return false;
    if (token.text === '%') return true;
    if (token.kind !== 'word') return false;
    return scaleWords.has(token.lower) || units.has(token.lower) || currencyNames.has(token.lower) || currencyCodes.has(token.text) || nationWords.has(token.lower) || (token.text.length === 1 && this.text(at + 1) === '.');
  }

  private gluedToWord(at: number): boolean {
    const before = this.tokens[at - 1];
    if (before === undefined || !this.adjacent(at - 1, at)) return false;
    if (before.kind === 'word') return true;
    if (dashes.has(before.text) || before.text === '/' || before.text === '.') {
      const previous = this.tokens[at - 2];
      return previous !== undefined && this.adjacent(at - 2, at - 1) && (previous.kind === 'word' || previous.kind === 'number');
    }
    return false;
  }

  private isPhone(at: number): boolean {
    const before = this.tokens[at - 1];
    if (before === undefined) return false;
    if (before.text === '+' && this.adjacent(at - 1, at)) return true;
    // `(212) 555-1234`
    if (before.text === '(' && this.text(at + 1) === ')' && this.tokens[at + 2]?.kind === 'number') return true;
    const word = before.text === ':' || before.text === '.' ? this.tokens[at - 2] : before;
    return word !== undefined && phoneWords.has(word.lower);
  }

  /** Index after a phone number's digit groups. */
  private phoneEnd(at: number): number {
    let end = at + 1;
    while (end < this.tokens.length && end < at + 12) {
      const token = this.tokens[end]!;
      if (token.kind === 'number' || ((dashes.has(token.text) || token.text === '(' || token.text === ')' || token.text === '.') && this.tokens[end + 1]?.kind === 'number')) end += 1;
      else if (token.text === ')') end += 1;
      else break;
    }
    return end;
  }

  private sentenceStart(index: number): boolean {
    if (index === 0) return true;
    const before = this.tokens[index - 1]!;
    return before.kind === 'mark' && sentenceMarks.has(before.text);
  }

  private adjacent(left: number, right: number): boolean {
    return adjacent(this.tokens, left, right);
  }

  private text(index: number): string {
    return this.tokens[index]?.text ?? '';
  }

  private lower(index: number): string {
    return this.tokens[index]?.lower ?? '';
  }
}

/** Words in lower case that can open an amount: number words, and the articles of `a dozen`, `a million`. */
const startWords: ReadonlySet<string> = new Set([...numberWords.keys(), 'a', 'an']);
const articleScales = new Set(['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion']);
/** Words as written that can open an amount: currencies written before the number (`US$`, `Rs`, `USD`, `U.S.$`). */
const startTexts: ReadonlySet<string> = new Set([...dollarPrefixes.keys(), ...currencyAbbreviations.keys(), ...currencyCodes.keys(), 'U']);

/** Words before a four-digit number that make it a count, not a year (`about 2000 people`). */
const approximators = new Set(['about', 'some', 'nearly', 'almost', 'over', 'than', 'around', 'approximately', 'roughly', 'least', 'only', 'just', 'under', 'exactly', 'total', 'totalling', 'totaling']);

/**
 * Where a list or range of numbers shares one unit (`1,750 to 1,780 dlrs`, `4,340, 4,345
 * and 4,350 dlrs`, `two or three times`, `15-20 mln dlrs`), the bare numbers take it,
 * and the scale too when they have none; right to left, so a list passes it along.
 */
function shareUnits(tokens: readonly Token[], found: AmountMatch[]): void {
  const shared = new Set<AmountMatch>();
  for (let index = found.length - 2; index >= 0; index -= 1) {
    const left = found[index]!;
    const right = found[index + 1]!;
    const gap = right.first - left.next;
    const one = gap === 1 ? tokens[left.next]!.lower : gap === 2 && tokens[left.next]!.text === ',' ? tokens[left.next + 1]!.lower : '';
    const range = left.bare || (gap === 1 && (one === 'to' || dashes.has(one)));
    const list = (gap === 1 || gap === 2) && (one === 'and' || one === 'or');
    const comma = gap === 1 && one === ',' && shared.has(right);
    left.bare = false;
    if (!(range || list || comma)) continue;
    // `$5 to 6 million`, `US$15-20 mln`: the currency runs forward, the scale back.
    if (range && left.kind === 'money' && right.kind === 'count' && right.unit === null) {
      right.kind = 'money';
      right.unit = left.unit;
    }
    const adopt = left.kind === 'count' && left.unit === null && right.unit !== null;
    if (adopt) {
      left.kind = right.kind;
      left.unit = right.unit;
      left.fraction = right.fraction;
      shared.add(left);
    }
    if ((adopt || (range && left.unit === right.unit)) && !left.scaled && right.scaled) {
      left.scale = right.scale;
      left.scaled = true;
    }
  }
}

/** The number `text` spells in digits, grouping removed, and whether it is plain digits; null for `1,2,3` or `3.4.5`. */
function validNumber(text: string): { number: string; plain: boolean } | null {
  let commas = 0;
  let dot = -1;
  let group = 0;
  // `.062`
  if (text.charCodeAt(0) === 46) return /^\.\d+$/.test(text) ? { number: `0${text}`, plain: false } : null;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 44) {
      // Thousands: a comma after one to three digits, then groups of exactly three.
      if (dot >= 0 || (commas === 0 ? group > 3 : group !== 3)) return null;
      commas += 1;
      group = 0;
    } else if (code === 46) {
      if (dot >= 0 || (commas > 0 && group !== 3)) return null;
      dot = index;
      group = 0;
    } else {
      group += 1;
    }
  }
  if (commas > 0 && dot < 0 && group !== 3) return null;
  if (commas === 0 && dot < 0) {
    let first = 0;
    while (first < text.length - 1 && text.charCodeAt(first) === 48) first += 1;
    return { number: text.slice(first), plain: true };
  }
  return { number: commas > 0 ? text.replaceAll(',', '') : text, plain: false };
}

function isPluralNoun(token: Token, allCaps: boolean): boolean {
  const lower = token.lower;
  if (irregularPlurals.has(lower)) return isLowerOrAllCaps(token.text, allCaps);
  if (lower.length < 3 || !lower.endsWith('s') || lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is') || lower.endsWith('ous')) return false;
  // Lower case, or capitalised nationalities and groups (`three Americans`); all capitals only in an all-capitals block.
  return isLowerOrAllCaps(token.text, allCaps) || isTitleCase(token.text);
}

function isLowerOrAllCaps(text: string, allCaps: boolean): boolean {
  const first = text.charCodeAt(0);
  if (first >= 97 && first <= 122) return true;
  return allCaps && text === text.toUpperCase();
}

function isCapitalised(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/** `Boeing`, `Section`: a capital then at least one lower-case letter. */
function isTitleCase(text: string): boolean {
  if (text.length < 2 || !isCapitalised(text)) return false;
  const second = text.charCodeAt(1);
  return second >= 97 && second <= 122;
}
