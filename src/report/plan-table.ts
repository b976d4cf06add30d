/** `plancheck plans` and `plancheck show`: plans as tables for people. */
import Table from 'cli-table3';
import { describeEnvelope, isShare } from '../evaluate/plausibility.js';
import type { Comparison, Indicator, LoadedPlan, Plan, PlanValue, Quote } from '../plan/model.js';
import type { Lang } from './messages.js';
import { t } from './messages.js';
import { wrapCell } from './table.js';

const OPS: Readonly<Record<Comparison, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', between: '' };

function table(head: string[], widths: number[], rows: string[][]): string {
  const tb = new Table({ head, colWidths: widths, style: { head: [], border: [] } });
  for (const r of rows) tb.push(r.map((c, i) => wrapCell(c, (widths[i] ?? 12) - 2)));
  return tb.toString();
}

function showValue(v: PlanValue | undefined): string {
  if (!v) return '';
  if (v.kind === 'number') return v.value.toFixed();
  if (v.kind === 'boolean') return v.value ? '是' : '否';
  return v.text;
}

function targetsText(ind: Indicator): string {
  const own = ind.targets.map((tg) => `${tg.year}: ${tg.comparison === 'between' && tg.range ? `${tg.range[0].toFixed()}–${tg.range[1].toFixed()}` : `${OPS[tg.comparison]}${showValue(tg.value)}`}`);
  const refs = ind.references.map((r) => `(${r.label}: ${r.text})`);
  const growth = ind.annualGrowth ? [`年均增速 ${ind.annualGrowth.text}`] : [];
  const envelope = ind.plausible !== undefined || isShare(ind) ? [`≈ ${describeEnvelope(ind)}`] : [];
  return [...own, ...growth, ...refs, ...envelope].join('\n') || '—';
}

export function sourceText(q: Quote | undefined): string {
  if (!q) return '—';
  return [q.table ?? q.section, q.row === undefined ? undefined : `#${q.row}`].filter(Boolean).join(' ');
}

const ATTR: Readonly<Record<string, string>> = { binding: '约束性', expected: '预期性', unspecified: '—' };

export function formatPlanList(plans: readonly LoadedPlan[], lang: Lang): string {
  const head = ['id', 'plans.title', 'plans.region', 'plans.period', 'plans.indicators', 'plans.rules'].map((k) => (k === 'id' ? k : t(lang, k)));
  const rows = plans.map(({ plan: p }) => [p.id, p.title, `${p.region.name} (${p.region.code})`, `${p.period.baselineYear} → ${p.period.firstYear}–${p.period.lastYear}`, String(p.indicators.length), String(p.rules.length)]);
  return `${table(head, [14, 44, 28, 20, 12, 8], rows)}\n`;
}

export function formatPlanShow(loaded: LoadedPlan, lang: Lang): string {
  const p: Plan = loaded.plan;
  const out: string[] = [`${p.title} (${p.id}) — ${p.region.name} ${p.region.code}, ${p.period.baselineYear} → ${p.period.firstYear}–${p.period.lastYear}`, `${t(lang, 'show.source')}: ${p.source.title} (${p.source.file})`];
  const head = ['#', 'heading.indicator', 'show.unit', 'heading.attribute', 'progress.baseline', 'show.targets', 'show.source'].map((k) => (k === '#' ? k : t(lang, k)));
  const rows = p.indicators.map((ind, i) => [
    String(i + 1),
    `${ind.name}\n${ind.id}${ind.category ? ` · ${ind.category}` : ''}`,
    ind.unit.text,
    ATTR[ind.attribute] ?? ind.attribute,
    // a floor printed in the baseline column holds every year: ≥5 (2020 →)
    ind.baseline ? (ind.baseline.comparison === undefined ? `${showValue(ind.baseline.value)} (${ind.baseline.year})` : `${OPS[ind.baseline.comparison]}${showValue(ind.baseline.value)} (${ind.baseline.year} →)`) : '—',
    targetsText(ind),
    sourceText(ind.source),
  ]);
  out.push(table(head, [5, 40, 12, 11, 16, 26, 12], rows));
  if (p.rules.length > 0) {
    out.push(t(lang, 'heading.rules'));
    const rhead = ['show.rule', 'show.expression', 'show.quote'].map((k) => t(lang, k));
    out.push(table(rhead, [28, 60, 40], p.rules.map((r) => [`${r.name}\n${r.id} · ${ATTR[r.attribute] ?? r.attribute}`, r.expression, `${sourceText(r.source)}: ${r.source.text}`])));
  }
  if (p.measurements.length > 0) {
    out.push(t(lang, 'show.measurements'));
    out.push(table(['id', t(lang, 'show.name'), t(lang, 'show.unit')], [36, 40, 14], p.measurements.map((m) => [m.id, m.name, m.unit.text])));
  }
  out.push(...formatLedger(p, lang));
  for (const n of p.notes) out.push(`* ${n}`);
  return `${out.join('\n')}\n`;
}

/** The commitments ledger: how many are encoded, and what is listed as not encoded, with why. */
export function ledgerCounts(p: Plan): { encoded: number; indicators: number; rules: number; listed: number } {
  return { encoded: p.indicators.length + p.rules.length, indicators: p.indicators.length, rules: p.rules.length, listed: p.notEncoded.length };
}

function formatLedger(p: Plan, lang: Lang): string[] {
  const out = [t(lang, 'show.ledger', ledgerCounts(p))];
  if (p.notEncoded.length === 0) return out;
  out.push(t(lang, 'show.notEncoded'));
  const head = ['#', 'show.quote', 'show.reason', 'show.why'].map((k) => (k === '#' ? k : t(lang, k)));
  const rows = p.notEncoded.map((n, i) => [
    String(i + 1),
    n.section === undefined ? n.quote : `${n.section}: ${n.quote}`,
    [t(lang, `reason.${n.reason}`), ...n.coveredBy].join('\n'),
    n.explanation,
  ]);
  out.push(table(head, [5, 42, 26, 50], rows));
  return out;
}
