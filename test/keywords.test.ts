import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readSource, type SourceText } from '../src/io/read.js';
import { segmentLines, wordKeysOf, type Token } from '../src/segment/segment.js';
import { setWordTableLimit, useNativeWordLengths } from '../src/segment/jieba.js';
import { boilerplateWords, genericStopwords } from '../src/segment/stopwords.js';
import {
  applyPhrases,
  chiSquare1P,
  corpusKeyness,
  countParagraphs,
  contentTermTest,
  countTerms,
  documentTerms,
  extractKeywords,
  g2,
  isBoilerplate,
  isContentTerm,
  isNumberToken,
  keyness,
  keywordText,
  learnAndCount,
  lineCount,
  learnAndMerge,
  learnPhrases,
  logRatio,
  parseIdf,
  signedG2,
  textRank,
  tfidfRank,
  type KeywordText,
  type Term,
} from '../src/extract/keywords/index.js';
import { termFrequencyTable } from '../src/extract/frequency-table.js';
import { BUNDLED, SHARED_CORPUS, runCli } from './helpers/cli.js';

/** Builds a token stream from "word/tag" items; "|" marks a break (punctuation). */
function stream(spec: string): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const item of spec.split(' ')) {
    if (item === '|') {
      out.push({ word: '，', tag: 'x', start: pos, end: pos + 1 });
      pos += 1;
      continue;
    }
    const [word, tag] = item.split('/') as [string, string];
    out.push({ word, tag, start: pos, end: pos + word.length });
    pos += word.length;
  }
  return out;
}

describe('ranking rules: which tokens are terms', () => {
  it('keeps nouns and verbal nouns, drops numbers, single characters, stop words and boilerplate', () => {
    expect(isContentTerm({ word: '螺蛳粉', tag: 'n' })).toBe(true);
    expect(isContentTerm({ word: '招商引资', tag: 'vn' })).toBe(true);
    expect(isContentTerm({ word: '推进', tag: 'v' })).toBe(false);
    expect(isContentTerm({ word: '建设', tag: 'vn' })).toBe(false); // boilerplate
    expect(isContentTerm({ word: '建设', tag: 'vn' }, { keepBoilerplate: true })).toBe(true);
    expect(isContentTerm({ word: '2.8%', tag: 'm' })).toBe(false);
    expect(isContentTerm({ word: '城', tag: 'n' })).toBe(false);
    expect(isContentTerm({ word: '获评', tag: 'v' })).toBe(false); // plain verbs are not terms
    expect(isContentTerm({ word: '，', tag: 'x' })).toBe(false);
    expect(isContentTerm({ word: '这是', tag: 'x' })).toBe(false);
    expect(isContentTerm({ word: '企稳', tag: 'x' })).toBe(true); // HMM word
  });

  it('treats numerals, scope words and boilerplate compounds as non-terms', () => {
    expect(isNumberToken('三年', 'm')).toBe(true);
    expect(isNumberToken('二十大', 'nrt')).toBe(true);
    expect(isNumberToken('5G', 'eng')).toBe(false);
    expect(isBoilerplate('大力开展')).toBe(true);
    expect(isBoilerplate('全市')).toBe(true);
    expect(isBoilerplate('常态化')).toBe(true);
    expect(isBoilerplate('螺蛳粉')).toBe(false);
  });

  it('TF-IDF: log tf by default, raw tf as jieba; unknown words get the median IDF', () => {
    const idf = parseIdf('甲乙 10\n丙丁 2\n戊己 6\n');
    expect(idf.median).toBe(6);
    const counts = countTerms(
      [...Array(12).fill({ word: '丙丁', tag: 'n' }), ...Array(2).fill({ word: '甲乙', tag: 'n' }), { word: '未知词', tag: 'n' }],
      1000,
    );
    const raw = tfidfRank(counts, 'raw', idf);
    expect(raw[0]!.term).toBe('丙丁'); // 12 × 2 = 24 > 2 × 10
    expect(raw[0]!.weight).toBeCloseTo((12 / 15) * 2, 6);
    const log = tfidfRank(counts, 'log', idf);
    expect(log.map((r) => r.term)).toEqual(['甲乙', '丙丁', '未知词']); // (1+ln2)·10 > (1+ln12)·2 > 1·6
    expect(log[2]!.weight).toBeCloseTo(6, 6);
    expect(log[1]!.per10k).toBeCloseTo(120, 6);
  });

  it('IDF table: the word is all before the last space, a repeated word keeps its last value, bad lines are skipped', () => {
    const idf = parseIdf('甲乙 10\r\n丙 丁 2\n甲乙 4\n\n 5\n无值\n坏值 abc\n戊己 6');
    expect(idf.size).toBe(3);
    expect(idf.get('甲乙')).toBe(4);
    expect(idf.get('丙 丁')).toBe(2);
    expect(idf.get('戊己')).toBe(6);
    expect(idf.get('丙')).toBeUndefined();
    expect(idf.get('无值')).toBeUndefined();
    expect(idf.get('坏值')).toBeUndefined();
    expect(idf.median).toBe(4); // of 2, 4, 6
    expect(idf.max).toBe(6);
    expect(parseIdf('').median).toBe(10);
  });

  it('TF-IDF top k = the first k of the whole ranking, ties included (weight, then count, then term)', () => {
    const idf = parseIdf('甲 8\n乙 8\n丙 4\n丁 2\n戊 12\n');
    const terms: Term[] = [];
    const add = (word: string, n: number) => {
      for (let i = 0; i < n; i++) terms.push({ word, tag: 'n', start: 0, end: 0 });
    };
    // 乙 and 甲 tie on weight and count (the term decides); 己 and 未知 are unknown (median 8); once
    // k terms are held, the rare ones (未知, 戊) fall below the bound and are not looked up
    add('乙', 2);
    add('丁', 9);
    add('甲', 2);
    add('丙', 4);
    add('未知', 1);
    add('戊', 1);
    add('己', 3);
    const counts = countTerms(terms, 100);
    const all = tfidfRank(counts, 'log', idf);
    for (let k = 1; k <= all.length + 1; k++) expect(tfidfRank(counts, 'log', idf, k)).toEqual(all.slice(0, k));
    for (let k = 1; k <= 3; k++) expect(tfidfRank(counts, 'raw', idf, k)).toEqual(tfidfRank(counts, 'raw', idf).slice(0, k));
    // a table without `max` (no pruning) ranks the same
    const plain = { get: (w: string) => idf.get(w), median: idf.median, size: idf.size };
    expect(tfidfRank(counts, 'log', plain, 3)).toEqual(all.slice(0, 3));
  });

  it('countParagraphs = countTerms of the paragraphs end to end (most frequent tag, first parts)', () => {
    const t = (word: string, tag: string, parts?: string[]): Term => ({ word, tag, start: 0, end: 0, ...(parts ? { parts } : {}) });
    const paragraphs = [
      [t('营商环境', 'n'), t('改革', 'vn'), t('营商环境', 'phrase', ['营商', '环境'])],
      [],
      [t('改革', 'v'), t('改革', 'v'), t('营商环境', 'phrase', ['营', '商环境']), t('开放', 'v'), t('开放', 'vn')],
    ];
    const viaParagraphs = countParagraphs(paragraphs, 50);
    const viaFlat = countTerms(paragraphs.flat(), 50);
    expect(viaParagraphs).toEqual(viaFlat);
    expect([...viaParagraphs.counts]).toEqual([...viaFlat.counts]);
    expect(viaParagraphs.tags.get('改革')).toBe('v');
    expect(viaParagraphs.tags.get('开放')).toBe('v'); // a tie: the first seen
    expect(viaParagraphs.parts.get('营商环境')).toEqual(['营商', '环境']);
    expect(viaParagraphs.total).toBe(8);
  });

  it('TextRank ranks the hub of the co-occurrence graph first', () => {
    const t = (w: string): Term => ({ word: w, tag: 'n', start: 0, end: 0 });
    const paras = [[t('中心'), t('甲方')], [t('中心'), t('乙方')], [t('中心'), t('丙方')], [t('丁方'), t('中心')]];
    const ranked = textRank(paras, countTerms(paras.flat(), 100), { window: 2 });
    expect(ranked[0]!.term).toBe('中心');
    expect(ranked[0]!.weight).toBe(1);
  });
});

describe('phrase merging', () => {
  const filler = (i: number) => `其他${'甲乙丙丁戊己庚辛'[i % 8]}/n 工作${i}/n`;
  it('merges pairs that recur together, never across punctuation, never from one occurrence', () => {
    const lines: Token[] = [];
    const parts = [
      '营商环境/n 攻坚/vn | 柳州/ns 螺蛳/n 粉/n',
      '营商环境/n 攻坚/vn | 柳州/ns 螺蛳/n 粉/n',
      '营商环境/n 攻坚/vn | 螺蛳/n 粉/n 产业园/n',
      '营商环境/n | 攻坚/vn 稀有/n 组合/n',
    ];
    let spec = parts.join(' | ');
    for (let i = 0; i < 60; i++) spec += ' | ' + filler(i);
    lines.push(...stream(spec));
    const model = learnPhrases([lines]);
    const phrases = model.phrases.map((p) => p.phrase);
    expect(phrases).toContain('营商环境攻坚');
    expect(phrases).toContain('螺蛳粉');
    expect(phrases).not.toContain('稀有组合'); // seen once
    const merged = applyPhrases(stream('营商环境/n 攻坚/vn | 营商环境/n | 攻坚/vn'), model).map((t) => t.word);
    expect(merged).toEqual(['营商环境攻坚', '，', '营商环境', '，', '攻坚']); // not across the comma
    const three = applyPhrases(stream('柳州/ns 螺蛳/n 粉/n'), model);
    expect(three.map((t) => t.word)).toContain('柳州螺蛳粉');
    expect(three.find((t) => t.word === '柳州螺蛳粉')!.parts).toEqual(['柳州', '螺蛳', '粉']);
  });

  it('does not start a phrase with boilerplate or a plain verb, nor end it with boilerplate', () => {
    let spec = '';
    for (let i = 0; i < 6; i++) spec += '推进/v 产业园/n | 成为/v 全国/n | 产业园/n 建设/vn | ';
    for (let i = 0; i < 40; i++) spec += filler(i) + ' | ';
    const model = learnPhrases([stream(spec.trim().replace(/ \|$/, ''))]);
    expect(model.phrases.map((p) => p.phrase)).toEqual([]);
  });
});

describe('keyness arithmetic (G², log ratio)', () => {
  // hand-computed: a=10 b=5 c=90 d=195, N=300; E = 5, 10, 95, 190
  // G² = 2[10 ln 2 + 5 ln 0.5 + 90 ln(90/95) + 195 ln(195/190)] = 7.32981
  it('matches a hand-computed 2×2 table', () => {
    expect(g2({ a: 10, b: 5, c: 90, d: 195 })).toBeCloseTo(7.32981, 4);
    expect(signedG2({ a: 10, b: 5, c: 90, d: 195 })).toBeCloseTo(7.32981, 4);
    expect(signedG2({ a: 5, b: 10, c: 195, d: 90 })).toBeCloseTo(-7.32981, 4);
    expect(g2({ a: 1, b: 2, c: 99, d: 198 })).toBeCloseTo(0, 10); // same rate both sides
    expect(logRatio(10, 100, 5, 200)).toBeCloseTo(2, 10); // 10% vs 2.5%
    expect(logRatio(0, 100, 4, 200)).toBeCloseTo(Math.log2(0.005 / 0.02), 10); // zero → 0.5
    expect(chiSquare1P(3.841)).toBeCloseTo(0.05, 3);
    expect(chiSquare1P(10.828)).toBeCloseTo(0.001, 4);
  });

  it('Williams correction divides G² by q', () => {
    const t = { a: 10, b: 5, c: 90, d: 195 };
    const n = 300;
    const q = 1 + ((n / 15 + n / 285 - 1) * (n / 100 + n / 200 - 1)) / (6 * n);
    expect(g2(t, 'williams')).toBeCloseTo(g2(t) / q, 10);
  });

  it('ranks the terms of a target against a reference, over-used first', () => {
    const mk = (entries: Array<[string, number]>) => {
      const terms = entries.flatMap(([w, n]) => Array(n).fill({ word: w, tag: 'n', start: 0, end: 0 }));
      return countTerms(terms, 1000);
    };
    const target = mk([['疫情', 10], ['经济', 90]]);
    const reference = mk([['经济', 195], ['改革', 5]]);
    const rows = keyness(target, reference);
    expect(rows[0]!.term).toBe('疫情');
    expect(rows[0]!.direction).toBe('target');
    const reform = rows.find((r) => r.term === '改革')!;
    expect(reform.g2).toBeLessThan(0);
    expect(reform.direction).toBe('reference');
    expect(rows.indexOf(reform)).toBeGreaterThan(0);
    expect(rows[0]!.target).toBe(10);
    expect(rows[0]!.reference).toBe(0);
  });
});

describe("phrase learning on segmentation's word keys", () => {
  it('learns the same phrases from keyed lines as from plain copies of them, and survives a changed token', async () => {
    const source = await readSource(BUNDLED);
    const lines = segmentLines(source.text);
    // with the patched nodejieba the lines carry word keys (the published one gives none)
    if (useNativeWordLengths(true)) expect(lines.filter((l) => wordKeysOf(l)?.length === l.length)).toHaveLength(lines.length);
    const plain = lines.map((l) => l.map((t) => ({ ...t }))); // new arrays: no keys
    expect(plain.every((l) => wordKeysOf(l) === undefined)).toBe(true);
    const keyed = learnPhrases(lines);
    expect(keyed.phrases.length).toBeGreaterThan(10);
    expect(keyed).toEqual(learnPhrases(plain));
    // a keyed line whose token was replaced afterwards: the key no longer matches its word and is ignored
    const changed = segmentLines(source.text);
    const at = changed.findIndex((l) => l.length > 3);
    changed[at]![1] = { ...changed[at]![1]!, word: '某某新词' };
    const plainChanged = changed.map((l) => l.map((t) => ({ ...t })));
    expect(learnPhrases(changed)).toEqual(learnPhrases(plainChanged));
  });
});

describe('bundled report', () => {
  let text: KeywordText;
  beforeAll(async () => {
    text = keywordText(await readSource(BUNDLED));
  });

  it('top 20 keywords: no boilerplate, no number, no single character; the report’s places, industries, programmes', () => {
    const top = extractKeywords(text, { top: 20 });
    expect(top).toHaveLength(20);
    const boiler = boilerplateWords();
    for (const k of top) {
      expect(boiler.has(k.term), k.term).toBe(false);
      expect(/\d/.test(k.term), k.term).toBe(false);
      expect([...k.term].length, k.term).toBeGreaterThan(1);
      expect(k.count).toBeGreaterThan(0);
    }
    const terms = top.map((k) => k.term);
    for (const expected of ['柳州', '乡村振兴', '柳州螺蛳粉', '新能源汽车', '三江', '鹿寨']) expect(terms).toContain(expected);
    expect(top.some((k) => k.tag === 'phrase')).toBe(true); // phrases ranked beside words
  });

  it('follows a change of the stop-word list at once (phrase learning keeps word features for the process)', () => {
    const before = extractKeywords(text, { top: 20 });
    const word = before.find((k) => k.tag !== 'phrase')!.term; // 柳州
    genericStopwords().add(word);
    try {
      expect(extractKeywords(text, { top: 20 }).map((k) => k.term)).not.toContain(word);
    } finally {
      genericStopwords().delete(word);
    }
    expect(extractKeywords(text, { top: 20 })).toEqual(before);
  });

  it('keeps boilerplate when asked, and TextRank gives the same rules', () => {
    const kept = extractKeywords(text, { top: 20, keepBoilerplate: true, tf: 'raw' }).map((k) => k.term);
    expect(kept.some((t) => boilerplateWords().has(t))).toBe(true);
    const tr = extractKeywords(text, { top: 20, method: 'textrank' });
    expect(tr[0]!.weight).toBe(1);
    expect(tr.some((k) => boilerplateWords().has(k.term) || /\d/.test(k.term))).toBe(false);
  });

  it('freq --top: the most frequent content terms, with per-10k rates', () => {
    const terms = documentTerms(text, learnPhrases([text.lines.flat()]));
    const table = termFrequencyTable([{ path: text.path, counts: terms.counts }], undefined, 5);
    expect(table.terms).toHaveLength(5);
    expect(table.terms[0]).toBe('柳州');
    const row = table.documents[0]!;
    expect(row.counts[0]).toBe(terms.counts.counts.get('柳州'));
    expect(row.per10k[0]).toBeCloseTo((row.counts[0]! / row.chars) * 10000, 2);
    expect(row.counts).toEqual([...row.counts].sort((a, b) => b - a));
  });

  it('learning on lines = learning on the whole stream, and the merged lines it returns = applyPhrases', () => {
    // extractKeywords learns one stream per line and reuses the merged lines (see learnAndMerge)
    const whole = learnPhrases([text.lines.flat()]);
    expect(whole.phrases.length).toBeGreaterThan(10);
    expect(learnPhrases(text.lines)).toEqual(whole);
    const viaApply = documentTerms(text, whole);
    expect(extractKeywords(text, { top: 0 })).toEqual(tfidfRank(viaApply.counts));
    // the top k read from the tallies (tfidfTopOfTallies) = the first k of the whole ranking
    for (const top of [1, 20, 150]) {
      expect(extractKeywords(text, { top })).toEqual(tfidfRank(viaApply.counts).slice(0, top));
      expect(extractKeywords(text, { top, tf: 'raw' })).toEqual(tfidfRank(viaApply.counts, 'raw').slice(0, top));
    }
    expect(extractKeywords(text, { top: 0, phrases: whole })).toEqual(tfidfRank(viaApply.counts));
    // without the model (what extractKeywords asks for): no Phrase objects, the same merged lines
    const withModel = learnAndMerge(text.lines);
    const without = learnAndMerge(text.lines, {}, undefined, false);
    expect(without.model).toBeNull();
    expect(withModel.model).toEqual(whole);
    expect(without.merged).toEqual(withModel.merged);
  });

  it('counting by word id (learnAndCount) = countParagraphs of the kept lines: order, counts, tags, parts', () => {
    for (const options of [{}, { keepBoilerplate: true }, { keepSingleChars: true, pos: ['n', 'v'] }]) {
      const keep = contentTermTest(options);
      const viaLines = countParagraphs(learnAndMerge(text.lines, {}, keep, false).kept!, 1234);
      const viaIds = learnAndCount(text.lines, {}, keep).counts(1234);
      expect([...viaIds.counts]).toEqual([...viaLines.counts]);
      expect([...viaIds.tags]).toEqual([...viaLines.tags]);
      expect([...viaIds.parts]).toEqual([...viaLines.parts]);
      expect(viaIds.total).toBe(viaLines.total);
      expect(viaIds.counts.size).toBeGreaterThan(500);
    }
    // a word seen with two tags: its most frequent tag, the first one on a tie
    const mixed = [stream('数字/n 经济/n | 数字/vn 经济/n | 数字/vn 经济/n | 数字/n'), stream('数字/n')];
    const keep = contentTermTest();
    const viaIds = learnAndCount(mixed, {}, keep).counts(10);
    expect([...viaIds.tags]).toEqual([...countParagraphs(learnAndMerge(mixed, {}, keep, false).kept!, 10).tags]);
  });

  it('learning from the segmented columns = learning from the Token lines; once the lines are read (and changed), they count', async () => {
    const source = await readSource(BUNDLED);
    const fresh = keywordText(source); // no Token objects yet: key phrases come from the columns
    const plain: KeywordText = { path: source.path, text: source.text, lines: segmentLines(source.text) };
    expect(lineCount(fresh)).toBe(plain.lines.length);
    const viaColumns = extractKeywords(fresh, { top: 0 });
    expect(viaColumns.length).toBeGreaterThan(500);
    expect(viaColumns).toEqual(extractKeywords(plain, { top: 0 }));
    expect(extractKeywords(fresh, { top: 30, keepBoilerplate: true })).toEqual(extractKeywords(plain, { top: 30, keepBoilerplate: true }));
    // the lines, once made, are the text: a changed token changes the key phrases
    expect(fresh.lines).toEqual(plain.lines);
    expect(lineCount(fresh)).toBe(plain.lines.length);
    const line = fresh.lines.find((l) => l.some((t) => t.word === '柳州'))!;
    const at = line.findIndex((t) => t.word === '柳州');
    line[at] = { ...line[at]!, word: '测试词' };
    const changed = extractKeywords(fresh, { top: 0 });
    expect(changed.find((k) => k.term === '测试词')?.count).toBe(1);
    expect(changed.find((k) => k.term === '柳州')!.count).toBe(viaColumns.find((k) => k.term === '柳州')!.count - 1);
  });

  it('CLI: keywords --format json on the bundled report', async () => {
    const r = await runCli(['keywords', '--format', 'json', '--top', '5']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.documents[0].keywords).toHaveLength(5);
    expect(json.documents[0].keywords[0]).toMatchObject({ term: '柳州', count: expect.any(Number), weight: expect.any(Number) });
  });
});

describe('key phrases from segmented columns', () => {
  /** Key phrases learnt from the columns (a fresh keywordText) and from Token lines of the same text. */
  function bothWays(source: SourceText): { viaColumns: ReturnType<typeof extractKeywords>; viaLines: ReturnType<typeof extractKeywords> } {
    const viaColumns = extractKeywords(keywordText(source), { top: 0 });
    const viaLines = extractKeywords({ path: source.path, text: source.text, lines: segmentLines(source.text) }, { top: 0 });
    return { viaColumns, viaLines };
  }

  it.skipIf(!existsSync(SHARED_CORPUS))('= from Token lines on every report of the shared corpus (words tagged otherwise in context included)', async () => {
    const files = readdirSync(SHARED_CORPUS).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const { viaColumns, viaLines } = bothWays(await readSource(join(SHARED_CORPUS, f)));
      expect(viaColumns, f).toEqual(viaLines);
    }
  });

  it('keywordText is still a plain object to its callers: keys, copies, JSON, assigned lines', async () => {
    const source = await readSource(BUNDLED);
    const plain: KeywordText = { path: source.path, text: source.text, lines: segmentLines(source.text) };
    const kt = keywordText(source);
    expect(Object.keys(kt)).toEqual(['path', 'text', 'lines']);
    expect({ ...kt }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(kt))).toEqual(JSON.parse(JSON.stringify(plain)));
    // lines assigned (without 柳州): the key phrases follow them, not the columns
    const assigned = keywordText(source);
    assigned.lines = assigned.lines.map((l) => l.filter((t) => t.word !== '柳州'));
    const top = extractKeywords(assigned, { top: 0 });
    expect(top.some((k) => k.term === '柳州')).toBe(false);
    expect(top).toEqual(extractKeywords({ ...plain, lines: plain.lines.map((l) => l.filter((t) => t.word !== '柳州')) }, { top: 0 }));
    expect(lineCount(assigned)).toBe(plain.lines.length);
  });

  it('= from Token lines when the word table is cleared while a report is segmented (keys then only hints)', async () => {
    const source = await readSource(BUNDLED);
    const limit = setWordTableLimit(300);
    try {
      const { viaColumns, viaLines } = bothWays(source);
      expect(viaColumns.length).toBeGreaterThan(500);
      expect(viaColumns).toEqual(viaLines);
    } finally {
      setWordTableLimit(limit);
    }
    const { viaColumns } = bothWays(source);
    expect(viaColumns).toEqual(bothWays(source).viaLines);
  });
});

describe.skipIf(!existsSync(SHARED_CORPUS))('keyness on real report pairs', () => {
  const read = (name: string): Promise<SourceText> => readSource(join(SHARED_CORPUS, name));
  it('2020 vs 2019: 疫情 among the top 5', async () => {
    const [r] = corpusKeyness([await read('national-2020.txt')], [await read('national-2019.txt')]);
    const rank = r!.rows.findIndex((x) => x.term === '疫情') + 1;
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(5);
  });
  it('2024 vs 2023: 高质量发展 among the top 10', async () => {
    const [r] = corpusKeyness([await read('national-2024.txt')], [await read('national-2023.txt')]);
    const rank = r!.rows.findIndex((x) => x.term === '高质量发展') + 1;
    expect(rank).toBeGreaterThan(0);
    expect(rank).toBeLessThanOrEqual(10);
    expect(r!.rows[0]!.g2).toBeGreaterThan(0);
  });
});
