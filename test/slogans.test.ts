import { beforeAll, describe, expect, it } from 'vitest';
import { readSource, sourceFromBytes, type SourceText } from '../src/io/read.js';
import { structureDocument } from '../src/structure/index.js';
import { classifyQuoted, countEach, countSubstring, extractSlogans, findQuotes, isNumberedSlogan } from '../src/extract/slogans.js';
import { BUNDLED } from './helpers/cli.js';

const src = (text: string) => sourceFromBytes('fixture.txt', Buffer.from(text, 'utf8'));

describe('quote styles', () => {
  it('understands “…”, ‘…’, 「…」, 『…』 and ASCII quotes', () => {
    const q = findQuotes('实施“放管服”改革，推进‘两山’理念，「三反」运动，『四风』问题，"一网通办"和\'最多跑一次\'。');
    expect(q.map((x) => [x.term, x.style])).toEqual([
      ['放管服', '“”'],
      ['两山', '‘’'],
      ['三反', '「」'],
      ['四风', '『』'],
      ['一网通办', '""'],
      ['最多跑一次', "''"],
    ]);
  });

  it('ignores an unmatched mark, never spans a line, leaves English apostrophes alone', () => {
    expect(findQuotes('一个“没有结尾\n另一行”').map((x) => x.term)).toEqual([]);
    expect(findQuotes('“甲“乙丙”').map((x) => x.term)).toEqual(['乙丙']);
    expect(findQuotes("China's plan and the 'market' 与“新质生产力”").map((x) => x.term)).toEqual(['新质生产力']);
  });

  it('gives both the outer and the nested quote, with exact offsets', () => {
    const text = '他说“纠正‘四风’不能止步，作风建设永远在路上”。';
    const q = findQuotes(text);
    expect(q.map((x) => x.term)).toEqual(['纠正‘四风’不能止步，作风建设永远在路上', '四风']);
    for (const x of q) expect(text.slice(x.start, x.end)).toBe(x.term);
  });
});

describe('slogan classification', () => {
  it.each(['四大突破攻坚行动', '3个三年行动', '3个年活动', '两个确立', '两个维护', '四个专项行动', '十连冠', '十一连冠', '两个毫不动摇', '碳达峰十大行动', '15分钟健身圈', '三个没有变'])(
    '%s is a numbered slogan',
    (term) => {
      expect(isNumberedSlogan(term)).toBe(true);
      expect(classifyQuoted(term)).toBe('numbered');
    },
  );
  it.each([
    ['放管服', 'term'],
    ['老字号', 'term'],
    ['最后一公里', 'term'],
    ['文化进万家', 'term'],
    ['新三样', 'term'],
    ['三保障', 'number-led'],
    ['四风', 'number-led'],
    ['1+4', 'number-led'],
    ['2023中国县域旅游发展潜力百强县市', 'term'],
    ['进', 'single-char'],
    ['纠正‘四风’不能止步，作风建设永远在路上', 'sentence'],
    ['产业兴旺、生态宜居、乡风文明、治理有效、生活富裕', 'term'],
    ['一'.repeat(41), 'sentence'],
  ])('%s → %s', (term, cls) => {
    expect(classifyQuoted(term)).toBe(cls);
  });
});

describe('bundled report', () => {
  let source: SourceText;
  beforeAll(async () => {
    source = await readSource(BUNDLED);
  });

  it('accounts for every quoted term: 101 distinct, 112 quotes, counts exact', () => {
    const all = extractSlogans(structureDocument(source), { all: true });
    expect(all).toHaveLength(101);
    expect(all.reduce((n, s) => n + s.count, 0)).toBe(112);
    // exact counts: each quoted count equals the number of “term” substrings
    for (const s of all) expect(s.count, s.term).toBe(countSubstring(source.text, `“${s.term}”`));
    expect(all.find((s) => s.term === '放管服')!.count).toBe(2);
    expect(all.filter((s) => s.class === 'single-char').map((s) => s.term).sort()).toEqual(['建', '治', '稳', '进'].sort());
    const shown = extractSlogans(source);
    expect(shown).toHaveLength(97);
  });

  it('numbered class: the six named slogans, and nothing without a number', () => {
    const doc = structureDocument(source);
    const numbered = extractSlogans(doc).filter((s) => s.class === 'numbered');
    const terms = numbered.map((s) => s.term);
    for (const t of ['四大突破攻坚行动', '3个三年行动', '3个年活动', '两个确立', '两个维护', '四个专项行动']) expect(terms).toContain(t);
    for (const t of terms) expect(/[\d零〇一二两三四五六七八九十百千万双]/.test(t), t).toBe(true);
    for (const plain of ['放管服', '老字号', '链长制', '枫桥经验']) expect(terms).not.toContain(plain);
  });

  it('gives first position and section', () => {
    const doc = structureDocument(source);
    const s = extractSlogans(doc).find((x) => x.term === '两个毫不动摇')!;
    expect(source.text.slice(s.first, s.first + s.term.length)).toBe('两个毫不动摇');
    expect(s.line).toBeGreaterThan(1);
    expect(s.sectionId).toMatch(/^2\b/);
    expect(s.sectionPath[0]).toContain('2024年工作安排');
  });
});

describe('fixtures', () => {
  it('counts repeats and mentions, hides single characters unless asked', async () => {
    const s = await src('实施“放管服”改革。放管服要深化，“放管服”见效。坚持“稳”字当头。\n');
    const list = extractSlogans(s);
    expect(list.map((x) => [x.term, x.count, x.mentions])).toEqual([['放管服', 2, 3]]);
    expect(extractSlogans(s, { all: true }).map((x) => x.term)).toEqual(['放管服', '稳']);
  });
});

describe('countEach', () => {
  it('gives countSubstring for every needle, in one pass', () => {
    const text = 'aaaa 放管服放管服 放管 一带一路，一带 “两个确立”两个 𠀀𠀀x';
    // overlapping needles, shared first characters, a repeated and an empty needle, a surrogate pair
    const needles = ['aa', 'aaa', 'a', '放管服', '放管', '放', '一带一路', '一带', '两个确立', '两个', '两个', '', '𠀀', 'x', '无'];
    const counts = countEach(text, needles);
    for (const n of needles) expect(counts.get(n), n).toBe(countSubstring(text, n));
    expect(counts.get('aa')).toBe(2);
    expect(counts.get('aaa')).toBe(1);
    expect(counts.get('')).toBe(0);
  });

  it('agrees with countSubstring on a report, for every quoted term', async () => {
    const source = await readSource(BUNDLED);
    const terms = findQuotes(source.text).map((q) => q.term);
    const counts = countEach(source.text, terms);
    for (const t of terms) expect(counts.get(t), t).toBe(countSubstring(source.text, t));
    // a second call on other text starts from a clean state
    expect(countEach('一二', ['一二', '二']).get('二')).toBe(1);
  });
});
