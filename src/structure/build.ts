/**
 * structureDocument: SourceText → PolicyDocument (sections, roles, years,
 * passages, sentences, metadata). No segmentation: this is fast.
 */
import type { SourceText } from '../io/read.js';
import { bodyEndIndex, bodyStartIndex, isAside } from './matter.js';
import { detectSections, type RawSection } from './headings.js';
import { findDeliveryDate, lastAdminUnit, placeFromLines, placeFromSlogans, yearsIn } from './metadata.js';
import { metadataFromPath } from './path-metadata.js';
import { paragraphUnits, type Unit } from './paragraphs.js';
import { findPassages } from './passages.js';
import { fiveYearPeriod, roleFromContent, roleFromHeading } from './roles.js';
import { splitSentences } from './sentences.js';
import type { DocumentMetadata, MetadataSource, PolicyDocument, Section, SectionRole, Span } from './types.js';

export interface StructureOverrides {
  /** Overrides the place found in the text (--place). */
  place?: string;
  /** Overrides the plan year found in the text (--year); the review year becomes year − 1 unless the text says otherwise. */
  year?: number;
}

export function structureDocument(source: SourceText, overrides: StructureOverrides = {}): PolicyDocument {
  const text = source.text;
  const notes: string[] = [];
  const units = paragraphUnits(text);
  const bs = bodyStartIndex(units);
  const be = bodyEndIndex(units, bs);
  const asideIdx = new Set<number>();
  for (let i = bs; i < be; i++) if (isAside(units[i]!)) asideIdx.add(i);
  const detected = detectSections(units, bs, be, asideIdx);
  notes.push(...detected.notes);

  const frontMatter = spansOf(units.slice(0, bs));
  const backMatter = spansOf(units.slice(be));
  const asides = spansOf([...asideIdx].map((i) => units[i]!));

  // --- roles (years come after the plan year is known)
  const noHeadings = detected.sections.length === 1 && detected.sections[0]!.implicit && detected.notes.length > 0;
  const roles: SectionRole[] = [];
  detected.sections.forEach((s, k) => {
    if (noHeadings) return roles.push('other');
    const byHeading = s.implicit ? null : roleFromHeading(s.heading);
    let role = byHeading ?? roleFromContent(text.slice(s.start, s.end));
    // content that does not decide continues the part before it when that part is the plan
    if (role === 'other' && !byHeading && roles[k - 1] === 'plan') role = 'plan';
    roles.push(role);
  });

  // --- metadata from the text
  const frontText = units.slice(0, Math.max(bs, 1)).map((u) => u.text).join('\n');
  const headText = text.slice(0, 1500);
  const date = findDeliveryDate(frontText) ?? findDeliveryDate(headText);
  let planYear: number | null = null;
  let planSource: MetadataSource = null;
  let planHow = '';
  if (date) {
    planYear = date.year;
    planSource = 'text';
    planHow = 'dated subtitle';
  }
  if (planYear === null) {
    detected.sections.forEach((s, k) => {
      if (planYear === null && roles[k] === 'plan' && !fiveYearPeriod(s.heading)) {
        const y = headingYear(s);
        if (y) {
          planYear = y;
          planSource = 'text';
          planHow = `heading ${s.number ?? ''}${s.heading}`;
        }
      }
    });
  }
  let reviewYear: number | null = null;
  let reviewSource: MetadataSource = null;
  const reviewIdx = detected.sections.findIndex((_, k) => roles[k] === 'review');
  if (reviewIdx >= 0 && !noHeadings) {
    const s = detected.sections[reviewIdx]!;
    const y = s.implicit ? yearsIn(text.slice(s.start, Math.min(s.end, s.start + 40)))[0] ?? null : headingYear(s);
    if (y) {
      reviewYear = y;
      reviewSource = 'text';
    }
  }
  if (planYear === null) {
    // 2012年全区经济社会发展的预期目标是
    const m = /((?:19|20)\d{2})年[^。]{0,16}预期目标(?:是|为)/.exec(text);
    if (m) {
      planYear = Number(m[1]);
      planSource = 'text';
      planHow = 'targets sentence';
    } else if (reviewYear !== null) {
      planYear = reviewYear + 1;
      planSource = 'text';
      planHow = `review of ${reviewYear}`;
    }
  }
  if (planYear === null) {
    const y = metadataFromPath(source.path).year;
    if (y !== null) {
      planYear = y;
      planSource = 'path';
      notes.push(`plan year ${y} taken from the file name: the text names no year it plans for`);
    }
  }
  if (overrides.year !== undefined) {
    if (planYear !== null && planYear !== overrides.year && planSource === 'text') notes.push(`plan year ${overrides.year} set by option; the text suggests ${planYear} (${planHow})`);
    planYear = overrides.year;
    planSource = 'option';
  }
  if (planYear === null) notes.push('plan year not found (no dated subtitle, no year in the plan heading, none in the file name)');
  if (reviewYear === null && planYear !== null && reviewIdx >= 0 && !noHeadings) {
    reviewYear = planYear - 1;
    reviewSource = planSource;
  }
  if (overrides.year !== undefined && reviewSource !== 'text') {
    reviewYear = reviewIdx >= 0 && !noHeadings ? overrides.year - 1 : null;
    reviewSource = reviewYear === null ? null : 'option';
  }
  if (reviewYear === null) notes.push('review year not found: no section reviewing a past year was recognised');

  // --- place
  let place: string | null = null;
  let placeSource: MetadataSource = null;
  const opening = text.slice(units[bs]?.start ?? 0, Math.min(text.length, (units[bs]?.start ?? 0) + 400));
  if (date?.national || /我代表国务院|我代表國務院|代表国务院|國務院/.test(frontText + opening) || /全國人民代表大會|全国人民代表大会第.{1,3}次会议上/.test(frontText + opening.slice(0, 200))) {
    place = '国务院';
    placeSource = 'text';
  } else if (date && date.assembly) {
    place = lastAdminUnit(date.assembly);
    if (place) placeSource = 'text';
  }
  if (!place) {
    const p = placeFromLines(units.slice(0, Math.max(bs, 0)).map((u) => u.text));
    if (p) {
      place = p;
      placeSource = 'text';
    }
  }
  if (!place) {
    const s = placeFromSlogans(text);
    if (s) {
      place = s.place;
      placeSource = 'text';
      notes.push(`place ${s.place} inferred from the report's own name in slogans (${s.name}) and its scope word ${s.scope}; no title or subtitle names it`);
    }
  }
  if (!place) {
    const p = metadataFromPath(source.path).place;
    if (p) {
      place = p;
      placeSource = 'path';
      notes.push(`place ${p} taken from the file name`);
    }
  }
  if (overrides.place !== undefined) {
    place = overrides.place;
    placeSource = 'option';
  }
  if (!place) notes.push('place not found (no title, subtitle or byline names it)');

  // --- title
  let title: string | null = null;
  for (const u of units.slice(0, bs)) {
    const m = /(?:(?:19|20)\d{2}年)?[\u4e00-\u9fff]{0,16}?政府工作报告(?:[（(][^）)]{1,8}[）)])?/.exec(u.text.replace(/政 府 工 作 报 告/, '政府工作报告'));
    if (m) {
      title = m[0].replace(/^.*?电(?=政府工作报告)/, '').replace(/^.*?》。?\s*/, '');
      break;
    }
  }
  if (title === null) notes.push('no title line');

  // --- sections with roles and years
  const sections: Section[] = detected.sections.map((raw, k) => {
    const role = roles[k]!;
    const period = fiveYearPeriod(raw.heading);
    const explicit = headingYear(raw);
    let year: number | null = null;
    let years: { from: number; to: number } | undefined;
    if (role === 'review') {
      year = explicit ?? reviewYear;
      if (/五年/.test(raw.heading) && !/一年/.test(raw.heading) && year !== null) years = { from: year - 4, to: year };
      else if (/一年和五年|五年/.test(raw.heading) && year !== null) years = { from: year - 4, to: year };
      else if (period) years = period;
    } else if (role === 'plan') {
      if (period && explicit === null) {
        years = period;
        year = null;
      } else year = explicit ?? planYear;
    } else if (role === 'government') year = planYear;
    return toSection(raw, String(k + 1), role, year, years);
  });

  // --- passages
  const unitIndexOf = new Map<number, number>();
  for (let i = 0; i < units.length; i++) unitIndexOf.set(units[i]!.start, i);
  const headingOnly = new Set<number>();
  for (const s of sections) addHeadingOnlyUnits(s, units, unitIndexOf, headingOnly);
  const planSpans = sections.filter((s) => s.role === 'plan' && s.year !== null && s.year === planYear);
  const reviewSpans = sections
    .filter((s) => s.role === 'review' && (s.year === reviewYear || s.implicit))
    .map((s) => ({ start: s.start, end: s.end, multiYear: s.years !== undefined }));
  const passages = noHeadings ? [] : findPassages({ text, units, planSpans, planYear, reviewSpans, reviewYear, headingOnly });
  if (!noHeadings) {
    if (!passages.some((p) => p.kind === 'targets')) notes.push('no main expected targets passage (主要预期目标 …) found');
    if (!passages.some((p) => p.kind === 'results')) notes.push("no opening summary of last year's results found");
  }

  const sentences = splitSentences(text);
  const chars = text.length - countLineBreaks(text);

  const metadata: DocumentMetadata = {
    path: source.path,
    encoding: source.encoding,
    format: source.format,
    bytes: source.bytes,
    title,
    place,
    planYear,
    reviewYear,
    deliveredOn: date?.iso ?? null,
    chars,
    sentences: sentences.length,
    provenance: { place: placeSource, planYear: planSource, reviewYear: reviewSource },
    notes,
  };
  const doc: PolicyDocument = { source, metadata, sections, frontMatter, backMatter, passages, sentences };
  doc.opening = detected.opening;
  doc.asides = asides;
  return doc;
}

// The helpers below are module-level functions rather than arrows made inside structureDocument
// on every call (docs/contributing.md).

/** The latest year a heading names (十四五-style plan periods left out), null when none. */
function headingYear(s: RawSection): number | null {
  const ys = yearsIn(s.heading.replace(/“?十[一二三四五六七八九]五”?/g, ''));
  return ys.length ? Math.max(...ys) : null;
}

/** A detected section with its id, role and years, and its children's the same way. */
function toSection(raw: RawSection, id: string, role: SectionRole, year: number | null, years: { from: number; to: number } | undefined): Section {
  const children: Section[] = [];
  for (let k = 0; k < raw.children.length; k++) children.push(toSection(raw.children[k]!, `${id}.${k + 1}`, role, year, years));
  const s: Section = {
    id,
    level: raw.level,
    number: raw.number,
    heading: raw.heading,
    headingStart: raw.headingStart,
    headingEnd: raw.headingEnd,
    start: raw.start,
    end: raw.end,
    implicit: raw.implicit,
    role,
    year,
    children,
  };
  if (years) s.years = years;
  return s;
}

/** Adds to `headingOnly` the unit of every sub-heading (in `s` and below) that fills its unit alone. */
function addHeadingOnlyUnits(s: Section, units: readonly Unit[], unitIndexOf: Map<number, number>, headingOnly: Set<number>): void {
  if (!s.implicit && s.level > 1 && s.headingEnd >= (units[unitIndexOf.get(s.headingStart) ?? 0]?.end ?? 0)) {
    const i = unitIndexOf.get(s.headingStart);
    if (i !== undefined) headingOnly.add(i);
  }
  for (const c of s.children) addHeadingOnlyUnits(c, units, unitIndexOf, headingOnly);
}

/** Number of "\n" in `text` (indexOf skips ahead far faster than a loop over every character). */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

export type { Unit };

/**
 * The spans of `units`; all three lists (front matter, back matter, asides) are made by this one
 * loop. isOutsideBody reads them for every sentence and figure: made by `.map`, empty and non-empty
 * lists came with different array maps, and each new combination deoptimised every function it was
 * inlined into (extractFigures, extractSlogans, sectionPathAt …), later and later into a batch.
 */
function spansOf(units: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const u of units) spans.push({ start: u.start, end: u.end });
  return spans;
}
