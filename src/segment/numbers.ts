/**
 * Quantities that jieba must never split. jieba cuts "2.8%" into 2.8 | % and
 * "6%-6.5%" into five pieces; researchers want one token per quantity.
 *
 * Decision (documented in the README): a number and its unit are ONE token
 * ("2.8%", "1296亿元", "5.6万人", "6%-6.5%", "1—2个", "2023年"), tagged `m`;
 * alphanumeric names ("PM2.5", "5G", "C919", "M2") are one token tagged `eng`;
 * numbered slogans written with + ("1+4", "10+1") are one token tagged `m`.
 * The pattern runs on normalised text (ASCII digits and %, see io/normalize).
 */

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const RANGE_SEP = String.raw`[-—–~～至]`;
/** Magnitude words that multiply the number (万, 亿 …), possibly followed by 多/余 ("4万多亿元"). */
const MAGNITUDE = String.raw`(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千|百)?(?:多|余)?(?:万亿|亿|万)?`;
/**
 * Units, longest first so that 个百分点 wins over 个 and 千瓦时 over 千瓦.
 * Exported because the figures extractor reads the same list.
 */
export const UNITS = [
  '个百分点', '百分点', '千瓦时', '平方公里', '平方米', '立方米', '公里', '千米', '千瓦', '兆瓦', '标准箱', '标箱',
  '美元', '元', '人次', '人', '户', '亩', '公顷', '吨', '公斤', '斤', '辆', '套', '家', '个', '项', '所', '座', '条', '台',
  '批', '件', '次', '倍', '年', '月', '日', '天', '小时', '分钟', '岁', '名', '位', '张', '份', '种', '款', '例', '处',
  '栋', '间', '类', '艘', '架', '列', '场', '期', '轮', '米', '只', '头', '株', '棵', '盏', '部', '本', '篇', '册', '回',
  'GWh', 'MWh', 'kWh', 'GW', 'MW', 'kW', 'km', 'm²', '%', '‰',
];
const UNIT = `(?:${UNITS.map(escape).join('|')})`;

const QUANTITY = String.raw`(?:${NUM})(?:%?${RANGE_SEP}(?:${NUM}))?${MAGNITUDE}${UNIT}?`;
const PLUS_SLOGAN = String.raw`\d+(?:\+(?:\d+|N))+`;
const ALNUM = String.raw`[A-Za-z]+\d+(?:\.\d+)?[A-Za-z]*|\d+(?:\.\d+)?[A-Za-z]+\d*`;

/** Matches one protected token. Order: slogans, alphanumeric names, then quantities. */
export const PROTECTED_TOKEN = new RegExp(`${PLUS_SLOGAN}|${ALNUM}|${QUANTITY}`, 'g');

export function protectedTag(token: string): 'm' | 'eng' {
  return /^[A-Za-z]/.test(token) || (/[A-Za-z]/.test(token) && !/(?:GWh|MWh|kWh|GW|MW|kW|km)$/.test(token)) ? 'eng' : 'm';
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
