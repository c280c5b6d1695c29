/**
 * `batch` inputs: folders (recursively), globs, list files, archives. Everything is expanded up
 * front into a list of small records (path, size, where the bytes are) sorted by path, so the
 * output order is fixed before any work starts. The bytes are then read one document at a time,
 * in that order (`readItems`); nothing holds more than a few documents.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';
import { REPORT_EXTENSIONS } from '../io/formats.js';
import { readSource } from '../io/read.js';
import { archiveKindOf, listArchive, readArchiveMembers, type ArchiveKind } from './archives.js';

export type BatchItem =
  | { path: string; size: number; kind: 'file' }
  | { path: string; size: number; kind: 'stdin' }
  | { path: string; size: number; kind: 'member'; archive: string; archiveKind: ArchiveKind; member: string }
  | { path: string; size: 0; kind: 'error'; error: InputError };

const isReportName = (name: string) => REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
const MAX_DEPTH = 64;

/** Reads a list file (or "-" for stdin): one path per line; blank lines and lines starting with # skipped. */
export async function readListFile(path: string): Promise<string[]> {
  const input = path === '-' ? process.stdin : createReadStream(path);
  const out: string[] = [];
  try {
    const rl = createInterface({ input, crlfDelay: Infinity });
    for await (const raw of rl) {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (line && !line.startsWith('#')) out.push(line);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'not-found' : 'unreadable', `list file cannot be read (${code ?? String(err)})`);
  }
  return out;
}

/** Code-unit order, the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ExpandOptions {
  /** Called as archives are listed, for a "listing…" note. */
  onArchive?: (path: string, members: number) => void;
}

/**
 * Expands the arguments into items sorted by path (duplicates removed). Problems become
 * `error` items in place, so they land in errors.csv in the same order as everything else.
 */
export async function expandBatchInputs(args: string[], options: ExpandOptions = {}): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  for (const arg of args) {
    if (arg === '-') {
      items.push({ path: '-', size: 0, kind: 'stdin' });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (err) {
      if (isDynamicPattern(arg)) {
        // absolute patterns give absolute paths; relative ones stay relative to the current folder, as the shell does
        const matches = (await glob(arg, { onlyFiles: false, dot: false, expandDirectories: false, absolute: isAbsolute(arg) })).map((m) => m.replace(/\/$/, '')).sort(comparePaths);
        if (!matches.length) items.push(errorItem(arg, new InputError(arg, 'not-found', 'no files match this pattern')));
        for (const m of matches) await addPath(m, items, options, true);
        continue;
      }
      items.push(errorItem(arg, await canonicalError(arg, err)));
      continue;
    }
    await addPath(arg, items, options, true, info);
  }
  items.sort((a, b) => comparePaths(a.path, b.path));
  const unique: BatchItem[] = [];
  for (const item of items) if (!unique.length || unique[unique.length - 1]!.path !== item.path) unique.push(item);
  return unique;
}

function errorItem(path: string, error: InputError): BatchItem {
  return { path, size: 0, kind: 'error', error };
}

async function addPath(path: string, items: BatchItem[], options: ExpandOptions, explicit: boolean, known?: Awaited<ReturnType<typeof stat>>): Promise<void> {
  let info = known;
  if (!info) {
    try {
      info = await stat(path);
    } catch (err) {
      items.push(errorItem(path, await canonicalError(path, err)));
      return;
    }
  }
  if (info.isDirectory()) {
    const before = items.length;
    await walk(path, items, options, 0);
    if (items.length === before) items.push(errorItem(path, new InputError(path, 'no-reports', `directory has no report files (${[...REPORT_EXTENSIONS, '.zip', '.tar.gz', '.tgz'].join(' ')})`)));
    return;
  }
  const kind = archiveKindOf(path);
  if (kind) {
    await addArchive(path, kind, items, options);
    return;
  }
  if (explicit || isReportName(path)) items.push({ path, size: Number(info.size), kind: 'file' });
}

async function addArchive(path: string, kind: ArchiveKind, items: BatchItem[], options: ExpandOptions): Promise<void> {
  try {
    const members = await listArchive(path, kind);
    let count = 0;
    for (const m of members) {
      const memberPath = `${path}/${m.name}`;
      if (archiveKindOf(m.name)) {
        items.push(errorItem(memberPath, new InputError(memberPath, 'unsupported', 'is an archive inside an archive (unpack the outer one first)')));
        continue;
      }
      if (!isReportName(m.name)) continue;
      items.push({ path: memberPath, size: m.size, kind: 'member', archive: path, archiveKind: kind, member: m.name });
      count++;
    }
    if (!count && !members.some((m) => archiveKindOf(m.name))) items.push(errorItem(path, new InputError(path, 'no-reports', `archive has no report files (${REPORT_EXTENSIONS.join(' ')})`)));
    options.onArchive?.(path, count);
  } catch (err) {
    items.push(errorItem(path, err instanceof InputError ? err : new InputError(path, 'unreadable', String(err))));
  }
}

async function walk(dir: string, items: BatchItem[], options: ExpandOptions, depth: number): Promise<void> {
  if (depth > MAX_DEPTH) {
    items.push(errorItem(dir, new InputError(dir, 'unreadable', `directory nesting deeper than ${MAX_DEPTH} levels`)));
    return;
  }
  let names: string[];
  try {
    names = (await readdir(dir)).sort(comparePaths);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    items.push(errorItem(dir, new InputError(dir, 'unreadable', code === 'EACCES' ? 'directory cannot be read (permission denied)' : `directory cannot be read (${code})`)));
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    const wanted = isReportName(name) || archiveKindOf(name) !== null;
    let info;
    try {
      info = await stat(full);
    } catch (err) {
      if (wanted) items.push(errorItem(full, await canonicalError(full, err)));
      continue;
    }
    if (info.isDirectory()) await walk(full, items, options, depth + 1);
    else if (info.isFile() && wanted) await addPath(full, items, options, false, info);
  }
}

/**
 * The same InputError every other command reports for this path (readSource decides the wording:
 * "no such file or directory", "permission denied", "is N MiB, over the … limit" …).
 */
export async function canonicalError(path: string, err?: unknown, maxBytes?: number): Promise<InputError> {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    // stat follows links: a link whose target is gone
    try {
      const { lstat } = await import('node:fs/promises');
      if ((await lstat(path)).isSymbolicLink()) return new InputError(path, 'unreadable', 'broken symbolic link');
    } catch {
      /* not there at all */
    }
  }
  try {
    await readSource(path, { maxBytes: maxBytes ?? Number.MAX_SAFE_INTEGER });
  } catch (e) {
    if (e instanceof InputError) return e;
  }
  return new InputError(path, 'unreadable', `cannot be read (${code ?? String(err)})`);
}

export type ReadResult = { item: BatchItem; bytes: Buffer } | { item: BatchItem; error: InputError };

/**
 * The bytes of each item, in the items' order, one at a time (archive members are read in place).
 * Members of one archive are contiguous in path order (they share the "archive/" prefix), so each
 * archive is opened once per run of its members.
 */
export async function* readItems(items: BatchItem[], maxBytes: number, readStdin: () => Promise<Buffer>): AsyncGenerator<ReadResult> {
  for (let i = 0; i < items.length; ) {
    const item = items[i]!;
    if (item.kind === 'member') {
      let j = i;
      while (j < items.length && items[j]!.kind === 'member' && (items[j] as { archive: string }).archive === item.archive) j++;
      const run = items.slice(i, j) as Array<Extract<BatchItem, { kind: 'member' }>>;
      const byName = new Map(run.map((r) => [r.member, r]));
      let done = 0;
      try {
        for await (const got of readArchiveMembers(item.archive, item.archiveKind, run.map((r) => ({ name: r.member, size: r.size })), maxBytes, (n) => `${item.archive}/${n}`)) {
          const it = byName.get(got.name)!;
          done++;
          yield 'bytes' in got ? { item: it, bytes: got.bytes } : { item: it, error: got.error };
        }
      } catch (err) {
        const e = err instanceof InputError ? err : new InputError(item.archive, 'unreadable', String(err));
        for (const it of run.slice(done)) yield { item: it, error: new InputError(it.path, e.code, `archive ${item.archive} ${e.message}`) };
      }
      i = j;
      continue;
    }
    i++;
    if (item.kind === 'error') {
      yield { item, error: item.error };
      continue;
    }
    if (item.kind === 'stdin') {
      try {
        yield { item, bytes: await readStdin() };
      } catch (err) {
        yield { item, error: err instanceof InputError ? err : new InputError('-', 'unreadable', String(err)) };
      }
      continue;
    }
    // Read synchronously: the main thread has nothing else to do meanwhile (the workers hold
    // documents to go on with), and fs/promises sends each of a file's five steps (stat, open,
    // fstat, read, close) through libuv's thread pool, a hand-off and a wake-up each: ≈ 3.6 % of
    // a batch's CPU at the margin in the pool's threads, plus the promises on this thread.
    let bytes: Buffer;
    try {
      const info = statSync(item.path);
      if (!info.isFile() || info.size > maxBytes) throw new Error('not readable as a report');
      bytes = readFileSync(item.path);
    } catch (err) {
      yield { item, error: await canonicalError(item.path, err, maxBytes) };
      continue;
    }
    yield { item, bytes };
  }
}
