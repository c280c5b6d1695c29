/**
 * The nodejieba source patch applied at install (scripts/jieba-patch.mjs, docs/install.md).
 */
import { describe, expect, it } from 'vitest';
import { PATCH_MARKER, patchNodejiebaSource } from '../scripts/jieba-patch.mjs';
import { buildStamp, currentSourcesHash, patchedBindingBuilt } from './helpers/jieba-build.js';

// the parts of nodejieba 3.5.8's lib/nodejieba.cpp and lib/nodejieba.h the patch touches
const CPP = `NodeJieba::NodeJieba(Napi::Env env, Napi::Object exports) {
  DefineAddon(exports, {
    InstanceMethod("load", &NodeJieba::load),
    InstanceMethod("cut", &NodeJieba::cut),
    InstanceMethod("insertWord", &NodeJieba::insertWord)
  });
}

Napi::Value NodeJieba::load(const Napi::CallbackInfo& info) {
  delete _jieba_handle;
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

  return Napi::Boolean::New(info.Env(), true);
}
`;
const H = `class NodeJieba : public Napi::Addon<NodeJieba> {
private:
  Napi::Value cut(const Napi::CallbackInfo& info);
  Napi::Value insertWord(const Napi::CallbackInfo& info);

  cppjieba::Jieba* _jieba_handle{nullptr};
};
`;

describe('nodejieba patch', () => {
  it('builds the TextRank extractor on the Jieba instance instead of loading the dictionary again', () => {
    const { status, cpp } = patchNodejiebaSource({ cpp: CPP, h: H });
    expect(status).toBe('patched');
    expect(cpp).toContain('_text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);');
    expect(cpp).not.toMatch(/TextRankExtractor\(dictPath/);
    // the Jieba instance itself is built as before
    expect(cpp).toContain(CPP.slice(CPP.indexOf('  delete _jieba_handle;'), CPP.indexOf('  delete _text_rank_extractor_handle;')));
  });

  it('adds cutUtf16Lengths: registered, declared and defined', () => {
    const { cpp, h } = patchNodejiebaSource({ cpp: CPP, h: H });
    expect(cpp).toMatch(/InstanceMethod\("insertWord", &NodeJieba::insertWord\),\s*InstanceMethod\("cutUtf16Lengths", &NodeJieba::cutUtf16Lengths\)\s*\}\);/);
    expect(cpp).toContain('Napi::Value NodeJieba::cutUtf16Lengths(const Napi::CallbackInfo& info) {');
    expect(cpp).toContain('_jieba_handle->Cut(sentence, words, true);'); // the same call as cut(text, true)
    expect(h).toMatch(/Napi::Value insertWord\(const Napi::CallbackInfo& info\);\s*Napi::Value cutUtf16Lengths\(const Napi::CallbackInfo& info\);/);
    expect(cpp).toContain(PATCH_MARKER);
    expect(h).toContain(PATCH_MARKER);
  });

  it('is applied once only', () => {
    const once = patchNodejiebaSource({ cpp: CPP, h: H });
    expect(patchNodejiebaSource({ cpp: once.cpp, h: once.h })).toEqual({ status: 'already-patched', cpp: once.cpp, h: once.h });
  });

  it('completes a patch that reached only one of the two files', () => {
    const full = patchNodejiebaSource({ cpp: CPP, h: H });
    expect(patchNodejiebaSource({ cpp: full.cpp, h: H })).toEqual({ status: 'patched', cpp: full.cpp, h: full.h });
    expect(patchNodejiebaSource({ cpp: CPP, h: full.h })).toEqual({ status: 'patched', cpp: full.cpp, h: full.h });
  });

  it('leaves sources it does not recognise alone, both files', () => {
    const other = CPP.replace('stopWordsPath,\n                                  userDictPath)', 'stopWordsPath)');
    expect(patchNodejiebaSource({ cpp: other, h: H })).toEqual({ status: 'unrecognised', cpp: other, h: H });
    const noInsert = H.replace('  Napi::Value insertWord(const Napi::CallbackInfo& info);\n', '');
    expect(patchNodejiebaSource({ cpp: CPP, h: noInsert })).toEqual({ status: 'unrecognised', cpp: CPP, h: noInsert });
  });

  // An environment check: where the install compiled the patched sources (this repository's CI
  // does), the binding in use must come from the sources as they are now, not from before the patch.
  it.skipIf(!patchedBindingBuilt)('the installed binding was compiled from the patched sources', () => {
    expect(buildStamp!.source).toBe(currentSourcesHash());
  });
});
