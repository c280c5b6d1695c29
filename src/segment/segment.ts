/**
 * Segmentation of normalised text into tokens with part of speech and offsets.
 * Quantities and alphanumeric names are cut out first (see numbers.ts) and jieba
 * (HMM on, with jieba's part of speech; see cutWithTags) segments the text between them.
 */
import { cutWithTags, ensureJieba, type JiebaOptions } from './jieba.js';
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

/** Segments `text`; token offsets are relative to `base` (the text's own offset in its document). */
export function segment(text: string, options: SegmentOptions = {}, base = 0): Token[] {
  ensureJieba(options);
  const tokens: Token[] = [];
  const pushJieba = (from: number, to: number) => {
    if (to <= from) return;
    let pos = from;
    const { words, tags } = cutWithTags(text.slice(from, to));
    for (let k = 0; k < words.length; k++) {
      const word = words[k]!;
      // jieba returns the words in order and covers the input exactly; find guards against surprises
      // (startsWith first: the usual case, and what indexOf would find)
      let start = pos;
      if (!text.startsWith(word, pos)) {
        const at = text.indexOf(word, pos);
        if (at >= 0 && at < to) start = at;
      }
      tokens.push({ word, tag: tags[k]!, start: base + start, end: base + start + word.length });
      pos = start + word.length;
    }
  };
  let last = 0;
  PROTECTED_TOKEN.lastIndex = 0;
  for (let m = PROTECTED_TOKEN.exec(text); m; m = PROTECTED_TOKEN.exec(text)) {
    pushJieba(last, m.index);
    tokens.push({ word: m[0], tag: protectedTag(m[0]), start: base + m.index, end: base + m.index + m[0].length });
    last = m.index + m[0].length;
  }
  pushJieba(last, text.length);
  return tokens;
}

/** Segments line by line, so no token crosses a paragraph break. Returns one token array per line. */
export function segmentLines(text: string, options: SegmentOptions = {}): Token[][] {
  const lines: Token[][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push(segment(line, options, offset));
    offset += line.length + 1;
  }
  return lines;
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
