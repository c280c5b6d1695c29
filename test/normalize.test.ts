import { describe, expect, it } from 'vitest';
import { normalizeText, shouldJoin } from '../src/io/normalize.js';
import { sourcePosition } from '../src/io/read.js';

const norm = (raw: string) => normalizeText(raw).text;

describe('normalizeText', () => {
  it('unifies CRLF, CR and CR CR LF line breaks', () => {
    expect(norm('第一段。\r\n第二段。\r第三段。\r\r\n第四段。')).toBe('第一段。\n第二段。\n第三段。\n第四段。');
  });

  it('removes zero-width characters and the literal <U+00A0> artefact', () => {
    expect(norm('各位代表：\u200d\n人民\u200b群众\ufeff。')).toBe('各位代表：\n人民群众。');
    expect(norm('新华社<U+00A0><U+00A0>北京电。')).toBe('新华社 北京电。');
  });

  it('trims U+3000 and NBSP indents and collapses inner spaces', () => {
    expect(norm('\u3000\u3000今年的目标是：\u00a0\n  增长5%。  ')).toBe('今年的目标是：\n增长5%。');
  });

  it('turns full-width digits, letters, ％ and ． into ASCII so ４．５％ reads as 4.5%', () => {
    expect(norm('增长４．５％，ＧＤＰ达到１２９６亿元，６％－６．５％。')).toBe('增长4.5%，GDP达到1296亿元，6%-6.5%。');
  });

  it('makes ASCII punctuation in Chinese text full-width but keeps 1,296 and 10:30', () => {
    expect(norm('地区生产总值增长7.5%,达到326.4亿元;就业1,296人:好!')).toBe('地区生产总值增长7.5%，达到326.4亿元；就业1,296人：好！');
    expect(norm('(一)经济实力迈上新台阶。')).toBe('（一）经济实力迈上新台阶。');
  });

  it('drops web-page chrome lines', () => {
    expect(norm('下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n政府工作报告')).toBe('政府工作报告');
    expect(norm('【字号：加大 还原 减小】\n正文。')).toBe('正文。');
  });

  it('closes up letter-spaced titles', () => {
    expect(norm('政 府 工 作 报 告\n各位代表：')).toBe('政府工作报告\n各位代表：');
  });

  it('rejoins words and numbers broken by scrapers', () => {
    expect(norm('政府工作报\n告\n\n——2021年3月5日在第十三届全国人民代表大会第四次会议上')).toBe('政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上');
    expect(norm('重点地区细颗粒物（PM\n2.5\n）浓度继续下降。')).toBe('重点地区细颗粒物（PM2.5）浓度继续下降。');
    expect(norm('交出一份人\n\u200b\n民满意、世界瞩目的答卷。')).toBe('交出一份人民满意、世界瞩目的答卷。');
  });

  it('does not join headings, subtitles or paragraphs separated by a blank line', () => {
    expect(norm('一、2023年工作回顾\n过去一年。')).toBe('一、2023年工作回顾\n过去一年。');
    expect(norm('国务院总理\n李克强')).toBe('国务院总理\n李克强');
    expect(norm('开幕。国务院总理李克强作政府工作报告。新华社记者 庞兴雷 摄\n\n各位代表：')).toBe('开幕。国务院总理李克强作政府工作报告。新华社记者 庞兴雷 摄\n各位代表：');
    expect(shouldJoin('——2026年2月2日在广西壮族自治区第十四届人民代表大会第五次会议上', '来源：广西日报')).toBe(false);
  });

  it('maps every output character back to the original', () => {
    const raw = '\u3000\u3000第一行。\r\n\r\n\u3000第二行增长４．５％。';
    const { text, sourceOffsets } = normalizeText(raw);
    expect(text).toBe('第一行。\n第二行增长4.5%。');
    expect(sourceOffsets.length).toBe(text.length);
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') continue;
      const original = raw[sourceOffsets[i]!]!;
      expect(original.normalize('NFKC')).toBe(text[i]!.normalize('NFKC'));
    }
    const at = text.indexOf('4.5%');
    expect(sourcePosition({ original: raw, sourceOffsets }, at)).toEqual({ line: 3, column: 7, offset: raw.indexOf('４') });
  });

  it('keeps surrogate pairs whole and maps both units to the pair, and closes up letter-spaced titles', () => {
    const n = normalizeText('\u3000政 府 工 作 报 告\n增长😀５％');
    expect(n.text).toBe('政府工作报告\n增长😀5%');
    expect(Array.from(n.sourceOffsets)).toEqual([1, 3, 5, 7, 9, 11, 12, 13, 14, 15, 15, 17, 18]);
  });
});
