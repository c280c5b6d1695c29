#!/usr/bin/env node
/**
 * check-policy-dict.mjs — verify dict/policy.dict.txt with nodejieba (single process; load() once).
 *
 * Usage (from /work/main): node scripts/check-policy-dict.mjs [--verbose]
 *
 * 1. Format: every line is "word freq tag" (single spaces, freq a positive integer, tag n|nz|vn),
 *    no duplicates, no comments, no BOM, LF only.
 * 2. Loads the dictionary: nodejieba.load({ userDict: 'dict/policy.dict.txt' }).
 * 3. For every entry: cut(term, true) must be exactly [term] ("alone"), and in a corpus sentence that
 *    contains the term (the first one found, reading the same reports as build-policy-dict.mjs;
 *    sentences end at 。！？；!?; or a line break) the term must come out as one token ("in context").
 *    If no corpus sentence contains it, the fallback sentence "我们要大力推进<term>工作。" is used.
 *    A sentence where the term is not part of a longer entry is preferred. Counted as passed but
 *    listed as NOTE: the term only occurs inside a longer entry (e.g. 工业增加值 in 规上工业增加值),
 *    or it overlaps another entry (e.g. 美丽乡村|建设 vs 美丽|乡村建设).
 * Prints the failures and "passed N/M"; exit code 1 if anything failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const nodejieba = require('nodejieba');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DICT = path.join(ROOT, 'dict/policy.dict.txt');
const verbose = process.argv.includes('--verbose');

// ---- 1. format
const raw = fs.readFileSync(DICT);
const problems = [];
if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) problems.push('BOM at start of file');
const text = raw.toString('utf8');
if (text.includes('\r')) problems.push('CR characters (must be LF only)');
const entries = [];
const seen = new Set();
text.split('\n').forEach((line, i) => {
  if (line === '') return;
  const m = line.match(/^(\S+) ([1-9]\d*) (n|nz|vn)$/);
  if (!m) { problems.push(`line ${i + 1}: bad format: ${JSON.stringify(line)}`); return; }
  if (seen.has(m[1])) problems.push(`line ${i + 1}: duplicate ${m[1]}`);
  seen.add(m[1]);
  entries.push({ term: m[1], freq: Number(m[2]), tag: m[3] });
});

// ---- corpus sentences (same file selection as build-policy-dict.mjs)
const SHARED = path.resolve(ROOT, '../shared/corpus');
const files = [];
if (fs.existsSync(SHARED)) for (const f of fs.readdirSync(SHARED).sort()) if (f.endsWith('.txt') && !f.endsWith('.gbk.txt')) files.push(path.join(SHARED, f));
files.push(path.join(ROOT, 'corpus/liuzhou-2024.txt'));
const sentences = [];
for (const f of files) {
  if (!fs.existsSync(f)) continue;
  const t = fs.readFileSync(f, 'utf8').replace(/<U\+00A0>/g, ' ').replace(/[\u200b\u200c\u200d\ufeff]/g, '');
  for (const s of t.split(/[。！？；!?;\r\n]+/)) if (s.trim()) sentences.push(s.trim());
}

// ---- 2./3. segmentation
nodejieba.load({ userDict: DICT });
let passed = 0;
let inCorpus = 0;
let covered = 0;
let overlapped = 0;
const failures = [];
const notes = [];
const terms = new Set(entries.map((e) => e.term));
for (const e of entries) {
  const alone = nodejieba.cut(e.term, true);
  const okAlone = alone.length === 1 && alone[0] === e.term;
  // prefer a sentence where the term is not part of a longer dictionary entry
  const longer = entries.filter((x) => x.term !== e.term && x.term.includes(e.term)).map((x) => x.term);
  const all = sentences.filter((s) => s.includes(e.term));
  let sentence = all.find((s) => !longer.some((l) => s.includes(l))) || all[0];
  if (sentence) inCorpus++; else sentence = `我们要大力推进${e.term}工作`;
  const ctx = nodejieba.cut(sentence, true);
  let okCtx = ctx.includes(e.term);
  let status = 'ok';
  if (!okCtx) {
    // where does the term start, and which tokens cover it?
    let pos = 0; const spans = [];
    for (const t of ctx) { spans.push([pos, pos + t.length, t]); pos += t.length; }
    const at = sentence.indexOf(e.term);
    const cov = spans.filter(([a, b]) => b > at && a < at + e.term.length);
    const excerpt = cov.map((c) => c[2]).join('/');
    if (cov.length === 1 && terms.has(cov[0][2])) { status = 'covered'; covered++; okCtx = true; notes.push(`${e.term}: inside longer entry ${cov[0][2]}`); }
    else if (cov.some((c) => terms.has(c[2]) && !e.term.includes(c[2]))) { status = 'overlap'; overlapped++; okCtx = true; notes.push(`${e.term}: overlaps entry in ${excerpt} («${sentence.slice(Math.max(0, at - 6), at + e.term.length + 6)}»)`); }
    else failures.push(`${e.term} (freq ${e.freq}): context=${excerpt} in «${sentence.slice(Math.max(0, at - 8), at + e.term.length + 8)}»`);
  }
  if (!okAlone) failures.push(`${e.term} (freq ${e.freq}): alone=${alone.join('/')}`);
  if (okAlone && okCtx) passed++;
  if (verbose) console.log(`${e.term}\t${okAlone && okCtx ? status : 'FAIL'}\t${sentence}`);
}

for (const p of problems) console.log(`FORMAT: ${p}`);
for (const n of notes) console.log(`NOTE: ${n}`);
for (const f of failures) console.log(`FAIL: ${f}`);
console.log(`entries: ${entries.length}; with a corpus sentence: ${inCorpus}; passed ${passed}/${entries.length} ` +
  `(one token alone, and one token in context; ${covered} only occur inside a longer entry, ${overlapped} compete with an overlapping entry)`);
process.exit(problems.length || failures.length ? 1 : 0);
