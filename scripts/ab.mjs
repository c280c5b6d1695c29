#!/usr/bin/env node
/**
 * A/B of the per-document analysis of two builds, in one process, alternating pass by pass:
 *
 *   node scripts/ab.mjs CHECKOUT_A CHECKOUT_B [ROUNDS]
 *
 * Each CHECKOUT is a built policytext tree (dist/ present; e.g. a `git worktree` of an older commit
 * with node_modules linked to this one's). A pass runs `batch`'s per-document work (decode,
 * normalise, processDocument: structure, figures, key phrases, slogans) over corpus/ and
 * ../shared/corpus; the two builds take turns (A B, B A, …), so both see the same moments of a
 * host whose speed drifts from minute to minute, and the B/A ratio of each round is kept. Prints
 * the mean ms per pass of each and the median and quartiles of B/A. Loading the same build twice
 * gives ≈ 0.98–0.99: the build loaded second has a small edge, so run both orders.
 * Not part of the test suite; docs/performance.md (eighth pass) explains its use.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dirA, dirB, roundsArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/ab.mjs CHECKOUT_A CHECKOUT_B [ROUNDS]');
  process.exit(2);
}
const builds = [];
for (const dir of [dirA, dirB]) {
  const dist = join(dir, 'dist');
  const { sourceFromBytes } = await import(join(dist, 'io/read.js'));
  const { processDocument } = await import(join(dist, 'batch/analyze-one.js'));
  const { ensureJieba } = await import(join(dist, 'segment/jieba.js'));
  const { jiebaIdf } = await import(join(dist, 'extract/keywords/idf.js'));
  ensureJieba();
  jiebaIdf();
  builds.push({ sourceFromBytes, processDocument });
}
const folders = [join(ROOT, 'corpus'), join(ROOT, '..', 'shared', 'corpus')].filter((d) => existsSync(d));
const files = folders.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|html?)$/.test(f)).map((f) => join(d, f)));
const bytes = files.map((f) => readFileSync(f));

async function pass(build) {
  const started = performance.now();
  for (let i = 0; i < files.length; i++) {
    const source = await build.sourceFromBytes(files[i], bytes[i], {});
    build.processDocument(source, { sha256: 'ab' });
  }
  return performance.now() - started;
}

for (let i = 0; i < 4; i++) for (const b of builds) await pass(b); // warm-up: both compiled
const rounds = Math.max(4, Number(roundsArg ?? 30));
const ratios = [];
const total = [0, 0];
for (let r = 0; r < rounds; r++) {
  const t = [0, 0];
  for (const k of r % 2 ? [1, 0] : [0, 1]) t[k] = await pass(builds[k]);
  ratios.push(t[1] / t[0]);
  total[0] += t[0];
  total[1] += t[1];
}
ratios.sort((a, b) => a - b);
const at = (q) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))].toFixed(3);
console.log(`${files.length} reports; A ${(total[0] / rounds).toFixed(1)} ms, B ${(total[1] / rounds).toFixed(1)} ms per pass; B/A median ${at(0.5)}, quartiles ${at(0.25)}–${at(0.75)} (${rounds} rounds)`);
