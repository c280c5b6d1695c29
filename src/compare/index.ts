/**
 * Comparing analysed reports across years and places: targets side by side,
 * attainment of last year's targets, phrase changes, structure changes and
 * document similarity. Works on analysed documents (document + figures +
 * term counts), so the CLI and batch share it; nothing here reads files or
 * segments text.
 */
import type { Figure } from '../extract/figure-types.js';
import { alignTargets, type AlignOptions, type UnitClass } from './align.js';
import { attainment, type Attainment, type FigureRef, type Tolerance } from './attainment.js';
import { orderDocuments, consecutivePairs, type CompareInput, type Ordering } from './order.js';
import { comparePhrases, type PhraseComparison, type PhraseOptions } from './phrases.js';
import { similarityMatrix, type IdfSource, type SimilarityMatrix } from './similarity.js';
import { compareStructure, type StructureOptions, type StructureRow } from './structure.js';

export * from './align.js';
export * from './attainment.js';
export * from './order.js';
export * from './phrases.js';
export * from './similarity.js';
export * from './structure.js';

export type CompareView = 'targets' | 'attainment' | 'phrases' | 'structure' | 'similarity';
export const COMPARE_VIEWS: CompareView[] = ['targets', 'attainment', 'phrases', 'structure', 'similarity'];

export interface CompareOptions extends AlignOptions {
  /** Views to build (default: all that apply to the inputs). */
  views?: CompareView[];
  tolerance?: Partial<Tolerance>;
  phrases?: PhraseOptions;
  structure?: StructureOptions;
  /** IDF for the similarity view. Default jieba. */
  idf?: IdfSource;
}

/** One cell of the targets table: the figure reference without the document id (the column says it). */
export type TargetCellJson = Omit<FigureRef, 'document'>;

export interface TargetRowJson {
  key: string;
  canonical: string | null;
  indicator: string;
  unitClass: UnitClass;
  headline: boolean;
  /** Document id → cell (null: the report has no target for this indicator). */
  cells: Record<string, TargetCellJson | null>;
}

export interface ComparedDocument {
  id: string;
  label: string;
  path: string;
  place: string | null;
  planYear: number | null;
  reviewYear: number | null;
  series: string;
}

export interface Comparison {
  /** In comparison order (place, plan year). */
  documents: ComparedDocument[];
  series: Array<{ place: string | null; documents: string[] }>;
  notes: string[];
  views: CompareView[];
  targets?: TargetRowJson[];
  attainment?: Attainment;
  phrases?: PhraseComparison;
  structure?: StructureRow[];
  similarity?: SimilarityMatrix;
}

/** The views that apply to these inputs: phrases and similarity need term counts and two reports; structure needs two reports. */
export function applicableViews(ordering: Ordering): CompareView[] {
  const n = ordering.documents.length;
  const terms = ordering.documents.filter((d) => d.terms).length;
  const views: CompareView[] = ['targets', 'attainment'];
  if (n > 1 && terms > 1) views.push('phrases');
  if (n > 1) views.push('structure');
  if (n > 1 && terms > 1) views.push('similarity');
  return views;
}

export function compareDocuments(inputs: CompareInput[], options: CompareOptions = {}): Comparison {
  const ordering = orderDocuments(inputs);
  const applicable = applicableViews(ordering);
  const views = options.views ? options.views.filter((v) => COMPARE_VIEWS.includes(v)) : applicable;
  const notes = [...ordering.notes];
  for (const v of views) if (!applicable.includes(v)) notes.push(`view ${v} needs ${v === 'structure' ? 'two or more reports' : 'two or more reports with term counts'}; skipped`);
  const { documents } = ordering;
  const result: Comparison = {
    documents: documents.map((d) => ({
      id: d.id,
      label: d.label,
      path: d.document.metadata.path,
      place: d.place,
      planYear: d.planYear,
      reviewYear: d.document.metadata.reviewYear,
      series: d.series,
    })),
    series: ordering.series.map((s) => ({ place: s.place, documents: s.documents.map((i) => documents[i]!.id) })),
    notes,
    views: views.filter((v) => applicable.includes(v)),
  };
  if (result.views.includes('targets')) {
    result.targets = alignTargets(documents, options).map((r) => ({
      key: r.key,
      canonical: r.canonical,
      indicator: r.indicator,
      unitClass: r.unitClass,
      headline: r.headline,
      cells: Object.fromEntries(
        r.cells.map((c, i) => [
          documents[i]!.id,
          c
            ? {
                text: c.text,
                value: c.figure.value,
                valueMax: c.figure.valueMax,
                unit: c.figure.unit,
                qualifier: c.figure.qualifier,
                bound: c.figure.bound,
                headline: c.figure.headline,
                indicator: c.figure.indicator,
                line: c.figure.line,
              }
            : null,
        ]),
      ),
    }));
  }
  if (result.views.includes('attainment')) result.attainment = attainment(ordering, { tolerance: options.tolerance, headlineOnly: options.headlineOnly });
  if (result.views.includes('phrases')) result.phrases = comparePhrases(ordering, options.phrases);
  if (result.views.includes('structure')) {
    let pairs = consecutivePairs(ordering);
    if (!pairs.length) pairs = documents.slice(1).map((d, i) => [documents[i]!, d]); // one report per place: neighbours in order
    result.structure = pairs.flatMap(([a, b]) => compareStructure(a, b, options.structure));
  }
  if (result.views.includes('similarity')) {
    const withTerms = documents.filter((d) => d.terms);
    result.similarity = similarityMatrix(
      withTerms.map((d) => d.id),
      withTerms.map((d) => d.terms!),
      options.idf,
    );
  }
  return result;
}
