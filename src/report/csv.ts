/** One CSV row per result, for spreadsheets. */
import { formatLocation } from '../errors.js';
import Papa from 'papaparse';
import { formatAsOf } from '../model/period.js';
import type { RunReport } from '../run/evaluate.js';
import { explain, requirementText } from './explain.js';
import { statusLabel, t } from './messages.js';
import type { FormatOptions } from './options.js';

const FIELDS = ['plan', 'period', 'kind', 'id', 'name', 'category', 'attribute', 'status', 'severity', 'code', 'expected', 'actual', 'unit', 'margin', 'message', 'inputs', 'source'];

export function formatCsv(run: RunReport, o: FormatOptions): string {
  const data = run.reports.flatMap((report) =>
    report.evaluation.results.map((r) => [
      report.plan.id,
      formatAsOf(report.asOf),
      t(o.lang, `kind.${r.kind}`),
      r.id,
      r.name,
      r.category ?? '',
      t(o.lang, `attribute.${r.attribute}`),
      statusLabel(o.lang, r.status),
      t(o.lang, `severity.${r.severity}`),
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
  // headers and the words for people (status, attribute, kind, severity) follow --lang; ids and codes do not
  return `${Papa.unparse({ fields: FIELDS.map((f) => t(o.lang, `csv.${f}`)), data }, { newline: '\n' })}\n`;
}
