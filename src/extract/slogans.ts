/**
 * Quoted terms and numbered slogans. Chinese policy language names its
 * programmes in quotation marks (“四大突破攻坚行动”, “放管服”, “两个确立”); this
 * lists every quoted term with its count, first position and section.
 *
 * Quote styles: “…”, ‘…’, 「…」, 『…』, ASCII "…" and '…' (ASCII single quotes
 * only around text with a Chinese character, so apostrophes are left alone).
 * A quote never spans a line break; an opening mark with no closing mark on its
 * line is ignored. Nested quotes give both terms (“纠正‘四风’不能止步…” → the
 * outer quote, and 四风).
 *
 * Classes (rules in `classifyQuoted`):
 *  - `numbered`: a number word or digits + a measure word + at least one more
 *    character (四大突破攻坚行动, 3个三年行动, 两个确立, 十一连冠, 15分钟健身圈),
 *    optionally after a short lead (碳达峰十大行动);
 *  - `number-led`: other terms that start with a numeral (三保障, 四风, 两山, 1+4,
 *    一债一策); a leading year (2023中国…) does not count;
 *  - `term`: every other quoted term (放管服, 老字号, 链长制);
 *  - `single-char`: one character (“进”, “稳”) — not a term, hidden by default;
 *  - `sentence`: sentence punctuation inside (，。；！？：) or more than 40
 *    characters — a quoted sentence, not a term, hidden by default.
 *
 * Pure text: no jieba.
 */
import type { SourceText } from '../io/read.js';
import { sourcePosition } from '../io/read.js';
import type { PolicyDocument } from '../structure/types.js';
import { sectionRefAt } from './section-path.js';

export type QuoteStyle = '“”' | '‘’' | '「」' | '『』' | '""' | "''";
export type QuotedClass = 'numbered' | 'number-led' | 'term' | 'single-char' | 'sentence';

export interface QuoteMatch {
  /** Text between the marks. */
  term: string;
  /** Offsets of the text between the marks (the marks are at start−1 and end). */
  start: number;
  end: number;
  style: QuoteStyle;
}

const PAIRS: Array<[string, string, QuoteStyle]> = [
  ['“', '”', '“”'],
  ['‘', '’', '‘’'],
  ['「', '」', '「」'],
  ['『', '』', '『』'],
];

/** Every quoted span of `text`, in order of position. */
export function findQuotes(text: string): QuoteMatch[] {
  const out: QuoteMatch[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const [open, close, style] of PAIRS) {
      let from = 0;
      for (;;) {
        const o = line.indexOf(open, from);
        if (o < 0) break;
        const c = line.indexOf(close, o + 1);
        if (c < 0) break;
        const reopen = line.indexOf(open, o + 1);
        if (reopen >= 0 && reopen < c) {
          from = reopen; // unmatched opening mark: start again at the next one
          continue;
        }
        if (c > o + 1) out.push({ term: line.slice(o + 1, c), start: lineStart + o + 1, end: lineStart + c, style });
        from = c + 1;
      }
    }
    // ASCII quotes: the same mark opens and closes, so pair them in order
    asciiPairs(line, '"', anyQuote, lineStart, '""', out);
    asciiPairs(line, "'", chineseInSingleQuotes, lineStart, "''", out);
    lineStart += line.length + 1;
  }
  return out.sort(byStartThenLonger);
}

// The callbacks here and below are module-level functions, not arrows made at the call on every
// call (docs/contributing.md).

const anyQuote = (): boolean => true;

/** Single ASCII quotes around Chinese, not an apostrophe after a Latin letter. */
const chineseInSingleQuotes = (inner: string, before: string): boolean => /\p{Script=Han}/u.test(inner) && !/[A-Za-z]$/.test(before);

const byStartThenLonger = (a: QuoteMatch, b: QuoteMatch): number => a.start - b.start || b.end - a.end;

function asciiPairs(line: string, mark: string, ok: (inner: string, before: string) => boolean, base: number, style: QuoteStyle, out: QuoteMatch[]): void {
  let from = 0;
  for (;;) {
    const o = line.indexOf(mark, from);
    if (o < 0) return;
    const c = line.indexOf(mark, o + 1);
    if (c < 0) return;
    const inner = line.slice(o + 1, c);
    if (inner && ok(inner, line.slice(0, o))) {
      out.push({ term: inner, start: base + o + 1, end: base + c, style });
      from = c + 1;
    } else from = o + 1;
  }
}

const CN_DIGITS = '零〇一二两三四五六七八九十百千万双';
/** Digits: at most 3, so a year (2023年…) is not a slogan number. */
const NUMERAL = `(?:\\d{1,3}|[${CN_DIGITS}]+)`;
/** Measure words (and 大, as in 四大) that follow the number of a numbered slogan. */
export const SLOGAN_MEASURES = ['分钟', '公里', '小时', '方面', '个', '大', '项', '条', '张', '件', '种', '类', '批', '场', '次', '连', '支', '座', '家', '所', '位', '名', '届', '轮', '级', '步', '道', '片', '块', '对', '年', '型', '化', '域', '区', '心', '线'];
const NUMBERED = new RegExp(`^(?:[^${CN_DIGITS}\\d]{1,4})?${NUMERAL}(?:${SLOGAN_MEASURES.join('|')})\\p{Script=Han}`, 'u');
const NUMBER_LED = new RegExp(`^(?:\\d+(?:\\+\\d+)+|[${CN_DIGITS}]|\\d{1,3}(?!\\d))`, 'u');
const SENTENCE_PUNCT = /[，。；！？：,;!?]/;

/** Longest quoted text still taken as a term. */
export const MAX_TERM_CHARS = 40;

export function isNumberedSlogan(term: string): boolean {
  return NUMBERED.test(term);
}

export function classifyQuoted(term: string): QuotedClass {
  const chars = [...term.trim()];
  if (chars.length <= 1) return 'single-char';
  if (SENTENCE_PUNCT.test(term) || chars.length > MAX_TERM_CHARS) return 'sentence';
  if (isNumberedSlogan(term)) return 'numbered';
  if (NUMBER_LED.test(term)) return 'number-led';
  return 'term';
}

export interface Slogan {
  term: string;
  class: QuotedClass;
  /** Times it is quoted. */
  count: number;
  /** Times the text contains it at all, quoted or not. */
  mentions: number;
  /** Offset (in the normalised text) of its first quoted occurrence, and line/column in the original file. */
  first: number;
  line: number;
  column: number;
  /** Section of the first occurrence: dotted id and heading path (null/[] without a document model). */
  sectionId: string | null;
  sectionPath: string[];
  styles: QuoteStyle[];
  /** Offsets of every quoted occurrence. */
  offsets: number[];
}

export interface SloganOptions {
  /** Also list single characters and quoted sentences. Default false. */
  all?: boolean;
}

function sourceOf(input: SourceText | PolicyDocument): { source: SourceText; doc: PolicyDocument | null } {
  return 'source' in input ? { source: input.source, doc: input } : { source: input, doc: null };
}

/** Every quoted term of a report, in order of first appearance. */
export function extractSlogans(input: SourceText | PolicyDocument, options: SloganOptions = {}): Slogan[] {
  const { source, doc } = sourceOf(input);
  const byTerm = new Map<string, Slogan>();
  const quotes = findQuotes(source.text);
  const terms: string[] = [];
  for (const q of quotes) terms.push(q.term);
  const mentions = countEach(source.text, terms);
  for (const q of quotes) {
    let s = byTerm.get(q.term);
    if (!s) {
      const pos = sourcePosition(source, q.start);
      const ref = sectionRefAt(doc, q.start);
      s = {
        term: q.term,
        class: classifyQuoted(q.term),
        count: 0,
        mentions: mentions.get(q.term) ?? 0,
        first: q.start,
        line: pos.line,
        column: pos.column,
        sectionId: ref.sectionId,
        sectionPath: ref.sectionPath,
        styles: [],
        offsets: [],
      };
      byTerm.set(q.term, s);
    }
    s.count++;
    s.offsets.push(q.start);
    if (!s.styles.includes(q.style)) s.styles.push(q.style);
  }
  const all = [...byTerm.values()].sort(byFirst);
  return options.all ? all : all.filter(isTermLike);
}

const byFirst = (a: Slogan, b: Slogan): number => a.first - b.first;

const isTermLike = (s: Slogan): boolean => s.class !== 'single-char' && s.class !== 'sentence';

/**
 * countEach's pass over the text, in a function of its own (docs/contributing.md): compiled into
 * the loop's on-stack-replaced code before it ever ran, the code after the loop deoptimised at
 * nearly every call for want of type feedback.
 */
function scanNeedles(text: string, isFirstCode: Uint8Array, byFirstCode: Map<number, NeedleCounter[]>): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isFirstCode[code]) continue;
    for (const c of byFirstCode.get(code)!) {
      if (i >= c.nextFree && text.startsWith(c.needle, i)) {
        c.count++;
        c.nextFree = i + c.needle.length;
      }
    }
  }
}

/** A needle of countEach, its count so far and where its last counted occurrence ends. */
interface NeedleCounter {
  needle: string;
  count: number;
  nextFree: number;
}

/** Non-overlapping occurrences of `needle` in `text`. */
export function countSubstring(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * One flag per UTF-16 code unit, used by countEach and reset before it returns:
 * allocating (and zeroing) 64 KB per call cost more than the scan itself.
 */
const IS_FIRST_CODE = new Uint8Array(0x10000);

/**
 * `countSubstring(text, needle)` for every needle, in one pass over the text: a
 * report quotes dozens of terms, and searching the whole text once per term was
 * most of the cost of extractSlogans. Each needle keeps its own count and the end
 * of its last counted occurrence, so its occurrences are taken leftmost first and
 * without overlap, exactly as countSubstring takes them.
 */
export function countEach(text: string, needles: readonly string[]): Map<string, number> {
  const counters = new Map<string, NeedleCounter>();
  for (const needle of needles) if (needle && !counters.has(needle)) counters.set(needle, { needle, count: 0, nextFree: 0 });
  // needles by their first UTF-16 code unit, and a table of those code units for a fast skip
  const byFirstCode = new Map<number, NeedleCounter[]>();
  const isFirstCode = IS_FIRST_CODE;
  for (const c of counters.values()) {
    const code = c.needle.charCodeAt(0);
    isFirstCode[code] = 1;
    const group = byFirstCode.get(code);
    if (group) group.push(c);
    else byFirstCode.set(code, [c]);
  }
  scanNeedles(text, isFirstCode, byFirstCode);
  for (const code of byFirstCode.keys()) isFirstCode[code] = 0;
  const counts = new Map<string, number>();
  for (const needle of needles) counts.set(needle, counters.get(needle)?.count ?? 0);
  return counts;
}
