/**
 * Ordering analysed documents for comparison: by place, then plan year (from the
 * document metadata). Documents with the same place form a series (a place's own
 * time series); comparisons across years (attainment, consecutive keyness,
 * structure changes) happen inside a series only.
 */
import { basename, extname } from 'node:path';
import type { Figure } from '../extract/figure-types.js';
import type { PolicyDocument } from '../structure/types.js';
import type { TermCounts } from '../extract/keywords/terms.js';

/** One analysed report, as `compareDocuments` reads it. Batch can build these once and reuse them. */
export interface CompareInput {
  document: PolicyDocument;
  figures: Figure[];
  /** Content-term counts (the keywords module's `countTerms`), for the phrases and similarity views. */
  terms?: TermCounts;
  /** Slogans found in the report (the keywords module's slogan extraction), for "new slogans". */
  slogans?: string[];
}

/** A document in comparison order, with the label used for its column. */
export interface OrderedDocument extends CompareInput {
  /** Position in comparison order (0-based). */
  index: number;
  /** Short unique id: the file name without extension (national-2024), made unique if needed. */
  id: string;
  /** Column header: the plan year within a single-place comparison, else "place year" (or the id). */
  label: string;
  place: string | null;
  planYear: number | null;
  /** Series key: the place, or `?` + id for a document whose place is unknown (a series of its own). */
  series: string;
}

export interface Series {
  key: string;
  place: string | null;
  /** Indexes into the ordered document list, by plan year. */
  documents: number[];
}

export interface Ordering {
  documents: OrderedDocument[];
  series: Series[];
  /** For people: several places, unknown places or years, duplicate years … */
  notes: string[];
}

const collator = new Intl.Collator('zh-Hans-CN');

function fileId(path: string): string {
  const base = basename(path);
  let id = base.slice(0, base.length - extname(base).length) || base || 'document';
  // national-2020.gbk.txt → national-2020.gbk: keep; it is still unique and recognisable
  if (id === '-' || id === '') id = 'stdin';
  return id;
}

/** Orders documents by place (documents of unknown place last), then plan year (unknown last), then path. */
export function orderDocuments(inputs: CompareInput[]): Ordering {
  const notes: string[] = [];
  const keyed = inputs.map((input, i) => ({ input, i, place: input.document.metadata.place, planYear: input.document.metadata.planYear }));
  keyed.sort((a, b) => {
    if (a.place !== b.place) {
      if (a.place === null) return 1;
      if (b.place === null) return -1;
      return collator.compare(a.place, b.place);
    }
    if (a.planYear !== b.planYear) {
      if (a.planYear === null) return 1;
      if (b.planYear === null) return -1;
      return a.planYear - b.planYear;
    }
    return a.input.document.metadata.path < b.input.document.metadata.path ? -1 : a.input.document.metadata.path > b.input.document.metadata.path ? 1 : a.i - b.i;
  });

  const usedIds = new Map<string, number>();
  const places = new Set(keyed.map((k) => k.place).filter((p): p is string => p !== null));
  const singlePlace = places.size <= 1 && keyed.every((k) => k.place !== null);
  const documents: OrderedDocument[] = keyed.map((k, index) => {
    let id = fileId(k.input.document.metadata.path);
    const n = usedIds.get(id) ?? 0;
    usedIds.set(id, n + 1);
    if (n > 0) id = `${id}#${n + 1}`;
    const series = k.place ?? `?${id}`;
    return { ...k.input, index, id, label: id, place: k.place, planYear: k.planYear, series };
  });

  // Labels: the plan year when every document is of one place and the years are distinct, else place + year.
  const years = documents.map((d) => d.planYear);
  const distinctYears = years.every((y) => y !== null) && new Set(years).size === years.length;
  for (const d of documents) {
    if (singlePlace && distinctYears) d.label = String(d.planYear);
    else if (d.place !== null && d.planYear !== null) d.label = `${d.place} ${d.planYear}`;
    else d.label = d.id;
  }
  const labels = new Map<string, number>();
  for (const d of documents) labels.set(d.label, (labels.get(d.label) ?? 0) + 1);
  for (const d of documents) if ((labels.get(d.label) ?? 0) > 1) d.label = `${d.label} (${d.id})`;

  const seriesMap = new Map<string, Series>();
  for (const d of documents) {
    let s = seriesMap.get(d.series);
    if (!s) seriesMap.set(d.series, (s = { key: d.series, place: d.place, documents: [] }));
    s.documents.push(d.index);
  }
  const series = [...seriesMap.values()];

  if (places.size > 1) notes.push(`several places (${[...places].join(', ')}): each place is compared as its own series; years are compared within a place only`);
  for (const d of documents) {
    if (d.place === null) notes.push(`${d.id}: place unknown, treated as a series of its own`);
    if (d.planYear === null) notes.push(`${d.id}: plan year unknown, placed last in its series`);
  }
  for (const s of series) {
    const seen = new Map<number, string>();
    for (const i of s.documents) {
      const d = documents[i]!;
      if (d.planYear === null) continue;
      const other = seen.get(d.planYear);
      if (other) notes.push(`${other} and ${d.id}: same place and plan year ${d.planYear}`);
      else seen.set(d.planYear, d.id);
    }
  }
  return { documents, series, notes };
}

/** Consecutive pairs inside each series (earlier, later), in order. */
export function consecutivePairs(ordering: Ordering): Array<[OrderedDocument, OrderedDocument]> {
  const pairs: Array<[OrderedDocument, OrderedDocument]> = [];
  for (const s of ordering.series) {
    for (let k = 1; k < s.documents.length; k++) pairs.push([ordering.documents[s.documents[k - 1]!]!, ordering.documents[s.documents[k]!]!]);
  }
  return pairs;
}
