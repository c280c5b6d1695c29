import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BIN, SHARED_CORPUS, runCli, tempDir, writeFixture } from './helpers/cli.js';
import { runInProcess } from './helpers/in-process.js';
import { existsSync, readFileSync } from 'node:fs';

describe('policytext tokens', () => {
  it('prints segmented text, one line per input line, for files and stdin (-)', async () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'r.txt', '地区生产总值增长2.8%。\n社会消费品零售总额1296亿元。\n');
    const r = await runInProcess(['tokens', file, '-'], { input: '城镇新增就业5.6万人。' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('地区生产总值 增长 2.8% 。\n社会消费品零售总额 1296亿元 。\n城镇新增就业 5.6万人 。\n');
  });

  it('prints word/POS pairs with --tag', async () => {
    const r = await runInProcess(['tokens', '--tag', '-'], { input: '增长2.8%' });
    expect(r.stdout.trim()).toBe('增长/v 2.8%/m');
  });

  it('prints a frequency table (CSV here; the JSON payload shape is checked through analyze)', async () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'r.txt', '产业发展，产业升级，产业集群。');
    const csv = await runInProcess(['tokens', '--freq', '2', '--format', 'csv', file]);
    expect(csv.status).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('path,token,tag,count,per10k');
    expect(lines[1]).toMatch(/,产业,n,3,/);
    expect(lines).toHaveLength(3);
  });

  it('uses a user dictionary given with --dict (BOM, CRLF, no frequency)', async () => {
    const dir = tempDir();
    const dict = writeFixture(dir, 'user.txt', '\ufeff嗦粉经济\r\n龙城笔阵 nz\r\n');
    const r = await runInProcess(['tokens', '--dict', dict, '-'], { input: '大力发展嗦粉经济，打响龙城笔阵品牌。' });
    expect(r.status).toBe(0);
    expect(r.stdout.split(' ')).toEqual(expect.arrayContaining(['嗦粉经济', '龙城笔阵']));
  });
});

describe('bad input', () => {
  it('reports each bad input in one line, processes the good ones, and exits 1', async () => {
    const dir = tempDir();
    const good = writeFixture(dir, 'good.txt', '地区生产总值增长5%。');
    const empty = writeFixture(dir, 'empty.txt', '');
    const blank = writeFixture(dir, 'blank.txt', ' \n\u3000\r\n');
    const nul = writeFixture(dir, 'nul.txt', Buffer.from([0x41, 0, 0, 0x42]));
    const pdf = writeFixture(dir, 'report.txt', Buffer.from('%PDF-1.5\n%âãÏÓ\n', 'latin1'));
    const zip = writeFixture(dir, 'archive.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0a, 0, 0, 0]));
    const junk = writeFixture(dir, 'junk.txt', Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x80, 0x81, 0xfe]));
    const emptyDir = join(dir, 'nothing');
    mkdirSync(emptyDir);
    const missing = join(dir, 'missing.txt');
    const r = await runInProcess(['tokens', empty, good, blank, nul, pdf, zip, junk, emptyDir, missing, '--max-size', '1']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim()).toBe('地区生产总值 增长 5% 。');
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(8);
    for (const line of errors) expect(line).toMatch(/^policytext: \S+: /);
    expect(r.stderr).not.toMatch(/\bat \S+ \(/); // no stack trace
    expect(r.stderr).toContain(`${empty}: is empty`);
    expect(r.stderr).toContain(`${blank}: has no text`);
    expect(r.stderr).toContain(`${nul}: contains NUL bytes`);
    expect(r.stderr).toContain(`${pdf}: is a PDF file`);
    expect(r.stderr).toContain(`${zip}: is a ZIP archive`);
    expect(r.stderr).toContain(`${junk}: is neither valid UTF-8`);
    expect(r.stderr).toContain(`${emptyDir}: directory has no report files`);
    expect(r.stderr).toContain(`${missing}: no such file or directory`);
  });

  it('rejects a file over --max-size', async () => {
    const dir = tempDir();
    const big = writeFixture(dir, 'big.txt', '增长。'.repeat(200_000));
    const r = await runInProcess(['tokens', '--max-size', '0.5', big]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/big\.txt: is 1\.7 MiB, over the 0\.5 MiB limit/);
  });

  it('rejects an unreadable file when not running as root', async () => {
    if (process.getuid?.() === 0) return; // root reads everything; the permission path is covered by the message table
    const dir = tempDir();
    const file = writeFixture(dir, 'locked.txt', '内容。');
    chmodSync(file, 0o000);
    const r = await runInProcess(['tokens', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('permission denied');
  });

  it('exits 2 with a message on a usage error', async () => {
    const r = await runInProcess(['tokens', '--format', 'xml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/format/);
  });

  it('exits quietly when the reader closes the pipe', async () => {
    const dir = tempDir();
    const long = writeFixture(dir, 'long.txt', '地区生产总值增长5%，规上工业增加值增长6%。\n'.repeat(20_000));
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" tokens "${long}" | head -n 1`]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(r.stdout.trim()).toBe('地区生产总值 增长 5% ， 规上工业增加值 增长 6% 。');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('encodings end to end', () => {
  it('reads a GBK file like its UTF-8 twin', async () => {
    const dir = tempDir();
    const text = '二、2024年工作安排\n今年的目标是：地区生产总值增长4%以上。\n';
    const utf8 = writeFixture(dir, 'a.txt', text);
    const gbk = writeFixture(dir, 'b.txt', iconv.encode(text, 'gbk'));
    const out = (await runInProcess(['tokens', utf8, gbk])).stdout.trim().split('\n');
    expect(out).toHaveLength(4);
    expect(out.slice(2)).toEqual(out.slice(0, 2));
  });

  it.skipIf(!existsSync(join(SHARED_CORPUS, 'national-2020.gbk.txt')))('reads ../shared/corpus/national-2020.gbk.txt identically to national-2020.txt', async () => {
    const { readSource } = await import('../src/io/read.js');
    const gbk = await readSource(join(SHARED_CORPUS, 'national-2020.gbk.txt'));
    const utf8 = await readSource(join(SHARED_CORPUS, 'national-2020.txt'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.original).toBe(readFileSync(join(SHARED_CORPUS, 'national-2020.txt'), 'utf8'));
    expect(gbk.text).toBe(utf8.text);
  });
});

describe('analyze', () => {
  it('analyses the bundled report when given no file', async () => {
    const r = await runInProcess(['analyze', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.documents).toHaveLength(1);
    expect(out.documents[0].path).toMatch(/corpus\/liuzhou-2024\.txt$/);
    expect(out.documents[0].tokens.chars).toBeGreaterThan(15000);
  });

  it('prints --version and --help with examples', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['tokens', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });
});

describe('cell text of numbers (tables, CSV)', () => {
  it('gives integers as they are and other numbers rounded to 12 significant digits', async () => {
    const { cellText } = await import('../src/render/dataset.js');
    const { csvField } = await import('../src/render/csv.js');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(5.2)).toBe('5.2');
    expect(cellText(-0.125)).toBe('-0.125');
    expect(cellText(1 / 3)).toBe('0.333333333333');
    expect(cellText(123456.7890123456)).toBe('123456.789012');
    expect(cellText(1.5e-7)).toBe('1.5e-7');
    expect(cellText(2 ** 60)).toBe('1152921504606847000');
    expect(cellText(NaN)).toBe('NaN');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    // the short path (no toPrecision for short texts) gives what the rounding gives, on any number
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rounded = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12))));
    const differing: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const v = (random() - 0.3) * 10 ** (Math.floor(random() * 30) - 15);
      const w = Math.round(v * 10 ** Math.floor(random() * 8)) / 10 ** Math.floor(random() * 8);
      for (const x of [v, w]) if (cellText(x) !== rounded(x)) differing.push(x);
    }
    expect(differing).toEqual([]);
  });
});
