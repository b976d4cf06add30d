import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPlanFile } from '../../src/plan/load.js';

const FIX = join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures');

describe('plan errors are file:line:col with the document path', () => {
  it.each([
    { file: 'bad-attribute.yaml', line: 21, column: 16, path: '/indicators/0/attribute', message: /"mandatory" is not one of: binding, expected, unspecified/ },
    { file: 'missing-unit.yaml', line: 27, column: 5, path: '/indicators/1', message: /missing required property "unit"/ },
    { file: 'unknown-key.yaml', line: 31, column: 5, path: '/indicators/1', message: /unknown property "colour"/ },
    { file: 'expr-syntax.yaml', line: 67, column: 52, path: '/rules/1/expression', message: /unexpected "\*"/ },
    { file: 'expr-units.yaml', line: 67, column: 46, path: '/rules/1/expression', message: /cannot compare 元\/人·月 with 个/ },
    { file: 'expr-unknown.yaml', line: 67, column: 52, path: '/rules/1/expression', message: /unknown measurement "low_income"/ },
    { file: 'bad-unit.yaml', line: 39, column: 11, path: '/indicators/2/unit', message: /unit "3个"/ },
    { file: 'duplicate-id.yaml', line: 27, column: 9, path: '/indicators/1/id', message: /duplicate id "home_visit_share"/ },
    { file: 'bad-yaml.yaml', line: 4, column: 1, path: undefined, message: /Flow map/ },
  ])('$file', async ({ file, line, column, path, message }) => {
    const r = await checkPlanFile(join(FIX, 'bad-plans', file));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    const [e] = r.errors;
    expect(e).toMatchObject({ line, column, severity: 'error' });
    expect(e?.path).toBe(path);
    expect(e?.message).toMatch(message);
  });

  it('an expression error carries a caret under the character', async () => {
    const r = await checkPlanFile(join(FIX, 'bad-plans/expr-syntax.yaml'));
    expect(!r.ok && r.errors[0]?.excerpt).toBe(
      '  special_hardship_standard >= 1.4 * * low_income_standard\n                                     ^',
    );
  });

  it('the fixture plan itself is valid', async () => {
    const r = await checkPlanFile(join(FIX, 'basic/plan.yaml'));
    expect(r.ok && r.plan.rules.map((x) => x.inputs)).toEqual([
      [
        { id: 'low_income_standard', offset: 0 },
        { id: 'per_capita_consumption', offset: -1 },
      ],
      [
        { id: 'special_hardship_standard', offset: 0 },
        { id: 'low_income_standard', offset: 0 },
      ],
    ]);
  });
});
