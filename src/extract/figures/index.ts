/**
 * Figures of a report: every quantity attached to an indicator, as a `Figure`
 * (src/extract/figure-types.ts), plus the qualitative items of the headline
 * targets passage (value null). Pure text grammar, no segmentation (no jieba).
 * Rules and decisions: docs/figures.md.
 */
import type { Figure } from '../figure-types.js';
import { sourcePosition } from '../../io/read.js';
import type { Passage, PolicyDocument, Section, Span } from '../../structure/types.js';
import { isOutsideBody, passageAt, sectionLabel, sectionsHolding, spanHolding } from '../../structure/index.js';
import { classify } from './classify.js';
import { splitClauses } from './clauses.js';
import { canonicalOf } from './lexicon.js';
import { commitmentBefore } from './qualifiers.js';
import { extractSentence, type SentenceFigure } from './sentence.js';

export { extractSentence, measureOf, type SentenceFigure } from './sentence.js';
export { canonicalOf, INDICATORS, type IndicatorEntry } from './lexicon.js';
export { scanQuantities, parseChineseNumber, type Quantity } from './numbers.js';
export { splitClauses, listItems } from './clauses.js';

/** Every figure of the document, in text order (qualitative headline targets at their place). */
export function extractFigures(doc: PolicyDocument): Figure[] {
  const text = doc.source.text;
  const out: Figure[] = [];
  for (const span of doc.sentences) {
    if (isOutsideBody(doc, span.start)) continue;
    const sentence = text.slice(span.start, span.end);
    if (!/[\d一二两三四五六七八九]/.test(sentence)) continue;
    for (const f of extractSentence(sentence)) {
      const offset = span.start + f.start;
      const numberOffset = span.start + f.numberAt;
      const path = sectionsHolding(doc.sections, numberOffset);
      const passage = passageAt(doc, numberOffset);
      const placement = classify(doc, f, path, passage);
      out.push(toFigure(doc, f, sentence, offset, numberOffset, path, placement));
    }
  }
  for (const p of doc.passages) if (p.kind === 'targets') out.push(...qualitativeTargets(doc, p));
  out.sort(byOffsetNumbersFirst);
  markRestatedTargets(out);
  return out;
}

/** Text order (a module-level comparator, not an arrow made per call: docs/contributing.md); at the same offset, a figure with a value before a qualitative one. */
const byOffsetNumbersFirst = (a: Figure, b: Figure): number => a.offset - b.offset || (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0);

function toFigure(
  doc: PolicyDocument,
  f: SentenceFigure,
  sentence: string,
  offset: number,
  numberOffset: number,
  path: Section[],
  placement: ReturnType<typeof classify>,
): Figure {
  const pos = sourcePosition(doc.source, numberOffset);
  const warning = [f.warning, placement.kind === 'other' ? placement.note : null].filter(Boolean).join('; ') || null;
  return {
    kind: placement.kind,
    year: placement.year,
    indicator: f.indicator,
    canonical: f.canonical,
    measure: f.measure,
    direction: f.direction,
    value: f.value,
    valueMax: f.valueMax,
    unit: f.unit,
    scaled: f.scaled,
    scaledUnit: f.scaledUnit,
    qualifier: f.qualifier,
    bound: f.bound,
    commitment: f.commitment,
    headline: placement.headline,
    text: sentence.slice(f.start, f.end),
    sentence,
    section: path.map(sectionLabel),
    sectionId: path[path.length - 1]?.id ?? null,
    offset,
    line: pos.line,
    column: pos.column,
    warning,
  };
}

/** Comments on the targets rather than targets (在实际工作中争取更好结果, 这些目标…). */
const COMMENT = /^(?:在)?实际工作中|争取更好结果|^这些|^这是|^这个|^以上|^上述|^同时|^其中|^各位代表/;
/** Clauses that continue the previous item (…统筹考核，并留有适当弹性; …扭转下滑态势，实现正增长). */
const CONTINUATION = /^(?:并|且|实现正增长|实现稳定增长|保持|不纳入)/;

/** The non-numeric items of a targets passage, one record per clause, value null. */
export function qualitativeTargets(doc: PolicyDocument, passage: Passage): Figure[] {
  const text = doc.source.text;
  let from = passage.start;
  const body = text.slice(passage.start, passage.end);
  const firstNumber = body.search(/\d/);
  const colon = body.search(/[：:]/);
  if (colon >= 0 && (firstNumber < 0 || colon < firstNumber)) from = passage.start + colon + 1;
  else if (firstNumber >= 0) {
    // national-2020: 今年要优先稳就业保民生，…；城镇新增就业900万人以上 — the lead-in before the first ；
    const semi = body.lastIndexOf('；', firstNumber);
    if (semi >= 0) from = passage.start + semi + 1;
  }
  const region = text.slice(from, passage.end);
  const items: Array<{ start: number; end: number }> = [];
  let lastWasQualitative = false;
  for (const c of splitClauses(region)) {
    const clause = region.slice(c.start, c.end).trim();
    const hasNumber = /\d/.test(clause);
    if (hasNumber || clause.length < 4 || COMMENT.test(clause)) {
      lastWasQualitative = false;
      continue;
    }
    const prevItem = items[items.length - 1];
    const prevText = prevItem ? region.slice(prevItem.start, prevItem.end).trim() : '';
    // 城镇新增就业人数，城镇登记失业率、…等约束性指标完成…目标: a bare indicator name joins the next clause
    const bareName = prevText.length <= 10 && /(?:人数|率|指标|总量)$/.test(prevText);
    if (lastWasQualitative && (CONTINUATION.test(clause) || bareName) && prevItem) {
      items[items.length - 1]!.end = c.end;
      continue;
    }
    // 现行标准下农村贫困人口全部脱贫、贫困县全部摘帽: two items when both halves are full clauses
    const parts = clause.split('、');
    if (parts.length === 2 && parts.every((p) => p.length >= 6 && /全部|基本|继续|不断|进一步|明显|稳步|持续/.test(p))) {
      const cut = region.indexOf('、', c.start);
      items.push({ start: c.start, end: cut }, { start: cut + 1, end: c.end });
    } else items.push({ start: c.start, end: c.end });
    lastWasQualitative = true;
  }
  const out: Figure[] = [];
  for (const it of items) out.push(qualitativeTarget(doc, passage, from, it));
  return out;
}

/** One item of qualitativeTargets (`from`: where the passage's items start). */
function qualitativeTarget(doc: PolicyDocument, passage: Passage, from: number, it: Span): Figure {
  const text = doc.source.text;
  const offset = from + it.start;
  const raw = text.slice(offset, from + it.end);
  const lead = raw.length - raw.trimStart().length;
  const clause = raw.trim();
  const start = offset + lead;
  const path = sectionsHolding(doc.sections, start);
  const pos = sourcePosition(doc.source, start);
  const sentenceSpan = spanHolding(doc.sentences, start);
  const sentence = sentenceSpan ? text.slice(sentenceSpan.start, sentenceSpan.end) : clause;
  const inSentence = sentenceSpan ? start - sentenceSpan.start : 0;
  return {
    kind: 'target',
    year: passage.year ?? doc.metadata.planYear,
    indicator: clause,
    canonical: canonicalOf(clause),
    measure: null,
    direction: null,
    value: null,
    valueMax: null,
    unit: null,
    scaled: null,
    scaledUnit: null,
    qualifier: null,
    bound: null,
    commitment: commitmentBefore(sentence, inSentence + clause.length),
    headline: true,
    text: clause,
    sentence,
    section: path.map(sectionLabel),
    sectionId: path[path.length - 1]?.id ?? null,
    offset: start,
    line: pos.line,
    column: pos.column,
    warning: null,
  } satisfies Figure;
}

/**
 * A target figure outside the headline passage with the same indicator and value as a
 * headline target, in a sentence that speaks of 目标, is a restatement: kind `other`.
 */
function markRestatedTargets(figures: Figure[]): void {
  const headline = figures.filter((f) => f.headline && f.kind === 'target' && f.value !== null);
  for (const f of figures) {
    if (f.headline || f.kind !== 'target' || f.value === null || !/目标/.test(f.sentence)) continue;
    const same = headline.find((h) => h.value === f.value && h.unit === f.unit && (h.canonical === f.canonical || h.indicator === f.indicator));
    if (same) {
      f.kind = 'other';
      f.warning = [f.warning, 'a headline target restated'].filter(Boolean).join('; ');
    }
  }
}

/** A figure with the document it came from: what `targets` prints and batch writes. */
export interface FigureRecord extends Figure {
  path: string;
  place: string | null;
  planYear: number | null;
}

export function figureRecords(doc: PolicyDocument, figures: Figure[] = extractFigures(doc)): FigureRecord[] {
  const { path, place, planYear } = doc.metadata;
  return figures.map((f) => ({ path, place, planYear, ...f }));
}

export interface FigureFilter {
  /** target (default in the CLI), actual, other, or all. */
  kind?: 'target' | 'actual' | 'other' | 'all';
  headline?: boolean;
  /** Keep figures whose canonical id is one of these. */
  canonical?: string[];
  /** Keep figures whose indicator matches. */
  indicator?: RegExp;
}

export function filterFigures<T extends Figure>(figures: T[], filter: FigureFilter): T[] {
  return figures.filter(
    (f) =>
      (!filter.kind || filter.kind === 'all' || f.kind === filter.kind) &&
      (!filter.headline || f.headline) &&
      (!filter.canonical?.length || (f.canonical !== null && filter.canonical.includes(f.canonical))) &&
      (!filter.indicator || filter.indicator.test(f.indicator)),
  );
}

/** Column order of figures in CSV/JSONL (the README documents each). */
export const FIGURE_COLUMNS = [
  'path', 'place', 'planYear', 'kind', 'year', 'headline', 'indicator', 'canonical', 'measure', 'direction', 'value', 'valueMax', 'unit',
  'scaled', 'scaledUnit', 'qualifier', 'bound', 'commitment', 'section', 'sectionId', 'offset', 'line', 'column', 'text', 'sentence', 'warning',
] as const;
