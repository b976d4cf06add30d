/**
 * One indicator in one year: find the milestone, compare the measured value
 * in the indicator's direction, and say why. A measured bound (`>18000`)
 * passes when every value it allows passes, fails when none does, and is
 * otherwise undetermined. Pure.
 */
import { locationFields } from '../errors.js';
import type { Observation, MeasurementSet } from '../model/measurements.js';
import type { Term } from '../model/flow-ledger.js';
import { formatAsOf, formatPeriod, type AsOf } from '../model/period.js';
import type { Comparison, Indicator, Target } from '../plan/model.js';
import { Decimal } from '../values/decimal.js';
import * as iv from '../values/interval.js';
import type { Interval, Tri } from '../values/interval.js';
import { fromBase, showInterval } from './display.js';
import { coverage } from './completeness.js';
import { floorFor, milestoneFor, type Milestone } from './milestone.js';
import { firstImplausible, implausibleDetail } from './plausibility.js';
import { severityOf, type CheckResult, type ExpectedValue, type InputUsed, type PlanTarget, type ReferenceValue, type ResultCode, type Status } from './result.js';

const DIGITS = 6;

function str(d: Decimal): string {
  return d.toDecimalPlaces(DIGITS).toFixed();
}

/** Is the interval `x` (base units) within `comparison value|range` (indicator units)? */
export function checkAgainst(x: Interval, comparison: Comparison, ind: Indicator, value?: Decimal, range?: readonly [Decimal, Decimal]): Tri {
  const f = ind.unit.factor;
  if (comparison === 'between') {
    if (!range) return 'unknown';
    // a range on an indicator with a direction is passed beyond it on the better side
    if (ind.direction === 'higher') return iv.compare(x, '>=', iv.point(range[0].mul(f)));
    if (ind.direction === 'lower') return iv.compare(x, '<=', iv.point(range[1].mul(f)));
    return iv.andTri(iv.compare(x, '>=', iv.point(range[0].mul(f))), iv.compare(x, '<=', iv.point(range[1].mul(f))));
  }
  if (value === undefined) return 'unknown';
  return iv.compare(x, comparison, iv.point(value.mul(f)));
}

export function inputOf(o: Observation, name: string, sign: 1 | -1 = 1): InputUsed {
  return { id: o.id, name, period: formatPeriod(o.period), value: o.text, unit: o.unit.text, ...locationFields(o.at), ...(sign === -1 ? { subtracted: true } : {}) };
}

/** The inputs a value was read from: a flow's terms with their signs, or the observations. */
export function inputsOf(observations: readonly Observation[], terms: readonly Term[] | undefined, name: (id: string) => string): InputUsed[] {
  return terms ? terms.map((t) => inputOf(t.observation, name(t.observation.id), t.sign)) : observations.map((o) => inputOf(o, name(o.id)));
}

/** The indicator's printed references as result data (value in the indicator's unit, the printed words as the quote). */
export function referencesOf(ind: Indicator): ReferenceValue[] {
  return ind.references.map((r) => ({
    label: r.label,
    ...(r.year === undefined ? {} : { year: r.year }),
    ...(r.comparison === undefined ? {} : { comparison: r.comparison }),
    ...(r.value === undefined || r.value.kind === 'text' ? {} : { value: r.value.kind === 'number' ? str(r.value.value) : r.value.value ? '是' : '否' }),
    unit: ind.unit.text,
    quote: r.text,
  }));
}

function planTarget(t: Target): PlanTarget {
  return {
    year: t.year,
    comparison: t.comparison,
    ...(t.value === undefined ? {} : { value: t.value.kind === 'number' ? str(t.value.value) : t.value.kind === 'boolean' ? String(t.value.value) : t.value.text }),
    ...(t.range ? { range: [str(t.range[0]), str(t.range[1])] as const } : {}),
    ...(t.text === undefined ? {} : { text: t.text }),
  };
}

function expectedOf(ind: Indicator, m: Extract<Milestone, { kind: 'milestone' }>): ExpectedValue {
  const t = m.target;
  return {
    comparison: m.comparison,
    ...(m.value === undefined ? {} : { value: str(m.value) }),
    ...(m.range === undefined ? {} : { range: [str(m.range[0]), str(m.range[1])] as const }),
    unit: ind.unit.text,
    basis: m.basis,
    target: {
      year: t.year,
      comparison: t.comparison,
      ...(t.value?.kind === 'number' ? { value: str(t.value.value) } : {}),
      ...(t.range ? { range: [str(t.range[0]), str(t.range[1])] as const } : {}),
      ...(t.text === undefined ? {} : { text: t.text }),
    },
    ...(m.from ? { from: { year: m.from.year, value: str(m.from.value), kind: m.from.kind } } : {}),
    ...(m.basis === 'annual_growth' && ind.annualGrowth ? { annualGrowth: ind.annualGrowth.text } : {}),
    ...(m.basis === 'pro_rata' && m.months !== undefined ? { share: `${m.months}/12` } : {}),
    ...(m.annual ? { annual: { basis: m.annual.basis, ...(m.annual.value === undefined ? {} : { value: str(m.annual.value) }), ...(m.annual.range === undefined ? {} : { range: [str(m.annual.range[0]), str(m.annual.range[1])] as const }) } } : {}),
    ...(m.growthInconsistent ? { growthInconsistent: true } : {}),
  };
}

/** How far a single value is ahead (+) or behind (−) the milestone, in the indicator's unit. */
function marginOf(x: Interval, ind: Indicator, m: Extract<Milestone, { kind: 'milestone' }>): string | undefined {
  if (!iv.isPoint(x)) return undefined;
  const v = fromBase(x.lo, ind.unit);
  const ref: Decimal | undefined = m.value;
  if (m.comparison === 'between' && m.range) {
    const [lo, hi] = m.range;
    // beyond the range on the better side is room, not a shortfall
    if (v.lt(lo)) return str(ind.direction === 'lower' ? lo.sub(v) : v.sub(lo));
    if (v.gt(hi)) return str(ind.direction === 'higher' ? v.sub(hi) : hi.sub(v));
    return str(Decimal.min(v.sub(lo), hi.sub(v)));
  }
  if (ref === undefined) return undefined;
  const up = m.comparison === '>=' || m.comparison === '>' || (m.comparison === '==' && ind.direction === 'higher');
  return str(up ? v.sub(ref) : ref.sub(v));
}

/** Where a single value lies against a range milestone: below it, above it, or beyond it on the better side. */
function rangeSide(x: Interval, ind: Indicator, m: Extract<Milestone, { kind: 'milestone' }>): 'below' | 'above' | 'beyond' | undefined {
  if (m.comparison !== 'between' || !m.range || !iv.isPoint(x)) return undefined;
  const v = fromBase(x.lo, ind.unit);
  const [lo, hi] = m.range;
  if (v.lt(lo)) return ind.direction === 'lower' ? 'beyond' : 'below';
  if (v.gt(hi)) return ind.direction === 'higher' ? 'beyond' : 'above';
  return undefined;
}

/**
 * `requireComplete`: a value due by `asOf` and absent makes the result
 * missing, even when an earlier period's value could stand in for it.
 */
export function evaluateIndicator(ind: Indicator, data: MeasurementSet, asOf: AsOf | number, requireComplete = false): CheckResult | undefined {
  const { year, month } = typeof asOf === 'number' ? { year: asOf, month: 12 } : asOf;
  if (ind.targets.length === 0) return undefined; // relational: a rule checks it
  const obs = data.valueAsOf(ind.id, year, month, ind.rollup);
  const cover = coverage(ind, data, { year, month });
  // what is due and not covered leaves the check incomplete: always for a flow (a smaller total is no total),
  // for a stock only when the data is required (otherwise its latest value stands in)
  const incomplete = !cover.covered && (ind.rollup === 'sum' || requireComplete || ind.required);
  // the milestone where the value stands: a stock's moment, a flow's January to the month it is known to;
  // for an incomplete check, the moment evaluated
  const m = milestoneFor(ind, year, obs && !incomplete ? obs.span.to : month);
  const base = {
    id: ind.id,
    kind: 'target' as const,
    subject: ind.id,
    name: ind.name,
    ...(ind.category === undefined ? {} : { category: ind.category }),
    attribute: ind.attribute,
    unit: ind.unit.text,
    direction: ind.direction,
    targets: ind.targets.map(planTarget),
    ...(ind.references.length === 0 ? {} : { references: referencesOf(ind) }),
    source: ind.source ?? { text: '' },
    ...(ind.note === undefined ? {} : { note: ind.note }),
  };
  const expected =
    m.kind === 'milestone'
      ? expectedOf(ind, m)
      : m.target && m.target.value?.kind !== 'text'
        ? expectedOf(ind, { kind: 'milestone', basis: 'target', comparison: m.target.comparison, ...(m.target.value?.kind === 'number' ? { value: m.target.value.value } : {}), ...(m.target.range ? { range: m.target.range } : {}), target: m.target })
        : null;
  const make = (status: Status, code: ResultCode, extra: Partial<CheckResult> = {}): CheckResult => ({
    ...base,
    status,
    severity: severityOf(status, ind.attribute),
    code,
    expected,
    actual: null,
    inputs: obs ? inputsOf(obs.observations, obs.terms, () => ind.name) : [],
    ...extra,
  });

  // every report read up to the moment (a flow's that do not reach January give no year to date, but are shown)
  const reported = incomplete ? data.reportedTo(ind.id, year, month) : [];
  if (!obs && !cover.due) return make('pending', 'NOT_DUE', { detail: { frequency: ind.frequency } });
  const bad = obs ? firstImplausible(obs.observations, () => ind, data) : undefined;
  if (bad && obs) return make('error', 'IMPLAUSIBLE', { actual: { value: obs.value.kind === 'number' ? showInterval(obs.value.base, ind.unit) : bad.value, period: obs.period }, detail: implausibleDetail(bad, ind.name) });
  // a flow's total lacks the periods not reported; with --require complete a stock due now is not stood in for by an older value
  if (incomplete && (obs !== undefined || reported.length > 0)) {
    return make('missing', 'INCOMPLETE', { detail: { missing: cover.owed.map(formatPeriod).join(', ') }, inputs: reported.map((o) => inputOf(o, ind.name)) });
  }
  if (!obs) return make('missing', 'INPUT_MISSING', { detail: { year: formatAsOf({ year, month }) } });
  const actual = { value: obs.value.kind === 'number' ? showInterval(obs.value.base, ind.unit) : obs.value.kind === 'boolean' ? (obs.value.value ? '是' : '否') : obs.value.text, period: obs.period };
  if (obs.value.kind === 'absent') return make('missing', 'REPORTED_ABSENT', { actual, detail: { text: obs.value.text } });
  if (m.kind === 'none' && m.reason === 'TEXT_TARGET') {
    return make('missing', 'TEXT_TARGET', { actual, detail: { text: m.target?.value?.kind === 'text' ? m.target.value.text : '' } });
  }

  if (obs.value.kind === 'boolean') {
    const target = ind.targets.find((t) => t.year >= year) ?? ind.targets[ind.targets.length - 1];
    const want = target?.value?.kind === 'boolean' ? target.value.value : true;
    const ok = obs.value.value === want;
    const expectedBool: ExpectedValue = { comparison: '==', value: want ? '是' : '否', unit: ind.unit.text, basis: target && target.year === year ? 'target' : target && target.year < year ? 'after_period' : 'target', ...(target ? { target: { year: target.year, comparison: '==', value: want ? '是' : '否' } } : {}) };
    if (ok) return make('pass', target && target.year > year ? 'TARGET_ALREADY_MET' : 'TARGET_MET', { actual, expected: expectedBool });
    if (target && target.year > year) return make('pending', 'NO_MILESTONE', { actual, expected: expectedBool });
    return make('fail', 'TARGET_NOT_MET', { actual, expected: expectedBool });
  }

  const x = obs.value.base;
  // already at the final target before its year: pass (提前实现); not for flows, which start again each year
  const final = ind.targets[ind.targets.length - 1];
  if (ind.rollup === 'latest' && final && final.year > year && final.value?.kind !== 'text') {
    const finalCheck = checkAgainst(x, final.comparison, ind, final.value?.kind === 'number' ? final.value.value : undefined, final.range);
    // a floor printed in the baseline column holds every year, even beside a final target met early
    const floor = floorFor(ind, year);
    const floorHolds = floor === undefined || checkAgainst(x, floor.comparison, ind, floor.value) === true;
    if (finalCheck === true && floorHolds) return make('pass', 'TARGET_ALREADY_MET', { actual });
  }
  if (m.kind === 'none') return make('pending', 'NO_MILESTONE', { actual });
  const outcome = checkAgainst(x, m.comparison, ind, m.value, m.range);
  const margin = marginOf(x, ind, m);
  const side = rangeSide(x, ind, m);
  const withMargin = { actual, ...(margin === undefined ? {} : { margin }), ...(side === undefined ? {} : { detail: { range: side } }) };
  // a floor that holds every year is a requirement of the year, like a target (not a point on a path)
  const atTarget = m.basis === 'target' || m.basis === 'interim' || m.basis === 'after_period' || m.basis === 'floor';
  if (outcome === 'unknown') return make('missing', 'BOUND_UNDETERMINED', { actual, detail: { value: obs.observations.map((o) => o.text).join(' + ') } });
  if (outcome) return make('pass', atTarget ? 'TARGET_MET' : 'MILESTONE_MET', withMargin);
  return make('fail', atTarget ? 'TARGET_NOT_MET' : 'BEHIND_MILESTONE', withMargin);
}

