import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/structure/index.js';
import { extractFigures } from '../src/extract/figures/index.js';
import { evaluate, parseGold } from '../src/extract/figures/evaluate.js';
import type { Figure } from '../src/extract/figure-types.js';
import { SHARED_CORPUS } from './helpers/cli.js';

const GOLD = join(SHARED_CORPUS, 'headline-gold.tsv');

describe.skipIf(!existsSync(GOLD))('headline gold (../shared/corpus)', () => {
  it('recall and precision of headline figures', async () => {
    const gold = parseGold(readFileSync(GOLD, 'utf8'));
    const byDoc = new Map<string, Figure[]>();
    for (const doc of new Set(gold.map((g) => g.doc))) byDoc.set(doc, extractFigures(await readDocument(join(SHARED_CORPUS, `${doc}.txt`))));
    const { total, reports } = evaluate(gold, byDoc);
    expect(total.gold).toBe(505);
    // measured: 503/505 matched (two guangxi-2026 rows whose gold indicator drops a word of the text), 503/505 flagged figures matched
    expect(total.matched).toBeGreaterThanOrEqual(503);
    expect(total.numericMatched).toBeGreaterThanOrEqual(434);
    expect(total.textMatched).toBe(69);
    expect(total.matchedFigures / total.flagged).toBeGreaterThanOrEqual(0.99);
    for (const r of reports) expect(r.matched / r.gold, r.doc).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
