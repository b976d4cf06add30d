/**
 * Is a reported value one its indicator can plausibly hold? A value with no
 * unit is taken in the plan's unit; the classic slips — 人 for 万人, 元/年 for
 * 元/月, 0.93 for 93%, 769 for 76.9% — give values no analyst would pass.
 * Three checks, each with the plan's envelope (`plausible`) able to widen or
 * narrow it:
 *
 * - a share (a `%` or `‰` indicator that is part of a whole — not a growth
 *   rate or a change) lies within 0–100% (`min`/`max`);
 * - a value in (0, 1] for a `%` indicator whose plan values are all above 1
 *   looks like a fraction;
 * - a value `factor` (10) times or more away from everything the plan states
 *   for it (baseline, targets, interim targets, printed references) and from
 *   its other values in the data is out of scale. A flow's plan values are
 *   annual, so a month is compared with a twelfth of them. Without a
 *   baseline, a value short of the targets is not out of scale (a count may
 *   build up from nothing). Rates of change
 *   (增速, 增长幅度) have no scale to keep to: no such check unless the plan
 *   sets `factor`.
 *
 * Run per observation at evaluation time, not per raw row. Pure.
 */
import type { MeasurementSet, Observation } from '../model/measurements.js';
import { formatLocation } from '../errors.js';
import { formatPeriod, months } from '../model/period.js';
import type { Indicator, Measurement, PlanValue } from '../plan/model.js';
import { tryParseUnit, type Unit } from '../units/unit.js';
import { Decimal } from '../values/decimal.js';
import { isPoint } from '../values/interval.js';
import { showDecimal } from './display.js';

export const DEFAULT_FACTOR = new Decimal(10);

/** Names of rates that are not a part of a whole: growth, change, difference. */
const NOT_A_SHARE = /增长|增速|增幅|增加|提高|提升|下降|降低|减少|变化|变动|差/;

export interface Envelope {
  /** in the measurement's unit; null: no limit */
  readonly min: Decimal | null;
  readonly max: Decimal | null;
  /** null: no magnitude check */
  readonly factor: Decimal | null;
  /** the bounds are a share's 0–100% */
  readonly share: boolean;
}

export function isShare(m: Measurement): boolean {
  return (m.unit.text === '%' || m.unit.text === '‰') && !NOT_A_SHARE.test(m.name);
}

/** The envelope in force: the plan's, over the defaults. */
export function envelopeOf(m: Measurement): Envelope {
  const share = isShare(m);
  const full = m.unit.text === '‰' ? new Decimal(1000) : new Decimal(100);
  const p = m.plausible ?? {};
  return {
    min: p.min !== undefined ? p.min : share ? new Decimal(0) : null,
    max: p.max !== undefined ? p.max : share ? full : null,
    // a rate of change (增速 1.82% one year, 0.1% the next) has no scale to keep to
    factor: p.factor !== undefined ? p.factor : m.unit.kind === 'ratio' && !share ? null : DEFAULT_FACTOR,
    share: share && p.min === undefined && p.max === undefined,
  };
}

/** `0–100%, within 10×` — for `plancheck show` and `validate`. */
export function describeEnvelope(m: Measurement): string {
  const e = envelopeOf(m);
  const u = m.unit.text === '%' || m.unit.text === '‰' ? m.unit.text : ` ${m.unit.text}`;
  const bounds = e.min === null && e.max === null ? '' : `${e.min === null ? '−∞' : e.min.toFixed()}–${e.max === null ? '∞' : e.max.toFixed()}${u}`;
  const factor = e.factor === null ? '' : `×${e.factor.toFixed()}`;
  return [bounds, factor].filter(Boolean).join(', ') || '—';
}

/** What is wrong with a value, as data: the message is worded in report/. */
export interface Implausible {
  readonly reason: 'share' | 'envelope' | 'fraction' | 'high' | 'low';
  /** the value as checked, with its unit */
  readonly value: string;
  readonly observation: Observation;
  /** the nearest value it was compared with */
  readonly ref?: { readonly kind: 'baseline' | 'target' | 'reference' | 'data'; readonly year?: number; readonly text: string; readonly at?: string };
  /** how many times away */
  readonly ratio?: string;
  /** a unit that would make the value plausible, and the value in the plan's unit */
  readonly suggest?: { readonly unit: string; readonly value: string };
  readonly min?: string;
  readonly max?: string;
}

interface Ref {
  readonly kind: 'baseline' | 'target' | 'reference' | 'data';
  readonly year?: number;
  /** per year for a flow, in the measurement's unit */
  readonly value: Decimal;
  readonly text: string;
  readonly at?: string;
}


function withUnit(v: Decimal, unit: Unit): string {
  const u = unit.text === '%' || unit.text === '‰' ? unit.text : ` ${unit.text}`;
  return `${showDecimal(v)}${u}`;
}

function planNumber(v: PlanValue | undefined): Decimal | undefined {
  return v?.kind === 'number' ? v.value : undefined;
}

/** Every number the plan states for an indicator: baseline, targets (range ends), references. */
function planRefs(m: Measurement): Ref[] {
  const ind = m as Partial<Indicator>;
  const out: Ref[] = [];
  const push = (kind: Ref['kind'], v: Decimal | undefined, year?: number): void => {
    if (v !== undefined) out.push({ kind, value: v, text: withUnit(v, m.unit), ...(year === undefined ? {} : { year }) });
  };
  if (ind.baseline) push('baseline', planNumber(ind.baseline.value), ind.baseline.year);
  for (const t of ind.targets ?? []) {
    push('target', planNumber(t.value), t.year);
    if (t.range) for (const r of t.range) push('target', r, t.year);
  }
  for (const r of ind.references ?? []) push('reference', planNumber(r.value), r.year);
  return out;
}

/** A value in the measurement's unit, per year for a flow. */
function annualised(o: Observation, m: Measurement): Decimal | undefined {
  if (o.value.kind !== 'number' || !isPoint(o.value.base)) return undefined;
  const v = o.value.base.lo.div(m.unit.factor);
  return m.rollup === 'sum' ? v.mul(12).div(months(o.period)) : v;
}

/** Other units of the same dimension a submitter may have meant: 人 for 万人, 元/人·年 for 元/人·月. */
function alternativeUnits(u: Unit): Unit[] {
  const text = u.text;
  const [num = '', ...den] = text.split('/');
  const denom = den.length > 0 ? `/${den.join('/')}` : '';
  const bare = num.replace(/^[万亿千百]/, '');
  const nums = [bare, `万${bare}`, `亿${bare}`].filter((n) => n !== num);
  const out = nums.map((n) => `${n}${denom}`);
  if (/月$/.test(denom)) out.push(`${num}${denom.replace(/月$/, '年')}`);
  if (/年$/.test(denom)) out.push(`${num}${denom.replace(/年$/, '月')}`);
  return out.map(tryParseUnit).filter((x): x is Unit => x !== undefined && x.dimension === u.dimension && !x.factor.eq(u.factor));
}

function distance(a: Decimal, b: Decimal): Decimal {
  return a.gt(b) ? a.div(b) : b.div(a);
}

/** The value checked against the envelope and the plan's and the data's other values. */
export function implausibility(m: Measurement, o: Observation, data: MeasurementSet): Implausible | undefined {
  if (o.value.kind !== 'number' || !isPoint(o.value.base)) return undefined;
  const env = envelopeOf(m);
  const v = o.value.base.lo.div(m.unit.factor);
  const shown = withUnit(v, m.unit);
  const base = { value: shown, observation: o };
  if ((env.min !== null && v.lt(env.min)) || (env.max !== null && v.gt(env.max))) {
    return { ...base, reason: env.share ? 'share' : 'envelope', ...(env.min === null ? {} : { min: env.min.toFixed() }), ...(env.max === null ? {} : { max: env.max.toFixed() }) };
  }
  const plan = planRefs(m);
  const percent = m.unit.text === '%';
  if (percent && v.gt(0) && v.lte(1) && plan.length > 0 && plan.every((r) => r.value.gt(1))) {
    return { ...base, reason: 'fraction', suggest: { unit: '%', value: withUnit(v.mul(100), m.unit) } };
  }
  if (env.factor === null || v.lte(0)) return undefined;
  const perYear = m.rollup === 'sum' ? v.mul(12).div(months(o.period)) : v;
  const others: Ref[] = [];
  for (const x of data.observationsOf(m.id)) {
    if (x === o) continue;
    const a = annualised(x, m);
    if (a !== undefined) others.push({ kind: 'data', value: a, text: withUnit(x.value.kind === 'number' ? x.value.base.lo.div(m.unit.factor) : a, m.unit), at: `${formatPeriod(x.period)}, ${formatLocation(x.at)}` });
  }
  const refs = [...plan, ...others].filter((r) => r.value.gt(0));
  if (refs.length === 0) return undefined;
  const nearest = refs.reduce((a, b) => (distance(perYear, b.value).lt(distance(perYear, a.value)) ? b : a));
  const ratio = distance(perYear, nearest.value);
  if (ratio.lt(env.factor)) return undefined;
  // without a baseline, a value short of a target may be a count building up from nothing
  const ind = m as Partial<Indicator>;
  const short = ind.direction === 'lower' ? perYear.gt(nearest.value) : perYear.lt(nearest.value);
  if (nearest.kind === 'target' && short && ind.direction !== undefined && !ind.baseline) return undefined;
  const scale = m.rollup === 'sum' ? new Decimal(months(o.period)).div(12) : new Decimal(1);
  const written = o.value.base.lo.div(o.unit.factor);
  const fits = alternativeUnits(o.unit)
    .map((u) => ({ u, inPlan: written.mul(u.factor).div(m.unit.factor) }))
    .map((c) => ({ ...c, d: distance(c.inPlan.div(scale), nearest.value) }))
    .filter((c) => c.d.lt(env.factor as Decimal))
    .sort((a, b) => a.d.comparedTo(b.d))[0];
  return {
    ...base,
    reason: perYear.gt(nearest.value) ? 'high' : 'low',
    ref: { kind: nearest.kind, text: nearest.kind === 'data' ? nearest.text : withUnit(nearest.value.mul(scale), m.unit), ...(nearest.year === undefined ? {} : { year: nearest.year }), ...(nearest.at === undefined ? {} : { at: nearest.at }) },
    ratio: ratio.toSignificantDigits(2).toNumber().toLocaleString('en-US'),
    ...(fits ? { suggest: { unit: fits.u.text, value: withUnit(fits.inPlan, m.unit) } } : {}),
  };
}

/** The first implausible value among the observations a check uses. */
export function firstImplausible(observations: readonly Observation[], measure: (id: string) => Measurement | undefined, data: MeasurementSet): Implausible | undefined {
  for (const o of observations) {
    const m = measure(o.id);
    const bad = m ? implausibility(m, o, data) : undefined;
    if (bad) return bad;
  }
  return undefined;
}

/** The detail a result carries for the message catalog. */
export function implausibleDetail(bad: Implausible, name: string): Record<string, string> {
  const o = bad.observation;
  return {
    reason: bad.reason,
    name,
    value: bad.value,
    at: formatLocation(o.at),
    ...(bad.ref ? { refKind: bad.ref.kind, ref: bad.ref.text, refYear: bad.ref.year === undefined ? '' : String(bad.ref.year), refAt: bad.ref.at ?? '' } : {}),
    ...(bad.ratio === undefined ? {} : { ratio: bad.ratio }),
    ...(bad.suggest ? { suggestUnit: bad.suggest.unit, suggestValue: bad.suggest.value } : {}),
    ...(bad.min === undefined ? {} : { min: bad.min }),
    ...(bad.max === undefined ? {} : { max: bad.max }),
  };
}
