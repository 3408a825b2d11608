import { SLUGLINE_ID_PREFIX } from '../../story/ids.js';
import type { Block, Byline, Dateline, Story, Subject } from '../../story/story.js';
import { urgencyOfPriority } from '../../story/urgency.js';
import type { Writer } from '../format.js';
import { escapeXml } from '../xml/xml.js';
import { readDatelineHead } from '../wire-text/grammar.js';
import {
  embargoMessageType,
  embargoNoticeIn,
  languageTag,
  nitfNamespace,
  nitfVersion,
  nmtoken,
  normOfDate,
  normOfDateTime,
  samePlace,
} from './grammar.js';

/**
 * Stories as NITF 3.6 documents, one per story, each valid against IPTC's NITF 3.6
 * XSD and ending in a line break. Every field goes where the standard puts it;
 * what NITF has no room for (takes, damage, diagnostics, labels, subjects from no
 * named scheme) is left out rather than forced in.
 *
 * Where each field goes: headline → `head/title` and `hedline/hl1`; guid → `doc-id`;
 * revision and slug → `du-key`; urgency → `urgency`; status and embargo →
 * `management-status`, `date.release` and an `ed-msg` of type `embargo`;
 * versionCreated → `date.issue`; firstCreated → `revision-history`; notes → `ed-msg`;
 * keywords → `key-list`; subjects → `tobject`; summary → `abstract`; byline →
 * `byline` with `person` and `byttl`; credits → `distributor`; dateline → `dateline`
 * with `location` and `story.date`; body → `p`, `hl2`, `pre`; sign-offs → `tagline`.
 *
 * @example
 * process.stdout.write(serializeNitf(stories));
 */
export function serializeNitf(stories: readonly Story[]): string {
  let out = '';
  for (const story of stories) out += nitfDocument(story);
  return out;
}

/** The `nitf` writer. */
export const nitfWriter: Writer = {
  id: 'nitf',
  description: 'NITF 3.6 XML, one document per story (valid against the IPTC XSD)',
  mediaType: 'application/nitf+xml',
  serialize: serializeNitf,
};

function nitfDocument(story: Story): string {
  const language = story.language !== null && languageTag.test(story.language) ? ` baselang="${attr(story.language)}"` : '';
  const { dateline, lead } = datelineXml(story.dateline, story.body);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<nitf xmlns="${nitfNamespace}" version="${nitfVersion}"${language}>`,
    '  <head>',
    ...(story.headline !== null ? [`    <title>${text(story.headline)}</title>`] : []),
    ...tobjectXml(story.subjects),
    ...docdataXml(story),
    ...revisionHistoryXml(story),
    '  </head>',
    '  <body>',
    ...bodyHeadXml(story, dateline),
    ...bodyContentXml(story.body, lead),
    ...bodyEndXml(story),
    '  </body>',
    '</nitf>',
  ];
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// head

/** Subject codes: IPTC Subject Codes (`subj`) as NITF's default provider, other schemes named as the provider. */
function tobjectXml(subjects: Subject[]): string[] {
  const written = subjects.filter((subject) => subject.scheme !== null && nmtoken.test(subject.code));
  if (written.length === 0) return [];
  const lines = ['    <tobject>'];
  for (const subject of written) {
    const ipr = subject.scheme === 'subj' ? '' : ` tobject.subject.ipr="${attr(subject.scheme!)}"`;
    // The name goes in the tier the code is at: `04000000` a subject, `04001000` a matter, `04001002` a detail.
    const tier = /^\d{2}000000$/.test(subject.code) ? 'type' : /^\d{5}000$/.test(subject.code) ? 'matter' : 'detail';
    const name = subject.name ? ` tobject.subject.${tier}="${attr(subject.name)}"` : '';
    lines.push(`      <tobject.subject${ipr} tobject.subject.refnum="${attr(subject.code)}"${name}/>`);
  }
  lines.push('    </tobject>');
  return lines;
}

/** What `management-status` says of the story: an embargo withheld is `embargoed`. */
function managementStatus(story: Story): string {
  if (story.status === 'withheld') return story.embargo ? 'embargoed' : 'withheld';
  return story.status;
}

function docdataXml(story: Story): string[] {
  const lines = [`    <docdata management-status="${managementStatus(story)}">`];
  if (story.signal === 'correction') lines.push('      <correction/>');
  // A story no provider named keeps Slugline's id, marked as such (`urn:slugline:<id>`), as the NewsML-G2 and ninjs writers keep it.
  lines.push(`      <doc-id id-string="${attr(story.guid?.trim() ? story.guid : SLUGLINE_ID_PREFIX + story.id)}"/>`);
  const urgency = story.urgency ?? urgencyOfPriority(story.priority);
  if (urgency !== null && urgency >= 1 && urgency <= 9) lines.push(`      <urgency ed-urg="${urgency}"/>`);
  const issue = normOfDateTime(story.versionCreated);
  if (issue !== null) lines.push(`      <date.issue norm="${issue}"/>`);
  const release = normOfDateTime(story.embargo?.until ?? null);
  if (release !== null) lines.push(`      <date.release norm="${release}"/>`);
  for (const note of story.notes) {
    const info = fold(note);
    if (info) lines.push(`      <ed-msg info="${attr(info)}"/>`);
  }
  if (story.embargo && !embargoSaidByNotes(story)) {
    lines.push(`      <ed-msg msg-type="${embargoMessageType}" info="${attr(fold(story.embargo.text) || 'embargoed')}"/>`);
  }
  const key = story.slug !== null && story.slug.trim() !== '' ? ` key="${attr(story.slug)}"` : '';
  const version = story.revision !== null ? ` version="${story.revision}"` : '';
  if (key || version) lines.push(`      <du-key${key}${version}/>`);
  if (story.keywords.length) {
    lines.push('      <key-list>');
    for (const keyword of story.keywords) lines.push(`        <keyword key="${attr(keyword)}"/>`);
    lines.push('      </key-list>');
  }
  lines.push('    </docdata>');
  return lines;
}

/**
 * Whether the notes already say the embargo as readers find it: the status says
 * `embargoed` and the first embargo notice in the notes is the embargo's text (PA's
 * `ed-msg` `… Embargoed to 0001 Friday September 9`). Else it gets an `ed-msg` of its own.
 */
function embargoSaidByNotes(story: Story): boolean {
  if (managementStatus(story) !== 'embargoed' || story.embargo === null) return false;
  const notice = story.notes.map((note) => embargoNoticeIn(fold(note))).find((each) => each !== null);
  return notice === fold(story.embargo.text);
}

/** First creation, when it is not this version's issue: the start of the revision history. */
function revisionHistoryXml(story: Story): string[] {
  const first = normOfDateTime(story.firstCreated);
  if (first === null) return [];
  if (story.firstCreated === story.versionCreated && (story.revision === null || story.revision <= 1)) return [];
  return [`    <revision-history norm="${first}" comment="first created"/>`];
}

// ---------------------------------------------------------------------------
// body.head

function bodyHeadXml(story: Story, dateline: string | null): string[] {
  const lines: string[] = [];
  if (story.headline !== null) lines.push(`      <hedline><hl1>${text(story.headline)}</hl1></hedline>`);
  if (story.byline) lines.push(`      ${bylineXml(story.byline)}`);
  if (story.credits.length) lines.push(`      <distributor>${text(story.credits.join('/'))}</distributor>`);
  if (dateline !== null) lines.push(`      ${dateline}`);
  const summary = (story.summary ?? '').split(/\n+/).map(fold).filter(Boolean);
  if (summary.length) {
    lines.push('      <abstract>');
    for (const paragraph of summary) lines.push(`        <p>${text(paragraph)}</p>`);
    lines.push('      </abstract>');
  }
  return lines.length ? ['    <body.head>', ...lines, '    </body.head>'] : [];
}

/** The byline as written, each name in a `<person>` where the text has it, the title in `<byttl>`. */
function bylineXml(byline: Byline): string {
  const title = byline.title !== null && byline.title.trim() !== '' ? byline.title : null;
  if (title !== null && byline.text === title) return `<byline><byttl>${text(title)}</byttl></byline>`;
  let inner = '';
  let position = 0;
  for (const name of byline.names) {
    const at = name === '' ? -1 : byline.text.indexOf(name, position);
    if (at === -1) continue;
    inner += text(byline.text.slice(position, at)) + `<person>${text(name)}</person>`;
    position = at + name.length;
  }
  inner += text(byline.text.slice(position));
  if (title !== null) inner += `<byttl>${text(title)}</byttl>`;
  return `<byline>${inner}</byline>`;
}

/**
 * The dateline element, and the dateline to open the lead paragraph with when the
 * element cannot hold it as written. NITF's `<dateline>` is mixed content: its text is
 * the dateline as written, with the place marked up inside it. So:
 * - when the text names the place (and the region and country) as they are spelled,
 *   they are marked up in place: `<location><city>VLADIVOSTOK</city>, <country>Russia</country></location>, April 25, 2019 (BSS/AFP) –`;
 * - when it spells them otherwise (CP's `OTTAWA -` for the city `Ottawa`), the element
 *   holds the location alone and the dateline opens the lead paragraph, as AP and CP
 *   deliver it;
 * - else the text alone, the place left for readers to find in it.
 * The date goes in `<story.date norm="…">` when it has a year.
 */
function datelineXml(dateline: Dateline | null, body: Block[]): { dateline: string | null; lead: string | null } {
  if (dateline === null) return { dateline: null, lead: null };
  const norm = normOfDate(dateline.date);
  const storyDate = norm === null ? '' : `<story.date norm="${norm}"/>`;
  const pieces: { tag: string; value: string; at: number }[] = [];
  let complete = true;
  const placeAt = dateline.place === '' ? -1 : dateline.text.indexOf(dateline.place);
  if (placeAt !== -1) {
    pieces.push({ tag: 'city', value: dateline.place, at: placeAt });
    let end = placeAt + dateline.place.length;
    for (const [tag, value] of [['state', dateline.region], ['country', dateline.country]] as const) {
      if (value === null || value === '') continue;
      const at = dateline.text.indexOf(value, end);
      if (at === -1) {
        complete = false;
        continue;
      }
      pieces.push({ tag, value, at });
      end = at + value.length;
    }
  }
  const first = body[0];
  if ((placeAt === -1 || !complete) && first?.kind === 'paragraph' && dateline.text.trim() !== '') {
    const lead = readDatelineHead(`${dateline.text} ${first.text}`);
    if (lead && lead.head.trim() === dateline.text && samePlace(lead.parts.place, dateline.place)) {
      const location =
        `<location><city>${text(dateline.place)}</city>` +
        (dateline.region ? `<state>${text(dateline.region)}</state>` : '') +
        (dateline.country ? `<country>${text(dateline.country)}</country>` : '') +
        '</location>';
      return { dateline: `<dateline>${location}${storyDate}</dateline>`, lead: dateline.text };
    }
  }
  if (pieces.length === 0) {
    // Words that do not name the place (ANA's `4/4/2018`, Reuters' `2014-07-16 15:53:10 GMT`)
    // follow the location, so the place is not lost.
    const location =
      dateline.place === ''
        ? ''
        : `<location><city>${text(dateline.place)}</city>` +
          (dateline.region ? `, <state>${text(dateline.region)}</state>` : '') +
          (dateline.country ? `, <country>${text(dateline.country)}</country>` : '') +
          '</location>';
    const words = dateline.text.trim() === '' ? '' : text(dateline.text);
    return { dateline: `<dateline>${location}${location && words ? ', ' : ''}${words}${storyDate}</dateline>`, lead: null };
  }
  let inner = text(dateline.text.slice(0, placeAt)) + '<location>';
  let position = placeAt;
  for (const piece of pieces) {
    inner += text(dateline.text.slice(position, piece.at)) + `<${piece.tag}>${text(piece.value)}</${piece.tag}>`;
    position = piece.at + piece.value.length;
  }
  inner += '</location>' + text(dateline.text.slice(position));
  return { dateline: `<dateline>${inner}${storyDate}</dateline>`, lead: null };
}

// ---------------------------------------------------------------------------
// body.content and body.end

function bodyContentXml(body: Block[], lead: string | null): string[] {
  const lines = ['    <body.content>'];
  body.forEach((block, index) => {
    const words = index === 0 && lead !== null ? `${lead} ${block.text}` : block.text;
    if (block.kind === 'paragraph') lines.push(`      <p>${text(words)}</p>`);
    else if (block.kind === 'crosshead') lines.push(`      <hl2>${text(words)}</hl2>`);
    else lines.push(`      <pre>${text(words)}</pre>`);
  });
  lines.push('    </body.content>');
  return lines;
}

/** Sign-off lines and end marks in the one `<tagline>` NITF allows, a line each. Take breaks have no place. */
function bodyEndXml(story: Story): string[] {
  const closing = story.signoffs.filter((signoff) => signoff.kind !== 'more').map((signoff) => text(fold(signoff.text))).filter(Boolean);
  if (closing.length === 0) return [];
  return ['    <body.end>', `      <tagline>${closing.join('<br/>')}</tagline>`, '    </body.end>'];
}

// ---------------------------------------------------------------------------
// Text

/** Unpaired surrogates: no character, so no XML. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for element content: escaped, with what XML cannot carry removed. */
function text(value: string): string {
  return escapeXml(value.replace(loneSurrogate, ''));
}

/** Text for a double-quoted attribute: as `text`, with line breaks and tabs kept as references. */
function attr(value: string): string {
  return text(value).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function fold(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
