/**
 * References reach the verdict (issue 23, item 4): a value the source states
 * beside the plan's requirement — the body's 全覆盖 beside the table's 90, a
 * provincial target — is carried on the result as data (label, value, unit,
 * year, quote) and rendered by the output layer, and it never changes the
 * verdict. Pure: in-memory plans and measurements.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../src/evaluate/evaluate-plan.js';
import type { Indicator, PrintedReference } from '../../src/plan/model.js';
import { referenceText } from '../../src/report/explain.js';
import { Decimal } from '../../src/values/decimal.js';
import { makeIndicator, makeMeasurement, makeMeasurements, makePlan, makeRule, target } from '../helpers/builders.js';

const BODY: PrintedReference = { label: '第七章第六节', year: 2025, comparison: '>=', value: { kind: 'number', value: new Decimal(100) }, text: '实现乡镇(街道)社会工作服务站全覆盖' };
const PROVINCE: PrintedReference = { label: '2025年省目标值', year: 2025, comparison: '>', value: { kind: 'number', value: new Decimal(80) }, text: '>80' };
const IN_WORDS: PrintedReference = { label: '2025年省目标值', year: 2025, text: '不低于当地最低工资标准的2%' };

function station(references: readonly PrintedReference[]): Indicator {
  return { ...makeIndicator({ id: 'station', baseline: null, targets: [target(2025, '>=', 90)] }), references };
}

describe('references on the result', () => {
  it.each([
    ['95 passes the table’s 90', '95', 'pass'],
    ['85 fails it', '85', 'fail'],
  ])('%s whether or not the body’s 100 is carried beside it', (_what, value, status) => {
    const data = makeMeasurements([['station', 2025, value, '%']]);
    const bare = evaluatePlan(makePlan({ indicators: [station([])] }), data, 2025).results[0];
    const withRefs = evaluatePlan(makePlan({ indicators: [station([BODY, PROVINCE])] }), data, 2025).results[0];
    expect(withRefs?.status).toBe(status);
    expect({ ...withRefs, references: undefined }).toEqual({ ...bare, references: undefined });
    expect(bare?.references).toBeUndefined();
    expect(withRefs?.references).toEqual([
      { label: '第七章第六节', year: 2025, comparison: '>=', value: '100', unit: '%', quote: '实现乡镇(街道)社会工作服务站全覆盖' },
      { label: '2025年省目标值', year: 2025, comparison: '>', value: '80', unit: '%', quote: '>80' },
    ]);
  });

  it('a reference in words only has no value, just its quote', () => {
    const r = evaluatePlan(makePlan({ indicators: [station([IN_WORDS])] }), makeMeasurements([]), 2025).results[0];
    expect(r?.references).toEqual([{ label: '2025年省目标值', year: 2025, unit: '%', quote: '不低于当地最低工资标准的2%' }]);
  });

  it('an indicator whose requirement is a rule (no target of its own) lends its references to the rule’s result', () => {
    const share = { ...makeIndicator({ id: 'share', baseline: null, targets: [] }), references: [IN_WORDS] };
    const plan = makePlan({ indicators: [share], measurements: [makeMeasurement('wage', '最低工资标准', '%')], rules: [makeRule('share_vs_wage', 'share', 'share >= 5% * wage')] });
    const results = evaluatePlan(plan, makeMeasurements([['share', 2025, '10', '%'], ['wage', 2025, '100', '%']]), 2025).results;
    expect(results.map((r) => r.id)).toEqual(['share_vs_wage']);
    expect(results[0]?.references?.[0]?.quote).toBe('不低于当地最低工资标准的2%');
  });
});

describe('referenceText: a reference in words, beside the verdict', () => {
  it.each([
    [{ label: '2025年省目标值', year: 2025, comparison: '>' as const, value: '80', unit: '%', quote: '>80' }, '2025年省目标值 >80%', '2025年省目标值 >80%'],
    [{ label: '第七章第六节', year: 2025, comparison: '>=' as const, value: '100', unit: '%', quote: '实现乡镇(街道)社会工作服务站全覆盖' }, '第七章第六节 ≥100%（2025年）“实现乡镇(街道)社会工作服务站全覆盖”', '第七章第六节 ≥100% (2025) “实现乡镇(街道)社会工作服务站全覆盖”'],
    [{ label: '2025年省目标值', year: 2025, unit: '%', quote: '不低于当地最低工资标准的2%' }, '2025年省目标值：不低于当地最低工资标准的2%', '2025年省目标值: 不低于当地最低工资标准的2%'],
    [{ label: '2025年省目标值', year: 2025, comparison: '>=' as const, value: '20', unit: '万人次', quote: '20' }, '2025年省目标值 ≥20 万人次', '2025年省目标值 ≥20 万人次'],
  ])('%j', (ref, zh, en) => {
    expect(referenceText(ref, 'zh')).toBe(zh);
    expect(referenceText(ref, 'en')).toBe(en);
  });
});
