/**
 * Dates and times as news formats write them, normalised to ISO 8601 extended form
 * with the offset kept as given (never converted, never invented).
 */

const months: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06',
  jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};

/**
 * Reads a date-time in the shapes news formats use and returns it as ISO 8601
 * (`2019-04-25T11:17:00+09:00`), or null when it is not one or has no time zone:
 * - ISO 8601 extended (`2019-04-25T11:17:00Z`, `…+10:00`, fractions kept);
 * - ISO 8601 basic, as NITF writes it (`20190425T111700Z`, `20190425T111700+1000`);
 * - RFC 822 / 1123, as RSS writes it (`Thu, 25 Apr 2019 11:17:00 GMT`, `… +0900`).
 *
 * @example
 * normalizeDateTime('20190425T111700+1000'); // '2019-04-25T11:17:00+10:00'
 */
export function normalizeDateTime(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = text.trim();
  let match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(value);
  if (match) {
    const [, year, month, day, hour, minute, second = '00', fraction = '', zone] = match;
    return checked(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${zoneOf(zone!)}`);
  }
  match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})$/i.exec(value);
  if (match) {
    const [, year, month, day, hour, minute, second = '00', zone] = match;
    return checked(`${year}-${month}-${day}T${hour}:${minute}:${second}${zoneOf(zone!)}`);
  }
  match = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UT|UTC|Z|[+-]\d{4}|EST|EDT|CST|CDT|MST|MDT|PST|PDT)$/.exec(value);
  if (match) {
    const [, day, monthName, year, hour, minute, second = '00', zone] = match;
    const month = months[monthName!.toLowerCase()];
    if (!month) return null;
    return checked(`${year}-${month}-${day!.padStart(2, '0')}T${hour}:${minute}:${second}${zoneOf(zone!)}`);
  }
  return null;
}

const namedZones: Record<string, string> = {
  GMT: 'Z', UT: 'Z', UTC: 'Z', Z: 'Z',
  EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00',
};

function zoneOf(zone: string): string {
  const named = namedZones[zone.toUpperCase()];
  if (named) return named;
  const digits = zone.replace(':', '');
  return digits === '+0000' || digits === '-0000' ? 'Z' : `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function checked(iso: string): string | null {
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** A calendar date in the shapes news formats use (`2019-04-25`, `20190425`) as ISO 8601, or null. */
export function normalizeDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}
