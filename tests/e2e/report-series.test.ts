/** `plancheck report` on the example Suzhou series 2021–2024, against hand calculations. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SERIES = ['examples/suzhou-2021.csv', 'examples/suzhou-2022.csv', 'examples/suzhou-2023.csv', 'examples/suzhou-2024.csv'];

interface Item {
  id: string;
  method: string | null;
  ratio: string | null;
  covered: string | null;
  category: string;
  grade: string | null;
  baseline: { year: number; value: string; from_data: boolean } | null;
  series: { year: number; value: string }[];
}

describe('plancheck report --plan suzhou on the 2021–2024 series', () => {
  const r = runCli(['report', '--plan', 'suzhou', ...SERIES, '--format', 'json']);
  const out = JSON.parse(r.stdout) as { years: number[]; indicators: Item[]; summary: Record<string, number> };
  const by = Object.fromEntries(out.indicators.map((x) => [x.id, x]));

  it('covers the years of the series', () => {
    expect(r.status).toBe(0);
    expect(out.years).toEqual([2021, 2022, 2023, 2024]);
  });

  it('linear, ahead: 社会救助中心建成率 50% (2020) → 85% (2024), target 90% in 2025', () => {
    // covered = 35/40 = 0.875; τ = 4/5 = 0.8; R = 1.09375 ≥ 1
    expect(by['county_assistance_center_rate']).toMatchObject({ method: 'linear', covered: '0.875', ratio: '1.09375', category: 'ahead' });
  });

  it('linear, behind moderately: 护理型床位占比 75% → 77.1%, target 78%', () => {
    // covered = 2.1/3 = 0.7; R = 0.7/0.8 = 0.875: between 0.60 and 0.95
    expect(by['nursing_bed_share']).toMatchObject({ covered: '0.7', ratio: '0.875', category: 'behind', grade: 'moderately' });
  });

  it('compound growth, ahead: 家庭适老化改造户数 3067 → 39200 户, target 50000', () => {
    // so far (39200/3067)^(1/4) − 1 = 0.89079; required (50000/3067)^(1/5) − 1 = 0.74764; R = 1.19147
    const x = by['home_adaptation_households'] as Item;
    expect(x.method).toBe('compound');
    expect(Number(x.ratio)).toBeCloseTo(1.19147, 5);
    expect(x.category).toBe('ahead');
  });

  it('no baseline in the plan: 老年友好社区 from the first year in the data, 150 (2021) → 840 (2024)', () => {
    // so far (840/150)^(1/3) − 1 = 0.77581; required (1000/150)^(1/4) − 1 = 0.60686; R = 1.27840
    const x = by['elderly_friendly_communities'] as Item;
    expect(x.baseline).toEqual({ year: 2021, value: '150', from_data: true });
    expect(Number(x.ratio)).toBeCloseTo(1.2784, 4);
    expect(x.category).toBe('ahead');
  });

  it('achieved early: 县级地名规划修编完成率 100% in 2023', () => {
    expect(by['county_place_name_plan_revision_rate']?.category).toBe('achieved');
  });

  it('HTML and Markdown carry the same verdicts', () => {
    const md = runCli(['report', '--plan', 'suzhou', ...SERIES, '--lang', 'zh']).stdout;
    expect(md).toMatch(/\| 护理型床位占养老机构床位比例 \| 约束性 \| % \| 75 \| 75\.5 \|.*\| 不低于78 \| 70% · R 0\.87 \| 滞后（轻度） \|/);
    // every label Chinese: comparisons in words, paces per year in 个百分点 or growth, units kept
    expect(md).toContain('- 年均进度（已有 → 所需）：0.52个百分点/年 → 0.9个百分点/年');
    expect(md).toContain('- 年均进度（已有 → 所需）：年均增长13% → 年均增长6.1%');
    expect(md).toContain('- 目标值：不低于2.6万人（2025年）');
    expect(md).not.toMatch(/>=|<=|pp\/yr|\/yr/);
    const html = runCli(['report', '--plan', 'suzhou', ...SERIES, '--format', 'html']).stdout;
    expect(html).toContain('<html lang="en">');
    expect(runCli(['report', '--plan', 'suzhou', ...SERIES, '--format', 'html', '--lang', 'zh']).stdout).toContain('<html lang="zh-CN">');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});
