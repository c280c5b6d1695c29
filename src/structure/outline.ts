/**
 * Outline and info views of a PolicyDocument: plain data for the `outline` and
 * `info` commands and for library users (JSON shapes documented in the README).
 */
import { sourcePosition } from '../io/read.js';
import type { DocumentMetadata, Passage, PolicyDocument, Section, SectionRole, Span } from './types.js';

export interface OutlineNode {
  id: string;
  level: 1 | 2 | 3;
  number: string | null;
  heading: string;
  implicit: boolean;
  role: SectionRole;
  year: number | null;
  years?: { from: number; to: number };
  /** Offsets in the normalised text: the section, and its heading (number included). */
  start: number;
  end: number;
  headingStart: number;
  headingEnd: number;
  /** Line (1-based) of the section start in the original file. */
  line: number;
  /** Characters of normalised text in the section, line breaks not counted. */
  chars: number;
  /** chars as a percentage of the whole document, one decimal. */
  share: number;
  children: OutlineNode[];
}

export interface OutlinePassage extends Passage {
  line: number;
  /** Innermost section id holding the passage start. */
  sectionId: string | null;
  text: string;
}

export interface Outline {
  path: string;
  metadata: DocumentMetadata;
  frontMatter: Array<Span & { text: string }>;
  backMatter: Array<Span & { text: string }>;
  opening: (Span & { text: string }) | null;
  asides: Array<Span & { text: string }>;
  passages: OutlinePassage[];
  sections: OutlineNode[];
}

export function charCount(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 10) n++;
  return n;
}

export function outlineOf(doc: PolicyDocument, depth = 3): Outline {
  const text = doc.source.text;
  const total = Math.max(doc.metadata.chars, 1);
  const node = (s: Section): OutlineNode => {
    const chars = charCount(text, s.start, s.end);
    const n: OutlineNode = {
      id: s.id,
      level: s.level,
      number: s.number,
      heading: s.heading,
      implicit: s.implicit,
      role: s.role,
      year: s.year,
      start: s.start,
      end: s.end,
      headingStart: s.headingStart,
      headingEnd: s.headingEnd,
      line: sourcePosition(doc.source, s.start).line,
      chars,
      share: Math.round((chars / total) * 1000) / 10,
      children: s.level < depth ? s.children.map(node) : [],
    };
    if (s.years) n.years = s.years;
    return n;
  };
  const withText = (s: Span) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  const innermost = (offset: number): string | null => {
    let id: string | null = null;
    let list = doc.sections;
    for (;;) {
      const s = list.find((x) => offset >= x.start && offset < x.end);
      if (!s) return id;
      id = s.id;
      list = s.children;
    }
  };
  return {
    path: doc.source.path,
    metadata: doc.metadata,
    frontMatter: doc.frontMatter.map(withText),
    backMatter: doc.backMatter.map(withText),
    opening: doc.opening ? withText(doc.opening) : null,
    asides: (doc.asides ?? []).map(withText),
    passages: doc.passages.map((p) => ({ ...p, line: sourcePosition(doc.source, p.start).line, sectionId: innermost(p.start), text: text.slice(p.start, p.end) })),
    sections: doc.sections.map(node),
  };
}

/** One flat row per section, depth first, for tables and CSV. */
export function outlineRows(outline: Outline): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  const walk = (n: OutlineNode) => {
    const marks = outline.passages.filter((p) => p.sectionId === n.id).map((p) => p.kind);
    rows.push({
      path: outline.path,
      id: n.id,
      level: n.level,
      number: n.number,
      heading: n.heading,
      implicit: n.implicit,
      role: n.role,
      year: n.year,
      chars: n.chars,
      share: n.share,
      line: n.line,
      start: n.start,
      end: n.end,
      passages: marks.join(' '),
    });
    n.children.forEach(walk);
  };
  outline.sections.forEach(walk);
  return rows;
}

/** The info row of a document: its metadata plus section counts. */
export function infoRow(doc: PolicyDocument): Record<string, unknown> {
  const m = doc.metadata;
  let level2 = 0;
  let level3 = 0;
  for (const s of doc.sections)
    for (const c of s.children) {
      level2++;
      level3 += c.children.length;
    }
  return {
    path: m.path,
    place: m.place,
    planYear: m.planYear,
    reviewYear: m.reviewYear,
    deliveredOn: m.deliveredOn,
    title: m.title,
    chars: m.chars,
    sentences: m.sentences,
    sections: doc.sections.length,
    level2,
    level3,
    passages: doc.passages.map((p) => p.kind).join(' '),
    encoding: m.encoding,
    format: m.format,
    bytes: m.bytes,
    placeFrom: m.provenance.place,
    yearFrom: m.provenance.planYear,
    notes: m.notes.join('; '),
  };
}
