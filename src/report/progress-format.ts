/**
 * `plancheck report`: the mid-term / final evaluation as Markdown or JSON.
 * (HTML is in progress-html.ts.)
 */
import type { Progress, ProgressCategory } from '../evaluate/progress.js';
import { THRESHOLDS } from '../evaluate/progress.js';
import type { Plan } from '../plan/model.js';
import type { Decimal } from '../values/decimal.js';
import { t, type Lang } from './messages.js';

export interface ProgressReport {
  readonly plan: Plan;
  readonly planFile: string;
  readonly sha256: string;
  readonly years: readonly number[];
  readonly items: readonly Progress[];
}

export const CATEGORIES: readonly ProgressCategory[] = ['achieved', 'ahead', 'on_track', 'behind', 'moving_away', 'not_assessable'];

export function fmt(d: Decimal | undefined, places = 2): string {
  return d === undefined ? '—' : d.toDecimalPlaces(places).toFixed();
}

export function pct(d: Decimal | undefined): string {
  return d === undefined ? '—' : `${d.mul(100).toDecimalPlaces(1).toFixed()}%`;
}

export function categoryLabel(p: Progress, lang: Lang): string {
  const base = t(lang, `progress.${p.category}`);
  if (!p.grade) return base;
  const grade = t(lang, `progress.grade.${p.grade}`);
  return t(lang, 'progress.with_grade', { base, grade });
}

export function paceText(p: Progress): { soFar: string; needed: string } {
  if (p.method === 'compound') return { soFar: pct(p.paceSoFar), needed: pct(p.paceNeeded) };
  const unit = p.indicator.unit.text;
  const per = (d: Decimal | undefined): string => (d === undefined ? '—' : `${fmt(d)}${unit === '%' ? ' pp' : ` ${unit}`}/yr`);
  return { soFar: per(p.paceSoFar), needed: per(p.paceNeeded) };
}

export function summaryCounts(items: readonly Progress[]): Record<ProgressCategory, number> {
  const c = Object.fromEntries(CATEGORIES.map((k) => [k, 0])) as Record<ProgressCategory, number>;
  for (const p of items) c[p.category]++;
  return c;
}

export function methodText(lang: Lang): string {
  return t(lang, 'progress.method', { ahead: THRESHOLDS.ahead, onTrack: THRESHOLDS.onTrack, moderate: THRESHOLDS.moderate });
}

export function formatProgressMarkdown(r: ProgressReport, lang: Lang): string {
  const out: string[] = [`# ${r.plan.title} — ${t(lang, 'progress.title')}`, '', `${t(lang, 'progress.years')}: ${r.years.join(', ') || '—'}`, '', methodText(lang), ''];
  const counts = summaryCounts(r.items);
  out.push(`| ${CATEGORIES.map((c) => t(lang, `progress.${c}`)).join(' | ')} |`, `|${CATEGORIES.map(() => '---').join('|')}|`, `| ${CATEGORIES.map((c) => counts[c]).join(' | ')} |`, '');
  const years = r.years;
  out.push(`| ${t(lang, 'heading.indicator')} | ${t(lang, 'progress.baseline')} | ${years.join(' | ')} | ${t(lang, 'progress.target')} | ${t(lang, 'progress.covered')} | R | ${t(lang, 'progress.pace')} | ${t(lang, 'progress.verdict')} |`);
  out.push(`|---|---|${years.map(() => '---').join('|')}|---|---|---|---|---|`);
  for (const p of r.items) {
    const byYear = new Map(p.series.map((s) => [s.year, s.value]));
    const pace = paceText(p);
    out.push(
      `| ${p.indicator.name} (${p.indicator.unit.text}) | ${p.baseline ? `${fmt(p.baseline.value)} (${p.baseline.year}${p.baselineFromData ? '*' : ''})` : '—'} | ${years.map((y) => fmt(byYear.get(y))).join(' | ')} | ${p.target ? `${p.target.comparison} ${fmt(p.target.value)} (${p.target.year})` : '—'} | ${pct(p.covered)} | ${fmt(p.ratio)} | ${pace.soFar} → ${pace.needed} | ${categoryLabel(p, lang)} |`,
    );
  }
  if (r.items.some((p) => p.baselineFromData)) out.push('', `\\* ${t(lang, 'progress.baseline_from_data')}`);
  return `${out.join('\n')}\n`;
}

export function formatProgressJson(r: ProgressReport): string {
  const s = (d: Decimal | undefined): string | null => (d === undefined ? null : d.toDecimalPlaces(6).toFixed());
  const doc = {
    schema_version: '1.0.0',
    plan: { id: r.plan.id, title: r.plan.title, file: r.planFile, sha256: r.sha256 },
    years: r.years,
    method: { thresholds: THRESHOLDS },
    summary: summaryCounts(r.items),
    indicators: r.items.map((p) => ({
      id: p.indicator.id,
      name: p.indicator.name,
      unit: p.indicator.unit.text,
      attribute: p.indicator.attribute,
      direction: p.indicator.direction,
      baseline: p.baseline ? { year: p.baseline.year, value: s(p.baseline.value), from_data: p.baselineFromData === true } : null,
      target: p.target ? { year: p.target.year, comparison: p.target.comparison, value: s(p.target.value) } : null,
      series: p.series.map((x) => ({ year: x.year, value: s(x.value) })),
      method: p.method ?? null,
      tau: s(p.tau),
      covered: s(p.covered),
      ratio: s(p.ratio),
      pace_so_far: s(p.paceSoFar),
      pace_needed: s(p.paceNeeded),
      category: p.category,
      grade: p.grade ?? null,
      reason: p.reason ?? null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
