/**
 * compare on real reports: the national 2014–2025 series (targets row against
 * headline-gold.tsv, attainment verdicts), the Hailar 2012–2019 series, and the
 * bundled report in one-document mode. In-process (no segmentation needed for
 * targets and attainment); one CLI spawn for the command itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareDocuments, type CompareInput, type Comparison } from '../src/compare/index.js';
import { extractFigures } from '../src/extract/figures/index.js';
import { readDocument } from '../src/structure/index.js';
import { BUNDLED, SHARED_CORPUS, runCli } from './helpers/cli.js';

const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

async function analysed(path: string): Promise<CompareInput> {
  const document = await readDocument(path);
  return { document, figures: extractFigures(document) };
}

/** Gold target cells per doc for a canonical-like indicator, written as the report does (full-width － as ASCII -). */
function goldTargets(indicatorPattern: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  const lines = readFileSync(join(SHARED_CORPUS, 'headline-gold.tsv'), 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const [doc, kind, , indicator, value, valueMax, unit, qualifier] = line.split('\t');
    if (kind !== 'target' || !doc?.startsWith('national-') || !indicatorPattern.test(indicator ?? '') || !value) continue;
    if (out.has(doc)) continue;
    const v = `${value}${unit}`;
    out.set(doc, (valueMax ? `${v}-${valueMax}${unit}` : v) + (qualifier ?? ''));
  }
  return out;
}

describe('compare on bundled report (one-document mode)', () => {
  it('sets 2023 results beside 2024 targets for the same indicators', async () => {
    const c = compareDocuments([await analysed(BUNDLED)], { views: ['targets', 'attainment'] });
    expect(c.attainment!.rows).toEqual([]);
    const byKey = new Map(c.attainment!.resultsVsTargets.map((r) => [r.canonical, r]));
    expect([byKey.get('gdp')?.previousActual.text, byKey.get('gdp')?.newTarget.text]).toEqual(['2.8%', '4%以上']);
    expect([byKey.get('industrial_value_added')?.previousActual.text, byKey.get('industrial_value_added')?.newTarget.text]).toEqual(['6%', '7.7%']);
    expect([byKey.get('general_budget_revenue')?.previousActual.text, byKey.get('general_budget_revenue')?.newTarget.text]).toEqual(['3.6%', '4%']);
    for (const r of c.attainment!.resultsVsTargets) {
      expect(r.previousYear).toBe(2023);
      expect(r.newYear).toBe(2024);
    }
    // 社会消费品零售总额 is a level (1296亿元) in the results and a growth rate (6%) in the targets: not paired
    expect(byKey.has('retail_sales')).toBe(false);
  });
});

describe.skipIf(!existsSync(SHARED_CORPUS))('compare on ../shared/corpus', () => {
  let national: Comparison;
  beforeAll(async () => {
    // given newest first: compare orders them
    const inputs = await Promise.all([...YEARS].reverse().map((y) => analysed(join(SHARED_CORPUS, `national-${y}.txt`))));
    national = compareDocuments(inputs, { views: ['targets', 'attainment'] });
  });

  it('orders the national series by plan year as one place', () => {
    expect(national.documents.map((d) => d.planYear)).toEqual(YEARS);
    expect(national.series).toHaveLength(1);
    expect(national.notes).toEqual([]);
  });

  it('gives the GDP target row as written, none in 2020, as the first row', () => {
    const gdp = national.targets![0]!;
    expect(gdp.key).toBe('gdp|percent');
    expect(YEARS.map((y) => gdp.cells[`national-${y}`]?.text ?? null)).toEqual([
      '7.5%左右', '7%左右', '6.5%-7%', '6.5%左右', '6.5%左右', '6%-6.5%', null, '6%以上', '5.5%左右', '5%左右', '5%左右', '5%左右',
    ]);
  });

  it.each([
    ['gdp|percent', /^国内生产总值增长$/],
    ['urban_new_jobs|amount', /^城镇新增就业$/],
    ['surveyed_unemployment|percent', /^城镇调查失业率/],
    ['registered_unemployment|percent', /^城镇登记失业率/],
    ['cpi|percent', /^居民消费价格涨幅/],
  ])('row %s matches headline-gold.tsv in every report', (key, pattern) => {
    const gold = goldTargets(pattern);
    const row = national.targets!.find((r) => r.key === key)!;
    expect(row).toBeDefined();
    expect(row.headline).toBe(true);
    for (const y of YEARS) expect([y, row.cells[`national-${y}`]?.text ?? null]).toEqual([y, gold.get(`national-${y}`) ?? null]);
  });

  it('puts the headline rows first: GDP, jobs, unemployment, CPI among the first five', () => {
    const firstKeys = national.targets!.slice(0, 5).map((r) => r.key);
    expect(firstKeys).toEqual(expect.arrayContaining(['gdp|percent', 'urban_new_jobs|amount', 'surveyed_unemployment|percent', 'cpi|percent']));
  });

  it('judges each GDP target against the next report\'s actual', () => {
    const rows = national.attainment!.rows.filter((r) => r.key === 'gdp|percent');
    expect(rows.map((r) => [r.year, r.target.text, r.actual?.text ?? null, r.verdict])).toEqual([
      [2014, '7.5%左右', '7.4%', 'met'],
      [2015, '7%左右', '6.9%', 'met'],
      [2016, '6.5%-7%', '6.7%', 'met'],
      [2017, '6.5%左右', '6.9%', 'met'],
      [2018, '6.5%左右', '6.6%', 'met'],
      [2019, '6%-6.5%', '6.1%', 'met'],
      [2021, '6%以上', '8.1%', 'met'],
      [2022, '5.5%左右', '3%', 'missed'],
      [2023, '5%左右', '5.2%', 'met'],
      [2024, '5%左右', '5%', 'met'],
      [2025, '5%左右', null, 'unclear'],
    ]);
    const y2023 = rows.find((r) => r.year === 2023)!;
    expect(y2023).toMatchObject({ gap: 0.2, gapUnit: '个百分点', target: { document: 'national-2023' }, actual: { document: 'national-2024' } });
  });

  it('jobs and unemployment targets were met every year they can be judged', () => {
    for (const key of ['urban_new_jobs|amount', 'surveyed_unemployment|percent']) {
      const judged = national.attainment!.rows.filter((r) => r.key === key && r.verdict !== 'unclear');
      expect(judged.length).toBeGreaterThanOrEqual(6);
      expect(judged.every((r) => r.verdict === 'met')).toBe(true);
    }
  });

  it('compares the Hailar 2012–2019 reports as the place\'s own time series', async () => {
    const inputs = await Promise.all([2019, 2012, 2015, 2013, 2018, 2014, 2017, 2016].map((y) => analysed(join(SHARED_CORPUS, `hailaer-${y}.txt`))));
    const c = compareDocuments(inputs, { views: ['targets', 'attainment', 'structure'] });
    expect(c.series).toHaveLength(1);
    expect(c.documents.map((d) => d.planYear)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    const gdp = c.targets!.find((r) => r.key === 'gdp|percent')!;
    expect(Object.values(gdp.cells).map((x) => x?.text ?? null)).toEqual(['21%', '20%', '11%', '8%', '7.5%', '7.5%', '6%左右', '3.5%左右']);
    const gdpAtt = c.attainment!.rows.filter((r) => r.key === 'gdp|percent' && r.actual);
    expect(gdpAtt.find((r) => r.year === 2013)).toMatchObject({ target: { text: '20%' }, actual: { text: '10.1%' }, verdict: 'missed' });
    expect(gdpAtt.find((r) => r.year === 2015)).toMatchObject({ target: { text: '8%' }, verdict: 'met' });
    expect(c.structure!.length).toBeGreaterThan(7);
    expect(new Set(c.structure!.map((r) => `${r.from}→${r.to}`)).size).toBe(7);
  });

  it('the command: markdown targets with ↑ ↓ and attainment, no colour off a terminal', async () => {
    const files = [2022, 2023, 2024].map((y) => join(SHARED_CORPUS, `national-${y}.txt`));
    const r = await runCli(['compare', '--view', 'targets,attainment', '--headline', '--format', 'md', ...files]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('### Targets');
    expect(r.stdout).toMatch(/\| 国内生产总值 \| 5\.5%左右 \| 5%左右 ↓ \| 5%左右 \|/);
    expect(r.stdout).toMatch(/\| 国内生产总值 \| 2023 \| 5%左右 \| 5\.2% \| met \| \+0\.2 pp \|/);
    expect(r.stdout).not.toContain('\u001b['); // no colour off a terminal
  });
});
