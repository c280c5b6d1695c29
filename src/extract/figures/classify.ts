/**
 * Kind and year of a figure from where it stands: the headline passages, the
 * role and year of its section, five-year markers (十四五, 年均, 五年来), baselines
 * (由X提高到Y: X is `other`), years set in the sentence (到2025年) and restated targets.
 */
import type { FigureKind } from '../figure-types.js';
import type { Passage, PolicyDocument, Section } from '../../structure/types.js';
import type { SentenceFigure } from './sentence.js';

export interface Placement {
  kind: FigureKind;
  year: number | null;
  headline: boolean;
  /** Added to the record's warning (e.g. why a plan-section figure is not a target). */
  note: string | null;
}

const FIVE_YEAR_HEADING = /十[一二三四五六]五|五年|规划/;

export function classify(doc: PolicyDocument, f: SentenceFigure, path: Section[], passage: Passage | null): Placement {
  const planYear = doc.metadata.planYear;
  const reviewYear = doc.metadata.reviewYear ?? (planYear !== null ? planYear - 1 : null);
  if (f.baseline) return { kind: 'other', year: null, headline: false, note: 'baseline (由…提高到…)' };
  if (passage) {
    const kind: FigureKind = passage.kind === 'targets' ? 'target' : 'actual';
    const year = passage.year ?? (kind === 'target' ? planYear : reviewYear);
    if (f.fiveYear && passage.kind === 'results') return { kind: 'other', year: null, headline: false, note: 'five-year figure in the results summary' };
    return { kind, year, headline: true, note: null };
  }
  const top = path[0] ?? null;
  const inner = path[path.length - 1] ?? null;
  const headingFiveYear = path.some((s) => FIVE_YEAR_HEADING.test(s.heading) && !/年度|今年|20\d\d年工作/.test(s.heading));
  if (f.fiveYear || headingFiveYear) return { kind: 'other', year: f.yearHint, headline: false, note: 'five-year plan or multi-year figure' };
  const role = top?.role ?? null;
  const sectionYear = inner?.year ?? top?.year ?? null;
  let kind: FigureKind;
  let year: number | null;
  if (role === 'review') {
    kind = 'actual';
    year = sectionYear ?? reviewYear;
  } else if (role === 'plan' || role === 'government') {
    kind = sectionYear !== null && reviewYear !== null && sectionYear === reviewYear ? 'actual' : 'target';
    year = sectionYear ?? planYear;
    if (role === 'government' && sectionYear === null && planYear === null) kind = 'other';
  } else {
    kind = 'other';
    year = sectionYear;
  }
  if (f.yearHint !== null && year !== null && f.yearHint !== year) return { kind: 'other', year: f.yearHint, headline: false, note: `about ${f.yearHint}` };
  if (f.restated && kind === 'target') return { kind: 'other', year, headline: false, note: 'a target restated outside the targets passage' };
  return { kind, year, headline: false, note: null };
}
