/**
 * Byte → string decoding with encoding detection.
 *
 * Order of checks (first match wins):
 *   1. BOMs: UTF-8, UTF-16 LE, UTF-16 BE.
 *   2. Strict UTF-8 (TextDecoder with fatal: true).
 *   3. GB18030 (a superset of GBK and GB2312), accepted only when the decoded
 *      text looks like Chinese: mostly CJK, few rare code points. Legacy Chinese
 *      reports that are not UTF-8 are almost always GBK.
 * Anything else is "undecodable" rather than silently mangled.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  | { ok: true; text: string; encoding: Encoding; note?: string }
  | { ok: false; reason: 'binary' | 'undecodable'; detail: string };

const MAGIC: Array<[string, number[]]> = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['a ZIP archive (or .docx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a legacy Word/Excel file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a 7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

/** Names the binary format of `buf` when its leading bytes are a known signature. */
export function sniffBinaryFormat(buf: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) {
    if (buf.length >= sig.length && sig.every((b, i) => buf[i] === b)) return name;
  }
  return null;
}

export function decodeBytes(buf: Uint8Array): DecodeResult {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = strictUtf8(buf.subarray(3));
    if (text === null) return { ok: false, reason: 'undecodable', detail: 'has a UTF-8 byte-order mark but invalid UTF-8 bytes' };
    return { ok: true, text, encoding: 'utf-8-bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  }

  const format = sniffBinaryFormat(buf);
  if (format) return { ok: false, reason: 'binary', detail: `is ${format}, not a text report` };
  if (buf.includes(0)) return { ok: false, reason: 'binary', detail: 'contains NUL bytes (binary data, not a text report)' };

  const utf8 = strictUtf8(buf);
  if (utf8 !== null) {
    if (looksLikeBinaryText(utf8)) return { ok: false, reason: 'binary', detail: 'is mostly control characters (binary data, not a text report)' };
    return { ok: true, text: utf8, encoding: 'utf-8' };
  }

  // A UTF-8 file cut off inside its last character (a truncated download) is still UTF-8:
  // keep everything before the incomplete character and say so, rather than refuse the file.
  const truncated = truncatedUtf8(buf);
  if (truncated) return truncated;

  const gb = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
  if (looksLikeChinese(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: 'undecodable', detail: 'is neither valid UTF-8/UTF-16 nor plausible GB18030/GBK text' };
}

function truncatedUtf8(buf: Uint8Array): DecodeResult | null {
  for (let cut = 1; cut <= 3 && cut < buf.length; cut++) {
    const lead = buf[buf.length - cut]!;
    if ((lead & 0xc0) === 0x80) continue; // a continuation byte: the character starts further back
    if (lead < 0xc0) return null; // an ASCII byte cannot start an incomplete character
    const text = strictUtf8(buf.subarray(0, buf.length - cut));
    if (text === null || looksLikeBinaryText(text)) return null;
    return { ok: true, text, encoding: 'utf-8', note: `ends inside a UTF-8 character (truncated file?); its last ${cut} byte${cut > 1 ? 's were' : ' was'} dropped` };
  }
  return null;
}

function strictUtf8(buf: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Share of C0 control characters (other than tab/CR/LF/FF) above 10 % means binary. */
function looksLikeBinaryText(text: string): boolean {
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/**
 * Random bytes also "decode" as GB18030 (nearly every byte pair is assigned),
 * so demand what a Chinese text has: no replacement characters, at least a
 * third of its non-space characters CJK ideographs or CJK punctuation, and few
 * characters from the rarely used extension blocks and user-defined area.
 */
function looksLikeChinese(text: string): boolean {
  const counts = characterClasses(text.slice(0, 65536));
  if (counts === null || counts.meaningful === 0) return false;
  return counts.cjk / counts.meaningful >= 0.3 && counts.rare / counts.meaningful < 0.05;
}

/**
 * looksLikeChinese's counts over a sample (null: it holds U+FFFD), in a function of its own
 * (docs/contributing.md): compiled into the loop's on-stack-replaced code before they ever ran, the
 * ratio tests after the loop deoptimised at every call for want of type feedback.
 */
function characterClasses(sample: string): { meaningful: number; cjk: number; rare: number } | null {
  let meaningful = 0;
  let cjk = 0;
  let rare = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) return null;
    if (c <= 0x20) continue;
    meaningful++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0xe000 && c <= 0xf8ff) || c >= 0x20000 || (c >= 0x80 && c < 0x2000)) rare++;
  }
  return { meaningful, cjk, rare };
}
