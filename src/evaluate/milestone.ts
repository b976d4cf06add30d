/**
 * What an indicator must reach in a given year (时间过半、任务过半): the
 * target itself in its year, an interim target in its year, the stated
 * annual growth path from the baseline, or the straight line from the
 * nearest earlier known point (baseline or interim target) to the next
 * target. Pure.
 */
import type { Comparison, FloorComparison, Indicator, Target } from '../plan/model.js';
import { compareDecimal, Decimal } from '../values/decimal.js';

export type MilestoneBasis = 'target' | 'interim' | 'after_period' | 'linear' | 'annual_growth' | 'pro_rata' | 'floor';

export interface Point {
  readonly year: number;
  readonly value: Decimal;
  readonly kind: 'baseline' | 'interim';
}

export type Milestone =
  | {
      readonly kind: 'milestone';
      readonly basis: MilestoneBasis;
      readonly comparison: Comparison;
      /** the value (or range) to compare with, in the indicator's unit */
      readonly value?: Decimal;
      readonly range?: readonly [Decimal, Decimal];
      /** the target this milestone leads to */
      readonly target: Target;
      /** the point the path starts from (linear, annual_growth) */
      readonly from?: Point;
      /** true when the stated growth rate would miss the target and the straight line is used */
      readonly growthInconsistent?: boolean;
      /** pro_rata: the year's annual milestone it is a share of */
      readonly annual?: { readonly basis: MilestoneBasis; readonly value?: Decimal; readonly range?: readonly [Decimal, Decimal] };
      /** pro_rata: the months of the year to date (6 by June) */
      readonly months?: number;
    }
  | { readonly kind: 'none'; readonly reason: 'NO_TARGET' | 'TEXT_TARGET' | 'NO_START_POINT'; readonly target?: Target };

function numeric(t: Target): Decimal | undefined {
  return t.value?.kind === 'number' ? t.value.value : undefined;
}

function lerp(a: Decimal, b: Decimal, t: Decimal): Decimal {
  return a.add(b.sub(a).mul(t));
}

/** Before its year, a target is approached in the indicator's direction. */
function approachComparison(ind: Indicator, t: Target): Comparison {
  if (t.comparison === 'between') return 'between';
  if (t.comparison === '==') return ind.direction === 'higher' ? '>=' : '<=';
  return t.comparison;
}

/** A stated growth rate is followed when it reaches the target within 2%. */
function growthPath(ind: Indicator, from: Point, to: Target, toValue: Decimal): ((time: Decimal) => Decimal) | 'inconsistent' | undefined {
  const g = ind.annualGrowth;
  if (!g || from.kind !== 'baseline' || from.value.lte(0)) return undefined;
  const factor = (years: Decimal | number): Decimal => new Decimal(1).add(g.rate).pow(years);
  const end = from.value.mul(factor(to.year - from.year));
  if (toValue.isZero() || end.sub(toValue).abs().div(toValue.abs()).gt('0.02')) return 'inconsistent';
  return (time) => from.value.mul(factor(time.sub(from.year)));
}

/** A floor printed in the baseline column (不低于…5%) as it applies in `year`: every year after the baseline year. */
export function floorFor(ind: Indicator, year: number): { readonly comparison: FloorComparison; readonly value: Decimal; readonly from: Point } | undefined {
  const b = ind.baseline;
  if (b?.comparison === undefined || b.value.kind !== 'number' || year <= b.year) return undefined;
  return { comparison: b.comparison, value: b.value.value, from: { year: b.year, value: b.value.value, kind: 'baseline' } };
}

/**
 * The milestone in `year` as of the end of `month` (12: the whole year).
 * Points of the path stand at year ends, so for a stock June 2024 lies
 * half-way between the 2023 and 2024 points. A flow (rollup `sum`) starts
 * again each year: its milestone for January to `month` is the year's
 * annual milestone pro-rated, 6/12 of it by June (flowMilestone). A floor
 * printed in the baseline column holds every year: where the path (or a
 * target) asks less, the floor is the milestone (basis `floor`; a plan
 * never puts one on a flow).
 */
export function milestoneFor(ind: Indicator, year: number, month = 12): Milestone {
  if (ind.rollup === 'sum' && month < 12) return flowMilestone(ind, year, month);
  return withFloor(ind, year, pathMilestone(ind, year, month));
}

/** The stricter of a milestone and the floor the baseline column prints (if any) for `year`. */
function withFloor(ind: Indicator, year: number, m: Milestone): Milestone {
  const floor = floorFor(ind, year);
  if (!floor || (m.kind === 'none' && m.reason === 'NO_TARGET')) return m;
  const atFloor: Milestone = { kind: 'milestone', basis: 'floor', comparison: floor.comparison, value: floor.value, target: m.target ?? (ind.targets[ind.targets.length - 1] as Target), from: floor.from };
  // a target in words (or yes/no) cannot be compared: the floor still can
  if (m.kind === 'none' || m.comparison === 'between' || m.value === undefined) return m.kind === 'none' ? atFloor : m;
  const c = compareDecimal(m.value, floor.value);
  const strict = (op: Comparison): boolean => op === '>' || op === '<';
  const floorStricter = ind.direction === 'higher' ? c < 0 || (c === 0 && strict(floor.comparison) && !strict(m.comparison)) : c > 0 || (c === 0 && strict(floor.comparison) && !strict(m.comparison));
  if (floorStricter) return atFloor;
  // a path that runs along the floor (5% in 2020, 5% in 2023) is the floor holding
  return c === 0 && m.basis === 'linear' ? { ...atFloor, comparison: m.comparison } : m;
}

/**
 * A flow's milestone for the year to date at the end of `month`: the annual
 * milestone of `year` (its target, an interim target, or the path's point
 * for the year) times month/12.
 */
export function flowMilestone(ind: Indicator, year: number, month: number): Milestone {
  const annual = pathMilestone(ind, year, 12);
  if (month >= 12 || annual.kind === 'none') return annual;
  const share = new Decimal(month).div(12);
  const { value, range } = annual;
  if (value === undefined && range === undefined) return annual;
  return {
    kind: 'milestone',
    basis: 'pro_rata',
    comparison: annual.comparison === '==' ? approachComparison(ind, annual.target) : annual.comparison,
    ...(value === undefined ? {} : { value: value.mul(share) }),
    ...(range === undefined ? {} : { range: [range[0].mul(share), range[1].mul(share)] as const }),
    target: annual.target,
    ...(annual.from ? { from: annual.from } : {}),
    annual: { basis: annual.basis, ...(value === undefined ? {} : { value }), ...(range === undefined ? {} : { range }) },
    months: month,
  };
}

function pathMilestone(ind: Indicator, year: number, month: number): Milestone {
  const targets = ind.targets;
  if (targets.length === 0) return { kind: 'none', reason: 'NO_TARGET' };
  const last = targets[targets.length - 1] as Target;
  const time = new Decimal(year - 1).add(new Decimal(month).div(12));
  const thisYear = targets.find((t) => t.year === year);
  const exact = month === 12 ? thisYear : undefined;
  if (exact) {
    if (exact.value?.kind === 'text') return { kind: 'none', reason: 'TEXT_TARGET', target: exact };
    return { kind: 'milestone', basis: exact === last ? 'target' : 'interim', comparison: exact.comparison, ...valueOf(exact), target: exact };
  }
  if (year > last.year) {
    if (last.value?.kind === 'text') return { kind: 'none', reason: 'TEXT_TARGET', target: last };
    return { kind: 'milestone', basis: 'after_period', comparison: last.comparison, ...valueOf(last), target: last };
  }
  const next = targets.find((t) => (month === 12 ? t.year > year : t.year >= year)) as Target;
  if (next.value?.kind === 'text') return { kind: 'none', reason: 'TEXT_TARGET', target: next };
  if (next.value?.kind === 'boolean') return { kind: 'none', reason: 'NO_START_POINT', target: next };

  // the nearest earlier known point: an interim target before `year`, or the baseline
  const earlier = targets.filter((t) => t.year < year && numeric(t) !== undefined && t.comparison !== 'between');
  const prevTarget = earlier[earlier.length - 1];
  const baseline = ind.baseline && ind.baseline.value.kind === 'number' && ind.baseline.year < year ? { year: ind.baseline.year, value: ind.baseline.value.value, kind: 'baseline' as const } : undefined;
  let from: Point | undefined = baseline;
  if (prevTarget && (!from || prevTarget.year >= from.year)) from = { year: prevTarget.year, value: numeric(prevTarget) as Decimal, kind: 'interim' };
  if (!from) return { kind: 'none', reason: 'NO_START_POINT', target: next };

  const share = time.sub(from.year).div(next.year - from.year);
  const comparison = approachComparison(ind, next);
  if (next.comparison === 'between' && next.range) {
    const start = from.value;
    return {
      kind: 'milestone',
      basis: 'linear',
      comparison,
      range: [lerp(start, next.range[0], share).toDecimalPlaces(10), lerp(start, next.range[1], share).toDecimalPlaces(10)],
      target: next,
      from,
    };
  }
  const to = numeric(next) as Decimal;
  const path = growthPath(ind, from, next, to);
  if (typeof path === 'function') {
    return { kind: 'milestone', basis: 'annual_growth', comparison, value: path(time), target: next, from };
  }
  return {
    kind: 'milestone',
    basis: 'linear',
    comparison,
    value: lerp(from.value, to, share),
    target: next,
    from,
    ...(path === 'inconsistent' ? { growthInconsistent: true } : {}),
  };
}

function valueOf(t: Target): { value?: Decimal; range?: readonly [Decimal, Decimal] } {
  if (t.comparison === 'between' && t.range) return { range: t.range };
  const v = numeric(t);
  return v === undefined ? {} : { value: v };
}

/** Does a point value meet `comparison value|range`? */
export function meets(x: Decimal, comparison: Comparison, value: Decimal | undefined, range?: readonly [Decimal, Decimal]): boolean {
  if (comparison === 'between') {
    if (!range) return false;
    return compareDecimal(x, range[0]) >= 0 && compareDecimal(x, range[1]) <= 0;
  }
  if (value === undefined) return false;
  const c = compareDecimal(x, value);
  switch (comparison) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '==':
      return c === 0;
  }
}
