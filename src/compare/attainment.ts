/**
 * Attainment: was the year-Y target met? Each target of year Y (from the report
 * that sets it) is set beside the actual of year Y (from the next report of the
 * same place, which reviews year Y), with a verdict from the target's bound:
 *
 *  - approx (左右): met within a tolerance: ±0.5 percentage points for targets in
 *    % or 个百分点, ±5% of the target for amounts (both adjustable);
 *  - min (以上, 不低于 …): met when actual ≥ target;
 *  - max (以内, 以下, 不超过 …): met when actual ≤ target;
 *  - range (6%-6.5%): met inside the range;
 *  - exact (no qualifier): a point target, met when reached.
 *
 * Beyond the band, the indicator's polarity decides: for more-is-better
 * indicators (growth, jobs, income, output, reductions of energy intensity …)
 * overshooting is met; for less-is-better ones (prices/CPI, unemployment,
 * deficit, anything 控制在 or bounded 以内) undershooting is met.
 * `unclear` when either side is missing or qualitative, or the units differ.
 * gap = actual − target (for a range, − the nearest bound; 0 inside it).
 *
 * One-document mode: a single report of a place holds last year's results and
 * this year's targets but not last year's targets, so it yields "results vs new
 * targets" rows (previous actual beside new target, no verdict).
 */
import type { Figure } from '../extract/figure-types.js';
import { figureText, normalizeIndicator, pickFigures, unitClass, type UnitClass } from './align.js';
import type { OrderedDocument, Ordering } from './order.js';

export type Verdict = 'met' | 'missed' | 'unclear';
export type Polarity = 'higher' | 'lower';

export interface Tolerance {
  /** Allowed distance for 左右 targets in % or 个百分点, in percentage points. Default 0.5. */
  points: number;
  /** Allowed distance for 左右 targets in amounts, as a fraction of the target. Default 0.05. */
  relative: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { points: 0.5, relative: 0.05 };

export interface VerdictResult {
  verdict: Verdict;
  /** Why, in words: within ±0.5 pp, above the minimum, units differ (% vs 亿元) … */
  detail: string;
  /** actual − target (or nearest bound), in `gapUnit`; null when not comparable. */
  gap: number | null;
  /** 个百分点 for % targets, else the target's unit. */
  gapUnit: string | null;
}

type Side = Pick<Figure, 'value' | 'valueMax' | 'unit' | 'scaled' | 'scaledUnit' | 'qualifier' | 'bound' | 'direction' | 'canonical' | 'indicator'>;

const LOWER_IS_BETTER_CANONICAL = /cpi|price|inflation|unemploy|deficit|debt|leverage/i;
const LOWER_IS_BETTER_PHRASE = /失业率|价格|物价|涨幅|赤字|杠杆率|控制在|以内|负债率/;

/** Whether more or less is better for the target's indicator (see the module comment). */
export function polarity(target: Side): Polarity {
  if (target.bound === 'max') return 'lower';
  if (target.bound === 'min') return 'higher';
  if (target.canonical && LOWER_IS_BETTER_CANONICAL.test(target.canonical)) return 'lower';
  if (LOWER_IS_BETTER_PHRASE.test(target.indicator)) return 'lower';
  return 'higher';
}

function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** The verdict for one target/actual pair. */
export function judge(target: Side | null, actual: Side | null, tolerance: Tolerance = DEFAULT_TOLERANCE): VerdictResult {
  const unclear = (detail: string): VerdictResult => ({ verdict: 'unclear', detail, gap: null, gapUnit: null });
  if (!target) return unclear('no target');
  if (target.value === null) return unclear('qualitative target');
  if (!actual) return unclear('no actual');
  if (actual.value === null) return unclear('qualitative actual');

  // Bring both sides to the target's unit.
  let factor: number;
  if (target.unit === actual.unit) factor = 1;
  else if (
    target.scaled !== null && actual.scaled !== null && target.scaledUnit !== null && target.scaledUnit === actual.scaledUnit &&
    target.value !== 0 && actual.value !== 0
  ) {
    factor = actual.scaled / actual.value / (target.scaled / target.value);
  } else {
    return unclear(`units differ (${target.unit ?? '–'} vs ${actual.unit ?? '–'})`);
  }
  // A target to lower something (能耗降低3%) against an actual that rose: the actual counts negative.
  const sign = target.direction && actual.direction && target.direction !== actual.direction ? -1 : 1;
  const a = sign * actual.value * factor;

  const pct = unitClass(target) !== 'amount';
  const gapUnit = target.unit === '%' ? '个百分点' : target.unit;
  const v = target.value;
  let lo: number;
  let hi: number;
  let band: string;
  switch (target.bound ?? (target.valueMax !== null ? 'range' : 'exact')) {
    case 'approx': {
      const tol = pct ? tolerance.points : Math.abs(v) * tolerance.relative;
      lo = v - tol;
      hi = v + tol;
      band = pct ? `the ±${tolerance.points} pp band` : `the ±${round(tolerance.relative * 100, 2)}% band`;
      break;
    }
    case 'min':
      lo = v;
      hi = Infinity;
      band = 'the minimum';
      break;
    case 'max':
      lo = -Infinity;
      hi = v;
      band = 'the maximum';
      break;
    case 'range':
      lo = v;
      hi = target.valueMax ?? v;
      band = 'the range';
      break;
    default:
      lo = v;
      hi = v;
      band = 'the target';
  }
  const eps = 1e-9;
  const pol = polarity(target);
  let gap: number;
  if (target.bound === 'range' || (target.bound === null && target.valueMax !== null)) gap = a < lo ? a - lo : a > hi ? a - hi : 0;
  else gap = a - v;
  gap = round(gap);
  const qualifierNote = actual.qualifier ? ` (actual ${actual.qualifier})` : '';

  if (a >= lo - eps && a <= hi + eps) {
    const where = band === 'the target' ? 'reached the target' : band === 'the minimum' ? 'at or above the minimum' : band === 'the maximum' ? 'at or below the maximum' : `within ${band}`;
    return { verdict: 'met', detail: where + qualifierNote, gap, gapUnit };
  }
  if (a > hi) {
    const above = band === 'the maximum' ? 'above the maximum' : band === 'the target' ? 'above the target' : `above ${band}`;
    return pol === 'higher' ? { verdict: 'met', detail: above + qualifierNote, gap, gapUnit } : { verdict: 'missed', detail: above + qualifierNote, gap, gapUnit };
  }
  const below = band === 'the minimum' ? 'below the minimum' : band === 'the target' ? 'below the target' : `below ${band}`;
  return pol === 'lower' ? { verdict: 'met', detail: below + qualifierNote, gap, gapUnit } : { verdict: 'missed', detail: below + qualifierNote, gap, gapUnit };
}

export interface FigureRef {
  /** Document id (file name without extension). */
  document: string;
  /** As written: 5%左右. */
  text: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  qualifier: string | null;
  bound: Figure['bound'];
  headline: boolean;
  /** The indicator phrase as written in that report. */
  indicator: string;
  line: number;
}

function ref(docId: string, f: Figure): FigureRef {
  return {
    document: docId,
    text: figureText(f),
    value: f.value,
    valueMax: f.valueMax,
    unit: f.unit,
    qualifier: f.qualifier,
    bound: f.bound,
    headline: f.headline,
    indicator: f.indicator,
    line: f.line,
  };
}

export interface AttainmentRow {
  place: string | null;
  key: string;
  canonical: string | null;
  indicator: string;
  unitClass: UnitClass;
  /** The year the target is for (and the actual is about). */
  year: number;
  target: FigureRef;
  /** null when the next report lacks the indicator or is not among the inputs. */
  actual: FigureRef | null;
  verdict: Verdict;
  detail: string;
  gap: number | null;
  gapUnit: string | null;
}

export interface ResultsVsTargetsRow {
  place: string | null;
  document: string;
  key: string;
  canonical: string | null;
  indicator: string;
  unitClass: UnitClass;
  /** The year the report reviews (its actuals). */
  previousYear: number | null;
  previousActual: FigureRef;
  /** The year the report plans (its targets). */
  newYear: number | null;
  newTarget: FigureRef;
  /** newTarget − previousActual (lower bound of a range), in `changeUnit`; null when the units differ or either is qualitative. */
  change: number | null;
  changeUnit: string | null;
}

export interface Attainment {
  /** Target of year Y beside the actual of year Y from the next report (series of two or more reports). */
  rows: AttainmentRow[];
  /** One-document mode: last year's results beside this year's targets (series of one report). */
  resultsVsTargets: ResultsVsTargetsRow[];
  tolerance: Tolerance;
}

export interface AttainmentOptions {
  tolerance?: Partial<Tolerance>;
  /** Only headline targets. Default: headline targets, plus plan-section targets whose indicator the next report reviews. */
  headlineOnly?: boolean;
}

/** Builds the attainment rows for every series of the ordering. */
export function attainment(ordering: Ordering, options: AttainmentOptions = {}): Attainment {
  const tolerance = { ...DEFAULT_TOLERANCE, ...options.tolerance };
  const rows: AttainmentRow[] = [];
  const resultsVsTargets: ResultsVsTargetsRow[] = [];
  for (const series of ordering.series) {
    const docs = series.documents.map((i) => ordering.documents[i]!);
    if (docs.length === 1) {
      resultsVsTargets.push(...sameReport(docs[0]!));
      continue;
    }
    for (const d of docs) {
      const y = d.planYear;
      if (y === null) continue;
      const next = docs.find((n) => n.document.metadata.reviewYear === y) ?? docs.find((n) => n.planYear === y + 1) ?? null;
      const targets = pickFigures(d.document, d.figures, 'target', y);
      const actuals = next ? pickFigures(next.document, next.figures, 'actual', y) : new Map<string, Figure>();
      for (const [key, t] of targets) {
        const a = actuals.get(key) ?? null;
        if (!t.headline && (options.headlineOnly || !a)) continue;
        if (t.value === null && !a) continue; // qualitative targets with nothing to set beside them
        const v = next ? judge(t, a, tolerance) : { verdict: 'unclear' as const, detail: `no report for ${y + 1} among the inputs`, gap: null, gapUnit: null };
        rows.push({
          place: d.place,
          key,
          canonical: t.canonical,
          indicator: normalizeIndicator(t.indicator),
          unitClass: unitClass(t),
          year: y,
          target: ref(d.id, t),
          actual: a && next ? ref(next.id, a) : null,
          ...v,
        });
      }
    }
  }
  return { rows, resultsVsTargets, tolerance };
}

/** One-document mode: actuals of the review year beside targets of the plan year, for the indicators that have both. */
export function sameReport(d: OrderedDocument): ResultsVsTargetsRow[] {
  const meta = d.document.metadata;
  const targets = pickFigures(d.document, d.figures, 'target', meta.planYear);
  const actuals = pickFigures(d.document, d.figures, 'actual', meta.reviewYear ?? (meta.planYear !== null ? meta.planYear - 1 : null));
  const out: ResultsVsTargetsRow[] = [];
  for (const [key, t] of targets) {
    const a = actuals.get(key);
    if (!a) continue;
    if (!t.headline && !a.headline) continue;
    let change: number | null = null;
    let changeUnit: string | null = null;
    if (t.value !== null && a.value !== null && t.unit === a.unit) {
      change = round(t.value - a.value);
      changeUnit = t.unit === '%' ? '个百分点' : t.unit;
    }
    out.push({
      place: d.place,
      document: d.id,
      key,
      canonical: t.canonical,
      indicator: normalizeIndicator(t.indicator),
      unitClass: unitClass(t),
      previousYear: a.year ?? meta.reviewYear,
      previousActual: ref(d.id, a),
      newYear: t.year ?? meta.planYear,
      newTarget: ref(d.id, t),
      change,
      changeUnit,
    });
  }
  return out;
}

