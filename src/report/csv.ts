/** One CSV row per result, for spreadsheets. */
import { formatLocation } from '../errors.js';
import Papa from 'papaparse';
import { formatAsOf } from '../model/period.js';
import type { RunReport } from '../run/evaluate.js';
import { explain, requirementText } from './explain.js';
import type { FormatOptions } from './options.js';

const FIELDS = ['plan', 'period', 'kind', 'id', 'name', 'category', 'attribute', 'status', 'severity', 'code', 'expected', 'actual', 'unit', 'margin', 'message', 'inputs', 'source'];

export function formatCsv(run: RunReport, o: FormatOptions): string {
  const data = run.reports.flatMap((report) =>
    report.evaluation.results.map((r) => [
      report.plan.id,
      formatAsOf(report.asOf),
      r.kind,
      r.id,
      r.name,
      r.category ?? '',
      r.attribute,
      r.status,
      r.severity,
      r.code,
      requirementText(r),
      r.actual?.value ?? '',
      r.unit,
      r.margin ?? '',
      explain(r, report.year, o.lang),
      r.inputs.map((i) => formatLocation(i)).join(' '),
      [r.source.table ?? r.source.section, r.source.row].filter(Boolean).join(' '),
    ]),
  );
  return `${Papa.unparse({ fields: FIELDS, data }, { newline: '\n' })}\n`;
}
