/**
 * CSV → raw measurement rows, each with its file:line. The parsing is
 * papaparse's; this module maps the header and counts lines, and reports
 * every malformed row rather than the first. One row reader serves both
 * the whole-text path and the streaming path.
 */
import Papa from 'papaparse';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../errors.js';
import type { RawRow } from '../model/row.js';
import { describeColumns, readHeaderCell, REQUIRED_COLUMNS, type Column } from './columns.js';

export type { RawRow } from '../model/row.js';


export interface ParsedCsv {
  readonly rows: RawRow[];
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly columns: readonly Column[];
}

export const PAPA_CONFIG = { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] } as const;

const NEWLINE = /\r\n|\r|\n/g;
const HAS_NEWLINE = /[\r\n]/;

/** Line ends inside quoted fields (rare: test cheaply first). */
function newlinesIn(cells: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as string;
    if (c.length > 0 && HAS_NEWLINE.test(c)) n += c.match(NEWLINE)?.length ?? 0;
  }
  return n;
}

/** trim(), without allocating when there is nothing to trim (the usual case) */
function trimCell(c: string): string {
  if (c.length === 0) return c;
  const a = c.charCodeAt(0);
  const b = c.charCodeAt(c.length - 1);
  return a <= 32 || b <= 32 || a === 0x3000 || b === 0x3000 || a === 0xfeff || a === 0xa0 || b === 0xa0 ? c.trim() : c;
}

function isBlank(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i++) if ((cells[i] as string).trim() !== '') return false;
  return true;
}

/** Most errors kept per file; the rest are counted. */
export const MAX_ERRORS = 1000;

/**
 * Takes papaparse's rows one by one: the first non-blank row is the header,
 * each later row becomes a RawRow (or an error) with the line it starts on.
 * A row spans 1 + (newlines inside its quoted fields) lines.
 */
export class CsvRowReader {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  rowCount = 0;
  private dropped = 0;
  private header: (Column | undefined)[] | undefined;
  private index: Partial<Record<Column, number>> = {};
  // column positions, -1 when absent (read once per row, so kept as plain fields)
  private iIndicator = -1;
  private iValue = -1;
  private iPeriod = -1;
  private iRegion = -1;
  private iUnit = -1;
  private iNote = -1;
  private valueHeaderUnit: string | undefined;
  private width = 0;
  private line = 1;
  private headerLine = 1;

  /**
   * Looked at before a row is built: return false to set the row aside
   * (e.g. a region no plan covers), so that it costs no more than its count.
   */
  keepRegion: ((region: string | undefined, line: number) => boolean) | undefined;

  /**
   * Whether a quoted field may hold a line end. The streaming path clears it
   * while no `"` has been read: then no row can span lines, and the cells
   * need not be searched.
   */
  mayHaveQuotes = true;

  constructor(
    readonly file: string,
    private readonly onRow: (row: RawRow) => void,
  ) {}

  private cell(cells: readonly string[], i: number): string {
    return i < 0 ? '' : trimCell(cells[i] as string);
  }

  private error(d: Diagnostic): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push(d);
    else this.dropped++;
  }

  accept(cells: string[], papaErrors: readonly Papa.ParseError[]): void {
    const rowLine = this.line;
    this.line += this.mayHaveQuotes ? 1 + newlinesIn(cells) : 1;
    const file = this.file;
    for (const e of papaErrors) {
      if (e.type === 'Quotes') this.error(errorDiagnostic('CSV_QUOTES', { en: `malformed quoting: ${e.message}`, zh: `引号不匹配：${e.message}` }, { file, line: rowLine }));
    }
    if ((cells.length === 1 && cells[0] === '') || ((cells[0] as string).trim() === '' && isBlank(cells))) return;
    if (this.header === undefined) {
      this.readHeader(cells, rowLine);
      return;
    }
    if (cells.length !== this.width) {
      this.error(errorDiagnostic('CSV_FIELDS', { en: `${cells.length} fields where the header has ${this.width}`, zh: `本行有 ${cells.length} 列，表头有 ${this.width} 列` }, { file, line: rowLine }));
      return;
    }
    const region = this.cell(cells, this.iRegion);
    if (this.keepRegion && !this.keepRegion(region || undefined, rowLine)) {
      this.rowCount++;
      return;
    }
    const row: { -readonly [K in keyof RawRow]: RawRow[K] } = { file, line: rowLine, indicator: this.cell(cells, this.iIndicator), value: this.cell(cells, this.iValue) };
    const period = this.cell(cells, this.iPeriod);
    if (period) row.period = period;
    if (region) row.region = region;
    const unit = this.cell(cells, this.iUnit);
    if (unit) row.unit = unit;
    if (this.valueHeaderUnit !== undefined) row.headerUnit = this.valueHeaderUnit;
    const note = this.cell(cells, this.iNote);
    if (note) row.note = note;
    this.rowCount++;
    this.onRow(row);
  }

  private readHeader(cells: string[], rowLine: number): void {
    const file = this.file;
    this.headerLine = rowLine;
    const read = cells.map((c) => readHeaderCell(c.replace(/^\uFEFF/, '')));
    this.header = read.map((h) => h?.column);
    this.width = cells.length;
    this.header.forEach((col, i) => {
      const name = (cells[i] ?? '').trim();
      if (col === 'seq') return;
      if (col === undefined) {
        this.warnings.push(warningDiagnostic('CSV_COLUMN', { en: `column "${name}" is not one plancheck reads; it is ignored`, zh: `plancheck 不读取“${name}”列，已忽略` }, { file, line: rowLine, column: i + 1 }));
      } else if (this.index[col] !== undefined) {
        this.error(errorDiagnostic('CSV_HEADER', { en: `two columns mean "${col}"`, zh: `有两列都表示“${col}”` }, { file, line: rowLine, column: i + 1 }));
      } else this.index[col] = i;
    });
    this.iIndicator = this.index.indicator ?? -1;
    this.iValue = this.index.value ?? -1;
    this.iPeriod = this.index.period ?? -1;
    this.iRegion = this.index.region ?? -1;
    this.iUnit = this.index.unit ?? -1;
    this.iNote = this.index.note ?? -1;
    this.valueHeaderUnit = this.iValue < 0 ? undefined : read[this.iValue]?.unit;
    for (const req of REQUIRED_COLUMNS) {
      if (this.index[req] === undefined) this.error(errorDiagnostic('CSV_HEADER', { en: `missing required column "${req}"; the header must name ${describeColumns()}`, zh: `缺少必需的列“${req}”；表头应包括指标（indicator）、数值（value），以及可选的期间/年份（period）、地区（region）、单位（unit）、备注（note）` }, { file, line: rowLine }));
    }
  }

  /** Call once the input has ended. */
  finish(): void {
    const file = this.file;
    if (this.header === undefined) {
      this.error(errorDiagnostic('CSV_EMPTY', { en: `the file is empty: expected a header naming ${describeColumns()}`, zh: `文件是空的：应有表头，包括指标（indicator）、数值（value），以及可选的期间/年份（period）、地区（region）、单位（unit）、备注（note）` }, { file, line: 1 }));
    } else if (this.rowCount === 0 && this.errors.length === 0) {
      this.error(errorDiagnostic('CSV_EMPTY', { en: 'the file has a header but no data rows', zh: '文件只有表头，没有数据行' }, { file, line: this.headerLine }));
    }
    if (this.dropped > 0) this.errors.push(errorDiagnostic('CSV_TOO_MANY_ERRORS', { en: `… and ${this.dropped} more errors in this file`, zh: `……本文件另有 ${this.dropped} 个错误` }, { file, line: this.line - 1 }));
  }

  get columns(): Column[] {
    return (this.header ?? []).filter((c): c is Column => c !== undefined && c !== 'seq');
  }
}

/** The whole-text path: parse a string at once. */
export function parseCsv(text: string, file: string): ParsedCsv {
  const rows: RawRow[] = [];
  const reader = new CsvRowReader(file, (r) => rows.push(r));
  Papa.parse<string[]>(text, { ...PAPA_CONFIG, delimitersToGuess: [...PAPA_CONFIG.delimitersToGuess], step: (result) => reader.accept(result.data, result.errors) });
  reader.finish();
  return { rows, errors: reader.errors, warnings: reader.warnings, columns: reader.columns };
}
