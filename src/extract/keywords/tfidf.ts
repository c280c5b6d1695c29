/**
 * TF-IDF on our own tokens (numbers whole, policy dictionary, phrases merged)
 * with jieba's IDF values. nodejieba's `extract` segments the text itself and
 * ranks every word it sees, so it is not used.
 *
 *   weight(term) = tf × idf
 *   tf = 1 + ln(count)               (`tf: 'log'`, the default: sublinear, as sklearn's sublinear_tf)
 *   tf = count / number of terms     (`tf: 'raw'`, as jieba's extract)
 *
 * Raw tf lets the dozen most frequent broad nouns of any report (产业, 项目, 工程,
 * 城市) crowd out the specific ones; the log damps that, so places, industries
 * and programmes that occur a few times come up.
 *
 * idf: jieba's value for the word; for a merged phrase jieba's value if it has
 * one, else the largest IDF among its parts; the median IDF for unknown words.
 */
import { idfOf, jiebaIdf, type IdfTable } from './idf.js';
import type { TermCounts } from './terms.js';

export interface RankedTerm {
  term: string;
  /** Most frequent POS, `phrase` for merged phrases. */
  tag: string;
  weight: number;
  count: number;
  /** Occurrences per 10,000 characters. */
  per10k: number;
  /** Parts of a merged phrase, absent for a single word. */
  parts?: string[];
}

export type TfScheme = 'log' | 'raw';

export function tfidfRank(counts: TermCounts, tf: TfScheme = 'log', idf: IdfTable = jiebaIdf()): RankedTerm[] {
  const rows: RankedTerm[] = [];
  const total = counts.total || 1;
  for (const [term, count] of counts.counts) {
    const parts = counts.parts.get(term);
    const weight = (tf === 'raw' ? count / total : 1 + Math.log(count)) * idfOf(idf, term, parts);
    rows.push(rankedRow(term, counts, weight));
  }
  return sortRanked(rows);
}

export function rankedRow(term: string, counts: TermCounts, weight: number): RankedTerm {
  const count = counts.counts.get(term) ?? 0;
  const row: RankedTerm = {
    term,
    tag: counts.tags.get(term) ?? '',
    weight: Math.round(weight * 1e6) / 1e6,
    count,
    per10k: counts.chars > 0 ? Math.round((count / counts.chars) * 1e6) / 100 : 0,
  };
  const parts = counts.parts.get(term);
  if (parts) row.parts = parts;
  return row;
}

export function sortRanked(rows: RankedTerm[]): RankedTerm[] {
  return rows.sort((a, b) => b.weight - a.weight || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
