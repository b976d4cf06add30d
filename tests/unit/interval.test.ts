import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/values/decimal.js';
import { bound, compare, mul, point, scale, type CompareOp, type Interval, type Tri } from '../../src/values/interval.js';

const d = (x: number | string): Decimal => new Decimal(x);

describe('compare (three-valued)', () => {
  const cases: { name: string; x: Interval; op: CompareOp; y: Interval; want: Tri }[] = [
    { name: '20 >= 20', x: point(20), op: '>=', y: point(20), want: true },
    { name: '20 > 20', x: point(20), op: '>', y: point(20), want: false },
    { name: '19.99 >= 20', x: point('19.99'), op: '>=', y: point(20), want: false },
    { name: '>18000 >= 10000', x: bound('>', d(18000)), op: '>=', y: point(10000), want: true },
    { name: '>18000 >= 18000', x: bound('>', d(18000)), op: '>=', y: point(18000), want: true },
    { name: '≥18000 > 18000', x: bound('>=', d(18000)), op: '>', y: point(18000), want: 'unknown' },
    { name: '>18000 >= 20000', x: bound('>', d(18000)), op: '>=', y: point(20000), want: 'unknown' },
    { name: '≤35 <= 35', x: bound('<=', d(35)), op: '<=', y: point(35), want: true },
    { name: '<30 >= 30', x: bound('<', d(30)), op: '>=', y: point(30), want: false },
    { name: '≤30 >= 30', x: bound('<=', d(30)), op: '>=', y: point(30), want: 'unknown' },
    { name: '5 == 5', x: point(5), op: '==', y: point(5), want: true },
    { name: '≥5 == 4', x: bound('>=', d(5)), op: '==', y: point(4), want: false },
  ];
  it.each(cases)('$name → $want', ({ x, op, y, want }) => {
    expect(compare(x, op, y)).toBe(want);
  });

  it('0.3 × 45000 equals 13500 exactly', () => {
    expect(compare(scale(point(45000), d('0.3')), '==', point(13500))).toBe(true);
  });

  it('1.4 × (>1000) is >1400', () => {
    const r = mul(point('1.4'), bound('>', d(1000)));
    expect(r.lo.toFixed()).toBe('1400');
    expect(r.loOpen).toBe(true);
    expect(r.hi.isFinite()).toBe(false);
  });
});
