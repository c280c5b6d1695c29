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
import { tallyTag, type TermCounts, type TermTallies, type TermTally } from './terms.js';

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
  // terms that cannot get in are skipped without an IDF lookup (maxIdfOf)
  const scan: TopScan = { best: new TopTerms(top), parts: counts.parts, tf, total, idf, maxIdf: maxIdfOf(idf) };
  // forEach, not for…of: a [key, value] array per entry is thousands of allocations per report;
  // a module-level callback with `this`, not an arrow made per call (docs/contributing.md)
  counts.counts.forEach(offerTerm, scan);
  const rows: RankedTerm[] = [];
  for (const c of scan.best.ranked()) rows.push(rankedRow(c.term, counts, c.weight));
  return rows;
}

/**
 * tfidfRank(tallies.counts(chars), tf, idf, top) for `top` > 0, read from the tallies as they were
 * counted (terms.ts): no Map of counts and tags is made, only the rows of the best `top`.
 */
export function tfidfTopOfTallies(tallies: TermTallies, chars: number, tf: TfScheme = 'log', idf: IdfTable = jiebaIdf(), top = 20): RankedTerm[] {
  const list = tallies.list;
  if (top <= 0 || top >= list.length) return tfidfRank(tallies.counts(chars), tf, idf, top);
  const scan: TopScan = { best: new TopTerms(top), parts: tallies.parts, tf, total: tallies.total || 1, idf, maxIdf: maxIdfOf(idf) };
  for (let i = 0; i < list.length; i++) offer(scan, list[i]!.count, list[i]!.word, list[i]);
  const rows: RankedTerm[] = [];
  for (const c of scan.best.ranked()) {
    const tally = c.ref as TermTally;
    rows.push(rankedRowOf(c.term, tally.count, tallyTag(tally), tallies.parts.get(c.term), chars, c.weight));
  }
  return rows;
}

/**
 * A bound on any term's IDF: no term's IDF exceeds the table's largest (unknown words get the
 * median, phrases a part's IDF), so once `top` terms are held, a term whose tf × that bound ranks
 * below the last one held cannot get in: most terms of a report occur once or twice and are
 * skipped without a lookup.
 */
function maxIdfOf(idf: IdfTable): number {
  return idf.max === undefined ? Infinity : Math.max(idf.max, idf.median);
}

function tfOf(tf: TfScheme, count: number, total: number): number {
  return tf === 'raw' ? count / total : 1 + Math.log(count);
}

/** What tfidfRank's scan over the terms carries (the `this` of offerTerm). */
interface TopScan {
  best: TopTerms;
  parts: Map<string, string[]>;
  tf: TfScheme;
  total: number;
  idf: IdfTable;
  maxIdf: number;
}

/** Map.forEach's callback over term counts: offers each term to the scan (its `this`). */
function offerTerm(this: TopScan, count: number, term: string): void {
  offer(this, count, term, null);
}

/** Offers a term to the scan (`ref`: what the caller wants back with it, see Candidate). */
function offer(scan: TopScan, count: number, term: string, ref: unknown): void {
  const t = tfOf(scan.tf, count, scan.total);
  if (scan.best.full() && roundWeight(t * scan.maxIdf) < scan.best.lastWeight()) return;
  scan.best.offer(term, t * idfOf(scan.idf, term, scan.parts.get(term)), count, ref);
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
  /** What the scan was given with the term (tfidfTopOfTallies: its tally). */
  ref: unknown;
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

  offer(term: string, weight: number, count: number, ref: unknown): void {
    const c: Candidate = { term, weight, rounded: roundWeight(weight), count, ref };
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
  return rankedRowOf(term, counts.counts.get(term) ?? 0, counts.tags.get(term) ?? '', counts.parts.get(term), counts.chars, weight);
}

function rankedRowOf(term: string, count: number, tag: string, parts: string[] | undefined, chars: number, weight: number): RankedTerm {
  const row: RankedTerm = {
    term,
    tag,
    weight: roundWeight(weight),
    count,
    per10k: chars > 0 ? Math.round((count / chars) * 1e6) / 100 : 0,
  };
  if (parts) row.parts = parts;
  return row;
}

export function sortRanked(rows: RankedTerm[]): RankedTerm[] {
  return rows.sort(rankOrder);
}

function rankOrder(a: RankedTerm, b: RankedTerm): number {
  return b.weight - a.weight || b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}
