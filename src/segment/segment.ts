/**
 * Segmentation of normalised text into tokens with part of speech and offsets.
 * Quantities and alphanumeric names are cut out first (see numbers.ts) and jieba
 * (HMM on, with jieba's part of speech; see cutWithTags) segments the text between them.
 */
import { cutRangesWithTags, ensureJieba, type JiebaOptions } from './jieba.js';
import { PROTECTED_TOKEN, protectedTag } from './numbers.js';

export interface Token {
  word: string;
  /** jieba part-of-speech tag (ICTCLAS set: n, v, vn, nz, ns, m, x …); `m` for protected quantities. */
  tag: string;
  /** Offset of the first character in the normalised text. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

export type SegmentOptions = JiebaOptions;

/**
 * Word keys (jieba.ts, wordOfKey) of the token arrays segment and segmentLines made. Plain arrays of
 * small integers: a typed array per line costs an off-heap backing store each (≈ 0.4 µs against
 * 0.06 for an array of 30, and a report has hundreds of lines).
 */
const tokenKeys = new WeakMap<readonly Token[], number[]>();

/**
 * The word key of each token of a line segment or segmentLines returned (−1: none), or undefined
 * for arrays made elsewhere. A key is only a hint: check wordOfKey(key) against the token's word
 * (the array may have been changed since).
 */
export function wordKeysOf(tokens: readonly Token[]): readonly number[] | undefined {
  return tokenKeys.get(tokens);
}

/**
 * A segmented text as columns: per token its word, tag, offsets and word key, and where each line
 * ends. What segment and segmentLines make their Token objects from; phrase learning reads it as
 * it is (a report has tens of thousands of tokens, and an object per token is most of the
 * segmentation's allocation).
 */
export interface SegmentedText {
  words: string[];
  tags: string[];
  /** Offsets (in the text, + base) of each token's first character and after its last. */
  starts: Int32Array;
  ends: Int32Array;
  /** Word keys (jieba.ts, wordOfKey; −1: none), or null when segmentation did not give them. */
  keys: Int32Array | null;
  /**
   * The wordKeyEpoch() the keys were made in (−1: not one epoch). While it is current, a key
   * stands for its token's word and tag (RangeWords.keyEpoch); after, the keys are only hints.
   */
  keyEpoch: number;
  /** Per line, the index after its last token. */
  lineEnds: Int32Array;
}

/** Segments `text`; token offsets are relative to `base`. */
export function segment(text: string, options: SegmentOptions = {}, base = 0): Token[] {
  ensureJieba(options);
  return tokenLines(segmentStretches(text, [0, text.length], base))[0]!;
}

/** Segments line by line, so no token crosses a paragraph break. Returns one token array per line. */
export function segmentLines(text: string, options: SegmentOptions = {}): Token[][] {
  return tokenLines(segmentColumns(text, options));
}

/** segmentLines as columns (see SegmentedText). */
export function segmentColumns(text: string, options: SegmentOptions = {}): SegmentedText {
  ensureJieba(options);
  const bounds: number[] = [];
  for (let from = 0; ; ) {
    const nl = text.indexOf('\n', from);
    bounds.push(from, nl < 0 ? text.length : nl);
    if (nl < 0) break;
    from = nl + 1;
  }
  return segmentStretches(text, bounds, 0);
}

/** The Token arrays of segmented columns, one per line, each with its word keys (wordKeysOf). */
export function tokenLines(seg: SegmentedText): Token[][] {
  const { words, tags, starts, ends, keys, lineEnds } = seg;
  const out: Token[][] = [];
  for (let l = 0, i = 0; l < lineEnds.length; l++) {
    const to = lineEnds[l]!;
    const tokens = new Array<Token>(to - i);
    const lineKeys = keys ? new Array<number>(to - i) : null;
    for (let k = 0; i < to; i++, k++) {
      tokens[k] = { word: words[i]!, tag: tags[i]!, start: starts[i]!, end: ends[i]! };
      if (lineKeys) lineKeys[k] = keys![i]!;
    }
    if (lineKeys) tokenKeys.set(tokens, lineKeys);
    out.push(tokens);
  }
  return out;
}

/**
 * The tokens of each stretch [bounds[2k], bounds[2k + 1]) of `text`, offsets + `base`, one line
 * per stretch. Protected quantities and names (numbers.ts) are found in each stretch first; jieba
 * segments everything between them, for all stretches in one call (cutRangesWithTags).
 */
function segmentStretches(text: string, bounds: number[], base: number): SegmentedText {
  // pass 1: the jieba ranges and the protected tokens, in text order, each stretch's end marked
  const ranges: number[] = [];
  const guarded: Array<{ word: string; at: number }> = [];
  const rangesEnd: number[] = [];
  const guardedEnd: number[] = [];
  for (let b = 0; b < bounds.length; b += 2) {
    const from = bounds[b]!;
    const to = bounds[b + 1]!;
    // the expression runs on the stretch alone, as it always has (its context ends with the stretch)
    const stretch = from === 0 && to === text.length ? text : text.slice(from, to);
    let last = 0;
    PROTECTED_TOKEN.lastIndex = 0;
    for (let m = PROTECTED_TOKEN.exec(stretch); m; m = PROTECTED_TOKEN.exec(stretch)) {
      if (m.index > last) ranges.push(from + last, from + m.index);
      guarded.push({ word: m[0], at: from + m.index });
      last = m.index + m[0].length;
    }
    if (stretch.length > last) ranges.push(from + last, to);
    rangesEnd.push(ranges.length);
    guardedEnd.push(guarded.length);
  }
  const cut = cutRangesWithTags(text, Uint32Array.from(ranges));
  const { words: cutWords, tags: cutTags, counts, exact } = cut;
  const cutKeys = cut.keys;
  // pass 2: the jieba words of each range and the protected tokens between them, in text order
  const size = cutWords.length + guarded.length;
  const seg: SegmentedText = {
    words: new Array<string>(size),
    tags: new Array<string>(size),
    starts: new Int32Array(size),
    ends: new Int32Array(size),
    keys: cutKeys ? new Int32Array(size) : null,
    keyEpoch: cutKeys ? (cut.keyEpoch ?? -1) : -1,
    lineEnds: new Int32Array(rangesEnd.length),
  };
  const { words, tags, starts, ends, keys } = seg;
  let r = 0;
  let g = 0;
  let w = 0;
  let i = 0;
  for (let s = 0; s < rangesEnd.length; s++) {
    while (r < rangesEnd[s]! || g < guardedEnd[s]!) {
      if (r < rangesEnd[s]! && (g >= guardedEnd[s]! || ranges[r]! < guarded[g]!.at)) {
        const to = ranges[r + 1]!;
        let pos = ranges[r]!;
        for (const last = w + counts[r >> 1]!; w < last; w++, i++) {
          const word = cutWords[w]!;
          // exact words are the range's slices, in order; jieba's strings are checked (and in the
          // unlikely case one is not where expected, looked for further on)
          let start = pos;
          if (!exact && !text.startsWith(word, pos)) {
            const at = text.indexOf(word, pos);
            if (at >= 0 && at < to) start = at;
          }
          words[i] = word;
          tags[i] = cutTags[w]!;
          starts[i] = base + start;
          ends[i] = base + start + word.length;
          if (keys) keys[i] = cutKeys![w]!;
          pos = start + word.length;
        }
        r += 2;
      } else {
        const { word, at } = guarded[g++]!;
        words[i] = word;
        tags[i] = protectedTag(word);
        starts[i] = base + at;
        ends[i] = base + at + word.length;
        if (keys) keys[i] = -1;
        i++;
      }
    }
    seg.lineEnds[s] = i;
  }
  return seg;
}

const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;
const punctuationCache = new Map<string, boolean>();

/** True for tokens made only of whitespace or punctuation (memoised: the same few thousand words recur). */
export function isPunctuation(word: string): boolean {
  let v = punctuationCache.get(word);
  if (v === undefined) {
    v = PUNCTUATION.test(word);
    if (punctuationCache.size >= 100_000) punctuationCache.clear();
    punctuationCache.set(word, v);
  }
  return v;
}
