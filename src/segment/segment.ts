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

/** Segments `text`; token offsets are relative to `base` (the text's own offset in its document). */
export function segment(text: string, options: SegmentOptions = {}, base = 0): Token[] {
  ensureJieba(options);
  return segmentStretches(text, [0, text.length], base)[0]!;
}

/** Segments line by line, so no token crosses a paragraph break. Returns one token array per line. */
export function segmentLines(text: string, options: SegmentOptions = {}): Token[][] {
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

/**
 * The tokens of each stretch [bounds[2k], bounds[2k + 1]) of `text`, offsets + `base`. Protected
 * quantities and names (numbers.ts) are found in each stretch first; jieba segments everything
 * between them, for all stretches in one call (cutRangesWithTags).
 */
function segmentStretches(text: string, bounds: number[], base: number): Token[][] {
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
  const { words, tags, counts, exact, keys } = cutRangesWithTags(text, Uint32Array.from(ranges));
  // pass 2: tokens, the jieba words of each range and the protected tokens between them
  const out: Token[][] = [];
  let r = 0;
  let g = 0;
  let w = 0;
  for (let s = 0; s < rangesEnd.length; s++) {
    const tokens: Token[] = [];
    let lineKeys: number[] | null = null;
    if (keys) {
      let size = guardedEnd[s]! - g;
      for (let k = r; k < rangesEnd[s]!; k += 2) size += counts[k >> 1]!;
      lineKeys = new Array<number>(size);
    }
    while (r < rangesEnd[s]! || g < guardedEnd[s]!) {
      if (r < rangesEnd[s]! && (g >= guardedEnd[s]! || ranges[r]! < guarded[g]!.at)) {
        const to = ranges[r + 1]!;
        let pos = ranges[r]!;
        for (const last = w + counts[r >> 1]!; w < last; w++) {
          const word = words[w]!;
          // exact words are the range's slices, in order; jieba's strings are checked (and in the
          // unlikely case one is not where expected, looked for further on)
          let start = pos;
          if (!exact && !text.startsWith(word, pos)) {
            const at = text.indexOf(word, pos);
            if (at >= 0 && at < to) start = at;
          }
          tokens.push({ word, tag: tags[w]!, start: base + start, end: base + start + word.length });
          if (lineKeys) lineKeys[tokens.length - 1] = keys![w]!;
          pos = start + word.length;
        }
        r += 2;
      } else {
        const { word, at } = guarded[g++]!;
        tokens.push({ word, tag: protectedTag(word), start: base + at, end: base + at + word.length });
        if (lineKeys) lineKeys[tokens.length - 1] = -1;
      }
    }
    if (lineKeys) tokenKeys.set(tokens, lineKeys);
    out.push(tokens);
  }
  return out;
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
