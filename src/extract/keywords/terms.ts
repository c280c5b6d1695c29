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
import type { Token } from '../../segment/segment.js';
import {
  T_CONTENT_POS,
  T_PHRASE,
  T_X,
  W_BLANK,
  W_BOILER,
  W_FUNCTION_PAIR,
  W_GENERIC_MOD,
  W_HAN_WORD,
  W_HAS_CJK,
  W_PUNCT,
  W_SINGLE,
  W_STOP,
  featuresIn,
  numberFrom,
  tagFeatures,
  wordCache,
  wordFeatures,
  type WordFeatures,
} from './features.js';

export { GENERIC_MODIFIERS } from './features.js';

/** POS prefixes kept by default. */
export const CONTENT_POS = ['n', 'vn', 'j', 'eng'];

/**
 * True for boilerplate, including words the list does not hold but that are made
 * of two boilerplate or stop words (大力开展 = 大力 + 开展, 全面加强 = 全面 + 加强) and scope
 * words (全市, 我区).
 */
export function isBoilerplate(word: string): boolean {
  return (wordFeatures(word).bits & W_BOILER) !== 0;
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

/** True for tokens that are numbers or quantities (2.8%, 1296亿元, 三年, 二十大, 第一). */
export function isNumberToken(word: string, tag: string): boolean {
  return numberFrom(wordFeatures(word).bits, tagFeatures(tag));
}

/** Does this token pass the POS test? */
export function isContentPos(tag: string, word: string, pos: string[] = CONTENT_POS): boolean {
  return contentPos(tagFeatures(tag), tag, wordFeatures(word).bits, pos);
}

function contentPos(t: number, tag: string, w: number, pos: string[]): boolean {
  if (t & T_PHRASE) return true;
  if (t & T_X) return pos === CONTENT_POS && (w & (W_HAS_CJK | W_HAN_WORD)) === (W_HAS_CJK | W_HAN_WORD) && !(w & W_SINGLE) && !(w & W_FUNCTION_PAIR);
  if (pos === CONTENT_POS) return (t & T_CONTENT_POS) !== 0;
  return pos.some((p) => tag.startsWith(p));
}

/** Is this token (or merged phrase) a content term under `options`? */
export function isContentTerm(t: Pick<Term, 'word' | 'tag'>, options: TermOptions = {}): boolean {
  return contentTermIn(wordCache(), t.word, t.tag, options, options.pos ?? CONTENT_POS);
}

function contentTermIn(cache: Map<string, WordFeatures>, word: string, tag: string, options: TermOptions, pos: string[]): boolean {
  return contentTermFrom(featuresIn(cache, word).bits, tagFeatures(tag), tag, options, pos);
}

/** isContentTerm on a token's word and tag features (features.ts), as phrase learning has them at hand. */
export function contentTermTest(options: TermOptions = {}): (wordBits: number, tagBits: number, tag: string) => boolean {
  const pos = options.pos ?? CONTENT_POS;
  return (w, t, tag) => contentTermFrom(w, t, tag, options, pos);
}

function contentTermFrom(w: number, t: number, tag: string, options: TermOptions, pos: string[]): boolean {
  if (t & T_PHRASE) return options.keepBoilerplate === true || !(w & W_GENERIC_MOD);
  if (w & (W_BLANK | W_PUNCT)) return false;
  if (!options.keepSingleChars && w & W_SINGLE) return false;
  if (numberFrom(w, t)) return false;
  if (!contentPos(t, tag, w, pos)) return false;
  if (w & W_STOP) return false;
  if (!options.keepBoilerplate && w & W_BOILER) return false;
  return true;
}

/** The content terms of a token (or merged) stream, in order. */
export function contentTerms(tokens: Term[], options: TermOptions = {}): Term[] {
  const cache = wordCache();
  const pos = options.pos ?? CONTENT_POS;
  const out: Term[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (contentTermIn(cache, tok.word, tok.tag, options, pos)) out.push(tok);
  }
  return out;
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
  return countParagraphs([terms], chars);
}

/** What the count learns of one term while it walks the stream. */
export interface TermTally {
  word: string;
  count: number;
  /** The first tag seen and how often it was seen. */
  firstTag: string;
  firstTagCount: number;
  /** Every tag's count, made only once a second tag shows up (most words have one). */
  tagCounts: Map<string, number> | null;
}

/**
 * Term counts as they are gathered: a tally per term in order of first sight, the first parts
 * seen per phrase, the number of occurrences. Who finds a term's tally is the caller's business:
 * countParagraphs by its word, phrase learning by its word id (phrases.ts), so that the two count
 * alike and give the same TermCounts.
 */
export class TermTallies {
  readonly list: TermTally[] = [];
  readonly parts = new Map<string, string[]>();
  total = 0;

  /** The first occurrence of `word`: its new tally. */
  first(word: string, tag: string, parts: string[] | undefined): TermTally {
    const tally: TermTally = { word, count: 1, firstTag: tag, firstTagCount: 1, tagCounts: null };
    this.list.push(tally);
    this.total++;
    if (parts) this.parts.set(word, parts);
    return tally;
  }

  /** A further occurrence of the tally's term. */
  again(tally: TermTally, tag: string, parts: string[] | undefined): void {
    this.total++;
    tally.count++;
    if (tally.tagCounts) tally.tagCounts.set(tag, (tally.tagCounts.get(tag) ?? 0) + 1);
    else if (tally.firstTag === tag) tally.firstTagCount++;
    else tally.tagCounts = new Map([[tally.firstTag, tally.firstTagCount], [tag, 1]]);
    if (parts && !this.parts.has(tally.word)) this.parts.set(tally.word, parts);
  }

  /** The counts, terms in order of first sight; `chars` as TermCounts has it. */
  counts(chars: number): TermCounts {
    const counts = new Map<string, number>();
    const tags = new Map<string, string>();
    for (let i = 0; i < this.list.length; i++) {
      const tally = this.list[i]!;
      counts.set(tally.word, tally.count);
      tags.set(tally.word, tallyTag(tally));
    }
    return { counts, tags, total: this.total, chars, parts: this.parts };
  }
}

/** countTerms over the terms of several paragraphs (without concatenating them first). */
export function countParagraphs(paragraphs: Term[][], chars: number): TermCounts {
  // one Map lookup per term occurrence: everything known about a term sits in its tally
  const byWord = new Map<string, TermTally>();
  const tallies = new TermTallies();
  for (const terms of paragraphs) {
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      const tally = byWord.get(t.word);
      if (tally === undefined) byWord.set(t.word, tallies.first(t.word, t.tag, t.parts));
      else tallies.again(tally, t.tag, t.parts);
    }
  }
  return tallies.counts(chars);
}

/** The most frequent tag; on a tie the one seen first (as a stable sort by count gives). */
export function tallyTag(tally: TermTally): string {
  if (!tally.tagCounts) return tally.firstTag;
  let best = tally.firstTag;
  let bestCount = -1;
  for (const [tag, n] of tally.tagCounts) {
    if (n > bestCount) {
      best = tag;
      bestCount = n;
    }
  }
  return best;
}
