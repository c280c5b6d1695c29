#!/usr/bin/env node
// Runs in `prepare`: makes sure nodejieba's native binding exists, building it when the package's
// own install script was skipped (ignore-scripts, an allowScripts policy). See docs/install.md.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);
let dir;
try {
  dir = dirname(require.resolve('nodejieba/package.json'));
} catch {
  console.error('ensure-jieba: nodejieba is not installed (run npm ci)');
  process.exit(1);
}
const binding = join(dir, 'build', 'Release', 'nodejieba.node');
if (existsSync(binding)) process.exit(0);

const candidates = [
  join(dir, 'node_modules', '@mapbox', 'node-pre-gyp', 'bin', 'node-pre-gyp'),
  join(dir, '..', '@mapbox', 'node-pre-gyp', 'bin', 'node-pre-gyp'),
];
const preGyp = candidates.find((p) => existsSync(p));
if (!preGyp) {
  console.error('ensure-jieba: nodejieba binding missing and @mapbox/node-pre-gyp not found');
  process.exit(1);
}
console.error('ensure-jieba: building nodejieba native binding …');
// Offline, node-gyp must build against the headers installed with Node itself rather than download them.
// npm passes npm_config_nodedir to lifecycle scripts when it is configured; otherwise use Node's own prefix.
const env = { ...process.env };
const prefix = dirname(dirname(process.execPath));
if (!env.npm_config_nodedir && existsSync(join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;
const r = spawnSync(process.execPath, [preGyp, 'install', '--fallback-to-build'], { cwd: dir, stdio: 'inherit', env });
if (r.status !== 0 || !existsSync(binding)) {
  console.error('ensure-jieba: could not build nodejieba (needs python3, make, g++)');
  process.exit(1);
}
