/**
 * One quantified (or, for headline targets, qualitative) statement in a report:
 * the records `policytext targets` prints and `batch` writes to figures.csv.
 * Field names are a stable, documented output contract (README, schema/figure.schema.json).
 */

export type FigureKind = 'target' | 'actual' | 'other';
export type FigureMeasure = 'growth' | 'level' | 'change' | 'share' | 'rate';
export type FigureBound = 'approx' | 'min' | 'max' | 'range' | 'exact';

export interface Figure {
  kind: FigureKind;
  /** The year the figure is about (target: the plan year; actual: the reviewed year). */
  year: number | null;
  /** The indicator phrase as written (地区生产总值增长, 新建充电基础设施 …). */
  indicator: string;
  /** Lexicon id (gdp, cpi, urban_new_jobs …) or null. */
  canonical: string | null;
  measure: FigureMeasure | null;
  direction: 'up' | 'down' | null;
  /** The number as written (after normalisation), null for qualitative targets. */
  value: number | null;
  /** Upper end of a range (6%-6.5% → value 6, valueMax 6.5), else null. */
  valueMax: number | null;
  /** Unit as written after normalisation: %, 个百分点, 亿元, 万人, 万亩, 家, 个 … */
  unit: string | null;
  /** Value in base units with 万/亿/万亿 applied (4.5万人 → 45000, unit 人); null when not numeric. */
  scaled: number | null;
  /** Unit of `scaled` (人, 元, 亩 …; % and 个百分点 unchanged). */
  scaledUnit: string | null;
  /** Qualifier as written: 左右, 以上, 以内, 以下, 不低于, 不超过, 超过, 超, 突破, 约, 近, 多 … */
  qualifier: string | null;
  bound: FigureBound | null;
  /** Hedge or pledge governing the figure: 力争, 确保, 努力, 预计, 初步预计 … */
  commitment: string | null;
  /** True for figures in the main expected targets passage or the opening results summary. */
  headline: boolean;
  /** The matched span of normalised text. */
  text: string;
  /** The whole sentence holding the figure. */
  sentence: string;
  /** Heading path of the section holding the figure (level 1 first). */
  section: string[];
  /** Section id ("2.1.3") of the innermost section, null in front/back matter. */
  sectionId: string | null;
  /** Offset of `text` in the normalised text. */
  offset: number;
  /** Line and column (1-based) of the figure's number in the original file. */
  line: number;
  column: number;
  /** Set when something about this record is uncertain (e.g. 分别 list with mismatched counts). */
  warning: string | null;
}
