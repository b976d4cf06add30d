/**
 * The table people read: results grouped by category, one row per target
 * or rule, ✓/✗ by status, then the details of everything not passing and
 * a summary line. Widths count CJK characters as two columns.
 */
import { formatLocation } from '../errors.js';
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { eastAsianWidth } from 'get-east-asian-width';
import type { CheckResult, Status } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { expectedShort, explain, requirementText, withUnit } from './explain.js';
import { statusLabel, t } from './messages.js';
import type { FormatOptions } from './options.js';

const MARK: Readonly<Record<Status, string>> = { pass: '✓', fail: '✗', missing: '?', pending: '…', error: '!' };

function paint(c: ChalkInstance, s: Status, text: string): string {
  switch (s) {
    case 'pass':
      return c.green(text);
    case 'fail':
      return c.red(text);
    case 'missing':
      return c.yellow(text);
    case 'pending':
      return c.gray(text);
    case 'error':
      return c.magenta(text);
  }
}

function groups(results: readonly CheckResult[], o: FormatOptions): [string, CheckResult[]][] {
  const out = new Map<string, CheckResult[]>();
  for (const r of results) {
    const key = r.kind === 'rule' ? t(o.lang, 'heading.rules') : (r.category ?? r.source.table ?? t(o.lang, 'heading.uncategorised'));
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return [...out];
}

/** `≥19.32%`, or `≥1000 个 (2025)` when the check is against a later target. */
function expectedWithYear(r: CheckResult, year: number): string {
  const e = r.expected;
  const text = expectedShort(e);
  return e?.target && e.target.year !== year && e.basis === 'target' ? `${text} (${e.target.year})` : text;
}

const WIDTHS = [5, 40, 13, 26, 18, 12];

/** Hard-wrap to a display width (CJK characters are two columns wide, by Unicode's East Asian Width). */
export function wrapCell(text: string, width: number): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const ch of para) {
      const w = eastAsianWidth(ch.codePointAt(0) as number);
      if (used + w > width) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function formatPlanTable(report: EvaluationReport, o: FormatOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const ev = report.evaluation;
  const head = ['#', 'heading.indicator', 'heading.attribute', 'heading.expected', 'heading.actual', 'heading.status'].map((k) => (k === '#' ? k : t(o.lang, k)));
  const table = new Table({
    head: o.color ? head.map((h) => c.bold(h)) : head,
    style: { head: [], border: [], compact: false },
    wordWrap: true,
    colWidths: WIDTHS,
  });
  const numbered: { n: number; r: CheckResult }[] = [];
  let n = 0;
  const grouped = groups(ev.results, o);
  const showGroups = grouped.length > 1 || grouped[0]?.[0] !== t(o.lang, 'heading.uncategorised');
  for (const [group, list] of grouped) {
    if (showGroups) table.push([{ colSpan: 6, content: c.bold(group) }]);
    for (const r of list) {
      n++;
      numbered.push({ n, r });
      const actual = r.actual ? withUnit(r.actual.value, r.kind === 'rule' ? (r.comparisons?.[0]?.unit ?? r.unit) : r.unit) : '—';
      const cells = [String(n), r.name, t(o.lang, `attribute.${r.attribute}`), r.kind === 'rule' ? requirementText(r) : expectedWithYear(r, report.year), actual];
      table.push([...cells.map((x, i) => wrapCell(x, (WIDTHS[i] as number) - 2)), paint(c, r.status, `${MARK[r.status]} ${statusLabel(o.lang, r.status)}`)]);
    }
  }
  const lines: string[] = [`${report.plan.title} — ${formatAsOf(report.asOf)}`, table.toString(), ''];
  const notable = numbered.filter(({ r }) => r.status !== 'pass');
  if (notable.length > 0) {
    lines.push(c.bold(t(o.lang, 'heading.details')));
    for (const { n: i, r } of notable) {
      lines.push(`${paint(c, r.status, `${String(i).padStart(3)}. ${MARK[r.status]}`)} ${r.name}: ${explain(r, report.year, o.lang)}`);
      for (const inp of r.inputs) lines.push(`       ${inp.name} ${inp.period} = ${inp.value} ${inp.unit}  (${formatLocation(inp)})`);
    }
    lines.push('');
  }
  if (ev.owed.length > 0) {
    lines.push(c.bold(t(o.lang, 'heading.owed', { count: ev.owed.length })));
    for (const w of ev.owed) lines.push(`  - ${w.name} ${w.period} (${w.unit})`);
    lines.push('');
  }
  for (const f of report.runFailures) lines.push(c.red.bold(`✗ ${t(o.lang, 'run.NO_DATA', { asOf: formatAsOf(f.asOf) })}`), '');
  const s = ev.summary;
  lines.push(t(o.lang, 'summary.line', { plan: report.plan.title, region: report.plan.region.name, year: formatAsOf(report.asOf), total: ev.results.length, ...s }));
  return lines.join('\n');
}

export function formatTable(run: RunReport, o: FormatOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const parts = run.reports.map((r) => formatPlanTable(r, o));
  if (run.unrouted.length > 0) {
    parts.push(c.bold(t(o.lang, 'heading.unrouted')) + '\n' + run.unrouted.map((u) => `  - ${u.region}: ${u.rows} (${formatLocation(u.at)})`).join('\n'));
  }
  const verdict = run.failing > 0 ? t(o.lang, 'summary.failed', { count: run.failing, failOn: run.policy.failOn }) : t(o.lang, 'summary.passed', { failOn: run.policy.failOn });
  parts.push(run.failing > 0 ? c.red.bold(verdict) : c.green.bold(verdict));
  return `${parts.join('\n\n')}\n`;
}
