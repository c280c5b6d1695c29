/**
 * Numbers that are not figures: years and dates, ordinals, durations, names with
 * digits (5G, PM2.5, C919, 772数字文创产业园), slogans in quotes (“1+4”, “3个三年行动”),
 * counts of the report's own parts (8个方面工作), modifiers (亿元以上项目, 30万吨级),
 * project capacities (700万吨露天煤矿), fractions and ratios, population commentary.
 */
import type { Quantity } from './numbers.js';
import { LETTER_UNITS } from './numbers.js';

const TIME_UNITS = new Set(['年', '月', '日', '天', '小时', '分钟', '周年', '岁', '届', '周']);
const CAPACITY_UNITS = /^(?:万|亿)?(?:吨|千瓦|瓦|标准箱|标箱|立方米|千瓦时|兆瓦|GW|MW|kW)$/;
const HAN = /\p{Script=Han}/u;

const QUOTE_OPEN = [...'“「《『'].map((c) => c.charCodeAt(0));
const QUOTE_CLOSE = [...'”」》』'].map((c) => c.charCodeAt(0));
const ANY_QUOTE_OPEN = /[“「《『]/;

/**
 * Marks characters inside “…”, 「…」 and 《…》 (slogans, titles); null when the
 * text opens no quote, as most sentences do (no mask to allocate and fill).
 */
export function quotedMask(text: string): Uint8Array | null {
  if (!ANY_QUOTE_OPEN.test(text)) return null;
  const mask = new Uint8Array(text.length);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i); // not text[i]: no one-character string per position
    if (QUOTE_OPEN.includes(code)) {
      depth++;
      continue;
    }
    if (QUOTE_CLOSE.includes(code)) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) mask[i] = 1;
  }
  return mask;
}

/**
 * Why `q` is not a figure, or null when it may be one. `mask` is quotedMask(text);
 * `after` is the index after its post-qualifier.
 */
export function exclusionReason(text: string, q: Quantity, mask: Uint8Array | null, after: number): string | null {
  if (mask?.[q.start]) return 'quoted (slogan or name)';
  const prev = text[q.start - 1] ?? '';
  const next = text[q.end] ?? '';
  if (/[A-Za-z]/.test(prev) || (prev === '.' && /\d/.test(text[q.start - 2] ?? ''))) return 'part of a name (PM2.5, C919)';
  if (!q.chinese && q.unit === null && /[A-Za-z]/.test(next)) return 'part of a name (5G)';
  if (q.baseUnit && /^[A-Za-z]/.test(q.baseUnit) && !LETTER_UNITS.has(q.baseUnit)) return 'part of a name';
  if (/[+＋]/.test(next) || /[+＋]/.test(prev)) return 'slogan (1+4)';
  if (/[×*xX]/.test(next) || /[×*]/.test(prev)) return 'product of numbers (2×35万千瓦)';
  if (prev === '第') return 'ordinal';
  if (next === '/' || prev === '/') return 'fraction';
  if (/[:：]/.test(next) && /\d/.test(text[q.end + 1] ?? '') || (/[:：]/.test(prev) && /\d/.test(text[q.start - 2] ?? ''))) return 'ratio';
  if (q.unit === null) return 'no unit (name or bare number)';
  if (q.baseUnit && TIME_UNITS.has(q.baseUnit) && q.multiplier === 1) return q.baseUnit === '年' && q.value >= 1900 && q.value < 2200 ? 'year' : 'date or duration';
  const rest = text.slice(after);
  if (rest.startsWith('级')) return 'modifier (30万吨级)';
  if (after > q.end && /^(?:以上|以下)/.test(text.slice(q.end)) && HAN.test(rest[0] ?? '') && !/^(?:的目标|的预期目标)/.test(rest)) {
    if (!/^(?:和|及|与|或|同比|比上年|较上年|增长|左右|，)/.test(rest)) return 'modifier (5000万元以上项目)';
  }
  if (/^个?(?:方面|部分|板块)/.test(text.slice(q.end - (q.baseUnit === '个' ? 1 : 0))) && (q.baseUnit === '个' || q.unit === null)) return "count of the report's parts";
  if (q.baseUnit === '个' && /^(?:方面|部分)/.test(rest)) return "count of the report's parts";
  if (CAPACITY_UNITS.test(q.unit) && HAN.test(rest[0] ?? '')) {
    if (!/^(?:和|及|与|或|的|同比|比上年|较上年|增长|下降)/.test(rest)) return 'project capacity (700万吨露天煤矿, 5万千瓦风电)';
  }
  if (q.baseUnit === '人' && rest.startsWith('口')) return 'population commentary (13亿多人口)';
  if (/(?:原定|原计划|原预算)[^，。；\d]{0,3}$/.test(text.slice(Math.max(0, q.start - 8), q.start))) return 'reference to an earlier plan (超过原定的近2万亿元规模)';
  if (q.baseUnit === null && /^多?人口(?!\p{Script=Han}*[增减下降提高])/u.test(rest)) return 'population commentary (近14亿人口)';
  return null;
}
