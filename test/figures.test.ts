import { describe, expect, it } from 'vitest';
import { extractSentence, parseChineseNumber, scanQuantities } from '../src/extract/figures/index.js';
import { sourceFromBytes } from '../src/io/read.js';
import { structureDocument } from '../src/structure/index.js';
import { canonicalOf, extractFigures, splitClauses } from '../src/extract/figures/index.js';
import { scaleQuantity } from '../src/extract/figures/numbers.js';

const figs = (s: string) => extractSentence(s);
const brief = (s: string) => figs(s).map((f) => [f.indicator, f.value, f.valueMax, f.unit, f.qualifier]);

describe('numbers', () => {
  it('parses ranges, magnitudes and scaling', () => {
    const [r1] = figs('国内生产总值增长6%-6.5%');
    expect([r1!.value, r1!.valueMax, r1!.unit, r1!.bound]).toEqual([6, 6.5, '%', 'range']);
    expect(brief('增长4.5%—5%')[0]!.slice(1, 4)).toEqual([4.5, 5, '%']);
    expect(brief('经济增长5至5.5%')[0]!.slice(1, 4)).toEqual([5, 5.5, '%']);
    expect(brief('集中力量主攻1—2个主导产业')[0]!.slice(1, 4)).toEqual([1, 2, '个']);
    const [jobs] = figs('新增城镇就业4.5万人以上');
    expect([jobs!.scaled, jobs!.scaledUnit, jobs!.bound]).toEqual([45000, '人', 'min']);
    const [dep] = figs('居民储蓄存款余额新增4万多亿元');
    expect([dep!.value, dep!.unit, dep!.qualifier, dep!.scaled, dep!.scaledUnit]).toEqual([4, '万亿元', '多', 4e12, '元']);
    expect(scanQuantities('社会消费品零售总额1,296亿元')[0]!.value).toBe(1296);
  });

  it('parses Chinese numerals', () => {
    expect(parseChineseNumber('一千二百')).toBe(1200);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('三点五')).toBe(3.5);
    expect(brief('物价涨幅控制在百分之五以内')[0]!.slice(1, 5)).toEqual([5, null, '%', '以内']);
    const [a] = figs('减税降费三千亿元');
    expect([a!.value, a!.unit, a!.scaled]).toEqual([3000, '亿元', 3e11]);
    const [b] = figs('城镇新增就业一千二百万人');
    expect([b!.value, b!.unit, b!.scaled, b!.canonical]).toEqual([1200, '万人', 1.2e7, 'urban_new_jobs']);
    const [c] = figs('服务业比重提高两个百分点');
    expect([c!.value, c!.unit, c!.measure, c!.direction]).toEqual([2, '个百分点', 'change', 'up']);
    expect(figs('坚决打好三大攻坚战，惠及近千万家庭')).toEqual([]);
  });
});

describe('hard cases', () => {
  it('分别 lists give one record per indicator', () => {
    expect(brief('限上零售业、住宿业、餐饮业销售额分别增长8%、15.5%、7.8%')).toEqual([
      ['限上零售业销售额增长', 8, null, '%', null],
      ['住宿业销售额增长', 15.5, null, '%', null],
      ['餐饮业销售额增长', 7.8, null, '%', null],
    ]);
    expect(brief('一、二、三产业增加值分别增长4.2%、5%、6%').map((r) => r[0])).toEqual(['第一产业增加值增长', '第二产业增加值增长', '第三产业增加值增长']);
    expect(brief('城乡居民人均可支配收入分别增长8.7%和8.6%').map((r) => r[0])).toEqual(['城镇居民人均可支配收入增长', '农村居民人均可支配收入增长']);
    const both = figs('城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%');
    expect(both.map((f) => [f.indicator, f.value, f.canonical])).toEqual([
      ['城镇常住居民人均可支配收入增长', 8, 'disposable_income_urban'],
      ['农村常住居民人均可支配收入增长', 8, 'disposable_income_rural'],
    ]);
    const cont = figs('城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%');
    expect(cont.map((f) => f.indicator)).toEqual(['城镇居民人均可支配收入达', '农村居民人均可支配收入达', '城镇居民人均可支配收入同比增长', '农村居民人均可支配收入同比增长']);
  });

  it('分别 lists with mismatched counts assign no indicator and warn', () => {
    const out = figs('甲、乙、丙、丁产品产量分别增长8%、15.5%、7.8%');
    expect(out).toHaveLength(3);
    for (const f of out) {
      expect(f.warning).toMatch(/分别/);
      expect(f.indicator).toBe('甲、乙、丙、丁产品产量增长');
    }
  });

  it('indicators may contain numbers: 亿元以上工业项目300个以上', () => {
    expect(brief('力争全年新引进项目800个以上，其中亿元以上工业项目300个以上')).toEqual([
      ['全年新引进项目', 800, null, '个', '以上'],
      ['亿元以上工业项目', 300, null, '个', '以上'],
    ]);
    expect(brief('实施5000万元以上项目120个').map((r) => [r[0], r[1], r[3]])).toEqual([['实施5000万元以上项目', 120, '个']]);
  });

  it('non-figures are not figures', () => {
    for (const s of [
      '2024年是新中国成立75周年',
      '3月5日召开会议',
      '在第20届中国—东盟博览会上',
      '第二轮土地承包到期后再延长30年试点',
      '打造15分钟健身圈',
      '加快打造772数字文创产业园',
      '累计建成5G基站',
      '细颗粒物（PM2.5）浓度',
      '全面贯彻党的二十大精神',
      '落实好自治区“1+4”重点工作，推进“10+1”产业',
      '大力实施“3个三年行动”',
      '下面，我从8个方面报告工作',
      '大唐700万吨露天煤矿前期工作扎实推进',
      '建设30万吨级进港航道',
      '13亿多人口的发展中大国',
    ]) {
      expect(figs(s), s).toEqual([]);
    }
  });

  it('baselines are marked and the result keeps its subject', () => {
    const out = figs('服务业增加值比重由46.9%提高到48.2%');
    expect(out.map((f) => [f.indicator, f.value, f.baseline])).toEqual([
      ['服务业增加值比重', 46.9, true],
      ['服务业增加值比重提高到', 48.2, false],
    ]);
    const turn = figs('工业企业利润由上年下降2.3%转为增长8.5%');
    expect(turn[1]!.indicator).toBe('工业企业利润转为增长');
  });

  it('elided subjects are filled from the clause before', () => {
    expect(brief('国内生产总值达到67.7万亿元，增长6.9%').map((r) => r[0])).toEqual(['国内生产总值达到', '国内生产总值增长']);
    expect(brief('国内生产总值增长6.6%，总量突破90万亿元')[1]).toEqual(['国内生产总值总量', 90, null, '万亿元', '突破']);
  });

  it('qualifiers, bounds, commitments and five-year context', () => {
    const [a] = figs('确保粮食产量稳定在1.3万亿斤以上');
    expect([a!.qualifier, a!.bound, a!.commitment, a!.canonical]).toEqual(['以上', 'min', '确保', 'grain_output']);
    const [b] = figs('城镇调查失业率5.5%左右');
    expect([b!.qualifier, b!.bound, b!.measure]).toEqual(['左右', 'approx', 'rate']);
    const [c] = figs('城镇登记失业率不超过4.5%');
    expect([c!.qualifier, c!.bound]).toEqual(['不超过', 'max']);
    const [d] = figs('初步预计，全市地区生产总值增长2.8%');
    expect([d!.commitment, d!.canonical, d!.measure, d!.direction]).toEqual(['初步预计', 'gdp', 'growth', 'up']);
    const [e] = figs('“十四五”时期经济年均增长保持在6.5%以上');
    expect(e!.fiveYear).toBe(true);
    const [g] = figs('实现4%的目标仍然不容易');
    expect(g!.restated).toBe(true);
    const [h] = figs('单位国内生产总值能耗下降3%左右');
    expect([h!.canonical, h!.direction]).toEqual(['energy_intensity', 'down']);
  });
});

async function docOf(text: string) {
  return structureDocument(await sourceFromBytes('inline-2024.txt', Buffer.from(text)));
}

describe('document level', () => {
  const report = [
    '政府工作报告',
    '一、2023年工作回顾',
    '过去一年，全市地区生产总值增长5.2%，城镇新增就业5.6万人，居民消费价格上涨0.2%。',
    '二、“十四五”时期主要目标',
    '“十四五”时期，地区生产总值年均增长6%左右。',
    '三、2024年工作安排',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，城镇新增就业5万人以上，居民消费价格涨幅3%左右，居民人均可支配收入与经济增长基本同步。',
    '实现5%的目标仍然不容易，必须付出艰苦努力。',
    '建设高标准农田11.5万亩，新建充电基础设施3400个。',
  ].join('\n');

  it('classifies kind and year, flags headline, keeps qualitative targets', async () => {
    const doc = await docOf(report);
    const all = extractFigures(doc);
    const headlineTargets = all.filter((f) => f.headline && f.kind === 'target');
    expect(headlineTargets.map((f) => [f.indicator, f.value])).toEqual([
      ['地区生产总值增长', 5],
      ['城镇新增就业', 5],
      ['居民消费价格涨幅', 3],
      ['居民人均可支配收入与经济增长基本同步', null],
    ]);
    expect(headlineTargets.every((f) => f.year === 2024)).toBe(true);
    const fiveYear = all.find((f) => f.value === 6)!;
    expect([fiveYear.kind, fiveYear.headline]).toEqual(['other', false]);
    const restated = all.find((f) => f.sentence.startsWith('实现5%'))!;
    expect(restated.kind).toBe('other');
    const plan = all.filter((f) => !f.headline && f.kind === 'target').map((f) => [f.indicator, f.value, f.unit, f.year]);
    expect(plan).toEqual([
      ['建设高标准农田', 11.5, '万亩', 2024],
      ['新建充电基础设施', 3400, '个', 2024],
    ]);
    const actual = all.filter((f) => f.kind === 'actual');
    expect(actual.map((f) => f.value)).toEqual([5.2, 5.6, 0.2]);
    expect(actual.every((f) => f.year === 2023)).toBe(true);
  });

  it('a report without a GDP target gets none', async () => {
    const doc = await docOf(
      ['政府工作报告', '一、2019年工作回顾', '过去一年，国内生产总值增长6.1%。', '二、2020年工作安排', '今年要优先稳就业保民生，坚决打赢脱贫攻坚战；城镇新增就业900万人以上，城镇调查失业率6%左右，居民消费价格涨幅3.5%左右。我们没有提出全年经济增速具体目标。'].join('\n'),
    );
    const targets = extractFigures(doc).filter((f) => f.kind === 'target' && f.headline);
    expect(targets.some((f) => f.canonical === 'gdp')).toBe(false);
    expect(targets.map((f) => f.canonical)).toEqual(expect.arrayContaining(['urban_new_jobs', 'surveyed_unemployment', 'cpi']));
  });
});

describe('building blocks', () => {
  it('splits clauses outside brackets and quotes, not inside numbers', () => {
    const t = '会议（上午，下午）于10:30开始，投资1,296亿元；“稳中求进，以进促稳”。\n\n完成！';
    expect(splitClauses(t).map((c) => t.slice(c.start, c.end))).toEqual(['会议（上午，下午）于10:30开始', '投资1,296亿元', '“稳中求进，以进促稳”', '完成']);
  });

  it('gives the first lexicon entry that matches', () => {
    expect(canonicalOf('全年地区生产总值增长5%')).toBe('gdp');
    expect(canonicalOf('单位国内生产总值能耗下降')).toBe('energy_intensity');
    expect(canonicalOf('服务业增加值占地区生产总值比重')).toBe('service_share');
    expect(canonicalOf('全市城镇居民人均可支配收入')).toBe('disposable_income_urban');
    expect(canonicalOf('PM2.5浓度')).toBe('pm25');
    expect(canonicalOf('消费对经济增长的贡献率')).toBeNull();
    expect(canonicalOf('经济增长与质量')).toBeNull();
  });

  it('scales to base units without float noise', () => {
    expect(scaleQuantity({ value: 0.07, multiplier: 100, baseUnit: null }).scaled).toBe(7);
    expect(scaleQuantity({ value: 1.1, multiplier: 1e8, baseUnit: '元' }).scaled).toBe(110000000);
    expect(scaleQuantity({ value: 4.5, multiplier: 1e4, baseUnit: '人' })).toEqual({ scaled: 45000, scaledUnit: '人' });
    expect(scaleQuantity({ value: 67.7, multiplier: 1e12, baseUnit: '元' }).scaled).toBe(67700000000000);
  });
});
