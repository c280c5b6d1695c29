/** `policytext keywords`: key words and phrases (TF-IDF / TextRank), keyness against other reports, per section. */
import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import type { SourceText } from '../../io/read.js';
import { structureDocument } from '../../structure/index.js';
import {
  corpusKeyness,
  corpusKeywords,
  keywordsBySection,
  keywordText,
  type KeywordOptions,
  type KeywordText,
  type KeynessRow,
  type RankedTerm,
} from '../../extract/keywords/index.js';
import type { Dataset } from '../../render/index.js';
import { CliContext, parseList, parsePositiveInt, withCommonOptions, type CommonOptions } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';

interface KeywordsCliOptions extends CommonOptions, DictOptions {
  method: 'tfidf' | 'textrank';
  top: number;
  tf: 'log' | 'raw';
  keepBoilerplate?: boolean;
  phrases: boolean;
  pos?: string[];
  against?: string[];
  keyness: boolean;
  bySection?: number | true;
}

/** Fields of keyness rows in CSV/JSONL (README: keywords). */
export const KEYNESS_FIELDS = ['path', 'referencePaths', 'direction', 'rank', 'term', 'tag', 'target', 'referenceCount', 'targetPer10k', 'referencePer10k', 'g2', 'p', 'logRatio'];

const num = (digits: number) => (v: unknown) => (typeof v === 'number' ? v.toFixed(digits) : String(v ?? ''));

export function keywordsCommand(): Command {
  const cmd = new Command('keywords')
    .description('key words and phrases of reports; with several reports or --against, keyness (G²) of each against the others')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .addOption(new Option('--method <method>', 'ranking: TF-IDF with jieba\'s IDF, or TextRank').choices(['tfidf', 'textrank']).default('tfidf'))
    .option('-n, --top <n>', 'how many terms per report (or section)', parsePositiveInt, 20)
    .addOption(new Option('--tf <scheme>', 'TF-IDF term frequency: log = 1+ln(count), raw = count/terms (as jieba)').choices(['log', 'raw']).default('log'))
    .option('--keep-boilerplate', 'keep policy boilerplate (推进, 加快, 建设 …) and scope words (全市)')
    .option('--no-phrases', 'single words only (no collocation phrases)')
    .option('--pos <tags>', 'POS prefixes of terms kept (default n,vn,j,eng)', parseList)
    .option('--against <path>', 'keyness of each report against FILE or DIR (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--no-keyness', 'with several reports: rank each on its own instead of keyness against the others')
    .option('--by-section [level]', 'top terms of each level-1 (default) or level-2 section', (v: string) => {
      if (v !== '1' && v !== '2') throw new UsageError(`--by-section takes 1 or 2, got "${v}"`);
      return Number(v);
    })
    .addHelpText(
      'after',
      `
One report: its top terms. Several reports, or --against: keyness of each report against
the others (or the --against reports) by log-likelihood G², most over-used first.

Examples:
  policytext keywords
  policytext keywords --method textrank --top 30 report.txt
  policytext keywords national-2024.txt --against national-2023.txt
  policytext keywords reports/ --format csv > keyness.csv
  policytext keywords --by-section 2 report.txt`,
    );
  withDictOption(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: KeywordsCliOptions) => {
    const ctx = new CliContext(opts);
    const segment = { userDicts: opts.dict };
    const kwOptions: KeywordOptions = {
      method: opts.method,
      top: opts.top,
      tf: opts.tf,
      keepBoilerplate: opts.keepBoilerplate === true,
      phrases: opts.phrases !== false,
      pos: opts.pos,
    };
    const sources: SourceText[] = [];
    await ctx.forEachSource(files, (s) => void sources.push(s));
    const against: SourceText[] = [];
    if (opts.against?.length) await ctx.forEachSource(opts.against, (s) => void against.push(s));

    if (opts.bySection !== undefined) {
      const level = opts.bySection === true ? 1 : (opts.bySection as 1 | 2);
      const rows: Array<Record<string, unknown>> = [];
      const json: unknown[] = [];
      for (const source of sources) {
        const doc = structureDocument(source);
        const sections = keywordsBySection(doc, level, kwOptions, segment);
        json.push({ path: source.path, sections });
        for (const s of sections) s.keywords.forEach((k, i) => rows.push({ path: source.path, sectionId: s.sectionId, heading: s.heading, rank: i + 1, ...k }));
      }
      const dataset: Dataset = {
        title: `Top terms by level-${level} section`,
        columns: [
          { key: 'path' },
          { key: 'sectionId', header: 'section' },
          { key: 'heading' },
          { key: 'rank', align: 'right' },
          { key: 'term' },
          { key: 'weight', align: 'right', display: num(3) },
          { key: 'count', align: 'right' },
        ],
        rows,
      };
      ctx.emit([dataset], { method: opts.method, level, documents: json });
    } else if (against.length || (sources.length > 1 && opts.keyness !== false)) {
      const texts: KeywordText[] = sources.map((s) => keywordText(s, segment));
      const refs: KeywordText[] = against.map((s) => keywordText(s, segment));
      if (opts.against?.length && !refs.length) throw new UsageError('--against: no readable reference report');
      const results = corpusKeyness(texts, refs, kwOptions, segment);
      const over: Array<Record<string, unknown>> = [];
      const under: Array<Record<string, unknown>> = [];
      const json = results.map((r) => {
        const overused = r.rows.filter((x) => x.g2 > 0).slice(0, opts.top);
        const underused = r.rows.filter((x) => x.g2 < 0).reverse().slice(0, opts.top);
        const flat = (x: KeynessRow, i: number) => ({
          path: r.path,
          referencePaths: r.reference.join(' '),
          direction: x.direction,
          rank: i + 1,
          term: x.term,
          tag: x.tag,
          target: x.target,
          referenceCount: x.reference,
          targetPer10k: x.targetPer10k,
          referencePer10k: x.referencePer10k,
          g2: x.g2,
          p: x.p,
          logRatio: x.logRatio,
        });
        over.push(...overused.map(flat));
        under.push(...underused.map(flat));
        return { path: r.path, reference: r.reference, overused, underused };
      });
      const columns: Dataset['columns'] = [
        { key: 'path' },
        { key: 'rank', align: 'right' },
        { key: 'term' },
        { key: 'target', header: 'count', align: 'right' },
        { key: 'referenceCount', header: 'ref count', align: 'right' },
        { key: 'targetPer10k', header: 'per10k', align: 'right' },
        { key: 'referencePer10k', header: 'ref per10k', align: 'right' },
        { key: 'g2', header: 'G²', align: 'right', display: num(2) },
        { key: 'logRatio', header: 'log ratio', align: 'right', display: num(2) },
      ];
      const datasets: Dataset[] =
        ctx.format === 'table' || ctx.format === 'md'
          ? [
              { title: 'Over-used in the report (keyness, signed G²)', columns, rows: over },
              { title: 'Under-used (more frequent in the reference)', columns, rows: under },
            ]
          : [{ columns: KEYNESS_FIELDS.map((key) => ({ key })), rows: [...over, ...under] }];
      ctx.emit(datasets, { measure: 'G2', correction: 'none', documents: json });
    } else {
      const { documents } = corpusKeywords(sources, kwOptions, segment);
      const rows = documents.flatMap((d) => d.keywords.map((k: RankedTerm, i) => ({ path: d.path, rank: i + 1, ...k })));
      const dataset: Dataset = {
        columns: [
          { key: 'path' },
          { key: 'rank', align: 'right' },
          { key: 'term' },
          { key: 'tag', header: 'POS' },
          { key: 'weight', align: 'right', display: num(opts.method === 'textrank' ? 3 : 2) },
          { key: 'count', align: 'right' },
          { key: 'per10k', header: 'per 10k chars', align: 'right' },
        ],
        rows,
      };
      ctx.emit([dataset], { method: opts.method, tf: opts.method === 'tfidf' ? opts.tf : undefined, documents: documents.map((d) => ({ path: d.path, keywords: d.keywords })) });
    }
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}

