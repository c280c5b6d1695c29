/**
 * The two passages that carry headline figures.
 *
 * targets: in the first plan section about the plan year, the sentence holding
 *   主要预期目标是 / 预期目标是 / 预期目标为 (followed by ：). Where no such sentence
 *   exists, the first sentence there that lists at least three target indicators with
 *   figures (national-2020: 今年要优先稳就业保民生…). The passage runs to the end of that
 *   sentence, then on through following sentences of the same paragraph while they are
 *   further target items (short, with target words, not commentary such as 这些目标… / 加强…).
 *
 * results: in the review section about the review year, skipping five-year reviews
 *   (paragraphs from a 五年来 / “十二五”时期 opener until a one-year opener such as
 *   过去一年 / 刚刚过去的2017年 / 2015年):
 *   1. a block of —— bullet paragraphs → the whole block (with lines a scraper broke off);
 *   2. else the first paragraph with at least two figures (numbers with units); when it
 *      opens with a lead sentence, later paragraphs of the same kind up to a closing
 *      marker (回顾过去一年 / 一年来 / 主要做了以下工作) are added (national-2025);
 *      when a heading-only line (一是…。) stands just before it, that line is included;
 *   3. when that paragraph has no headline indicator (GDP, revenue, income, jobs …)
 *      but a later review paragraph opening 各位代表，YEAR年 / 刚刚过去的 does, that
 *      summary is used instead (hailaer-2018).
 */
import type { Passage, Span } from './types.js';
import type { Unit } from './paragraphs.js';
import { splitSentences } from './sentences.js';

export const FIGURE = /\d+(?:\.\d+)?\s*(?:%|％|‰|个百分点|万亿元|亿元|万元|元|万亿美元|亿美元|万人次|万人|人次|万亿斤|亿斤|万斤|万吨|吨|万千瓦|千瓦|公里|万平方米|平方米|万亩|亩|万户|户|万家|家|万套|套|倍)/g;
const HEADLINE = /生产总值|财政.{0,4}收入|公共预算收入|可支配收入|纯收入|新增就业|失业率|居民消费价格|固定资产投资|社会消费品零售总额|进出口|粮食产量|规上工业|规模以上工业/;
const TARGET_INDICATOR = /生产总值|新增就业|失业率|居民消费价格|可支配收入|进出口|粮食产量|能耗|固定资产投资|社会消费品零售总额|财政.{0,4}收入|公共预算收入/g;

export function figureCount(s: string): number {
  return (s.match(FIGURE) ?? []).length;
}

export interface PassageInput {
  text: string;
  units: Unit[];
  /** Spans of the plan-year plan sections, in order. */
  planSpans: Span[];
  planYear: number | null;
  /** Spans of review sections about the review year, with a flag for multi-year reviews. */
  reviewSpans: Array<Span & { multiYear: boolean }>;
  reviewYear: number | null;
  /** Units that are headings of level 2/3 items without body (一是…。 on its own line). */
  headingOnly: Set<number>;
}

export function findPassages(input: PassageInput): Passage[] {
  const out: Passage[] = [];
  const r = resultsPassage(input);
  if (r) out.push({ kind: 'results', start: r.start, end: r.end, year: input.reviewYear });
  const t = targetsPassage(input);
  if (t) out.push({ kind: 'targets', start: t.start, end: t.end, year: input.planYear });
  return out.sort((a, b) => a.start - b.start);
}

function unitsIn(units: Unit[], span: Span): number[] {
  const idx: number[] = [];
  for (let i = 0; i < units.length; i++) if (units[i]!.start >= span.start && units[i]!.end <= span.end) idx.push(i);
  return idx;
}

const TARGET_PHRASE = /(?:主要)?预期目标(?:是|为)[：:]|预期目标是/;
const COMMENTARY = /^(?:这|上述|加强|着重|考虑|提出|综合|实际|为|要|我们|同时|今年|经济增长预期|关于|必须|实现|贯彻)/;
const TARGET_WORDS = /增长|下降|降低|减少|达到|控制|实现|以上|以内|左右|指标|同步|扭转|保持|改善|平衡/;

/**
 * The index of the first sentence saying 预期目标是, −1 when none does (a loop, not findIndex with
 * an arrow made per call: docs/contributing.md).
 */
function firstTargetPhrase(text: string, sentences: readonly Span[]): number {
  for (let k = 0; k < sentences.length; k++) if (TARGET_PHRASE.test(text.slice(sentences[k]!.start, sentences[k]!.end))) return k;
  return -1;
}

function targetsPassage(input: PassageInput): Span | null {
  for (const span of input.planSpans) {
    for (const i of unitsIn(input.units, span)) {
      const u = input.units[i]!;
      const sentences = splitSentences(u.text, u.start);
      const k = firstTargetPhrase(input.text, sentences);
      if (k < 0) continue;
      return extendTargets(input.text, sentences, k);
    }
  }
  // no 预期目标是: the first sentence listing three or more target indicators with figures
  for (const span of input.planSpans) {
    for (const i of unitsIn(input.units, span)) {
      const u = input.units[i]!;
      const sentences = splitSentences(u.text, u.start);
      const k = sentences.findIndex((s) => {
        const t = input.text.slice(s.start, s.end);
        const kinds = new Set(t.match(TARGET_INDICATOR) ?? []);
        return kinds.size >= 3 && figureCount(t) >= 2 && !/五年|年均/.test(t);
      });
      if (k >= 0) return extendTargets(input.text, sentences, k);
    }
  }
  return null;
}

function extendTargets(text: string, sentences: Span[], k: number): Span {
  const start = sentences[k]!.start;
  let end = sentences[k]!.end;
  for (let j = k + 1; j < sentences.length; j++) {
    const t = text.slice(sentences[j]!.start, sentences[j]!.end);
    if (t.length > 70 || COMMENTARY.test(t) || !TARGET_WORDS.test(t)) break;
    end = sentences[j]!.end;
  }
  return { start, end };
}

const FIVE_YEAR_OPENER = /^(?:各位代表[，！]?)?(?:五年来|过去五年|这五年|“十[一二三四五六七八九]五”(?:时期|期间)|十[一二三四五六七八九]五时期|第.{1,6}届.{0,20}以来的五年)/;
/** `yearStart` is yearStartPattern(reviewYear), or null when the review year is unknown. */
function oneYearOpener(t: string, yearStart: RegExp | null): boolean {
  const head = t.slice(0, 24);
  if (/过去一年|过去的一年|刚刚过去的|一年来|去年/.test(head)) return true;
  return yearStart !== null && yearStart.test(t);
}

/** A paragraph opening with the year (2023年…, 各位代表，2023年…); built once per document, not once per paragraph. */
function yearStartPattern(year: number | null): RegExp | null {
  return year === null ? null : new RegExp(`^(?:各位代表[，！]?)?${year}年`);
}

const CLOSER = /^(?:回顾过去一年|一年来，我们|过去一年，困难)|主要做了以下工作/;
const BULLET = /^[—－]{1,2}/;

function resultsPassage(input: PassageInput): Span | null {
  const { units, text } = input;
  const yearStart = yearStartPattern(input.reviewYear);
  for (const span of input.reviewSpans) {
    const idx = unitsIn(units, span);
    let fiveYear = false;
    // candidates with their five-year flag
    const flags: boolean[] = [];
    for (const i of idx) {
      const t = units[i]!.text;
      if (FIVE_YEAR_OPENER.test(t)) fiveYear = true;
      else if (oneYearOpener(t, yearStart) && !/五年/.test(t.slice(0, 16))) fiveYear = false;
      flags.push(fiveYear);
    }
    let chosen: Span | null = null;
    let chosenIdx = -1;
    for (let k = 0; k < idx.length; k++) {
      if (flags[k]) continue;
      const u = units[idx[k]!]!;
      if (BULLET.test(u.text)) {
        // the whole bullet block, with continuation lines a scraper broke off
        let last = k;
        for (let j = k + 1; j < idx.length; j++) {
          const t = units[idx[j]!]!.text;
          const prev = units[idx[j - 1]!]!.text;
          if (BULLET.test(t) || !/[。！？”）]$/.test(prev)) last = j;
          else break;
        }
        chosen = { start: u.start, end: units[idx[last]!]!.end };
        chosenIdx = k;
        break;
      }
      if (figureCount(u.text) >= 2) {
        let first = k;
        let last = k;
        if (k > 0 && input.headingOnly.has(idx[k - 1]!) && !flags[k - 1]) first = k - 1;
        const lead = /^[^，。]{2,16}。/.test(u.text) || /^“[^”]{1,4}”/.test(u.text);
        if (lead) {
          let j = k + 1;
          while (j < idx.length && !flags[j] && figureCount(units[idx[j]!]!.text) >= 2 && !CLOSER.test(units[idx[j]!]!.text) && j - k < 4) j++;
          if (j > k + 1 && j < idx.length && CLOSER.test(units[idx[j]!]!.text)) last = j - 1;
        }
        chosen = { start: units[idx[first]!]!.start, end: units[idx[last]!]!.end };
        chosenIdx = k;
        break;
      }
    }
    if (!chosen) continue;
    const chosenText = text.slice(chosen.start, chosen.end);
    if (!HEADLINE.test(chosenText)) {
      for (let k = chosenIdx + 1; k < idx.length; k++) {
        const t = units[idx[k]!]!.text;
        if (flags[k]) continue;
        if (/^各位代表[，！]/.test(t) && (input.reviewYear !== null && t.slice(0, 14).includes(`${input.reviewYear}年`) || /刚刚过去的/.test(t.slice(0, 14)))) {
          const heads = new Set(t.match(new RegExp(HEADLINE.source, 'g')) ?? []);
          if (heads.size >= 2 && figureCount(t) >= 2) return { start: units[idx[k]!]!.start, end: units[idx[k]!]!.end };
        }
      }
    }
    return chosen;
  }
  return null;
}
