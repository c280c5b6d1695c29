/** `outline` and `info` as a user runs them (two spawns; neither loads jieba). */
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeFixture } from './helpers/cli.js';

describe('policytext outline / info', () => {
  it('outline --format json gives the tree with offsets, depth-limited, for the bundled report', async () => {
    const r = await runCli(['outline', '--format', 'json', '--depth', '2']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const doc = out.documents[0];
    expect(doc.metadata).toMatchObject({ planYear: 2024, reviewYear: 2023 });
    expect(doc.sections.map((s: { id: string; role: string }) => [s.id, s.role])).toEqual([
      ['1', 'review'],
      ['2', 'plan'],
      ['3', 'government'],
    ]);
    const plan = doc.sections[1];
    expect(plan).toMatchObject({ number: '二、', heading: '2024年工作安排', year: 2024, implicit: false });
    expect(plan.children).toHaveLength(8);
    expect(plan.children[0].children).toEqual([]); // --depth 2
    expect(plan.start).toBeLessThan(plan.children[0].start);
    expect(plan.share).toBeGreaterThan(50);
    expect(doc.passages.map((p: { kind: string }) => p.kind)).toEqual(['results', 'targets']);
  });

  it('info --format csv: one row per document; --place and --year override the text', async () => {
    const dir = tempDir();
    writeFixture(dir, 'a-2019.txt', '政府工作报告\n——2019年3月4日在呼伦贝尔市海拉尔区第十五届人民代表大会第三次会议上\n各位代表：\n一、2018年工作回顾\n过去的一年取得了新成绩。\n二、2019年工作安排\n今年我们要稳增长。\n');
    writeFixture(dir, 'b.txt', '各位代表：\n我們的國家正在前進。\n');
    const r = await runCli(['info', '--format', 'csv', '--place', '某区', dir]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^path,place,planYear,reviewYear,deliveredOn,title,chars,sentences,sections,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/a-2019\.txt,某区,2019,2018,2019-03-04,政府工作报告,/);
    expect(lines[2]).toMatch(/b\.txt,某区,,,,,/);
    expect(lines[2]).toMatch(/plan year not found/);
  });
});
