/**
 * The measurements of one evaluation: every observed value, by measurement
 * id and period, with the file:line it came from. Values are kept in the base
 * unit of their dimension (exact: see units/unit.ts) beside what was written.
 */
import type { Unit } from '../units/unit.js';
import type { Interval } from '../values/interval.js';
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

  /**
   * The value for a year: the yearly row if there is one, otherwise the
   * latest month or quarter reported in that year.
   */
  forYear(id: string, year: number): Observation | undefined {
    const list = this.byId.get(id);
    if (!list) return undefined;
    let best: Observation | undefined;
    for (const o of list) {
      if (o.period.year !== year) continue;
      if (o.period.kind === 'year') return o;
      if (!best || endMonth(o.period) > endMonth(best.period)) best = o;
    }
    return best;
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
