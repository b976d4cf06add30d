/**
 * The wrong readings an independent reading of the plans found (issue 10),
 * each entered as a user would: the row's printed name, its printed unit,
 * or none — and the verdict the source document implies.
 */
import { describe, expect, it } from 'vitest';
import { csvFile, evaluateCsv, evaluateCsvCli } from '../helpers/evaluate-csv.js';
import { runCli } from '../helpers/run-cli.js';

describe('中山 特困人员照料护理标准: the printed row feeds the minimum-wage rule', () => {
  const wage = '最低工资标准,2024,2300,元/月';

  it('a bare 2200 under the printed name is an amount in 元/月 (never 2200%), and 2200 < 100% × 2300 fails', async () => {
    const r = await evaluateCsv('zhongshan', 2024, `indicator,period,value,unit\n特困人员照料护理标准（全护理）,2024,2200,\n${wage}`);
    expect(r.status('care_full_care_vs_minimum_wage')).toBe('fail');
  });

  it('the same amount with its printed unit 元/月 fails too, and one at the minimum wage passes', async () => {
    const low = await evaluateCsv('zhongshan', 2024, `indicator,period,value,unit\n特困人员照料护理标准（全护理（失能））,2024,2200,元/月\n${wage}`);
    expect(low.status('care_full_care_vs_minimum_wage')).toBe('fail');
    const ok = await evaluateCsv('zhongshan', 2024, `indicator,period,value,unit\n全护理（失能）,2024,2300,元/月\n${wage}`);
    expect(ok.status('care_full_care_vs_minimum_wage')).toBe('pass');
  });

  it('a percentage is the share: 95% fails the 2025 target of 100%, 100% passes', async () => {
    const low = await evaluateCsv('zhongshan', 2025, 'indicator,period,value,unit\n特困人员照料护理标准（全护理）,2025,95%,');
    expect(low.status('care_standard_ratio_full_care')).toBe('fail');
    const ok = await evaluateCsv('zhongshan', 2025, 'indicator,period,value,unit\n特困人员照料护理标准（全护理）,2025,100,%');
    expect(ok.status('care_standard_ratio_full_care')).toBe('pass');
  });

  it('a bare number in the share range is a percentage: 55 for 半自理（半失能） fails 60%', async () => {
    const r = await evaluateCsv('zhongshan', 2025, 'indicator,period,value\n半自理（半失能）,2025,55');
    expect(r.status('care_standard_ratio_semi_self_care')).toBe('fail');
  });

  it('a bare 全自理 amount of 100 元 against a 2300 元 wage fails its 5% (115 元)', async () => {
    const r = await evaluateCsv('zhongshan', 2024, `indicator,period,value,unit\n特困人员照料护理标准（全自理）,2024,100,\n${wage}`);
    expect(r.status('care_full_self_care_vs_minimum_wage')).toBe('fail');
  });

  it('a bare number that could be either is an input error naming the row and asking for the unit (exit 2)', () => {
    const r = evaluateCsvCli('zhongshan', 2024, 'indicator,period,value\n特困人员照料护理标准（全护理）,2024,300', 'care.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('care.csv:2');
    expect(r.stderr).toMatch(/could be a share .* or an amount .*: write the unit, % or 元\/月/);
  });
});

describe('中山 growth rows entered as printed are compared (rows 1 and 9)', () => {
  it('城乡低保标准年度增速（城镇） 0% against last year\'s real income growth of 5% fails; 6% passes', async () => {
    const csv = (g: string): string => `indicator,period,value,unit\n城乡低保标准年度增速（城镇）,2024,${g},%\n居民人均可支配收入实际增速,2023,5,%`;
    expect((await evaluateCsv('zhongshan', 2024, csv('0'))).status('low_income_urban_growth_rate_vs_income')).toBe('fail');
    expect((await evaluateCsv('zhongshan', 2024, csv('6'))).status('low_income_urban_growth_rate_vs_income')).toBe('pass');
  });

  it('农村 too', async () => {
    const r = await evaluateCsv('zhongshan', 2024, 'indicator,period,value\n城乡低保标准年度增速（农村）,2024,0%\n居民人均可支配收入实际增速,2023,5%');
    expect(r.status('low_income_rural_growth_rate_vs_income')).toBe('fail');
  });

  it('孤儿…增长幅度 0% while the 低保标准 grew 1150 → 1200 (4.3%) fails, for 集中养育 and 分散供养', async () => {
    const r = await evaluateCsv('zhongshan', 2024, 'indicator,period,value,unit\n孤儿基本生活最低养育标准增长幅度（集中养育）,2024,0,%\n孤儿基本生活最低养育标准增长幅度（分散供养）,2024,5,%\n低保标准,2023,1150,元/人·月\n低保标准,2024,1200,元/人·月');
    expect(r.status('orphan_centralised_growth_rate_follows_low_income')).toBe('fail');
    expect(r.status('orphan_dispersed_growth_rate_follows_low_income')).toBe('pass');
  });
});

describe('中山 低保标准 has its 2020 baseline (1100 元/月), so 2021 is checked on the path to 1150 in 2022', () => {
  it('1000 in 2021 fails, 1130 passes', async () => {
    expect((await evaluateCsv('zhongshan', 2021, 'indicator,period,value,unit\n低保标准,2021,1000,元/人·月')).status('low_income_standard')).toBe('fail');
    expect((await evaluateCsv('zhongshan', 2021, 'indicator,period,value,unit\n低保标准,2021,1130,元/人·月')).status('low_income_standard')).toBe('pass');
  });
});

describe('楚雄 row 19: 专栏2\'s 2022 milestone is a target', () => {
  it('县级失能照护机构覆盖率 80% in 2022 fails, 100% passes', async () => {
    expect((await evaluateCsv('chuxiong', 2022, 'indicator,period,value\n县级失能照护机构覆盖率,2022,80%')).status('county_disability_care_institution_coverage')).toBe('fail');
    expect((await evaluateCsv('chuxiong', 2022, 'indicator,period,value\n县级失能照护机构覆盖率,2022,100%')).status('county_disability_care_institution_coverage')).toBe('pass');
  });
});

describe('宿迁 十三五 表1 row 6: the printed name is the 农村 half', () => {
  it('农村和谐社区建设达标率 97.1 in 2020 meets 农村\'s 95 (圆满完成), and 城市和谐社区建设达标率 99 meets 98', async () => {
    const r = await evaluateCsv('suqian-13th', 2020, 'indicator,period,value,unit\n农村和谐社区建设达标率,2020,97.1,%\n城市和谐社区建设达标率,2020,99,%');
    expect(r.status('harmonious_community_compliance_rural')).toBe('pass');
    expect(r.status('harmonious_community_compliance_urban')).toBe('pass');
  });
});

describe('printed names and units a CSV may use', () => {
  it('太仓 附件2 row 4 under its printed name carries 村、居 in order: 10、14 passes 村 (10) and fails 居 (15)', async () => {
    const r = await evaluateCsv('taicang', 2025, 'indicator,period,value\n村（居）社区社会组织平均数量,2025,"10、14"');
    expect(r.status('community_social_orgs_per_village')).toBe('pass');
    expect(r.status('community_social_orgs_per_neighbourhood')).toBe('fail');
  });

  it('太仓 row 4 with one value under the printed name is an input error, not a guess (exit 2)', () => {
    const r = evaluateCsvCli('taicang', 2025, 'indicator,period,value\n村（居）社区社会组织平均数量,2025,10', 'row4.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/row4\.csv:2: error: "村（居）社区社会组织平均数量" is printed as 2 values/);
  });

  it('中山 rows 15 and 16 in their printed units 平方米 and 人', async () => {
    const r = await evaluateCsv('zhongshan', 2025, 'indicator,period,value,unit\n每百户居民拥有的城乡社区综合服务设施建筑面积,2025,31,平方米\n每万名城镇常住人口拥有社区工作者,2025,18,人');
    expect(r.status('community_facility_area_per_100_households')).toBe('fail');
    expect(r.status('community_workers_per_10k')).toBe('pass');
  });

  it('中山 半自理（半失能） and 全护理（失能） as printed', async () => {
    const r = await evaluateCsv('zhongshan', 2025, 'indicator,period,value,unit\n半自理（半失能）,2025,60,%\n全护理（失能）,2025,90,%');
    expect(r.status('care_standard_ratio_semi_self_care')).toBe('pass');
    expect(r.status('care_standard_ratio_full_care')).toBe('fail');
  });

  it('宿迁 …接送返回率 (the name the damaged row lost a character of)', async () => {
    const r = await evaluateCsv('suqian', 2025, 'indicator,period,value,unit\n查明身份信息流浪乞讨受助人员接送返回率,2025,98,%');
    expect(r.status('vagrant_return_rate')).toBe('fail');
  });
});

describe('contradictions: the reading chosen', () => {
  it('苏州 孤儿 standards: 96% in 2025 meets the table (95以上) and fails the body\'s 统一标准 (100)', async () => {
    const r = await evaluateCsv('suzhou', 2025, 'indicator,period,value\n社会散居与儿童福利机构孤儿基本生活费补贴标准比例,2025,96%');
    expect(r.status('orphan_allowance_ratio')).toBe('pass');
    expect(r.status('orphan_allowance_unified')).toBe('fail');
  });

  it('太仓 家庭适老化改造户数 is the year\'s households: four quarters of 1200 make 4800 ≥ 4500', async () => {
    const r = await evaluateCsv('taicang', 2025, 'indicator,period,value\n家庭适老化改造户数,2025-Q1,1200\n家庭适老化改造户数,2025-Q2,1200\n家庭适老化改造户数,2025-Q3,1200\n家庭适老化改造户数,2025-Q4,1200');
    expect(r.status('home_adaptation_households')).toBe('pass');
  });
});

describe('yes/no indicators answered in a bureau\'s words (issue 23, item 5)', () => {
  it('宿迁: 已上线 and 已建成 read as 是, 未建成 as 否', async () => {
    const r = await evaluateCsv('suqian', 2025, 'indicator,period,value\n“智慧农村社区”综合信息平台建成,2025,已上线\n市救助管理站建成国家二级站,2025,已建成\n市社会福利中心续建工程完成,2025,未完成');
    expect(r.status('smart_rural_community_platform_built')).toBe('pass');
    expect(r.status('rescue_station_national_grade_two')).toBe('pass');
    expect(r.status('welfare_centre_extension_completed')).toBe('fail');
  });

  it('中山: 已建成 passes the 2025 project, 建成 in 2024 is early (pass), 未建成 in 2024 is not yet due', async () => {
    expect((await evaluateCsv('zhongshan', 2025, 'indicator,period,value\n多功能救助管理机构建成,2025,已建成')).status('multi_function_rescue_institution_built')).toBe('pass');
    expect((await evaluateCsv('zhongshan', 2024, 'indicator,period,value\n多功能救助管理机构建成,2024,建成')).status('multi_function_rescue_institution_built')).toBe('pass');
    expect((await evaluateCsv('zhongshan', 2024, 'indicator,period,value\n多功能救助管理机构建成,2024,未建成')).status('multi_function_rescue_institution_built')).toBe('pending');
  });

  it('a word outside the vocabulary is an input error at its line that asks for 是 or 否 (exit 2), in both languages', () => {
    const r = evaluateCsvCli('suqian', 2025, 'indicator,period,value\n市救助管理站建成国家二级站,2025,正在建设', 'yesno.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/yesno\.csv:2: error: 市救助管理站建成国家二级站 is a yes\/no indicator: write 是 or 否 .*not "正在建设"/);
    expect(r.stderr).not.toMatch(/not a number/);
    const zh = runCli(['evaluate', '--plan', 'suqian', '--year', '2025', '--lang', 'zh', csvFile('indicator,period,value\n市救助管理站建成国家二级站,2025,正在建设', 'yesno-zh.csv')]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/yesno-zh\.csv:2: 错误: 市救助管理站建成国家二级站是“是\/否”指标：请填写“是”或“否”.*而不是“正在建设”/);
  });
});

describe('苏州 专栏1: 特困救助供养 for minors from 16 to 18 周岁 is a policy switch, not a path (issue 23)', () => {
  it('a city that has not switched by 2023 is pending (no 17.2 to fall behind); one that has passes; 否 in 2025 fails', async () => {
    const row = (year: number, v: string): string => `指标,年份,数值\n特困人员救助供养覆盖的未成年人年龄延长至18周岁,${year},${v}`;
    expect((await evaluateCsv('suzhou', 2023, row(2023, '否'))).status('hardship_minor_age_extended_to_18')).toBe('pending');
    expect((await evaluateCsv('suzhou', 2023, row(2023, '已实现'))).status('hardship_minor_age_extended_to_18')).toBe('pass');
    expect((await evaluateCsv('suzhou', 2025, row(2025, '否'))).status('hardship_minor_age_extended_to_18')).toBe('fail');
  });

  it('the age itself under the old name is refused with a request for 是 or 否, never read as a path value', () => {
    const r = evaluateCsvCli('suzhou', 2023, '指标,年份,数值,单位\n特困人员救助供养覆盖的未成年人年龄上限,2023,17,周岁', 'age.csv');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/age\.csv:2: error: 特困人员救助供养覆盖的未成年人年龄延长至18周岁 is a yes\/no indicator: write 是 or 否/);
  });
});

describe('苏州 专栏2 岗前培训率 / 持证上岗率 start from 表1\'s 2020 values (100, 90.7), so the mid-term is checked (issue 23)', () => {
  it('持证上岗率 91.5% in 2023 is behind the path from 90.7 to 93 (92.08); 92.1% is on it', async () => {
    expect((await evaluateCsv('suzhou', 2023, '指标,年份,数值\n养老护理人员持证上岗率,2023,91.5%')).status('care_worker_certified_rate')).toBe('fail');
    expect((await evaluateCsv('suzhou', 2023, '指标,年份,数值\n养老护理人员持证上岗率,2023,92.1%')).status('care_worker_certified_rate')).toBe('pass');
  });

  it('岗前培训率 must hold at 100: 98% in 2022 fails', async () => {
    expect((await evaluateCsv('suzhou', 2022, '指标,年份,数值\n养老护理人员岗前培训率,2022,98%')).status('care_worker_pre_job_training_rate')).toBe('fail');
  });
});

describe('中山 专栏1 row 5: the floor printed for 2020 holds every year (issue 23)', () => {
  it('4% / 30% / 60% of the minimum wage in 2021 fail their 5% / 60% / 100% floors (they were pending); the floors met pass', async () => {
    const low = await evaluateCsv('zhongshan', 2021, '指标,年份,数值\n特困人员照料护理标准（全自理）,2021,4%\n半自理（半失能）,2021,30%\n全护理（失能）,2021,60%');
    expect(['care_standard_ratio_full_self_care', 'care_standard_ratio_semi_self_care', 'care_standard_ratio_full_care'].map((id) => low.status(id))).toEqual(['fail', 'fail', 'fail']);
    expect(low.results.get('care_standard_ratio_full_care')?.expected).toMatchObject({ basis: 'floor', value: '100', from: { year: 2020 } });
    const ok = await evaluateCsv('zhongshan', 2022, '指标,年份,数值\n特困人员照料护理标准（全自理）,2022,5%\n半自理（半失能）,2022,60%\n全护理（失能）,2022,100%');
    expect(['care_standard_ratio_full_self_care', 'care_standard_ratio_semi_self_care', 'care_standard_ratio_full_care'].map((id) => ok.status(id))).toEqual(['pass', 'pass', 'pass']);
  });

  it('the report shows the baseline as the bound it is (不低于5), and a 2023 value below it as moving away', () => {
    const r = runCli(['report', '--plan', 'zhongshan', '--lang', 'zh', csvFile('指标,年份,数值\n特困人员照料护理标准（全自理）,2023,4%', 'floor.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\| 特困人员照料护理标准（全自理） \| 约束性 \| % \| 不低于5 \| 4 \| 不低于5 \| — \| 逆向 \|/);
  });

  it('2024 too: 95% for 全护理 fails', async () => {
    expect((await evaluateCsv('zhongshan', 2024, '指标,年份,数值\n全护理（失能）,2024,95%')).status('care_standard_ratio_full_care')).toBe('fail');
  });
});

describe('中山 专栏1 row 8: the running total of trainings starts at 0 in 2020, so 2021–2022 are checked (issue 23)', () => {
  it('2021: 1500 人次 is behind 0.2 万; 2000 meets it; the printed 2020 value is shown as a reference', async () => {
    const behind = await evaluateCsv('zhongshan', 2021, '指标,年份,数值,单位\n养老服务人员培训数量,2021,1500,人次');
    expect(behind.status('elderly_care_worker_training')).toBe('fail');
    expect(behind.results.get('elderly_care_worker_training')?.references?.map((r) => r.value)).toEqual(['0.3215', '20']);
    expect((await evaluateCsv('zhongshan', 2021, '指标,年份,数值,单位\n养老服务人员培训数量,2021,2000,人次')).status('elderly_care_worker_training')).toBe('pass');
  });
});

describe('中山 三、（一）2.二: 16 → 18 周岁 is encoded as 苏州 encodes it, a policy switch by 2025 (issue 23)', () => {
  it('否 in 2023 is pending, 是 passes, 否 in 2025 fails', async () => {
    const row = (year: number, v: string): string => `指标,年份,数值\n特困救助供养覆盖的未成年人年龄延长至18周岁,${year},${v}`;
    expect((await evaluateCsv('zhongshan', 2023, row(2023, '否'))).status('hardship_minor_age_extended_to_18')).toBe('pending');
    expect((await evaluateCsv('zhongshan', 2023, row(2023, '是'))).status('hardship_minor_age_extended_to_18')).toBe('pass');
    expect((await evaluateCsv('zhongshan', 2025, row(2025, '未实现'))).status('hardship_minor_age_extended_to_18')).toBe('fail');
  });
});

describe('楚雄 表2, the readings an audit questioned (issue 23)', () => {
  it('row 16 starts from 表1\'s 26.4% (2020): 40% in 2023 fails the binding path (43.56%), 44% passes — it was pending', async () => {
    expect((await evaluateCsv('chuxiong', 2023, '指标,年份,数值\n养老机构护理型床位占比,2023,40%')).status('nursing_bed_share')).toBe('fail');
    expect((await evaluateCsv('chuxiong', 2023, '指标,年份,数值\n养老机构护理型床位占比,2023,44%')).status('nursing_bed_share')).toBe('pass');
  });

  it('row 3: the ratio holds at 1.3 every year (the table), whatever path the body\'s 732/610 = 1.2 would suggest: 1.25 in 2021 fails', async () => {
    expect((await evaluateCsv('chuxiong', 2021, '指标,年份,数值\n特困人员基本生活标准与城市最低生活保障标准比率,2021,1.25倍')).status('special_hardship_to_urban_low_income_ratio')).toBe('fail');
    // the rule from the two standards agrees: 780 < 1.3 × 624
    const rule = await evaluateCsv('chuxiong', 2021, '指标,年份,数值,单位\n特困人员基本生活标准,2021,780,元/人·月\n城市低保标准,2021,624,元/人·月');
    expect(rule.status('special_hardship_vs_urban_low_income')).toBe('fail');
  });

  it('row 2 follows the table\'s 60% and its 4.56% a year (68.59% in 2023), not the body\'s 57.4%: 68% fails', async () => {
    expect((await evaluateCsv('chuxiong', 2023, '指标,年份,数值\n农村低保标准占城市最低生活保障标准比率,2023,68%')).status('rural_urban_low_income_ratio')).toBe('fail');
  });

  it('row 5 in its printed unit 平方米 is read per hundred households (it was refused): 31 passes ＞30 in 2025', async () => {
    expect((await evaluateCsv('chuxiong', 2025, '指标,年份,数值,单位\n每百户居民拥有的城乡社区综合服务设施面积,2025,31,平方米')).status('community_facility_area_per_100_households')).toBe('pass');
    // the printed unit in the value cell, and in brackets after the name, is read the same way
    expect((await evaluateCsv('chuxiong', 2025, '指标,年份,数值\n每百户居民拥有的城乡社区综合服务设施面积,2025,30平方米')).status('community_facility_area_per_100_households')).toBe('fail');
    expect((await evaluateCsv('chuxiong', 2025, '指标,年份,数值\n每百户居民拥有的城乡社区综合服务设施面积（平方米）,2025,31')).status('community_facility_area_per_100_households')).toBe('pass');
  });

  it('row 1: a reported 城乡低保标准年度增速 is checked against last year\'s consumption growth (it was never read)', async () => {
    const csv = (g: string): string => `指标,年份,数值,单位\n城乡低保标准年度增速,2024,${g},%\n全体居民人均消费支出,2022,20000,元/人·年\n全体居民人均消费支出,2023,21000,元/人·年`;
    expect((await evaluateCsv('chuxiong', 2024, csv('4'))).status('low_income_growth_rate_vs_consumption')).toBe('fail');
    expect((await evaluateCsv('chuxiong', 2024, csv('5.5'))).status('low_income_growth_rate_vs_consumption')).toBe('pass');
  });

  it('row 19: 2021 is pending (no 2020 value, so no path), 2022 is its 100% target', async () => {
    expect((await evaluateCsv('chuxiong', 2021, '指标,年份,数值\n县级失能照护机构覆盖率,2021,60%')).status('county_disability_care_institution_coverage')).toBe('pending');
    expect((await evaluateCsv('chuxiong', 2022, '指标,年份,数值\n县级失能照护机构覆盖率,2022,90%')).status('county_disability_care_institution_coverage')).toBe('fail');
  });

  it('专栏1 item 6 is one institution in every 街道: a 州 with one in 8 of its 10 街道 (80%) fails', async () => {
    const r = await evaluateCsv('chuxiong', 2025, '指标,年份,数值\n建有具备综合功能的社区养老服务机构的街道比例,2025,80%');
    expect(r.status('subdistrict_comprehensive_community_elderly_institution_coverage')).toBe('fail');
  });

  it('the cemetery reference (the body\'s 93.2% beside the table\'s 100% for 2020) is printed beside the verdict', async () => {
    const r = await evaluateCsv('chuxiong', 2025, '指标,年份,数值\n农村公益性公墓（骨灰堂）乡镇覆盖率,2025,100%');
    expect(r.status('rural_public_cemetery_coverage')).toBe('pass');
    expect(r.results.get('rural_public_cemetery_coverage')?.references?.map((x) => `${x.label} ${x.value}`)).toEqual(['表2 2020年基期值 100', '一（五） 全州10县市乡镇公益性公墓覆盖率（现在） 93.2']);
  });
});
