/**
 * The document model: section structure, roles, years, headline passages,
 * sentences and metadata of a report. Fast (no segmentation). See docs/structure.md.
 */
import { readSource, type ReadOptions } from '../io/read.js';
import { structureDocument, type StructureOverrides } from './build.js';
import type { Passage, PolicyDocument, Section, Span } from './types.js';

export * from './types.js';
export { structureDocument, type StructureOverrides } from './build.js';
export { splitSentences } from './sentences.js';
export { chineseNumber, chineseYear } from './numerals.js';

/** Reads, normalises and structures one report. */
export async function readDocument(path: string, options: ReadOptions & StructureOverrides = {}): Promise<PolicyDocument> {
  const { place, year, ...read } = options;
  const source = await readSource(path, read);
  return structureDocument(source, { place, year });
}

const within = (s: Span, offset: number) => offset >= s.start && offset < s.end;

/** True when `offset` lies in front matter, back matter or a caption inside the body. */
export function isOutsideBody(doc: PolicyDocument, offset: number): boolean {
  return anyHolds(doc.frontMatter, offset) || anyHolds(doc.backMatter, offset) || anyHolds(doc.asides ?? NO_SPANS, offset);
}

const NO_SPANS: readonly Span[] = [];

/**
 * Does one of `spans` hold `offset`? A loop rather than `.some` with a new closure per call: it
 * runs for every sentence, and in a one-thread run over 963 reports V8 deoptimised the analysis
 * 160 times with `.some` here, 87 times with the loop.
 */
function anyHolds(spans: readonly Span[], offset: number): boolean {
  return spanHolding(spans, offset) !== null;
}

/** The first span of `spans` holding `offset`, or null (a loop: see anyHolds). */
export function spanHolding<T extends Span>(spans: readonly T[], offset: number): T | null {
  for (let i = 0; i < spans.length; i++) if (within(spans[i]!, offset)) return spans[i]!;
  return null;
}

/** The sections holding `offset`, level 1 first; [] in front/back matter, captions and the opening. */
export function sectionPathAt(doc: PolicyDocument, offset: number): Section[] {
  return isOutsideBody(doc, offset) ? [] : sectionsHolding(doc.sections, offset);
}

/** The sections of the tree `sections` holding `offset`, level 1 first (front and back matter not excluded). */
export function sectionsHolding(sections: Section[], offset: number): Section[] {
  const path: Section[] = [];
  let level = sections;
  for (;;) {
    const s = findSpan(level, offset);
    if (!s) return path;
    path.push(s);
    level = s.children;
  }
}

/**
 * How a section is named in paths and tables. A section the report opens without a heading
 * has an empty `heading` (nothing to quote); it is shown as "(no heading: review 2023)" rather
 * than an invented Chinese heading, so evidence never contains words the report does not have.
 */
export function sectionLabel(section: Pick<Section, 'heading' | 'implicit' | 'role' | 'year'>): string {
  if (!section.implicit) return section.heading;
  return `(no heading: ${section.role}${section.year !== null ? ` ${section.year}` : ''})`;
}

export function sectionAt(doc: PolicyDocument, offset: number): Section | null {
  const p = sectionPathAt(doc, offset);
  return p[p.length - 1] ?? null;
}

/** The sentence holding `offset` (the nearest one before it when `offset` falls between sentences). */
export function sentenceAt(doc: PolicyDocument, offset: number): Span & { text: string } {
  const ss = doc.sentences;
  let lo = 0;
  let hi = ss.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const s = ss[best] ?? { start: 0, end: 0 };
  return { start: s.start, end: s.end, text: doc.source.text.slice(s.start, s.end) };
}

/** The headline passage (targets / results) holding `offset`, or null. */
export function passageAt(doc: PolicyDocument, offset: number): Passage | null {
  return spanHolding(doc.passages, offset);
}

/** Every section in document order (depth first). */
export function flattenSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  addDepthFirst(sections, out);
  return out;
}

/** (A recursive function, not an arrow made per call: batch counts every report's sections; docs/contributing.md.) */
function addDepthFirst(sections: Section[], out: Section[]): void {
  for (const s of sections) {
    out.push(s);
    addDepthFirst(s.children, out);
  }
}

/** The section with a dotted id ("2.3.1"), or null. */
export function sectionById(doc: PolicyDocument, id: string): Section | null {
  return flattenSections(doc.sections).find((s) => s.id === id) ?? null;
}

/** Text of a span of the document. */
export function spanText(doc: PolicyDocument, span: Span): string {
  return doc.source.text.slice(span.start, span.end);
}

/** The section of `list` (siblings, in text order) holding `offset`, or null. */
function findSpan(list: Section[], offset: number): Section | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

export type { ReadOptions };
export { outlineOf, outlineRows, infoRow, charCount, type Outline, type OutlineNode, type OutlinePassage } from './outline.js';
