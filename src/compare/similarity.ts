/**
 * Document-by-document cosine similarity of TF-IDF vectors built from the
 * documents' content-term counts (the keywords module's `TermCounts`).
 *
 * Weights (`idf` option):
 *  - `jieba` (default): the keywords module's TF-IDF weights (`tfidfRank`:
 *    tf × jieba's IDF table, phrases by their parts), an IDF from a general
 *    corpus, so it means the same for two documents or two hundred;
 *  - `corpus`: count × smoothed IDF over the compared documents,
 *    idf(t) = ln((1 + N) / (1 + df(t))) + 1 (terms every document uses still
 *    count; with two documents a plain IDF would zero them all).
 * Cosine is 1 for identical term profiles and 0 for no shared term.
 */
import { tfidfRank } from '../extract/keywords/tfidf.js';
import type { TermCounts } from '../extract/keywords/terms.js';

export type IdfSource = 'jieba' | 'corpus';

export interface SimilarityMatrix {
  /** Document ids, in comparison order. */
  documents: string[];
  /** matrix[i][j]: cosine similarity of documents i and j, rounded to 3 decimals (null when a document has no terms). */
  matrix: Array<Array<number | null>>;
  /** How the weights were made, for the record. */
  weighting: string;
}

export function smoothedIdf(docs: Array<Map<string, number>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, k] of df) idf.set(t, Math.log((1 + n) / (1 + k)) + 1);
  return idf;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number | null {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v * v;
  for (const v of b.values()) nb += v * v;
  if (na === 0 || nb === 0) return null;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [t, v] of small) {
    const w = large.get(t);
    if (w !== undefined) dot += v * w;
  }
  return dot / Math.sqrt(na * nb);
}

/** TF-IDF vectors of the documents (count × smoothed IDF). */
export function tfidfVectors(docs: Array<Map<string, number>>): Array<Map<string, number>> {
  const idf = smoothedIdf(docs);
  return docs.map((d) => {
    const v = new Map<string, number>();
    for (const [t, c] of d) v.set(t, c * (idf.get(t) ?? 1));
    return v;
  });
}

/** The similarity matrix. Plain count maps (tests) always use the corpus IDF. */
export function similarityMatrix(ids: string[], terms: Array<TermCounts | Map<string, number>>, idf: IdfSource = 'jieba'): SimilarityMatrix {
  const useJieba = idf === 'jieba' && terms.every((t) => !(t instanceof Map));
  const vectors = useJieba
    ? (terms as TermCounts[]).map((t) => new Map(tfidfRank(t).map((r) => [r.term, r.weight])))
    : tfidfVectors(terms.map((t) => (t instanceof Map ? t : t.counts)));
  const matrix = vectors.map((a, i) =>
    vectors.map((b, j) => {
      if (i === j) return a.size ? 1 : null;
      const c = cosine(a, b);
      return c === null ? null : Math.round(c * 1000) / 1000;
    }),
  );
  const weighting = useJieba ? 'tf × jieba IDF' : 'count × smoothed IDF over the compared reports, ln((1+N)/(1+df))+1';
  return { documents: ids, matrix, weighting };
}
