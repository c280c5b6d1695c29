/**
 * Quantities in normalised text: Arabic numbers (1,296 / 4.5 / 6%-6.5% / 1—2个 / 4万多亿元)
 * and Chinese numerals (百分之五, 三千亿元, 一千二百万人, 两个百分点), with their magnitude
 * (万, 亿, 万亿 …) and unit, and the value scaled to base units.
 *
 * This module only finds and parses; whether a quantity is a figure is decided in
 * exclusions.ts and sentence.ts.
 */
import { UNITS } from '../../segment/numbers.js';

export interface Quantity {
  /** Offset of the first character of the number. */
  start: number;
  /** Offset just after the unit (or after the number/magnitude when there is no unit). */
  end: number;
  value: number;
  valueMax: number | null;
  /** Unit as written with the magnitude, without 多/余: %, 个百分点, 亿元, 万人, 万 … null when none. */
  unit: string | null;
  /** Multiplier from the magnitude word (万 → 1e4), 1 when none. */
  multiplier: number;
  /** The unit without its magnitude (人 for 万人), null when the unit is only a magnitude. */
  baseUnit: string | null;
  /** 多 or 余 when written (4万多亿元, 6700多公里), else null. */
  more: '多' | '余' | null;
  /** True when written in Chinese numerals. */
  chinese: boolean;
  /** The raw text from start to end. */
  raw: string;
}

/** Units the figures extractor accepts beyond the segmenter's list. Longest first when matched. */
const EXTRA_UNITS = ['头只', '万平方米', '亿千瓦'].filter((u) => !/^(万|亿)/.test(u));
const ALL_UNITS = [...new Set([...UNITS, ...EXTRA_UNITS])].sort((a, b) => b.length - a.length);

/**
 * Words grouped by first character, in their original order within a group: a
 * lookup by the character at a position gives the few words that can start there,
 * tried in the same order as a scan of the whole list would.
 */
function groupByFirstChar(words: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const w of words) {
    const group = groups.get(w[0]!);
    if (group) group.push(w);
    else groups.set(w[0]!, [w]);
  }
  return groups;
}

/** The words of `grouped` that can start at `i` in `text` (those beginning with its character). */
function wordsAt(grouped: Map<string, string[]>, text: string, i: number): readonly string[] {
  return grouped.get(text[i] ?? '') ?? [];
}

const UNITS_BY_FIRST_CHAR = groupByFirstChar(ALL_UNITS);

const MAGNITUDES: Array<[string, number]> = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['亿', 1e8],
  ['万', 1e4],
];

const MAGNITUDE_FIRST_CHARS = new Set(MAGNITUDES.map(([word]) => word[0]!));

/** Letters that are units (40.5GWh) rather than parts of a name (5G, PM2.5). */
const LETTER_UNITS = new Set(['GWh', 'MWh', 'kWh', 'GW', 'MW', 'kW', 'km']);

const ARABIC = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const RANGE_SEP = /[-－—–~～至]/;

const DIGIT = /\d/g;

/** Index of the first digit at or after `from`, or -1. */
function indexOfDigit(text: string, from: number): number {
  DIGIT.lastIndex = from;
  return DIGIT.exec(text)?.index ?? -1;
}

function parseArabic(s: string): number {
  return Number(s.replace(/,/g, ''));
}

/** 多 or 余 written at `i` (4万多亿元, 6700多公里), else null. */
function moreAt(text: string, i: number): '多' | '余' | null {
  const c = text[i];
  return c === '多' || c === '余' ? c : null;
}

/** The first of MAGNITUDES written at `i` that is not part of `taken`, with its multiplier. */
function magnitudeAt(text: string, i: number, taken: string): [string, number] | null {
  if (!MAGNITUDE_FIRST_CHARS.has(text[i] ?? '')) return null; // most numbers have none: skip the list
  for (const [word, mult] of MAGNITUDES) if (text.startsWith(word, i) && !taken.includes(word)) return [word, mult];
  return null;
}

/** Reads magnitude + 多/余 + unit starting at `i`; returns what it found and where it ended. */
function readUnit(text: string, i: number): { unit: string | null; multiplier: number; baseUnit: string | null; more: '多' | '余' | null; end: number } {
  let j = i;
  let more = moreAt(text, j);
  if (more) j++;
  let magnitude = '';
  let multiplier = 1;
  const first = magnitudeAt(text, j, '');
  if (first) {
    [magnitude, multiplier] = first;
    j += magnitude.length;
    const moreAfterMagnitude = moreAt(text, j);
    if (moreAfterMagnitude) {
      more = moreAfterMagnitude;
      j++;
    }
    // 4万多亿元: a second magnitude after 多
    const second = magnitudeAt(text, j, magnitude);
    if (second) {
      magnitude += second[0];
      multiplier *= second[1];
      j += second[0].length;
    }
  }
  let base: string | null = null;
  for (const u of wordsAt(UNITS_BY_FIRST_CHAR, text, j)) {
    if (text.startsWith(u, j)) {
      if (/^[A-Za-z]/.test(u) && /[A-Za-z0-9]/.test(text[j + u.length] ?? '')) continue;
      base = u;
      j += u.length;
      break;
    }
  }
  // "个" alone before 百分点 is handled by the unit list (个百分点 is longest).
  const unit = magnitude || base ? magnitude + (base ?? '') : null;
  return { unit, multiplier, baseUnit: base, more, end: j };
}

/** Every Arabic-numeral quantity in `text`, in order. Letters right before/after are left to exclusions. */
export function scanArabic(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (let start = indexOfDigit(text, 0); start >= 0; ) {
    ARABIC.lastIndex = start;
    const first = ARABIC.exec(text)!; // a digit always starts a number
    let i = start + first[0].length;
    const value = parseArabic(first[0]);
    let valueMax: number | null = null;
    let pct1 = false;
    if (text[i] === '%') {
      pct1 = true;
      i++;
    }
    // range: 6%-6.5%, 5至5.5%, 1—2个
    const sep = text[i];
    if (sep && RANGE_SEP.test(sep) && /\d/.test(text[i + 1] ?? '')) {
      ARABIC.lastIndex = i + 1;
      const second = ARABIC.exec(text);
      if (second) {
        const v2 = parseArabic(second[0]);
        if (v2 > value) {
          valueMax = v2;
          i = i + 1 + second[0].length;
        }
      }
    }
    let u: ReturnType<typeof readUnit>;
    if (pct1 && valueMax === null) u = { unit: '%', multiplier: 1, baseUnit: '%', more: null, end: i };
    else if (pct1) {
      // 6%-6.5%: the second % closes the range
      const end = text[i] === '%' ? i + 1 : i;
      u = { unit: '%', multiplier: 1, baseUnit: '%', more: null, end };
    } else u = readUnit(text, i);
    out.push({
      start,
      end: u.end,
      value,
      valueMax,
      unit: u.unit,
      multiplier: u.multiplier,
      baseUnit: u.baseUnit,
      more: u.more,
      chinese: false,
      raw: text.slice(start, u.end),
    });
    start = indexOfDigit(text, Math.max(u.end, start + first[0].length));
  }
  return out;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Parses a Chinese integer or decimal (一千二百, 十五, 三点五, 一万二千). NaN when it is not one. */
export function parseChineseNumber(s: string): number {
  if (!s) return NaN;
  const point = s.indexOf('点');
  if (point >= 0) {
    const int = parseChineseNumber(s.slice(0, point));
    const frac = s.slice(point + 1);
    if (!frac || [...frac].some((c) => !(c in CN_DIGITS))) return NaN;
    return Number(`${Number.isNaN(int) ? 0 : int}.${[...frac].map((c) => CN_DIGITS[c]).join('')}`);
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const c of s) {
    if (c in CN_DIGITS) {
      digit = CN_DIGITS[c]!;
    } else if (c in CN_SMALL) {
      section += (digit < 0 ? 1 : digit) * CN_SMALL[c]!;
      digit = -1;
    } else if (c === '万' || c === '亿') {
      const mult = c === '万' ? 1e4 : 1e8;
      section += digit < 0 ? 0 : digit;
      total = (total + section) * mult;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/** Units accepted after Chinese numerals: measures only, not counters such as 个/批/大, which make names (三大攻坚战). */
const CN_UNITS = ['个百分点', '百分点', '万亿元', '亿元', '万元', '元', '万人次', '人次', '万人', '人', '万亩', '亩', '万吨', '吨', '亿斤', '万斤', '斤', '公里', '万千瓦', '千瓦', '美元', '亿美元', '万户', '户'];
const CN_UNITS_BY_FIRST_CHAR = groupByFirstChar(CN_UNITS);
/** A character that continues a Chinese number (or an Arabic digit): a numeral right after one is inside it. */
const NUMERAL_CHAR = /[\d零〇一二两三四五六七八九十百千万亿]/;
const CN_NUMERAL = /(百分之)?([一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*)/g;

/** Quantities written in Chinese numerals: 百分之五, 三千亿元, 一千二百万人, 两个百分点. */
export function scanChinese(text: string): Quantity[] {
  const out: Quantity[] = [];
  CN_NUMERAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CN_NUMERAL.exec(text))) {
    const start = m.index;
    const prev = text[start - 1] ?? '';
    if (prev === '第' || NUMERAL_CHAR.test(prev)) continue;
    const numeral = m[2]!;
    const after = start + m[0].length;
    if (m[1]) {
      const v = parseChineseNumber(numeral);
      if (Number.isNaN(v)) continue;
      out.push({ start, end: after, value: v, valueMax: null, unit: '%', multiplier: 1, baseUnit: '%', more: null, chinese: true, raw: m[0] });
      continue;
    }
    // without a measure unit it is not a quantity (一是, 进一步; 千万家庭, as the gold notes): checked
    // first, because most Chinese numerals in a report are words like these
    const unit = wordsAt(CN_UNITS_BY_FIRST_CHAR, text, after).find((u) => text.startsWith(u, after));
    if (!unit) continue;
    // split off a trailing magnitude (三千亿 → 三千 + 亿; 一千二百万 → 一千二百 + 万)
    let digits = numeral;
    let magnitude = '';
    const mag = /(万亿|亿|万)$/.exec(numeral);
    if (mag && numeral.length > mag[0].length) {
      digits = numeral.slice(0, -mag[0].length);
      magnitude = mag[0];
    }
    const unitIsMagnitudeWord = /^(万亿|亿|万)/.test(unit);
    let value: number;
    let fullUnit: string;
    let multiplier = 1;
    if (magnitude && !unitIsMagnitudeWord) {
      value = parseChineseNumber(digits);
      fullUnit = magnitude + unit;
      multiplier = magnitude === '万亿' ? 1e12 : magnitude === '亿' ? 1e8 : 1e4;
    } else {
      value = parseChineseNumber(numeral);
      fullUnit = unit;
      const um = /^(万亿|亿|万)/.exec(unit);
      if (um) multiplier = um[1] === '万亿' ? 1e12 : um[1] === '亿' ? 1e8 : 1e4;
    }
    if (Number.isNaN(value)) continue;
    // a lone 一/二 with a plain unit is too often a word (一人, 二元): require a magnitude or 百分点 or value ≥ 10
    if (!magnitude && !/百分点/.test(fullUnit) && multiplier === 1 && value < 10) continue;
    const baseUnit = fullUnit.replace(/^(万亿|亿|万)/, '') || null;
    const end = after + unit.length;
    out.push({ start, end, value, valueMax: null, unit: fullUnit, multiplier, baseUnit, more: null, chinese: true, raw: text.slice(start, end) });
  }
  return out;
}

/** All quantities, Arabic and Chinese, in text order. */
export function scanQuantities(text: string): Quantity[] {
  const arabic = scanArabic(text);
  const chinese = scanChinese(text);
  if (!chinese.length) return arabic;
  if (!arabic.length) return chinese;
  return [...arabic, ...chinese].sort((a, b) => a.start - b.start);
}

/** Value in base units: 4.5万人 → 45000 (人); % and 个百分点 unchanged. */
export function scaleQuantity(q: Pick<Quantity, 'value' | 'multiplier' | 'baseUnit'>): { scaled: number; scaledUnit: string | null } {
  const product = q.value * q.multiplier;
  // rounding to 15 significant digits removes float noise (0.07 × 100); an integer below 1e15
  // has none, and toPrecision is slow enough to show in profiles
  const exact = Number.isInteger(product) && Math.abs(product) < 1e15;
  const scaled = exact ? product : Number(product.toPrecision(15));
  return { scaled, scaledUnit: q.baseUnit };
}

export { ALL_UNITS, LETTER_UNITS };
