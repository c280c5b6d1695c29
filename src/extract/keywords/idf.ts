/**
 * jieba's IDF table (idf.utf8, shipped with nodejieba), read once per process.
 * Words missing from it get the median IDF, as Python jieba does (cppjieba
 * uses the mean; the median is a little lower, so unknown words rank less
 * eagerly).
 */
import { readFileSync } from 'node:fs';
import { jiebaIdfPath } from '../../segment/jieba.js';

export interface IdfTable {
  get(word: string): number | undefined;
  /** IDF for words not in the table. */
  readonly median: number;
  readonly size: number;
  /**
   * The largest IDF in the table (−Infinity when empty). Optional: with it, tfidfRank can tell
   * that a rare term cannot reach the top without looking its IDF up.
   */
  readonly max?: number;
}

let table: IdfTable | null = null;

/**
 * Parses `word idf` lines (jieba's format): the word is everything before the last space, the
 * value (read by `Number`) everything after it; lines without a word or with a non-finite value
 * are skipped, and a word listed twice keeps its last value.
 *
 * The table has ~260,000 lines and a worker thread reads it once, but a report looks up only a
 * few thousand words. Cutting every line into a word string and a Map entry took 400–650 ms per
 * thread (allocation, hashing, GC), so the words are left where they are in the text: an
 * open-addressing hash table (typed arrays) holds the offset of each word, and a lookup compares
 * the asked word with the text in place.
 */
export function parseIdf(text: string): IdfTable {
  const index = new WordIndex(text, countLines(text));
  const values: number[] = [];
  for (let from = 0; from < text.length; ) {
    let nl = text.indexOf('\n', from);
    if (nl < 0) nl = text.length;
    const end = nl < text.length && nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl; // \r\n
    const sp = text.lastIndexOf(' ', end - 1);
    if (sp > from) {
      const v = Number(text.slice(sp + 1, end));
      if (Number.isFinite(v)) {
        const entry = index.add(from, sp);
        if (entry === values.length) values.push(v);
        else values[entry] = v;
      }
    }
    from = nl + 1;
  }
  // a typed array sorts numerically without a comparator call per step
  const sorted = Float64Array.from(values).sort();
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 10;
  const max = sorted.length ? sorted[sorted.length - 1]! : -Infinity;
  // a report uses a few thousand words, again and again: a small front map of the words looked
  // up lately answers most lookups from cache-warm memory (and with the string's hash cached)
  let recent = new Map<string, number | undefined>();
  const get = (word: string): number | undefined => {
    let v = recent.get(word);
    if (v === undefined && !recent.has(word)) {
      const entry = index.find(word);
      v = entry < 0 ? undefined : values[entry];
      if (recent.size >= 50_000) recent = new Map();
      recent.set(word, v);
    }
    return v;
  };
  return { get, median, size: values.length, max };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** FNV-1a over UTF-16 code units of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Distinct words of a text, each a range [start, end) of it, numbered in order of first sight. */
class WordIndex {
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  /** Open addressing, linear probing: entry + 1 per slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private size = 0;

  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.starts = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    let n = 16;
    while (n < capacity * 2) n *= 2; // at most half full: short probe runs
    this.slots = new Int32Array(n);
    this.mask = n - 1;
  }

  /** The entry of text[start, end): its existing number, or the next one. */
  add(start: number, end: number): number {
    const len = end - start;
    const word = this.text;
    for (let s = hashRange(word, start, end) & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]! - 1;
      if (e < 0) {
        this.starts[this.size] = start;
        this.lengths[this.size] = len;
        this.slots[s] = this.size + 1;
        return this.size++;
      }
      if (this.lengths[e] === len && this.sameRange(this.starts[e]!, start, len)) return e;
    }
  }

  /** The entry of `word`, −1 when absent. */
  find(word: string): number {
    for (let s = hashRange(word, 0, word.length) & this.mask; ; s = (s + 1) & this.mask) {
      const e = this.slots[s]! - 1;
      if (e < 0) return -1;
      if (this.lengths[e] === word.length && this.text.startsWith(word, this.starts[e]!)) return e;
    }
  }

  private sameRange(a: number, b: number, len: number): boolean {
    for (let i = 0; i < len; i++) if (this.text.charCodeAt(a + i) !== this.text.charCodeAt(b + i)) return false;
    return true;
  }
}

/** jieba's IDF table, loaded on first use. */
export function jiebaIdf(): IdfTable {
  return (table ??= parseIdf(readFileSync(jiebaIdfPath(), 'utf8')));
}

/** IDF of a word, or of a merged phrase: its own entry if jieba has one, else the largest IDF of its parts. */
export function idfOf(idf: IdfTable, word: string, parts?: string[]): number {
  const own = idf.get(word);
  if (own !== undefined) return own;
  if (parts && parts.length > 1) {
    // a loop, not parts.map with an arrow made per call (docs/contributing.md)
    let max = -Infinity;
    for (const p of parts) max = Math.max(max, idf.get(p) ?? idf.median);
    return max;
  }
  return idf.median;
}
