/**
 * A standards plan in the results workbook: a matrix sheet (regions × checks,
 * the status of each cell coloured by conditional formatting, so a cell a
 * reviewer edits keeps the colour of what it says) and one sheet per check
 * (every region's value, requirement, status and why, failing first).
 */
import type ExcelJS from 'exceljs';
import type { Matrix } from '../evaluate/matrix.js';
import { STATUSES } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport } from '../run/evaluate.js';
import { explain, requirementText } from './explain.js';
import { statusLabel, t, type Lang } from './messages.js';
import { STATUS_STYLE, table, type Col } from './xlsx.js';

/** Excel's column letters: 1 → A, 27 → AA. */
function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ , unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; wb.worksheets.some((w) => w.name === name); i++) name = `${base.slice(0, 26)}~${i}`;
  return name;
}

const WORDS = {
  zh: { matrix: '地区矩阵', region: '地区', code: '代码', failing: '不通过项', owed: '应报未报', check: '标准', meet: '达到', value: '实际值', message: '说明' },
  en: { matrix: 'Regions × checks', region: 'Region', code: 'Code', failing: 'Failing', owed: 'Owed', check: 'Check', meet: 'Met', value: 'Value', message: 'Why' },
} as const;

export function addMatrixSheets(wb: ExcelJS.Workbook, m: Matrix, reports: readonly EvaluationReport[], lang: Lang): void {
  const w = WORDS[lang];
  const each = m.checks.filter((c) => c.applies === 'each');
  const title = `${m.plan.title} — ${formatAsOf(m.asOf)}`;
  const cols: Col[] = [{ header: w.region, width: 14 }, { header: w.code, width: 9 }, { header: w.failing, width: 9 }, { header: w.owed, width: 9 }, ...each.map((c, i) => ({ header: `${i + 1}. ${c.name}`, width: 12, wrap: true }))];
  const rows = m.regions.map((r) => [r.name, r.code, r.failing, r.owed, ...each.map((c) => (r.cells[c.id] === undefined ? '' : statusLabel(lang, r.cells[c.id] as (typeof STATUSES)[number])))]);
  const ws = table(wb, sheetName(wb, w.matrix), title, cols, rows);
  ws.getRow(2).height = 48;
  ws.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
  if (rows.length > 0 && each.length > 0) {
    // colours follow what a cell says, as Excel and WPS read conditional formats
    const ref = `E3:${letters(4 + each.length)}${rows.length + 2}`;
    ws.addConditionalFormatting({
      ref,
      rules: STATUSES.map((s, i) => ({
        type: 'containsText',
        operator: 'containsText',
        text: statusLabel(lang, s),
        priority: i + 1,
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: STATUS_STYLE[s].fill } }, font: { color: { argb: STATUS_STYLE[s].font }, bold: true } },
      })),
    });
  }
  // one sheet per check: every region's result, failing first
  const byRegion = new Map(reports.map((r) => [`${r.part ?? 'each'}|${r.plan.region.code}`, r]));
  m.checks.forEach((c, i) => {
    const regionsOf = c.applies === 'whole' ? (m.whole ? [m.whole] : []) : m.regions;
    const results = regionsOf.flatMap((r) => {
      const rep = byRegion.get(`${c.applies}|${r.code}`);
      const x = rep?.evaluation.results.find((y) => y.id === c.id);
      return x && rep ? [{ r, x, year: rep.year }] : [];
    });
    const order = (s: string): number => ['fail', 'error', 'missing', 'pending', 'pass'].indexOf(s);
    results.sort((a, b) => order(a.x.status) - order(b.x.status) || (a.r.code < b.r.code ? -1 : 1));
    const meet = c.counts.pass;
    table(
      wb,
      sheetName(wb, `${i + 1}. ${c.name}`),
      `${i + 1}. ${c.name}（${t(lang, `attribute.${c.attribute}`)}）— ${w.meet} ${meet}/${regionsOf.length}`,
      [{ header: w.region, width: 14 }, { header: w.code, width: 9 }, { header: t(lang, 'heading.expected'), width: 22, wrap: true }, { header: w.value, width: 14 }, { header: t(lang, 'heading.status'), width: 10 }, { header: w.message, width: 70, wrap: true }],
      results.map(({ r, x, year }) => [r.name, r.code, requirementText(x), x.actual?.value ?? '', statusLabel(lang, x.status), explain(x, year, lang)]),
      5,
      results.map(({ x }) => x.status),
    );
  });
}
