/**
 * Test workbooks made with the library plancheck reads them with (exceljs):
 * a CSV fixture as a bureau would keep it — a title row above the header,
 * long (as the CSV) or wide (one column per period: 2022年, 2024年6月, 2024-Q2).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeBytes } from '../../src/data/decode.js';
import { formatPeriod, parsePeriod, kindOf } from '../../src/model/period.js';

/** A plain number (`600`, `19.5`) becomes a number cell; anything else (`22,000`, `是`) stays text, as typed. */
function cellValue(text: string): string | number | null {
  if (text === '') return null;
  return /^-?\d+(\.\d+)?$/.test(text) && String(Number(text)) === text ? Number(text) : text;
}

export function readCsv(file: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(decodeBytes(readFileSync(file)).text, { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  return { header: (header ?? []).map((h) => h.trim()), rows };
}

const TITLE = '民政事业主要指标数据（测试）';

/** The CSV as a long workbook: title row, blank row, the CSV's header and rows. */
export async function longWorkbook(csv: string, out: string): Promise<void> {
  const { header, rows } = readCsv(csv);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow([TITLE]);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map(cellValue));
  ws.addRow([]);
  ws.addRow(['填表人：张三　审核人：李四']);
  wb.addWorksheet('说明').addRow(['注：本表数据为测试数据。']);
  await wb.xlsx.writeFile(out);
}

/** The header a bureau writes for a period: 2023年, 2024年6月, 2024-Q2. */
export function periodHeader(period: string): string {
  const p = parsePeriod(period);
  if (!p) throw new Error(`not a period: ${period}`);
  const k = kindOf(p);
  return k === 'year' ? `${p.year}年` : k === 'month' ? `${p.year}年${p.to}月` : formatPeriod(p);
}

/**
 * The CSV as a wide workbook: one row per indicator (with its unit, region
 * and note), one column per period. Undefined when the CSV cannot be made
 * wide (a row without a period, or two rows for one cell).
 */
export async function wideWorkbook(csv: string, out: string): Promise<boolean> {
  const { header, rows } = readCsv(csv);
  const col = (names: string[]): number => header.findIndex((h) => names.includes(h));
  const iVal = col(['value', '数值']);
  const iPer = col(['period', '期间', '年份']);
  const keep = header.map((_, i) => i).filter((i) => i !== iVal && i !== iPer);
  if (iPer < 0 || rows.some((r) => (r[iPer] ?? '').trim() === '')) return false;
  const periods = [...new Set(rows.map((r) => (r[iPer] as string).trim()))];
  const byKey = new Map<string, { label: string[]; values: Map<string, string> }>();
  for (const r of rows) {
    const label = keep.map((i) => r[i] ?? '');
    const key = JSON.stringify(label);
    const e = byKey.get(key) ?? { label, values: new Map<string, string>() };
    const p = (r[iPer] as string).trim();
    if (e.values.has(p)) return false;
    e.values.set(p, r[iVal] ?? '');
    byKey.set(key, e);
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('宽表');
  ws.addRow([TITLE]);
  ws.addRow(['序号', ...keep.map((i) => header[i] as string), ...periods.map(periodHeader)]);
  let n = 0;
  for (const e of byKey.values()) ws.addRow([++n, ...e.label.map(cellValue), ...periods.map((p) => cellValue(e.values.get(p) ?? ''))]);
  ws.addRow(['数据来源：测试']);
  await wb.xlsx.writeFile(out);
  return true;
}
