/**
 * Every slip of issue 9, as an analyst types it into a real submission, run
 * through the built CLI: the verdict a careful analyst would give, with a
 * message that says why.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-slips-'));
const SUZHOU_2023 = readFileSync(join(ROOT, 'examples/suzhou-2023.csv'), 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
/** the line of 持证社会工作专业人才数 in the example (0-based) */
const SOCIAL = SUZHOU_2023.findIndex((l) => l.startsWith('持证社会工作专业人才数,'));
const SHARE = SUZHOU_2023.findIndex((l) => l.startsWith('home_service_elderly_share,'));
let n = 0;

function csv(lines: readonly string[]): string {
  const file = join(dir, `case-${n++}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The Suzhou 2023 example with one line replaced (or more appended). */
function suzhou(replace: Readonly<Record<number, string>>, append: readonly string[] = []): string {
  return csv([...SUZHOU_2023.map((l, i) => replace[i] ?? l), ...append]);
}

interface Result {
  id: string;
  status: string;
  code: string;
  message: string;
  actual: { value: string } | null;
  detail?: Record<string, string>;
}

function evaluateJson(args: readonly string[]): { status: number | null; results: Result[]; stderr: string; owed: { name: string; period: string }[] } {
  const r = runCli(['evaluate', '--format', 'json', '--lang', 'en', ...args]);
  const body = r.stdout === '' ? { results: [], owed: [] } : (JSON.parse(r.stdout) as { results: Result[]; owed: { name: string; period: string }[] });
  return { status: r.status, results: body.results, owed: body.owed, stderr: r.stderr };
}

const social = (rs: readonly Result[]): Result => rs.find((x) => x.id === 'certified_social_workers') as Result;

describe('a unit is never thrown away', () => {
  it.each([
    ['the indicator cell (持证社会工作专业人才数（人）)', { [SOCIAL]: '持证社会工作专业人才数（人）,2023,22000,,苏州市,' }, SUZHOU_2023[0] as string],
    ['the unit column', { [SOCIAL]: '持证社会工作专业人才数,2023,22000,人,苏州市,' }, SUZHOU_2023[0] as string],
    ['a 计量单位 column', { [SOCIAL]: '持证社会工作专业人才数,2023,22000,人,苏州市,' }, 'indicator,period,value,计量单位,region,note'],
    ['the value cell (2.2万人)', { [SOCIAL]: '持证社会工作专业人才数,2023,2.2万人,,苏州市,' }, SUZHOU_2023[0] as string],
  ])('a unit in %s is read and converted', (_name, replace, header) => {
    const r = evaluateJson(['--plan', 'suzhou', suzhou({ ...replace, 0: header })]);
    expect(r.stderr).toBe('');
    expect(social(r.results)).toMatchObject({ status: 'pass', actual: { value: '2.2' } });
  });

  it('a unit in the value column header (数值（人）) applies to every row of the column', () => {
    const file = csv(['指标,年份,数值（人）', '持证社会工作专业人才数,2023,22000']);
    const r = evaluateJson(['--plan', 'suzhou', file]);
    expect(social(r.results)).toMatchObject({ status: 'pass', actual: { value: '2.2' } });
  });

  it('a unit in 元/人·月 written in the value cell (1185元/人·月) is read', () => {
    const file = csv(['indicator,period,value', '城市低保标准,2023,1257元/人·月', '特困人员基本生活供养标准（城镇）,2023,"24,135"']);
    const r = evaluateJson(['--plan', 'zhongshan', '--year', '2023', file]);
    expect(r.results.find((x) => x.id === 'special_hardship_urban_equals_1_6_low_income')?.status).toBe('pass');
  });

  it('two sources that disagree on one row are an error naming both (exit 2)', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', suzhou({ [SOCIAL]: '持证社会工作专业人才数（人）,2023,2.2,万人,苏州市,' })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`:${SOCIAL + 1}: error: the units disagree: the unit column ("万人") says 万人, the indicator cell ("人") says 人`);
    expect(r.stdout).toBe('');
  });

  it('a printed name ending in brackets is a name, not a unit (中山 特困人员基本生活供养标准（城镇）)', () => {
    const file = csv(['indicator,period,value,unit', '城市低保标准,2023,1257,元/人·月', '特困人员基本生活供养标准（城镇）,2023,24135,元/人·年']);
    expect(runCli(['evaluate', '--plan', 'zhongshan', '--year', '2023', file]).stderr).toBe('');
  });
});

describe('implausible values are caught, not passed', () => {
  it('22000 in 万人 (the unit 人 left out): error IMPLAUSIBLE, and the gate fails', () => {
    const r = evaluateJson(['--plan', 'suzhou', suzhou({ [SOCIAL]: '持证社会工作专业人才数,2023,22000,,苏州市,' })]);
    expect(r.status).toBe(1);
    const s = social(r.results);
    expect(s).toMatchObject({ status: 'error', code: 'IMPLAUSIBLE' });
    expect(s.message).toMatch(/22000 万人 \(.*:16\) is 8,500× the plan’s 2025 target 2\.6 万人: is the unit 人\? \(2\.2 万人\)/);
    // the other checks are still evaluated
    expect(r.results.filter((x) => x.status === 'pass').length).toBeGreaterThan(10);
  });

  it.each([
    ['769 for a share in % (a typo for 76.9): outside 0–100%', '769,%', ['769% (', 'lies outside 0–100%: a share cannot']],
    ['0.191 for a 19.1% share: looks like a fraction', '0.191,', ['looks like a fraction', 'is it 19.1%?']],
  ])('%s', (_name, cells, words) => {
    const r = evaluateJson(['--plan', 'suzhou', suzhou({ [SHARE]: `home_service_elderly_share,2023,${cells},苏州市,` })]);
    const x = r.results.find((y) => y.id === 'home_service_elderly_share') as Result;
    expect(x).toMatchObject({ status: 'error', code: 'IMPLAUSIBLE' });
    for (const w of words) expect(x.message).toContain(w);
  });

  it('a standard in 元/人·年 typed without its unit for one in 元/人·月: the rule that reads it is IMPLAUSIBLE', () => {
    const file = csv(['indicator,period,value,unit', '城市低保标准,2022,1200,元/人·月', '城市低保标准,2023,15084,', '特困人员基本生活供养标准（城镇）,2023,24135,元/人·年']);
    const r = evaluateJson(['--plan', 'zhongshan', '--year', '2023', file]);
    const rule = r.results.find((x) => x.id === 'special_hardship_urban_equals_1_6_low_income') as Result;
    expect(rule).toMatchObject({ status: 'error', code: 'IMPLAUSIBLE' });
    expect(rule.message).toContain('is the unit 元/人·年?');
  });
});

describe('the period is chosen honestly', () => {
  it('a stray 2032 row does not move the evaluation: exit 2 naming the periods and how to choose', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', suzhou({}, ['低保标准,2032,1185,元/人·月,苏州市,'])]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("the latest period in the data, 2032, lies outside plan suzhou's years (2020–2026)");
    expect(r.stderr).toMatch(/periods present: 2022: 1 row, 2023: \d+ rows, 2032: 1 row\. Say which period to evaluate, e\.g\. --year 2023/);
  });

  it('a single 2024-01 row does not either', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', suzhou({}, ['低保标准,2024-01,1185,元/人·月,苏州市,'])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the latest period in the data, 2024-01, holds only 1 of the \d+ rows/);
  });

  it('with --year the evaluation goes ahead, and the rows outside the plan years are warned about', () => {
    const file = suzhou({}, ['低保标准,2032,1185,元/人·月,苏州市,']);
    const r = runCli(['evaluate', '--plan', 'suzhou', '--year', '2023', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}:${SUZHOU_2023.length + 1}: warning: 1 row(s) lie outside plan suzhou's years (2020–2026)`);
  });

  it('an evaluation in which no check found any data is never OK', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', '--year', '2025', suzhou({})]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no check of plan suzhou found any data for 2025: the run fails');
  });
});

describe('equality within the reported precision', () => {
  const data = (special: string): string => csv(['indicator,period,value,unit', '城市低保标准,2023,1257,元/人·月', `特困人员基本生活供养标准（城镇）,2023,${special},元/人·年`]);
  it('中山: 24135 元/人·年 is 1.6 × 1257 元/人·月 (24134.4) to the yuan, and the message says so', () => {
    const r = evaluateJson(['--plan', 'zhongshan', '--year', '2023', data('24135')]);
    const rule = r.results.find((x) => x.id === 'special_hardship_urban_equals_1_6_low_income') as Result;
    expect(rule.status).toBe('pass');
    expect(rule.message).toContain('(equal within the reported precision: they differ by less than 1 元/人·年)');
  });
  it('the JSON result with a precision and an implausible value follows schemas/result.schema.json', async () => {
    const { Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/result.schema.json'), 'utf8')) as object);
    const cases: [string, string][] = [
      ['zhongshan', data('24135')],
      ['suzhou', suzhou({ [SOCIAL]: '持证社会工作专业人才数,2023,22000,,苏州市,' })],
    ];
    for (const [plan, file] of cases) {
      validate(JSON.parse(runCli(['evaluate', '--format', 'json', '--plan', plan, '--year', '2023', file]).stdout) as unknown);
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  it('24136 is a yuan off: it does not hold', () => {
    const r = evaluateJson(['--plan', 'zhongshan', '--year', '2023', data('24136')]);
    expect(r.results.find((x) => x.id === 'special_hardship_urban_equals_1_6_low_income')?.status).toBe('fail');
  });
});

describe('ranges with a direction; percentage points', () => {
  const rows = (standard: string): string => csv(['indicator,period,value,unit', '全体居民人均消费支出,2022,24000,元/人·年', `低保标准,2023,${standard},元/人·月`]);
  it('宿迁 30–40% of consumption: a standard too high is above the range, never short', () => {
    const r = evaluateJson(['--plan', 'suqian', '--year', '2023', rows('900')]);
    const rule = r.results.find((x) => x.message.includes('30% * 24000')) as Result;
    expect(rule.status).toBe('fail');
    expect(rule.message).toContain('above the range by 100 元/人·月');
    expect(rule.message).not.toContain('short');
  });
  it('…and one too low is below it', () => {
    const r = evaluateJson(['--plan', 'suqian', '--year', '2023', rows('550')]);
    const rule = r.results.find((x) => x.message.includes('30% * 24000')) as Result;
    expect(rule.message).toContain('below the range by 50 元/人·月');
  });
  it('a gap between percentages is in percentage points', () => {
    const r = runCli(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv', '--lang', 'zh']);
    expect(r.stdout).toContain('差 1 个百分点');
    expect(r.stdout).not.toMatch(/差 1%/);
  });
});

describe('one value per indicator, region and moment', () => {
  it.each([
    ['a year and its December', ['持证社会工作专业人才数,2023-12,"23,000",人,苏州市,']],
    ['a year and its Q4', ['home_service_elderly_share,2023-Q4,19.4,%,苏州市,']],
  ])('%s that disagree are a conflict naming both lines (exit 2)', (_name, extra) => {
    const r = runCli(['evaluate', '--plan', 'suzhou', suzhou({}, extra)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/error: .* 2023 is ".*" here but 2023-(12|Q4) ".*" at .*:39: the same moment reported twice/);
  });

  it('a year and its December that agree are one fact', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', suzhou({}, ['持证社会工作专业人才数,2023-12,2.2,万人,苏州市,'])]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
  });

  const flow = (extra: readonly string[]): string => csv(['indicator,period,value,unit', ...['01', '02', '03'].map((m, i) => `家庭养老夜间照料服务床位年新增数,2024-${m},${150 + 10 * i},户`), ...extra]);
  it('a quarter and its months that disagree are a conflict with the months’ total', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', '--period', '2024-03', flow(['家庭养老夜间照料服务床位年新增数,2024-Q1,500,户'])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2024-Q1 is "500" here but 2024-01 "150"');
    expect(r.stderr).toContain('(together 480 户)');
  });

  it('a quarter and its months that agree are one fact', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', '--period', '2024-03', flow(['家庭养老夜间照料服务床位年新增数,2024-Q1,480,户'])]);
    expect(r.stderr).not.toContain('error');
  });

  it('an annual flow and its twelve months that disagree are a conflict', () => {
    const months = Array.from({ length: 12 }, (_, i) => `家庭养老夜间照料服务床位年新增数,2023-${String(i + 1).padStart(2, '0')},200,户`);
    const r = runCli(['evaluate', '--plan', 'suzhou', '--year', '2023', csv(['indicator,period,value,unit', ...months, '家庭养老夜间照料服务床位年新增数,2023,2000,户'])]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(together 2400 户)');
  });
});

describe('owed means owed', () => {
  it('the unfilled template: every empty cell is owed, and --require complete lists them', () => {
    const template = runCli(['template', 'suzhou', '--year', '2023']).stdout;
    const file = csv(template.replace(/\n$/, '').split('\n'));
    const r = evaluateJson(['--plan', 'suzhou', '--require', 'complete', file]);
    expect(r.status).toBe(1);
    expect(r.results.some((x) => x.code === 'REPORTED_ABSENT')).toBe(false);
    expect(r.owed.length).toBeGreaterThanOrEqual(r.results.filter((x) => x.code === 'INPUT_MISSING').length);
    expect(r.owed.map((o) => o.name)).toContain('持证社会工作专业人才数');
  });

  it('only the explicit not-available markers count as reported absent', () => {
    const r = evaluateJson(['--plan', 'suzhou', suzhou({ [SOCIAL]: '持证社会工作专业人才数,2023,不适用,,苏州市,' })]);
    expect(social(r.results)).toMatchObject({ status: 'missing', code: 'REPORTED_ABSENT' });
    const empty = evaluateJson(['--plan', 'suzhou', suzhou({ [SOCIAL]: '持证社会工作专业人才数,2023,,,苏州市,' })]);
    expect(social(empty.results)).toMatchObject({ status: 'missing', code: 'INPUT_MISSING' });
  });
});
