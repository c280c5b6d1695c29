#!/usr/bin/env node
/**
 * Runs several policytext commands one after another in ONE real process (the built dist/), and
 * writes their results as JSON to the file named by argv[3]: [{ args, status, stdout, stderr, ms }].
 * argv[2]: a JSON array of argument lists.
 *
 * Why: the robustness suite runs every command on the same hostile folder. A process per command
 * loads jieba's dictionary each time (~2.5 s here); one process loads it once, while a hang or a
 * crash still ends this process, which the test sees (it kills the runner after a time limit).
 * Commands that need their own process (batch, with worker threads and signals) are spawned apart.
 */
import { writeFileSync } from 'node:fs';
import { main } from '../../dist/cli/main.js';

const [commands, resultFile] = [JSON.parse(process.argv[2]), process.argv[3]];
const realOut = process.stdout.write.bind(process.stdout);
const realErr = process.stderr.write.bind(process.stderr);
const results = [];
for (const args of commands) {
  let stdout = '';
  let stderr = '';
  const capture = (sink) => (chunk, ...rest) => {
    sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    rest.find((r) => typeof r === 'function')?.();
    return true;
  };
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  process.exitCode = undefined;
  const started = performance.now();
  let status;
  try {
    status = await main(['node', 'policytext', ...args]);
  } finally {
    process.stdout.write = realOut;
    process.stderr.write = realErr;
  }
  results.push({ args, status, stdout, stderr, ms: performance.now() - started });
}
process.exitCode = 0;
writeFileSync(resultFile, JSON.stringify(results));
