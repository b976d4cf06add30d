/**
 * A sample of every plan's baselines, targets and attributes, checked by hand
 * against the seed text (the cell as printed is in each comment), and the
 * 13th-plan completion files evaluated to the documents' own verdicts.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/plan/model.js';
import { bundled, byName } from '../helpers/plans.js';
import { runCli } from '../helpers/run-cli.js';

function shape(i: Indicator): string {
  const b = i.baseline?.value.kind === 'number' ? `${i.baseline.comparison ?? ''}${i.baseline.value.value.toFixed()}` : '—';
  const ts = i.targets.map((t) => `${t.year}${t.comparison}${t.value?.kind === 'number' ? t.value.value.toFixed() : String(t.value?.kind === 'boolean' ? t.value.value : '')}`).join(' ');
  return `${i.unit.text} | ${b} | ${ts} | ${i.attribute}`;
}

describe.each([
  // 附件2 row 2: 有意愿或生活不能自理特困供养人员集中供养率 % / ≥70 约束性
  ['taicang', '有意愿或生活不能自理特困供养人员集中供养率', '% | — | 2025>=70 | binding'],
  // 附件2 row 4: 村（居）社区社会组织平均数量 个 9、13 10、15 预期性 (split)
  ['taicang', '村（居）社区社会组织平均数量（居）', '个 | 13 | 2025>=15 | expected'],
  // 附件2 row 17: 养老护理人员持证上岗率 % 94.5 95 约束性
  ['taicang', '养老护理人员持证上岗率', '% | 94.5 | 2025>=95 | binding'],
  // 表2 row 7: 接受上门服务的居家老年人数占比 % 13.86 18 约束性
  ['suqian', '接受上门服务的居家老年人数占比', '% | 13.86 | 2025>=18 | binding'],
  // 表2 row 11 (damaged): 等级社会组织覆盖 % 17.8 50 期性
  ['suqian', '等级社会组织覆盖率', '% | 17.8 | 2025>=50 | expected'],
  // 第二章第三节: 全市建成新型农村社区200个以上
  ['suqian', '新型农村社区数量', '个 | — | 2025>=200 | unspecified'],
  // 专栏1 row 6: 养老机构护理型床位占比 % 40 50 55 55 约束性 (2023 and 2025 targets)
  ['zhongshan', '养老机构护理型床位占比', '% | 40 | 2023>=50 2025>=55 | binding'],
  // 专栏1 row 20: 社会工作专业人才总量 万人 0.5918 0.6441 0.7855 15 预期性
  ['zhongshan', '社会工作专业人才总量', '万人 | 0.5918 | 2023>=0.6441 2025>=0.7855 | expected'],
  // 专栏1 row 5: 特困人员照料护理标准 全护理（失能）% 不低于我市最低工资标准的100%
  // the 2020 column prints the same floor: 不低于我市最低工资标准的100%
  ['zhongshan', '特困人员照料护理标准（全护理）', '% | >=100 | 2023>=100 2025>=100 | binding'],
  // text: 力争到2022年低保标准提高至1150元以上，到2025年提高至1250元以上
  // baseline: 2016-2020年，我市低保标准由629元/月提高到1100元/月
  ['zhongshan', '低保标准', '元/人·月 | 1100 | 2022>=1150 2025>=1250 | unspecified'],
  // 表2 row 7: 社会工作专业人才占全州人口比例 1.5‰ 1.8‰ 3.70% 预期性
  ['chuxiong', '社会工作专业人才占全州人口比例', '‰ | 1.5 | 2025>=1.8 | expected'],
  // 表2 row 15: 节地生态安葬率 70% 60% 6% 预期性 (target below the 2020 value, kept)
  ['chuxiong', '节地生态安葬率', '% | 70 | 2025>=60 | expected'],
  // 表2 row 5: 每百户居民拥有的城乡社区综合服务设施面积 - ＞30平方米 - 预期性
  ['chuxiong', '每百户居民拥有的城乡社区综合服务设施面积', '平方米/百户 | — | 2025>30 | expected'],
  // 表1 row 8: 全市持证专业社工人才总数（人） ≥10000 >18000
  ['suzhou-13th', '全市持证专业社工人才总数（人）', '人 | — | 2020>=10000 | unspecified'],
  // 表1 row 1 (first sub-row): 城乡低保最低标准 —— 以县(区)为单位实现城乡一体 全市已实现城乡一体 约束性
  ['suqian-13th', '城乡低保最低标准（城乡一体）', '是/否 | — | 2020==true | binding'],
])('%s: %s', (plan, name, expected) => {
  it('matches the seed', async () => {
    expect(shape(byName(await bundled(plan), name))).toBe(expected);
  });
});

describe('the stated annual growth rate (楚雄 表2 年均增速)', () => {
  it('is kept, and followed where it reaches the target', async () => {
    const plan = await bundled('chuxiong');
    expect(byName(plan, '社会组织专职工作人员数量').annualGrowth?.text).toBe('4%');
    const r = runCli(['template', 'chuxiong', '--year', '2023']);
    expect(r.status).toBe(0);
  });
});

describe('13th-plan completion values give the documents’ own verdicts', () => {
  it('苏州 表1: every target met but 指标3 (注1: 未完成预期目标); 指标18 no longer graded', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou-13th', 'examples/suzhou-2020.csv', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { summary: Record<string, number>; results: { id: string; status: string; code: string }[] };
    const notPassing = out.results.filter((x) => x.status !== 'pass').map((x) => `${x.id} ${x.status} ${x.code}`);
    expect(notPassing).toEqual(['welfare_lottery_sales_5y fail TARGET_NOT_MET', 'aaa_marriage_registry_rate missing REPORTED_ABSENT']);
    expect(out.summary).toMatchObject({ pass: 22, fail: 1, missing: 1 });
    // 指标8 was printed as a bound, >18000, and a bound above the target passes
    expect(out.results.find((x) => x.id === 'certified_social_workers_total')?.status).toBe('pass');
  });

  it('宿迁 表1: every target met as printed except 指标8 (1.7 against 7 per 万人)', () => {
    const r = runCli(['evaluate', '--plan', 'suqian-13th', 'examples/suqian-2020.csv', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { results: { id: string; status: string }[] };
    expect(out.results.filter((x) => x.status !== 'pass').map((x) => `${x.id} ${x.status}`)).toEqual(['certified_social_workers_per_10k fail']);
    expect(out.results).toHaveLength(17);
  });
});
