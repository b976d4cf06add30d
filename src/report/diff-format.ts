/** `plancheck diff` as a table, Markdown or JSON. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { CheckChange, DiffReport, Transition } from '../diff/diff-results.js';
import { STATUSES, type Status } from '../evaluate/result.js';
import { statusLabel, t, type Lang } from './messages.js';
import { wrapCell } from './table.js';

const ARROW: Readonly<Record<Transition, string>> = {
  regressed: '↘',
  recovered: '↗',
  still_failing: '✗',
  newly_evaluable: '+',
  no_longer_evaluable: '−',
  unchanged: '=',
  changed: '~',
  added: '+',
  removed: '−',
};

function valueText(c: CheckChange): string {
  const v = `${c.oldValue ?? '—'} → ${c.newValue ?? '—'}${c.unit === '%' || c.unit === '‰' ? c.unit : c.unit ? ` ${c.unit}` : ''}`;
  return c.delta !== undefined ? `${v} (${c.delta.startsWith('-') ? '' : '+'}${c.delta})` : v;
}

/** A status in the reader's language (a saved result's status that plancheck no longer knows stays as written). */
function statusText(s: string | null | undefined, lang: Lang): string {
  if (s === null || s === undefined) return '—';
  return (STATUSES as readonly string[]).includes(s) ? statusLabel(lang, s as Status) : s;
}

function row(c: CheckChange, lang: Lang): string[] {
  return [
    `${c.name}\n${c.plan} · ${c.id}`,
    t(lang, `attribute.${c.attribute}`),
    `${statusText(c.oldStatus, lang)} → ${statusText(c.newStatus, lang)}`,
    `${ARROW[c.transition]} ${t(lang, `transition.${c.transition}`)}`,
    valueText(c),
    c.verdict ? t(lang, `verdict.${c.verdict}`) : '—',
    c.distanceChange ?? '—',
  ];
}

function headings(lang: Lang): string[] {
  return ['diff.check', 'heading.attribute', 'diff.status', 'diff.transition', 'diff.value', 'diff.verdict', 'diff.distance'].map((k) => t(lang, k));
}

function planChangeLines(d: DiffReport, lang: Lang): string[] {
  return d.planChanges.map((p) => `- ${p.plan} · ${p.name} (${p.id}): ${t(lang, `planchange.${p.change}`)}${p.old !== null || p.new !== null ? `: ${p.old ?? '—'} → ${p.new ?? '—'}` : ''}`);
}

function sideText(s: DiffReport['old']): string {
  return s.plans.map((p) => `${p.id} ${p.period} (${p.sha256.slice(0, 12)})`).join(', ');
}

export function formatDiffTable(d: DiffReport, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const widths = [38, 13, 20, 20, 28, 14, 12];
  const tb = new Table({ head: headings(lang), colWidths: widths, style: { head: [], border: [] } });
  for (const ch of d.checks) {
    const cells = row(ch, lang).map((x, i) => wrapCell(x, (widths[i] ?? 12) - 2));
    tb.push(ch.transition === 'regressed' ? cells.map((x) => c.red(x)) : ch.transition === 'recovered' ? cells.map((x) => c.green(x)) : cells);
  }
  const out = [`${t(lang, 'diff.old')}: ${sideText(d.old)}`, `${t(lang, 'diff.new')}: ${sideText(d.new)}`, tb.toString()];
  const pc = planChangeLines(d, lang);
  if (pc.length > 0) out.push('', c.bold(t(lang, 'diff.plan_changes')), ...pc);
  out.push('', summaryLine(d, lang));
  return `${out.join('\n')}\n`;
}

function summaryLine(d: DiffReport, lang: Lang): string {
  const count = (tr: Transition): number => d.checks.filter((c) => c.transition === tr).length;
  return t(lang, 'diff.summary', {
    regressed: count('regressed'),
    recovered: count('recovered'),
    still: count('still_failing'),
    newly: count('newly_evaluable'),
    gone: count('no_longer_evaluable'),
    binding: d.bindingRegressions,
    planChanges: d.planChanges.length,
  });
}

export function formatDiffMarkdown(d: DiffReport, lang: Lang): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' · ');
  const out = [`## plancheck diff`, '', `- ${t(lang, 'diff.old')}: ${sideText(d.old)}`, `- ${t(lang, 'diff.new')}: ${sideText(d.new)}`, '', summaryLine(d, lang), ''];
  const changed = d.checks.filter((c) => c.transition !== 'unchanged' || (c.verdict !== undefined && c.verdict !== 'unchanged'));
  out.push(`| ${headings(lang).join(' | ')} |`, `|${headings(lang).map(() => '---').join('|')}|`);
  for (const c of changed) out.push(`| ${row(c, lang).map(cell).join(' | ')} |`);
  const pc = planChangeLines(d, lang);
  if (pc.length > 0) out.push('', `### ${t(lang, 'diff.plan_changes')}`, '', ...pc);
  return `${out.join('\n')}\n`;
}

export const DIFF_SCHEMA_VERSION = '1.0.0';

/** The machine format, described by schemas/diff.schema.json: snake_case keys like the result JSON, absent values null. */
export function formatDiffJson(d: DiffReport): string {
  const out = {
    schema_version: DIFF_SCHEMA_VERSION,
    old: d.old,
    new: d.new,
    checks: d.checks.map((c) => ({
      plan: c.plan,
      id: c.id,
      kind: c.kind,
      name: c.name,
      attribute: c.attribute,
      old_status: c.oldStatus,
      new_status: c.newStatus,
      transition: c.transition,
      old_value: c.oldValue,
      new_value: c.newValue,
      unit: c.unit,
      delta: c.delta ?? null,
      verdict: c.verdict ?? null,
      distance_change: c.distanceChange ?? null,
    })),
    plan_changes: d.planChanges.map((p) => ({ plan: p.plan, id: p.id, name: p.name, change: p.change, old: p.old, new: p.new })),
    binding_regressions: d.bindingRegressions,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
