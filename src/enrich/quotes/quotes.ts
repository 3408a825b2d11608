/**
 * The quotes enricher: who said what in a story. It finds direct quotations
 * (`“…,” Kim said`), partial ones (`lashed out at “countries claiming …”`) and claims
 * attributed without quotation marks (`…, news agency TASS reported`), and gives each
 * its speaker as written and, where the entity list allows, as an entity.
 *
 * It reads the headline and the body's paragraphs (crossheads and tables are left
 * out), one sentence at a time, with the word lists and scanners of `grammar.ts`.
 */
import type { Entity, Quote, Span } from '../../story/enrichment.js';
import type { Story } from '../../story/story.js';
import {
  ADVERBIAL_OPENERS,
  AUXILIARIES,
  CLAUSE_OPENERS,
  DETERMINERS,
  LISTENERS,
  LISTENER_VERBS,
  MODIFIERS,
  NAMING_WORDS,
  NOT_NAMES,
  PARTICIPLES,
  PERSON_PRONOUNS,
  PRONOUNS,
  REPORTING_VERBS,
  SOURCE_NOUNS,
  SPEECH_VERBS,
  TIME_WORDS,
  TITLES,
  TITLE_SMALL_WORDS,
  TWO_WORD_CUES,
  opensWithQuotation,
  pairQuotations,
  sentenceStarts,
  tokenize,
} from './grammar.js';
import type { Quotation, Token } from './grammar.js';

/** A speaker as the copy names it, and the entity it was resolved to. */
interface Speaker {
  text: string;
  block: number | null;
  start: number;
  end: number;
  entity: string | null;
  /** The entity is a person (so a later `he` or `she` may refer back to it). */
  person: boolean;
}

/** A quote being assembled: spans are added as a quotation runs on. */
interface Draft {
  kind: Quote['kind'];
  spans: Span[];
  speaker: Speaker | null;
  cue: string | null;
}

/** A range of tokens, end exclusive. */
interface Phrase {
  from: number;
  to: number;
}

type AttributionForm = 'before' | 'after' | 'according' | 'participle';

/** A speaker and the words that attribute to it, within one sentence. */
interface Attribution {
  form: AttributionForm;
  speaker: Phrase;
  /** The cue's tokens. */
  cue: Phrase;
  /** Used by a direct quotation, so not an indirect claim as well. */
  used: boolean;
}

/** The mentions of the entities, by block, for finding the entity a speaker is. */
interface MentionIndex {
  byBlock: Map<number | null, { start: number; end: number; entity: Entity }[]>;
  /** Entities by a title the story gives them, lower case (`the north korean leader` → Kim). */
  byTitle: Map<string, Entity | null>;
  hasPersons: boolean;
}

function indexMentions(entities: readonly Entity[]): MentionIndex {
  const byBlock: MentionIndex['byBlock'] = new Map();
  const byTitle: MentionIndex['byTitle'] = new Map();
  let hasPersons = false;
  for (const entity of entities) {
    if (entity.type === 'person') hasPersons = true;
    for (const mention of entity.mentions) {
      let list = byBlock.get(mention.block);
      if (list === undefined) byBlock.set(mention.block, (list = []));
      list.push({ start: mention.start, end: mention.end, entity });
    }
    for (const title of entity.titles) {
      const key = title.toLowerCase();
      // A title two entities share names neither.
      byTitle.set(key, byTitle.has(key) && byTitle.get(key) !== entity ? null : entity);
    }
  }
  return { byBlock, byTitle, hasPersons };
}

/** The entity whose mention is the head of the words from `start` to `end`: the overlapping mention that ends last. */
function mentionAt(index: MentionIndex, block: number | null, start: number, end: number): Entity | null {
  const list = index.byBlock.get(block);
  if (list === undefined) return null;
  let best: { end: number; entity: Entity } | null = null;
  for (const mention of list) {
    if (mention.start < end && mention.end > start && (best === null || mention.end > best.end)) best = mention;
  }
  return best?.entity ?? null;
}

// Tokens that may stand before a speaker's first word: the start of a clause.
const PREPOSITIONS = new Set(['of', 'to', 'with', 'for', 'by', 'from', 'about', 'at', 'on', 'in', 'into', 'than']);
const COORDINATORS = new Set(['and', 'but', 'so', 'yet', 'or', 'nor']);
const WH_WORDS = new Set(['what', 'which', 'who', 'whom', 'whose', 'how', 'why']);
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'de', 'del', 'da', 'van', 'von', 'bin', 'al', 'le', 'la']);

function isName(token: Token): boolean {
  if (token.kind !== 'word' || !token.capital || NOT_NAMES.has(token.text) || SPEECH_VERBS.has(token.lower)) return false;
  // `It’s`, `That’s`, `Here’s` are not names.
  const apostrophe = token.text.search(/[’']/);
  return apostrophe === -1 || !NOT_NAMES.has(token.text.slice(0, apostrophe));
}

// `the 46-year-old said`.
const AGE = /^\d+-year-old$/;

/** A word that can head a speaker without a name: `analysts`, `the ministry`, `the senator`. */
function isSourceNoun(token: Token): boolean {
  return token.kind === 'word' && (SOURCE_NOUNS.has(token.lower) || TITLES.has(token.lower) || AGE.test(token.lower));
}

/** A word a speaker's phrase may have: a source noun, a title, or a modifier (`senior`, `conservative-leaning`). */
function isSourceWord(token: Token): boolean {
  return isSourceNoun(token) || (token.kind === 'word' && !token.capital && (MODIFIERS.has(token.lower) || token.lower.includes('-')));
}

function isPronoun(token: Token | undefined): boolean {
  return token !== undefined && token.kind === 'word' && PRONOUNS.has(token.lower) && (token.lower !== 'i' || token.text === 'I');
}

/** A dot that belongs to the word before it (`Gov.`, `J.`), not a full stop. */
function isAbbreviationDot(tokens: readonly Token[], at: number): boolean {
  const dot = tokens[at]!;
  const before = tokens[at - 1];
  return dot.text === '.' && before !== undefined && before.kind === 'word' && before.end === dot.start && before.capital && before.text.length <= 4;
}

/** The number of words of the cue at `at` (`said` 1, `according to` 2), or 0. */
function isCue(tokens: readonly Token[], at: number): number {
  const token = tokens[at];
  if (token === undefined || !token.cue) return 0;
  const second = TWO_WORD_CUES.get(token.lower);
  if (second !== undefined && tokens[at + 1]?.lower === second) return 2;
  if (token.lower === 'according') return 0;
  return SPEECH_VERBS.has(token.lower) ? 1 : 0;
}

function isAccording(tokens: readonly Token[], at: number): boolean {
  return tokens[at]!.lower === 'according';
}

/** Skips `has`, `also`, `later`, `repeatedly` going left from `at`; returns the first other index. */
function skipAuxiliariesLeft(tokens: readonly Token[], at: number, floor: number): number {
  let index = at;
  while (index >= floor) {
    const token = tokens[index]!;
    if (token.kind !== 'word' || token.capital) break;
    if (!AUXILIARIES.has(token.lower) && !(token.lower.length > 4 && token.lower.endsWith('ly'))) break;
    index--;
  }
  return index;
}

function skipAuxiliariesRight(tokens: readonly Token[], at: number, limit: number): number {
  let index = at;
  while (index < limit) {
    const token = tokens[index]!;
    if (token.kind !== 'word' || token.capital) break;
    if (!AUXILIARIES.has(token.lower) && !(token.lower.length > 4 && token.lower.endsWith('ly'))) break;
    index++;
  }
  return index;
}

/**
 * The speaker that starts at token `at`: a pronoun, or a phrase of names, titles and
 * source nouns with its determiner (`the Kremlin`, `Russian President Vladimir Putin`,
 * `news agency TASS`, `senior officials`). A bracket after a name (`(R-Texas)`) is passed over.
 */
function phraseAt(tokens: readonly Token[], at: number, limit: number): Phrase | null {
  const first = tokens[at];
  if (first === undefined || at >= limit || first.kind !== 'word') return null;
  if (isPronoun(first)) return { from: at, to: at + 1 };
  let index = at;
  if (DETERMINERS.has(first.lower)) index++;
  let last = -1;
  while (index < limit) {
    const token = tokens[index]!;
    if (token.kind === 'word') {
      if (isName(token) || isSourceWord(token)) {
        last = index;
        index++;
        continue;
      }
      // `Speaker of the House`, `a spokesman for the ministry`, `AT&T`.
      if (CONNECTORS.has(token.lower) && last === index - 1) {
        const skip = tokens[index + 1]?.lower === 'the' ? 2 : 1;
        const next = tokens[index + skip];
        if (next !== undefined && index + skip < limit && (isName(next) || isSourceNoun(next))) {
          index += skip;
          continue;
        }
      }
      break;
    }
    if (token.kind === 'punct' && last === index - 1 && isAbbreviationDot(tokens, index)) {
      index++;
      continue;
    }
    break;
  }
  if (last === -1) return null;
  return { from: at, to: last + 1 };
}

/** Is the phrase a name (has a capitalised word) or a pronoun? */
function isNamed(tokens: readonly Token[], phrase: Phrase): boolean {
  for (let index = phrase.from; index < phrase.to; index++) {
    const token = tokens[index]!;
    if (isName(token) || isPronoun(token)) return true;
  }
  return false;
}

/** The head of a phrase is a word that can be a speaker by itself. */
function hasHead(tokens: readonly Token[], phrase: Phrase): boolean {
  const head = tokens[phrase.to - 1]!;
  return isName(head) || isSourceNoun(head) || isPronoun(head);
}

/**
 * The speaker that ends just before token `end` (its verb's position), going left: a
 * pronoun, or names, titles and source nouns back to a determiner; across an
 * apposition (`Cruz, who has proposed …, said`) or a bracket (`Pence (R-IN) said`).
 * It must start a clause: at the start, after punctuation, a conjunction or an
 * opening adverbial word; never after a preposition or `which` (`missiles which
 * Pyongyang says are …` attributes nothing).
 */
function phraseBefore(tokens: readonly Token[], end: number, floor: number): Phrase | null {
  let index = skipAuxiliariesLeft(tokens, end - 1, floor);
  if (index < floor) return null;
  let token = tokens[index]!;
  if (token.text === ',') {
    // An apposition between commas (`Cruz, who has proposed …, said`, `Clinton, 35, the
    // daughter of …, said`): the speaker is before one of them.
    let nearest = true;
    for (let comma = index - 1, steps = 0; comma > floor && steps < 40; comma--, steps++) {
      const inside = tokens[comma]!;
      if (inside.kind === 'quote' || inside.text === ';' || isCue(tokens, comma) > 0) return null;
      if (inside.text !== ',') continue;
      if (nearest) {
        nearest = false;
        // The words between the last two commas may be the speaker (`her adviser, Jake
        // Sullivan, said`; `…, Gov. John Kasich (R-OH), said`), unless a name comes before.
        const before = phraseBefore(tokens, comma, floor);
        if (before !== null && isNamed(tokens, before)) return before;
        const segment = phraseAt(tokens, comma + 1, index);
        if (segment !== null && isNamed(tokens, segment) && tokens[segment.from]!.capital) {
          let end = segment.to;
          if (tokens[end]?.text === '(') while (end < index && tokens[end]!.text !== ')') end++;
          if (end === index || (end === index - 1 && tokens[end]!.text === ')')) return segment;
        }
      }
      const opener = tokens[comma + 1]!;
      const apposition =
        opener.kind === 'word' &&
        (['who', 'whose', 'himself', 'herself', 'now', 'then', 'also'].includes(opener.lower) ||
          DETERMINERS.has(opener.lower) ||
          opener.capital ||
          MODIFIERS.has(opener.lower) ||
          /^\d/.test(opener.text));
      if (!apposition) return null;
      const phrase = phraseBefore(tokens, comma, floor);
      if (phrase !== null && isNamed(tokens, phrase)) return phrase;
    }
    return null;
  }
  if (token.text === ')') {
    let open = index - 1;
    while (open > floor && open > index - 8 && tokens[open]!.text !== '(') open--;
    if (tokens[open]?.text !== '(') return null;
    index = open - 1;
    if (index < floor) return null;
    token = tokens[index]!;
  }
  let from = -1;
  const to = index + 1;
  if (isPronoun(token)) {
    from = index;
  } else {
    while (index >= floor) {
      token = tokens[index]!;
      if (token.kind === 'word') {
        if (isName(token) || isSourceWord(token)) {
          from = index;
          index--;
          continue;
        }
        if (DETERMINERS.has(token.lower) && from === index + 1) {
          from = index;
          // `Speaker of the House Rep. Paul Ryan`: go on past `of the`.
          const of = tokens[index - 1];
          const head = tokens[index - 2];
          if (of?.lower === 'of' && head !== undefined && index - 2 >= floor && (isName(head) || isSourceNoun(head))) {
            index -= 2;
            continue;
          }
          break;
        }
        if (CONNECTORS.has(token.lower) && from === index + 1 && index - 1 >= floor && (isName(tokens[index - 1]!) || isSourceNoun(tokens[index - 1]!))) {
          index--;
          continue;
        }
        break;
      }
      if (token.kind === 'punct' && from === index + 1 && isAbbreviationDot(tokens, index)) {
        index--;
        continue;
      }
      break;
    }
  }
  if (from === -1) return null;
  const phrase = { from, to };
  if (!hasHead(tokens, phrase)) return null;
  const before = tokens[from - 1];
  if (before === undefined || before.kind !== 'word') return phrase;
  if (WH_WORDS.has(before.lower) || PREPOSITIONS.has(before.lower)) return null;
  if (CLAUSE_OPENERS.has(before.lower) || NOT_NAMES.has(before.text) || ADVERBIAL_OPENERS.has(before.text)) return phrase;
  // After any other word, only a named speaker (`Speaking to reporters Trump said`).
  return isNamed(tokens, phrase) ? phrase : null;
}

/**
 * The subject of a sentence when it is a name or a pronoun: the first phrase after
 * any opening conjunction and any opening adverbial up to its comma (`In an interview
 * with …, Putin lashed out …` → `Putin`).
 */
function subjectOf(tokens: readonly Token[], limit: number, named = true): Phrase | null {
  let index = datelineEnd(tokens);
  while (index < limit && tokens[index]!.kind === 'word' && COORDINATORS.has(tokens[index]!.lower)) index++;
  if (tokens[index]?.text === ',') index++;
  const first = tokens[index];
  if (first === undefined || first.kind !== 'word') return null;
  if (ADVERBIAL_OPENERS.has(first.text)) {
    let comma = index + 1;
    while (comma < limit && comma < index + 40 && tokens[comma]!.text !== ',' && tokens[comma]!.kind !== 'quote') comma++;
    if (tokens[comma]?.text !== ',') return null;
    index = comma + 1;
  }
  let phrase = phraseAt(tokens, index, limit);
  // `Hours later, Trump …`, `Two days ago, …`.
  if (phrase !== null && ['later', 'earlier', 'ago', 'afterward', 'afterwards'].includes(tokens[phrase.to]?.lower ?? '') && tokens[phrase.to + 1]?.text === ',') {
    phrase = phraseAt(tokens, phrase.to + 2, limit);
  }
  if (phrase === null || !(named ? isNamed(tokens, phrase) : hasHead(tokens, phrase))) return null;
  const after = tokens[phrase.to];
  return after !== undefined && (after.kind === 'word' || after.text === ',') ? phrase : null;
}

/**
 * Where the words after a dateline left in the text start (`WASHINGTON, Dec. 8 (UPI) —`):
 * a capitalised first word and a dash within the first dozen tokens; else 0.
 */
function datelineEnd(tokens: readonly Token[]): number {
  const first = tokens[0];
  if (first === undefined || first.kind !== 'word' || first.text.length < 2 || first.text !== first.text.toUpperCase()) return 0;
  for (let index = 1; index < 14 && index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind === 'quote') return 0;
    if (token.text === '—' || token.text === '–' || (token.text === '-' && tokens[index + 1]?.text === '-')) {
      return tokens[index + 1]?.text === '-' ? index + 2 : index + 1;
    }
  }
  return 0;
}

/**
 * The speaker before a relative clause that ends at the verb: `a White House official
 * who spoke anonymously … said`, `those who say`.
 */
function relativeBefore(tokens: readonly Token[], verb: number): Phrase | null {
  for (let index = verb - 1; index >= 1 && index >= verb - 16; index--) {
    const token = tokens[index]!;
    if (token.kind !== 'word') return null;
    if (token.lower !== 'who') continue;
    const phrase = phraseBefore(tokens, index, 0);
    return phrase !== null && hasHead(tokens, phrase) ? phrase : null;
  }
  return null;
}

/** Every attribution in a sentence: speaker and cue, in either order, or `according to`. */
function attributionsOf(tokens: readonly Token[]): Attribution[] {
  const found: Attribution[] = [];
  let subject: Phrase | null | undefined;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (!token.cue) continue;
    const length = isCue(tokens, at);
    if (length > 0 && isAccording(tokens, at)) {
      const speaker = phraseAt(tokens, at + 2, tokens.length);
      if (speaker !== null && hasHead(tokens, speaker)) {
        found.push({ form: 'according', speaker, cue: { from: at, to: at + 2 }, used: false });
        at = speaker.to - 1;
      }
      continue;
    }
    if (length > 0) {
      const before = phraseBefore(tokens, at, 0) ?? relativeBefore(tokens, at);
      if (before !== null) {
        found.push({ form: 'before', speaker: before, cue: { from: at, to: at + length }, used: false });
        continue;
      }
      const previous = tokens[at - 1];
      if (previous === undefined || previous.text === ',' || previous.kind === 'quote') {
        const after = phraseAt(tokens, at + length, tokens.length);
        if (after !== null && hasHead(tokens, after)) {
          found.push({ form: 'after', speaker: after, cue: { from: at, to: at + length }, used: false });
          at = after.to - 1;
        }
      }
      continue;
    }
    if (PARTICIPLES.has(token.lower) && tokens[at - 1]?.text === ',') {
      if (subject === undefined) subject = subjectOf(tokens, at, false);
      if (subject !== null && subject.to < at) found.push({ form: 'participle', speaker: subject, cue: { from: at, to: at + 1 }, used: false });
    }
  }
  return found;
}

/**
 * The speaker after a quotation that opens its sentence (`“…,” Kim said`, `“…,” said
 * Putin`, `“…,” Cruz, who …, said`, `“…,” according to …`), and where it ends; also a
 * name alone closing the sentence (`“…,” Putin` in a paragraph whose end was lost).
 */
function attributionAfterQuote(tokens: readonly Token[], at: number): Attribution | null {
  const cue = isCue(tokens, at);
  if (cue > 0) {
    const speaker = phraseAt(tokens, at + cue, tokens.length);
    if (speaker === null || !hasHead(tokens, speaker)) return null;
    return { form: isAccording(tokens, at) ? 'according' : 'after', speaker, cue: { from: at, to: at + cue }, used: true };
  }
  const speaker = phraseAt(tokens, at, tokens.length);
  if (speaker === null || !hasHead(tokens, speaker)) return null;
  let next = speaker.to;
  if (tokens[next]?.text === '(') {
    while (next < tokens.length && next < speaker.to + 8 && tokens[next]!.text !== ')') next++;
    next++;
  }
  if (tokens[next]?.text === ',' && isNamed(tokens, speaker)) {
    // An apposition: `Cruz, who has proposed …, said`.
    let comma = next + 1;
    while (comma < tokens.length && comma < next + 30 && tokens[comma]!.text !== ',' && tokens[comma]!.kind !== 'quote') comma++;
    if (tokens[comma]?.text === ',') {
      const verb = skipAuxiliariesRight(tokens, comma + 1, tokens.length);
      const length = isCue(tokens, verb);
      if (length > 0 && !isAccording(tokens, verb)) return { form: 'before', speaker, cue: { from: verb, to: verb + length }, used: true };
    }
  }
  const verb = skipAuxiliariesRight(tokens, next, tokens.length);
  const length = isCue(tokens, verb);
  if (length > 0 && !isAccording(tokens, verb)) return { form: 'before', speaker, cue: { from: verb, to: verb + length }, used: true };
  // After a quotation that opens the sentence, a name and any past-tense verb attribute
  // it too (`“…,” Kim smiled`, `“…,” she gushed`).
  const other = tokens[verb];
  if (other !== undefined && other.kind === 'word' && !other.capital && other.lower.length > 3 && other.lower.endsWith('ed') && isNamed(tokens, speaker)) {
    return { form: 'before', speaker, cue: { from: verb, to: verb + 1 }, used: true };
  }
  // `“…,” Putin` and nothing more: the verb was lost with the end of the line.
  const rest = tokens.slice(speaker.to);
  if (isNamed(tokens, speaker) && rest.every((token) => token.text === '.')) {
    return { form: 'before', speaker, cue: { from: speaker.to, to: speaker.to }, used: true };
  }
  return null;
}

/** The number of words between a quotation's marks. */
function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words.length === 1 && words[0] === '' ? 0 : words.length;
}

/** A title in quotation marks (`“Fox News Sunday”`, `“Shark Tank.”`): every word capitalised but the small ones. */
function isTitle(text: string): boolean {
  const words = text.replace(/[.,!?;:]+$/, '').trim().split(/\s+/);
  if (words.length > 7) return false;
  return words.every((word, index) => /^[\p{Lu}\d]/u.test(word) || (index > 0 && TITLE_SMALL_WORDS.has(word)));
}

/** Ends like the quoted words of `“…,” Kim said`: comma, question or exclamation mark, dash, ellipsis, stop. */
const LEADS_OUT = /[,?!—–\-…:.]\s*$/;

/** The quoted words a span keeps: without the marks, spaces around, or the closing comma the copy adds. */
function quotedSpan(block: number | null, text: string, quotation: Quotation): Span {
  let start = quotation.open + 1;
  let end = quotation.close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (text[end - 1] === ',') end--;
  return { block, start, end, text: text.slice(start, end) };
}

/** The words of a claim from token `from` to `to`, without the stop that ends the sentence. */
function claimSpan(block: number | null, text: string, tokens: readonly Token[], from: number, to: number): Span | null {
  let last = to - 1;
  while (last >= from && tokens[last]!.kind === 'punct') last--;
  if (last < from) return null;
  let words = 0;
  for (let index = from; index <= last; index++) if (tokens[index]!.kind !== 'punct') words++;
  if (words < 3) return null;
  const start = tokens[from]!.start;
  const end = tokens[last]!.end;
  return { block, start, end, text: text.slice(start, end) };
}

// First words that show the words after a verb are no claim (`said to be`, `told him so`).
const NOT_CLAIMS = new Set(['would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'be', 'been', 'and', 'but', 'or', 'to', 'by', 'of', 'about', 'for', 'with', 'so', 'nothing', 'something', 'anything', 'goodbye', 'yes', 'no', 'hello', 'thanks', 'sorry', 'as', 'in', 'at', 'on', 'from', 'into', 'after', 'before', 'during', 'while', 'when', 'if', 'whether']);
// Nouns of the adjunct that says how something was said (`in a statement`, `on Twitter`).
const MEDIUM_NOUNS = new Set(['statement', 'interview', 'tweet', 'post', 'letter', 'speech', 'email', 'e-mail', 'release', 'conference', 'call', 'briefing', 'video', 'address', 'appearance', 'op-ed', 'memo', 'radio', 'television', 'broadcast', 'message', 'note', 'filing', 'report', 'rally', 'event', 'meeting', 'session', 'hearing', 'debate', 'town', 'hall', 'joint', 'written', 'separate', 'brief', 'news', 'press', 'phone', 'telephone', 'televised', 'recent', 'new']);

// Reporting verbs that as often take a thing as a claim (`reported net income`).
const OBJECT_VERBS = new Set(['reported', 'reports', 'announced', 'announces', 'maintained', 'maintains']);

/**
 * Where the claim begins after a reporting verb: past the listener (`told Kim`), the
 * time and the medium (`on Thursday`, `in a statement`) and a `that`, `:` or comma.
 */
function claimStart(tokens: readonly Token[], cue: Phrase): number {
  let at = cue.to;
  const verb = tokens[cue.from]!.lower;
  if (LISTENER_VERBS.has(verb)) {
    const listener = tokens[at];
    if (listener !== undefined && listener.kind === 'word' && LISTENERS.has(listener.lower)) at++;
    else {
      const phrase = phraseAt(tokens, at, tokens.length);
      if (phrase !== null && !isPronoun(tokens[phrase.from]!)) at = phrase.to;
    }
  }
  for (let guard = 0; guard < 12 && at < tokens.length; guard++) {
    const token = tokens[at]!;
    if (token.kind !== 'word') break;
    if (TIME_WORDS.has(token.lower)) {
      at++;
      continue;
    }
    if (token.lower === 'in' || token.lower === 'at' || token.lower === 'during' || token.lower === 'via') {
      // `in a statement`, `in an interview with CNN`, `at a news conference`.
      let next = at + 1;
      if (tokens[next] !== undefined && DETERMINERS.has(tokens[next]!.lower)) next++;
      let medium = false;
      while (tokens[next] !== undefined && tokens[next]!.kind === 'word' && MEDIUM_NOUNS.has(tokens[next]!.lower)) {
        medium = true;
        next++;
      }
      if (!medium) break;
      if (tokens[next]?.lower === 'with' || tokens[next]?.lower === 'on') {
        const phrase = phraseAt(tokens, next + 1, tokens.length);
        if (phrase !== null) next = phrase.to;
      }
      at = next;
      continue;
    }
    break;
  }
  const token = tokens[at];
  if (token !== undefined && (token.lower === 'that' || token.text === ':' || token.text === ',')) at++;
  return at;
}

/** Everything about the paragraphs so far that a sentence needs. */
interface ReadingState {
  mentions: MentionIndex;
  drafts: Draft[];
  /** The last person named as speaker or subject, for `he` and `she`. */
  lastPerson: Speaker | null;
  /** The speaker of the last attribution in the current paragraph. */
  paragraphSpeaker: Speaker | null;
  /** The speaker the previous paragraph ended with. */
  previousSpeaker: Speaker | null;
  /** A direct quotation still open at the end of the previous paragraph. */
  carried: Draft | null;
}

function makeSpeaker(
  state: ReadingState,
  block: number | null,
  text: string,
  tokens: readonly Token[],
  phrase: Phrase,
  lastPerson: Speaker | null,
): Speaker {
  const start = tokens[phrase.from]!.start;
  const end = tokens[phrase.to - 1]!.end;
  const written = text.slice(start, end);
  const speaker: Speaker = { text: written, block, start, end, entity: null, person: false };
  const head = tokens[phrase.to - 1]!;
  if (phrase.to - phrase.from === 1 && isPronoun(head)) {
    if (PERSON_PRONOUNS.has(head.lower) && lastPerson !== null) {
      speaker.entity = lastPerson.entity;
      speaker.person = true;
    }
    return speaker;
  }
  const entity = mentionAt(state.mentions, block, start, end) ?? titled(state.mentions, written);
  if (entity !== null) {
    speaker.entity = entity.id;
    speaker.person = entity.type === 'person';
  }
  return speaker;
}

/** An entity the story gives this description as a title (`the North Korean leader`), when only one has it. */
function titled(mentions: MentionIndex, written: string): Entity | null {
  if (mentions.byTitle.size === 0) return null;
  return mentions.byTitle.get(written.toLowerCase().replace(/^(the|a|an)\s+/, '')) ?? null;
}

/** One sentence being read, and what its readers share. */
interface Sentence {
  state: ReadingState;
  block: number | null;
  /** The block's text. */
  text: string;
  quotations: readonly Quotation[];
  tokens: readonly Token[];
  headline: boolean;
  firstOfParagraph: boolean;
  /** The quotation that goes on from the previous paragraph, or -1. */
  continuing: number;
  attributions: Attribution[];
  /** The last person named before this sentence, for its `he` and `she`. */
  lastPerson: Speaker | null;
  /** Quotes by quotation index. */
  drafts: Map<number, Draft>;
  /** Index of the last token when it is a quotation (only punctuation after it), else -1. */
  lastQuote: number;
  /** The speaker this sentence leaves for the quotations after it. */
  speaker: Speaker | null;
  speakers: Map<Attribution, Speaker>;
}

function speakerOf(sentence: Sentence, attribution: Attribution): Speaker {
  let speaker = sentence.speakers.get(attribution);
  if (speaker === undefined) {
    speaker = makeSpeaker(sentence.state, sentence.block, sentence.text, sentence.tokens, attribution.speaker, sentence.lastPerson);
    sentence.speakers.set(attribution, speaker);
  }
  return speaker;
}

function cueOf(sentence: Sentence, attribution: Attribution): string | null {
  const { cue } = attribution;
  return cue.to > cue.from ? sentence.text.slice(sentence.tokens[cue.from]!.start, sentence.tokens[cue.to - 1]!.end) : null;
}

/** Records a quote for the quotation `token`; a quotation going on from the paragraph before adds a span to its quote instead. */
function addDraft(sentence: Sentence, token: Token, draft: Draft): Draft {
  const { state } = sentence;
  const span = quotedSpan(sentence.block, sentence.text, sentence.quotations[token.quote]!);
  if (token.quote === sentence.continuing && state.carried !== null) {
    const carried = state.carried;
    carried.spans.push(span);
    if (carried.speaker === null && draft.speaker !== null) {
      carried.speaker = draft.speaker;
      carried.cue = draft.cue;
    }
    sentence.drafts.set(token.quote, carried);
    return carried;
  }
  draft.spans.push(span);
  sentence.drafts.set(token.quote, draft);
  state.drafts.push(draft);
  return draft;
}

/** A quotation that opens the sentence, its speaker after it: `“…,” Kim said`, `“…,” said Putin`. */
function readQuoteFirst(sentence: Sentence): void {
  const { tokens, quotations, text } = sentence;
  const first = tokens[0];
  if (first === undefined || first.kind !== 'quote' || !quotations[first.quote]!.closed) return;
  const quotation = quotations[first.quote]!;
  const comma = tokens[1]?.text === ',';
  if (!comma && !LEADS_OUT.test(text.slice(Math.max(quotation.open + 1, quotation.close - 3), quotation.close))) return;
  const attribution = attributionAfterQuote(tokens, comma ? 2 : 1);
  if (attribution === null) return;
  sentence.attributions.push(attribution);
  const speaker = speakerOf(sentence, attribution);
  const draft = addDraft(sentence, first, { kind: 'direct', spans: [], speaker, cue: cueOf(sentence, attribution) });
  sentence.speaker = speaker;
  // `“…,” Kim said, “…”`: the quotation goes on after the attribution, to the sentence's end.
  const { lastQuote } = sentence;
  if (lastQuote > 0 && tokens[lastQuote - 1]!.text === ',' && tokens.findIndex((token, at) => at > 0 && token.kind === 'quote') === lastQuote) {
    const rest = tokens[lastQuote]!;
    draft.spans.push(quotedSpan(sentence.block, text, quotations[rest.quote]!));
    sentence.drafts.set(rest.quote, draft);
  }
}

const NOT_SPEAKER_COLON = /\b(follows|following|below|transcript|excerpts?)\s*:$/i;

/**
 * A speaker and verb before a quotation that ends the sentence (`Putin said: “…”`,
 * `Putin told Kim “…”`, `Clinton acknowledged that “…”`), that is set off by commas
 * (`Canova wrote, “…,” and shared …`), or that is a whole utterance right after the
 * verb (`he yelled “You lie!” at …`); or a colon before a quotation that ends the
 * sentence, which gives it to the subject (`Cruz called them on it: “…”`).
 */
function readSpeakerFirst(sentence: Sentence): void {
  const { tokens, quotations, text, attributions } = sentence;
  for (let index = 1; index < tokens.length; index++) {
    const quote = tokens[index]!;
    if (quote.kind !== 'quote' || sentence.drafts.has(quote.quote)) continue;
    const quotation = quotations[quote.quote]!;
    const before = tokens[index - 1]!;
    const atEnd = index === sentence.lastQuote;
    const setOff =
      (before.text === ',' || before.text === ':') && quotation.closed && /[,.?!]\s*$/.test(text.slice(Math.max(quotation.open + 1, quotation.close - 2), quotation.close));
    const utterance = before.kind === 'word' && isCue(tokens, index - 1) > 0 && /[.?!]\s*$/.test(quote.text);
    if (!atEnd && !setOff && !utterance) continue;
    let chosen: Attribution | null = null;
    for (const attribution of attributions) {
      // An inverted verb only when it opens the sentence: `Said Dorothy Poynter, who grew up with Ali, “…”`.
      if ((attribution.form === 'after' && attribution.cue.from !== 0) || attribution.cue.to > index) continue;
      if (chosen === null || attribution.cue.from > chosen.cue.from) chosen = attribution;
    }
    let speaker: Speaker | null = null;
    let cue: string | null = null;
    if (chosen !== null && introduces(tokens, chosen, index, atEnd || setOff)) {
      chosen.used = true;
      speaker = speakerOf(sentence, chosen);
      cue = cueOf(sentence, chosen);
    }
    if (speaker === null && before.text === ':' && atEnd && !sentence.headline && !NOT_SPEAKER_COLON.test(text.slice(Math.max(0, before.start - 20), before.end))) {
      const phrase = phraseBefore(tokens, index - 1, 0) ?? subjectOf(tokens, index);
      if (phrase !== null && isNamed(tokens, phrase)) speaker = makeSpeaker(sentence.state, sentence.block, text, tokens, phrase, sentence.lastPerson);
    }
    if (speaker !== null) {
      addDraft(sentence, quote, { kind: 'direct', spans: [], speaker, cue });
      sentence.speaker = speaker;
    }
  }
}

/**
 * Does the attribution introduce the quotation at token `quote`? Nothing but the
 * listener (`told Kim`), the time and the medium (`said on Thursday in a statement`)
 * may stand between them, or anything ending in `:`, `,` or `that`; no other quotation.
 * A quotation not at the sentence's end (`placed` false) must follow the verb directly.
 */
function introduces(tokens: readonly Token[], attribution: Attribution, quote: number, placed: boolean): boolean {
  const gapFrom = attribution.form === 'according' || attribution.form === 'after' ? attribution.speaker.to : attribution.cue.to;
  if (!placed) return gapFrom === quote && /[.?!]\s*$/.test(tokens[quote]!.text);
  if (gapFrom === quote) return true;
  for (let at = gapFrom; at < quote; at++) if (tokens[at]!.kind === 'quote') return false;
  const before = tokens[quote - 1]!;
  if (before.text === ':' || before.text === ',' || before.lower === 'that') return true;
  if (attribution.form === 'according') return false;
  if (LISTENER_VERBS.has(tokens[attribution.cue.from]!.lower)) {
    const phrase = phraseAt(tokens, gapFrom, quote);
    if ((phrase !== null && phrase.to === quote) || (quote === gapFrom + 1 && LISTENERS.has(tokens[gapFrom]!.lower))) return true;
  }
  return claimStart(tokens, attribution.cue) >= quote;
}

/** A sentence that is a quotation and nothing else: its speaker is the one before, in the paragraph or at the end of the one before. */
function readQuoteAlone(sentence: Sentence): void {
  const first = sentence.tokens[0];
  if (first === undefined || first.kind !== 'quote' || sentence.lastQuote !== 0 || sentence.drafts.has(first.quote) || sentence.headline) return;
  const { state } = sentence;
  const speaker =
    first.quote === sentence.continuing && state.carried !== null
      ? state.carried.speaker
      : (state.paragraphSpeaker ?? (sentence.firstOfParagraph ? state.previousSpeaker : null));
  addDraft(sentence, first, { kind: 'direct', spans: [], speaker, cue: null });
  if (speaker !== null) sentence.speaker = speaker;
}

/**
 * Any other quotation of two words or more, not a title nor a name (`the so-called
 * “road map”`), is a partial one, given to the sentence's speaker: the attribution
 * nearest before it, else the first after it, else the subject when it is a name or a
 * pronoun. In a headline, only an attribution gives a quotation.
 */
function readPartials(sentence: Sentence): void {
  const { tokens, attributions, state } = sentence;
  let subject: Phrase | null | undefined;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.kind !== 'quote' || sentence.drafts.has(token.quote)) continue;
    if (index === 0 && token.quote === sentence.continuing && state.carried !== null) {
      addDraft(sentence, token, { kind: 'direct', spans: [], speaker: null, cue: null });
      continue;
    }
    if (wordCount(token.text) < 2 || isTitle(token.text)) continue;
    const previous = tokens[index - 1];
    if (previous !== undefined && previous.kind === 'word' && NAMING_WORDS.has(previous.lower)) continue;
    let chosen: Attribution | null = null;
    for (const attribution of attributions) {
      if (attribution.cue.to <= index && attribution.form !== 'after' && (chosen === null || attribution.cue.from > chosen.cue.from)) chosen = attribution;
    }
    chosen ??= attributions.find((attribution) => attribution.cue.from > index) ?? null;
    if (chosen !== null) {
      const speaker = speakerOf(sentence, chosen);
      addDraft(sentence, token, { kind: 'partial', spans: [], speaker, cue: cueOf(sentence, chosen) });
      sentence.speaker ??= speaker;
      continue;
    }
    if (sentence.headline) continue;
    if (subject === undefined) subject = subjectOf(tokens, index);
    const speaker = subject === null ? null : makeSpeaker(state, sentence.block, sentence.text, tokens, subject, sentence.lastPerson);
    addDraft(sentence, token, { kind: 'partial', spans: [], speaker, cue: null });
  }
}

/**
 * A claim attributed without quotation marks, by the first attribution no direct
 * quotation used: the words after the verb (`TASS reported that …`), else the words
 * before the speaker (`…, news agency TASS reported.`), or those on the other side of
 * `according to`.
 */
function readClaim(sentence: Sentence): void {
  const { tokens, block, text } = sentence;
  for (const attribution of sentence.attributions) {
    if (attribution.used) continue;
    const verb = tokens[attribution.cue.from]!.lower;
    if (attribution.form !== 'according' && !REPORTING_VERBS.has(verb) && !PARTICIPLES.has(verb)) continue;
    let claim: Span | null = null;
    if (attribution.form === 'according') {
      if (attribution.cue.from === 0 && tokens[attribution.speaker.to]?.text === ',') claim = claimSpan(block, text, tokens, attribution.speaker.to + 1, tokens.length);
      else if (tokens[attribution.cue.from - 1]?.text === ',') claim = claimSpan(block, text, tokens, 0, attribution.cue.from - 1);
    } else if (attribution.form === 'after') {
      if (tokens[attribution.cue.from - 1]?.text === ',') claim = claimSpan(block, text, tokens, 0, attribution.cue.from - 1);
    } else {
      const start = claimStart(tokens, attribution.cue);
      const opener = tokens[start];
      // `reported net income`, `announced the sale`: these verbs take a thing as often as a claim; a claim needs `that` or a pronoun.
      const clause = !OBJECT_VERBS.has(verb) || (start > 0 && (tokens[start - 1]!.lower === 'that' || tokens[start - 1]!.text === ':')) || isPronoun(opener);
      if (opener !== undefined && opener.kind !== 'punct' && !NOT_CLAIMS.has(opener.lower) && clause) claim = claimSpan(block, text, tokens, start, tokens.length);
      if (claim === null && attribution.form === 'before' && tokens[attribution.speaker.from - 1]?.text === ',') {
        if (tokens.slice(start).every((token) => token.kind === 'punct')) claim = claimSpan(block, text, tokens, 0, attribution.speaker.from - 1);
      }
    }
    if (claim === null) continue;
    // A claim that is one quotation and nothing more was taken as a quotation.
    const found = claim;
    if (tokens.some((token) => token.kind === 'quote' && token.start <= found.start && token.end >= found.end)) continue;
    const speaker = speakerOf(sentence, attribution);
    sentence.state.drafts.push({ kind: 'indirect', spans: [claim], speaker, cue: cueOf(sentence, attribution) });
    sentence.speaker ??= speaker;
    return;
  }
}

/**
 * A sentence ending in a colon gives its speaker to the quotation after it:
 * `Breitbart News responded:`, `President Clinton released the following statement:`.
 */
function readClosingColon(sentence: Sentence): void {
  const { tokens, text } = sentence;
  const last = tokens[tokens.length - 1]!;
  if (sentence.speaker !== null || last.text !== ':' || sentence.headline || NOT_SPEAKER_COLON.test(text.slice(Math.max(0, last.start - 20), last.end))) return;
  const attribution = sentence.attributions.find((candidate) => candidate.cue.to === tokens.length - 1);
  if (attribution !== undefined) {
    sentence.speaker = speakerOf(sentence, attribution);
    return;
  }
  const phrase = subjectOf(tokens, tokens.length - 1);
  if (phrase !== null) sentence.speaker = makeSpeaker(sentence.state, sentence.block, text, tokens, phrase, sentence.lastPerson);
}

/** Reads one sentence (tokens `tokens` of block `block`) and adds what it finds to the state. */
function readSentence(
  state: ReadingState,
  block: number | null,
  text: string,
  quotations: readonly Quotation[],
  tokens: readonly Token[],
  options: { headline: boolean; firstOfParagraph: boolean; continuing: number },
): void {
  let lastQuote = -1;
  for (let index = tokens.length - 1; index >= 0; index--) {
    if (tokens[index]!.kind !== 'punct') {
      lastQuote = tokens[index]!.kind === 'quote' ? index : -1;
      break;
    }
  }
  const sentence: Sentence = {
    state,
    block,
    text,
    quotations,
    tokens,
    ...options,
    attributions: attributionsOf(tokens),
    lastPerson: state.lastPerson,
    drafts: new Map(),
    lastQuote,
    speaker: null,
    speakers: new Map(),
  };
  readQuoteFirst(sentence);
  readSpeakerFirst(sentence);
  readQuoteAlone(sentence);
  readPartials(sentence);
  readClaim(sentence);
  readClosingColon(sentence);
  if (sentence.speaker !== null) state.paragraphSpeaker = sentence.speaker;
  if (state.mentions.hasPersons) notePerson(state, block, text, tokens, sentence.speaker);
}

/** Who `he` or `she` refers to from here on: the sentence's speaker when a person, else its subject when a person. */
function notePerson(state: ReadingState, block: number | null, text: string, tokens: readonly Token[], speaker: Speaker | null): void {
  if (speaker !== null && speaker.person) {
    state.lastPerson = speaker;
    return;
  }
  if (!state.mentions.byBlock.has(block)) return;
  const phrase = subjectOf(tokens, tokens.length);
  if (phrase === null || isPronoun(tokens[phrase.from]!)) return;
  const subject = makeSpeaker(state, block, text, tokens, phrase, null);
  if (subject.person) state.lastPerson = subject;
}

/**
 * A sentence that only attributes (`Trump said.`, `said Putin on Thursday.`): after a
 * quotation that ends with a full stop, it belongs to it (`“… missing.” Trump said.`).
 */
function isAttributionOnly(tokens: readonly Token[]): boolean {
  if (tokens.some((token) => token.kind === 'quote')) return false;
  let rest: number;
  const inverted = isCue(tokens, 0);
  if (inverted > 0 && !isAccording(tokens, 0)) {
    const phrase = phraseAt(tokens, inverted, tokens.length);
    if (phrase === null || !hasHead(tokens, phrase)) return false;
    rest = phrase.to;
  } else {
    const phrase = phraseAt(tokens, 0, tokens.length);
    if (phrase === null || !hasHead(tokens, phrase)) return false;
    const verb = skipAuxiliariesRight(tokens, phrase.to, tokens.length);
    const length = isCue(tokens, verb);
    if (length === 0 || isAccording(tokens, verb)) return false;
    rest = verb + length;
  }
  return rest > 0;
}

function mayAttribute(tokens: readonly Token[]): boolean {
  if (tokens[tokens.length - 1]!.text === ':') return true;
  for (const token of tokens) if (token.cue || token.kind === 'quote') return true;
  return false;
}

function endsWithQuotation(tokens: readonly Token[]): boolean {
  for (let index = tokens.length - 1; index >= 0; index--) if (tokens[index]!.kind !== 'punct') return tokens[index]!.kind === 'quote';
  return false;
}

/** Reads one block (the headline when `block` is null). */
function readBlock(state: ReadingState, block: number | null, text: string): void {
  const headline = block === null;
  const quotations = pairQuotations(text);
  const starts = sentenceStarts(text, quotations);
  const continuing = state.carried !== null && quotations.length > 0 && opensWithQuotation(text) ? 0 : -1;
  if (continuing === -1) state.carried = null;
  state.paragraphSpeaker = null;
  const sentences: Token[][] = [];
  for (let sentence = 0; sentence < starts.length; sentence++) {
    const tokens = tokenize(text, starts[sentence]!, starts[sentence + 1] ?? text.length, quotations);
    if (tokens.length === 0) continue;
    const previous = sentences[sentences.length - 1];
    if (previous !== undefined && endsWithQuotation(previous) && isAttributionOnly(tokens)) previous.push(...tokens);
    else sentences.push(tokens);
  }
  sentences.forEach((tokens, sentence) => {
    // Most sentences attribute nothing: no quotation, no cue, no closing colon.
    if (!mayAttribute(tokens)) {
      if (state.mentions.hasPersons) notePerson(state, block, text, tokens, null);
      return;
    }
    readSentence(state, block, text, quotations, tokens, { headline, firstOfParagraph: sentence === 0, continuing: sentence === 0 ? continuing : -1 });
  });
  // A direct quotation still open at the end may go on in the next paragraph.
  const last = quotations[quotations.length - 1];
  state.carried = null;
  if (last !== undefined && !last.closed && !headline) {
    const draft = state.drafts.findLast((candidate) => candidate.kind === 'direct' && candidate.spans.some((span) => span.block === block && span.end <= last.close && span.start > last.open));
    if (draft !== undefined) state.carried = draft;
  }
  state.previousSpeaker = headline ? null : state.paragraphSpeaker;
}

function blockOrder(span: Span): number {
  return span.block === null ? -1 : span.block;
}

/**
 * The quotations and attributions of a story, in reading order: direct quotations
 * with their speaker (before or after them, or the one before when a paragraph is
 * nothing but a quotation), partial quotations with the sentence's speaker, and
 * claims attributed without quotation marks. Quotation marks in a headline count
 * only when a verb attributes them. Single words and titles in quotation marks
 * (`“bumpy”`, `the so-called “road map”`, `“Fox News Sunday”`) are not quotations.
 *
 * A speaker is resolved to an entity when it overlaps one of the entity's mentions
 * (the one that ends last: `news agency TASS` → TASS), when it is a title the story
 * gives only that entity, or, for `he` and `she`, to the last person named as a
 * speaker or a subject in the sentences before. With no entities, every
 * `speakerEntity` is null. A pure function: the story is not changed.
 *
 * @example
 * const quotes = findQuotes(story, entities);
 * // → [{ kind: 'direct', text: 'I think it will be …', speaker: 'Kim', speakerEntity: 'e1', cue: 'said', spans: [{ block: 3, … }] }, …]
 */
export function findQuotes(story: Story, entities: readonly Entity[]): Quote[] {
  const state: ReadingState = {
    mentions: indexMentions(entities),
    drafts: [],
    lastPerson: null,
    paragraphSpeaker: null,
    previousSpeaker: null,
    carried: null,
  };
  if (story.headline !== null) readBlock(state, null, story.headline);
  state.previousSpeaker = null;
  state.carried = null;
  story.body.forEach((block, index) => {
    if (block.kind !== 'paragraph') {
      // A crosshead or a table ends what the paragraphs before were saying.
      state.carried = null;
      state.previousSpeaker = null;
      return;
    }
    readBlock(state, index, block.text);
  });
  const quotes: Quote[] = state.drafts.map((draft) => ({
    kind: draft.kind,
    text: draft.spans.map((span) => span.text).join(' '),
    spans: draft.spans,
    speaker: draft.speaker?.text ?? null,
    speakerEntity: draft.speaker?.entity ?? null,
    cue: draft.cue,
  }));
  // Reading order of where each quote starts; stable for quotes that start together.
  return quotes
    .map((quote, order) => ({ quote, order }))
    .sort((a, b) => {
      const x = a.quote.spans[0]!;
      const y = b.quote.spans[0]!;
      return blockOrder(x) - blockOrder(y) || x.start - y.start || a.order - b.order;
    })
    .map(({ quote }) => quote);
}
