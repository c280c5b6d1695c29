/**
 * Indicator alignment: which figures of different reports are "the same
 * indicator". The key is the figure's lexicon id (`canonical`), else its
 * indicator phrase normalised (link verbs such as 增长/达到/控制在, scope words
 * such as 全年/全市 and bracketed notes stripped), plus the kind of unit
 * (percent, percentage points, amount, none) so that 地区生产总值增长8% and
 * 地区生产总值达到296亿元 stay separate rows.
 *
 * One cell per document per key: the headline figure (main expected targets
 * passage or the opening results summary) if there is one, else the first
 * figure of that key in a plan section (targets) or review section (actuals).
 */
import type { Figure } from '../extract/figure-types.js';
import type { PolicyDocument, Section, SectionRole } from '../structure/types.js';
import type { OrderedDocument } from './order.js';

export type UnitClass = 'percent' | 'points' | 'amount' | 'none';

/** Qualifiers written before the number (超过5%); all others follow it (5%左右). */

import { figureText } from '../extract/figures/text.js';

export { figureText };

export function unitClass(f: Pick<Figure, 'value' | 'unit'>): UnitClass {
  if (f.value === null) return 'none';
  if (f.unit === '%' || f.unit === '％') return 'percent';
  if (f.unit !== null && /百分点$/.test(f.unit)) return 'points';
  return 'amount';
}

const LEADING = ['初步预计', '预计', '力争', '确保', '努力', '实现', '今年', '去年', '全年', '年末', '年底', '全国', '全省', '全区', '全市', '全县', '全旗', '全州', '我市', '我区', '我县', '其中'];
const TRAILING = [
  '按可比价计算', '按可比口径', '按可比价', '比上年', '比去年', '同比', '实际', '名义', '年均', '分别', '均',
  '控制在', '保持在', '稳定在', '提高到', '提升到', '上升到', '增加到', '降低到', '下降到', '降到', '减少到', '达到', '完成', '实现',
  '增长', '增速', '增幅', '涨幅', '上涨', '提高', '提升', '上升', '增加', '下降', '降低', '减少', '总量', '总额达', '达', '为', '在', '是',
  '超过', '突破', '接近', '近', '约', '左右', '全年',
];

/**
 * The indicator phrase without link verbs, scope words, qualifiers and bracketed
 * notes: 国内生产总值比上年增长 → 国内生产总值. With `qualitative`, only scope
 * words and punctuation go (a qualitative target is its whole clause).
 */
export function normalizeIndicator(indicator: string, qualitative = false): string {
  let s = indicator
    .replace(/[（(][^（）()]*[）)]/g, '')
    .replace(/[\s“”"‘’'：:，,、；;。]/g, '')
    .replace(/拟按(.*)安排$/u, '$1');
  if (qualitative) {
    for (const w of LEADING) if (s.startsWith(w) && s.length > w.length + 1) s = s.slice(w.length);
    return s || indicator;
  }
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    for (const w of LEADING) {
      if (s.startsWith(w) && s.length > w.length + 1) {
        s = s.slice(w.length);
        changed = true;
      }
    }
    for (const w of TRAILING) {
      // keep at least three characters (经济增长 stays; 进出口增长 → 进出口)
      if (s.endsWith(w) && s.length - w.length >= 3) {
        s = s.slice(0, s.length - w.length);
        changed = true;
      }
    }
  }
  return s || indicator;
}

/** The alignment key of a figure: `canonical` (else the normalised phrase) and the unit class. */
export function indicatorKey(f: Pick<Figure, 'canonical' | 'indicator' | 'value' | 'unit'>): string {
  const base = f.canonical ?? normalizeIndicator(f.indicator, f.value === null);
  return `${base}|${unitClass(f)}`;
}

/** Finds a section by dotted id. */
export function findSection(doc: PolicyDocument, id: string | null): Section | null {
  if (!id) return null;
  let list = doc.sections;
  let found: Section | null = null;
  const parts = id.split('.');
  for (let k = 0; k < parts.length; k++) {
    const want = parts.slice(0, k + 1).join('.');
    found = list.find((s) => s.id === want) ?? null;
    if (!found) return null;
    list = found.children;
  }
  return found;
}

export function sectionRole(doc: PolicyDocument, f: Pick<Figure, 'sectionId'>): SectionRole | null {
  return findSection(doc, f.sectionId)?.role ?? null;
}

/**
 * The figures of `kind` about `year` that stand for each key in one document:
 * headline figures first, then the first figure in a section of `role`
 * (if the document has no section of that role, the first figure anywhere).
 */
export function pickFigures(doc: PolicyDocument, figures: Figure[], kind: 'target' | 'actual', year: number | null): Map<string, Figure> {
  const role: SectionRole = kind === 'target' ? 'plan' : 'review';
  const hasRole = doc.sections.some((s) => s.role === role);
  const candidates = figures.filter((f) => f.kind === kind && (year === null || f.year === null || f.year === year));
  const picked = new Map<string, Figure>();
  for (const f of candidates) {
    if (!f.headline) continue;
    const key = indicatorKey(f);
    if (!picked.has(key)) picked.set(key, f);
  }
  for (const f of candidates) {
    if (f.headline) continue;
    if (hasRole && sectionRole(doc, f) !== role) continue;
    // a numeric figure without a year of its own in a non-headline place is too uncertain for year matching
    if (year !== null && f.year === null) continue;
    const key = indicatorKey(f);
    if (!picked.has(key)) picked.set(key, f);
  }
  return picked;
}

export interface TargetCell {
  /** The figure as written (5%左右). */
  text: string;
  figure: Figure;
}

export interface TargetRow {
  key: string;
  canonical: string | null;
  /** The indicator, as its normalised phrase in the latest document that has it. */
  indicator: string;
  unitClass: UnitClass;
  /** Headline in at least one document. */
  headline: boolean;
  /** One cell per ordered document (null: not in that document). */
  cells: Array<TargetCell | null>;
}

export interface AlignOptions {
  /** Only headline figures. */
  headlineOnly?: boolean;
}

/**
 * Targets side by side: one row per key, one cell per document (targets of the
 * document's plan year). Headline rows first, ordered by their mean position in
 * the documents' targets passages; then the others by how many documents have
 * them, then first appearance.
 */
export function alignTargets(docs: OrderedDocument[], options: AlignOptions = {}): TargetRow[] {
  const rows = new Map<string, TargetRow & { positions: number[]; first: number }>();
  let order = 0;
  docs.forEach((d, col) => {
    const picked = pickFigures(d.document, d.figures, 'target', d.planYear);
    const headlineTargets = d.figures.filter((f) => f.kind === 'target' && f.headline);
    for (const [key, f] of picked) {
      if (options.headlineOnly && !f.headline) continue;
      let row = rows.get(key);
      if (!row) {
        row = {
          key,
          canonical: f.canonical,
          indicator: normalizeIndicator(f.indicator, f.value === null),
          unitClass: unitClass(f),
          headline: false,
          cells: docs.map(() => null),
          positions: [],
          first: order++,
        };
        rows.set(key, row);
      }
      row.cells[col] = { text: figureText(f), figure: f };
      row.indicator = normalizeIndicator(f.indicator, f.value === null);
      if (f.headline) {
        row.headline = true;
        const pos = headlineTargets.indexOf(f);
        row.positions.push(headlineTargets.length > 1 ? pos / (headlineTargets.length - 1) : 0);
      }
    }
  });
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 1);
  const count = (r: TargetRow) => r.cells.filter(Boolean).length;
  return [...rows.values()]
    .sort((a, b) => {
      if (a.headline !== b.headline) return a.headline ? -1 : 1;
      if (a.headline) {
        const d = mean(a.positions) - mean(b.positions);
        if (Math.abs(d) > 1e-9) return d;
      }
      return count(b) - count(a) || a.first - b.first;
    })
    .map(({ positions: _p, first: _f, ...row }) => row);
}
