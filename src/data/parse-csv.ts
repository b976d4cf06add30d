/**
 * CSV text → raw measurement rows, each with its file:line. The parsing is
 * papaparse's; this module maps the header, counts lines (a quoted field may
 * span several), and reports every malformed row rather than the first.
 */
import Papa from 'papaparse';
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../errors.js';
import { columnFor, describeColumns, REQUIRED_COLUMNS, type Column } from './columns.js';

export interface RawRow {
  readonly file: string;
  readonly line: number;
  readonly indicator: string;
  readonly value: string;
  readonly period?: string;
  readonly region?: string;
  readonly unit?: string;
  readonly note?: string;
}

export interface ParsedCsv {
  readonly rows: RawRow[];
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly columns: readonly Column[];
}

const NEWLINE = /\r\n|\r|\n/g;

function countNewlines(s: string): number {
  return s.match(NEWLINE)?.length ?? 0;
}

export function parseCsv(text: string, file: string): ParsedCsv {
  const rows: RawRow[] = [];
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let header: (Column | undefined)[] | undefined;
  let width = 0;
  let line = 1;
  let prevCursor = 0;

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
    step: (result) => {
      const rowLine = line;
      const cursor = result.meta.cursor;
      line += countNewlines(text.slice(prevCursor, cursor));
      prevCursor = cursor;
      const cells = result.data;
      for (const e of result.errors) {
        if (e.type === 'Quotes') errors.push(errorDiagnostic('CSV_QUOTES', `malformed quoting: ${e.message}`, { file, line: rowLine }));
      }
      if (cells.every((c) => c.trim() === '')) return;
      if (header === undefined) {
        header = cells.map((c) => columnFor(c.replace(/^\uFEFF/, '')));
        width = cells.length;
        const seen = new Set<Column>();
        header.forEach((col, i) => {
          const name = (cells[i] ?? '').trim();
          if (col === undefined) {
            warnings.push(warningDiagnostic('CSV_COLUMN', `column "${name}" is not one plancheck reads; it is ignored`, { file, line: rowLine, column: i + 1 }));
          } else if (seen.has(col)) {
            errors.push(errorDiagnostic('CSV_HEADER', `two columns mean "${col}"`, { file, line: rowLine, column: i + 1 }));
          }
          if (col) seen.add(col);
        });
        for (const req of REQUIRED_COLUMNS) {
          if (!seen.has(req)) {
            errors.push(errorDiagnostic('CSV_HEADER', `missing required column "${req}"; the header must name ${describeColumns()}`, { file, line: rowLine }));
          }
        }
        return;
      }
      if (cells.length !== width) {
        errors.push(errorDiagnostic('CSV_FIELDS', `${cells.length} fields where the header has ${width}`, { file, line: rowLine }));
        return;
      }
      const get = (col: Column): string | undefined => {
        const i = (header as (Column | undefined)[]).indexOf(col);
        return i < 0 ? undefined : (cells[i] ?? '').trim();
      };
      const row: { -readonly [K in keyof RawRow]: RawRow[K] } = {
        file,
        line: rowLine,
        indicator: get('indicator') ?? '',
        value: get('value') ?? '',
      };
      for (const col of ['period', 'region', 'unit', 'note'] as const) {
        const v = get(col);
        if (v !== undefined && v !== '') row[col] = v;
      }
      rows.push(row);
    },
  });

  if (header === undefined) {
    errors.push(errorDiagnostic('CSV_EMPTY', `the file is empty: expected a header naming ${describeColumns()}`, { file, line: 1 }));
  } else if (rows.length === 0 && errors.length === 0) {
    errors.push(errorDiagnostic('CSV_EMPTY', 'the file has a header but no data rows', { file, line: line }));
  }
  return { rows, errors, warnings, columns: (header ?? []).filter((c): c is Column => c !== undefined) };
}
