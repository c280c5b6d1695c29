/**
 * Figures of one sentence, independent of the document: the grammar of
 * "indicator + verb + number + unit + qualifier", 分别/均 lists, elided subjects
 * (国内生产总值达到67.7万亿元，增长6.9% → 国内生产总值增长), numbers before their noun
 * (新增2万亿元中央财政资金), baselines (由46.9%提高到48.2%) and restated targets.
 */
import type { Figure, FigureMeasure } from '../figure-types.js';
import { listItems, expandUrbanRural, LIST_MARKER, splitClauses, type Clause } from './clauses.js';
import { exclusionReason, quotedMask } from './exclusions.js';
import { canonicalOf } from './lexicon.js';
import { scaleQuantity, scanQuantities, type Quantity } from './numbers.js';
import { boundOf, commitmentBefore, COMMITMENTS, postQualifier, preQualifier } from './qualifiers.js';
import { spanHolding } from '../../structure/index.js';

/** A figure found in one sentence: the record's quantity fields, plus where it sits in the sentence. */
export interface SentenceFigure
  extends Pick<
    Figure,
    'indicator' | 'canonical' | 'measure' | 'direction' | 'value' | 'valueMax' | 'unit' | 'scaled' | 'scaledUnit' | 'qualifier' | 'bound' | 'commitment' | 'warning'
  > {
  /** Span of the figure's text in the sentence (indicator start … qualifier end). */
  start: number;
  end: number;
  /** Offset of the number in the sentence. */
  numberAt: number;
  /** A baseline (由X提高到Y: X), not a target or result of its own. */
  baseline: boolean;
  /** In a five-year (十四五, 年均, 五年来) context. */
  fiveYear: boolean;
  /** A target mentioned again (实现4%的目标). */
  restated: boolean;
  /** A year the sentence sets for the figure (到2025年), else null. */
  yearHint: number | null;
}

const HAN = /\p{Script=Han}/u;
const LEADING = new RegExp(`^(?:[、，,；\\s]|其中|并且|并|同时|以及|而且|另外|和|及|与|又|${COMMITMENTS.join('|')})+`);
/** A clause that has a verb but no subject of its own: 增长6.9%, 同比增长21%, 总量突破90万亿元, 占一般公共预算支出80.2%. */
const ELIDED = /^(?:同比|比上年|较上年|比去年|较去年|比上年同期|按可比价计算|按可比口径|实际|分别|全年|年末|平均每天|平均|日均|每天|首次)*(?:增长|增速|增幅|增加|提高|提升|下降|降低|降幅|上升|上涨|减少|增产|新增|达到|达|完成|为|总量|规模|突破|超过|回落|实现增长|占[^，。；]*)$/;
/** Trailing verbs removed to get the subject of an indicator (国内生产总值达到 → 国内生产总值). */
const TRAILING_VERB = /(?:同比|比上年|较上年|按可比价计算|按可比口径|实际|预计|首次|全年|分别)*(?:增长|增速|增幅|增加|提高到?|提升|下降|降低|上升到?|上涨|减少|达到|达|完成|为|实现|突破|超过|稳定在|控制在|保持在|降到|降至|发展到|跃上)+$/;
/** Verbs a 、 list shares with its first item. */
const LIST_VERB = /^(?:全年)?(新增|新建改建|新建成|新建|改建|建成|新开工|改造提升|改造|实施|新引进|引进|培育|创建|打造|办理|治理|累计建成|完成)/;
const FIVE_YEAR = /十[一二三四五六]五|五年来|过去五年|五年间|五年累计|年均/;
/** A five-year plan period: 十一五 … 十六五. */
const PLAN_PERIOD = /十[一二三四五六]五/;
const RESTATED_AFTER = /^(?:的|左右的|以上的)?(?:预期|增长|年度|发展|奋斗|预定)?目标/;
const RESTATED_BEFORE = /(?:预期)?目标(?:是|为|设定为|定为|设定|确定为)?$/;
const YEAR_HINT = /(?:到|至)(20\d\d)年|(20\d\d)年(?:前|底前|末前)/;

interface Kept {
  q: Quantity;
  pre: string | null;
  post: string | null;
  /** Index after the post-qualifier. */
  after: number;
}

function clean(s: string): string {
  return s.replace(LEADING, '').replace(/[\s]+$/g, '').trim();
}

function subjectOf(indicator: string): string {
  const s = indicator.replace(TRAILING_VERB, '');
  return s || indicator;
}

/** Measure and direction from the indicator's wording and the unit. */
export function measureOf(indicator: string, unit: string | null): { measure: FigureMeasure | null; direction: 'up' | 'down' | null } {
  const tail = indicator.slice(-8);
  const down = /下降|降低|减少|回落|降幅|压减|缩减|收窄|缩小|低于|降到|降至|减产/.test(tail);
  const up = /增长|增速|增幅|涨幅|上涨|提高|上升|增加|提升|扩大|高于|增产|新增/.test(tail);
  const direction = down ? 'down' : up ? 'up' : null;
  if (unit === null) return { measure: null, direction: null };
  if (/百分点$/.test(unit)) return { measure: 'change', direction };
  if (unit === '%' || unit === '‰') {
    if (/(?:提高|上升|提升|增加|降|下降|降低)(?:到|至)$/.test(indicator)) return { measure: /比重|占比|份额|之比|比例/.test(indicator) ? 'share' : 'rate', direction };
    if (/(?:增长|增速|增幅|涨幅|上涨|提高|上升|增加|提升|扩大|下降|降低|减少|回落|降幅|压减)(?:控制在|保持在|稳定在|为|达到|达|在)?$/.test(indicator)) return { measure: 'growth', direction: direction ?? 'up' };
    if (/比重|占比|份额|之比|比例|^占|占[^，]*$|贡献/.test(indicator)) return { measure: 'share', direction: null };
    if (/率|浓度|指数/.test(indicator)) return { measure: 'rate', direction: null };
    return { measure: 'rate', direction: null };
  }
  if (/(?:增加|减少|增产|减产|增长|下降|压减)$/.test(indicator)) return { measure: 'change', direction };
  return { measure: 'level', direction: null };
}

/** All figures of one sentence (offsets relative to it). */
export function extractSentence(sentence: string): SentenceFigure[] {
  const quantities = scanQuantities(sentence);
  // most sentences that pass the caller's numeral test hold no quantity (一是, 进一步 …)
  if (!quantities.length) return [];
  const mask = quotedMask(sentence);
  const kept: Kept[] = [];
  for (const q of quantities) {
    if (overlapsKept(kept, q)) continue; // overlaps a previous quantity
    const post = postQualifier(sentence, q.end);
    const after = q.end + (post?.length ?? 0);
    if (exclusionReason(sentence, q, mask, after)) continue;
    kept.push({ q, pre: preQualifier(sentence, q.start), post, after });
  }
  if (!kept.length) return [];
  const clauses = splitClauses(sentence);
  const out: SentenceFigure[] = [];
  let lastSubject: string | null = null;
  let lastItems: string[] | null = null;
  let lastIndicator: string | null = null;
  let baselineSubject: string | null = null;
  let lastVerbPart: string | null = null;

  const keptByClause = quantitiesByClause(kept, clauses);
  for (const [clauseIndex, clause] of clauses.entries()) {
    const qs = keptByClause[clauseIndex]!;
    if (!qs.length) continue;
    const first = qs[0]!;
    const headText = sentence.slice(clause.start, first.q.start - (first.pre?.length ?? 0));
    const marker = LIST_MARKER.exec(headText);
    if (marker) {
      const subjRaw = clean(headText.slice(0, marker.index));
      const verbAfter = headText.slice(marker.index + marker[0].length);
      let items: string[] | null;
      let verb: string;
      let subject: string;
      if (!subjRaw || ELIDED.test(subjRaw) || /^(?:同比|比上年|较上年)$/.test(subjRaw)) {
        items = lastItems;
        subject = lastSubject ?? '';
        verb = subjRaw + verbAfter;
      } else {
        items = listItems(subjRaw) ?? (qs.length > 1 || /城乡/.test(subjRaw) ? expandUrbanRural(subjRaw) : null) ?? [subjRaw];
        subject = subjRaw;
        verb = verbAfter;
        lastItems = items;
        lastSubject = subjRaw;
      }
      items = items ?? [subject];
      // plain loops, no arrow made per clause (docs/contributing.md)
      if (items.length === qs.length) for (let i = 0; i < qs.length; i++) out.push(build(sentence, clause.start, qs[i]!, items[i]! + verb, null, false));
      else if (qs.length === 1) for (const item of items) out.push(build(sentence, clause.start, qs[0]!, item + verb, null, false));
      else {
        const w = `${marker[0]} list: ${items.length} indicator(s) for ${qs.length} values; indicator not assigned per value`;
        for (const k of qs) out.push(build(sentence, clause.start, k, subject + verb, w, false));
      }
      lastIndicator = subject + verb;
      continue;
    }

    let prevEnd = clause.start;
    let prevWasBaseline = false;
    for (const k of qs) {
      const rawPre = sentence.slice(prevEnd, k.q.start - (k.pre?.length ?? 0));
      let pre = clean(rawPre);
      // the noun after the number (新增2万亿元中央财政资金, 6600多万农村人口饮水安全问题得到解决)
      const nextStart = qs[qs.indexOf(k) + 1]?.q.start ?? clause.end;
      const restRaw = sentence.slice(k.after, Math.min(clause.end, nextStart));
      const restNoun = /^[^、，。；：,;（(]*/.exec(restRaw)![0];
      const restated = RESTATED_AFTER.test(restRaw) || RESTATED_BEFORE.test(pre);
      let postNoun = '';
      if (!restated && HAN.test(restNoun[0] ?? '') && !/^(?:和|及|与|或|的|同比|比上年|较上年|左右|以上)/.test(restNoun)) postNoun = restNoun.replace(/的$/, '');

      // baseline: 由46.9%提高到48.2%, 由上年下降2.3%转为增长8.5%
      const baseMatch = /(.*)(?:由|从)([^，。；\d]{0,8})$/.exec(rawPre);
      const afterText = sentence.slice(k.after, nextStart);
      if (baseMatch && /^[^，。；\d]{0,6}?(?:到|至|转为|为)/.test(afterText) && k !== qs[qs.length - 1]) {
        const subj = clean(baseMatch[1]!) || lastSubject || '';
        baselineSubject = subj;
        const f = build(sentence, clause.start + (rawPre.length - rawPre.trimStart().length) + (prevEnd - clause.start), k, subj + baseMatch[2]!, null, false);
        f.baseline = true;
        out.push(f);
        prevEnd = k.after;
        prevWasBaseline = true;
        continue;
      }

      let indicator: string;
      let warning: string | null = null;
      if (prevWasBaseline && baselineSubject !== null) {
        indicator = baselineSubject + pre;
      } else if (!pre && !postNoun) {
        indicator = lastIndicator ?? '';
        warning = lastIndicator ? 'value listed without its own indicator; the previous one is used' : 'no indicator found';
      } else if (pre && !postNoun && ELIDED.test(pre) && lastSubject) {
        // keep a hedge written inside the elided clause (预计同比增长) as the annotators do
        indicator = lastSubject + rawPre.replace(/^(?:[、，,；\s]|其中|并且|并|同时|以及|而且|和|及|与|又)+/, '').trim();
      } else if (/^的/.test(pre) && postNoun && lastVerbPart !== null) {
        // 通达全球100多个国家及地区的200多个港口 → 通达全球 + 港口
        indicator = lastVerbPart + postNoun;
      } else {
        indicator = pre + postNoun;
      }
      lastVerbPart = postNoun ? pre : null;
      // 新增国家高新技术企业90家、自治区专精特新企业45家 → 新增自治区专精特新企业
      const listVerb = lastIndicator !== null && rawPre.startsWith('、') ? LIST_VERB.exec(lastIndicator) : null;
      if (listVerb && !/其中/.test(rawPre) && pre && !LIST_VERB.test(pre) && !ELIDED.test(pre) && !warning) indicator = listVerb[1] + indicator;
      const spanStart = prevEnd + (rawPre.length - rawPre.replace(LEADING, '').length);
      const f = build(sentence, spanStart, k, indicator, warning, restated);
      if (postNoun) f.end = Math.max(f.end, k.after + postNoun.length);
      out.push(f);
      if (!(pre && ELIDED.test(pre)) && indicator) lastSubject = subjectOf(indicator);
      lastIndicator = indicator;
      prevEnd = k.after + postNoun.length;
      prevWasBaseline = false;
    }
  }

  // context flags that depend on the whole sentence
  // a prefix of the sentence can only match where the whole sentence does: most sentences need no per-figure search
  const namesPlanPeriod = PLAN_PERIOD.test(sentence);
  const mayHintYear = YEAR_HINT.test(sentence);
  for (const f of out) {
    const upTo = sentence.slice(0, f.end);
    const clauseOf = spanHolding(clauses, f.numberAt);
    const clauseText = clauseOf ? sentence.slice(clauseOf.start, clauseOf.end) : '';
    f.fiveYear = (namesPlanPeriod && PLAN_PERIOD.test(upTo)) || /年均|五年来|过去五年|五年间|五年累计/.test(clauseText) || FIVE_YEAR.test(f.indicator);
    const yh = mayHintYear ? YEAR_HINT.exec(upTo) : null;
    f.yearHint = yh ? Number(yh[1] ?? yh[2]) : null;
    f.commitment = commitmentBefore(sentence, f.numberAt);
  }
  return out;
}

/** Does `q` start before the end of a quantity already kept (an overlap)? */
function overlapsKept(kept: readonly Kept[], q: Quantity): boolean {
  for (const k of kept) if (q.start < k.q.end) return true;
  return false;
}

/**
 * The kept quantities starting in each clause, aligned with `clauses`. Both lists are
 * in text order, so one walk assigns them (a filter per clause was quadratic in long
 * sentences); a quantity starting outside every clause belongs to none.
 */
function quantitiesByClause(kept: Kept[], clauses: Clause[]): Kept[][] {
  const byClause: Kept[][] = [];
  let next = 0;
  for (const clause of clauses) {
    const inClause: Kept[] = [];
    for (; next < kept.length && kept[next]!.q.start < clause.end; next++) {
      if (kept[next]!.q.start >= clause.start) inClause.push(kept[next]!);
    }
    byClause.push(inClause);
  }
  return byClause;
}

function build(sentence: string, spanStart: number, k: Kept, indicator: string, warning: string | null, restated: boolean): SentenceFigure {
  const q = k.q;
  indicator = indicator.replace(/\s+/g, '').replace(/^[、，,]+/, '');
  const qualifier = k.post ?? k.pre ?? q.more;
  const { scaled, scaledUnit } = scaleQuantity(q);
  const { measure, direction } = measureOf(indicator, q.unit);
  const start = Math.min(Math.max(spanStart, 0), q.start - (k.pre?.length ?? 0));
  return {
    start,
    end: k.after,
    numberAt: q.start,
    indicator,
    canonical: canonicalOf(indicator),
    measure,
    direction,
    value: q.value,
    valueMax: q.valueMax,
    unit: q.unit,
    scaled,
    scaledUnit,
    qualifier,
    bound: boundOf(qualifier, q.valueMax !== null),
    commitment: null,
    warning,
    baseline: false,
    fiveYear: false,
    restated,
    yearHint: null,
  };
}

export type { Clause };
