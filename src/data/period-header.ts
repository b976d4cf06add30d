/**
 * A wide table's period columns: `2022年`, `2023`, `2023年6月`, `2023-Q2`,
 * `2023年第二季度`, and runs of months — the year to date `2024年1-6月`,
 * `2024年上半年`, `2024年前三季度` (January to the month, for a flow its
 * cumulative amount), or `2024年4-6月`. Each is read as the span it is
 * (model/period.ts), never as its last month. A unit may follow in brackets:
 * `2023年（人）`.
 */
import { formatPeriod, parsePeriod } from '../model/period.js';
import { WITH_UNIT } from './columns.js';
import { toHalfWidth } from '../values/parse-value.js';

export interface PeriodHeader {
  /** the period as plancheck writes it (`2023`, `2024-06`, `2023-Q2`, `2024-01/2024-06`) */
  readonly period: string;
  /** a unit written in brackets after the period */
  readonly unit?: string;
}

function periodOf(text: string): string | undefined {
  const s = text.replace(/(?:数值|数据|值|实际值|完成值|完成情况)$/, '');
  const p = parsePeriod(s);
  return p && formatPeriod(p);
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
