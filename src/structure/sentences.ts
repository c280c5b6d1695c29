/**
 * Sentence splitting for normalised report text.
 *
 * A sentence ends after 。！？ (and after a run of them, e.g. ！？), together with any
 * closing quotes or brackets that follow (”’」』）》) so that `坚持打好“创新牌”。`
 * and `……。”` stay whole. A line break always ends a sentence (each line is a
 * paragraph). ；is NOT a sentence end: target lists are semicolon-separated
 * clauses of one sentence. ASCII "." never ends a sentence, so decimals (4.5%)
 * are safe. Leading and trailing spaces are left out of the spans; empty
 * pieces are dropped.
 */
import type { Span } from './types.js';

const TERMINAL = new Set(['。', '！', '？', '!', '?']);
const CLOSING = new Set(['”', '’', '」', '』', '）', '》', '〉', '"', "'", ')', '】']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\u3000' || c === '\u00a0';
}

/**
 * Splits `text` into sentence spans; offsets are relative to `text` plus `base`.
 * `limit` stops after that many sentences (heading detection only needs the first).
 */
export function splitSentences(text: string, base = 0, limit = Infinity): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && isSpace(text[s]!)) s++;
    while (e > s && isSpace(text[e - 1]!)) e--;
    if (e > s) spans.push({ start: base + s, end: base + e });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      push(start, i);
      if (spans.length >= limit) return spans;
      start = i + 1;
      i++;
      continue;
    }
    if (TERMINAL.has(c)) {
      let j = i + 1;
      while (j < text.length && (TERMINAL.has(text[j]!) || text[j] === '…')) j++;
      while (j < text.length && CLOSING.has(text[j]!)) {
        // a closing bracket after 。 belongs to the sentence only when it closes something opened in it
        if ((text[j] === '）' || text[j] === ')') && !opensBracket(text, start, i)) break;
        j++;
      }
      push(start, j);
      if (spans.length >= limit) return spans;
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  push(start, text.length);
  return spans;
}

/** True when text[from, to) has more opening than closing round brackets. */
function opensBracket(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
  }
  return depth > 0;
}
