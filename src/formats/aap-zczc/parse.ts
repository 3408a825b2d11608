import { decodeText } from '../../source/decode.js';
import type { SourceFile } from '../../source/source-file.js';
import { assembleStory } from '../../story/assemble.js';
import type { Subject } from '../../story/story.js';
import type { Format, ParseOptions, Sniff } from '../format.js';
import { contentId, readWireCopy } from '../wire-text/parse.js';
import { endLine, keyLine, markerLine, startLine, subjectCode } from './grammar.js';

const READER = 'aap-zczc';

/**
 * The `aap-zczc` format: AAP's ZCZC-framed wire copy, with marker header lines
 * (`#` keyword, `$` headline, `:` dateline, `*` subject) or News Bites `KEY#value`
 * fields, the copy itself read as plain wire text.
 */
export const aapZczc: Format = {
  id: READER,
  description: "AAP's ZCZC-framed copy: marker header lines (#keyword, $headline, :dateline) or News Bites fields",
  sniff: sniffAapZczc,
  parse: (file, options) => [parseAapZczc(file, options)],
};

export function sniffAapZczc(file: SourceFile): Sniff {
  const head = decodeText(file.bytes.subarray(0, 512)).text.replace(/^\ufeff/, '');
  const first = head.split(/\r\n|\r|\n/, 1)[0] ?? '';
  return startLine.test(first)
    ? { score: 0.9, reason: 'opens with ZCZC, the start of an AAP message' }
    : { score: 0, reason: 'does not open with ZCZC' };
}

/**
 * Reads one AAP ZCZC message into a story.
 *
 * @example
 * const story = parseAapZczc(new SourceFile(bytes, { name: 'aap.tst' }));
 */
export function parseAapZczc(file: SourceFile, options: ParseOptions = {}) {
  const decoded = decodeText(file.bytes);
  if (decoded.encoding !== 'utf-8') {
    file.info(`encoding/${decoded.encoding}`, `decoded as ${decoded.encoding.toUpperCase()}`, null, READER);
  }
  const lines = decoded.text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start === -1 || !startLine.test(lines[start]!)) {
    file.fail('input/no-message', 'expected a message opening with ZCZC (plain copy? try --from wire-text)', null, READER);
  }
  const labels: Record<string, string | string[]> = { start: lines[start]!.trim() };
  let slug: string | null = null;
  let headline: string | null = null;
  let summary: string | null = null;
  let place: string | null = null;
  let region: string | null = null;
  const subjects: Subject[] = [];
  const keywords: string[] = [];
  // `ZCZC#Caulfield Betting://…`: the start line names the copy.
  const named = /^\s*zczc#([^:]+)/i.exec(lines[start]!);
  if (named) headline = named[1]!.trim() || null;
  let index = start + 1;
  // Header lines: markers, or News Bites fields up to `TX#`, which opens the text.
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    let match: RegExpExecArray | null;
    // A blank line may part header lines (`$headline`, blank, `:(MELBOURNE)`); it is
    // header only when a marker that cannot open copy follows (`$25m…` could).
    if (line.trim() === '') {
      const next = lines.slice(index + 1).find((each) => each.trim() !== '');
      if (next !== undefined && /^[%:&*@~^]/.test(next)) continue;
      break;
    }
    if ((match = markerLine.exec(line))) {
      const value = match[2]!.trim();
      switch (match[1]) {
        case '#':
          slug ??= value || null;
          break;
        case '$':
          headline ??= value || null;
          break;
        case ':': {
          // `:(BRISBANE)` names the dateline place; racing copy's `:POTTED :Eagle Farm …` is a heading.
          const bracketed = /^\((.+)\)$/.exec(value);
          if (bracketed) place ??= bracketed[1]!.trim();
          else if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)) labels['date'] = value;
          else if (value) headline ??= value.replace(/^[A-Z ]+:/, '').trim();
          break;
        }
        case '*':
          if (subjectCode.test(value)) subjects.push({ scheme: 'subj', code: value, name: null });
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
      if (key === 'TI') headline ??= value || null;
      else if (key === 'AB') summary ??= value || null;
      else if (key === 'KY') keywords.push(...value.split(/\s+/).filter(Boolean));
      else if (value) labels[key!] = value;
      continue;
    }
    if (/^[A-Z]{2} [A-Z]{2,4}$/.test(line.trim())) {
      labels['routing'] = line.trim(); // racing copy's `YY TDR`
      continue;
    }
    break;
  }
  // Racing copy routed by desk (`YY TDR`) opens with its heading line: `RACING : Racing.Com Park FIELDS Thursday`.
  if (headline === null && labels['routing'] !== undefined) {
    while (index < lines.length && lines[index]!.trim() === '') index++;
    const heading = lines[index]?.trim() ?? '';
    if (heading !== '' && heading.length <= 80) {
      headline = heading;
      index++;
    }
  }
  let end = lines.length;
  for (let at = index; at < lines.length; at++) {
    if (endLine.test(lines[at]!)) {
      end = at;
      break;
    }
  }
  const copy = readWireCopy(lines.slice(index, end).join('\n'), file, {
    source: READER,
    firstLine: index + 1,
    referenceDate: options.referenceDate ?? null,
    header: headline === null,
  });
  // Racing and results copy often has no headline but its keyword, which reads as one (`Caulfield Betting`).
  headline ??= copy.headline ?? (slug !== null && /\s/.test(slug) ? slug : null);
  if (copy.body.length === 0 && headline === null) {
    file.fail('input/no-copy', 'the message holds no headline and no text', null, READER);
  }
  const dateline =
    copy.dateline ??
    (place === null ? null : { text: `(${place})`, place, region, country: null, date: null, credit: null });
  return assembleStory(
    contentId(file.bytes),
    { format: READER, file: file.name, receivedAt: file.origin.receivedAt ?? null, encoding: decoded.encoding, line: start + 1, labels },
    {
      ...copy,
      slug: slug ?? copy.slug,
      headline: headline ?? copy.headline,
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
