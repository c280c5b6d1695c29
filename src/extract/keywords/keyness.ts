/**
 * Keyness of terms in a target text against a reference text, by Dunning's
 * log-likelihood G² on the 2×2 contingency table, as in corpus-linguistics tools
 * (quanteda's `textstat_keyness(measure = "lr")` is the reference):
 *
 *                   target    reference
 *   term              a           b
 *   other terms       c           d
 *
 *   E_ij = row_i × col_j / N,   G² = 2 Σ O_ij ln(O_ij / E_ij)   (0 ln 0 = 0)
 *
 * signed: positive when the term is relatively more frequent in the target
 * (a > E_11), negative when less. No continuity correction by default
 * (quanteda's default applies Williams' correction; `correction: 'williams'`
 * does the same). Effect size: log ratio (Hardie 2014), log2 of the ratio of
 * relative frequencies, with 0.5 added to a zero count. p-value: χ² with 1 df.
 *
 * Pure arithmetic, no jieba: compare and batch can import it freely.
 */
import type { TermCounts } from './terms.js';

export interface G2Table {
  /** term in target */
  a: number;
  /** term in reference */
  b: number;
  /** other terms in target */
  c: number;
  /** other terms in reference */
  d: number;
}

export type KeynessCorrection = 'none' | 'williams';

/** Unsigned log-likelihood G² of a 2×2 table. */
export function g2(table: G2Table, correction: KeynessCorrection = 'none'): number {
  const { a, b, c, d } = table;
  const n = a + b + c + d;
  if (n === 0) return 0;
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  const term = (o: number, e: number) => (o > 0 && e > 0 ? o * Math.log(o / e) : 0);
  let g = 2 * (term(a, (r1 * c1) / n) + term(b, (r1 * c2) / n) + term(c, (r2 * c1) / n) + term(d, (r2 * c2) / n));
  if (g < 0) g = 0; // rounding
  if (correction === 'williams' && r1 > 0 && r2 > 0 && c1 > 0 && c2 > 0) {
    const q = 1 + ((n / r1 + n / r2 - 1) * (n / c1 + n / c2 - 1)) / (6 * n);
    g /= q;
  }
  return g;
}

/** G² signed by direction: + when a/(a+c) > b/(b+d). */
export function signedG2(table: G2Table, correction: KeynessCorrection = 'none'): number {
  const { a, b, c, d } = table;
  const n = a + b + c + d;
  const expectedA = n > 0 ? ((a + b) * (a + c)) / n : 0;
  const g = g2(table, correction);
  return a >= expectedA ? g : -g;
}

/** Log ratio effect size: log2((a/T1)/(b/T2)), 0.5 in place of a zero count. */
export function logRatio(a: number, totalTarget: number, b: number, totalReference: number): number {
  if (totalTarget <= 0 || totalReference <= 0) return 0;
  const x = (a === 0 ? 0.5 : a) / totalTarget;
  const y = (b === 0 ? 0.5 : b) / totalReference;
  return Math.log2(x / y);
}

/** Upper-tail p-value of χ² with 1 degree of freedom: erfc(√(x/2)). */
export function chiSquare1P(x: number): number {
  if (!(x > 0)) return 1;
  return erfc(Math.sqrt(x / 2));
}

/** Complementary error function (Numerical Recipes erfcc, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886187 + t * (-1.13520398 + t * (1.48851413 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export interface KeynessRow {
  term: string;
  /** Most frequent POS (`phrase` for merged phrases). */
  tag: string;
  /** Occurrences in the target. */
  target: number;
  /** Occurrences in the reference. */
  reference: number;
  /** Per 10,000 characters of each text. */
  targetPer10k: number;
  referencePer10k: number;
  /** Signed G²: > 0 over-used in the target, < 0 under-used. */
  g2: number;
  p: number;
  /** log2 of the ratio of relative frequencies (target / reference). */
  logRatio: number;
  direction: 'target' | 'reference';
}

export interface KeynessOptions {
  correction?: KeynessCorrection;
  /** Leave out terms whose count in target + reference is below this. Default 1 (all). */
  minCount?: number;
}

/**
 * Keyness of every term of target ∪ reference, sorted by signed G² (most
 * characteristic of the target first, most characteristic of the reference last).
 * Totals are the sums of the term counts (`TermCounts.total`), as for a dfm.
 */
export function keyness(target: TermCounts, reference: TermCounts, options: KeynessOptions = {}): KeynessRow[] {
  const correction = options.correction ?? 'none';
  const minCount = options.minCount ?? 1;
  const T1 = target.total;
  const T2 = reference.total;
  const terms = new Set([...target.counts.keys(), ...reference.counts.keys()]);
  const rows: KeynessRow[] = [];
  for (const term of terms) {
    const a = target.counts.get(term) ?? 0;
    const b = reference.counts.get(term) ?? 0;
    if (a + b < minCount) continue;
    const g = signedG2({ a, b, c: T1 - a, d: T2 - b }, correction);
    rows.push({
      term,
      tag: target.tags.get(term) ?? reference.tags.get(term) ?? '',
      target: a,
      reference: b,
      targetPer10k: per10k(a, target.chars),
      referencePer10k: per10k(b, reference.chars),
      g2: round(g, 3),
      p: chiSquare1P(Math.abs(g)),
      logRatio: round(logRatio(a, T1, b, T2), 3),
      direction: g >= 0 ? 'target' : 'reference',
    });
  }
  rows.sort((x, y) => y.g2 - x.g2 || y.target - x.target || cmp(x.term, y.term));
  return rows;
}

/** Adds several TermCounts into one (the reference corpus of "the others"). */
export function mergeCounts(list: TermCounts[]): TermCounts {
  const counts = new Map<string, number>();
  const tags = new Map<string, string>();
  const parts = new Map<string, string[]>();
  let total = 0;
  let chars = 0;
  for (const tc of list) {
    for (const [w, n] of tc.counts) counts.set(w, (counts.get(w) ?? 0) + n);
    for (const [w, t] of tc.tags) if (!tags.has(w)) tags.set(w, t);
    for (const [w, p] of tc.parts) if (!parts.has(w)) parts.set(w, p);
    total += tc.total;
    chars += tc.chars;
  }
  return { counts, tags, total, chars, parts };
}

export function per10k(count: number, chars: number): number {
  return chars > 0 ? round((count / chars) * 10000, 2) : 0;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
