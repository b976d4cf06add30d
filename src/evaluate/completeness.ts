/**
 * What a submitter still owes: every row due by the evaluation moment that
 * the data lacks, by measurement and period. A measurement is due at its
 * frequency — a yearly value at the year's end, a monthly stock for the
 * month, a monthly flow for every month so far — and rules also need the
 * earlier years they read. Pure.
 */
import type { MeasurementSet } from '../model/measurements.js';
import { formatPeriod, type AsOf, type Period } from '../model/period.js';
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

/** The periods of `year` up to `month` at which a measurement is due. */
export function duePeriods(m: Measurement, year: number, month: number): Period[] {
  switch (m.frequency) {
    case 'yearly':
      return month === 12 ? [{ kind: 'year', year }] : [];
    case 'quarterly': {
      const last = Math.floor(month / 3);
      if (last === 0) return [];
      const qs = m.rollup === 'sum' ? Array.from({ length: last }, (_, i) => i + 1) : [last];
      return qs.map((quarter) => ({ kind: 'quarter', year, quarter }));
    }
    case 'monthly': {
      const ms = m.rollup === 'sum' ? Array.from({ length: month }, (_, i) => i + 1) : [month];
      return ms.map((mm) => ({ kind: 'month', year, month: mm }));
    }
  }
}

function has(data: MeasurementSet, id: string, p: Period): boolean {
  return data.periodsIn(id, p.year).some((q) => formatPeriod(q) === formatPeriod(p) || (q.kind === 'year' && p.kind !== 'year'));
}

/** The periods due for measurement `m` at `asOf` that the data lacks. */
export function missingPeriods(m: Measurement, data: MeasurementSet, asOf: AsOf): Period[] {
  return duePeriods(m, asOf.year, asOf.month).filter((p) => !has(data, m.id, p));
}

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
    for (const p of missingPeriods(ind, data, asOf)) owe(ind, p);
  }
  for (const r of plan.rules) {
    if (r.fromYear !== undefined && asOf.year < r.fromYear) continue;
    // a rule whose this-year input is not yet due is not due: nor are its earlier years
    const notDue = r.inputs.some((i) => {
      const m = byId.get(i.id);
      return i.offset === 0 && m !== undefined && duePeriods(m, asOf.year, asOf.month).length === 0 && data.periodsIn(m.id, asOf.year).length === 0;
    });
    if (notDue) continue;
    for (const input of r.inputs) {
      const m = byId.get(input.id);
      if (!m) continue;
      if (input.offset === 0) {
        for (const p of missingPeriods(m, data, asOf)) owe(m, p);
      } else {
        const year = asOf.year + input.offset;
        // an earlier year is needed whole: its yearly row, or any row of that year for a stock
        const rows = data.periodsIn(m.id, year);
        const enough = rows.some((q) => q.kind === 'year') || (m.rollup === 'latest' && rows.length > 0);
        if (!enough) owe(m, { kind: 'year', year });
      }
    }
  }
  return out;
}
