/**
 * The changes policytext makes to nodejieba's C++ source before it is compiled (see
 * docs/install.md, "The nodejieba patch"). Two, both small:
 *
 * 1. **One dictionary trie, not two.** nodejieba's `load` builds cppjieba's trie for
 *    `cppjieba::Jieba` (cut, tag, insertWord, extract) and once more for the `TextRankExtractor`
 *    behind `textRankExtract`, from the same files. cppjieba has a TextRankExtractor constructor
 *    that shares the Jieba instance's trie and HMM model; using it halves the load (2.6–3.0 s →
 *    1.4–1.7 s on the development machine) and saves ~115 MB per process or batch worker.
 *    (Side effect: words added with insertWord now reach textRankExtract too; policytext never
 *    calls it.)
 * 2. **`cutUtf16Lengths(text)`**: the words of `cut(text, true)` as their lengths in UTF-16 code
 *    units (a Uint32Array) instead of an array of new strings. The words are slices of the input
 *    (cut covers it exactly), and creating one JS string per word through N-API is about a quarter
 *    of `cut`'s time; policytext then slices only what it needs (src/segment/jieba.ts).
 *
 * Pure functions here (tested in test/install.test.ts); scripts/ensure-jieba.mjs does the file work.
 */

/** Put into the patched source, so a patched file is recognised (and the patch never applied twice). */
export const PATCH_MARKER = 'policytext patch v2';

/** The original TextRankExtractor statement, as nodejieba 3.x writes it (whitespace-tolerant). */
const TEXTRANK_FROM_PATHS =
  /_text_rank_extractor_handle\s*=\s*new\s+cppjieba\s*::\s*TextRankExtractor\s*\(\s*dictPath\s*,\s*modelPath\s*,\s*stopWordsPath\s*,\s*userDictPath\s*\)\s*;/;
const TEXTRANK_SHARED = `// ${PATCH_MARKER}: the TextRank extractor shares the Jieba dictionary trie
  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);`;

/** The last method registration in the constructor (the new method is registered after it). */
const LAST_REGISTRATION = /InstanceMethod\("insertWord",\s*&NodeJieba::insertWord\)/;
const REGISTRATIONS = `InstanceMethod("insertWord", &NodeJieba::insertWord),
    InstanceMethod("cutUtf16Lengths", &NodeJieba::cutUtf16Lengths)`;

const METHOD = `
// ${PATCH_MARKER}: cut(text, true) as word lengths in UTF-16 code units (the words are
// consecutive slices of the input), without creating a JS string per word.
Napi::Value NodeJieba::cutUtf16Lengths(const Napi::CallbackInfo& info) {
  if (info.Length() == 0 || !info[0].IsString()) {
    Napi::TypeError::New(info.Env(), "cutUtf16Lengths needs a string").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  if (!_jieba_handle) {
    Napi::Error::New(info.Env(), "Before calling any other function you have to call load() first").ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  std::string sentence = info[0].As<Napi::String>();
  std::vector<std::string> words;
  _jieba_handle->Cut(sentence, words, true);
  Napi::Uint32Array lengths = Napi::Uint32Array::New(info.Env(), words.size());
  for (size_t i = 0; i < words.size(); i++) {
    uint32_t units = 0;
    for (unsigned char c : words[i]) {
      if ((c & 0xC0) == 0x80) continue;  // a continuation byte
      units += c >= 0xF0 ? 2 : 1;         // four-byte sequences are surrogate pairs in UTF-16
    }
    lengths[i] = units;
  }
  return lengths;
}
`;

/** The declaration the new method goes after, in lib/nodejieba.h. */
const LAST_DECLARATION = /Napi::Value\s+insertWord\s*\(\s*const\s+Napi::CallbackInfo\s*&\s*info\s*\)\s*;/;
const DECLARATIONS = `Napi::Value insertWord(const Napi::CallbackInfo& info);
  Napi::Value cutUtf16Lengths(const Napi::CallbackInfo& info);  // ${PATCH_MARKER}`;

/**
 * Patches nodejieba's lib/nodejieba.cpp and lib/nodejieba.h texts, both or neither. A file that
 * already has the patch (ensure-jieba replaces each file whole, so a file is either patched or not)
 * is left as it is, so a run interrupted between the two files is completed by the next.
 * @param {{ cpp: string, h: string }} files
 * @returns {{ status: 'patched' | 'already-patched' | 'unrecognised', cpp: string, h: string }}
 *   `unrecognised`: some statement the patch needs is not there (another nodejieba version); the
 *   sources are returned unchanged and nodejieba works as published (policytext falls back to
 *   `cut`, and the dictionary loads slower).
 */
export function patchNodejiebaSource({ cpp, h }) {
  const cppDone = cpp.includes(PATCH_MARKER);
  const hDone = h.includes(PATCH_MARKER);
  if (cppDone && hDone) return { status: 'already-patched', cpp, h };
  const cppKnown = cppDone || (TEXTRANK_FROM_PATHS.test(cpp) && LAST_REGISTRATION.test(cpp));
  const hKnown = hDone || LAST_DECLARATION.test(h);
  if (!cppKnown || !hKnown) return { status: 'unrecognised', cpp, h };
  return {
    status: 'patched',
    cpp: cppDone ? cpp : cpp.replace(TEXTRANK_FROM_PATHS, TEXTRANK_SHARED).replace(LAST_REGISTRATION, REGISTRATIONS) + METHOD,
    h: hDone ? h : h.replace(LAST_DECLARATION, DECLARATIONS),
  };
}
