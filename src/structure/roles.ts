/**
 * Roles and years of level-1 sections.
 *
 * Heading words first:
 *   government  政府自身建设 / 自身建设 / 政府建设
 *   review      回顾 / 过去…年 / 以来工作 / 成就, and no plan words
 *   plan        安排 / 部署 / 重点工作 / 任务 / 要求 / 取向 / 建议 / 目标 / 打算 (also a
 *               five-year section that reviews one plan and sets the next)
 * A heading with none of these words (national-2015: 三、把改革开放扎实推向纵深) is
 * judged by its content: past-tense markers (了, 去年, 过去, 一年来, 完成, 取得, 成功)
 * against future markers (要, 将, 力争, 今年); review when the past ones are at
 * least 1.5 times as many, plan when the future ones outnumber them, else other.
 */
import type { SectionRole } from './types.js';

const GOVERNMENT = /政府自身建设|自身建设|政府建设|建设人民满意的政府/;
const REVIEW = /回顾|过去.{0,2}年|以来工作|成就|情况/;
const PLAN = /安排|部署|重点工作|任务|要求|取向|建议|目标|打算|计划|举措/;

export function roleFromHeading(heading: string): SectionRole | null {
  if (GOVERNMENT.test(heading)) return 'government';
  const review = REVIEW.test(heading);
  const plan = PLAN.test(heading);
  if (plan) return 'plan';
  if (review) return 'review';
  return null;
}

export function roleFromContent(text: string): SectionRole {
  const past = (text.match(/了|去年|过去|一年来|完成|成功|取得/g) ?? []).length;
  const future = (text.match(/要|将|力争|今年/g) ?? []).length;
  if (past >= 1.5 * future && past >= 3) return 'review';
  if (future > past && future >= 2) return 'plan';
  return 'other';
}

/** The five-year plan period named in a heading (“十三五” → 2016–2020), or null. */
export function fiveYearPeriod(s: string): { from: number; to: number } | null {
  const periods = [...s.matchAll(/十([一二三四五六七八九])五/g)].map((m) => 2006 + ('一二三四五六七八九'.indexOf(m[1]!)) * 5);
  if (periods.length === 0) return null;
  return { from: Math.min(...periods), to: Math.max(...periods) + 4 };
}
