/** Which period an evaluation takes when none is given, and one value per moment. Pure. */
import { describe, expect, it } from 'vitest';
import { periodConflicts } from '../../src/model/consistency.js';
import { monthOf, quarterOf, type Period } from '../../src/model/period.js';
import { chooseAsOf, outsideYearsWarning } from '../../src/run/choose-period.js';
import { makeIndicator, makeMeasurement, makeMeasurements, makePlan } from '../helpers/builders.js';

const plan = makePlan({ indicators: ['a', 'b', 'c', 'd'].map((id) => makeIndicator({ id, name: id })), measurements: [makeMeasurement('std', '低保标准', '元/人·月')] });
const month = (year: number, m: number): Period => monthOf(year, m);
const quarter = (year: number, q: number): Period => quarterOf(year, q);
const year2023 = (['a', 'b', 'c', 'd'] as const).map((id) => [id, 2023, '60', '%'] as const);

describe('chooseAsOf', () => {
  it.each([
    { name: 'the latest year, backed by its rows', rows: year2023, want: { kind: 'chosen', asOf: { year: 2023, month: 12 } } },
    { name: 'a month with as many rows as the year before', rows: [...year2023, ...(['a', 'b', 'c'] as const).map((id) => [id, month(2024, 6), '61', '%'] as const)], want: { kind: 'chosen', asOf: { year: 2024, month: 6 } } },
    { name: 'months and quarters ending together count together', rows: [...year2023, ['a', month(2024, 6), '61', '%'], ['b', quarter(2024, 2), '61', '%']] as const, want: { kind: 'chosen', asOf: { year: 2024, month: 6 } } },
  ] as const)('$name', ({ rows, want }) => {
    expect(chooseAsOf({ plan, data: makeMeasurements(rows), empty: new Map() })).toEqual(want);
  });

  it.each([
    { name: 'one stray row of a later year', rows: [...year2023, ['std', 2032, '1185', '元/人·月']] as const, words: ['2032, lies outside plan test’s years'.replace('’', "'"), '--year 2023'] },
    { name: 'one stray month', rows: [...year2023, ['a', month(2024, 1), '60', '%']] as const, words: ['2024-01, holds only 1 of the 5 rows', '2023: 4 rows, 2024-01: 1 row'] },
    { name: 'a latest period of rule inputs only', rows: [['a', 2023, '60', '%'], ['std', 2024, '1185', '元/人·月']] as const, words: ['holds no value of an indicator with a target'] },
  ] as const)('unclear: $name', ({ rows, words }) => {
    const c = chooseAsOf({ plan, data: makeMeasurements(rows), empty: new Map() });
    expect(c.kind).toBe('unclear');
    for (const w of words) expect(c.kind === 'unclear' ? c.error.message : '').toContain(w);
  });

  it('several plans share one moment: a plan whose years are over does not stop a run its data is not for', () => {
    const old = { ...plan, id: 'old', period: { baselineYear: 2015, firstYear: 2016, lastYear: 2020 } };
    const data = makeMeasurements(year2023);
    expect(chooseAsOf([{ plan, data, empty: new Map() }, { plan: old, data, empty: new Map() }])).toEqual({ kind: 'chosen', asOf: { year: 2023, month: 12 } });
    const only = chooseAsOf({ plan: old, data, empty: new Map() });
    expect(only.kind === 'unclear' ? only.error.message : '').toContain("lies outside plan old's years (2015–2021)");
  });

  it('empty value cells count as rows of their period (the unfilled template)', () => {
    expect(chooseAsOf({ plan, data: makeMeasurements([]), empty: new Map([['2023', 40]]) })).toEqual({ kind: 'chosen', asOf: { year: 2023, month: 12 } });
  });

  it('rows outside the plan years are warned about, with the first line', () => {
    const w = outsideYearsWarning({ plan, data: makeMeasurements([...year2023, ['std', 2032, '1185', '元/人·月'], ['std', 2018, '900', '元/人·月']]), empty: new Map() });
    expect(w).toMatchObject({ code: 'OUTSIDE_PLAN_YEARS', line: 6, message: "2 row(s) lie outside plan test's years (2020–2026)" });
  });
});

describe('periodConflicts', () => {
  const flow = (id: string): 'latest' | 'sum' => (id === 'f' ? 'sum' : 'latest');
  it.each([
    { name: 'a year and its December that agree', rows: [['a', 2023, '60', '%'], ['a', month(2023, 12), '60.0', '%']], conflicts: 0 },
    { name: 'a year and its December within the year’s precision', rows: [['s', 2023, '2.2', '万人'], ['s', month(2023, 12), '22013', '人']], conflicts: 0 },
    { name: 'a year and its December that disagree', rows: [['a', 2023, '60', '%'], ['a', month(2023, 12), '61', '%']], conflicts: 1 },
    { name: 'a year and its Q4 that disagree', rows: [['a', 2023, '60', '%'], ['a', quarter(2023, 4), '61', '%']], conflicts: 1 },
    { name: 'a quarter and its last month that disagree (a stock)', rows: [['a', quarter(2023, 2), '60', '%'], ['a', month(2023, 6), '61', '%']], conflicts: 1 },
    { name: 'a stock’s other months are not its quarter', rows: [['a', quarter(2023, 2), '60', '%'], ['a', month(2023, 5), '61', '%']], conflicts: 0 },
    { name: 'a flow’s quarter and the total of its months', rows: [['f', quarter(2023, 1), '30', '户'], ['f', month(2023, 1), '10', '户'], ['f', month(2023, 2), '10', '户'], ['f', month(2023, 3), '10', '户']], conflicts: 0 },
    { name: 'a flow’s quarter off its months’ total', rows: [['f', quarter(2023, 1), '31', '户'], ['f', month(2023, 1), '10', '户'], ['f', month(2023, 2), '10', '户'], ['f', month(2023, 3), '10', '户']], conflicts: 1 },
    { name: 'a flow’s year and two of its months: not comparable yet', rows: [['f', 2023, '500', '户'], ['f', month(2023, 1), '10', '户'], ['f', month(2023, 2), '10', '户']], conflicts: 0 },
    { name: 'a flow’s year off its four quarters', rows: [['f', 2023, '100', '户'], ...[1, 2, 3, 4].map((q) => ['f', quarter(2023, q), '30', '户'] as const)], conflicts: 1 },
  ] as const)('$name', ({ rows, conflicts }) => {
    expect(periodConflicts(makeMeasurements(rows), flow)).toHaveLength(conflicts);
  });
});
