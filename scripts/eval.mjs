#!/usr/bin/env node
/**
 * Headline recall and precision of `targets` against ../shared/corpus/headline-gold.tsv.
 * Runs from the built dist/ (npm run build first). Matching rules: docs/figures.md.
 *
 *   node scripts/eval.mjs [--corpus DIR] [--misses] [--extra] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => args.includes(name);
const corpusArg = args.indexOf('--corpus');
const CORPUS = corpusArg >= 0 ? args[corpusArg + 1] : join(ROOT, '..', 'shared', 'corpus');
const GOLD = join(CORPUS, 'headline-gold.tsv');

if (!existsSync(GOLD)) {
  console.error(`eval: no gold file at ${GOLD} (the shared corpus ../shared/corpus is absent); nothing to evaluate.`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist', 'extract', 'figures', 'index.js'))) {
  console.error('eval: dist/ is not built; run `npm run build` first.');
  process.exit(2);
}

const { readDocument } = await import(join(ROOT, 'dist', 'structure', 'index.js'));
const { extractFigures } = await import(join(ROOT, 'dist', 'extract', 'figures', 'index.js'));
const { evaluate, parseGold } = await import(join(ROOT, 'dist', 'extract', 'figures', 'evaluate.js'));

const gold = parseGold(readFileSync(GOLD, 'utf8'));
const docs = [...new Set(gold.map((g) => g.doc))];
const figuresByDoc = new Map();
for (const doc of docs) {
  const path = join(CORPUS, `${doc}.txt`);
  if (!existsSync(path)) {
    console.error(`eval: ${path} missing; its rows count as misses`);
    figuresByDoc.set(doc, []);
    continue;
  }
  figuresByDoc.set(doc, extractFigures(await readDocument(path)));
}
const result = evaluate(gold, figuresByDoc);

if (opt('--json')) {
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + '%' : '—');
console.log('Headline figures vs headline-gold.tsv');
console.log('A gold row matches a headline figure of the same report with the same kind, year, value, valueMax,');
console.log('unit (％→%) and qualifier (gold 预计 also matches commitment 预计), whose indicator contains the gold');
console.log('indicator ("strict"), or — for constructed gold indicators — is contained in it ("lenient").');
console.log('Each figure matches at most one row. Precision = matched headline figures / headline-flagged figures.\n');
const rows = [['report', 'gold', 'found', 'strict', 'lenient', 'recall', 'flagged', 'precision']];
for (const r of result.reports) rows.push([r.doc, r.gold, r.matched, r.strict, r.matched - r.strict, pct(r.matched, r.gold), r.flagged, pct(r.matchedFigures, r.flagged)]);
const t = result.total;
rows.push(['TOTAL', t.gold, t.matched, t.strict, t.matched - t.strict, pct(t.matched, t.gold), t.flagged, pct(t.matchedFigures, t.flagged)]);
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
console.log(`\nnumeric rows: ${t.numericMatched}/${t.numericGold} (${pct(t.numericMatched, t.numericGold)}), non-numeric rows: ${t.textMatched}/${t.textGold} (${pct(t.textMatched, t.textGold)})`);
console.log(`strict recall (indicator contains gold indicator): ${t.strict}/${t.gold} (${pct(t.strict, t.gold)})`);
if (opt('--misses')) {
  console.log('\nMissed gold rows:');
  for (const r of result.reports) for (const m of r.misses) console.log(`  ${r.doc}\t${m.kind}\t${m.indicator}\t${m.value ?? ''}\t${m.valueMax ?? ''}\t${m.unit ?? ''}\t${m.qualifier ?? ''}`);
}
if (opt('--extra')) {
  console.log('\nHeadline-flagged figures matching no gold row:');
  for (const r of result.reports) for (const f of r.extra) console.log(`  ${r.doc}\t${f.kind}\t${f.indicator}\t${f.value ?? ''}\t${f.unit ?? ''}\t${f.qualifier ?? ''}`);
}
