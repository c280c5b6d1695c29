/**
 * Qualifiers (左右, 以上, 超过 …), the bound they imply, and the hedge or pledge
 * word (力争, 确保, 预计 …) governing a figure.
 */
import type { FigureBound } from '../figure-types.js';

/** Written right before the number, longest first. */
export const PRE_QUALIFIERS = ['不低于', '不少于', '不超过', '不高于', '超过', '突破', '接近', '将近', '约', '近', '超', '逾'];
/** Written right after the number and unit. */
export const POST_QUALIFIERS = ['左右', '以上', '以内', '以下', '上下', '之内'];

const BOUND: Record<string, FigureBound> = {
  左右: 'approx', 上下: 'approx', 约: 'approx', 近: 'approx', 接近: 'approx', 将近: 'approx', 多: 'approx', 余: 'approx',
  以上: 'min', 不低于: 'min', 不少于: 'min', 超过: 'min', 突破: 'min', 超: 'min', 逾: 'min',
  以内: 'max', 之内: 'max', 以下: 'max', 不超过: 'max', 不高于: 'max',
};

/** The qualifier written directly before `start` in `text`, if any. */
export function preQualifier(text: string, start: number): string | null {
  for (const q of PRE_QUALIFIERS) {
    if (text.slice(start - q.length, start) === q) {
      // 近 inside 最近/附近/临近 is not a qualifier
      if (q === '近' && /[最附临靠邻]/.test(text[start - 2] ?? '')) continue;
      if (q === '超' && /[高赶]/.test(text[start - 2] ?? '')) continue;
      return q;
    }
  }
  return null;
}

/** The qualifier written directly at `end` in `text`, if any. */
export function postQualifier(text: string, end: number): string | null {
  for (const q of POST_QUALIFIERS) if (text.startsWith(q, end)) return q;
  return null;
}

export function boundOf(qualifier: string | null, hasRange: boolean): FigureBound {
  if (hasRange) return 'range';
  if (!qualifier) return 'exact';
  return BOUND[qualifier] ?? 'exact';
}

/** Hedge and pledge words, longest first. */
export const COMMITMENTS = ['初步预计', '初步测算', '预计', '力争', '确保', '努力', '争取', '力求', '预期'];
const COMMITMENT_RE = new RegExp(COMMITMENTS.join('|'), 'g');

/**
 * The commitment word nearest before `pos` in the sentence, not crossing a semicolon
 * (；separates items that each carry their own pledge).
 */
export function commitmentBefore(sentence: string, pos: number): string | null {
  const before = sentence.slice(0, pos);
  const semi = Math.max(before.lastIndexOf('；'), before.lastIndexOf(';'));
  const scope = before.slice(semi + 1);
  let found: string | null = null;
  COMMITMENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMMITMENT_RE.exec(scope))) {
    // 预期目标 is a noun (the targets), not a hedge
    if (m[0] === '预期' && scope.startsWith('预期目标', m.index)) continue;
    if (m[0] === '努力' && /^努力(?:方向|目标)/.test(scope.slice(m.index))) continue;
    found = m[0];
  }
  return found;
}
