/**
 * Multi-word key phrases from collocation statistics: adjacent tokens that
 * occur together far more often than chance (新型+工业化, 营商环境+攻坚,
 * 新能源汽车+产业+高地) are merged into one term, learnt from the document or
 * corpus at hand, not from a fixed list.
 *
 * Method (like gensim's Phrases, with Dunning's G² as the association score):
 *  - a pass counts words and adjacent word pairs; two tokens are adjacent only
 *    when nothing lies between them (no punctuation, no line break);
 *  - a pair becomes a phrase when it occurs at least `minCount` times (2), its
 *    log-likelihood G² is at least `minG2` (10.83, p < 0.001), it is positively
 *    associated, and its PMI is at least `minPmi` (3 bits: 8× chance);
 *  - the pass merges the accepted pairs in the token stream (left to right, the
 *    stronger of two overlapping pairs wins); a second pass can then join a
 *    merged phrase to a further word, so phrases have 2–4 parts (`maxParts`).
 *
 * A phrase part must be a content-like token (noun, verb, adjective,
 * distinguishing word, abbreviation, English name, or an unknown Chinese word);
 * never a number, a stop word or punctuation. A phrase must not start with a
 * plain verb (成为全国, 贯彻党: a clause, not a term) or a boilerplate word
 * (推进…, 加快…), must end with a noun-like token (n*, vn, j, eng, or an unknown
 * word) that is not boilerplate (…建设, …发展; the head nouns 体系, 机制, 能力,
 * 水平, 环境, 基础, 格局 excepted), and is at most `maxChars` characters (16).
 */
import { wordKeysOf, type SegmentedText, type Token } from '../../segment/segment.js';
import { wordKeyEpoch, wordOfKey } from '../../segment/jieba.js';
import { g2 } from './keyness.js';
import {
  T_ADLIKE,
  T_END_POS,
  T_NG,
  T_PART_POS,
  T_PHRASE,
  T_VERB,
  T_X,
  W_BLANK,
  W_BOILER,
  W_HAN_WORD,
  W_HEAD_NOUN,
  W_PUNCT,
  W_SINGLE,
  W_STOP,
  featuresIn,
  numberFrom,
  tagFeatures,
  wordCache,
  type WordFeatures,
} from './features.js';
import { TermTallies, type Term, type TermTally } from './terms.js';

export interface CollocationOptions {
  minCount?: number;
  minG2?: number;
  minPmi?: number;
  maxParts?: number;
  maxChars?: number;
  /** Merging passes (each can add one more part). Default 2. */
  passes?: number;
}

export interface Phrase {
  phrase: string;
  parts: string[];
  /** Times the pair was seen in the pass that accepted it. */
  count: number;
  g2: number;
  pmi: number;
}

export interface PhraseModel {
  /** Accepted pairs of each pass, keyed `left\u0001right`. */
  passes: Array<Map<string, Phrase>>;
  /** Every phrase learnt, strongest first. */
  phrases: Phrase[];
}

const SEP = '\u0001';

/*
 * The rules, on memoised features (features.ts) rather than on the strings each time:
 *  isPart:   a phrase; or not blank, punctuation, a stop word or a number, and: for `x`, a word of
 *            Chinese characters only; else not ad/vd/ag/vg (nor a single-character ng), and a POS
 *            starting with n, v, a, b, j or eng;
 *  canStart: a phrase; or not a plain verb (v, vg; vn may start one) and not boilerplate;
 *  canEnd:   a phrase; or (n*, vn, j, eng, or an `x` word of Chinese characters) and not boilerplate
 *            unless a head noun (体系, 机制 …).
 */
const T_PHRASE_TAG = tagFeatures('phrase');
const PART = 1;
const START = 2;
const END = 4;
/**
 * Not a rule but where the term sits: it ends where the next term of its stream starts (nothing
 * between them). Kept with the roles so that the passes need not read the Term objects.
 */
const ADJACENT = 8;

function roles(w: number, t: number): number {
  if (t & T_PHRASE) return PART | START | END;
  let r = 0;
  let part: boolean;
  if (w & (W_BLANK | W_PUNCT | W_STOP) || numberFrom(w, t)) part = false;
  else if (t & T_X) part = (w & W_HAN_WORD) !== 0;
  else if (t & T_ADLIKE || (t & T_NG && w & W_SINGLE)) part = false;
  else part = (t & T_PART_POS) !== 0;
  if (part) r |= PART;
  if (!(t & T_VERB) && !(w & W_BOILER)) r |= START;
  if ((t & T_END_POS || (t & T_X && w & W_HAN_WORD)) && (!(w & W_BOILER) || w & W_HEAD_NOUN)) r |= END;
  return r;
}

function partsOf(t: Term): string[] {
  return t.parts ?? [t.word];
}

/** The parts of the phrase x + y (concat: no iterator protocol, unlike a spread). */
function joinedParts(x: Term, y: Term): string[] {
  return partsOf(x).concat(partsOf(y));
}

/** joinedParts of the learning streams' terms i and i + 1. */
function joinedPartsAt(s: Streams, i: number): string[] {
  return (s.partLists[i] ?? [s.words[i]!]).concat(s.partLists[i + 1] ?? [s.words[i + 1]!]);
}

/**
 * The token streams during learning, end to end in flat arrays: per term its word, tag and parts,
 * its word id, its roles (with ADJACENT) and its number of parts; `ends[k]` is where input stream
 * k ends (pairs never cross). The Term objects too when learning from Term arrays (learnAndMerge
 * returns them); learning from segmented columns (SegmentedText) makes none.
 */
interface Streams {
  /** Terms in all streams (the arrays may be longer). */
  length: number;
  terms: Term[] | null;
  words: string[];
  tagNames: string[];
  /** A merged phrase's parts; undefined for a single word. */
  partLists: Array<string[] | undefined>;
  ids: Int32Array;
  roles: Uint8Array;
  /** Tag features (features.ts) per term. */
  tags: Uint16Array;
  parts: Uint16Array;
  ends: Int32Array;
}

/**
 * Streams of `n` terms in `count` input streams, its columns allocated (`withTerms`: the Term array
 * too), or the given words and tags (the streams' own: merging rewrites them).
 */
function newStreams(n: number, count: number, withTerms: boolean, words?: string[], tagNames?: string[]): Streams {
  return {
    length: n,
    terms: withTerms ? new Array<Term>(n) : null,
    words: words ?? new Array<string>(n),
    tagNames: tagNames ?? new Array<string>(n),
    partLists: new Array<string[] | undefined>(n),
    ids: new Int32Array(n),
    roles: new Uint8Array(n),
    tags: new Uint16Array(n),
    parts: new Uint16Array(n),
    ends: new Int32Array(count),
  };
}

/** Numbers per key in Lexicon.keyInfo. */
const KEY_STRIDE = 4;

/**
 * Every word phrase learning has met in this process, with its features: a global id, the word
 * features (features.ts), its length in code points, and the tag it was first seen with with that
 * tag's features and roles (a word nearly always comes with the same tag, so later occurrences need
 * no tag lookup). A batch worker meets the same few thousand words in every report: working them out
 * once per process instead of once per document saves a Map insertion, a feature lookup and several
 * array pushes per distinct word per report.
 *
 * Word features depend on the stop-word and boilerplate lists, so the lexicon starts again whenever
 * the word cache does (wordCache() hands out a new map when those lists change) and when it grows
 * past MAX_LEXICON words.
 */
class Lexicon {
  readonly ids = new Map<string, number>();
  /** The word per global id. */
  readonly words: string[] = [];
  readonly bits: number[] = [];
  readonly chars: number[] = [];
  readonly firstTag: string[] = [];
  readonly firstTagBits: number[] = [];
  readonly firstRoles: number[] = [];

  /** Global id + 1 per segmentation word key (jieba.ts, wordOfKey), for key epoch `keyEpoch`; 0: not yet. */
  private byKey = new Int32Array(1 << 14);
  private keyEpoch = -1;
  /**
   * Per key of the current epoch, KEY_STRIDE numbers (Vocabulary.streamsOf): the global id + 1 (0:
   * not yet), the tag features | roles << 16 of its word and tag, the run that last met it and its
   * local id in that run. Only for keys that stand for a word and its tag (SegmentedText.keyEpoch).
   */
  keyInfo = new Int32Array(KEY_STRIDE << 14);

  constructor(readonly cache: Map<string, WordFeatures>) {}

  get size(): number {
    return this.bits.length;
  }

  /** Makes the key map current (call before idOfKey in a run). */
  syncKeys(): void {
    const epoch = wordKeyEpoch();
    if (epoch !== this.keyEpoch) {
      this.keyEpoch = epoch;
      this.byKey.fill(0);
      this.keyInfo.fill(0);
    }
  }

  /** id(word, tag) for a word whose segmentation key is `key` (checked: a stale key costs a lookup). */
  idOfKey(key: number, word: string, tag: string): number {
    if (key < 0) return this.id(word, tag);
    // a key met before: its word is checked against this lexicon's own copy (an array it owns)
    // rather than through the word table's entry object (one pointer less to follow per token)
    if (key < this.byKey.length) {
      const known = this.byKey[key]!;
      if (known > 0 && this.words[known - 1] === word) return known - 1;
    }
    if (wordOfKey(key) !== word) return this.id(word, tag);
    this.byKey = holding(this.byKey, key);
    const known = this.byKey[key]!;
    if (known > 0) return known - 1;
    const g = this.id(word, tag);
    this.byKey[key] = g + 1;
    return g;
  }

  /** The index of key's slot in keyInfo (grown to hold it). */
  keySlot(key: number): number {
    const slot = key * KEY_STRIDE;
    this.keyInfo = holding(this.keyInfo, slot + KEY_STRIDE - 1);
    return slot;
  }

  id(word: string, tag: string): number {
    let g = this.ids.get(word);
    if (g === undefined) {
      g = this.bits.length;
      this.ids.set(word, g);
      this.words.push(word);
      const f = featuresIn(this.cache, word);
      this.bits.push(f.bits);
      this.chars.push(f.chars);
      const t = tagFeatures(tag);
      this.firstTag.push(tag);
      this.firstTagBits.push(t);
      this.firstRoles.push(roles(f.bits, t));
    }
    return g;
  }
}

const MAX_LEXICON = 200_000;
let lexicon: Lexicon | null = null;

function currentLexicon(): Lexicon {
  const cache = wordCache();
  if (!lexicon || lexicon.cache !== cache || lexicon.size > MAX_LEXICON) lexicon = new Lexicon(cache);
  return lexicon;
}

/**
 * Word ids for one learning run: dense local ids (0, 1, 2 … in order of first sight in this run,
 * so the counting arrays stay the size of this run's vocabulary), mapped from the lexicon's global
 * ids through arrays shared by all runs. Runs never overlap (learnAndMerge is synchronous); a
 * stamp per global id says which run its local id belongs to.
 */
class Vocabulary {
  /** Word features per local id. */
  readonly bits: number[] = [];
  /** Code points per local id. */
  readonly chars: number[] = [];
  /** Global id per local id. */
  private readonly globals: number[] = [];
  private readonly lexicon = currentLexicon();
  private readonly run = ++runCount;

  /** The id of `word` (seen with `tag`), made on first sight. */
  id(word: string, tag: string): number {
    return this.local(this.lexicon.id(word, tag));
  }

  /** The local id of the lexicon's word `g`. */
  private local(g: number): number {
    if (g >= localOf.length) growRunArrays(this.lexicon.size);
    if (runOf[g] === this.run) return localOf[g]!;
    const id = this.globals.length;
    runOf[g] = this.run;
    localOf[g] = id;
    this.bits.push(this.lexicon.bits[g]!);
    this.chars.push(this.lexicon.chars[g]!);
    this.globals.push(g);
    return id;
  }

  /** Words in this run (local ids are 0 … size − 1). */
  get size(): number {
    return this.globals.length;
  }

  /** Tag features of an occurrence of word `id` with `tag`. */
  tagBits(id: number, tag: string): number {
    const g = this.globals[id]!;
    return tag === this.lexicon.firstTag[g] ? this.lexicon.firstTagBits[g]! : tagFeatures(tag);
  }

  /** Roles of an occurrence of word `id` with `tag` (without ADJACENT). */
  rolesOf(id: number, tag: string): number {
    const g = this.globals[id]!;
    return tag === this.lexicon.firstTag[g] ? this.lexicon.firstRoles[g]! : roles(this.bits[id]!, tagFeatures(tag));
  }

  streams(docs: Term[][]): Streams {
    let n = 0;
    for (const d of docs) n += d.length;
    const s = newStreams(n, docs.length, true);
    const terms = s.terms!;
    let i = 0;
    this.lexicon.syncKeys();
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k]!;
      // segmentation's word keys, when the stream is a line it made: an array read, not a hash
      const keys = wordKeysOf(doc);
      const keyed = keys !== undefined && keys.length === doc.length;
      for (let j = 0; j < doc.length; j++, i++) {
        const t = doc[j]!;
        const id = keyed ? this.local(this.lexicon.idOfKey(keys[j]!, t.word, t.tag)) : this.id(t.word, t.tag);
        terms[i] = t;
        s.words[i] = t.word;
        s.tagNames[i] = t.tag;
        s.partLists[i] = t.parts;
        s.ids[i] = id;
        s.tags[i] = this.tagBits(id, t.tag);
        const adjacent = j + 1 < doc.length && t.end === doc[j + 1]!.start;
        s.roles[i] = this.rolesOf(id, t.tag) | (adjacent ? ADJACENT : 0);
        s.parts[i] = t.parts ? Math.min(t.parts.length, 0xffff) : 1;
      }
      s.ends[k] = i;
    }
    return s;
  }

  /** streams() of segmented columns, one stream per line (no Term objects). */
  streamsOf(seg: SegmentedText): Streams {
    const { words, tags, starts, ends, keys, lineEnds } = seg;
    const n = words.length;
    // copies: merging rewrites the columns in place (mergeStreams), and the text's own stay as they are
    const s = newStreams(n, lineEnds.length, false, words.slice(), tags.slice());
    const lexicon = this.lexicon;
    lexicon.syncKeys();
    // keys of the current epoch stand for a word and its tag: what this run knows of a key sits in
    // one slot of keyInfo (KEY_STRIDE numbers), not in the lexicon's arrays per word
    const trusted = keys !== null && seg.keyEpoch === wordKeyEpoch();
    for (let k = 0, i = 0; k < lineEnds.length; k++) {
      const end = lineEnds[k]!;
      for (; i < end; i++) {
        const word = words[i]!;
        const tag = tags[i]!;
        const key = keys ? keys[i]! : -1;
        let id: number;
        let tagRoles: number;
        if (trusted && key >= 0) {
          const slot = lexicon.keySlot(key);
          const info = lexicon.keyInfo;
          if (info[slot + 2] === this.run) id = info[slot + 3]!;
          else if (info[slot]! > 0) id = this.local(info[slot]! - 1);
          else {
            const g = lexicon.id(word, tag);
            id = this.local(g);
            info[slot] = g + 1;
            info[slot + 1] = this.tagBits(id, tag) | (this.rolesOf(id, tag) << 16);
          }
          info[slot + 2] = this.run;
          info[slot + 3] = id;
          tagRoles = info[slot + 1]!;
        } else {
          id = keys ? this.local(lexicon.idOfKey(key, word, tag)) : this.id(word, tag);
          tagRoles = this.tagBits(id, tag) | (this.rolesOf(id, tag) << 16);
        }
        s.ids[i] = id;
        s.tags[i] = tagRoles & 0xffff;
        const adjacent = i + 1 < end && ends[i] === starts[i + 1];
        s.roles[i] = (tagRoles >>> 16) | (adjacent ? ADJACENT : 0);
        s.parts[i] = 1;
      }
      s.ends[k] = end;
    }
    return s;
  }
}

/**
 * The pair counting's hash table (open addressing: pair index + 1 per slot, 0 empty), shared by
 * every pass of every run like the arrays below: a Map per pass grew to thousands of entries, and
 * its growth was ~5 % of a report's allocation. A pass has at most one pair per term, so a table
 * of twice that many slots (a power of two) never fills. Tables above KEPT_PAIR_SLOTS (a corpus
 * learnt at once, not a report) are made for the pass and let go, so the process does not keep
 * the largest one it ever needed.
 */
let pairSlots = new Int32Array(1 << 12);
const KEPT_PAIR_SLOTS = 1 << 20;

/** An empty pair table for a pass over `terms` terms (its length, a power of two, is the mask + 1). */
function pairTable(terms: number): Int32Array {
  let size = 1 << 12;
  while (size < 2 * terms) size *= 2;
  if (size > KEPT_PAIR_SLOTS) return new Int32Array(size);
  if (pairSlots.length < size) pairSlots = new Int32Array(size);
  const table = pairSlots.subarray(0, size);
  table.fill(0);
  return table;
}

/** Per global id: the local id in the run `runOf` names (see Vocabulary). */
let localOf = new Int32Array(1 << 14);
let runOf = new Int32Array(1 << 14);
let runCount = 0;

function growRunArrays(size: number): void {
  localOf = holding(localOf, size);
  runOf = holding(runOf, size);
}

/** `array`, or a copy of it twice as long as often as needed to have an element `index`. */
function holding(array: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  if (index < array.length) return array;
  let n = array.length;
  while (n <= index) n *= 2;
  const grown = new Int32Array(n);
  grown.set(array);
  return grown;
}

/** Learns phrases from one or more token streams (one per document; offsets must be within each stream). */
export function learnPhrases(docs: Token[][], options: CollocationOptions = {}): PhraseModel {
  return learnAndMerge(docs, options, undefined, true).model!;
}

/**
 * Learns phrases and also returns the streams with every pass merged in, i.e. what
 * `applyPhrases(stream, model)` gives for each input stream (the learning merges them anyway);
 * with `keep` (a test on features.ts bits), only the merged terms it accepts, per stream, instead.
 * Streams may be a document's lines: pairs never cross streams, and two tokens of different lines
 * are never adjacent, so learning on lines or on the concatenated document gives the same model.
 * Without `withModel` the model is null: the merging needs only the accepted pairs' ids and G²,
 * not a Phrase with its strings per pair (key phrases of one report never show the model).
 */
export function learnAndMerge(
  docs: Term[][],
  options: CollocationOptions = {},
  keep?: (wordBits: number, tagBits: number, tag: string) => boolean,
  withModel = true,
): { model: PhraseModel | null; merged: Term[][] | null; kept: Term[][] | null } {
  const { model, s, vocab } = learn(docs, options, withModel);
  const terms = s.terms!; // learnt from Term arrays: the merged Term objects are there
  // with `keep`, only the terms it accepts (contentTerms without the lookups: the features are at hand)
  const merged: Term[][] | null = keep ? null : [];
  const kept: Term[][] | null = keep ? [] : null;
  for (let k = 0, from = 0; k < s.ends.length; k++) {
    const to = s.ends[k]!;
    if (merged) merged.push(terms.slice(from, to));
    if (kept && keep) {
      const line: Term[] = [];
      for (let i = from; i < to; i++) if (keep(vocab.bits[s.ids[i]!]!, s.tags[i]!, s.tagNames[i]!)) line.push(terms[i]!);
      kept.push(line);
    }
    from = to;
  }
  return { model, merged, kept };
}

/**
 * Learns phrases from a document's streams and tallies the merged terms `keep` accepts: the
 * counts countParagraphs gives for learnAndMerge's `kept` lines, found by word id (an array
 * read) rather than by the word (a Map lookup per occurrence), and without the kept lines.
 */
export function learnAndCount(
  docs: Term[][] | SegmentedText,
  options: CollocationOptions,
  keep: (wordBits: number, tagBits: number, tag: string) => boolean,
): TermTallies {
  const { s, vocab } = learn(docs, options, false);
  const { words, tagNames, partLists } = s;
  const tallies = new TermTallies();
  // one word per id (the lexicon is keyed by the word), so a tally per id is a tally per word
  const byId = new Array<TermTally | undefined>(vocab.size);
  for (let i = 0; i < s.length; i++) {
    const id = s.ids[i]!;
    const tag = tagNames[i]!;
    if (!keep(vocab.bits[id]!, s.tags[i]!, tag)) continue;
    const tally = byId[id];
    if (tally === undefined) byId[id] = tallies.first(words[i]!, tag, partLists[i]);
    else tallies.again(tally, tag, partLists[i]);
  }
  return tallies;
}

/** The phrase learning itself: the model (when `withModel`), the merged streams and their vocabulary. */
function learn(docs: Term[][] | SegmentedText, options: CollocationOptions, withModel: boolean): { model: PhraseModel | null; s: Streams; vocab: Vocabulary } {
  const minCount = options.minCount ?? 2;
  const minG2 = options.minG2 ?? 10.83;
  const minPmi = options.minPmi ?? 3;
  const maxParts = options.maxParts ?? 5;
  const maxChars = options.maxChars ?? 16;
  const passCount = options.passes ?? 3;
  const model: PhraseModel = { passes: [], phrases: [] };
  const vocab = new Vocabulary();
  let s = Array.isArray(docs) ? vocab.streams(docs) : vocab.streamsOf(docs);
  for (let pass = 0; pass < passCount; pass++) {
    const V = Math.max(1, vocab.size);
    const uni = new Float64Array(V);
    // pairs, in order of first sight: key (leftId × V + rightId) → index, in pairSlots
    const slots = pairTable(s.length);
    const mask = slots.length - 1;
    const pairCount: number[] = [];
    /** Where each pair was first seen (its left term's index in `s`), for the model's strings. */
    const pairAt: number[] = [];
    const pairKey: number[] = [];
    const { bits, chars } = vocab;
    const { ids, roles: r, parts, ends } = s;
    let n = 0;
    let i = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = ends[k]!;
      for (; i < end; i++) {
        const id = ids[i]!;
        if (bits[id]! & (W_BLANK | W_PUNCT)) continue;
        n++;
        uni[id]!++;
        // joinable: adjacent (so not the stream's last), both parts, x may start, y may end, within
        // maxParts and maxChars
        if ((r[i]! & (PART | START | ADJACENT)) !== (PART | START | ADJACENT) || (r[i + 1]! & (PART | END)) !== (PART | END)) continue;
        const nid = ids[i + 1]!;
        if (parts[i]! + parts[i + 1]! > maxParts || chars[id]! + chars[nid]! > maxChars) continue;
        const key = id * V + nid;
        let h = (Math.imul(id, 0x9e3779b1) ^ nid) & mask;
        while (slots[h] !== 0 && pairKey[slots[h]! - 1] !== key) h = (h + 1) & mask;
        if (slots[h] !== 0) pairCount[slots[h]! - 1]!++;
        else {
          slots[h] = pairCount.length + 1;
          pairCount.push(1);
          pairKey.push(key);
          if (withModel) pairAt.push(i);
        }
      }
    }
    const accepted = new Map<string, Phrase>();
    const acceptedG2 = new Map<number, number>();
    for (let e = 0; e < pairCount.length; e++) {
      const count = pairCount[e]!;
      if (count < minCount) continue;
      const key = pairKey[e]!;
      const ca = uni[Math.floor(key / V)]!;
      const cb = uni[key % V]!;
      const table = { a: count, b: ca - count, c: cb - count, d: n - ca - cb + count };
      const expected = (ca * cb) / n;
      if (count <= expected) continue;
      const score = g2(table);
      const pmi = Math.log2(count / expected);
      if (score < minG2 || pmi < minPmi) continue;
      const rounded = round(score, 2);
      if (withModel) {
        const at = pairAt[e]!;
        const left = s.words[at]!;
        const right = s.words[at + 1]!;
        accepted.set(left + SEP + right, { phrase: left + right, parts: joinedPartsAt(s, at), count, g2: rounded, pmi: round(pmi, 2) });
      }
      acceptedG2.set(key, rounded);
    }
    if (acceptedG2.size === 0) break;
    if (withModel) model.passes.push(accepted);
    s = mergeStreams(s, acceptedG2, V, vocab);
  }
  const best = new Map<string, Phrase>();
  for (const pass of model.passes) for (const p of pass.values()) if (!best.has(p.phrase) || best.get(p.phrase)!.g2 < p.g2) best.set(p.phrase, p);
  model.phrases = [...best.values()].sort((a, b) => b.g2 - a.g2);
  return { model: withModel ? model : null, s, vocab };
}

/** A phrase mergeStreams made for a pair, with the parts of the pair's two terms it was made from. */
interface MadePhrase {
  xParts: string[] | undefined;
  yParts: string[] | undefined;
  word: string;
  parts: string[];
  id: number;
}

/**
 * One merging pass over the learning streams (mergePass on ids; same result), in place: a term
 * moves only to the left (a merged pair leaves one slot free), so the columns are rewritten in
 * their own arrays, and the terms before the first merge are not touched at all.
 */
function mergeStreams(s: Streams, accepted: Map<number, number>, V: number, vocab: Vocabulary): Streams {
  const { terms, words, tagNames, partLists, ids, roles: r, tags, parts, ends } = s;
  const len = s.length;
  // most words start no accepted pair: a flag per left word spares them the Map lookup
  const startsPair = new Uint8Array(V);
  for (const key of accepted.keys()) startsPair[Math.floor(key / V)] = 1;
  // score[i]: G² of the accepted pair (i, i+1) of one stream, −1 when none
  const score = new Float64Array(len + 1).fill(-1);
  let first = -1;
  for (let i = 0; i < len; i++) {
    // ADJACENT is never set on a stream's last term, so a pair never reaches into the next stream
    if (!(r[i]! & ADJACENT) || !startsPair[ids[i]!]) continue;
    const g = accepted.get(ids[i]! * V + ids[i + 1]!);
    if (g !== undefined) {
      score[i] = g;
      if (first < 0) first = i;
    }
  }
  if (first < 0) return s;
  // An accepted pair recurs (that is why it was accepted): its phrase's string, parts and id are
  // made once per pass and shared by its occurrences. A string made anew per occurrence would be
  // flattened and hashed again by every Map that meets it here and in the term counts.
  const made = new Map<number, MadePhrase>();
  let k = 0;
  while (ends[k]! <= first) k++; // the streams before the first merge stay as they are
  let o = first;
  for (let i = first; k < ends.length; k++) {
    const end = ends[k]!;
    for (; i < end; i++, o++) {
      const sc = score[i]!;
      if (sc >= 0 && !(score[i + 1]! > sc)) {
        // everything about terms i and i + 1 is read before slot o (≤ i) is written
        const key = ids[i]! * V + ids[i + 1]!;
        const xParts = partLists[i];
        const yParts = partLists[i + 1];
        let m = made.get(key);
        // same ids are the same words; the parts must be the same arrays too (one word can be a
        // dictionary word in one place and a merged phrase in another)
        if (m === undefined || m.xParts !== xParts || m.yParts !== yParts) {
          const word = words[i]! + words[i + 1]!;
          m = { xParts, yParts, word, parts: joinedPartsAt(s, i), id: vocab.id(word, 'phrase') };
          made.set(key, m);
        }
        if (terms) terms[o] = { word: m.word, tag: 'phrase', start: terms[i]!.start, end: terms[i + 1]!.end, parts: m.parts };
        // the phrase ends where y ends: it touches the next term when y did
        r[o] = PART | START | END | (r[i + 1]! & ADJACENT);
        words[o] = m.word;
        tagNames[o] = 'phrase';
        partLists[o] = m.parts;
        ids[o] = m.id;
        tags[o] = T_PHRASE_TAG;
        parts[o] = Math.min(m.parts.length, 0xffff);
        i++;
      } else if (o !== i) {
        if (terms) terms[o] = terms[i]!;
        words[o] = words[i]!;
        tagNames[o] = tagNames[i]!;
        partLists[o] = partLists[i];
        ids[o] = ids[i]!;
        r[o] = r[i]!;
        tags[o] = tags[i]!;
        parts[o] = parts[i]!;
      }
    }
    ends[k] = o;
  }
  s.length = o;
  if (terms) terms.length = o;
  return s;
}

/** Per accepted-pairs map: left word → right word → G² (built once; rebuilt if the map changed size). */
const pairIndexes = new WeakMap<Map<string, Phrase>, { size: number; index: Map<string, Map<string, number>> | null }>();

function pairIndexOf(accepted: Map<string, Phrase>): Map<string, Map<string, number>> | null {
  const cached = pairIndexes.get(accepted);
  if (cached && cached.size === accepted.size) return cached.index;
  let index: Map<string, Map<string, number>> | null = new Map();
  for (const [key, p] of accepted) {
    const cut = key.indexOf(SEP);
    // a key that does not split into exactly one left and one right word: use the keys as they are
    if (cut < 0 || key.indexOf(SEP, cut + 1) >= 0) {
      index = null;
      break;
    }
    const left = key.slice(0, cut);
    let m = index.get(left);
    if (!m) index.set(left, (m = new Map()));
    m.set(key.slice(cut + 1), p.g2);
  }
  pairIndexes.set(accepted, { size: accepted.size, index });
  return index;
}

function mergePass(stream: Term[], accepted: Map<string, Phrase>): Term[] {
  const len = stream.length;
  if (len < 2 || accepted.size === 0) return stream;
  const index = pairIndexOf(accepted);
  const score = new Float64Array(len + 1).fill(-1);
  let any = false;
  for (let i = 0; i + 1 < len; i++) {
    const x = stream[i]!;
    const y = stream[i + 1]!;
    if (x.end !== y.start) continue;
    const g = index ? index.get(x.word)?.get(y.word) : accepted.get(x.word + SEP + y.word)?.g2;
    if (g !== undefined) {
      score[i] = g;
      any = true;
    }
  }
  if (!any) return stream.slice();
  const out: Term[] = [];
  for (let i = 0; i < len; i++) {
    const s = score[i]!;
    if (s >= 0 && !(score[i + 1]! > s)) {
      const x = stream[i]!;
      const y = stream[i + 1]!;
      out.push({ word: x.word + y.word, tag: 'phrase', start: x.start, end: y.end, parts: joinedParts(x, y) });
      i++;
    } else out.push(stream[i]!);
  }
  return out;
}

/** Merges the model's phrases into a token stream (pass by pass, as learnt). */
export function applyPhrases(tokens: Term[], model: PhraseModel): Term[] {
  let stream = tokens;
  for (const pass of model.passes) stream = mergePass(stream, pass);
  return stream;
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
