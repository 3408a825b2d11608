/**
 * How well and how fast Slugline's named-entity tagger finds names in CoNLL-2003's
 * validation set (valid.txt, Reuters copy of 1996), beside two JavaScript NLP
 * libraries in the same run: compromise (its people, places and organisations, and
 * demonyms for MISC) and wink-nlp with wink-eng-lite-web-model (whose entities are
 * dates, amounts and the like, not names: its proper-noun runs stand in, untyped).
 *
 * Accuracy is conlleval's: entity-level precision, recall and F1, an entity counting
 * only when its span and type are exactly right, per type and overall; plus the same
 * with types ignored (is the span right?), the only figure wink can be given.
 *
 * Every system reads the same documents. Ours reads them twice: as CoNLL's tokens
 * (`tagTokens`, what `slugline ner --conll` does) and as raw text (`findEntities`,
 * tokenizer included). The raw text is the tokens joined back as a writer would have
 * them (no space before `,` or `'s`, none inside quotes), one blank line between
 * sentences; each system's character spans are mapped back to the CoNLL tokens they
 * overlap, so all are scored on the same tokens.
 *
 * Speed: tokens (CoNLL's) per second, in alternating rounds, median of the rounds,
 * both by the wall clock and by the process's CPU time (one core: JavaScript runs on
 * one thread; the CPU time also counts the garbage collector's helper threads). The
 * machine is shared, so the CPU-time figure is the steadier one.
 *
 * Run: `npm run bench:ner` (it builds first; needs ../shared/data/conll2003).
 * Writes `bench/results/ner.json`.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import { evaluate, readConll } from '../src/enrich/entities/conll.js';
import type { ConllDocument, Evaluation } from '../src/enrich/entities/conll.js';
import type * as TaggerModule from '../src/enrich/entities/tagger.js';
import { sharedPath } from '../src/testing/shared-data.js';

const { findEntities, nerTagger } = (await import(new URL('../dist/src/enrich/entities/tagger.js', import.meta.url).href)) as typeof TaggerModule;

/** A document as raw text, and where each of its CoNLL tokens is in it. */
interface RawDocument {
  text: string;
  /** Per sentence, per token: `[start, end)` in `text`. */
  places: [number, number][][];
  tokenCount: number;
}

/** A name a system found, as a character span of the raw text. */
interface CharacterSpan {
  type: string;
  start: number;
  end: number;
}

const noSpaceBefore = /^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m|\.\.\.)$/i;
const noSpaceAfter = /^[([{$£]$/;

/** The tokens of a document joined back into text, one blank line between sentences. */
export function rawDocument(document: ConllDocument): RawDocument {
  let text = '';
  const places: [number, number][][] = [];
  let tokenCount = 0;
  for (const sentence of document) {
    if (text !== '') text += '\n\n';
    const sentencePlaces: [number, number][] = [];
    let quoteOpen = false;
    let glue = true;
    for (const token of sentence.tokens) {
      const isQuote = token === '"';
      const attach = glue || (isQuote ? quoteOpen : noSpaceBefore.test(token));
      if (!attach) text += ' ';
      sentencePlaces.push([text.length, text.length + token.length]);
      text += token;
      glue = noSpaceAfter.test(token) || (isQuote && !quoteOpen);
      if (isQuote) quoteOpen = !quoteOpen;
    }
    places.push(sentencePlaces);
    tokenCount += sentence.tokens.length;
  }
  return { text, places, tokenCount };
}

/** IOB2 tags per sentence from character spans: a span tags every token it overlaps, unless one of them is tagged already (then it is dropped). */
export function tagsFromSpans(raw: RawDocument, spans: CharacterSpan[]): string[][] {
  const tags = raw.places.map((sentence) => sentence.map(() => 'O'));
  for (const span of spans) {
    raw.places.forEach((sentence, sentenceIndex) => {
      const covered = sentence.flatMap(([start, end], index) => (start < span.end && end > span.start ? [index] : []));
      if (covered.length === 0 || covered.some((index) => tags[sentenceIndex]![index] !== 'O')) return;
      covered.forEach((index, position) => {
        tags[sentenceIndex]![index] = `${position === 0 ? 'B' : 'I'}-${span.type}`;
      });
    });
  }
  return tags;
}

const ourTypes: Record<string, string> = { person: 'PER', organisation: 'ORG', place: 'LOC', other: 'MISC' };

function ourSpans(text: string): CharacterSpan[] {
  return findEntities(text).map((entity) => ({ type: ourTypes[entity.type]!, start: entity.start, end: entity.end }));
}

interface CompromiseTerm {
  tags: string[];
  offset: { start: number; length: number };
}

/** compromise: people → PER, organizations → ORG, places → LOC, demonyms → MISC; honorifics (`President`, `Dr`) left out of a person. */
function compromiseSpans(text: string): CharacterSpan[] {
  const doc = nlp(text);
  const spans: CharacterSpan[] = [];
  const views: [string, { json: (options: object) => unknown }][] = [
    ['PER', doc.people()],
    ['ORG', doc.organizations()],
    ['LOC', doc.places()],
    ['MISC', doc.match('#Demonym')],
  ];
  for (const [type, view] of views) {
    for (const match of view.json({ offset: true }) as { terms: CompromiseTerm[] }[]) {
      const terms = match.terms.filter((term) => !(type === 'PER' && term.tags.includes('Honorific')));
      if (terms.length === 0) continue;
      const last = terms[terms.length - 1]!;
      spans.push({ type, start: terms[0]!.offset.start, end: last.offset.start + last.offset.length });
    }
  }
  return spans;
}

const wink = winkNLP(winkModel);
const its = wink.its;

/** wink-nlp: each run of tokens it tags PROPN, as a name of no type. */
function winkSpans(text: string): CharacterSpan[] {
  const doc = wink.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const parts = doc.tokens().out(its.pos) as string[];
  const spans: CharacterSpan[] = [];
  let offset = 0;
  let open: CharacterSpan | null = null;
  values.forEach((value, index) => {
    offset += spaces[index]!.length;
    // wink keeps every character of the text in a token or the spaces before one.
    const start = text.startsWith(value, offset) ? offset : text.indexOf(value, offset);
    const end = start + value.length;
    offset = end;
    if (parts[index] === 'PROPN') {
      if (open) open.end = end;
      else open = { type: 'NAME', start, end };
    } else if (open) {
      spans.push(open);
      open = null;
    }
  });
  if (open) spans.push(open);
  return spans;
}

/** The same tags with every type made one (`B-NAME`): is the span right, whatever its type? */
function untyped(tags: string[][]): string[][] {
  return tags.map((sentence) => sentence.map((tag) => (tag === 'O' ? tag : `${tag.slice(0, 2)}NAME`)));
}

interface SystemResult {
  system: string;
  reads: string;
  typed: Evaluation | null;
  untypedF1: number;
  tokensPerSecondWall: number;
  tokensPerCpuSecond: number;
}

function median(values: number[]): number {
  return [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
}

interface System {
  name: string;
  reads: string;
  typed: boolean;
  /** What the system makes of every document (the part timed). */
  run: () => unknown[];
  /** That output as IOB2 tags per sentence of each document. */
  tags: (output: unknown[]) => string[][][];
}

async function main(): Promise<void> {
  const path = sharedPath('conll2003/valid.txt');
  if (!path) {
    console.log('needs ../shared/data/conll2003/valid.txt, which is absent: skipped');
    return;
  }
  const documents = readConll(readFileSync(path, 'utf8'));
  const raws = documents.map(rawDocument);
  const tokens = raws.reduce((sum, raw) => sum + raw.tokenCount, 0);
  const gold = documents.flatMap((document) => document.map((sentence) => sentence.tags));

  const loadStart = performance.now();
  const loadCpuStart = process.cpuUsage();
  const tagger = nerTagger();
  const loadMs = performance.now() - loadStart;
  const loadCpu = process.cpuUsage(loadCpuStart);
  const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
  const modelUrl = new URL('../dist/src/enrich/entities/model/ner-model.json', import.meta.url);

  const fromSpans = (output: unknown[]) => output.map((spans, index) => tagsFromSpans(raws[index]!, spans as CharacterSpan[]));
  const systems: System[] = [
    {
      name: 'Slugline',
      reads: 'CoNLL tokens (tagTokens)',
      typed: true,
      run: () => documents.map((document) => document.map((sentence) => tagger.tag(sentence.tokens))),
      tags: (output) => output as string[][][],
    },
    { name: 'Slugline', reads: 'raw text (findEntities)', typed: true, run: () => raws.map((raw) => ourSpans(raw.text)), tags: fromSpans },
    { name: `compromise ${nlp.version}`, reads: 'raw text', typed: true, run: () => raws.map((raw) => compromiseSpans(raw.text)), tags: fromSpans },
    { name: 'wink-nlp + eng-lite-web-model', reads: 'raw text', typed: false, run: () => raws.map((raw) => winkSpans(raw.text)), tags: fromSpans },
  ];
  const rounds = Number(process.env.NER_ROUNDS ?? 5);
  const wall = systems.map(() => [] as number[]);
  const cpu = systems.map(() => [] as number[]);
  const predictions: string[][][] = [];
  for (let round = 0; round <= rounds; round++) {
    systems.forEach((system, index) => {
      const wallStart = performance.now();
      const cpuStart = process.cpuUsage();
      const output = system.run();
      const cpuUsed = process.cpuUsage(cpuStart);
      // Round 0 warms up and gives the tags scored.
      if (round === 0) predictions[index] = system.tags(output).flat();
      else {
        wall[index]!.push(tokens / ((performance.now() - wallStart) / 1000));
        cpu[index]!.push(tokens / ((cpuUsed.user + cpuUsed.system) / 1e6));
      }
    });
  }
  const results: SystemResult[] = systems.map((system, index) => ({
    system: system.name,
    reads: system.reads,
    typed: system.typed ? evaluate(gold, predictions[index]!) : null,
    untypedF1: evaluate(untyped(gold), untyped(predictions[index]!)).overall.f1,
    tokensPerSecondWall: Math.round(median(wall[index]!)),
    tokensPerCpuSecond: Math.round(median(cpu[index]!)),
  }));

  const percent = (value: number | undefined) => (value === undefined ? 'n/a' : (value * 100).toFixed(2));
  console.log(`CoNLL-2003 valid.txt: ${documents.length} documents, ${gold.length} sentences, ${tokens} tokens; ${rounds} timed rounds\n`);
  console.table(
    results.map((result) => ({
      system: result.system,
      reads: result.reads,
      'PER F1': percent(result.typed?.byType.PER.f1),
      'ORG F1': percent(result.typed?.byType.ORG.f1),
      'LOC F1': percent(result.typed?.byType.LOC.f1),
      'MISC F1': percent(result.typed?.byType.MISC.f1),
      P: percent(result.typed?.overall.precision),
      R: percent(result.typed?.overall.recall),
      F1: percent(result.typed?.overall.f1),
      'untyped F1': percent(result.untypedF1),
      'tokens/s (CPU)': result.tokensPerCpuSecond,
      'tokens/s (wall)': result.tokensPerSecondWall,
    })),
  );
  const ours = results[0]!;
  console.log(`Slugline: F1 ${percent(ours.typed!.overall.f1)} (target ≥ 88), ${ours.tokensPerCpuSecond} tokens per CPU second (target ≥ 200,000)`);
  const modelBytes = statSync(modelUrl).size;
  console.log(`model: ${(modelBytes / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms (${loadCpuMs.toFixed(0)} ms of CPU time)`);

  const folder = new URL('./results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    new URL('ner.json', folder),
    JSON.stringify(
      {
        benchmark: 'ner',
        description: 'CoNLL-2003 valid.txt, conlleval entity-level P/R/F1 (exact spans) per type and overall, and tokens per second, side by side',
        date: new Date().toISOString(),
        node: process.version,
        documents: documents.length,
        sentences: gold.length,
        tokens,
        rounds,
        model: { bytes: modelBytes, loadMs: Math.round(loadMs), loadCpuMs: Math.round(loadCpuMs), training: tagger.model.training },
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log('Wrote bench/results/ner.json');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
