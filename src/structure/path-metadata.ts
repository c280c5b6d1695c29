/**
 * Place and year from a report's path, the fallback when the text does not tell them:
 *   广西/2024.txt → 广西, 2024 · 2024/柳州市.txt → 柳州市, 2024 · liuzhou-2024.txt → liuzhou, 2024
 *   archive.zip/广西/柳州市2024年政府工作报告.txt → 柳州市, 2024
 * The file name is tried first, then the folders from the innermost outwards.
 */

export interface PathMetadata {
  place: string | null;
  year: number | null;
}

const YEAR = /(?<!\d)(19[4-9]\d|20\d\d)(?!\d)/;
const REPORT_WORDS = /(?:人民)?政府工作报告|工作报告|政府报告|全文|报告/g;
const ARCHIVE_OR_TEXT_EXT = /\.(?:txt|text|html?|xhtml|docx|zip|tgz|tar\.gz|tar)$/i;
/** Extra dotted parts that are about the file, not the place: national-2020.gbk.txt. */
const FILE_TAGS = /\.(?:gbk|gb2312|gb18030|utf-?8|utf-?16|big5|orig|copy|bak|\d+)$/i;

function stem(part: string): string {
  let s = part.replace(ARCHIVE_OR_TEXT_EXT, '');
  while (FILE_TAGS.test(s)) s = s.replace(FILE_TAGS, '');
  return s;
}

/** What is left of a name once year, report words and separators are taken out; null when nothing useful is. */
function placeOf(name: string): string | null {
  const s = name
    .replace(new RegExp(YEAR.source + '年?(?:度)?', 'g'), ' ')
    .replace(REPORT_WORDS, ' ')
    .replace(/[\s_\-–—.,，、()（）[\]【】《》]+/g, ' ')
    .trim();
  if (!s || /^\d+$/.test(s) || /^(?:corpus|reports?|data|archive|input|files?|txt|text|docs?|tmp|temp|\d+年?)$/i.test(s)) return null;
  // several words left (e.g. "2024 01 liuzhou"): the first that is not a number
  const words = s.split(' ').filter((w) => !/^\d+$/.test(w));
  return words.length ? words.join('-') : null;
}

export function metadataFromPath(path: string): PathMetadata {
  const parts = path.split(/[\\/]+/).filter((p) => p && p !== '.' && p !== '..');
  if (!parts.length) return { place: null, year: null };
  const names = parts.map((p, i) => (i === parts.length - 1 ? stem(p) : p.replace(ARCHIVE_OR_TEXT_EXT, '')));
  let year: number | null = null;
  let place: string | null = null;
  for (let i = names.length - 1; i >= 0 && (year === null || place === null); i--) {
    const name = names[i]!;
    if (year === null) {
      const m = YEAR.exec(name);
      if (m) year = Number(m[1]);
    }
    if (place === null) place = placeOf(name);
    // only the file name and up to two folders above it say anything about this report
    if (names.length - 1 - i >= 2) break;
  }
  return { place, year };
}
