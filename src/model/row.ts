import { locationFields, type RowLocation } from '../errors.js';
/**
 * The row stream: what every input adapter (CSV long or wide, workbook)
 * yields, and all that binding, routing and evaluation see of an input.
 * Cells are kept as the user wrote them (trimmed); nothing is converted here.
 */
export interface RawRow {
  /** the file as the user named it */
  readonly file: string;
  /** the 1-based line (CSV) or row (workbook) the row starts on */
  readonly line: number;
  /** the workbook sheet, when the row came from a workbook */
  readonly sheet?: string;
  /** the workbook cell of the value (`D7`), when the row came from a workbook */
  readonly cell?: string;
  readonly indicator: string;
  readonly value: string;
  readonly period?: string;
  readonly region?: string;
  /** the unit cell (`unit`, `单位`, `计量单位`) */
  readonly unit?: string;
  /** a unit written in the value column's header (`数值（万元）`, `value (人)`) */
  readonly headerUnit?: string;
  readonly note?: string;
}

/** Where a row is, as a location (`file:line` or `file.xlsx[Sheet]!D7`): the one mapping from a row's fields. */
export function rowLocation(row: RawRow): RowLocation {
  return locationFields(row);
}
