/**
 * Test archives built byte by byte, so a test controls what real-world archivers do:
 * GBK file names without the UTF-8 flag (Chinese Windows), the UTF-8 flag, Info-ZIP
 * Unicode Path fields. Entries are stored (no compression); yauzl reads them like any zip.
 */
import { crc32 } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { create as createTar } from 'tar';

export interface ZipEntrySpec {
  /** Raw file-name bytes as stored in the archive. */
  name: Buffer;
  data: Buffer | string;
  /** General-purpose flags (0x800 = names are UTF-8). */
  flags?: number;
  /** Extra field bytes (e.g. an Info-ZIP Unicode Path field). */
  extra?: Buffer;
}

export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const crc = crc32(data);
    const extra = e.extra ?? Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(0, 10); // time/date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, e.name, extra, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt16LE(0, 32);
    central.writeUInt16LE(0, 34);
    central.writeUInt16LE(0, 36);
    central.writeUInt32LE(0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, e.name, extra);
    offset += 30 + e.name.length + extra.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export function writeZip(path: string, entries: ZipEntrySpec[]): string {
  writeFileSync(path, buildZip(entries));
  return path;
}

/** A .tar.gz of `files` (relative to `cwd`), made with the same tar library the reader uses. */
export async function writeTarGz(path: string, cwd: string, files: string[]): Promise<string> {
  await createTar({ gzip: true, file: path, cwd, portable: true }, files);
  return path;
}
