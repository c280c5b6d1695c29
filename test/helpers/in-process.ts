/**
 * Runs the CLI inside the test process: same commander wiring, same output code,
 * but jieba is loaded once per test file instead of once per command (about 2.5 s each).
 * stdout/stderr are captured, stdin is replaced by `input`. Tests that need a real
 * process (pipes, signals, a fresh start) use runCli from ./cli.ts instead.
 */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { RunResult } from './cli.js';

export async function runInProcess(args: string[], options: { input?: string | Buffer } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const outWrite = process.stdout.write;
  const errWrite = process.stderr.write;
  const stdinDescriptor = Object.getOwnPropertyDescriptor(process, 'stdin');
  const capture = (sink: (s: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  Object.defineProperty(process, 'stdin', { configurable: true, get: () => Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]) });
  const savedExitCode = process.exitCode;
  process.exitCode = undefined;
  try {
    const status = await main(['node', 'policytext', ...args]);
    return { status, stdout, stderr };
  } finally {
    process.stdout.write = outWrite;
    process.stderr.write = errWrite;
    if (stdinDescriptor) Object.defineProperty(process, 'stdin', stdinDescriptor);
    process.exitCode = savedExitCode;
  }
}
