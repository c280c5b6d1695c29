/** `policytext targets`: quantified targets and results (figures) of reports. */
import { Command, Option } from 'commander';
import { structureDocument } from '../../structure/index.js';
import { extractFigures, figureRecords, filterFigures, FIGURE_COLUMNS, type FigureRecord } from '../../extract/figures/index.js';
import { UsageError } from '../../errors.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, parseList, withCommonOptions, type CommonOptions } from '../context.js';
import { withStructureOptions, type StructureCliOptions } from './structure-options.js';

interface TargetsOptions extends CommonOptions, StructureCliOptions {
  kind: 'target' | 'actual' | 'other' | 'all';
  headline?: boolean;
  canonical?: string[];
  indicator?: string;
}

const KIND_ORDER = { target: 0, actual: 1, other: 2 } as const;

export function targetsCommand(): Command {
  const cmd = new Command('targets')
    .description('numeric targets and results: indicator, value, unit, qualifier, year, evidence')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .addOption(new Option('--kind <kind>', 'which figures: target, actual, other or all').choices(['target', 'actual', 'other', 'all']).default('target'))
    .option('--headline', 'only headline figures (main expected targets passage, opening results summary)')
    .option('--canonical <ids>', 'only these lexicon ids, comma-separated (gdp,cpi,urban_new_jobs …)', parseList)
    .option('--indicator <regex>', 'only figures whose indicator matches REGEX')
    .addHelpText(
      'after',
      `
Examples:
  policytext targets
  policytext targets --headline --kind all report.txt
  policytext targets --canonical gdp,cpi --format csv reports/ > targets.csv
  policytext targets --kind actual --indicator '就业|失业' report.txt
  policytext targets --format json report.txt | jq '.documents[0].figures[0]'`,
    );
  withStructureOptions(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: TargetsOptions) => {
    let indicator: RegExp | undefined;
    if (opts.indicator !== undefined) {
      try {
        indicator = new RegExp(opts.indicator, 'u');
      } catch (err) {
        throw new UsageError(`--indicator: not a valid regular expression (${(err as Error).message})`);
      }
    }
    const ctx = new CliContext(opts);
    const documents: Array<{ path: string; place: string | null; planYear: number | null; reviewYear: number | null; figures: FigureRecord[] }> = [];
    await ctx.forEachSource(files, (source) => {
      const doc = structureDocument(source, { place: opts.place, year: opts.year });
      const figures = filterFigures(figureRecords(doc, extractFigures(doc)), { kind: opts.kind, headline: opts.headline, canonical: opts.canonical, indicator });
      const m = doc.metadata;
      documents.push({ path: m.path, place: m.place, planYear: m.planYear, reviewYear: m.reviewYear, figures });
      if (!doc.passages.some((p) => p.kind === 'targets')) ctx.note(`${m.path}: no main expected targets passage found; no figure is flagged as a headline target`);
    });
    const rows = documents.flatMap((d) => d.figures);
    if (ctx.format === 'table' || ctx.format === 'md') ctx.emit(documents.flatMap((d) => tables(d.path, d.figures)), null);
    else ctx.emit([{ columns: FIGURE_COLUMNS.map((key) => ({ key })), rows: rows as unknown as Array<Record<string, unknown>> }], { documents });
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}

/** For people: one table per kind and section, headline figures first. */
function tables(path: string, figures: FigureRecord[]): Dataset[] {
  const groups = new Map<string, FigureRecord[]>();
  const sorted = [...figures].sort((a, b) => Number(b.headline) - Number(a.headline) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.offset - b.offset);
  for (const f of sorted) {
    const label = `${path} — ${f.headline ? 'headline ' : ''}${f.kind} ${f.year ?? ''}${f.headline ? '' : ` — ${f.section.join(' › ') || '(no section)'}`}`;
    (groups.get(label) ?? groups.set(label, []).get(label)!).push(f);
  }
  if (!groups.size) return [{ title: `${path} — no figures`, columns: [{ key: 'indicator' }], rows: [] }];
  return [...groups].map(([title, fs]) => ({
    title,
    columns: [
      { key: 'indicator' },
      { key: 'value', align: 'right' as const, display: (_v: unknown, r: Record<string, unknown>) => valueText(r as unknown as FigureRecord) },
      { key: 'unit' },
      { key: 'qualifier' },
      { key: 'measure' },
      { key: 'canonical' },
      { key: 'commitment' },
      { key: 'line', align: 'right' as const },
      { key: 'warning' },
    ],
    rows: fs as unknown as Array<Record<string, unknown>>,
  }));
}

function valueText(f: FigureRecord): string {
  if (f.value === null) return '—';
  return f.valueMax !== null ? `${f.value}–${f.valueMax}` : String(f.value);
}
