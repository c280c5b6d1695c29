import { describe, expect, it } from 'vitest';
import { sourceFromBytes } from '../src/io/read.js';
import {
  flattenSections,
  passageAt,
  sectionPathAt,
  sentenceAt,
  splitSentences,
  structureDocument,
  type PolicyDocument,
  type StructureOverrides,
} from '../src/structure/index.js';

const pad = (s: string, n = 60) => s + '推动各项工作落到实处，确保取得实效，不断开创发展新局面。'.repeat(Math.ceil(n / 28));

async function doc(text: string, name = 'report.txt', overrides: StructureOverrides = {}): Promise<PolicyDocument> {
  return structureDocument(await sourceFromBytes(name, Buffer.from(text, 'utf8')), overrides);
}
const at = (d: PolicyDocument, needle: string) => {
  const i = d.source.text.indexOf(needle);
  if (i < 0) throw new Error(`not in text: ${needle}`);
  return i;
};
const slice = (d: PolicyDocument, s: { start: number; end: number }) => d.source.text.slice(s.start, s.end);

/** A small but complete city report: title, subtitle, byline, three parts, targets, bullets, back matter. */
const FULL = [
  '2024年示例市政府工作报告',
  '——2024年1月10日在示例市第十六届人民代表大会第四次会议上',
  '示例市人民政府市长 张三',
  '各位代表：',
  '现在，我代表市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。',
  '一、2023年工作回顾',
  '过去一年，我们在市委的坚强领导下，攻坚克难，全面完成了全年主要目标任务。',
  '——经济运行稳中向好。地区生产总值增长5.2%，一般公共预算收入增长4.1%。',
  '——人民生活持续改善。城镇新增就业3.2万人，居民人均可支配收入增长6%。',
  '一年来，我们主要做了以下工作：',
  pad('（一）着力稳增长，经济运行持续回升。全年固定资产投资增长6%，新签约项目120个。'),
  pad('（二）着力惠民生，群众获得感持续增强。新建学校10所。'),
  '二、2024年工作安排',
  '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长5%；城镇新增就业3万人以上。能耗强度下降2%以上。这些目标的设定，考虑了需要和可能。',
  '（一）坚定不移推进新型工业化，加快建设现代制造城。',
  pad('坚持打好“创新牌”。把科技创新摆到更加突出的位置，新增高新技术企业80家。'),
  pad('加快升级“老字号”。强力推动传统产业焕新，实施技改项目100个。'),
  '（二）坚定不移扩大有效投资，推动重大项目建设提速。',
  pad('1.持续狠抓招商引资。主动对接沿海发达地区产业新布局。'),
  pad('2.加速推进重大项目。加快建设315项市级重大项目。'),
  '三、全面加强政府自身建设',
  pad('我们要始终坚持依法行政，持之以恒推进全面从严治党。'),
  '各位代表！蓝图催人奋进，实干托举梦想。让我们更加紧密地团结起来，为建设示例市而努力奋斗！',
  '相关报道：',
  '示例市召开人民代表大会',
].join('\n');

describe('splitSentences', () => {
  it('splits after 。！？ and at line breaks, not at ；', () => {
    const t = '增长5%；就业稳定。好！真的吗？\n下一段';
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual(['增长5%；就业稳定。', '好！', '真的吗？', '下一段']);
  });
  it('keeps closing quotes with their sentence and never splits decimals', () => {
    const t = '他说：“要坚持下去。”增长4.5%，达到1296.8亿元。';
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual(['他说：“要坚持下去。”', '增长4.5%，达到1296.8亿元。']);
  });
  it('adds the base offset and trims spaces', () => {
    expect(splitSentences(' 甲。 乙。', 100)).toEqual([
      { start: 101, end: 103 },
      { start: 104, end: 106 },
    ]);
  });
});

describe('structureDocument: heading forms', () => {
  it('finds level 1 一、, level 2 （一） with its first sentence as heading, level 3 lead sentences and 1. items', async () => {
    const d = await doc(FULL);
    expect(d.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、2023年工作回顾', '二、2024年工作安排', '三、全面加强政府自身建设']);
    const [review, plan, gov] = d.sections;
    expect(review!.children.map((s) => s.number)).toEqual(['（一）', '（二）']);
    expect(review!.children[0]!.heading).toBe('着力稳增长，经济运行持续回升。');
    expect(slice(d, { start: review!.children[0]!.headingStart, end: review!.children[0]!.headingEnd })).toBe('（一）着力稳增长，经济运行持续回升。');
    expect(plan!.children.map((s) => s.id)).toEqual(['2.1', '2.2']);
    expect(plan!.children[0]!.children.map((s) => [s.number, s.heading])).toEqual([
      [null, '坚持打好“创新牌”。'],
      [null, '加快升级“老字号”。'],
    ]);
    expect(plan!.children[1]!.children.map((s) => [s.id, s.number, s.heading])).toEqual([
      ['2.2.1', '1.', '持续狠抓招商引资。'],
      ['2.2.2', '2.', '加速推进重大项目。'],
    ]);
    expect(gov!.children).toEqual([]);
  });

  it('accepts 第一部分 headings and (一) written with ASCII brackets', async () => {
    const d = await doc(
      ['第一部分 2023年工作回顾', pad('(一)经济平稳运行。地区生产总值增长5%。'), pad('(二)民生持续改善。城镇新增就业1万人。'), '第二部分 2024年工作安排', pad('我们要坚持稳中求进。')].join('\n'),
    );
    expect(d.sections.map((s) => [s.number, s.heading, s.role])).toEqual([
      ['第一部分', '2023年工作回顾', 'review'],
      ['第二部分', '2024年工作安排', 'plan'],
    ]);
    expect(d.sections[0]!.children.map((s) => s.number)).toEqual(['（一）', '（二）']);
  });

  it('takes a lone short first sentence, an ordinary first sentence and a non-sequential number as no heading', async () => {
    const d = await doc(
      [
        '一、2024年工作安排',
        '（一）推进新型工业化。',
        pad('思危方能居安，知忧才能克难。我们也清醒看到困难和问题。'),
        pad('今年我们要围绕中心工作，推动经济社会高质量发展取得新成效，确保各项目标任务圆满完成。'),
        pad('3.这一条编号不从1开始。'),
        '三、这不是下一个一级标题',
      ].join('\n'),
    );
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]!.children).toHaveLength(1);
    expect(d.sections[0]!.children[0]!.children).toEqual([]);
  });

  it('treats 一是 / 二是 paragraphs as level 2 where a part has no （一） items', async () => {
    const d = await doc(['一、2023年工作回顾', pad('一是稳住经济大盘。全年地区生产总值增长5%。'), pad('二是兜牢民生底线。新增就业2万人。'), '二、2024年工作安排', pad('我们要坚持稳中求进。')].join('\n'));
    expect(d.sections[0]!.children.map((s) => [s.number, s.heading])).toEqual([
      ['一是', '稳住经济大盘。'],
      ['二是', '兜牢民生底线。'],
    ]);
  });
});

describe('structureDocument: implicit first section, front and back matter', () => {
  it('creates the implicit first section when a report starts straight into its review', async () => {
    const d = await doc(
      [
        pad('2023年是全面贯彻党的二十大精神的开局之年。全市地区生产总值增长2.8%，规上工业增加值增长6%，一般公共预算收入增长3.6%。'),
        '一年来，我们主要做了以下工作：',
        pad('（一）着力转方式，产业转型步伐持续加快。新增企业90家。'),
        pad('（二）着力推项目，经济发展后劲持续积蓄。完成投资100亿元。'),
        '二、2024年工作安排',
        pad('今年经济社会发展的主要预期目标是：地区生产总值增长4%以上。'),
      ].join('\n'),
      'liuzhou-2024.txt',
    );
    const first = d.sections[0]!;
    expect(first).toMatchObject({ id: '1', implicit: true, number: null, heading: '', role: 'review', year: 2023, start: 0 });
    expect(first.children).toHaveLength(2);
    expect(d.sections[1]).toMatchObject({ id: '2', number: '二、', role: 'plan', year: 2024 });
    expect(d.metadata.planYear).toBe(2024);
    expect(d.metadata.reviewYear).toBe(2023);
    const results = d.passages.find((p) => p.kind === 'results')!;
    expect(slice(d, results)).toMatch(/^2023年是.*3\.6%。/);
  });

  it('keeps title, subtitle, byline and 相关报道 out of sections; the salutation is the opening', async () => {
    const d = await doc(FULL);
    expect(d.frontMatter.map((s) => slice(d, s))).toEqual(['2024年示例市政府工作报告', '——2024年1月10日在示例市第十六届人民代表大会第四次会议上', '示例市人民政府市长 张三']);
    expect(d.backMatter.map((s) => slice(d, s))).toEqual(['相关报道：', '示例市召开人民代表大会']);
    expect(slice(d, d.opening!)).toMatch(/^各位代表：\n现在，我代表/);
    expect(sectionPathAt(d, at(d, '张三'))).toEqual([]);
    expect(sectionPathAt(d, at(d, '示例市召开'))).toEqual([]);
    expect(sectionPathAt(d, at(d, '现在，我代表'))).toEqual([]);
    expect(d.sections[2]!.end).toBe(at(d, '相关报道') - 1);
  });

  it('recognises web chrome, source lines, wire datelines and photo captions as front matter', async () => {
    const d = await doc(
      ['新华社北京3月5日电', '3月5日，李某代表国务院作政府工作报告。新华社记者 王某 摄', '来源：某某日报', '时间：2024-03-06', '各位代表：', '一、2023年工作回顾', pad('过去一年取得了新成绩。')].join('\n'),
    );
    expect(d.frontMatter).toHaveLength(4);
    expect(d.sections[0]!.heading).toBe('2023年工作回顾');
  });

  it('treats a photo caption inside the body as an aside outside every section', async () => {
    const d = await doc(['一、2016年工作回顾', pad('过去一年取得了新成绩。'), '3月5日，第十二届全国人民代表大会第五次会议在北京人民大会堂开幕。国务院总理李克强作政府工作报告。', pad('一年来，我们主要做了以下工作。')].join('\n'));
    expect(d.asides).toHaveLength(1);
    expect(sectionPathAt(d, at(d, '北京人民大会堂'))).toEqual([]);
    expect(sectionPathAt(d, at(d, '主要做了以下工作')).map((s) => s.id)).toEqual(['1']);
  });
});

describe('structureDocument: roles and years', () => {
  it('reads roles from heading words: review, plan (总体要求 / 政策取向 / 建议), government', async () => {
    const d = await doc(
      [
        '一、过去五年工作回顾',
        pad('五年来，经济实力跃上新台阶。'),
        '二、2018年经济社会发展总体要求和政策取向',
        pad('我们要坚持稳中求进工作总基调。'),
        '三、对2018年政府工作的建议',
        pad('我们要深化供给侧结构性改革。'),
        '四、切实加强政府自身建设',
        pad('各级政府要加强自身建设。'),
      ].join('\n'),
      'national-2018.txt',
    );
    expect(d.sections.map((s) => [s.role, s.year])).toEqual([
      ['review', 2017],
      ['plan', 2018],
      ['plan', 2018],
      ['government', 2018],
    ]);
    expect(d.sections[0]!.years).toEqual({ from: 2013, to: 2017 });
  });

  it('judges a heading without role words by its content, not its position', async () => {
    const d = await doc(
      [
        '一、2014年工作回顾',
        pad('过去一年，我们完成了全年任务。'),
        '二、把改革开放扎实推向纵深',
        pad('今年要深化改革，将推进简政放权，要扩大开放，力争取得新突破，要继续推动。'),
        '三、回顾成绩与经验',
        pad('去年我们取得了新成就，完成了改革任务，成功举办了活动，实现了目标。'),
      ].join('\n'),
      'report-2015.txt',
    );
    expect(d.sections.map((s) => s.role)).toEqual(['review', 'plan', 'review']);
  });

  it('marks five-year plan sections with their period and no single year', async () => {
    const d = await doc(['一、2015年工作回顾', pad('过去一年取得了新成绩。'), '二、“十三五”时期主要目标任务和重大举措', pad('我们要全面建成小康社会。'), '三、2016年重点工作', pad('我们要稳增长。')].join('\n'));
    expect(d.sections[1]).toMatchObject({ role: 'plan', year: null, years: { from: 2016, to: 2020 } });
    expect(d.sections[2]).toMatchObject({ role: 'plan', year: 2016 });
  });

  it('takes planYear from the dated subtitle, then plan headings, then the file name; --year overrides', async () => {
    const full = await doc(FULL, 'other-2020.txt');
    expect(full.metadata).toMatchObject({ planYear: 2024, reviewYear: 2023, deliveredOn: '2024-01-10', provenance: { planYear: 'text' } });

    const noYear = await doc(['一、过去一年工作回顾', pad('过去的一年取得了新成绩。'), '二、今年工作安排', pad('今年我们要稳增长。')].join('\n'), 'reports/2013/海拉尔区.txt');
    expect(noYear.metadata).toMatchObject({ planYear: 2013, reviewYear: 2012, place: '海拉尔区', provenance: { planYear: 'path', place: 'path' } });
    expect(noYear.metadata.notes.join(' ')).toMatch(/file name/);

    const overridden = await doc(FULL, 'x.txt', { year: 2030, place: '某县' });
    expect(overridden.metadata).toMatchObject({ planYear: 2030, place: '某县', provenance: { planYear: 'option', place: 'option' } });
    expect(overridden.metadata.notes.join(' ')).toMatch(/set by option; the text suggests 2024/);
  });

  it('says null, with a note, when it cannot tell the year or place', async () => {
    const d = await doc(['各位代表：', pad('我們的國家正在前進。這是一個偉大的時代。')].join('\n'), 'report.txt');
    expect(d.metadata.planYear).toBeNull();
    expect(d.metadata.reviewYear).toBeNull();
    expect(d.metadata.place).toBeNull();
    expect(d.sections).toHaveLength(1);
    expect(d.sections[0]).toMatchObject({ implicit: true, role: 'other', year: null });
    expect(d.metadata.notes.join('\n')).toMatch(/no level-1 headings[\s\S]*plan year not found[\s\S]*place not found/);
  });
});

describe('structureDocument: metadata', () => {
  it('reads place from the subtitle (smallest unit), national reports as 国务院', async () => {
    const local = await doc(['政府工作报告', '——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上', '各位代表：', '一、2018年工作回顾', pad('过去的一年取得了成绩。')].join('\n'));
    expect(local.metadata).toMatchObject({ place: '海拉尔区', planYear: 2019, reviewYear: 2018, deliveredOn: '2019-03-04', title: '政府工作报告' });
    const national = await doc(['政府工作报告', '——2024年3月5日在第十四届全国人民代表大会第二次会议上', '国务院总理', '李强', '各位代表：', pad('现在，我代表国务院，向大会报告政府工作。'), '一、2023年工作回顾', pad('过去一年取得了成绩。')].join('\n'));
    expect(national.metadata).toMatchObject({ place: '国务院', planYear: 2024, deliveredOn: '2024-03-05' });
    expect(national.frontMatter).toHaveLength(4);
  });

  it('counts characters without line breaks and sentences', async () => {
    const d = await doc('一、2023年工作回顾\n过去一年。成绩显著！');
    expect(d.metadata.chars).toBe('一、2023年工作回顾过去一年。成绩显著！'.length);
    expect(d.metadata.sentences).toBe(3);
    expect(d.sentences.map((s) => slice(d, s))).toEqual(['一、2023年工作回顾', '过去一年。', '成绩显著！']);
  });
});

describe('structureDocument: passages', () => {
  it('marks the targets passage from 主要预期目标是 through later target items, not the commentary', async () => {
    const d = await doc(FULL);
    const t = d.passages.find((p) => p.kind === 'targets')!;
    expect(t.year).toBe(2024);
    expect(slice(d, t)).toBe('今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长5%；城镇新增就业3万人以上。能耗强度下降2%以上。');
  });

  it('marks the whole —— bullet block as the results summary', async () => {
    const d = await doc(FULL);
    const r = d.passages.find((p) => p.kind === 'results')!;
    expect(r.year).toBe(2023);
    expect(slice(d, r)).toBe('——经济运行稳中向好。地区生产总值增长5.2%，一般公共预算收入增长4.1%。\n——人民生活持续改善。城镇新增就业3.2万人，居民人均可支配收入增长6%。');
  });

  it('skips a five-year review and uses the one-year summary paragraph', async () => {
    const d = await doc(
      [
        '一、过去五年工作回顾',
        '五年来，经济实力跃上新台阶。国内生产总值从54万亿元增加到82.7万亿元，年均增长7.1%。',
        '五年来，人民生活持续改善。贫困人口减少6800多万，居民收入年均增长7.4%。',
        '刚刚过去的2017年，经济社会发展主要目标任务全面完成。国内生产总值增长6.9%，城镇新增就业1351万人。',
        pad('五年来，我们主要做了以下工作。'),
        '二、2018年经济社会发展总体要求和政策取向',
        pad('今年发展主要预期目标是：国内生产总值增长6.5%左右；城镇新增就业1100万人以上。'),
      ].join('\n'),
      'national-2018.txt',
    );
    const r = d.passages.find((p) => p.kind === 'results')!;
    expect(slice(d, r)).toMatch(/^刚刚过去的2017年.*1351万人。$/);
  });

  it('passageAt, sentenceAt and sectionPathAt agree on an offset', async () => {
    const d = await doc(FULL);
    const off = at(d, '5.5%左右');
    expect(passageAt(d, off)?.kind).toBe('targets');
    expect(sentenceAt(d, off).text).toMatch(/^今年经济社会发展的主要预期目标是：.*3万人以上。$/);
    expect(sectionPathAt(d, off).map((s) => s.id)).toEqual(['2']);
    const deep = at(d, '新增高新技术企业80家');
    expect(sectionPathAt(d, deep).map((s) => s.id)).toEqual(['2', '2.1', '2.1.1']);
    expect(passageAt(d, deep)).toBeNull();
    expect(flattenSections(d.sections).every((s) => s.start <= s.headingStart && s.headingEnd <= s.end)).toBe(true);
  });
});

describe('structureDocument: a report on one line', () => {
  it('cuts virtual paragraphs at clear headings and bullets', async () => {
    const review = '过去一年是本届政府依法履职的第一年。——经济运行稳中向好。国内生产总值增长7.7%。——居民收入持续提高。城镇居民人均可支配收入增长7%。';
    const body = '我们要继续推动改革，加快发展，不断改善民生。'.repeat(200);
    const line = `政府工作报告——2014年3月5日在第十二届全国人民代表大会第二次会议上国务院总理 李克强各位代表：现在，我代表国务院，向大会作政府工作报告。一、2013年工作回顾${review}二、2014年工作总体部署今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。（一）推动重要领域改革取得新突破。${body}`;
    const d = await doc(line, 'national-2014-oneline.txt');
    expect(d.source.text.includes('\n')).toBe(false);
    expect(d.sections.map((s) => `${s.number}${s.heading}`)).toEqual(['一、2013年工作回顾', '二、2014年工作总体部署']);
    expect(d.sections[1]!.children.map((s) => s.heading)).toEqual(['推动重要领域改革取得新突破。']);
    expect(d.metadata).toMatchObject({ place: '国务院', planYear: 2014, reviewYear: 2013, deliveredOn: '2014-03-05' });
    expect(slice(d, d.passages.find((p) => p.kind === 'results')!)).toMatch(/^——经济运行稳中向好。.*增长7%。$/);
    expect(slice(d, d.passages.find((p) => p.kind === 'targets')!)).toBe('今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。');
  });
});
