/**
 * The grammar of quotation and attribution in English news copy: which characters
 * are quotation marks and how they pair, where sentences end, how a sentence splits
 * into words, and the words that attribute (`said`, `told`, `according to`), stand
 * for a speaker (`officials`, `the ministry`) or lead into one (`Russian President`).
 *
 * Everything here is a plain scan over one block's text: one native search for the
 * marks, one for the sentence ends, and a loop over character codes for the words;
 * no pattern that could backtrack over a paragraph.
 */

/** One stretch of a block's text in quotation marks. */
export interface Quotation {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; the end of the text when the quotation is not closed in the block. */
  close: number;
  closed: boolean;
}

/** A word, a punctuation character, or a whole quotation, with its offsets in the block. */
export interface Token {
  kind: 'word' | 'punct' | 'quote';
  start: number;
  end: number;
  /** The word as written; the punctuation character; for a quotation, the quoted words. */
  text: string;
  /** The word in lower case (the same as `text` for punctuation). */
  lower: string;
  /** Starts with a capital letter. */
  capital: boolean;
  /** Index of the quotation in the block's list, for `quote` tokens; else -1. */
  quote: number;
  /** A word that can attribute: a speech verb, a participle, or the first of a two-word cue. */
  cue: boolean;
}

// Marks that only ever open a quotation: English and French double marks, the
// German low mark (closed by “ or ”).
const OPENERS = new Set(['“', '„', '«']);
const QUOTE_MARK = /["“”„«»‘’]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A mark is in opening position after the start, a space, a bracket or a dash.
const BEFORE_OPENING = /[\s([{—–\-/]/;

function opensHere(text: string, at: number): boolean {
  const before = at === 0 ? ' ' : text[at - 1]!;
  const after = text[at + 1];
  return BEFORE_OPENING.test(before) && after !== undefined && !/\s/.test(after);
}

function closes(opener: string, mark: string, text: string, at: number): boolean {
  switch (opener) {
    case '“':
      return mark === '”' || mark === '"';
    case '„':
      return mark === '“' || mark === '”';
    case '«':
      return mark === '»';
    case '"':
      return mark === '"' || mark === '”';
    case '‘': {
      // ’ between letters is an apostrophe (don’t), not the closing mark.
      if (mark !== '’') return false;
      const after = text[at + 1];
      return after === undefined || !LETTER_OR_DIGIT.test(after);
    }
    default:
      return false;
  }
}

/**
 * The quotation marks of one block, paired, outermost only: quotations nested inside
 * another are part of its words. A double quotation still open at the end runs to the
 * end of the block (it may go on in the next paragraph); a single one is dropped, as
 * ’ is far more often an apostrophe. A new “ before the previous one closed ends the
 * previous one, unclosed, just before it.
 *
 * @example
 * pairQuotations('“Yes,” he said.') // → [{ open: 0, close: 5, closed: true }]
 */
export function pairQuotations(text: string): Quotation[] {
  const found: Quotation[] = [];
  let open = -1;
  let opener = '';
  QUOTE_MARK.lastIndex = 0;
  for (let match = QUOTE_MARK.exec(text); match !== null; match = QUOTE_MARK.exec(text)) {
    const at = match.index;
    const mark = match[0];
    if (open !== -1) {
      if (closes(opener, mark, text, at)) {
        found.push({ open, close: at, closed: true });
        open = -1;
      } else if (opener === '‘' && (OPENERS.has(mark) || mark === '"')) {
        // A ‘ that never closed before a double mark was an apostrophe (`in ‘08`).
        open = OPENERS.has(mark) || opensHere(text, at) ? at : -1;
        opener = mark;
      } else if (OPENERS.has(mark) && opener !== '‘') {
        let end = at;
        while (end > open + 1 && /\s/.test(text[end - 1]!)) end--;
        found.push({ open, close: end, closed: false });
        open = at;
        opener = mark;
      }
      continue;
    }
    if (OPENERS.has(mark) || (mark === '"' && opensHere(text, at)) || (mark === '‘' && opensHere(text, at) && /\p{L}/u.test(text[at + 1]!))) {
      open = at;
      opener = mark;
    }
    // Any other mark at the top level is a stray closing mark or an apostrophe.
  }
  if (open !== -1 && opener !== '‘') found.push({ open, close: text.length, closed: false });
  return found;
}

/** Does the text open with a quotation mark (after spaces)? Continued paragraphs do. */
export function opensWithQuotation(text: string): boolean {
  const first = /\S/.exec(text);
  if (first === null) return false;
  const mark = first[0];
  return OPENERS.has(mark) || mark === '"' || mark === '‘';
}

// Words after which a full stop does not end the sentence (lower case, no dot).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr gov sen sens rep reps lt col gen maj sgt capt cmdr adm prof rev st jr sr inc co corp ltd ' +
    'vs jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd dept approx pres supt atty messrs gens ' +
    'fig cf'
  ).split(' '),
);
// Words that start a sentence after a dotted abbreviation (`in the U.S. The …`).
const SENTENCE_OPENERS = new Set(
  'the a an he she it they we i but and in this that there his her its their on at as if when while'.split(' '),
);
const SENTENCE_END = /[.?!…]+/g;

/** The word (letters, digits and inner dots) that ends just before `at`, lower-cased. */
function wordBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && (isWordCode(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 46)) start--;
  return text.slice(start, at).toLowerCase();
}

/** The word that starts at `at`, lower-cased. */
function wordAt(text: string, at: number): string {
  let end = at;
  while (end < text.length && isWordCode(text.charCodeAt(end))) end++;
  return text.slice(at, end).toLowerCase();
}

/** Opens a sentence: a capital, a digit or an opening quotation mark. */
function opensSentence(code: number): boolean {
  return isUpperCode(code) || (code >= 48 && code <= 57) || code === 34 || code === 0x201c || code === 0x201e || code === 0xab || code === 0x2018;
}

/** Does the quotation end with `.`, `?`, `!` or `…` (spaces aside)? */
function endsWithStop(text: string, quotation: Quotation): boolean {
  let at = quotation.close - 1;
  while (at > quotation.open && isSpaceCode(text.charCodeAt(at))) at--;
  const code = text.charCodeAt(at);
  return at > quotation.open && (code === 46 || code === 63 || code === 33 || code === 0x2026);
}

/**
 * Where the sentences of a block start, the first at 0. A sentence ends at `.`, `?`,
 * `!` or `…` outside quotation marks followed by a space and a capital, a digit or an
 * opening mark, unless the word before is an abbreviation (`Gov.`, `Jan.`) or an
 * initial; or at a closing mark whose quotation ends with such a stop and is followed
 * by a capital (`…can be.” But they`). Quotations are never split.
 */
export function sentenceStarts(text: string, quotations: readonly Quotation[]): number[] {
  const starts = [0];
  const boundary = (from: number): void => {
    let next = from;
    while (next < text.length && isSpaceCode(text.charCodeAt(next))) next++;
    if (next === from || next >= text.length || !opensSentence(text.charCodeAt(next))) return;
    if (next > starts[starts.length - 1]!) starts.push(next);
  };
  let q = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(text); match !== null; match = SENTENCE_END.exec(text)) {
    const at = match.index;
    while (q < quotations.length && quotations[q]!.close < at) {
      const quotation = quotations[q]!;
      // A quotation that ends a sentence inside its marks (`…can be.” But`).
      if (quotation.closed && endsWithStop(text, quotation)) boundary(quotation.close + 1);
      q++;
    }
    const inside = q < quotations.length && quotations[q]!.open < at && at <= quotations[q]!.close;
    if (inside) continue;
    let after = at + match[0].length;
    while (after < text.length && (text[after] === ')' || text[after] === ']')) after++;
    if (match[0] === '.') {
      const word = wordBefore(text, at);
      if (word.length === 1 || ABBREVIATIONS.has(word)) continue;
      if (word.includes('.')) {
        let next = after;
        while (next < text.length && isSpaceCode(text.charCodeAt(next))) next++;
        if (!SENTENCE_OPENERS.has(wordAt(text, next))) continue;
      }
    }
    boundary(after);
  }
  for (; q < quotations.length; q++) {
    const quotation = quotations[q]!;
    if (quotation.closed && endsWithStop(text, quotation)) boundary(quotation.close + 1);
  }
  return starts.sort((a, b) => a - b);
}

// Character classes by code, without a regular expression per character: the scans
// below run over every character of every paragraph.
const LETTER_OR_DIGIT_U = /[\p{L}\p{N}]/u;
const UPPER_U = /\p{Lu}/u;

/** Is the character with this code a letter or a digit? */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  // Latin-1 and Latin Extended letters (but × and ÷), the commonest outside ASCII.
  if (code >= 0xc0 && code < 0x250) return code !== 0xd7 && code !== 0xf7;
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  return LETTER_OR_DIGIT_U.test(String.fromCharCode(code));
}

function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER_U.test(String.fromCharCode(code));
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f;
}

const APOSTROPHE = 0x2019;

/**
 * Words (letters and digits, with inner apostrophes, hyphens and ampersands: `Kim’s`,
 * `face-to-face`, `AT&T`; and inner dots before at most three letters: `U.S`, `a.m`)
 * and single punctuation characters, from `from` to `to`.
 */
function pushWords(text: string, from: number, to: number, tokens: Token[]): void {
  let at = from;
  while (at < to) {
    const code = text.charCodeAt(at);
    if (isSpaceCode(code)) {
      at++;
      continue;
    }
    if (!isWordCode(code)) {
      const character = text[at]!;
      tokens.push({ kind: 'punct', start: at, end: at + 1, text: character, lower: character, capital: false, quote: -1, cue: false });
      at++;
      continue;
    }
    let end = at + 1;
    for (;;) {
      while (end < to && isWordCode(text.charCodeAt(end))) end++;
      if (end + 1 >= to) break;
      const joint = text.charCodeAt(end);
      if (joint === APOSTROPHE || joint === 39 || joint === 45 || joint === 38) {
        if (!isWordCode(text.charCodeAt(end + 1))) break;
        end += 2;
        continue;
      }
      if (joint === 46) {
        let letters = 0;
        while (end + 1 + letters < to && letters < 4 && isWordCode(text.charCodeAt(end + 1 + letters))) letters++;
        if (letters === 0 || letters > 3) break;
        end += 1 + letters;
        continue;
      }
      break;
    }
    const word = text.slice(at, end);
    const lower = word.toLowerCase();
    const cue = CUE_WORDS.has(lower);
    tokens.push({ kind: 'word', start: at, end, text: word, lower, capital: isUpperCode(code), quote: -1, cue });
    at = end;
  }
}

/**
 * The tokens of `text` from `from` to `to`: words and punctuation outside quotation
 * marks, and one `quote` token for each quotation that opens in the range (its marks
 * included in its offsets, its `text` the words between them).
 */
export function tokenize(text: string, from: number, to: number, quotations: readonly Quotation[]): Token[] {
  const tokens: Token[] = [];
  let at = from;
  for (let index = 0; index < quotations.length; index++) {
    const quotation = quotations[index]!;
    if (quotation.open < from) continue;
    if (quotation.open >= to) break;
    pushWords(text, at, quotation.open, tokens);
    const end = quotation.closed ? quotation.close + 1 : quotation.close;
    const words = text.slice(quotation.open + 1, quotation.close);
    tokens.push({ kind: 'quote', start: quotation.open, end, text: words, lower: words, capital: false, quote: index, cue: false });
    at = end;
  }
  pushWords(text, at, to, tokens);
  return tokens;
}

function words(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/));
}

/**
 * Verbs that attribute speech or writing, as a speaker's verb (`Kim said`, `said Putin`).
 * Note: `according` is one too, with the `to` that must follow it.
 */
export const SPEECH_VERBS = words(`
  said says say told tells added adds asked asks stressed stresses warned warns noted notes wrote writes
  tweeted tweets explained explains declared declares insisted insists argued argues claimed claims stated
  announced announces replied replies responded responds answered answers continued continues recalled
  recalls admitted admits acknowledged acknowledges conceded concedes suggested suggests predicted predicts
  promised promises vowed vows pledged pledges urged urges complained complains joked jokes quipped quips
  observed observes remarked remarks emphasized emphasises emphasised emphasizes reported reports confirmed
  confirms cautioned cautions countered counters shouted yelled posted reiterated reiterates concluded
  concludes maintained maintains testified alleged alleges boasted boasts charged contended contends
  exclaimed demanded demands wondered wonders mused muses thundered lamented laments reasoned opined
  assured assures informed informs retorted chanted barked beamed boomed interjected interjects snapped
  emailed texted read reads proclaimed proclaims affirmed affirms acknowledged recounted recounts
  elaborated explained cracked gushed scoffed sighed shrugged objected objects pressed presses
  reminded reminds confessed confesses bragged brags griped gripes echoed echoes retaliated
  quoted quotes concluded
`);

/** Two-word cues: the first word and the one that must follow (`went on`, `pointed out`, `according to`). */
export const TWO_WORD_CUES = new Map([
  ['according', 'to'],
  ['went', 'on'],
  ['goes', 'on'],
  ['pointed', 'out'],
  ['points', 'out'],
  ['shot', 'back'],
  ['fired', 'back'],
  ['wrote', 'in'],
]);

/** Speech verbs that also attribute a claim without quotation marks (`TASS reported that …`). */
export const REPORTING_VERBS = words(`
  said says say told tells reported reports added adds announced announces stated claimed claims confirmed
  confirms noted notes warned warns insisted insists argued argues wrote writes tweeted tweets explained
  explains predicted predicts alleged alleges acknowledged acknowledges admitted admits stressed stresses
  estimated estimates suggested suggests declared declares assured assures informed informs emphasized
  emphasised reiterated maintained maintains contended contends testified conceded concedes pointed points
`);

/** Verbs whose object is the listener (`told Kim`, `assured reporters`), skipped before the claim. */
export const LISTENER_VERBS = words('told tells asked asks assured assures informed informs warned warns urged urges');

/** Participles that attribute to the subject of the sentence (`…, saying that …`). */
export const PARTICIPLES = words(`
  saying adding telling noting warning arguing insisting explaining writing declaring stressing claiming
  stating announcing asking emphasizing emphasising suggesting predicting tweeting
`);

/** Between a speaker and its verb: `has`, `also`, `later`, `once again`. Words in -ly are skipped too. */
export const AUXILIARIES = words(`
  has have had also again later earlier previously once then reportedly publicly privately repeatedly
  recently initially first further often subsequently separately already since similarly even simply
  now still just quickly finally
  would will has had 've
`);

/** Personal pronouns that can be a speaker. */
export const PRONOUNS = words('he she they it we i you');

/** Pronouns that stand for a person (resolved to the last person named). */
export const PERSON_PRONOUNS = words('he she');

/** Listener objects: `told him`, `told reporters`. */
export const LISTENERS = words(`
  him her them us me you reporters journalists supporters lawmakers senators voters viewers listeners
  readers members delegates students workers crowds audiences
`);

/** Words that open a speaker's phrase and belong to it (`the Kremlin`, `two officials`); not `that` (`said that officials …`). */
export const DETERMINERS = words(`
  the a an his her its their our my your this these those some many most several other both few all
  two three four five six seven eight nine ten dozens hundreds thousands one
`);

/** Nouns that can head a speaker on their own (`analysts say`, `the ministry said`). */
export const SOURCE_NOUNS = words(`
  official officials analyst analysts expert experts source sources spokesman spokeswoman spokesperson
  spokespeople spokesmen ministry agency police government authorities authority diplomat diplomats
  observer observers economist economists trader traders dealer dealers banker bankers investor investors
  resident residents witness witnesses lawyer lawyers attorney attorneys prosecutor prosecutors critic
  critics supporter supporters opponent opponents aide aides adviser advisers advisor advisors campaign
  company firm department office committee report statement study survey poll polls newspaper paper
  website network researcher researchers scientist scientists doctor doctors officer officers soldier
  soldiers activist activists organizer organizers organiser organisers leader leaders people voters members
  lawmakers senators candidates candidate president minister secretary governor director chairman
  chairwoman executive manager strategist strategists team group union party court judge military army
  administration embassy council board bank industry documents records sheriff mayor ambassador envoy
  commander spokesmen insiders operatives consultant consultants pollster pollsters insider agencies
  ministries regulators regulator staff staffer staffers representatives representative commission
  delegation delegates coalition organization organisation association institute foundation center centre
  officials' television broadcaster broadcasters newspapers magazine outlet outlets protesters protestors
  demonstrators rebels militants military residents farmers workers employees students parents families
  victims family father mother wife husband son daughter brother sister friend friends neighbor neighbors
  neighbour neighbours spokesperson economist observer man woman men women person someone narrator
  moderator crowd audience reporter protester speaker ad ads email letter tweet message memo video headline
  release filing complaint lawsuit ruling document transcript sign banner announcer host anchor
  correspondent columnist editorial article book
`);

/** Lower-case words that lead into a name or a source noun (`news agency TASS`, `senior officials`). */
export const MODIFIERS = words(`
  news state foreign prime deputy vice former senior top chief general acting interim then-president
  press white house defense defence security health election campaign party federal local regional
  national international government administration military police presidential vice-presidential
  republican democratic independent official unnamed anonymous western eastern northern southern
  industry market trade finance economy economic energy justice interior intelligence nuclear
  communications public private legal political diplomatic congressional senate conservative liberal
  progressive longtime veteran prominent leading outgoing incoming presumptive likely fellow
`);

/** Titles and roles: they lead into a name (`Russian President Vladimir Putin`) or stand for one (`the senator`). */
export const TITLES = words(`
  nominee nominees rival rivals challenger front-runner frontrunner mogul billionaire businessman
  businesswoman candidate leader president minister secretary spokesman spokeswoman director executive
  agency chairman chairwoman governor senator congressman congresswoman lawmaker representative mayor
  ambassador envoy adviser advisor aide analyst economist strategist manager founder lawyer attorney
  professor commander host anchor correspondent reporter editor columnist writer author member
  co-founder ceo cfo head owner star actor actress singer chair officer general judge justice hopeful
  pollster consultant operative chief senators governors nominee speaker whip organizer organiser
  activist contender candidates vice-president
`);

/** Capitalised words that are not names: they never start or lengthen a speaker. */
export const NOT_NAMES = words(`
  The A An This That These Those It He She They We I You In On At But And Or So As If When While After
  Before Since For With Without By From To Of Despite Although Though Because Asked Still However Yet
  Meanwhile Also Then There Here His Her Its Their Our My Your Monday Tuesday Wednesday Thursday Friday
  Saturday Sunday January February March April May June July August September October November December
  Today Yesterday Tonight Last Next Earlier Later During Under Over Following Amid Among Instead Now
  Once Until Through Throughout Against Given Unlike Like Speaking Asked Not No Yes Some Many Most Both
  Every Each All Such What Which Who Whom Whose Where Why How Even Only Just Well Indeed Again Let Let’s
`);

/** Capitalised words that open an adverbial before the subject (`In an interview …, Putin`). */
export const ADVERBIAL_OPENERS = words(`
  In On At After Before During While When Since For Although Though Despite As With Without Under Over By
  From Following Amid Because If Unlike Like Asked Speaking Earlier Later Last This Yesterday Today
  Instead Still Now Then Once Until Through Throughout Among Against Given Meanwhile However Also
  Separately Elsewhere Overall Still Nonetheless Nevertheless Moreover Yet Recently Previously Indeed
  Addressing Writing Responding Referring Commenting Answering Back Even Soon Shortly
`);

/** Conjunctions after which a new clause, and so a speaker, may start. */
export const CLAUSE_OPENERS = words(`
  and but while when as because so although though after before since if that where whereas until once
  yet or nor
`);

/** Words right before a quotation that make it a name or a term, not a quotation (`the so-called "road map"`). */
export const NAMING_WORDS = words(`
  so-called dubbed called named titled entitled nicknamed labeled labelled branded termed term word words
  phrase slogan hashtag headline motto tagline show film book song series
`);

/** Small words a title may have in lower case (`Orange Is the New Black`). */
export const TITLE_SMALL_WORDS = words('a an the of and or in on at to for by with from is as vs');

/** Time adjuncts after a verb, before what was said (`said on Thursday`, `said last week`). */
export const TIME_WORDS = words(`
  on monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last this week
  month year night morning afternoon evening earlier later recently previously again then also repeatedly
  publicly privately separately once late early weekend
`);

/** Every word that can start a cue: the speech verbs, the participles, the first words of two-word cues. */
const CUE_WORDS = new Set([...SPEECH_VERBS, ...PARTICIPLES, ...TWO_WORD_CUES.keys()]);
