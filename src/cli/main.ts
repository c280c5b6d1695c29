/**
 * Command-line entry: wires commander to the commands and turns every failure
 * into one line and a documented exit code (see ExitCode in ../errors.ts).
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ExitCode, InputError, UsageError } from '../errors.js';
import { commandList } from './commands/index.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

export function buildProgram(): Command {
  const program = new Command('policytext')
    .description('Analyse Chinese government work reports (政府工作报告): numeric targets and results, key phrases, section structure.')
    .version(version, '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  policytext analyze                          the bundled report, corpus/liuzhou-2024.txt
  policytext tokens --freq 20 report.txt
  policytext analyze --format json report.txt | jq .

Exit codes: 0 ok · 1 some input could not be processed (the rest was) · 2 usage error · 70 internal error`,
    );
  for (const cmd of commandList()) program.addCommand(cmd.exitOverride());
  return program;
}

let pipeHandlerInstalled = false;

/** A closed pipe (policytext tokens x | head) is a normal way to stop reading: exit quietly. */
function exitQuietlyOnClosedPipe(): void {
  if (pipeHandlerInstalled) return;
  pipeHandlerInstalled = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

export async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? ExitCode.ok);
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has already printed its message; help and version are not errors
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
      return ExitCode.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`policytext: error: ${err.message}\n`);
      return ExitCode.usage;
    }
    if (err instanceof InputError) {
      process.stderr.write(`policytext: ${err.toLine()}\n`);
      return ExitCode.inputFailed;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`policytext: internal error: ${message.split('\n')[0]} (please report this)\n`);
    if (process.env.POLICYTEXT_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return ExitCode.internal;
  }
}
