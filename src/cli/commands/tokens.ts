/** `policytext tokens`: segmented text, token/POS pairs, or a frequency table. */
import { Command } from 'commander';
import { segmentLines, type Token } from '../../segment/segment.js';
import { tokenFrequencies, textLength } from '../../segment/frequency.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, parseList, parsePositiveInt, withCommonOptions, type CommonOptions } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';

interface TokensOptions extends CommonOptions, DictOptions {
  freq?: number | true;
  tag?: boolean;
  pos?: string[];
  stopwords?: boolean;
  boilerplate?: boolean;
}

export function tokensCommand(): Command {
  const cmd = new Command('tokens')
    .description('segment reports with jieba (numbers and policy terms kept whole)')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .option('--freq [n]', 'frequency table instead of text (top N, default all)', parsePositiveInt)
    .option('--tag', 'print word/POS pairs')
    .option('--pos <tags>', 'with --freq: keep only these POS tags, by prefix (e.g. n,vn)', parseList)
    .option('--no-stopwords', 'with --freq: drop stop words and punctuation')
    .option('--no-boilerplate', 'with --freq: also drop policy boilerplate (推进, 加快 …)')
    .addHelpText(
      'after',
      `
Examples:
  policytext tokens corpus/liuzhou-2024.txt | head
  policytext tokens --tag report.txt
  policytext tokens --freq 30 --pos n,vn --no-stopwords report.txt
  policytext tokens --freq --format csv reports/ > freq.csv`,
    );
  withDictOption(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: TokensOptions) => {
    const ctx = new CliContext(opts);
    const segmentOptions = { userDicts: opts.dict };
    const freqRows: Array<Record<string, unknown>> = [];
    const docs: Array<{ path: string; tokens: Token[] }> = [];
    await ctx.forEachSource(files, (source) => {
      const lines = segmentLines(source.text, segmentOptions);
      if (opts.freq !== undefined) {
        const rows = tokenFrequencies(lines.flat(), textLength(source.text), {
          pos: opts.pos,
          dropStopwords: opts.stopwords === false,
          dropBoilerplate: opts.boilerplate === false,
          top: opts.freq === true ? undefined : opts.freq,
        });
        for (const r of rows) freqRows.push({ path: source.path, ...r });
        return;
      }
      if (opts.format === undefined || ctx.format === 'table' || ctx.format === 'md') {
        // plain segmented text, one output line per input line, like `python -m jieba -d ' '`
        const sep = ' ';
        ctx.write(lines.map((toks) => toks.map((t) => (opts.tag ? `${t.word}/${t.tag}` : t.word)).join(sep)).join('\n') + '\n');
        return;
      }
      docs.push({ path: source.path, tokens: lines.flat() });
    });

    if (opts.freq !== undefined) {
      const dataset: Dataset = {
        columns: [
          { key: 'path' },
          { key: 'token' },
          { key: 'tag', header: 'POS' },
          { key: 'count', align: 'right' },
          { key: 'per10k', header: 'per 10k chars', align: 'right' },
        ],
        rows: freqRows,
      };
      ctx.emit([dataset], { frequencies: freqRows });
    } else if (docs.length) {
      const rows = docs.flatMap((d) => d.tokens.map((t) => ({ path: d.path, word: t.word, tag: t.tag, start: t.start, end: t.end })));
      ctx.emit([{ columns: ['path', 'word', 'tag', 'start', 'end'].map((key) => ({ key })), rows }], { documents: docs });
    }
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}
