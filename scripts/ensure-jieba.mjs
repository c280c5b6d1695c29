#!/usr/bin/env node
// Runs in `prepare`: makes sure nodejieba's native binding exists and is built from the patched
// source (scripts/jieba-patch.mjs: the dictionary trie built once, not twice; cutUtf16Lengths on
// FastCut, scripts/jieba-fast-cut.hpp). Builds it when
// the package's own install script was skipped (ignore-scripts, an allowScripts policy) or built it
// before the patch. Never leaves the project without a working binding: if the patched build
// fails, the binding that was there is put back. See docs/install.md.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { FAST_CUT_FILE, patchPlan } from './jieba-patch.mjs';

const require = createRequire(import.meta.url);
let dir;
try {
  dir = dirname(require.resolve('nodejieba/package.json'));
} catch {
  console.error('ensure-jieba: nodejieba is not installed (run npm ci)');
  process.exit(1);
}
const binding = join(dir, 'build', 'Release', 'nodejieba.node');
// what the binding in build/ was compiled from (written only by this script)
const stampFile = join(dir, 'build', 'Release', 'policytext-build.json');
const sourceFiles = { cpp: join(dir, 'lib', 'nodejieba.cpp'), h: join(dir, 'lib', 'nodejieba.h') };
// the published texts of those two, kept the first time they are patched (see patchPlan)
const publishedFiles = { cpp: `${sourceFiles.cpp}.policytext-published`, h: `${sourceFiles.h}.policytext-published` };
const fastCut = { from: join(dirname(fileURLToPath(import.meta.url)), 'jieba-fast-cut.hpp'), to: join(dir, 'lib', FAST_CUT_FILE) };

const patch = applyPatch();
const sourceHash = sourcesHash();
const stamp = readStamp();
if (existsSync(binding) && (patch === 'unrecognised' || patch === 'outdated' || stamp?.source === sourceHash)) process.exit(0);

const candidates = [
  join(dir, 'node_modules', '@mapbox', 'node-pre-gyp', 'bin', 'node-pre-gyp'),
  join(dir, '..', '@mapbox', 'node-pre-gyp', 'bin', 'node-pre-gyp'),
];
const preGyp = candidates.find((p) => existsSync(p));
if (!preGyp) {
  if (existsSync(binding)) {
    console.error('ensure-jieba: @mapbox/node-pre-gyp not found; keeping the unpatched nodejieba binding (slower: see docs/install.md)');
    process.exit(0);
  }
  console.error('ensure-jieba: nodejieba binding missing and @mapbox/node-pre-gyp not found');
  process.exit(1);
}

// configure + build, not `rebuild`: rebuild deletes build/ first, so a failure before the compile
// (no python3, no Node headers) would leave no binding at all. make recompiles what the patch
// changed and replaces build/Release/nodejieba.node only at the end. A copy is kept all the same.
const backup = existsSync(binding) ? join(mkdtempSync(join(tmpdir(), 'policytext-jieba-')), 'nodejieba.node') : null;
if (backup) copyFileSync(binding, backup);
console.error(`ensure-jieba: compiling nodejieba${patch === 'patched' || patch === 'already-patched' ? ' (policytext patch)' : ''} …`);
// Offline, node-gyp must build against the headers installed with Node itself rather than download them.
// npm passes npm_config_nodedir to lifecycle scripts when it is configured; otherwise use Node's own prefix.
const env = { ...process.env };
const prefix = dirname(dirname(process.execPath));
if (!env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;
const run = (args) => spawnSync(process.execPath, [preGyp, ...args, '--loglevel=warn'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0 && existsSync(binding);

const code = compile();
if (backup) rmSync(dirname(backup), { recursive: true, force: true });
process.exit(code);

/** Compiles the patched source; on failure keeps (or fetches) a working binding. Returns the exit code. */
function compile() {
  if (run(['configure']) && run(['build'])) {
    writeFileSync(stampFile, JSON.stringify({ source: sourceHash, patch }) + '\n');
    return 0;
  }
  if (backup) {
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(backup, binding);
    console.error('ensure-jieba: the patched build failed; kept the binding npm installed (slower: see docs/install.md)');
    return 0;
  }
  // nothing to fall back on: let node-pre-gyp fetch a prebuilt binary if it can
  if (run(['install', '--fallback-to-build'])) return 0;
  console.error('ensure-jieba: could not build nodejieba (needs python3, make, g++)');
  return 1;
}

function applyPatch() {
  if (!existsSync(sourceFiles.cpp) || !existsSync(sourceFiles.h)) return 'unrecognised';
  const read = (files) => ({ cpp: readFileSync(files.cpp, 'utf8'), h: readFileSync(files.h, 'utf8') });
  const saved = existsSync(publishedFiles.cpp) && existsSync(publishedFiles.h) ? read(publishedFiles) : null;
  const plan = patchPlan({ current: read(sourceFiles), saved });
  if (plan.status === 'patched') {
    if (plan.save) for (const key of ['cpp', 'h']) writeWhole(publishedFiles[key], plan.save[key]);
    for (const key of ['cpp', 'h']) writeWhole(sourceFiles[key], plan[key]);
  }
  // FastCut's header goes beside them whenever the sources carry the patch (it may be newer)
  if (plan.status === 'patched' || plan.status === 'already-patched') {
    const header = readFileSync(fastCut.from, 'utf8');
    if (!existsSync(fastCut.to) || readFileSync(fastCut.to, 'utf8') !== header) writeWhole(fastCut.to, header);
  }
  if (plan.status === 'unrecognised') console.error('ensure-jieba: nodejieba source not as expected (another version?); using it unpatched');
  if (plan.status === 'outdated') console.error('ensure-jieba: nodejieba was patched by an older policytext; reinstall it (npm ci) to get the current patch');
  return plan.status;
}

/** Replaces a file whole (write, then rename), so an interrupted run never leaves half a file. */
function writeWhole(file, text) {
  writeFileSync(`${file}.policytext-tmp`, text);
  renameSync(`${file}.policytext-tmp`, file);
}

/** What the binding is compiled from: both source files, and FastCut's header when it is there. */
function sourcesHash() {
  if (!existsSync(sourceFiles.cpp) || !existsSync(sourceFiles.h)) return null;
  const files = [sourceFiles.cpp, sourceFiles.h, ...(existsSync(fastCut.to) ? [fastCut.to] : [])];
  return sha256(Buffer.concat(files.map((f) => readFileSync(f))));
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}
