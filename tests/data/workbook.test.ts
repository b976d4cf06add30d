/**
 * Workbooks as bureaus save them (issue 12, items 1–3): cell types read as
 * the user sees them, every message naming its cell, tables found below
 * title rows and ended by notes, wide tables, --sheet and --layout.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bindRows } from '../../src/data/bind.js';
import { parseCsv } from '../../src/data/parse-csv.js';
import { readPeriodHeader } from '../../src/data/period-header.js';
import { streamDataFiles, type ReadOptions } from '../../src/data/stream.js';
import { formatDiagnostic, type Diagnostic } from '../../src/errors.js';
import { evaluatePlan } from '../../src/evaluate/evaluate-plan.js';
import type { RawRow } from '../../src/model/row.js';
import { loadPlan } from '../../src/plan/load.js';
import { FIXTURES, ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-xlsx-'));
const plan = (await loadPlan(join(FIXTURES, 'basic/plan.yaml'))).plan;

async function read(file: string, options: ReadOptions = {}): Promise<{ rows: RawRow[]; errors: Diagnostic[]; warnings: Diagnostic[] }> {
  const rows: RawRow[] = [];
  const r = await streamDataFiles([file], (row) => rows.push(row), undefined, options);
  return { rows, errors: r.errors, warnings: r.warnings };
}

function verdicts(rows: readonly RawRow[], year = 2023): Record<string, string> {
  const bound = bindRows(plan, rows);
  expect(bound.errors.map((e) => formatDiagnostic(e))).toEqual([]);
  return Object.fromEntries(evaluatePlan(plan, bound.measurements, year).results.map((r) => [r.id, `${r.status} ${r.actual?.value ?? ''}`]));
}

const csvVerdicts = verdicts(parseCsv(`indicator,period,value,unit\n接受上门服务的居家老年人数占比,2023,19.5,%\nsocial_workers,2023,"22,000",人\n全市老年友好社区数量,2023,600,个\nburial_share,2023,38,%\nper_capita_consumption,2022,45000,元/人·年\nper_capita_consumption,2023,47000,元/人·年\n低保标准,2023,1185,元/人·月\n特困人员基本生活标准（元/人·月）,2023-06,1600,\n`, 'x.csv').rows);

/** The cases of item 1, as Excel saves them. */
async function casesWorkbook(file: string, withError: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(['测试市民政事业主要指标数据（2023年）']);
  ws.addRow(['类别', '指标', '数值', '时间', '单位']);
  ws.addRow(['养老', '接受上门服务的居家老年人数占比', 0.195, 2023, null]);
  ws.getCell('C3').numFmt = '0.0%';
  ws.addRow([null, 'social_workers', '22,000', '2023', '人']);
  ws.addRow([null, '全市老年友好社区数量', { formula: '300*2', result: 600 }, '2023年', '个']);
  ws.addRow(['殡葬', 'burial_share', withError ? { error: '#DIV/0!' } : 38, 2023, '%']);
  ws.addRow(['社会救助', 'per_capita_consumption', 45000, 2022, '元/人·年']);
  ws.addRow([null, null, 47000, 2023, '元/人·年']);
  ws.addRow([null, '低保标准', '1185', 2023, '元/人·月']);
  ws.addRow([null, '特困人员基本生活标准（元/人·月）', 1600, new Date(Date.UTC(2023, 5, 30)), null]);
  ws.getCell('D10').numFmt = 'yyyy-mm-dd';
  ws.mergeCells('A3:A5');
  ws.mergeCells('A7:A10');
  ws.mergeCells('B7:B8');
  ws.addRow([]);
  ws.addRow(['填表人：张三', null, '审核人：李四']);
  ws.addRow(['数据来源：测试市民政局']);
  wb.addWorksheet('填表说明').addRow(['注：本表“数值”列填写实际完成值。']);
  wb.addWorksheet('Sheet3').addRow(['审核意见', '同意']);
  await wb.xlsx.writeFile(file);
}

describe('cells read as the user sees them', () => {
  it('percentages, numbers as text, formulas, dates, merged cells: the same verdicts as the CSV', async () => {
    const file = join(dir, 'cases.xlsx');
    await casesWorkbook(file, false);
    const r = await read(file);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.cell, x.indicator, x.value, x.period])).toEqual([
      ['C3', '接受上门服务的居家老年人数占比', '19.5%', '2023'],
      ['C4', 'social_workers', '22,000', '2023'],
      ['C5', '全市老年友好社区数量', '600', '2023年'],
      ['C6', 'burial_share', '38', '2023'],
      ['C7', 'per_capita_consumption', '45000', '2022'],
      ['C8', 'per_capita_consumption', '47000', '2023'],
      ['C9', '低保标准', '1185', '2023'],
      ['C10', '特困人员基本生活标准（元/人·月）', '1600', '2023-06'],
    ]);
    expect(verdicts(r.rows)).toEqual(csvVerdicts);
    expect(r.warnings.map((w) => [w.code, formatDiagnostic(w)])).toEqual([
      ['HEADER_ROW', expect.stringContaining('cases.xlsx[数据]!A2: warning: the header is row 2') as string],
      // a sheet named as notes (填表说明) is skipped quietly; any other without a table with a note
      ['SHEET_SKIPPED', expect.stringContaining('cases.xlsx[Sheet3]: warning: sheet "Sheet3" has no table') as string],
    ]);
  });

  it('an error cell is a bad value named by its cell', async () => {
    const file = join(dir, 'error.xlsx');
    await casesWorkbook(file, true);
    const r = await read(file);
    const bound = bindRows(plan, r.rows);
    expect(bound.errors.map((e) => formatDiagnostic(e))).toEqual([expect.stringMatching(/error\.xlsx\[数据\]!C6: error: .*#DIV\/0!/)]);
  });
});

describe('sheets', () => {
  it('--sheet reads only the sheets named; an unknown name lists the sheets', async () => {
    const file = join(dir, 'cases-sheet.xlsx');
    await casesWorkbook(file, false);
    expect((await read(file, { sheets: ['数据'] })).rows).toHaveLength(8);
    const r = await read(file, { sheets: ['Sheet9'] });
    expect(r.errors.map((e) => formatDiagnostic(e))).toEqual([expect.stringContaining('no sheet "Sheet9" in the workbook; its sheets are "数据", "填表说明", "Sheet3"')]);
    const notes = await read(file, { sheets: ['填表说明'] });
    expect(notes.errors.map((e) => e.code)).toEqual(['CSV_HEADER']);
  });

  it('--sheet with a CSV file is a warning: the file is read whole', async () => {
    const r = await read(join(FIXTURES, 'basic/data.csv'), { sheets: ['数据'] });
    expect(r.rows.length).toBeGreaterThan(0);
    expect(r.warnings.map((w) => w.code)).toEqual(['SHEET_NOT_WORKBOOK']);
  });

  it('a workbook with no table anywhere is an error naming its sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['注：无数据']);
    const file = join(dir, 'none.xlsx');
    await wb.xlsx.writeFile(file);
    expect((await read(file)).errors.map((e) => formatDiagnostic(e))).toEqual([expect.stringContaining('none.xlsx: error: no sheet of the workbook has a table plancheck reads ("说明")')]);
  });

  it('an Excel 97–2003 .xls is refused with how to save it as .xlsx', async () => {
    const file = join(dir, 'old.xls');
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await read(file)).errors.map((e) => e.message)).toEqual([expect.stringContaining('save it as an Excel workbook (.xlsx)')]);
  });

  it('a damaged .xlsx is an input error, not a crash', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(file, 'PK\u0003\u0004 not really a zip');
    expect((await read(file)).errors.map((e) => e.code)).toEqual(['WORKBOOK']);
  });
});

describe('tables found where they are (CSV too)', () => {
  it('title rows above, notes below: the header row is named in a warning', () => {
    const text = '测试市民政事业主要指标数据（2023年）\n\n单位：测试市民政局,,\n指标,年份,数值\n低保标准,2023,1185\n\n填表人：张三,,\n注：测试,,\n';
    const r = parseCsv(text, 't.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.indicator, x.value])).toEqual([[5, '低保标准', '1185']]);
    expect(r.warnings.map((w) => formatDiagnostic(w))).toEqual(['t.csv:4: warning: the header is row 4 (long table); the 2 non-blank row(s) above it are taken as a title and skipped']);
  });

  it('a header on the first row gives no warning', () => {
    expect(parseCsv('indicator,value,period\n低保标准,1185,2023\n', 't.csv').warnings).toEqual([]);
  });

  it('an indicator that begins like a note (注册…) is data, not a note', () => {
    expect(parseCsv('指标,数值,年份\n注册社会组织数,12,2023\n', 't.csv').rows).toHaveLength(1);
  });

  it('a wide CSV: one observation per period cell, empty cells none, the unit column for the row', () => {
    const text = '序号,指标,计量单位,2022年,2023年6月,2023-Q3,2024年1-6月,2024年（人）\n1,低保标准,元/人·月,1100,1185,,1230,\n2,social_workers,人,,,,,21000\n';
    const r = parseCsv(text, 'w.csv');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.indicator, x.period, x.value, x.unit, x.headerUnit])).toEqual([
      ['低保标准', '2022', '1100', '元/人·月', undefined],
      ['低保标准', '2023-06', '1185', '元/人·月', undefined],
      // the year to date is a span, January to June: never read as June alone
      ['低保标准', '2024-01/2024-06', '1230', '元/人·月', undefined],
      ['social_workers', '2024', '21000', '人', '人'],
    ]);
  });

  it('--layout long refuses a wide header; --layout wide a long one', () => {
    expect(parseCsv('指标,2022年,2023年\n低保标准,1100,1185\n', 'w.csv', { layout: 'long' }).errors.map((e) => e.message)).toEqual([expect.stringContaining('missing required column "value"')]);
    expect(parseCsv('指标,数值,年份\n低保标准,1185,2023\n', 'l.csv', { layout: 'wide' }).errors.map((e) => e.message)).toEqual([expect.stringContaining("no table found: a wide table's header")]);
  });
});

describe('period headers of wide tables', () => {
  it.each([
    ['2022年', '2022'],
    ['2023', '2023'],
    ['2023年度', '2023'],
    ['2023年6月', '2023-06'],
    ['2023-Q2', '2023-Q2'],
    ['2023年第二季度', '2023-Q2'],
    ['2024年1-6月', '2024-01/2024-06'],
    ['2024年1—9月累计', '2024-01/2024-09'],
    ['2024年4-6月', '2024-Q2'],
    ['2024年1-3月', '2024-Q1'],
    ['2024年1-12月', '2024'],
    ['2024年上半年', '2024-01/2024-06'],
    ['2024年前三季度数值', '2024-01/2024-09'],
    ['２０２３年', '2023'],
    ['指标', undefined],
    ['2024年13月', undefined],
    ['数值', undefined],
  ])('%s → %s', (text, period) => {
    expect(readPeriodHeader(text)?.period).toBe(period);
  });
});

describe('the workbook saved by LibreOffice', () => {
  it('a bureau-style wide table (title, 序号, 计量单位, 2022年/2023年, notes) evaluates as the clean CSV', () => {
    const wb = runCli(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/workbook/bureau.xlsx', '--format', 'json']);
    const csv = runCli(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv', '--format', 'json']);
    expect(wb.status).toBe(csv.status);
    const results = (s: string): unknown => (JSON.parse(s) as { results: { id: string; status: string; actual: unknown }[] }).results.map((r) => [r.id, r.status, r.actual]);
    expect(results(wb.stdout)).toEqual(results(csv.stdout));
    expect(wb.stderr).toContain('tests/fixtures/workbook/bureau.xlsx[bureau]!A3: warning: the header is row 3 (wide table)');
    // the JSON names the warning's sheet and cell, and still follows the schema
    const json = JSON.parse(wb.stdout) as { warnings: unknown[] };
    expect(json.warnings).toEqual([expect.objectContaining({ code: 'HEADER_ROW', sheet: 'bureau', cell: 'A3' })]);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas/result.schema.json'), 'utf8')) as object);
    expect(validate(json) ? [] : validate.errors).toEqual([]);
  });
});
