import type { Entity, EntityType, Gazetteer, ResolvedDateline, Span } from '../../story/enrichment.js';
import type { Story } from '../../story/story.js';
import { resolveDateline } from '../dateline/dateline.js';
import { lookupPlace, normaliseName } from '../gazetteer/gazetteer.js';

/**
 * A name the tagger found, before linking: its type, and where it is. `block` is an
 * index into `Story.body`, or null for the headline; `start` and `end` are UTF-16
 * offsets into that text, and `text === blockText.slice(start, end)` (where they
 * disagree the offsets count; a mention outside its block is ignored).
 */
export interface RawMention {
  type: EntityType;
  block: number | null;
  start: number;
  end: number;
  text: string;
}

/**
 * Groups the names a story mentions into entities, each once with all its mentions:
 * - a person's short mention (`Kim`, `Putin`, `Mr Trump`, `KIM`) joins the person whose
 *   name has it as first or last word (`Kim Jong Un`, `Vladimir Putin`); where several
 *   do (three Kims), the one named in full earlier in the same paragraph, else the one
 *   the story introduced first (its subject: a namesake comes later, named in full);
 * - titles and roles are split off and kept (`Russian President Vladimir Putin` →
 *   `Vladimir Putin`, titles `Russian President`), read before the name
 *   (`US Secretary of State Mike Pompeo`, `then-president Dmitry Medvedev`) and in an
 *   apposition after it (`Dmitry Peskov, the Kremlin spokesman`);
 * - spans lose a possessive `’s`, an honorific (`Mr`), and for organisations and places
 *   a leading `the`;
 * - organisations merge with their acronyms (`United Nations`, `UN`, `U.N.`) and their
 *   first word (`Toyota` for `Toyota Motor Corp`);
 * - places are looked up in the gazetteer (namesakes decided by the dateline's country:
 *   `dateline` as the dateline enricher resolved it, by default resolved here)
 *   and merge when they are the same place there (`US`, `U.S.`, `the United States`);
 * - a name inside a longer one (`Japan` in `Bank of Japan`) is no mention of its own;
 * - a name the tagger typed differently in different places takes the type it has
 *   most often (`Putin` seven times a person, twice a place), and a name typed `other`
 *   that the gazetteer knows as a country or region is a place (`Korean Peninsula`).
 * The name is the fullest the story uses; entities come in order of first mention
 * (headline first), with ids `e1`, `e2`, …; mentions in reading order.
 *
 * @example
 * linkEntities(story, [
 *   { type: 'person', block: 0, start: 18, end: 32, text: 'Vladimir Putin' },
 *   { type: 'person', block: 1, start: 135, end: 140, text: 'Putin' },
 * ]);
 * // [{ id: 'e1', type: 'person', name: 'Vladimir Putin', titles: ['Russian President'], mentions: [ … two spans … ], place: null }]
 */
export function linkEntities(story: Story, mentions: readonly RawMention[], dateline: ResolvedDateline | null = story.enrichment?.dateline ?? resolveDateline(story)): Entity[] {
  const found = settleTypes(dropNested(mentions.map((mention) => readMention(story, mention)).filter((mention) => mention !== null)));
  const groups = [
    ...groupPeople(found.filter((mention) => mention.type === 'person')),
    ...groupOrganisations(found.filter((mention) => mention.type === 'organisation')),
    ...groupPlaces(found.filter((mention) => mention.type === 'place'), dateline?.place?.country ?? null),
    ...groupByKey(found.filter((mention) => mention.type === 'other')),
  ];
  for (const group of groups) group.mentions.sort((left, right) => left.position - right.position);
  groups.sort((left, right) => left.mentions[0]!.position - right.mentions[0]!.position);
  return groups.map((group, index) => ({
    id: `e${index + 1}`,
    type: group.type,
    name: fullestName(group),
    titles: distinct(group.mentions.flatMap((mention) => mention.titles)),
    mentions: group.mentions.map((mention) => mention.span),
    place: group.place,
  }));
}

/** A mention read: its span with title, honorific, article and possessive taken off. */
interface Mention {
  type: EntityType;
  span: Span;
  /** Where it is in reading order: the headline first, then the blocks. */
  position: number;
  /** The span's words, compared: lower case, no diacritics or dots. */
  words: string[];
  /** The words as one string, to group by. */
  key: string;
  /** Whether the span is written in capitals only (`KIM`, `TASS`). */
  capitals: boolean;
  titles: string[];
}

interface Group {
  type: EntityType;
  mentions: Mention[];
  /** A person's or organisation's fullest words so far. */
  words: string[];
  place: Gazetteer | null;
}

function blockText(story: Story, block: number | null): string | null {
  return block === null ? story.headline : (story.body[block]?.text ?? null);
}

function readMention(story: Story, raw: RawMention): Mention | null {
  const text = blockText(story, raw.block);
  if (text === null || !(raw.start >= 0 && raw.start < raw.end && raw.end <= text.length)) return null;
  let start = raw.start;
  let end = raw.end;
  while (start < end && leadingJunk.test(text[start]!)) start++;
  while (end > start && trailingJunk.test(text[end - 1]!)) end--;
  // The possessive is no part of the name: `Putin’s`, `Reuters'`.
  if (end - start > 2 && apostrophes.has(text[end - 2]!) && (text[end - 1] === 's' || text[end - 1] === 'S')) end -= 2;
  else if (end - start > 2 && apostrophes.has(text[end - 1]!) && text[end - 2] === 's') end -= 1;
  const titles: string[] = [];
  let type = raw.type;
  const bareName = text.slice(start, end).replace(/^the\s+/i, '').toLowerCase();
  // The seat of a government speaks for it (`the Kremlin said`): an organisation, however the tagger typed it.
  if (governmentSeats.has(bareName)) type = 'organisation';
  // A person's title right before a name the tagger did not take for a person's (`South Korean President Moon Jae-in`).
  else if (type === 'other' && looksLikePersonName(text.slice(start, end)) && (titleBefore(text, start) !== null || possessiveBefore.test(text.slice(Math.max(0, start - 40), start)))) {
    // … or a country's possessive (`South Korea’s Moon Jae-in`).
    type = 'person';
  }
  if (type === 'person') {
    const honorific = honorificLetters.has(text[start]!) ? honorificStart.exec(text.slice(start, end)) : null;
    if (honorific !== null) start += honorific[0].length;
    const inside = titleInside(text, start, end);
    if (inside !== null) {
      start = inside;
      // The title in the span, with whatever of it stands before the span.
      titles.push(titleBefore(text, start) ?? '');
    } else {
      const before = titleBefore(text, start);
      if (before !== null) titles.push(before);
    }
    const after = titleAfter(text, end);
    if (after !== null) titles.push(after);
  } else {
    const article = text[start] === 't' || text[start] === 'T' ? articleStart.exec(text.slice(start, end)) : null;
    // `The` stands for an article where a sentence opens (`The Kremlin has said`),
    // elsewhere for a name's own (`in The Hague`).
    if (article !== null && (article[0][0] === 't' || sentenceOpensAt(text, start))) start += article[0].length;
  }
  if (start >= end) return null;
  const name = text.slice(start, end);
  const words = wordsOf(name);
  if (words.length === 0) return null;
  return {
    type,
    span: { block: raw.block, start, end, text: name },
    position: (raw.block === null ? 0 : raw.block + 1) * 2 ** 24 + start,
    words,
    key: words.join(' '),
    capitals: isCapitals(name),
    titles: titles.filter((title) => title !== ''),
  };
}

/** A country's or a body's possessive right before a name: `South Korea’s `. */
const possessiveBefore = /\p{Lu}[\p{L}.-]*['’]s\s+$/u;

/**
 * Two to four capitalised words, none of them an adjective of nationality or region
 * (`Chinese`, `Far Eastern`, `Russian`): the shape of a person's name.
 */
function looksLikePersonName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((word) => /^\p{Lu}[\p{L}.'’-]*$/u.test(word) && !/(?:ern|ese|ian|ish|ic|an)$/.test(word));
}

/** Seats of government that news copy names for the government itself, lower case. */
const governmentSeats = new Set(['kremlin', 'white house', 'pentagon', 'downing street', 'elysee', 'élysée', 'elysee palace', 'élysée palace', 'blue house', 'zhongnanhai', 'quai d’orsay', "quai d'orsay"]);

const leadingJunk = /[\s“"‘'(«[]/;
const trailingJunk = /[\s”"),;:!?»\]]/;
const apostrophes = new Set(["'", '’', 'ʼ']);
const honorificLetters = new Set(['M', 'D']);
const honorificStart = /^(?:Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Messrs)\.?\s+(?=\p{Lu})/u;
const articleStart = /^(?:the|The|THE)\s+(?=[\p{Lu}\d])/u;

function sentenceOpensAt(text: string, start: number): boolean {
  const before = text.slice(0, start).trimEnd();
  return before === '' || /[.!?:;“"‘—–-]$/.test(before);
}

/** A name's words, to compare: lower case, no diacritics, no dots, generational suffixes left out. */
function wordsOf(name: string): string[] {
  const words = plainWords.test(name)
    ? name.toLowerCase().split(' ')
    : name.split(/\s+/).map((word) => normaliseName(word).replace(/ /g, '-'));
  return words.filter((word) => word !== '' && !suffixWords.has(word));
}

const plainWords = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const suffixWords = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

// ---------------------------------------------------------------------------
// Titles

/** Words that head a title, lower case; several words as one string. */
const titleHeads = new Set([
  'president', 'vice president', 'vice-president', 'president-elect', 'prime minister', 'premier', 'chancellor',
  'minister', 'secretary', 'secretary of state', 'secretary-general', 'secretary general', 'attorney general',
  'attorney-general', 'leader', 'spokesman', 'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chairperson',
  'executive', 'officer', 'ceo', 'cfo', 'coo', 'director', 'director-general', 'governor', 'mayor', 'ambassador',
  'envoy', 'king', 'queen', 'prince', 'princess', 'crown prince', 'emperor', 'empress', 'pope', 'sultan', 'emir',
  'sheikh', 'ayatollah', 'general', 'gen', 'admiral', 'adm', 'colonel', 'col', 'lieutenant', 'lt', 'major',
  'captain', 'capt', 'commander', 'senator', 'sen', 'representative', 'rep', 'congressman', 'congresswoman',
  'lawmaker', 'legislator', 'judge', 'justice', 'magistrate', 'prosecutor', 'commissioner', 'head', 'chief',
  'founder', 'co-founder', 'treasurer', 'economist', 'analyst', 'strategist', 'official', 'diplomat', 'negotiator',
  'adviser', 'advisor', 'aide', 'speaker', 'candidate', 'nominee', 'dictator', 'ruler', 'monarch', 'cardinal',
  'archbishop', 'bishop', 'rabbi', 'imam', 'coach', 'manager', 'governor-general', 'counsel', 'regent', 'editor',
  'correspondent', 'president and chief executive', 'chairman and chief executive',
]);
/** The most words a head has. */
const longestHead = 4;
/** The last words of the heads, to turn most words away at once. */
const headEnds = new Set([...titleHeads].map((head) => head.slice(head.lastIndexOf(' ') + 1)));

/** Words that qualify a title in lower case (`then-president`, `former prime minister`, `chief executive`). */
const titleModifiers = new Set([
  'former', 'then', 'ex', 'acting', 'deputy', 'vice', 'interim', 'foreign', 'finance', 'defence', 'defense',
  'economy', 'economic', 'trade', 'interior', 'health', 'justice', 'energy', 'oil', 'chief', 'senior', 'top',
  'outgoing', 'incoming', 'current', 'executive', 'assistant', 'party', 'opposition', 'state', 'military',
  'supreme', 'general', 'prime', 'national', 'federal', 'regional', 'provincial', 'communist', 'elected',
  'caretaker', 'transitional', 'managing', 'company', 'government', 'central', 'bank', 'union', 'presidential',
  'foreign-policy', 'security', 'intelligence', 'army', 'navy', 'police', 'communications', 'press', 'news',
]);

/** Capitalised words that open a sentence or a clause, not a title. */
const notModifiers = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'to', 'of', 'and', 'but', 'or', 'as', 'after',
  'before', 'when', 'while', 'since', 'meanwhile', 'yesterday', 'today', 'tonight', 'earlier', 'later', 'also',
  'he', 'she', 'they', 'it', 'we', 'i', 'his', 'her', 'their', 'its', 'our', 'this', 'that', 'these', 'those',
  'now', 'if', 'although', 'though', 'because', 'under', 'over', 'between', 'among', 'during', 'until',
  'without', 'according', 'said', 'says', 'told', 'mr', 'mrs', 'ms', 'dr', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'so', 'yet', 'where', 'who', 'which', 'whose',
]);

interface Token {
  start: number;
  end: number;
  word: string;
}

/** Up to `count` words before `at`, nearest first, when only spaces stand between them and `at`. */
function tokensBefore(text: string, at: number, count: number): Token[] {
  const tokens: Token[] = [];
  let cursor = at;
  while (tokens.length < count) {
    let end = cursor;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    if (end === cursor || end === 0) break;
    let start = end;
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
    tokens.push({ start, end, word: text.slice(start, end) });
    cursor = start;
  }
  return tokens;
}

/** How many of `words` (nearest first: the words before a name, backwards) make a title head; 0 when none. */
function headLength(words: readonly string[]): number {
  const last = words[0];
  if (last === undefined) return 0;
  if (!headEnds.has(headWord(last)) && !last.includes('-')) return 0;
  for (let length = Math.min(longestHead, words.length); length >= 1; length--) {
    const head = words.slice(0, length).reverse().map(headWord).join(' ');
    if (titleHeads.has(head)) return length;
  }
  // `then-president`, `ex-chairman`: a modifier joined to its head.
  const [prefix, ...rest] = last.split('-');
  if (rest.length && titleModifiers.has(prefix!.toLowerCase()) && titleHeads.has(headWord(rest.join('-')))) return 1;
  return 0;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 160 || code === 9 || code === 0x202f;
}

function headWord(word: string): string {
  return (word.endsWith('.') ? word.slice(0, -1) : word).toLowerCase();
}

/** Whether a word can qualify the title after it: `Russian`, `North`, `US`, `U.S.`, `Kremlin`, `former`. */
function modifierKind(word: string): 'modifier' | 'last' | null {
  if (/[,;:)”"]$/.test(word)) return null;
  if (/^\p{Lu}[\p{L}.&-]*['’]s$/u.test(word)) return 'last'; // `Russia’s President`
  const bare = word.toLowerCase();
  if (titleModifiers.has(bare) || titleModifiers.has(bare.split('-')[0]!)) return 'modifier';
  if (notModifiers.has(bare.replace(/\.$/, ''))) return null;
  if (/^\p{Lu}[\p{L}&'’-]*$/u.test(word) || /^(?:\p{Lu}\.){2,}$/u.test(word)) return 'modifier';
  return null;
}

/** The title standing right before a name (`North Korean leader`, `US Secretary of State`), as written. */
function titleBefore(text: string, nameStart: number): string | null {
  const tokens = tokensBefore(text, nameStart, longestHead + 5);
  const head = headLength(tokens.map((token) => token.word));
  if (head === 0) return null;
  let first = head - 1;
  for (let index = head; index < tokens.length && index < head + 5; index++) {
    const kind = modifierKind(tokens[index]!.word);
    if (kind === null) break;
    first = index;
    if (kind === 'last') break;
  }
  return text.slice(tokens[first]!.start, tokens[0]!.end);
}

/**
 * Where the name starts when the tagger's span holds a title before it
 * (`President Vladimir Putin`), or null when it holds none.
 */
function titleInside(text: string, start: number, end: number): number | null {
  let cut: number | null = null;
  const words = /\S+/g;
  words.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = words.exec(text)) !== null && match.index < end) {
    const wordEnd = match.index + match[0].length;
    const next = /\S/.exec(text.slice(wordEnd, end));
    if (next === null) break;
    // The words up to here head a title, and a name follows.
    if (!headEnds.has(headWord(match[0])) && !match[0].includes('-')) continue;
    if (headLength(tokensBefore(text, wordEnd + next.index, longestHead).map((token) => token.word)) > 0) cut = wordEnd + next.index;
  }
  return cut;
}

/** A role in an apposition after the name: `Dmitry Peskov, the Kremlin spokesman,` → `Kremlin spokesman`. */
function titleAfter(text: string, nameEnd: number): string | null {
  const match = apposition.exec(text.slice(nameEnd, nameEnd + 120));
  if (match === null) return null;
  const phrase = match[1]!;
  const words = phrase.split(/\s+/);
  if (words.length > 8) return null;
  // The head, then nothing or `of`/`at` and a name: `chief executive of Acme Corp`.
  for (let index = words.length - 1; index >= 0; index--) {
    const tail = words.slice(index + 1);
    const tailIsName = tail.length === 0 || (/^(?:of|at|for)$/.test(tail[0]!) && tail.slice(1).every((word) => /^(?:\p{Lu}|the$|and$|&$)/u.test(word)) && tail.length > 1);
    if (!tailIsName) continue;
    const head = headLength(words.slice(0, index + 1).reverse());
    if (head === 0) continue;
    const qualifiers = words.slice(0, index + 1 - head);
    if (qualifiers.every((word, position) => modifierKind(word) === 'modifier' || (position === 0 && modifierKind(word) === 'last'))) return phrase;
  }
  return null;
}

const apposition = /^,\s+(?:(?:the|a|an)\s+)?([^,;:()“”"—–]+?)(?=\s*(?:[,;:)—–]|\.(?:\s|$)|$))/;

// ---------------------------------------------------------------------------
// Grouping

/**
 * Drops a mention inside another, longer one (`Japan` in `Bank of Japan`, a repeated
 * span), once titles are off the spans (`US` beside `US President Donald Trump` stays).
 */
function dropNested(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort((left, right) => left.position - right.position || right.span.end - left.span.end);
  const kept: Mention[] = [];
  let last: Mention | null = null;
  for (const mention of sorted) {
    if (last !== null && last.span.block === mention.span.block && mention.span.start < last.span.end) continue;
    kept.push(mention);
    last = mention;
  }
  return kept;
}

/**
 * One type for each name: the one the tagger gave it most often (`Putin` seven times a
 * person, twice a place, is a person), a person's full name voting for their short
 * one; and a name typed `other` that the gazetteer knows as a country or region is a
 * place (`Korean Peninsula`).
 */
function settleTypes(mentions: Mention[]): Mention[] {
  const votes = new Map<string, Map<EntityType, number>>();
  let mixed = false;
  let other = false;
  for (const mention of mentions) {
    let counts = votes.get(mention.key);
    if (counts === undefined) votes.set(mention.key, (counts = new Map()));
    counts.set(mention.type, (counts.get(mention.type) ?? 0) + 1);
    mixed ||= counts.size > 1;
    other ||= mention.type === 'other';
  }
  // A person named in full votes for their short name (`Vladimir Putin` for `Putin`).
  for (const mention of mentions) {
    if (mention.type !== 'person' || mention.words.length < 2) continue;
    const first = mention.words[0]!;
    const last = mention.words[mention.words.length - 1]!;
    for (const word of first === last ? [first] : [first, last]) {
      const counts = votes.get(word);
      if (counts === undefined || (counts.size === 1 && counts.has('person'))) continue;
      counts.set('person', (counts.get('person') ?? 0) + 1);
      mixed = true;
    }
  }
  // Most stories: every name has one type, none `other`.
  if (!mixed && !other) return mentions;
  const settled = new Map<string, EntityType>();
  for (const mention of mentions) {
    if (settled.has(mention.key)) continue;
    const counts = votes.get(mention.key)!;
    let type = mention.type;
    if (counts.size > 1) {
      const most = Math.max(...counts.values());
      const tied = [...counts.keys()].filter((candidate) => counts.get(candidate) === most);
      // On a tie a type says more than `other`, and a place the gazetteer knows is one
      // (`Pyongyang`); else the type first given stands.
      const specific = tied.filter((candidate) => candidate !== 'other');
      type = specific.includes('place') && specific.length > 1 && lookupPlace(mention.span.text) !== null ? 'place' : (specific[0] ?? tied[0]!);
    }
    if (type === 'other') {
      const kind = lookupPlace(mention.span.text)?.kind;
      if (kind === 'country' || kind === 'region') type = 'place';
    }
    settled.set(mention.key, type);
  }
  return mentions.map((mention) => {
    const type = settled.get(mention.key)!;
    return type === mention.type ? mention : { ...mention, type };
  });
}

function groupPeople(people: Mention[]): Group[] {
  const groups: Group[] = [];
  const inOrder = [...people].sort((left, right) => left.position - right.position);
  // Full names first, so that a short mention before them (`Kim` in the headline) finds them.
  for (const mention of inOrder) {
    if (mention.words.length < 2) continue;
    const matches = groups.filter((group) => sameFullName(mention.words, group.words));
    const group = matches.find((candidate) => sameWords(candidate.words, mention.words)) ?? matches[0];
    if (group === undefined) {
      groups.push({ type: 'person', mentions: [mention], words: mention.words, place: null });
      continue;
    }
    group.mentions.push(mention);
    if (mention.words.length > group.words.length) group.words = mention.words;
  }
  const introduced = [...groups];
  for (const mention of inOrder) {
    if (mention.words.length !== 1) continue;
    const word = mention.words[0]!;
    const candidates = introduced.filter((group) => group.words[0] === word || group.words[group.words.length - 1] === word);
    const group = candidates.length > 1 ? mostLikely(candidates, mention) : candidates[0];
    if (group !== undefined) {
      group.mentions.push(mention);
      continue;
    }
    const alone = groups.find((candidate) => candidate.words.length === 1 && candidate.words[0] === word);
    if (alone !== undefined) alone.mentions.push(mention);
    else groups.push({ type: 'person', mentions: [mention], words: mention.words, place: null });
  }
  return groups;
}

/** Two full names of one person: the same words, one the other's first or last words, or the same first and last (`Donald J. Trump`). */
function sameFullName(left: readonly string[], right: readonly string[]): boolean {
  const [short, long] = left.length <= right.length ? [left, right] : [right, left];
  if (sameWords(short, long.slice(0, short.length)) || sameWords(short, long.slice(long.length - short.length))) return true;
  return short[0] === long[0] && short[short.length - 1] === long[long.length - 1];
}

function sameWords(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((word, index) => word === right[index]);
}

/**
 * Which of several namesakes a short mention means: the one last named in full before
 * it in the same block, else the one named in full first in the story.
 */
function mostLikely(candidates: readonly Group[], mention: Mention): Group {
  let nearest: Group | null = null;
  let nearestPosition = -1;
  for (const group of candidates) {
    for (const full of group.mentions) {
      if (full.words.length < 2 || full.span.block !== mention.span.block || full.position >= mention.position) continue;
      if (full.position > nearestPosition) [nearest, nearestPosition] = [group, full.position];
    }
  }
  if (nearest !== null) return nearest;
  return candidates.reduce((best, group) => (firstPosition(group) < firstPosition(best) ? group : best));
}

function firstPosition(group: Group): number {
  return Math.min(...group.mentions.filter((mention) => mention.words.length > 1).map((mention) => mention.position));
}

function groupOrganisations(organisations: Mention[]): Group[] {
  const groups: Group[] = [];
  const inOrder = [...organisations].sort((left, right) => left.position - right.position);
  const keyed = new Map<string, Group>();
  const later: Mention[] = [];
  for (const mention of inOrder) {
    // Acronyms and lone first words wait for the full names.
    if (acronymOf(mention) !== null || mention.words.length === 1) {
      later.push(mention);
      continue;
    }
    const key = organisationKey(mention.words);
    const group = keyed.get(key) ?? groups.find((candidate) => startsWith(candidate.words, mention.words) || startsWith(mention.words, candidate.words));
    if (group === undefined) {
      const created: Group = { type: 'organisation', mentions: [mention], words: mention.words, place: null };
      groups.push(created);
      keyed.set(key, created);
    } else {
      group.mentions.push(mention);
      if (mention.words.length > group.words.length) group.words = mention.words;
      keyed.set(key, group);
    }
  }
  // What acronyms the full names make (`United Nations` → `UN`).
  const acronyms = new Map(groups.map((group) => [group, initials(group)]));
  for (const mention of later) {
    const acronym = acronymOf(mention);
    const key = organisationKey(mention.words);
    const group =
      keyed.get(key) ??
      (acronym === null
        ? groups.find((candidate) => candidate.words.length > 1 && candidate.words[0] === mention.words[0])
        : groups.find((candidate) => candidate.words.length > 1 && acronyms.get(candidate) === acronym));
    if (group !== undefined) {
      group.mentions.push(mention);
      continue;
    }
    const created: Group = { type: 'organisation', mentions: [mention], words: mention.words, place: null };
    groups.push(created);
    keyed.set(key, created);
  }
  return groups;
}

/** An organisation's words without the legal form (`Toyota Motor Corp` → `toyota motor`). */
function organisationKey(words: readonly string[]): string {
  let end = words.length;
  while (end > 1 && legalForms.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(' ');
}

const legalForms = new Set(['corp', 'corporation', 'inc', 'incorporated', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'bv', 'gmbh', 'spa', 'ab', 'asa', 'oyj']);

function startsWith(words: readonly string[], start: readonly string[]): boolean {
  return start.length > 1 && start.length < words.length && sameWords(words.slice(0, start.length), start);
}

/** `UN`, `U.N.`, `NATO`: capitals only, dots aside; null for other names. */
function acronymOf(mention: Mention): string | null {
  const bare = mention.span.text.replace(/\./g, '');
  return /^\p{Lu}{2,6}$/u.test(bare) ? bare : null;
}

/** The capitals an acronym takes from a full name (`United Nations` → `UN`, `Organization of Petroleum Exporting Countries` → `OPEC`). */
function initials(group: Group): string {
  const name = fullestName(group);
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
}

function groupPlaces(places: Mention[], country: string | null): Group[] {
  const byKey = groupByKey(places);
  const byPlace = new Map<string, Group>();
  const groups: Group[] = [];
  for (const group of byKey) {
    group.place = lookupPlace(group.mentions[0]!.span.text, { country });
    const identity = group.place === null ? null : `${group.place.kind}|${group.place.country}|${group.place.name}|${group.place.geonameId}`;
    const same = identity === null ? undefined : byPlace.get(identity);
    if (same !== undefined) {
      same.mentions.push(...group.mentions);
      continue;
    }
    if (identity !== null) byPlace.set(identity, group);
    groups.push(group);
  }
  return groups;
}

function groupByKey(mentions: Mention[]): Group[] {
  const groups = new Map<string, Group>();
  for (const mention of mentions) {
    const key = `${mention.type}|${mention.key}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { type: mention.type, mentions: [mention], words: mention.words, place: null });
    else group.mentions.push(mention);
  }
  return [...groups.values()];
}

/**
 * The fullest name the mentions use: the most words, then one not in capitals only,
 * then the longest, then the first; a person's name in capitals only where the story
 * never writes it otherwise is put in title case (`KIM` → `Kim`; an organisation's
 * capitals are its own: `TASS`).
 */
function fullestName(group: Group): string {
  let best = group.mentions[0]!;
  for (const mention of group.mentions) {
    const better =
      mention.words.length - best.words.length ||
      Number(best.capitals) - Number(mention.capitals) ||
      mention.span.text.length - best.span.text.length;
    if (better > 0) best = mention;
  }
  const name = best.span.text.replace(/\s+/g, ' ');
  if (group.type !== 'person' || !isCapitals(name)) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_all, gap: string, letter: string) => gap + letter.toUpperCase());
}

function isCapitals(text: string): boolean {
  let capital = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 97 && code <= 122) return false;
    if (code >= 65 && code <= 90) capital = true;
    else if (code > 127) {
      const letter = text[index]!;
      if (letter !== letter.toUpperCase()) return false;
      if (letter !== letter.toLowerCase()) capital = true;
    }
  }
  return capital;
}

/** Titles without repeats, whatever their case, as first written. */
function distinct(titles: readonly string[]): string[] {
  const seen = new Set<string>();
  return titles.filter((title) => {
    const key = title.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
