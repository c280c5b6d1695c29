/**
 * Reading reports inside .zip and .tar.gz/.tgz archives in place (nothing is extracted to disk).
 *
 * Libraries, and why:
 *  - yauzl (zip): reads the central directory and opens any entry on demand, so entries can be
 *    read in sorted order one at a time (memory stays flat), it validates entry sizes against the
 *    header (zip bombs stop at the declared size), and with `decodeStrings: false` it hands over
 *    the raw file-name bytes, which we decode ourselves: UTF-8 when the zip says so (flag bit 11
 *    or an Info-ZIP Unicode Path field), else UTF-8 when the bytes are valid UTF-8, else GB18030 —
 *    archives made on Chinese Windows store GBK names without any flag.
 *  - tar (npm's own tar implementation): a streaming parser that detects gzip by itself.
 *    A tar can only be read front to back, so entries are read in passes, each pass keeping at
 *    most TAR_PASS_BYTES of wanted entries in memory, which lets us hand them out in sorted order.
 */
import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import iconv from 'iconv-lite';
import { Parser, type ReadEntry } from 'tar';
import yauzl from 'yauzl';
import { InputError } from '../errors.js';
import { oneLine } from '../io/read.js';

export type ArchiveKind = 'zip' | 'tar';

export interface ArchiveMember {
  /** Name inside the archive, "/"-separated, without a leading "./". */
  name: string;
  /** Uncompressed size in bytes, from the archive's headers. */
  size: number;
  encrypted?: boolean;
}

/** The archive kind of a file name, or null. */
export function archiveKindOf(path: string): ArchiveKind | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz') || lower.endsWith('.tar')) return 'tar';
  return null;
}

/** Decodes a zip entry name from its raw bytes (see the file comment). */
export function decodeZipName(raw: Buffer, flags: number, extraFields: Array<{ id: number; data: Buffer }> = []): string {
  let name: string | null = null;
  for (const field of extraFields) {
    // Info-ZIP Unicode Path Extra Field: version 1, CRC32 of the raw name, UTF-8 name
    if (field.id === 0x7075 && field.data.length >= 6 && field.data[0] === 1 && field.data.readUInt32LE(1) === crc32(raw)) {
      name = field.data.subarray(5).toString('utf8');
      break;
    }
  }
  if (name === null) {
    if (flags & 0x800) name = raw.toString('utf8');
    else {
      try {
        name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        name = iconv.decode(raw, 'gb18030');
      }
    }
  }
  return cleanMemberName(name);
}

function cleanMemberName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '').replace(/^\/+/, '');
}

function archiveError(path: string, kind: ArchiveKind, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new InputError(path, 'not-found', 'no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(path, 'unreadable', 'permission denied');
  const what = kind === 'zip' ? 'ZIP archive' : 'tar archive';
  return new InputError(path, 'undecodable', `is not a readable ${what} (${oneLine(err)})`);
}

// ---------------------------------------------------------------- zip

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

async function* zipEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  const queue: Array<yauzl.Entry | Error | null> = [];
  let wake: (() => void) | null = null;
  const push = (x: yauzl.Entry | Error | null) => {
    queue.push(x);
    wake?.();
    wake = null;
  };
  zip.on('entry', (e: yauzl.Entry) => push(e));
  zip.on('end', () => push(null));
  zip.on('error', (e: Error) => push(e));
  zip.readEntry();
  for (;;) {
    if (!queue.length) await new Promise<void>((r) => (wake = r));
    const next = queue.shift()!;
    if (next === null) return;
    if (next instanceof Error) throw next;
    yield next;
    zip.readEntry();
  }
}

function zipMemberOf(entry: yauzl.Entry): ArchiveMember | null {
  const raw = entry.fileName as unknown as Buffer;
  const name = decodeZipName(raw, entry.generalPurposeBitFlag, entry.extraFields);
  if (name.endsWith('/')) return null;
  return { name, size: entry.uncompressedSize, encrypted: (entry.generalPurposeBitFlag & 1) !== 0 };
}

async function listZip(path: string): Promise<ArchiveMember[]> {
  const zip = await openZip(path);
  try {
    const members: ArchiveMember[] = [];
    for await (const entry of zipEntries(zip)) {
      const m = zipMemberOf(entry);
      if (m) members.push(m);
    }
    return members;
  } finally {
    zip.close();
  }
}

function readStream(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('data', (c: Buffer) => {
      total += c.length;
      if (total > limit) {
        (stream as unknown as { destroy(e?: Error): void }).destroy(new Error(`entry is larger than its header says`));
        return;
      }
      chunks.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

// ---------------------------------------------------------------- tar

/** Most entry bytes a tar pass holds in memory before handing them out. */
export const TAR_PASS_BYTES = 32 * 1024 * 1024;

function tarMemberOf(entry: ReadEntry): ArchiveMember | null {
  if (entry.type !== 'File' && entry.type !== 'OldFile' && entry.type !== 'ContiguousFile') return null;
  return { name: cleanMemberName(entry.path), size: entry.size };
}

function parseTar(path: string, onEntry: (entry: ReadEntry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new Parser({ strict: true, onReadEntry: onEntry });
    const input = createReadStream(path);
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      input.destroy();
      reject(e);
    };
    input.on('error', fail);
    parser.on('error', fail);
    parser.on('warn', (code: string, message: string | Error) => {
      if (code === 'TAR_BAD_ARCHIVE' || code === 'TAR_ABORT' || code === 'TAR_ENTRY_INVALID' || code === 'ZLIB_ERROR') fail(new Error(typeof message === 'string' ? message : message.message));
    });
    parser.on('end', () => {
      if (!settled) {
        settled = true;
        resolve();
      }
    });
    input.pipe(parser as unknown as NodeJS.WritableStream);
  });
}

async function listTar(path: string): Promise<ArchiveMember[]> {
  const members: ArchiveMember[] = [];
  let sawAny = false;
  await parseTar(path, (entry) => {
    sawAny = true;
    const m = tarMemberOf(entry);
    if (m) members.push(m);
    entry.resume();
  });
  if (!sawAny) {
    // the tar parser accepts an empty stream and plain junk without complaint; an archive with no entries at all is suspect
    const { stat } = await import('node:fs/promises');
    if ((await stat(path)).size > 0) throw new Error('no tar entries found');
  }
  return members;
}

// ---------------------------------------------------------------- common

export async function listArchive(path: string, kind: ArchiveKind): Promise<ArchiveMember[]> {
  try {
    return kind === 'zip' ? await listZip(path) : await listTar(path);
  } catch (err) {
    throw archiveError(path, kind, err);
  }
}

export type MemberResult = { name: string; bytes: Buffer } | { name: string; error: InputError };

/**
 * Reads the wanted members of an archive (names as `listArchive` gave them, in the order given),
 * yielding each in that order. `label(name)` is the path used in error messages. Members over
 * `maxBytes` become too-large errors without being read. A failure of the whole archive is thrown.
 */
export async function* readArchiveMembers(
  path: string,
  kind: ArchiveKind,
  wanted: ArchiveMember[],
  maxBytes: number,
  label: (name: string) => string,
): AsyncGenerator<MemberResult> {
  if (kind === 'zip') yield* readZipMembers(path, wanted, maxBytes, label);
  else yield* readTarMembers(path, wanted, maxBytes, label);
}

function tooLarge(label: string, size: number, max: number): InputError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new InputError(label, 'too-large', `is ${mb(size)} MiB, over the ${mb(max)} MiB limit (see --max-size)`);
}

async function* readZipMembers(path: string, wanted: ArchiveMember[], maxBytes: number, label: (n: string) => string): AsyncGenerator<MemberResult> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw archiveError(path, 'zip', err);
  }
  try {
    // the central directory again (cheap: names and offsets only), to find the entries by name
    const byName = new Map<string, yauzl.Entry>();
    const names = new Set(wanted.map((w) => w.name));
    for await (const entry of zipEntries(zip)) {
      const m = zipMemberOf(entry);
      if (m && names.has(m.name) && !byName.has(m.name)) byName.set(m.name, entry);
    }
    for (const w of wanted) {
      const entry = byName.get(w.name);
      if (!entry) {
        yield { name: w.name, error: new InputError(label(w.name), 'not-found', 'disappeared from the archive while it was read') };
        continue;
      }
      if (entry.generalPurposeBitFlag & 1) {
        yield { name: w.name, error: new InputError(label(w.name), 'unreadable', 'is encrypted in the ZIP archive') };
        continue;
      }
      if (entry.uncompressedSize > maxBytes) {
        yield { name: w.name, error: tooLarge(label(w.name), entry.uncompressedSize, maxBytes) };
        continue;
      }
      try {
        const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
        yield { name: w.name, bytes: await readStream(stream, maxBytes) };
      } catch (err) {
        yield { name: w.name, error: new InputError(label(w.name), 'unreadable', `cannot be read from the ZIP archive (${oneLine(err)})`) };
      }
    }
  } finally {
    zip.close();
  }
}

async function* readTarMembers(path: string, wanted: ArchiveMember[], maxBytes: number, label: (n: string) => string): AsyncGenerator<MemberResult> {
  let next = 0;
  while (next < wanted.length) {
    // one pass: the next run of wanted members whose bytes fit the pass budget (at least one)
    const pass: ArchiveMember[] = [];
    let budget = 0;
    while (next < wanted.length) {
      const w = wanted[next]!;
      const cost = w.size > maxBytes ? 0 : w.size;
      if (pass.length && budget + cost > TAR_PASS_BYTES) break;
      pass.push(w);
      budget += cost;
      next++;
    }
    const want = new Map(pass.map((w) => [w.name, w]));
    const got = new Map<string, MemberResult>();
    const reading: Array<Promise<void>> = [];
    try {
      await parseTar(path, (entry) => {
        const m = tarMemberOf(entry);
        if (!m || !want.has(m.name) || got.has(m.name)) {
          entry.resume();
          return;
        }
        if (m.size > maxBytes) {
          got.set(m.name, { name: m.name, error: tooLarge(label(m.name), m.size, maxBytes) });
          entry.resume();
          return;
        }
        const placeholder: MemberResult = { name: m.name, bytes: Buffer.alloc(0) };
        got.set(m.name, placeholder);
        reading.push(
          readStream(entry as unknown as NodeJS.ReadableStream, maxBytes).then(
            (bytes) => void got.set(m.name, { name: m.name, bytes }),
            (err) => void got.set(m.name, { name: m.name, error: new InputError(label(m.name), 'unreadable', `cannot be read from the tar archive (${oneLine(err)})`) }),
          ),
        );
      });
      await Promise.all(reading);
    } catch (err) {
      throw archiveError(path, 'tar', err);
    }
    for (const w of pass) {
      yield got.get(w.name) ?? { name: w.name, error: new InputError(label(w.name), 'not-found', 'disappeared from the archive while it was read') };
      got.delete(w.name);
    }
  }
}
