// policytext: cppjieba's MixSegment::Cut(text, hmm = true), the segmentation behind nodejieba's
// `cut(text, true)`, computed again on data laid out for speed, for `cutUtf16Lengths`.
//
// Copied next to nodejieba's lib/nodejieba.cpp and included by it when policytext patches
// nodejieba at install (scripts/jieba-patch.mjs, docs/install.md). Nothing of cppjieba changes:
// `cut`, `tag` and the rest keep their code and their speed.
//
// Why: three quarters of cppjieba's cut is spent finding dictionary words, in a trie whose every
// node keeps its children in a std::unordered_map (one hash, a modulo and two or three cache
// misses per character), building a std::vector<Dag> of ~300-byte entries per sentence, and making
// a std::string per word. FastCut copies the same trie once into flat arrays (children of a node
// contiguous and sorted; the first character looked up in a table indexed by code point), keeps
// the word graph in reusable flat arrays, and reads the text as UTF-16, the way JS holds it.
//
// What must not change is the result: the same words as cut(text, true), always. So the code
// follows cppjieba step for step (named in the comments: PreFilter, Trie::Find, MPSegment::CalcDP
// and CutByDag, MixSegment::Cut), uses cppjieba's own DictUnit weights, min weight and
// user-dictionary single characters, and calls cppjieba's own HMMSegment for the runs of single
// characters. test/segment.test.ts compares it with cut on the corpus and on odd input.
#ifndef POLICYTEXT_FAST_CUT_HPP
#define POLICYTEXT_FAST_CUT_HPP

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cppjieba/Jieba.hpp"

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

class FastCut {
 public:
  explicit FastCut(const cppjieba::Jieba& jieba)
      : dict_(*jieba.GetDictTrie()), hmm_(jieba.GetHMMModel()), minWeight_(dict_.GetMinWeight()), rootBmp_(0x10000, 0) {
    cppjieba::RuneStrArray separators;
    cppjieba::DecodeUTF8RunesInString(std::string(cppjieba::SPECIAL_SEPARATORS), separators);
    for (const cppjieba::RuneStr& r : separators) separators_.insert(r.rune);
    const cppjieba::Trie* trie = dict_.*member(DictTrieTrie());
    Flatten(trie->*member(TrieRoot()));
  }

  // scratch for the binding, reused from call to call: the text as UTF-16, the word lengths
  std::vector<char16_t> text;
  std::vector<uint32_t> lengths;

  // The UTF-16 lengths of the words cut(text, true) gives for `text` (`units` UTF-16 code units).
  void Cut(const char16_t* text, size_t units, std::vector<uint32_t>& lengths) {
    lengths.clear();
    Decode(text, units);
    // PreFilter: a separator is a range of its own; the text between separators is one range
    const size_t n = runes_.size();
    size_t begin = 0;
    while (begin < n) {
      size_t end = begin;
      while (end < n && !separators_.count(runes_[end].rune)) end++;
      if (end == begin) end++;
      CutRange(begin, end, lengths);
      begin = end;
    }
  }

 private:
  // ---- the trie, flattened: node 0 is the root; the edges of node k are
  // [firstEdge_[k], firstEdge_[k + 1]), sorted by character
  void Flatten(const cppjieba::TrieNode* root) {
    std::vector<const cppjieba::TrieNode*> nodes(1, root);  // breadth first: a node's id is its index
    std::vector<std::pair<cppjieba::Rune, const cppjieba::TrieNode*> > children;
    for (size_t k = 0; k < nodes.size(); k++) {
      const cppjieba::TrieNode* node = nodes[k];
      firstEdge_.push_back(static_cast<uint32_t>(edgeRune_.size()));
      value_.push_back(node->ptValue);
      if (node->next == NULL) continue;
      children.assign(node->next->begin(), node->next->end());
      std::sort(children.begin(), children.end());
      for (const auto& child : children) {
        edgeRune_.push_back(child.first);
        edgeNode_.push_back(static_cast<uint32_t>(nodes.size()));
        nodes.push_back(child.second);
      }
    }
    firstEdge_.push_back(static_cast<uint32_t>(edgeRune_.size()));
    for (uint32_t e = firstEdge_[0]; e < firstEdge_[1]; e++) {
      if (edgeRune_[e] < 0x10000) rootBmp_[edgeRune_[e]] = edgeNode_[e];
      else rootOther_[edgeRune_[e]] = edgeNode_[e];
    }
  }

  // the child of `node` for character `r`, or 0 (the root is nobody's child)
  uint32_t Child(uint32_t node, cppjieba::Rune r) const {
    uint32_t lo = firstEdge_[node], hi = firstEdge_[node + 1];
    if (hi - lo > 8) {
      const cppjieba::Rune* first = edgeRune_.data() + lo;
      const cppjieba::Rune* found = std::lower_bound(first, edgeRune_.data() + hi, r);
      size_t e = found - edgeRune_.data();
      return e < hi && *found == r ? edgeNode_[e] : 0;
    }
    for (; lo < hi; lo++) {
      if (edgeRune_[lo] == r) return edgeNode_[lo];
    }
    return 0;
  }

  uint32_t RootChild(cppjieba::Rune r) const {
    if (r < 0x10000) return rootBmp_[r];
    auto found = rootOther_.find(r);
    return found == rootOther_.end() ? 0 : found->second;
  }

  // ---- the text: code points with their UTF-16 offset and length, as cppjieba's RuneStr (whose
  // offset/len are UTF-8 bytes in cppjieba; only the rune matters to the HMM). A lone surrogate is
  // U+FFFD, as in the UTF-8 that N-API hands cppjieba's cut.
  void Decode(const char16_t* text, size_t units) {
    runes_.clear();
    for (size_t i = 0; i < units;) {
      uint32_t c = text[i];
      uint32_t len = 1;
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
        len = 2;
      } else if (c >= 0xD800 && c <= 0xDFFF) {
        c = 0xFFFD;
      }
      runes_.push_back(cppjieba::RuneStr(c, static_cast<uint32_t>(i), len, static_cast<uint32_t>(runes_.size()), 1));
      i += len;
    }
  }

  // MixSegment::Cut(begin, end, res, hmm = true) on runes_[begin, end)
  void CutRange(size_t begin, size_t end, std::vector<uint32_t>& lengths) {
    const size_t n = end - begin;
    const cppjieba::RuneStr* runes = runes_.data() + begin;
    BestPaths(runes, n);
    size_t i = 0;
    while (i < n) {
      const cppjieba::DictUnit* unit = best_[i];
      size_t size = unit ? unit->word.size() : 1;  // MPSegment::CutByDag
      if (size > 1 || dict_.IsUserDictSingleChineseWord(runes[i].rune)) {
        lengths.push_back(Units(runes + i, runes + i + size - 1));
        i += size;
        continue;
      }
      // a run of single characters that are not user-dictionary words goes to the HMM
      size_t j = i;
      while (j < n && (best_[j] ? best_[j]->word.size() : 1) == 1 && !dict_.IsUserDictSingleChineseWord(runes[j].rune)) j++;
      hmmWords_.clear();
      hmm_.Cut(runes + i, runes + j, hmmWords_);
      for (const cppjieba::WordRange& w : hmmWords_) lengths.push_back(Units(w.left, w.right));
      i = j;
    }
  }

  // Trie::Find (the word graph) and MPSegment::CalcDP (the best path from each position) on n runes
  void BestPaths(const cppjieba::RuneStr* runes, size_t n) {
    edgeStart_.assign(1, 0);
    edgeEnd_.clear();
    edgeUnit_.clear();
    for (size_t i = 0; i < n; i++) {
      uint32_t node = RootChild(runes[i].rune);
      edgeEnd_.push_back(static_cast<uint32_t>(i));  // the character alone, a dictionary word or not
      edgeUnit_.push_back(node ? value_[node] : NULL);
      for (size_t j = i + 1; node != 0 && j < n && j - i + 1 <= cppjieba::MAX_WORD_LENGTH; j++) {
        node = Child(node, runes[j].rune);
        if (node != 0 && value_[node] != NULL) {
          edgeEnd_.push_back(static_cast<uint32_t>(j));
          edgeUnit_.push_back(value_[node]);
        }
      }
      edgeStart_.push_back(static_cast<uint32_t>(edgeEnd_.size()));
    }
    weight_.resize(n);
    best_.resize(n);
    for (size_t i = n; i-- > 0;) {
      const cppjieba::DictUnit* best = NULL;
      double bestWeight = cppjieba::MIN_DOUBLE;
      for (uint32_t e = edgeStart_[i]; e < edgeStart_[i + 1]; e++) {
        // the same additions in the same order as CalcDP, so ties fall the same way
        double val = 0.0;
        if (edgeEnd_[e] + 1 < n) val += weight_[edgeEnd_[e] + 1];
        val += edgeUnit_[e] ? edgeUnit_[e]->weight : minWeight_;
        if (val > bestWeight) {
          best = edgeUnit_[e];
          bestWeight = val;
        }
      }
      best_[i] = best;
      weight_[i] = bestWeight;
    }
  }

  static uint32_t Units(const cppjieba::RuneStr* left, const cppjieba::RuneStr* right) {
    return right->offset + right->len - left->offset;
  }

  const cppjieba::DictTrie& dict_;
  cppjieba::HMMSegment hmm_;
  double minWeight_;
  std::unordered_set<cppjieba::Rune> separators_;

  std::vector<uint32_t> rootBmp_;  // the root's child per BMP character
  std::unordered_map<cppjieba::Rune, uint32_t> rootOther_;
  std::vector<uint32_t> firstEdge_;
  std::vector<cppjieba::Rune> edgeRune_;
  std::vector<uint32_t> edgeNode_;
  std::vector<const cppjieba::DictUnit*> value_;

  // scratch, reused from call to call
  std::vector<cppjieba::RuneStr> runes_;
  std::vector<uint32_t> edgeStart_, edgeEnd_;
  std::vector<const cppjieba::DictUnit*> edgeUnit_;
  std::vector<double> weight_;
  std::vector<const cppjieba::DictUnit*> best_;
  std::vector<cppjieba::WordRange> hmmWords_;
};

}  // namespace policytext

#endif  // POLICYTEXT_FAST_CUT_HPP
