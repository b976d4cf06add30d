/** What an indicator can plausibly hold, and the false alarms it must not raise. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPlanFile } from '../../src/plan/load.js';
import { describe, expect, it } from 'vitest';
import { envelopeOf, implausibility } from '../../src/evaluate/plausibility.js';
import { evaluate } from '../../src/index.js';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import type { Indicator } from '../../src/plan/model.js';
import { Decimal } from '../../src/values/decimal.js';
import { makeIndicator, makeMeasurements, target } from '../helpers/builders.js';
import { ROOT } from '../helpers/run-cli.js';

function check(ind: Indicator, rows: readonly (readonly [number | string, string, string])[]) {
  const data = makeMeasurements(rows.map(([p, v, u]) => [ind.id, p, v, u] as const));
  return implausibility(ind, data.all()[rows.length - 1] as never, data);
}

const workers = makeIndicator({ id: 'sw', name: '持证社会工作专业人才数', unit: '万人', baseline: 1.5, targets: [target(2025, '>=', 2.6)] });
const share = makeIndicator({ id: 'share', name: '护理型床位占比', unit: '%', baseline: 60, targets: [target(2025, '>=', 80)] });
const growth = makeIndicator({ id: 'g', name: '城乡低保标准年度增速', unit: '%', baseline: 1.82, targets: [target(2025, '>=', 3)] });
const standard = makeIndicator({ id: 'std', name: '低保标准', unit: '元/人·月', baseline: 1000, targets: [target(2025, '>=', 1300)] });
const flow = makeIndicator({ id: 'beds', name: '床位年新增数', unit: '户', baseline: null, targets: [target(2023, '>=', 2000)], rollup: 'sum', frequency: 'monthly' });

describe('implausibility', () => {
  it.each([
    { name: '22000 in 万人: 人 was meant', ind: workers, rows: [[2023, '22000', '万人']], reason: 'high', suggest: '人' },
    { name: '0.00022 万人: too small', ind: workers, rows: [[2023, '0.00022', '万人']], reason: 'low' },
    { name: '769% for a share', ind: share, rows: [[2023, '769', '%']], reason: 'share' },
    { name: '−3% for a share', ind: share, rows: [[2023, '-3', '%']], reason: 'share' },
    { name: '0.72 for a 72% share', ind: share, rows: [[2023, '0.72', '%']], reason: 'fraction' },
    { name: '14400 元/人·月: 元/人·年 was meant', ind: standard, rows: [[2023, '14400', '元/人·月']], reason: 'high', suggest: '元/人·年' },
    { name: 'a month of a flow ten times its share of the year', ind: flow, rows: [['2023-01', '2000', '户']], reason: 'high' },
  ] as const)('$name', ({ ind, rows, reason, ...want }) => {
    const bad = check(ind, rows);
    expect(bad?.reason).toBe(reason);
    if ('suggest' in want) expect(bad?.suggest?.unit).toBe(want.suggest);
  });

  it.each([
    { name: '2.2 万人', ind: workers, rows: [[2023, '2.2', '万人']] },
    { name: '22000 人 (converted)', ind: workers, rows: [[2023, '22000', '人']] },
    { name: 'a share at 100%', ind: share, rows: [[2023, '100', '%']] },
    { name: 'a share at 0%', ind: share, rows: [[2023, '0', '%']] },
    { name: 'a growth rate of 25% (a rate of change has no scale)', ind: growth, rows: [[2023, '25', '%']] },
    { name: 'a growth rate of −2%', ind: growth, rows: [[2023, '-2', '%']] },
    { name: 'a month of a flow at a twelfth of the year', ind: flow, rows: [['2023-01', '170', '户']] },
    { name: 'a count with no baseline far short of its target (built up from nothing)', ind: makeIndicator({ id: 'n', name: '老年友好社区数量', unit: '个', baseline: null, targets: [target(2025, '>=', 1000)] }), rows: [[2021, '40', '个']] },
    { name: 'a value far from the plan but near its other values in the data', ind: workers, rows: [[2022, '30', '万人'], [2023, '31', '万人']] },
  ] as const)('plausible: $name', ({ ind, rows }) => {
    expect(check(ind, rows as never)).toBeUndefined();
  });

  it('a plan can widen the envelope (a growth rate beyond 100%) or turn the magnitude check off', () => {
    const wide = { ...share, name: '某占比', plausible: { max: new Decimal(300) } };
    expect(check(wide, [[2023, '250', '%']])).toBeUndefined();
    expect(envelopeOf(wide)).toMatchObject({ share: false });
    const narrow = { ...workers, plausible: { min: new Decimal(1), max: new Decimal(5) } };
    expect(check(narrow, [[2023, '6', '万人']])?.reason).toBe('envelope');
    const off = { ...workers, plausible: { factor: null } };
    expect(check(off, [[2023, '22000', '万人']])).toBeUndefined();
  });
});

describe('no false alarms on the bundled examples and the seed completion tables', () => {
  const cases: [string[], string[], string?][] = [
    ...['2021', '2022', '2023', '2024'].map((y): [string[], string[]] => [['suzhou'], [`examples/suzhou-${y}.csv`]]),
    [['suzhou-13th'], ['examples/suzhou-2020.csv']],
    [['suqian-13th'], ['examples/suqian-2020.csv']],
    [['suzhou', 'taicang'], ['examples/monthly-2024.csv'], '2024-06'],
    [['suzhou'], ['examples/suzhou-2021.csv', 'examples/suzhou-2022.csv', 'examples/suzhou-2023.csv', 'examples/suzhou-2024.csv']],
  ];
  it.each(cases)('%s on %s: no IMPLAUSIBLE', async (plans, data, period) => {
    const run = await evaluate({ plans, data: data.map((d) => join(ROOT, d)), policy: DEFAULT_POLICY, ...(period === undefined ? {} : { period }) });
    const bad = run.reports.flatMap((r) => r.evaluation.results).filter((r) => r.code === 'IMPLAUSIBLE');
    expect(bad.map((r) => `${r.id}: ${JSON.stringify(r.detail)}`)).toEqual([]);
  });
});

describe('a plan’s envelope', () => {
  const base = readFileSync(join(ROOT, 'tests/fixtures/basic/plan.yaml'), 'utf8');
  const withEnvelope = (yaml: string): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'plancheck-env-')), 'plan.yaml');
    writeFileSync(file, base.replace('    direction: higher\n', `    direction: higher\n    plausible: ${yaml}\n`));
    return file;
  };
  it('is read into the plan', async () => {
    const r = await checkPlanFile(withEnvelope('{ min: 0, max: 300, factor: null }'), undefined, false, false);
    expect(r.ok && r.plan.indicators[0]?.plausible).toEqual({ min: new Decimal(0), max: new Decimal(300), factor: null });
  });
  it.each([['an empty range', '{ min: 5, max: 1 }', 'plausible range [5, 1] is empty'], ['an unknown key', '{ maximum: 1 }', 'maximum']])('%s is an error', async (_n, yaml, words) => {
    const r = await checkPlanFile(withEnvelope(yaml), undefined, false, false);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors.map((e) => e.message).join('\n')).toContain(words);
  });
});
