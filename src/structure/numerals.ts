/** Chinese numerals as used in report headings and old dates (一 … 九十九; 一九五四年). */

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 3 → 3; null when not a number. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  if (s.includes('百')) return null;
  const t = s.indexOf('十');
  if (t < 0) return s.length === 1 ? (DIGIT[s] ?? null) : null;
  const tens = t === 0 ? 1 : DIGIT[s.slice(0, t)] ?? null;
  const rest = s.slice(t + 1);
  const ones = rest === '' ? 0 : DIGIT[rest] ?? null;
  if (tens === null || ones === null || t > 1 || rest.length > 1) return null;
  return tens * 10 + ones;
}

/** A year written digit by digit in Chinese numerals (一九五四 → 1954), else null. */
export function chineseYear(s: string): number | null {
  if (s.length !== 4) return null;
  let n = 0;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n >= 1900 && n <= 2100 ? n : null;
}
