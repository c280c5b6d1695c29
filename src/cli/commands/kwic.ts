/** `policytext kwic`: keyword in context, with section path and position; counts per report. No jieba. */
import { Command } from 'commander';
import { kwic, termPattern, type KwicHit } from '../../extract/kwic.js';
import { textLength } from '../../segment/frequency.js';
import { structureDocument } from '../../structure/index.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, parsePositiveInt, withCommonOptions, type CommonOptions } from '../context.js';

interface KwicCliOptions extends CommonOptions {
  window: number;
  regex?: boolean;
  ignoreCase?: boolean;
}

export function kwicCommand(): Command {
  const cmd = new Command('kwic')
    .description('keyword in context: every occurrence of a term with the text around it, its section and position')
    .argument('<term>', 'the term (a literal string, or with --regex a regular expression)')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .option('-w, --window <n>', 'characters of context on each side', parsePositiveInt, 20)
    .option('-E, --regex', 'the term is a regular expression (JavaScript syntax)')
    .option('-i, --ignore-case', 'ignore case (Latin letters)')
    .addHelpText(
      'after',
      `
Counts are non-overlapping matches in the normalised text (for a literal term: a plain
substring count). Line breaks in the context are shown as ⏎.

Examples:
  policytext kwic 新质生产力
  policytext kwic --window 30 螺蛳粉 corpus/liuzhou-2024.txt
  policytext kwic --regex '新(质|型)[^，。]{0,4}' reports/ --format csv > hits.csv`,
    );
  withCommonOptions(cmd);
  return cmd.action(async (term: string, files: string[], opts: KwicCliOptions) => {
    const ctx = new CliContext(opts);
    const pattern = termPattern(term, { regex: opts.regex, ignoreCase: opts.ignoreCase });
    const documents: Array<{ path: string; chars: number; count: number; per10k: number; hits: KwicHit[] }> = [];
    await ctx.forEachSource(files, (source) => {
      const hits = kwic(structureDocument(source), pattern, { window: opts.window });
      const chars = textLength(source.text);
      documents.push({ path: source.path, chars, count: hits.length, per10k: chars ? Math.round((hits.length / chars) * 1e6) / 100 : 0, hits });
    });
    const hits: Dataset = {
      columns: [
        { key: 'path' },
        { key: 'line', align: 'right' },
        { key: 'column', align: 'right' },
        { key: 'sectionId', header: 'section' },
        { key: 'left', align: 'right' },
        { key: 'match' },
        { key: 'right' },
        ...(ctx.format === 'table' ? [] : [{ key: 'start' }, { key: 'end' }, { key: 'sectionPath' }]),
      ],
      rows: documents.flatMap((d) => d.hits.map((h): Record<string, unknown> => (ctx.format === "csv" ? { ...h, sectionPath: h.sectionPath.join(" › ") } : { ...h }))),
    };
    const counts: Dataset = {
      title: 'Counts',
      columns: [{ key: 'path' }, { key: 'count', align: 'right' }, { key: 'chars', align: 'right' }, { key: 'per10k', header: 'per 10k chars', align: 'right' }],
      rows: documents.map(({ path, count, chars, per10k }) => ({ path, count, chars, per10k })),
    };
    ctx.emit([hits, counts], { term, regex: opts.regex === true, window: opts.window, documents });
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}
