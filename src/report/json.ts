/**
 * The stable machine format, described by schemas/result.schema.json.
 * Deterministic: stable key order, no timestamps.
 */
import type { CheckResult } from '../evaluate/result.js';
import type { EvaluationReport } from '../index.js';
import { basisText, expectedShort, explain } from './explain.js';
import type { FormatOptions } from './options.js';

export const RESULT_SCHEMA_VERSION = '1.0.0';

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
    expected: r.expected ? { ...r.expected, text: `${expectedShort(r.expected)}${r.kind === 'target' ? `（${basisText(r.expected, year, o.lang)}）` : ''}` } : null,
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
  };
}

export function formatJson(report: EvaluationReport, o: FormatOptions): string {
  const out = {
    schema_version: RESULT_SCHEMA_VERSION,
    plancheck_version: report.version,
    plan: report.plan,
    year: report.year,
    data: report.data,
    policy: { fail_on: report.policy.failOn, missing: report.policy.missing },
    summary: { ...report.evaluation.summary, total: report.evaluation.results.length, failing: report.failing },
    results: report.evaluation.results.map((r) => resultJson(r, report.year, o)),
    warnings: report.warnings.map((w) => ({ code: w.code, file: w.file ?? null, line: w.line ?? null, message: w.message })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
