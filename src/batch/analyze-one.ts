/**
 * The whole analysis of one document for `batch`: metadata (structure), figures, key phrases
 * and slogans, as flat rows. Runs in a worker thread; the text is segmented once and shared.
 */
import { createHash } from 'node:crypto';
import type { SourceText } from '../io/read.js';
import type { SegmentOptions } from '../segment/segment.js';
import type { Figure } from '../extract/figure-types.js';
import { flattenSections, structureDocument } from '../structure/index.js';
import { extractFigures } from '../extract/figures/index.js';
import { extractSlogans, type Slogan } from '../extract/slogans.js';
import { extractKeywords, keywordText, lineCount, type RankedTerm } from '../extract/keywords/index.js';
import type { DocumentResult, Row } from './rows.js';

export interface ProcessOptions {
  segment?: SegmentOptions;
  /** Key phrases per document (default 30). */
  keywords?: number;
  /** Content hash of the bytes (hex SHA-256); computed from `source.original` when absent. */
  sha256?: string;
}

/** Hex SHA-256 of the input bytes: the identity `--resume` uses. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Analyses one document: structure and metadata, figures, key phrases, slogans. */
export function processDocument(source: SourceText, options: ProcessOptions = {}): DocumentResult {
  const doc = structureDocument(source);
  // the structure step already falls back to the path (metadataFromPath) when the text is silent
  const meta = doc.metadata;
  const { place, planYear, reviewYear } = meta;
  const key: RowKey = { path: source.path, place, planYear };

  const figures = extractFigures(doc);
  // rows by plain loops over module-level functions, not `.map` with an arrow made per document:
  // V8 keeps a closure's optimised code only while a closure holds it, so such an arrow is
  // compiled again after every full garbage collection (docs/contributing.md)
  const figureRows: Row[] = [];
  let headlineFigures = 0;
  for (const f of figures) {
    figureRows.push(figureRow(key, f));
    if (f.headline) headlineFigures++;
  }

  const text = keywordText(doc, options.segment);
  const ranked = extractKeywords(text, { top: options.keywords ?? 30 }, options.segment);
  const keywordRows: Row[] = [];
  for (let i = 0; i < ranked.length; i++) keywordRows.push(keywordRow(key, ranked[i]!, i + 1));

  const sloganRows: Row[] = [];
  for (const s of extractSlogans(doc)) sloganRows.push(sloganRow(key, s));

  const document: Row = {
    path: key.path,
    place: key.place,
    planYear: key.planYear,
    reviewYear,
    title: meta.title ?? null,
    deliveredOn: meta.deliveredOn ?? null,
    placeSource: meta.provenance.place,
    yearSource: meta.provenance.planYear,
    format: source.format,
    encoding: source.encoding,
    bytes: source.bytes,
    chars: meta.chars,
    paragraphs: lineCount(text),
    sentences: meta.sentences,
    sections: flattenSections(doc.sections).length,
    figures: figureRows.length,
    headlineFigures,
    keywords: keywordRows.length,
    slogans: sloganRows.length,
    sha256: options.sha256 ?? contentHash(Buffer.from(source.original, 'utf8')),
  };
  return { document, figures: figureRows, keywords: keywordRows, slogans: sloganRows };
}

/** The key fields every per-document row starts with. */
interface RowKey {
  path: string;
  place: string | null;
  planYear: number | null;
}

// Rows as plain literals, key fields written out: spreading `key` into each row (or Object.assign
// onto it) cost microseconds per row, several percent of a batch.

/** A keywords.csv row (KEYWORD_COLUMNS order); `rank` counts from 1. */
function keywordRow(key: RowKey, k: RankedTerm, rank: number): Row {
  return {
    path: key.path,
    place: key.place,
    planYear: key.planYear,
    rank,
    term: k.term,
    tag: k.tag,
    weight: round(k.weight, 6),
    count: k.count,
    per10k: round(k.per10k, 3),
  };
}

/** A slogans.csv row (SLOGAN_COLUMNS order). */
function sloganRow(key: RowKey, s: Slogan): Row {
  return {
    path: key.path,
    place: key.place,
    planYear: key.planYear,
    term: s.term,
    class: s.class,
    count: s.count,
    mentions: s.mentions,
    line: s.line,
    column: s.column,
    sectionId: s.sectionId,
    section: s.sectionPath,
  };
}

/** A figures.csv row: the document's key fields, then the figure's (FIGURE_COLUMNS order). */
function figureRow(key: RowKey, f: Figure): Row {
  return {
    path: key.path,
    place: key.place,
    planYear: key.planYear,
    kind: f.kind,
    year: f.year,
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
    headline: f.headline,
    text: f.text,
    sentence: f.sentence,
    section: f.section,
    sectionId: f.sectionId,
    offset: f.offset,
    line: f.line,
    column: f.column,
    warning: f.warning,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
