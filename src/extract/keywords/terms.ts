/**
 * Which tokens count as terms for key-phrase work, and the term stream every
 * ranking reads: tokens → (phrases merged) → content terms only.
 *
 * A content term is, by default:
 *  - a noun-like part of speech: n* (n, nr, ns, nt, nz …), vn (verbal noun: 改革,
 *    消费), j (abbreviation), eng, and `x` words of two or more Chinese characters
 *    (how jieba tags words its HMM found). Plain verbs (获评, 入选, 创建) are left out;
 *  - at least two characters;
 *  - not a number (POS m/mq, digits, or a Chinese numeral word such as 三年, 二十大);
 *  - not punctuation, not a generic stop word, not on the policy-boilerplate list
 *    (unless `keepBoilerplate`), nor made of two such words (大力开展), nor a
 *    word of scope (全市, 全区, 我市).
 * Merged phrases (POS `phrase`) are always content terms.
 */
import { isPunctuation, type Token } from '../../segment/segment.js';
import { boilerplateWords, genericStopwords } from '../../segment/stopwords.js';

/** POS prefixes kept by default. */
export const CONTENT_POS = ['n', 'vn', 'j', 'eng'];

/** Words of scope that say nothing about the topic (全市, 全区, 我市 …); treated as boilerplate. */
const SCOPE_WORD = /^(?:全|我|本)[国省市区县州旗镇乡村]$/;

/**
 * True for boilerplate, including words the list does not hold but that are made
 * of two boilerplate or stop words (大力开展 = 大力 + 开展, 全面加强 = 全面 + 加强) and scope
 * words (全市, 我区).
 */
export function isBoilerplate(word: string): boolean {
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

export interface TermOptions {
  /** Keep the policy-boilerplate words (推进, 加快, 建设 …). Default false. */
  keepBoilerplate?: boolean;
  /** POS prefixes to keep instead of CONTENT_POS. */
  pos?: string[];
  /** Keep single-character words. Default false. */
  keepSingleChars?: boolean;
}

/** A token of the term stream: a word, or a phrase merged from adjacent words. */
export interface Term extends Token {
  /** The words a merged phrase was made of (absent for single words). */
  parts?: string[];
}

const CN_NUMERAL = '零〇一二两三四五六七八九十百千万亿';
const NUMBER_WORD = new RegExp(`^(?:第)?[${CN_NUMERAL}]+(?:[个大项条年次届期批件种类号月日天]|周年|多|余)?$`);

/** True for tokens that are numbers or quantities (2.8%, 1296亿元, 三年, 二十大, 第一). */
export function isNumberToken(word: string, tag: string): boolean {
  if (tag === 'm' || tag === 'mq') return true;
  if (/\d/.test(word) && !(tag === 'eng' && /[A-Za-z]/.test(word))) return true;
  return NUMBER_WORD.test(word);
}

/**
 * Words of manner that jieba leaves as noun + 化 and that modify verbs (常态化开展):
 * not topics. Kept with boilerplate (shown with keepBoilerplate).
 */
export const GENERIC_MODIFIERS = new Set(['常态化', '制度化', '规范化', '精细化', '精准化', '长效化', '系统化', '多元化', '规模化', '集约化', '便利化', '最大化', '具体化']);

/** Words jieba's HMM finds (tag x) that are really function-word pairs (这是, 就是 …). */
function isFunctionPair(word: string): boolean {
  return /^[这那其该此各每某就也都还]/.test(word) || /[的了是着过]$/.test(word);
}

function hasCjk(word: string): boolean {
  return /\p{Script=Han}/u.test(word);
}

/** Does this token pass the POS test? */
export function isContentPos(tag: string, word: string, pos: string[] = CONTENT_POS): boolean {
  if (tag === 'phrase') return true;
  if (tag === 'x') return pos === CONTENT_POS && hasCjk(word) && [...word].length >= 2 && /^\p{Script=Han}+$/u.test(word) && !isFunctionPair(word);
  return pos.some((p) => tag.startsWith(p));
}

/** Is this token (or merged phrase) a content term under `options`? */
export function isContentTerm(t: Pick<Term, 'word' | 'tag'>, options: TermOptions = {}): boolean {
  const { word, tag } = t;
  if (tag === 'phrase') return options.keepBoilerplate === true || !GENERIC_MODIFIERS.has(word);
  if (!word.trim() || isPunctuation(word)) return false;
  if (!options.keepSingleChars && [...word].length < 2) return false;
  if (isNumberToken(word, tag)) return false;
  if (!isContentPos(tag, word, options.pos ?? CONTENT_POS)) return false;
  if (genericStopwords().has(word)) return false;
  if (!options.keepBoilerplate && isBoilerplate(word)) return false;
  return true;
}

/** The content terms of a token (or merged) stream, in order. */
export function contentTerms(tokens: Term[], options: TermOptions = {}): Term[] {
  return tokens.filter((t) => isContentTerm(t, options));
}

/** Counts of each term; `tags` keeps the most frequent POS per term. */
export interface TermCounts {
  counts: Map<string, number>;
  tags: Map<string, string>;
  /** Sum of all counts (the corpus size for keyness). */
  total: number;
  /** Characters of normalised text (line breaks excluded), for per-10k rates. */
  chars: number;
  /** Parts of merged phrases. */
  parts: Map<string, string[]>;
}

export function countTerms(terms: Term[], chars: number): TermCounts {
  const counts = new Map<string, number>();
  const tagCounts = new Map<string, Map<string, number>>();
  const parts = new Map<string, string[]>();
  for (const t of terms) {
    counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
    let m = tagCounts.get(t.word);
    if (!m) tagCounts.set(t.word, (m = new Map()));
    m.set(t.tag, (m.get(t.tag) ?? 0) + 1);
    if (t.parts && !parts.has(t.word)) parts.set(t.word, t.parts);
  }
  const tags = new Map<string, string>();
  for (const [w, m] of tagCounts) tags.set(w, [...m].sort((a, b) => b[1] - a[1])[0]![0]);
  return { counts, tags, total: terms.length, chars, parts };
}
