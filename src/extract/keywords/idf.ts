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
}

let table: IdfTable | null = null;

/** Parses `word idf` lines (jieba's format). */
export function parseIdf(text: string): IdfTable {
  const map = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const v = Number(line.slice(sp + 1));
    if (Number.isFinite(v)) map.set(line.slice(0, sp), v);
  }
  const values = [...map.values()].sort((a, b) => a - b);
  const median = values.length ? values[Math.floor(values.length / 2)]! : 10;
  // the table holds ~350,000 words; a report uses a few thousand, again and again: a small
  // front map of the words looked up lately answers most lookups from cache-warm memory
  let recent = new Map<string, number | undefined>();
  const get = (w: string): number | undefined => {
    let v = recent.get(w);
    if (v === undefined && !recent.has(w)) {
      v = map.get(w);
      if (recent.size >= 50_000) recent = new Map();
      recent.set(w, v);
    }
    return v;
  };
  return { get, median, size: map.size };
}

/** jieba's IDF table, loaded on first use. */
export function jiebaIdf(): IdfTable {
  return (table ??= parseIdf(readFileSync(jiebaIdfPath(), 'utf8')));
}

/** IDF of a word, or of a merged phrase: its own entry if jieba has one, else the largest IDF of its parts. */
export function idfOf(idf: IdfTable, word: string, parts?: string[]): number {
  const own = idf.get(word);
  if (own !== undefined) return own;
  if (parts && parts.length > 1) return Math.max(...parts.map((p) => idf.get(p) ?? idf.median));
  return idf.median;
}
