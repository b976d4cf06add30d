/**
 * Time and place: every case the monthly gate once got wrong (issue 17), as
 * a bureau cuts its submissions, with the verdict a careful analyst gives.
 * Periods are spans of time, regions are identities: a quarter's last month
 * is the quarter, a flow's months, quarters and year-to-date totals are one
 * set of facts, and 苏州市, 苏州, 320500 and 江苏省苏州市 are one city.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import type { CheckResult } from '../../src/evaluate/result.js';
import { evaluate, type RunReport } from '../../src/index.js';
import { DataError } from '../../src/errors.js';
import { passingValue } from '../helpers/fill-template.js';
import { bundled } from '../helpers/plans.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-time-place-'));
let n = 0;
function file(csv: string, name = `d${n++}.csv`): string {
  const f = join(dir, name);
  writeFileSync(f, `${csv.trim()}\n`);
  return f;
}

const HEAD = 'region,period,indicator,value,unit';

async function run(plans: string[], csvs: string[], options: { period?: string; year?: number; requireComplete?: boolean } = {}): Promise<RunReport> {
  return evaluate({ plans, data: csvs.map((c) => file(c)), policy: DEFAULT_POLICY, ...options });
}

function result(r: RunReport, id: string, plan = 0): CheckResult {
  const x = r.reports[plan]?.evaluation.results.find((c) => c.id === id);
  if (!x) throw new Error(`no result ${id}`);
  return x;
}

const owed = (r: RunReport, plan = 0): string[] => (r.reports[plan]?.evaluation.owed ?? []).map((o) => `${o.id} ${o.period}`);

async function refused(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DataError) return e.diagnostics.map((d) => `${d.code} ${d.message}`);
    throw e;
  }
  throw new Error('not refused');
}

describe('a period is a span: what a bureau reports covers what is due', () => {
  it('a quarterly stock reported as the quarter’s last month is the quarter: its real verdict, nothing owed', async () => {
    const r = await run(['suzhou'], [`${HEAD}\n苏州市,2024-06,护理型床位占养老机构床位比例,77.0,%`], { period: '2024-06', requireComplete: true });
    // 75 (2020) → 78 (2025): the path at June 2024 is 77.1; 77.0 is behind it, and the indicator is binding
    expect(result(r, 'nursing_bed_share')).toMatchObject({ status: 'fail', code: 'BEHIND_MILESTONE', attribute: 'binding', actual: { value: '77', period: '2024-06' } });
    expect(owed(r)).not.toContain('nursing_bed_share 2024-Q2');
  });

  it('a monthly stock reported as the quarter covers the month', async () => {
    const r = await run(['suzhou'], [`${HEAD}\n苏州市,2024-Q2,低保标准,1210,元/人·月\n苏州市,2024-06,特困人员基本生活标准,1700,元/人·月`], { period: '2024-06', requireComplete: true });
    expect(owed(r).filter((o) => o.startsWith('low_income_standard'))).toEqual([]);
    expect(result(r, 'special_hardship_vs_low_income').status).toBe('pass');
  });

  it('a yearly indicator reported as December is the year', async () => {
    const r = await run(['suzhou'], [`${HEAD}\n苏州市,2024-12,护理型床位占养老机构床位比例,77.8,%`], { year: 2024, requireComplete: true });
    expect(result(r, 'nursing_bed_share')).toMatchObject({ status: 'pass', actual: { period: '2024-12' } });
    expect(owed(r)).not.toContain('nursing_bed_share 2024-Q4');
  });

  it('a quarterly flow reported as six monthly rows is complete', async () => {
    const months = [1, 2, 3, 4, 5, 6].map((m) => `太仓市,2024-0${m},家庭适老化改造户数,320,户`).join('\n');
    const r = await run(['taicang'], [`${HEAD}\n${months}`], { period: '2024-06', requireComplete: true });
    expect(result(r, 'home_adaptation_households')).toMatchObject({ status: 'pass', actual: { value: '1920', period: '2024-01/2024-06' } });
    expect(owed(r).filter((o) => o.startsWith('home_adaptation'))).toEqual([]);
  });

  it('a monthly flow reported as Q1 and Q2 is complete', async () => {
    const r = await run(['suzhou'], [`${HEAD}\n苏州市,2024-Q1,家庭养老夜间照料服务床位年新增数,500,户\n苏州市,2024-Q2,家庭养老夜间照料服务床位年新增数,520,户`], { period: '2024-06', requireComplete: true });
    expect(result(r, 'night_care_beds_added')).toMatchObject({ status: 'pass', actual: { value: '1020', period: '2024-01/2024-06' }, expected: { value: '1000', share: '6/12' } });
    expect(owed(r).filter((o) => o.startsWith('night_care'))).toEqual([]);
  });

  it.each([
    ['twelve months', Array.from({ length: 12 }, (_, i) => [`2024-${String(i + 1).padStart(2, '0')}`, '2'])],
    ['four quarters', [1, 2, 3, 4].map((q) => [`2024-Q${q}`, '6'])],
    ['a year-to-date total and the fourth quarter', [['2024年1-9月', '18'], ['2024-Q4', '6']]],
  ])('a yearly flow reported as %s is the year', async (_name, rows) => {
    const csv = rows.map(([p, v]) => `宿迁市,${p},社区综合服务中心改造提升和新建项目数,${v},个`).join('\n');
    const r = await run(['suqian'], [`${HEAD}\n${csv}`], { year: 2024, requireComplete: true });
    expect(result(r, 'community_service_centre_projects')).toMatchObject({ status: 'pass', actual: { value: '24', period: '2024' } });
    expect(owed(r).filter((o) => o.startsWith('community_service_centre_projects'))).toEqual([]);
  });
});

describe('a flow’s milestone mid-year is the pro-rated annual amount', () => {
  it('太仓 家庭适老化改造户数 at 950 a quarter passes at June as at the year’s end', async () => {
    const q = (quarters: number[]) => quarters.map((x) => `太仓市,2024-Q${x},家庭适老化改造户数,950,户`).join('\n');
    const june = await run(['taicang'], [`${HEAD}\n${q([1, 2])}`], { period: '2024-06' });
    // the 2024 point of the path 250 (2020) → 4500 (2025) is 3650; by June, 6/12 of it: 1825
    expect(result(june, 'home_adaptation_households')).toMatchObject({ status: 'pass', code: 'MILESTONE_MET', actual: { value: '1900' }, expected: { basis: 'pro_rata', value: '1825', share: '6/12', annual: { basis: 'linear', value: '3650' } } });
    const year = await run(['taicang'], [`${HEAD}\n${q([1, 2, 3, 4])}`], { year: 2024 });
    expect(result(year, 'home_adaptation_households')).toMatchObject({ status: 'pass', actual: { value: '3800' }, expected: { value: '3650' } });
  });
});

describe('year-to-date columns keep their meaning', () => {
  const wide = (cols: string[], values: string[]) => `指标,单位,${cols.join(',')}\n家庭养老夜间照料服务床位年新增数,户,${values.join(',')}`;

  it('a wide 2024年1-6月 of 900 beside January–May rows of 100 is a year to date of 900, never 1400', async () => {
    const r = await run(['suzhou'], [wide(['2024年1月', '2024年2月', '2024年3月', '2024年4月', '2024年5月', '2024年1-6月'], ['100', '100', '100', '100', '100', '900'])], { period: '2024-06' });
    expect(result(r, 'night_care_beds_added')).toMatchObject({ status: 'fail', actual: { value: '900', period: '2024-01/2024-06' } });
  });

  it('1-3月 of 200 and 1-6月 of 450: the year to date is 450, never 650', async () => {
    const r = await run(['suzhou'], [wide(['2024年1-3月', '2024年1-6月'], ['200', '450'])], { period: '2024-06' });
    expect(result(r, 'night_care_beds_added')).toMatchObject({ status: 'fail', actual: { value: '450' } });
  });

  it('a 2024年1-6月 of 1200 alone is complete (no January–May owed)', async () => {
    const r = await run(['suzhou'], [wide(['2024年1-6月'], ['1200'])], { period: '2024-06', requireComplete: true });
    expect(result(r, 'night_care_beds_added')).toMatchObject({ status: 'pass', actual: { value: '1200' } });
    expect(owed(r).filter((o) => o.startsWith('night_care'))).toEqual([]);
  });

  it('a year-to-date total that contradicts its months is a conflict naming them', async () => {
    const rows = [1, 2, 3, 4, 5, 6].map((m) => `家庭养老夜间照料服务床位年新增数,2024-0${m},100,户`).join('\n');
    const errors = await refused(run(['suzhou'], [`indicator,period,value,unit\n${rows}\n家庭养老夜间照料服务床位年新增数,2024年1-6月,900,户`], { period: '2024-06' }));
    expect(errors).toEqual([expect.stringMatching(/^CONFLICT 家庭养老夜间照料服务床位年新增数 2024-01\/2024-06 is "900" here but 2024-01 "100" .* \(together 600 户\): the same amount reported twice/)]);
  });
});

describe('no data for the moment is never OK', () => {
  it('--period 2024-06 on a file with only yearly rows fails, in every output', () => {
    const f = file(`${HEAD}\n苏州市,2024,护理型床位占养老机构床位比例,77.5,%\n苏州市,2023,全体居民人均消费支出,47500,元/人·年\n苏州市,2024,低保标准,1210,元/人·月`);
    const table = runCli(['evaluate', '--plan', 'suzhou', f, '--period', '2024-06', '--lang', 'en']);
    expect(table.status).toBe(1);
    expect(table.stdout).not.toContain('Result: OK');
    expect(table.stdout).toContain('no check found any data for 2024-06');
    const junit = runCli(['evaluate', '--plan', 'suzhou', f, '--period', '2024-06', '--format', 'junit']);
    expect(junit.stdout).toMatch(/<failure[^>]*type="NO_DATA"/);
    const sarif = JSON.parse(runCli(['evaluate', '--plan', 'suzhou', f, '--period', '2024-06', '--format', 'sarif', '--repo-root', dir]).stdout) as { runs: { results: { ruleId: string; level: string }[] }[] };
    expect(sarif.runs[0]?.results).toContainEqual(expect.objectContaining({ ruleId: 'NO_DATA', level: 'error' }));
    const json = JSON.parse(runCli(['evaluate', '--plan', 'suzhou', f, '--period', '2024-06', '--format', 'json']).stdout) as { run_failures: { code: string }[]; summary: { failing: number } };
    expect(json.run_failures.map((x) => x.code)).toEqual(['NO_DATA']);
    expect(json.summary.failing).toBe(1);
  });
});

describe('a region is an identity', () => {
  it.each([
    ['苏州市 and 320500', '320500'],
    ['苏州市 and 苏州', '苏州'],
    ['苏州市 and 江苏省苏州市', '江苏省苏州市'],
    ['苏州市 and 320500000000', '320500000000'],
  ])('%s, a year and its December that disagree: a conflict', async (_name, other) => {
    const errors = await refused(run(['suzhou'], [`${HEAD}\n苏州市,2024,护理型床位占养老机构床位比例,77.5,%\n${other},2024-12,护理型床位占养老机构床位比例,76.0,%`], { year: 2024 }));
    expect(errors).toEqual([expect.stringMatching(/^CONFLICT 护理型床位占养老机构床位比例 2024 is "77.5" here but 2024-12 "76.0"/)]);
  });

  it('苏州市 and 苏州, a quarter and its last month that disagree: a conflict', async () => {
    const errors = await refused(run(['suzhou'], [`${HEAD}\n苏州市,2024-Q2,护理型床位占养老机构床位比例,77.5,%\n苏州 ,2024-06,护理型床位占养老机构床位比例,76.0,%`], { period: '2024-06' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^CONFLICT/);
  });

  it('江苏省苏州市, full-width and trailing spaces name 苏州; 苏州市吴中区 and 江苏省苏州市太仓市 do not', async () => {
    const r = await run(['suzhou'], [`${HEAD}\n江苏省苏州市,2024-Q2,护理型床位占养老机构床位比例,77.5,%\n３２０５００\u3000,2024-06,低保标准,1210,元/人·月\n苏州市吴中区,2024-06,低保标准,1300,元/人·月\n江苏省苏州市太仓市,2024-06,低保标准,1400,元/人·月`], { period: '2024-06' });
    expect(result(r, 'nursing_bed_share').actual?.value).toBe('77.5');
    expect(r.unrouted.map((u) => `${u.region} ${u.rows}`)).toEqual(['苏州市吴中区 1', '江苏省苏州市太仓市 1']);
  });

  it('one file for two cities, by prefixed names: each row goes to its city', async () => {
    const r = await run(['suzhou', 'taicang'], [`${HEAD}\n江苏省苏州市,2024-Q2,护理型床位占养老机构床位比例,77.5,%\n江苏省苏州市太仓市,2024-Q2,养老护理人员持证上岗率,95,%`], { period: '2024-06' });
    expect(result(r, 'nursing_bed_share', 0).actual?.value).toBe('77.5');
    expect(result(r, 'care_worker_certified_rate', 1).actual?.value).toBe('95');
    expect(r.unrouted).toEqual([]);
  });

  it('a file whose rows are all for other regions says which regions they were for', async () => {
    const errors = await refused(run(['suzhou'], [`${HEAD}\n无锡市,2024-06,低保标准,1210,元/人·月\n无锡市,2024-06,特困人员基本生活标准,1700,元/人·月`], { period: '2024-06' }));
    expect(errors).toEqual([expect.stringMatching(/^NO_MEASUREMENTS none of the 2 rows is for plan suzhou \(苏州市\): 2 are for other regions, set aside: "无锡市" \(2\)/)]);
  });
});

describe('equal within precision, everywhere', () => {
  it('2.2 万人 in one file and 22013 人 in another, for one period, are one fact; the finer is read', async () => {
    const r = await run(['suzhou'], ['indicator,period,value\n持证社会工作专业人才数,2024,2.2万人', 'indicator,period,value,unit\n持证社会工作专业人才数,2024,22013,人'], { year: 2024 });
    const x = r.reports[0]?.evaluation.results.find((c) => c.subject === 'social_workers' || c.name.startsWith('持证社会工作专业人才'));
    expect(x?.inputs.map((i) => i.value)).toEqual(['22013']);
  });

  it('76.9 and 76.94 agree; 76.9 and 77.0 do not', async () => {
    const ok = await run(['suzhou'], ['indicator,period,value\n护理型床位占比,2024-Q2,76.9', 'indicator,period,value\n护理型床位占比,2024-Q2,76.94'], { period: '2024-06' });
    expect(result(ok, 'nursing_bed_share').actual?.value).toBe('76.94');
    const errors = await refused(run(['suzhou'], ['indicator,period,value\n护理型床位占比,2024-Q2,76.9', 'indicator,period,value\n护理型床位占比,2024-Q2,77.0'], { period: '2024-06' }));
    expect(errors).toEqual([expect.stringMatching(/^CONFLICT 护理型床位占养老机构床位比例 2024-Q2 is "77.0" here but "76.9"/)]);
  });
});

describe('the template asks for exactly what the gate owes', () => {
  it.each(['2024-06', '2024-Q2', '2024-05', '2024'])('suzhou --period %s: the template filled in passes --require complete', async (period) => {
    const plan = await bundled('suzhou');
    const t = runCli(['template', 'suzhou', '--period', period]);
    expect(t.status).toBe(0);
    const rows = Papa.parse<string[]>(t.stdout.replace(/^\uFEFF/, '').trim()).data;
    const filled = rows.map((row, i) => (i === 0 ? row : [row[0] as string, row[1] as string, passingValue(plan, row[0] as string, row[1] as string), ...row.slice(3)]));
    const r = await evaluate({ plans: ['suzhou'], data: [file(Papa.unparse(filled))], period, policy: DEFAULT_POLICY, requireComplete: true });
    const ev = r.reports[0]?.evaluation;
    expect(ev?.owed).toEqual([]);
    expect(ev?.results.filter((x) => x.status === 'missing' || x.status === 'fail' || x.status === 'error').map((x) => `${x.id} ${x.code}`)).toEqual([]);
    expect(r.failing).toBe(0);
  });
});
