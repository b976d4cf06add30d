/**
 * The measurements of one evaluation: every observed value, by measurement
 * id and period, with the file:line it came from. Values are kept in the base
 * unit of their dimension (exact: see units/unit.ts) beside what was written.
 */
import type { Unit } from '../units/unit.js';
import { add, point, type Interval } from '../values/interval.js';
import { endMonth, formatPeriod, type Period } from './period.js';

export type ObservedValue =
  | { readonly kind: 'number'; readonly base: Interval }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** reported as not available (—, 不适用, 不再评级 …) */
  | { readonly kind: 'absent'; readonly text: string };

export interface Observation {
  readonly id: string;
  readonly period: Period;
  readonly value: ObservedValue;
  /** the unit the value was written in */
  readonly unit: Unit;
  /** the value cell as written */
  readonly text: string;
  readonly file: string;
  readonly line: number;
  /** the workbook sheet and the value's cell, when the row came from a workbook */
  readonly sheet?: string;
  readonly cell?: string;
  readonly region?: string;
}

function sameValue(a: ObservedValue, b: ObservedValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'number' && b.kind === 'number') {
    return a.base.lo.eq(b.base.lo) && a.base.hi.eq(b.base.hi) && a.base.loOpen === b.base.loOpen && a.base.hiOpen === b.base.hiOpen;
  }
  if (a.kind === 'boolean' && b.kind === 'boolean') return a.value === b.value;
  return true;
}

/** A year's value as of a month: one observation, or the sum of several. */
export interface RolledValue {
  readonly value: ObservedValue;
  /** the rows it comes from, oldest first */
  readonly observations: readonly Observation[];
  /** `2024`, `2024-06`, or `2024-01…2024-06` for a sum */
  readonly period: string;
}

export type RollupKind = 'latest' | 'sum';

export class MeasurementSet {
  private readonly byKey = new Map<string, Observation>();
  private readonly byId = new Map<string, Observation[]>();

  /** Adds an observation; returns the earlier one it conflicts with, if any. */
  add(o: Observation): Observation | undefined {
    const key = `${o.id}|${formatPeriod(o.period)}`;
    const prev = this.byKey.get(key);
    if (prev) return sameValue(prev.value, o.value) ? undefined : prev;
    this.byKey.set(key, o);
    const list = this.byId.get(o.id) ?? [];
    list.push(o);
    this.byId.set(o.id, list);
    return undefined;
  }

  private inYear(id: string, year: number, month: number): Observation[] {
    return (this.byId.get(id) ?? []).filter((o) => o.period.year === year && (o.period.kind !== 'year' || month === 12) && endMonth(o.period) <= month);
  }

  /**
   * A measurement's value in `year` as of the end of `month`: for `latest`,
   * the most recent row not after that month (a yearly row counts only at
   * the year's end); for `sum`, the year-to-date total of monthly rows (or of
   * quarterly rows, where there are no monthly ones), or the yearly row.
   */
  valueAsOf(id: string, year: number, month: number, rollup: RollupKind): RolledValue | undefined {
    const rows = this.inYear(id, year, month);
    if (rows.length === 0) return undefined;
    const yearly = rows.find((o) => o.period.kind === 'year');
    if (rollup === 'latest' || yearly) {
      const pick = yearly ?? rows.reduce((a, b) => (endMonth(b.period) > endMonth(a.period) || (endMonth(b.period) === endMonth(a.period) && b.period.kind === 'month') ? b : a));
      return { value: pick.value, observations: [pick], period: formatPeriod(pick.period) };
    }
    const months = rows.filter((o) => o.period.kind === 'month');
    const parts = (months.length > 0 ? months : rows.filter((o) => o.period.kind === 'quarter')).sort((a, b) => endMonth(a.period) - endMonth(b.period));
    const first = parts[0] as Observation;
    const last = parts[parts.length - 1] as Observation;
    const period = parts.length === 1 ? formatPeriod(first.period) : `${formatPeriod(first.period)}…${formatPeriod(last.period)}`;
    const absent = parts.find((o) => o.value.kind !== 'number');
    if (absent) return { value: absent.value.kind === 'absent' ? absent.value : { kind: 'absent', text: absent.text }, observations: parts, period };
    let total: Interval = point(0);
    for (const o of parts) if (o.value.kind === 'number') total = add(total, o.value.base);
    return { value: { kind: 'number', base: total }, observations: parts, period };
  }

  /** Every observation of a measurement, all periods. */
  observationsOf(id: string): readonly Observation[] {
    return this.byId.get(id) ?? [];
  }

  /** Every row of a measurement in a year (for completeness checks). */
  periodsIn(id: string, year: number): Period[] {
    return (this.byId.get(id) ?? []).filter((o) => o.period.year === year).map((o) => o.period);
  }

  years(): number[] {
    const ys = new Set<number>();
    for (const o of this.byKey.values()) ys.add(o.period.year);
    return [...ys].sort((a, b) => a - b);
  }

  get size(): number {
    return this.byKey.size;
  }

  all(): Observation[] {
    return [...this.byKey.values()];
  }
}
