/**
 * What the install did to nodejieba (scripts/ensure-jieba.mjs, docs/install.md), for tests that
 * check the environment: the source files, whether they carry the policytext patch, and the stamp
 * ensure-jieba writes after compiling them (absent when the compile failed and the published
 * binding was kept: a slower but working install, where those checks are skipped).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FAST_CUT_FILE, PATCH_MARKER } from '../../scripts/jieba-patch.mjs';

const dir = dirname(createRequire(import.meta.url).resolve('nodejieba/package.json'));
const sources = [join(dir, 'lib', 'nodejieba.cpp'), join(dir, 'lib', 'nodejieba.h')];
const fastCutHeader = join(dir, 'lib', FAST_CUT_FILE);
const stampFile = join(dir, 'build', 'Release', 'policytext-build.json');

export const sourcesPatched = sources.every((f) => existsSync(f) && readFileSync(f, 'utf8').includes(PATCH_MARKER));

/** The stamp: the hash of the sources the binding was compiled from; null when there is none. */
export const buildStamp: { source: string; patch: string } | null = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null;

/** sha256 of the source files as they are now, FastCut's header included (what the stamp should say). */
export function currentSourcesHash(): string {
  const files = [...sources, ...(existsSync(fastCutHeader) ? [fastCutHeader] : [])];
  return createHash('sha256').update(Buffer.concat(files.map((f) => readFileSync(f)))).digest('hex');
}

/** True when the binding in use was compiled by ensure-jieba from the patched sources. */
export const patchedBindingBuilt = sourcesPatched && buildStamp !== null;
