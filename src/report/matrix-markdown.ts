/**
 * A standards plan in Markdown (a job summary, a pull-request comment): the
 * checks with how many regions meet each and which do not, then the regions
 * that fail something as a table of marks (at most `limit`, failing first),
 * and the whole's checks. GitHub caps a step summary at 1 MiB: a national
 * roll-up's every region is in the --output files, not here.
 */
import type { Matrix } from '../evaluate/matrix.js';
import type { Status } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport } from '../run/evaluate.js';
import { explain } from './explain.js';
import { t } from './messages.js';
import { DEFAULT_LIMIT } from './matrix-table.js';
import type { FormatOptions } from './options.js';

const ICON: Readonly<Record<Status, string>> = { pass: '✅', fail: '❌', missing: '⚠️', pending: '⏳', error: '💥' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatMatrixMarkdown(m: Matrix, reports: readonly EvaluationReport[], o: FormatOptions): string[] {
  const lang = o.lang;
  const limit = o.limit === undefined ? DEFAULT_LIMIT : o.limit <= 0 ? Infinity : o.limit;
  const each = m.checks.filter((c) => c.applies === 'each');
  const out: string[] = [`### ${m.plan.title} — ${formatAsOf(m.asOf)}`, '', t(lang, 'matrix.scope', { regions: m.regions.length, region: m.plan.region.name }), ''];
  out.push(`| # | ${t(lang, 'matrix.checks')} | ✅ | ❌ | ⚠️ |`, '|---|---|---|---|---|');
  each.forEach((c, i) => out.push(`| ${i + 1} | ${cell(c.name)} | ${c.counts.pass}/${m.regions.length} | ${cell(c.notMet.map((x) => x.name).join('、'))} | ${cell(c.missing.map((x) => x.name).join('、'))} |`));
  out.push('');
  const failing = m.regions.filter((r) => r.failing > 0 || r.counts.fail > 0 || r.counts.missing > 0 || r.counts.error > 0);
  if (failing.length > 0) {
    const shown = failing.slice(0, limit);
    out.push(`| | ${each.map((_, i) => String(i + 1)).join(' | ')} |`, `|---|${each.map(() => '---').join('|')}|`);
    for (const r of shown) out.push(`| ${cell(r.name)} | ${each.map((c) => (r.cells[c.id] === undefined ? '' : ICON[r.cells[c.id] as Status])).join(' | ')} |`);
    if (failing.length > shown.length) out.push('', t(lang, 'matrix.more', { count: failing.length - shown.length }));
    out.push('');
  }
  if (m.whole) {
    out.push(`**${t(lang, 'matrix.whole', { region: m.whole.name })}**`, '');
    for (const x of reports.find((r) => r.part === 'whole')?.evaluation.results ?? []) out.push(`- ${ICON[x.status]} ${cell(x.name)}: ${cell(explain(x, m.asOf.year, lang))}`);
    out.push('');
  }
  return out;
}
