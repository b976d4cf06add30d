/**
 * One value per measurement and moment. A year and its December (or Q4) are
 * the same moment for a stock; an annual flow is the sum of its months (or
 * quarters), and a quarter's flow the sum of its months. When both are
 * reported they must agree — differ by less than one unit of the last digit
 * of the coarser report (2.2 万人 and 22013 人 agree; 60% and 61% do not) —
 * or they are a conflict, like two rows for the same period. Pure.
 */
import { Decimal } from '../values/decimal.js';
import { isPoint } from '../values/interval.js';
import { lastDigitUnit } from '../values/precision.js';
import type { MeasurementSet, Observation, RollupKind } from './measurements.js';
import { endMonth } from './period.js';

export interface PeriodConflict {
  /** the coarser observation (the year, or the quarter) */
  readonly whole: Observation;
  /** the finer ones it disagrees with: one for a stock, the parts for a flow */
  readonly parts: readonly Observation[];
  /** for a flow: the parts' total, in the whole's unit */
  readonly total?: Decimal;
}

/** One unit of the last digit of the observation's value, in base units. */
export function precisionOf(o: Observation): Decimal {
  return (lastDigitUnit(o.text) ?? new Decimal(0)).mul(o.unit.factor);
}

function pointOf(o: Observation): Decimal | undefined {
  return o.value.kind === 'number' && isPoint(o.value.base) ? o.value.base.lo : undefined;
}

/** Do `whole` and the parts' total agree within what the rounding of each allows? */
function agrees(whole: Observation, parts: readonly Observation[]): { ok: boolean; total?: Decimal } {
  const w = pointOf(whole);
  const ps = parts.map(pointOf);
  if (w === undefined || ps.some((p) => p === undefined)) {
    // a bound, yes/no or not-available: only identical reports agree
    if (parts.length !== 1) return { ok: true };
    const p = parts[0] as Observation;
    return { ok: JSON.stringify(p.value) === JSON.stringify(whole.value) };
  }
  const total = (ps as Decimal[]).reduce((a, b) => a.add(b), new Decimal(0));
  // as an equality between reported amounts: less than one unit of the coarser report's last digit
  const slack = parts.reduce((a, p) => Decimal.max(a, precisionOf(p)), precisionOf(whole));
  return { ok: slack.isZero() ? total.eq(w) : total.sub(w).abs().lt(slack), total };
}

function conflict(whole: Observation, parts: readonly Observation[]): PeriodConflict | undefined {
  const a = agrees(whole, parts);
  if (a.ok) return undefined;
  return parts.length > 1 && a.total !== undefined ? { whole, parts, total: a.total.div(whole.unit.factor) } : { whole, parts };
}

/** Every disagreement between a period and the finer periods within it. */
export function periodConflicts(set: MeasurementSet, rollupOf: (id: string) => RollupKind): PeriodConflict[] {
  const out: PeriodConflict[] = [];
  const groups = new Map<string, Observation[]>();
  for (const o of set.all()) {
    const k = `${o.id}|${o.period.year}|${o.region ?? ''}`;
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  for (const rows of groups.values()) {
    if (rows.length < 2) continue;
    const first = rows[0] as Observation;
    const sum = rollupOf(first.id) === 'sum';
    const year = rows.find((o) => o.period.kind === 'year');
    const quarters = rows.filter((o) => o.period.kind === 'quarter');
    const months = rows.filter((o) => o.period.kind === 'month');
    const monthsOf = (from: number, to: number): Observation[] => months.filter((o) => endMonth(o.period) >= from && endMonth(o.period) <= to);
    const add = (c: PeriodConflict | undefined): void => void (c && out.push(c));
    if (sum) {
      for (const q of quarters) {
        const qm = q.period.kind === 'quarter' ? q.period.quarter * 3 : 0;
        const ms = monthsOf(qm - 2, qm);
        if (ms.length === 3) add(conflict(q, ms));
      }
      if (year && months.length === 12) add(conflict(year, months));
      else if (year && quarters.length === 4) add(conflict(year, quarters));
    } else {
      for (const q of quarters) {
        const qm = q.period.kind === 'quarter' ? q.period.quarter * 3 : 0;
        const m = monthsOf(qm, qm)[0];
        if (m) add(conflict(q, [m]));
      }
      const december = months.find((o) => endMonth(o.period) === 12) ?? quarters.find((o) => endMonth(o.period) === 12);
      if (year && december) add(conflict(year, [december]));
    }
  }
  return out;
}
