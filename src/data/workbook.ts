/**
 * The workbook adapter: `.xlsx` (what Excel and WPS save) → the row stream,
 * each row located as `file.xlsx[Sheet]!C7`. Sheets are read one row at a
 * time (xlsx-cells.ts), so memory holds the package and its shared strings,
 * never the sheet; every sheet with a table is read, or those named by
 * --sheet; a sheet without one is skipped with a note. Cells are read as the
 * user sees them: a percentage cell holding 0.765 is `76.5%`, a date is its
 * month (2024-06-30 → `2024-06`), a formula its cached value, an error cell
 * its code (`#DIV/0!`, then a bad value at its cell), and a merged cell's
 * value applies to every cell it spans. This module (and its libraries) is
 * loaded only when a workbook is read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../errors.js';
import type { RawRow } from '../model/row.js';
import type { DataFileInfo } from './load.js';
import { TableReader, type TableOptions } from './table.js';
import { XlsxPackage } from './xlsx-cells.js';
import { osErrorText } from '../os-error.js';

export interface WorkbookOptions extends TableOptions {
  /** read only these sheets (by name) */
  readonly sheets?: readonly string[];
}

export interface WorkbookRead {
  readonly info?: DataFileInfo;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

// ---- merged cells ----------------------------------------------------------

/** A1-style reference → 1-based row and column. */
function decodeRef(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Most cells of merged ranges followed per sheet (a sheet merges a few labels, not millions of cells). */
const MAX_MERGED_CELLS = 1 << 20;

/**
 * The cells a sheet's merged ranges cover, other than each range's top-left
 * cell: row → (column → the top-left cell, as `row:col`). Merges follow
 * the cells in a sheet's XML, so they are read first (XlsxPackage.mergedRanges).
 */
export interface Merges {
  readonly covered: Map<number, Map<number, string>>;
  /** the top-left cells, as `row:col` */
  readonly masters: Set<string>;
}

function mergesOf(refs: readonly string[]): Merges {
  const merges: Merges = { covered: new Map(), masters: new Set() };
  let cells = 0;
  for (const ref of refs) {
    const [a, b] = ref.split(':');
    const from = decodeRef(a ?? '');
    const to = decodeRef(b ?? a ?? '');
    if (!from || !to) continue;
    const master = `${from.row}:${from.col}`;
    merges.masters.add(master);
    for (let r = from.row; r <= to.row && cells < MAX_MERGED_CELLS; r++) {
      for (let c = from.col; c <= to.col && cells < MAX_MERGED_CELLS; c++) {
        if (r === from.row && c === from.col) continue;
        let row = merges.covered.get(r);
        if (!row) merges.covered.set(r, (row = new Map<number, string>()));
        row.set(c, master);
        cells++;
      }
    }
  }
  return merges;
}

// ---- the adapter ---------------------------------------------------------------

/** A sheet named as notes (填表说明, Instructions) holds none of the data: skipped without a note. */
const NOTES_SHEET = /^(?:填表说明|填报说明|说明|注|附注|备注|指标解释|instructions|notes|readme)$/i;

/** Read a workbook; rows go to `onRow` sheet by sheet, in order. */
export async function readWorkbookFile(
  file: string,
  onRow: (row: RawRow) => void,
  keepRegion: ((region: string | undefined, file: string, line: number) => boolean) | undefined,
  options: WorkbookOptions = {},
): Promise<WorkbookRead> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const msg = osErrorText(e);
    return { errors: [errorDiagnostic('READ', { en: `cannot read data file: ${msg.en}`, zh: `无法读取数据文件：${msg.zh}` }, { file })], warnings: [] };
  }
  const notWorkbook = (e: unknown): WorkbookRead => ({
    errors: [errorDiagnostic('WORKBOOK', { en: `not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)}); save it again from Excel or WPS as .xlsx`, zh: `不是可读取的 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）；请在 Excel 或 WPS 中另存为 .xlsx` }, { file })],
    warnings: [],
  });
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.open(bytes);
  } catch (e) {
    return notWorkbook(e);
  }
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const seen = pkg.sheets.map((s) => s.name);
  let tables = 0;
  let header: { line: number; sheet: string } | undefined;
  let rows = 0;
  const wanted = options.sheets === undefined || options.sheets.length === 0 ? undefined : new Set(options.sheets);
  try {
    for (const sheet of pkg.sheets) {
      const name = sheet.name;
      if (wanted !== undefined && !wanted.has(name)) continue;
      const table = new TableReader(file, onRow, options, name);
      if (keepRegion) table.keepRegion = (region, line) => keepRegion(region, file, line);
      const merged = mergesOf(await pkg.mergedRanges(sheet));
      const masters = new Map<string, string>();
      await pkg.readRows(sheet, (cells, row) => table.accept(merged.masters.size === 0 ? cells : fillMerged(cells, row, merged, masters), row));
      if (!table.found) {
        const why = table.headerProblems[0];
        const note = { en: `sheet "${name}" has no table plancheck reads (a header naming indicator (指标) and value (数值) or period columns); skipped`, zh: `工作表“${name}”中没有可读取的数据表（表头应有“指标”和“数值”列或各期列）；已跳过` };
        if (wanted !== undefined) errors.push(why ?? errorDiagnostic('NO_TABLE', note, { file, sheet: name }));
        else if (!NOTES_SHEET.test(name.trim())) warnings.push(warningDiagnostic('SHEET_SKIPPED', note, { file, sheet: name }));
        continue;
      }
      tables++;
      header ??= { line: table.headerRow, sheet: name };
      table.finish();
      rows += table.rowCount;
      for (const e of table.errors) errors.push(e);
      for (const w of table.warnings) warnings.push(w);
    }
  } catch (e) {
    return notWorkbook(e);
  } finally {
    pkg.close();
  }
  for (const s of wanted ?? []) {
    if (!seen.includes(s)) errors.push(errorDiagnostic('NO_SHEET', { en: `no sheet "${s}" in the workbook; its sheets are ${seen.map((x) => `"${x}"`).join(', ')}`, zh: `工作簿中没有工作表“${s}”；现有工作表：${seen.map((x) => `“${x}”`).join('、')}` }, { file }));
  }
  if (tables === 0 && errors.length === 0) {
    errors.push(errorDiagnostic('NO_TABLE', { en: `no sheet of the workbook has a table plancheck reads (${seen.map((x) => `"${x}"`).join(', ')}): a header naming indicator (指标) and value (数值), or indicator and period columns (2022年, 2023年)`, zh: `工作簿的各工作表（${seen.map((x) => `“${x}”`).join('、')}）中都没有可读取的数据表：表头应有“指标”和“数值”列，或“指标”和各期列（2022年、2023年）` }, { file }));
  }
  return { info: { file, sha256: createHash('sha256').update(bytes).digest('hex'), rows, encoding: 'xlsx', ...(header === undefined ? {} : { header }) }, errors, warnings };
}

/** A row's cells with merged ranges filled from their top-left cell (remembered as its row passes). */
function fillMerged(cells: string[], row: number, merged: Merges, masters: Map<string, string>): string[] {
  for (let c = 1; c <= cells.length; c++) {
    const key = `${row}:${c}`;
    if (cells[c - 1] !== '' && merged.masters.has(key)) masters.set(key, cells[c - 1] as string);
  }
  const covered = merged.covered.get(row);
  if (covered) {
    for (const [c, master] of covered) {
      while (cells.length < c) cells.push('');
      if (!cells[c - 1]) cells[c - 1] = masters.get(master) ?? '';
    }
  }
  return cells;
}
