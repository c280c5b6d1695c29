/** `policytext info`: metadata of reports, one row each (place, years, date, size). */
import { Command } from 'commander';
import { infoRow, structureDocument } from '../../structure/index.js';
import type { DocumentMetadata } from '../../structure/index.js';
import { CliContext, withCommonOptions, type CommonOptions } from '../context.js';
import { withStructureOptions, type StructureCliOptions } from './structure-options.js';

type InfoOptions = CommonOptions & StructureCliOptions;

export function infoCommand(): Command {
  const cmd = new Command('info')
    .description('report metadata, one row per document: place, plan and review year, date, title, size')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .addHelpText(
      'after',
      `
Examples:
  policytext info
  policytext info reports/
  policytext info --format csv reports/ > reports.csv
  policytext info --place 柳州市 --year 2024 liuzhou.txt`,
    );
  withStructureOptions(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: InfoOptions) => {
    const ctx = new CliContext(opts);
    const rows: Array<Record<string, unknown>> = [];
    const documents: Array<DocumentMetadata & { sections: number; level2: number; level3: number }> = [];
    await ctx.forEachSource(files, (source) => {
      const doc = structureDocument(source, { place: opts.place, year: opts.year });
      const row = infoRow(doc);
      rows.push(row);
      documents.push({ ...doc.metadata, sections: Number(row.sections), level2: Number(row.level2), level3: Number(row.level3) });
    });
    const human = ctx.format === 'table' || ctx.format === 'md';
    const keys = human
      ? ['path', 'place', 'planYear', 'reviewYear', 'deliveredOn', 'title', 'chars', 'sentences', 'sections', 'encoding', 'notes']
      : ['path', 'place', 'planYear', 'reviewYear', 'deliveredOn', 'title', 'chars', 'sentences', 'sections', 'level2', 'level3', 'passages', 'encoding', 'format', 'bytes', 'placeFrom', 'yearFrom', 'notes'];
    const right = new Set(['planYear', 'reviewYear', 'chars', 'sentences', 'sections', 'level2', 'level3', 'bytes']);
    ctx.emit(
      [{ title: human ? 'Documents' : undefined, columns: keys.map((key) => ({ key, align: right.has(key) ? ('right' as const) : undefined })), rows }],
      { documents },
    );
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}
