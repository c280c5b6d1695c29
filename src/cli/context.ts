/**
 * What every command shares: output format and destination, colour, quiet mode,
 * one-line error reporting and the exit code. Commands only parse options, call
 * the library and hand Datasets to `emit`.
 */
import { writeFileSync } from 'node:fs';
import { Chalk, type ChalkInstance } from 'chalk';
import { Command, Option } from 'commander';
import { InputError, ExitCode, UsageError } from '../errors.js';
import { expandInputs } from '../io/inputs.js';
import { readSource, DEFAULT_MAX_BYTES, type SourceText } from '../io/read.js';
import { render, FORMATS, type Dataset, type Format } from '../render/index.js';
import { BUNDLED_REPORT } from './bundled.js';

export interface CommonOptions {
  format?: Format;
  output?: string;
  color?: boolean;
  quiet?: boolean;
  maxSize?: number;
}

export class CliContext {
  readonly format: Format;
  readonly chalk: ChalkInstance;
  readonly quiet: boolean;
  readonly maxBytes: number;
  private readonly output?: string;
  private failures = 0;
  private chunks: string[] = [];

  constructor(options: CommonOptions) {
    const toTerminal = !options.output && process.stdout.isTTY === true;
    this.format = options.format ?? (toTerminal ? 'table' : 'json');
    const noColor = options.color === false || (process.env.NO_COLOR ?? '') !== '' || !toTerminal;
    this.chalk = new Chalk({ level: noColor ? 0 : 1 });
    this.quiet = options.quiet === true;
    this.maxBytes = options.maxSize !== undefined ? Math.round(options.maxSize * 1024 * 1024) : DEFAULT_MAX_BYTES;
    this.output = options.output;
  }

  /** One line on stderr for an input that could not be processed; the run goes on. */
  reportInputError(err: InputError): void {
    this.failures++;
    process.stderr.write(`policytext: ${err.toLine()}\n`);
  }

  /** A note for people (suppressed by --quiet), on stderr so stdout stays clean for pipes. */
  note(message: string): void {
    if (!this.quiet) process.stderr.write(this.chalk.dim(message) + '\n');
  }

  get failed(): number {
    return this.failures;
  }

  /** Queues text for stdout (or --output); written once by `flush`. */
  write(text: string): void {
    if (this.output) this.chunks.push(text);
    else process.stdout.write(text);
  }

  emit(datasets: Dataset[], json: unknown): void {
    this.write(render({ format: this.format, datasets, json, chalk: this.chalk }));
  }

  flush(): void {
    if (this.output) {
      try {
        writeFileSync(this.output, this.chunks.join(''));
      } catch (err) {
        throw new UsageError(`cannot write --output ${this.output} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
      }
    }
  }

  exitCode(): number {
    return this.failures > 0 ? ExitCode.inputFailed : ExitCode.ok;
  }

  /**
   * Reads every input in order (expanding folders), calling `each` with the ones that
   * read cleanly and reporting the others. No inputs at all means the bundled report.
   */
  async forEachSource(args: string[], each: (source: SourceText) => Promise<void> | void): Promise<void> {
    const entries = await expandInputs(args.length ? args : [BUNDLED_REPORT]);
    for (const entry of entries) {
      if ('error' in entry) {
        this.reportInputError(entry.error);
        continue;
      }
      let source: SourceText;
      try {
        source = await readSource(entry.path, { maxBytes: this.maxBytes });
      } catch (err) {
        if (err instanceof InputError) {
          this.reportInputError(err);
          continue;
        }
        throw err;
      }
      for (const n of source.notes) this.note(`policytext: ${source.path}: ${n}`);
      await each(source);
    }
  }
}

/** Adds the options every command shares. */
export function withCommonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .option('-o, --output <file>', 'write the output to FILE instead of standard output')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR is also respected)')
    .option('-q, --quiet', 'no notes or progress on stderr (errors are still printed)')
    .option('--max-size <MiB>', `largest input accepted, in MiB (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, parsePositiveNumber);
}

export function parsePositiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`expected a positive number, got "${value}"`);
  return n;
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`expected a positive whole number, got "${value}"`);
  return n;
}

export function parseList(value: string): string[] {
  return value.split(/[,，\s]+/).filter(Boolean);
}
