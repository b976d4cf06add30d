/**
 * Mid-term and final evaluation (中期评估、终期评估): how far each indicator
 * has come from its baseline towards its final target, against how far it
 * should have come by now. Pure.
 *
 * τ = (t − t0) / (tT − t0) is the share of the period elapsed. The ratio R of
 * actual to required progress is
 *   linear (percentages, values that can be zero):  R = ((x − b) / (T − b)) / τ
 *   compound (positive levels: standards, counts):  R = CAGR(b → x) / CAGR(b → T)
 * and maps to the categories Chinese mid-term evaluations use:
 *   target already met            提前实现 achieved
 *   R ≥ 1                         快于预期 ahead
 *   0.95 ≤ R < 1                  基本符合预期 on track
 *   0 ≤ R < 0.95                  滞后 behind (moderately ≥ 0.60, significantly < 0.60)
 *   R < 0                         逆向 moving away
 * Special cases: a target equal to or behind its baseline is met or moved away
 * from; percentages are capped at 100 before computing; a flow (rollup sum)
 * is judged by its latest year against that year's target.
 *
 * A part year (data to June 2024) is read as `evaluate --period 2024-06`
 * reads it: a flow's target is pro-rated (6/12), and time runs to the
 * month (t = 2023 + 6/12), so a stock is compared with the path at that
 * month. Grades come from the unrounded R; `ratioFloor` is the number to
 * show, cut (never rounded up) so that it never crosses a threshold.
 */
import type { MeasurementSet } from '../model/measurements.js';
import type { Indicator } from '../plan/model.js';
import { compareDecimal, Decimal } from '../values/decimal.js';
import { isPoint } from '../values/interval.js';
import type { AsOf } from '../model/period.js';
import { coverage } from './completeness.js';
import { fromBase } from './display.js';
import { meets } from './milestone.js';
import { firstImplausible, implausibleDetail } from './plausibility.js';

export type ProgressCategory = 'achieved' | 'ahead' | 'on_track' | 'behind' | 'moving_away' | 'not_assessable';
export type ProgressMethod = 'linear' | 'compound' | 'annual';

export const THRESHOLDS = { ahead: 1, onTrack: 0.95, moderate: 0.6, away: 0 } as const;

export interface YearValue {
  readonly year: number;
  readonly value: Decimal;
  /** the last month the value covers: 12 for a whole year, 6 for January–June */
  readonly month?: number;
}

/** When a value stands on the time axis: the end of its month (2023 + 6/12 for June 2024). */
export function timeOf(v: { readonly year: number; readonly month?: number }): Decimal {
  const m = v.month ?? 12;
  return m === 12 ? new Decimal(v.year) : new Decimal(v.year - 1).add(new Decimal(m).div(12));
}

export interface Progress {
  readonly indicator: Indicator;
  readonly series: readonly YearValue[];
  readonly baseline?: YearValue;
  readonly target?: YearValue & { readonly comparison: string };
  readonly latest?: YearValue;
  readonly method?: ProgressMethod;
  /** share of the period elapsed */
  readonly tau?: Decimal;
  /** share of the baseline → target distance covered */
  readonly covered?: Decimal;
  /** actual / required progress */
  readonly ratio?: Decimal;
  /** per year so far, and per year needed from now (units per year, or a growth rate) */
  readonly paceSoFar?: Decimal;
  readonly paceNeeded?: Decimal;
  readonly category: ProgressCategory;
  readonly grade?: 'moderately' | 'significantly';
  readonly reason?: 'NO_BASELINE' | 'NO_TARGET' | 'NO_DATA' | 'NO_TIME' | 'TARGET_MET' | 'TARGET_NOT_AHEAD' | 'IMPLAUSIBLE';
  /** with reason IMPLAUSIBLE: what is wrong with which value (as evaluate's IMPLAUSIBLE says it) */
  readonly implausible?: Readonly<Record<string, string>>;
  /** the plan gives no baseline: the first year in the data stands in for it */
  readonly baselineFromData?: boolean;
}

/** The first value of the series that is implausible (evaluate's IMPLAUSIBLE): no pace is worked out from it. */
function implausibleInSeries(ind: Indicator, data: MeasurementSet, asOf: AsOf | undefined): Readonly<Record<string, string>> | undefined {
  for (const year of data.years()) {
    if (asOf && year > asOf.year) break;
    const v = data.valueAsOf(ind.id, year, asOf && year === asOf.year ? asOf.month : 12, ind.rollup);
    const bad = v ? firstImplausible(v.observations, () => ind, data) : undefined;
    if (bad) return implausibleDetail(bad, ind.name);
  }
  return undefined;
}

function seriesOf(ind: Indicator, data: MeasurementSet, asOf: AsOf | undefined): YearValue[] {
  const out: YearValue[] = [];
  for (const year of data.years()) {
    if (asOf && year > asOf.year) break;
    const month = asOf && year === asOf.year ? asOf.month : 12;
    const v = data.valueAsOf(ind.id, year, month, ind.rollup);
    // a flow's total with months (or quarters) not reported is no total, as in evaluate (INCOMPLETE)
    if (v && ind.rollup === 'sum' && !coverage(ind, data, { year, month }).covered) continue;
    const at = v ? v.span.to : month;
    if (v?.value.kind === 'number' && isPoint(v.value.base)) out.push({ year, value: fromBase(v.value.base.lo, ind.unit), ...(at < 12 ? { month: at } : {}) });
  }
  return out;
}

/** R as shown: cut to two places towards −∞, so 0.9497 shows as 0.94 (behind), never 0.95 (on track). */
export function ratioFloor(r: Decimal): Decimal {
  return r.toDecimalPlaces(2, Decimal.ROUND_FLOOR);
}

function cap(ind: Indicator, x: Decimal): Decimal {
  return ind.unit.text === '%' && ind.direction === 'higher' ? Decimal.min(x, 100) : x;
}

function categorise(ratio: Decimal): Pick<Progress, 'category' | 'grade'> {
  if (ratio.gte(THRESHOLDS.ahead)) return { category: 'ahead' };
  if (ratio.gte(THRESHOLDS.onTrack)) return { category: 'on_track' };
  if (ratio.gte(THRESHOLDS.away)) return { category: 'behind', grade: ratio.gte(THRESHOLDS.moderate) ? 'moderately' : 'significantly' };
  return { category: 'moving_away' };
}

function cagr(from: Decimal, to: Decimal, years: Decimal | number): Decimal {
  return to.div(from).pow(new Decimal(1).div(years)).sub(1);
}

/** An indicator's progress over the data, up to `asOf` (default: all of it). */
export function progressOf(ind: Indicator, data: MeasurementSet, asOf?: AsOf): Progress {
  const series = seriesOf(ind, data, asOf);
  const latest = series[series.length - 1];
  const final = [...ind.targets].reverse().find((t) => t.value?.kind === 'number' && t.comparison !== 'between');
  const base = { indicator: ind, series, ...(latest ? { latest } : {}) };
  if (!final || final.value?.kind !== 'number') return { ...base, category: 'not_assessable', reason: 'NO_TARGET' };
  const target = { year: final.year, value: final.value.value, comparison: final.comparison };
  const withTarget = { ...base, target };
  if (!latest) return { ...withTarget, category: 'not_assessable', reason: 'NO_DATA' };
  // a value ten times off (人 for 万人), a share above 100%: a grade from it would be a wrong verdict
  const implausible = implausibleInSeries(ind, data, asOf);
  if (implausible) return { ...withTarget, category: 'not_assessable', reason: 'IMPLAUSIBLE', implausible };
  const x = cap(ind, latest.value);

  if (ind.rollup === 'sum') {
    const yearTarget = ind.targets.find((t) => t.year === latest.year && t.value?.kind === 'number');
    if (!yearTarget || yearTarget.value?.kind !== 'number' || yearTarget.value.value.isZero()) return { ...withTarget, category: 'not_assessable', reason: 'NO_TARGET' };
    // a flow starts again each year: its year's total against its year's target, pro-rated to the month
    const month = latest.month ?? 12;
    const ratio = x.div(yearTarget.value.value.mul(month).div(12));
    const done = month === 12 && latest.year >= target.year && meets(x, yearTarget.comparison, yearTarget.value.value);
    return { ...withTarget, method: 'annual', ratio, ...(done ? { category: 'achieved', reason: 'TARGET_MET' as const } : categorise(ratio)) };
  }

  const planBaseline = ind.baseline?.value.kind === 'number' ? { year: ind.baseline.year, value: ind.baseline.value.value } : undefined;
  if (meets(x, final.comparison === '==' ? (ind.direction === 'higher' ? '>=' : '<=') : final.comparison, target.value)) {
    // met: the plan's baseline and the distance covered are still worth showing
    const b = planBaseline ? cap(ind, planBaseline.value) : undefined;
    const T = cap(ind, target.value);
    const covered = b !== undefined && !T.eq(b) ? { covered: x.sub(b).div(T.sub(b)) } : {};
    return { ...withTarget, ...(planBaseline && b ? { baseline: { year: planBaseline.year, value: b } } : {}), ...covered, category: 'achieved', reason: 'TARGET_MET' };
  }
  // without a baseline in the plan, the first year in the data stands in for it (said in the report)
  const first = series[0];
  const start = planBaseline ?? (first && first.year < latest.year ? first : undefined);
  if (!start) return { ...withTarget, category: 'not_assessable', reason: 'NO_BASELINE' };
  const fromData = planBaseline === undefined ? { baselineFromData: true } : {};
  const b = cap(ind, start.value);
  const t0 = start.year;
  const at = { ...withTarget, ...fromData, baseline: { year: t0, value: b } };
  const T = cap(ind, target.value);
  const elapsed = timeOf(latest).sub(t0);
  const span = target.year - t0;
  if (elapsed.lte(0) || span <= 0) return { ...at, category: 'not_assessable', reason: 'NO_TIME' };
  const tau = elapsed.div(span);
  const ahead = ind.direction === 'higher' ? compareDecimal(T, b) > 0 : compareDecimal(T, b) < 0;
  if (!ahead) {
    // a target equal to or behind the baseline: not met means moved away from it
    return { ...at, tau, category: 'moving_away', reason: 'TARGET_NOT_AHEAD' };
  }
  const covered = x.sub(b).div(T.sub(b));
  const remaining = new Decimal(target.year).sub(timeOf(latest));
  const compound = ind.unit.kind === 'quantity' && b.gt(0) && x.gt(0) && T.gt(0);
  if (compound) {
    const soFar = cagr(b, x, elapsed);
    const required = cagr(b, T, span);
    const ratio = soFar.div(required);
    const paceNeeded = remaining.gt(0) ? cagr(x, T, remaining) : undefined;
    return { ...at, tau, covered, method: 'compound', ratio, paceSoFar: soFar, ...(paceNeeded ? { paceNeeded } : {}), ...categorise(ratio) };
  }
  const ratio = covered.div(tau);
  const paceSoFar = x.sub(b).div(elapsed);
  const paceNeeded = remaining.gt(0) ? T.sub(x).div(remaining) : undefined;
  return { ...at, tau, covered, method: 'linear', ratio, paceSoFar, ...(paceNeeded ? { paceNeeded } : {}), ...categorise(ratio) };
}
