import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeZipName } from '../src/batch/archives.js';
import { expandBatchInputs, readListFile } from '../src/batch/inputs.js';
import { metadataFromPath } from '../src/structure/path-metadata.js';
import { createBatchPool, runBatch } from '../src/batch/run.js';
import { BatchPool } from '../src/batch/pool.js';
import { BIN, BUNDLED, ROOT, runCli, tempDir, writeFixture } from './helpers/cli.js';
import { writeTarGz, writeZip } from './helpers/archives.js';

/** A short report that names no place (so place comes from the path) with a headline target. */
function miniReport(year: number, growth = 5): string {
  return [
    '政府工作报告',
    `——${year}年1月10日在第十六届人民代表大会第四次会议上`,
    '各位代表：',
    '现在，我代表人民政府，向大会报告工作，请予审议。',
    `一、${year - 1}年工作回顾`,
    `过去一年，全市地区生产总值增长5.2%，城镇新增就业2.1万人。`,
    `二、${year}年工作安排`,
    `今年经济社会发展的主要预期目标是：地区生产总值增长${growth}%左右，城镇新增就业2万人以上，居民消费价格涨幅3%左右。`,
    '我们要坚持“一区两带三中心”发展思路，推进高质量发展。',
    '',
  ].join('\n');
}

/** Deterministic junk bytes. */
function junk(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    b[i] = x >> 16;
  }
  return b;
}

/** Minimal RFC 4180 reader: records of fields (quoted fields may hold commas, quotes, newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function readCsv(path: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  for (const r of rows) expect(r.length, `${path}: a record with the wrong number of fields`).toBe(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

describe('place and year from the path', () => {
  it.each([
    ['广西/2024.txt', '广西', 2024],
    ['2024/柳州市.txt', '柳州市', 2024],
    ['liuzhou-2024.txt', 'liuzhou', 2024],
    ['data/national-2020.gbk.txt', 'national', 2020],
    ['archive.zip/广西/柳州市2024年政府工作报告.txt', '柳州市', 2024],
    ['reports/2019年/海拉尔区政府工作报告.html', '海拉尔区', 2019],
    ['x/report.txt', 'x', null],
  ])('%s → %s, %s', (path, place, year) => {
    expect(metadataFromPath(path)).toEqual({ place, year });
  });
});

describe('zip entry names', () => {
  it('decodes GBK names without the UTF-8 flag, UTF-8 with or without it, and Info-ZIP Unicode paths', () => {
    const gbk = iconv.encode('桂林市/2022年.txt', 'gbk');
    expect(decodeZipName(gbk, 0)).toBe('桂林市/2022年.txt');
    expect(decodeZipName(Buffer.from('南宁市.txt'), 0x800)).toBe('南宁市.txt');
    expect(decodeZipName(Buffer.from('南宁市.txt'), 0)).toBe('南宁市.txt');
    expect(decodeZipName(Buffer.from('a\\b\\c.txt'), 0)).toBe('a/b/c.txt');
    const raw = Buffer.from('????.txt');
    const data = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from('柳州.txt')]);
    data.writeUInt32LE(crc32(raw), 1);
    expect(decodeZipName(raw, 0, [{ id: 0x7075, data }])).toBe('柳州.txt');
  });
});

describe('batch', () => {
  let dir: string;
  let input: string;
  let out1: string;
  // one worker shared by the single-worker runs below, so jieba loads once for all of them
  const pool = createBatchPool(1);
  afterAll(() => pool.close());

  beforeAll(async () => {
    dir = tempDir('policytext-batch-');
    input = join(dir, 'in');
    mkdirSync(join(input, '广西'), { recursive: true });
    mkdirSync(join(input, '2023'), { recursive: true });
    writeFixture(input, '广西/2024.txt', miniReport(2024));
    writeFixture(input, '2023/柳州市.txt', miniReport(2023, 6));
    copyFileSync(BUNDLED, join(input, 'liuzhou-2024.txt'));
    writeFixture(input, 'empty.txt', '');
    writeFixture(input, 'notes.md', '# not a report');
    writeZip(join(input, 'reports.zip'), [
      { name: iconv.encode('桂林市/2022.txt', 'gbk'), data: miniReport(2022) },
      { name: Buffer.from('南宁市-2021.txt'), data: miniReport(2021), flags: 0x800 },
      { name: Buffer.from('readme.pdf'), data: '%PDF-1.4' },
    ]);
    const tarSrc = join(dir, 'tarsrc');
    mkdirSync(join(tarSrc, '梧州市'), { recursive: true });
    writeFixture(tarSrc, '梧州市/2020.txt', miniReport(2020));
    await writeTarGz(join(input, 'more.tgz'), tarSrc, ['梧州市']);
    out1 = join(dir, 'out1');
  }, 30_000);

  it('expands folders and archives into one path-sorted list', async () => {
    const items = await expandBatchInputs([input]);
    expect(items.map((i) => i.path.slice(input.length + 1))).toEqual([
      '2023/柳州市.txt',
      'empty.txt',
      'liuzhou-2024.txt',
      'more.tgz/梧州市/2020.txt',
      'reports.zip/南宁市-2021.txt',
      'reports.zip/桂林市/2022.txt',
      '广西/2024.txt',
    ]);
    // globs (when the shell did not expand them) and list files
    const globbed = await expandBatchInputs([join(input, '*', '*.txt'), join(input, 'nothing-*.txt')]);
    expect(globbed.map((i) => [i.path.slice(input.length + 1), i.kind])).toEqual([
      ['2023/柳州市.txt', 'file'],
      ['nothing-*.txt', 'error'],
      ['广西/2024.txt', 'file'],
    ]);
    const list = writeFixture(dir, 'list.txt', `# reports\n${join(input, 'liuzhou-2024.txt')}\r\n\n${join(input, 'reports.zip')}\n`);
    expect(await readListFile(list)).toEqual([join(input, 'liuzhou-2024.txt'), join(input, 'reports.zip')]);
  });

  it('writes every table, sorted by path, with place/year from text or path, and failures in errors.csv', async () => {
    const errors: string[] = [];
    const summary = await runBatch({ inputs: [input], out: out1, jobs: 2, onError: (p) => errors.push(p) });
    expect(summary).toMatchObject({ total: 7, processed: 6, failed: 1, complete: true });
    expect(errors).toEqual([join(input, 'empty.txt')]);
    expect(readdirSync(out1).sort()).toEqual(['documents.csv', 'errors.csv', 'figures.csv', 'keywords.csv', 'slogans.csv']);

    const docs = readCsv(join(out1, 'documents.csv'));
    const rel = (p: string) => p.slice(input.length + 1);
    expect(docs.map((d) => [rel(d.path!), d.place, d.planYear])).toEqual([
      ['2023/柳州市.txt', '柳州市', '2023'],
      ['liuzhou-2024.txt', '柳州市', '2024'],
      ['more.tgz/梧州市/2020.txt', '梧州市', '2020'],
      ['reports.zip/南宁市-2021.txt', '南宁市', '2021'],
      ['reports.zip/桂林市/2022.txt', '桂林市', '2022'],
      ['广西/2024.txt', '广西', '2024'],
    ]);
    const guangxi = docs.find((d) => d.path!.endsWith('广西/2024.txt'))!;
    expect(guangxi).toMatchObject({ placeSource: 'path', reviewYear: '2023', encoding: 'utf-8', format: 'text' });
    expect(guangxi.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bundled = docs.find((d) => d.path!.endsWith('liuzhou-2024.txt'))!;
    expect(bundled.placeSource).toBe('text');
    expect(Number(bundled.figures)).toBeGreaterThan(50);

    const errs = readCsv(join(out1, 'errors.csv'));
    expect(errs).toEqual([{ path: join(input, 'empty.txt'), code: 'empty', message: 'is empty' }]);

    // the panel: every figure carries its document's path, place and plan year
    const figures = readCsv(join(out1, 'figures.csv'));
    const target = figures.find((f) => f.path!.endsWith('广西/2024.txt') && f.kind === 'target' && f.canonical === 'gdp');
    expect(target).toMatchObject({ place: '广西', planYear: '2024', year: '2024', value: '5', unit: '%', qualifier: '左右', headline: 'true' });
    const paths = figures.map((f) => f.path!);
    expect(paths).toEqual([...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(paths).size).toBe(6);
    for (const d of docs) expect(figures.filter((f) => f.path === d.path).length).toBe(Number(d.figures));

    const keywords = readCsv(join(out1, 'keywords.csv'));
    expect(keywords.filter((k) => k.path === bundled.path).map((k) => Number(k.rank))).toEqual(Array.from({ length: Number(bundled.keywords) }, (_, i) => i + 1));
    const slogans = readCsv(join(out1, 'slogans.csv'));
    expect(slogans.some((s) => s.path!.endsWith('广西/2024.txt') && s.term === '一区两带三中心')).toBe(true);
    expect(readdirSync(out1).some((f) => f.endsWith('.tmp'))).toBe(false);
  }, 60_000);

  it('a junk file only adds a row to errors.csv; one worker gives the same rows as two (order never depends on scheduling)', async () => {
    const junkFile = writeFixture(dir, 'junk.txt', junk(5000));
    const out2 = join(dir, 'out2');
    const summary = await runBatch({ inputs: [input, junkFile], out: out2, pool, bom: true });
    expect(summary).toMatchObject({ processed: 6, failed: 2 });
    for (const f of ['documents.csv', 'figures.csv', 'keywords.csv', 'slogans.csv']) {
      const bytes = readFileSync(join(out2, f));
      expect(bytes.subarray(0, 3), `${f} starts with a BOM (--bom)`).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(bytes.subarray(3).toString('utf8'), f).toBe(readFileSync(join(out1, f), 'utf8'));
    }
    const errs = readCsv(join(out2, 'errors.csv'));
    expect(errs.map((e) => e.path)).toEqual([join(dir, 'in', 'empty.txt'), junkFile]);
    expect(errs[1]!.message).toMatch(/binary data|neither valid UTF-8/);
  }, 60_000);

  it('--resume keeps finished documents (same content hash) and redoes changed ones', async () => {
    const before = Object.fromEntries(['documents.csv', 'figures.csv', 'keywords.csv', 'slogans.csv'].map((f) => [f, readFileSync(join(out1, f), 'utf8')]));
    const same = await runBatch({ inputs: [input], out: out1, resume: true, pool });
    expect(same).toMatchObject({ processed: 0, resumed: 6, failed: 1, complete: true });
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(out1, f), 'utf8'), f).toBe(text);

    writeFixture(input, '广西/2024.txt', miniReport(2024, 7));
    const changed = await runBatch({ inputs: [input], out: out1, resume: true, pool });
    expect(changed).toMatchObject({ processed: 1, resumed: 5, failed: 1 });
    const figures = readCsv(join(out1, 'figures.csv'));
    const gdp = figures.filter((f) => f.path!.endsWith('广西/2024.txt') && f.kind === 'target' && f.canonical === 'gdp');
    expect(gdp.map((f) => f.value)).toEqual(['7']);
    // the other documents' rows are carried over unchanged
    const others = (text: string) => text.split('\n').filter((l) => !l.includes('广西/2024.txt'));
    expect(others(readFileSync(join(out1, 'figures.csv'), 'utf8'))).toEqual(others(before['figures.csv']!));
    writeFixture(input, '广西/2024.txt', miniReport(2024));
  }, 60_000);

  it('--format jsonl writes the same tables as JSON Lines (--bom only touches CSV)', async () => {
    const out = join(dir, 'out-jsonl');
    const summary = await runBatch({ inputs: [join(input, 'reports.zip')], out, format: 'jsonl', bom: true, pool });
    expect(summary).toMatchObject({ processed: 2, failed: 0 });
    const lines = readFileSync(join(out, 'documents.jsonl'), 'utf8').trimEnd().split('\n');
    const docs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs.map((d) => [d.place, d.planYear])).toEqual([
      ['南宁市', 2021],
      ['桂林市', 2022],
    ]);
    const fig = JSON.parse(readFileSync(join(out, 'figures.jsonl'), 'utf8').split('\n')[0]!) as Record<string, unknown>;
    expect(Array.isArray(fig.section)).toBe(true);
    expect(readFileSync(join(out, 'errors.jsonl'), 'utf8')).toBe('');
    expect(lines[0]!.startsWith('{')).toBe(true);
  }, 60_000);

  it('without --out, documents go to stdout as JSON Lines', async () => {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (d: Buffer) => (text += d.toString()));
    await runBatch({ inputs: [join(input, 'more.tgz')], pool, stdout });
    expect(text.trimEnd().split('\n').map((l) => (JSON.parse(l) as { place: string }).place)).toEqual(['梧州市']);
  }, 60_000);

  it('CLI: usage errors exit 2 before any work', async () => {
    expect((await runCli(['batch', '--resume', input])).status).toBe(2);
    expect((await runCli(['batch'])).status).toBe(2);
    expect((await runCli(['batch', input, '--jobs', '0'])).status).toBe(2);
  });

  it('CLI: SIGINT keeps complete rows only, exits 130, and --resume finishes the job', async () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    const text = readFileSync(BUNDLED);
    // distinct contents, so every document is real work
    for (let i = 0; i < 40; i++) writeFileSync(join(many, `r${String(i).padStart(3, '0')}-2024.txt`), Buffer.concat([text, Buffer.from(`\n附：第${i}号。\n`)]));
    writeFixture(many, 'empty.txt', '');
    const out = join(dir, 'out-int');
    const child = spawn(process.execPath, [BIN, 'batch', many, '--out', out, '--jobs', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const tmp = join(out, '.documents.csv.tmp');
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline && !(existsSync(tmp) && readFileSync(tmp, 'utf8').split('\n').length > 2)) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status, stderr).toBe(130);
    expect(stderr).toContain('interrupted after');
    expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
    const docs = readCsv(join(out, 'documents.csv'));
    expect(docs.length).toBeGreaterThanOrEqual(2);
    expect(docs.length).toBeLessThan(40);
    const figures = readCsv(join(out, 'figures.csv'));
    for (const d of docs) expect(figures.filter((f) => f.path === d.path).length).toBe(Number(d.figures));

    const resumed = await runCli(['batch', many, '--out', out, '--resume', '--jobs', '1']);
    // exit 1: empty.txt failed (again); everything else is done
    expect(resumed.status, resumed.stderr).toBe(1);
    expect(resumed.stderr).toContain('empty.txt: is empty');
    expect(resumed.stderr).toMatch(new RegExp(`batch: 40 documents \\(${docs.length} kept from before\\), 1 failed, \\d+ figures, [\\d.]+ s, [\\d.]+ MB/s`));
    const all = readCsv(join(out, 'documents.csv'));
    expect(all).toHaveLength(40);
    expect(all.slice(0, docs.length)).toEqual(docs);
  }, 120_000);
});

describe('batch worker pool', () => {
  // A document over the time limit fails; the worker analysing it is retired, not killed (that would
  // abort the process inside nodejieba), and the document it already held for later goes to a
  // fresh worker. The fresh worker loads jieba (over a second), so the retired one has finished its
  // long document and been terminated safely before the run ends.
  it('a document over the time limit becomes a timeout error row; the documents held behind it are still analysed', async () => {
    const dir = tempDir('policytext-pool-');
    const input = join(dir, 'in');
    mkdirSync(input, { recursive: true });
    writeFixture(input, 'a-long.txt', readFileSync(BUNDLED, 'utf8').repeat(60));
    for (let i = 1; i <= 5; i++) writeFixture(input, `b${i}.txt`, miniReport(2020 + i));
    const pool = createBatchPool(1);
    try {
      const summary = await runBatch({ inputs: [input], out: join(dir, 'out'), pool, timeoutMs: 300 });
      expect(summary.failed).toBe(1);
      expect(summary.processed).toBe(5);
      const errors = readCsv(join(dir, 'out', 'errors.csv'));
      expect(errors.map((e) => [e.path!.replace(/.*[\\/]/, ''), e.code])).toEqual([['a-long.txt', 'timeout']]);
      const documents = readCsv(join(dir, 'out', 'documents.csv')).map((d) => d.path!.replace(/.*[\\/]/, ''));
      expect(documents).toEqual(['b1.txt', 'b2.txt', 'b3.txt', 'b4.txt', 'b5.txt']);
    } finally {
      await pool.close();
    }
  });

  it('every document is analysed once, in order, with two documents held per worker', async () => {
    const dir = tempDir('policytext-pool-');
    const input = join(dir, 'in');
    mkdirSync(input, { recursive: true });
    for (let i = 10; i < 40; i++) writeFixture(input, `r${i}.txt`, miniReport(1990 + i, 5 + (i % 3)));
    const pool = createBatchPool(2);
    try {
      const summary = await runBatch({ inputs: [input], out: join(dir, 'out'), pool });
      expect(summary).toMatchObject({ processed: 30, failed: 0, complete: true });
      const documents = readCsv(join(dir, 'out', 'documents.csv'));
      expect(documents.map((d) => d.path!.replace(/.*[\\/]/, ''))).toEqual(Array.from({ length: 30 }, (_, k) => `r${k + 10}.txt`));
      expect(documents.map((d) => d.planYear)).toEqual(Array.from({ length: 30 }, (_, k) => String(2000 + k)));
    } finally {
      await pool.close();
    }
  });

  // A worker finishes document A and starts B (which it held) while this thread is busy past A's
  // time limit: A is not over time (its reply is waiting), and the worker, inside nodejieba with B,
  // must not be retired and terminated (that aborts the process).
  it('a time limit passing while the main thread is busy does not fail a finished document nor kill a working worker', async () => {
    const report = readFileSync(BUNDLED);
    const task = (path: string, bytes: Buffer) => ({ path, bytes: new Uint8Array(bytes), sha256: '', maxBytes: 1e9, userDicts: [], format: 'jsonl' as const });
    const pool = new BatchPool(1);
    try {
      await pool.run(task('warm.txt', report), 60_000); // loaded and warm
      const started = Date.now();
      const a = pool.run(task('a.txt', report), 1500);
      const b = pool.run(task('b.txt', Buffer.concat(Array(150).fill(report))), 600_000);
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          while (Date.now() - started < 2500); // busy across A's time limit, while the worker is in B
          resolve();
        }),
      );
      const [ra, rb] = await Promise.all([a, b]);
      expect(ra.ok).toBe(true);
      expect(rb.ok).toBe(true);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
