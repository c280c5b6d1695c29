/**
 * The changes policytext makes to nodejieba's C++ source before it is compiled (see
 * docs/install.md, "The nodejieba patch"). None changes what any nodejieba function returns:
 *
 * 1. **One dictionary per process.** nodejieba's `load` builds cppjieba's dictionary for
 *    `cppjieba::Jieba` (cut, tag, insertWord, extract) and once more for the `TextRankExtractor`
 *    behind `textRankExtract`, and every worker thread (each its own addon instance) does it again.
 *    `load` now takes the process's `policytext::SharedDictionary` for the same files (by
 *    contents), loading it only when no thread has yet: the TextRank extractor shares the Jieba
 *    instance's trie and HMM model (one load: 2.6–3.0 s → 1.4–1.7 s, ~115 MB less), and a batch
 *    worker after the first builds nothing (~1.5 s of CPU and ~130 MB each; it reads and hashes the
 *    files, ~70 ms, to find the shared one). All of it is only read
 *    after loading (cppjieba's cut, tag and extract are const); `insertWord` first makes the
 *    dictionary its caller's own (a copy, when another thread uses it), so other threads never see
 *    its words. (Side effect: words added with insertWord reach textRankExtract too; policytext
 *    never calls it.)
 * 2. **`cutUtf16Lengths(text)`**: the words of `cut(text, true)` as their lengths in UTF-16 code
 *    units (a Uint32Array) instead of an array of new strings; `cutRangesUtf16Words(text, ranges)`
 *    the same for several stretches of a text in one call, with a word id per word, and
 *    `dictionaryWordTag(generation, id)` that word's dictionary tag. The words are slices of the input
 *    (cut covers it exactly), so policytext slices only what it needs (src/segment/jieba.ts). It is
 *    computed by `policytext::FastCut` (scripts/jieba-fast-cut.hpp, copied next to nodejieba.cpp as
 *    FAST_CUT_FILE): cppjieba's own algorithm, dictionary weights and HMM, on a flat copy of the
 *    dictionary trie, several times as fast as cut's native part. The copy is built on the first
 *    call, shared with the dictionary, and made again after `insertWord`.
 *
 * Pure functions here (tested in test/install.test.ts); scripts/ensure-jieba.mjs does the file work.
 */

/** Put into the patched source, so a patched file is recognised (and the patch never applied twice). */
export const PATCH_MARKER = 'policytext patch v4';

/** Any policytext patch, this version or an earlier one (whose statements the regexps below no longer find). */
export const ANY_PATCH_MARKER = /policytext patch v\d+/;

/** FastCut's header as nodejieba.cpp includes it (in nodejieba's lib/, beside nodejieba.cpp). */
export const FAST_CUT_FILE = 'policytext-fast-cut.hpp';

/** nodejieba.cpp's last include: FastCut's header (SharedDictionary, FastCut) goes after it. */
const LAST_INCLUDE = /#include\s+"cppjieba\/TextRankExtractor\.hpp"/;
const INCLUDED = `#include "cppjieba/TextRankExtractor.hpp"
// ${PATCH_MARKER}: the process's shared dictionaries and FastCut; see ${FAST_CUT_FILE}
#include "${FAST_CUT_FILE}"`;

/**
 * load's statements, as nodejieba 3.x writes them (whitespace-tolerant): delete the old Jieba and
 * TextRank extractor, build new ones from the paths (the extractor loading the dictionary again).
 */
const LOAD_STATEMENTS =
  /delete\s+_jieba_handle\s*;\s*_jieba_handle\s*=\s*new\s+cppjieba\s*::\s*Jieba\s*\(\s*dictPath\s*,\s*modelPath\s*,\s*userDictPath\s*,\s*idfPath\s*,\s*stopWordsPath\s*\)\s*;\s*delete\s+_text_rank_extractor_handle\s*;\s*_text_rank_extractor_handle\s*=\s*new\s+cppjieba\s*::\s*TextRankExtractor\s*\(\s*dictPath\s*,\s*modelPath\s*,\s*stopWordsPath\s*,\s*userDictPath\s*\)\s*;/;
const LOAD_SHARED = `// ${PATCH_MARKER}: the process's dictionary for these files, loaded only if no thread has
  // loaded it yet; the TextRank extractor in it shares the Jieba instance's trie. The old one is
  // let go first, so that it is freed if nobody else uses it.
  _dictionary.reset();
  _jieba_handle = nullptr;
  _text_rank_extractor_handle = nullptr;
  _dictionary = policytext::SharedDictionary::Acquire(dictPath, modelPath, userDictPath, idfPath, stopWordsPath);
  _jieba_handle = _dictionary->jieba;
  _text_rank_extractor_handle = _dictionary->textRank;`;

/** insertWord's call into cppjieba: the dictionary must be this instance's own before it changes. */
const INSERT_WORD = /if\s*\(\s*!\s*_jieba_handle->InsertUserWord\(\s*word\s*,\s*tag\s*\)\s*\)/;
const INSERT_WORD_PATCHED = `// ${PATCH_MARKER}: never change a dictionary other threads share; FastCut copies it again when next used
  try {
    policytext::SharedDictionary::MakePrivate(_dictionary, _jieba_handle, _text_rank_extractor_handle);
  } catch (const std::exception& e) {
    Napi::Error::New(info.Env(), e.what()).ThrowAsJavaScriptException();
    return info.Env().Undefined();
  }
  if(!_jieba_handle->InsertUserWord(word, tag))`;

/** The last method registration in the constructor (the new methods are registered after it). */
const LAST_REGISTRATION = /InstanceMethod\("insertWord",\s*&NodeJieba::insertWord\)/;
const REGISTRATIONS = `InstanceMethod("insertWord", &NodeJieba::insertWord),
    InstanceMethod("cutUtf16Lengths", &NodeJieba::cutUtf16Lengths),
    InstanceMethod("cutRangesUtf16Words", &NodeJieba::cutRangesUtf16Words),
    InstanceMethod("dictionaryWordTag", &NodeJieba::dictionaryWordTag)`;

const METHOD = `
// ${PATCH_MARKER}: cut(text, true) as word lengths in UTF-16 code units (the words are
// consecutive slices of the input), without creating a JS string per word; see ${FAST_CUT_FILE}.
Napi::Value NodeJieba::cutUtf16Lengths(const Napi::CallbackInfo& info) {
  return policytext::CutUtf16Lengths(info, _dictionary.get(), false);
}

Napi::Value NodeJieba::cutRangesUtf16Words(const Napi::CallbackInfo& info) {
  return policytext::CutUtf16Lengths(info, _dictionary.get(), true);
}

Napi::Value NodeJieba::dictionaryWordTag(const Napi::CallbackInfo& info) {
  return policytext::DictionaryWordTag(info, _dictionary.get());
}
`;

/** The declaration the new method goes after, in lib/nodejieba.h. */
const LAST_DECLARATION = /Napi::Value\s+insertWord\s*\(\s*const\s+Napi::CallbackInfo\s*&\s*info\s*\)\s*;/;
const DECLARATIONS = `Napi::Value insertWord(const Napi::CallbackInfo& info);
  Napi::Value cutUtf16Lengths(const Napi::CallbackInfo& info);  // ${PATCH_MARKER}
  Napi::Value cutRangesUtf16Words(const Napi::CallbackInfo& info);  // ${PATCH_MARKER}
  Napi::Value dictionaryWordTag(const Napi::CallbackInfo& info);  // ${PATCH_MARKER}`;

/** The handles nodejieba keeps; the shared dictionary they point into goes after them. */
const LAST_HANDLE = /cppjieba::TextRankExtractor\*\s*_text_rank_extractor_handle\s*\{\s*nullptr\s*\}\s*;/;
const HANDLES = `cppjieba::TextRankExtractor* _text_rank_extractor_handle{nullptr};
  // ${PATCH_MARKER}: the (process-wide) dictionary both handles point into
  std::shared_ptr<policytext::SharedDictionary> _dictionary;`;

/** The forward declarations at the top of nodejieba.h; the shared dictionary's goes beside them. */
const FORWARD_DECLARATIONS = /namespace\s+cppjieba\s*\{\s*class\s+Jieba\s*;\s*class\s+TextRankExtractor\s*;\s*\}/;
const FORWARD_DECLARED = `namespace cppjieba{ class Jieba; class TextRankExtractor; }
// ${PATCH_MARKER}: SharedDictionary (${FAST_CUT_FILE}), complete only in nodejieba.cpp (a
// shared_ptr needs no complete type to be released)
#include <memory>
namespace policytext { struct SharedDictionary; }`;

/**
 * Patches nodejieba's lib/nodejieba.cpp and lib/nodejieba.h as published.
 * @param {{ cpp: string, h: string }} files the published texts
 * @returns {{ status: 'patched' | 'unrecognised', cpp: string, h: string }}
 *   `unrecognised`: some statement the patch needs is not there (another nodejieba version, or a
 *   text already patched); the texts are returned unchanged, and nodejieba works as published
 *   (policytext falls back to `cut`, and the dictionary loads slower).
 */
export function patchNodejiebaSource({ cpp, h }) {
  const cppKnown = !ANY_PATCH_MARKER.test(cpp) && [LAST_INCLUDE, LOAD_STATEMENTS, INSERT_WORD, LAST_REGISTRATION].every((re) => re.test(cpp));
  const hKnown = !ANY_PATCH_MARKER.test(h) && [FORWARD_DECLARATIONS, LAST_DECLARATION, LAST_HANDLE].every((re) => re.test(h));
  if (!cppKnown || !hKnown) return { status: 'unrecognised', cpp, h };
  return {
    status: 'patched',
    cpp: cpp.replace(LAST_INCLUDE, INCLUDED).replace(LOAD_STATEMENTS, LOAD_SHARED).replace(INSERT_WORD, INSERT_WORD_PATCHED).replace(LAST_REGISTRATION, REGISTRATIONS) + METHOD,
    h: h.replace(FORWARD_DECLARATIONS, FORWARD_DECLARED).replace(LAST_DECLARATION, DECLARATIONS).replace(LAST_HANDLE, HANDLES),
  };
}

/**
 * What scripts/ensure-jieba.mjs does with nodejieba's two source files. The patch is always made
 * from the published texts, kept beside them (`saved`) the first time they are patched, so a newer
 * patch replaces an older one, and a run interrupted between the two files is completed by the next.
 * @param {{ current: { cpp: string, h: string }, saved: { cpp: string, h: string } | null }} sources
 *   the files as they are, and the published copies kept earlier (null: none yet)
 * @returns {{ status: 'patched' | 'already-patched' | 'unrecognised' | 'outdated', cpp?: string, h?: string, save?: { cpp: string, h: string } }}
 *   `patched`: write `cpp` and `h` (and first keep `save`, the published texts, when given);
 *   `already-patched`: the files are as this patch makes them; `unrecognised`: leave them alone;
 *   `outdated`: patched by an earlier policytext that kept no published copy (reinstall nodejieba:
 *   `npm ci`); left alone.
 */
export function patchPlan({ current, saved }) {
  const marked = ANY_PATCH_MARKER.test(current.cpp) || ANY_PATCH_MARKER.test(current.h);
  const published = saved ?? (marked ? null : current);
  if (!published) return { status: 'outdated' };
  const patched = patchNodejiebaSource(published);
  if (patched.status === 'unrecognised') return { status: 'unrecognised' };
  if (patched.cpp === current.cpp && patched.h === current.h) return { status: 'already-patched' };
  return { status: 'patched', cpp: patched.cpp, h: patched.h, ...(saved ? {} : { save: published }) };
}
