/**
 * Front and back matter: what surrounds the report body.
 *
 * Front matter is the run of leading units that are titles (…政府工作报告…),
 * dated subtitles (——2024年3月5日在…会议上), bylines (国务院总理 李克强, …区长 张三,
 * a bare name), source/date lines (来源：… 时间：…), wire datelines (新华社北京3月14日电),
 * photo captions (…摄) and bracketed notes ((根据直播整理)). The body starts at the
 * first unit that is none of these (normally 各位代表： or the first paragraph).
 *
 * Back matter starts at a 相关报道/相关阅读 line and also takes trailing source and
 * editor lines ((来源：中国政府网), 责任编辑：…).
 *
 * Asides are photo captions inside the body (3月5日，…开幕。国务院总理李克强作政府工作报告。),
 * which are outside every section too.
 */
import type { Unit } from './paragraphs.js';

const TITLE = /政府工作报告|政 府 工 作 报 告/;
const SUBTITLE = /^[—－\-–]{1,4}\s*\d{4}年|^\d{4}年\d{1,2}月\d{1,2}日在.{2,60}会议上$|^[—－\-–]{1,4}.{0,40}会议上$/;
const META_LINE = /^[（(]?(?:来源|时间|作者|发布时间|发布日期|发布|编辑|责任编辑|日期|稿源|出处)[：:]/;
const WIRE = /^(?:新华社|人民网|中新社|新华网).{0,12}电/;
const CAPTION = /(?:摄|摄影|供图|图片来源.*)\s*）?$|新华社记者|记者\s*\S{2,4}\s*摄/;
const BYLINE = /(?:人民政府|国务院).{0,6}(?:总理|省长|主席|市长|区长|县长|州长|旗长|盟长)\s*\S{1,4}\s*\S{0,2}$|^(?:国务院)?总理$/;
const OFFICIAL_BYLINE = /^[\u4e00-\u9fff]{0,12}(?:总理|主席|省长|市长|区长|县长|州长|旗长|盟长)\s+[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$/;
const BRACKET_NOTE = /^[（(][^（()）]{1,20}[）)]$/;
const BARE_NAME = /^[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){1,3}$/;

export function isFrontMatterUnit(u: Unit, index: number): boolean {
  const t = u.text;
  if (/^各位代表/.test(t)) return false;
  if (/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(t)) return false;
  if (t.length <= 60 && TITLE.test(t) && !/。.+/.test(t)) return true;
  if (t.length <= 80 && SUBTITLE.test(t)) return true;
  if (TITLE.test(t) && /^[^。]{0,30}政府工作报告\s*[—－\-–]{1,4}/.test(t) && t.length <= 90) return true;
  if (META_LINE.test(t) && t.length <= 60) return true;
  if (WIRE.test(t) && t.length <= 30) return true;
  if (t.length <= 200 && CAPTION.test(t)) return true;
  if (t.length <= 30 && (BYLINE.test(t) || OFFICIAL_BYLINE.test(t))) return true;
  if (BRACKET_NOTE.test(t)) return true;
  if (index > 0 && BARE_NAME.test(t)) return true;
  // a caption that opens a one-line report: "3月5日，…作《政府工作报告》。 新华社记者…摄 新华社北京3月14日电政府工作报告——…会议上国务院总理 李克强"
  return false;
}

/** Index of the first body unit. */
export function bodyStartIndex(units: Unit[]): number {
  let i = 0;
  while (i < units.length && i < 15 && isFrontMatterUnit(units[i]!, i)) i++;
  if (i >= units.length) return 0;
  return i;
}

const RELATED = /^(?:相关(?:报道|阅读|新闻|链接|文章|稿件)|延伸阅读|更多阅读)[：:]?/;
const TRAILER = /^[（(]?(?:来源|稿源|出处|责任编辑|编辑|校对|审核|原标题|本文来源)[：:][^。]{0,40}[）)]?$|^[【\[].{0,20}[】\]]$|^(?:分享|打印|关闭)/;

/** Index of the first back-matter unit (units.length when there is none). */
export function bodyEndIndex(units: Unit[], from: number): number {
  let end = units.length;
  for (let i = from + 1; i < units.length; i++) {
    if (RELATED.test(units[i]!.text)) {
      end = i;
      break;
    }
  }
  while (end - 1 > from && TRAILER.test(units[end - 1]!.text)) end--;
  return end;
}

/** A photo caption standing inside the body: "3月5日，…开幕。国务院总理李克强作政府工作报告。" */
export function isAside(u: Unit): boolean {
  const t = u.text;
  if (t.length > 160) return false;
  if (/^\d{1,2}月\d{1,2}日，.{4,120}(?:开幕|闭幕|举行|作政府工作报告|作《政府工作报告》)/.test(t)) return true;
  return /(?:新华社|人民网|中新社)记者.{0,12}摄\s*）?$/.test(t);
}
