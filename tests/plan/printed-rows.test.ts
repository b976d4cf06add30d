/** A printed row split into several indicators (printed_as), and a printed unit (printed_unit): declared soundly, read as printed. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bindRows } from '../../src/data/bind.js';
import { splitRow } from '../../src/data/split-rows.js';
import { checkPlanFile } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';

const BASIC = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/basic/plan.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'plancheck-printed-'));
const load = async (text: string): Promise<{ plan?: Plan; errors: string[] }> => {
  const file = join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const r = await checkPlanFile(file);
  return r.ok ? { plan: r.plan, errors: [] } : { errors: r.errors.map((e) => e.message) };
};
// home_visit_share (%) and burial_share (%) as the two parts of one printed row
const split = (a: number, b: number, name = '上门与墓葬'): string =>
  BASIC.replace('    name: 接受上门服务的居家老年人数占比\n', `    name: 接受上门服务的居家老年人数占比\n    printed_as: { name: ${name}, part: ${a} }\n`).replace('    name: 经营性公墓墓葬比例\n', `    name: 经营性公墓墓葬比例\n    printed_as: { name: ${name}, part: ${b} }\n`);

describe('printed_as', () => {
  it('a row under the printed name binds each part to its indicator, in order', async () => {
    const { plan, errors } = await load(split(1, 2));
    expect(errors).toEqual([]);
    if (!plan) return;
    const r = bindRows(plan, [{ file: 'd.csv', line: 2, indicator: '上门与墓葬', period: '2024', value: '19、 30' }]);
    expect(r.errors).toEqual([]);
    expect(r.measurements.all().map((o) => `${o.id} ${o.text}`)).toEqual(['home_visit_share 19', 'burial_share 30']);
  });

  it('the wrong number of values is an error at the row', () => {
    const parts = [{ name: 'a' }, { name: 'b' }] as unknown as Parameters<typeof splitRow>[1];
    const wrong = splitRow({ file: 'd.csv', line: 2, indicator: 'x', value: '1、2、3' }, parts);
    expect(typeof wrong === 'object' && !Array.isArray(wrong) ? wrong.en : wrong).toMatch(/printed as 2 values/);
    expect(Array.isArray(splitRow({ file: 'd.csv', line: 2, indicator: 'x', value: '1，2' }, parts))).toBe(true);
  });

  it.each([
    [split(1, 3), /parts must be 1…n, once each \(got 1, 3\)/],
    [split(1, 2, '低保标准'), /is also the name of a measurement/],
  ])('an unsound declaration is an error', async (text, message) => {
    expect((await load(text)).errors.join('\n')).toMatch(message);
  });
});

describe('printed_unit', () => {
  it('a row in the printed unit is read in the indicator\'s unit; another unit still has to convert', async () => {
    const text = BASIC.replace(/( {2}- id: social_workers\n(?: {4}.*\n)*? {4}unit: 万人\n)/, '$1    printed_unit: 人\n');
    const { plan, errors } = await load(text);
    expect(errors).toEqual([]);
    if (!plan) return;
    const r = bindRows(plan, [{ file: 'd.csv', line: 2, indicator: '持证社会工作专业人才数', period: '2024', value: '2.7', unit: '人' }]);
    expect(r.errors).toEqual([]);
    expect(r.measurements.all().map((o) => `${o.id} ${o.unit.text}`)).toEqual(['social_workers 万人']);
  });
});
