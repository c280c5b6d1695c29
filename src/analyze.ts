/**
 * `analyze`: everything policytext knows about one report, in one object.
 * Grows as analyses land; each part comes from its own module.
 */
import type { SourceText } from './io/read.js';
import { segmentLines, type SegmentOptions } from './segment/segment.js';
import { tokenFrequencies, textLength, type FrequencyRow } from './segment/frequency.js';

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
  tokens: TokenStats;
}

export function tokenStats(source: SourceText, options: SegmentOptions = {}): TokenStats {
  const tokens = segmentLines(source.text, options).flat();
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

export function analyzeSource(source: SourceText, options: SegmentOptions = {}): Analysis {
  return {
    path: source.path,
    format: source.format,
    encoding: source.encoding,
    bytes: source.bytes,
    tokens: tokenStats(source, options),
  };
}
