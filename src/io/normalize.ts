/**
 * Normalisation: the one text every analysis reads.
 *
 * Reports arrive scraped from web pages, Word files and old GBK archives. This
 * step makes them uniform without losing the way back: `sourceOffsets[i]` is the
 * index in the decoded original of output character i, so any later result can
 * cite a line and column of the file the user has.
 *
 * What it does, line by line (each rule has a test in test/normalize.test.ts):
 *  - line breaks CRLF / CR / CR CR LF / U+2028 → LF;
 *  - zero-width characters (U+200B–U+200D, U+2060, U+FEFF) removed, and the
 *    scraper artefact "<U+00A0>" (written out literally) treated as a space;
 *  - full-width digits, Latin letters and ％ ＋ － ． ／ → ASCII, so ４．５％ reads as 4.5%;
 *  - ASCII , ; : ! ? ( ) in Chinese text → ，；：！？（）(a comma or colon between
 *    two digits stays ASCII: 1,296 and 10:30);
 *  - indentation and trailing spaces (space, tab, U+3000, NBSP, U+2000–U+200A)
 *    trimmed, inner runs of them collapsed to one space, letter-spaced titles
 *    (政 府 工 作 报 告) closed up;
 *  - web-page chrome lines (下载 打印 全屏 收藏 【字号：加大 还原 减小】 …) dropped;
 *  - blank lines dropped: each output line is one paragraph or heading;
 *  - lines broken by scrapers rejoined where safe (see `shouldJoin`).
 */

export interface NormalizedText {
  /** The normalised text: paragraphs separated by "\n", no blank lines. */
  text: string;
  /** For each UTF-16 unit of `text`, its index in the original decoded string. */
  sourceOffsets: Int32Array;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const LITERAL_NBSP = '<U+00A0>';

const FULLWIDTH_TO_ASCII: Record<string, string> = { '％': '%', '＋': '+', '－': '-', '．': '.', '／': '/' };
const ASCII_TO_FULLWIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

const CHROME_LINE =
  /^(?:下载|打印|全屏|收藏|分享|关闭|关闭窗口|返回顶部|打印本页|加大|还原|减小|[【】]|【?字号[：:].*|分享到[：:]?.*|扫一扫.*|\[?打印本页\]?|\[?关闭窗口\]?)$/;

const HEADING_START = /^(?:第[一二三四五六七八九十百零〇\d]+[部分章节篇]|[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+[、.](?!\d))/;
const TERMINAL_END = /[。！？；：…][”’」』）]?$/;
/** Subtitles (——2024年3月5日在…会议上) and web bylines (来源：… 时间：…) stand alone even without final punctuation. */
const STANDALONE_PREV = /^[—-]|会议上$/;
const STANDALONE_NEXT = /^(?:来源|时间|作者|发布时间|发布|编辑|责任编辑|日期)[：:]/;
const CONTINUATION_START = /^[，。、；：！？）》」』”’%‰,.;:!?)\]]/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** isHan of one UTF-16 unit, memoised per unit (0: not yet known, 1: no, 2: yes). */
const hanUnit = new Uint8Array(0x10000);
function isHanCode(c: number): boolean {
  let v = hanUnit[c]!;
  if (v === 0) hanUnit[c] = v = /\p{Script=Han}/u.test(String.fromCharCode(c)) ? 2 : 1;
  return v === 2;
}

const CODE_SPACE = 0x20;
const FULLWIDTH_CODES = new Map<number, number>(Object.entries(FULLWIDTH_TO_ASCII).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
const TO_FULLWIDTH_CODES = new Map<number, number>(Object.entries(ASCII_TO_FULLWIDTH).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
const CLOSING_BEFORE_COLON = new Set(['”', '）', ')'].map((c) => c.charCodeAt(0)));

/*
 * A line is worked on as UTF-16 units in scratch typed arrays (every rule maps one unit to one unit,
 * or drops units), then made a string once. `src` holds each unit's index in the raw text.
 */
let units = new Uint16Array(1024);
let unitSrc = new Int32Array(1024);

function unitsToString(buf: Uint16Array, n: number): string {
  if (n === 0) return '';
  return Buffer.from(buf.buffer, buf.byteOffset, n * 2).toString('utf16le');
}

interface Line {
  text: string;
  /** Source index of each unit of `text`, in pieces (one per raw line joined into this one). */
  src: Int32Array[];
  /** Source index of the line break that ends this line (or the text end). */
  breakAt: number;
  /** The raw line held only zero-width characters: it is a scraper artefact, not a paragraph break. */
  artefact: boolean;
}

/** Splits on every line-break convention, recording where each raw line starts and ends. */
function rawLines(raw: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 0x0a || c === 0x2028 || c === 0x2029) {
      lines.push({ start, end: i });
      i++;
      start = i;
    } else if (c === 0x0d) {
      lines.push({ start, end: i });
      // \r\n and \r\r\n (a CRLF file passed through a CR→CRLF conversion once more) are one break.
      if (raw.charCodeAt(i + 1) === 0x0a) i += 2;
      else if (raw.charCodeAt(i + 1) === 0x0d && raw.charCodeAt(i + 2) === 0x0a) i += 3;
      else i++;
      start = i;
    } else i++;
  }
  lines.push({ start, end: raw.length });
  return lines;
}

function cleanLine(raw: string, start: number, end: number): Line {
  if (units.length < end - start) {
    units = new Uint16Array(Math.max(end - start, units.length * 2));
    unitSrc = new Int32Array(units.length);
  }
  const buf = units;
  const src = unitSrc;
  let n = 0;
  let sawZeroWidth = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) {
      sawZeroWidth = true;
      continue;
    }
    if (c === 0x3c && raw.startsWith(LITERAL_NBSP, i)) {
      buf[n] = CODE_SPACE;
      src[n++] = i;
      i += LITERAL_NBSP.length - 1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      // keep surrogate pairs whole; both units map to the pair's first unit
      buf[n] = c;
      src[n++] = i;
      buf[n] = raw.charCodeAt(i + 1);
      src[n++] = i;
      i++;
      continue;
    }
    let out = c;
    if (isSpace(c)) out = CODE_SPACE;
    else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) out = c - 0xfee0;
    else {
      const ascii = FULLWIDTH_CODES.get(c);
      if (ascii !== undefined) out = ascii;
    }
    buf[n] = out;
    src[n++] = i;
  }
  n = trimAndCollapse(buf, src, n);
  fullwidthPunctuation(buf, n);
  n = closeUpLetterSpacedTitle(buf, src, n);
  return { text: unitsToString(buf, n), src: [src.slice(0, n)], breakAt: end, artefact: sawZeroWidth && n === 0 };
}

function trimAndCollapse(buf: Uint16Array, src: Int32Array, n: number): number {
  let w = 0;
  for (let r = 0; r < n; r++) {
    if (buf[r] === CODE_SPACE && (w === 0 || buf[w - 1] === CODE_SPACE)) continue;
    buf[w] = buf[r]!;
    src[w] = src[r]!;
    w++;
  }
  if (w > 0 && buf[w - 1] === CODE_SPACE) w--;
  return w;
}

/** In order, as each change can be seen by the next character's test. */
function fullwidthPunctuation(buf: Uint16Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ch = buf[i]!;
    const wide = TO_FULLWIDTH_CODES.get(ch);
    if (wide === undefined) continue;
    if (ch === 0x2c || ch === 0x3a) {
      // , :
      const before = prevNonSpace(buf, i);
      const after = nextNonSpace(buf, i, n);
      if (before >= 0 && isDigitCode(before) && after >= 0 && isDigitCode(after)) continue; // 1,296 · 10:30 · 3.6 : 48
      if (ch === 0x3a && !(before >= 0 && isHanCode(before)) && !(after >= 0 && isHanCode(after)) && !CLOSING_BEFORE_COLON.has(before)) continue; // URLs, times
    }
    buf[i] = wide;
  }
}

/** The unit before i that is not a space, −1 when none. */
function prevNonSpace(buf: Uint16Array, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (buf[j] !== CODE_SPACE) return buf[j]!;
  return -1;
}

function nextNonSpace(buf: Uint16Array, i: number, n: number): number {
  for (let j = i + 1; j < n; j++) if (buf[j] !== CODE_SPACE) return buf[j]!;
  return -1;
}

/** "政 府 工 作 报 告" → "政府工作报告": only when every other character is a space between single ideographs. */
function closeUpLetterSpacedTitle(buf: Uint16Array, src: Int32Array, n: number): number {
  if (n < 5 || n > 40) return n;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0 ? !isHanCode(buf[i]!) : buf[i] !== CODE_SPACE) return n;
  }
  // drop the spaces at odd positions from n − 2 down to 1 (n is odd: the line does not end in a space)
  let w = 0;
  for (let r = 0; r < n; r++) {
    if (r % 2 === 1 && r <= n - 2) continue;
    buf[w] = buf[r]!;
    src[w] = src[r]!;
    w++;
  }
  return w;
}

/**
 * May `next` be glued onto `prev` (no blank line between them)? Only when `prev`
 * visibly stops mid-sentence and the pair is not a heading or a subtitle:
 *  - `next` starts with closing punctuation (…细颗粒物（PM / 2.5 / ）浓度…);
 *  - a Latin/digit fragment continues a Latin/digit fragment (PM / 2.5, M / 2);
 *  - `next` is a single stray character (政府工作报 / 告);
 *  - `prev` is a long line cut off mid-sentence (16+ characters without final punctuation).
 */
export function shouldJoin(prev: string, next: string): boolean {
  if (prev.length === 0 || next.length === 0) return false;
  if (TERMINAL_END.test(prev)) return false;
  if (CONTINUATION_START.test(next)) return true;
  if (HEADING_START.test(prev) || HEADING_START.test(next) || next.startsWith('—')) return false;
  if (STANDALONE_PREV.test(prev) || STANDALONE_NEXT.test(next)) return false;
  if (/[A-Za-z0-9.]$/.test(prev) && /^[A-Za-z0-9]/.test(next)) return true;
  if (next.length === 1 && isHan(next)) return true;
  return prev.length >= 16 && !/[。！？]/.test(prev.slice(-1));
}

export function normalizeText(raw: string): NormalizedText {
  const lines: Line[] = [];
  let blankSinceLast = false;
  let artefactSinceLast = false;
  for (const { start, end } of rawLines(raw)) {
    const line = cleanLine(raw, start, end);
    if (line.artefact) {
      artefactSinceLast = true;
      continue;
    }
    const text = line.text;
    if (text.length === 0 || CHROME_LINE.test(text)) {
      blankSinceLast = true;
      continue;
    }
    const prev = lines[lines.length - 1];
    // a line holding only a zero-width space between two fragments is the mark of a word broken by a scraper
    const brokenWord = artefactSinceLast && prev !== undefined && !TERMINAL_END.test(prev.text) && !HEADING_START.test(text);
    if (prev && !blankSinceLast && (brokenWord || shouldJoin(prev.text, text))) {
      prev.text += text;
      prev.src.push(...line.src);
      prev.breakAt = line.breakAt;
    } else lines.push(line);
    blankSinceLast = false;
    artefactSinceLast = false;
  }

  let total = 0;
  for (const l of lines) total += l.text.length + 1;
  const sourceOffsets = new Int32Array(Math.max(0, total - 1));
  let k = 0;
  for (let idx = 0; idx < lines.length; idx++) {
    if (idx > 0) sourceOffsets[k++] = lines[idx - 1]!.breakAt;
    for (const part of lines[idx]!.src) {
      sourceOffsets.set(part, k);
      k += part.length;
    }
  }
  return { text: lines.map((l) => l.text).join('\n'), sourceOffsets };
}
