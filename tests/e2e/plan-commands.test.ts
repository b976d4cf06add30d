import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLAN = 'tests/fixtures/basic/plan.yaml';

describe('plancheck show', () => {
  it('prints indicators with unit, attribute, baseline, targets and source, and rules with their quote', () => {
    const r = runCli(['show', PLAN, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/│ 1\s+│ 接受上门服务的居家老年人数占比\s+│ %\s+│ 约束性\s+│ 18.3 \(2020\)\s+│ 2025: ≥20\s+│ 表2 #2/);
    expect(r.stdout).toContain('special_hardship_standard >= 1.4 * low_income_standard');
    expect(r.stdout).toContain('专栏1: 特困人员基本生活标准不低于低保'); // the quote, wrapped in its cell
  });

  it('prints the commitments ledger: counts, and each commitment not encoded with its quote, reason and why', () => {
    const r = runCli(['show', 'suzhou', '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Commitments ledger: 70 encoded \(67 indicators, 3 rules\); 21 listed as not encoded/);
    expect(r.stdout).toMatch(/│ 3\s+│ 专栏2 养老服务提档升级计划: 各镇（街道）\s+│ covered by\s+│ The same commitment as 表2 row 5/);
    expect(r.stdout).toMatch(/township_regional_elde/);
    expect(r.stdout).toMatch(/guideline \(原则上\)/);
    const zh = runCli(['show', 'taicang', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/承诺台账：已编码 49（指标 49，规则 0）；列出未编码 8/);
    // a false alarm of the finder is listed as such
    expect(zh.stdout).toMatch(/非承诺（查找误报）/);
  });
});

describe('plancheck validate', () => {
  it('passes a valid plan', () => {
    const r = runCli(['validate', PLAN]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✓');
  });

  it('exits 2 with every error of a bad plan, file:line:col', () => {
    const r = runCli(['validate', PLAN, 'tests/fixtures/bad-plans/expr-units.yaml', 'tests/fixtures/bad-plans/missing-unit.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/expr-units.yaml:67:46: error: cannot compare/);
    expect(r.stderr).toMatch(/missing-unit.yaml:27:5: error: missing required property "unit"/);
    expect(r.stdout.split('\n').filter(Boolean).map((l) => l[0])).toEqual(['✓', '✗', '✗']);
  });

  it('lint warnings pass, and fail with --strict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-lint-'));
    const file = join(dir, 'lint.yaml');
    // a target behind its baseline (higher is better, 20 → 15) and an indicator without a source
    const text = readFileSync(PLAN, 'utf8')
      .replace('      - { year: 2025, comparison: ">=", value: 20, text: "20" }', '      - { year: 2025, comparison: ">=", value: 15, text: "15" }')
      .replace('    source: { table: 表2, row: "16", text: 持证社会工作专业人才数 万人 1.5 ≥2.6 预期性 }\n', '');
    writeFileSync(file, text);
    const r = runCli(['validate', file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/lint.yaml:25:\d+: warning: 接受上门服务的居家老年人数占比: the 2025 target 15 is behind the 2020 baseline 18.3/);
    expect(r.stderr).toMatch(/warning: 持证社会工作专业人才数: no source/);
    expect(runCli(['validate', '--strict', file]).status).toBe(2);
  });
});

describe('plancheck template', () => {
  it('lists every measurement the plan needs that year, earlier-year rule inputs included', () => {
    const r = runCli(['template', PLAN, '--year', '2024']);
    expect(r.status).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout.trim()).data;
    expect(rows[0]).toEqual(['indicator', 'period', 'value', 'unit', 'region', 'note']);
    expect(rows.slice(1).map((x) => `${x[0]} ${x[1]} ${x[3]}`)).toEqual([
      '接受上门服务的居家老年人数占比 2024 %',
      '持证社会工作专业人才数 2024 万人',
      '全市老年友好社区数量 2024 个',
      '经营性公墓墓葬比例 2024 %',
      '低保标准 2024 元/人·月',
      '全体居民人均消费支出 2023 元/人·年',
      '特困人员基本生活标准 2024 元/人·月',
    ]);
  });

  it('filled with passing values, evaluates with no fail', () => {
    const template = runCli(['template', PLAN, '--year', '2025']).stdout;
    const passing: Record<string, string> = {
      接受上门服务的居家老年人数占比: '20',
      持证社会工作专业人才数: '2.6',
      全市老年友好社区数量: '1000',
      经营性公墓墓葬比例: '35',
      低保标准: '1200',
      全体居民人均消费支出: '46000',
      特困人员基本生活标准: '1680',
    };
    const filled = Papa.unparse(Papa.parse<string[]>(template.trim()).data.map((row, i) => (i === 0 ? row : [row[0] as string, row[1] as string, passing[row[0] as string] ?? '', ...row.slice(3)])));
    const file = join(mkdtempSync(join(tmpdir(), 'plancheck-tpl-')), 'filled.csv');
    writeFileSync(file, filled);
    const r = runCli(['evaluate', '--plan', PLAN, file, '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { summary: { fail: number; missing: number; pass: number } };
    expect(out.summary).toMatchObject({ fail: 0, missing: 0, pass: 6 });
  });
});

describe('plancheck plans', () => {
  it('lists the bundled plans as JSON', () => {
    const r = runCli(['plans', '--format', 'json']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; indicators: number; rules: number }[];
    expect(Array.isArray(list)).toBe(true);
    for (const p of list) expect(p.indicators).toBeGreaterThan(0);
  });

  it('--seeds with no folder checks every quote against the bundled sources/, not_encoded quotes included', () => {
    const ok = runCli(['validate', 'suzhou', 'taicang', '--seeds']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-seeds-'));
    const file = join(dir, 'taicang.yaml');
    const text = readFileSync('plans/taicang.yaml', 'utf8');
    writeFileSync(file, text.replace('quote: "贯彻落实新出台的《苏州市居民最低生活保障实施细则》"', 'quote: "贯彻落实新出台的《太仓市居民最低生活保障实施细则》"'));
    const line = text.split('\n').findIndex((l) => l.includes('quote: "贯彻落实新出台的《苏州市居民最低生活保障实施细则》"')) + 1;
    expect(line).toBeGreaterThan(0);
    const r = runCli(['validate', '--strict', file, '--seeds']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`taicang.yaml:${line}:`);
    expect(r.stderr).toMatch(/warning: not_encoded: the quote is not in the source document taicang-14th.txt/);
    // a folder that is not there is a usage error, not a missing-source error per plan
    expect(runCli(['validate', '--seeds', 'suzhou', 'taicang']).status).toBe(2);
  });

  it('--ledger lists every candidate commitment of the source that no quote accounts for, at its line in the source', () => {
    // every bundled plan: nothing left unaccounted, so --strict passes
    expect(runCli(['validate', 'suzhou', 'suzhou-13th', 'taicang', 'suqian', 'suqian-13th', 'zhongshan', 'chuxiong', '--ledger', '--strict']).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-ledger-'));
    const file = join(dir, 'taicang.yaml');
    // drop the ledger entry for a commitment without a number: 到“十四五”末，保持福彩销售总量处于全省领先水平
    const text = readFileSync('plans/taicang.yaml', 'utf8');
    const cut = text.replace(/ {2}- quote: "到“十四五”末，保持福彩销售总量处于全省领先水平"\n(?: {4}.*\n)+/, '');
    expect(cut).not.toBe(text);
    writeFileSync(file, cut);
    const r = runCli(['validate', file, '--ledger']);
    expect(r.status).toBe(0);
    const line = readFileSync('sources/taicang-14th.txt', 'utf8').split('\n').findIndex((l) => l.includes('保持福彩销售总量处于全省领先水平')) + 1;
    // two forms catch it: dated by the plan's end, and a rank kept
    expect(r.stderr).toContain(`sources/taicang-14th.txt:${line}: warning: a commitment no indicator, rule or not_encoded entry of taicang quotes: 【十四五”末，保持】 (dated)`);
    expect(r.stderr).toContain(`sources/taicang-14th.txt:${line}: warning: a commitment no indicator, rule or not_encoded entry of taicang quotes: 【保持福彩销售总量处于全省领先】 (rank)`);
    expect(r.stdout).toMatch(/✗ .*taicang-14th\.txt: 2 commitments not accounted for/);
    expect(runCli(['validate', file, '--ledger', '--strict', '--lang', 'zh']).stderr).toContain('（rank）');
    expect(runCli(['validate', file, '--ledger', '--strict']).status).toBe(2);
  });
});
