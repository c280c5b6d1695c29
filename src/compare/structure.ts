/**
 * Structure changes between two reports: level-1 headings matched first, then
 * the level-2 headings inside each matched pair of level-1 sections.
 *
 * Matching: headings are normalised (numbers such as "一、" are already apart;
 * years become "#年", spaces and end punctuation go). Equal normalised headings
 * are `same`; the rest are paired greedily by character-bigram Dice similarity
 * (of the whole headings, or 0.9 × that of their best-matching clauses; best
 * pairs first) when it reaches the threshold (default 0.5) → `renamed`;
 * whatever is left is `added` (only in the later report) or `removed`.
 * Each row carries the section's share of the report's text (characters of the
 * section, heading included, over the report's characters, in %) before and after.
 */
import type { PolicyDocument, Section } from '../structure/types.js';
import type { OrderedDocument } from './order.js';

export type HeadingStatus = 'same' | 'renamed' | 'added' | 'removed';

export interface StructureRow {
  /** Earlier and later document ids. */
  from: string;
  to: string;
  level: 1 | 2;
  status: HeadingStatus;
  /** Heading in the earlier / later report (null when added / removed). */
  before: string | null;
  after: string | null;
  /** Section ids ("2", "2.3"). */
  beforeId: string | null;
  afterId: string | null;
  /** Heading of the level-1 section (later report's, else earlier's) for level-2 rows. */
  parent: string | null;
  /** Bigram Dice similarity of the normalised headings (1 for same). */
  similarity: number | null;
  /** Share of the report's characters, in percent. */
  shareBefore: number | null;
  shareAfter: number | null;
  /** shareAfter − shareBefore, percentage points. */
  shareChange: number | null;
}

export interface StructureOptions {
  /** Dice similarity needed for `renamed`. Default 0.5. */
  threshold?: number;
}

/** Heading as compared: years → #年, no spaces or closing punctuation. */
export function normalizeHeading(heading: string): string {
  return heading
    .replace(/\d{4}\s*年/g, '#年')
    .replace(/[\s。．.：:；;！!，,]+$/u, '')
    .replace(/\s+/g, '');
}

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars.length ? [chars[0]!] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Sørensen–Dice coefficient on character bigrams (multiset), 0…1. */
export function diceSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 && y.length === 0) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      common++;
      counts.set(g, c - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

function clauses(s: string): string[] {
  return s.split(/[，,、；;：:]/u).filter((c) => [...c].length >= 4);
}

/**
 * Similarity of two normalised headings: the Dice coefficient of the whole
 * headings, or 0.9 × the best Dice between their clauses (split at ，、；：, 4+
 * characters), whichever is higher, so that sentence headings sharing a clause
 * (深入实施科教兴国战略，强化… / 深入实施科教兴国战略，提升…) still pair up.
 */
export function headingSimilarity(a: string, b: string): number {
  let best = diceSimilarity(a, b);
  const ca = clauses(a);
  const cb = clauses(b);
  if (ca.length > 1 || cb.length > 1) {
    for (const x of ca) for (const y of cb) best = Math.max(best, 0.9 * diceSimilarity(x, y));
  }
  return best;
}

export interface HeadingMatch<T> {
  before: T | null;
  after: T | null;
  status: HeadingStatus;
  similarity: number | null;
}

/**
 * Matches two lists of headings: exact (normalised) first, in order; then fuzzy,
 * best similarity first. Result order: the later list's order, removed items
 * placed after the item that preceded them in the earlier list.
 */
export function matchHeadings<T>(before: T[], after: T[], heading: (t: T) => string, threshold = 0.5): Array<HeadingMatch<T>> {
  const nb = before.map((t) => normalizeHeading(heading(t)));
  const na = after.map((t) => normalizeHeading(heading(t)));
  const pairOfAfter = new Map<number, { b: number; status: HeadingStatus; similarity: number }>();
  const usedB = new Set<number>();
  for (let j = 0; j < after.length; j++) {
    const i = nb.findIndex((h, k) => !usedB.has(k) && h === na[j]);
    if (i >= 0) {
      usedB.add(i);
      pairOfAfter.set(j, { b: i, status: 'same', similarity: 1 });
    }
  }
  const candidates: Array<{ i: number; j: number; s: number }> = [];
  for (let i = 0; i < before.length; i++) {
    if (usedB.has(i)) continue;
    for (let j = 0; j < after.length; j++) {
      if (pairOfAfter.has(j)) continue;
      const s = headingSimilarity(nb[i]!, na[j]!);
      if (s >= threshold) candidates.push({ i, j, s });
    }
  }
  candidates.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j);
  for (const c of candidates) {
    if (usedB.has(c.i) || pairOfAfter.has(c.j)) continue;
    usedB.add(c.i);
    pairOfAfter.set(c.j, { b: c.i, status: 'renamed', similarity: Math.round(c.s * 1000) / 1000 });
  }
  const out: Array<HeadingMatch<T>> = [];
  const removedAfter = new Map<number, number[]>(); // removed index i → emitted after the match of before[i-1]
  const removed = before.map((_, i) => i).filter((i) => !usedB.has(i));
  const bToOut = new Map<number, number>();
  for (let j = 0; j < after.length; j++) {
    const p = pairOfAfter.get(j);
    if (p) {
      bToOut.set(p.b, out.length);
      out.push({ before: before[p.b]!, after: after[j]!, status: p.status, similarity: p.similarity });
    } else out.push({ before: null, after: after[j]!, status: 'added', similarity: null });
  }
  // insert removed items after the output position of their nearest matched predecessor
  for (const i of removed) {
    let anchor = -1;
    for (let k = i - 1; k >= 0; k--) {
      const pos = bToOut.get(k);
      if (pos !== undefined) {
        anchor = pos;
        break;
      }
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push(i);
    removedAfter.set(anchor, list);
  }
  const result: Array<HeadingMatch<T>> = [];
  for (const i of removedAfter.get(-1) ?? []) result.push({ before: before[i]!, after: null, status: 'removed', similarity: null });
  out.forEach((m, pos) => {
    result.push(m);
    for (const i of removedAfter.get(pos) ?? []) result.push({ before: before[i]!, after: null, status: 'removed', similarity: null });
  });
  return result;
}

function textChars(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 0x0a) n++;
  return n;
}

function share(doc: PolicyDocument, s: Section | null): number | null {
  if (!s) return null;
  const total = doc.metadata.chars || textChars(doc.source.text, 0, doc.source.text.length);
  if (!total) return null;
  return Math.round((textChars(doc.source.text, s.start, s.end) / total) * 10000) / 100;
}

/** Structure rows for one pair of documents (earlier, later). */
export function compareStructure(a: OrderedDocument, b: OrderedDocument, options: StructureOptions = {}): StructureRow[] {
  const threshold = options.threshold ?? 0.5;
  const rows: StructureRow[] = [];
  const row = (level: 1 | 2, m: HeadingMatch<Section>, parent: string | null): StructureRow => {
    const sb = share(a.document, m.before);
    const sa = share(b.document, m.after);
    return {
      from: a.id,
      to: b.id,
      level,
      status: m.status,
      before: m.before?.heading ?? null,
      after: m.after?.heading ?? null,
      beforeId: m.before?.id ?? null,
      afterId: m.after?.id ?? null,
      parent,
      similarity: m.similarity,
      shareBefore: sb,
      shareAfter: sa,
      shareChange: sb !== null && sa !== null ? Math.round((sa - sb) * 100) / 100 : null,
    };
  };
  const heading = (s: Section) => s.heading;
  for (const m of matchHeadings(a.document.sections, b.document.sections, heading, threshold)) {
    rows.push(row(1, m, null));
    const parent = (m.after ?? m.before)!.heading;
    const kids = matchHeadings(m.before?.children ?? [], m.after?.children ?? [], heading, threshold);
    for (const k of kids) rows.push(row(2, k, parent));
  }
  return rows;
}
