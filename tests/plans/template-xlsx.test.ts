/**
 * `template --format xlsx` (issue 12, item 5): the workbook has every row of
 * the CSV template, names locked, values validated, an instructions sheet,
 * a frozen header; filled in with the same values and read back, it
 * evaluates exactly like the filled CSV template.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { passingValue } from '../helpers/fill-template.js';
import { bundled } from '../helpers/plans.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-txlsx-'));

function verdicts(stdout: string): string[][] {
  return (JSON.parse(stdout) as { results: { id: string; status: string; actual: { value: string } | null }[] }).results.map((r) => [r.id, r.status, r.actual?.value ?? '']);
}

describe.each(['suzhou', 'taicang', 'suqian', 'zhongshan', 'chuxiong'])('%s: the 2024 template workbook', (id) => {
  it('holds the CSV template rows, locked and validated; filled in, it evaluates like the filled CSV', async () => {
    const plan = await bundled(id);
    const csvRows = Papa.parse<string[]>(runCli(['template', id, '--year', '2024']).stdout.trim()).data.slice(1);
    const file = join(dir, `${id}.xlsx`);
    const made = runCli(['template', id, '--year', '2024', '--format', 'xlsx', '--lang', 'zh', '-o', file]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['填表说明', `${plan.region.name} 2024`]);
    const ws = wb.worksheets[1] as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, '序号', '指标', '期间', '数值', '单位', '地区', '备注']);
    const rows: string[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rows.push([row.getCell(2).text, row.getCell(3).text, '', row.getCell(5).text, row.getCell(6).text, '']);
      // locked is a cell's default under a protected sheet; the value cell is the one unlocked
      expect(row.getCell(2).protection?.locked ?? true).toBe(true);
      expect(row.getCell(4).protection).toMatchObject({ locked: false });
      const v = row.getCell(4).dataValidation;
      expect(v.type).toBe(row.getCell(5).value === '是/否' ? 'list' : 'custom');
      // fill it in as a submitter would: numbers as numbers, 是/否 from the list
      const value = passingValue(plan, row.getCell(2).text, row.getCell(3).text);
      row.getCell(4).value = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    }
    expect(rows).toEqual(csvRows);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    await wb.xlsx.writeFile(file);

    const csvFile = join(dir, `${id}.csv`);
    writeFileSync(csvFile, Papa.unparse([['indicator', 'period', 'value', 'unit', 'region', 'note'], ...csvRows.map((r) => [r[0] as string, r[1] as string, passingValue(plan, r[0] as string, r[1] as string), ...r.slice(3)])]));
    const fromCsv = runCli(['evaluate', '--plan', id, csvFile, '--format', 'json', '--year', '2024']);
    const fromXlsx = runCli(['evaluate', '--plan', id, file, '--format', 'json', '--year', '2024']);
    expect(fromXlsx.stderr).toBe('');
    expect(fromXlsx.status).toBe(fromCsv.status);
    expect(verdicts(fromXlsx.stdout)).toEqual(verdicts(fromCsv.stdout));
  });
});

describe('template workbook options', () => {
  it('one sheet per plan and period with --period', async () => {
    const file = join(dir, 'periods.xlsx');
    expect(runCli(['template', 'suzhou', 'taicang', '--period', '2024-06', '--period', '2024-12', '--format', 'xlsx', '--lang', 'en', '-o', file]).status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instructions', '苏州市 2024-06', '苏州市 2024-12', '太仓市 2024-06', '太仓市 2024-12']);
  });

  it('a workbook is not written to a terminal, and a bad period is a usage error', () => {
    expect(runCli(['template', 'suzhou', '--period', '2024-13']).status).toBe(2);
  });
});
