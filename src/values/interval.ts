/**
 * Numbers that may be bounds. The seeds print values such as `>18000` or
 * `≥30`; such a value is the interval of every number it allows. Arithmetic
 * is interval arithmetic, and a comparison is three-valued: true when every
 * value in the interval satisfies it, false when none does, else unknown.
 */
import { Decimal, compareDecimal } from './decimal.js';

export interface Interval {
  readonly lo: Decimal; // may be -Infinity
  readonly hi: Decimal; // may be +Infinity
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

export type Tri = true | false | 'unknown';

const NEG_INF = new Decimal(-Infinity);
const POS_INF = new Decimal(Infinity);

export function point(v: Decimal | number | string): Interval {
  const d = v instanceof Decimal ? v : new Decimal(v);
  return { lo: d, hi: d, loOpen: false, hiOpen: false };
}

export type BoundOp = '>' | '>=' | '<' | '<=';

export function bound(op: BoundOp, v: Decimal): Interval {
  switch (op) {
    case '>':
      return { lo: v, hi: POS_INF, loOpen: true, hiOpen: true };
    case '>=':
      return { lo: v, hi: POS_INF, loOpen: false, hiOpen: true };
    case '<':
      return { lo: NEG_INF, hi: v, loOpen: true, hiOpen: true };
    case '<=':
      return { lo: NEG_INF, hi: v, loOpen: true, hiOpen: false };
  }
}

export function isPoint(x: Interval): boolean {
  return !x.loOpen && !x.hiOpen && x.lo.eq(x.hi);
}

export function scale(x: Interval, k: Decimal): Interval {
  if (k.isZero()) return point(0);
  const a = x.lo.isFinite() ? x.lo.mul(k) : k.isNeg() ? x.lo.neg() : x.lo;
  const b = x.hi.isFinite() ? x.hi.mul(k) : k.isNeg() ? x.hi.neg() : x.hi;
  return k.isNeg()
    ? { lo: b, hi: a, loOpen: x.hiOpen, hiOpen: x.loOpen }
    : { lo: a, hi: b, loOpen: x.loOpen, hiOpen: x.hiOpen };
}

export function add(x: Interval, y: Interval): Interval {
  return { lo: x.lo.add(y.lo), hi: x.hi.add(y.hi), loOpen: x.loOpen || y.loOpen, hiOpen: x.hiOpen || y.hiOpen };
}

export function neg(x: Interval): Interval {
  return { lo: x.hi.neg(), hi: x.lo.neg(), loOpen: x.hiOpen, hiOpen: x.loOpen };
}

export function sub(x: Interval, y: Interval): Interval {
  return add(x, neg(y));
}

interface End {
  readonly v: Decimal;
  readonly open: boolean;
}

function mulEnds(a: End, b: End): End {
  // 0 × ∞ within an interval product: the limit is 0 only approached; treat as 0
  if (a.v.isZero() || b.v.isZero()) return { v: new Decimal(0), open: a.open && b.open };
  return { v: a.v.mul(b.v), open: a.open || b.open };
}

function pick(ends: End[], want: 'min' | 'max'): End {
  let best = ends[0] as End;
  for (const e of ends.slice(1)) {
    const c = e.v.comparedTo(best.v);
    if ((want === 'min' && c < 0) || (want === 'max' && c > 0)) best = e;
    else if (c === 0) best = { v: best.v, open: best.open && e.open };
  }
  return best;
}

export function mul(x: Interval, y: Interval): Interval {
  if (isPoint(y)) return scale(x, y.lo);
  if (isPoint(x)) return scale(y, x.lo);
  const xs: End[] = [
    { v: x.lo, open: x.loOpen },
    { v: x.hi, open: x.hiOpen },
  ];
  const ys: End[] = [
    { v: y.lo, open: y.loOpen },
    { v: y.hi, open: y.hiOpen },
  ];
  const products = xs.flatMap((a) => ys.map((b) => mulEnds(a, b)));
  const lo = pick(products, 'min');
  const hi = pick(products, 'max');
  return { lo: lo.v, hi: hi.v, loOpen: lo.open, hiOpen: hi.open };
}

export class DivisionByZero extends Error {}

export function containsZero(x: Interval): boolean {
  return contains(x, new Decimal(0));
}

export function contains(x: Interval, v: Decimal): boolean {
  const lo = compareDecimal(x.lo, v);
  const hi = compareDecimal(v, x.hi);
  return (lo < 0 || (lo === 0 && !x.loOpen)) && (hi < 0 || (hi === 0 && !x.hiOpen));
}

export function div(x: Interval, y: Interval): Interval {
  if (containsZero(y)) throw new DivisionByZero('division by zero');
  if (isPoint(y)) return scale(x, new Decimal(1).div(y.lo));
  const inv: Interval = {
    lo: y.hi.isFinite() ? new Decimal(1).div(y.hi) : new Decimal(0),
    hi: y.lo.isFinite() ? new Decimal(1).div(y.lo) : new Decimal(0),
    loOpen: y.hiOpen,
    hiOpen: y.loOpen,
  };
  return mul(x, inv);
}

export function abs(x: Interval): Interval {
  if (compareDecimal(x.lo, new Decimal(0)) >= 0) return x;
  if (compareDecimal(x.hi, new Decimal(0)) <= 0) return neg(x);
  const n = neg(x);
  const hiFromNeg = compareDecimal(n.hi, x.hi) > 0;
  return { lo: new Decimal(0), hi: hiFromNeg ? n.hi : x.hi, loOpen: false, hiOpen: hiFromNeg ? n.hiOpen : x.hiOpen };
}

export function min(x: Interval, y: Interval): Interval {
  const lo = compareDecimal(x.lo, y.lo) <= 0 ? x : y;
  const hi = compareDecimal(x.hi, y.hi) <= 0 ? x : y;
  return { lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
}

export function max(x: Interval, y: Interval): Interval {
  return neg(min(neg(x), neg(y)));
}

export type CompareOp = '>=' | '>' | '<=' | '<' | '==';

/** Is `x op y` true for every pair of values, for none, or for some? */
export function compare(x: Interval, op: CompareOp, y: Interval): Tri {
  switch (op) {
    case '>=':
      return compare(y, '<=', x);
    case '>':
      return compare(y, '<', x);
    case '<': {
      // all: x.hi < y.lo (or equal with an open end); none: x.lo >= y.hi
      const all = compareDecimal(x.hi, y.lo);
      if (all < 0 || (all === 0 && (x.hiOpen || y.loOpen))) return true;
      // none: x.lo ≥ y.hi means every x is at least every y
      if (compareDecimal(x.lo, y.hi) >= 0) return false;
      return 'unknown';
    }
    case '<=': {
      const all = compareDecimal(x.hi, y.lo);
      if (all <= 0) return true;
      const none = compareDecimal(x.lo, y.hi);
      if (none > 0 || (none === 0 && (x.loOpen || y.hiOpen))) return false;
      return 'unknown';
    }
    case '==': {
      if (isPoint(x) && isPoint(y)) return compareDecimal(x.lo, y.lo) === 0;
      const le = compare(x, '<=', y);
      const ge = compare(x, '>=', y);
      if (le === false || ge === false) return false;
      return 'unknown';
    }
  }
}

export function andTri(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return 'unknown';
}

export function orTri(a: Tri, b: Tri): Tri {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return 'unknown';
}

export function notTri(a: Tri): Tri {
  return a === 'unknown' ? 'unknown' : !a;
}
