import { decodeText } from '../../source/decode.js';
import type { SourceFile } from '../../source/source-file.js';
import { assembleStory } from '../../story/assemble.js';
import type { StoryCopy } from '../../story/assemble.js';
import type { Dateline, Story, StorySource, Subject } from '../../story/story.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { contentId, readWireCopy } from '../wire-text/parse.js';
import { monthNumber, isoDate } from '../wire-text/grammar.js';
import {
  bomCodingLine,
  bomIssuedAt,
  bomIssuedBy,
  bomOffice,
  bomProductId,
  bomSafetySignal,
  bomZones,
  categoryLetter,
  endLine,
  headerAfterBlank,
  headingPrefix,
  keyLine,
  markerDate,
  markerKeyword,
  markerLine,
  routingLine,
  sheetRow,
  startLine,
  subjectCode,
} from './grammar.js';

const READER = 'aap-zczc';

/**
 * The `aap-zczc` format: AAP's ZCZC-framed wire copy, with marker header lines
 * (`#` keyword, `$` headline, `:` dateline, `*` subject) or News Bites `KEY#value`
 * fields, the copy itself read as plain wire text; and the copy AAP relays with no
 * framing: Bureau of Meteorology warnings and results sheets.
 */
export const aapZczc: Format = {
  id: READER,
  description:
    "AAP's ZCZC-framed copy: marker header lines (#keyword, $headline, :dateline) or News Bites fields; BoM warnings and results sheets AAP relays",
  sniff: sniffAapZczc,
  parse: (file, options) => [parseAapZczc(file, options)],
};

/** How a piece of AAP copy is laid out. */
type Layout = 'message' | 'bom-warning' | 'results-sheet';

const splitLines = (text: string) => text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);

/** The layout of the copy in `lines`, judged from its first lines, and the line it starts on. */
function layoutOf(lines: readonly string[]): { layout: Layout; start: number } | null {
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start === -1) return null;
  const first = lines[start]!;
  if (startLine.test(first)) return { layout: 'message', start };
  const head = lines.slice(start, start + 60).filter((line) => line.trim() !== '');
  if (bomProductId.test(first.trim()) && head.slice(1, 8).some((line) => bomOffice.test(line))) {
    return { layout: 'bom-warning', start };
  }
  // A results sheet: a title line with no `|`, then mostly rows of `|`-parted fields,
  // none opening with `|` (a Markdown table does).
  const rows = head.slice(1, 41);
  const fielded = rows.filter((line) => sheetRow.test(line) && !line.trimStart().startsWith('|')).length;
  if (!sheetRow.test(first) && first.length <= 80 && fielded >= 3 && fielded * 5 >= rows.length * 3) {
    return { layout: 'results-sheet', start };
  }
  return null;
}

/** How likely the input is AAP copy: ZCZC framing first, or the layout of a BoM warning or a results sheet. */
export function sniffAapZczc(file: SourceFile): Sniff {
  const head = decodeText(file.bytes.subarray(0, 4096)).text;
  switch (layoutOf(splitLines(head))?.layout) {
    case 'message':
      return { score: 0.9, reason: 'opens with ZCZC, the start of an AAP message' };
    case 'bom-warning':
      return { score: 0.8, reason: 'a Bureau of Meteorology product id and office, as AAP relays its warnings' };
    case 'results-sheet':
      return { score: 0.7, reason: 'a title line over rows of |-parted fields: a results sheet' };
    default:
      return { score: 0, reason: 'does not open with ZCZC, a BoM product id or a results sheet title' };
  }
}

/**
 * Reads one piece of AAP copy into a story: a ZCZC message, a Bureau of Meteorology
 * warning or a results sheet.
 *
 * @example
 * const story = parseAapZczc(new SourceFile(bytes, { name: 'aap.tst' }));
 */
export function parseAapZczc(file: SourceFile, options: ParseOptions = {}): Story {
  const decoded = decodeText(file.bytes);
  if (decoded.encoding !== 'utf-8') {
    file.info(`encoding/${decoded.encoding}`, `decoded as ${decoded.encoding.toUpperCase()}`, null, READER);
  }
  const lines = splitLines(decoded.text);
  const found = layoutOf(lines);
  if (found === null) {
    file.fail(
      'input/no-message',
      'expected a message opening with ZCZC, a Bureau of Meteorology warning or a results sheet (plain copy? try --from wire-text)',
      null,
      READER,
    );
  }
  const read = { file, lines, start: found.start, encoding: decoded.encoding, referenceDate: options.referenceDate ?? null };
  switch (found.layout) {
    case 'message':
      return readMessage(read);
    case 'bom-warning':
      return readBomWarning(read);
    case 'results-sheet':
      return readResultsSheet(read);
  }
}

interface Reading {
  file: SourceFile;
  lines: string[];
  /** Index of the first line that is not blank. */
  start: number;
  encoding: string;
  referenceDate: string | null;
}

function sourceOf(read: Reading, labels: Record<string, string | string[]>): StorySource {
  const { file } = read;
  return { format: READER, file: file.name, receivedAt: file.origin.receivedAt ?? null, encoding: read.encoding, line: read.start + 1, labels };
}

/** The index of the end mark (`NNNN`) from line `from` on, or the number of lines when there is none. */
function copyEnd(lines: readonly string[], from: number): number {
  for (let at = from; at < lines.length; at++) if (endLine.test(lines[at]!)) return at;
  return lines.length;
}

function sameWords(left: string, right: string): boolean {
  const normal = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return normal(left) === normal(right);
}

function deriveHeadline(read: Reading, headline: string, how: string, line: number): string {
  read.file.info('aap-zczc/headline-derived', `the copy gives no headline: ${how} (\`${headline}\`)`, { line }, READER);
  return headline;
}

// ---------------------------------------------------------------------------
// ZCZC messages

function readMessage(read: Reading): Story {
  const { file, lines, start } = read;
  const labels: Record<string, string | string[]> = { start: lines[start]!.trim() };
  let slug: string | null = null;
  let summary: string | null = null;
  let place: string | null = null;
  let region: string | null = null;
  const subjects: Subject[] = [];
  const keywords: string[] = [];
  // Headlines by where they stand, most telling first: `^` (second dialect), `$`, the
  // start line's name, News Bites' `TI#`, then the first `:` heading.
  let caretHeadline: string | null = null;
  let dollarHeadline: string | null = null;
  let fieldHeadline: string | null = null;
  let colonHeading: string | null = null;
  const extraColons: string[] = [];
  let keywordLine = start;
  // `ZCZC#Caulfield Betting://…`: the start line names the copy.
  const named = /^\s*zczc#([^:]+)/i.exec(lines[start]!);
  const startName = named ? named[1]!.trim() || null : null;
  let index = start + 1;
  // Header lines: markers, or News Bites fields up to `TX#`, which opens the text.
  header: for (; index < lines.length; index++) {
    const line = lines[index]!;
    let match: RegExpExecArray | null;
    // A blank line may part header lines (`$headline`, blank, `:(MELBOURNE)`); it is
    // header only when a marker that cannot open copy, or a routing line, follows.
    if (line.trim() === '') {
      let after = index + 1;
      while (after < lines.length && lines[after]!.trim() === '') after++;
      const next = lines[after];
      if (next === undefined || !(headerAfterBlank.test(next) || (labels['routing'] === undefined && routingLine.test(next.trim())))) break;
      index = after - 1;
      continue;
    }
    if ((match = markerLine.exec(line))) {
      const value = match[2]!.trim();
      switch (match[1]) {
        case '#':
          if (slug === null && value) {
            slug = value;
            keywordLine = index;
          }
          break;
        case '$':
          // `$T`, `$J`: the category letter of the second dialect, not a headline.
          if (categoryLetter.test(value)) labels['category'] = value;
          else dollarHeadline ??= value || null;
          break;
        case '^':
          caretHeadline ??= value.replace(/\s+/g, ' ') || null;
          break;
        case '=':
          if (value) labels['take key'] = value;
          break;
        case ':': {
          // `:(BRISBANE)` names the dateline place; `:11/2/2017` is the date; racing
          // copy's `:POTTED :Eagle Farm …` is a heading, a one-word line after it the keyword.
          const bracketed = /^\((.+)\)$/.exec(value);
          if (bracketed) place ??= bracketed[1]!.trim();
          else if (markerDate.test(value)) labels['date'] = value;
          else if (!value) break;
          else if (colonHeading === null) colonHeading = value.replace(headingPrefix, '').trim() || value;
          else if (slug === null && markerKeyword.test(value)) slug = value;
          else extraColons.push(value);
          break;
        }
        case '*':
          if (subjectCode.test(value)) subjects.push({ scheme: 'subj', code: value, name: null });
          else if (value) labels['format'] = value; // `*X` text, `*T` tabular
          break;
        case '+':
          // `+15084000`; any other line opening with `+` is copy (`+0.5 per cent …`).
          if (!subjectCode.test(value)) break header;
          subjects.push({ scheme: 'subj', code: value, name: null });
          break;
        case '@':
          region ??= value || null;
          break;
        default:
          labels[`marker ${match[1]}`] = value;
      }
      continue;
    }
    if ((match = keyLine.exec(line))) {
      const [, key, raw] = match;
      const value = raw!.trim();
      if (key === 'TX') {
        index++;
        break;
      }
      if (key === 'TI') fieldHeadline ??= value || null;
      else if (key === 'AB') summary ??= value || null;
      else if (key === 'KY') keywords.push(...value.split(/\s+/).filter(Boolean));
      else if (value) labels[key!] = value;
      continue;
    }
    if (labels['routing'] === undefined && routingLine.test(line.trim())) {
      labels['routing'] = line.trim(); // racing copy's `YY RFG TDR`, `HH TDCom`
      continue;
    }
    break;
  }
  if (extraColons.length > 0) labels['headings'] = extraColons;
  // In the second dialect a `^` headline leaves the `:` line to be the keyword (`:AFL Preview`).
  if (caretHeadline !== null && colonHeading !== null) {
    slug ??= colonHeading;
    colonHeading = null;
  }
  let headline = caretHeadline ?? dollarHeadline ?? startName ?? fieldHeadline ?? colonHeading;
  // Racing copy routed by desk (`YY TDR`) opens with its heading line: `RACING : Racing.Com Park FIELDS Thursday`.
  if (headline === null && labels['routing'] !== undefined) {
    while (index < lines.length && lines[index]!.trim() === '') index++;
    const heading = lines[index]?.trim() ?? '';
    if (heading !== '' && heading.length <= 80 && !endLine.test(heading)) {
      headline = deriveHeadline(read, heading, 'took the heading line under the routing', index + 1);
      index++;
    }
  }
  // Pagemasters' results and betting lists name themselves by their keyword and date
  // only (`#Caulfield Betting`, `:11/2/2017`): the keyword reads as a headline, where the
  // first lines of copy are notices (`FINAL FIELDS AS PROVIDED TO AAP`) or the dateline.
  if (headline === null && slug !== null && /\s/.test(slug)) {
    headline = deriveHeadline(read, slug, 'took the keyword', keywordLine + 1);
  }
  // The headline may stand again as the first line of copy (Pagemasters' market lists).
  if (headline !== null) {
    let first = index;
    while (first < lines.length && lines[first]!.trim() === '') first++;
    if (first < lines.length && sameWords(lines[first]!, headline)) index = first + 1;
  }
  const end = copyEnd(lines, index);
  const copy = readWireCopy(lines.slice(index, end).join('\n'), file, {
    source: READER,
    firstLine: index + 1,
    referenceDate: read.referenceDate,
    header: headline === null,
  });
  headline ??= copy.headline;
  takeAgencySignoff(copy);
  if (copy.body.length === 0 && headline === null) {
    file.fail('input/no-copy', 'the message holds no headline and no text', null, READER);
  }
  const dateline: Dateline | null =
    copy.dateline ??
    (place === null ? null : { text: `(${place})`, place, region, country: null, date: null, credit: null });
  return assembleStory(
    contentId(file.bytes),
    sourceOf(read, labels),
    {
      ...copy,
      slug: slug ?? copy.slug,
      headline,
      summary,
      dateline,
      credits: copy.credits.length ? copy.credits : ['AAP'],
      subjects,
      keywords,
    },
    'en',
    file.messages.slice(),
  );
}

/** AAP signs its sports copy off with its name alone on the last line: a sign-off, not a paragraph. */
function takeAgencySignoff(copy: StoryCopy): void {
  const last = copy.body.length - 1;
  const block = copy.body[last];
  if (block?.kind !== 'paragraph' || block.text !== 'AAP' || copy.damage.some((damage) => damage.block === last)) return;
  copy.body.pop();
  const signoff = { kind: 'signoff' as const, text: block.text, agencies: ['AAP'], initials: [], time: null, zone: null, date: null, line: block.line };
  // In the order the lines came: after any take break or end mark above it.
  const at = copy.signoffs.findIndex((each) => each.line > block.line);
  copy.signoffs.splice(at === -1 ? copy.signoffs.length : at, 0, signoff);
  if (copy.credits.length === 0) copy.credits.push('AAP');
}

// ---------------------------------------------------------------------------
// Bureau of Meteorology warnings

/**
 * A BoM warning: the product id (the slug), then, in some order, the issuing office
 * (the credit), the notice's title (the headline), for marine warnings a coding line
 * and a safety signal, and the time of issue; a blank line after the time of issue
 * opens the text.
 */
function readBomWarning(read: Reading): Story {
  const { file, lines, start } = read;
  const product = lines[start]!.trim();
  const labels: Record<string, string | string[]> = { product };
  const title: string[] = [];
  const office: string[] = [];
  let issued: { text: string; instant: string | null } | null = null;
  let underOffice = false; // the line under the office names its region (`New South Wales`)
  let index = start + 1;
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') {
      underOffice = false;
      if (issued !== null) break;
      let after = index + 1;
      while (after < lines.length && lines[after]!.trim() === '') after++;
      // With title and office read, a blank line opens the text unless the time of issue follows.
      if (title.length > 0 && office.length > 0 && (after === lines.length || !bomIssuedAt.test(lines[after]!.trim()))) break;
      index = after - 1;
      continue;
    }
    if (issued !== null) break;
    if (bomCodingLine.test(line)) labels['coding'] = line;
    else if (bomSafetySignal.test(line)) labels['signal'] = line;
    else if (bomIssuedAt.test(line)) issued = { text: line, instant: issueInstant(line) };
    else if (bomOffice.test(line)) {
      office.push(bomIssuedBy.exec(line)?.[1] ?? line);
      underOffice = true;
    } else if (underOffice && title.length === 0) office.push(line);
    else if (title.length < 3) title.push(line);
    else break; // a title is a line or two: this is text
  }
  if (office.length > 0) labels['office'] = office.join(', ');
  if (issued !== null) labels['issued'] = issued.text;
  const end = copyEnd(lines, index);
  const copy = readWireCopy(lines.slice(index, end).join('\n'), file, {
    source: READER,
    firstLine: index + 1,
    referenceDate: read.referenceDate ?? issued?.instant ?? null,
    header: title.length === 0,
  });
  let headline = title.length > 0 ? title.join(' ').replace(/\s+/g, ' ') : copy.headline;
  headline ??= deriveHeadline(read, product, 'took the product id', start + 1);
  if (copy.body.length === 0) file.fail('input/no-copy', `the ${product} warning holds no text under its title`, null, READER);
  const credit = bomOffice.exec(office.join(' '))?.[0] ?? 'Bureau of Meteorology';
  return assembleStory(
    contentId(file.bytes),
    sourceOf(read, labels),
    { ...copy, slug: product, headline, versionCreated: issued?.instant ?? null, credits: [credit] },
    'en',
    file.messages.slice(),
  );
}

/** `Issued at 9:27 am EST on Thursday 5 July 2018.` → `2018-07-05T09:27:00+10:00`; null when incomplete. */
function issueInstant(text: string): string | null {
  const match = bomIssuedAt.exec(text);
  if (!match) return null;
  const [, hourText, minutes, half, zone, day, monthName, year] = match;
  const offset = bomZones[(zone ?? 'UTC').toUpperCase()];
  const month = monthNumber(monthName!);
  let hour = Number(hourText);
  if (half !== undefined) hour = (hour % 12) + (half.toLowerCase() === 'pm' ? 12 : 0);
  const date = month === null ? null : isoDate(Number(year), month, Number(day));
  if (offset === undefined || date === null || hour > 23 || Number(minutes) > 59) return null;
  return `${date}T${String(hour).padStart(2, '0')}:${minutes}:00${offset === '+00:00' ? 'Z' : offset}`;
}

// ---------------------------------------------------------------------------
// Results sheets

/** `Cranbourne, Wednesday 27 Apr 2016`: the meeting's place and date. */
const sheetTitle = /^([A-Z][\p{L} .'-]{1,40}),\s+(?:[A-Z][a-z]+day\s+)?(\d{1,2})\s+([A-Z][a-z]{2,8})\.?\s+(\d{4})$/u;
/** The row naming the race: `Race 1|TOP CAT VIDEO|06:58PM`. */
const raceRow = /^(Race\s+\d{1,2})\s*\|/i;

/**
 * A results sheet: its title line (the meeting, `Cranbourne, Wednesday 27 Apr 2016`),
 * then rows of `|`-parted fields, kept as a table. It gives no headline; the title
 * and the race (`Race 1`) make one.
 */
function readResultsSheet(read: Reading): Story {
  const { file, lines, start } = read;
  const title = lines[start]!.trim();
  const race = lines.slice(start + 1).map((line) => raceRow.exec(line.trim())?.[1]).find((value) => value !== undefined);
  const headline = deriveHeadline(
    read,
    race === undefined ? title : `${title}, ${race.replace(/\s+/g, ' ')}`,
    race === undefined ? 'took the title line' : 'joined the title line and the race',
    start + 1,
  );
  const copy = readWireCopy(lines.slice(start + 1).join('\n'), file, {
    source: READER,
    firstLine: start + 2,
    referenceDate: read.referenceDate,
    header: false,
  });
  const meeting = sheetTitle.exec(title);
  const month = meeting ? monthNumber(meeting[3]!) : null;
  const date = meeting && month !== null ? isoDate(Number(meeting[4]), month, Number(meeting[2])) : null;
  const dateline: Dateline | null =
    meeting && date !== null ? { text: title, place: meeting[1]!.trim(), region: null, country: null, date, credit: null } : null;
  return assembleStory(
    contentId(file.bytes),
    sourceOf(read, { layout: 'results sheet' }),
    { ...copy, headline, dateline: copy.dateline ?? dateline },
    'en',
    file.messages.slice(),
  );
}
