/**
 * The Suzhou plan against its seed (000, 表2 and 专栏1–7), and its verdicts on
 * the example mid-term file, each worked out by hand:
 * milestone(2023) = baseline + (target − baseline) × 3/5.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { bundled, byName } from '../helpers/plans.js';

describe('suzhou: sampled against the seed text', () => {
  it.each([
    // 表2 rows as printed: name | unit | 2020 基准值 | 2025 目标值 | 属性
    { name: '县级（市、区）社会救助中心建成率', unit: '%', baseline: '50', target: '>= 90', attribute: 'expected' },
    { name: '接受上门服务的居家老年人数占比', unit: '%', baseline: '18.3', target: '>= 20', attribute: 'binding' },
    { name: '家庭适老化改造户数', unit: '户', baseline: '3067', target: '>= 50000', attribute: 'expected' },
    { name: '镇（街道）综合养老（为老）服务中心覆盖率', unit: '%', baseline: null, target: '>= 100', attribute: 'binding' },
    { name: '护理型床位占养老机构床位比例', unit: '%', baseline: '75', target: '>= 78', attribute: 'binding' },
    { name: '城乡社区综合服务设施面积达标率', unit: '%', baseline: '85.1', target: '>= 90', attribute: 'expected' },
    { name: '持证社会工作专业人才数', unit: '万人', baseline: '1.5', target: '>= 2.6', attribute: 'expected' },
    { name: '婚姻登记“跨省通办”覆盖率', unit: '%', baseline: null, target: '>= 100', attribute: 'binding' },
    // 专栏2: 持证上岗率达到93%, from 表1 row 15's 2020 value 90.7
    { name: '养老护理人员持证上岗率', unit: '%', baseline: '90.7', target: '>= 93', attribute: 'unspecified' },
  ])('$name', async ({ name, unit, baseline, target, attribute }) => {
    const ind = byName(await bundled('suzhou'), name);
    expect(ind.unit.text).toBe(unit);
    expect(ind.attribute).toBe(attribute);
    expect(ind.baseline?.value.kind === 'number' ? ind.baseline.value.value.toFixed() : null).toBe(baseline);
    const last = ind.targets[ind.targets.length - 1];
    expect(last?.year).toBe(2025);
    expect(`${last?.comparison} ${last?.value?.kind === 'number' ? last.value.value.toFixed() : ''}`).toBe(target);
  });

  it('专栏1: the two rules, in their units', async () => {
    const plan = await bundled('suzhou');
    expect(plan.rules.filter((r) => r.source.table === '专栏1').map((r) => r.expression)).toEqual(['low_income_standard >= 30% * per_capita_consumption[-1]', 'special_hardship_standard >= 1.4 * low_income_standard']);
    expect(plan.measurements.map((m) => `${m.id} ${m.unit.text}`)).toEqual(['low_income_standard 元/人·月', 'special_hardship_standard 元/人·月', 'per_capita_consumption 元/人·年']);
  });
});

describe('suzhou: the example mid-term file, by hand', () => {
  const r = runCli(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--format', 'json']);
  const out = JSON.parse(r.stdout) as { results: { id: string; status: string; expected: { value?: string } | null; actual: { value: string } | null; margin: string | null }[] };
  const by = Object.fromEntries(out.results.map((x) => [x.id, x]));

  it('exits 1: binding indicators are behind', () => {
    expect(r.status).toBe(1);
  });

  it.each([
    ['county_assistance_center_rate', 'pass', '74'], // 50 + 40 × 3/5; 80 ≥ 74
    ['home_service_elderly_share', 'fail', '19.32'], // 18.3 + 1.7 × 3/5; 19.1 < 19.32 (binding)
    ['home_adaptation_households', 'fail', '31226.8'], // 3067 + 46933 × 3/5; 28,500 < 31226.8
    ['township_elderly_service_center_coverage', 'pass', '100'], // no baseline, 100 already meets 100
    ['township_regional_elderly_center_rate', 'pass', '74'], // 35 + 65 × 3/5; 78 ≥ 74
    ['nursing_bed_share', 'pass', '76.8'], // 75 + 3 × 3/5; 76.9 ≥ 76.8
    ['orphan_allowance_ratio', 'missing', '91.8'], // not in the file
    ['county_minor_protection_compliance', 'pending', '100'], // no baseline, 90 < 100, 2025 not due
    ['mental_rehab_station_compliance', 'pass', '100'], // written in full-width digits
    ['community_governance_pilot_coverage', 'pass', '78'], // 60 + 30 × 3/5
    ['community_consultation_rate', 'fail', '98'], // 95 + 5 × 3/5; 97 < 98 (binding)
    ['community_facility_area_compliance', 'pass', '88.04'], // 85.1 + 4.9 × 3/5
    ['elderly_friendly_communities', 'pending', '1000'],
    ['township_social_org_incubation_coverage', 'pass', '87.4'], // 76 + 19 × 3/5
    ['rated_social_org_coverage', 'fail', '46.68'], // 26.7 + 33.3 × 3/5; 45.2 < 46.68
    ['certified_social_workers', 'pass', '2.16'], // 1.5 + 1.1 × 3/5; 22,000 人 = 2.2 万人
    ['township_social_work_station_coverage', 'pending', '100'],
    ['county_place_name_plan_revision_rate', 'pass', '100'],
    ['township_public_columbarium_coverage', 'missing', '100'],
    ['marriage_cross_province_coverage', 'missing', '100'], // reported as —
    ['night_care_beds_added', 'pass', '2000'], // 专栏2: 每年新增2000户以上; 2350 in 2023
  ])('%s: %s against %s', (id, status, milestone) => {
    expect(by[id]?.status).toBe(status);
    expect(by[id]?.expected?.value).toBe(milestone);
  });

  it('专栏1 rule 1 passes across the month/year units: 1185 元/人·月 ≥ 30% × 45000 元/人·年 = 1125 元/人·月', () => {
    expect(by['low_income_vs_consumption']).toMatchObject({ status: 'pass', margin: '60' });
  });

  it('专栏1 rule 2 fails: 1600 < 1.4 × 1185 = 1659, short by 59 元/人·月', () => {
    expect(by['special_hardship_vs_low_income']).toMatchObject({ status: 'fail', margin: '-59' });
  });
});
