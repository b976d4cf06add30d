// A benchmark CSV (bench/generate.mjs) → the same rows as a workbook, the way
// a bureau keeps one: a title row above the header, numbers as numbers.
// usage: node bench/xlsx-make.mjs IN.csv OUT.xlsx
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

const [input, out] = process.argv.slice(2);
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: false });
const ws = wb.addWorksheet('数据');
ws.addRow(['民政事业主要指标数据（基准测试）']).commit();
let header = true;
for (const cells of Papa.parse(readFileSync(input, 'utf8'), { skipEmptyLines: true }).data) {
  if (header) {
    header = false;
    ws.addRow(cells).commit();
    continue;
  }
  const value = Number(cells[3]);
  ws.addRow([cells[0], cells[1], cells[2], cells[3] !== '' && Number.isFinite(value) ? value : cells[3], cells[4]]).commit();
}
ws.commit();
await wb.commit();
