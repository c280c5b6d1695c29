/**
 * Memoised word and tag features for the term filters (terms.ts) and phrase learning (phrases.ts).
 *
 * Those filters run on every token of every document, several times (each phrase pass), and each
 * test is a regular expression or a walk over the word's characters (isBoilerplate tries every
 * split of the word). A report has a few thousand distinct words, so each word's features are
 * worked out once and kept as bits: same answers, a Map lookup instead of a dozen regex runs.
 *
 * The word cache is cleared when the stop-word or boilerplate lists change size (they are plain
 * Sets a caller could add to) and when it grows past a bound (batch runs through many documents).
 */
import { isPunctuation } from '../../segment/segment.js';
import { boilerplateWords, genericStopwords } from '../../segment/stopwords.js';

/** Word features (bits). */
export const W_BLANK = 1 << 0; // !word.trim()
export const W_PUNCT = 1 << 1; // isPunctuation(word)
export const W_STOP = 1 << 2; // generic stop word
export const W_DIGIT = 1 << 3; // /\d/
export const W_LATIN = 1 << 4; // /[A-Za-z]/
export const W_NUMBER_WORD = 1 << 5; // Chinese numeral word (三年, 二十大, 第一)
export const W_HAN_WORD = 1 << 6; // /^\p{Script=Han}+$/u
export const W_HAS_CJK = 1 << 7; // /\p{Script=Han}/u
export const W_BOILER = 1 << 8; // isBoilerplate(word)
export const W_HEAD_NOUN = 1 << 9; // 体系, 机制 … (may close a phrase though boilerplate)
export const W_GENERIC_MOD = 1 << 10; // GENERIC_MODIFIERS
export const W_FUNCTION_PAIR = 1 << 11; // 这是, 就是 …
export const W_SINGLE = 1 << 12; // fewer than 2 code points

export interface WordFeatures {
  bits: number;
  /** Length in code points ([...word].length). */
  chars: number;
}

/** Tag features (bits). */
export const T_PHRASE = 1 << 0;
export const T_M = 1 << 1; // m, mq
export const T_ENG = 1 << 2;
export const T_X = 1 << 3;
export const T_ADLIKE = 1 << 4; // ad, vd, ag, vg
export const T_NG = 1 << 5;
export const T_PART_POS = 1 << 6; // starts with n, v, a, b, j, eng
export const T_VERB = 1 << 7; // v, vg
export const T_END_POS = 1 << 8; // starts with n, vn, j, eng
export const T_CONTENT_POS = 1 << 9; // starts with a CONTENT_POS prefix (n, vn, j, eng)

export const CN_NUMERAL = '零〇一二两三四五六七八九十百千万亿';
export const NUMBER_WORD = new RegExp(`^(?:第)?[${CN_NUMERAL}]+(?:[个大项条年次届期批件种类号月日天]|周年|多|余)?$`);
/** Words of scope that say nothing about the topic (全市, 全区, 我市 …); treated as boilerplate. */
export const SCOPE_WORD = /^(?:全|我|本)[国省市区县州旗镇乡村]$/;
/**
 * Words of manner that jieba leaves as noun + 化 and that modify verbs (常态化开展):
 * not topics. Kept with boilerplate (shown with keepBoilerplate).
 */
export const GENERIC_MODIFIERS = new Set(['常态化', '制度化', '规范化', '精细化', '精准化', '长效化', '系统化', '多元化', '规模化', '集约化', '便利化', '最大化', '具体化']);
/** Boilerplate nouns that may still close a term (产业体系, 创新能力, 营商环境). */
export const HEAD_NOUNS = new Set(['体系', '机制', '能力', '水平', '环境', '基础', '格局']);

const HAN_WORD = /^\p{Script=Han}+$/u;
const HAS_CJK = /\p{Script=Han}/u;
const FUNCTION_PAIR_START = /^[这那其该此各每某就也都还]/;
const FUNCTION_PAIR_END = /[的了是着过]$/;

/** The uncached boilerplate test (see isBoilerplate in terms.ts). */
export function computeBoilerplate(word: string): boolean {
  const list = boilerplateWords();
  if (list.has(word) || SCOPE_WORD.test(word) || GENERIC_MODIFIERS.has(word)) return true;
  const stop = genericStopwords();
  const chars = [...word];
  if (chars.length < 3) return false;
  for (let i = 1; i < chars.length; i++) {
    const left = chars.slice(0, i).join('');
    const right = chars.slice(i).join('');
    if ((list.has(left) || stop.has(left)) && list.has(right)) return true;
    if (list.has(left) && stop.has(right)) return true;
  }
  return false;
}

const MAX_WORDS = 200_000;
let cache = new Map<string, WordFeatures>();
let listSizes = -1;

function codePoints(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    // a high surrogate followed by a low one is one code point, as [...word] counts
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) {
      const d = word.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function compute(word: string): WordFeatures {
  const stop = genericStopwords();
  let bits = 0;
  if (!word.trim()) bits |= W_BLANK;
  if (isPunctuation(word)) bits |= W_PUNCT;
  if (stop.has(word)) bits |= W_STOP;
  if (/\d/.test(word)) bits |= W_DIGIT;
  if (/[A-Za-z]/.test(word)) bits |= W_LATIN;
  if (NUMBER_WORD.test(word)) bits |= W_NUMBER_WORD;
  if (HAN_WORD.test(word)) bits |= W_HAN_WORD;
  if (HAS_CJK.test(word)) bits |= W_HAS_CJK;
  if (computeBoilerplate(word)) bits |= W_BOILER;
  if (HEAD_NOUNS.has(word)) bits |= W_HEAD_NOUN;
  if (GENERIC_MODIFIERS.has(word)) bits |= W_GENERIC_MOD;
  if (FUNCTION_PAIR_START.test(word) || FUNCTION_PAIR_END.test(word)) bits |= W_FUNCTION_PAIR;
  const chars = codePoints(word);
  if (chars < 2) bits |= W_SINGLE;
  return { bits, chars };
}

/** The word cache, cleared when the lists it depends on changed. Call once per batch of lookups. */
export function wordCache(): Map<string, WordFeatures> {
  const sizes = genericStopwords().size * 1_000_003 + boilerplateWords().size;
  if (sizes !== listSizes || cache.size > MAX_WORDS) {
    cache = new Map();
    listSizes = sizes;
  }
  return cache;
}

/** Features of `word` from `c` (a `wordCache()`). */
export function featuresIn(c: Map<string, WordFeatures>, word: string): WordFeatures {
  let f = c.get(word);
  if (f === undefined) {
    f = compute(word);
    c.set(word, f);
  }
  return f;
}

export function wordFeatures(word: string): WordFeatures {
  return featuresIn(wordCache(), word);
}

const tagCache = new Map<string, number>();
const PART_POS = ['n', 'v', 'a', 'b', 'j', 'eng'];
const END_POS = ['n', 'vn', 'j', 'eng'];
const CONTENT_POS_PREFIXES = ['n', 'vn', 'j', 'eng'];

export function tagFeatures(tag: string): number {
  let bits = tagCache.get(tag);
  if (bits === undefined) {
    bits = 0;
    if (tag === 'phrase') bits |= T_PHRASE;
    if (tag === 'm' || tag === 'mq') bits |= T_M;
    if (tag === 'eng') bits |= T_ENG;
    if (tag === 'x') bits |= T_X;
    if (tag === 'ad' || tag === 'vd' || tag === 'ag' || tag === 'vg') bits |= T_ADLIKE;
    if (tag === 'ng') bits |= T_NG;
    if (PART_POS.some((p) => tag.startsWith(p))) bits |= T_PART_POS;
    if (tag === 'v' || tag === 'vg') bits |= T_VERB;
    if (END_POS.some((p) => tag.startsWith(p))) bits |= T_END_POS;
    if (CONTENT_POS_PREFIXES.some((p) => tag.startsWith(p))) bits |= T_CONTENT_POS;
    if (tagCache.size > 10_000) tagCache.clear();
    tagCache.set(tag, bits);
  }
  return bits;
}

/** isNumberToken from features. */
export function numberFrom(w: number, t: number): boolean {
  if (t & T_M) return true;
  if (w & W_DIGIT && !(t & T_ENG && w & W_LATIN)) return true;
  return (w & W_NUMBER_WORD) !== 0;
}
