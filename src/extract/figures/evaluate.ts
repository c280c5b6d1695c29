/**
 * Scoring headline figures against a gold file (../shared/corpus/headline-gold.tsv):
 * used by `npm run eval` (scripts/eval.mjs) and test/figures-gold.test.ts.
 *
 * A gold row matches a headline figure of the same report when kind, year, value,
 * valueMax, unit (％ → %) and qualifier agree (a gold qualifier 预计 also matches a
 * figure whose commitment is 预计) and the indicators agree: the figure's indicator
 * contains the gold one ("strict"), or, for gold indicators the annotator constructed
 * (分别 lists, elided subjects), the gold indicator contains the figure's ("lenient";
 * at least two characters). Spaces and line breaks are ignored. Each figure matches
 * at most one row; strict matches are made first.
 */
import type { Figure } from '../figure-types.js';

export interface GoldRow {
  doc: string;
  kind: string;
  year: number;
  indicator: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  qualifier: string | null;
  span: string;
}

export function parseGold(tsv: string): GoldRow[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#'));
  const header = lines.shift()!.split('\t');
  const col = (name: string) => header.indexOf(name);
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
  const str = (s: string | undefined) => (s === undefined || s === '' ? null : s);
  return lines.map((l) => {
    const c = l.split('\t');
    return {
      doc: c[col('doc')]!,
      kind: c[col('kind')]!,
      year: Number(c[col('year')]),
      indicator: c[col('indicator')]!,
      value: num(c[col('value')]),
      valueMax: num(c[col('value_max')]),
      unit: str(c[col('unit')]),
      qualifier: str(c[col('qualifier')]),
      span: (c[col('span')] ?? '').replace(/\\n/g, '\n'),
    };
  });
}

const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '').replace(/％/g, '%').replace(/\\n/g, '');

function sameFields(g: GoldRow, f: Figure): boolean {
  if (f.kind !== g.kind || f.year !== g.year) return false;
  if (g.value === null) return f.value === null;
  if (f.value === null || Math.abs(f.value - g.value) > 1e-9) return false;
  if ((g.valueMax ?? null) !== (f.valueMax ?? null)) return false;
  if (norm(g.unit) !== norm(f.unit)) return false;
  const q = g.qualifier ?? null;
  if (q === (f.qualifier ?? null)) return true;
  return q === '预计' && f.commitment === '预计' && f.qualifier === null;
}

export interface ReportScore {
  doc: string;
  gold: number;
  matched: number;
  strict: number;
  flagged: number;
  matchedFigures: number;
  numericGold: number;
  numericMatched: number;
  textGold: number;
  textMatched: number;
  misses: GoldRow[];
  extra: Figure[];
}

export interface EvalResult {
  reports: ReportScore[];
  total: Omit<ReportScore, 'doc' | 'misses' | 'extra'>;
}

export function evaluate(gold: GoldRow[], figuresByDoc: Map<string, Figure[]>): EvalResult {
  const reports: ReportScore[] = [];
  for (const [doc, figures] of figuresByDoc) {
    const rows = gold.filter((g) => g.doc === doc);
    const flagged = figures.filter((f) => f.headline);
    const used = new Set<Figure>();
    const matchedRows = new Map<GoldRow, 'strict' | 'lenient'>();
    for (const mode of ['strict', 'lenient'] as const) {
      for (const g of rows) {
        if (matchedRows.has(g)) continue;
        const gi = norm(g.indicator);
        const hit = flagged.find((f) => {
          if (used.has(f) || !sameFields(g, f)) return false;
          const fi = norm(f.indicator);
          return mode === 'strict' ? fi.includes(gi) : fi.length >= 2 && gi.includes(fi);
        });
        if (hit) {
          used.add(hit);
          matchedRows.set(g, mode);
        }
      }
    }
    const numeric = rows.filter((g) => g.value !== null);
    reports.push({
      doc,
      gold: rows.length,
      matched: matchedRows.size,
      strict: [...matchedRows.values()].filter((m) => m === 'strict').length,
      flagged: flagged.length,
      matchedFigures: used.size,
      numericGold: numeric.length,
      numericMatched: numeric.filter((g) => matchedRows.has(g)).length,
      textGold: rows.length - numeric.length,
      textMatched: rows.filter((g) => g.value === null && matchedRows.has(g)).length,
      misses: rows.filter((g) => !matchedRows.has(g)),
      extra: flagged.filter((f) => !used.has(f)),
    });
  }
  const sum = (k: keyof EvalResult['total']) => reports.reduce((a, r) => a + (r[k] as number), 0);
  const total = {
    gold: sum('gold'),
    matched: sum('matched'),
    strict: sum('strict'),
    flagged: sum('flagged'),
    matchedFigures: sum('matchedFigures'),
    numericGold: sum('numericGold'),
    numericMatched: sum('numericMatched'),
    textGold: sum('textGold'),
    textMatched: sum('textMatched'),
  };
  return { reports, total };
}
