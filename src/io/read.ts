/**
 * Reading one input (file path or stdin) into a SourceText: decoded, converted
 * from HTML/.docx where needed, normalised, with the map back to the original.
 * Every failure is an InputError naming the input; nothing here throws anything else
 * for bad input.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { decodeBytes, sniffBinaryFormat, type Encoding } from './decode.js';
import { docxToText, formatOf, htmlToText, looksLikeHtml, type SourceFormat } from './formats.js';
import { normalizeText } from './normalize.js';

/** Largest input accepted, in bytes (20 MiB). A long report is about 100 KB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface SourceText {
  /** The path as the user gave it; "-" for standard input. */
  path: string;
  format: SourceFormat;
  /** Encoding of the bytes ("docx" for Word files, whose XML is always UTF-8). */
  encoding: Encoding | 'docx';
  bytes: number;
  /** The decoded text before normalisation (after HTML/.docx conversion). */
  original: string;
  /** The normalised text that every analysis reads. */
  text: string;
  /** For each UTF-16 unit of `text`, its index in `original`. */
  sourceOffsets: Int32Array;
  /** Things the reader repaired or noticed (a truncated last character …), for the user; usually empty. */
  notes: string[];
}

export interface ReadOptions {
  maxBytes?: number;
}

export async function readSource(path: string, options: ReadOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path === '-') return sourceFromBytes('-', await readStdin(maxBytes), options);
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw fsError(path, err);
  }
  if (info.isDirectory()) throw new InputError(path, 'unsupported', 'is a directory (give its files, or use it as an input folder)');
  if (!info.isFile()) throw new InputError(path, 'unsupported', 'is not a regular file');
  if (info.size > maxBytes) throw tooLarge(path, info.size, maxBytes);
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    throw fsError(path, err);
  }
  return sourceFromBytes(path, buf, options);
}

/**
 * Builds a SourceText from bytes already in memory (stdin, archive entries, tests).
 * `name` decides the container format by its extension and is used in messages.
 */
export async function sourceFromBytes(name: string, buf: Buffer, options: ReadOptions = {}): Promise<SourceText> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.length > maxBytes) throw tooLarge(name, buf.length, maxBytes);
  if (buf.length === 0) throw new InputError(name, 'empty', 'is empty');
  let format = formatOf(name);
  let original: string;
  let encoding: SourceText['encoding'];
  const notes: string[] = [];

  if (format === 'docx') {
    if (sniffBinaryFormat(buf) !== 'a ZIP archive (or .docx)') throw new InputError(name, 'binary', 'is named .docx but is not a Word document');
    try {
      original = await docxToText(buf);
    } catch (err) {
      throw new InputError(name, 'undecodable', `is not a readable .docx file (${oneLine(err)})`);
    }
    encoding = 'docx';
  } else {
    const decoded = decodeBytes(buf);
    if (!decoded.ok) throw new InputError(name, decoded.reason, decoded.detail);
    encoding = decoded.encoding;
    original = decoded.text;
    if (decoded.note) notes.push(decoded.note);
    if (format === 'text' && looksLikeHtml(original)) format = 'html';
    if (format === 'html') {
      try {
        original = await htmlToText(original);
      } catch (err) {
        // e.g. thousands of nested elements overflow the HTML parser's stack
        throw new InputError(name, 'undecodable', `is HTML that cannot be converted to text (${oneLine(err)})`);
      }
    }
  }

  const { text, sourceOffsets } = normalizeText(original);
  if (text.trim().length === 0) {
    throw new InputError(name, 'empty', format === 'text' ? 'has no text (empty or whitespace only)' : `has no visible text (${format})`);
  }
  return { path: name, format, encoding, bytes: buf.length, original, text, sourceOffsets, notes };
}

const lineStartsCache = new WeakMap<object, number[]>();

/** Line (1-based), column (1-based, in UTF-16 units) and offset in `original` of a position in `text`. */
export function sourcePosition(source: Pick<SourceText, 'original' | 'sourceOffsets'>, offset: number): { line: number; column: number; offset: number } {
  const clamped = Math.min(Math.max(offset, 0), Math.max(source.sourceOffsets.length - 1, 0));
  const original = source.sourceOffsets.length ? source.sourceOffsets[clamped]! : 0;
  let starts = lineStartsCache.get(source);
  if (!starts) {
    starts = originalLineStarts(source.original);
    lineStartsCache.set(source, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= original) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: original - starts[lo]! + 1, offset: original };
}

/** Start offsets of the original's lines, counting CRLF and CR CR LF as one break, as editors do. */
function originalLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      else if (text.charCodeAt(i + 1) === 0x0d && text.charCodeAt(i + 2) === 0x0a) i += 2;
      starts.push(i + 1);
    }
  }
  return starts;
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    total += b.length;
    if (total > maxBytes) throw tooLarge('-', total, maxBytes);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function tooLarge(path: string, size: number, max: number): InputError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new InputError(path, 'too-large', `is ${mb(size)} MiB, over the ${mb(max)} MiB limit (see --max-size)`);
}

function fsError(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new InputError(path, 'not-found', 'no such file or directory');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(path, 'unreadable', 'permission denied');
  if (code === 'ELOOP') return new InputError(path, 'unreadable', 'symbolic link loop');
  return new InputError(path, 'unreadable', `cannot be read (${code ?? oneLine(err)})`);
}

export function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 200);
}
