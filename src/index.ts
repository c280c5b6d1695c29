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
