import { describe, expect, it } from 'vitest';
import { duePeriods, owedRows } from '../../src/evaluate/completeness.js';
import { milestoneFor } from '../../src/evaluate/milestone.js';
import { evaluateIndicator } from '../../src/evaluate/targets.js';
import { formatPeriod, parsePeriod } from '../../src/model/period.js';
import { makeIndicator, makeMeasurement, makeMeasurements, makePlan, makeRule, target } from '../helpers/builders.js';

describe('parsePeriod', () => {
  it.each([
    ['2024', '2024'],
    ['2024年', '2024'],
    ['2024-06', '2024-06'],
    ['2024-6', '2024-06'],
    ['2024/06', '2024-06'],
    ['2024年6月', '2024-06'],
    ['2024-Q2', '2024-Q2'],
    ['2024Q2', '2024-Q2'],
    ['2024年第二季度', '2024-Q2'],
    ['２０２４', '2024'],
  ])('%s → %s', (raw, want) => {
    const p = parsePeriod(raw);
    expect(p && formatPeriod(p)).toBe(want);
  });

  it.each(['2024-13', '2024-00', '24', '2024-Q5', 'last year', '1800'])('%s is not a period', (raw) => {
    expect(parsePeriod(raw)).toBeUndefined();
  });
});

describe('milestones within a year', () => {
  it('June 2024 lies half-way between the 2023 and 2024 points', () => {
    const ind = makeIndicator({ baseline: 40, targets: [target(2023, '>=', 50), target(2025, '>=', 56)] });
    // path 2023 (50) → 2025 (56): 3 a year; June 2024 = 2023.5 → 51.5
    const m = milestoneFor(ind, 2024, 6);
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('51.5');
  });

  it('a flow with an annual target is pro-rated: 6/12 by June', () => {
    const ind = makeIndicator({ unit: '户', rollup: 'sum', baseline: null, targets: [target(2024, '>=', 2000), target(2025, '>=', 2000)] });
    const m = milestoneFor(ind, 2024, 6);
    expect(m).toMatchObject({ kind: 'milestone', basis: 'pro_rata' });
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('1000');
  });
});

describe('year-to-date values', () => {
  const flow = makeIndicator({ id: 'x', unit: '户', rollup: 'sum', frequency: 'monthly', baseline: null, targets: [target(2024, '>=', 2400)] });
  const months = (values: number[]): ReturnType<typeof makeMeasurements> =>
    makeMeasurements(values.map((v, i) => ['x', { kind: 'month', year: 2024, month: i + 1 }, String(v), '户'] as const));

  it.each([
    { name: 'ahead of the pro-rated target', values: [200, 210, 190, 200, 220, 230], status: 'pass', actual: '1250' },
    { name: 'behind it', values: [200, 150, 190, 200, 220, 230], status: 'fail', actual: '1190' },
  ])('$name', ({ values, status, actual }) => {
    const r = evaluateIndicator(flow, months(values), { year: 2024, month: 6 });
    expect(r?.status).toBe(status);
    expect(r?.actual?.value).toBe(actual);
    expect(r?.inputs).toHaveLength(6);
  });

  it('a month missing from a flow leaves the total incomplete', () => {
    const data = makeMeasurements([
      ['x', { kind: 'month', year: 2024, month: 1 }, '900', '户'],
      ['x', { kind: 'month', year: 2024, month: 3 }, '900', '户'],
    ]);
    const r = evaluateIndicator(flow, data, { year: 2024, month: 3 });
    expect(r).toMatchObject({ status: 'missing', code: 'INCOMPLETE', detail: { missing: '2024-02' } });
  });

  it('for a stock the latest month not after the period counts', () => {
    const stock = makeIndicator({ id: 'x', baseline: 40, frequency: 'monthly', targets: [target(2025, '>=', 55)] });
    const data = makeMeasurements([
      ['x', { kind: 'month', year: 2024, month: 5 }, '49', '%'],
      ['x', { kind: 'month', year: 2024, month: 6 }, '52', '%'],
      ['x', { kind: 'month', year: 2024, month: 7 }, '10', '%'],
    ]);
    const r = evaluateIndicator(stock, data, { year: 2024, month: 6 });
    expect(r?.actual).toEqual({ value: '52', period: '2024-06' });
  });

  it('a yearly indicator is not yet due in June', () => {
    const r = evaluateIndicator(makeIndicator(), makeMeasurements([]), { year: 2024, month: 6 });
    expect(r).toMatchObject({ status: 'pending', code: 'NOT_DUE' });
  });
});

describe('completeness', () => {
  it.each([
    { frequency: 'monthly', rollup: 'sum', month: 6, due: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'] },
    { frequency: 'monthly', rollup: 'latest', month: 6, due: ['2024-06'] },
    { frequency: 'quarterly', rollup: 'sum', month: 6, due: ['2024-Q1', '2024-Q2'] },
    { frequency: 'quarterly', rollup: 'latest', month: 8, due: ['2024-Q2'] },
    { frequency: 'quarterly', rollup: 'latest', month: 2, due: [] },
    { frequency: 'yearly', rollup: 'latest', month: 6, due: [] },
    { frequency: 'yearly', rollup: 'latest', month: 12, due: ['2024'] },
  ] as const)('$frequency $rollup at month $month', ({ frequency, rollup, month, due }) => {
    expect(duePeriods(makeIndicator({ frequency, rollup }), 2024, month).map(formatPeriod)).toEqual(due);
  });

  it('lists the rows a submitter still owes, rule inputs of earlier years included', () => {
    const plan = makePlan({
      indicators: [makeIndicator({ id: 'x', name: '护理型床位占比', frequency: 'monthly' })],
      measurements: [makeMeasurement('low_income_standard', '低保标准', '元/人·月'), makeMeasurement('per_capita_consumption', '全体居民人均消费支出', '元/人·年')],
      rules: [makeRule('r', 'low_income_standard', 'low_income_standard >= 30% * per_capita_consumption[-1]')],
    });
    const data = makeMeasurements([['x', { kind: 'month', year: 2024, month: 5 }, '50', '%']]);
    expect(owedRows(plan, data, { year: 2024, month: 6 }, true)).toEqual([{ id: 'x', name: '护理型床位占比', unit: '%', period: '2024-06', required: true }]);
    expect(owedRows(plan, data, { year: 2024, month: 12 }).map((o) => `${o.id} ${o.period} ${o.required}`)).toEqual([
      'x 2024-12 false',
      'low_income_standard 2024 false',
      'per_capita_consumption 2023 false',
    ]);
  });
});
