/** `policytext slogans`: every quoted term (“放管服”, “四大突破攻坚行动”) with count, position and section. No jieba. */
import { Command, Option } from 'commander';
import { extractSlogans, MAX_TERM_CHARS, type QuotedClass, type Slogan } from '../../extract/slogans.js';
import { structureDocument } from '../../structure/index.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, withCommonOptions, type CommonOptions } from '../context.js';

interface SlogansCliOptions extends CommonOptions {
  all?: boolean;
  class?: QuotedClass[];
  numbered?: boolean;
}

const CLASSES: QuotedClass[] = ['numbered', 'number-led', 'term', 'single-char', 'sentence'];

export function slogansCommand(): Command {
  const cmd = new Command('slogans')
    .description('quoted terms and numbered slogans (“四大突破攻坚行动”, “放管服”) with count, position and section')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .option('--all', `also list quotes that are not terms: single characters and quoted sentences (sentence punctuation inside, or over ${MAX_TERM_CHARS} characters)`)
    .addOption(new Option('--class <classes...>', 'only these classes').choices(CLASSES))
    .option('--numbered', 'only numbered slogans (same as --class numbered)')
    .addHelpText(
      'after',
      `
Quotes understood: “…” ‘…’ 「…」 『…』 "…" '…'. Classes: numbered (number + measure word + noun:
四大…, 3个…, 两个…, 十连冠), number-led (other terms starting with a numeral: 三保障, 四风, 1+4),
term (any other quoted term), single-char and sentence (hidden unless --all).

Examples:
  policytext slogans
  policytext slogans --numbered reports/
  policytext slogans --all --format csv report.txt > quotes.csv`,
    );
  withCommonOptions(cmd);
  return cmd.action(async (files: string[], opts: SlogansCliOptions) => {
    const ctx = new CliContext(opts);
    const wanted = opts.numbered ? ['numbered', ...(opts.class ?? [])] : opts.class;
    const documents: Array<{ path: string; quoted: number; distinct: number; hidden: Record<string, number>; slogans: Slogan[] }> = [];
    await ctx.forEachSource(files, (source) => {
      const doc = structureDocument(source);
      const all = extractSlogans(doc, { all: true });
      const shown = all.filter((s) => (wanted ? wanted.includes(s.class) : opts.all || (s.class !== 'single-char' && s.class !== 'sentence')));
      const hidden: Record<string, number> = {};
      for (const s of all) if (!shown.includes(s)) hidden[s.class] = (hidden[s.class] ?? 0) + 1;
      documents.push({ path: source.path, quoted: all.reduce((n, s) => n + s.count, 0), distinct: all.length, hidden, slogans: shown });
      const hiddenText = Object.entries(hidden).map(([k, v]) => `${v} ${k}`).join(', ');
      ctx.note(`${source.path}: ${all.length} distinct quoted terms, ${all.reduce((n, s) => n + s.count, 0)} quotes; ${shown.length} listed${hiddenText ? `, not listed: ${hiddenText} (--all shows them)` : ''}`);
    });
    const rows = documents.flatMap((d) => d.slogans.map((s) => ({ path: d.path, ...s, section: s.sectionPath })));
    const dataset: Dataset = {
      columns: [
        { key: 'path' },
        { key: 'term' },
        { key: 'class' },
        { key: 'count', align: 'right' },
        { key: 'mentions', align: 'right' },
        { key: 'line', align: 'right' },
        { key: 'column', align: 'right' },
        { key: 'sectionId', header: 'section' },
        { key: 'section', header: 'section path' },
      ],
      rows: rows.map((r) => (ctx.format === 'csv' ? { ...r, section: r.sectionPath.join(' › ') } : r)),
    };
    ctx.emit([dataset], { documents });
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}
