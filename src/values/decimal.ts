/**
 * Decimal arithmetic for every computation on measured values, so that
 * 0.3 × 45000 is exactly 13500 and a value equal to its milestone meets it.
 * Unit conversion only ever multiplies (by 12, 10^k, 0.01 …), which is exact;
 * division (growth rates, ratios, pro-rating) is carried to 40 digits and
 * comparisons are made after rounding both sides to 28 significant digits.
 */
import { Decimal as DecimalLib } from 'decimal.js';

export const Decimal = DecimalLib.clone({ precision: 40, rounding: DecimalLib.ROUND_HALF_EVEN });
export type Decimal = InstanceType<typeof Decimal>;

export const COMPARE_DIGITS = 28;

/** Three-way compare after rounding away division noise. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  if (!a.isFinite() || !b.isFinite()) {
    if (a.eq(b)) return 0;
    return a.lt(b) ? -1 : 1;
  }
  const ra = a.toSignificantDigits(COMPARE_DIGITS);
  const rb = b.toSignificantDigits(COMPARE_DIGITS);
  const c = ra.comparedTo(rb);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Shortest plain decimal text, rounded for display (no exponent notation). */
export function formatDecimal(d: Decimal, maxFractionDigits = 4): string {
  if (!d.isFinite()) return d.isNaN() ? 'NaN' : d.isNegative() ? '-∞' : '∞';
  const r = d.toDecimalPlaces(maxFractionDigits);
  return r.toFixed();
}
