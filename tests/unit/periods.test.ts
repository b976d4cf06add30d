import { describe, expect, it } from 'vitest';
import { coverage, dueMonth, owedRows } from '../../src/evaluate/completeness.js';
import { milestoneFor } from '../../src/evaluate/milestone.js';
import { evaluateIndicator } from '../../src/evaluate/targets.js';
import { periodConflicts } from '../../src/model/consistency.js';
import { FlowLedger } from '../../src/model/flow-ledger.js';
import { contains, formatPeriod, formatPeriodZh, parsePeriod, type Period } from '../../src/model/period.js';
import type { Indicator } from '../../src/plan/model.js';
import { makeIndicator, makeMeasurement, makeMeasurements, makePlan, makeRule, periodOf, target } from '../helpers/builders.js';

describe('parsePeriod: a period is a span of months', () => {
  it.each([
    ['2024', '2024'],
    ['2024年', '2024'],
    ['2024年度', '2024'],
    ['2024年全年', '2024'],
    ['2024-06', '2024-06'],
    ['2024-6', '2024-06'],
    ['2024/06', '2024-06'],
    ['2024.6', '2024-06'],
    ['2024年6月', '2024-06'],
    ['2024年6月份', '2024-06'],
    ['2024年十二月', '2024-12'],
    ['2024-Q2', '2024-Q2'],
    ['2024Q2', '2024-Q2'],
    ['2024年第二季度', '2024-Q2'],
    ['2024年二季度', '2024-Q2'],
    ['２０２４', '2024'],
    // runs of months: the year to date, and others
    ['2024年1-6月', '2024-01/2024-06'],
    ['2024年1—6月', '2024-01/2024-06'],
    ['2024年1月-6月', '2024-01/2024-06'],
    ['2024年1至6月份', '2024-01/2024-06'],
    ['2024年1-6月累计', '2024-01/2024-06'],
    ['2024年一至六月', '2024-01/2024-06'],
    ['2024年上半年', '2024-01/2024-06'],
    ['2024-H1', '2024-01/2024-06'],
    ['2024年下半年', '2024-07/2024-12'],
    ['2024年前三季度', '2024-01/2024-09'],
    ['2024年1-3月', '2024-Q1'],
    ['2024年4-6月', '2024-Q2'],
    ['2024年1-12月', '2024'],
    ['2024年1-1月', '2024-01'],
    ['2024年4-5月', '2024-04/2024-05'],
    ['2024-01/2024-06', '2024-01/2024-06'],
    ['2024-01/06', '2024-01/2024-06'],
  ])('%s → %s', (raw, want) => {
    const p = parsePeriod(raw);
    expect(p && formatPeriod(p)).toBe(want);
  });

  it.each(['2024-13', '2024-00', '24', '2024-Q5', 'last year', '1800', '2024-1-6', '2024-01-06', '2023-11/2024-02', '2024年7-3月', '2024年0-6月'])('%s is not a period', (raw) => {
    expect(parsePeriod(raw)).toBeUndefined();
  });

  it('every canonical text reads back as the same span', () => {
    for (let from = 1; from <= 12; from++)
      for (let to = from; to <= 12; to++) {
        const p: Period = { year: 2024, from, to };
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
        expect(parsePeriod(formatPeriodZh(p))).toEqual(p);
      }
  });

  it('containment is of spans, not labels', () => {
    expect(contains(periodOf('2024'), periodOf('2024-Q2'))).toBe(true);
    expect(contains(periodOf('2024-Q2'), periodOf('2024-06'))).toBe(true);
    expect(contains(periodOf('2024年1-6月'), periodOf('2024-Q2'))).toBe(true);
    expect(contains(periodOf('2024-Q2'), periodOf('2024年1-6月'))).toBe(false);
    expect(contains(periodOf('2024'), periodOf('2023-12'))).toBe(false);
  });
});

describe('milestones within a year', () => {
  it('for a stock, June 2024 lies half-way between the 2023 and 2024 points', () => {
    const ind = makeIndicator({ baseline: 40, targets: [target(2023, '>=', 50), target(2025, '>=', 56)] });
    // path 2023 (50) → 2025 (56): 3 a year; June 2024 = 2023.5 → 51.5
    const m = milestoneFor(ind, 2024, 6);
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('51.5');
  });

  it('a flow with an annual target is pro-rated: 6/12 by June', () => {
    const ind = makeIndicator({ unit: '户', rollup: 'sum', baseline: null, targets: [target(2024, '>=', 2000), target(2025, '>=', 2000)] });
    const m = milestoneFor(ind, 2024, 6);
    expect(m).toMatchObject({ kind: 'milestone', basis: 'pro_rata', months: 6 });
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('1000');
  });

  it("a flow on a path is pro-rated from the year's point of the path, not read off the path mid-year (太仓 家庭适老化改造户数)", () => {
    // 250 in 2020, 4500 in 2025: the 2024 point is 3650; by June, 6/12 of it: 1825 (the path read at 2023.5 would be 3225)
    const ind = makeIndicator({ unit: '户', rollup: 'sum', frequency: 'quarterly', baseline: 250, targets: [target(2025, '>=', 4500)] });
    const june = milestoneFor(ind, 2024, 6);
    expect(june).toMatchObject({ kind: 'milestone', basis: 'pro_rata', months: 6 });
    expect(june.kind === 'milestone' && june.value?.toFixed()).toBe('1825');
    expect(june.kind === 'milestone' && june.annual?.value?.toFixed()).toBe('3650');
    const year = milestoneFor(ind, 2024, 12);
    expect(year.kind === 'milestone' && year.value?.toFixed()).toBe('3650');
  });
});

const flow = (frequency: Indicator['frequency'] = 'monthly'): Indicator => makeIndicator({ id: 'x', unit: '户', rollup: 'sum', frequency, baseline: null, targets: [target(2024, '>=', 2400)] });
const stock = (frequency: Indicator['frequency'] = 'monthly'): Indicator => makeIndicator({ id: 'x', baseline: 40, frequency, targets: [target(2025, '>=', 55)] });
const rows = (...rs: readonly (readonly [string, string])[]) => makeMeasurements(rs.map(([p, v]) => ['x', p, v, '户'] as const));

describe('year-to-date values: any mix of spans is one fact', () => {
  it.each([
    { name: 'six months', data: rows(['2024-01', '200'], ['2024-02', '210'], ['2024-03', '190'], ['2024-04', '200'], ['2024-05', '220'], ['2024-06', '230']), status: 'pass', actual: '1250', inputs: 6 },
    { name: 'six months, one short', data: rows(['2024-01', '200'], ['2024-02', '150'], ['2024-03', '190'], ['2024-04', '200'], ['2024-05', '220'], ['2024-06', '230']), status: 'fail', actual: '1190', inputs: 6 },
    { name: 'Q1 and Q2 for a monthly flow', data: rows(['2024-Q1', '600'], ['2024-Q2', '650']), status: 'pass', actual: '1250', inputs: 2 },
    { name: 'a year-to-date column alone', data: rows(['2024年1-6月', '1250']), status: 'pass', actual: '1250', inputs: 1 },
    { name: 'January–March to date, then April–June', data: rows(['2024年1-3月', '600'], ['2024-04', '200'], ['2024-05', '220'], ['2024-06', '230']), status: 'pass', actual: '1250', inputs: 4 },
    { name: 'two year-to-date totals, never added (1-3月 200, 1-6月 450)', data: rows(['2024年1-3月', '200'], ['2024年1-6月', '450']), status: 'fail', actual: '450', inputs: 1 },
    { name: 'a year-to-date total beside the months it contains (1-6月 900 and five months of 100)', data: rows(['2024年1-6月', '900'], ['2024-01', '100'], ['2024-02', '100'], ['2024-03', '100'], ['2024-04', '100'], ['2024-05', '100']), status: 'fail', actual: '900', inputs: 1 },
  ])('$name', ({ data, status, actual, inputs }) => {
    const r = evaluateIndicator(flow(), data, { year: 2024, month: 6 });
    expect(r?.status).toBe(status);
    expect(r?.actual?.value).toBe(actual);
    expect(r?.inputs).toHaveLength(inputs);
    expect(r?.expected?.share).toBe('6/12');
  });

  it('a year-to-date total less an earlier one gives the span between them: the inputs say which is subtracted', () => {
    // 1-3月 = 200 and 1-6月 = 450; as of May the year to date is known only to March
    const data = rows(['2024年1-3月', '200'], ['2024年1-6月', '450']);
    const l = data.ledger('x', 2024);
    const q2 = l.amount(periodOf('2024-Q2'));
    expect(q2?.value.kind === 'number' && q2.value.base.lo.toFixed()).toBe('250');
    expect(q2?.terms.map((t) => `${formatPeriod(t.observation.period)}${t.sign}`)).toEqual(['2024-Q1-1', '2024-01/2024-061']);
  });

  it('a month missing from a flow leaves the total incomplete, and says which', () => {
    const r = evaluateIndicator(flow(), rows(['2024-01', '900'], ['2024-03', '900']), { year: 2024, month: 3 });
    expect(r).toMatchObject({ status: 'missing', code: 'INCOMPLETE', detail: { missing: '2024-02' } });
    // every row read is shown, for the trace and for where an annotation points
    expect(r?.inputs.map((i) => i.period)).toEqual(['2024-01', '2024-03']);
  });

  it('months that do not reach back to January give no year to date', () => {
    const r = evaluateIndicator(flow(), rows(['2024-02', '200'], ['2024-03', '200']), { year: 2024, month: 3 });
    expect(r).toMatchObject({ status: 'missing', code: 'INCOMPLETE', detail: { missing: '2024-01' } });
    expect(r?.inputs).toHaveLength(2);
  });

  it('a quarterly flow as of May is read to March, and pro-rated 3/12', () => {
    const r = evaluateIndicator(flow('quarterly'), rows(['2024-Q1', '650']), { year: 2024, month: 5 });
    expect(r).toMatchObject({ status: 'pass', actual: { value: '650', period: '2024-Q1' }, expected: { share: '3/12', value: '600' } });
  });

  it('a yearly flow reported as twelve months or four quarters is the year', () => {
    const months = rows(...Array.from({ length: 12 }, (_, i) => [`2024-${String(i + 1).padStart(2, '0')}`, '200'] as const));
    const quarters = rows(['2024-Q1', '600'], ['2024-Q2', '600'], ['2024-Q3', '600'], ['2024-Q4', '600']);
    for (const data of [months, quarters]) {
      expect(evaluateIndicator(flow('yearly'), data, { year: 2024, month: 12 })).toMatchObject({ status: 'pass', code: 'TARGET_MET', actual: { value: '2400', period: '2024' } });
    }
  });

  it('for a stock the latest month not after the period counts', () => {
    const data = makeMeasurements([
      ['x', '2024-05', '49', '%'],
      ['x', '2024-06', '52', '%'],
      ['x', '2024-07', '10', '%'],
    ]);
    const r = evaluateIndicator(stock(), data, { year: 2024, month: 6 });
    expect(r?.actual).toEqual({ value: '52', period: '2024-06' });
  });

  it('a yearly indicator is not yet due in June', () => {
    const r = evaluateIndicator(makeIndicator(), makeMeasurements([]), { year: 2024, month: 6 });
    expect(r).toMatchObject({ status: 'pending', code: 'NOT_DUE' });
  });
});

describe('due and covered, by spans', () => {
  const owed = (ind: Indicator, month: number, data = makeMeasurements([])) => coverage(ind, data, { year: 2024, month }).owed.map(formatPeriod);
  it.each([
    { frequency: 'monthly', rollup: 'sum', month: 6, due: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'] },
    { frequency: 'monthly', rollup: 'latest', month: 6, due: ['2024-06'] },
    { frequency: 'quarterly', rollup: 'sum', month: 6, due: ['2024-Q1', '2024-Q2'] },
    { frequency: 'quarterly', rollup: 'latest', month: 8, due: ['2024-Q2'] },
    { frequency: 'quarterly', rollup: 'latest', month: 2, due: [] },
    { frequency: 'yearly', rollup: 'latest', month: 6, due: [] },
    { frequency: 'yearly', rollup: 'latest', month: 12, due: ['2024'] },
    { frequency: 'yearly', rollup: 'sum', month: 12, due: ['2024'] },
  ] as const)('nothing reported: $frequency $rollup at month $month owes $due', ({ frequency, rollup, month, due }) => {
    expect(owed(makeIndicator({ frequency, rollup }), month)).toEqual(due);
  });

  it.each([
    // a stock: any report at a moment from the due one to the evaluation's
    { name: 'a quarterly stock reported as its last month', ind: stock('quarterly'), month: 6, data: [['2024-06', '50']] },
    { name: 'a monthly stock reported as its quarter', ind: stock('monthly'), month: 6, data: [['2024-Q2', '50']] },
    { name: 'a monthly stock reported as the half year', ind: stock('monthly'), month: 6, data: [['2024年1-6月', '50']] },
    { name: 'a yearly stock reported as December', ind: stock('yearly'), month: 12, data: [['2024-12', '50']] },
    { name: 'a quarterly stock reported for a later month than due', ind: stock('quarterly'), month: 8, data: [['2024-07', '50']] },
    // a flow: its reports determine January to the due month
    { name: 'a quarterly flow as six months', ind: flow('quarterly'), month: 6, data: [['2024-01', '1'], ['2024-02', '1'], ['2024-03', '1'], ['2024-04', '1'], ['2024-05', '1'], ['2024-06', '1']] },
    { name: 'a monthly flow as Q1 and Q2', ind: flow('monthly'), month: 6, data: [['2024-Q1', '1'], ['2024-Q2', '1']] },
    { name: 'a monthly flow as a year-to-date total', ind: flow('monthly'), month: 6, data: [['2024年1-6月', '1']] },
    { name: 'a yearly flow as four quarters', ind: flow('yearly'), month: 12, data: [['2024-Q1', '1'], ['2024-Q2', '1'], ['2024-Q3', '1'], ['2024-Q4', '1']] },
    { name: 'a yearly flow as twelve months', ind: flow('yearly'), month: 12, data: Array.from({ length: 12 }, (_, i) => [`2024-${i + 1}`, '1']) },
    { name: 'a quarterly flow as a year-to-date total and the year', ind: flow('quarterly'), month: 12, data: [['2024年1-9月', '3'], ['2024', '4']] },
  ] as const)('covered: $name', ({ ind, month, data }) => {
    const set = rows(...(data as readonly (readonly [string, string])[]));
    expect(coverage(ind, set, { year: 2024, month })).toEqual({ due: true, covered: true, owed: [] });
  });

  it.each([
    { name: 'a monthly flow missing March', ind: flow('monthly'), month: 6, data: [['2024-Q1', '1'], ['2024-01', '1'], ['2024-04', '1'], ['2024-05', '1']], owed: ['2024-06'] },
    { name: 'a monthly flow with 1-3月 and May, June', ind: flow('monthly'), month: 6, data: [['2024年1-3月', '1'], ['2024-05', '1'], ['2024-06', '1']], owed: ['2024-04'] },
    { name: 'a quarterly flow with January and Q2', ind: flow('quarterly'), month: 6, data: [['2024-01', '1'], ['2024-Q2', '1']], owed: ['2024-Q1'] },
    { name: 'a quarterly flow with five months', ind: flow('quarterly'), month: 6, data: [['2024-01', '1'], ['2024-02', '1'], ['2024-03', '1'], ['2024-04', '1'], ['2024-05', '1']], owed: ['2024-Q2'] },
    { name: 'a quarterly stock reported for May only', ind: stock('quarterly'), month: 6, data: [['2024-05', '50']], owed: ['2024-Q2'] },
  ] as const)('owed: $name → $owed', ({ ind, month, data, owed: want }) => {
    expect(owed(ind, month, rows(...(data as readonly (readonly [string, string])[])))).toEqual(want);
  });

  it('a measurement is due at its frequency: by May a quarterly one for Q1', () => {
    expect(dueMonth(stock('quarterly'), 5)).toBe(3);
    expect(dueMonth(stock('monthly'), 5)).toBe(5);
    expect(dueMonth(stock('yearly'), 11)).toBe(0);
  });

  it('lists the rows a submitter still owes, rule inputs of earlier years included', () => {
    const plan = makePlan({
      indicators: [makeIndicator({ id: 'x', name: '护理型床位占比', frequency: 'monthly' })],
      measurements: [makeMeasurement('low_income_standard', '低保标准', '元/人·月'), makeMeasurement('per_capita_consumption', '全体居民人均消费支出', '元/人·年')],
      rules: [makeRule('r', 'low_income_standard', 'low_income_standard >= 30% * per_capita_consumption[-1]')],
    });
    const data = makeMeasurements([['x', '2024-05', '50', '%']]);
    expect(owedRows(plan, data, { year: 2024, month: 6 }, true)).toEqual([{ id: 'x', name: '护理型床位占比', unit: '%', period: '2024-06', required: true }]);
    expect(owedRows(plan, data, { year: 2024, month: 12 }).map((o) => `${o.id} ${o.period} ${o.required}`)).toEqual([
      'x 2024-12 false',
      'low_income_standard 2024 false',
      'per_capita_consumption 2023 false',
    ]);
  });
});

describe('conflicts between spans', () => {
  const conflicts = (ind: Indicator, data: ReturnType<typeof makeMeasurements>) => periodConflicts(data, () => ind.rollup);
  it.each([
    { name: 'a quarter and its last month (stock)', ind: stock('quarterly'), data: [['2024-Q2', '77.0'], ['2024-06', '76.0']], n: 1 },
    { name: 'a quarter and its last month agreeing within precision (76.9, 76.94)', ind: stock('quarterly'), data: [['2024-Q2', '76.9'], ['2024-06', '76.94']], n: 0 },
    { name: 'a year and its December', ind: stock('yearly'), data: [['2024', '60'], ['2024-12', '61']], n: 1 },
    { name: 'a half-year stock and June', ind: stock('monthly'), data: [['2024年1-6月', '60'], ['2024-06', '61']], n: 1 },
    { name: 'a year-to-date total and its months (900 against 500)', ind: flow(), data: [['2024年1-6月', '900'], ['2024-01', '100'], ['2024-02', '100'], ['2024-03', '100'], ['2024-04', '100'], ['2024-05', '100'], ['2024-06', '0']], n: 1 },
    { name: 'a year-to-date total and its months agreeing', ind: flow(), data: [['2024年1-6月', '600'], ['2024-01', '100'], ['2024-02', '100'], ['2024-03', '100'], ['2024-04', '100'], ['2024-05', '100'], ['2024-06', '100']], n: 0 },
    { name: 'two year-to-date totals and the quarter between them', ind: flow(), data: [['2024年1-3月', '200'], ['2024年1-6月', '450'], ['2024-Q2', '300']], n: 1 },
    { name: 'two year-to-date totals and the quarter between them agreeing', ind: flow(), data: [['2024年1-3月', '200'], ['2024年1-6月', '450'], ['2024-Q2', '250']], n: 0 },
    { name: 'a year in 万 and its quarters in units, within the precision of 万', ind: flow('yearly'), data: [['2024', '2.2万'], ['2024-Q1', '5500'], ['2024-Q2', '5500'], ['2024-Q3', '5500'], ['2024-Q4', '5513']], n: 0 },
  ] as const)('$name: $n', ({ ind, data, n }) => {
    const set = makeMeasurements((data as readonly (readonly [string, string])[]).map(([p, v]) => ['x', p, v.replace('万', ''), v.includes('万') ? '万户' : ind.unit.text] as const));
    expect(conflicts(ind, set)).toHaveLength(n);
  });

  it('the value read does not depend on the order the reports came in', () => {
    const reports = [
      ['2024年1-6月', '1250'],
      ['2024-Q1', '600'],
      ['2024-04', '200'],
      ['2024-05', '220'],
      ['2024-06', '230'],
    ] as const;
    const totals = new Set<string>();
    for (let i = 0; i < reports.length; i++) {
      const order = [...reports.slice(i), ...reports.slice(0, i)];
      const l = new FlowLedger(2024, rows(...order).inYear('x', 2024));
      const a = l.amount(periodOf('2024年1-6月'));
      totals.add(`${a?.terms.map((t) => formatPeriod(t.observation.period)).join('+')}`);
    }
    // the finest reports are read: Q1 and the months, whichever came first
    expect([...totals]).toEqual(['2024-Q1+2024-04+2024-05+2024-06']);
  });
});
