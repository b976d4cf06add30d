/** Reading data files: bytes → text → rows, every problem collected. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { DataError, errorDiagnostic, type Diagnostic } from '../errors.js';
import { BinaryFileError, decodeBytes, encodingProblemZh, type Encoding } from './decode.js';
import { parseCsv, type RawRow } from './parse-csv.js';
import type { TableOptions } from './table.js';
import { osErrorText } from '../os-error.js';

export interface DataFileInfo {
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  /** the text encoding of a CSV, or `xlsx` for a workbook */
  readonly encoding: Encoding | 'xlsx';
  /** where the table's header is (below any title rows): where a row that is owed gets added */
  readonly header?: { readonly line: number; readonly sheet?: string };
}

export interface LoadedRows {
  readonly rows: RawRow[];
  readonly files: DataFileInfo[];
  readonly warnings: Diagnostic[];
}

/** The name standing for standard input (`-` on the command line) in file lists and diagnostics. */
export const STDIN = '<stdin>';

/** Read and parse every file; throws DataError naming every bad line of every file. */
export function readDataFiles(files: readonly string[], options: TableOptions = {}): LoadedRows {
  const rows: RawRow[] = [];
  const infos: DataFileInfo[] = [];
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      if (file === STDIN) bytes = readFileSync(0);
      else if (statSync(file).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      else bytes = readFileSync(file);
    } catch (e) {
      const msg = osErrorText(e);
      errors.push(errorDiagnostic('READ', { en: `cannot read data file: ${msg.en}`, zh: `无法读取数据文件：${msg.zh}` }, { file }));
      continue;
    }
    let decoded;
    try {
      decoded = decodeBytes(bytes);
    } catch (e) {
      if (!(e instanceof BinaryFileError)) throw e;
      errors.push(errorDiagnostic('ENCODING', { en: e.message, zh: encodingProblemZh(e.message) }, { file }));
      continue;
    }
    const parsed = parseCsv(decoded.text, file, options);
    // one by one: spreading an unbounded array into push() overflows the call stack
    for (const d of parsed.errors) errors.push(d);
    for (const d of parsed.warnings) warnings.push(d);
    for (const r of parsed.rows) rows.push(r);
    infos.push({ file, sha256: createHash('sha256').update(bytes).digest('hex'), rows: parsed.rows.length, encoding: decoded.encoding, ...(parsed.headerLine > 0 ? { header: { line: parsed.headerLine } } : {}) });
  }
  if (errors.length > 0) throw new DataError('invalid data', errors);
  return { rows, files: infos, warnings };
}
