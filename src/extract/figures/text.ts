/** How a figure is written for people and comparison cells: 5%左右, 6%-6.5%, 1100万人以上, 超过126万亿元. */
import type { Figure } from '../figure-types.js';

/** Qualifiers written before the number (超过126万亿元); the others follow it (5%左右). */
const PREFIX_QUALIFIERS = new Set(['超过', '超', '突破', '近', '接近', '约', '不低于', '不超过', '不少于', '不高于', '高于', '低于', '达', '逾', '力争']);

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

/** The figure as written, from its fields: 5%左右, 6%-6.5%, 1100万人以上, 超过126万亿元; the text itself for qualitative targets. */
export function figureText(f: Pick<Figure, 'value' | 'valueMax' | 'unit' | 'qualifier' | 'text' | 'indicator'>): string {
  if (f.value === null) return f.text || f.indicator;
  const unit = f.unit ?? '';
  let body = `${num(f.value)}${unit}`;
  if (f.valueMax !== null) body = `${num(f.value)}${unit}-${num(f.valueMax)}${unit}`;
  const q = f.qualifier;
  if (!q) return body;
  if (PREFIX_QUALIFIERS.has(q)) return q + body;
  if (q === '多' || q === '余') return `${num(f.value)}${q}${unit}${f.valueMax !== null ? `-${num(f.valueMax)}${unit}` : ''}`;
  return body + q;
}

