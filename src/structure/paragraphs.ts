/**
 * Paragraph units: the lines of the normalised text, with one exception. A file
 * that holds a whole report on one line (a scraped copy with no line breaks) is
 * cut into virtual paragraphs before the places where a heading clearly starts
 * after the end of a sentence: level-1 headings ending in a heading word
 * (一、2013年工作回顾), level-2 headings （一）, and the salutation 各位代表：.
 * The text itself is never changed; units are spans of it.
 */
import type { Span } from './types.js';

export interface Unit extends Span {
  text: string;
  /** True when this unit starts inside a physical line (cut out of a one-line report). */
  virtual: boolean;
}

/** Lines longer than this are searched for mid-line headings. A long report paragraph is ~2,000 characters. */
export const LONG_LINE = 4000;

/** Words a level-1 heading ends with, for headings that run on into their text. */
export const LEVEL1_HEADING_WORDS =
  '工作回顾|总体部署|工作总体部署|重点工作任务|重点工作|工作安排|政策取向|政府工作任务|工作任务|自身建设|工作的建议|目标任务|主要目标|发展成就';

const CN_HEADING = `[一二三四五六七八九十]{1,2}、[^。！？]{2,30}?(?:${LEVEL1_HEADING_WORDS})`;
const MID_LINE_BREAK = new RegExp(
  [
    // before a level-1 heading, a level-2 heading, a —— bullet or an 一是 item that follows a sentence end
    `(?<=[。！？：”])\\s*(?=${CN_HEADING}|（[一二三四五六七八九十]{1,3}）[^。！？]{2,60}。|——|[一二三四五六七八九十]是)`,
    // after a level-1 heading that runs on into its text
    `(?<=(?:^|[。！？：”])\\s*${CN_HEADING})`,
    // before the salutation
    `(?<=\\S)(?=各位代表[：！])`,
  ].join('|'),
  'g',
);

export function paragraphUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (line.length <= LONG_LINE) pushTrimmed(units, line, start, false);
    else if (line.trim() !== '') {
      let last = 0;
      MID_LINE_BREAK.lastIndex = 0;
      for (const m of line.matchAll(MID_LINE_BREAK)) {
        const cut = m.index! + m[0].length;
        if (cut > last) {
          pushTrimmed(units, line.slice(last, cut), start + last, last > 0);
          last = cut;
        }
      }
      pushTrimmed(units, line.slice(last), start + last, last > 0);
    }
    start = end + 1;
  }
  return units;
}

/** Adds `piece` (found at `start` in the text) as a unit without its leading and trailing white space, unless that leaves nothing. */
function pushTrimmed(units: Unit[], piece: string, start: number, virtual: boolean): void {
  const text = piece.trim();
  if (text.length === 0) return;
  const lead = text.length === piece.length ? 0 : piece.length - piece.trimStart().length;
  units.push({ start: start + lead, end: start + lead + text.length, text, virtual });
}
