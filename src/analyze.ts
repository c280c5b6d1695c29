/**
 * `analyze`: everything policytext knows about one report, in one object.
 * Grows as analyses land; each part comes from its own module.
 */
import type { SourceText } from './io/read.js';
import { segmentLines, type SegmentOptions, type Token } from './segment/segment.js';
import { tokenFrequencies, textLength, type FrequencyRow } from './segment/frequency.js';
import { structureDocument, type StructureOverrides } from './structure/build.js';
import { outlineOf, type OutlineNode, type OutlinePassage } from './structure/outline.js';
import type { DocumentMetadata } from './structure/types.js';
import { extractFigures } from './extract/figures/index.js';
import type { Figure } from './extract/figure-types.js';
import { extractKeywords, keywordText, type RankedTerm } from './extract/keywords/index.js';
import { extractSlogans, type Slogan } from './extract/slogans.js';

export interface TokenStats {
  /** Characters of normalised text, line breaks excluded. */
  chars: number;
  paragraphs: number;
  tokens: number;
  distinctTokens: number;
  /** Most frequent content words (nouns, verbs, verb-nouns), stop words and boilerplate left out. */
  topTerms: FrequencyRow[];
}

export interface Analysis {
  path: string;
  format: SourceText['format'];
  encoding: SourceText['encoding'];
  bytes: number;
  /** Place, plan/review year, date, title, size (see `policytext info`). */
  metadata: DocumentMetadata;
  /** Section tree down to level 2, with roles, years, offsets and sizes (see `policytext outline`). */
  outline: OutlineNode[];
  /** The main expected targets passage and the results summary, with their text. */
  passages: OutlinePassage[];
  /** Every figure (targets, results, other), as `policytext targets --kind all` gives them. */
  figures: Figure[];
  tokens: TokenStats;
  /** Top 20 key words and phrases (TF-IDF, see `policytext keywords`). */
  keywords: RankedTerm[];
  /** Quoted terms and numbered slogans (see `policytext slogans`). */
  slogans: Slogan[];
}

export function tokenStats(source: SourceText, options: SegmentOptions = {}): TokenStats {
  return statsOf(source, segmentLines(source.text, options));
}

/** tokenStats on the text's segmented lines (segmentLines), so one segmentation serves several analyses. */
function statsOf(source: SourceText, lines: Token[][]): TokenStats {
  const tokens = lines.flat();
  const chars = textLength(source.text);
  const words = tokens.filter((t) => t.word.trim());
  return {
    chars,
    paragraphs: source.text.split('\n').length,
    tokens: words.length,
    distinctTokens: new Set(words.map((t) => t.word)).size,
    topTerms: tokenFrequencies(tokens, chars, { pos: ['n', 'v', 'vn', 'nz', 'ns', 'eng'], dropStopwords: true, dropBoilerplate: true, top: 20 }),
  };
}

export function analyzeSource(source: SourceText, options: SegmentOptions & StructureOverrides = {}): Analysis {
  const doc = structureDocument(source, { place: options.place, year: options.year });
  const outline = outlineOf(doc, 2);
  // segmented once, for the token statistics and the key phrases
  const segmented = keywordText(source, options);
  return {
    path: source.path,
    format: source.format,
    encoding: source.encoding,
    bytes: source.bytes,
    metadata: outline.metadata,
    outline: outline.sections,
    passages: outline.passages,
    figures: extractFigures(doc),
    tokens: statsOf(source, segmented.lines),
    keywords: extractKeywords(segmented, { top: 20 }, options),
    slogans: extractSlogans(doc),
  };
}
