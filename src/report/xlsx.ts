/**
 * The evaluation as a workbook a bureau can forward: a summary sheet; the
 * results (one row per check — category, name, attribute, expected, actual,
 * unit, status, message, source) with statuses coloured, the header frozen
 * and an auto-filter; the rows still owed; the inputs each result used, with
 * their file and line or workbook cell. Loaded (with exceljs) only when asked for.
 */
import ExcelJS from 'exceljs';
import { eastAsianWidth } from 'get-east-asian-width';
import { diagnosticMessage, formatLocation } from '../errors.js';
import type { CheckResult, Status } from '../evaluate/result.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { formatAsOf } from '../model/period.js';
import { explain, requirementText } from './explain.js';
import { statusLabel, t, type Lang } from './messages.js';
import type { RunFailure } from './failure.js';
import type { FormatOptions } from './options.js';

const LABELS = {
  zh: {
    summary: '概况',
    results: '评估结果',
    owed: '尚需报送',
    inputs: '输入数据',
    title: '{plan} 评估结果（{period}）',
    generated: '由 plancheck {version} 生成；失败判定：--fail-on {failOn}，缺数据：--missing {missing}',
    plan: '规划',
    region: '地区',
    period: '评估期',
    total: '检查项',
    failing: '计为失败',
    category: '类别',
    name: '指标或规则',
    unit: '单位',
    message: '说明',
    source: '规划出处',
    id: '编号',
    value: '数值',
    location: '位置（文件:行 或 工作簿[工作表]!单元格）',
    usedBy: '用于',
    none: '无',
  },
  en: {
    summary: 'Summary',
    results: 'Results',
    owed: 'Still owed',
    inputs: 'Inputs',
    title: '{plan}: evaluation ({period})',
    generated: 'Made by plancheck {version}; failing under --fail-on {failOn}, missing data --missing {missing}',
    plan: 'Plan',
    region: 'Region',
    period: 'Period',
    total: 'Checks',
    failing: 'Counted as failing',
    category: 'Category',
    name: 'Indicator or rule',
    unit: 'Unit',
    message: 'Details',
    source: 'Source in the plan',
    id: 'Id',
    value: 'Value',
    location: 'Location (file:line or workbook[sheet]!cell)',
    usedBy: 'Used by',
    none: 'none',
  },
} as const;

type Label = keyof (typeof LABELS)['en'];

function label(lang: Lang, key: Label, args: Readonly<Record<string, string>> = {}): string {
  return LABELS[lang][key].replace(/\{(\w+)\}/g, (all, k: string) => args[k] ?? all);
}

/** Fill and font of a status cell: green, red, amber, grey, dark red. */
const STATUS_STYLE: Readonly<Record<Status, { fill: string; font: string }>> = {
  pass: { fill: 'FFC6EFCE', font: 'FF006100' },
  fail: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  missing: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  pending: { fill: 'FFDDEBF7', font: 'FF1F4E78' },
  error: { fill: 'FFC00000', font: 'FFFFFFFF' },
};

const FONT = '等线';
const HEADER_FILL = 'FF1F4E78';
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Display width of text in character cells (a Chinese character is two). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += eastAsianWidth(ch.codePointAt(0) as number);
  return w;
}

/** Lines a wrapped cell needs in a column `width` characters wide. */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width - 1))), 0);
}

interface Col {
  readonly header: string;
  readonly width: number;
  readonly wrap?: boolean;
}

/** A sheet with a title row, a header row (frozen, filtered) and data rows. */
function table(wb: ExcelJS.Workbook, name: string, title: string, cols: readonly Col[], rows: readonly (string | number | null)[][], statusCol?: number, statuses?: readonly Status[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  ws.columns = cols.map((c) => ({ width: c.width }));
  const titleRow = ws.addRow([title]);
  titleRow.font = { name: FONT, size: 14, bold: true };
  titleRow.height = 24;
  if (cols.length > 1) ws.mergeCells(1, 1, 1, cols.length);
  const head = ws.addRow(cols.map((c) => c.header));
  head.height = 20;
  head.eachCell((cell) => {
    cell.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  });
  rows.forEach((values, i) => {
    const row = ws.addRow(values);
    // spreadsheets do not grow a row to its wrapped text on opening: set the height
    const lines = Math.max(1, ...cols.map((c, j) => (c.wrap === true ? linesIn(String(values[j] ?? ''), c.width) : 1)));
    if (lines > 1) row.height = 15 * lines + 2;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.font = { name: FONT };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: cols[c - 1]?.wrap === true };
    });
    const s = statuses?.[i];
    if (statusCol !== undefined && s !== undefined) {
      const cell = row.getCell(statusCol);
      const st = STATUS_STYLE[s];
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: st.fill } };
      cell.font = { name: FONT, bold: true, color: { argb: st.font } };
      cell.alignment = { vertical: 'top', horizontal: 'center' };
    }
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, rows.length + 2), column: cols.length } };
  ws.pageSetup.printTitlesRow = '2:2';
  return ws;
}

function sourceText(r: CheckResult): string {
  return [r.source.table ?? r.source.section, r.source.row].filter(Boolean).join(' ');
}

function planLabel(report: EvaluationReport): string {
  return `${report.plan.title}`;
}

function resultRows(run: RunReport, lang: Lang): { rows: (string | number | null)[][]; statuses: Status[] } {
  const rows: (string | number | null)[][] = [];
  const statuses: Status[] = [];
  for (const report of run.reports) {
    for (const r of report.evaluation.results) {
      rows.push([
        ...(run.reports.length > 1 ? [report.plan.id] : []),
        r.category ?? (r.kind === 'rule' ? t(lang, 'heading.rules') : t(lang, 'heading.uncategorised')),
        r.name,
        t(lang, `attribute.${r.attribute}`),
        requirementText(r),
        r.actual?.value ?? '',
        r.unit,
        statusLabel(lang, r.status),
        explain(r, report.year, lang),
        sourceText(r),
      ]);
      statuses.push(r.status);
    }
  }
  return { rows, statuses };
}

export async function formatXlsx(run: RunReport, o: FormatOptions): Promise<Uint8Array> {
  const lang = o.lang;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plancheck';
  const many = run.reports.length > 1;
  const first = run.reports[0];
  const period = first ? formatAsOf(first.asOf) : '';
  const title = label(lang, 'title', { plan: many ? run.reports.map(planLabel).join('、') : first ? planLabel(first) : '', period });

  // the summary: one row per plan, counts by status
  const statusKeys: Status[] = ['pass', 'fail', 'missing', 'pending', 'error'];
  const summary = table(
    wb,
    label(lang, 'summary'),
    title,
    [{ header: label(lang, 'plan'), width: 44, wrap: true }, { header: label(lang, 'region'), width: 14 }, { header: label(lang, 'period'), width: 10 }, { header: label(lang, 'total'), width: 9 }, ...statusKeys.map((s) => ({ header: statusLabel(lang, s), width: 9 })), { header: label(lang, 'failing'), width: 11 }],
    run.reports.map((r) => [planLabel(r), r.plan.region.name, formatAsOf(r.asOf), r.evaluation.results.length, ...statusKeys.map((s) => r.evaluation.summary[s]), r.failing]),
  );
  summary.addRow([]);
  summary.addRow([label(lang, 'generated', { version: run.version, failOn: run.policy.failOn, missing: run.policy.missing })]).font = { name: FONT, italic: true, color: { argb: 'FF595959' } };
  // status columns coloured by their status in the header
  statusKeys.forEach((s, i) => {
    const cell = summary.getRow(2).getCell(5 + i);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_STYLE[s].fill } };
    cell.font = { name: FONT, bold: true, color: { argb: STATUS_STYLE[s].font } };
  });

  const { rows, statuses } = resultRows(run, lang);
  const resultCols: Col[] = [
    ...(many ? [{ header: label(lang, 'plan'), width: 12 }] : []),
    { header: label(lang, 'category'), width: 14, wrap: true },
    { header: label(lang, 'name'), width: 36, wrap: true },
    { header: t(lang, 'heading.attribute'), width: 9 },
    { header: t(lang, 'heading.expected'), width: 16, wrap: true },
    { header: t(lang, 'heading.actual'), width: 12 },
    { header: label(lang, 'unit'), width: 12 },
    { header: t(lang, 'heading.status'), width: 10 },
    { header: label(lang, 'message'), width: 60, wrap: true },
    { header: label(lang, 'source'), width: 24, wrap: true },
  ];
  table(wb, label(lang, 'results'), title, resultCols, rows, many ? 8 : 7, statuses);

  const owed = run.reports.flatMap((r) => r.evaluation.owed.map((w) => [...(many ? [r.plan.id] : []), w.name, w.period, w.unit, w.id]));
  table(
    wb,
    label(lang, 'owed'),
    `${title} — ${label(lang, 'owed')}`,
    [...(many ? [{ header: label(lang, 'plan'), width: 12 }] : []), { header: t(lang, 'heading.indicator'), width: 44, wrap: true }, { header: label(lang, 'period'), width: 10 }, { header: label(lang, 'unit'), width: 14 }, { header: label(lang, 'id'), width: 28 }],
    owed.length > 0 ? owed : [[label(lang, 'none')]],
  );

  // each input once, with the checks that used it
  const inputs = new Map<string, { cells: (string | number)[]; usedBy: Set<string> }>();
  for (const report of run.reports) {
    for (const r of report.evaluation.results) {
      for (const i of r.inputs) {
        // a workbook input carries its cell where the observation keeps it
        const where = formatLocation(i);
        const key = `${report.plan.id}\u0000${i.id}\u0000${i.period}\u0000${where}`;
        const e = inputs.get(key) ?? { cells: [...(many ? [report.plan.id] : []), i.name, i.period, i.value, i.unit, where], usedBy: new Set<string>() };
        e.usedBy.add(r.name);
        inputs.set(key, e);
      }
    }
  }
  table(
    wb,
    label(lang, 'inputs'),
    `${title} — ${label(lang, 'inputs')}`,
    [...(many ? [{ header: label(lang, 'plan'), width: 12 }] : []), { header: t(lang, 'heading.indicator'), width: 40, wrap: true }, { header: label(lang, 'period'), width: 10 }, { header: label(lang, 'value'), width: 12 }, { header: label(lang, 'unit'), width: 14 }, { header: label(lang, 'location'), width: 36, wrap: true }, { header: label(lang, 'usedBy'), width: 40, wrap: true }],
    [...inputs.values()].map((e) => [...e.cells, [...e.usedBy].join('；')]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * What results.xlsx says when the run could not be made (exit 2, or 3 for a
 * bug): one sheet listing why, so that a forwarded workbook never shows an
 * older run's results.
 */
export async function formatXlsxFailure(f: RunFailure, lang: Lang): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plancheck';
  const zh = lang === 'zh';
  const title = f.exitCode === 3 ? (zh ? 'plancheck 因内部错误（程序缺陷）未能完成评估，没有结果' : 'plancheck could not evaluate (an internal error, a bug): there are no results') : zh ? 'plancheck 未能完成评估（输入或用法有误），没有结果' : 'plancheck could not evaluate (invalid input or usage): there are no results';
  table(
    wb,
    zh ? '运行失败' : 'Run failed',
    title,
    [
      { header: zh ? '严重程度' : 'Severity', width: 10 },
      { header: zh ? '代码' : 'Code', width: 18 },
      { header: label(lang, 'location'), width: 36, wrap: true },
      { header: label(lang, 'message'), width: 80, wrap: true },
    ],
    f.diagnostics.map((d) => [d.severity === 'error' ? (zh ? '错误' : 'error') : zh ? '警告' : 'warning', d.code, formatLocation(d), diagnosticMessage(d, lang)]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
