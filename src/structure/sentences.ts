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

/**
 * One flag byte per UTF-16 unit: the scan below runs over every character of every
 * report, so it classifies units with a table lookup rather than string Sets.
 */
const TERMINAL = 1;
const CLOSING = 2;
const SPACE = 4;
const LINE_BREAK = 8;
const ELLIPSIS = 16;

const KIND = new Uint8Array(0x10000);
function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) KIND[chars.charCodeAt(i)]! |= flag;
}
mark('。！？!?', TERMINAL);
mark('”’」』）》〉"\')】', CLOSING);
mark(' \t\u3000\u00a0', SPACE);
mark('\n\r', LINE_BREAK);
mark('…', ELLIPSIS);

const CODE_CLOSE_PAREN_WIDE = 0xff09; // ）
const CODE_OPEN_PAREN_WIDE = 0xff08; // （
const CODE_CLOSE_PAREN = 0x29; // )
const CODE_OPEN_PAREN = 0x28; // (

/**
 * Splits `text` into sentence spans; offsets are relative to `text` plus `base`.
 * `limit` stops after that many sentences (heading detection only needs the first).
 */
export function splitSentences(text: string, base = 0, limit = Infinity): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const kind = KIND[text.charCodeAt(i)]!;
    if (kind & LINE_BREAK) {
      pushTrimmed(spans, text, start, i, base);
      if (spans.length >= limit) return spans;
      start = i + 1;
      i++;
      continue;
    }
    if (kind & TERMINAL) {
      let j = i + 1;
      while (j < n && KIND[text.charCodeAt(j)]! & (TERMINAL | ELLIPSIS)) j++;
      while (j < n && KIND[text.charCodeAt(j)]! & CLOSING) {
        // a closing bracket after 。 belongs to the sentence only when it closes something opened in it
        const c = text.charCodeAt(j);
        if ((c === CODE_CLOSE_PAREN_WIDE || c === CODE_CLOSE_PAREN) && !opensBracket(text, start, i)) break;
        j++;
      }
      pushTrimmed(spans, text, start, j, base);
      if (spans.length >= limit) return spans;
      start = j;
      i = j;
      continue;
    }
    i++;
  }
  pushTrimmed(spans, text, start, n, base);
  return spans;
}

/** Adds text[s, e) without its leading and trailing spaces, unless nothing is left. */
function pushTrimmed(spans: Span[], text: string, s: number, e: number, base: number): void {
  while (s < e && KIND[text.charCodeAt(s)]! & SPACE) s++;
  while (e > s && KIND[text.charCodeAt(e - 1)]! & SPACE) e--;
  if (e > s) spans.push({ start: base + s, end: base + e });
}

/** True when text[from, to) has more opening than closing round brackets. */
function opensBracket(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === CODE_OPEN_PAREN_WIDE || c === CODE_OPEN_PAREN) depth++;
    else if ((c === CODE_CLOSE_PAREN_WIDE || c === CODE_CLOSE_PAREN) && depth > 0) depth--;
  }
  return depth > 0;
}
