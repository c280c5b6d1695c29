/** `policytext analyze`: the overview of one or more reports. */
import { Command } from 'commander';
import { analyzeSource, type Analysis } from '../../analyze.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, withCommonOptions, type CommonOptions } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';

type AnalyzeOptions = CommonOptions & DictOptions;

export function analyzeCommand(): Command {
  const cmd = new Command('analyze')
    .description('overview of reports: document info, structure, figures, key terms')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .addHelpText(
      'after',
      `
Examples:
  policytext analyze
  policytext analyze --format json report.txt | jq '.documents[0].tokens.topTerms'`,
    );
  withDictOption(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: AnalyzeOptions) => {
    const ctx = new CliContext(opts);
    const analyses: Analysis[] = [];
    await ctx.forEachSource(files, (source) => {
      analyses.push(analyzeSource(source, { userDicts: opts.dict }));
    });
    ctx.emit(analysisTables(analyses), { documents: analyses });
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}

function analysisTables(analyses: Analysis[]): Dataset[] {
  const documents: Dataset = {
    title: 'Documents',
    columns: [
      { key: 'path' },
      { key: 'encoding' },
      { key: 'chars', align: 'right' },
      { key: 'paragraphs', align: 'right' },
      { key: 'tokens', align: 'right' },
      { key: 'distinctTokens', header: 'distinct', align: 'right' },
    ],
    rows: analyses.map((a) => ({ path: a.path, encoding: a.encoding, ...a.tokens })),
  };
  const terms: Dataset = {
    title: 'Top terms',
    columns: [{ key: 'path' }, { key: 'token' }, { key: 'tag', header: 'POS' }, { key: 'count', align: 'right' }, { key: 'per10k', header: 'per 10k chars', align: 'right' }],
    rows: analyses.flatMap((a) => a.tokens.topTerms.map((t) => ({ path: a.path, ...t }))),
  };
  return [documents, terms];
}
