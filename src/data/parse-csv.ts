/**
 * The CSV adapter: CSV → the row stream, each row with its file:line. The
 * parsing is papaparse's; this module counts lines and hands the cells to
 * the table reader (table.ts), which finds the header and reads long or wide
 * tables. One row reader serves the whole-text and the streaming path.
 */
import Papa from 'papaparse';
import { errorDiagnostic, type Diagnostic } from '../errors.js';
import type { RawRow } from '../model/row.js';
import type { Column } from './columns.js';
import { TableReader, type TableOptions } from './table.js';

export type { RawRow } from '../model/row.js';


export interface ParsedCsv {
  readonly rows: RawRow[];
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly columns: readonly Column[];
  /** the line the header was found on (0: none) */
  readonly headerLine: number;
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

export { MAX_ERRORS } from './table.js';

/**
 * Takes papaparse's rows one by one and hands them, each with the line it
 * starts on, to the table reader (which finds the header and the layout).
 * A row spans 1 + (newlines inside its quoted fields) lines.
 */
export class CsvRowReader {
  private readonly table: TableReader;
  private line = 1;

  /**
   * Whether a quoted field may hold a line end. The streaming path clears it
   * while no `"` has been read: then no row can span lines, and the cells
   * need not be searched.
   */
  mayHaveQuotes = true;

  constructor(
    readonly file: string,
    onRow: (row: RawRow) => void,
    options: TableOptions = {},
  ) {
    this.table = new TableReader(file, onRow, options);
    this.table.strictWidth = true;
  }

  set keepRegion(f: ((region: string | undefined, line: number) => boolean) | undefined) {
    this.table.keepRegion = f;
  }

  /** the line the header was found on (0 until it is) */
  get headerLine(): number {
    return this.table.headerRow;
  }

  get errors(): Diagnostic[] {
    return this.table.errors;
  }

  get warnings(): Diagnostic[] {
    return this.table.warnings;
  }

  get rowCount(): number {
    return this.table.rowCount;
  }

  accept(cells: string[], papaErrors: readonly Papa.ParseError[]): void {
    const rowLine = this.line;
    this.line += this.mayHaveQuotes ? 1 + newlinesIn(cells) : 1;
    for (const e of papaErrors) {
      if (e.type === 'Quotes') this.table.error(errorDiagnostic('CSV_QUOTES', { en: `malformed quoting: ${e.message}`, zh: `引号不配对：${e.message}` }, { file: this.file, line: rowLine }));
    }
    if (cells.length === 1 && cells[0] === '') return;
    this.table.accept(cells, rowLine);
  }

  /** Call once the input has ended. */
  finish(): void {
    this.table.finish();
  }

  get columns(): Column[] {
    return this.table.columns;
  }
}

/** The whole-text path: parse a string at once. */
export function parseCsv(text: string, file: string, options: TableOptions = {}): ParsedCsv {
  const rows: RawRow[] = [];
  const reader = new CsvRowReader(file, (r) => rows.push(r), options);
  Papa.parse<string[]>(text, { ...PAPA_CONFIG, delimitersToGuess: [...PAPA_CONFIG.delimitersToGuess], step: (result) => reader.accept(result.data, result.errors) });
  reader.finish();
  return { rows, errors: reader.errors, warnings: reader.warnings, columns: reader.columns, headerLine: reader.headerLine };
}
