/**
 * Standards plans: one set of checks for every region of a roll-up (issue 19).
 * Each region is checked on its own rows (当地低保标准 is the region's), the
 * whole's checks on the province's own rows; a region in scope that sent
 * nothing is owed; the matrix names who fails what.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import { DataError } from '../../src/errors.js';
import { evaluate, type RunReport } from '../../src/index.js';
import { runCli } from '../helpers/run-cli.js';

const PLAN = 'tests/fixtures/standards/plan.yaml';
const ROLLUP = 'tests/fixtures/standards/rollup.csv';
const dir = mkdtempSync(join(tmpdir(), 'plancheck-standards-'));
let n = 0;
const file = (csv: string): string => {
  const f = join(dir, `s${n++}.csv`);
  writeFileSync(f, `${csv.trim()}\n`);
  return f;
};
const HEAD = 'region,period,indicator,value,unit';

async function run(csv: string, extra: Partial<Parameters<typeof evaluate>[0]> = {}): Promise<RunReport> {
  return evaluate({ plans: [PLAN], data: [file(csv)], policy: DEFAULT_POLICY, year: 2025, ...extra });
}

/** region name → check id → status */
function cells(r: RunReport): Record<string, Record<string, string>> {
  return Object.fromEntries(r.reports.map((x) => [x.plan.region.name, Object.fromEntries(x.evaluation.results.map((c) => [c.id, `${c.status} ${c.code}`]))]));
}

async function refused(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DataError) return e.diagnostics.map((d) => `${d.code} ${d.file ?? ''}:${d.line ?? ''} ${d.message}`);
    throw e;
  }
  throw new Error('not refused');
}

describe('a standards plan checks each region on its own data', () => {
  it('the roll-up: each city, the whole, and a city that sent nothing', async () => {
    const r = await evaluate({ plans: [PLAN], data: [ROLLUP], policy: DEFAULT_POLICY });
    expect(r.reports.map((x) => [x.plan.region.code, x.part])).toEqual([
      ['440100', 'each'],
      ['441500', 'each'],
      ['441600', 'each'],
      ['442000', 'each'],
      ['445300', 'each'],
      ['440000', 'whole'],
    ]);
    expect(cells(r)).toEqual({
      广州市: { nursing_bed_share: 'pass TARGET_MET', special_hardship_vs_low_income: 'pass RULE_HOLDS' },
      汕尾市: { nursing_bed_share: 'pass TARGET_MET', special_hardship_vs_low_income: 'fail RULE_VIOLATED' },
      河源市: { nursing_bed_share: 'fail TARGET_NOT_MET', special_hardship_vs_low_income: 'pass RULE_HOLDS' },
      中山市: { nursing_bed_share: 'missing INPUT_MISSING', special_hardship_vs_low_income: 'missing INPUT_MISSING' },
      云浮市: { nursing_bed_share: 'missing INPUT_MISSING', special_hardship_vs_low_income: 'missing INPUT_MISSING' },
      广东省: { charity_trusts: 'pass TARGET_MET' },
    });
    // 当地: 汕尾's 特困 1500 against 汕尾's own 低保 1000 (1.6 × 1000 = 1600), never another city's
    const shanwei = r.reports.find((x) => x.plan.region.code === '441500');
    expect(shanwei?.evaluation.results.find((c) => c.id === 'special_hardship_vs_low_income')?.inputs.map((i) => `${i.value} ${i.file}:${i.line}`)).toEqual(['1500 tests/fixtures/standards/rollup.csv:7', '1000 tests/fixtures/standards/rollup.csv:6']);
    // a city in scope that sent no rows is owed, row by row
    expect(r.reports.find((x) => x.plan.region.code === '445300')?.evaluation.owed.map((o) => o.id)).toEqual(['nursing_bed_share', 'special_hardship_standard', 'low_income_standard']);
    const m = r.standards?.[0];
    expect(m?.regions.map((x) => `${x.name} ${x.failing}${x.silent ? ' silent' : ''}`)).toEqual(['汕尾市 1', '河源市 1', '中山市 0 silent', '云浮市 0 silent', '广州市 0']);
    expect(m?.checks.map((c) => [c.id, c.counts.pass, c.notMet.map((x) => x.name), c.missing.map((x) => x.name)])).toEqual([
      ['nursing_bed_share', 2, ['河源市'], ['中山市', '云浮市']],
      ['special_hardship_vs_low_income', 2, ['汕尾市'], ['中山市', '云浮市']],
      ['charity_trusts', 1, [], []],
    ]);
    expect(r.failing).toBe(2);
  });

  it.each([
    // 1.6 × 低保: at the threshold it holds, a yuan below it does not, above it does
    { name: 'exactly 1.6×', hardship: '1600', status: 'pass' },
    { name: 'a yuan short of 1.6×', hardship: '1599', status: 'fail' },
    { name: 'above 1.6×', hardship: '1700', status: 'pass' },
  ])('the 1.6× rule for each city: $name', async ({ hardship, status }) => {
    const csv = ['440100', '441500', '441600'].flatMap((code) => [`${code},2025,低保标准,1000,元/人·月`, `${code},2025,特困人员基本生活标准,${hardship},元/人·月`]).join('\n');
    const r = await run(`${HEAD}\n${csv}`);
    for (const code of ['440100', '441500', '441600']) {
      expect(r.reports.find((x) => x.plan.region.code === code)?.evaluation.results.find((c) => c.id === 'special_hardship_vs_low_income')?.status).toBe(status);
    }
  });

  it.each([
    { value: '55', status: 'pass' },
    { value: '54.9', status: 'fail' },
    { value: '70', status: 'pass' },
  ])('the ≥55% share for each city at $value', async ({ value, status }) => {
    const r = await run(`${HEAD}\n广州,2025,养老机构护理型床位占比,${value},%\n汕尾,2025,养老机构护理型床位占比,${value},%`);
    expect(cells(r)['广州市']?.['nursing_bed_share']).toMatch(new RegExp(`^${status}`));
    expect(cells(r)['汕尾市']?.['nursing_bed_share']).toMatch(new RegExp(`^${status}`));
  });

  it('a provincial total is checked on the province’s rows, never a city’s', async () => {
    const r = await run(`${HEAD}\n广州市,2025,慈善信托数量,500,个\n广东省,2025,慈善信托数量,100,个`);
    expect(cells(r)['广东省']).toEqual({ charity_trusts: 'fail TARGET_NOT_MET' });
    expect(cells(r)['广州市']).not.toHaveProperty('charity_trusts');
  });

  it('--require complete fails for a region in scope that sent nothing', async () => {
    const all = ['440100', '441500', '441600', '442000'].flatMap((c) => [`${c},2025,养老机构护理型床位占比,60,%`, `${c},2025,低保标准,1000,元/人·月`, `${c},2025,特困人员基本生活标准,1700,元/人·月`]);
    const csv = `${HEAD}\n${all.join('\n')}\n全省,2025,慈善信托数量,120,个`;
    expect((await run(csv)).failing).toBe(0);
    const r = await run(csv, { requireComplete: true });
    expect(r.failing).toBe(2);
    expect(r.standards?.[0]?.regions[0]).toMatchObject({ name: '云浮市', silent: true, failing: 2 });
  });

  it('a region’s rows spelt several ways are one region’s; a roll-up as a whole gives each region what its rows alone give', async () => {
    const regions = ['440100', '441500', '441600', '442000'];
    const spell: Record<string, string[]> = { '440100': ['广州市', '广州', '440100', '广东省广州市'], '441500': ['汕尾市', '汕尾', '441500000000'], '441600': ['河源市', '河源'], '442000': ['中山市', '中山', '广东省中山市'] };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 900, max: 1400 }), fc.integer({ min: 1300, max: 2400 }), fc.integer({ min: 40, max: 70 }), fc.nat()), { minLength: 4, maxLength: 4 }), async (vals) => {
        const rowsOf = (code: string, i: number): string[] => {
          const [low, hard, share, k] = vals[i] as [number, number, number, number];
          const names = spell[code] as string[];
          const name = (j: number): string => names[(k + j) % names.length] as string;
          return [`${name(0)},2025,低保标准,${low},元/人·月`, `${name(1)},2025,特困人员基本生活标准,${hard},元/人·月`, `${name(2)},2025,养老机构护理型床位占比,${share},%`];
        };
        const whole = await run(`${HEAD}\n${regions.flatMap(rowsOf).join('\n')}`);
        for (const [i, code] of regions.entries()) {
          const alone = await run(`${HEAD}\n${rowsOf(code, i).join('\n')}`);
          const pick = (r: RunReport): unknown => r.reports.find((x) => x.plan.region.code === code)?.evaluation.results.map((c) => [c.id, c.status, c.actual?.value]);
          expect(pick(whole)).toEqual(pick(alone));
        }
      }),
      { numRuns: 8 },
    );
  });
});

describe('bad input in a roll-up names its file and line', () => {
  it('a region no table knows is an error (exit 2) at its first row, with how many rows', async () => {
    const errors = await refused(run(`${HEAD}\n广州,2025,低保标准,1000,元/人·月\n440199,2025,低保标准,1000,元/人·月\n广州府,2025,低保标准,1000,元/人·月\n广州府,2025,特困人员基本生活标准,1700,元/人·月`));
    expect(errors).toEqual([expect.stringMatching(/^UNKNOWN_REGION .*s\d+\.csv:3 no region goes by "440199" \(1 row; the first here\)/), expect.stringMatching(/^UNKNOWN_REGION .*s\d+\.csv:4 no region goes by "广州府" \(2 rows; the first here\)/)]);
  });

  it('a real region outside the scope is set aside with a warning naming it', async () => {
    const r = await run(`${HEAD}\n广州,2025,养老机构护理型床位占比,60,%\n深圳市,2025,养老机构护理型床位占比,60,%\n江苏省苏州市,2025,养老机构护理型床位占比,60,%`);
    expect(r.unrouted.map((u) => `${u.region} ${u.rows} ${u.at.line}`)).toEqual(['深圳市 1 3', '江苏省苏州市 1 4']);
    expect(r.warnings.find((w) => w.code === 'UNROUTED')?.message).toMatch(/2 rows for 2 regions that no plan given covers, set aside: "深圳市" \(1\), "江苏省苏州市" \(1\)/);
  });

  it('two rows for one region that disagree are a conflict naming the region and both rows', async () => {
    const errors = await refused(run(`${HEAD}\n广州市,2025,低保标准,1000,元/人·月\n440100,2025,低保标准,1100,元/人·月`));
    expect(errors).toEqual([expect.stringMatching(/^CONFLICT .*:3 广州市 \(440100\): 低保标准 2025 is "1100" here but "1000" at .*:2/)]);
  });

  it('a row without a region: a standards plan needs one on every row', async () => {
    const errors = await refused(run('period,indicator,value,unit\n2025,低保标准,1000,元/人·月'));
    expect(errors).toEqual([expect.stringMatching(/^NO_REGION .*:2 the row has no region, and plan gdtest is checked for each region in its scope/)]);
  });
});

describe('a city plan and a standards plan on one roll-up', () => {
  it('中山 is checked by both: its own plan and the province’s standards, on the same rows', async () => {
    const csv = `${HEAD}\n中山市,2025,养老机构护理型床位占比,56,%\n中山,2025,低保标准,1250,元/人·月\n442000,2025,特困人员基本生活标准,2000,元/人·月\n广州,2025,养老机构护理型床位占比,60,%`;
    const r = await evaluate({ plans: ['zhongshan', PLAN], data: [file(csv)], policy: DEFAULT_POLICY, year: 2025 });
    const own = r.reports.find((x) => x.plan.id === 'zhongshan');
    expect(own?.evaluation.results.find((c) => c.id === 'nursing_bed_share')).toMatchObject({ status: 'pass', actual: { value: '56' } });
    const province = r.reports.find((x) => x.plan.id === 'gdtest' && x.plan.region.code === '442000');
    expect(province?.evaluation.results.map((c) => `${c.id} ${c.status}`)).toEqual(['nursing_bed_share pass', 'special_hardship_vs_low_income pass']);
  });
});

describe('scope by level: every prefecture-level city of the province, from the region table', () => {
  it('Guangdong has 21; the terminal shows a matrix, failing first, limited with --limit', () => {
    const rows = ['广州,2025,养老机构护理型床位占比,50,%', '深圳,2025,养老机构护理型床位占比,60,%', '汕尾,2025,养老机构护理型床位占比,54,%'];
    const f = file(`${HEAD}\n${rows.join('\n')}`);
    const json = runCli(['evaluate', '--plan', 'tests/fixtures/standards/prefectures.yaml', f, '--format', 'json']);
    const out = JSON.parse(json.stdout) as { plans: { plan: { region: { code: string } } }[]; standards: { regions: { name: string }[] }[] };
    expect(out.plans).toHaveLength(21);
    expect(out.standards[0]?.regions.slice(0, 2).map((x) => x.name)).toEqual(['广州市', '汕尾市']);
    const table = runCli(['evaluate', '--plan', 'tests/fixtures/standards/prefectures.yaml', f, '--limit', '3', '--lang', 'en']);
    expect(table.stdout).toContain('for each of the 21 regions of 广东省');
    expect(table.stdout).toContain('… and 18 more regions');
    expect(table.stdout).toMatch(/1\. 养老机构护理型床位占比 \(binding\): 1 of 21 regions meet it; not: 广州市、汕尾市; missing: /);
  });
});
