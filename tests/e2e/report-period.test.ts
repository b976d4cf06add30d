/**
 * Part years: `report --period 2024-06` reads January–June 2024 as
 * `evaluate --period 2024-06` does — a flow's annual target pro-rated, a
 * stock against the path at June — labels the column as a part year, and
 * grades consistently with evaluate's verdicts.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FILES = ['examples/suzhou-2021.csv', 'examples/suzhou-2022.csv', 'examples/suzhou-2023.csv', 'examples/monthly-2024.csv'];

interface Item {
  id: string;
  method: string | null;
  ratio: string | null;
  ratio_display: string | null;
  category: string;
  grade: string | null;
  status: string | null;
  baseline: { from_data: boolean } | null;
  series: { year: number; month: number; partial: boolean; value: string }[];
}

function reportJson(args: readonly string[]): { as_of: { year: number; month: number; partial: boolean }; kind: string; indicators: Item[] } {
  const r = runCli(['report', '--plan', 'suzhou', ...FILES, ...args, '--format', 'json']);
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as ReturnType<typeof reportJson>;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('schemas/report.schema.json', 'utf8')) as object);
  validate(out);
  expect(validate.errors ?? []).toEqual([]);
  return out;
}

describe('report --period 2024-06 on Suzhou 2021–2023 and the January–June 2024 submissions', () => {
  const out = reportJson(['--period', '2024-06']);
  const by = new Map(out.indicators.map((i) => [i.id, i]));

  it('is a mid-term evaluation as of the end of June 2024', () => {
    expect(out.kind).toBe('midterm');
    expect(out.as_of).toEqual({ year: 2024, month: 6, partial: true });
  });

  it('pro-rates a yearly flow: 1050 of 2000 by June is 1050 against 1000, ahead (not behind significantly)', () => {
    const x = by.get('night_care_beds_added') as Item;
    expect(x.series.at(-1)).toEqual({ year: 2024, month: 6, partial: true, value: '1050' });
    expect(x).toMatchObject({ method: 'annual', ratio: '1.05', category: 'ahead' });
  });

  it('reads a stock against the path at June: 19.45% in 2024 Q2, τ = 3.5/5', () => {
    // covered (19.45 − 18.3) / (20 − 18.3) = 0.676471; R = 0.676471 / 0.7 = 0.966387: on track
    const x = by.get('home_service_elderly_share') as Item;
    expect(Number(x.ratio)).toBeCloseTo(0.966387, 6);
    expect(x.category).toBe('on_track');
  });

  it('agrees with evaluate --period 2024-06: a part-year value passes its milestone exactly when R ≥ 1', () => {
    const r = runCli(['evaluate', '--plan', 'suzhou', ...FILES, '--period', '2024-06', '--format', 'json', '--fail-on', 'never']);
    const ev = new Map((JSON.parse(r.stdout) as { results: { id: string; kind: string; status: string }[] }).results.filter((x) => x.kind === 'target').map((x) => [x.id, x.status]));
    const compared = out.indicators.filter(
      (i) => (i.method === 'linear' || i.method === 'annual' || i.category === 'achieved') && i.baseline?.from_data !== true && i.series.at(-1)?.partial === true && ['pass', 'fail'].includes(ev.get(i.id) ?? ''),
    );
    // the flow, the quarterly stocks and the monthly standards of the example
    expect(compared.length).toBeGreaterThanOrEqual(3);
    for (const i of compared) {
      expect(i.status, i.id).toBe(ev.get(i.id));
      expect(ev.get(i.id) === 'pass', i.id).toBe(i.category === 'achieved' || i.category === 'ahead');
    }
  });

  it('labels the part year in both languages', () => {
    const zh = runCli(['report', '--plan', 'suzhou', ...FILES, '--period', '2024-06', '--lang', 'zh']).stdout;
    expect(zh).toContain('| 2024年1–6月 |');
    expect(zh).toContain('- 数据截至：2024年6月末');
    expect(zh).toContain('2024年1–6月为不完整年度');
    const en = runCli(['report', '--plan', 'suzhou', ...FILES, '--period', '2024-06', '--lang', 'en']).stdout;
    expect(en).toContain('| Jan–Jun 2024 |');
  });

  it('without --period, a thin latest month is not taken as the cut-off (as evaluate refuses it); --period 2024-06 takes it; --year 2023 stops at 2023', () => {
    const r = runCli(['report', '--plan', 'suzhou', ...FILES, '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('the latest period in the data, 2024-06, holds only 5 of the 107 rows');
    expect(r.stderr).toContain('2023: 37 rows');
    expect(r.stderr).toContain('e.g. --year 2023, or --period 2024-06 for the data to 2024-06');
    expect(reportJson(['--period', '2024-06']).as_of).toEqual({ year: 2024, month: 6, partial: true });
    const y = reportJson(['--year', '2023']);
    expect(y.as_of).toEqual({ year: 2023, month: 12, partial: false });
    expect(y.indicators.every((i) => i.series.every((s) => s.year <= 2023))).toBe(true);
  });

  it('never shows an R that reads as the next grade: the display is cut, not rounded', () => {
    for (const i of out.indicators) {
      if (i.ratio === null) continue;
      const shown = Number(i.ratio_display);
      expect(shown, i.id).toBeLessThanOrEqual(Number(i.ratio));
      if (i.category === 'behind') expect(shown, i.id).toBeLessThan(0.95);
      if (i.category === 'on_track') expect(shown, i.id).toBeLessThan(1);
    }
  });

  it('takes no total from a flow with months unreported: a cut-off at the end of 2024 with January–June is INCOMPLETE, as in evaluate', () => {
    const r = runCli(['report', '--plan', 'suzhou', ...FILES, 'tests/fixtures/report-incomplete-flow/yearly-2024.csv', '--year', '2024', '--format', 'json']);
    const x = (JSON.parse(r.stdout) as { as_of: { month: number }; indicators: Item[] }).indicators.find((i) => i.id === 'night_care_beds_added') as Item;
    expect(x.series.map((s) => s.year)).toEqual([2021, 2022, 2023]);
    expect(x.status).toBe('missing');
    const ev = runCli(['evaluate', '--plan', 'suzhou', ...FILES, 'tests/fixtures/report-incomplete-flow/yearly-2024.csv', '--year', '2024', '--format', 'json', '--fail-on', 'never']);
    expect((JSON.parse(ev.stdout) as { results: { id: string; code: string }[] }).results.find((y) => y.id === 'night_care_beds_added')?.code).toBe('INCOMPLETE');
  });
});
