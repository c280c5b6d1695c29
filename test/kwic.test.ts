import { beforeAll, describe, expect, it } from 'vitest';
import { readSource, sourceFromBytes, type SourceText } from '../src/io/read.js';
import { structureDocument } from '../src/structure/index.js';
import { kwic, matchSpans, termPattern } from '../src/extract/kwic.js';
import { frequencyTableLong, frequencyTableWide, textFrequencyTable } from '../src/extract/frequency-table.js';
import { countSubstring } from '../src/extract/slogans.js';
import { UsageError } from '../src/errors.js';
import { BUNDLED, runCli } from './helpers/cli.js';

describe('kwic on the bundled report', () => {
  let source: SourceText;
  beforeAll(async () => {
    source = await readSource(BUNDLED);
  });

  it.each(['柳州', '螺蛳粉', '新能源汽车', '高质量发展', '“', '2024年', '产业园'])('count of %s equals a plain substring count', (term) => {
    const plain = source.text.split(term).length - 1;
    expect(kwic(source, term)).toHaveLength(plain);
    expect(countSubstring(source.text, term)).toBe(plain);
  });

  it('gives context, positions and the section path', () => {
    const doc = structureDocument(source);
    const hits = kwic(doc, '螺蛳粉', { window: 8 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(source.text.slice(h.start, h.end)).toBe('螺蛳粉');
      expect(h.left.length).toBeLessThanOrEqual(8);
      expect(h.right.length).toBeLessThanOrEqual(8);
      expect(source.text.slice(h.start - h.left.length, h.start).replace(/\n/g, '⏎')).toBe(h.left);
      expect(h.line).toBeGreaterThan(0);
    }
    expect(hits.some((h) => h.sectionPath.length > 0 && h.sectionId !== null)).toBe(true);
  });

  it('regular expressions: non-overlapping matches, bad patterns are usage errors', () => {
    const hits = kwic(source, '新能源(汽车)?', { regex: true });
    expect(hits.length).toBe(source.text.match(/新能源(汽车)?/g)!.length);
    expect(hits.some((h) => h.match === '新能源汽车')).toBe(true);
    expect(() => termPattern('(', { regex: true })).toThrow(UsageError);
    expect(matchSpans('aaa', /a*?/g)).toEqual([]); // empty matches skipped, no endless loop
    expect(kwic(source, '.', {}).length).toBe(source.text.split('.').length - 1); // literal by default
  });
});

describe('freq --terms (text counts)', () => {
  it('builds a document-by-term table with per-10k rates, wide and long', async () => {
    const a = await sourceFromBytes('a.txt', Buffer.from('新质生产力，新质生产力和高质量发展。\n'));
    const b = await sourceFromBytes('b.txt', Buffer.from('高质量发展。\n'));
    const table = textFrequencyTable([a, b], ['新质生产力', '高质量发展']);
    expect(table.documents.map((d) => d.counts)).toEqual([[2, 1], [0, 1]]);
    expect(table.documents[1]!.chars).toBe(6);
    expect(table.documents[1]!.per10k[1]).toBeCloseTo(10000 / 6, 2);
    const wide = frequencyTableWide(table);
    expect(wide.columns).toEqual(['path', 'chars', '新质生产力', '高质量发展', '新质生产力_per10k', '高质量发展_per10k']);
    expect(wide.rows[0]).toMatchObject({ path: 'a.txt', 新质生产力: 2 });
    expect(frequencyTableLong(table)).toHaveLength(4);
  });
});

describe('CLI (no jieba on these paths)', () => {
  it('kwic --format json: hits and counts per document', async () => {
    const r = await runCli(['kwic', '螺蛳粉', '--format', 'json', '--window', '5']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    const doc = json.documents[0];
    expect(doc.count).toBe(doc.hits.length);
    expect(doc.hits[0]).toMatchObject({ match: '螺蛳粉', line: expect.any(Number), sectionPath: expect.any(Array) });
  });
});
