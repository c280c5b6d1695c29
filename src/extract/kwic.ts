/**
 * Keyword in context: every occurrence of a term (a literal string, or a regular
 * expression) with `window` characters either side, its position and section.
 * Matches are non-overlapping, left to right, on the normalised text, so the
 * count of a literal term equals a plain substring count. Line breaks in the
 * context are shown as ⏎ (one character, so the window stays exact).
 *
 * Pure text: no jieba.
 */
import { UsageError } from '../errors.js';
import { sourcePosition, type SourceText } from '../io/read.js';
import type { PolicyDocument } from '../structure/types.js';
import { sectionRefAt } from './section-path.js';

export interface KwicOptions {
  /** Characters of context on each side. Default 20. */
  window?: number;
  /** Treat the term as a JavaScript regular expression (Unicode mode). */
  regex?: boolean;
  /** Case-insensitive (for Latin letters). */
  ignoreCase?: boolean;
}

export interface KwicHit {
  path: string;
  /** The text matched (the term itself, or what the regular expression matched). */
  match: string;
  left: string;
  right: string;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  /** Line and column (1-based) in the original file. */
  line: number;
  column: number;
  sectionId: string | null;
  sectionPath: string[];
}

/** The pattern a term stands for; throws UsageError for a bad regular expression or an empty term. */
export function termPattern(term: string, options: Pick<KwicOptions, 'regex' | 'ignoreCase'> = {}): RegExp {
  if (!term) throw new UsageError('the term is empty');
  const flags = 'gu' + (options.ignoreCase ? 'i' : '');
  if (!options.regex) return new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  try {
    return new RegExp(term, flags);
  } catch (err) {
    throw new UsageError(`bad regular expression ${JSON.stringify(term)}: ${(err as Error).message}`);
  }
}

/** Non-overlapping matches of the pattern in `text` (empty matches skipped). */
export function matchSpans(text: string, pattern: RegExp): Array<{ start: number; end: number; match: string }> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const out: Array<{ start: number; end: number; match: string }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return out;
}

function sourceOf(input: SourceText | PolicyDocument): { source: SourceText; doc: PolicyDocument | null } {
  return 'source' in input ? { source: input.source, doc: input } : { source: input, doc: null };
}

export function kwic(input: SourceText | PolicyDocument, term: string | RegExp, options: KwicOptions = {}): KwicHit[] {
  const { source, doc } = sourceOf(input);
  const window = options.window ?? 20;
  const pattern = typeof term === 'string' ? termPattern(term, options) : term;
  const text = source.text;
  const show = (s: string) => s.replace(/\n/g, '⏎');
  return matchSpans(text, pattern).map(({ start, end, match }) => {
    const pos = sourcePosition(source, start);
    return {
      path: source.path,
      match,
      left: show(text.slice(Math.max(0, start - window), start)),
      right: show(text.slice(end, end + window)),
      start,
      end,
      line: pos.line,
      column: pos.column,
      ...sectionRefAt(doc, start),
    };
  });
}

/** Occurrences of a term per document, with the rate per 10,000 characters. */
export interface KwicCount {
  path: string;
  count: number;
  per10k: number;
}
