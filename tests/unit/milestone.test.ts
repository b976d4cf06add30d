import { describe, expect, it } from 'vitest';
import { milestoneFor } from '../../src/evaluate/milestone.js';
import { evaluateIndicator } from '../../src/evaluate/targets.js';
import type { Status } from '../../src/evaluate/result.js';
import type { Indicator } from '../../src/plan/model.js';
import { makeIndicator, makeMeasurements, target, type IndicatorSpec } from '../helpers/builders.js';

describe('milestoneFor', () => {
  it('is the straight line from the baseline to the target (时间过半、任务过半)', () => {
    const m = milestoneFor(makeIndicator({ baseline: 18.3, targets: [target(2025, '>=', 20)] }), 2023);
    expect(m.kind === 'milestone' && m.basis).toBe('linear');
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('19.32');
  });

  it('starts from the latest interim target once it has passed', () => {
    const m = milestoneFor(makeIndicator({ baseline: 40, targets: [target(2023, '>=', 50), target(2025, '>=', 55)] }), 2024);
    expect(m.kind === 'milestone' && m.from?.kind).toBe('interim');
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('52.5');
  });

  it('is the interim target in its year', () => {
    const m = milestoneFor(makeIndicator({ baseline: 40, targets: [target(2023, '>=', 50), target(2025, '>=', 55)] }), 2023);
    expect(m.kind === 'milestone' && m.basis).toBe('interim');
    expect(m.kind === 'milestone' && m.value?.toFixed()).toBe('50');
  });

  it('follows a stated annual growth rate that reaches the target', () => {
    // 楚雄 表2: 农村低保/城市低保 60% → 75%, 年均增速 4.56%
    const m = milestoneFor(makeIndicator({ baseline: 60, targets: [target(2025, '>=', 75)], annualGrowth: 4.56 }), 2023);
    expect(m.kind === 'milestone' && m.basis).toBe('annual_growth');
    expect(m.kind === 'milestone' && m.value?.toDecimalPlaces(4).toFixed()).toBe('68.588') // 60 × 1.0456³ = 68.5880;
  });

  it('falls back to the straight line when the stated rate cannot reach the target', () => {
    const m = milestoneFor(makeIndicator({ baseline: 70, targets: [target(2025, '>=', 60)], annualGrowth: 6 }), 2023);
    expect(m.kind === 'milestone' && m.basis).toBe('linear');
    expect(m.kind === 'milestone' && m.growthInconsistent).toBe(true);
  });

  it('has none without a baseline or interim target', () => {
    expect(milestoneFor(makeIndicator({ baseline: null }), 2023)).toMatchObject({ kind: 'none', reason: 'NO_START_POINT' });
  });
});

describe('evaluateIndicator', () => {
  const cases: { name: string; spec: IndicatorSpec; value?: string; unit?: string; year?: number; status: Status; code: string }[] = [
    { name: 'on the path', spec: { baseline: 18.3, targets: [target(2025, '>=', 20)] }, value: '19.32', status: 'pass', code: 'MILESTONE_MET' },
    { name: 'behind the path', spec: { baseline: 18.3, targets: [target(2025, '>=', 20)] }, value: '19.31', status: 'fail', code: 'BEHIND_MILESTONE' },
    { name: 'target met in its year', spec: { baseline: 18.3, targets: [target(2025, '>=', 20)] }, value: '20', year: 2025, status: 'pass', code: 'TARGET_MET' },
    { name: 'target missed in its year', spec: { baseline: 18.3, targets: [target(2025, '>=', 20)] }, value: '19.9', year: 2025, status: 'fail', code: 'TARGET_NOT_MET' },
    { name: 'lower is better, on the path', spec: { direction: 'lower', baseline: 40, targets: [target(2025, '<=', 35)] }, value: '37', status: 'pass', code: 'MILESTONE_MET' },
    { name: 'lower is better, behind', spec: { direction: 'lower', baseline: 40, targets: [target(2025, '<=', 35)] }, value: '38', status: 'fail', code: 'BEHIND_MILESTONE' },
    { name: 'no baseline, final target already met', spec: { baseline: null, targets: [target(2025, '>=', 100)] }, value: '100', status: 'pass', code: 'TARGET_ALREADY_MET' },
    { name: 'no baseline, not yet met: pending', spec: { baseline: null, targets: [target(2025, '>=', 100)] }, value: '80', status: 'pending', code: 'NO_MILESTONE' },
    { name: 'absent from the data', spec: {}, status: 'missing', code: 'INPUT_MISSING' },
    { name: 'reported as —', spec: {}, value: '—', status: 'missing', code: 'REPORTED_ABSENT' },
    { name: 'a bound above the target passes', spec: { unit: '人', baseline: null, targets: [target(2020, '>=', 10000)] }, value: '>18000', unit: '人', year: 2020, status: 'pass', code: 'TARGET_MET' },
    { name: 'a bound straddling the target is undetermined', spec: { unit: '人', baseline: null, targets: [target(2020, '>=', 20000)] }, value: '>18000', unit: '人', year: 2020, status: 'missing', code: 'BOUND_UNDETERMINED' },
    { name: 'converted units: 22000 人 against 万人', spec: { unit: '万人', baseline: 1.5, targets: [target(2025, '>=', 2.6)] }, value: '22000', unit: '人', status: 'pass', code: 'MILESTONE_MET' },
    { name: 'a text target cannot be evaluated', spec: { baseline: null, targets: [target(2020, '>=', '不再评级')] }, value: '80', year: 2020, status: 'missing', code: 'TEXT_TARGET' },
    { name: 'after the period the final target holds', spec: { baseline: 18.3, targets: [target(2025, '>=', 20)] }, value: '19', year: 2026, status: 'fail', code: 'TARGET_NOT_MET' },
  ];
  it.each(cases)('$name → $status ($code)', ({ spec, value, unit, year = 2023, status, code }) => {
    const ind = makeIndicator(spec);
    const data = makeMeasurements(value === undefined ? [] : [['x', year, value, unit ?? ind.unit.text]]);
    const r = evaluateIndicator(ind, data, year);
    expect(r?.status).toBe(status);
    expect(r?.code).toBe(code);
  });

  it('severity follows the attribute: binding fails are errors, expected ones warnings', () => {
    const data = makeMeasurements([['x', 2023, '10', '%']]);
    expect(evaluateIndicator(makeIndicator({ attribute: 'binding' }), data, 2023)?.severity).toBe('error');
    expect(evaluateIndicator(makeIndicator({ attribute: 'expected' }), data, 2023)?.severity).toBe('warning');
  });

  it('reports the margin in the indicator unit', () => {
    const data = makeMeasurements([['x', 2023, '19', '%']]);
    const r = evaluateIndicator(makeIndicator({ baseline: 18.3, targets: [target(2025, '>=', 20)] }), data, 2023);
    expect(r?.margin).toBe('-0.32');
    expect(r?.inputs[0]).toMatchObject({ file: 'data.csv', line: 2, value: '19' });
  });
});

describe('a floor printed in the baseline column holds every year (中山 专栏1 row 5: 不低于我市最低工资标准的5% in 2020, 2023 and 2025)', () => {
  const floor = (spec: IndicatorSpec, op: '>=' | '>' | '<=' | '<' = '>='): Indicator => {
    const ind = makeIndicator(spec);
    return { ...ind, baseline: ind.baseline ? { ...ind.baseline, comparison: op } : null };
  };
  const row5 = floor({ baseline: 5, targets: [target(2023, '>=', 5), target(2025, '>=', 5)] });

  it.each([2021, 2022, 2024])('%i: the floor itself (basis floor), not a pending year', (year) => {
    expect(milestoneFor(row5, year)).toMatchObject({ kind: 'milestone', basis: 'floor', comparison: '>=', from: { year: 2020, kind: 'baseline' } });
    expect(milestoneFor(row5, year).kind === 'milestone' && (milestoneFor(row5, year) as { value: { toFixed: () => string } }).value.toFixed()).toBe('5');
  });

  it('the interim and final targets in their years', () => {
    expect(milestoneFor(row5, 2023)).toMatchObject({ basis: 'interim' });
    expect(milestoneFor(row5, 2025)).toMatchObject({ basis: 'target' });
  });

  it('a path rising above the floor is the path; a target set below the floor does not lower it', () => {
    const rising = floor({ baseline: 5, targets: [target(2025, '>=', 10)] });
    expect(milestoneFor(rising, 2023)).toMatchObject({ basis: 'linear' });
    const odd = floor({ baseline: 5, targets: [target(2025, '>=', 4)] });
    expect(milestoneFor(odd, 2023)).toMatchObject({ basis: 'floor' });
    expect(milestoneFor(odd, 2025)).toMatchObject({ basis: 'floor' });
  });

  it('a ceiling for a lower-is-better indicator, and a strict bound, are kept as printed', () => {
    const ceiling = floor({ direction: 'lower', baseline: 35, targets: [target(2025, '<=', 35)] }, '<=');
    expect(milestoneFor(ceiling, 2022)).toMatchObject({ basis: 'floor', comparison: '<=' });
    const strict = floor({ baseline: 30, targets: [target(2025, '>=', 30)] }, '>');
    expect(milestoneFor(strict, 2022)).toMatchObject({ basis: 'floor', comparison: '>' });
  });

  it.each([
    ['4% in 2021 fails the floor', row5, '4', 2021, 'fail', 'TARGET_NOT_MET', 'floor'],
    ['5% in 2021 meets it (the final 5% already met)', row5, '5', 2021, 'pass', 'TARGET_ALREADY_MET', 'floor'],
    ['4% in 2024 fails it', row5, '4', 2024, 'fail', 'TARGET_NOT_MET', 'floor'],
    ['a final target met early does not excuse a floor below it', floor({ baseline: 5, targets: [target(2025, '>=', 4)] }), '4.5', 2022, 'fail', 'TARGET_NOT_MET', 'floor'],
  ] as const)('%s', (_name, ind, value, year, status, code, basis) => {
    const r = evaluateIndicator(ind, makeMeasurements([['x', year, value, '%']]), year);
    expect(r).toMatchObject({ status, code });
    expect(r?.expected?.basis).toBe(basis);
  });
});
