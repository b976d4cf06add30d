/** A compact Markdown report for a pull-request comment or a job summary. */
import { formatLocation } from '../errors.js';
import { formatAsOf } from '../model/period.js';
import type { Status } from '../evaluate/result.js';
import type { RunReport } from '../run/evaluate.js';
import { explain, referencesLine, requirementText, withUnit } from './explain.js';
import { statusLabel, t } from './messages.js';
import type { FormatOptions } from './options.js';

const ICON: Readonly<Record<Status, string>> = { pass: '✅', fail: '❌', missing: '⚠️', pending: '⏳', error: '💥' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatMarkdown(run: RunReport, o: FormatOptions): string {
  const out: string[] = [];
  const verdict = run.failing > 0 ? t(o.lang, 'summary.failed', { count: run.failing, failOn: run.policy.failOn }) : t(o.lang, 'summary.passed', { failOn: run.policy.failOn });
  out.push(`## plancheck: ${run.failing > 0 ? '❌' : '✅'} ${verdict}`, '');
  for (const report of run.reports) {
    const ev = report.evaluation;
    const s = ev.summary;
    out.push(`### ${report.plan.title} — ${formatAsOf(report.asOf)}`, '');
    out.push(t(o.lang, 'summary.line', { plan: report.plan.title, region: report.plan.region.name, year: formatAsOf(report.asOf), total: ev.results.length, ...s }), '');
    for (const f of report.runFailures) out.push(`❌ ${t(o.lang, 'run.NO_DATA', { asOf: formatAsOf(f.asOf) })}`, '');
    const notable = ev.results.filter((r) => r.status === 'fail' || r.status === 'missing' || r.status === 'error');
    if (notable.length > 0) {
      out.push(`| | ${t(o.lang, 'heading.indicator')} | ${t(o.lang, 'heading.attribute')} | ${t(o.lang, 'heading.expected')} | ${t(o.lang, 'heading.actual')} | ${t(o.lang, 'heading.details')} |`, '|---|---|---|---|---|---|');
      for (const r of notable) {
        const actual = r.actual ? withUnit(r.actual.value, r.unit) : '—';
        const refs = referencesLine(r, o.lang);
        out.push(`| ${ICON[r.status]} ${statusLabel(o.lang, r.status)} | ${cell(r.name)} | ${t(o.lang, `attribute.${r.attribute}`)} | ${cell(requirementText(r))}${refs === '' ? '' : `<br>${cell(refs)}`} | ${cell(actual)} | ${cell(explain(r, report.year, o.lang))} |`);
      }
      out.push('');
    }
    if (ev.owed.length > 0) {
      out.push(`<details><summary>${t(o.lang, 'heading.owed', { count: ev.owed.length })}</summary>`, '');
      for (const w of ev.owed) out.push(`- ${w.name} ${w.period} (${w.unit})`);
      out.push('', '</details>', '');
    }
    for (const status of ['pending', 'pass'] as const) {
      const list = ev.results.filter((r) => r.status === status);
      if (list.length === 0) continue;
      out.push(`<details><summary>${ICON[status]} ${statusLabel(o.lang, status)}: ${list.length}</summary>`, '');
      for (const r of list) {
        const refs = referencesLine(r, o.lang);
        out.push(`- ${r.name}: ${cell(explain(r, report.year, o.lang))}${refs === '' ? '' : ` (${cell(refs)})`}`);
      }
      out.push('', '</details>', '');
    }
  }
  if (run.unrouted.length > 0) {
    out.push(`**${t(o.lang, 'heading.unrouted')}**`, '');
    for (const u of run.unrouted) out.push(`- ${u.region}: ${u.rows} (${formatLocation(u.at)})`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
