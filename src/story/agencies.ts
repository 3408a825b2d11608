/**
 * News agencies as they name themselves in credits and sign-offs, keyed by the
 * upper-case spelling, valued by the usual one. Used to tell agencies from desk
 * initials in `BSS/AFP/MSY/1117 hrs`.
 */
const agencyNames = [
  'AA', 'AAP', 'ABC', 'AFP', 'AGI', 'AIM', 'ANA', 'ANA-MPA', 'ANP', 'ANSA', 'APA', 'AP', 'APS', 'ATS', 'Anadolu',
  'Antara', 'BSS', 'BTA', 'Belga', 'Bernama', 'CNA', 'CP', 'CTK', 'DPA', 'dpa', 'EFE', 'Europa Press', 'HINA',
  'IANS', 'IRNA', 'ITAR-TASS', 'Interfax', 'Jiji', 'KNA', 'KUNA', 'KCNA', 'Kyodo', 'LUSA', 'MAP', 'MENA', 'MTI',
  'NNA', 'NTB', 'Notimex', 'ONA', 'PA', 'PAP', 'PNA', 'PTI', 'QNA', 'RIA', 'Reuters', 'SANA', 'SDA', 'SPA', 'STA',
  'STT', 'SNA', 'TASS', 'TT', 'Tanjug', 'UNI', 'UPI', 'WAFA', 'WAM', 'Xinhua', 'Yonhap',
];

const byUpperCase = new Map<string, string>(agencyNames.map((name) => [name.toUpperCase(), name]));
// Reuters-21578 signs off with the old cable word `Reuter`.
byUpperCase.set('REUTER', 'Reuters');

/** The agency's usual name for a credit or sign-off token (`AFP`, `REUTER` → `Reuters`), or `null`. */
export function agencyName(token: string): string | null {
  return byUpperCase.get(token.toUpperCase()) ?? null;
}
