/**
 * A wide table's period columns: `2022年`, `2023`, `2023年6月`, `2023-Q2`,
 * `2023年第二季度`, and the year to date `2024年1-6月` / `2024年上半年` /
 * `2024年前三季度` (a flow's cumulative value from January: the month it
 * ends in). A unit may follow in brackets: `2023年（人）`.
 */
import { formatPeriod, parsePeriod } from '../model/period.js';
import { WITH_UNIT } from './columns.js';
import { toHalfWidth } from '../values/parse-value.js';

export interface PeriodHeader {
  /** the period as plancheck writes it (`2023`, `2024-06`, `2023-Q2`) */
  readonly period: string;
  /** a unit written in brackets after the period */
  readonly unit?: string;
}

/** year to date: January to a month */
const TO_DATE = /^(\d{4})年?(?:1|一)月?[-~—–至到](\d{1,2})月(?:份)?(?:累计)?$/;
const TO_DATE_WORDS: Readonly<Record<string, number>> = { 一季度: 3, 第一季度: 3, 上半年: 6, 前三季度: 9, 全年: 12 };

function periodOf(text: string): string | undefined {
  const s = text.replace(/(?:数值|数据|值|实际值|完成值|完成情况)$/, '');
  const p = parsePeriod(s);
  if (p) return formatPeriod(p);
  const m = TO_DATE.exec(s);
  if (m) {
    const month = Number(m[2]);
    const ytd = month >= 1 && month <= 12 ? parsePeriod(`${m[1]}-${month}`) : undefined;
    return ytd && (month === 12 ? String(ytd.year) : formatPeriod(ytd));
  }
  const w = /^(\d{4})年?(.+)$/.exec(s);
  const month = w ? TO_DATE_WORDS[w[2] as string] : undefined;
  if (w && month !== undefined) {
    const p2 = parsePeriod(month === 12 ? (w[1] as string) : `${w[1]}-${month}`);
    return p2 && formatPeriod(p2);
  }
  return undefined;
}

export function readPeriodHeader(cell: string): PeriodHeader | undefined {
  const s = toHalfWidth(cell).trim().replace(/\s+/g, '');
  if (s === '') return undefined;
  const period = periodOf(s);
  if (period !== undefined) return { period };
  const m = WITH_UNIT.exec(s);
  if (!m) return undefined;
  const inner = periodOf(m[1] as string);
  const unit = (m[2] as string).trim();
  return inner === undefined ? undefined : unit === '' ? { period: inner } : { period: inner, unit };
}
