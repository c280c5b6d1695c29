/**
 * TextRank (Mihalcea & Tarau 2004) as jieba does it, on our content terms: an
 * undirected graph whose edges join terms that occur within `window` terms of
 * each other (inside one paragraph), weighted by how often they do; PageRank
 * with damping 0.85 until it settles; weights scaled so the top term has 1.
 * Unlike jieba, the random jump can be biased (`bias`; the keyword API uses
 * squared IDF), which lifts specific terms over the report's most frequent nouns.
 */
import { rankedRow, sortRanked, type RankedTerm } from './tfidf.js';
import type { Term, TermCounts } from './terms.js';

export interface TextRankOptions {
  /** Co-occurrence window in terms (jieba: 5). */
  window?: number;
  damping?: number;
  iterations?: number;
  /**
   * Teleport weight of each term (personalised PageRank). `rank` passes jieba's IDF,
   * so that the random jump favours specific terms over 项目, 产业; absent: uniform, as jieba.
   */
  bias?: (term: string) => number;
}

/** `paragraphs`: the content terms of each paragraph (edges never cross paragraphs). */
export function textRank(paragraphs: Term[][], counts: TermCounts, options: TextRankOptions = {}): RankedTerm[] {
  const window = options.window ?? 5;
  const d = options.damping ?? 0.85;
  const iterations = options.iterations ?? 50;
  const index = new Map<string, number>();
  const names: string[] = [];
  const edges: Array<Map<number, number>> = [];
  const node = (w: string) => {
    let i = index.get(w);
    if (i === undefined) {
      i = names.length;
      index.set(w, i);
      names.push(w);
      edges.push(new Map());
    }
    return i;
  };
  for (const para of paragraphs) {
    const ids = para.map((t) => node(t.word));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < Math.min(ids.length, i + window); j++) {
        const x = ids[i]!;
        const y = ids[j]!;
        if (x === y) continue;
        edges[x]!.set(y, (edges[x]!.get(y) ?? 0) + 1);
        edges[y]!.set(x, (edges[y]!.get(x) ?? 0) + 1);
      }
    }
  }
  const n = names.length;
  if (n === 0) return [];
  const out = edges.map((e) => [...e.values()].reduce((s, v) => s + v, 0));
  const jump = new Float64Array(n).fill(1 / n);
  if (options.bias) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += jump[i] = Math.max(0, options.bias(names[i]!));
    for (let i = 0; i < n; i++) jump[i] = sum > 0 ? jump[i]! / sum : 1 / n;
  }
  let score = new Float64Array(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    for (let x = 0; x < n; x++) next[x] = (1 - d) * jump[x]!;
    for (let x = 0; x < n; x++) {
      if (out[x] === 0) continue;
      const share = (d * score[x]!) / out[x]!;
      for (const [y, w] of edges[x]!) next[y]! += share * w;
    }
    let delta = 0;
    for (let x = 0; x < n; x++) delta += Math.abs(next[x]! - score[x]!);
    score = next;
    if (delta < 1e-9) break;
  }
  const max = Math.max(...score);
  return sortRanked(names.map((w, i) => rankedRow(w, counts, max > 0 ? score[i]! / max : 0)));
}
