/** The mid-term verdicts, checked against calculations done by hand. */
import { describe, expect, it } from 'vitest';
import { progressOf } from '../../src/evaluate/progress.js';
import { makeIndicator, makeMeasurements, target, type IndicatorSpec } from '../helpers/builders.js';
import { Decimal } from '../../src/values/decimal.js';

function progress(spec: IndicatorSpec, values: [number, string][]): ReturnType<typeof progressOf> {
  const ind = makeIndicator({ id: 'x', ...spec });
  return progressOf(ind, makeMeasurements(values.map(([y, v]) => ['x', y, v, ind.unit.text] as const)));
}

describe('progressOf', () => {
  it('linear, behind significantly: 18.3% → 19% in 2024, target 20% in 2025', () => {
    // τ = 4/5 = 0.8; covered = 0.7/1.7 = 0.41176; R = 0.41176/0.8 = 0.5147 < 0.60
    const p = progress({ baseline: 18.3, targets: [target(2025, '>=', 20)] }, [[2024, '19']]);
    expect(p.method).toBe('linear');
    expect(p.tau?.toFixed()).toBe('0.8');
    expect(p.ratio?.toDecimalPlaces(4).toFixed()).toBe('0.5147');
    expect(p).toMatchObject({ category: 'behind', grade: 'significantly' });
    expect(p.paceSoFar?.toFixed()).toBe('0.175'); // 0.7 / 4 years
    expect(p.paceNeeded?.toFixed()).toBe('1'); // 1 point in the last year
  });

  it('linear, lower is better, behind moderately: 40% → 36.5% in 2024, target ≤ 35%', () => {
    // covered = (36.5 − 40)/(35 − 40) = 0.7; R = 0.7/0.8 = 0.875
    const p = progress({ direction: 'lower', baseline: 40, targets: [target(2025, '<=', 35)] }, [[2024, '36.5']]);
    expect(p.ratio?.toFixed()).toBe('0.875');
    expect(p).toMatchObject({ category: 'behind', grade: 'moderately' });
  });

  it('compound growth for a positive level: 1.5 万人 → 2.5 万人 in 2024, target 2.6 in 2025', () => {
    // so far (2.5/1.5)^(1/4) − 1 = 13.62%; required (2.6/1.5)^(1/5) − 1 = 11.63%; R = 1.171
    const p = progress({ unit: '万人', baseline: 1.5, targets: [target(2025, '>=', 2.6)] }, [[2024, '2.5']]);
    expect(p.method).toBe('compound');
    expect(p.paceSoFar?.toDecimalPlaces(4).toFixed()).toBe('0.1362');
    expect(p.ratio?.toDecimalPlaces(3).toFixed()).toBe('1.171');
    expect(p.paceNeeded?.toDecimalPlaces(4).toFixed()).toBe('0.04');
    expect(p.category).toBe('ahead');
  });

  it('on track between 0.95 and 1: 50 → 58 in 2023 on the way to 65 in 2025', () => {
    // covered = 8/15 = 0.5333; τ = 3/5 = 0.6; R = 0.8889 → behind; 50 → 58.6: R = 0.9556 → on track
    expect(progress({ baseline: 50, targets: [target(2025, '>=', 65)] }, [[2023, '58']])).toMatchObject({ category: 'behind', grade: 'moderately' });
    expect(progress({ baseline: 50, targets: [target(2025, '>=', 65)] }, [[2023, '58.6']]).category).toBe('on_track');
  });

  it('moving away: below the baseline', () => {
    expect(progress({ baseline: 50, targets: [target(2025, '>=', 65)] }, [[2023, '48']]).category).toBe('moving_away');
  });

  it('achieved: the target is already met', () => {
    expect(progress({ baseline: 50, targets: [target(2025, '>=', 65)] }, [[2023, '66']])).toMatchObject({ category: 'achieved', reason: 'TARGET_MET' });
  });

  it('a target behind the baseline: met, or moved away', () => {
    // 楚雄 节地生态安葬率: 70% in 2020, target 60% in 2025, higher is better
    expect(progress({ baseline: 70, targets: [target(2025, '>=', 60)] }, [[2023, '65']]).category).toBe('achieved');
    expect(progress({ baseline: 70, targets: [target(2025, '>=', 60)] }, [[2023, '55']]).category).toBe('moving_away');
  });

  it('percentages are capped at 100 where the plan allows values above it', () => {
    const wide = { min: null, max: new Decimal(120), factor: new Decimal(10) };
    expect(progress({ baseline: 80, targets: [target(2025, '>=', 100)], plausible: wide }, [[2023, '101']]).category).toBe('achieved');
  });

  it('a share above 100% is implausible: no grade, and the reason says which value', () => {
    const p = progress({ baseline: 80, targets: [target(2025, '>=', 100)] }, [[2023, '101']]);
    expect(p).toMatchObject({ category: 'not_assessable', reason: 'IMPLAUSIBLE' });
    expect(p.implausible).toMatchObject({ reason: 'share', max: '100' });
  });

  it('no baseline and one year of data: not assessable unless the target is met', () => {
    expect(progress({ baseline: null, targets: [target(2025, '>=', 100)] }, [[2023, '80']])).toMatchObject({ category: 'not_assessable', reason: 'NO_BASELINE' });
  });

  it('no baseline in the plan: the first year in the data stands in for it', () => {
    // 40 in 2021 → 85 in 2024, target 100 in 2025: covered 45/60 = 0.75, τ = 3/4, R = 1
    const p = progress({ baseline: null, targets: [target(2025, '>=', 100)] }, [
      [2021, '40'],
      [2024, '85'],
    ]);
    expect(p).toMatchObject({ baselineFromData: true, category: 'ahead' });
    expect(p.ratio?.toFixed()).toBe('1');
  });

  it('a flow met before the final year is ahead, not achieved: it starts again each year', () => {
    const p = progress({ unit: '户', rollup: 'sum', baseline: null, targets: [target(2023, '>=', 2000), target(2025, '>=', 2000)] }, [[2023, '2400']]);
    expect(p).toMatchObject({ category: 'ahead' });
  });

  it('a flow is judged by its latest year against that year’s target', () => {
    const p = progress({ unit: '户', rollup: 'sum', baseline: null, targets: [target(2023, '>=', 2000), target(2024, '>=', 2000)] }, [[2023, '1900']]);
    expect(p).toMatchObject({ method: 'annual', category: 'on_track' }); // 1900/2000 = 0.95
  });
});

describe('grades from the unrounded R, shown so that number and grade agree', () => {
  it('R = 0.9497 is behind (moderately) and shows as 0.94, never 0.95', async () => {
    const { ratioFloor } = await import('../../src/evaluate/progress.js');
    // covered = 37.988/50 = 0.75976; τ = 0.8; R = 0.9497
    const p = progress({ baseline: 50, targets: [target(2025, '>=', 100)] }, [[2024, '87.988']]);
    expect(p.ratio?.toFixed()).toBe('0.9497');
    expect(p).toMatchObject({ category: 'behind', grade: 'moderately' });
    expect(ratioFloor(p.ratio as NonNullable<typeof p.ratio>).toFixed(2)).toBe('0.94');
  });

  it.each([
    ['0.99999', '0.99', 'on_track'],
    ['0.95', '0.95', 'on_track'],
    ['0.5999', '0.59', 'behind'],
    ['-0.004', '-0.01', 'moving_away'],
    ['1', '1.00', 'ahead'],
  ])('R = %s shows as %s (%s)', async (r, shown) => {
    const { ratioFloor } = await import('../../src/evaluate/progress.js');
    const { Decimal } = await import('../../src/values/decimal.js');
    expect(ratioFloor(new Decimal(r)).toFixed(2)).toBe(shown);
  });
});

describe('chart y-axis: round ticks from d3-scale, flat series from zero', () => {
  it.each([
    [[18.3, 19.6, 20], [18, 20]],
    [[3067, 39200, 50000], [0, 50000]],
    [[100, 100, 100], [0, 100]],
    [[0, 0], [0, 1]],
    [[-5, -5], [-5, 0]],
  ])('%j → %j', async (values, domain) => {
    const { yDomain } = await import('../../src/report/progress-chart.js');
    expect(yDomain(values)).toEqual(domain);
  });
});
