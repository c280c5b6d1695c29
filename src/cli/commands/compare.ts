/** `policytext compare`: what changed across years and places (targets, attainment, phrases, structure, similarity). */
import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import {
  COMPARE_VIEWS,
  compareDocuments,
  type CompareInput,
  type CompareView,
  type Comparison,
} from '../../compare/index.js';
import { extractFigures } from '../../extract/figures/index.js';
import { corpusKeywords } from '../../extract/keywords/index.js';
import { extractSlogans } from '../../extract/slogans.js';
import { cellText, type Column, type Dataset } from '../../render/index.js';
import { structureDocument, type PolicyDocument } from '../../structure/index.js';
import { CliContext, parseList, parsePositiveInt, parsePositiveNumber, withCommonOptions, type CommonOptions } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';
import type { ChalkInstance } from 'chalk';

interface CompareOptions extends CommonOptions, DictOptions {
  view?: string[];
  headline?: boolean;
  tolerance?: number;
  toleranceRel?: number;
  against?: 'consecutive' | 'rest';
  top?: number;
  renameThreshold?: number;
  idf?: 'jieba' | 'corpus';
}

function parseViews(value: string): string[] {
  const views = parseList(value);
  for (const v of views) if (!COMPARE_VIEWS.includes(v as CompareView)) throw new UsageError(`unknown view "${v}" (choose from ${COMPARE_VIEWS.join(', ')})`);
  return views;
}

function parseFraction(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new UsageError(`expected a number above 0 and at most 1, got "${value}"`);
  return n;
}

export function compareCommand(): Command {
  const cmd = new Command('compare')
    .description('compare reports across years and places: targets, attainment, phrases, structure, similarity')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .option('--view <views>', `views to show, comma separated: ${COMPARE_VIEWS.join(', ')} (default: all that apply)`, parseViews)
    .option('--headline', 'targets and attainment: headline figures only (the main expected targets passage)')
    .option('--tolerance <pp>', 'attainment: tolerance for 左右 targets in % or 个百分点, in percentage points (default 0.5)', parsePositiveNumber)
    .option('--tolerance-rel <percent>', 'attainment: tolerance for 左右 targets in amounts, in percent of the target (default 5)', parsePositiveNumber)
    .addOption(new Option('--against <mode>', 'phrases: compare each report with the previous one of its place, or with all the others').choices(['consecutive', 'rest']))
    .option('--top <n>', 'phrases: rows per change type and comparison (default 10)', parsePositiveInt)
    .option('--rename-threshold <x>', 'structure: bigram Dice similarity for a renamed heading, 0–1 (default 0.5)', parseFraction)
    .addOption(new Option('--idf <source>', 'similarity: IDF of the TF-IDF weights (default jieba)').choices(['jieba', 'corpus']))
    .addHelpText(
      'after',
      `
Reports are ordered by place, then plan year; reports of one place form a series,
and years are compared within a series. One report alone: its targets, and its
results of last year beside this year's targets (no verdict).

Examples:
  policytext compare ../shared/corpus/national-20{14..25}.txt
  policytext compare --view targets --headline --format md reports/ > targets.md
  policytext compare --view attainment --format csv reports/national-*.txt > attainment.csv
  policytext compare --view phrases --against rest --top 20 reports/
  policytext compare corpus/liuzhou-2024.txt          # results vs new targets`,
    );
  withDictOption(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: CompareOptions) => {
    const ctx = new CliContext(opts);
    const documents: PolicyDocument[] = [];
    await ctx.forEachSource(files, (source) => {
      documents.push(structureDocument(source));
    });
    const views = opts.view as CompareView[] | undefined;
    const wantsTerms = documents.length > 1 && (!views || views.includes('phrases') || views.includes('similarity'));
    const inputs: CompareInput[] = documents.map((document) => ({ document, figures: extractFigures(document) }));
    if (wantsTerms) {
      const ck = corpusKeywords(documents, { top: 1 }, { userDicts: opts.dict });
      ck.documents.forEach((d, i) => (inputs[i]!.terms = d.terms.counts));
      inputs.forEach((input) => (input.slogans = extractSlogans(input.document).map((s) => s.term)));
    }
    if (documents.length) {
      const comparison = compareDocuments(inputs, {
        views,
        headlineOnly: opts.headline,
        tolerance: { ...(opts.tolerance !== undefined ? { points: opts.tolerance } : {}), ...(opts.toleranceRel !== undefined ? { relative: opts.toleranceRel / 100 } : {}) },
        phrases: { mode: opts.against, top: opts.top },
        structure: { threshold: opts.renameThreshold },
        idf: opts.idf,
      });
      for (const n of comparison.notes) ctx.note(`policytext: ${n}`);
      const datasets = comparisonTables(comparison, ctx.chalk, ctx.format === 'table' || ctx.format === 'md');
      if ((ctx.format === 'csv' || ctx.format === 'jsonl') && datasets.length > 1) {
        ctx.note(`policytext: ${ctx.format} holds one table: ${datasets[0]!.title}; choose another with --view`);
      }
      ctx.emit(datasets, comparison);
    }
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}

const signed = (n: number) => (n > 0 ? `+${cellText(n)}` : cellText(n));

/** Midpoint of a cell's value range, for ↑ ↓ marks. */
function mid(c: { value: number | null; valueMax: number | null } | null): number | null {
  if (!c || c.value === null) return null;
  return c.valueMax !== null ? (c.value + c.valueMax) / 2 : c.value;
}

/** Columns that only scripts need (ids, units spelt out); tables and Markdown for people leave them out. */
const MACHINE_ONLY = new Set(['key', 'headline', 'gapUnit', 'changeUnit', 'targetDocument', 'actualDocument', 'unitClass', 'canonical']);

/** The tables for people (and csv/jsonl: the first). `forPeople` drops the machine-only columns. */
export function comparisonTables(c: Comparison, chalk: ChalkInstance, forPeople = false): Dataset[] {
  const out = datasetsFor(c, chalk, forPeople);
  return forPeople ? out.map((d) => ({ ...d, columns: d.columns.filter((col) => !MACHINE_ONLY.has(col.key)) })) : out;
}

function datasetsFor(c: Comparison, chalk: ChalkInstance, forPeople: boolean): Dataset[] {
  const out: Dataset[] = [];
  const severalPlaces = c.series.length > 1;
  const verdictColour = (v: unknown) => (v === 'met' ? chalk.green(String(v)) : v === 'missed' ? chalk.red(String(v)) : chalk.yellow(cellText(v)));
  const arrow = (d: number | null) => (d === null || Math.abs(d) < 1e-9 ? '' : d > 0 ? ' ' + chalk.green('↑') : ' ' + chalk.red('↓'));

  for (const view of c.views) {
    if (view === 'targets' && c.targets) {
      const seriesOf = new Map(c.documents.map((d) => [d.id, d.series]));
      const columns: Column[] = [
        { key: 'indicator', display: (v, row) => (row.headline ? String(v) : chalk.dim(String(v))) },
        ...c.documents.map(
          (d, i): Column => ({
            key: d.id,
            header: d.label,
            display: (v, row) => {
              if (v === null || v === undefined) return '';
              const cells = (row.__cells as Record<string, { value: number | null; valueMax: number | null; unit: string | null } | null>);
              const here = cells[d.id] ?? null;
              // previous report of the same place with this indicator
              let prev = null;
              for (let k = i - 1; k >= 0; k--) {
                const p = c.documents[k]!;
                if (seriesOf.get(p.id) !== d.series) continue;
                if (cells[p.id]) {
                  prev = cells[p.id]!;
                  break;
                }
              }
              const a = mid(here);
              const b = mid(prev);
              return String(v) + (a !== null && b !== null && prev!.unit === here!.unit ? arrow(a - b) : '');
            },
          }),
        ),
        { key: 'key' },
        { key: 'canonical' },
        { key: 'unitClass' },
        { key: 'headline' },
      ];
      // two rows with one name (地区生产总值 % and 亿元): people see the unit
      const names = new Map<string, number>();
      for (const r of c.targets) names.set(r.indicator, (names.get(r.indicator) ?? 0) + 1);
      const unitOf = (r: (typeof c.targets)[number]) => Object.values(r.cells).find((x) => x?.unit)?.unit ?? null;
      const rows = c.targets.map((r) => {
        const unit = unitOf(r);
        const name = forPeople && (names.get(r.indicator) ?? 0) > 1 && unit ? `${r.indicator} (${unit})` : r.indicator;
        const row: Record<string, unknown> = { indicator: name, key: r.key, unitClass: r.unitClass, canonical: r.canonical, headline: r.headline };
        for (const d of c.documents) row[d.id] = r.cells[d.id]?.text ?? null;
        Object.defineProperty(row, '__cells', { value: r.cells, enumerable: false });
        return row;
      });
      out.push({ title: 'Targets', columns, rows });
    }
    if (view === 'attainment' && c.attainment) {
      const a = c.attainment;
      if (a.rows.length || !a.resultsVsTargets.length) {
        const tol = `左右: ±${a.tolerance.points} pp for %, ±${Math.round(a.tolerance.relative * 1000) / 10}% for amounts`;
        out.push({
          title: `Attainment (target of year Y from the Y report, actual from the Y+1 report; ${tol})`,
          columns: [
            ...(severalPlaces || !forPeople ? [{ key: 'place' }] : []),
            { key: 'indicator' },
            { key: 'year', align: 'right' },
            { key: 'target' },
            { key: 'actual' },
            { key: 'verdict', display: verdictColour },
            { key: 'gap', align: 'right', display: (v, row) => (typeof v === 'number' ? signedWithUnit(v, row.gapUnit) : '') },
            { key: 'gapUnit', header: 'gap unit' },
            { key: 'detail' },
            { key: 'targetDocument', header: 'target from' },
            { key: 'actualDocument', header: 'actual from' },
            { key: 'key' },
          ] as Column[],
          rows: a.rows.map((r) => ({
            place: r.place,
            indicator: r.indicator,
            year: r.year,
            target: r.target.text,
            actual: r.actual?.text ?? null,
            verdict: r.verdict,
            gap: r.gap,
            gapUnit: r.gapUnit,
            detail: r.detail,
            targetDocument: r.target.document,
            actualDocument: r.actual?.document ?? null,
            key: r.key,
          })),
        });
      }
      if (a.resultsVsTargets.length) {
        out.push({
          title: 'Results vs new targets (one report: last year\'s actual beside this year\'s target; no verdict)',
          columns: [
            ...(severalPlaces || !forPeople ? [{ key: 'document' }] : []),
            { key: 'indicator' },
            { key: 'previousYear', header: 'year', align: 'right' },
            { key: 'previousActual', header: 'previous actual' },
            { key: 'newYear', header: 'year', align: 'right' },
            { key: 'newTarget', header: 'new target' },
            { key: 'change', align: 'right', display: (v, row) => (typeof v === 'number' ? signedWithUnit(v, row.changeUnit) + arrow(v) : '') },
            { key: 'changeUnit', header: 'change unit' },
            { key: 'key' },
          ] as Column[],
          rows: a.resultsVsTargets.map((r) => ({
            document: r.document,
            indicator: r.indicator,
            previousYear: r.previousYear,
            previousActual: r.previousActual.text,
            newYear: r.newYear,
            newTarget: r.newTarget.text,
            change: r.change,
            changeUnit: r.changeUnit,
            key: r.key,
          })),
        });
      }
    }
    if (view === 'phrases' && c.phrases) {
      const mark: Record<string, string> = { new: chalk.green('new'), dropped: chalk.red('dropped'), rise: chalk.green('↑ rise'), fall: chalk.red('↓ fall') };
      out.push({
        title: `Phrases (${c.phrases.mode === 'consecutive' ? 'each report against the previous one of its place' : 'each report against all the others'}; keyness G², rates per 10k characters)`,
        columns: [
          { key: 'document' },
          { key: 'reference', header: 'against' },
          { key: 'change', display: (v) => mark[String(v)] ?? String(v) },
          { key: 'term' },
          { key: 'referencePer10k', header: 'before /10k', align: 'right' },
          { key: 'per10k', header: 'after /10k', align: 'right' },
          { key: 'per10kChange', header: 'change', align: 'right', display: (v) => (typeof v === 'number' ? signed(v) : '') },
          { key: 'referenceCount', header: 'before n', align: 'right' },
          { key: 'count', header: 'after n', align: 'right' },
          { key: 'g2', header: 'G²', align: 'right' },
          { key: 'logRatio', header: 'log ratio', align: 'right' },
        ],
        rows: c.phrases.rows.map((r) => ({ ...r })),
      });
      const sloganRows = c.phrases.slogans.filter((s) => s.newSlogans.length || s.droppedSlogans.length);
      if (sloganRows.length) {
        out.push({
          title: 'Slogans',
          columns: [{ key: 'document' }, { key: 'reference', header: 'against' }, { key: 'newSlogans', header: 'new' }, { key: 'droppedSlogans', header: 'dropped' }],
          rows: sloganRows.map((s) => ({ ...s, newSlogans: s.newSlogans.join('、'), droppedSlogans: s.droppedSlogans.join('、') })),
        });
      }
    }
    if (view === 'structure' && c.structure) {
      const status: Record<string, string> = { same: chalk.dim('same'), renamed: chalk.yellow('renamed'), added: chalk.green('added'), removed: chalk.red('removed') };
      out.push({
        title: 'Structure (level-1 and level-2 headings; share of the report\'s characters, %)',
        columns: [
          { key: 'from' },
          { key: 'to' },
          { key: 'level', align: 'right' },
          { key: 'status', display: (v) => status[String(v)] ?? String(v) },
          { key: 'before', display: (v, row) => (row.level === 2 && v ? '  ' + String(v) : cellText(v)) },
          { key: 'after', display: (v, row) => (row.level === 2 && v ? '  ' + String(v) : cellText(v)) },
          { key: 'similarity', align: 'right' },
          { key: 'shareBefore', header: 'share before', align: 'right' },
          { key: 'shareAfter', header: 'share after', align: 'right' },
          { key: 'shareChange', header: 'change', align: 'right', display: (v) => (typeof v === 'number' ? signed(v) + arrow(v) : '') },
        ],
        rows: c.structure.map((r) => ({ ...r })),
      });
    }
    if (view === 'similarity' && c.similarity) {
      const s = c.similarity;
      const labels = new Map(c.documents.map((d) => [d.id, d.label]));
      out.push({
        title: `Similarity (cosine of TF-IDF vectors; ${s.weighting})`,
        columns: [{ key: 'document' }, ...s.documents.map((id): Column => ({ key: id, header: labels.get(id) ?? id, align: 'right' }))],
        rows: s.documents.map((id, i) => ({ document: id, ...Object.fromEntries(s.documents.map((o, j) => [o, s.matrix[i]![j]])) })),
      });
    }
  }
  return out;
}

/** +0.2 pp, -44 万人: a signed difference with its unit (percentage points shortened to pp). */
function signedWithUnit(value: number, unit: unknown): string {
  return `${signed(value)}${unit === '个百分点' ? ' pp' : ` ${cellText(unit)}`}`;
}
