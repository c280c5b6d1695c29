/**
 * The nodejieba source patch applied at install (scripts/jieba-patch.mjs, docs/install.md).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATCH_MARKER, patchNodejiebaSource } from '../scripts/jieba-patch.mjs';

// nodejieba 3.5.8's load(), the statement the patch replaces
const ORIGINAL_LOAD = `  delete _jieba_handle;
  _jieba_handle = new cppjieba::Jieba(dictPath,
                                  modelPath,
                                  userDictPath,
                                  idfPath,
                                  stopWordsPath);

  delete _text_rank_extractor_handle;
  _text_rank_extractor_handle = new cppjieba
		      ::TextRankExtractor(dictPath,
                                  modelPath,
                                  stopWordsPath,
                                  userDictPath);

  return Napi::Boolean::New(info.Env(), true);`;

describe('nodejieba dictionary-trie patch', () => {
  it('builds the TextRank extractor on the Jieba instance instead of reloading the dictionary', () => {
    const { status, source } = patchNodejiebaSource(ORIGINAL_LOAD);
    expect(status).toBe('patched');
    expect(source).toContain('_text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);');
    expect(source).not.toMatch(/TextRankExtractor\(dictPath/);
    expect(source).toContain(PATCH_MARKER);
    // the rest of load() is untouched
    expect(source.split('\n').slice(0, 8).join('\n')).toBe(ORIGINAL_LOAD.split('\n').slice(0, 8).join('\n'));
    expect(source.endsWith('return Napi::Boolean::New(info.Env(), true);')).toBe(true);
  });

  it('is applied once only', () => {
    const once = patchNodejiebaSource(ORIGINAL_LOAD).source;
    expect(patchNodejiebaSource(once)).toEqual({ status: 'already-patched', source: once });
  });

  it('leaves a source it does not recognise alone', () => {
    const other = ORIGINAL_LOAD.replace('stopWordsPath,\n                                  userDictPath)', 'stopWordsPath)');
    expect(patchNodejiebaSource(other)).toEqual({ status: 'unrecognised', source: other });
  });

  // An environment check: where the install could patch nodejieba (this repository's CI does), the
  // binding in use must have been compiled from that patched source, not left from before the patch.
  const dir = dirname(createRequire(import.meta.url).resolve('nodejieba/package.json'));
  const cpp = join(dir, 'lib', 'nodejieba.cpp');
  const patched = existsSync(cpp) && readFileSync(cpp, 'utf8').includes(PATCH_MARKER);
  it.skipIf(!patched)('the installed binding was compiled from the patched source', () => {
    const stamp = JSON.parse(readFileSync(join(dir, 'build', 'Release', 'policytext-build.json'), 'utf8')) as { source: string };
    expect(stamp.source).toBe(createHash('sha256').update(readFileSync(cpp)).digest('hex'));
  });
});
