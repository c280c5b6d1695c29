/** `policytext analyze`: the overview of one or more reports. */
import { Command } from 'commander';
import { analyzeSource, type Analysis } from '../../analyze.js';
import type { Dataset } from '../../render/index.js';
import { figureText } from '../../extract/figures/text.js';
import { sectionLabel } from '../../structure/index.js';
import { CliContext, withCommonOptions, type CommonOptions } from '../context.js';
import { withDictOption, type DictOptions } from '../dict-option.js';

type AnalyzeOptions = CommonOptions & DictOptions;

export function analyzeCommand(): Command {
  const cmd = new Command('analyze')
    .description('overview of reports: document info, structure, figures, key terms')
    .argument('[files...]', 'report files or folders, "-" for stdin (default: the bundled report)')
    .addHelpText(
      'after',
      `
Examples:
  policytext analyze
  policytext analyze --format json report.txt | jq '.documents[0].tokens.topTerms'`,
    );
  withDictOption(withCommonOptions(cmd));
  return cmd.action(async (files: string[], opts: AnalyzeOptions) => {
    const ctx = new CliContext(opts);
    const analyses: Analysis[] = [];
    await ctx.forEachSource(files, (source) => {
      analyses.push(analyzeSource(source, { userDicts: opts.dict }));
    });
    ctx.emit(analysisTables(analyses), { documents: analyses });
    ctx.flush();
    process.exitCode = ctx.exitCode();
  });
}

/** Tables for people; JSON carries the whole Analysis (see README, "analyze"). CSV/JSONL: the first table. */
function analysisTables(analyses: Analysis[]): Dataset[] {
  const documents: Dataset = {
    title: 'Documents',
    columns: [
      { key: 'path' },
      { key: 'place' },
      { key: 'planYear', header: 'plan', align: 'right' },
      { key: 'reviewYear', header: 'review', align: 'right' },
      { key: 'encoding' },
      { key: 'chars', align: 'right' },
      { key: 'sentences', align: 'right' },
      { key: 'tokens', align: 'right' },
      { key: 'figures', align: 'right' },
    ],
    rows: analyses.map((a) => ({
      path: a.path,
      place: a.metadata.place,
      planYear: a.metadata.planYear,
      reviewYear: a.metadata.reviewYear,
      encoding: a.encoding,
      chars: a.metadata.chars,
      sentences: a.metadata.sentences,
      tokens: a.tokens.tokens,
      figures: a.figures.length,
    })),
  };
  const sections: Dataset = {
    title: 'Sections (level 1)',
    columns: [{ key: 'path' }, { key: 'section' }, { key: 'role' }, { key: 'year', align: 'right' }, { key: 'subsections', align: 'right' }, { key: 'share', header: '% of text', align: 'right' }],
    rows: analyses.flatMap((a) =>
      a.outline.map((s) => ({ path: a.path, section: s.implicit ? sectionLabel(s) : `${s.number ?? ''}${s.heading}`, role: s.role, year: s.year, subsections: s.children.length, share: s.share })),
    ),
  };
  const headline: Dataset = {
    title: 'Headline figures (targets and last year’s results)',
    columns: [{ key: 'path' }, { key: 'kind' }, { key: 'year', align: 'right' }, { key: 'indicator' }, { key: 'figure', align: 'right' }, { key: 'canonical' }],
    rows: analyses.flatMap((a) =>
      a.figures
        .filter((f) => f.headline)
        .map((f) => ({ path: a.path, kind: f.kind, year: f.year, indicator: f.indicator, figure: f.value === null ? '—' : figureText(f), canonical: f.canonical })),
    ),
  };
  const keywords: Dataset = {
    title: 'Key terms (TF-IDF, boilerplate left out)',
    columns: [{ key: 'path' }, { key: 'rank', align: 'right' }, { key: 'term' }, { key: 'count', align: 'right' }, { key: 'weight', align: 'right' }],
    rows: analyses.flatMap((a) => a.keywords.slice(0, 10).map((k, i) => ({ path: a.path, rank: i + 1, term: k.term, count: k.count, weight: Math.round(k.weight * 1000) / 1000 }))),
  };
  const slogans: Dataset = {
    title: 'Numbered slogans',
    columns: [{ key: 'path' }, { key: 'term' }, { key: 'count', align: 'right' }],
    rows: analyses.flatMap((a) => a.slogans.filter((s) => s.class === 'numbered').map((s) => ({ path: a.path, term: s.term, count: s.count }))),
  };
  return [documents, sections, headline, keywords, slogans];
}
