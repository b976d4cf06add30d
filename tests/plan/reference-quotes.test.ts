/** A reference is printed beside the verdict as the source's words, so its text is checked against the source like every quote. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPlanFile } from '../../src/plan/load.js';

const BASIC = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/basic/plan.yaml'), 'utf8');

describe('reference quotes', () => {
  it('a reference whose text is not in the source is a QUOTE_NOT_IN_SEED warning at the reference', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-refs-'));
    writeFileSync(join(dir, 'fixture.txt'), '接受上门服务的居家老年人数占比 % 18.3 20 约束性\n到2025年，全省接受上门服务的老年人占比达到25%。\n持证社会工作专业人才数 万人 1.5 ≥2.6 预期性\n全市老年友好社区数量 个 — 1000 预期性\n全市经营性公墓存量土地生态葬、墓葬比例（%） ≥30、≤35 30、35\n当年度低保标准不低于上年度全体居民人均消费支出的30%\n特困人员基本生活标准不低于低保标准的1.4倍\n');
    const refs = '    references:\n      - { label: 省目标, year: 2025, comparison: ">=", value: 25, text: 全省接受上门服务的老年人占比达到25% }\n      - { label: 省目标（改写）, year: 2025, comparison: ">=", value: 26, text: 全省达到26% }\n';
    const text = BASIC.replace('    source: { table: 表2, row: "2", text: 接受上门服务的居家老年人数占比 % 18.3 20 约束性 }\n', (m) => `${refs}${m}`);
    expect(text).not.toBe(BASIC);
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, text);
    const r = await checkPlanFile(file, dir, false);
    expect(r.ok && r.warnings.filter((w) => w.code === 'QUOTE_NOT_IN_SEED').map((w) => `${w.path} ${w.message}`)).toEqual(['/indicators/0/references/1/text 接受上门服务的居家老年人数占比: the reference "省目标（改写）" quotes "全省达到26%", which is not in the seed document fixture.txt']);
  });
});
