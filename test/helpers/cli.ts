/** Runs the built CLI (bin/policytext.js → dist/) as a user would, capturing output and exit code. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'policytext.js');
export const BUNDLED = join(ROOT, 'corpus', 'liuzhou-2024.txt');
export const SHARED_CORPUS = join(ROOT, '..', 'shared', 'corpus');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in a child process without blocking the test worker: a synchronous spawn would
 * stall vitest's worker RPC (it times out after 60 s of a blocked event loop on a loaded machine).
 */
export function runCli(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {}); // the command may exit before reading its input
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary folder for fixtures a test writes itself. */
export function tempDir(prefix = 'policytext-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
