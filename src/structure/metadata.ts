/**
 * Report metadata from the text: place, plan year, review year, delivery date, title.
 * The text is searched first; the file name is a fallback; options override both.
 * Anything that cannot be found is null, with a note saying so.
 */
import { chineseYear } from './numerals.js';

const ADMIN_UNIT = '(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|区|县|州|旗|盟)';

/** ——2024年3月5日在第十四届全国人民代表大会第二次会议上 (also -- and —, with or without the dashes). */
export const SUBTITLE_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日在(.{0,40}?)第[一二三四五六七八九十\d]+届(.{0,12}?)人民代表大会/;

export interface DateFound {
  year: number;
  iso: string;
  /** The issuing body named in the subtitle ("广西壮族自治区", "呼伦贝尔市海拉尔区", "" for the national congress). */
  assembly: string;
  national: boolean;
}

export function findDeliveryDate(front: string): DateFound | null {
  const m = SUBTITLE_DATE.exec(front);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const national = /全国/.test(m[5]!) || /全国/.test(m[4]!);
  const assembly = national ? '' : (m[4]! + m[5]!).replace(/^在/, '').trim();
  return { year: y, iso: `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`, assembly, national };
}

/** The smallest administrative unit named at the end of `s` (呼伦贝尔市海拉尔区 → 海拉尔区), or null. */
export function lastAdminUnit(s: string): string | null {
  const m = new RegExp(`([\\u4e00-\\u9fff]{2,12}?${ADMIN_UNIT})$`).exec(s);
  if (!m) return null;
  const whole = m[1]!;
  // split 呼伦贝尔市海拉尔区 into its units and keep the last
  const parts = whole.match(new RegExp(`[\\u4e00-\\u9fff]+?(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|区|县|州|旗|盟)(?=[\\u4e00-\\u9fff]{2,}${ADMIN_UNIT}|$)`, 'g'));
  const last = parts?.[parts.length - 1] ?? whole;
  return last.length >= 2 ? last : whole;
}

/** Place from a byline "海拉尔区人民政府区长 张天喜" or a title "2026年广西壮族自治区政府工作报告". */
export function placeFromLines(lines: string[]): string | null {
  for (const l of lines) {
    const byline = /^(?:\S*?)([\u4e00-\u9fff]{2,16}?)人民政府.{0,4}(?:省长|主席|市长|区长|县长|州长|旗长|盟长)/.exec(l);
    if (byline) {
      const p = lastAdminUnit(byline[1]!);
      if (p) return p;
    }
    const title = /^(?:\d{4}年)?([\u4e00-\u9fff]{2,16}?)(?:人民)?政府工作报告/.exec(l);
    if (title) {
      const p = lastAdminUnit(title[1]!);
      if (p) return p;
    }
  }
  return null;
}

const SCOPE = /全(省|市|区|县|州|旗|盟)/g;
const PLACE_PREFIX = /(?:健康|平安|美丽|宜居|法治|魅力|幸福|数字|文明|智慧|生态|活力|品质|书香|诗意|人文|绿色|韧性)([\u4e00-\u9fff]{2})(?=[，。、；”建])/g;

/**
 * When no title, subtitle or byline names the place: a local report speaks of
 * 全市 / 全区 and names itself in slogans (健康柳州, 平安柳州). The name seen most often
 * in such slogans, plus the administrative unit of the scope word, is the place.
 */
export function placeFromSlogans(text: string): { place: string; name: string; scope: string } | null {
  const scopes = new Map<string, number>();
  for (const m of text.matchAll(SCOPE)) scopes.set(m[1]!, (scopes.get(m[1]!) ?? 0) + 1);
  const scope = [...scopes.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!scope || scope[1] < 3) return null;
  const names = new Map<string, number>();
  for (const m of text.matchAll(PLACE_PREFIX)) names.set(m[1]!, (names.get(m[1]!) ?? 0) + 1);
  // of the names seen in slogans at least twice, the one the text also writes as a place:
  // with its administrative unit (柳州市) or in brackets after an institution (广西（柳州）)
  const unit = scope[0];
  const ranked = [...names.entries()]
    .filter(([, n]) => n >= 2)
    .map(([name, n]) => [name, n, occurrences(text, name + unit) + occurrences(text, `（${name}）`)] as const)
    .filter(([, , proper]) => proper >= 1)
    .sort((a, b) => b[2] - a[2] || b[1] - a[1]);
  const best = ranked[0];
  if (!best) return null;
  return { place: best[0] + scope[0], name: best[0], scope: '全' + scope[0] };
}

/** Non-overlapping occurrences of `word` in `text` (as text.split(word).length − 1, without building the pieces). */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) count++;
  return count;
}

/** Years written in the text, Arabic (2024年) or Chinese digits (一九五四年). */
export function yearsIn(s: string): number[] {
  const out: number[] = [];
  for (const m of s.matchAll(/((?:19|20)\d{2})年/g)) out.push(Number(m[1]));
  for (const m of s.matchAll(/([〇零一二三四五六七八九]{4})年/g)) {
    const y = chineseYear(m[1]!);
    if (y) out.push(y);
  }
  return out;
}

