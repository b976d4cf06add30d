/**
 * A share printed as a percentage of a base (中山 特困人员照料护理标准:
 * 不低于最低工资标准的100%) whose row people also fill in with the amount.
 * Which the value is: a value in the amount's unit (元/月) is the amount, a
 * percentage is the share, and a bare number is read by plausibility — a
 * share up to the plan's `bare_share_max`, an amount from `bare_amount_min`,
 * and between the two the row must say its unit. Never 2200 read as 2200%.
 */
import type { Msg } from '../errors.js';
import type { Measurement } from '../plan/model.js';
import type { RawRow } from '../model/row.js';
import { tryParseUnit } from '../units/unit.js';
import type { Decimal } from '../values/decimal.js';
import type { Interval } from '../values/interval.js';

export type Reading = { readonly kind: 'as_named' } | { readonly kind: 'amount'; readonly measurement: Measurement } | { readonly kind: 'ambiguous'; readonly message: Msg };

/** The number a bare value stands for: a point, or the finite end of a bound (≥2200 → 2200). */
function magnitude(v: Interval): Decimal {
  return v.lo.isFinite() ? v.lo : v.hi;
}

/**
 * `units`: every unit the row writes (value cell, unit column, indicator
 * cell, value header); the first that is in the amount's dimension makes the
 * value the amount, any other written unit leaves it the share (and is
 * checked against it), and none at all leaves the reading to plausibility.
 */
export function readShareOrAmount(m: Measurement, row: RawRow, value: Interval, units: readonly string[], find: (id: string) => Measurement | undefined): Reading {
  const reading = 'amount' in m ? (m as { amount?: { id: string; bareShareMax: Decimal; bareAmountMin: Decimal } }).amount : undefined;
  const amount = reading ? find(reading.id) : undefined;
  if (!reading || !amount) return { kind: 'as_named' };
  if (units.length > 0) {
    const inAmount = units.some((w) => tryParseUnit(w)?.dimension === amount.unit.dimension);
    return inAmount ? { kind: 'amount', measurement: amount } : { kind: 'as_named' };
  }
  const v = magnitude(value);
  if (v.lte(reading.bareShareMax)) return { kind: 'as_named' };
  if (v.gte(reading.bareAmountMin)) return { kind: 'amount', measurement: amount };
  const max = reading.bareShareMax.toFixed();
  const min = reading.bareAmountMin.toFixed();
  return {
    kind: 'ambiguous',
    message: {
      en: `${m.name} "${row.value}" has no unit and could be a share (up to ${max}${m.unit.text}) or an amount (from ${min} ${amount.unit.text}): write the unit, ${m.unit.text} or ${amount.unit.text}`,
      zh: `${m.name} "${row.value}" 未写单位，可能是比例（不超过 ${max}${m.unit.text}）也可能是金额（不低于 ${min} ${amount.unit.text}）：请写明单位 ${m.unit.text} 或 ${amount.unit.text}`,
    },
  };
}
