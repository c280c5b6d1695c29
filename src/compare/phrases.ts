/**
 * Phrase changes between reports, from the keywords module's keyness (signed
 * log-likelihood G² with log-ratio effect size) on content-term counts:
 *
 *  - consecutive mode (default for a series): each report against the one
 *    before it in the same series;
 *  - rest mode: each report against all the other compared reports pooled.
 *
 * For each comparison: new terms (absent from the reference, at least
 * `minCount` times in the report), dropped terms (the reverse), the biggest
 * rises and falls among terms in both (by G², p ≤ 0.05, and the per-10k-character
 * rate moving the same way),
 * and new slogans (slogans of the report that the reference does not have).
 */
import { keyness, mergeCounts, type KeynessRow } from '../extract/keywords/keyness.js';
import type { TermCounts } from '../extract/keywords/terms.js';
import type { OrderedDocument, Ordering } from './order.js';
import { consecutivePairs } from './order.js';

export type PhraseChange = 'new' | 'dropped' | 'rise' | 'fall';

export interface PhraseRow {
  /** The report examined and what it is compared with (a document id, or "rest"). */
  document: string;
  reference: string;
  change: PhraseChange;
  term: string;
  tag: string;
  /** Counts and per-10k-character rates in the report and in the reference. */
  count: number;
  referenceCount: number;
  per10k: number;
  referencePer10k: number;
  /** per10k − referencePer10k. */
  per10kChange: number;
  /** Signed G² (> 0: more in the report). */
  g2: number;
  p: number;
  /** log2 of the ratio of relative frequencies (report / reference), 0.5 for a zero count. */
  logRatio: number;
}

export interface SloganChange {
  document: string;
  reference: string;
  /** Slogans in the report but not in the reference. */
  newSlogans: string[];
  /** Slogans in the reference that the report no longer has. */
  droppedSlogans: string[];
}

export interface PhraseComparison {
  mode: 'consecutive' | 'rest';
  rows: PhraseRow[];
  slogans: SloganChange[];
}

export interface PhraseOptions {
  mode?: 'consecutive' | 'rest';
  /** Rows of each change type per comparison. Default 10. */
  top?: number;
  /** Fewest occurrences for a new or dropped term. Default 2. */
  minCount?: number;
  /** Largest p-value for a rise or fall. Default 0.05. */
  maxP?: number;
}

function row(document: string, reference: string, change: PhraseChange, k: KeynessRow): PhraseRow {
  return {
    document,
    reference,
    change,
    term: k.term,
    tag: k.tag,
    count: k.target,
    referenceCount: k.reference,
    per10k: k.targetPer10k,
    referencePer10k: k.referencePer10k,
    per10kChange: Math.round((k.targetPer10k - k.referencePer10k) * 100) / 100,
    g2: k.g2,
    p: Number(k.p.toPrecision(4)),
    logRatio: k.logRatio,
  };
}

/** Keyness rows of one report against a reference, reduced to new/dropped/rise/fall. */
export function phraseChanges(document: string, reference: string, target: TermCounts, ref: TermCounts, options: PhraseOptions = {}): PhraseRow[] {
  const top = options.top ?? 10;
  const minCount = options.minCount ?? 2;
  const maxP = options.maxP ?? 0.05;
  const rows = keyness(target, ref);
  const take = (list: KeynessRow[], change: PhraseChange) => list.slice(0, top).map((k) => row(document, reference, change, k));
  const newTerms = rows.filter((k) => k.reference === 0 && k.target >= minCount).sort((x, y) => y.g2 - x.g2 || y.target - x.target);
  const dropped = rows.filter((k) => k.target === 0 && k.reference >= minCount).sort((x, y) => x.g2 - y.g2 || y.reference - x.reference);
  // a rise or fall must also show in the per-10k-character rate (G² works on shares of all terms)
  const rises = rows.filter((k) => k.target > 0 && k.reference > 0 && k.g2 > 0 && k.p <= maxP && k.targetPer10k > k.referencePer10k).sort((x, y) => y.g2 - x.g2);
  const falls = rows.filter((k) => k.target > 0 && k.reference > 0 && k.g2 < 0 && k.p <= maxP && k.targetPer10k < k.referencePer10k).sort((x, y) => x.g2 - y.g2);
  return [...take(newTerms, 'new'), ...take(dropped, 'dropped'), ...take(rises, 'rise'), ...take(falls, 'fall')];
}

export function sloganChange(document: string, reference: string, slogans: string[], refSlogans: string[]): SloganChange {
  const have = new Set(refSlogans);
  const now = new Set(slogans);
  return {
    document,
    reference,
    newSlogans: [...now].filter((s) => !have.has(s)),
    droppedSlogans: [...have].filter((s) => !now.has(s)),
  };
}

/** Phrase changes for the ordering: consecutive pairs inside each series, or each report against the rest. */
export function comparePhrases(ordering: Ordering, options: PhraseOptions = {}): PhraseComparison {
  const docs = ordering.documents.filter((d): d is OrderedDocument & { terms: TermCounts } => d.terms !== undefined);
  const pairs = consecutivePairs(ordering).filter(([a, b]) => a.terms && b.terms);
  const mode = options.mode ?? (pairs.length ? 'consecutive' : 'rest');
  const rows: PhraseRow[] = [];
  const slogans: SloganChange[] = [];
  if (mode === 'consecutive') {
    for (const [a, b] of pairs) {
      rows.push(...phraseChanges(b.id, a.id, b.terms!, a.terms!, options));
      if (a.slogans && b.slogans) slogans.push(sloganChange(b.id, a.id, b.slogans, a.slogans));
    }
  } else if (docs.length > 1) {
    for (const d of docs) {
      const others = docs.filter((o) => o !== d);
      rows.push(...phraseChanges(d.id, 'rest', d.terms, mergeCounts(others.map((o) => o.terms)), options));
      if (d.slogans && others.every((o) => o.slogans)) slogans.push(sloganChange(d.id, 'rest', d.slogans, others.flatMap((o) => o.slogans!)));
    }
  }
  return { mode, rows, slogans };
}
