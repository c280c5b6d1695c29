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
const CLOSING_BEFORE_COLON = new Set(['”', '）', ')'].map((c) => c.charCodeAt(0)));

/** The full-width form of each ASCII unit in ASCII_TO_FULLWIDTH, 0 for the others. */
const TO_FULLWIDTH_CODES = new Uint16Array(0x80);
for (const [ascii, wide] of Object.entries(ASCII_TO_FULLWIDTH)) TO_FULLWIDTH_CODES[ascii.charCodeAt(0)] = wide.charCodeAt(0);

/** Marks a unit that cleanLine drops. */
const DROP = -1;

/**
 * What cleanLine turns each UTF-16 unit into: itself, a space, its ASCII form, or DROP.
 * Every character of every report passes through here, so the rules are looked up in
 * a table built once rather than tested one by one per character.
 */
const UNIT_MAP = buildUnitMap();

function buildUnitMap(): Int32Array {
  const map = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (ZERO_WIDTH.has(c)) map[c] = DROP;
    else if (isSpace(c)) map[c] = CODE_SPACE;
    else if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) map[c] = c - 0xfee0;
    else map[c] = c;
  }
  for (const [wide, ascii] of Object.entries(FULLWIDTH_TO_ASCII)) map[wide.charCodeAt(0)] = ascii.charCodeAt(0);
  return map;
}

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

/**
 * One raw line after cleanLine. The source index of each unit of `text` is in
 * `unitSrc[0, text.length)`, valid until the next cleanLine call.
 */
interface CleanLine {
  text: string;
  /** The raw line held only zero-width characters: it is a scraper artefact, not a paragraph break. */
  artefact: boolean;
}

const LINE_BREAKS = ['\n', '\r', '\u2028', '\u2029'];

/**
 * Finds where each raw line ends (the next LF, CR, U+2028 or U+2029, or the text end), for line
 * starts in increasing order. Each break character is found with indexOf, far faster than testing
 * every character, and its next occurrence is remembered so that no stretch of text is searched
 * twice.
 */
class LineEnds {
  /** Per line-break character, its next occurrence found so far (−1: none left). */
  private readonly next: number[] = [];

  constructor(private readonly raw: string) {
    for (const b of LINE_BREAKS) this.next.push(raw.indexOf(b));
  }

  /** Where the line starting at `start` ends (a method, not an arrow made per text: docs/contributing.md). */
  after(start: number): number {
    const { raw, next } = this;
    let end = raw.length;
    for (let k = 0; k < next.length; k++) {
      let at = next[k]!;
      if (at >= 0 && at < start) next[k] = at = raw.indexOf(LINE_BREAKS[k]!, start);
      if (at >= 0 && at < end) end = at;
    }
    return end;
  }
}

/** Length of the line break at `at`: \r\n and \r\r\n (a CRLF file passed through a CR→CRLF conversion once more) are one break. */
function breakLength(raw: string, at: number): number {
  if (raw.charCodeAt(at) !== 0x0d) return 1;
  if (raw.charCodeAt(at + 1) === 0x0a) return 2;
  if (raw.charCodeAt(at + 1) === 0x0d && raw.charCodeAt(at + 2) === 0x0a) return 3;
  return 1;
}

/**
 * Cleans raw[start, end) into the scratch arrays: maps each unit (UNIT_MAP), drops zero-width
 * characters, trims spaces and collapses runs of them (a space is written only after a unit that
 * is not one), then applies the rules that need the whole line.
 */
function cleanLine(raw: string, start: number, end: number): CleanLine {
  if (units.length < end - start) {
    units = new Uint16Array(Math.max(end - start, units.length * 2));
    unitSrc = new Int32Array(units.length);
  }
  const buf = units;
  const src = unitSrc;
  let n = 0;
  let sawZeroWidth = false;
  let sawAsciiPunctuation = false;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x3400 && c < 0xd800) {
      // CJK ideographs and most CJK punctuation: no rule changes them (the bulk of every report)
      buf[n] = c;
      src[n++] = i;
      continue;
    }
    if (c === 0x3c && raw.startsWith(LITERAL_NBSP, i)) {
      if (n > 0 && buf[n - 1] !== CODE_SPACE) {
        buf[n] = CODE_SPACE;
        src[n++] = i;
      }
      i += LITERAL_NBSP.length - 1;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      // keep surrogate pairs whole; both units map to the pair's first unit
      const low = raw.charCodeAt(i + 1);
      if (hasFullwidthForm(low)) sawAsciiPunctuation = true;
      buf[n] = c;
      src[n++] = i;
      buf[n] = low;
      src[n++] = i;
      i++;
      continue;
    }
    const out = UNIT_MAP[c]!;
    if (out === DROP) {
      sawZeroWidth = true;
      continue;
    }
    if (out === CODE_SPACE && (n === 0 || buf[n - 1] === CODE_SPACE)) continue;
    if (hasFullwidthForm(out)) sawAsciiPunctuation = true;
    buf[n] = out;
    src[n++] = i;
  }
  if (n > 0 && buf[n - 1] === CODE_SPACE) n--;
  // most lines have no ASCII , ; : ! ? ( ): skip the second pass over them
  if (sawAsciiPunctuation) fullwidthPunctuation(buf, n);
  n = closeUpLetterSpacedTitle(buf, src, n);
  // `n === 0` computed on every line, not only after a zero-width character: a comparison the
  // optimising compiler has never seen run deoptimises the whole normalisation each time it runs
  const empty = n === 0;
  return { text: unitsToString(buf, n), artefact: sawZeroWidth && empty };
}

/** True for the ASCII punctuation that fullwidthPunctuation may turn full-width. */
function hasFullwidthForm(c: number): boolean {
  return c < 0x80 && TO_FULLWIDTH_CODES[c] !== 0;
}

/** In order, as each change can be seen by the next character's test. */
function fullwidthPunctuation(buf: Uint16Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const ch = buf[i]!;
    if (!hasFullwidthForm(ch)) continue;
    const wide = TO_FULLWIDTH_CODES[ch]!;
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
  const paragraphs: string[] = [];
  // Every output unit comes from its own raw unit (a "\n" from the raw line break it replaces),
  // so the output is never longer than the input and the map can be written straight into one array.
  const offsets = new Int32Array(raw.length);
  let k = 0;
  /** Source index of the line break that ends the last paragraph (or the text end). */
  let lastBreakAt = 0;
  let blankSinceLast = false;
  let artefactSinceLast = false;
  const lineEnds = new LineEnds(raw);
  for (let start = 0, end = 0; end < raw.length; start = end + breakLength(raw, end)) {
    end = lineEnds.after(start);
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
    const last = paragraphs.length - 1;
    const prev = paragraphs[last];
    // a line holding only a zero-width space between two fragments is the mark of a word broken by a scraper
    const brokenWord = artefactSinceLast && prev !== undefined && !TERMINAL_END.test(prev) && !HEADING_START.test(text);
    if (prev !== undefined && !blankSinceLast && (brokenWord || shouldJoin(prev, text))) {
      paragraphs[last] = prev + text;
    } else {
      if (prev !== undefined) offsets[k++] = lastBreakAt;
      paragraphs.push(text);
    }
    offsets.set(unitSrc.subarray(0, text.length), k);
    k += text.length;
    lastBreakAt = end;
    blankSinceLast = false;
    artefactSinceLast = false;
  }
  return { text: paragraphs.join('\n'), sourceOffsets: offsets.slice(0, k) };
}
