/**
 * `plancheck report`: what the pipeline hands the formats, the numbers in
 * words, and the JSON record (schemas/report.schema.json). The document
 * itself — the same for Markdown, HTML and Word — is built in
 * progress-document.ts.
 */
import type { DataFileInfo } from '../data/load.js';
import { ratioFloor, type Progress, type ProgressCategory } from '../evaluate/progress.js';
import { THRESHOLDS } from '../evaluate/progress.js';
import type { CheckResult } from '../evaluate/result.js';
import { referencesOf } from '../evaluate/targets.js';
import type { AsOf } from '../model/period.js';
import type { Plan, Rule } from '../plan/model.js';
import { Decimal } from '../values/decimal.js';
import { t, type Lang } from './messages.js';

/** One year of a rule, as `evaluate` computes it for that year (the last as of the cut-off). */
export interface RuleYear {
  readonly asOf: AsOf;
  readonly result: CheckResult;
}

export interface ProgressReport {
  readonly plan: Plan;
  readonly planFile: string;
  readonly sha256: string;
  readonly data: readonly DataFileInfo[];
  /** the cut-off: the end of this month */
  readonly asOf: AsOf;
  /** a final evaluation (终期评估): the plan's last year is complete */
  readonly final: boolean;
  readonly years: readonly number[];
  readonly items: readonly Progress[];
  /** every target as `evaluate` checks it at the cut-off */
  readonly outcomes: readonly CheckResult[];
  readonly rules: readonly { readonly rule: Rule; readonly years: readonly RuleYear[] }[];
  readonly org?: string;
  readonly date?: string;
}

export const CATEGORIES: readonly ProgressCategory[] = ['achieved', 'ahead', 'on_track', 'behind', 'moving_away', 'not_assessable'];

/** A final verdict: the target met, not met, or not known (no data, reported absent). */
export type Outcome = 'met' | 'not_met' | 'unknown';
export const OUTCOMES: readonly Outcome[] = ['met', 'not_met', 'unknown'];

export function outcomeOf(r: CheckResult | undefined): Outcome {
  return r?.status === 'pass' ? 'met' : r?.status === 'fail' ? 'not_met' : 'unknown';
}

export function fmt(d: Decimal | undefined, places = 2): string {
  return d === undefined ? '—' : d.toDecimalPlaces(places).toFixed();
}

export function pct(d: Decimal | undefined): string {
  return d === undefined ? '—' : `${d.mul(100).toDecimalPlaces(1).toFixed()}%`;
}

/** R as shown: two places, cut so that it never reads as the next grade up. */
export function ratioText(p: Progress): string {
  return p.ratio === undefined ? '—' : ratioFloor(p.ratio).toFixed(2);
}

export function categoryLabel(p: Progress, lang: Lang): string {
  const base = t(lang, `progress.${p.category}`);
  if (!p.grade) return base;
  const grade = t(lang, `progress.grade.${p.grade}`);
  return t(lang, 'progress.with_grade', { base, grade });
}

export function summaryCounts(items: readonly Progress[]): Record<ProgressCategory, number> {
  const c = Object.fromEntries(CATEGORIES.map((k) => [k, 0])) as Record<ProgressCategory, number>;
  for (const p of items) c[p.category]++;
  return c;
}

export interface Completion {
  readonly met: number;
  readonly notMet: number;
  readonly unknown: number;
  /** met ÷ (met + not met); undefined when nothing could be assessed */
  readonly rate?: Decimal;
}

/** The completion rate of a final evaluation over some targets (all, or the binding ones). */
export function completionOf(outcomes: readonly CheckResult[]): Completion {
  const n = { met: 0, not_met: 0, unknown: 0 };
  for (const r of outcomes) n[outcomeOf(r)]++;
  const assessed = n.met + n.not_met;
  const rate = assessed === 0 ? undefined : new Decimal(n.met).div(assessed);
  return { met: n.met, notMet: n.not_met, unknown: n.unknown, ...(rate ? { rate } : {}) };
}

export function formatProgressJson(r: ProgressReport): string {
  const s = (d: Decimal | undefined): string | null => (d === undefined ? null : d.toDecimalPlaces(6).toFixed());
  const outcomes = new Map(r.outcomes.map((o) => [o.id, o]));
  const completion = (list: readonly CheckResult[]): object => {
    const c = completionOf(list);
    return { met: c.met, not_met: c.notMet, unknown: c.unknown, rate: s(c.rate) };
  };
  const doc = {
    schema_version: '2.1.0',
    kind: r.final ? 'final' : 'midterm',
    plan: { id: r.plan.id, title: r.plan.title, region: r.plan.region.name, file: r.planFile, sha256: r.sha256 },
    data: r.data.map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows, encoding: f.encoding })),
    as_of: { year: r.asOf.year, month: r.asOf.month, partial: r.asOf.month < 12 },
    org: r.org ?? null,
    date: r.date ?? null,
    years: r.years,
    method: { thresholds: { ahead: THRESHOLDS.ahead, on_track: THRESHOLDS.onTrack, moderate: THRESHOLDS.moderate, away: THRESHOLDS.away }, ratio_display: 'floor_2' },
    summary: summaryCounts(r.items),
    completion: r.final ? { overall: completion(r.outcomes), binding: completion(r.outcomes.filter((o) => o.attribute === 'binding')) } : null,
    indicators: r.items.map((p) => {
      const o = outcomes.get(p.indicator.id);
      return {
        id: p.indicator.id,
        name: p.indicator.name,
        unit: p.indicator.unit.text,
        category_name: p.indicator.category ?? null,
        attribute: p.indicator.attribute,
        direction: p.indicator.direction,
        baseline: p.baseline ? { year: p.baseline.year, value: s(p.baseline.value), from_data: p.baselineFromData === true } : null,
        target: p.target ? { year: p.target.year, comparison: p.target.comparison, value: s(p.target.value) } : null,
        series: p.series.map((x) => ({ year: x.year, month: x.month ?? 12, partial: (x.month ?? 12) < 12, value: s(x.value) })),
        method: p.method ?? null,
        tau: s(p.tau),
        covered: s(p.covered),
        ratio: s(p.ratio),
        ratio_display: p.ratio === undefined ? null : ratioText(p),
        pace_so_far: s(p.paceSoFar),
        pace_needed: s(p.paceNeeded),
        category: p.category,
        grade: p.grade ?? null,
        reason: p.reason ?? null,
        outcome: r.final ? outcomeOf(o) : null,
        status: o?.status ?? null,
        // values the source states beside the target, shown with the verdict and not graded (schema 2.1)
        references: (o?.references ?? referencesOf(p.indicator)).map((x) => ({ label: x.label, year: x.year ?? null, comparison: x.comparison ?? null, value: x.value ?? null, unit: x.unit, quote: x.quote })),
      };
    }),
    rules: r.rules.map(({ rule, years }) => ({
      id: rule.id,
      name: rule.name,
      attribute: rule.attribute,
      expression: rule.expression,
      years: years.map((y) => ({
        year: y.asOf.year,
        month: y.asOf.month,
        status: y.result.status,
        substituted: y.result.substituted ?? null,
        comparisons: (y.result.comparisons ?? []).map((c) => ({ left: c.left, op: c.op, right: c.right, unit: c.unit, difference: c.difference ?? null, holds: c.holds })),
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
