#!/usr/bin/env node
/**
 * Per-step cost of batch's per-document analysis, in one thread, in process: ms per pass over the
 * reports of corpus/ and ../shared/corpus (when present), the minimum over N passes (default 6;
 * the first pass, which fills jieba's tag cache and compiles the code, is not counted), beside bare
 * jieba `tag` and `cut` of the same text. The table in docs/performance.md was made with it.
 *
 *   npm run build && node scripts/profile-steps.mjs [passes]
 *
 * The steps are timed one after the other on the same document, as processDocument runs them;
 * garbage collection lands in whichever step is running when it happens (mostly segmentation).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
if (!existsSync(join(DIST, 'index.js'))) {
  console.error('profile-steps: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const load = (path) => import(join(DIST, path));
const { sourceFromBytes } = await load('io/read.js');
const { ensureJieba } = await load('segment/jieba.js');
const { structureDocument } = await load('structure/index.js');
const { extractFigures } = await load('extract/figures/index.js');
const { extractSlogans } = await load('extract/slogans.js');
const { extractKeywords, keywordText, jiebaIdf } = await load('extract/keywords/index.js');
const { processDocument } = await load('batch/analyze-one.js');
const { formatRow } = await load('batch/output.js');
const { TABLES } = await load('batch/rows.js');

const passes = Math.max(1, Number(process.argv[2] ?? 6));
const SHARED = join(ROOT, '..', 'shared', 'corpus');
const reports = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => /\.(txt|html?|docx)$/i.test(f)).sort().map((f) => join(dir, f)) : []);
const files = [...reports(join(ROOT, 'corpus')), ...reports(SHARED)].map((path) => ({ path, bytes: readFileSync(path) }));
const megabytes = files.reduce((n, f) => n + f.bytes.length, 0) / 1e6;

let t = performance.now();
const jieba = ensureJieba();
const jiebaMs = performance.now() - t;
t = performance.now();
jiebaIdf();
const idfMs = performance.now() - t;

const best = {};
const timed = (step, spent, fn) => {
  const started = performance.now();
  const result = fn();
  spent[step] = (spent[step] ?? 0) + performance.now() - started;
  return result;
};
for (let pass = 0; pass <= passes; pass++) {
  const spent = {};
  for (const { path, bytes } of files) {
    const started = performance.now();
    const source = await sourceFromBytes(path, bytes, { maxBytes: 1e9 });
    spent.read = (spent.read ?? 0) + performance.now() - started;
    const doc = timed('structure', spent, () => structureDocument(source));
    timed('figures', spent, () => extractFigures(doc));
    const text = timed('segmentation', spent, () => keywordText(doc));
    timed('key phrases', spent, () => extractKeywords(text, { top: 30 }));
    timed('slogans', spent, () => extractSlogans(doc));
    const result = timed('processDocument (all of the above but read, again)', spent, () => processDocument(source, { sha256: '-' }));
    timed('row formatting (CSV)', spent, () => {
      for (const table of ['figures', 'keywords', 'slogans']) for (const row of result[table]) formatRow(row, TABLES[table].columns, 'csv');
    });
    timed('bare jieba tag', spent, () => {
      for (const line of source.original.split('\n')) jieba.tag(line);
    });
    timed('bare jieba cut', spent, () => {
      for (const line of source.original.split('\n')) jieba.cut(line, true);
    });
  }
  if (pass > 0) for (const [step, ms] of Object.entries(spent)) best[step] = Math.min(best[step] ?? Infinity, ms);
}

console.log(`${files.length} reports, ${megabytes.toFixed(2)} MB; jieba load ${(jiebaMs / 1000).toFixed(2)} s, IDF table ${(idfMs / 1000).toFixed(2)} s`);
console.log(`ms per pass, minimum of ${passes} passes:`);
for (const [step, ms] of Object.entries(best)) console.log(`  ${step.padEnd(52)} ${ms.toFixed(1).padStart(8)}`);
