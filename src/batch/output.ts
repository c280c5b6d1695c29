/**
 * `batch` output files. Each table is written to DIR/.NAME.EXT.tmp, one complete row per write
 * (synchronous, so a row is in the file before the next document is looked at), and renamed to
 * DIR/NAME.EXT when the run ends, normally or by SIGINT/SIGTERM. documents.* is renamed last, so
 * whenever documents.* is new the other files are too.
 *
 * The reader half (`ResumeSource`) reads a previous run's files for --resume: which documents
 * are done (path and content hash), and their rows, streamed in path order.
 */
import { closeSync, existsSync, openSync, renameSync, writeSync, createReadStream, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { csvField, csvLine } from '../render/csv.js';
import { TABLES, type Row, type TableName } from './rows.js';
import { comparePaths } from './inputs.js';

export type BatchFormat = 'csv' | 'jsonl';

export function fileName(table: TableName, format: BatchFormat): string {
  return `${table}.${format}`;
}

/** One row as text: a CSV record or a JSON line, columns in the documented order. */
export function formatRow(row: Row, columns: string[], format: BatchFormat): string {
  if (format === 'csv') {
    // csvLine(columns.map(…)) without its two arrays per row: batch formats ~100 rows per document
    let line = csvField(row[columns[0]!] ?? null);
    for (let i = 1; i < columns.length; i++) line += ',' + csvField(row[columns[i]!] ?? null);
    return line + '\n';
  }
  const ordered: Row = {};
  for (const c of columns) ordered[c] = row[c] ?? null;
  return JSON.stringify(ordered) + '\n';
}

/** Writes all of `bytes` (writeSync of a buffer may write less than asked, unlike a string's). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

export class TableWriter {
  readonly path: string;
  readonly tmpPath: string;
  private fd: number | null;
  rows = 0;

  constructor(
    dir: string,
    readonly table: TableName,
    readonly format: BatchFormat,
    bom: boolean,
  ) {
    this.path = join(dir, fileName(table, format));
    this.tmpPath = join(dir, `.${fileName(table, format)}.tmp`);
    this.fd = openSync(this.tmpPath, 'w');
    let head = format === 'csv' ? csvLine(TABLES[table].columns) : '';
    if (bom && format === 'csv') head = '\uFEFF' + head;
    if (head) writeSync(this.fd, head);
  }

  /** Writes rows already formatted, as text or UTF-8 bytes (or raw rows carried over from a previous run). */
  writeText(text: string | Uint8Array): void {
    if (this.fd === null || !text.length) return;
    if (typeof text === 'string') writeSync(this.fd, text);
    else writeAll(this.fd, text);
  }

  writeRows(rows: Row[]): void {
    if (!rows.length) return;
    const columns = TABLES[this.table].columns;
    this.writeText(rows.map((r) => formatRow(r, columns, this.format)).join(''));
    this.rows += rows.length;
  }

  /** Closes the temporary file and moves it over the final name (atomic on one file system). */
  commit(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    renameSync(this.tmpPath, this.path);
  }

  /** Closes and deletes the temporary file (the previous output, if any, stays). */
  abandon(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    try {
      unlinkSync(this.tmpPath);
    } catch {
      /* already gone */
    }
  }
}

export const TABLE_ORDER: TableName[] = ['figures', 'keywords', 'slogans', 'errors', 'documents'];

export class OutputSet {
  readonly writers: Record<TableName, TableWriter>;

  constructor(dir: string, format: BatchFormat, bom: boolean) {
    this.writers = Object.fromEntries(TABLE_ORDER.map((t) => [t, new TableWriter(dir, t, format, bom)])) as Record<TableName, TableWriter>;
  }

  /** Renames every file into place, documents last. */
  commit(): void {
    for (const t of TABLE_ORDER) this.writers[t].commit();
  }

  abandon(): void {
    for (const t of TABLE_ORDER) this.writers[t].abandon();
  }
}

// ------------------------------------------------------------------ resume

/** A record of a previous output: its raw text (kept byte for byte) and its path field. */
interface RawRecord {
  path: string;
  text: string;
}

/** Streams the records of one output file (CSV records may span lines inside quotes). */
class RecordReader {
  private iterator: AsyncIterator<string>;
  private lookahead: RawRecord | null | undefined = undefined;
  header: string | null = null;

  constructor(
    readonly file: string,
    readonly format: BatchFormat,
  ) {
    const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    this.iterator = rl[Symbol.asyncIterator]();
  }

  private async rawLine(): Promise<string | null> {
    const r = await this.iterator.next();
    return r.done ? null : r.value;
  }

  async readHeader(): Promise<string | null> {
    if (this.format === 'jsonl') return null;
    const line = await this.rawLine();
    this.header = line === null ? null : line.replace(/^\uFEFF/, '');
    return this.header;
  }

  private async read(): Promise<RawRecord | null> {
    let line = await this.rawLine();
    while (line !== null && line === '') line = await this.rawLine();
    if (line === null) return null;
    if (this.format === 'jsonl') {
      const obj = JSON.parse(line.replace(/^\uFEFF/, '')) as { path?: unknown };
      return { path: String(obj.path), text: line + '\n' };
    }
    let text = line;
    while (countQuotes(text) % 2 === 1) {
      const more = await this.rawLine();
      if (more === null) throw new Error(`${this.file} ends inside a quoted field`);
      text += '\n' + more;
    }
    return { path: firstCsvField(text), text: text + '\n' };
  }

  async peek(): Promise<RawRecord | null> {
    if (this.lookahead === undefined) this.lookahead = await this.read();
    return this.lookahead;
  }

  async next(): Promise<RawRecord | null> {
    const r = await this.peek();
    this.lookahead = undefined;
    return r;
  }
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 34) n++;
  return n;
}

function firstCsvField(record: string): string {
  if (!record.startsWith('"')) {
    const comma = record.indexOf(',');
    return comma < 0 ? record : record.slice(0, comma);
  }
  let out = '';
  for (let i = 1; i < record.length; i++) {
    const ch = record[i]!;
    if (ch === '"') {
      if (record[i + 1] === '"') {
        out += '"';
        i++;
      } else break;
    } else out += ch;
  }
  return out;
}

function hashColumn(format: BatchFormat, text: string): string {
  if (format === 'jsonl') return String((JSON.parse(text) as { sha256?: unknown }).sha256 ?? '');
  // sha256 is the last column and never quoted (hex)
  const trimmed = text.replace(/\n$/, '');
  return trimmed.slice(trimmed.lastIndexOf(',') + 1);
}

/**
 * A previous run's output, for --resume. `open` checks that every file is there with the current
 * columns and in path order, and loads the (path → content hash) list of finished documents.
 */
export class ResumeSource {
  private readers = new Map<TableName, RecordReader>();

  private constructor(
    readonly done: Map<string, string>,
    private readonly dir: string,
    private readonly format: BatchFormat,
  ) {}

  /** Null (with the reason) when there is nothing usable to resume from. */
  static async open(dir: string, format: BatchFormat): Promise<{ source: ResumeSource | null; reason: string | null }> {
    const tables: TableName[] = ['documents', 'figures', 'keywords', 'slogans'];
    for (const t of tables) {
      const file = join(dir, fileName(t, format));
      if (!existsSync(file)) return { source: null, reason: t === 'documents' ? `no ${fileName(t, format)} in ${dir}` : `${fileName(t, format)} is missing` };
    }
    const done = new Map<string, string>();
    for (const t of tables) {
      const reader = new RecordReader(join(dir, fileName(t, format)), format);
      try {
        const header = await reader.readHeader();
        if (format === 'csv' && header !== csvLine(TABLES[t].columns).trimEnd()) {
          return { source: null, reason: `${fileName(t, format)} has different columns (written by another version)` };
        }
        let previous: string | null = null;
        for (let r = await reader.next(); r; r = await reader.next()) {
          if (previous !== null && comparePaths(r.path, previous) < 0) return { source: null, reason: `${fileName(t, format)} is not in path order (edited?)` };
          previous = r.path;
          if (t === 'documents') done.set(r.path, hashColumn(format, r.text));
        }
      } catch (err) {
        return { source: null, reason: `${fileName(t, format)} cannot be read (${err instanceof Error ? err.message : String(err)})` };
      }
    }
    const source = new ResumeSource(done, dir, format);
    for (const t of tables) {
      const reader = new RecordReader(join(dir, fileName(t, format)), format);
      await reader.readHeader();
      source.readers.set(t, reader);
    }
    return { source, reason: null };
  }

  /** True when `path` was finished before with the same content. */
  isDone(path: string, sha256: string): boolean {
    return this.done.get(path) === sha256;
  }

  /** The previous rows of `path` in one table, as raw text (records in between are skipped). */
  async rowsFor(table: TableName, path: string): Promise<{ text: string; count: number }> {
    const reader = this.readers.get(table);
    if (!reader) return { text: '', count: 0 };
    let text = '';
    let count = 0;
    for (let r = await reader.peek(); r; r = await reader.peek()) {
      const c = comparePaths(r.path, path);
      if (c > 0) break;
      await reader.next();
      if (c === 0) {
        text += r.text;
        count++;
      }
    }
    return { text, count };
  }
}
