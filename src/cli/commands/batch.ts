/** `policytext batch`: a folder or archive of reports → documents/figures/keywords/slogans/errors files. */
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { ExitCode, InputError } from '../../errors.js';
import { DEFAULT_MAX_BYTES } from '../../io/read.js';
// The batch pipeline (archives, worker pool, writers) is imported when the command runs,
// so other commands do not pay for loading it at start-up.
type BatchRun = typeof import('../../batch/run.js');
type BatchInputs = typeof import('../../batch/inputs.js');
import { parsePositiveInt, parsePositiveNumber } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';

interface BatchCliOptions extends DictOptions {
  out?: string;
  from?: string[];
  jobs?: number;
  format?: 'csv' | 'jsonl';
  bom?: boolean;
  resume?: boolean;
  quiet?: boolean;
  maxSize?: number;
  timeout?: number;
  keywords?: number;
}

/** Exit codes of an interrupted batch (128 + signal number, as shells report them). */
export const INTERRUPTED_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;

export function batchCommand(): Command {
  const cmd = new Command('batch')
    .description('analyse many reports (folders, globs, lists, .zip/.tar.gz archives) into one panel dataset')
    .argument('[inputs...]', 'report files, folders (recursive), globs, .zip/.tar.gz/.tgz archives, "-" for one report on stdin')
    .option('--out <dir>', 'write documents, figures, keywords, slogans and errors files into DIR (default: JSON Lines of documents on stdout)')
    .option('--from <list>', 'read more inputs from LIST, one per line ("-" for stdin); repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('-j, --jobs <n>', `worker threads (default: the number of cores, ${availableParallelism()} here)`, parsePositiveInt)
    .addOption(new Option('-f, --format <format>', 'file format in --out').choices(['csv', 'jsonl']).default('csv'))
    .option('--bom', 'start CSV files with a UTF-8 byte-order mark, so Excel shows Chinese correctly')
    .option('--resume', 'skip documents already in --out with the same content (SHA-256); keep their rows')
    .option('-q, --quiet', 'no progress bar, notes or summary on stderr (errors are still in errors.csv)')
    .option('--max-size <MiB>', `largest report accepted, in MiB (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, parsePositiveNumber)
    .option('--timeout <seconds>', 'per-document time limit; a document over it becomes an error row (default 120)', parsePositiveNumber)
    .option('--keywords <n>', 'key phrases per document in keywords.csv (default 30)', parsePositiveInt)
    .addHelpText(
      'after',
      `
Output (in --out): documents.csv, figures.csv, keywords.csv, slogans.csv, errors.csv
(--format jsonl: the same as .jsonl). Rows are sorted by path; columns are in the README.

Exit codes: 0 every input processed · 1 some inputs failed (see errors.csv; the rest is complete)
· 2 usage error · 130/143 interrupted by SIGINT/SIGTERM (rows finished so far are complete and kept)

Examples:
  policytext batch reports/ --out panel/
  policytext batch 'archive/**/*.txt' reports-2024.zip --out panel/ --bom
  find /data -name '*.txt' | policytext batch --from - --out panel/ --jobs 4
  policytext batch reports.tar.gz --out panel/ --resume      # after an interruption
  policytext batch reports/ | jq -r '[.path, .place, .planYear] | @tsv'`,
    );
  withDictOption(cmd);
  return cmd.action(async (inputs: string[], opts: BatchCliOptions) => {
    const all = [...inputs];
    for (const list of opts.from ?? []) {
      try {
        const { readListFile } = (await import('../../batch/inputs.js')) as BatchInputs;
        all.push(...(await readListFile(list)));
      } catch (err) {
        if (err instanceof InputError) {
          process.stderr.write(`policytext: ${err.toLine()}\n`);
          process.exitCode = ExitCode.usage;
          return;
        }
        throw err;
      }
    }
    const quiet = opts.quiet === true;
    const progress = !quiet && process.stderr.isTTY === true;
    const controller = new AbortController();
    let interruptedBy: keyof typeof INTERRUPTED_EXIT | null = null;
    const onSignal = (sig: keyof typeof INTERRUPTED_EXIT) => () => {
      if (interruptedBy) process.exit(INTERRUPTED_EXIT[sig]); // second signal: stop now
      interruptedBy = sig;
      if (!quiet) process.stderr.write(`\npolicytext: ${sig}: finishing the rows in progress and closing the files (again to stop at once)\n`);
      controller.abort();
    };
    const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
    process.on('SIGINT', handlers.SIGINT);
    process.on('SIGTERM', handlers.SIGTERM);
    try {
      const { runBatch, summaryLine } = (await import('../../batch/run.js')) as BatchRun;
      const summary = await runBatch({
        inputs: all,
        out: opts.out,
        format: opts.format,
        jobs: opts.jobs,
        bom: opts.bom,
        resume: opts.resume,
        maxBytes: opts.maxSize !== undefined ? Math.round(opts.maxSize * 1024 * 1024) : undefined,
        userDicts: opts.dict,
        timeoutMs: opts.timeout !== undefined ? opts.timeout * 1000 : undefined,
        keywords: opts.keywords,
        progress,
        signal: controller.signal,
        onError: progress ? undefined : (path, e) => process.stderr.write(`policytext: ${path}: ${e.message}\n`),
        onNote: quiet ? undefined : (m) => process.stderr.write(`policytext: ${m}\n`),
      });
      if (!quiet) process.stderr.write(`policytext ${summaryLine(summary)}${opts.out && summary.failed ? ` (reasons in ${opts.out}/errors.${opts.format ?? 'csv'})` : ''}\n`);
      process.exitCode = interruptedBy ? INTERRUPTED_EXIT[interruptedBy] : summary.failed > 0 ? ExitCode.inputFailed : ExitCode.ok;
    } finally {
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    }
  });
}
