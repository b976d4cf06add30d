/** Pieces the command pipelines share: the moment evaluated, and names no plan knows. */
import { unknownIndicatorWarning } from '../data/bind.js';
import type { RawRow } from '../data/parse-csv.js';
import { UsageError, warningDiagnostic, type Diagnostic } from '../errors.js';
import type { MeasurementSet } from '../model/measurements.js';
import { asOfPeriod, parsePeriod, type AsOf } from '../model/period.js';
import type { Plan } from '../plan/model.js';
import { rowLocation } from '../model/row.js';
import { icu } from '../report/plural.js';

/** The latest moment in the data: its latest year, and month within it. */
export function latestAsOf(data: MeasurementSet): AsOf | undefined {
  let best: AsOf | undefined;
  for (const o of data.all()) {
    const a = { year: o.period.year, month: o.period.to };
    if (!best || a.year > best.year || (a.year === best.year && a.month > best.month)) best = a;
  }
  return best;
}

export function fixedAsOf(options: { readonly year?: number; readonly period?: string }): AsOf | undefined {
  if (options.period !== undefined) {
    const p = parsePeriod(options.period);
    if (!p) throw new UsageError({ en: `--period must be a year (2024), month (2024-06), quarter (2024-Q2) or months from January (2024年1-6月), not "${options.period}"`, zh: `--period 应为年份（2024）、月份（2024-06）、季度（2024-Q2）或自年初起的月份（2024年1-6月），不能是“${options.period}”` });
    // one moment: --year and --period together are two answers to one question, even when they agree
    if (options.year !== undefined) throw new UsageError({ en: `give --year or --period, not both (--year ${options.year}, --period ${options.period})`, zh: `--year 与 --period 只能给出一个（--year ${options.year}，--period ${options.period}）` });
    return asOfPeriod(p);
  }
  return options.year === undefined ? undefined : { year: options.year, month: 12 };
}

/** Unknown names warned about one by one, with the closest names; the rest are counted in one warning. */
export const MAX_UNKNOWN_NAMED = 50;

/** Rows that name no measurement of any plan they went to, by name: the first MAX_UNKNOWN_NAMED names, then a count. */
export class UnknownNames {
  private readonly byName = new Map<string, { row: RawRow; plan: Plan; count: number }>();
  private moreRows = 0;
  private firstMore: RawRow | undefined;
  add(row: RawRow, plan: Plan): void {
    const e = this.byName.get(row.indicator);
    if (e) e.count++;
    else if (this.byName.size < MAX_UNKNOWN_NAMED) this.byName.set(row.indicator, { row, plan, count: 1 });
    else {
      this.moreRows++;
      this.firstMore ??= row;
    }
  }
  async warnings(): Promise<Diagnostic[]> {
    const out = [...this.byName.values()].map((e) => unknownIndicatorWarning(e.plan, e.row, e.count));
    if (this.firstMore) {
      const n = this.moreRows;
      out.push(warningDiagnostic('UNKNOWN_INDICATOR', { en: await icu('{n, plural, one {# more row names an indicator} other {# more rows name indicators}} the plan does not know (only the first {max} names are listed); the first here', { n, max: MAX_UNKNOWN_NAMED }), zh: `另有 ${n} 行的指标名称规划中没有（只列出前 ${MAX_UNKNOWN_NAMED} 个名称）；第一行在此` }, rowLocation(this.firstMore)));
    }
    return out;
  }
}
