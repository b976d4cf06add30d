/**
 * A table of cells → the row stream. Shared by every input adapter (CSV,
 * workbook): the adapter hands over each row's cells as text with its line
 * (or workbook row), and this finds the table where it is — title and blank
 * rows above the header skipped, the header recognised by its column names,
 * notes under the table (`填表人：…`, `注：…`, `数据来源：…`) ending it — and
 * reads it in its layout: long (one value column, a period column) or wide
 * (one column per period, `2022年`, `2023-Q2`, `2024年1-6月`).
 */
import { errorDiagnostic, warningDiagnostic, type Diagnostic, type Location } from '../errors.js';
import type { RawRow } from '../model/row.js';
import { describeColumns, NOT_READ, readHeaderCell, REQUIRED_COLUMNS, type Column } from './columns.js';
import { readPeriodHeader } from './period-header.js';

export type Layout = 'long' | 'wide';

/** How to read the tables of a file: which layout (detected from the header when not said). */
export interface TableOptions {
  readonly layout?: Layout;
}

/** Most errors kept per file; the rest are counted. */
export const MAX_ERRORS = 1000;

/** How many non-blank rows may stand above the header (titles, a date line, a unit line). */
const HEADER_SEARCH_ROWS = 30;

/** A note under the table: `填表人：张三`, `注：1.…`, `数据来源：市统计局`, `Source: …`. */
const NOTE_ROW = /^(?:填表人|填报人|审核人|审批人|制表人|统计人|(?:单位)?负责人|联系人|联系电话|填报单位|填表单位|填报日期|填表日期|制表日期|报送日期|注|附注|备注|说明|数据来源|资料来源|来源|note|notes|source|sources)\s*\d*\s*[:：.、]/i;

/** First characters a note can start with: most rows are told apart by one lookup, not a regex. */
const NOTE_START = new Set([...'填审制统单负联报注附备说数资来nNsS'].map((c) => c.charCodeAt(0)));

function isNoteRow(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = trimCell(cells[i] as string);
    if (c !== '') return NOTE_START.has(c.charCodeAt(0)) && NOTE_ROW.test(c);
  }
  return false;
}

/** Column letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** trim(), without allocating when there is nothing to trim (the usual case) */
export function trimCell(c: string): string {
  if (c.length === 0) return c;
  const a = c.charCodeAt(0);
  const b = c.charCodeAt(c.length - 1);
  return a <= 32 || b <= 32 || a === 0x3000 || b === 0x3000 || a === 0xfeff || a === 0xa0 || b === 0xa0 ? c.trim() : c;
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if (trimCell(cells[i] ?? '') !== '') return false;
  return true;
}

interface HeaderRead {
  readonly columns: (Column | undefined)[];
  readonly units: (string | undefined)[];
  /** period of each period column (wide), by column index */
  readonly periods: (string | undefined)[];
  readonly layout: Layout | undefined;
}

function readHeaderRow(cells: readonly string[], forced: Layout | undefined): HeaderRead {
  const columns: (Column | undefined)[] = [];
  const units: (string | undefined)[] = [];
  const periods: (string | undefined)[] = [];
  let nPeriods = 0;
  for (let i = 0; i < cells.length; i++) {
    const text = trimCell((cells[i] ?? '').replace(/^\uFEFF/, ''));
    const h = text === '' ? undefined : readHeaderCell(text);
    columns.push(h?.column);
    units.push(h?.unit);
    const p = h === undefined && forced !== 'long' && text !== '' ? readPeriodHeader(text) : undefined;
    periods.push(p?.period);
    if (p) {
      nPeriods++;
      units[i] = p.unit;
    }
  }
  const has = (c: Column): boolean => columns.includes(c);
  let layout: Layout | undefined;
  if (has('indicator')) {
    if (forced === 'wide') layout = nPeriods > 0 ? 'wide' : undefined;
    else if (forced === 'long') layout = has('value') ? 'long' : undefined;
    else layout = has('value') ? 'long' : nPeriods > 0 ? 'wide' : undefined;
  }
  return { columns, units, periods, layout };
}

/**
 * Takes a table's rows one by one and hands each observation to `onRow`.
 * For a CSV, `sheet` is undefined and locations are `file:line`; for a
 * workbook sheet they are `file.xlsx[Sheet]!C7`.
 */
export class TableReader {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  /** table rows read (a wide row counts once, whatever its number of periods) */
  rowCount = 0;
  private dropped = 0;
  private header: HeaderRead | undefined;
  private layout: Layout = 'long';
  private iIndicator = -1;
  private iValue = -1;
  private iPeriod = -1;
  private iRegion = -1;
  private iUnit = -1;
  private iNote = -1;
  private valueHeaderUnit: string | undefined;
  private periodColumns: number[] = [];
  private width = 0;
  private headerLine = 0;
  private ended = false;
  /** the first non-blank row, while no header has been found: the header problems are reported on it */
  private firstRow: { cells: readonly string[]; line: number } | undefined;
  private rowsAbove = 0;
  private lastLine = 0;

  /** Looked at before a row is built: return false to set the row aside (counted only). */
  keepRegion: ((region: string | undefined, line: number) => boolean) | undefined;

  /** A CSV row must have as many fields as its header (a workbook row may stop early). */
  strictWidth = false;

  constructor(
    readonly file: string,
    private readonly onRow: (row: RawRow) => void,
    private readonly options: TableOptions = {},
    readonly sheet?: string,
  ) {}

  /** Was a header found? */
  get found(): boolean {
    return this.header !== undefined;
  }

  /** The row the header was found on. */
  get headerRow(): number {
    return this.headerLine;
  }

  private where(line: number, column?: number): Location {
    if (this.sheet === undefined) return column === undefined ? { file: this.file, line } : { file: this.file, line, column: column + 1 };
    return { file: this.file, line, sheet: this.sheet, cell: `${columnLetters(column ?? 0)}${line}` };
  }

  error(d: Diagnostic): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(d);
    else this.dropped++;
  }

  private cell(cells: readonly string[], i: number): string {
    return i < 0 ? '' : trimCell(cells[i] ?? '');
  }

  accept(cells: readonly string[], line: number): void {
    this.lastLine = line;
    if (this.ended || isBlankRow(cells)) return;
    if (this.header === undefined) {
      this.lookForHeader(cells, line);
      return;
    }
    if (isNoteRow(cells)) {
      this.ended = true;
      return;
    }
    if (this.strictWidth && cells.length !== this.width) {
      this.error(errorDiagnostic('CSV_FIELDS', { en: `${cells.length} fields where the header has ${this.width}`, zh: `本行有 ${cells.length} 个字段，表头有 ${this.width} 个` }, this.where(line)));
      return;
    }
    const region = this.cell(cells, this.iRegion);
    this.rowCount++;
    if (this.keepRegion && !this.keepRegion(region || undefined, line)) return;
    const indicator = this.cell(cells, this.iIndicator);
    const unit = this.cell(cells, this.iUnit);
    const note = this.cell(cells, this.iNote);
    if (this.layout === 'long') {
      this.emit(line, this.iValue, indicator, this.cell(cells, this.iValue), this.cell(cells, this.iPeriod), region, unit, this.valueHeaderUnit, note);
      return;
    }
    for (const i of this.periodColumns) {
      const value = this.cell(cells, i);
      // an empty cell in a wide table is no observation (the period was not reported)
      if (value !== '') this.emit(line, i, indicator, value, (this.header).periods[i] as string, region, unit, (this.header).units[i], note);
    }
  }

  private emit(line: number, column: number, indicator: string, value: string, period: string, region: string, unit: string, headerUnit: string | undefined, note: string): void {
    const row: { -readonly [K in keyof RawRow]: RawRow[K] } = { file: this.file, line, indicator, value };
    if (this.sheet !== undefined) {
      row.sheet = this.sheet;
      row.cell = `${columnLetters(column)}${line}`;
    }
    if (period) row.period = period;
    if (region) row.region = region;
    if (unit) row.unit = unit;
    if (headerUnit !== undefined) row.headerUnit = headerUnit;
    if (note) row.note = note;
    this.onRow(row);
  }

  private lookForHeader(cells: readonly string[], line: number): void {
    const read = readHeaderRow(cells, this.options.layout);
    if (read.layout === undefined) {
      this.firstRow ??= { cells, line };
      this.rowsAbove++;
      if (this.rowsAbove >= HEADER_SEARCH_ROWS) this.ended = true;
      return;
    }
    this.takeHeader(cells, line, read);
    if (this.firstRow !== undefined) {
      const above = this.rowsAbove;
      this.warnings.push(
        warningDiagnostic(
          'HEADER_ROW',
          {
            en: `the header is row ${line} (${read.layout} table); the ${above} non-blank row(s) above it are taken as a title and skipped`,
            zh: `表头在第 ${line} 行（${read.layout === 'wide' ? '宽表：各期一列' : '长表'}）；其上 ${above} 行非空行视为标题，已跳过`,
          },
          this.where(line),
        ),
      );
    }
  }

  private takeHeader(cells: readonly string[], line: number, read: HeaderRead): void {
    this.header = read;
    this.layout = read.layout as Layout;
    this.headerLine = line;
    this.width = cells.length;
    const index: Partial<Record<Column, number>> = {};
    read.columns.forEach((col, i) => {
      const name = trimCell(cells[i] ?? '');
      if (col !== undefined && NOT_READ.has(col)) return;
      if (read.periods[i] !== undefined && this.layout === 'wide') {
        this.periodColumns.push(i);
        return;
      }
      if (col === undefined) {
        if (name !== '') this.warnings.push(warningDiagnostic('CSV_COLUMN', { en: `column "${name}" is not one plancheck reads; it is ignored`, zh: `列“${name}”不是 plancheck 读取的列，已忽略` }, this.where(line, i)));
      } else if (index[col] !== undefined) {
        this.error(errorDiagnostic('CSV_HEADER', { en: `two columns mean "${col}"`, zh: `两列都表示“${col}”` }, this.where(line, i)));
      } else index[col] = i;
    });
    if (this.layout === 'wide' && index.period !== undefined) {
      this.error(errorDiagnostic('CSV_HEADER', { en: 'a wide table (one column per period) cannot also have a period column', zh: '宽表（每期一列）不能再有期间列' }, this.where(line, index.period)));
    }
    this.iIndicator = index.indicator ?? -1;
    this.iValue = index.value ?? -1;
    this.iPeriod = index.period ?? -1;
    this.iRegion = index.region ?? -1;
    this.iUnit = index.unit ?? -1;
    this.iNote = index.note ?? -1;
    this.valueHeaderUnit = this.iValue < 0 ? undefined : read.units[this.iValue];
  }

  /** The header problems of the first non-blank row, as when it was taken for the header. */
  private headerErrors(): Diagnostic[] {
    const first = this.firstRow as { cells: readonly string[]; line: number };
    const read = readHeaderRow(first.cells, this.options.layout);
    const missing = REQUIRED_COLUMNS.filter((c) => !read.columns.includes(c));
    const periods = read.periods.some((p) => p !== undefined);
    if (this.options.layout === 'wide' || (missing.includes('value') && periods && !missing.includes('indicator'))) {
      return [errorDiagnostic('CSV_HEADER', { en: `no table found: a wide table's header names indicator (指标) and period columns (2022年, 2023-Q2, 2024年1-6月)`, zh: '未找到数据表：宽表的表头应有“指标”列和各期列（如 2022年、2023-Q2、2024年1-6月）' }, this.where(first.line))];
    }
    return missing.map((req) => errorDiagnostic('CSV_HEADER', { en: `missing required column "${req}"; the header must name ${describeColumns()}`, zh: `缺少必需的列“${req}”；表头须有 ${describeColumns()}` }, this.where(first.line)));
  }

  /**
   * Call once the input has ended. `required`: a file that must hold a table
   * (a CSV); a workbook sheet without one is skipped by the caller instead.
   */
  finish(required = true): void {
    if (this.header === undefined) {
      if (!required) return;
      if (this.firstRow === undefined) this.error(errorDiagnostic('CSV_EMPTY', { en: `the file is empty: expected a header naming ${describeColumns()}`, zh: `文件为空：应有表头，列出 ${describeColumns()}` }, this.where(1)));
      else for (const e of this.headerErrors()) this.error(e);
    } else if (this.rowCount === 0 && this.errors.length === 0) {
      this.error(errorDiagnostic('CSV_EMPTY', { en: 'the table has a header but no data rows', zh: '表格只有表头，没有数据行' }, this.where(this.headerLine)));
    }
    if (this.dropped > 0) this.errors.push(errorDiagnostic('CSV_TOO_MANY_ERRORS', { en: `… and ${this.dropped} more errors in this file`, zh: `……本文件另有 ${this.dropped} 个错误` }, this.where(this.lastLine)));
  }

  /** Why no table was found, for a note when the sheet is skipped. */
  get headerProblems(): Diagnostic[] {
    return this.firstRow === undefined ? [] : this.headerErrors();
  }

  get columns(): Column[] {
    return (this.header?.columns ?? []).filter((c): c is Column => c !== undefined && !NOT_READ.has(c));
  }
}
