/**
 * What Slugline finds in a story beyond what the copy states in its structure: who
 * and what it is about, where and when, who said what, and the figures it gives.
 * The enrichers under `src/enrich/` fill it; readers never do. Every finding points
 * back into the text it was read from (a `Span`), so a desk can show it in place.
 */
export interface Enrichment {
  /** People, organisations, places and other names, each once with all its mentions. */
  entities: Entity[];
  /** Direct and partial quotations, and attributions to sources (`TASS reported`). */
  quotes: Quote[];
  /** Dates and periods the text names, resolved against the story's date. */
  times: TimeExpression[];
  /** Sums of money, quantities and counts, normalised. */
  amounts: Amount[];
  /** The dateline's place found in the gazetteer, and its date completed. */
  dateline: ResolvedDateline | null;
  /** The language the text is written in, as identified (beside `Story.language`, which is what the input declared). */
  language: IdentifiedLanguage | null;
  /** The enrichers that ran, in order (`entities`, `quotes`, …), for provenance. */
  enrichers: string[];
}

/**
 * A stretch of the story's text. `block` is an index into `Story.body`, or `null` for
 * the headline; `start` and `end` are UTF-16 offsets into that block's text (end
 * exclusive), so `text === body[block].text.slice(start, end)`.
 */
export interface Span {
  block: number | null;
  start: number;
  end: number;
  text: string;
}

/** CoNLL's four types: PER, ORG, LOC, MISC. */
export type EntityType = 'person' | 'organisation' | 'place' | 'other';

export interface Entity {
  /** Unique within the story: `e1`, `e2`, … in order of first mention. */
  id: string;
  type: EntityType;
  /** The fullest name the story uses (`Kim Jong Un` for `Kim`, `Vladimir Putin` for `Putin`). */
  name: string;
  /** Titles and roles the story gives it (`North Korean leader`, `Russian President`), as written, without repeats. */
  titles: string[];
  /** Every mention, in reading order, the title left out of the span. */
  mentions: Span[];
  /** For places: the gazetteer entry, where one is unambiguous; else null. */
  place: Gazetteer | null;
}

/** A place as the gazetteer knows it. */
export interface Gazetteer {
  /** The place's name in the gazetteer (`Vladivostok`). */
  name: string;
  /** ISO 3166-1 alpha-2 country code (`RU`); for a country itself, its own code. */
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  /** `city`, `country`, `region` (a state, a peninsula, a continent). */
  kind: 'city' | 'country' | 'region';
  /** The GeoNames id, where the gazetteer has one. */
  geonameId: number | null;
}

export interface ResolvedDateline {
  /** The dateline place in the gazetteer; null when not found or ambiguous. */
  place: Gazetteer | null;
  /**
   * The dateline's date, ISO 8601 (`2019-04-25`), a missing year inferred from when the
   * copy was sent; `--02-26` when no year is written and nothing tells it; null when
   * the dateline gives no date.
   */
  date: string | null;
  /** How the date was had: as written, or with the year inferred. */
  dateSource: 'written' | 'inferred-year' | null;
}

/**
 * A quotation or an attribution. `direct`: words in quotation marks given to a
 * speaker (`“…,” Kim said`); `partial`: a quoted phrase inside a sentence of the
 * writer's (`lashed out at “countries claiming sole global leadership”`); `indirect`:
 * a claim attributed to a source without quotation marks (`news agency TASS reported`,
 * `according to the Kremlin`, `analysts say`).
 */
export interface Quote {
  kind: 'direct' | 'partial' | 'indirect';
  /** The quoted words without their quotation marks, or the attributed claim for an indirect one. */
  text: string;
  /** Where the quoted words are; several spans when the quote runs on over paragraphs. */
  spans: Span[];
  /** The speaker as written where the attribution names it (`Kim`, `the Kremlin`, `analysts`); null when none is found. */
  speaker: string | null;
  /** The entity the speaker is, when resolved (`e1`); null for unnamed sources (`analysts`) or none. */
  speakerEntity: string | null;
  /** The verb or phrase that attributes it (`said`, `told`, `according to`, `reported`). */
  cue: string | null;
}

export type TimePrecision = 'day' | 'month' | 'year' | 'decade' | 'century';

export interface TimeExpression {
  span: Span;
  /**
   * The time resolved, ISO 8601 to its precision: `2019-04-25` (day), `2019-02` (month),
   * `2018` (year), `198` (the decade of the 1980s), `19` (a century); for a period, its start.
   */
  value: string;
  precision: TimePrecision;
  /** `point`; `since` (`since March 2018`: from then on); `until`; `range` with `end`. */
  relation: 'point' | 'since' | 'until' | 'range';
  /** The end of a range, to the same precision; else null. */
  end: string | null;
  /** What it was resolved against: the story's date, ISO 8601; null when the expression was absolute. */
  anchor: string | null;
}

export interface Amount {
  span: Span;
  kind: 'money' | 'quantity' | 'count';
  /** The number (`$25 million` → 25000000). */
  value: number;
  /** ISO 4217 for money (`USD`), a unit for quantities (`tonne`, `km`), what is counted for counts (`labourers`); null when none. */
  unit: string | null;
}

export interface IdentifiedLanguage {
  /** BCP 47 / ISO 639-1 where there is one (`en`, `ru`). */
  code: string;
  /** From 0 to 1. */
  confidence: number;
}
