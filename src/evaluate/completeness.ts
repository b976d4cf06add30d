/**
 * What is due by a moment, whether the data covers it, and what a submitter
 * still owes — by spans of time, never by the labels of periods.
 *
 * A measurement is due at its frequency: by the end of June a monthly
 * measurement is due for June, a quarterly one for Q2, a yearly one not yet
 * (by the end of May, a quarterly one is due for Q1).
 *
 * - A stock is covered by any report at a moment from the due moment to the
 *   evaluation's: June, Q2 and `2024年1-6月` all cover Q2; December and the year
 *   cover the year.
 * - A flow is covered when its reports determine its amount from January to
 *   the due moment (or later), in any mix of months, quarters, year-to-date
 *   totals and the year (flow-ledger.ts).
 * - What is owed is the uncovered part, as the fewest periods of the
 *   measurement's own frequency that would cover it.
 *
 * Rules also need the earlier years they read (`per_capita_consumption[-1]`):
 * such a year is owed whole. Pure.
 */
import type { MeasurementSet } from '../model/measurements.js';
import { formatPeriod, monthOf, quarterOf, STEP, wholeYear, type AsOf, type Period } from '../model/period.js';
import { allMeasurements, type Measurement, type Plan } from '../plan/model.js';

export interface OwedRow {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly period: string;
  /** the plan file line where the measurement is declared, for annotations */
  readonly line?: number;
  /** its absence fails the run (--require complete, or `required` in the plan) */
  readonly required: boolean;
}

/** The last moment (a month of `year`) at or before `month` for which `m` is due; 0 when nothing is due yet. */
export function dueMonth(m: Measurement, month: number): number {
  const step = STEP[m.frequency];
  return Math.floor(month / step) * step;
}

/** The period of `m`'s own frequency that ends at month `to`. */
function periodEnding(m: Measurement, year: number, to: number): Period {
  switch (m.frequency) {
    case 'yearly':
      return wholeYear(year);
    case 'quarterly':
      return quarterOf(year, to / 3);
    case 'monthly':
      return monthOf(year, to);
  }
}

export interface Coverage {
  /** something is due by the moment */
  readonly due: boolean;
  /** what is due is covered by the reports */
  readonly covered: boolean;
  /** the uncovered part, as periods of the measurement's frequency */
  readonly owed: readonly Period[];
}

/** What of `m` is due by `asOf`, and whether `data` covers it. */
export function coverage(m: Measurement, data: MeasurementSet, asOf: AsOf): Coverage {
  const { year, month } = asOf;
  const due = dueMonth(m, month);
  if (due === 0) return { due: false, covered: true, owed: [] };
  if (m.rollup === 'sum') {
    const ledger = data.ledger(m.id, year);
    if (ledger.latestKnown(month) >= due) return { due: true, covered: true, owed: [] };
    return { due: true, covered: false, owed: ledger.owed(due, STEP[m.frequency]) };
  }
  const covered = data.inYear(m.id, year).some((o) => o.period.to >= due && o.period.to <= month);
  return { due: true, covered, owed: covered ? [] : [periodEnding(m, year, due)] };
}

/** An earlier year a rule reads: a stock's latest report that year, a flow's whole year. */
export function priorYearOwed(m: Measurement, data: MeasurementSet, year: number): Period[] {
  const rows = data.inYear(m.id, year);
  if (rows.length === 0) return [wholeYear(year)];
  if (m.rollup === 'latest') return [];
  return data.ledger(m.id, year).owed(12, STEP[m.frequency]);
}

/** The rows a submitter still owes by `asOf`: every measurement due (and every earlier year a rule reads) that the data does not cover. */
export function owedRows(plan: Plan, data: MeasurementSet, asOf: AsOf, requireAll = false): OwedRow[] {
  const byId = new Map(allMeasurements(plan).map((m) => [m.id, m]));
  const out: OwedRow[] = [];
  const seen = new Set<string>();
  const owe = (m: Measurement, p: Period): void => {
    const key = `${m.id}@${formatPeriod(p)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ id: m.id, name: m.name, unit: m.unit.text, period: formatPeriod(p), required: requireAll || m.required, ...(m.position ? { line: m.position.line } : {}) });
  };
  for (const ind of plan.indicators) {
    if (!ind.targets.some((t) => t.value?.kind !== 'text')) continue;
    for (const p of coverage(ind, data, asOf).owed) owe(ind, p);
  }
  for (const r of plan.rules) {
    if (r.fromYear !== undefined && asOf.year < r.fromYear) continue;
    // a rule whose this-year input is not yet due is not due: nor are its earlier years
    const notDue = r.inputs.some((i) => {
      const m = byId.get(i.id);
      return i.offset === 0 && m !== undefined && dueMonth(m, asOf.month) === 0 && data.reportedTo(m.id, asOf.year, asOf.month).length === 0;
    });
    if (notDue) continue;
    for (const input of r.inputs) {
      const m = byId.get(input.id);
      if (!m) continue;
      const ps = input.offset === 0 ? coverage(m, data, asOf).owed : priorYearOwed(m, data, asOf.year + input.offset);
      for (const p of ps) owe(m, p);
    }
  }
  return out;
}
