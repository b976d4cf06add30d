/** A floor printed in the baseline column (`baseline.comparison`): loaded, shown, and refused where it cannot hold every year. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlanFile } from '../../src/plan/load.js';
import { formatPlanShow } from '../../src/report/plan-table.js';

const BASIC = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/basic/plan.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'plancheck-floor-'));
const HOME = '    baseline: { year: 2020, value: 18.3 }\n    targets:\n      - { year: 2025, comparison: ">=", value: 20, text: "20" }\n';

async function load(replacement: string): ReturnType<typeof checkPlanFile> {
  const text = BASIC.replace(HOME, replacement);
  expect(text).not.toBe(BASIC);
  const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return checkPlanFile(file, undefined, false);
}

describe('baseline.comparison: a floor that holds every year', () => {
  it('loads, and show prints it as a bound from the baseline year on', async () => {
    const r = await load('    baseline: { year: 2020, comparison: ">=", value: 18.3, text: 不低于18.3% }\n    targets:\n      - { year: 2025, comparison: ">=", value: 20, text: "20" }\n');
    expect(r.ok && r.plan.indicators[0]?.baseline).toMatchObject({ year: 2020, comparison: '>=', text: '不低于18.3%' });
    if (!r.ok) return;
    expect(formatPlanShow({ plan: r.plan, file: 'plan.yaml', sha256: '' }, 'en')).toContain('≥18.3 (2020 →)');
  });

  it.each([
    ['a ceiling where higher is better', '    baseline: { year: 2020, comparison: "<=", value: 18.3 }\n    targets:\n      - { year: 2025, comparison: ">=", value: 20, text: "20" }\n', /baseline comparison <= does not fit direction higher/],
    ['a floor in words', '    baseline: { year: 2020, comparison: ">=", value: 不低于18.3 }\n    targets:\n      - { year: 2025, comparison: ">=", value: 20, text: "20" }\n', /its value must be a number/],
    ['a floor with no target to hold until', '    baseline: { year: 2020, comparison: ">=", value: 18.3 }\n    targets: []\n', /needs a target/],
    ['a floor on a flow', '    rollup: sum\n    baseline: { year: 2020, comparison: ">=", value: 18.3 }\n    targets:\n      - { year: 2025, comparison: ">=", value: 20, text: "20" }\n', /a flow \(rollup: sum\) restarts each year/],
    ['a comparison that is not a bound', '    baseline: { year: 2020, comparison: "between", value: 18.3 }\n    targets:\n      - { year: 2025, comparison: ">=", value: 20, text: "20" }\n', /comparison/],
  ])('%s is an error at the baseline', async (_what, replacement, message) => {
    const r = await load(replacement);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.path} ${e.message}`).join('\n')).toMatch(message);
    expect(r.errors.every((e) => e.path?.startsWith('/indicators/0'))).toBe(true);
  });
});
