import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLAN = 'tests/fixtures/basic/plan.yaml';
const DATA = 'tests/fixtures/basic/data.csv';

interface JsonResult {
  id: string;
  kind: string;
  subject: string;
  status: string;
  severity: string;
  code: string;
  message: string;
  actual: { value: string } | null;
  expected: { comparison: string; value?: string; text: string; basis: string } | null;
  inputs: { id: string; file: string; line: number; value: string; unit: string; period: string }[];
}

function json(args: string[]): { status: number | null; body: { summary: Record<string, number>; results: JsonResult[]; plan: { sha256: string }; data: { file: string; sha256: string; rows: number }[]; year: number } } {
  const r = runCli(['evaluate', '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  return { status: r.status, body: JSON.parse(r.stdout) as ReturnType<typeof json>['body'] };
}

describe('plancheck evaluate (fixture plan)', () => {
  it('prints a table with a summary and exits 1 when a binding target fails', () => {
    const r = runCli(['evaluate', '--plan', PLAN, DATA]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('接受上门服务的居家老年人数占比');
    expect(r.stdout).toMatch(/│ 1\s+│ 接受上门服务的居家老年人数占比\s+│ binding\s+│ ≥19.32%\s+│ 19.5%\s+│ ✓ pass/);
    expect(r.stdout).toContain('6 checks — 3 pass, 2 fail, 0 missing, 1 pending, 0 error');
    expect(r.stdout).toContain('Result: FAIL (1 counted as failing under --fail-on binding)');
    expect(r.stdout).toContain('1600 >= 1.4 * 1185: 1600 ≥ 1659 元/人·月, does not hold, short by 59 元/人·月');
    expect(r.stdout.includes('\u001b[')).toBe(false); // NO_COLOR
  });

  it('speaks Chinese with --lang zh', () => {
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--lang', 'zh']);
    expect(r.stdout).toContain('结果：不通过');
    expect(r.stdout).toContain('未达到2023年中期目标 ≤37%，差 1 个百分点');
  });

  it('JSON: every result with status, subject, inputs at file:line', () => {
    const { status, body } = json(['--plan', PLAN, DATA]);
    expect(status).toBe(1);
    expect(body.year).toBe(2023);
    expect(body.summary).toMatchObject({ pass: 3, fail: 2, missing: 0, pending: 1, error: 0, total: 6 });
    expect(body.plan.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body.data).toEqual([{ file: DATA, sha256: body.data[0]?.sha256, rows: 7, encoding: 'utf-8', header: { line: 1 } }]);
    expect(body.data[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const byId = Object.fromEntries(body.results.map((r) => [r.id, r]));
    expect(byId['home_visit_share']).toMatchObject({ status: 'pass', code: 'MILESTONE_MET', expected: { comparison: '>=', value: '19.32', basis: 'linear' } });
    expect(byId['burial_share']).toMatchObject({ status: 'fail', severity: 'error', code: 'TARGET_NOT_MET', expected: { basis: 'interim', value: '37' } });
    expect(byId['elderly_friendly_communities']).toMatchObject({ status: 'pending', code: 'NO_MILESTONE' });
    expect(byId['social_workers']).toMatchObject({ status: 'pass', actual: { value: '2.2' } });
    const rule1 = byId['low_income_vs_consumption'] as JsonResult;
    expect(rule1).toMatchObject({ kind: 'rule', subject: 'low_income_standard', status: 'pass' });
    expect(rule1.inputs).toEqual([
      { id: 'low_income_standard', name: '低保标准', period: '2023', value: '1185', unit: '元/人·月', file: DATA, line: 7 },
      { id: 'per_capita_consumption', name: '全体居民人均消费支出', period: '2022', value: '45000', unit: '元/人·年', file: DATA, line: 6 },
    ]);
    expect(byId['special_hardship_vs_low_income']).toMatchObject({ subject: 'special_hardship_standard', status: 'fail' });
  });

  it('is deterministic: the same inputs give byte-identical JSON', () => {
    const a: string = runCli(['evaluate', '--format', 'json', '--plan', PLAN, DATA]).stdout;
    const b = runCli(['evaluate', '--format', 'json', '--plan', PLAN, DATA]).stdout;
    expect(a).toBe(b);
  });

  it.each([
    { failOn: 'binding', status: 1 },
    { failOn: 'any', status: 1 },
    { failOn: 'never', status: 0 },
  ])('--fail-on $failOn exits $status', ({ failOn, status }) => {
    expect(runCli(['evaluate', '--plan', PLAN, DATA, '--fail-on', failOn]).status).toBe(status);
  });

  it('--fail-on any counts a failure of a rule the source does not mark binding; binding does not', () => {
    const args = ['evaluate', '--plan', PLAN, 'tests/fixtures/basic/data-only-unspecified-fails.csv'];
    expect(runCli([...args, '--fail-on', 'binding']).status).toBe(0);
    expect(runCli([...args, '--fail-on', 'any']).status).toBe(1);
  });

  it('--year picks the evaluation year; a year with no data leaves everything missing, and is never OK', () => {
    const r = runCli(['evaluate', '--format', 'json', '--plan', PLAN, DATA, '--year', '2024']);
    const body = JSON.parse(r.stdout) as ReturnType<typeof json>['body'];
    expect(body.year).toBe(2024);
    expect(body.summary['missing']).toBe(6);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no check of plan basic found any data for 2024: the run fails');
  });

  it('merges several files and refuses conflicting rows across them', () => {
    const r = runCli(['evaluate', '--plan', PLAN, DATA, 'tests/fixtures/encodings/gb18030.csv']);
    expect(r.status).toBe(1); // same values in both files: no conflict
    const c = runCli(['evaluate', '--plan', PLAN, DATA, 'tests/fixtures/bad-data/conflict.csv']);
    expect(c.status).toBe(2);
    // 19 and 19.5 are one fact within the precision of 19 (the finer 19.5 is kept); 21 is not
    expect(c.stderr).toMatch(/conflict.csv:4: error: .*"21" here but "19.5" at .*data.csv:2/);
    expect(c.stderr).not.toMatch(/conflict.csv:2:/);
  });
});

describe('bad input: exit 2, file:line on stderr, nothing on stdout', () => {
  it.each([
    { args: ['evaluate', '--plan', PLAN, 'tests/fixtures/bad-data/non-numeric.csv'], err: [/non-numeric.csv:2: error: value "十九"/, /non-numeric.csv:3: error: value "abc"/] },
    { args: ['evaluate', '--plan', PLAN, 'tests/fixtures/bad-data/missing-column.csv'], err: [/missing-column.csv:1: error: missing required column "value"/] },
    { args: ['evaluate', '--plan', PLAN, 'tests/fixtures/bad-data/empty.csv'], err: [/empty.csv:1: error: the file is empty/] },
    { args: ['evaluate', '--plan', PLAN, 'nope.csv'], err: [/nope.csv: error: cannot read data file/] },
    { args: ['evaluate', '--plan', 'atlantis', DATA], err: [/unknown plan "atlantis"/] },
    { args: ['evaluate', '--plan', 'tests/fixtures/bad-plans/expr-syntax.yaml', DATA], err: [/expr-syntax.yaml:67:52: error: unexpected "\*"/] },
    { args: ['evaluate', '--plan', PLAN, DATA, '--format', 'xml'], err: [/argument 'xml' is invalid/] },
    { args: ['evaluate', '--plan', PLAN, DATA, '--year', '23'], err: [/--year must be a year/] },
    { args: ['evaluate', DATA], err: [/required option '-p, --plan <plan>' not specified/] },
    { args: ['frobnicate'], err: [/unknown command 'frobnicate'/] },
  ])('$args.1 $args.2 $args.3', ({ args, err }) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    for (const e of err) expect(r.stderr).toMatch(e);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  });

  it('--debug shows the stack', () => {
    const r = runCli(['evaluate', '--debug', '--plan', PLAN, 'tests/fixtures/bad-data/empty.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the JSON output follows schemas/result.schema.json', () => {
  it.each([
    ['tests/fixtures/basic/data.csv'],
    ['tests/fixtures/basic/data-only-unspecified-fails.csv'],
  ])('%s', async (file) => {
    const { Ajv } = await import('ajv');
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync('schemas/result.schema.json', 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const out = JSON.parse(runCli(['evaluate', '--format', 'json', '--plan', PLAN, file]).stdout) as unknown;
    const valid = validate(out);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
