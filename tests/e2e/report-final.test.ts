/**
 * The final evaluation (终期评估): with the plan's last year in the data,
 * `report` gives each indicator achieved / not achieved at its target —
 * `evaluate`'s verdict for that year — and the completion rates; the
 * 13th-plan completion tables give the documents' own verdicts through
 * `report` as through `evaluate`. The JSON follows schemas/report.schema.json.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SERIES = [2021, 2022, 2023, 2024, 2025].map((y) => `examples/suzhou-${y}.csv`);

interface Indicator {
  id: string;
  attribute: string;
  category: string;
  outcome: string | null;
  status: string | null;
}
interface Report {
  kind: string;
  as_of: { year: number; month: number; partial: boolean };
  indicators: Indicator[];
  completion: { overall: { met: number; not_met: number; unknown: number; rate: string | null }; binding: { met: number; not_met: number; unknown: number; rate: string | null } } | null;
  rules: { id: string; years: { year: number; status: string }[] }[];
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('schemas/report.schema.json', 'utf8')) as object);

function report(args: readonly string[]): Report {
  const r = runCli(['report', ...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as Report;
  validate(out);
  expect(validate.errors ?? []).toEqual([]);
  return out;
}

function evaluated(args: readonly string[]): Map<string, string> {
  const r = runCli(['evaluate', ...args, '--format', 'json', '--fail-on', 'never']);
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as { results: { id: string; kind: string; status: string }[] };
  return new Map(out.results.filter((x) => x.kind === 'target').map((x) => [x.id, x.status]));
}

describe('report on the Suzhou 2021–2025 series: the final evaluation', () => {
  const out = report(['--plan', 'suzhou', ...SERIES]);

  it('is a final evaluation to the end of 2025', () => {
    expect(out.kind).toBe('final');
    expect(out.as_of).toEqual({ year: 2025, month: 12, partial: false });
  });

  it('gives every indicator evaluate --year 2025’s verdict: achieved exactly where evaluate passes', () => {
    const statuses = evaluated(['--plan', 'suzhou', ...SERIES, '--year', '2025']);
    expect(out.indicators.length).toBeGreaterThan(30);
    for (const i of out.indicators) {
      const s = statuses.get(i.id);
      expect(i.status, i.id).toBe(s);
      expect(i.outcome, i.id).toBe(s === 'pass' ? 'met' : s === 'fail' ? 'not_met' : 'unknown');
    }
    // the illustrative 2025 file misses three targets, one of them binding (护理型床位 77.6 < 78)
    expect(out.indicators.filter((i) => i.outcome === 'not_met').map((i) => i.id).sort()).toEqual(['community_workers_per_10k', 'nursing_bed_share', 'rated_social_org_coverage']);
  });

  it('computes the completion rates overall and for binding indicators', () => {
    const met = out.indicators.filter((i) => i.outcome === 'met').length;
    const notMet = out.indicators.filter((i) => i.outcome === 'not_met').length;
    expect(out.completion?.overall).toMatchObject({ met, not_met: notMet, unknown: 0 });
    expect(Number(out.completion?.overall.rate)).toBeCloseTo(met / (met + notMet), 6);
    const binding = out.indicators.filter((i) => i.attribute === 'binding');
    expect(out.completion?.binding).toMatchObject({ met: binding.length - 1, not_met: 1, unknown: 0 });
    expect(Number(out.completion?.binding.rate)).toBeCloseTo((binding.length - 1) / binding.length, 6);
  });

  it('computes each rule for each year, including the year it failed (2023: 1600 < 1.4 × 1185)', () => {
    const rule = out.rules.find((r) => r.id.includes('special')) ?? out.rules[1];
    expect(rule?.years.map((y) => `${y.year} ${y.status}`)).toEqual(['2021 pass', '2022 pass', '2023 fail', '2024 pass', '2025 pass']);
  });

  it('writes the summary an official files: counts, completion rate, the binding indicator missed, in Chinese', () => {
    const md = runCli(['report', '--plan', 'suzhou', ...SERIES, '--lang', 'zh', '--org', '苏州市民政局', '--date', '2026-11-20']).stdout;
    expect(md).toContain('# 苏州市“十四五”民政事业发展规划终期评估报告');
    expect(md).toContain('- 编制单位：苏州市民政局');
    expect(md).toContain('- 日期：2026-11-20');
    expect(md).toMatch(/67项指标中，达到目标64项，未达到3项，无法评估0项，完成率95\.5%/);
    expect(md).toContain('未达到目标的约束性指标：护理型床位占养老机构床位比例。');
    expect(md).toContain('| 2025年完成情况 |');
    expect(md).not.toMatch(/>=|pp\/yr/);
  });

  it('words requirements in Chinese in the indicator sections (不低于/不高于), keeping the signs in rule arithmetic', () => {
    const md = runCli(['report', '--plan', 'suzhou', ...SERIES, '--lang', 'zh']).stdout;
    const indicators = md.slice(0, md.indexOf('. 到2025年散居与集中供养孤儿保障标准统一'));
    expect(indicators).toContain('2025年完成情况：实际 20.1%，达到2025年目标 不低于20%');
    expect(indicators).toContain('未达到2025年目标 不低于78%，差 0.4 个百分点');
    expect(indicators).not.toMatch(/[≥≤]\s*\d/);
    expect(md).toMatch(/1600 ≥ 1\.4 × 1185/);
    const en = runCli(['report', '--plan', 'suzhou', ...SERIES, '--lang', 'en']).stdout;
    expect(en).toMatch(/2025 target ≥20%/);
  });

  it('prints no date unless --date gives one: the same inputs give the same bytes', () => {
    const a = runCli(['report', '--plan', 'suzhou', ...SERIES, '--format', 'html']).stdout;
    const b = runCli(['report', '--plan', 'suzhou', ...SERIES, '--format', 'html']).stdout;
    expect(a).toBe(b);
    expect(a).not.toMatch(/20\d\d-\d\d-\d\d/);
  });
});

describe('13th-plan completion tables through report: the documents’ own verdicts', () => {
  it.each([
    ['suzhou-13th', 'examples/suzhou-2020.csv', ['welfare_lottery_sales_5y'], ['aaa_marriage_registry_rate']],
    ['suqian-13th', 'examples/suqian-2020.csv', ['certified_social_workers_per_10k'], []],
  ])('%s', (plan, file, notMet, unknown) => {
    const out = report(['--plan', plan, file]);
    expect(out.kind).toBe('final');
    expect(out.indicators.filter((i) => i.outcome === 'not_met').map((i) => i.id)).toEqual(notMet);
    expect(out.indicators.filter((i) => i.outcome === 'unknown').map((i) => i.id)).toEqual(unknown);
    const statuses = evaluated(['--plan', plan, file]);
    for (const i of out.indicators) expect(i.status, i.id).toBe(statuses.get(i.id));
  });
});

describe('report refuses what it cannot do, with exit 2 and a clear message', () => {
  it.each([
    [['--plan', 'suzhou', '--plan', 'taicang', 'examples/suzhou-2024.csv'], /report takes one plan/],
    [['--plan', 'suzhou', '--format', 'docx', 'examples/suzhou-2024.csv'], /give --output report\.docx/],
    [['--plan', 'suzhou', '--date', '20.11.2026', 'examples/suzhou-2024.csv'], /--date must be a day/],
    [['--plan', 'suzhou', '--period', '2024-13', 'examples/suzhou-2024.csv'], /--period must be/],
  ])('%j', (args, message) => {
    const r = runCli(['report', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
