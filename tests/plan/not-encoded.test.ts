/** The `not_encoded` section of a plan: its shape, its references, and its quotes checked against the source. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlanFile } from '../../src/plan/load.js';

const BASIC = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/basic/plan.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'plancheck-not-encoded-'));
writeFileSync(join(dir, 'fixture.txt'), '到2025年，幸福餐桌覆盖率达100%。原则上，社区规模不超过3000户。\n');

async function check(section: string): ReturnType<typeof checkPlanFile> {
  const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `${BASIC.trimEnd()}\nnot_encoded:\n${section}`);
  return checkPlanFile(file, dir, false);
}

describe('not_encoded', () => {
  it('a valid ledger loads, with the reason, explanation and covered_by kept', async () => {
    const r = await check(`  - quote: 幸福餐桌覆盖率达100%
    section: 三、重点任务
    reason: covered
    explanation: 幸福餐桌 is one of the 助餐 points the indicator counts.
    covered_by: [home_visit_share, low_income_vs_consumption]
  - quote: 原则上，社区规模不超过3000户
    reason: guideline
    explanation: 原则上 — a guideline, not a commitment.
`);
    expect(r.ok ? r.warnings.filter((w) => w.path?.startsWith('/not_encoded')) : r.errors).toEqual([]);
    expect(r.ok && r.plan.notEncoded).toMatchObject([
      { quote: '幸福餐桌覆盖率达100%', section: '三、重点任务', reason: 'covered', coveredBy: ['home_visit_share', 'low_income_vs_consumption'] },
      { reason: 'guideline', coveredBy: [] },
    ]);
    expect(r.ok && r.plan.notEncoded[0]?.position?.line).toBe(BASIC.trimEnd().split('\n').length + 2);
  });

  it.each([
    ['covered without covered_by', '  - { quote: 幸福餐桌覆盖率达100%, reason: covered, explanation: x }\n', /covered_by/],
    ['covered_by with another reason', '  - { quote: 幸福餐桌覆盖率达100%, reason: guideline, explanation: x, covered_by: [home_visit_share] }\n', /covered_by|must NOT/],
    ['no explanation', '  - { quote: 幸福餐桌覆盖率达100%, reason: guideline }\n', /explanation/],
    ['an unknown reason', '  - { quote: 幸福餐桌覆盖率达100%, reason: later, explanation: x }\n', /guideline, no_quantity, process, covered, outside_scope, no_data/],
    ['covered_by naming nothing in the plan', '  - { quote: 幸福餐桌覆盖率达100%, reason: covered, explanation: x, covered_by: [no_such_thing] }\n', /"no_such_thing" is not an indicator, measurement or rule/],
    ['the same quote twice', '  - { quote: 幸福餐桌覆盖率达100%, reason: guideline, explanation: x }\n  - { quote: "幸福餐桌覆盖率 达100%", reason: no_quantity, explanation: y }\n', /same quote/],
  ])('%s is an error at its line', async (_what, section, message) => {
    const r = await check(section);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(message);
    expect(r.errors[0]?.line).toBeGreaterThan(BASIC.trimEnd().split('\n').length);
  });

  it('a quote that is not in the source document is a warning', async () => {
    const r = await check('  - { quote: 幸福餐桌覆盖率达90%, reason: guideline, explanation: x }\n');
    expect(r.ok && r.warnings.filter((w) => w.path?.startsWith('/not_encoded')).map((w) => `${w.path} ${w.code} ${w.message}`)).toEqual(['/not_encoded/0/quote QUOTE_NOT_IN_SEED not_encoded: the quote is not in the source document fixture.txt']);
  });
});
