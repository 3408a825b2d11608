/**
 * Structured documents that agencies and their APIs send beside the news, which hold
 * no story: sports statistics, search and poll responses, event calendars, tables
 * and headline tickers. Each is told by its structure (the root element and its
 * characteristic children, the shape of the JSON, the CSV header, the layout of the
 * text), never by the file's name, and the sniffer and the reader share these tests.
 */

/** What a structured document is, in the words the refusal uses. */
export interface FeedKind {
  /** What it is: `an AAP sports data feed`. */
  what: string;
  /** The structure that tells it: `<Response> with <Fixture_List>`. */
  shape: string;
  /** What it holds instead of a story: `fixtures and results`. */
  holds: string;
  /** The way out: what to read instead. */
  instead: string;
}

// ---------------------------------------------------------------------------
// XML

/** The root element's start tag, as the XML layer reads it near the start of a document. */
export interface XmlRoot {
  /** The name without its prefix. */
  local: string;
  /** The start tag as written. */
  tag: string;
}

/**
 * The children of AAP SportsData's `<Response>` (`<Response Status_Code="OK">`), by
 * what they hold: `<Fixture_List>` and `<Fixtures>`, `<Result_List>`, `<Ladder>` …
 */
const sportsChild = /<((?:[A-Za-z]+_)?(?:Fixture|Result|Ladder|Standing|Match|Competition|Draw|Scoreboard|Leaderboard)s?(?:_List)?)[\s>/]/;

/** DC-X archive search (`<dc_rest_node>`): the documents found, how many in all, what kind. */
const archiveTitle = /<title>([^<]{1,80})<\/title>/;
const archiveTotal = /<total_docs>\s*(\d+)\s*<\/total_docs>/;
const archiveDoc = /<dc_rest_doc[\s>]/g;
const archiveFileType = /<FILETYPE>\s*([A-Za-z]+)\s*<\/FILETYPE>/g;

/** A poll response (`<results><result><guid>…`): entries naming items, not holding them. */
const pollResult = /<result[\s>]/g;
const pollIdentifier = /<result[\s>][\s\S]{0,400}?<(?:guid|id)>/;
const pollToken = /<pollToken>/;

/**
 * What an XML document is when it is a structured document with no story, judged
 * from its root element and the text of its first part (`head`); null otherwise.
 * `whole` is the entire text when the reader has it, for counts.
 */
export function xmlFeedKind(root: XmlRoot, head: string, whole: string | null = null): FeedKind | null {
  const text = whole ?? head;
  switch (root.local) {
    case 'Response': {
      const child = sportsChild.exec(head)?.[1] ?? null;
      // Without a sports child, only AAP SportsData's own status attribute tells it.
      if (child === null && !/\bStatus_Code\s*=/.test(root.tag)) return null;
      return {
        what: 'an AAP sports data feed',
        shape: child === null ? '<Response Status_Code=…>' : `<Response> with <${child}>`,
        holds: sportsHolding(child),
        instead: 'AAP sends match reports and results as text stories (ZCZC or NITF): read those',
      };
    }
    case 'dc_rest_node': {
      const found = [...text.matchAll(archiveDoc)].length;
      const total = archiveTotal.exec(text)?.[1];
      const types = new Set([...text.matchAll(archiveFileType)].map((match) => match[1]!.toLowerCase()));
      const title = archiveTitle.exec(head)?.[1]?.trim();
      return {
        what: `an archive search response${title ? ` from “${title}”` : ''}`,
        shape: `<dc_rest_node> listing ${plural(found, 'document')}${total !== undefined ? ` of ${total}` : ''}`,
        holds: types.size > 0 ? `the archive's records of ${[...types].map((type) => `${type}s`).join(' and ')}` : "the archive's records",
        instead: 'fetch each document it lists from the archive and read that',
      };
    }
    case 'results': {
      if (!pollIdentifier.test(head)) return null;
      const reuters = /reuters\.com/.test(head);
      return {
        what: reuters ? 'a Reuters API poll response' : 'a news API poll response',
        shape: `<results> listing ${plural([...text.matchAll(pollResult)].length, 'item id')}${pollToken.test(text) ? ' and a <pollToken>' : ''}`,
        holds: 'ids of items to fetch',
        instead: `fetch each item it names (its ${reuters ? 'NewsML-G2' : 'full text'}) and read that`,
      };
    }
    default:
      return null;
  }
}

function sportsHolding(child: string | null): string {
  if (child === null) return 'sports data';
  if (/Fixture/.test(child)) return 'fixtures and results';
  if (/Result|Scoreboard|Leaderboard/.test(child)) return 'results';
  if (/Ladder|Standing/.test(child)) return 'standings';
  if (/Draw/.test(child)) return 'a draw';
  return 'sports data';
}

// ---------------------------------------------------------------------------
// JSON

/** A property name in JSON text. */
const propertyName = /"([A-Za-z_$][\w$-]{0,60})"\s*:/g;

/** The names that mark an event: its start and its end. */
const startNames = new Set(['startDate', 'start_date', 'startDateTime', 'start_time', 'startTime', 'dateStart', 'eventStart']);
const endNames = new Set(['endDate', 'end_date', 'endDateTime', 'end_time', 'endTime', 'dateEnd', 'eventEnd']);

/** Names a news item has (ninjs, AP, Superdesk): with any of them it is no calendar of ours to refuse. */
const storyNames = new Set([
  'uri', 'guid', 'headline', 'headlines', 'body', 'bodies', 'body_text', 'body_html', 'body_xhtml', 'body_nitf',
  'versioncreated', 'versionCreated', 'pubstatus', 'pubStatus', 'byline', 'bylines', 'slugline', 'renditions',
]);

/**
 * What a JSON document is when it is a calendar of events (objects with a start and an
 * end, and none of a news item's names), judged from the property names in `head`;
 * null otherwise. `count` is how many events it holds, when the reader knows.
 */
export function jsonFeedKind(head: string, count: number | null = null): FeedKind | null {
  const names = new Set<string>();
  for (const match of head.matchAll(propertyName)) names.add(match[1]!);
  const start = [...names].find((name) => startNames.has(name));
  const end = [...names].find((name) => endNames.has(name));
  if (start === undefined || end === undefined || [...names].some((name) => storyNames.has(name))) return null;
  return {
    what: 'an event calendar',
    shape: `JSON ${head.trimStart().startsWith('[') ? 'array' : 'object'} of ${count === null ? 'events' : plural(count, 'event')} with ${start}/${end}`,
    holds: 'planning data (dates, venues, organisers)',
    instead: 'plan coverage with it; the stories filed on the events come separately',
  };
}

// ---------------------------------------------------------------------------
// CSV

/** One CSV line split into its fields, quotes honoured (`"Retail Trade, Australia",3`); null when a quote is left open. */
export function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    if (line[at] === '"') {
      let value = '';
      at++;
      for (;;) {
        const close = line.indexOf('"', at);
        if (close === -1) return null;
        value += line.slice(at, close);
        if (line[close + 1] === '"') {
          value += '"';
          at = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
      fields.push(value);
      if (at === line.length) return fields;
      if (line[at] !== ',') return null;
      at++;
    } else {
      const comma = line.indexOf(',', at);
      fields.push(line.slice(at, comma === -1 ? line.length : comma));
      if (comma === -1) return fields;
      at = comma + 1;
    }
  }
}

/** A column name in a CSV header: a short label, not a figure or a sentence. */
const columnName = /^[\p{L}][\p{L}\p{N} _./()#-]{0,39}$/u;

/**
 * What a text is when it is a CSV table: a header of three or more column names,
 * then rows with as many fields (four in five of them at least); a calendar export
 * when the columns say so (`"Subject","Start Date",…`). Null otherwise.
 */
export function csvFeedKind(lines: readonly string[]): FeedKind | null {
  const rows = lines.filter((line) => line.trim() !== '');
  const header = rows.length > 0 ? csvFields(rows[0]!) : null;
  if (header === null || header.length < 3 || !header.every((name) => columnName.test(name.trim()))) return null;
  if (new Set(header.map((name) => name.trim().toLowerCase())).size !== header.length) return null;
  const sample = rows.slice(1, 41);
  const fitting = sample.filter((row) => csvFields(row)?.length === header.length).length;
  if (fitting < 2 || fitting * 5 < sample.length * 4) return null;
  const columns = header.map((name) => name.trim());
  const lower = columns.map((name) => name.toLowerCase());
  const calendar = lower.some((name) => /^(?:subject|title|event|summary)$/.test(name)) && lower.some((name) => /^start(?: |_)?(?:date|time)?$/.test(name));
  const shown = columns.slice(0, 3).map((name) => `"${name}"`).join(',');
  const events = rows.length - 1;
  return calendar
    ? {
        what: 'a CSV calendar export',
        shape: `header ${shown},…`,
        holds: `${plural(events, 'calendar entry', 'calendar entries')}`,
        instead: 'import it into a diary or planning tool; the stories come separately',
      }
    : {
        what: 'a CSV table',
        shape: `header ${shown},… and ${plural(events, 'row')}`,
        holds: 'data in columns',
        instead: 'open it as a spreadsheet; a story that uses it comes as text',
      };
}

// ---------------------------------------------------------------------------
// Headline tickers

/** The mark between headlines on a ticker: `TRUMP PLANS … ** 'VALUES' TEST … **`. */
const tickerMark = /\s+\*\*(?:\s+|$)/;

/**
 * What a text is when it is a headline ticker: three or more headlines in capitals
 * parted by ` ** `, and nothing else. Null otherwise.
 */
export function tickerFeedKind(text: string): FeedKind | null {
  const body = text.trim();
  if (body === '' || body.split('\n').filter((line) => line.trim() !== '').length > 3) return null;
  const headlines = body.split(tickerMark).map((part) => part.trim()).filter(Boolean);
  if (headlines.length < 3 || headlines.some((headline) => headline.length > 120)) return null;
  const letters = body.replace(/[^\p{L}]/gu, '');
  const lower = body.replace(/[^\p{Ll}]/gu, '').length;
  if (letters.length === 0 || lower * 10 > letters.length) return null;
  return {
    what: 'a headline ticker',
    shape: `${plural(headlines.length, 'headline')} in capitals parted by \` ** \``,
    holds: 'headlines with no story text',
    instead: 'each headline stands for a story sent on its own: read those',
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
