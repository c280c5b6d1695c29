/** `policytext freq`: a document-by-term frequency table (counts and per 10k characters). */
import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import type { SourceText } from '../../io/read.js';
import { frequencyTableLong, frequencyTableWide, termFrequencyTable, textFrequencyTable, type CountMode, type FrequencyTable } from '../../extract/frequency-table.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, parseList, parsePositiveInt, withCommonOptions, type CommonOptions } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';

interface FreqCliOptions extends CommonOptions, DictOptions {
  terms?: string[];
  top: number;
  count?: CountMode;
  long?: boolean;
  keepBoilerplate?: boolean;
}

export function freqCommand(): Command {
  const cmd = new Command('freq')
    .description('term frequencies as a document-by-term table (counts and per 10,000 characters)')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .option('-t, --terms <list>', 'these terms (comma-separated), counted as substrings of the text', parseList)
    .option('-n, --top <n>', 'without --terms: the N most frequent content terms over all reports', parsePositiveInt, 20)
    .addOption(new Option('--count <mode>', 'text: substring count (default with --terms); terms: count as segmented content terms (default for --top)').choices(['text', 'terms']))
    .option('--long', 'one row per report and term instead of one row per report')
    .option('--keep-boilerplate', 'with --count terms: keep boilerplate words')
    .addHelpText(
      'after',
      `
Wide table (default): path, chars, one count column per term, then TERM_per10k columns.
--long: path, term, count, per10k, chars.

Examples:
  policytext freq --terms 新质生产力,高质量发展 ../shared/corpus/ --format csv > terms.csv
  policytext freq --top 30 --long reports/
  policytext freq --terms 疫情 --count terms national-2020.txt`,
    );
  withDictOption(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: FreqCliOptions) => {
    const ctx = new CliContext(opts);
    const mode: CountMode = opts.count ?? (opts.terms ? 'text' : 'terms');
    if (opts.terms && !opts.terms.length) throw new UsageError('--terms: no terms given');
    const sources: SourceText[] = [];
    await ctx.forEachSource(files, (s) => void sources.push(s));
    let table: FrequencyTable;
    if (mode === 'text') {
      if (!opts.terms) throw new UsageError('--count text needs --terms');
      table = textFrequencyTable(sources, opts.terms);
    } else {
      // segmenting path: loaded only when needed
      const { corpusKeywords } = await import('../../extract/keywords/index.js');
      const { documents } = corpusKeywords(sources, { top: 0, keepBoilerplate: opts.keepBoilerplate === true }, { userDicts: opts.dict });
      table = termFrequencyTable(documents.map((d) => ({ path: d.path, counts: d.terms.counts })), opts.terms, opts.top);
    }
    let dataset: Dataset;
    if (opts.long) {
      dataset = {
        columns: [{ key: 'path' }, { key: 'term' }, { key: 'count', align: 'right' }, { key: 'per10k', header: 'per 10k chars', align: 'right' }, { key: 'chars', align: 'right' }],
        rows: frequencyTableLong(table),
      };
    } else {
      const wide = frequencyTableWide(table);
      dataset = { columns: wide.columns.map((key) => ({ key, align: key === 'path' ? 'left' : 'right' })), rows: wide.rows };
    }
    ctx.emit([dataset], table);
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}
