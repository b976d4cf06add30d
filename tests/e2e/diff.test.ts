import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const PLAN = 'tests/fixtures/basic/plan.yaml';
const dir = mkdtempSync(join(tmpdir(), 'plancheck-diff-'));

function save(name: string, args: string[]): string {
  const file = join(dir, name);
  const r = runCli(['evaluate', '--format', 'json', '--fail-on', 'never', ...args]);
  expect(r.status).toBe(0);
  writeFileSync(file, r.stdout);
  return file;
}

interface Change {
  id: string;
  transition: string;
  old_status: string;
  new_status: string;
  delta: string | null;
  verdict: string | null;
  distance_change: string | null;
}

describe('plancheck diff', () => {
  const y2023 = save('2023.json', ['--plan', PLAN, 'tests/fixtures/basic/data.csv']);
  const y2024 = save('2024.json', ['--plan', PLAN, 'tests/fixtures/diff/data-2024.csv']);

  it('two saved results of different years: transitions and direction-aware value changes', () => {
    const r = runCli(['diff', y2023, y2024, '--format', 'json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { checks: Change[]; plan_changes: unknown[]; binding_regressions: number };
    const by = Object.fromEntries(d.checks.map((c) => [c.id, c]));
    // 19.5% → 19.0%: pass → fail (behind the 2024 milestone 19.66%), higher is better
    expect(by['home_visit_share']).toMatchObject({ transition: 'regressed', delta: '-0.5', verdict: 'worsened', distance_change: '0.5' });
    // 38% → 36.5%: lower is better, still failing but improved and 1.5 closer to the 35% target
    expect(by['burial_share']).toMatchObject({ transition: 'still_failing', delta: '-1.5', verdict: 'improved', distance_change: '-1.5' });
    // 600 → 1000 个: pending → pass
    expect(by['elderly_friendly_communities']).toMatchObject({ transition: 'newly_evaluable', verdict: 'improved' });
    expect(by['special_hardship_vs_low_income']).toMatchObject({ transition: 'recovered' });
    expect(d.binding_regressions).toBe(1);
    expect(d.plan_changes).toEqual([]);
  });

  it('--fail-on-regression gates on a binding regression', () => {
    expect(runCli(['diff', y2023, y2024, '--fail-on-regression']).status).toBe(1);
    expect(runCli(['diff', y2024, y2024, '--fail-on-regression']).status).toBe(0);
  });

  it('a changed target in a copy of the plan shows up as a plan change', () => {
    const changed = save('changed.json', ['--plan', 'tests/fixtures/diff/plan-changed-target.yaml', 'tests/fixtures/basic/data.csv']);
    const d = JSON.parse(runCli(['diff', y2023, changed, '--format', 'json']).stdout) as { plan_changes: { id: string; change: string; old: string; new: string }[] };
    expect(d.plan_changes).toEqual([{ plan: 'basic', id: 'home_visit_share', name: '接受上门服务的居家老年人数占比', change: 'target_changed', old: '2025 >= 20', new: '2025 >= 21' }]);
  });

  it('evaluates both sides from data files with --plan … --', () => {
    const r = runCli(['diff', '--plan', PLAN, 'tests/fixtures/basic/data.csv', '--', 'tests/fixtures/diff/data-2024.csv', '--format', 'json']);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { old: { plans: { period: string }[] }; new: { plans: { period: string }[] }; checks: Change[] };
    expect([d.old.plans[0]?.period, d.new.plans[0]?.period]).toEqual(['2023', '2024']);
    expect(d.checks.find((c) => c.id === 'home_visit_share')?.transition).toBe('regressed');
  });

  it('table and markdown name the transitions', () => {
    expect(runCli(['diff', y2023, y2024, '--lang', 'en']).stdout).toContain('1 regressed (1 binding), 1 recovered, 1 still failing, 1 newly evaluable');
    const md = runCli(['diff', y2023, y2024, '--format', 'markdown', '--lang', 'zh']).stdout;
    expect(md).toContain('退步 1（其中约束性 1）');
    expect(md).toContain('接受上门服务的居家老年人数占比');
  });

  it('a file that is not a result is bad input', () => {
    const r = runCli(['diff', y2023, 'tests/fixtures/basic/data.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/data.csv:1: error: not a JSON result/);
  });
});

describe('plancheck diff on the Suzhou examples, 2023 → 2024 (milestones by hand)', () => {
  const y2023 = save('suzhou-2023.json', ['--plan', 'suzhou', 'examples/suzhou-2023.csv']);
  const y2024 = save('suzhou-2024.json', ['--plan', 'suzhou', 'examples/suzhou-2024.csv']);
  const d = JSON.parse(runCli(['diff', y2023, y2024, '--format', 'json']).stdout) as { checks: (Change & { old_value: string | null; new_value: string | null })[]; binding_regressions: number; plan_changes: unknown[] };
  const by = Object.fromEntries(d.checks.map((c) => [c.id, c]));

  it.each([
    // 护理型床位占比: 76.9 ≥ 76.8 (2023: 75 + 3 × 3/5) passed; 77.1 < 77.4 (2024: 75 + 3 × 4/5) fails — though the value rose
    ['nursing_bed_share', 'regressed', 'improved', '-0.2'],
    // 民主协商机制完善率: 97 < 98 failed; 99 ≥ 99 (95 + 5 × 4/5) passes
    ['community_consultation_rate', 'recovered', 'improved', '-2'],
    // 上门服务占比: 19.1 < 19.32 and 19.6 < 19.66: still failing, 0.5 closer to 20
    ['home_service_elderly_share', 'still_failing', 'improved', '-0.5'],
    // 特困 1694 = 1.4 × 1210 exactly: the rule now holds
    ['special_hardship_vs_low_income', 'recovered', 'improved', undefined],
  ])('%s: %s, value %s, distance change %s', (id, transition, verdict, distance) => {
    expect(by[id]).toMatchObject({ transition, verdict });
    expect(by[id]?.distance_change).toBe(distance ?? null);
  });

  it('counts one binding regression, and no plan change', () => {
    expect(d.binding_regressions).toBe(1);
    expect(d.plan_changes).toEqual([]);
    expect(runCli(['diff', y2023, y2024, '--fail-on-regression']).status).toBe(1);
  });
});
