/**
 * The workbook adapter: `.xlsx` (what Excel and WPS save) → the row stream,
 * each row located as `file.xlsx[Sheet]!C7`. Sheets are read as a stream
 * (exceljs's WorkbookReader: one row at a time, memory bounded like the CSV
 * path); every sheet with a table is read, or those named by --sheet; a sheet
 * without one is skipped with a note. Cells are read as the user sees them:
 * a percentage cell holding 0.765 is `76.5%`, a date is its month
 * (2024-06-30 → `2024-06`), a formula its cached value, an error cell its
 * code (`#DIV/0!`, then a bad value at its cell), and a merged cell's value
 * applies to every cell it spans. This module (and exceljs) is loaded only
 * when a workbook is read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../errors.js';
import type { RawRow } from '../model/row.js';
import type { DataFileInfo } from './load.js';
import { TableReader, type TableOptions } from './table.js';

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
 * cell: row → (column → the top-left cell, as `row:col`). The streaming
 * reader does not report merges (they follow the cells in the sheet's XML),
 * so the sheets are scanned for `<mergeCell ref="A3:A5"/>` first — a pass
 * over the inflated XML that keeps only the tail after `<mergeCells`.
 */
export interface Merges {
  readonly covered: Map<number, Map<number, string>>;
  /** the top-left cells, as `row:col` */
  readonly masters: Set<string>;
}

async function readMerges(bytes: Buffer): Promise<Map<string, Merges>> {
  const zip = await JSZip.loadAsync(bytes);
  const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, Merges>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const path = rid === undefined ? undefined : targets.get(rid);
    const entry = path === undefined ? null : zip.file(path);
    if (name === undefined || !entry) continue;
    const refs = await mergeRefs(entry);
    if (refs.length > 0) out.set(decodeXml(name), mergesOf(refs));
  }
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (all, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : e === 'amp' ? '&' : e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : all,
  );
}

function mergeRefs(entry: JSZip.JSZipObject): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let tail = '';
    let inMerges = false;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('utf8');
      if (!inMerges) {
        const at = text.indexOf('<mergeCells');
        if (at < 0) {
          tail = text.slice(-16);
          return;
        }
        inMerges = true;
        tail = text.slice(at);
      } else tail = text;
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(inMerges ? [...tail.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1] as string) : []));
  });
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

// ---- cells as the user sees them ---------------------------------------------

/** A number as a spreadsheet shows it at full precision: 15 significant digits, no binary noise. */
function numberText(n: number): string {
  const s = String(n);
  return s.replace(/[-.e+]/g, '').replace(/^0+/, '').length > 15 ? String(Number(n.toPrecision(15))) : s;
}

function dateText(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A cell's value as text, in the unit its format implies (`0.0%` → percent). */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''))) return `${numberText(value * 100)}%`;
    return numberText(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('error' in value) return String(value.error);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? '' : cellText(result, numFmt);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, numFmt);
  return '';
}

// ---- the adapter ---------------------------------------------------------------

/** A sheet named as notes (填表说明, Instructions) holds none of the data: skipped without a note. */
const NOTES_SHEET = /^(?:填表说明|填报说明|说明|注|附注|备注|指标解释|instructions|notes|readme)$/i;

type StreamedSheet = AsyncIterable<ExcelJS.Row> & { readonly name?: string };

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
    return { errors: [errorDiagnostic('READ', { en: `cannot read data file: ${e instanceof Error ? e.message.replace(/^[A-Z]+: /, '') : String(e)}`, zh: `无法读取数据文件：${e instanceof Error ? e.message : String(e)}` }, { file })], warnings: [] };
  }
  const notWorkbook = (e: unknown): WorkbookRead => ({
    errors: [errorDiagnostic('WORKBOOK', { en: `not a readable .xlsx workbook (${e instanceof Error ? e.message : String(e)}); save it again from Excel or WPS as .xlsx`, zh: `不是可读取的 .xlsx 工作簿（${e instanceof Error ? e.message : String(e)}）；请在 Excel 或 WPS 中另存为 .xlsx` }, { file })],
    warnings: [],
  });
  let merges: Map<string, Merges>;
  try {
    merges = await readMerges(bytes);
  } catch (e) {
    return notWorkbook(e);
  }
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const seen: string[] = [];
  let tables = 0;
  let rows = 0;
  const wanted = options.sheets === undefined || options.sheets.length === 0 ? undefined : new Set(options.sheets);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
    for await (const ws of reader as AsyncIterable<StreamedSheet>) {
      const name = ws.name ?? `Sheet${seen.length + 1}`;
      seen.push(name);
      const skip = wanted !== undefined && !wanted.has(name);
      const table = new TableReader(file, onRow, options, name);
      if (keepRegion) table.keepRegion = (region, line) => keepRegion(region, file, line);
      const merged = merges.get(name);
      const masters = new Map<string, string>();
      for await (const row of ws) {
        if (skip) continue;
        table.accept(rowCells(row, merged, masters), row.number);
      }
      if (skip) continue;
      if (!table.found) {
        const why = table.headerProblems[0];
        const note = { en: `sheet "${name}" has no table plancheck reads (a header naming ${'indicator (指标) and value (数值) or period columns'}); skipped`, zh: `工作表“${name}”中没有可读取的数据表（表头应有“指标”和“数值”列或各期列）；已跳过` };
        if (wanted !== undefined) errors.push(why ?? errorDiagnostic('NO_TABLE', note, { file, sheet: name }));
        else if (!NOTES_SHEET.test(name.trim())) warnings.push(warningDiagnostic('SHEET_SKIPPED', note, { file, sheet: name }));
        continue;
      }
      tables++;
      table.finish();
      rows += table.rowCount;
      for (const e of table.errors) errors.push(e);
      for (const w of table.warnings) warnings.push(w);
    }
  } catch (e) {
    return notWorkbook(e);
  }
  for (const s of wanted ?? []) {
    if (!seen.includes(s)) errors.push(errorDiagnostic('NO_SHEET', { en: `no sheet "${s}" in the workbook; its sheets are ${seen.map((x) => `"${x}"`).join(', ')}`, zh: `工作簿中没有工作表“${s}”；现有工作表：${seen.map((x) => `“${x}”`).join('、')}` }, { file }));
  }
  if (tables === 0 && errors.length === 0) {
    errors.push(errorDiagnostic('NO_TABLE', { en: `no sheet of the workbook has a table plancheck reads (${seen.map((x) => `"${x}"`).join(', ')}): a header naming indicator (指标) and value (数值), or indicator and period columns (2022年, 2023年)`, zh: `工作簿的各工作表（${seen.map((x) => `“${x}”`).join('、')}）中都没有可读取的数据表：表头应有“指标”和“数值”列，或“指标”和各期列（2022年、2023年）` }, { file }));
  }
  return { info: { file, sha256: createHash('sha256').update(bytes).digest('hex'), rows, encoding: 'xlsx' }, errors, warnings };
}

/** A streamed row's cells as text (index 0 = column A), merged cells filled from their top-left cell. */
function rowCells(row: ExcelJS.Row, merged: Merges | undefined, masters: Map<string, string>): string[] {
  const values = row.values as (ExcelJS.CellValue | undefined)[];
  const cells: string[] = new Array<string>(Math.max(0, values.length - 1)).fill('');
  for (let c = 1; c < values.length; c++) {
    const v = values[c];
    if (v === undefined || v === null) continue;
    cells[c - 1] = cellText(v, typeof v === 'number' || typeof v === 'object' ? row.getCell(c).numFmt : undefined);
  }
  if (merged !== undefined) {
    // a top-left cell of a range is remembered; the cells it covers take its text
    for (let c = 1; c <= cells.length; c++) {
      const key = `${row.number}:${c}`;
      if (cells[c - 1] !== '' && merged.masters.has(key)) masters.set(key, cells[c - 1] as string);
    }
    const slaves = merged.covered.get(row.number);
    if (slaves) {
      for (const [c, master] of slaves) {
        while (cells.length < c) cells.push('');
        if (cells[c - 1] === '') cells[c - 1] = masters.get(master) ?? '';
      }
    }
  }
  return cells;
}
