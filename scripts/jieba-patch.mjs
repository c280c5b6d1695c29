/**
 * The one change policytext makes to nodejieba's C++ source before it is compiled (see
 * docs/install.md, "The dictionary-trie patch").
 *
 * nodejieba's `load` builds cppjieba's dictionary trie twice: once for `cppjieba::Jieba` (cut, tag,
 * insertWord, extract) and once more for the `TextRankExtractor` behind `textRankExtract`, from the
 * same dictionary files. cppjieba has a TextRankExtractor constructor that shares the Jieba
 * instance's trie and HMM model; using it halves the load (2.6–3.0 s → 1.4–1.7 s on the development
 * machine) and saves ~115 MB per process or batch worker. Segmentation is untouched: cut/tag never
 * read the second trie. (One side effect: words added with insertWord now reach textRankExtract
 * too, which policytext never calls.)
 *
 * Pure functions here (tested in test/install.test.ts); scripts/ensure-jieba.mjs does the file work.
 */

/** Put into the patched source, so a patched file is recognised (and the patch never applied twice). */
export const PATCH_MARKER = 'policytext: TextRankExtractor shares the Jieba dictionary trie';

/**
 * The original statement, as nodejieba 3.x writes it (whitespace-tolerant): a TextRankExtractor
 * built from the dictionary paths.
 */
const ORIGINAL =
  /_text_rank_extractor_handle\s*=\s*new\s+cppjieba\s*::\s*TextRankExtractor\s*\(\s*dictPath\s*,\s*modelPath\s*,\s*stopWordsPath\s*,\s*userDictPath\s*\)\s*;/;

const REPLACEMENT = `// ${PATCH_MARKER}
  _text_rank_extractor_handle = new cppjieba::TextRankExtractor(*_jieba_handle, stopWordsPath);`;

/**
 * Patches nodejieba's lib/nodejieba.cpp text.
 * @param {string} source
 * @returns {{ status: 'patched' | 'already-patched' | 'unrecognised', source: string }}
 *   `unrecognised`: the statement is not there (another nodejieba version); the source is returned
 *   unchanged and nodejieba works as published, only slower to load.
 */
export function patchNodejiebaSource(source) {
  if (source.includes(PATCH_MARKER)) return { status: 'already-patched', source };
  if (!ORIGINAL.test(source)) return { status: 'unrecognised', source };
  return { status: 'patched', source: source.replace(ORIGINAL, REPLACEMENT) };
}
