import { describe, expect, it } from 'vitest';
import { collectReferences } from '../../src/expr/ast.js';
import { checkCondition } from '../../src/expr/check.js';
import { evaluateCondition, type Lookup } from '../../src/expr/evaluate.js';
import { ExprSyntaxError, parseExpression } from '../../src/expr/parse.js';
import { parseUnit, toBase, type Unit } from '../../src/units/unit.js';
import { Decimal } from '../../src/values/decimal.js';
import { thrown } from '../helpers/thrown.js';
import { bound, point, type Interval } from '../../src/values/interval.js';

const UNITS: Record<string, Unit> = {
  low_income_standard: parseUnit('元/人·月'),
  special_hardship_standard: parseUnit('元/人·月'),
  per_capita_consumption: parseUnit('元/人·年'),
  real_growth: parseUnit('%'),
  social_workers: parseUnit('人'),
  urban: parseUnit('元/人·月'),
  rural: parseUnit('元/人·月'),
  done: parseUnit('是/否'),
};

/** values by `id@offset`, in each measurement's own unit */
function lookupFrom(values: Record<string, number | string | boolean | Interval>): Lookup {
  return (id, offset) => {
    const v = values[`${id}@${offset}`];
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    const unit = UNITS[id] as Unit;
    if (typeof v === 'object') return { ...v, lo: v.lo.isFinite() ? toBase(v.lo, unit) : v.lo, hi: v.hi.isFinite() ? toBase(v.hi, unit) : v.hi };
    return point(toBase(new Decimal(v), unit));
  };
}

describe('parseExpression: syntax errors point at the character', () => {
  it.each([
    { src: 'a >= ', offset: 5, message: /ends too early/ },
    { src: 'a >= 1.4 * * b', offset: 11, message: /unexpected "\*"/ },
    { src: 'a = b', offset: 2, message: /use ==/ },
    { src: 'a >= b[1]', offset: 7, message: /earlier years/ },
    { src: 'a >= b[-x]', offset: 8, message: /whole number/ },
    { src: 'a >= foo(b)', offset: 5, message: /unknown function "foo"/ },
    { src: 'a >= (b + 1', offset: 11, message: /expected "\)"/ },
    { src: 'a >= b $ c', offset: 7, message: /unexpected character "\$"/ },
    { src: 'growth(1) > 0', offset: 7, message: /takes a measurement/ },
    { src: 'min(a) > 0', offset: 0, message: /at least 2/ },
  ])('$src', ({ src, offset, message }) => {
    const err = thrown(() => parseExpression(src));
    expect(err).toBeInstanceOf(ExprSyntaxError);
    expect((err as ExprSyntaxError).offset).toBe(offset);
    expect((err as ExprSyntaxError).message).toMatch(message);
  });

  it('accepts ≥ × and full-width brackets', () => {
    expect(() => parseExpression('special_hardship_standard ≥ 1.4 × （low_income_standard）')).not.toThrow();
  });

  it('collects references, with growth() reading the year before', () => {
    const refs = collectReferences(parseExpression('growth(urban) >= real_growth[-1]'));
    expect(refs).toEqual([
      { id: 'urban', offset: 0 },
      { id: 'urban', offset: -1 },
      { id: 'real_growth', offset: -1 },
    ]);
  });
});

describe('checkCondition: dimensions', () => {
  const unitOf = (id: string): Unit | undefined => UNITS[id];
  it.each([
    { src: 'low_income_standard >= 30% * per_capita_consumption[-1]', ok: true },
    { src: 'special_hardship_standard >= 1.4 * low_income_standard', ok: true },
    { src: '30% * per_capita_consumption[-1] <= low_income_standard <= 40% * per_capita_consumption[-1]', ok: true },
    { src: 'growth(urban) >= real_growth[-1]', ok: true },
    { src: 'rural / urban >= 80%', ok: true },
    { src: 'done == true', ok: true },
    { src: 'low_income_standard >= social_workers', ok: false },
    { src: 'low_income_standard + social_workers > 0', ok: false },
    { src: 'low_income_standard * 2', ok: false },
    { src: 'unknown_thing >= 1', ok: false },
    { src: 'done >= 1', ok: false },
    { src: 'real_growth >= 100%', ok: true },
    { src: 'real_growth >= 0', ok: true },
    { src: 'real_growth >= 100', ok: false },
    { src: '7 <= real_growth', ok: false },
  ])('$src → ok: $ok', ({ src, ok }) => {
    expect(checkCondition(parseExpression(src), unitOf).length === 0).toBe(ok);
  });

  it('names both dimensions when they differ', () => {
    const [issue] = checkCondition(parseExpression('low_income_standard >= social_workers'), unitOf);
    expect(issue?.message).toMatch(/cannot compare 元\/人·月 with 人/);
    expect(issue?.offset).toBe(23);
  });
});

describe('checkCondition: a bare number against a share', () => {
  it('asks for the % sign: a bare 100 is the ratio 100, i.e. 10000%', () => {
    const [issue] = checkCondition(parseExpression('real_growth >= 100'), (id) => UNITS[id]);
    expect(issue?.message).toBe('real_growth is in %: write 100% (a bare 100 is the ratio 100, i.e. 10000%)');
    expect(issue?.offset).toBe(15);
  });
});

describe('evaluateCondition', () => {
  const cases: { name: string; src: string; values: Record<string, number | string | boolean | Interval>; want: true | false | 'unknown' | 'missing' | 'error' }[] = [
    { name: '1200/月 vs 30% of 46000/年 passes', src: 'low_income_standard >= 30% * per_capita_consumption[-1]', values: { 'low_income_standard@0': 1200, 'per_capita_consumption@-1': 46000 }, want: true },
    { name: '1150/月 equals 30% of 46000/年 exactly', src: 'low_income_standard >= 30% * per_capita_consumption[-1]', values: { 'low_income_standard@0': 1150, 'per_capita_consumption@-1': 46000 }, want: true },
    { name: '1149.99/月 is below 30% of 46000/年', src: 'low_income_standard >= 30% * per_capita_consumption[-1]', values: { 'low_income_standard@0': '1149.99', 'per_capita_consumption@-1': 46000 }, want: false },
    { name: '特困 1600 < 1.4 × 1180', src: 'special_hardship_standard >= 1.4 * low_income_standard', values: { 'special_hardship_standard@0': 1600, 'low_income_standard@0': 1180 }, want: false },
    { name: '特困 1652 = 1.4 × 1180', src: 'special_hardship_standard >= 1.4 * low_income_standard', values: { 'special_hardship_standard@0': 1652, 'low_income_standard@0': 1180 }, want: true },
    { name: 'between 30% and 40%', src: '30% * per_capita_consumption[-1] <= low_income_standard <= 40% * per_capita_consumption[-1]', values: { 'low_income_standard@0': 1300, 'per_capita_consumption@-1': 45000 }, want: true },
    { name: 'above 40%', src: '30% * per_capita_consumption[-1] <= low_income_standard <= 40% * per_capita_consumption[-1]', values: { 'low_income_standard@0': 1600, 'per_capita_consumption@-1': 45000 }, want: false },
    { name: 'growth 1250/1150 − 1 = 8.7% ≥ 5%', src: 'growth(urban) >= real_growth[-1]', values: { 'urban@0': 1250, 'urban@-1': 1150, 'real_growth@-1': 5 }, want: true },
    { name: 'growth 1160/1150 − 1 = 0.87% < 5%', src: 'growth(urban) >= real_growth[-1]', values: { 'urban@0': 1160, 'urban@-1': 1150, 'real_growth@-1': 5 }, want: false },
    { name: 'an absent input is missing', src: 'growth(urban) >= real_growth[-1]', values: { 'urban@0': 1250, 'real_growth@-1': 5 }, want: 'missing' },
    { name: 'a bound that straddles is unknown', src: 'special_hardship_standard >= 1.4 * low_income_standard', values: { 'special_hardship_standard@0': bound('>', new Decimal(1500)), 'low_income_standard@0': 1180 }, want: 'unknown' },
    { name: 'a bound wholly above passes', src: 'special_hardship_standard >= 1.4 * low_income_standard', values: { 'special_hardship_standard@0': bound('>', new Decimal(1700)), 'low_income_standard@0': 1180 }, want: true },
    { name: 'division by zero is an error, not a verdict', src: 'rural / urban >= 80%', values: { 'rural@0': 100, 'urban@0': 0 }, want: 'error' },
    { name: 'yes/no', src: 'done == true', values: { 'done@0': true }, want: true },
  ];
  it.each(cases)('$name', ({ src, values, want }) => {
    const out = evaluateCondition(parseExpression(src), lookupFrom(values));
    if (want === 'missing' || want === 'error') expect(out.kind).toBe(want);
    else expect(out.kind === 'value' && out.value).toBe(want);
  });
});

describe('syntax errors in both languages', () => {
  it.each(['a >= (b', 'a >= b)', 'growth(a b)', 'a >= * b'])('%s: the Chinese text has no English in it', (src) => {
    const err = thrown(() => parseExpression(src));
    expect(err).toBeInstanceOf(ExprSyntaxError);
    const zh = (err as ExprSyntaxError).zh ?? '';
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.replace(/“[^”]*”|"[^"]*"/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });
});
