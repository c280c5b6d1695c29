/** `policytext outline`: the section tree of reports, with roles, years and sizes. */
import { Command } from 'commander';
import { outlineOf, outlineRows, sectionLabel, structureDocument, type Outline } from '../../structure/index.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, parsePositiveInt, withCommonOptions, type CommonOptions } from '../context.js';
import { withStructureOptions, type StructureCliOptions } from './structure-options.js';

interface OutlineOptions extends CommonOptions, StructureCliOptions {
  depth?: number;
}

export function outlineCommand(): Command {
  const cmd = new Command('outline')
    .description('section tree of reports: headings, role (review/plan/government), year, size')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .option('--depth <n>', 'deepest heading level shown, 1–3 (default 3)', parsePositiveInt)
    .addHelpText(
      'after',
      `
Examples:
  policytext outline
  policytext outline --depth 1 reports/
  policytext outline --format json report.txt | jq '.documents[0].sections[1]'
  policytext outline --format csv --depth 2 reports/ > sections.csv`,
    );
  withStructureOptions(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: OutlineOptions) => {
    const ctx = new CliContext(opts);
    const depth = Math.min(opts.depth ?? 3, 3);
    const outlines: Outline[] = [];
    await ctx.forEachSource(files, (source) => {
      outlines.push(outlineOf(structureDocument(source, { place: opts.place, year: opts.year }), depth));
    });
    const flat: Dataset = {
      columns: ['path', 'id', 'level', 'number', 'heading', 'implicit', 'role', 'year', 'chars', 'share', 'line', 'start', 'end', 'passages'].map((key) => ({ key })),
      rows: outlines.flatMap(outlineRows),
    };
    if (ctx.format === 'table' || ctx.format === 'md') ctx.emit(outlines.map(treeTable), null);
    else ctx.emit([flat], { documents: outlines });
    for (const o of outlines) for (const n of o.metadata.notes) ctx.note(`${o.path}: ${n}`);
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}

function treeTable(o: Outline): Dataset {
  const m = o.metadata;
  const rows: Array<Record<string, unknown>> = [];
  const extra = (label: string, chars: number) => rows.push({ section: label, role: '', year: '', chars, share: Math.round((chars / Math.max(m.chars, 1)) * 1000) / 10 });
  const len = (spans: Array<{ text: string }>) => spans.reduce((n, s) => n + s.text.replace(/\n/g, '').length, 0);
  if (o.frontMatter.length) extra('[front matter]', len(o.frontMatter));
  if (o.opening) extra('[opening]', len([o.opening]));
  for (const r of outlineRows(o)) {
    const indent = '  '.repeat(Number(r.level) - 1);
    const label = r.implicit ? sectionLabel(r as unknown as Parameters<typeof sectionLabel>[0]) : `${r.number ?? '· '}${r.heading}`;
    rows.push({ section: `${indent}${label}`, role: r.role, year: r.year, chars: r.chars, share: r.share, passages: r.passages });
  }
  if (o.backMatter.length) extra('[back matter]', len(o.backMatter));
  const title = `${o.path} — ${m.place ?? 'place ?'} · plan ${m.planYear ?? '?'} · review ${m.reviewYear ?? '?'}`;
  return {
    title,
    columns: [
      { key: 'section' },
      { key: 'role' },
      { key: 'year', align: 'right' },
      { key: 'chars', align: 'right' },
      { key: 'share', header: '%', align: 'right', display: (v) => (v === '' || v === undefined ? '' : Number(v).toFixed(1)) },
      { key: 'passages', header: 'headline' },
    ],
    rows,
  };
}
