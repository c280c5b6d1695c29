/**
 * processDocument (batch's per-document analysis, also library API): its rows carry exactly the
 * documented columns (src/batch/rows.ts, README "batch"), and figure rows carry every field of
 * the figure they come from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../src/io/read.js';
import { structureDocument } from '../src/structure/index.js';
import { extractFigures } from '../src/extract/figures/index.js';
import { processDocument } from '../src/batch/analyze-one.js';
import { TABLES, type DocumentResult } from '../src/batch/rows.js';
import type { Figure } from '../src/extract/figure-types.js';
import { BUNDLED } from './helpers/cli.js';

describe('processDocument rows', () => {
  let result: DocumentResult;
  let figures: Figure[];
  beforeAll(async () => {
    const source = await readSource(BUNDLED);
    result = processDocument(source);
    figures = extractFigures(structureDocument(source));
  });

  it('every table row has the documented columns, in order', () => {
    expect(Object.keys(result.document)).toEqual(TABLES.documents.columns);
    for (const t of ['figures', 'keywords', 'slogans'] as const) {
      expect(result[t].length).toBeGreaterThan(0);
      for (const row of result[t]) expect(Object.keys(row)).toEqual(TABLES[t].columns);
    }
  });

  it('a figure row is its document key plus every field of the figure', () => {
    expect(result.figures).toHaveLength(figures.length);
    const { path, place, planYear } = result.document;
    result.figures.forEach((row, i) => expect(row).toEqual({ path, place, planYear, ...figures[i] }));
    expect(result.document.figures).toBe(figures.length);
  });
});
