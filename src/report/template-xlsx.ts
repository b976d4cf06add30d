/**
 * `plancheck template --format xlsx`: the fill-in workbook. One sheet per
 * plan and period; every measurement due with its name, period, unit and
 * region filled in and locked (the sheet is protected without a password);
 * the value column validated — a number, or 是/否 for a yes/no indicator,
 * and the not-available markers; the note column free; an instructions sheet;
 * the header frozen. Read back, it is an ordinary long table (指标, 期间,
 * 数值, 单位, 地区, 备注), so it evaluates like the CSV template.
 */
import ExcelJS from 'exceljs';
import type { Plan } from '../plan/model.js';
import type { Lang } from './messages.js';
import type { TemplateRow } from './template.js';

export interface TemplateSheet {
  readonly plan: Plan;
  /** the period the sheet asks for (`2024`, `2024-06`) */
  readonly period: string;
  readonly rows: readonly TemplateRow[];
}

/** What may stand in the value column besides a number: not available. */
const MARKERS = ['—', '不适用', '无'];

const TEXT = {
  zh: {
    header: ['序号', '指标', '期间', '数值', '单位', '地区', '备注'],
    instructions: '填表说明',
    numberPrompt: '填写数值（按“单位”列的单位）；不适用或无数据填“—”“不适用”或“无”',
    boolPrompt: '选择“是”或“否”；不适用填“—”',
    errorTitle: '数值无效',
    numberError: '这里只能填数字（如 19.5、22000），或“—”“不适用”“无”',
    boolError: '这里只能填“是”或“否”（或“—”“不适用”）',
    lines: (sheets: string) => [
      ['plancheck 数据填报表'],
      [],
      ['怎么填'],
      ['1', `每张表（${sheets}）是一个规划在一个期间应报送的全部数据，每行一个指标。`],
      ['2', '只填“数值”列（必要时填“备注”）。其余各列已填好并锁定（工作表保护，无密码），请勿改动。'],
      ['3', '“数值”按“单位”列的单位填写：单位是 % 时填 19.5，也可直接输入 19.5%。'],
      ['4', '是/否类指标在下拉列表中选择“是”或“否”。'],
      ['5', `没有数据或不适用时填 ${MARKERS.map((m) => `“${m}”`).join('、')}；留空表示尚未报送。`],
      [],
      ['各列含义'],
      ['序号', '行号，不读取'],
      ['指标', '规划中的指标或测算数据名称（与规划原文一致）'],
      ['期间', '按本表所列填写：年份（2024）、月份（2024-06）、季度（2024-Q2）或自年初起的月份（2024年1-6月）'],
      ['数值', '实际完成值'],
      ['单位', '数值的计量单位'],
      ['地区', '填报地区'],
      ['备注', '说明数据来源、口径等，可不填'],
      [],
      ['填好后'],
      ['', '保存为 Excel 工作簿（.xlsx），然后运行：plancheck evaluate --plan <规划> 本文件.xlsx'],
    ],
  },
  en: {
    header: ['No.', 'indicator', 'period', 'value', 'unit', 'region', 'note'],
    instructions: 'Instructions',
    numberPrompt: 'A number, in the unit of the unit column; not available: —, 不适用 or 无',
    boolPrompt: 'Choose 是 (yes) or 否 (no); not applicable: —',
    errorTitle: 'Not a valid value',
    numberError: 'Only a number (19.5, 22000) or —, 不适用, 无 may go here',
    boolError: 'Only 是 or 否 (or —, 不适用) may go here',
    lines: (sheets: string) => [
      ['plancheck data template'],
      [],
      ['How to fill it in'],
      ['1', `Each sheet (${sheets}) is every value one plan needs for one period, one row per indicator.`],
      ['2', 'Fill in the value column only (and a note where useful). The other columns are filled in and locked (the sheet is protected, no password).'],
      ['3', 'Write the value in the unit of the unit column: for %, write 19.5 (or type 19.5%).'],
      ['4', 'For a yes/no indicator choose 是 (yes) or 否 (no) from the list.'],
      ['5', `Not available or not applicable: ${MARKERS.join(', ')}. An empty cell means not reported yet.`],
      [],
      ['Columns'],
      ['No.', 'a row number, not read'],
      ['indicator', 'the name of the indicator or measurement, as the plan prints it'],
      ['period', 'a year (2024), month (2024-06), quarter (2024-Q2) or months from January (2024年1-6月), as the sheet asks'],
      ['value', 'the value achieved'],
      ['unit', 'the unit of the value'],
      ['region', 'the region reporting'],
      ['note', 'where the figure comes from, how it is counted; optional'],
      [],
      ['When done'],
      ['', 'Save as an Excel workbook (.xlsx), then run: plancheck evaluate --plan <plan> this-file.xlsx'],
    ],
  },
} as const;

const WIDTHS = [6, 46, 10, 14, 14, 12, 30];
const FONT = '等线';

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 31 - String(i).length - 1)}-${i}`;
  used.add(name);
  return name;
}

export async function formatTemplateXlsx(sheets: readonly TemplateSheet[], lang: Lang): Promise<Uint8Array> {
  const text = TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plancheck';
  const used = new Set<string>([text.instructions]);
  const names = sheets.map((s) => sheetName(`${s.plan.region.name} ${s.period}`, used));
  const guide = wb.addWorksheet(text.instructions, { pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  guide.columns = [{ width: 12 }, { width: 90 }];
  for (const line of text.lines(names.join('、'))) {
    const row = guide.addRow([...line]);
    row.font = { name: FONT, bold: line.length === 1 };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    // a heading spans both columns; a long line gets the height of its wrapped text
    if (line.length === 1) guide.mergeCells(row.number, 1, row.number, 2);
    else if ((line[1] ?? '').length > 45) row.height = 15 * Math.ceil((line[1] ?? '').length / 45) + 2;
  }
  guide.getRow(1).font = { name: FONT, bold: true, size: 14 };

  for (const [k, s] of sheets.entries()) {
    const ws = wb.addWorksheet(names[k], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = WIDTHS.map((width) => ({ width }));
    const head = ws.addRow([...text.header]);
    head.eachCell((cell) => {
      cell.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
    });
    s.rows.forEach((r, i) => {
      const row = ws.addRow([i + 1, r.name, r.period, null, r.unit, s.plan.region.name, null]);
      row.font = { name: FONT };
      row.getCell(3).numFmt = '@';
      const locked = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };
      for (const c of [1, 2, 3, 5, 6]) {
        row.getCell(c).fill = locked;
        row.getCell(c).protection = { locked: true };
      }
      const value = row.getCell(4);
      const note = row.getCell(7);
      value.protection = { locked: false };
      note.protection = { locked: false };
      value.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      const ref = `D${row.number}`;
      value.dataValidation =
        r.unit === '是/否'
          ? { type: 'list', allowBlank: true, formulae: [`"是,否,${MARKERS.join(',')}"`], showInputMessage: true, prompt: text.boolPrompt, showErrorMessage: true, errorStyle: 'stop', errorTitle: text.errorTitle, error: text.boolError }
          : {
              type: 'custom',
              allowBlank: true,
              formulae: [`OR(ISNUMBER(${ref}),${MARKERS.map((m) => `${ref}="${m}"`).join(',')})`],
              showInputMessage: true,
              prompt: text.numberPrompt,
              showErrorMessage: true,
              errorStyle: 'stop',
              errorTitle: text.errorTitle,
              error: text.numberError,
            };
    });
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
