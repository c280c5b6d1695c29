/**
 * The structure step on real reports: the bundled corpus/liuzhou-2024.txt always,
 * and every report in ../shared/corpus when that folder is present (SOURCES.md
 * there is the truth table for years and headings; headline-gold.tsv for passages).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../src/io/normalize.js';
import { flattenSections, readDocument } from '../src/structure/index.js';
import { BUNDLED, SHARED_CORPUS } from './helpers/cli.js';

describe('bundled corpus/liuzhou-2024.txt', () => {
  it('has 3 level-1 sections (implicit review of 2023, 2024 plan, government), 8+8+4 level-2, 27 lead sentences in the plan', async () => {
    const d = await readDocument(BUNDLED);
    expect(d.sections.map((s) => [s.number, s.role, s.year, s.implicit])).toEqual([
      [null, 'review', 2023, true],
      ['二、', 'plan', 2024, false],
      ['三、', 'government', 2024, false],
    ]);
    expect(d.sections.map((s) => s.children.length)).toEqual([8, 8, 4]);
    const plan = d.sections[1]!;
    expect(plan.children.reduce((n, s) => n + s.children.length, 0)).toBe(27);
    expect(plan.children[0]!.children[0]!.heading).toBe('坚持打好“创新牌”。');
    expect(plan.children[1]!.children[0]!.heading).toBe('持续狠抓招商引资。');
    expect(flattenSections(d.sections).filter((s) => s.level === 3 && s.role !== 'plan')).toEqual([]);
    expect(d.metadata).toMatchObject({ planYear: 2024, reviewYear: 2023, deliveredOn: null, title: null });
    expect(d.metadata.place).toMatch(/^柳州市?$/);
    expect(d.frontMatter).toEqual([]);
    expect(d.passages.map((p) => [p.kind, p.year])).toEqual([
      ['results', 2023],
      ['targets', 2024],
    ]);
  });
});

/** Level-1 headings as written, plan year, review year, place: from SOURCES.md and the texts. */
const TRUTH: Record<string, { headings: string[]; plan: number; review: number | null; place: string }> = {
  'guangxi-2026': { headings: ['一、2025年工作回顾', '二、“十四五”时期发展成就和“十五五”时期主要目标任务', '三、2026年重点工作'], plan: 2026, review: 2025, place: '广西壮族自治区' },
  'hailaer-2012': { headings: ['一、过去一年工作回顾', '二、2012年政府工作总体要求和目标任务'], plan: 2012, review: 2011, place: '海拉尔区' },
  'hailaer-2013': { headings: ['一、过去一年工作回顾', '二、2013年工作安排'], plan: 2013, review: 2012, place: '海拉尔区' },
  'hailaer-2014': { headings: ['一、2013年工作回顾', '二、2014年工作安排'], plan: 2014, review: 2013, place: '海拉尔区' },
  'hailaer-2015': { headings: ['一、2014年工作回顾', '二、2015年工作安排'], plan: 2015, review: 2014, place: '海拉尔区' },
  'hailaer-2016': { headings: ['一、“十二五”时期和2015年工作回顾', '二、“十三五”经济社会发展的主要目标和任务', '三、2016年工作安排'], plan: 2016, review: 2015, place: '海拉尔区' },
  'hailaer-2017': { headings: ['一、2016年工作回顾', '二、2017年工作安排'], plan: 2017, review: 2016, place: '海拉尔区' },
  'hailaer-2018': { headings: ['一、2017年工作回顾', '二、2018年工作安排'], plan: 2018, review: 2017, place: '海拉尔区' },
  'hailaer-2019': { headings: ['一、2018年工作回顾', '二、2019年工作安排', '三、加强政府自身建设'], plan: 2019, review: 2018, place: '海拉尔区' },
  'liuzhou-2024': { headings: ['', '二、2024年工作安排', '三、全面加强政府自身建设'], plan: 2024, review: 2023, place: '柳州市' },
  'national-2014': { headings: ['一、2013年工作回顾', '二、2014年工作总体部署', '三、2014年重点工作'], plan: 2014, review: 2013, place: '国务院' },
  'national-2014-oneline': { headings: ['一、2013年工作回顾', '二、2014年工作总体部署', '三、2014年重点工作'], plan: 2014, review: 2013, place: '国务院' },
  'national-2015': {
    headings: ['一、2014年工作回顾', '二、2015年工作总体部署', '三、把改革开放扎实推向纵深', '四、协调推动经济稳定增长和结构优化', '五、持续推进民生改善和社会建设', '六、切实加强政府自身建设'],
    plan: 2015,
    review: 2014,
    place: '国务院',
  },
  'national-2016': { headings: ['一、2015年工作回顾', '二、“十三五”时期主要目标任务和重大举措', '三、2016年重点工作'], plan: 2016, review: 2015, place: '国务院' },
  'national-2017': { headings: ['一、2016年工作回顾', '二、2017年工作总体部署', '三、2017年重点工作任务'], plan: 2017, review: 2016, place: '国务院' },
  'national-2018': { headings: ['一、过去五年工作回顾', '二、2018年经济社会发展总体要求和政策取向', '三、对2018年政府工作的建议'], plan: 2018, review: 2017, place: '国务院' },
  'national-2019': { headings: ['一、2018年工作回顾', '二、2019年经济社会发展总体要求和政策取向', '三、2019年政府工作任务'], plan: 2019, review: 2018, place: '国务院' },
  'national-2020': {
    headings: [
      '一、2019年和今年以来工作回顾',
      '二、今年发展主要目标和下一阶段工作总体部署',
      '三、加大宏观政策实施力度，着力稳企业保就业',
      '四、依靠改革激发市场主体活力，增强发展新动能',
      '五、实施扩大内需战略，推动经济发展方式加快转变',
      '六、确保实现脱贫攻坚目标，促进农业丰收农民增收',
      '七、推进更高水平对外开放，稳住外贸外资基本盘',
      '八、围绕保障和改善民生，推动社会事业改革发展',
    ],
    plan: 2020,
    review: 2019,
    place: '国务院',
  },
  'national-2021': { headings: ['一、2020年工作回顾', '二、“十三五”时期发展成就和“十四五”时期主要目标任务', '三、2021年重点工作'], plan: 2021, review: 2020, place: '国务院' },
  'national-2022': { headings: ['一、2021年工作回顾', '二、2022年经济社会发展总体要求和政策取向', '三、2022年政府工作任务'], plan: 2022, review: 2021, place: '国务院' },
  'national-2023': { headings: ['一、过去一年和五年工作回顾', '二、对今年政府工作的建议'], plan: 2023, review: 2022, place: '国务院' },
  'national-2024': { headings: ['一、2023年工作回顾', '二、2024年经济社会发展总体要求和政策取向', '三、2024年政府工作任务'], plan: 2024, review: 2023, place: '国务院' },
  'national-2025': { headings: ['一、2024年工作回顾', '二、2025年经济社会发展总体要求和政策取向', '三、2025年政府工作任务'], plan: 2025, review: 2024, place: '国务院' },
};
TRUTH['national-2020.gbk'] = TRUTH['national-2020']!;

const present = existsSync(SHARED_CORPUS);
if (!present) console.warn(`structure-corpus: SKIPPED the shared-corpus suite: ${SHARED_CORPUS} is not present`);

describe.skipIf(!present)(`every report in ${SHARED_CORPUS} (skipped when the folder is absent)`, () => {
  for (const [name, truth] of Object.entries(TRUTH)) {
    it(`${name}: level-1 headings as written, plan/review year, place, roles, both passages`, async () => {
      const d = await readDocument(join(SHARED_CORPUS, `${name}.txt`));
      expect(d.sections.map((s) => (s.implicit ? '' : `${s.number}${s.heading}`))).toEqual(truth.headings);
      expect(d.metadata.planYear).toBe(truth.plan);
      expect(d.metadata.reviewYear).toBe(truth.review);
      expect(d.metadata.place).toBe(truth.place);
      expect(d.sections[0]!.role).toBe('review');
      expect(d.sections.slice(1).every((s) => s.role === 'plan' || s.role === 'government')).toBe(true);
      expect(d.passages.map((p) => [p.kind, p.year])).toEqual([
        ['results', truth.review],
        ['targets', truth.plan],
      ]);
      // no section overlaps front or back matter
      const body = flattenSections(d.sections);
      for (const m of [...d.frontMatter, ...d.backMatter]) expect(body.some((s) => s.start < m.end && m.start < s.end)).toBe(false);
    });
  }

  it('national-1954 (traditional characters, no headings) gives a clear statement, not a crash', async () => {
    const d = await readDocument(join(SHARED_CORPUS, 'national-1954.txt'));
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]).toMatchObject({ implicit: true, role: 'other' });
    expect(d.metadata).toMatchObject({ planYear: 1954, reviewYear: null, place: '国务院', provenance: { planYear: 'path' } });
    expect(d.metadata.notes.join('\n')).toMatch(/no level-1 headings[\s\S]*file name[\s\S]*review year not found/);
    expect(d.passages).toEqual([]);
  });

  it('front and back matter: dated subtitles, bylines, web chrome, 相关报道, (来源：中国政府网)', async () => {
    const g = await readDocument(join(SHARED_CORPUS, 'guangxi-2026.txt'));
    const text = (s: { start: number; end: number }) => g.source.text.slice(s.start, s.end);
    expect(g.frontMatter.map(text)).toContain('来源：广西日报');
    expect(g.backMatter.map(text)[0]).toBe('相关报道：');
    expect(g.metadata).toMatchObject({ deliveredOn: '2026-02-02', title: '2026年广西壮族自治区政府工作报告' });
    const n = await readDocument(join(SHARED_CORPUS, 'national-2020.txt'));
    expect(n.backMatter.map((s) => n.source.text.slice(s.start, s.end))).toEqual(['（来源：中国政府网）']);
    const n17 = await readDocument(join(SHARED_CORPUS, 'national-2017.txt'));
    expect(n17.asides).toHaveLength(1);
  });

  it('every headline-gold span lies inside the passage of its kind (targets / results)', async () => {
    const rows = readFileSync(join(SHARED_CORPUS, 'headline-gold.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    const docs = new Map<string, Awaited<ReturnType<typeof readDocument>>>();
    const misses: string[] = [];
    for (const [name, kind, , , , , , , span] of rows) {
      if (!docs.has(name!)) docs.set(name!, await readDocument(join(SHARED_CORPUS, `${name}.txt`)));
      const d = docs.get(name!)!;
      const p = d.passages.find((x) => x.kind === (kind === 'target' ? 'targets' : 'results'));
      // gold spans are verbatim original text: compare both sides without line breaks, normalised
      const want = normalizeText(span!.replace(/\\n/g, '\n')).text.replace(/\n/g, '');
      if (!p || !d.source.text.slice(p.start, p.end).replace(/\n/g, '').includes(want)) misses.push(`${name} ${kind} ${want}`);
    }
    expect(rows.length).toBe(505);
    expect(misses).toEqual([]);
  });
});
