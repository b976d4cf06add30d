/**
 * The streaming path: each data file is read once, in chunks — hashed,
 * decoded and parsed as it goes — and every row is handed to `onRow` and
 * then dropped. Nothing holds the whole file, or its rows.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { DataError, errorDiagnostic, warningDiagnostic, type Diagnostic } from '../errors.js';
import { BinaryFileError, encodingProblemZh, StreamDecoder } from './decode.js';
import { readDataFiles, STDIN, type DataFileInfo } from './load.js';
import { CsvRowReader, PAPA_CONFIG, type RawRow } from './parse-csv.js';
import type { TableOptions } from './table.js';
import { osErrorText } from '../os-error.js';

/** How to read the inputs: the table layout, and a workbook's sheets. */
export interface ReadOptions extends TableOptions {
  readonly sheets?: readonly string[];
}

export interface StreamedFile {
  readonly info?: DataFileInfo;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

const CHUNK = 1 << 20;

function readError(file: string, e: unknown): Diagnostic {
  const msg = osErrorText(e);
  return errorDiagnostic('READ', { en: `cannot read data file: ${msg.en}`, zh: `无法读取数据文件：${msg.zh}` }, { file });
}

export function streamCsvFile(file: string, onRow: (row: RawRow) => void, keepRegion?: KeepRegion, options: TableOptions = {}): Promise<StreamedFile> {
  try {
    if (statSync(file).isDirectory()) return Promise.resolve({ errors: [readError(file, { code: 'EISDIR' })], warnings: [] });
  } catch (e) {
    return Promise.resolve({ errors: [readError(file, e)], warnings: [] });
  }
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const decoder = new StreamDecoder();
    const reader = new CsvRowReader(file, onRow, options);
    reader.keepRegion = keepRegion && ((region, line) => keepRegion(region, file, line));
    // no quote read yet: no row can span lines (papaparse only sees text after this transform)
    reader.mayHaveQuotes = false;
    let failed: Diagnostic | undefined;
    const input = createReadStream(file, { highWaterMark: CHUNK });
    const text = new Transform({
      readableObjectMode: true,
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        try {
          const s = decoder.push(chunk);
          if (!reader.mayHaveQuotes && s.includes('"')) reader.mayHaveQuotes = true;
          done(null, s.length > 0 ? s : undefined);
        } catch (e) {
          done(e instanceof Error ? e : new Error(String(e)));
        }
      },
      flush(done) {
        try {
          const s = decoder.end();
          if (s.includes('"')) reader.mayHaveQuotes = true;
          done(null, s.length > 0 ? s : undefined);
        } catch (e) {
          done(e instanceof Error ? e : new Error(String(e)));
        }
      },
    });
    const finish = (): void => {
      if (failed) {
        resolve({ errors: [failed], warnings: [] });
        return;
      }
      reader.finish();
      resolve({ info: { file, sha256: hash.digest('hex'), rows: reader.rowCount, encoding: decoder.encoding, ...(reader.headerLine > 0 ? { header: { line: reader.headerLine } } : {}) }, errors: reader.errors, warnings: reader.warnings });
    };
    const fail = (e: unknown): void => {
      if (failed) return;
      failed = e instanceof BinaryFileError ? errorDiagnostic('ENCODING', { en: e.message, zh: encodingProblemZh(e.message) }, { file }) : readError(file, e);
      input.destroy();
      text.destroy();
      finish();
    };
    input.on('error', fail);
    text.on('error', fail);
    input.pipe(text);
    let done = false;
    Papa.parse<string[]>(text as unknown as File, {
      ...PAPA_CONFIG,
      delimitersToGuess: [...PAPA_CONFIG.delimitersToGuess],
      step: (result) => {
        if (!failed) reader.accept(result.data, result.errors);
      },
      complete: () => {
        if (done) return;
        done = true;
        if (!failed) finish();
      },
    });
  });
}

/** Decides, from its region cell alone, whether a row is wanted; a row set aside is only counted. */
export type KeepRegion = (region: string | undefined, file: string, line: number) => boolean;

/** Below this size a file is read whole: the same rows (a test says so), without a stream's start-up cost. */
export const STREAM_ABOVE = 4 << 20;

function readSmallFile(file: string, onRow: (row: RawRow) => void, keepRegion?: KeepRegion, options: TableOptions = {}): StreamedFile {
  try {
    const r = readDataFiles([file], options);
    for (const row of r.rows) if (!keepRegion || keepRegion(row.region, row.file, row.line)) onRow(row);
    return { ...(r.files[0] ? { info: r.files[0] } : {}), errors: [], warnings: r.warnings };
  } catch (e) {
    if (e instanceof DataError) return { errors: [...e.diagnostics], warnings: [] };
    throw e;
  }
}

/** The first bytes of a file (empty when it cannot be read: the reader says why). */
function head(file: string): Uint8Array {
  const buf = new Uint8Array(8);
  try {
    const fd = openSync(file, 'r');
    try {
      return buf.subarray(0, readSync(fd, buf, 0, 8, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return new Uint8Array(0);
  }
}

const XLSX_NAME = /\.(xlsx|xlsm)$/i;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** A workbook (read by the workbook adapter, loaded only now), an old .xls (refused with a way out), or undefined for text. */
async function readIfWorkbook(file: string, onRow: (row: RawRow) => void, keepRegion: KeepRegion | undefined, options: ReadOptions): Promise<StreamedFile | undefined> {
  const bytes = head(file);
  if (startsWith(bytes, OLE) || /\.xls$/i.test(file)) {
    return {
      errors: [
        errorDiagnostic(
          'WORKBOOK_XLS',
          { en: 'an Excel 97–2003 workbook (.xls) is not read: save it as an Excel workbook (.xlsx) — in Excel or WPS, File → Save As → Excel Workbook (*.xlsx)', zh: '不读取 Excel 97–2003 工作簿（.xls）：请另存为 Excel 工作簿（.xlsx）——在 Excel 或 WPS 中：文件 → 另存为 → Excel 工作簿（*.xlsx）' },
          { file },
        ),
      ],
      warnings: [],
    };
  }
  if (!XLSX_NAME.test(file) && !startsWith(bytes, ZIP)) return undefined;
  const { readWorkbookFile } = await import('./workbook.js');
  return readWorkbookFile(file, onRow, keepRegion, options);
}

/** Stream every file in turn; rows go to `onRow` in file order. */
export async function streamDataFiles(files: readonly string[], onRow: (row: RawRow) => void, keepRegion?: KeepRegion, options: ReadOptions = {}): Promise<{ files: DataFileInfo[]; errors: Diagnostic[]; warnings: Diagnostic[] }> {
  const infos: DataFileInfo[] = [];
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const file of files) {
    let size = Infinity;
    try {
      size = statSync(file).size;
    } catch {
      // streamCsvFile reports it
    }
    // standard input is read whole (a workbook is a file: it is looked for by name)
    const book = file === STDIN ? undefined : await readIfWorkbook(file, onRow, keepRegion, options);
    if (book === undefined && options.sheets !== undefined && options.sheets.length > 0) {
      warnings.push(warningDiagnostic('SHEET_NOT_WORKBOOK', { en: '--sheet applies to workbooks (.xlsx); this CSV file is read whole', zh: '--sheet 只适用于工作簿（.xlsx）；此 CSV 文件整体读取' }, { file }));
    }
    const r = book ?? (size < STREAM_ABOVE || file === STDIN ? readSmallFile(file, onRow, keepRegion, options) : await streamCsvFile(file, onRow, keepRegion, options));
    if (r.info) infos.push(r.info);
    for (const e of r.errors) errors.push(e);
    for (const w of r.warnings) warnings.push(w);
  }
  return { files: infos, errors, warnings };
}
