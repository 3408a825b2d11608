import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(english);

// Names wire copy uses that the ISO list does not carry as aliases.
const wireNames: Record<string, string> = {
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
  burma: 'MM',
  'east timor': 'TL',
  'the philippines': 'PH',
  'the gambia': 'GM',
  'vatican city': 'VA',
  'the vatican': 'VA',
  'palestinian territories': 'PS',
  'west bank': 'PS',
  gaza: 'PS',
  'gaza strip': 'PS',
  kosovo: 'XK',
  'czech republic': 'CZ',
  'democratic republic of congo': 'CD',
  'dr congo': 'CD',
  'republic of congo': 'CG',
  taiwan: 'TW',
  macedonia: 'MK',
  swaziland: 'SZ',
  turkey: 'TR',
};

const byName = new Map<string, string>(Object.entries(wireNames));
for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
  for (const name of names) {
    // Two-letter aliases (`US`) are left out: in a dateline they are as often a region.
    if (name.length > 3 || name.includes('.')) byName.set(name.toLowerCase(), code);
  }
}

/** ISO 3166-1 alpha-2 code of a country named as wire copy names it (`Russia` → `RU`), or `null`. */
export function countryCode(name: string): string | null {
  return byName.get(name.trim().toLowerCase()) ?? null;
}
