/** compare: indicator alignment, verdict rules per bound, ordering, one-document mode, structure, similarity, phrases (inline fixtures). */
import { describe, expect, it } from 'vitest';
import type { Figure } from '../src/extract/figure-types.js';
import type { TermCounts } from '../src/extract/keywords/terms.js';
import type { PolicyDocument, Section } from '../src/structure/types.js';
import {
  alignTargets,
  attainment,
  compareDocuments,
  compareStructure,
  cosine,
  diceSimilarity,
  figureText,
  indicatorKey,
  judge,
  matchHeadings,
  normalizeIndicator,
  orderDocuments,
  phraseChanges,
  polarity,
  similarityMatrix,
  type CompareInput,
} from '../src/compare/index.js';

function fig(p: Partial<Figure> & Pick<Figure, 'kind' | 'indicator'>): Figure {
  return {
    year: null,
    canonical: null,
    measure: null,
    direction: null,
    value: null,
    valueMax: null,
    unit: null,
    scaled: null,
    scaledUnit: null,
    qualifier: null,
    bound: null,
    commitment: null,
    headline: false,
    text: p.indicator,
    sentence: p.indicator,
    section: [],
    sectionId: null,
    offset: 0,
    line: 1,
    column: 1,
    warning: null,
    ...p,
  };
}

/** Numeric figure shorthand: value (and max) with unit, qualifier → bound. */
function num(kind: Figure['kind'], year: number, indicator: string, value: number, unit: string, qualifier: string | null = null, extra: Partial<Figure> = {}): Figure {
  const bound: Figure['bound'] =
    extra.valueMax != null ? 'range' : qualifier === '左右' ? 'approx' : qualifier === '以上' ? 'min' : qualifier === '以内' ? 'max' : 'exact';
  const scale = unit.startsWith('万') ? 1e4 : unit.startsWith('亿') ? 1e8 : 1;
  return fig({ kind, year, indicator, value, unit, qualifier, bound, headline: true, scaled: value * scale, scaledUnit: scale === 1 ? unit : unit.slice(1), ...extra });
}

function section(id: string, heading: string, start: number, end: number, role: Section['role'], children: Section[] = []): Section {
  return { id, level: id.split('.').length as 1 | 2, number: null, heading, headingStart: start, headingEnd: start + heading.length, start, end, implicit: false, role, year: null, children };
}

function doc(path: string, place: string | null, planYear: number | null, sections: Section[] = [], text = 'x'.repeat(1000)): PolicyDocument {
  return {
    source: { path, text } as PolicyDocument['source'],
    metadata: {
      path,
      encoding: 'utf-8',
      format: 'text',
      bytes: text.length,
      title: null,
      place,
      planYear,
      reviewYear: planYear !== null ? planYear - 1 : null,
      deliveredOn: null,
      chars: text.length,
      sentences: 1,
      provenance: { place: 'text', planYear: 'text' },
      notes: [],
    } as PolicyDocument['metadata'],
    sections,
    frontMatter: [],
    backMatter: [],
    passages: [],
    sentences: [],
  };
}

const gdpT = (y: number, v: number, q: string | null, extra: Partial<Figure> = {}) => num('target', y, '国内生产总值增长', v, '%', q, { canonical: 'gdp', ...extra });
const gdpA = (y: number, v: number, extra: Partial<Figure> = {}) => num('actual', y, '国内生产总值比上年增长', v, '%', null, { canonical: 'gdp', ...extra });

describe('indicator alignment', () => {
  it('normalises indicator phrases: link verbs, scope words, notes', () => {
    expect(normalizeIndicator('国内生产总值比上年增长')).toBe('国内生产总值');
    expect(normalizeIndicator('城镇调查失业率全年控制在')).toBe('城镇调查失业率');
    expect(normalizeIndicator('居民消费价格涨幅控制在')).toBe('居民消费价格');
    expect(normalizeIndicator('全年城镇新增就业')).toBe('城镇新增就业');
    expect(normalizeIndicator('地区生产总值达到')).toBe('地区生产总值');
    expect(normalizeIndicator('一般公共财政预算收入按可比口径增长')).toBe('一般公共财政预算收入');
    expect(normalizeIndicator('单位国内生产总值能耗降低')).toBe(normalizeIndicator('单位国内生产总值能耗下降'));
    expect(normalizeIndicator('经济增长')).toBe('经济增长');
    expect(normalizeIndicator('进出口增长')).toBe('进出口');
    expect(normalizeIndicator('主要污染物排放量继续下降', true)).toBe('主要污染物排放量继续下降');
  });

  it('keys by canonical id, else phrase, and keeps growth and level apart', () => {
    const growth = num('target', 2013, '地区生产总值增长', 20, '%');
    const level = num('target', 2013, '地区生产总值达到', 282, '亿元');
    expect(indicatorKey(growth)).toBe('地区生产总值|percent');
    expect(indicatorKey(level)).toBe('地区生产总值|amount');
    expect(indicatorKey({ ...growth, canonical: 'gdp' })).toBe('gdp|percent');
    expect(indicatorKey(fig({ kind: 'target', indicator: '国际收支基本平衡' }))).toBe('国际收支基本平衡|none');
  });

  it('writes cells as the report does', () => {
    expect(figureText(gdpT(2014, 7.5, '左右'))).toBe('7.5%左右');
    expect(figureText(gdpT(2019, 6, null, { valueMax: 6.5, bound: 'range' }))).toBe('6%-6.5%');
    expect(figureText(num('target', 2017, '城镇新增就业', 1100, '万人', '以上'))).toBe('1100万人以上');
    expect(figureText(num('actual', 2023, '国内生产总值', 126, '万亿元', '超过'))).toBe('超过126万亿元');
    expect(figureText(num('actual', 2014, '农村人口饮水安全问题得到解决', 6600, '万', '多'))).toBe('6600多万');
    expect(figureText(fig({ kind: 'target', indicator: '国际收支基本平衡', text: '国际收支基本平衡' }))).toBe('国际收支基本平衡');
  });

  it('one row per indicator, one cell per document, headline rows first in passage order, gaps as null', () => {
    const a = doc('/c/n-2019.txt', '国务院', 2019);
    const b = doc('/c/n-2020.txt', '国务院', 2020);
    const c = doc('/c/n-2021.txt', '国务院', 2021);
    const jobs = (y: number, v: number) => num('target', y, '城镇新增就业', v, '万人', '以上', { canonical: 'urban_new_jobs' });
    const cpi = (y: number, v: number) => num('target', y, '居民消费价格涨幅', v, '%', '左右', { canonical: 'cpi' });
    const side = fig({ kind: 'target', year: 2019, indicator: '新建充电桩', value: 500, unit: '个', bound: 'exact', headline: false });
    const ordering = orderDocuments([
      { document: c, figures: [gdpT(2021, 6, '以上', { bound: 'min' }), jobs(2021, 1100), cpi(2021, 3)] },
      { document: a, figures: [gdpT(2019, 6, null, { valueMax: 6.5, bound: 'range' }), jobs(2019, 1100), cpi(2019, 3), side] },
      { document: b, figures: [jobs(2020, 900), cpi(2020, 3.5)] },
    ]);
    const rows = alignTargets(ordering.documents);
    expect(rows.map((r) => r.key)).toEqual(['gdp|percent', 'urban_new_jobs|amount', 'cpi|percent', '新建充电桩|amount']);
    expect(rows[0]!.cells.map((c) => c?.text ?? null)).toEqual(['6%-6.5%', null, '6%以上']);
    expect(rows[1]!.cells.map((c) => c?.text ?? null)).toEqual(['1100万人以上', '900万人以上', '1100万人以上']);
    expect(rows[3]!.headline).toBe(false);
    expect(alignTargets(ordering.documents, { headlineOnly: true }).map((r) => r.key)).not.toContain('新建充电桩|amount');
  });

  it('prefers the headline figure, else the first plan-section target of the plan year', () => {
    const d = doc('/c/x-2024.txt', '某市', 2024, [section('1', '2023年工作回顾', 0, 400, 'review'), section('2', '2024年工作安排', 400, 1000, 'plan')]);
    const five = num('target', 2025, '地区生产总值年均增长', 5, '%', '左右', { canonical: 'gdp', headline: false, sectionId: '2' });
    const review = num('target', 2024, '地区生产总值增长', 9, '%', null, { canonical: 'gdp', headline: false, sectionId: '1' });
    const plan = num('target', 2024, '地区生产总值增长', 4, '%', '以上', { canonical: 'gdp', headline: false, sectionId: '2', bound: 'min' });
    const ordering = orderDocuments([{ document: d, figures: [five, review, plan] }]);
    expect(alignTargets(ordering.documents)[0]!.cells[0]!.text).toBe('4%以上');
    const headline = num('target', 2024, '地区生产总值增长', 4.5, '%', '左右', { canonical: 'gdp', sectionId: '2' });
    const ordering2 = orderDocuments([{ document: d, figures: [plan, headline] }]);
    expect(alignTargets(ordering2.documents)[0]!.cells[0]!.text).toBe('4.5%左右');
  });
});

describe('verdict rules per bound', () => {
  const T = (v: number, q: string | null, extra: Partial<Figure> = {}) => gdpT(2023, v, q, extra);
  const A = (v: number, extra: Partial<Figure> = {}) => gdpA(2023, v, extra);

  it('approx (左右): ±0.5 pp for % targets; overshooting a more-is-better target is met', () => {
    expect(judge(T(5, '左右'), A(5.2))).toMatchObject({ verdict: 'met', gap: 0.2, gapUnit: '个百分点' });
    expect(judge(T(5.5, '左右'), A(3))).toMatchObject({ verdict: 'missed', gap: -2.5 });
    expect(judge(T(7.5, '左右'), A(7.0))).toMatchObject({ verdict: 'met' }); // exactly at the edge
    expect(judge(T(7.5, '左右'), A(6.9))).toMatchObject({ verdict: 'missed' });
    expect(judge(T(6.5, '左右'), A(7.2))).toMatchObject({ verdict: 'met', detail: 'above the ±0.5 pp band' });
    expect(judge(T(5, '左右'), A(5.6), { points: 1, relative: 0.05 })).toMatchObject({ verdict: 'met', detail: 'within the ±1 pp band' });
  });

  it('approx for less-is-better indicators (CPI, unemployment): undershooting is met, overshooting missed', () => {
    const cpiT = num('target', 2014, '居民消费价格涨幅', 3.5, '%', '左右', { canonical: 'cpi' });
    expect(polarity(cpiT)).toBe('lower');
    expect(judge(cpiT, num('actual', 2014, '居民消费价格上涨', 2, '%', null, { canonical: 'cpi' }))).toMatchObject({ verdict: 'met', gap: -1.5 });
    expect(judge(cpiT, num('actual', 2014, '居民消费价格上涨', 4.2, '%', null, { canonical: 'cpi' }))).toMatchObject({ verdict: 'missed' });
    const unemp = num('target', 2023, '城镇调查失业率', 5.5, '%', '左右');
    expect(polarity(unemp)).toBe('lower');
  });

  it('approx for amounts: ±5% of the target', () => {
    const jobs = num('target', 2023, '城镇新增就业', 1200, '万人', '左右', { canonical: 'urban_new_jobs' });
    expect(judge(jobs, num('actual', 2023, '城镇新增就业', 1150, '万人'))).toMatchObject({ verdict: 'met', gap: -50, gapUnit: '万人' });
    expect(judge(jobs, num('actual', 2023, '城镇新增就业', 1100, '万人'))).toMatchObject({ verdict: 'missed' });
  });

  it('min (以上): met at or above, missed below', () => {
    expect(judge(T(6, '以上', { bound: 'min' }), A(8.1))).toMatchObject({ verdict: 'met', gap: 2.1 });
    expect(judge(T(6, '以上', { bound: 'min' }), A(6))).toMatchObject({ verdict: 'met', gap: 0 });
    expect(judge(T(6, '以上', { bound: 'min' }), A(5.9))).toMatchObject({ verdict: 'missed', detail: 'below the minimum' });
  });

  it('max (以内): met at or below, missed above', () => {
    const t = num('target', 2016, '城镇登记失业率', 4.5, '%', '以内', { canonical: 'registered_unemployment' });
    expect(judge(t, num('actual', 2016, '年末城镇登记失业率', 4.02, '%'))).toMatchObject({ verdict: 'met', gap: -0.48 });
    expect(judge(t, num('actual', 2016, '年末城镇登记失业率', 4.6, '%'))).toMatchObject({ verdict: 'missed', detail: 'above the maximum' });
  });

  it('range (6.5%-7%): met inside; gap to the nearest bound', () => {
    const t = T(6.5, null, { valueMax: 7, bound: 'range' });
    expect(judge(t, A(6.7))).toMatchObject({ verdict: 'met', gap: 0, detail: 'within the range' });
    expect(judge(t, A(6.1))).toMatchObject({ verdict: 'missed', gap: -0.4 });
    expect(judge(t, A(7.3))).toMatchObject({ verdict: 'met', detail: 'above the range' });
    expect(judge(t, A(7.3))!.gap).toBeCloseTo(0.3, 6);
  });

  it('exact (no qualifier): a point target, met when reached', () => {
    expect(judge(T(20, null), A(20.4))).toMatchObject({ verdict: 'met', detail: 'above the target' });
    expect(judge(T(20, null), A(13.1))).toMatchObject({ verdict: 'missed', gap: -6.9 });
  });

  it('unclear when a side is missing or qualitative, or the units differ; scaled units compare', () => {
    expect(judge(T(5, '左右'), null)).toMatchObject({ verdict: 'unclear', detail: 'no actual', gap: null });
    expect(judge(fig({ kind: 'target', indicator: '国际收支基本平衡' }), A(5))).toMatchObject({ verdict: 'unclear', detail: 'qualitative target' });
    const grain = num('target', 2014, '粮食产量', 1.3, '万亿斤', '以上', { bound: 'min', scaled: 1.3e12, scaledUnit: '斤' });
    expect(judge(grain, num('actual', 2014, '粮食产量', 6.07, '亿吨', null, { scaled: 6.07e8, scaledUnit: '吨' }))).toMatchObject({
      verdict: 'unclear',
      detail: 'units differ (万亿斤 vs 亿吨)',
    });
    const jobs = num('target', 2014, '城镇新增就业', 1000, '万人', '以上', { bound: 'min' });
    expect(judge(jobs, num('actual', 2014, '城镇新增就业', 13220000, '人', null, { scaled: 13220000, scaledUnit: '人' }))).toMatchObject({ verdict: 'met', gap: 322, gapUnit: '万人' });
  });

  it('a lowering target against an actual that rose counts the actual negative', () => {
    const t = num('target', 2021, '单位国内生产总值能耗降低', 3, '%', '左右', { direction: 'down', canonical: 'energy_intensity' });
    expect(judge(t, num('actual', 2021, '单位国内生产总值能耗下降', 2.7, '%', null, { direction: 'down' }))).toMatchObject({ verdict: 'met' });
    expect(judge(t, num('actual', 2021, '单位国内生产总值能耗上升', 0.1, '%', null, { direction: 'up' }))).toMatchObject({ verdict: 'missed', gap: -3.1 });
  });
});

describe('ordering', () => {
  it('orders by place, then plan year; unknown places and years last; labels by year for one place', () => {
    const inputs: CompareInput[] = [
      { document: doc('/c/n-2016.txt', '国务院', 2016), figures: [] },
      { document: doc('/c/n-2014.txt', '国务院', 2014), figures: [] },
      { document: doc('/c/n-2015.txt', '国务院', 2015), figures: [] },
    ];
    const o = orderDocuments(inputs);
    expect(o.documents.map((d) => d.id)).toEqual(['n-2014', 'n-2015', 'n-2016']);
    expect(o.documents.map((d) => d.label)).toEqual(['2014', '2015', '2016']);
    expect(o.series).toHaveLength(1);
    expect(o.notes).toEqual([]);
  });

  it('several places form separate series, with a note; labels carry the place', () => {
    const o = orderDocuments([
      { document: doc('/c/h-2013.txt', '海拉尔区', 2013), figures: [] },
      { document: doc('/c/n-2014.txt', '国务院', 2014), figures: [] },
      { document: doc('/c/h-2012.txt', '海拉尔区', 2012), figures: [] },
      { document: doc('/c/u.txt', null, null), figures: [] },
    ]);
    expect(o.documents.map((d) => d.id)).toEqual(['n-2014', 'h-2012', 'h-2013', 'u']);
    expect(o.series.map((s) => s.documents.length)).toEqual([1, 2, 1]);
    expect(o.documents[1]!.label).toBe('海拉尔区 2012');
    expect(o.documents[3]!.label).toBe('u');
    expect(o.notes.join('\n')).toMatch(/several places/);
    expect(o.notes.join('\n')).toMatch(/u: place unknown/);
  });

  it('notes two reports of the same place and year, and keeps ids unique', () => {
    const o = orderDocuments([
      { document: doc('/a/n-2020.txt', '国务院', 2020), figures: [] },
      { document: doc('/b/n-2020.txt', '国务院', 2020), figures: [] },
    ]);
    expect(o.documents.map((d) => d.id)).toEqual(['n-2020', 'n-2020#2']);
    expect(new Set(o.documents.map((d) => d.label)).size).toBe(2);
    expect(o.notes.join('\n')).toMatch(/same place and plan year 2020/);
  });
});

describe('attainment across reports', () => {
  it('pairs each year-Y target with the year-Y actual of the next report of the same place', () => {
    const c = compareDocuments([
      { document: doc('/c/n-2024.txt', '国务院', 2024), figures: [gdpT(2024, 5, '左右'), gdpA(2023, 5.2)] },
      { document: doc('/c/n-2023.txt', '国务院', 2023), figures: [gdpT(2023, 5, '左右'), gdpA(2022, 3)] },
      { document: doc('/c/n-2022.txt', '国务院', 2022), figures: [gdpT(2022, 5.5, '左右'), gdpA(2021, 8.1)] },
      { document: doc('/c/h-2023.txt', '海拉尔区', 2023), figures: [] },
      { document: doc('/c/h-2024.txt', '海拉尔区', 2024), figures: [gdpA(2023, 9)] },
    ]);
    const rows = c.attainment!.rows.filter((r) => r.place === '国务院');
    expect(rows.map((r) => [r.year, r.target.text, r.actual?.text ?? null, r.verdict])).toEqual([
      [2022, '5.5%左右', '3%', 'missed'],
      [2023, '5%左右', '5.2%', 'met'],
      [2024, '5%左右', null, 'unclear'],
    ]);
    expect(rows[1]).toMatchObject({ gap: 0.2, gapUnit: '个百分点', target: { document: 'n-2023' }, actual: { document: 'n-2024' } });
    expect(rows[2]!.detail).toBe('no report for 2025 among the inputs');
    // the Hailar actual is never matched to a national target
    expect(c.attainment!.rows.some((r) => r.actual?.document === 'h-2024')).toBe(false);
  });
});

describe('one-document mode', () => {
  it('sets last year\'s results beside this year\'s targets for the same indicators, with no verdict', () => {
    const d = doc('/c/liuzhou-2024.txt', '柳州市', 2024);
    const figures = [
      num('actual', 2023, '全市地区生产总值增长', 2.8, '%', null, { canonical: 'gdp' }),
      num('actual', 2023, '规上工业增加值增长', 6, '%', null, { canonical: 'industrial_value_added' }),
      num('actual', 2023, '一般公共预算收入增长', 3.6, '%', null, { canonical: 'general_budget_revenue' }),
      num('actual', 2023, '社会消费品零售总额', 1296, '亿元', null, { canonical: 'retail_sales' }),
      num('target', 2024, '地区生产总值增长', 4, '%', '以上', { canonical: 'gdp', bound: 'min' }),
      num('target', 2024, '规上工业增加值增长', 7.7, '%', null, { canonical: 'industrial_value_added' }),
      num('target', 2024, '固定资产投资增长', 3, '%', null, { canonical: 'fixed_asset_investment' }),
      num('target', 2024, '一般公共预算收入增长', 4, '%', null, { canonical: 'general_budget_revenue' }),
      num('target', 2024, '社会消费品零售总额增长', 6, '%', null, { canonical: 'retail_sales' }),
    ];
    const c = compareDocuments([{ document: d, figures }]);
    expect(c.views).toEqual(['targets', 'attainment']);
    expect(c.attainment!.rows).toEqual([]);
    const rows = c.attainment!.resultsVsTargets;
    expect(rows.map((r) => [r.canonical, r.previousYear, r.previousActual.text, r.newYear, r.newTarget.text])).toEqual([
      ['gdp', 2023, '2.8%', 2024, '4%以上'],
      ['industrial_value_added', 2023, '6%', 2024, '7.7%'],
      ['general_budget_revenue', 2023, '3.6%', 2024, '4%'],
    ]);
    expect(rows[0]).toMatchObject({ change: 1.2, changeUnit: '个百分点' });
  });
});

describe('structure', () => {
  it('bigram Dice similarity', () => {
    expect(diceSimilarity('政府自身建设', '政府自身建设')).toBe(1);
    expect(diceSimilarity('abc', 'xyz')).toBe(0);
    expect(diceSimilarity('加强政府自身建设', '全面加强政府自身建设')).toBeGreaterThan(0.8);
  });

  it('matches headings: same (years ignored), renamed (fuzzy), added, removed in reading order', () => {
    const m = matchHeadings(
      ['2022年工作回顾', '2023年工作总体要求和目标任务', '加强政府自身建设', '关于十四五规划'],
      ['2023年工作回顾', '2024年经济社会发展总体要求和政策取向', '2024年政府工作任务', '全面加强政府自身建设'],
      (s) => s,
    );
    expect(m.map((x) => [x.status, x.before, x.after])).toEqual([
      ['same', '2022年工作回顾', '2023年工作回顾'],
      ['removed', '2023年工作总体要求和目标任务', null],
      ['added', null, '2024年经济社会发展总体要求和政策取向'],
      ['added', null, '2024年政府工作任务'],
      ['renamed', '加强政府自身建设', '全面加强政府自身建设'],
      ['removed', '关于十四五规划', null],
    ]);
  });

  it('compares level-1 and level-2 sections with share changes', () => {
    const a = doc('/c/x-2023.txt', '某市', 2023, [
      section('1', '2022年工作回顾', 0, 600, 'review', [section('1.1', '着力稳增长', 10, 300, 'review'), section('1.2', '着力惠民生', 300, 600, 'review')]),
      section('2', '2023年工作安排', 600, 1000, 'plan'),
    ]);
    const b = doc('/c/x-2024.txt', '某市', 2024, [
      section('1', '2023年工作回顾', 0, 400, 'review', [section('1.1', '着力稳增长', 10, 200, 'review'), section('1.2', '着力防风险', 200, 400, 'review')]),
      section('2', '2024年工作安排', 400, 1000, 'plan'),
    ]);
    const o = orderDocuments([{ document: a, figures: [] }, { document: b, figures: [] }]);
    const rows = compareStructure(o.documents[0]!, o.documents[1]!);
    expect(rows.map((r) => [r.level, r.status, r.before, r.after, r.shareChange])).toEqual([
      [1, 'same', '2022年工作回顾', '2023年工作回顾', -20],
      [2, 'same', '着力稳增长', '着力稳增长', -10],
      [2, 'removed', '着力惠民生', null, null],
      [2, 'added', null, '着力防风险', null],
      [1, 'same', '2023年工作安排', '2024年工作安排', 20],
    ]);
  });
});

describe('similarity and phrases', () => {
  it('cosine similarity on TF-IDF vectors', () => {
    const a = new Map([['改革', 3], ['开放', 2]]);
    const b = new Map([['改革', 3], ['开放', 2]]);
    const c = new Map([['脱贫', 4]]);
    expect(cosine(a, b)).toBeCloseTo(1, 9);
    expect(cosine(a, c)).toBe(0);
    const m = similarityMatrix(['a', 'b', 'c'], [a, b, c]);
    expect(m.matrix).toEqual([
      [1, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
  });

  const counts = (entries: Array<[string, number]>, chars: number): TermCounts => ({
    counts: new Map(entries),
    tags: new Map(entries.map(([w]) => [w, 'n'])),
    total: entries.reduce((s, [, n]) => s + n, 0),
    chars,
    parts: new Map(),
  });

  it('new, dropped, rising and falling terms between two reports', () => {
    const before = counts([['脱贫攻坚', 20], ['改革', 30], ['开放', 30], ['稳增长', 5], ['其他', 1000]], 20000);
    const after = counts([['新质生产力', 12], ['改革', 30], ['开放', 80], ['稳增长', 5], ['其他', 1000]], 20000);
    const rows = phraseChanges('n-2024', 'n-2023', after, before);
    const by = (c: string) => rows.filter((r) => r.change === c).map((r) => r.term);
    expect(by('new')).toEqual(['新质生产力']);
    expect(by('dropped')).toEqual(['脱贫攻坚']);
    expect(by('rise')).toEqual(['开放']);
    expect(by('fall')).toEqual([]);
    const open = rows.find((r) => r.term === '开放')!;
    expect(open).toMatchObject({ count: 80, referenceCount: 30, per10k: 40, referencePer10k: 15, per10kChange: 25 });
    expect(open.g2).toBeGreaterThan(10);
  });

  it('compareDocuments builds phrases (with new slogans) and similarity when term counts are given', () => {
    const t1 = counts([['脱贫攻坚', 20], ['改革', 30], ['其他', 500]], 10000);
    const t2 = counts([['新质生产力', 12], ['改革', 30], ['其他', 500]], 10000);
    const c = compareDocuments([
      { document: doc('/c/n-2024.txt', '国务院', 2024), figures: [], terms: t2, slogans: ['新质生产力', '人工智能+'] },
      { document: doc('/c/n-2023.txt', '国务院', 2023), figures: [], terms: t1, slogans: ['新质生产力'] },
    ], { idf: 'corpus' });
    expect(c.views).toEqual(['targets', 'attainment', 'phrases', 'structure', 'similarity']);
    expect(c.phrases!.mode).toBe('consecutive');
    expect(c.phrases!.slogans).toEqual([{ document: 'n-2024', reference: 'n-2023', newSlogans: ['人工智能+'], droppedSlogans: [] }]);
    expect(c.similarity!.documents).toEqual(['n-2023', 'n-2024']);
    expect(c.similarity!.matrix[0]![1]).toBeGreaterThan(0.5);
    expect(c.similarity!.matrix[0]![1]).toBeLessThan(1);
  });

  it('view selection and notes for views that do not apply', () => {
    const c = compareDocuments([{ document: doc('/c/n-2024.txt', '国务院', 2024), figures: [] }], { views: ['targets', 'similarity'] });
    expect(c.views).toEqual(['targets']);
    expect(c.similarity).toBeUndefined();
    expect(c.notes.join('\n')).toMatch(/view similarity needs two or more reports/);
  });
});
