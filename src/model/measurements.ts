/**
 * The measurements of one evaluation (one plan, one region): every observed
 * value of the plan's measurements, with the span of time it covers and where
 * it was read. Values are kept in the base unit of their dimension (exact:
 * see units/unit.ts) beside what was written.
 *
 * Two reports of the same span are one fact when they agree within the
 * reported precision (2.2 万人 and 22013 人; 76.9 and 76.94): the more precise
 * is kept. When they disagree, `add` returns the earlier one (a conflict).
 * Questions across spans — a quarter and its last month for a stock, months
 * and year-to-date totals for a flow — are answered at query time (see
 * consistency.ts and flow-ledger.ts), since only then is every row in.
 */
import type { RowLocation } from '../errors.js';
import type { Unit } from '../units/unit.js';
import { Decimal } from '../values/decimal.js';
import type { Interval } from '../values/interval.js';
import { comparePreference, FlowLedger, pointOf, precisionOf, type Term } from './flow-ledger.js';
import { formatPeriod, yearToDate, type Period } from './period.js';

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
  /** where it was read: `file:line`, or a workbook's sheet and cell */
  readonly at: RowLocation;
  /** the region it is for, resolved (the region's code), when the row named one */
  readonly region?: string;
}

/** A year's value as of a month: one observation, or an amount read over several. */
export interface RolledValue {
  readonly value: ObservedValue;
  /** the rows it comes from, in the order read */
  readonly observations: readonly Observation[];
  /** for a flow: each row's sign (a year-to-date total less an earlier one) */
  readonly terms?: readonly Term[];
  /** the span the value covers: a stock's own period, or a flow's January to the month known */
  readonly span: Period;
  /** its text: `2024`, `2024-06`, `2024-01/2024-06` */
  readonly period: string;
}

export type RollupKind = 'latest' | 'sum';

/** Do two reports of one span agree, within the precision of the coarser? */
export function agreeWithin(a: Observation, b: Observation): boolean {
  const x = pointOf(a);
  const y = pointOf(b);
  if (x === undefined || y === undefined) return JSON.stringify(a.value) === JSON.stringify(b.value);
  const slack = Decimal.max(precisionOf(a), precisionOf(b));
  return slack.isZero() ? x.eq(y) : x.sub(y).abs().lt(slack);
}

export class MeasurementSet {
  /** id → year → observations (one per span) */
  private readonly byId = new Map<string, Map<number, Observation[]>>();
  private readonly ledgers = new Map<string, FlowLedger>();
  private count = 0;

  /** Adds an observation; returns the earlier report of the same span it disagrees with, if any. */
  add(o: Observation): Observation | undefined {
    let years = this.byId.get(o.id);
    if (!years) this.byId.set(o.id, (years = new Map<number, Observation[]>()));
    let list = years.get(o.period.year);
    if (!list) years.set(o.period.year, (list = []));
    const i = list.findIndex((x) => x.period.from === o.period.from && x.period.to === o.period.to);
    if (i >= 0) {
      const prev = list[i] as Observation;
      if (!agreeWithin(prev, o)) return prev;
      // one fact: keep the more precise report
      if (comparePreference(o, prev) < 0) list[i] = o;
      this.ledgers.delete(`${o.id}|${o.period.year}`);
      return undefined;
    }
    list.push(o);
    this.count++;
    this.ledgers.delete(`${o.id}|${o.period.year}`);
    return undefined;
  }

  /** Every observation of a measurement in a year. */
  inYear(id: string, year: number): readonly Observation[] {
    return this.byId.get(id)?.get(year) ?? [];
  }

  /** The years a measurement has observations in. */
  yearsOf(id: string): number[] {
    return [...(this.byId.get(id)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** How a flow's reports in a year combine (built once, after the rows are in). */
  ledger(id: string, year: number): FlowLedger {
    const key = `${id}|${year}`;
    let l = this.ledgers.get(key);
    if (!l) this.ledgers.set(key, (l = new FlowLedger(year, this.inYear(id, year))));
    return l;
  }

  /** A stock's latest report not after the end of `month` in `year`. */
  stockAsOf(id: string, year: number, month: number): Observation | undefined {
    let best: Observation | undefined;
    for (const o of this.inYear(id, year)) {
      if (o.period.to > month) continue;
      // the latest moment; two reports of one moment (June and Q2): the preferred one
      if (!best || o.period.to > best.period.to || (o.period.to === best.period.to && comparePreference(o, best) < 0)) best = o;
    }
    return best;
  }

  /**
   * A measurement's value in `year` as of the end of `month`: for a stock
   * (`latest`), its latest report not after that month; for a flow (`sum`),
   * the amount from January to the latest month not after `month` whose
   * year to date the reports determine (months, quarters, year-to-date
   * totals, the year, in any mix). A flow whose year to date is known to no
   * month yet has no value.
   */
  valueAsOf(id: string, year: number, month: number, rollup: RollupKind): RolledValue | undefined {
    if (rollup === 'latest') {
      const o = this.stockAsOf(id, year, month);
      return o && { value: o.value, observations: [o], span: o.period, period: formatPeriod(o.period) };
    }
    const l = this.ledger(id, year);
    const k = l.latestKnown(month);
    if (k === 0) return undefined;
    const p = yearToDate(year, k);
    const a = l.amount(p);
    if (!a) return undefined;
    return { value: a.value, observations: a.terms.map((t) => t.observation), terms: a.terms, span: p, period: formatPeriod(p) };
  }

  /** The reports of a measurement in a year up to a month (what was read, for a total that is incomplete). */
  reportedTo(id: string, year: number, month: number): Observation[] {
    return this.inYear(id, year)
      .filter((o) => o.period.to <= month)
      .sort((a, b) => a.period.from - b.period.from || a.period.to - b.period.to);
  }

  /** Every observation of a measurement, all periods. */
  observationsOf(id: string): Observation[] {
    return [...(this.byId.get(id)?.values() ?? [])].flat();
  }

  /** Every id with observations. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  years(): number[] {
    const ys = new Set<number>();
    for (const years of this.byId.values()) for (const y of years.keys()) ys.add(y);
    return [...ys].sort((a, b) => a - b);
  }

  get size(): number {
    return this.count;
  }

  all(): Observation[] {
    return [...this.byId.values()].flatMap((years) => [...years.values()].flat());
  }
}

