/**
 * The guangdong standards plan tied to its seed — the 2025年省目标值 column
 * of 中山's 专栏1, read here cell by cell from sources/zhongshan-14th.txt —
 * and the example roll-up (examples/guangdong-2025.csv): its regions, its
 * gaps, and its verdicts. Each region's verdicts are worked out with the plan
 * narrowed to it (a city plan with the standards' each checks for a city, its
 * whole checks for the province), and the standards plan evaluated on the
 * whole roll-up must give every region exactly those.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import { evaluate, type RunReport } from '../../src/index.js';
import type { MatrixCheck } from '../../src/evaluate/matrix.js';
import { checkPlanFile } from '../../src/plan/load.js';
import type { Indicator } from '../../src/plan/model.js';
import { SEEDS, bundled, byName } from '../helpers/plans.js';
import { bundledRegions } from '../helpers/regions.js';
import { ROOT } from '../helpers/run-cli.js';

// ---------- the seed's table, cell by cell ----------

interface SeedRow {
  /** the 序号, carried down to its sub-rows */
  readonly row: string;
  /** 0 for the numbered row, 1… for its sub-rows */
  readonly sub: number;
  readonly cells: readonly string[];
  /** the cell of the 2025年省目标值 column (the one before 指标属性) */
  readonly province: string;
  /** 中山's 2025 cell */
  readonly city2025: string;
  readonly attribute: string;
}

/**
 * 专栏1 as the extraction prints it: rows separated by blank lines, a cell
 * per line starting with a tab, a line without a tab continuing the cell
 * above (2020年中山 / 实际值).
 */
function seedTable(): { header: readonly string[]; rows: readonly SeedRow[] } {
  const lines = readFileSync(join(SEEDS, 'zhongshan-14th.txt'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.includes('专栏1  中山市民政事业发展“十四五”规划主要指标'));
  const end = lines.findIndex((l, i) => i > start && l.includes('三、主要任务'));
  const blocks: string[][] = [];
  let cells: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (line === '') {
      if (cells.length > 0) blocks.push(cells);
      cells = [];
    } else if (line.startsWith('\t')) cells.push(line.slice(1).trim());
    else cells[cells.length - 1] += line.trim();
  }
  if (cells.length > 0) blocks.push(cells);
  const [header = [], ...body] = blocks;
  let row = '';
  let sub = 0;
  const rows = body.map((c): SeedRow => {
    if (/^\d+$/.test(c[0] ?? '')) [row, sub] = [c[0] ?? '', 0];
    else sub++;
    return { row, sub, cells: c, province: c[c.length - 2] ?? '', city2025: c[c.length - 3] ?? '', attribute: c[c.length - 1] ?? '' };
  });
  return { header, rows };
}

const seed = seedTable();
const compact = (s: string): string => s.replace(/\s+/g, '');
const ATTRIBUTE: Readonly<Record<string, string>> = { 约束性: 'binding', 预期性: 'expected' };

/** The cell of the column for a row's sub-row, or the cell printed above it when the sub-row's is empty (one cell over both). */
function provinceCell(row: string, sub: number): string {
  const rows = seed.rows.filter((r) => r.row === row);
  for (let s = sub; s >= 0; s--) {
    const c = rows[s]?.province ?? '';
    if (c !== '') return c;
  }
  return '';
}

function targetText(i: Indicator): string {
  expect(i.targets).toHaveLength(1);
  return i.targets[0]?.text ?? '';
}

describe('guangdong: the 2025年省目标值 column of 中山 专栏1', () => {
  it('is the column read: the one before 指标属性, in 25 numbered rows and 30 printed rows', () => {
    expect(seed.header).toEqual(['序号', '类别', '指标名称', '单位', '2020年中山实际值', '2023年中山目标值', '2025年中山目标值', '2025年省目标值', '指标属性']);
    expect(seed.rows).toHaveLength(30);
    expect(new Set(seed.rows.map((r) => r.row))).toEqual(new Set(Array.from({ length: 25 }, (_, i) => String(i + 1))));
    expect(seed.rows.every((r) => r.attribute in ATTRIBUTE)).toBe(true);
  });

  it('leaves exactly two cells empty: the second sub-rows of rows 4 (农村) and 9 (分散供养), under a cell printed once', () => {
    expect(seed.rows.filter((r) => r.province === '').map((r) => `${r.row}.${r.sub} ${r.cells.find((c) => c === '农村' || c === '分散供养') ?? ''}`)).toEqual(['4.1 农村', '9.1 分散供养']);
  });

  it('every numbered row is encoded once: an indicator, rules, or a not_encoded entry', async () => {
    const plan = await bundled('guangdong');
    const fromIndicators = new Set(plan.indicators.map((i) => String(i.source?.row)));
    const fromRules = new Set(plan.rules.map((r) => String(r.source.row)));
    const listed = new Set(plan.notEncoded.map((n) => /^专栏1 row (\d+)$/.exec(n.section ?? '')?.[1] ?? '?'));
    expect([...fromIndicators].sort((a, b) => Number(a) - Number(b))).toEqual(['2', '3', '6', '7', '8', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25']);
    expect([...fromRules].sort()).toEqual(['1', '4', '5', '9']);
    expect([...listed]).toEqual(['10']);
    expect(plan.indicators.every((i) => i.source?.table === '专栏1') && plan.rules.every((r) => r.source.table === '专栏1')).toBe(true);
    // one rule for each printed sub-row of rows 1, 4, 5 and 9
    for (const row of fromRules) expect(plan.rules.filter((r) => r.source.row === row)).toHaveLength(seed.rows.filter((r) => r.row === row).length);
  });

  it("each indicator's 2025 target is its row's cell as printed, with the row's 指标属性, and its quote holds the cell", async () => {
    const plan = await bundled('guangdong');
    for (const i of plan.indicators) {
      const [first] = seed.rows.filter((r) => r.row === i.source?.row);
      expect(first, i.id).toBeDefined();
      expect(`${i.id} ${targetText(i)}`).toBe(`${i.id} ${first?.province}`);
      expect(i.targets[0]?.year).toBe(2025);
      expect(`${i.id} ${i.attribute}`).toBe(`${i.id} ${ATTRIBUTE[first?.attribute ?? '']}`);
      expect(compact(i.source?.text ?? '')).toContain(compact(first?.province ?? '?'));
      expect(i.baseline).toBeNull();
      expect(i.required).not.toBe(true);
    }
  });

  it("each rule quotes its row's cell (the one printed over its sub-row), checks from 2025, and has the row's 指标属性", async () => {
    const plan = await bundled('guangdong');
    for (const row of ['1', '4', '5', '9']) {
      const rules = plan.rules.filter((r) => r.source.row === row);
      const subs = seed.rows.filter((r) => r.row === row);
      rules.forEach((rule, k) => {
        expect(compact(rule.source.text), rule.id).toContain(compact(provinceCell(row, k)));
        expect(rule.fromYear).toBe(2025);
        expect(`${rule.id} ${rule.attribute}`).toBe(`${rule.id} ${ATTRIBUTE[subs[k]?.attribute ?? '']}`);
      });
    }
  });

  it('row 10, 参照… with no number or comparison, is listed as not encoded with its cell', async () => {
    const plan = await bundled('guangdong');
    const [entry] = plan.notEncoded;
    expect(provinceCell('10', 0)).toBe('参照当年度分散供养孤儿生活保障标准');
    expect(compact(entry?.quote ?? '')).toContain(provinceCell('10', 0));
    expect(entry?.reason).toBe('no_quantity');
  });

  it('whole exactly where the province figure is ten times 中山’s or more (a provincial total beside a city’s own)', async () => {
    const plan = await bundled('guangdong');
    const ratio = (i: Indicator): number => {
      const [first] = seed.rows.filter((r) => r.row === i.source?.row);
      return Number(first?.province.replace(/^[>＞]/, '')) / Number(first?.city2025);
    };
    const whole = plan.indicators.filter((i) => i.applies === 'whole');
    expect(whole.map((i) => i.id)).toEqual(['elderly_care_worker_training', 'charity_trusts', 'welfare_lottery_outlets', 'hub_community_social_orgs', 'social_org_full_time_staff', 'social_work_talent_total']);
    for (const i of plan.indicators) expect(`${i.id} ${ratio(i) >= 10 ? 'whole' : 'each'}`).toBe(`${i.id} ${i.applies ?? 'each'}`);
    expect(plan.rules.every((r) => (r.applies ?? 'each') === 'each')).toBe(true);
  });

  it.each([
    // row 6: 养老机构护理型床位占比 % 40 50 55 55 约束性 — the province's 55
    ['养老机构护理型床位占比', '%', '>=', '55', 'binding'],
    // row 2: 农村低保标准占城市低保标准比例 % 100 100 100 >80 预期性
    ['农村低保标准占城市低保标准比例', '%', '>', '80', 'expected'],
    // row 14: 福利彩票销售网点数 万个 0.0505 0.051 0.0515 1.15 预期性
    ['福利彩票销售网点数', '万个', '>=', '1.15', 'expected'],
    // row 15: 每百户居民拥有的城乡社区综合服务设施建筑面积 平方米 —— 31 32 32 (per 百户)
    ['每百户居民拥有的城乡社区综合服务设施建筑面积', '平方米/百户', '>=', '32', 'expected'],
    // row 18: 社会组织专职工作人员数量 万人 3.36 3.76 4.06 92.6 预期性
    ['社会组织专职工作人员数量', '万人', '>=', '92.6', 'expected'],
    // row 22: 节地生态安葬率 % 92 92.2 92.4 65 预期性
    ['节地生态安葬率', '%', '>=', '65', 'expected'],
  ])('%s: %s %s %s, %s', async (name, unit, comparison, value, attribute) => {
    const i = byName(await bundled('guangdong'), name);
    const t = i.targets[0];
    expect([i.unit.text, t?.comparison, t?.value?.kind === 'number' ? t.value.value.toFixed() : '', i.attribute]).toEqual([unit, comparison, value, attribute]);
  });

  it('the rules, in the units the source prints', async () => {
    const plan = await bundled('guangdong');
    expect(plan.rules.map((r) => r.expression)).toEqual([
      'growth(low_income_standard_urban) >= per_capita_consumption_growth[-1]',
      'growth(low_income_standard_rural) >= per_capita_consumption_growth[-1]',
      'special_hardship_standard_urban >= 1.6 * low_income_standard_urban',
      'special_hardship_standard_rural >= 1.6 * low_income_standard_rural',
      'care_standard_full_self_care >= 2% * minimum_wage',
      'care_standard_semi_self_care >= 30% * minimum_wage',
      'care_standard_full_care >= 60% * minimum_wage',
      'growth(orphan_standard_centralised) >= per_capita_consumption_growth[-1]',
      'growth(orphan_standard_dispersed) >= per_capita_consumption_growth[-1]',
    ]);
    const units = Object.fromEntries(plan.measurements.map((m) => [m.id, m.unit.text]));
    expect(units).toMatchObject({ low_income_standard_urban: '元/人·月', special_hardship_standard_urban: '元/人·年', minimum_wage: '元/月', care_standard_full_care: '元/月', per_capita_consumption_growth: '%' });
  });

  it('validates against its seed with nothing to lint, and is scoped to Guangdong’s 21 prefecture-level cities in every year of the plan', async () => {
    const r = await checkPlanFile(join(ROOT, 'plans', 'guangdong.yaml'), SEEDS, false);
    expect(r.ok ? r.warnings.map((w) => `${w.code} ${w.message}`) : r.errors.map((e) => e.message)).toEqual([]);
    const plan = r.ok ? r.plan : undefined;
    expect(plan?.scope).toMatchObject({ levels: ['prefecture'] });
    expect(plan?.region).toEqual({ code: '440000', name: '广东省', aliases: ['广东', '全省'] });
    for (let year = 2020; year <= 2025; year++) expect(bundledRegions().children('440000', 'prefecture', { year })).toHaveLength(21);
  });
});

// ---------- the example roll-up ----------

const EXAMPLE = join(ROOT, 'examples', 'guangdong-2025.csv');
const rows = Papa.parse<Record<string, string>>(readFileSync(EXAMPLE, 'utf8'), { header: true, skipEmptyLines: true }).data;
const table = bundledRegions();
const codeCache = new Map<string, string>();
/** the region a row's cell names, as the region table reads it (one region, or the test fails) */
const codeOf = (written: string): string => {
  let code = codeCache.get(written);
  if (code === undefined) {
    const found = table.lookup(written, { year: 2025 });
    expect(found.map((r) => r.code), written).toHaveLength(1);
    codeCache.set(written, (code = found[0]?.code ?? ''));
  }
  return code;
};
const CITIES = table.children('440000', 'prefecture', { year: 2025 });
const cityName = (code: string): string => CITIES.find((c) => c.code === code)?.name ?? code;

describe('guangdong: the example roll-up', () => {
  it('says on its first row that it is illustrative', () => {
    expect(rows[0]?.['note']).toMatch(/^illustrative .*not official statistics/);
    expect(rows.slice(1).every((r) => (r['note'] ?? '') === '')).toBe(true);
  });

  it('names its regions in several spellings — full names, short names, codes, with the province before — each one of Guangdong’s cities or the province itself', () => {
    const spellings = [...new Set(rows.map((r) => r['region'] ?? ''))];
    expect(spellings.some((s) => /^\d{6}$/.test(s)) && spellings.some((s) => s.endsWith('市')) && spellings.some((s) => s.length === 2) && spellings.some((s) => s.startsWith('广东省') && s !== '广东省')).toBe(true);
    const codes = new Set(spellings.map(codeOf));
    expect([...codes].every((c) => c === '440000' || CITIES.some((x) => x.code === c))).toBe(true);
    // 潮州 sends nothing: owed, never skipped
    expect(CITIES.filter((c) => !codes.has(c.code)).map((c) => c.name)).toEqual(['潮州市']);
  });

  it('gives the province’s rows for its totals only, and each city’s for the checks of each city; 阳江 sends no 最低工资标准', async () => {
    const plan = await bundled('guangdong');
    const wholeNames = plan.indicators.filter((i) => i.applies === 'whole').map((i) => i.name);
    expect(rows.filter((r) => codeOf(r['region'] ?? '') === '440000').map((r) => r['indicator'])).toEqual(wholeNames);
    const namesOf = (code: string): Set<string> => new Set(rows.filter((r) => codeOf(r['region'] ?? '') === code).map((r) => r['indicator'] ?? ''));
    const full = namesOf('440100');
    expect(full.has('最低工资标准') && !wholeNames.some((n) => full.has(n))).toBe(true);
    expect([...full].filter((n) => !namesOf('441700').has(n))).toEqual(['最低工资标准']);
    for (const c of CITIES.filter((x) => !['441700', '445100'].includes(x.code))) expect([...namesOf(c.code)].sort(), c.name).toEqual([...full].sort());
  });
});

// ---------- verdicts, region by region ----------

const dir = mkdtempSync(join(tmpdir(), 'plancheck-guangdong-'));
const source = parse(readFileSync(join(ROOT, 'plans', 'guangdong.yaml'), 'utf8')) as {
  scope?: unknown;
  region: { code: string; name: string; aliases?: string[] };
  measurements?: unknown[];
  indicators: { applies?: string }[];
  rules?: { applies?: string }[];
};

/**
 * The plan as a city plan for one region: a city gets the checks of each
 * city, the province the checks of the whole. Written to a file, so that it
 * is loaded as any plan is.
 */
function narrowed(code: string): string {
  const whole = code === '440000';
  // without a scope there is one region, and applies is refused
  const part = <T extends { applies?: string }>(xs: readonly T[]): T[] =>
    xs
      .filter((x) => (x.applies ?? 'each') === (whole ? 'whole' : 'each'))
      .map((x) => {
        const copy = { ...x };
        delete copy.applies;
        return copy;
      });
  const city = CITIES.find((c) => c.code === code);
  const plan = {
    ...source,
    id: `guangdong-${code}`,
    region: whole ? source.region : { code, name: city?.name ?? code, aliases: city?.short ?? [] },
    indicators: part(source.indicators),
    rules: part(source.rules ?? []),
    ...(whole ? { measurements: [] } : {}),
  };
  delete plan.scope;
  const file = join(dir, `guangdong-${code}.yaml`);
  writeFileSync(file, stringify(plan));
  return file;
}

/** By region: the ids of the checks with each status. */
function byRegion(run: RunReport): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  for (const r of run.reports) {
    const by: Record<string, string[]> = {};
    for (const x of r.evaluation.results) (by[x.status] ??= []).push(x.id);
    out.set(r.plan.region.code, by);
    expect(r.evaluation.results.filter((x) => x.code === 'IMPLAUSIBLE').map((x) => x.id)).toEqual([]);
  }
  return out;
}

/** Each region's rows evaluated alone: the plan narrowed to each region, in one run. */
async function verdicts(data: string, codes: readonly string[]): Promise<Map<string, Record<string, string[]>>> {
  return byRegion(await evaluate({ plans: codes.map(narrowed), data: [data], year: 2025, policy: DEFAULT_POLICY }));
}

describe('guangdong: the example’s verdicts, each city with its own data', () => {
  const regions = ['440000', ...CITIES.map((c) => c.code)];
  let v = new Map<string, Record<string, string[]>>();
  beforeAll(async () => {
    v = await verdicts(EXAMPLE, regions);
  });

  it('fails 特困 ≥ 1.6 × 低保 (城镇 and 农村) in 汕尾, 河源 and 云浮, and nowhere else', () => {
    for (const rule of ['special_hardship_urban_vs_low_income', 'special_hardship_rural_vs_low_income']) {
      const failing = regions.filter((c) => v.get(c)?.['fail']?.includes(rule)).map(cityName);
      const passing = regions.filter((c) => v.get(c)?.['pass']?.includes(rule));
      expect(failing.sort()).toEqual(['云浮市', '汕尾市', '河源市'].sort());
      expect(passing).toHaveLength(21 - 3 - 1); // 潮州 owes its rows
    }
  });

  it('every city’s verdicts: most pass most standards; 湛江 fails a care standard; 阳江’s care rules miss its minimum wage; 潮州 owes everything', () => {
    const failing = Object.fromEntries(CITIES.map((c): [string, string[]] => [c.name, [...(v.get(c.code)?.['fail'] ?? [])].sort()]).filter(([, f]) => f.length > 0));
    expect(failing).toEqual({
      湛江市: ['care_semi_self_care_vs_minimum_wage'],
      茂名市: ['nursing_bed_share'],
      河源市: ['special_hardship_rural_vs_low_income', 'special_hardship_urban_vs_low_income'],
      梅州市: ['community_facility_area_per_100_households'],
      汕尾市: ['special_hardship_rural_vs_low_income', 'special_hardship_urban_vs_low_income'],
      揭阳市: ['eco_burial_rate'],
      云浮市: ['special_hardship_rural_vs_low_income', 'special_hardship_urban_vs_low_income'],
    });
    const checks = 14 + 9;
    for (const c of CITIES) {
      const by = v.get(c.code) ?? {};
      const missing = [...(by['missing'] ?? [])].sort();
      if (c.code === '445100') expect(missing).toHaveLength(checks);
      else if (c.code === '441700') expect(missing).toEqual(['care_full_care_vs_minimum_wage', 'care_full_self_care_vs_minimum_wage', 'care_semi_self_care_vs_minimum_wage']);
      else expect(missing, c.name).toEqual([]);
      expect(Object.values(by).flat()).toHaveLength(checks);
    }
  });

  it('the province: 慈善信托数量 96 short of 110, its other totals met', () => {
    expect(v.get('440000')).toEqual({ fail: ['charity_trusts'], pass: ['elderly_care_worker_training', 'welfare_lottery_outlets', 'hub_community_social_orgs', 'social_org_full_time_staff', 'social_work_talent_total'] });
  });

  it('the standards plan on the whole roll-up gives every region the verdicts of its own rows alone, and counts them per standard', async () => {
    const run = await evaluate({ plans: ['guangdong'], data: [EXAMPLE], policy: DEFAULT_POLICY });
    expect(run.reports[0]?.year).toBe(2025);
    expect(byRegion(run)).toEqual(v);
    const check = (id: string): MatrixCheck | undefined => run.standards?.[0]?.checks.find((c) => c.id === id);
    const names = (xs: readonly { name: string }[] | undefined): string[] => (xs ?? []).map((x) => x.name).sort();
    expect([check('special_hardship_urban_vs_low_income')?.counts.pass, names(check('special_hardship_urban_vs_low_income')?.notMet), names(check('special_hardship_urban_vs_low_income')?.missing)]).toEqual([17, ['云浮市', '汕尾市', '河源市'].sort(), ['潮州市']]);
    expect(names(check('care_full_care_vs_minimum_wage')?.missing)).toEqual(['潮州市', '阳江市'].sort());
    expect(run.standards?.[0]?.whole?.cells['charity_trusts']).toBe('fail');
  });
});

describe('guangdong: the rules at, just below and just above their thresholds (a city with its own data)', () => {
  // 汕尾: 低保 980 a month; minimum wage 1620 a month; last year's consumption growth 3%
  const base = ['城市低保标准,2024,950,元/人·月', '农村低保标准,2024,800,元/人·月', '居民人均消费支出增速,2024,3,%', '集中养育孤儿基本生活最低养育标准,2024,2000,元/人·月', '分散供养孤儿基本生活最低养育标准,2024,1500,元/人·月'];
  const cases: { name: string; rows: string[]; id: string; status: string }[] = [
    // 1.6 × 980 × 12 = 18816 元/人·年
    { name: '特困（城镇） at 1.6 × 低保', rows: ['城市低保标准,2025,980,元/人·月', '特困人员基本生活供养标准（城镇）,2025,18816,元/人年'], id: 'special_hardship_urban_vs_low_income', status: 'pass' },
    { name: '特困（城镇） 1 元 a year short', rows: ['城市低保标准,2025,980,元/人·月', '特困人员基本生活供养标准（城镇）,2025,18815,元/人年'], id: 'special_hardship_urban_vs_low_income', status: 'fail' },
    { name: '特困（城镇） above 1.6 × 低保 meets the floor', rows: ['城市低保标准,2025,980,元/人·月', '特困人员基本生活供养标准（城镇）,2025,1700,元/人·月'], id: 'special_hardship_urban_vs_low_income', status: 'pass' },
    { name: '特困（农村） 1 元 a month short', rows: ['农村低保标准,2025,850,元/人·月', '特困人员基本生活供养标准（农村）,2025,1359,元/人·月'], id: 'special_hardship_rural_vs_low_income', status: 'fail' },
    // 2% × 1620 = 32.4; 30% × 1620 = 486; 60% × 1620 = 972
    { name: '全自理 at 2%', rows: ['最低工资标准,2025,1620,元/月', '特困人员照料护理标准（全自理）,2025,32.4,元/月'], id: 'care_full_self_care_vs_minimum_wage', status: 'pass' },
    { name: '全自理 below 2%', rows: ['最低工资标准,2025,1620,元/月', '特困人员照料护理标准（全自理）,2025,32,元/月'], id: 'care_full_self_care_vs_minimum_wage', status: 'fail' },
    { name: '半自理 at 30%', rows: ['最低工资标准,2025,1620,元/月', '特困人员照料护理标准（半自理）,2025,486,元/月'], id: 'care_semi_self_care_vs_minimum_wage', status: 'pass' },
    { name: '半自理 below 30%', rows: ['最低工资标准,2025,1620,元/月', '特困人员照料护理标准（半自理）,2025,485,元/月'], id: 'care_semi_self_care_vs_minimum_wage', status: 'fail' },
    { name: '全护理 above 60%', rows: ['最低工资标准,2025,1620,元/月', '特困人员照料护理标准（全护理）,2025,973,元/月'], id: 'care_full_care_vs_minimum_wage', status: 'pass' },
    { name: '全护理 below 60%', rows: ['最低工资标准,2025,1620,元/月', '特困人员照料护理标准（全护理）,2025,971,元/月'], id: 'care_full_care_vs_minimum_wage', status: 'fail' },
    // 950 × 1.03 = 978.5: 979 grows 3.05%, 978 2.95%
    { name: '城镇低保 grows just above last year’s consumption', rows: ['城市低保标准,2025,979,元/人·月'], id: 'low_income_urban_growth_vs_consumption', status: 'pass' },
    { name: '城镇低保 grows just below it', rows: ['城市低保标准,2025,978,元/人·月'], id: 'low_income_urban_growth_vs_consumption', status: 'fail' },
    // 800 × 1.03 = 824
    { name: '农村低保 grows exactly as much', rows: ['农村低保标准,2025,824,元/人·月'], id: 'low_income_rural_growth_vs_consumption', status: 'pass' },
    { name: '农村低保 grows less', rows: ['农村低保标准,2025,823,元/人·月'], id: 'low_income_rural_growth_vs_consumption', status: 'fail' },
    // 2000 × 1.03 = 2060; 1500 × 1.03 = 1545
    { name: '集中养育 grows exactly as much', rows: ['集中养育孤儿基本生活最低养育标准,2025,2060,元/人·月'], id: 'orphan_centralised_growth_vs_consumption', status: 'pass' },
    { name: '集中养育 grows less', rows: ['集中养育孤儿基本生活最低养育标准,2025,2059,元/人·月'], id: 'orphan_centralised_growth_vs_consumption', status: 'fail' },
    { name: '分散供养 grows more', rows: ['分散供养孤儿基本生活最低养育标准,2025,1546,元/人·月'], id: 'orphan_dispersed_growth_vs_consumption', status: 'pass' },
    { name: '分散供养 grows less', rows: ['分散供养孤儿基本生活最低养育标准,2025,1544,元/人·月'], id: 'orphan_dispersed_growth_vs_consumption', status: 'fail' },
  ];
  let n = 0;
  it.each(cases)('$name: $status', async ({ rows: extra, id, status }) => {
    const file = join(dir, `threshold-${n++}.csv`);
    writeFileSync(file, ['region,indicator,period,value,unit', ...[...base, ...extra].map((r) => `汕尾,${r}`)].join('\n'));
    const v = await verdicts(file, ['441500']);
    expect(Object.entries(v.get('441500') ?? {}).find(([, ids]) => ids.includes(id))?.[0]).toBe(status);
  });
});
