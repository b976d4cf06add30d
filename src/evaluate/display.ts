/** Values in base units → text in a unit people read. */
import type { Unit } from '../units/unit.js';
import { Decimal, formatDecimal } from '../values/decimal.js';
import { isPoint, type Interval } from '../values/interval.js';

export function fromBase(x: Decimal, unit: Unit): Decimal {
  return x.isFinite() ? x.div(unit.factor) : x;
}

export function showDecimal(x: Decimal): string {
  return formatDecimal(x, 4);
}

/** `1185`, `>18000`, `≥30`, `[10, 20]` — an interval in `unit`. */
export function showInterval(x: Interval, unit: Unit): string {
  const lo = fromBase(x.lo, unit);
  const hi = fromBase(x.hi, unit);
  if (isPoint(x)) return showDecimal(lo);
  if (!hi.isFinite() && lo.isFinite()) return `${x.loOpen ? '>' : '≥'}${showDecimal(lo)}`;
  if (!lo.isFinite() && hi.isFinite()) return `${x.hiOpen ? '<' : '≤'}${showDecimal(hi)}`;
  return `${x.loOpen ? '(' : '['}${showDecimal(lo)}, ${showDecimal(hi)}${x.hiOpen ? ')' : ']'}`;
}

export function toDecimalString(x: Decimal): string {
  return x.toFixed();
}

export const ZERO = new Decimal(0);
