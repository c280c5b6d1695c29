// policytext: cppjieba's MixSegment::Cut(text, hmm = true), the segmentation behind nodejieba's
// `cut(text, true)`, computed again on data laid out for speed, for the patched binding's
// `cutUtf16Lengths`, `cutRangesUtf16Words` and `dictionaryWordTag` (at the end of this file); and
// SharedDictionary, the one loaded dictionary per process that the patched `load` hands every
// thread loading the same files.
//
// Copied next to nodejieba's lib/nodejieba.cpp and included by it when policytext patches
// nodejieba at install (scripts/jieba-patch.mjs, docs/install.md). Nothing of cppjieba changes:
// `cut`, `tag` and the rest keep their code and their speed.
//
// Why: three quarters of cppjieba's cut is spent finding dictionary words, in a trie whose every
// node keeps its children in a std::unordered_map (one hash, a modulo and two or three cache
// misses per character), building a std::vector<Dag> of ~300-byte entries per sentence, and making
// a std::string per word. FastCut copies the same trie once into flat arrays (children of a node
// contiguous and sorted; the first character looked up in a table indexed by code point), finds
// each position's dictionary words and the best path in one backward pass over reused arrays, and
// reads the text as UTF-16, the way JS holds it.
//
// What must not change is the result: the same words as cut(text, true), always. So the code
// follows cppjieba step for step (named in the comments: PreFilter, Trie::Find, MPSegment::CalcDP
// and CutByDag, MixSegment::Cut), uses cppjieba's own DictUnit weights, min weight and
// user-dictionary single characters and HMM model, and runs HMMSegment's steps for the runs of
// single characters (with the emission probabilities in flat rows). test/segment.test.ts compares
// it with cut on the corpus and on odd input.
#ifndef POLICYTEXT_FAST_CUT_HPP
#define POLICYTEXT_FAST_CUT_HPP

#include <algorithm>
#include <atomic>
#include <bitset>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <napi.h>

#include "cppjieba/Jieba.hpp"
#include "cppjieba/TextRankExtractor.hpp"

namespace policytext {

// cppjieba keeps the dictionary trie in private members (DictTrie::trie_, Trie::root_). The
// standard lets an explicit template instantiation name private members, which is the one
// portable way to read them without editing cppjieba's headers: Expose<Tag, &Class::member>
// defines member(Tag) returning the member pointer.
template <typename Tag, typename Tag::type Member>
struct Expose {
  friend typename Tag::type member(Tag) { return Member; }
};
struct DictTrieTrie {
  typedef cppjieba::Trie* cppjieba::DictTrie::*type;
  friend type member(DictTrieTrie);
};
template struct Expose<DictTrieTrie, &cppjieba::DictTrie::trie_>;
struct TrieRoot {
  typedef cppjieba::TrieNode* cppjieba::Trie::*type;
  friend type member(TrieRoot);
};
template struct Expose<TrieRoot, &cppjieba::Trie::root_>;

// What one segmentation call works in, reused from call to call: the text as UTF-16, the words
// found, and FastCut's arrays. One per thread (ThreadScratch): a FastCut is shared by the threads
// of a process (SharedDictionary) and only read.
struct FastCutScratch {
  std::vector<char16_t> text;
  std::vector<uint32_t> words;
  std::vector<cppjieba::RuneStr> runes;
  std::vector<double> weight;
  std::vector<uint32_t> best, bestNode;
  std::vector<cppjieba::WordRange> hmmWords;
  std::vector<double> hmmWeight;
  std::vector<uint8_t> hmmPath;
};

inline FastCutScratch& ThreadScratch() {
  static thread_local FastCutScratch scratch;
  return scratch;
}

class FastCut {
 public:
  explicit FastCut(const cppjieba::Jieba& jieba)
      : dict_(*jieba.GetDictTrie()), hmm_(*jieba.GetHMMModel()), minWeight_(dict_.GetMinWeight()), rootBmp_(0x10000, 0), emitRowBmp_(0x10000, 0) {
    cppjieba::RuneStrArray separators;
    cppjieba::DecodeUTF8RunesInString(std::string(cppjieba::SPECIAL_SEPARATORS), separators);
    for (const cppjieba::RuneStr& r : separators) {
      if (r.rune < 0x10000) separatorBmp_.set(r.rune);
      else separatorOther_.insert(r.rune);
    }
    const cppjieba::Trie* trie = dict_.*member(DictTrieTrie());
    Flatten(trie->*member(TrieRoot()));
    // the user dictionary's single characters, asked once per BMP character instead of once per
    // single-character word (an unordered_set lookup each)
    for (uint32_t r = 0; r < 0x10000; r++) {
      if (dict_.IsUserDictSingleChineseWord(r)) userSingleBmp_.set(r);
    }
    FlattenEmissions();
    static std::atomic<uint32_t> instances(0);
    generation_ = ++instances;
  }

  // Appends to `out` the words cut(text, true) gives for `text` (`units` UTF-16 code units): the
  // UTF-16 length of each, followed, `withIds`, by its word id (WordId). Reads nothing but `text`
  // and this (immutable) copy of the dictionary, and works in `s`: threads may call it at once,
  // each with its own scratch.
  void Cut(const char16_t* text, size_t units, std::vector<uint32_t>& out, bool withIds, FastCutScratch& s) const {
    Decode(text, units, s.runes);
    // PreFilter: a separator is a range of its own; the text between separators is one range
    const size_t n = s.runes.size();
    size_t begin = 0;
    while (begin < n) {
      size_t end = begin;
      while (end < n && !IsSeparator(s.runes[end].rune)) end++;
      if (end == begin) end++;
      CutRange(begin, end, out, withIds, s);
      begin = end;
    }
  }

  // Which copy of the dictionary this is: a new FastCut (after load or insertWord) has another
  // generation, and its word ids mean other words.
  uint32_t Generation() const { return generation_; }

  // Word ids are 1 … NodeCount() − 1.
  uint32_t NodeCount() const { return static_cast<uint32_t>(edges_.size()); }

  // The dictionary tag of the word with this id (WordId), the DictUnit's that cppjieba's
  // PosTagger::LookupTag finds for the word (empty when it has none: LookupTag then applies its
  // SpecialRule); null for an id that names no word.
  const std::string* WordTag(uint32_t id) const {
    return id != 0 && id < nodeUnit_.size() && nodeUnit_[id] != NULL && !withReplacement_[id] ? &nodeUnit_[id]->tag : NULL;
  }

 private:
  // ---- the trie, flattened: nodes numbered breadth first from the root (0), the edges of a node
  // contiguous and sorted by character. Breadth-first numbering makes every node but the root
  // exactly one edge, created with it, so edge e leads to node e + 1 and no child id is stored.
  // Per node, its start: its first edge (its edges end where the next node's begin) and, in the
  // top bit, whether a dictionary word ends there; nodeWeight_ holds that word's DictUnit weight.
  // The start of node e + 1 sits in edge e, beside the character that leads there (Edge), so the
  // edge a step down the trie finds also says whether the node is a word and where its own edges
  // are: one cache line instead of two (a step is a cache miss or two in ~4 MB of edges for
  // jieba's 350,000 words; cppjieba reads an unordered_map per node). After the last edge, one
  // more holds the end of the last node's edges.
  static const uint32_t IS_WORD = 0x80000000u;
  struct Edge {
    cppjieba::Rune rune;
    uint32_t start;  // the start of node e + 1
  };

  void Flatten(const cppjieba::TrieNode* root) {
    std::vector<const cppjieba::TrieNode*> nodes(1, root);  // breadth first: a node's id is its index
    std::vector<std::pair<cppjieba::Rune, const cppjieba::TrieNode*> > children;
    std::vector<uint32_t> starts;
    std::vector<cppjieba::Rune> runes;
    withReplacement_.assign(1, false);
    for (size_t k = 0; k < nodes.size(); k++) {
      const cppjieba::TrieNode* node = nodes[k];
      const bool isWord = node->ptValue != NULL;
      starts.push_back(static_cast<uint32_t>(runes.size()) | (isWord ? IS_WORD : 0));
      nodeWeight_.push_back(isWord ? node->ptValue->weight : 0.0);
      nodeUnit_.push_back(isWord ? node->ptValue : NULL);
      if (node->next == NULL) continue;
      children.assign(node->next->begin(), node->next->end());
      std::sort(children.begin(), children.end());
      for (const auto& child : children) {
        runes.push_back(child.first);
        nodes.push_back(child.second);  // node runes.size() (= e + 1)
        withReplacement_.push_back(withReplacement_[k] || child.first == 0xFFFD);
      }
    }
    starts.push_back(static_cast<uint32_t>(runes.size()));  // where the last node's edges end
    rootStart_ = starts[0];
    edges_.resize(runes.size() + 1);
    for (size_t e = 0; e < edges_.size(); e++) edges_[e] = Edge{e < runes.size() ? runes[e] : 0, starts[e + 1]};
    for (uint32_t e = EdgesFrom(0); e < EdgesFrom(1); e++) {
      if (runes[e] < 0x10000) rootBmp_[runes[e]] = e + 1;
      else rootOther_[runes[e]] = e + 1;
    }
  }

  uint32_t Start(uint32_t node) const { return node == 0 ? rootStart_ : edges_[node - 1].start; }
  uint32_t EdgesFrom(uint32_t node) const { return Start(node) & ~IS_WORD; }

  // A word's id: its trie node when it is a dictionary word, else 0. The node stands for one
  // sequence of characters, hence one JS string, except through U+FFFD, which is also what a lone
  // surrogate decodes to (Decode): words with it get no id.
  uint32_t WordId(uint32_t node) const { return node != 0 && IsWord(node) && !withReplacement_[node] ? node : 0; }

  // The id of the word runes [left, right] (WordId of the node they lead to).
  uint32_t LookUp(const cppjieba::RuneStr* left, const cppjieba::RuneStr* right) const {
    uint32_t node = RootChild(left->rune);
    for (const cppjieba::RuneStr* r = left + 1; node != 0 && r <= right; r++) node = Child(node, r->rune);
    return WordId(node);
  }
  bool IsWord(uint32_t node) const { return (Start(node) & IS_WORD) != 0; }

  // the child of `node` for character `r`, or 0 (the root is nobody's child)
  uint32_t Child(uint32_t node, cppjieba::Rune r) const {
    const Edge* first = edges_.data() + EdgesFrom(node);
    const Edge* end = edges_.data() + EdgesFrom(node + 1);
    const Edge* e = first;
    if (end - first > 8) {
      e = std::lower_bound(first, end, r, [](const Edge& edge, cppjieba::Rune rune) { return edge.rune < rune; });
      if (e == end || e->rune != r) return 0;
    } else {
      while (e < end && e->rune != r) e++;
      if (e == end) return 0;
    }
    return static_cast<uint32_t>(e - edges_.data()) + 1;
  }

  bool IsUserSingle(cppjieba::Rune r) const {
    return r < 0x10000 ? userSingleBmp_.test(r) : dict_.IsUserDictSingleChineseWord(r);
  }

  bool IsSeparator(cppjieba::Rune r) const {
    return r < 0x10000 ? separatorBmp_.test(r) : separatorOther_.count(r) > 0;
  }

  uint32_t RootChild(cppjieba::Rune r) const {
    if (r < 0x10000) return rootBmp_[r];
    auto found = rootOther_.find(r);
    return found == rootOther_.end() ? 0 : found->second;
  }

  // ---- the text: code points with their UTF-16 offset and length, as cppjieba's RuneStr (whose
  // offset/len are UTF-8 bytes in cppjieba; only the rune matters to the HMM). A lone surrogate is
  // U+FFFD, as in the UTF-8 that N-API hands cppjieba's cut.
  static void Decode(const char16_t* text, size_t units, std::vector<cppjieba::RuneStr>& runes) {
    runes.clear();
    for (size_t i = 0; i < units;) {
      uint32_t c = text[i];
      uint32_t len = 1;
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
        len = 2;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        c = 0xFFFD;
      }
      runes.push_back(cppjieba::RuneStr(c, static_cast<uint32_t>(i), len, static_cast<uint32_t>(runes.size()), 1));
      i += len;
    }
  }

  // MixSegment::Cut(begin, end, res, hmm = true) on s.runes[begin, end)
  void CutRange(size_t begin, size_t end, std::vector<uint32_t>& out, bool withIds, FastCutScratch& s) const {
    const size_t n = end - begin;
    const cppjieba::RuneStr* runes = s.runes.data() + begin;
    BestPaths(runes, n, s);
    const std::vector<uint32_t>& best = s.best;
    size_t i = 0;
    while (i < n) {
      const size_t size = best[i];  // MPSegment::CutByDag: the best word from i, in characters
      if (size > 1 || IsUserSingle(runes[i].rune)) {
        out.push_back(Units(runes + i, runes + i + size - 1));
        if (withIds) out.push_back(WordId(s.bestNode[i]));
        i += size;
        continue;
      }
      // a run of single characters that are not user-dictionary words goes to the HMM
      size_t j = i;
      while (j < n && best[j] == 1 && !IsUserSingle(runes[j].rune)) j++;
      s.hmmWords.clear();
      HmmCut(runes + i, runes + j, s);
      for (const cppjieba::WordRange& w : s.hmmWords) {
        out.push_back(Units(w.left, w.right));
        if (withIds) out.push_back(LookUp(w.left, w.right));
      }
      i = j;
    }
  }

  // Trie::Find (the word graph) and MPSegment::CalcDP (the best path from each position) on n
  // runes, in one pass from the end: CalcDP also goes from the end, and the words from i only need
  // the best weights from i + 1 on. best[i] is the length in characters of the best word starting
  // at i, bestNode[i] the trie node it leads to.
  void BestPaths(const cppjieba::RuneStr* runes, size_t n, FastCutScratch& s) const {
    s.weight.resize(n);
    s.best.resize(n);
    s.bestNode.resize(n);
    double* weights = s.weight.data();
    uint32_t* bestLength = s.best.data();
    uint32_t* bestNodes = s.bestNode.data();
    for (size_t i = n; i-- > 0;) {
      // CalcDP's candidates in Trie::Find's order: the character alone (a dictionary word or not:
      // then the minimum weight), then each longer dictionary word from i. The same additions in
      // the same order, and a strictly greater value to switch, so ties fall the same way.
      uint32_t node = RootChild(runes[i].rune);
      double val = 0.0;
      if (i + 1 < n) val += weights[i + 1];
      val += node != 0 && IsWord(node) ? nodeWeight_[node] : minWeight_;
      size_t best = 1;
      uint32_t bestNode = node;
      double bestWeight = cppjieba::MIN_DOUBLE;
      if (val > bestWeight) bestWeight = val;
      for (size_t j = i + 1; node != 0 && j < n && j - i + 1 <= cppjieba::MAX_WORD_LENGTH; j++) {
        node = Child(node, runes[j].rune);
        if (node == 0 || !IsWord(node)) continue;
        val = 0.0;
        if (j + 1 < n) val += weights[j + 1];
        val += nodeWeight_[node];
        if (val > bestWeight) {
          best = j - i + 1;
          bestNode = node;
          bestWeight = val;
        }
      }
      bestLength[i] = static_cast<uint32_t>(best);
      bestNodes[i] = bestNode;
      weights[i] = bestWeight;
    }
  }

  // ---- HMMSegment::Cut, step for step, with the emission probabilities read from flat rows
  // (FlattenEmissions) instead of four std::unordered_map lookups per character and state: the
  // HMM was ~15 % of segmentation, nearly all of it in those lookups. Same arithmetic in the same
  // order (the weights are sums of doubles, compared with >), so the same words.

  // HMMSegment::Cut(begin, end, res): ASCII characters never go to the Viterbi; a run of letters
  // (then letters or digits), a run of digits (then digits or '.') or a single other ASCII
  // character is a word of its own.
  void HmmCut(const cppjieba::RuneStr* begin, const cppjieba::RuneStr* end, FastCutScratch& s) const {
    const cppjieba::RuneStr* left = begin;
    const cppjieba::RuneStr* right = begin;
    while (right != end) {
      if (right->rune < 0x80) {
        if (left != right) Viterbi(left, right, s);
        left = right;
        right = SequentialLetterRule(left, end);
        if (right == left) right = NumbersRule(left, end);
        if (right == left) right++;
        s.hmmWords.push_back(cppjieba::WordRange(left, right - 1));
        left = right;
      } else {
        right++;
      }
    }
    if (left != right) Viterbi(left, right, s);
  }

  static bool IsLetter(cppjieba::Rune x) { return ('a' <= x && x <= 'z') || ('A' <= x && x <= 'Z'); }
  static bool IsDigit(cppjieba::Rune x) { return '0' <= x && x <= '9'; }

  static const cppjieba::RuneStr* SequentialLetterRule(const cppjieba::RuneStr* begin, const cppjieba::RuneStr* end) {
    if (!IsLetter(begin->rune)) return begin;
    begin++;
    while (begin != end && (IsLetter(begin->rune) || IsDigit(begin->rune))) begin++;
    return begin;
  }

  static const cppjieba::RuneStr* NumbersRule(const cppjieba::RuneStr* begin, const cppjieba::RuneStr* end) {
    if (!IsDigit(begin->rune)) return begin;
    begin++;
    while (begin != end && (IsDigit(begin->rune) || begin->rune == '.')) begin++;
    return begin;
  }

  // HMMSegment::InternalCut and Viterbi on [begin, end): the words end where the best state path
  // is E or S. Weights per position and state in s.hmmWeight[x * 4 + y] (cppjieba: [x + y * X]; the
  // layout changes no sum).
  void Viterbi(const cppjieba::RuneStr* begin, const cppjieba::RuneStr* end, FastCutScratch& s) const {
    const size_t Y = cppjieba::HMMModel::STATUS_SUM;
    const size_t X = static_cast<size_t>(end - begin);
    s.hmmWeight.resize(X * Y);
    s.hmmPath.resize(X * Y);
    double* weight = s.hmmWeight.data();
    uint8_t* path = s.hmmPath.data();
    const double* emit = Emissions(begin->rune);
    for (size_t y = 0; y < Y; y++) weight[y] = hmm_.startProb[y] + emit[y];
    for (size_t x = 1; x < X; x++) {
      emit = Emissions(begin[x].rune);
      const double* previous = weight + (x - 1) * Y;
      for (size_t y = 0; y < Y; y++) {
        double best = cppjieba::MIN_DOUBLE;
        uint8_t from = cppjieba::HMMModel::E;
        for (size_t preY = 0; preY < Y; preY++) {
          const double tmp = previous[preY] + hmm_.transProb[preY][y] + emit[y];
          if (tmp > best) {
            best = tmp;
            from = static_cast<uint8_t>(preY);
          }
        }
        weight[x * Y + y] = best;
        path[x * Y + y] = from;
      }
    }
    size_t stat = weight[(X - 1) * Y + cppjieba::HMMModel::E] >= weight[(X - 1) * Y + cppjieba::HMMModel::S] ? cppjieba::HMMModel::E : cppjieba::HMMModel::S;
    // the states from the end back; a word ends at each E or S (status % 2)
    s.hmmPath.resize(X * Y + X);
    uint8_t* status = s.hmmPath.data() + X * Y;
    path = s.hmmPath.data();
    for (size_t x = X; x-- > 0;) {
      status[x] = static_cast<uint8_t>(stat);
      if (x > 0) stat = path[x * Y + stat];
    }
    const cppjieba::RuneStr* left = begin;
    for (size_t i = 0; i < X; i++) {
      if (status[i] % 2) {
        s.hmmWords.push_back(cppjieba::WordRange(left, begin + i));
        left = begin + i + 1;
      }
    }
  }

  // The emission probabilities of rune r in states B, E, M, S (HMMModel::GetEmitProb with
  // MIN_DOUBLE for a character a state never emitted).
  const double* Emissions(cppjieba::Rune r) const {
    if (r < 0x10000) return emitRows_.data() + 4 * emitRowBmp_[r];
    auto found = emitRowOther_.find(r);
    return emitRows_.data() + 4 * (found == emitRowOther_.end() ? 0 : found->second);
  }

  // Row 0: the character no state emits; then one row per character some state emits.
  void FlattenEmissions() {
    emitRows_.assign(4, cppjieba::MIN_DOUBLE);
    std::unordered_map<cppjieba::Rune, uint32_t> rows;
    for (size_t y = 0; y < cppjieba::HMMModel::STATUS_SUM; y++) {
      for (const auto& entry : *hmm_.emitProbVec[y]) {
        auto inserted = rows.insert(std::make_pair(entry.first, static_cast<uint32_t>(emitRows_.size() / 4)));
        if (inserted.second) emitRows_.insert(emitRows_.end(), 4, cppjieba::MIN_DOUBLE);
        emitRows_[4 * inserted.first->second + y] = entry.second;
      }
    }
    for (const auto& row : rows) {
      if (row.first < 0x10000) emitRowBmp_[row.first] = row.second;
      else emitRowOther_[row.first] = row.second;
    }
  }

  static uint32_t Units(const cppjieba::RuneStr* left, const cppjieba::RuneStr* right) {
    return right->offset + right->len - left->offset;
  }

  const cppjieba::DictTrie& dict_;
  const cppjieba::HMMModel& hmm_;
  double minWeight_;
  std::bitset<0x10000> separatorBmp_;  // cppjieba's separators (PreFilter's symbols)
  std::unordered_set<cppjieba::Rune> separatorOther_;
  std::bitset<0x10000> userSingleBmp_;  // DictTrie::IsUserDictSingleChineseWord for BMP characters

  std::vector<uint32_t> rootBmp_;  // the root's child per BMP character
  std::unordered_map<cppjieba::Rune, uint32_t> rootOther_;
  uint32_t rootStart_ = 0;  // the root's start (Start)
  std::vector<Edge> edges_;  // per edge, its character and the start of the node it leads to
  std::vector<double> nodeWeight_;
  std::vector<const cppjieba::DictUnit*> nodeUnit_;  // per node: its word's DictUnit (for WordTag), or null
  std::vector<bool> withReplacement_;  // per node: its characters include U+FFFD (see WordId)
  std::vector<uint32_t> emitRowBmp_;  // per BMP character: its row in emitRows_ (0: emitted by no state)
  std::unordered_map<cppjieba::Rune, uint32_t> emitRowOther_;
  std::vector<double> emitRows_;  // per row: the emission log-probabilities in states B, E, M, S
  uint32_t generation_;
};

// The files a dictionary is built from, as they were read when it was loaded: cppjieba's five
// load arguments, the user dictionaries split as cppjieba splits their list ("a|b;c").
struct DictionaryFiles {
  std::string dict, model, idf, stopWords;
  std::vector<std::string> user;

  static DictionaryFiles Read(const std::string& dictPath, const std::string& modelPath, const std::string& userDictPath, const std::string& idfPath, const std::string& stopWordsPath) {
    DictionaryFiles f;
    f.dict = Contents(dictPath);
    f.model = Contents(modelPath);
    if (!userDictPath.empty()) {  // DictTrie::Init reads user dictionaries only from a non-empty list
      for (const std::string& path : limonp::Split(userDictPath, "|;")) f.user.push_back(Contents(path));
    }
    f.idf = Contents(idfPath);
    f.stopWords = Contents(stopWordsPath);
    return f;
  }

  // What the registry tells dictionaries apart by: the same bytes under other names are the same
  // dictionary, a file changed since is another.
  std::string Key() const {
    std::ostringstream key;
    const std::string* parts[] = {&dict, &model, &idf, &stopWords};
    for (const std::string* part : parts) key << Fingerprint(*part) << '|';
    for (const std::string& part : user) key << 'u' << Fingerprint(part);
    return key.str();
  }

 private:
  // A file's bytes; an unreadable one reads as a marker no file has, and cppjieba's own check then
  // reports it when loading, as it always has.
  static std::string Contents(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::string("\0unreadable:", 12) + path;
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
  }
  static std::string Fingerprint(const std::string& bytes) {
    std::ostringstream f;
    f << bytes.size() << ':' << std::hash<std::string>()(bytes);
    return f.str();
  }
};

// One loaded dictionary: cppjieba's Jieba (cut, tag, insertWord, extract), the TextRank extractor
// built on it, and FastCut's copy, made on first use. nodejieba's `load` used to build one per call,
// so every batch worker thread (each its own addon instance) loaded the same 350,000 words again:
// 1.5 s and ~130 MB each. Acquire hands every thread of the process that loads the same files (the
// same contents) the same one; all of it is only read from then on (cppjieba's cut, tag and extract
// are const), except by insertWord, which first makes it its caller's own (MakePrivate).
//
// The registry keeps every dictionary in use, so a process exits without freeing a million trie
// nodes (nodejieba's handles were never freed either); one that nobody uses any more is freed when
// another is loaded, as nodejieba's `load` freed the one it replaced.
struct SharedDictionary {
  explicit SharedDictionary(const DictionaryFiles& read, const std::string& dictPath, const std::string& modelPath, const std::string& userDictPath, const std::string& idfPath, const std::string& stopWordsPath)
      : files(read) {
    jieba = new cppjieba::Jieba(dictPath, modelPath, userDictPath, idfPath, stopWordsPath);
    // the TextRank extractor shares the Jieba dictionary trie (policytext never calls it)
    try {
      textRank = new cppjieba::TextRankExtractor(*jieba, stopWordsPath);
    } catch (...) {
      delete jieba;  // a constructor that throws runs no destructor
      throw;
    }
  }
  ~SharedDictionary() {
    fast_.reset();
    delete textRank;
    delete jieba;
  }
  SharedDictionary(const SharedDictionary&) = delete;
  SharedDictionary& operator=(const SharedDictionary&) = delete;

  cppjieba::Jieba* jieba;
  cppjieba::TextRankExtractor* textRank;
  // what it was built from (a private copy is built from these bytes, not from files that may
  // have changed or gone since)
  const DictionaryFiles files;

  // FastCut's copy of the dictionary, built by the first thread that needs it.
  std::shared_ptr<const FastCut> Fast() {
    std::lock_guard<std::mutex> lock(fastMutex_);
    if (!fast_) fast_ = std::make_shared<const FastCut>(*jieba);
    return fast_;
  }

  // The dictionary for these files: the process's one if it has it, else loaded now (other threads
  // loading the same meanwhile wait for it instead of loading it twice). Call it holding no
  // dictionary (load releases its old one first), so an unused one can be freed.
  static std::shared_ptr<SharedDictionary> Acquire(const std::string& dict, const std::string& model, const std::string& user, const std::string& idf, const std::string& stopWords) {
    const DictionaryFiles read = DictionaryFiles::Read(dict, model, user, idf, stopWords);
    const std::string key = read.Key();
    std::lock_guard<std::mutex> lock(RegistryMutex());
    auto found = Registry().find(key);
    if (found != Registry().end()) return found->second;
    ForgetUnused();
    std::shared_ptr<SharedDictionary> loaded = std::make_shared<SharedDictionary>(read, dict, model, user, idf, stopWords);
    Registry()[key] = loaded;
    return loaded;
  }

  // Before insertWord changes `d`: if another thread also uses it, `d` becomes a copy of its own,
  // built from the same bytes; if not, `d` itself leaves the shared ones (no later load gets it).
  // Either way FastCut copies it again when next used. Throws std::runtime_error when the copy's
  // temporary files cannot be written.
  static void MakePrivate(std::shared_ptr<SharedDictionary>& d, cppjieba::Jieba*& jieba, cppjieba::TextRankExtractor*& textRank) {
    if (!d) return;
    bool copy = false;
    {
      std::lock_guard<std::mutex> lock(RegistryMutex());
      for (auto it = Registry().begin(); it != Registry().end(); ++it) {
        if (it->second != d || it->first.compare(0, 8, "private:") == 0) continue;
        // the registry's reference and this thread's: nobody else has it, and nobody can get it
        // from now on (Acquire finds it only through the registry, under this lock)
        if (d.use_count() == 2) {
          Registry().erase(it);
          Registry()[PrivateKey(d.get())] = d;
        } else {
          copy = true;
        }
        break;
      }
    }
    if (copy) {
      std::shared_ptr<SharedDictionary> own = d->Copy();
      std::lock_guard<std::mutex> lock(RegistryMutex());
      Registry()[PrivateKey(own.get())] = own;
      d = own;
      jieba = d->jieba;
      textRank = d->textRank;
      return;
    }
    std::lock_guard<std::mutex> lock(d->fastMutex_);
    d->fast_.reset();
  }

 private:
  // never destroyed: nothing to run, in whatever order, at exit
  static std::unordered_map<std::string, std::shared_ptr<SharedDictionary> >& Registry() {
    static auto* registry = new std::unordered_map<std::string, std::shared_ptr<SharedDictionary> >();
    return *registry;
  }
  static std::mutex& RegistryMutex() {
    static auto* mutex = new std::mutex();
    return *mutex;
  }
  static std::string PrivateKey(const SharedDictionary* d) {
    std::ostringstream key;
    key << "private:" << static_cast<const void*>(d);
    return key.str();
  }
  // Frees the dictionaries only the registry still holds (under RegistryMutex).
  static void ForgetUnused() {
    for (auto it = Registry().begin(); it != Registry().end();) {
      if (it->second.use_count() == 1) it = Registry().erase(it);
      else ++it;
    }
  }

  // A new dictionary from the bytes this one was built from, through temporary files (cppjieba
  // reads paths). C++11 and the C library only: nodejieba's binding.gyp compiles as C++14 on
  // Windows and macOS (no std::filesystem there).
  std::shared_ptr<SharedDictionary> Copy() const {
    std::string dir;
    for (const char* name : {"TMPDIR", "TMP", "TEMP"}) {
      const char* value = std::getenv(name);
      if (value && *value) {
        dir = value;
        break;
      }
    }
#ifdef _WIN32
    if (dir.empty()) dir = ".";
    const char separator = '\\';
#else
    if (dir.empty()) dir = "/tmp";
    const char separator = '/';
#endif
    std::random_device random;
    std::vector<std::string> written;
    auto write = [&](const std::string& bytes) {
      const std::string path = dir + separator + "policytext-dict-" + std::to_string(random()) + "-" + std::to_string(written.size());
      written.push_back(path);
      std::ofstream out(path.c_str(), std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      out.close();
      if (!out) throw std::runtime_error("insertWord: cannot write a copy of the dictionary to " + path);
      return path;
    };
    auto removeAll = [&]() {
      for (const std::string& path : written) std::remove(path.c_str());
    };
    try {
      const std::string dict = write(files.dict), model = write(files.model), idf = write(files.idf), stopWords = write(files.stopWords);
      std::string user;
      for (const std::string& part : files.user) user += (user.empty() ? "" : "|") + write(part);
      std::shared_ptr<SharedDictionary> copy = std::make_shared<SharedDictionary>(files, dict, model, user, idf, stopWords);
      removeAll();
      return copy;
    } catch (...) {
      removeAll();
      throw;
    }
  }

  std::mutex fastMutex_;
  std::shared_ptr<const FastCut> fast_;
};

// The patched binding's methods (scripts/jieba-patch.mjs registers them on NodeJieba):
//   cutUtf16Lengths(text): the words of cut(text, true) as UTF-16 lengths, a Uint32Array;
//   cutRangesUtf16Words(text, ranges): the words of cut(stretch, true) for several stretches of one
//     text, `ranges` a Uint32Array [from0, to0, from1, to1 …] of UTF-16 offsets. Returns a
//     Uint32Array [generation, nodeCount, length0, id0, length1, id1 …]: every range's words in
//     order (each range's lengths add up to its size), with their word ids (FastCut::WordId: the
//     same id is the same word, 0 for words outside the dictionary) and what the ids belong to
//     (FastCut::Generation, NodeCount). One call per document instead of one per stretch: a call
//     costs ~1.5 µs, about as much as segmenting 30 characters.
inline Napi::Value CutUtf16Lengths(const Napi::CallbackInfo& info, SharedDictionary* dictionary, bool withRanges) {
  Napi::Env env = info.Env();
  const char* name = withRanges ? "cutRangesUtf16Words" : "cutUtf16Lengths";
  bool rangesOk = !withRanges || (info.Length() > 1 && info[1].IsTypedArray() && info[1].As<Napi::TypedArray>().TypedArrayType() == napi_uint32_array);
  if (info.Length() == 0 || !info[0].IsString() || !rangesOk) {
    Napi::TypeError::New(env, std::string(name) + (withRanges ? " needs a string and a Uint32Array of [from, to) pairs" : " needs a string")).ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!dictionary) {
    Napi::Error::New(env, "Before calling any other function you have to call load() first").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  const std::shared_ptr<const FastCut> fast = dictionary->Fast();
  FastCutScratch& s = ThreadScratch();
  size_t units = 0;
  napi_get_value_string_utf16(env, info[0], NULL, 0, &units);
  s.text.resize(units + 1);
  napi_get_value_string_utf16(env, info[0], &s.text[0], units + 1, &units);
  std::vector<uint32_t>& words = s.words;
  words.clear();
  if (!withRanges) {
    fast->Cut(s.text.data(), units, words, false, s);
  } else {
    words.push_back(fast->Generation());
    words.push_back(fast->NodeCount());
    Napi::Uint32Array ranges = info[1].As<Napi::Uint32Array>();
    const size_t count = ranges.ElementLength();
    for (size_t r = 0; r < count; r += 2) {
      const uint32_t from = ranges[r];
      const uint32_t to = r + 1 < count ? ranges[r + 1] : 0;
      if (r + 1 >= count || from > to || to > units) {
        Napi::RangeError::New(env, "cutRangesUtf16Words: ranges must be [from, to) pairs within the text").ThrowAsJavaScriptException();
        return env.Undefined();
      }
      fast->Cut(s.text.data() + from, to - from, words, true, s);
    }
  }
  Napi::Uint32Array out = Napi::Uint32Array::New(env, words.size());
  std::copy(words.begin(), words.end(), out.Data());
  return out;
}

// dictionaryWordTag(generation, id): the dictionary tag of the word cutRangesUtf16Words gave the id
// (FastCut::WordTag; '' when it has none), or undefined when the id is not a word of that copy of
// the dictionary (another generation: insertWord or load since). One call per word a thread meets
// for the first time, instead of tag(word), which segments the word again.
inline Napi::Value DictionaryWordTag(const Napi::CallbackInfo& info, SharedDictionary* dictionary) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsNumber() || !info[1].IsNumber()) {
    Napi::TypeError::New(env, "dictionaryWordTag needs a generation and a word id").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  if (!dictionary) {
    Napi::Error::New(env, "Before calling any other function you have to call load() first").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  const std::shared_ptr<const FastCut> fast = dictionary->Fast();
  if (info[0].As<Napi::Number>().Uint32Value() != fast->Generation()) return env.Undefined();
  const std::string* tag = fast->WordTag(info[1].As<Napi::Number>().Uint32Value());
  return tag ? Napi::String::New(env, *tag) : env.Undefined();
}

}  // namespace policytext

#endif  // POLICYTEXT_FAST_CUT_HPP
