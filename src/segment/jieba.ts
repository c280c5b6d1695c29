/**
 * The one place that touches nodejieba.
 *
 * nodejieba keeps one global dictionary per process and `load()` works once, so
 * this module loads it lazily on the first segmentation, with the bundled policy
 * dictionary plus any user dictionaries, and never again. Commands that do not
 * segment (info, outline) never import a path that calls `ensureJieba`, and so
 * never pay the dictionary load (about 1.5 s with the patched nodejieba, docs/install.md).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';

export interface JiebaTag {
  word: string;
  tag: string;
}

interface NodeJieba {
  load(options?: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): JiebaTag[];
  insertWord(word: string, tag?: string): boolean;
  DEFAULT_IDF_DICT: string;
}

const require = createRequire(import.meta.url);

/** Folder of the bundled dictionaries (dict/ at the package root, from src/ or dist/). */
export const DICT_DIR = fileURLToPath(new URL('../../dict/', import.meta.url));
export const POLICY_DICT = join(DICT_DIR, 'policy.dict.txt');
/**
 * A one-line IDF file for nodejieba's own keyword extractor, which policytext never calls (key
 * phrases use our tokens and read jieba's idf.utf8 themselves, extract/keywords/idf.ts). Loading
 * the real 6 MB table into cppjieba costs ~0.25 s and ~30 MB per process or batch worker for nothing.
 */
const UNUSED_EXTRACT_IDF = join(DICT_DIR, 'jieba-extract-idf.stub.utf8');

let jieba: NodeJieba | null = null;
/** The patched nodejieba's `cutUtf16Lengths` (scripts/jieba-patch.mjs); null with the published one. */
let nativeWordLengths: ((text: string) => Uint32Array) | null = null;
/** What cutWithTags uses: nativeWordLengths unless switched off (useNativeWordLengths). */
let wordLengths: ((text: string) => Uint32Array) | null = null;
/**
 * The patched nodejieba's `cutRangesUtf16Words`: the words of several stretches of a text in one
 * call, [generation, nodeCount, length0, id0, length1, id1 …] (see scripts/jieba-fast-cut.hpp).
 */
let nativeRangeWords: ((text: string, ranges: Uint32Array) => Uint32Array) | null = null;
let rangeWords: ((text: string, ranges: Uint32Array) => Uint32Array) | null = null;
/**
 * The patched nodejieba's `dictionaryWordTag(generation, id)`: the dictionary tag of a word
 * cutRangesUtf16Words gave an id ('' when it has none), undefined for another dictionary copy.
 */
let nativeWordTag: ((generation: number, id: number) => string | undefined) | null = null;
let wordTag: ((generation: number, id: number) => string | undefined) | null = null;
let loadedWith: string[] = [];
let loadMs = 0;

export interface JiebaOptions {
  /** Extra user dictionaries in jieba format (`word [freq] [tag]`). */
  userDicts?: string[];
}

/** Loads nodejieba once. Later calls with different user dictionaries add their words with insertWord. */
export function ensureJieba(options: JiebaOptions = {}): NodeJieba {
  const wanted = options.userDicts ?? [];
  if (jieba) {
    for (const path of wanted.filter((p) => !loadedWith.includes(p))) {
      // the native binding rejects an undefined tag argument, so pass one only when the entry has it
      for (const entry of readUserDict(path)) (entry.tag ? jieba.insertWord(entry.word, entry.tag) : jieba.insertWord(entry.word));
      loadedWith.push(path);
      knownWords.clear(); // new words can change what a word's tag is
    }
    return jieba;
  }
  const started = performance.now();
  const lib = require('nodejieba') as NodeJieba;
  const cleaned = wanted.map((p) => writeCleanDict(p));
  lib.load({ userDict: [POLICY_DICT, ...cleaned].join('|'), idfDict: UNUSED_EXTRACT_IDF });
  loadMs = performance.now() - started;
  ({ whole: nativeWordLengths, ranges: nativeRangeWords, tag: nativeWordTag } = wordLengthsOf(lib));
  wordLengths = nativeWordLengths;
  rangeWords = nativeRangeWords;
  wordTag = nativeWordTag;
  jieba = lib;
  loadedWith = [...wanted];
  return lib;
}

/**
 * The patched binding's `cutUtf16Lengths`, `cutRangesUtf16Words` and `dictionaryWordTag`, checked
 * against `cut` and `tag` on a sample, or nulls. nodejieba's index.js and this require load the
 * same .node file, so they share one addon instance (and its loaded dictionary); should they not,
 * the check fails and `cut` is used.
 */
function wordLengthsOf(lib: NodeJieba): {
  whole: ((text: string) => Uint32Array) | null;
  ranges: ((text: string, ranges: Uint32Array) => Uint32Array) | null;
  tag: ((generation: number, id: number) => string | undefined) | null;
} {
  const none = { whole: null, ranges: null, tag: null };
  try {
    const dir = dirname(require.resolve('nodejieba/package.json'));
    const binding = require(join(dir, 'build', 'Release', 'nodejieba.node')) as {
      cutUtf16Lengths?: (text: string) => Uint32Array;
      cutRangesUtf16Words?: (text: string, ranges: Uint32Array) => Uint32Array;
      dictionaryWordTag?: (generation: number, id: number) => string | undefined;
    };
    if (typeof binding.cutUtf16Lengths !== 'function') return none;
    const whole = (text: string) => binding.cutUtf16Lengths!(text);
    const sample = '柳州市地区生产总值增长，𠀀汽车产业';
    const expected = lib.cut(sample, true).map((w) => w.length).join();
    if ([...whole(sample)].join() !== expected) return none;
    if (typeof binding.cutRangesUtf16Words !== 'function') return { whole, ranges: null, tag: null };
    const ranges = (text: string, r: Uint32Array) => binding.cutRangesUtf16Words!(text, r);
    const split = 6; // the sample in two stretches: the words of each, in order
    const expectedSplit = [...lib.cut(sample.slice(0, split), true), ...lib.cut(sample.slice(split), true)].map((w) => w.length).join();
    const got = ranges(sample, Uint32Array.of(0, split, split, sample.length)).subarray(2).filter((_, i) => i % 2 === 0);
    if ([...got].join() !== expectedSplit) return { whole, ranges: null, tag: null };
    if (typeof binding.dictionaryWordTag !== 'function') return { whole, ranges, tag: null };
    const tag = (generation: number, id: number) => binding.dictionaryWordTag!(generation, id);
    // each dictionary word of the sample: its tag by id is the one `tag` gives it
    const cut = ranges(sample, Uint32Array.of(0, sample.length));
    const tagged = lib.tag(sample);
    const agrees = tagged.every((t, k) => {
      const id = cut[3 + 2 * k]!;
      return !id || (tag(cut[0]!, id) || specialRuleTag(t.word)) === t.tag;
    });
    return { whole, ranges, tag: agrees && tagged.length === (cut.length - 2) / 2 ? tag : null };
  } catch {
    return none;
  }
}

/**
 * Switches cutWithTags between the patched nodejieba's word lengths (the default when the binding
 * has them) and `cut`'s strings; for tests, which compare the two. Returns whether the native
 * lengths are available.
 */
export function useNativeWordLengths(on: boolean): boolean {
  ensureJieba();
  wordLengths = on ? nativeWordLengths : null;
  rangeWords = on ? nativeRangeWords : null;
  wordTag = on ? nativeWordTag : null;
  return nativeWordLengths !== null;
}

/**
 * Words and their part of speech, as `jieba.tag(text)` gives them, but faster.
 *
 * `tag` is `cut` (HMM on, the same segmentation) followed by a dictionary lookup per word
 * (cppjieba's PosTagger::LookupTag: the word's dictionary tag, else m/eng/x by its characters),
 * and its JS objects make it about twice as slow as `cut`. The lookup does not depend on the
 * context, so the tag of each word is asked once (`tag(word)`) and kept for the process. A
 * dictionary word that jieba splits when it stands alone (更多 → 更|多) cannot be asked that way;
 * for those few, the whole text is tagged once and the tag read at the word's place.
 *
 * The words come from the patched nodejieba's `cutUtf16Lengths` when it is there (scripts/
 * jieba-patch.mjs): the same segmentation as word lengths, so no JS string is made per word; each
 * word is looked up in the word table by its place in `text` and only new words are sliced out.
 * With the published nodejieba, from `cut(text, true)`.
 */
export function cutWithTags(text: string): { words: string[]; tags: string[] } {
  const lib = ensureJieba();
  const lengths = wordLengths?.(text);
  const n = lengths ? lengths.length : 0;
  let covered = 0;
  for (let i = 0; i < n; i++) covered += lengths![i]!;
  // the lengths must tile the text exactly (they always do for cppjieba); if not, take cut's strings
  if (!lengths || covered !== text.length) return tagWords(lib, text, lib.cut(text, true));
  const words = new Array<string>(n);
  const tags = new Array<string>(n);
  let unknown = false;
  for (let i = 0, pos = 0; i < n; i++) {
    const end = pos + lengths[i]!;
    const known = knownWords.find(text, pos, end) ?? askTag(lib, text.slice(pos, end));
    if (typeof known === 'string') {
      words[i] = known;
      unknown = true;
    } else {
      // the table's string, not a fresh slice: maps keyed by words downstream (features, counts,
      // IDF) then compare the same string object at once
      words[i] = known.word;
      tags[i] = known.tag;
    }
    pos = end;
  }
  return unknown ? tagInContext(lib, text, words, tags) : { words, tags };
}

/**
 * cutWithTags on several stretches of one text: `ranges` holds [from, to) pairs of UTF-16 offsets
 * (in order, not overlapping). Returns the words and tags of every stretch, in order, and how many
 * words each stretch has. With `exact`, the words of a stretch are its exact slices (they add up
 * to its length); otherwise they are jieba's strings, which could in principle differ (cut returns
 * U+FFFD for a lone surrogate, for one). With the patched nodejieba, one
 * native call for all the stretches (a call costs about as much as segmenting 30 characters, and
 * a report has hundreds of stretches between its numbers), and the words met for the first time
 * are tagged by their word ids (firstMeeting) instead of asking `tag`; otherwise cutWithTags on each.
 */
export function cutRangesWithTags(text: string, ranges: Uint32Array): RangeWords {
  const lib = ensureJieba();
  const cut = rangeWords?.(text, ranges);
  if (!cut || !tiles(cut, ranges)) return cutEachRange(text, ranges);
  const generation = cut[0]!;
  const nodeCount = cut[1]!;
  let byId = entriesById(generation, nodeCount);
  const n = (cut.length - 2) >> 1;
  const words = new Array<string>(n);
  const tags = new Array<string>(n);
  const keys = new Int32Array(n);
  const counts = new Uint32Array(ranges.length >> 1);
  let w = 0;
  const epoch = knownWords.epoch;
  for (let r = 0; r < ranges.length; r += 2) {
    const first = w;
    let unknown = false;
    for (let pos = ranges[r]!, to = ranges[r + 1]!; pos < to; w++) {
      const end = pos + cut[2 + 2 * w]!;
      const id = cut[3 + 2 * w]!;
      // a dictionary word is found by its id once met (its word and tag read from the table's
      // arrays); others (and first meetings) in the table
      const entry = id ? byId[id]! : 0;
      if (entry) {
        words[w] = knownWords.words[entry - 1]!;
        tags[w] = knownWords.tags[entry - 1]!;
        keys[w] = entry - 1;
        pos = end;
        continue;
      }
      const known = knownWords.find(text, pos, end) ?? firstMeeting(lib, text, pos, end, generation, id);
      // a new word may fill the word table and clear it: the ids' entries are stale then
      byId = entriesById(generation, nodeCount);
      if (id && typeof known !== 'string') byId[id] = knownWords.indexOf(known) + 1;
      if (typeof known === 'string') {
        words[w] = known;
        keys[w] = -1;
        unknown = true;
      } else {
        words[w] = known.word; // the table's string (see cutWithTags)
        tags[w] = known.tag;
        keys[w] = known.index;
      }
      pos = end;
    }
    if (unknown) {
      // rare (a word jieba splits when alone): the stretch's tags from `tag` of the stretch
      const stretch = tagInContext(lib, text.slice(ranges[r]!, ranges[r + 1]!), words.slice(first, w), tags.slice(first, w));
      // should tag have cut the stretch otherwise than cut did, start again the slow way (cutWithTags
      // then takes tag's words, as it always has)
      if (stretch.words.length !== w - first || stretch.words.some((x, k) => x !== words[first + k])) return cutEachRange(text, ranges);
      for (let k = 0; k < stretch.words.length; k++) {
        tags[first + k] = stretch.tags[k]!;
        // a key stands for its entry's word and tag (SegmentedText.keyEpoch): a word tagged otherwise
        // in context has none
        const key = keys[first + k]!;
        if (key >= 0 && knownWords.tags[key] !== stretch.tags[k]) keys[first + k] = -1;
      }
      byId = entriesById(generation, nodeCount);
    }
    counts[r >> 1] = w - first;
  }
  // keys made before the table was cleared (a new word filled it) mean other words now
  return { words, tags, counts, exact: true, keys, keyEpoch: knownWords.epoch === epoch ? epoch : -1 };
}

export interface RangeWords {
  words: string[];
  tags: string[];
  /** Words per range. */
  counts: Uint32Array;
  /** True when the words are exact slices of the text (see cutRangesWithTags). */
  exact: boolean;
  /** Per word, its word key (see wordOfKey), −1 for none; absent on the slow path. */
  keys?: Int32Array;
  /**
   * The wordKeyEpoch() every key was made in, −1 when the table was cleared while they were made.
   * In that epoch a key stands for one word with one tag (the entry's): a word whose tag in
   * context differs from its entry's gets no key.
   */
  keyEpoch?: number;
}

/**
 * The word a word key stands for, or undefined. Word keys are the word table's entry indices: the
 * same key is the same word (the same string object) until the table is cleared, which changes
 * wordKeyEpoch(). Consumers that count words (phrase learning) map keys to their own ids through
 * an array instead of hashing each word; they check the word, so a stale key only costs a lookup.
 */
export function wordOfKey(key: number): string | undefined {
  return key >= 0 && key < knownWords.size ? knownWords.words[key] : undefined;
}

/** Changes whenever word keys start meaning other words (see wordOfKey). */
export function wordKeyEpoch(): number {
  return knownWords.epoch;
}

/** True when the word lengths (cutRangesUtf16Words' output) add up to each range's size exactly (cppjieba always covers its input). */
function tiles(cut: Uint32Array, ranges: Uint32Array): boolean {
  if (cut.length < 2 || cut.length % 2) return false;
  let k = 2;
  for (let r = 0; r < ranges.length; r += 2) {
    let left = ranges[r + 1]! - ranges[r]!;
    while (left > 0 && k < cut.length) {
      left -= cut[k]!;
      k += 2;
    }
    if (left !== 0) return false;
  }
  return k === cut.length;
}

/**
 * The word table's entry (index + 1; 0: not met yet) of each FastCut word id, for the dictionary
 * copy `generation` (ids mean other words in another copy: after insertWord or load) and the
 * table's current contents. Numbers, not objects: no hashing, no string comparison, and nothing
 * for the garbage collector to trace.
 */
let idGeneration = -1;
let idTableEpoch = -1;
let entryById = new Int32Array(0);

function entriesById(generation: number, nodeCount: number): Int32Array {
  if (generation !== idGeneration || knownWords.epoch !== idTableEpoch) {
    idGeneration = generation;
    idTableEpoch = knownWords.epoch;
    entryById = new Int32Array(nodeCount);
  }
  return entryById;
}

function cutEachRange(text: string, ranges: Uint32Array): RangeWords {
  const words: string[] = [];
  const tags: string[] = [];
  const counts = new Uint32Array(ranges.length >> 1);
  for (let r = 0; r < ranges.length; r += 2) {
    const part = cutWithTags(text.slice(ranges[r]!, ranges[r + 1]!));
    for (let k = 0; k < part.words.length; k++) {
      words.push(part.words[k]!);
      tags.push(part.tags[k]!);
    }
    counts[r >> 1] = part.words.length;
  }
  return { words, tags, counts, exact: false };
}

/** cutWithTags on words jieba already cut as strings (the published nodejieba's `cut`). */
function tagWords(lib: NodeJieba, text: string, words: string[]): { words: string[]; tags: string[] } {
  const tags = new Array<string>(words.length);
  let unknown = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const known = knownWords.find(word, 0, word.length) ?? askTag(lib, word);
    if (typeof known === 'string') unknown = true;
    else {
      words[i] = known.word;
      tags[i] = known.tag;
    }
  }
  return unknown ? tagInContext(lib, text, words, tags) : { words, tags };
}

/**
 * A word met for the first time, with its tag, now in the table; without asking jieba to segment it
 * again when FastCut has named it. cppjieba's tag is PosTagger::LookupTag, which does not depend on
 * the context: the word's dictionary tag, or, for a word outside the dictionary (or one without a
 * tag), SpecialRule by its characters (specialRuleTag). Word id 0 is a word outside the dictionary,
 * except for words with U+FFFD or a surrogate (FastCut gives those no id), which are asked (askTag),
 * as are all words when the binding has no dictionaryWordTag.
 */
function firstMeeting(lib: NodeJieba, text: string, start: number, end: number, generation: number, id: number): KnownWord | string {
  const word = text.slice(start, end);
  if (wordTag && !REPLACEMENT_OR_SURROGATE.test(word)) {
    const tag = id ? wordTag(generation, id) : '';
    if (tag !== undefined) return rememberTag(word, tag || specialRuleTag(word));
  }
  return askTag(lib, word);
}

const REPLACEMENT_OR_SURROGATE = /[\uFFFD\uD800-\uDFFF]/;

/**
 * cppjieba's PosTagger::SpecialRule, for a word of BMP characters: m when the ASCII characters it
 * counted are all digits, eng when some is not, x when it counted none. It counts only while fewer
 * than half the characters (rounded down) were ASCII, so a one-character word is always x.
 */
export function specialRuleTag(word: string): string {
  const n = word.length;
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < n && ascii < Math.floor(n / 2); i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      ascii++;
      if (c >= 0x30 && c <= 0x39) digits++;
    }
  }
  if (ascii === 0) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

/** The word with its tag, now in the table; or the word itself when jieba splits it when alone. */
function askTag(lib: NodeJieba, word: string): KnownWord | string {
  const alone = lib.tag(word);
  return alone.length === 1 && alone[0]!.word === word ? rememberTag(word, alone[0]!.tag) : word;
}

/** Fills the tags `askTag` could not give from `tag` of the whole text. */
function tagInContext(lib: NodeJieba, text: string, words: string[], tags: string[]): { words: string[]; tags: string[] } {
  const full = lib.tag(text);
  // cut and tag segment alike; should they ever differ, tag's own answer is the truth
  if (full.length !== words.length || full.some((t, i) => t.word !== words[i])) return { words: full.map((t) => t.word), tags: full.map((t) => t.tag) };
  for (let i = 0; i < words.length; i++) if (tags[i] === undefined) tags[i] = rememberTag(words[i]!, full[i]!.tag).tag;
  return { words, tags };
}

/** A word as jieba's dictionary knows it, with its tag (and its place in the WordTable that made it). */
interface KnownWord {
  word: string;
  tag: string;
  index: number;
}

/**
 * Known words and their tags, found by a stretch of text (no string needed for the lookup):
 * open addressing over a code-unit hash. For this process's dictionary; cleared when words are
 * added, and when it reaches its limit (tagCacheLimit; a batch of thousands of reports keeps meeting names).
 */
export class WordTable {
  private slots = new Int32Array(1 << 16); // entry index + 1; 0 = empty
  private entries: KnownWord[] = [];
  /**
   * Each entry's word and tag again, in arrays of their own (read them, never write them): the
   * segmentation reads them by entry index for every token, and an array of strings is one memory
   * read less than the entry object.
   */
  words: string[] = [];
  tags: string[] = [];
  private hashes: number[] = [];
  private clears = 0;

  /** Changes whenever the table is cleared (entry indices then mean other words). */
  get epoch(): number {
    return this.clears;
  }

  /** The entry at `index` (0 … size − 1). */
  entry(index: number): KnownWord {
    return this.entries[index]!;
  }

  /** The index of an entry of this table, −1 for anything else. */
  indexOf(known: KnownWord): number {
    return this.entries[known.index] === known ? known.index : -1;
  }

  get size(): number {
    return this.entries.length;
  }

  find(text: string, start: number, end: number): KnownWord | undefined {
    const mask = this.slots.length - 1;
    const h = hashRange(text, start, end);
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.slots[i]!;
      if (e === 0) return undefined;
      const known = this.entries[e - 1]!;
      if (this.hashes[e - 1] === h && known.word.length === end - start && text.startsWith(known.word, start)) return known;
    }
  }

  /**
   * The entry for `word`, made with `tag` if there is none. Never a second entry: a word read in
   * context (tagInContext) may be here already, and copies would pile up in one probe run (its tag
   * is the same: jieba's tag lookup ignores the context).
   */
  add(word: string, tag: string): KnownWord {
    const existing = this.find(word, 0, word.length);
    if (existing) return existing;
    const known = { word, tag, index: this.entries.length };
    this.entries.push(known);
    this.words.push(word);
    this.tags.push(tag);
    this.hashes.push(hashRange(word, 0, word.length));
    if (this.entries.length * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(this.entries.length - 1);
    return known;
  }

  clear(): void {
    this.clears++;
    this.entries = [];
    this.words = [];
    this.tags = [];
    this.hashes = [];
    this.slots = new Int32Array(1 << 16);
  }

  private place(index: number): void {
    const mask = this.slots.length - 1;
    let i = this.hashes[index]! & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = index + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let k = 0; k < this.entries.length; k++) this.place(k);
  }
}

/** FNV-1a over the UTF-16 code units of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff; // a small integer, so the hashes array stays one of small integers
}

const knownWords = new WordTable();
/** Words the table keeps before it starts again (a batch of thousands of reports keeps meeting names). */
let tagCacheLimit = 500_000;

/** Sets the word table's limit and empties it; for tests, which need to reach the limit. Returns the old limit. */
export function setWordTableLimit(limit: number): number {
  const old = tagCacheLimit;
  tagCacheLimit = limit;
  knownWords.clear();
  return old;
}

function rememberTag(word: string, tag: string): KnownWord {
  if (knownWords.size >= tagCacheLimit) knownWords.clear();
  return knownWords.add(word, tag);
}

export function jiebaLoadMilliseconds(): number {
  return loadMs;
}

export function jiebaIdfPath(): string {
  return (require('nodejieba') as NodeJieba).DEFAULT_IDF_DICT;
}

interface DictEntry {
  word: string;
  freq?: number;
  tag?: string;
}

/**
 * Reads a user dictionary leniently: UTF-8 with or without BOM, CRLF or LF,
 * `word`, `word freq`, `word tag` or `word freq tag`; blank lines and `#` comments skipped.
 */
export function readUserDict(path: string): DictEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'not-found' : 'unreadable', `dictionary cannot be read (${code})`);
  }
  return parseUserDict(text.replace(/^\uFEFF/, ''));
}

export function parseUserDict(text: string): DictEntry[] {
  const entries: DictEntry[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [word, second, third] = line.split(/\s+/);
    if (!word) continue;
    if (second !== undefined && /^\d+(?:\.\d+)?$/.test(second)) entries.push({ word, freq: Number(second), tag: third });
    else entries.push({ word, tag: second });
  }
  return entries;
}

/** cppjieba is strict about its user-dictionary format, so hand it a cleaned copy. */
function writeCleanDict(path: string): string {
  const entries = readUserDict(path);
  const dir = mkdtempSync(join(tmpdir(), 'policytext-dict-'));
  const out = join(dir, 'user.dict.utf8');
  // cppjieba reads 2 fields as "word tag" and 3 as "word freq tag": a frequency needs a tag.
  const line = (e: DictEntry) => (e.freq !== undefined ? `${e.word} ${e.freq} ${e.tag ?? 'n'}` : e.tag ? `${e.word} ${e.tag}` : e.word);
  writeFileSync(out, entries.map(line).join('\n') + '\n');
  return out;
}
