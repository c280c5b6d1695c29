/**
 * Document-by-term frequency tables: the table people put in a spreadsheet to
 * plot a term over years. Two ways to count:
 *  - `text` (for given terms): non-overlapping occurrences of the string in the
 *    normalised text — the same count `kwic` gives; 发展 also counts the 发展 in
 *    高质量发展;
 *  - `terms` (for the top N): occurrences as a content term of the key-phrase
 *    stream (segmented, phrases merged, stop words and boilerplate left out).
 * Rates are per 10,000 characters of normalised text (line breaks not counted).
 *
 * `textFrequencyTable` is pure text (no jieba).
 */
import { textLength } from '../segment/frequency.js';
import type { TermCounts } from './keywords/terms.js';
import { countSubstring } from './slogans.js';

export type CountMode = 'text' | 'terms';

export interface FrequencyTableRow {
  path: string;
  chars: number;
  /** Count of each term, in the order of `terms`. */
  counts: number[];
  per10k: number[];
}

export interface FrequencyTable {
  mode: CountMode;
  terms: string[];
  documents: FrequencyTableRow[];
}

function rate(count: number, chars: number): number {
  return chars > 0 ? Math.round((count / chars) * 1e6) / 100 : 0;
}

/** Counts each term as a substring of each text. */
export function textFrequencyTable(texts: Array<{ path: string; text: string }>, terms: string[]): FrequencyTable {
  return {
    mode: 'text',
    terms,
    documents: texts.map(({ path, text }) => {
      const chars = textLength(text);
      const counts = terms.map((t) => countSubstring(text, t));
      return { path, chars, counts, per10k: counts.map((c) => rate(c, chars)) };
    }),
  };
}

/**
 * Counts content terms (from `documentTerms`). Without `terms`, takes the `top`
 * terms by total count over all documents (ties: alphabetical).
 */
export function termFrequencyTable(docs: Array<{ path: string; counts: TermCounts }>, terms?: string[], top = 20): FrequencyTable {
  let chosen = terms;
  if (!chosen) {
    const total = new Map<string, number>();
    for (const d of docs) for (const [t, n] of d.counts.counts) total.set(t, (total.get(t) ?? 0) + n);
    chosen = [...total].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, top).map(([t]) => t);
  }
  const list = chosen;
  return {
    mode: 'terms',
    terms: list,
    documents: docs.map(({ path, counts }) => {
      const c = list.map((t) => counts.counts.get(t) ?? 0);
      return { path, chars: counts.chars, counts: c, per10k: c.map((n) => rate(n, counts.chars)) };
    }),
  };
}

/** One row per document and term (long format). */
export function frequencyTableLong(table: FrequencyTable): Array<{ path: string; term: string; count: number; per10k: number; chars: number }> {
  return table.documents.flatMap((d) => table.terms.map((term, i) => ({ path: d.path, term, count: d.counts[i]!, per10k: d.per10k[i]!, chars: d.chars })));
}

/** One row per document, a count column and a per-10k column per term (wide format). */
export function frequencyTableWide(table: FrequencyTable): { columns: string[]; rows: Array<Record<string, unknown>> } {
  const columns = ['path', 'chars', ...table.terms, ...table.terms.map((t) => `${t}_per10k`)];
  const rows = table.documents.map((d) => {
    const row: Record<string, unknown> = { path: d.path, chars: d.chars };
    table.terms.forEach((t, i) => {
      row[t] = d.counts[i];
      row[`${t}_per10k`] = d.per10k[i];
    });
    return row;
  });
  return { columns, rows };
}
