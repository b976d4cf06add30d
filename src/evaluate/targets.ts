/**
 * One indicator in one year: find the milestone, compare the measured value
 * in the indicator's direction, and say why. A measured bound (`>18000`)
 * passes when every value it allows passes, fails when none does, and is
 * otherwise undetermined. Pure.
 */
import type { Observation, MeasurementSet } from '../data/measurements.js';
import { formatPeriod } from '../data/period.js';
import type { Comparison, Indicator } from '../plan/model.js';
import { Decimal } from '../values/decimal.js';
import * as iv from '../values/interval.js';
import type { Interval, Tri } from '../values/interval.js';
import { fromBase, showInterval } from './display.js';
import { milestoneFor, type Milestone } from './milestone.js';
import { severityOf, type CheckResult, type ExpectedValue, type InputUsed, type ResultCode, type Status } from './result.js';

const DIGITS = 6;

function str(d: Decimal): string {
  return d.toDecimalPlaces(DIGITS).toFixed();
}

/** Is the interval `x` (base units) within `comparison value|range` (indicator units)? */
export function checkAgainst(x: Interval, comparison: Comparison, ind: Indicator, value?: Decimal, range?: readonly [Decimal, Decimal]): Tri {
  const f = ind.unit.factor;
  if (comparison === 'between') {
    if (!range) return 'unknown';
    return iv.andTri(iv.compare(x, '>=', iv.point(range[0].mul(f))), iv.compare(x, '<=', iv.point(range[1].mul(f))));
  }
  if (value === undefined) return 'unknown';
  return iv.compare(x, comparison, iv.point(value.mul(f)));
}

export function inputOf(o: Observation, name: string): InputUsed {
  return { id: o.id, name, period: formatPeriod(o.period), value: o.text, unit: o.unit.text, file: o.file, line: o.line };
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
    if (v.lt(lo)) return str(v.sub(lo));
    if (v.gt(hi)) return str(hi.sub(v));
    return str(Decimal.min(v.sub(lo), hi.sub(v)));
  }
  if (ref === undefined) return undefined;
  const up = m.comparison === '>=' || m.comparison === '>' || (m.comparison === '==' && ind.direction === 'higher');
  return str(up ? v.sub(ref) : ref.sub(v));
}

export function evaluateIndicator(ind: Indicator, data: MeasurementSet, year: number): CheckResult | undefined {
  const m = milestoneFor(ind, year);
  if (m.kind === 'none' && m.reason === 'NO_TARGET') return undefined; // relational: a rule checks it
  const obs = data.forYear(ind.id, year);
  const base = {
    id: ind.id,
    kind: 'target' as const,
    subject: ind.id,
    name: ind.name,
    ...(ind.category === undefined ? {} : { category: ind.category }),
    attribute: ind.attribute,
    unit: ind.unit.text,
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
    inputs: obs ? [inputOf(obs, ind.name)] : [],
    ...extra,
  });

  if (!obs) return make('missing', 'INPUT_MISSING', { detail: { year: String(year) } });
  const actual = { value: obs.value.kind === 'number' ? showInterval(obs.value.base, ind.unit) : obs.value.kind === 'boolean' ? (obs.value.value ? '是' : '否') : obs.text, period: formatPeriod(obs.period) };
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
  // already at the final target before its year: pass (提前实现)
  const final = ind.targets[ind.targets.length - 1];
  if (final && final.year > year && final.value?.kind !== 'text') {
    const finalCheck = checkAgainst(x, final.comparison, ind, final.value?.kind === 'number' ? final.value.value : undefined, final.range);
    if (finalCheck === true) return make('pass', 'TARGET_ALREADY_MET', { actual });
  }
  if (m.kind === 'none') return make('pending', 'NO_MILESTONE', { actual });
  const outcome = checkAgainst(x, m.comparison, ind, m.value, m.range);
  const margin = marginOf(x, ind, m);
  const withMargin = margin === undefined ? { actual } : { actual, margin };
  const atTarget = m.basis === 'target' || m.basis === 'interim' || m.basis === 'after_period';
  if (outcome === 'unknown') return make('missing', 'BOUND_UNDETERMINED', { actual, detail: { value: obs.text } });
  if (outcome) return make('pass', atTarget ? 'TARGET_MET' : 'MILESTONE_MET', withMargin);
  return make('fail', atTarget ? 'TARGET_NOT_MET' : 'BEHIND_MILESTONE', withMargin);
}

