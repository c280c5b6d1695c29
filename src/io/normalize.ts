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

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

interface Line {
  chars: string[];
  src: number[];
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
  const chars: string[] = [];
  const src: number[] = [];
  let sawZeroWidth = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (ZERO_WIDTH.has(c)) {
      sawZeroWidth = true;
      continue;
    }
    if (c === 0x3c && raw.startsWith(LITERAL_NBSP, i)) {
      chars.push(' ');
      src.push(i);
      i += LITERAL_NBSP.length - 1;
      continue;
    }
    let ch = raw[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      // keep surrogate pairs whole; both units map to the pair's first unit
      chars.push(raw[i]!, raw[i + 1]!);
      src.push(i, i);
      i++;
      continue;
    }
    if (isSpace(c)) ch = ' ';
    else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) ch = String.fromCharCode(c - 0xfee0);
    else if (FULLWIDTH_TO_ASCII[ch]) ch = FULLWIDTH_TO_ASCII[ch]!;
    chars.push(ch);
    src.push(i);
  }
  trimAndCollapse(chars, src);
  fullwidthPunctuation(chars);
  closeUpLetterSpacedTitle(chars, src);
  return { chars, src, breakAt: end, artefact: sawZeroWidth && chars.length === 0 };
}

function trimAndCollapse(chars: string[], src: number[]): void {
  let w = 0;
  for (let r = 0; r < chars.length; r++) {
    if (chars[r] === ' ' && (w === 0 || chars[w - 1] === ' ')) continue;
    chars[w] = chars[r]!;
    src[w] = src[r]!;
    w++;
  }
  if (w > 0 && chars[w - 1] === ' ') w--;
  chars.length = w;
  src.length = w;
}

function fullwidthPunctuation(chars: string[]): void {
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const wide = ASCII_TO_FULLWIDTH[ch];
    if (!wide) continue;
    if (ch === ',' || ch === ':') {
      const before = prevNonSpace(chars, i);
      const after = nextNonSpace(chars, i);
      if (isDigit(before) && isDigit(after)) continue; // 1,296 · 10:30 · 3.6 : 48
      if (ch === ':' && !isHan(before) && !isHan(after) && !/[”）)]/.test(before ?? '')) continue; // URLs, times
    }
    chars[i] = wide;
  }
}

function prevNonSpace(chars: string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (chars[j] !== ' ') return chars[j];
  return undefined;
}

function nextNonSpace(chars: string[], i: number): string | undefined {
  for (let j = i + 1; j < chars.length; j++) if (chars[j] !== ' ') return chars[j];
  return undefined;
}

/** "政 府 工 作 报 告" → "政府工作报告": only when every other character is a space between single ideographs. */
function closeUpLetterSpacedTitle(chars: string[], src: number[]): void {
  if (chars.length < 5 || chars.length > 40) return;
  for (let i = 0; i < chars.length; i++) {
    if (i % 2 === 0 ? !isHan(chars[i]) : chars[i] !== ' ') return;
  }
  for (let i = chars.length - 2; i > 0; i -= 2) {
    chars.splice(i, 1);
    src.splice(i, 1);
  }
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
    const text = line.chars.join('');
    if (line.chars.length === 0 || CHROME_LINE.test(text)) {
      blankSinceLast = true;
      continue;
    }
    const prev = lines[lines.length - 1];
    // a line holding only a zero-width space between two fragments is the mark of a word broken by a scraper
    const brokenWord = artefactSinceLast && prev !== undefined && !TERMINAL_END.test(prev.chars.join('')) && !HEADING_START.test(text);
    if (prev && !blankSinceLast && (brokenWord || shouldJoin(prev.chars.join(''), text))) {
      prev.chars.push(...line.chars);
      prev.src.push(...line.src);
      prev.breakAt = line.breakAt;
    } else lines.push(line);
    blankSinceLast = false;
    artefactSinceLast = false;
  }

  let total = 0;
  for (const l of lines) total += l.chars.length + 1;
  const sourceOffsets = new Int32Array(Math.max(0, total - 1));
  const parts: string[] = [];
  let k = 0;
  lines.forEach((l, idx) => {
    if (idx > 0) {
      parts.push('\n');
      sourceOffsets[k++] = lines[idx - 1]!.breakAt;
    }
    parts.push(l.chars.join(''));
    for (const s of l.src) sourceOffsets[k++] = s;
  });
  return { text: parts.join(''), sourceOffsets };
}
