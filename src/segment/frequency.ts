/**
 * Token frequency tables: count, and rate per 10,000 characters so that reports
 * of different length compare. "Characters" means the normalised text without
 * line breaks (see `textLength`).
 */
import { isPunctuation, type Token } from './segment.js';
import { isStopword } from './stopwords.js';

export interface FrequencyOptions {
  /** Keep only tokens whose POS tag starts with one of these (n matches n, nr, ns, nz …). */
  pos?: string[];
  /** Drop generic stop words, punctuation and whitespace. */
  dropStopwords?: boolean;
  /** Also drop the policy-boilerplate list (推进, 加快 …). */
  dropBoilerplate?: boolean;
  /** Return only the N most frequent (0 or undefined: all). */
  top?: number;
}

export interface FrequencyRow {
  token: string;
  /** Most frequent POS tag of this token. */
  tag: string;
  count: number;
  /** Occurrences per 10,000 characters of text. */
  per10k: number;
}

export function textLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 0x0a) n++;
  return n;
}

export function tokenFrequencies(tokens: Iterable<Token>, chars: number, options: FrequencyOptions = {}): FrequencyRow[] {
  const counts = new Map<string, { count: number; tags: Map<string, number> }>();
  for (const t of tokens) {
    if (!t.word.trim()) continue;
    if (options.pos && options.pos.length && !options.pos.some((p) => t.tag.startsWith(p))) continue;
    if (options.dropStopwords && (isPunctuation(t.word) || isStopword(t.word, { boilerplate: options.dropBoilerplate }))) continue;
    if (options.dropBoilerplate && !options.dropStopwords && isStopword(t.word, { boilerplate: true })) continue;
    let entry = counts.get(t.word);
    if (!entry) counts.set(t.word, (entry = { count: 0, tags: new Map() }));
    entry.count++;
    entry.tags.set(t.tag, (entry.tags.get(t.tag) ?? 0) + 1);
  }
  const rows: FrequencyRow[] = [...counts].map(([token, { count, tags }]) => ({
    token,
    tag: [...tags].sort((a, b) => b[1] - a[1])[0]![0],
    count,
    per10k: chars > 0 ? round((count / chars) * 10000, 2) : 0,
  }));
  rows.sort((a, b) => b.count - a.count || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  return options.top ? rows.slice(0, options.top) : rows;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
