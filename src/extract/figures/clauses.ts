/**
 * Clauses of a sentence (split at ，；：。 outside brackets and quotes) and the
 * subjects of 分别/均 lists (限上零售业、住宿业、餐饮业销售额 → three indicators).
 */

export interface Clause {
  start: number;
  end: number;
}

const SEPARATORS = '，；：。！？,;!?\n';
const OPEN = '（(“《「【';
const CLOSE = '）)”》」】';

/**
 * What each UTF-16 code unit is to the clause splitter, looked up by char code:
 * splitClauses runs over every sentence with a number, and comparing char codes
 * avoids allocating a one-character string per position.
 */
const NONE = 0;
const OPENS = 1;
const CLOSES = 2;
const SEPARATES = 3;
const CHAR_ROLE = new Uint8Array(0x10000);
for (const c of SEPARATORS) CHAR_ROLE[c.charCodeAt(0)] = SEPARATES;
for (const c of OPEN) CHAR_ROLE[c.charCodeAt(0)] = OPENS;
for (const c of CLOSE) CHAR_ROLE[c.charCodeAt(0)] = CLOSES;

const COMMA = ','.charCodeAt(0);
const COLON = ':'.charCodeAt(0);

/** True when the code unit at `i` is an ASCII digit (what /\d/ matches); false outside the text. */
function isDigitAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i); // NaN outside the text
  return code >= 48 && code <= 57;
}

/** Clause spans of `text` (offsets into it). Separators are not part of any clause. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const role = CHAR_ROLE[code]!;
    if (role === NONE) continue;
    if (role === OPENS) depth++;
    else if (role === CLOSES) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      // a colon between digits (10:30) or a comma inside a number (1,296) does not split
      if ((code === COMMA || code === COLON) && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) continue;
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (text.length > start) out.push({ start, end: text.length });
  return out;
}

/** 分别 or 均 (not the 均 of 人均/平均/年均) governing a list. */
export const LIST_MARKER = /分别|(?<![人平年日月])均(?=[^，。；]{0,6}?(?:增长|下降|提高|降低|达|为|超过|在|保持|实现|控制|同比|比上年|较上年|突破|完成|增加|减少|上涨))/;

/** Nouns a list's last item often carries for all items (限上零售业、住宿业、餐饮业销售额). */
const HEADS = [
  '常住居民人均可支配收入', '居民人均可支配收入', '人均可支配收入', '居民人均纯收入', '人均纯收入',
  '增加值', '销售额', '零售额', '营业收入', '主营业务收入', '产量', '产值', '比重', '投资', '收入', '利润', '总额', '排放量', '用水量',
];

/**
 * Splits a list subject into items, giving every item the head noun written only
 * on the last one. Returns null when it is not a list.
 */
export function listItems(subject: string): string[] | null {
  const s = subject.trim();
  // 一、二、三产业增加值 → 第一产业增加值 …
  const ordinal = /^(.*?)第?([一二三])、第?([一二三])(?:、第?([一二三]))?(产业.*)$/.exec(s);
  if (ordinal) {
    const [, pre, a, b, c, rest] = ordinal;
    return [a, b, c].filter(Boolean).map((n) => `${pre}第${n}${rest}`);
  }
  let pieces = s.split('、');
  if (pieces.length < 2) pieces = s.split(/和|及|与/);
  // loops, not map/filter with arrows made per call (docs/contributing.md)
  const parts: string[] = [];
  for (const p of pieces) {
    const t = p.trim();
    if (t) parts.push(t);
  }
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const suffix = headSuffix(parts.slice(0, -1), last);
  const items: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    items.push(i < parts.length - 1 && suffix && !p.endsWith(suffix) ? p + suffix : p);
  }
  return items;
}

function headSuffix(others: string[], last: string): string | null {
  // 1. align on the last character of the first item (高技术制造业、装备制造业增加值 → 增加值)
  const a = others[0]!;
  const idx = last.indexOf(a[a.length - 1]!);
  if (idx >= 0 && idx < last.length - 1 && others.every((o) => o.endsWith(a[a.length - 1]!))) return last.slice(idx + 1);
  // 2. a known head noun
  const head = HEADS.find((h) => last.endsWith(h) && last.length > h.length);
  if (head) return head;
  // 3. parallel length (城镇、农村居民… → 居民…)
  const k = Math.min(...others.map((o) => o.length));
  if (k < last.length) return last.slice(k);
  return null;
}

/** 城乡居民人均可支配收入 → 城镇…, 农村… (two values for one 城乡 subject). */
export function expandUrbanRural(subject: string): string[] | null {
  if (!subject.includes('城乡')) return null;
  return [subject.replace('城乡', '城镇'), subject.replace('城乡', '农村')];
}
