/**
 * Heading detection: the section tree of a report body.
 *
 * Level 1: 一、… (sequential: 一, 二, 三 …), 第一部分 / 第一章. A level-1 heading is a
 *   short unit without a sentence end in it; in a one-line report it may run on into
 *   its text and then ends with a heading word (工作回顾, 工作安排 …).
 * Level 2: （一）… at the start of a unit, numbered from （一） within each level-1
 *   section; the heading is the first sentence. Where a level-1 section has no （一）
 *   items, paragraphs opening 一是 / 二是 … (一要 / 二要 …) are its level 2.
 * Level 3: inside a level-2 section (or a level-1 section with no level 2):
 *   numbered items 1. / 1、 / （1）, 一是 … sequences, and lead sentences: a short first
 *   sentence (≤ 30 characters, ends 。/！, at most one comma, no colon/semicolon, not
 *   opening with 各位代表 / 我们 / 这 …) followed by more text in the same paragraph,
 *   and only where at least two sibling paragraphs open that way.
 */
import { chineseNumber } from './numerals.js';
import { LEVEL1_HEADING_WORDS, type Unit } from './paragraphs.js';
import { splitSentences } from './sentences.js';

export interface RawSection {
  level: 1 | 2 | 3;
  number: string | null;
  heading: string;
  headingStart: number;
  headingEnd: number;
  start: number;
  end: number;
  implicit: boolean;
  /** Index of the unit that holds the heading (the first unit of the section). */
  unit: number;
  children: RawSection[];
}

const CN = '[一二三四五六七八九十]{1,3}';
const LEVEL1 = new RegExp(`^(${CN})、\\s*`);
const LEVEL1_PART = new RegExp(`^第(${CN})(部分|章|篇)\\s*`);
const LEVEL1_RUN_ON = new RegExp(`^[^。！？]{2,40}?(?:${LEVEL1_HEADING_WORDS})`);
const LEVEL2 = new RegExp(`^（(${CN})）\\s*`);
const ENUM_IS = new RegExp(`^(${CN})(是|要)(?![否不])`);
const LEVEL3_NUM = /^(?:(\d{1,2})[.、．](?!\d)|（(\d{1,2})）)\s*/;

interface Heading {
  value: number;
  number: string;
  heading: string;
  headingStart: number;
  headingEnd: number;
}

/** First sentence of the unit (the heading of a level-2/3 item). */
function firstSentenceEnd(u: Unit): number {
  const s = splitSentences(u.text, u.start, 1)[0];
  return s ? s.end : u.end;
}

export function level1Heading(u: Unit): Heading | null {
  let m = LEVEL1.exec(u.text);
  let number: string;
  let value: number | null;
  if (m) {
    number = u.text.slice(0, m[0].length).trim();
    value = chineseNumber(m[1]!);
  } else {
    m = LEVEL1_PART.exec(u.text);
    if (!m) return null;
    number = m[0].trim();
    value = chineseNumber(m[1]!);
  }
  if (value === null) return null;
  const rest = u.text.slice(m[0].length);
  if (rest.length < 2 || new RegExp(`^${CN}、|^[和及与]`).test(rest) || /^[、，。]/.test(rest)) return null;
  let headingLen: number;
  if (rest.length <= 50 && !/[。！？；]./.test(rest) && !/[。；]$/.test(rest)) headingLen = rest.length;
  else {
    const run = LEVEL1_RUN_ON.exec(rest);
    if (!run) return null;
    headingLen = run[0].length;
  }
  const hs = u.start;
  const he = u.start + m[0].length + headingLen;
  return { value, number, heading: rest.slice(0, headingLen).trim(), headingStart: hs, headingEnd: he };
}

function level2Heading(u: Unit): Heading | null {
  const m = LEVEL2.exec(u.text);
  if (!m) return null;
  const value = chineseNumber(m[1]!);
  if (value === null) return null;
  const he = firstSentenceEnd(u);
  return { value, number: `（${m[1]}）`, heading: u.text.slice(m[0].length, he - u.start).trim(), headingStart: u.start, headingEnd: he };
}

function enumHeading(u: Unit): Heading | null {
  const m = ENUM_IS.exec(u.text);
  if (!m) return null;
  const value = chineseNumber(m[1]!);
  if (value === null) return null;
  const he = firstSentenceEnd(u);
  return { value, number: m[0], heading: u.text.slice(m[0].length, he - u.start).trim(), headingStart: u.start, headingEnd: he };
}

function numberedHeading(u: Unit): Heading | null {
  const m = LEVEL3_NUM.exec(u.text);
  if (!m) return null;
  const value = Number(m[1] ?? m[2]);
  const he = firstSentenceEnd(u);
  return { value, number: m[0].trim(), heading: u.text.slice(m[0].length, he - u.start).trim(), headingStart: u.start, headingEnd: he };
}

const NOT_LEAD = /^(?:各位代表|我们|我国|我区|我市|这|那|今年|去年|明年|同时|此外|其中|但|总之|当前|目前|一年来|过去|回顾|因此|所以|如果|只有|只要|虽然|尽管|面对|经过|通过|截至|据|按照|根据|\d)/;

/** The lead sentence that opens `u` as its heading, or null. */
export function leadSentence(u: Unit): { end: number; text: string } | null {
  const s = splitSentences(u.text, u.start, 1)[0];
  if (!s) return null;
  const text = u.text.slice(s.start - u.start, s.end - u.start);
  if (!/[。！]$/.test(text)) return null;
  if (text.length > 30 || text.length < 4) return null;
  if (u.end - s.end < 10) return null;
  if (/[：；:;]/.test(text)) return null;
  if ((text.match(/，/g) ?? []).length > 1) return null;
  if (NOT_LEAD.test(text)) return null;
  if (/^[（(“"—]/.test(text) && !/^“[^”]{1,8}”/.test(text)) return null;
  return { end: s.end, text };
}

/**
 * A run of items numbered 1, 2, 3 … among `units` picked by `match` (never a unit in `skip`);
 * returns the matching unit indexes, in order.
 */
function sequence(units: Unit[], from: number, to: number, match: (u: Unit) => Heading | null, minItems = 2, skip?: Set<number>): Array<{ index: number; h: Heading }> {
  const found: Array<{ index: number; h: Heading }> = [];
  let expect = 1;
  for (let i = from; i < to; i++) {
    if (skip?.has(i)) continue;
    const h = match(units[i]!);
    if (!h) continue;
    if (h.value === expect) {
      found.push({ index: i, h });
      expect++;
    }
  }
  return found.length >= minItems ? found : [];
}

export interface DetectResult {
  sections: RawSection[];
  /** Body text before the first level-1 heading that is not a section of its own (各位代表：…). */
  opening: { start: number; end: number } | null;
  notes: string[];
}

/**
 * Builds the tree over units[from, to). `skip` marks units (asides) that never hold headings.
 */
export function detectSections(units: Unit[], from: number, to: number, skip: Set<number>): DetectResult {
  const notes: string[] = [];
  // level 1
  const l1: Array<{ index: number; h: Heading }> = [];
  let expect = 0;
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const h = level1Heading(units[i]!);
    if (!h) continue;
    if (expect === 0 ? h.value <= 3 : h.value === expect) {
      l1.push({ index: i, h });
      expect = h.value + 1;
    }
  }
  const sections: RawSection[] = [];
  let opening: DetectResult['opening'] = null;

  if (l1.length === 0) {
    notes.push('no level-1 headings (一、二、… or 第一部分) found: the whole body is one implicit section');
    if (to > from) sections.push(implicitSection(units, from, to - 1));
  } else {
    const first = l1[0]!;
    if (first.index > from) {
      const before = units.slice(from, first.index).filter((_, k) => !skip.has(from + k));
      const beforeChars = before.reduce((n, u) => n + u.text.length, 0);
      if (first.h.value > 1 && beforeChars > 200) {
        const s = implicitSection(units, from, first.index - 1);
        // the implicit section starts after the salutation / opening lines when the report has them
        sections.push(s);
        if (first.h.value > 2) notes.push(`the first level-1 heading is ${first.h.number}; the text before it is taken as one implicit section`);
      } else {
        opening = { start: units[from]!.start, end: units[first.index - 1]!.end };
      }
    } else if (first.h.value > 1) {
      notes.push(`the first level-1 heading is ${first.h.number}, and there is no text before it`);
    }
    // loops and module-level functions here, not arrows made per call (docs/contributing.md)
    for (let k = 0; k < l1.length; k++) {
      const item = l1[k]!;
      const last = (l1[k + 1]?.index ?? to) - 1;
      sections.push({
        level: 1,
        number: item.h.number,
        heading: item.h.heading,
        headingStart: item.h.headingStart,
        headingEnd: item.h.headingEnd,
        start: units[item.index]!.start,
        end: units[last]!.end,
        implicit: false,
        unit: item.index,
        children: [],
      });
    }
  }

  for (const s1 of sections) {
    const [a, b] = unitRange(units, to, s1);
    const bodyFrom = s1.implicit ? a : a + 1;
    const headingRunsOn = !s1.implicit && s1.headingEnd < units[a]!.end;
    const from2 = headingRunsOn ? a + 1 : bodyFrom;
    let items = sequence(units, from2, b, level2Heading, 1, skip);
    if (items.length === 0) items = sequence(units, from2, b, enumHeading);
    s1.children = childrenFrom(units, items, b, 2);
    if (s1.children.length === 0 && !s1.implicit || (s1.children.length === 0 && l1.length > 0)) s1.children = level3Children(units, from2, b, skip);
    else for (const s2 of s1.children) {
      const [c, d] = unitRange(units, to, s2);
      s2.children = level3Children(units, c + 1, d, skip, c);
    }
  }
  return { sections, opening, notes };
}

/**
 * The units a section spans: from its own unit up to (not including) the first that starts at or
 * after its end, at most `to`.
 */
function unitRange(units: Unit[], to: number, s: RawSection): [number, number] {
  const a = s.unit;
  let b = a;
  while (b < to && units[b]!.start < s.end) b++;
  return [a, b];
}

function implicitSection(units: Unit[], first: number, last: number): RawSection {
  const start = units[first]!.start;
  return { level: 1, number: null, heading: '', headingStart: start, headingEnd: start, start, end: units[last]!.end, implicit: true, unit: first, children: [] };
}

function childrenFrom(units: Unit[], items: Array<{ index: number; h: Heading }>, end: number, level: 2 | 3): RawSection[] {
  const children: RawSection[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    const last = (items[k + 1]?.index ?? end) - 1;
    children.push({
      level,
      number: item.h.number,
      heading: item.h.heading,
      headingStart: item.h.headingStart,
      headingEnd: item.h.headingEnd,
      start: units[item.index]!.start,
      end: units[last]!.end,
      implicit: false,
      unit: item.index,
      children: [],
    });
  }
  return children;
}

/**
 * Level 3 inside units[from, to). `headingUnit` is the parent's heading unit: a
 * numbered list may start inside it only as its own units, never in the heading.
 */
function level3Children(units: Unit[], from: number, to: number, skip: Set<number>, _headingUnit?: number): RawSection[] {
  if (from >= to) return [];
  let items = sequence(units, from, to, numberedHeading);
  if (items.length === 0) items = sequence(units, from, to, enumHeading);
  if (items.length) return childrenFrom(units, items, to, 3);
  const leads: Array<{ index: number; h: Heading }> = [];
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    const u = units[i]!;
    const lead = leadSentence(u);
    if (lead) leads.push({ index: i, h: { value: leads.length + 1, number: '', heading: lead.text, headingStart: u.start, headingEnd: lead.end } });
  }
  if (leads.length < 2) return [];
  // lead sentences are not numbered (childrenFrom's sections are new objects: set in place)
  const children = childrenFrom(units, leads, to, 3);
  for (const s of children) s.number = null;
  return children;
}
