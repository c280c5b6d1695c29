import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/structure/index.js';
import { extractFigures } from '../src/extract/figures/index.js';
import type { Figure } from '../src/extract/figure-types.js';
import { BUNDLED } from './helpers/cli.js';

let figures: Figure[] = [];
beforeAll(async () => {
  figures = extractFigures(await readDocument(BUNDLED));
});

const row = (f: Figure) => [f.indicator, f.value, f.valueMax, f.unit, f.qualifier];

describe('bundled report (liuzhou-2024)', () => {
  it('has exactly the six numeric headline targets and the qualitative one', () => {
    const h = figures.filter((f) => f.headline && f.kind === 'target');
    expect(h.every((f) => f.year === 2024)).toBe(true);
    expect(h.map(row)).toEqual([
      ['地区生产总值增长', 4, null, '%', '以上'],
      ['规上工业增加值增长', 7.7, null, '%', null],
      ['固定资产投资增长', 3, null, '%', null],
      ['一般公共预算收入增长', 4, null, '%', null],
      ['社会消费品零售总额增长', 6, null, '%', null],
      ['进出口总额增长', 10, null, '%', null],
      ['居民人均可支配收入与经济增长基本同步', null, null, null, null],
    ]);
    expect(h.map((f) => f.canonical)).toEqual(['gdp', 'industrial_value_added', 'fixed_asset_investment', 'general_budget_revenue', 'retail_sales', 'foreign_trade', 'disposable_income']);
  });

  it('has exactly the four headline results', () => {
    const h = figures.filter((f) => f.headline && f.kind === 'actual');
    expect(h.every((f) => f.year === 2023 && f.commitment === '初步预计')).toBe(true);
    expect(h.map(row)).toEqual([
      ['全市地区生产总值增长', 2.8, null, '%', null],
      ['规上工业增加值增长', 6, null, '%', null],
      ['一般公共预算收入增长', 3.6, null, '%', null],
      ['社会消费品零售总额', 1296, null, '亿元', null],
    ]);
    expect(h[3]!.scaled).toBe(1296e8);
    expect(figures.filter((f) => f.headline)).toHaveLength(11);
  });

  it('finds the other quantified commitments of the plan as 2024 targets', () => {
    const t = figures.filter((f) => f.kind === 'target' && !f.headline);
    const has = (indicator: string, value: number, unit: string, qualifier: string | null = null) =>
      expect(t.find((f) => f.indicator.includes(indicator) && f.value === value && f.unit === unit && f.qualifier === qualifier && f.year === 2024), indicator).toBeTruthy();
    has('工业产值', 4000, '亿元', '以上');
    has('新增城镇就业', 4.5, '万人', '以上');
    has('高标准农田', 11.5, '万亩');
    has('新建充电基础设施', 3400, '个');
    has('亿元以上工业项目', 300, '个', '以上');
    has('新引进项目', 800, '个', '以上');
    has('工业投资增长', 30, '%', '以上');
    expect(t.find((f) => f.indicator.includes('工业产值'))!.commitment).toBe('力争');
    expect(t.find((f) => f.indicator === '新增城镇就业')!.scaled).toBe(45000);
  });

  it('finds the review results as 2023 actuals, 分别 lists split', () => {
    const a = figures.filter((f) => f.kind === 'actual' && !f.headline);
    expect(a.every((f) => f.year === 2023)).toBe(true);
    expect(a.length).toBeGreaterThan(60);
    expect(a.filter((f) => f.sentence.includes('限上零售业')).map((f) => [f.indicator, f.value])).toEqual([
      ['限上零售业销售额增长', 8],
      ['住宿业销售额增长', 15.5],
      ['餐饮业销售额增长', 7.8],
    ]);
    expect(a.find((f) => f.indicator === '城镇新增就业')!.value).toBe(5.6);
  });

  it('contains none of the non-figures', () => {
    const targetsAndActuals = figures.filter((f) => f.kind !== 'other');
    for (const f of targetsAndActuals) {
      expect(f.unit ?? "", f.text).not.toMatch(/^(?:年|月|日|天|分钟|届)$/);
      expect(f.text, f.text).not.toMatch(/^(?:20\d\d年|再延长|772|5G|二十大)/);
    }
    const texts = figures.map((f) => f.text).join('\n');
    for (const bad of ['30年', '15分钟', '1+4', '3个三年', '772数字']) expect(texts, bad).not.toContain(bad);
    expect(figures.some((f) => f.unit === null && f.value !== null)).toBe(false);
    // 第20届 stays inside an indicator (在第20届中国—东盟博览会上签约项目 12个), never a figure of its own
    expect(figures.some((f) => f.value === 20 && /届/.test(f.text.slice(f.text.indexOf('20'))))).toBe(false);
    expect(figures.find((f) => f.indicator.includes('第20届'))?.value).toBe(12);
  });

  it('gives line and column of the number in the file', () => {
    const gdp = figures.find((f) => f.headline && f.kind === 'target')!;
    expect(gdp.line).toBe(31);
    expect(gdp.column).toBeGreaterThan(1);
    expect(gdp.section[0]).toBe('2024年工作安排');
  });
});

describe('targets command', () => {
  it('prints headline figures as CSV with document fields', async () => {
    const { runCli } = await import('./helpers/cli.js');
    const r = await runCli(['targets', '--headline', '--kind', 'all', '--canonical', 'gdp', '--format', 'csv']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]!.startsWith('path,place,planYear,kind,year,headline,indicator,canonical')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('地区生产总值增长');
    expect((await runCli(['targets', '--indicator', '('])).status).toBe(2);
  });
});
