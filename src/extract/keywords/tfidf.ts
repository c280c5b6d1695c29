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

/**
 * Every term ranked (weight desc, count desc, term asc); with `top` > 0 only the first `top` of
 * that order, found without building and sorting a row per term.
 */
export function tfidfRank(counts: TermCounts, tf: TfScheme = 'log', idf: IdfTable = jiebaIdf(), top = 0): RankedTerm[] {
  const total = counts.total || 1;
  if (top <= 0 || top >= counts.counts.size) {
    const rows: RankedTerm[] = [];
    for (const [term, count] of counts.counts) rows.push(rankedRow(term, counts, tfOf(tf, count, total) * idfOf(idf, term, counts.parts.get(term))));
    return sortRanked(rows);
  }
  // no term's IDF exceeds the table's largest (unknown words get the median, phrases a part's
  // IDF), so once `top` terms are held, a term whose tf × that bound ranks below the last one held
  // cannot get in: most terms of a report occur once or twice and are skipped without a lookup
  const maxIdf = idf.max === undefined ? Infinity : Math.max(idf.max, idf.median);
  const scan: TopScan = { best: new TopTerms(top), counts, tf, total, idf, maxIdf };
  // forEach, not for…of: a [key, value] array per entry is thousands of allocations per report;
  // a module-level callback with `this`, not an arrow made per call (docs/contributing.md)
  counts.counts.forEach(offerTerm, scan);
  const rows: RankedTerm[] = [];
  for (const c of scan.best.ranked()) rows.push(rankedRow(c.term, counts, c.weight));
  return rows;
}

function tfOf(tf: TfScheme, count: number, total: number): number {
  return tf === 'raw' ? count / total : 1 + Math.log(count);
}

/** What tfidfRank's scan over the terms carries (the `this` of offerTerm). */
interface TopScan {
  best: TopTerms;
  counts: TermCounts;
  tf: TfScheme;
  total: number;
  idf: IdfTable;
  maxIdf: number;
}

function offerTerm(this: TopScan, count: number, term: string): void {
  const t = tfOf(this.tf, count, this.total);
  if (this.best.full() && roundWeight(t * this.maxIdf) < this.best.lastWeight()) return;
  this.best.offer(term, t * idfOf(this.idf, term, this.counts.parts.get(term)), count);
}

/** A term's weight as rows carry it (and rank by). */
function roundWeight(weight: number): number {
  return Math.round(weight * 1e6) / 1e6;
}

interface Candidate {
  term: string;
  /** Unrounded weight (rankedRow rounds it). */
  weight: number;
  rounded: number;
  count: number;
}

/** The row order of sortRanked: weight desc, count desc, term asc. */
function before(a: { rounded: number; count: number; term: string }, b: { rounded: number; count: number; term: string }): boolean {
  return (b.rounded - a.rounded || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)) < 0;
}

/** The best `size` terms seen so far, in rank order (a short array: inserting in place is cheap). */
class TopTerms {
  private readonly held: Candidate[] = [];

  constructor(private readonly size: number) {}

  full(): boolean {
    return this.held.length >= this.size;
  }

  lastWeight(): number {
    return this.held[this.held.length - 1]!.rounded;
  }

  offer(term: string, weight: number, count: number): void {
    const c: Candidate = { term, weight, rounded: roundWeight(weight), count };
    const held = this.held;
    if (this.full() && !before(c, held[held.length - 1]!)) return;
    let i = held.length;
    while (i > 0 && before(c, held[i - 1]!)) i--;
    held.splice(i, 0, c);
    if (held.length > this.size) held.pop();
  }

  ranked(): Candidate[] {
    return this.held;
  }
}

export function rankedRow(term: string, counts: TermCounts, weight: number): RankedTerm {
  const count = counts.counts.get(term) ?? 0;
  const row: RankedTerm = {
    term,
    tag: counts.tags.get(term) ?? '',
    weight: roundWeight(weight),
    count,
    per10k: counts.chars > 0 ? Math.round((count / counts.chars) * 1e6) / 100 : 0,
  };
  const parts = counts.parts.get(term);
  if (parts) row.parts = parts;
  return row;
}

export function sortRanked(rows: RankedTerm[]): RankedTerm[] {
  return rows.sort(rankOrder);
}

function rankOrder(a: RankedTerm, b: RankedTerm): number {
  return b.weight - a.weight || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}
