/**
 * Robustness: the reader and every command fed random bytes, random Unicode, truncated reports,
 * a 1,000,000-character line, a 50 MB file, deep folders, unreadable files and broken links.
 * Wanted: no crash, no hang, valid JSON whenever JSON was asked for, a clear error for unusable input.
 * Every command runs once on one folder of hostile files: batch in its own process, the others one
 * after another in one runner process (see helpers/run-commands.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandList } from '../src/cli/commands/index.js';
import { InputError } from '../src/errors.js';
import { expandInputs } from '../src/io/inputs.js';
import { readSource, sourceFromBytes } from '../src/io/read.js';
import { expandBatchInputs } from '../src/batch/inputs.js';
import { BIN, BUNDLED, ROOT, tempDir, writeFixture } from './helpers/cli.js';
import { writeZip } from './helpers/archives.js';

/** Small deterministic PRNG (mulberry32), so a failure can be reproduced. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}

/** Random code points from everywhere: ASCII, controls, CJK, punctuation, RTL, emoji, private use, lone surrogates. */
function randomUnicode(rand: () => number, n: number): string {
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0x01, 0x1f],
    [0x4e00, 0x9fff],
    [0x3000, 0x303f],
    [0xff00, 0xffef],
    [0x0590, 0x06ff],
    [0x1f300, 0x1faff],
    [0xe000, 0xf8ff],
    [0xd800, 0xdfff],
    [0x2000, 0x206f],
    [0x30, 0x39],
  ];
  let s = '';
  for (let i = 0; i < n; i++) {
    const [lo, hi] = ranges[Math.floor(rand() * ranges.length)]!;
    s += String.fromCodePoint(lo + Math.floor(rand() * (hi - lo + 1)));
  }
  return s;
}

/** Either a SourceText or an InputError: anything else thrown is a bug. */
async function readsCleanly(read: () => Promise<unknown>): Promise<'ok' | InputError> {
  try {
    await read();
    return 'ok';
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
}

const REPORT = readFileSync(BUNDLED);
const isRoot = process.getuid?.() === 0;

describe('reader', () => {
  it('random bytes: decoded or refused with an InputError, never anything else', async () => {
    const rand = rng(1);
    const prefixes = [Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from('<html><body>'), Buffer.from('PK\x03\x04')];
    const names = ['x.txt', 'x.html', 'x.docx', 'x.htm', 'x'];
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.concat([prefixes[i % prefixes.length]!, randomBytes(rand, Math.floor(rand() * 4000))]);
      const r = await readsCleanly(() => sourceFromBytes(names[i % names.length]!, bytes));
      if (r !== 'ok') {
        refused++;
        expect(r.message.length).toBeGreaterThan(3);
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('random Unicode (controls, surrogates, RTL, emoji, private use) never breaks the reader', async () => {
    const rand = rng(2);
    for (let i = 0; i < 200; i++) {
      const text = randomUnicode(rand, 1 + Math.floor(rand() * 3000));
      for (const enc of ['utf8', 'utf16le'] as const) {
        const bytes = enc === 'utf8' ? Buffer.from(text, 'utf8') : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
        const r = await readsCleanly(async () => {
          const s = await sourceFromBytes('u.txt', bytes);
          expect(s.sourceOffsets.length).toBe(s.text.length);
        });
        if (r !== 'ok') expect(['binary', 'empty', 'undecodable']).toContain(r.code);
      }
    }
  });

  it('a report truncated anywhere (mid-character included) reads or fails cleanly', async () => {
    const rand = rng(3);
    for (let i = 0; i < 150; i++) {
      const cut = Math.floor(rand() * REPORT.length);
      const r = await readsCleanly(() => sourceFromBytes('cut.txt', REPORT.subarray(0, cut)));
      // a UTF-8 file cut mid-character is no longer valid UTF-8; GB18030 fallback may or may not accept it
      if (r !== 'ok') expect(['empty', 'undecodable']).toContain(r.code);
    }
  });

  it('a 1,000,000-character single line is read in reasonable time', async () => {
    const line = REPORT.toString('utf8').replace(/\s+/g, '');
    const long = line.repeat(Math.ceil(1_000_000 / line.length)).slice(0, 1_000_000);
    const started = performance.now();
    const s = await sourceFromBytes('oneline.txt', Buffer.from(long, 'utf8'));
    expect(s.text.length).toBeGreaterThan(900_000);
    expect(s.text.includes('\n')).toBe(false);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a 50 MB file is refused at once with the size limit, not read', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.txt');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 50 * 1024 * 1024); // sparse: instant, but stat says 50 MB
    const started = performance.now();
    const r = await readsCleanly(() => readSource(big));
    expect(r).toBeInstanceOf(InputError);
    expect((r as InputError).code).toBe('too-large');
    expect((r as InputError).message).toBe('is 50.0 MiB, over the 20.0 MiB limit (see --max-size)');
    expect(performance.now() - started).toBeLessThan(1000);
    const raised = await readsCleanly(() => readSource(big, { maxBytes: 60 * 1024 * 1024 }));
    expect((raised as InputError).code).toBe('binary'); // with a higher limit it is read: all NUL bytes
  });

  it('deeply nested folders: files at depth 40 are found, nesting past 64 levels is reported, not followed forever', async () => {
    const dir = tempDir();
    let deep = dir;
    for (let i = 0; i < 70; i++) {
      deep = join(deep, `d${i}`);
      mkdirSync(deep);
      if (i === 40) copyFileSync(BUNDLED, join(deep, 'found-2024.txt'));
    }
    writeFixture(deep, 'too-deep.txt', '太深了。');
    for (const expand of [expandInputs, expandBatchInputs]) {
      const entries = await expand([dir]);
      expect(entries.some((e) => e.path.endsWith('found-2024.txt') && !('error' in e && e.error))).toBe(true);
      expect(entries.some((e) => 'error' in e && e.error && /deeper than 64 levels/.test(e.error.message))).toBe(true);
      expect(entries.some((e) => e.path.endsWith('too-deep.txt'))).toBe(false);
    }
  });

  it('broken links, link loops, FIFOs and directories given as files get clear errors', async () => {
    const dir = tempDir();
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
    symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
    symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status).toBe(0);
    mkdirSync(join(dir, 'folder.txt'));
    const messages = async (path: string) => ((await readsCleanly(() => readSource(path))) as InputError).message;
    expect(await messages(join(dir, 'pipe.txt'))).toBe('is not a regular file');
    expect(await messages(join(dir, 'folder.txt'))).toMatch(/^is a directory/);
    expect(await messages(join(dir, 'loop-a.txt'))).toBe('symbolic link loop');
    const batch = await expandBatchInputs([dir]);
    const byName = Object.fromEntries(batch.map((e) => [e.path.slice(dir.length + 1), 'error' in e ? e.error.message : 'ok']));
    expect(byName['broken.txt']).toBe('broken symbolic link');
    expect(byName['loop-a.txt']).toBe('symbolic link loop');
    expect(byName['pipe.txt']).toBeUndefined(); // not a regular file: not a report, skipped like other non-files
  });

  it.skipIf(isRoot)('an unreadable file is reported as permission denied', async () => {
    const dir = tempDir();
    const f = writeFixture(dir, 'secret.txt', '报告。');
    chmodSync(f, 0o000);
    const r = await readsCleanly(() => readSource(f));
    expect((r as InputError).message).toBe('permission denied');
  });
});

// ------------------------------------------------------------------ every command

interface Spawned {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI without blocking the test process; kills it (a hang) after `timeoutMs`. */
function runAsync(args: string[], timeoutMs: number): Promise<Spawned> {
  return runScript([BIN, ...args], timeoutMs);
}

function runScript(argv: string[], timeoutMs: number): Promise<Spawned> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/**
 * Runs commands one after another in one real process (helpers/run-commands.mjs). A hang or a
 * crash ends that process: every command then reports it (signal set, or no result).
 */
async function runCommands(commands: string[][], timeoutMs: number): Promise<Spawned[]> {
  const resultFile = join(tempDir('policytext-runner-'), 'results.json');
  const runner = await runScript([join(ROOT, 'test', 'helpers', 'run-commands.mjs'), JSON.stringify(commands), resultFile], timeoutMs);
  if (runner.signal || runner.status !== 0 || !existsSync(resultFile)) return commands.map(() => runner);
  return (JSON.parse(readFileSync(resultFile, 'utf8')) as Array<Omit<Spawned, 'signal'>>).map((r) => ({ ...r, signal: null }));
}

/** A folder of everything hostile at once, plus one good report deep inside. */
function hostileFolder(): string {
  const dir = tempDir('policytext-hostile-');
  const rand = rng(9);
  writeFixture(dir, 'random-bytes.txt', randomBytes(rand, 20_000));
  writeFixture(dir, 'random-unicode.txt', randomUnicode(rand, 20_000));
  writeFixture(dir, 'truncated.txt', REPORT.subarray(0, 20_001)); // cut inside a 3-byte character
  const flat = REPORT.toString('utf8').replace(/\s+/g, '');
  writeFixture(dir, 'oneline.txt', flat.repeat(Math.ceil(1_000_000 / flat.length)).slice(0, 1_000_000));
  const big = join(dir, 'big.txt');
  closeSync(openSync(big, 'w'));
  truncateSync(big, 50 * 1024 * 1024);
  writeFixture(dir, 'empty.txt', '');
  writeFixture(dir, 'fake.docx', randomBytes(rand, 500));
  writeFixture(dir, 'broken-markup.html', '<html><body><p>未闭合<div><script>while(1){}</script>' + '<b>'.repeat(5000) + '地区生产总值增长5%左右。');
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'broken-link.txt'));
  writeZip(join(dir, 'junk.zip'), []);
  writeFileSync(join(dir, 'junk2.zip'), randomBytes(rand, 3000));
  let deep = dir;
  for (let i = 0; i < 30; i++) deep = join(deep, `n${i}`);
  mkdirSync(deep, { recursive: true });
  copyFileSync(BUNDLED, join(deep, 'liuzhou-2024.txt'));
  return dir;
}

describe('every command on hostile input', () => {
  const dir = hostileFolder();
  const commands = commandList().map((c) => c.name());
  const argsFor = (name: string) => (name === 'kwic' ? [name, '发展', dir] : name === 'batch' ? [name, dir, '--jobs', '1'] : [name, dir, '--format', 'json']);
  // batch runs in its own process (worker threads, signals); the others one after another in one
  // runner process (one jieba load instead of one per command), started now, beside batch
  const inOneProcess = commands.filter((c) => c !== 'batch');
  const results = runCommands(inOneProcess.map(argsFor), 240_000);
  const batch = runAsync(argsFor('batch'), 240_000);

  it('knows the commands it covers', () => {
    expect(commands).toEqual(expect.arrayContaining(['analyze', 'tokens', 'batch']));
  });

  it.each(commands)('%s: no crash, no hang, valid JSON, one clear line per unusable input', async (name) => {
    const r = name === 'batch' ? await batch : (await results)[inOneProcess.indexOf(name)]!;
    expect(r.signal, `${name} was killed after ${Math.round(r.ms)} ms (a hang)`).toBeNull();
    expect([0, 1], `${name} exit ${r.status}: ${r.stderr.slice(0, 2000)}`).toContain(r.status);
    expect(r.stderr).not.toMatch(/internal error|Error: |at .+\.js:\d+/);
    if (name === 'batch') for (const line of r.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    else expect(() => JSON.parse(r.stdout), `${name} stdout is not JSON: ${r.stdout.slice(0, 200)}`).not.toThrow();
    expect(r.stdout).toContain('liuzhou-2024.txt'); // the good report deep inside was processed
    expect(r.stderr).toContain('big.txt: is 50.0 MiB, over the 20.0 MiB limit');
    expect(r.stderr).toContain('broken-link.txt: broken symbolic link');
    expect(r.stderr).toMatch(/random-bytes\.txt: (?:is neither valid|contains NUL|is mostly control)/);
    expect(r.stderr).toContain('empty.txt: is empty');
    // 5,000 nested elements overflow html-to-text's stack on the main thread (a clear error);
    // batch's worker threads have a larger stack and read the file
    if (name !== 'batch') expect(r.stderr).toContain('broken-markup.html: is HTML that cannot be converted to text');
    if (name === 'batch') {
      expect(r.stderr).toMatch(/junk2\.zip: is not a readable ZIP archive/);
      expect(r.stderr).toMatch(/junk\.zip: archive has no report files/);
    }
  }, 300_000);
});
