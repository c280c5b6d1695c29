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
import { isPunctuation, type Token } from '../../segment/segment.js';
import { genericStopwords } from '../../segment/stopwords.js';
import { g2 } from './keyness.js';
import { isBoilerplate, isNumberToken, type Term } from './terms.js';

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
const PART_POS = ['n', 'v', 'a', 'b', 'j', 'eng'];
const END_POS = ['n', 'vn', 'j', 'eng'];

function isHanWord(word: string): boolean {
  return /^\p{Script=Han}+$/u.test(word);
}

function isPart(t: Term): boolean {
  if (t.tag === 'phrase') return true;
  const w = t.word;
  if (!w.trim() || isPunctuation(w) || genericStopwords().has(w) || isNumberToken(w, t.tag)) return false;
  if (t.tag === 'x') return isHanWord(w);
  if (t.tag === 'ad' || t.tag === 'vd' || t.tag === 'ag' || t.tag === 'vg' || t.tag === 'ng' && [...w].length < 2) return false;
  return PART_POS.some((p) => t.tag.startsWith(p));
}

function canStart(t: Term): boolean {
  if (t.tag === 'phrase') return true;
  // verb + object is a clause, not a term (成为全国, 贯彻党); verbal nouns (vn) may start one
  if (t.tag === 'v' || t.tag === 'vg') return false;
  return !isBoilerplate(t.word);
}

/** Boilerplate nouns that may still close a term (产业体系, 创新能力, 营商环境). */
const HEAD_NOUNS = new Set(['体系', '机制', '能力', '水平', '环境', '基础', '格局']);

function canEnd(t: Term): boolean {
  if (t.tag === 'phrase') return true;
  if (!(END_POS.some((p) => t.tag.startsWith(p)) || (t.tag === 'x' && isHanWord(t.word)))) return false;
  // a few boilerplate head nouns may close a phrase (创新能力, 产业体系); other boilerplate may not (…建设, …全面)
  return !isBoilerplate(t.word) || HEAD_NOUNS.has(t.word);
}

function partsOf(t: Term): string[] {
  return t.parts ?? [t.word];
}

function joinable(x: Term, y: Term, maxParts: number, maxChars: number): boolean {
  return (
    x.end === y.start &&
    isPart(x) &&
    isPart(y) &&
    canStart(x) &&
    canEnd(y) &&
    partsOf(x).length + partsOf(y).length <= maxParts &&
    [...x.word].length + [...y.word].length <= maxChars
  );
}

/** Learns phrases from one or more token streams (one per document; offsets must be within each stream). */
export function learnPhrases(docs: Token[][], options: CollocationOptions = {}): PhraseModel {
  const minCount = options.minCount ?? 2;
  const minG2 = options.minG2 ?? 10.83;
  const minPmi = options.minPmi ?? 3;
  const maxParts = options.maxParts ?? 5;
  const maxChars = options.maxChars ?? 16;
  const passCount = options.passes ?? 3;
  const model: PhraseModel = { passes: [], phrases: [] };
  let streams: Term[][] = docs;
  for (let pass = 0; pass < passCount; pass++) {
    const uni = new Map<string, number>();
    const bi = new Map<string, { count: number; left: Term; right: Term }>();
    let n = 0;
    for (const stream of streams) {
      for (let i = 0; i < stream.length; i++) {
        const t = stream[i]!;
        if (!t.word.trim() || isPunctuation(t.word)) continue;
        n++;
        uni.set(t.word, (uni.get(t.word) ?? 0) + 1);
        const next = stream[i + 1];
        if (next && joinable(t, next, maxParts, maxChars)) {
          const key = t.word + SEP + next.word;
          const e = bi.get(key);
          if (e) e.count++;
          else bi.set(key, { count: 1, left: t, right: next });
        }
      }
    }
    const accepted = new Map<string, Phrase>();
    for (const [key, { count, left, right }] of bi) {
      if (count < minCount) continue;
      const ca = uni.get(left.word) ?? 0;
      const cb = uni.get(right.word) ?? 0;
      const table = { a: count, b: ca - count, c: cb - count, d: n - ca - cb + count };
      const expected = (ca * cb) / n;
      if (count <= expected) continue;
      const score = g2(table);
      const pmi = Math.log2(count / expected);
      if (score < minG2 || pmi < minPmi) continue;
      accepted.set(key, { phrase: left.word + right.word, parts: [...partsOf(left), ...partsOf(right)], count, g2: round(score, 2), pmi: round(pmi, 2) });
    }
    if (accepted.size === 0) break;
    model.passes.push(accepted);
    streams = streams.map((s) => mergePass(s, accepted));
  }
  const best = new Map<string, Phrase>();
  for (const pass of model.passes) for (const p of pass.values()) if (!best.has(p.phrase) || best.get(p.phrase)!.g2 < p.g2) best.set(p.phrase, p);
  model.phrases = [...best.values()].sort((a, b) => b.g2 - a.g2);
  return model;
}

function mergePass(stream: Term[], accepted: Map<string, Phrase>): Term[] {
  const out: Term[] = [];
  const score = (i: number): number => {
    const x = stream[i];
    const y = stream[i + 1];
    if (!x || !y || x.end !== y.start) return -1;
    return accepted.get(x.word + SEP + y.word)?.g2 ?? -1;
  };
  for (let i = 0; i < stream.length; i++) {
    const s = score(i);
    if (s >= 0 && !(score(i + 1) > s)) {
      const x = stream[i]!;
      const y = stream[i + 1]!;
      out.push({ word: x.word + y.word, tag: 'phrase', start: x.start, end: y.end, parts: [...partsOf(x), ...partsOf(y)] });
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
