/**
 * A standards plan in the terminal: its regions × its checks, one line a
 * region with a status mark per check, regions with most failures first;
 * then, for each check, how many regions meet it and which do not; then the
 * whole's checks (provincial totals) and the details of what fails. A
 * national roll-up has thousands of regions: the terminal shows the first
 * `limit` (failing first) and says how many more; `--output` files hold all.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Matrix, MatrixRegion } from '../evaluate/matrix.js';
import type { Status } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport } from '../run/evaluate.js';
import { explain } from './explain.js';
import { statusLabel, t } from './messages.js';
import type { FormatOptions } from './options.js';

const MARK: Readonly<Record<Status, string>> = { pass: '✓', fail: '✗', missing: '?', pending: '…', error: '!' };

/** Regions shown in the terminal when --limit is not given. */
export const DEFAULT_LIMIT = 30;

function paint(c: ChalkInstance, s: Status, text: string): string {
  return s === 'pass' ? c.green(text) : s === 'fail' ? c.red(text) : s === 'missing' ? c.yellow(text) : s === 'error' ? c.magenta(text) : c.gray(text);
}

/** Display width: CJK characters are two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function names(list: readonly { readonly name: string }[], max = 12): string {
  const shown = list.slice(0, max).map((x) => x.name);
  return list.length > max ? `${shown.join('、')} …（+${list.length - max}）` : shown.join('、');
}

function regionLine(c: ChalkInstance, r: MatrixRegion, ids: readonly string[], nameWidth: number, lang: FormatOptions['lang']): string {
  const worst: Status = r.counts.error > 0 ? 'error' : r.counts.fail > 0 ? 'fail' : r.counts.missing > 0 ? 'missing' : r.counts.pass > 0 ? 'pass' : 'pending';
  const cells = ids.map((id) => {
    const s = r.cells[id];
    return s === undefined ? ' ' : paint(c, s, MARK[s]);
  });
  const tail = r.silent ? `  ${t(lang, 'matrix.silent', { owed: r.owed })}` : r.failing > 0 ? `  ${t(lang, 'matrix.failing', { count: r.failing })}` : '';
  return `  ${paint(c, worst, MARK[worst])} ${pad(`${r.name}`, nameWidth)} ${cells.join('  ')}${tail}`;
}

/** One standards plan's matrix, as text. */
export function formatMatrixTable(m: Matrix, reports: readonly EvaluationReport[], o: FormatOptions & { readonly limit?: number }): string {
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const lang = o.lang;
  const limit = o.limit === undefined ? DEFAULT_LIMIT : o.limit <= 0 ? Infinity : o.limit;
  const each = m.checks.filter((x) => x.applies === 'each');
  const ids = each.map((x) => x.id);
  const shown = m.regions.slice(0, limit);
  const nameWidth = Math.max(6, ...shown.map((r) => width(r.name)));
  const lines: string[] = [];
  lines.push(c.bold(`${m.plan.title} — ${formatAsOf(m.asOf)}`), t(lang, 'matrix.scope', { regions: m.regions.length, region: m.plan.region.name }), '');
  // the header: check numbers over their columns
  lines.push(`    ${pad('', nameWidth)} ${ids.map((_, i) => String(i + 1).padEnd(2)).join(' ')}`);
  for (const r of shown) lines.push(regionLine(c, r, ids, nameWidth, lang));
  if (m.regions.length > shown.length) lines.push(`  ${t(lang, 'matrix.more', { count: m.regions.length - shown.length })}`);
  lines.push('');
  lines.push(c.bold(t(lang, 'matrix.checks')));
  each.forEach((x, i) => {
    const meet = x.counts.pass;
    const total = m.regions.length;
    const parts = [t(lang, 'matrix.meet', { n: i + 1, name: x.name, attribute: t(lang, `attribute.${x.attribute}`), meet, total })];
    if (x.notMet.length > 0) parts.push(t(lang, 'matrix.not_met', { names: names(x.notMet) }));
    if (x.missing.length > 0) parts.push(t(lang, 'matrix.missing', { names: names(x.missing) }));
    lines.push(`  ${parts.join(lang === 'zh' ? '；' : '; ')}`);
  });
  if (m.whole) {
    lines.push('', c.bold(t(lang, 'matrix.whole', { region: m.whole.name })));
    const whole = reports.find((r) => r.part === 'whole');
    for (const x of whole?.evaluation.results ?? []) lines.push(`  ${paint(c, x.status, MARK[x.status])} ${x.name}: ${explain(x, m.asOf.year, lang)}`);
  }
  // what fails, region by region, for the regions shown
  const shownCodes = new Set(shown.map((r) => r.code));
  const details: string[] = [];
  for (const r of reports) {
    if (r.part !== 'each' || !shownCodes.has(r.plan.region.code)) continue;
    for (const x of r.evaluation.results) {
      if (x.status === 'pass' || x.status === 'pending') continue;
      details.push(`  ${paint(c, x.status, MARK[x.status])} ${r.plan.region.name} · ${x.name}: ${explain(x, m.asOf.year, lang)}`);
    }
  }
  if (details.length > 0) lines.push('', c.bold(t(lang, 'heading.details')), ...details);
  const s = m.regions.reduce((acc, r) => (r.failing > 0 ? acc + 1 : acc), 0);
  lines.push('', t(lang, 'matrix.summary', { failing: s, total: m.regions.length, statuses: (['pass', 'fail', 'missing', 'error'] as const).map((k) => `${statusLabel(lang, k)} ${m.regions.reduce((n, r) => n + r.counts[k], 0)}`).join(lang === 'zh' ? '，' : ', ') }));
  return lines.join('\n');
}
