/**
 * Segmentation of normalised text into tokens with part of speech and offsets.
 * Quantities and alphanumeric names are cut out first (see numbers.ts) and jieba
 * (HMM on, via its POS tagger) segments the text between them.
 */
import { ensureJieba, type JiebaOptions } from './jieba.js';
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
  const jieba = ensureJieba(options);
  const tokens: Token[] = [];
  const pushJieba = (from: number, to: number) => {
    if (to <= from) return;
    let pos = from;
    for (const { word, tag } of jieba.tag(text.slice(from, to))) {
      // jieba returns the words in order and covers the input exactly; find guards against surprises
      const at = text.indexOf(word, pos);
      const start = at >= 0 && at < to ? at : pos;
      tokens.push({ word, tag, start: base + start, end: base + start + word.length });
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

/** True for tokens made only of whitespace or punctuation. */
export function isPunctuation(word: string): boolean {
  return /^[\s\p{P}\p{S}]+$/u.test(word);
}
