/**
 * An indicator table's header read through the words plans print: which
 * column is the number, the 类别, the name, the unit, a baseline (基数,
 * 基期值, 基准值, 实际值, 现状值, 期初值 — with its year), a target
 * (NNNN年目标值, 目标, 2025年末指标), a reference (省目标值, 全省, 国家), the
 * annual growth (年均增速) or the attribute (属性). Pure.
 */

export type ColumnRole = 'number' | 'category' | 'name' | 'sublabel' | 'unit' | 'baseline' | 'target' | 'result' | 'reference' | 'growth' | 'attribute' | 'note' | 'unknown';

export interface Column {
  readonly role: ColumnRole;
  /** the header cell as printed, line breaks removed */
  readonly label: string;
  /** the year the header names (2020年基数 → 2020; “十四五”末 → 2025), if any */
  readonly year?: number;
  /** how the year was read when the header names none or names it by a plan (“十三五”末): a guess to mark */
  readonly yearGuess?: string;
}

/** 十二五 … 十六五: the five-year plans and their last years. */
const PLAN_NUMBERS: Readonly<Record<string, number>> = { 十一五: 2010, 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030, 十六五: 2035 };

export function planLastYear(text: string): number | undefined {
  const m = /(十[一二三四五六]五)/.exec(text);
  return m ? PLAN_NUMBERS[m[1] as string] : undefined;
}

const BASELINE = /基数|基期|基准|基础|实际值|现状|期初|起始|初值|现值|^\d{4}年?(?:底|末)?$|完成值|实现情况|完成情况/;
const RESULT = /完成情况|实现情况|执行情况|完成值|实际完成|^完成$/;
const TARGET = /目标|指标值|规划值|预期值|^\d{4}年?(?:底|末)?(?:指标|任务)$|达到/;
const REFERENCE = /省|全国|国家|全省|上级|对标/;
const GROWTH = /年均|增速|增长率|增幅/;
const ATTRIBUTE = /属性|性质|类型$/;

/** A header cell's text, one line: `2020年\n基准值` → `2020年基准值`. */
export function headerLabel(text: string): string {
  return text.replace(/\s+/g, '').replace(/[“”"]/g, (q) => q);
}

/**
 * The role of one header cell. `position` and `count` place it in the row
 * (the first column without a header word is the number column when its
 * cells are numbers: the caller decides that).
 */
export function readColumn(text: string): Column {
  const label = headerLabel(text);
  const year = /((?:19|20)\d\d)/.exec(label)?.[1];
  const y = year === undefined ? undefined : Number(year);
  const plan = year === undefined ? planLastYear(label) : undefined;
  const withYear = (role: ColumnRole): Column => (y !== undefined ? { role, label, year: y } : plan !== undefined ? { role, label, year: plan, yearGuess: `${label}: read as the year ${plan}` } : { role, label });
  if (label === '') return { role: 'unknown', label };
  if (/^序号$|^编号$|^No\.?$/i.test(label)) return { role: 'number', label };
  if (/^(?:类别|分类|类型|领域|指标类别|方面)$/.test(label)) return { role: 'category', label };
  if (/^(?:计量)?单位$/.test(label)) return { role: 'unit', label };
  if (/名称|^指标$|^项目$|^主要指标$|^内容$|指标名/.test(label) && !/值|目标/.test(label)) return { role: 'name', label };
  if (ATTRIBUTE.test(label)) return { role: 'attribute', label };
  if (GROWTH.test(label) && !TARGET.test(label)) return { role: 'growth', label };
  if (/备注|说明/.test(label)) return { role: 'note', label };
  if (REFERENCE.test(label) && (TARGET.test(label) || y !== undefined)) return withYear('reference');
  if (RESULT.test(label)) return withYear('result');
  if (TARGET.test(label)) return withYear('target');
  if (BASELINE.test(label)) return withYear('baseline');
  return { role: 'unknown', label };
}

/** A header row: at least a name column and a value column (a target, a baseline or a result). */
export function looksLikeHeader(columns: readonly Column[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return roles.has('name') && (roles.has('target') || roles.has('baseline') || roles.has('result'));
}
