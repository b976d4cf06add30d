// The item-1 cell cases as a workbook, written with exceljs:
// usage: node bench/xlsx-cases.mjs OUT.xlsx
// Row 1 a title; row 2 the header; then: a number, a number stored as text,
// a percentage (0.765 shown as 76.5%), a date (2024-06-30), a formula with its
// cached value, a 类别 cell merged over three rows, an error cell (#DIV/0!).
import ExcelJS from 'exceljs';

const out = process.argv[2] ?? 'bench/out/cases.xlsx';
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('数据');
ws.addRow(['苏州市民政事业主要指标数据（2023年）']);
ws.addRow(['类别', '指标', '数值', '时间']);
ws.addRow(['养老', 'number', 1234, '2023']);
ws.addRow([null, 'text', '5678', '2023']);
ws.addRow([null, 'percent', 0.765, '2023']);
ws.getCell('C5').numFmt = '0.0%';
ws.addRow(['社会救助', 'date', 7, new Date(Date.UTC(2024, 5, 30))]);
ws.getCell('D6').numFmt = 'yyyy-mm-dd';
ws.addRow([null, 'formula', { formula: 'C3*2', result: 2468 }, '2023']);
ws.addRow([null, 'error', { error: '#DIV/0!' }, '2023']);
ws.mergeCells('A3:A5');
await wb.xlsx.writeFile(out);
