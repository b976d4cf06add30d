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
import { expectedShort, explain, referencesLine, requirementText, withUnit } from './explain.js';
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

/** Column widths at full size (121 columns with the borders): what a pipe or a wide terminal gets. */
const WIDTHS = [5, 40, 13, 26, 18, 12] as const;
const FULL = WIDTHS.reduce((a, b) => a + b, 0) + WIDTHS.length + 1;
/** Below this, the table gives way to one block per check. */
export const COMPACT_BELOW = 100;
/** How far each column may shrink (expected, actual, then the name) before the table is compact. */
const MIN: Readonly<Record<number, number>> = { 1: 22, 3: 16, 4: 14 };

/** Column widths that fit `columns` (full width when it is undefined or wide enough). */
export function columnWidths(columns: number | undefined): number[] {
  const widths: number[] = [...WIDTHS];
  if (columns === undefined || columns >= FULL) return widths;
  let deficit = FULL - columns;
  for (const i of [3, 4, 1]) {
    const room = widths[i] as number - (MIN[i] as number);
    const cut = Math.min(room, deficit);
    widths[i] = (widths[i] as number) - cut;
    deficit -= cut;
  }
  return widths;
}

/** Display width (CJK characters are two columns), colours ignored. */
export function displayWidth(text: string): number {
  let w = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of text.replace(/\u001b\[[0-9;]*m/g, '')) w += eastAsianWidth(ch.codePointAt(0) as number);
  return w;
}

/** A paragraph wrapped to `width`, every line after the first indented by `indent` spaces. */
export function wrapHanging(text: string, width: number | undefined, indent: number): string {
  if (width === undefined) return text;
  const first = wrapCell(text, Math.max(width, indent + 8)).split('\n');
  if (first.length <= 1) return text;
  const head = first[0] as string;
  const rest = wrapCell(text.slice(head.length), Math.max(width - indent, 8)).split('\n');
  return [head, ...rest.map((l) => `${' '.repeat(indent)}${l}`)].join('\n');
}

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
  const compact = o.columns !== undefined && o.columns < COMPACT_BELOW;
  const widths = columnWidths(o.columns);
  const table = new Table({
    head: o.color ? head.map((h) => c.bold(h)) : head,
    style: { head: [], border: [], compact: false },
    wordWrap: true,
    colWidths: widths,
  });
  const blocks: string[] = [];
  const numbered: { n: number; r: CheckResult }[] = [];
  let n = 0;
  const grouped = groups(ev.results, o);
  const showGroups = grouped.length > 1 || grouped[0]?.[0] !== t(o.lang, 'heading.uncategorised');
  for (const [group, list] of grouped) {
    if (showGroups) {
      if (compact) blocks.push(c.bold(wrapCell(`── ${group} ──`, o.columns)));
      else table.push([{ colSpan: 6, content: c.bold(group) }]);
    }
    for (const r of list) {
      n++;
      numbered.push({ n, r });
      const actual = r.actual ? withUnit(r.actual.value, r.kind === 'rule' ? (r.comparisons?.[0]?.unit ?? r.unit) : r.unit) : '—';
      // what the source states beside the requirement goes under it, on every row (a pass too: 95 passes the table's 90 beside the body's 100)
      const refs = referencesLine(r, o.lang);
      const expected = `${r.kind === 'rule' ? requirementText(r) : expectedWithYear(r, report.year)}${refs === '' ? '' : `\n${refs}`}`;
      const status = `${MARK[r.status]} ${statusLabel(o.lang, r.status)}`;
      if (compact) {
        // one block per check: number, status and name, then the attribute, requirement and value
        const width = o.columns;
        const head = `${String(n).padStart(3)} ${status}  ${r.name}`;
        const facts = `${t(o.lang, `attribute.${r.attribute}`)} · ${t(o.lang, 'heading.expected')} ${expected.replace(/\n/g, ' · ')} · ${t(o.lang, 'heading.actual')} ${actual}`;
        blocks.push(`${paint(c, r.status, head.slice(0, 4 + status.length))}${wrapHanging(head, width, 6).slice(4 + status.length)}\n${'      '}${wrapHanging(facts, width - 6, 0).split('\n').join(`\n${'      '}`)}`);
        continue;
      }
      const cells = [String(n), r.name, t(o.lang, `attribute.${r.attribute}`), expected, actual];
      table.push([...cells.map((x, i) => wrapCell(x, (widths[i] as number) - 2)), paint(c, r.status, status)]);
    }
  }
  const title = `${report.plan.title} — ${formatAsOf(report.asOf)}`;
  const lines: string[] = [o.columns === undefined ? title : wrapCell(title, o.columns), compact ? blocks.join('\n') : table.toString(), ''];
  const notable = numbered.filter(({ r }) => r.status !== 'pass');
  if (notable.length > 0) {
    lines.push(c.bold(t(o.lang, 'heading.details')));
    for (const { n: i, r } of notable) {
      const mark = `${String(i).padStart(3)}. ${MARK[r.status]}`;
      lines.push(`${paint(c, r.status, mark)}${wrapHanging(`${mark} ${r.name}: ${explain(r, report.year, o.lang)}`, o.columns, 7).slice(mark.length)}`);
      for (const inp of r.inputs) lines.push(wrapHanging(`       ${inp.name} ${inp.period} = ${inp.value} ${inp.unit}  (${formatLocation(inp)})`, o.columns, 9));
    }
    lines.push('');
  }
  if (ev.owed.length > 0) {
    lines.push(c.bold(t(o.lang, 'heading.owed', { count: ev.owed.length })));
    for (const w of ev.owed) lines.push(wrapHanging(`  - ${w.name} ${w.period} (${w.unit})`, o.columns, 4));
    lines.push('');
  }
  for (const f of report.runFailures) lines.push(c.red.bold(wrapHanging(`✗ ${t(o.lang, 'run.NO_DATA', { asOf: formatAsOf(f.asOf) })}`, o.columns, 2)), '');
  const s = ev.summary;
  lines.push(wrapHanging(t(o.lang, 'summary.line', { plan: report.plan.title, region: report.plan.region.name, year: formatAsOf(report.asOf), total: ev.results.length, ...s }), o.columns, 0));
  return lines.join('\n');
}

export function formatTable(run: RunReport, o: FormatOptions): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const parts = run.reports.map((r) => formatPlanTable(r, o));
  if (run.unrouted.length > 0) {
    parts.push(c.bold(t(o.lang, 'heading.unrouted')) + '\n' + run.unrouted.map((u) => wrapHanging(`  - ${u.region}: ${u.rows} (${formatLocation(u.at)})`, o.columns, 4)).join('\n'));
  }
  const verdict = run.failing > 0 ? t(o.lang, 'summary.failed', { count: run.failing, failOn: run.policy.failOn }) : t(o.lang, 'summary.passed', { failOn: run.policy.failOn });
  const wrapped = wrapHanging(verdict, o.columns, 0);
  parts.push(run.failing > 0 ? c.red.bold(wrapped) : c.green.bold(wrapped));
  return `${parts.join('\n\n')}\n`;
}
