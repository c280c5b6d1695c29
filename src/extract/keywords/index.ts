/**
 * Key words and phrases of a report: TF-IDF (jieba's IDF) or TextRank over
 * content terms, with collocation phrases merged in; keyness of one report
 * against others (G²); top terms per section.
 *
 * Library entry points work on `SourceText`, `PolicyDocument` or segmented lines
 * (`Token[][]`, one array per paragraph as `segmentLines` returns).
 */
import type { SourceText } from '../../io/read.js';
import { textLength } from '../../segment/frequency.js';
import { segmentColumns, tokenLines, type SegmentedText, type SegmentOptions, type Token } from '../../segment/segment.js';
import type { PolicyDocument, Section } from '../../structure/types.js';
import { sectionLabel } from '../../structure/index.js';
import { keyness, mergeCounts, type KeynessOptions, type KeynessRow } from './keyness.js';
import { applyPhrases, learnAndCount, learnAndMerge, type PhraseModel, type CollocationOptions } from './phrases.js';
import { contentTerms, contentTermTest, countParagraphs, countTerms, type Term, type TermCounts, type TermOptions } from './terms.js';
import { idfOf, jiebaIdf } from './idf.js';
import { tfidfRank, tfidfTopOfTallies, type RankedTerm, type TfScheme } from './tfidf.js';
import { textRank, type TextRankOptions } from './textrank.js';

export * from './keyness.js';
export * from './phrases.js';
export * from './terms.js';
export { tfidfRank, type RankedTerm, type TfScheme } from './tfidf.js';
export { textRank, type TextRankOptions } from './textrank.js';
export { jiebaIdf, parseIdf, idfOf, type IdfTable } from './idf.js';

export type KeywordMethod = 'tfidf' | 'textrank';

export interface KeywordOptions extends TermOptions {
  method?: KeywordMethod;
  /** Term-frequency scheme for TF-IDF (default 'log'). */
  tf?: TfScheme;
  /** How many to return (0: all). Default 20. */
  top?: number;
  /**
   * Phrase merging: true (default) learns phrases from the input itself;
   * a PhraseModel applies one learnt elsewhere (e.g. from a whole corpus); false: single words only.
   */
  phrases?: boolean | PhraseModel;
  phraseOptions?: CollocationOptions;
  textRank?: TextRankOptions;
}

/** A text ready for key-phrase work. */
export interface KeywordText {
  path: string;
  /** Normalised text. */
  text: string;
  /** Segmented paragraphs (one token array per line of `text`). */
  lines: Token[][];
}

export type KeywordInput = SourceText | PolicyDocument | KeywordText;

function sourceOf(input: SourceText | PolicyDocument): SourceText {
  return 'source' in input ? input.source : input;
}

/** Segments a source (or document) for key-phrase work; pass the result around to avoid segmenting twice. */
export function keywordText(input: KeywordInput, segment: SegmentOptions = {}): KeywordText {
  if ('lines' in input) return input;
  const source = sourceOf(input);
  return segmentedText(source.path, source.text, segmentColumns(source.text, segment));
}

/** Where a KeywordText made by keywordText keeps its columns, and its Token lines once made or set. */
const SEGMENTED = Symbol('segmented');

interface Segmented {
  columns: SegmentedText;
  lines: Token[][] | null;
}

/**
 * A plain KeywordText whose `lines` are made from the columns when first read (an accessor, but an
 * own enumerable property like the others: copies, JSON and assignment behave as with a plain
 * object). Until then, key phrases are learnt from the columns themselves (learnAndCount), which
 * is all `batch` asks of most reports; once made or set, the lines are what counts (a caller may
 * have changed them).
 */
function segmentedText(path: string, text: string, columns: SegmentedText): KeywordText {
  const kt = { path, text } as KeywordText;
  Object.defineProperty(kt, SEGMENTED, { value: { columns, lines: null } satisfies Segmented });
  Object.defineProperty(kt, 'lines', { get: madeLines, set: replaceLines, enumerable: true, configurable: true });
  return kt;
}

function segmentedOf(text: KeywordText): Segmented | undefined {
  return (text as { [SEGMENTED]?: Segmented })[SEGMENTED];
}

function madeLines(this: KeywordText): Token[][] {
  const s = segmentedOf(this)!;
  return (s.lines ??= tokenLines(s.columns));
}

function replaceLines(this: KeywordText, lines: Token[][]): void {
  segmentedOf(this)!.lines = lines;
}

/** The columns of a text keywordText segmented, while no Token lines have been made or set. */
function untouchedColumns(text: KeywordText): SegmentedText | null {
  const s = segmentedOf(text);
  return s && !s.lines ? s.columns : null;
}

/** The number of lines of a keyword text (without making its Token objects). */
export function lineCount(text: KeywordText): number {
  return untouchedColumns(text)?.lineEnds.length ?? text.lines.length;
}

/** The text's term stream: phrases merged, content terms only, one array per paragraph. */
export interface DocumentTerms {
  path: string;
  paragraphs: Term[][];
  counts: TermCounts;
}

export function documentTerms(text: KeywordText, model: PhraseModel | null, options: TermOptions = {}): DocumentTerms {
  return termsOf(text, model ? text.lines.map((line) => applyPhrases(line, model)) : text.lines, options);
}

/** documentTerms on lines that already have the phrases merged in (`kept`: their content terms, when known). */
function termsOf(text: KeywordText, lines: Term[][] | null, options: TermOptions, kept?: Term[][] | null): DocumentTerms {
  const paragraphs = kept ?? lines!.map((line) => contentTerms(line, options));
  return { path: text.path, paragraphs, counts: countParagraphs(paragraphs, textLength(text.text)) };
}

/** The phrase model for `texts`, and each text's lines with it applied. */
interface Phrased {
  model: PhraseModel | null;
  /** Per text, its lines with the model's phrases merged (the lines themselves without a model); null when `kept` is set. */
  lines: Array<Term[][] | null>;
  /** Per text, the content terms of each of those lines (when `terms` options were given). */
  kept: Array<Term[][] | null>;
}

/** (`withModel`: the caller shows the model; otherwise a model learnt here is null.) */
function modelFor(texts: KeywordText[], phrases: KeywordOptions['phrases'], options?: CollocationOptions, terms?: TermOptions, withModel = false): Phrased {
  const none = texts.map(() => null);
  if (phrases === false) return { model: null, lines: texts.map((t) => t.lines), kept: none };
  if (phrases && phrases !== true) {
    const model = phrases;
    return { model, lines: texts.map((t) => t.lines.map((line) => applyPhrases(line, model))), kept: none };
  }
  // learnt from the texts: one stream per line (pairs never cross a line break, so the model is the
  // one learnt from each text as a whole), and the learning merges the lines anyway
  const { model, merged, kept } = learnAndMerge(
    texts.flatMap((t) => t.lines),
    options,
    terms ? contentTermTest(terms) : undefined,
    withModel,
  );
  const lines: Array<Term[][] | null> = [];
  const keptPerText: Array<Term[][] | null> = [];
  let k = 0;
  for (const t of texts) {
    lines.push(merged ? merged.slice(k, k + t.lines.length) : null);
    keptPerText.push(kept ? kept.slice(k, k + t.lines.length) : null);
    k += t.lines.length;
  }
  return { model, lines, kept: keptPerText };
}

function rank(terms: DocumentTerms, options: KeywordOptions): RankedTerm[] {
  let rows: RankedTerm[];
  const top = options.top ?? 20;
  if (options.method === 'textrank') {
    const idf = jiebaIdf();
    const bias = (t: string) => idfOf(idf, t, terms.counts.parts.get(t)) ** 2;
    rows = textRank(terms.paragraphs, terms.counts, { bias, ...options.textRank });
  } else rows = tfidfRank(terms.counts, options.tf, undefined, top);
  return top > 0 ? rows.slice(0, top) : rows;
}

/** Top key words and phrases of one text. */
export function extractKeywords(input: KeywordInput, options: KeywordOptions = {}, segment: SegmentOptions = {}): RankedTerm[] {
  const text = keywordText(input, segment);
  if (options.method !== 'textrank' && (options.phrases ?? true) === true) {
    // TF-IDF reads only the counts: the terms are tallied as the learning leaves them, by word id,
    // without making the kept lines (textrank needs those, and a given model merges without learning)
    const tallies = learnAndCount(untouchedColumns(text) ?? text.lines, options.phraseOptions ?? {}, contentTermTest(options));
    return tfidfTopOfTallies(tallies, textLength(text.text), options.tf, undefined, options.top ?? 20);
  }
  const phrased = modelFor([text], options.phrases, options.phraseOptions, options);
  return rank(termsOf(text, phrased.lines[0], options, phrased.kept[0]), options);
}

export interface CorpusKeywords {
  /** Phrases learnt from all the texts together. */
  model: PhraseModel | null;
  documents: Array<{ path: string; keywords: RankedTerm[]; terms: DocumentTerms }>;
}

/** Key words of several texts, with phrases learnt from all of them together (same phrase list for each). */
export function corpusKeywords(inputs: KeywordInput[], options: KeywordOptions = {}, segment: SegmentOptions = {}): CorpusKeywords {
  const texts = inputs.map((i) => keywordText(i, segment));
  const phrased = modelFor(texts, options.phrases, options.phraseOptions, options, true);
  return {
    model: phrased.model,
    documents: texts.map((t, i) => {
      const terms = termsOf(t, phrased.lines[i], options, phrased.kept[i]);
      return { path: t.path, keywords: rank(terms, options), terms };
    }),
  };
}

export interface DocumentKeyness {
  path: string;
  /** What the document was compared with: the other paths, or the --against paths. */
  reference: string[];
  /** Every term, most characteristic of this document first (signed G² descending). */
  rows: KeynessRow[];
}

/**
 * Keyness of each target against a reference: against `reference` when given,
 * otherwise each target against all the other targets pooled. Phrases are learnt
 * from targets and references together, so both sides count the same terms.
 */
export function corpusKeyness(
  targets: KeywordInput[],
  reference: KeywordInput[] = [],
  options: KeywordOptions & KeynessOptions = {},
  segment: SegmentOptions = {},
): DocumentKeyness[] {
  const tTexts = targets.map((i) => keywordText(i, segment));
  const rTexts = reference.map((i) => keywordText(i, segment));
  const phrased = modelFor([...tTexts, ...rTexts], options.phrases, options.phraseOptions, options);
  const tTerms = tTexts.map((t, i) => termsOf(t, phrased.lines[i], options, phrased.kept[i]));
  const rTerms = rTexts.map((t, i) => termsOf(t, phrased.lines[tTexts.length + i], options, phrased.kept[tTexts.length + i]));
  return tTerms.map((doc, i) => {
    const refs = rTerms.length ? rTerms : tTerms.filter((_, j) => j !== i);
    return {
      path: doc.path,
      reference: refs.map((r) => r.path),
      rows: refs.length ? keyness(doc.counts, mergeCounts(refs.map((r) => r.counts)), options) : [],
    };
  });
}

/** Top terms of a slice of a document (its level-1 or level-2 sections). */
export interface SectionKeywords {
  sectionId: string;
  level: number;
  heading: string;
  keywords: RankedTerm[];
}

/** Sections of the given level (1 or 2; level 2 falls back to the level-1 section when it has no children). */
export function sectionsAtLevel(sections: Section[], level: 1 | 2): Section[] {
  if (level === 1) return sections;
  return sections.flatMap((s) => (s.children.length ? s.children : [s]));
}

/**
 * Key terms of each section. Phrases are learnt from the whole document; each
 * section is ranked on its own terms (TF-IDF or TextRank as chosen).
 */
export function keywordsBySection(doc: PolicyDocument, level: 1 | 2 = 1, options: KeywordOptions = {}, segment: SegmentOptions = {}): SectionKeywords[] {
  const text = keywordText(doc, segment);
  const phrased = modelFor([text], options.phrases, options.phraseOptions, options);
  const all = termsOf(text, phrased.lines[0], options, phrased.kept[0]);
  return sectionsAtLevel(doc.sections, level).map((s) => {
    const paragraphs = all.paragraphs.map((p) => p.filter((t) => t.start >= s.start && t.end <= s.end)).filter((p) => p.length);
    const counts = countTerms(paragraphs.flat(), textLength(doc.source.text.slice(s.start, s.end)));
    return { sectionId: s.id, level: s.level, heading: sectionLabel(s), keywords: rank({ path: text.path, paragraphs, counts }, options) };
  });
}
