import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLANS = ['--plan', 'tests/fixtures/basic/plan.yaml', '--plan', 'tests/fixtures/two-regions/other.yaml'];
const DATA = 'tests/fixtures/two-regions/monthly.csv';
const GATE = ['evaluate', ...PLANS, DATA, '--period', '2024-06', '--require', 'complete'];

describe('a CI gate over two cities, one monthly file', () => {
  it('routes rows by region, lists what each city owes and rows no plan covers', () => {
    const r = runCli([...GATE, '--format', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { plans: { plan: { id: string }; period: string; owed: { name: string; period: string }[]; results: { id: string; status: string; code: string }[] }[]; unrouted: unknown[]; summary: Record<string, number> };
    expect(out.plans.map((p) => [p.plan.id, p.period])).toEqual([
      ['basic', '2024-06'],
      ['other', '2024-06'],
    ]);
    const other = out.plans[1];
    expect(other?.owed).toEqual([{ id: 'home_repairs', name: '家庭适老化改造户数', unit: '户', period: '2024-04' }]);
    expect(other?.results.map((x) => `${x.id} ${x.status} ${x.code}`)).toEqual(['home_repairs missing INCOMPLETE', 'nursing_bed_share pass MILESTONE_MET', 'volunteer_share pending NOT_DUE']);
    expect(out.unrouted).toEqual([{ region: '第三市', rows: 2, file: DATA, line: 10 }]);
    // 测试市 has only a yearly row, not yet in view in June: no check of its plan found data, which is never OK
    expect(out.summary).toMatchObject({ plans: 2, failing: 2 });
    expect(r.stderr).toContain('monthly.csv:10: warning: 2 rows for 1 region that no plan given covers, set aside: "第三市" (2)');
  });

  it('without --require complete, missing data only warns', () => {
    const other = ['--plan', 'tests/fixtures/two-regions/other.yaml'];
    expect(runCli(['evaluate', ...other, DATA, '--period', '2024-06']).status).toBe(0);
    expect(runCli(['evaluate', ...other, DATA, '--period', '2024-06', '--missing', 'fail']).status).toBe(1);
  });

  it('rows without a region are an error when several plans are given', () => {
    const r = runCli(['evaluate', ...PLANS, 'tests/fixtures/basic/data.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/data.csv:3: error: the row has no region, and 2 plans were given/);
    expect(r.stderr).not.toMatch(/data.csv:2:/); // that row names its region
    expect(r.stderr).toMatch(/data.csv:8: error/);
  });

  it('writes valid JUnit to a file while the terminal gets the table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-'));
    const xml = join(dir, 'out.xml');
    const json = join(dir, 'out.json');
    const r = runCli([...GATE, '--output', `junit:${xml}`, '--output', json, '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Still owed (rows: 1)');
    const text = readFileSync(xml, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(text) as { testsuites: { '@_tests': string; '@_failures': string; testsuite: { '@_name': string; testcase: { '@_name': string; failure?: unknown; skipped?: unknown }[] }[] } };
    // 9 checks, and 测试市's evaluation as a whole: no check found data for June (a yearly row only), which fails
    expect(doc.testsuites['@_tests']).toBe('10');
    expect(doc.testsuites['@_failures']).toBe('2');
    expect(doc.testsuites.testsuite[0]?.testcase.find((c) => c['@_name'].includes('[NO_DATA]'))?.failure).toBeDefined();
    const other = doc.testsuites.testsuite[1];
    expect(other?.testcase.find((c) => c['@_name'].includes('home_repairs'))?.failure).toBeDefined();
    expect(other?.testcase.find((c) => c['@_name'].includes('volunteer_share'))?.skipped).toBeDefined();
    expect((JSON.parse(readFileSync(json, 'utf8')) as { plans: unknown[] }).plans).toHaveLength(2);
  });

  it('GitHub annotations point at the CSV line of the value at fault', () => {
    const r = runCli(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv', '--format', 'github', '--lang', 'en']);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      '::error file=tests/fixtures/basic/data.csv,line=5,title=basic%3A 经营性公墓墓葬比例::actual 38%25 does not meet the 2023 interim target ≤37%25, short by 1 pp',
      '::warning file=tests/fixtures/basic/data.csv,line=8,title=basic%3A 特困人员基本生活标准不低于低保标准的1.4倍::1600 >= 1.4 * 1185: 1600 ≥ 1659 元/人·月, does not hold, short by 59 元/人·月',
    ]);
  });

  it('an absent value is annotated where it is added (the last row of its measurement) and, in the user\'s own plan, where it is declared', () => {
    const r = runCli([...GATE, '--format', 'github', '--lang', 'en']);
    expect(r.stdout).toContain('::error file=tests/fixtures/two-regions/monthly.csv,line=7,title=other%3A 家庭适老化改造户数::due and not reported: 2024-04');
    expect(r.stdout).toContain('::notice file=tests/fixtures/two-regions/other.yaml,line=7,title=other%3A 家庭适老化改造户数::the plan declares it here: due and not reported: 2024-04');
  });

  it('SARIF 2.1.0 with locations', () => {
    const r = runCli([...GATE, '--format', 'sarif']);
    const s = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(s.version).toBe('2.1.0');
    // one run per plan and period
    expect(s.runs.map((x) => (x as unknown as { automationDetails: { id: string } }).automationDetails.id)).toEqual(['plancheck/basic/2024-06/', 'plancheck/other/2024-06/']);
    // 测试市: no check found data for June — the run fails, so code scanning sees it too
    expect(s.runs[0]?.results.map((x) => [x.ruleId, x.level, x.locations[0]?.physicalLocation.region.startLine])).toEqual([['NO_DATA', 'error', 1]]);
    const run = s.runs[1];
    expect(run?.tool.driver.name).toBe('plancheck');
    expect(run?.results).toHaveLength(1);
    expect(run?.results[0]).toMatchObject({ ruleId: 'INCOMPLETE', level: 'error' });
    expect(run?.results[0]?.locations[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'tests/fixtures/two-regions/monthly.csv' }, region: { startLine: 7 } });
    expect(run?.tool.driver.rules.map((x) => x.id)).toEqual(['INCOMPLETE']);
    expect(s.runs[0]?.tool.driver.rules.map((x) => x.id)).toEqual(['NO_DATA']);
  });

  it('CSV: one row per result, parseable', () => {
    const r = runCli([...GATE, '--format', 'csv']);
    const parsed = Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(9);
    expect(parsed.data.find((x) => x['id'] === 'nursing_bed_share')).toMatchObject({ plan: 'other', status: 'pass', actual: '51.5', expected: '≥51.25%' });
  });

  it('Markdown for a job summary', () => {
    const r = runCli([...GATE, '--format', 'markdown', '--lang', 'en']);
    expect(r.stdout).toMatch(/^## plancheck: ❌ Result: FAIL/);
    expect(r.stdout).toContain('| ⚠️ missing | 家庭适老化改造户数 | binding | ≥1200 户 |');
    expect(r.stdout).toContain('- 家庭适老化改造户数 2024-04 (户)');
  });

  it('output is deterministic in every format', () => {
    for (const f of ['json', 'junit', 'github', 'markdown', 'csv', 'sarif', 'table']) {
      expect(runCli([...GATE, '--format', f]).stdout).toBe(runCli([...GATE, '--format', f]).stdout);
    }
  });
});

describe('the bundled monthly example: Suzhou and Taicang in one file (README)', () => {
  const ARGS = ['evaluate', '--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', '--require', 'complete', 'examples/monthly-2024.csv'];

  it('routes rows by region, lists what each city owes, fails only on binding shortfalls and missing rows, writes valid JUnit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-monthly-'));
    const xml = join(dir, 'out.xml');
    const r = runCli([...ARGS, '--format', 'json', '--output', `junit:${xml}`]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { plans: { plan: { id: string }; owed: { name: string; period: string }[]; results: { id: string; status: string; attribute: string; required: boolean }[] }[]; unrouted: { region: string; rows: number }[]; summary: { failing: number } };
    const [suzhou, taicang] = out.plans;
    expect(suzhou?.owed.map((o) => `${o.name} ${o.period}`)).toEqual(['护理型床位占养老机构床位比例 2024-Q2']);
    expect(taicang?.owed.map((o) => `${o.name} ${o.period}`)).toEqual(['养老护理人员持证上岗率 2024-Q2']);
    expect(out.unrouted).toEqual([{ region: '昆山市', rows: 2, file: 'examples/monthly-2024.csv', line: 22 }]);
    // what fails: Suzhou's binding 接受上门服务 behind its June milestone (19.45 < 19.49), and the two owed rows
    const failing = out.plans.flatMap((p) => p.results.filter((x) => x.status === 'fail' && x.attribute === 'binding').map((x) => `${p.plan.id}/${x.id}`));
    expect(failing).toEqual(['suzhou/home_service_elderly_share']);
    const missing = out.plans.flatMap((p) => p.results.filter((x) => x.status === 'missing').map((x) => `${p.plan.id}/${x.id}`));
    expect(missing).toEqual(['suzhou/nursing_bed_share', 'taicang/care_worker_certified_rate']);
    expect(out.summary.failing).toBe(3);
    // the 1.4× rule fails too, but the source does not mark it binding: it warns
    expect(suzhou?.results.find((x) => x.id === 'special_hardship_vs_low_income')?.status).toBe('fail');
    expect(XMLValidator.validate(readFileSync(xml, 'utf8'))).toBe(true);
  });

  it('GitHub annotations point at the CSV line of the value at fault', () => {
    const r = runCli([...ARGS, '--format', 'github', '--lang', 'en']);
    expect(r.stdout).toContain('::error file=examples/monthly-2024.csv,line=10,title=suzhou%3A 接受上门服务的居家老年人数占比::');
    // a bundled plan is not in the user's repository: absent data points at the last row of its measurement
    expect(r.stdout).toContain('::error file=examples/monthly-2024.csv,line=13,title=suzhou%3A 护理型床位占养老机构床位比例::due and not reported: 2024-Q2');
    expect(r.stdout).not.toContain('plans/');
  });
});
