import type { Block, Story, Subject } from '../../story/story.js';
import { urgencyOfPriority } from '../../story/urgency.js';
import type { Writer } from '../format.js';
import { escapeXml } from '../xml/xml.js';
import {
  G2_NAMESPACE,
  IPTC_CATALOG,
  SLUGLINE_GUID_PREFIX,
  SLUGLINE_NAMESPACE,
  WRITTEN_VERSION,
  XHTML_NAMESPACE,
  signalCodes,
} from './grammar.js';

/**
 * Stories as NewsML-G2 2.35, valid against IPTC's schema: one `newsItem` of class
 * text per story, several in one `newsMessage`. The text goes as XHTML in
 * `inlineXML`. What G2 has no element for (an embargo's words, a byline's title,
 * a dateline's date and credit) goes in attributes of Slugline's namespace, which
 * G2 allows on those elements; the version words (`UPDATE 2`), takes, sign-offs,
 * damage and diagnostics are left out.
 *
 * @example
 * const xml = serializeNewsmlG2([story]); // '<?xml version="1.0" encoding="UTF-8"?>\n<newsItem …'
 */
export function serializeNewsmlG2(stories: readonly Story[]): string {
  if (stories.length === 0) return '';
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
  const namespaces = `xmlns="${G2_NAMESPACE}" xmlns:sl="${SLUGLINE_NAMESPACE}"`;
  if (stories.length === 1) return declaration + newsItem(stories[0]!, '', namespaces);
  // A message must say when it was sent; the latest version it carries is the nearest a pure writer knows.
  const real = stories.map((story) => versionCreatedOf(story).value).filter((time) => time !== EPOCH);
  const sent = real.length ? real.reduce((latest, each) => (Date.parse(each) > Date.parse(latest) ? each : latest)) : EPOCH;
  return (
    declaration +
    `<newsMessage ${namespaces}>\n` +
    `  <header>\n    <sent>${sent}</sent>\n  </header>\n` +
    '  <itemSet>\n' +
    stories.map((story) => newsItem(story, '    ', null)).join('') +
    '  </itemSet>\n' +
    '</newsMessage>\n'
  );
}

/** The `newsml-g2` writer. */
export const newsmlG2Writer: Writer = {
  id: 'newsml-g2',
  description: 'IPTC NewsML-G2 2.35: a newsItem per story (several in a newsMessage), the text as inline XHTML',
  // A single item or a message, depending on how many stories: the media type common to both.
  mediaType: 'application/xml',
  serialize: serializeNewsmlG2,
};

/** A placeholder for the one time G2 requires and a story may not give: plainly not a real time. */
const EPOCH = '1970-01-01T00:00:00Z';

/** `xs:dateTime`, the only shape G2 takes for item times. */
const xsDateTime = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** `xs:language`, the shape of `language@tag` and `xml:lang`. */
const xsLanguage = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/;

/**
 * G2 requires versionCreated. A story without one gets its first creation or the
 * time Slugline received it, else the epoch, marked `sl:placeholder` so the reader
 * knows the story gave none.
 */
function versionCreatedOf(story: Story): { value: string; placeholder: boolean } {
  if (valid(story.versionCreated)) return { value: story.versionCreated!, placeholder: false };
  for (const candidate of [story.firstCreated, story.source.receivedAt]) {
    if (valid(candidate)) return { value: candidate!, placeholder: true };
  }
  return { value: EPOCH, placeholder: true };
}

function valid(time: string | null | undefined): boolean {
  return typeof time === 'string' && xsDateTime.test(time) && !Number.isNaN(Date.parse(time));
}

/** One story as a `newsItem`, each line indented by `indent`. */
function newsItem(story: Story, indent: string, namespaces: string | null): string {
  const lines: string[] = [];
  const add = (depth: number, line: string) => lines.push(indent + '  '.repeat(depth) + line);
  const guid = story.guid?.trim() ? story.guid : SLUGLINE_GUID_PREFIX + story.id;
  const language = story.language !== null && xsLanguage.test(story.language) ? story.language : null;
  const attributes = [
    namespaces,
    `guid="${escapeXml(guid)}"`,
    story.revision !== null && Number.isInteger(story.revision) && story.revision >= 1 ? `version="${story.revision}"` : null,
    `standard="NewsML-G2"`,
    `standardversion="${WRITTEN_VERSION}"`,
    `conformance="power"`,
    language ? `xml:lang="${language}"` : null,
  ].filter((attribute) => attribute !== null);
  add(0, `<newsItem ${attributes.join(' ')}>`);
  add(1, `<catalogRef href="${IPTC_CATALOG}"/>`);

  // itemMeta, in the order the schema gives.
  add(1, '<itemMeta>');
  add(2, '<itemClass qcode="ninat:text"/>');
  const provider = typeof story.source.labels.provider === 'string' ? story.source.labels.provider : (story.credits[0] ?? null);
  add(2, provider ? `<provider literal="${literal(provider)}"/>` : '<provider literal="unknown" sl:placeholder="true"/>');
  const created = versionCreatedOf(story);
  add(2, `<versionCreated${created.placeholder ? ' sl:placeholder="true"' : ''}>${created.value}</versionCreated>`);
  if (valid(story.firstCreated)) add(2, `<firstCreated>${story.firstCreated}</firstCreated>`);
  if (story.embargo !== null) {
    const until = valid(story.embargo.until) ? story.embargo.until! : '';
    const words = story.embargo.text !== until && story.embargo.text !== '' ? ` sl:text="${escapeXml(story.embargo.text)}"` : '';
    // Empty, `embargoed` holds the item until further notice.
    add(2, until ? `<embargoed${words}>${until}</embargoed>` : `<embargoed${words}/>`);
  }
  const canceled = story.status === 'canceled' || story.signal === 'kill';
  add(2, `<pubStatus qcode="stat:${canceled ? 'canceled' : story.status}"/>`);
  add(2, '<generator>Slugline</generator>');
  for (const note of story.notes) add(2, `<edNote>${escapeXml(note)}</edNote>`);
  const signal = story.signal ? signalCodes[story.signal] : null;
  if (signal) add(2, `<signal qcode="${signal}"/>`);
  add(1, '</itemMeta>');

  // contentMeta: administrative properties first, then descriptive ones.
  add(1, '<contentMeta>');
  const urgency = story.urgency !== null && story.urgency >= 1 && story.urgency <= 9 ? story.urgency : urgencyOfPriority(story.priority);
  if (urgency !== null) add(2, `<urgency>${urgency}</urgency>`);
  const dateline = story.dateline;
  if (dateline && (dateline.place || dateline.region || dateline.country)) {
    add(2, '<located>');
    if (dateline.place) add(3, `<name>${escapeXml(dateline.place)}</name>`);
    if (dateline.region) add(3, `<broader type="loctyp:CountryArea"><name>${escapeXml(dateline.region)}</name></broader>`);
    if (dateline.country) add(3, `<broader type="loctyp:Country"><name>${escapeXml(dateline.country)}</name></broader>`);
    add(2, '</located>');
  }
  for (const name of story.byline?.names ?? []) {
    if (name.trim()) add(2, `<creator><name>${escapeXml(name)}</name></creator>`);
  }
  if (language) add(2, `<language tag="${language}"/>`);
  for (const keyword of story.keywords) if (keyword.trim()) add(2, `<keyword>${escapeXml(keyword)}</keyword>`);
  for (const subject of story.subjects) {
    const element = subjectElement(subject);
    if (element) add(2, element);
  }
  if (story.slug) add(2, `<slugline>${escapeXml(story.slug)}</slugline>`);
  if (story.headline) add(2, `<headline>${escapeXml(story.headline)}</headline>`);
  if (dateline) {
    const extra = [
      dateline.date ? ` sl:date="${escapeXml(dateline.date)}"` : '',
      dateline.credit ? ` sl:credit="${escapeXml(dateline.credit)}"` : '',
    ].join('');
    add(2, `<dateline${extra}>${escapeXml(dateline.text)}</dateline>`);
  }
  if (story.byline) {
    const title = story.byline.title ? ` sl:title="${escapeXml(story.byline.title)}"` : '';
    add(2, `<by${title}>${escapeXml(story.byline.text)}</by>`);
  }
  if (story.credits.length) add(2, `<creditline>${escapeXml(story.credits.join('/'))}</creditline>`);
  if (story.summary) add(2, `<description role="drol:summary">${escapeXml(story.summary)}</description>`);
  add(1, '</contentMeta>');

  add(1, '<contentSet>');
  add(2, '<inlineXML contenttype="application/xhtml+xml">');
  add(3, `<html xmlns="${XHTML_NAMESPACE}">`);
  add(4, `<head><title>${escapeXml(story.headline ?? '')}</title></head>`);
  add(4, '<body>');
  for (const block of story.body) add(5, blockElement(block));
  add(4, '</body>');
  add(3, '</html>');
  add(2, '</inlineXML>');
  add(1, '</contentSet>');
  add(0, '</newsItem>');
  return lines.join('\n') + '\n';
}

/** A `literal` attribute: G2 allows no tabs or line breaks in it. */
function literal(value: string): string {
  return escapeXml(value.replace(/\s+/g, ' ').trim());
}

/**
 * A subject: a qcode when the scheme is an alias (`medtop:04000000`), a URI when it
 * is one, a literal when the story names no scheme. A code G2 cannot hold is left out.
 */
function subjectElement(subject: Subject): string | null {
  const code = subject.code.trim();
  if (code === '') return null;
  let reference: string;
  if (subject.scheme === null) reference = `literal="${literal(code)}"`;
  else if (/\s/.test(code)) return null;
  else if (/^[^\s:/]+$/.test(subject.scheme)) reference = `qcode="${escapeXml(`${subject.scheme}:${code}`)}"`;
  else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\S*$/.test(subject.scheme)) reference = `uri="${escapeXml(subject.scheme + code)}"`;
  else return null;
  const name = subject.name?.trim() ? `<name>${escapeXml(subject.name)}</name>` : '';
  return name ? `<subject ${reference}>${name}</subject>` : `<subject ${reference}/>`;
}

/** A body block as XHTML: paragraphs `p`, crossheads `h2`, tables and other preformatted text `pre`. */
function blockElement(block: Block): string {
  const tag = block.kind === 'crosshead' ? 'h2' : block.kind === 'preformatted' ? 'pre' : 'p';
  return `<${tag}>${escapeXml(block.text)}</${tag}>`;
}
