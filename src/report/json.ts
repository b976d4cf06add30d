/**
 * The stable machine format, described by schemas/result.schema.json.
 * Deterministic: stable key order, no timestamps.
 */
import { diagnosticMessage, locationFields } from '../errors.js';
import type { CheckResult } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { basisText, expectedShort, explain } from './explain.js';
import { t } from './messages.js';
import type { FormatOptions } from './options.js';

export const RESULT_SCHEMA_VERSION = '1.1.0';

/** JSON keys are snake_case throughout (annualGrowth → annual_growth). */
function snakeKeys(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

function resultJson(r: CheckResult, year: number, o: FormatOptions): Record<string, unknown> {
  return {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    name: r.name,
    category: r.category ?? null,
    attribute: r.attribute,
    status: r.status,
    severity: r.severity,
    code: r.code,
    expected: r.expected ? { ...snakeKeys(r.expected), text: `${expectedShort(r.expected)}${r.kind === 'target' ? `（${basisText(r.expected, year, o.lang)}）` : ''}` } : null,
    actual: r.actual,
    unit: r.unit,
    margin: r.margin ?? null,
    inputs: r.inputs,
    ...(r.substituted === undefined ? {} : { substituted: r.substituted }),
    ...(r.comparisons === undefined ? {} : { comparisons: r.comparisons }),
    message: explain(r, year, o.lang),
    detail: r.detail ?? {},
    source: r.source,
    note: r.note ?? null,
    required: r.required === true,
    direction: r.direction ?? null,
    targets: r.targets ?? null,
    // values the source states beside the requirement: reported, not evaluated (schema 1.1)
    references: (r.references ?? []).map((x) => ({ label: x.label, year: x.year ?? null, comparison: x.comparison ?? null, value: x.value ?? null, unit: x.unit, quote: x.quote })),
  };
}

function planJson(report: EvaluationReport, o: FormatOptions): Record<string, unknown> {
  return {
    plan: report.plan,
    year: report.year,
    period: formatAsOf(report.asOf),
    summary: { ...report.evaluation.summary, total: report.evaluation.results.length, failing: report.failing },
    results: report.evaluation.results.map((r) => resultJson(r, report.year, o)),
    owed: report.evaluation.owed.map((w) => ({ id: w.id, name: w.name, unit: w.unit, period: w.period })),
    run_failures: report.runFailures.map((f) => ({ code: f.code, period: formatAsOf(f.asOf), message: t(o.lang, 'run.NO_DATA', { asOf: formatAsOf(f.asOf) }) })),
  };
}

function warningsJson(run: RunReport, o: FormatOptions): unknown[] {
  // a workbook location adds its sheet and cell (`data.xlsx[数据]!C7`); the message in the --lang language
  return run.warnings.map((w) => ({ code: w.code, file: w.file ?? null, line: w.line ?? null, ...(w.sheet === undefined ? {} : { sheet: w.sheet }), ...(w.cell === undefined ? {} : { cell: w.cell }), message: diagnosticMessage(w, o.lang) }));
}

/** Rows set aside for regions no plan covers, with where the first one is. */
function unroutedJson(run: RunReport): unknown[] {
  return run.unrouted.map((u) => ({ region: u.region, rows: u.rows, ...locationFields(u.at) }));
}

/** One plan: the plan's record at the top level. Several: `plans[]` and an overall summary. */
export function formatJson(run: RunReport, o: FormatOptions): string {
  const head = { schema_version: RESULT_SCHEMA_VERSION, plancheck_version: run.version };
  const policy = { fail_on: run.policy.failOn, missing: run.policy.missing };
  const single = run.reports.length === 1 ? run.reports[0] : undefined;
  const out = single
    ? { ...head, ...planJson(single, o), data: run.data, policy, unrouted: unroutedJson(run), warnings: warningsJson(run, o) }
    : {
        ...head,
        data: run.data,
        policy,
        summary: { plans: run.reports.length, failing: run.failing, ...overall(run) },
        plans: run.reports.map((r) => planJson(r, o)),
        unrouted: unroutedJson(run),
        warnings: warningsJson(run, o),
      };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function overall(run: RunReport): Record<string, number> {
  const total: Record<string, number> = { pass: 0, fail: 0, missing: 0, pending: 0, error: 0, total: 0 };
  for (const r of run.reports) {
    for (const [k, v] of Object.entries(r.evaluation.summary)) total[k] = (total[k] ?? 0) + v;
    total['total'] = (total['total'] ?? 0) + r.evaluation.results.length;
  }
  return total;
}
