/**
 * The bundled lexicon of common indicators: a canonical id, a label and the ways
 * reports write it. An indicator phrase gets the id of the first entry whose
 * pattern matches at its start (after scope words such as 全年, 全市, 年末), so
 * 消费对经济增长的贡献率 is not gdp and 单位国内生产总值能耗 is energy_intensity.
 * Order matters: specific entries come before general ones.
 */

export interface IndicatorEntry {
  id: string;
  label: string;
  /** Alternatives written as they appear in reports (regex source, anchored at the start). */
  synonyms: string[];
}

export const INDICATORS: IndicatorEntry[] = [
  { id: 'energy_intensity', label: '单位GDP能耗', synonyms: ['单位(?:国内|地区)?生产总值能耗', '单位GDP能耗', '能耗强度', '万元(?:国内|地区)?生产总值能耗'] },
  { id: 'service_share', label: '服务业增加值比重', synonyms: ['服务业增加值(?:占[^，]{0,8})?比重', '服务业在(?:国内|地区)生产总值中的比重', '服务业比重'] },
  { id: 'gdp_total', label: '生产总值总量', synonyms: ['(?:国内|地区)生产总值总量', '经济总量'] },
  { id: 'gdp', label: '地区生产总值 / 国内生产总值', synonyms: ['(?:国内|地区)生产总值', '生产总值', 'GDP', '经济增长(?!与|和|基本)', '经济增速'] },
  { id: 'industrial_value_added', label: '规模以上工业增加值', synonyms: ['规(?:模以)?上工业增加值', '工业增加值'] },
  { id: 'industrial_output', label: '工业总产值', synonyms: ['规(?:模以)?上工业总产值', '工业总产值', '工业产值'] },
  { id: 'fixed_asset_investment', label: '固定资产投资', synonyms: ['(?:全社会|区本级|本级|全市|城镇)*(?:全社会)?固定资产投资'] },
  { id: 'general_budget_revenue', label: '一般公共预算收入', synonyms: ['(?:地方)?一般公共(?:财政)?预算收入', '(?:地方)?公共财政预算收入'] },
  { id: 'fiscal_revenue', label: '财政总收入', synonyms: ['(?:地方)?财政总收入', '(?:全国|地方)?财政收入'] },
  { id: 'retail_sales', label: '社会消费品零售总额', synonyms: ['社会消费品零售总额', '社零总额'] },
  { id: 'foreign_trade', label: '进出口总额', synonyms: ['(?:外贸|货物)?进出口(?:总额|总值)?', '对外贸易(?:进出口)?总额', '外贸进出口'] },
  { id: 'actual_fdi', label: '实际使用外资', synonyms: ['实际(?:使用|利用)外资', '利用外资'] },
  { id: 'disposable_income_urban', label: '城镇居民人均可支配收入', synonyms: ['城镇(?:常住)?居民人均可支配收入', '城镇人均可支配收入'] },
  { id: 'disposable_income_rural', label: '农村居民人均可支配收入', synonyms: ['农村(?:牧区)?(?:常住)?居民人均(?:可支配|纯)收入', '农(?:牧)?民人均(?:可支配|纯)收入'] },
  { id: 'disposable_income', label: '居民人均可支配收入', synonyms: ['(?:全国|全市|全区|城乡)?(?:常住)?居民人均可支配收入', '居民收入', '城乡居民(?:人均)?可支配收入'] },
  { id: 'urban_new_jobs', label: '城镇新增就业', synonyms: ['城镇新增就业', '新增城镇就业', '城镇新增就业人数'] },
  { id: 'surveyed_unemployment', label: '城镇调查失业率', synonyms: ['(?:城镇)?调查失业率'] },
  { id: 'registered_unemployment', label: '城镇登记失业率', synonyms: ['(?:城镇)?登记失业率'] },
  { id: 'cpi', label: '居民消费价格涨幅', synonyms: ['居民消费价格', 'CPI', '消费价格', '物价(?:涨幅|总水平)'] },
  { id: 'grain_output', label: '粮食产量', synonyms: ['粮食(?:总)?产量', '粮食综合生产能力'] },
  { id: 'deficit_ratio', label: '赤字率', synonyms: ['(?:财政)?赤字率'] },
  { id: 'rural_poverty_reduction', label: '农村贫困人口减少', synonyms: ['农村贫困人口减少', '(?:减少)?农村贫困人口'] },
  { id: 'urbanization_rate', label: '城镇化率', synonyms: ['(?:常住人口|户籍人口)?城镇化率'] },
  { id: 'rd_intensity', label: '研发经费投入强度', synonyms: ['(?:全社会)?研发经费投入强度', '研究与试验发展经费支出与(?:国内|地区)生产总值之比', 'R&D经费(?:投入)?强度'] },
  { id: 'pm25', label: '细颗粒物(PM2.5)浓度', synonyms: ['(?:地级及以上城市)?细颗粒物', 'PM2\\.5'] },
  { id: 'good_air_days', label: '空气质量优良天数比例', synonyms: ['(?:空气质量)?优良天数比(?:例|率)'] },
];

/** Scope and time words that may precede an indicator: 全年, 全市, 年末, 去年末, 今年 … */
const SCOPE = /^(?:全年|全国|全省|全区|全市|全县|全旗|全盟|全州|全域|今年|去年末|去年|年末|年内|其中|预计|初步预计|力争|确保|努力|[，、\s])+/;

/**
 * All entries in one anchored alternation, entry i as capture group i + 1. The engine
 * tries the alternatives in order, so the first group that took part is the first
 * entry that matches: one search per phrase instead of one per entry. Synonyms must
 * not capture, or the group numbers would shift.
 */
const ANY_ENTRY = new RegExp(`^(?:${INDICATORS.map((e) => `(${e.synonyms.join('|')})`).join('|')})`);
for (const e of INDICATORS) {
  if (new RegExp(`${e.synonyms.join('|')}|`).exec('')!.length > 1) throw new Error(`lexicon: a synonym of ${e.id} has a capturing group; use (?:…)`);
}

/** The canonical id of an indicator phrase, or null. */
export function canonicalOf(indicator: string | null | undefined): string | null {
  if (!indicator) return null;
  const text = indicator.replace(SCOPE, '');
  const m = ANY_ENTRY.exec(text);
  if (!m) return null;
  // the first group that took part (a loop, not findIndex with an arrow made per call:
  // docs/contributing.md)
  let entry = -2;
  for (let i = 1; i < m.length; i++) {
    if (m[i] !== undefined) {
      entry = i - 1;
      break;
    }
  }
  return INDICATORS[entry]!.id;
}
