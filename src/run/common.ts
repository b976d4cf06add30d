/** Pieces the command pipelines share: the moment evaluated, and names no plan knows. */
import { unknownIndicatorWarning } from '../data/bind.js';
import type { RawRow } from '../data/parse-csv.js';
import { UsageError, type Diagnostic } from '../errors.js';
import type { MeasurementSet } from '../model/measurements.js';
import { asOfPeriod, endMonth, parsePeriod, type AsOf } from '../model/period.js';
import type { Plan } from '../plan/model.js';

/** The latest moment in the data: its latest year, and month within it. */
export function latestAsOf(data: MeasurementSet): AsOf | undefined {
  let best: AsOf | undefined;
  for (const o of data.all()) {
    const a = { year: o.period.year, month: endMonth(o.period) };
    if (!best || a.year > best.year || (a.year === best.year && a.month > best.month)) best = a;
  }
  return best;
}

export function fixedAsOf(options: { readonly year?: number; readonly period?: string }): AsOf | undefined {
  if (options.period !== undefined) {
    const p = parsePeriod(options.period);
    if (!p) throw new UsageError(`--period must be a year (2024), month (2024-06) or quarter (2024-Q2), not "${options.period}"`);
    if (options.year !== undefined && options.year !== p.year) throw new UsageError(`--year ${options.year} and --period ${options.period} disagree`);
    return asOfPeriod(p);
  }
  return options.year === undefined ? undefined : { year: options.year, month: 12 };
}

/** Rows that name no measurement of any plan they went to, by name. */
export class UnknownNames {
  private readonly byName = new Map<string, { row: RawRow; plan: Plan; count: number }>();
  add(row: RawRow, plan: Plan): void {
    const e = this.byName.get(row.indicator);
    if (e) e.count++;
    else this.byName.set(row.indicator, { row, plan, count: 1 });
  }
  warnings(): Diagnostic[] {
    return [...this.byName.values()].map((e) => unknownIndicatorWarning(e.plan, e.row, e.count));
  }
}
