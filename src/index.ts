/**
 * policytext library API. The CLI is a thin layer over these functions:
 * text → SourceText (io) → document (structure) → analyses (extract, compare) → renderers.
 */
export { InputError, UsageError, ExitCode, type InputErrorCode } from './errors.js';
export { readSource, sourceFromBytes, sourcePosition, DEFAULT_MAX_BYTES, type SourceText, type ReadOptions } from './io/read.js';
export { decodeBytes, type Encoding } from './io/decode.js';
export { normalizeText, type NormalizedText } from './io/normalize.js';
export { expandInputs, type InputEntry } from './io/inputs.js';
export { REPORT_EXTENSIONS, type SourceFormat } from './io/formats.js';
export { segment, segmentLines, isPunctuation, type Token, type SegmentOptions } from './segment/segment.js';
export { ensureJieba, jiebaLoadMilliseconds, parseUserDict, POLICY_DICT, DICT_DIR } from './segment/jieba.js';
export { PROTECTED_TOKEN, UNITS } from './segment/numbers.js';
export { genericStopwords, boilerplateWords, isStopword } from './segment/stopwords.js';
export { tokenFrequencies, textLength, type FrequencyOptions, type FrequencyRow } from './segment/frequency.js';
export * from './render/index.js';
export {
  structureDocument,
  readDocument,
  sectionPathAt,
  sectionAt,
  sentenceAt,
  passageAt,
  splitSentences,
  flattenSections,
  sectionById,
  spanText,
  isOutsideBody,
  type StructureOverrides,
} from './structure/index.js';
export type { PolicyDocument, Section, SectionRole, Passage, PassageKind, DocumentMetadata, MetadataSource, Span } from './structure/types.js';
export { runBatch, createBatchPool, summaryLine, type BatchOptions, type BatchSummary } from './batch/run.js';
export { processDocument, contentHash, type ProcessOptions } from './batch/analyze-one.js';
export { metadataFromPath, type PathMetadata } from './structure/path-metadata.js';
export { expandBatchInputs, type BatchItem } from './batch/inputs.js';
export { decodeZipName } from './batch/archives.js';
export { TABLES as BATCH_TABLES, type DocumentResult, type TableName as BatchTableName } from './batch/rows.js';
export { analyzeSource, tokenStats, type Analysis, type TokenStats } from './analyze.js';
export * from './compare/index.js';
export type { Figure, FigureKind, FigureMeasure, FigureBound } from './extract/figure-types.js';
export {
  extractFigures,
  figureRecords,
  filterFigures,
  qualitativeTargets,
  extractSentence,
  measureOf,
  canonicalOf,
  INDICATORS,
  scanQuantities,
  parseChineseNumber,
  FIGURE_COLUMNS,
  type FigureRecord,
  type FigureFilter,
  type SentenceFigure,
  type IndicatorEntry,
  type Quantity,
} from './extract/figures/index.js';
export { evaluate as evaluateHeadlineFigures, parseGold as parseHeadlineGold, type GoldRow, type EvalResult } from './extract/figures/evaluate.js';
export * from './extract/keywords/index.js';
export { findQuotes, classifyQuoted, isNumberedSlogan, extractSlogans, countSubstring, SLOGAN_MEASURES, MAX_TERM_CHARS, type Slogan, type SloganOptions, type QuoteMatch, type QuoteStyle, type QuotedClass } from './extract/slogans.js';
export { kwic, termPattern, matchSpans, type KwicHit, type KwicOptions } from './extract/kwic.js';
export { textFrequencyTable, termFrequencyTable, frequencyTableLong, frequencyTableWide, type FrequencyTable, type FrequencyTableRow, type CountMode } from './extract/frequency-table.js';
export { sectionRefAt, type SectionRef } from './extract/section-path.js';
