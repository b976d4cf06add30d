/**
 * The streaming path: each data file is read once, in chunks — hashed,
 * decoded and parsed as it goes — and every row is handed to `onRow` and
 * then dropped. Nothing holds the whole file, or its rows.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { DataError, errorDiagnostic, type Diagnostic } from '../errors.js';
import { BinaryFileError, encodingProblemZh, StreamDecoder } from './decode.js';
import { readDataFiles, STDIN, type DataFileInfo } from './load.js';
import { CsvRowReader, PAPA_CONFIG, type RawRow } from './parse-csv.js';

export interface StreamedFile {
  readonly info?: DataFileInfo;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

const CHUNK = 1 << 20;

function readError(file: string, e: unknown): Diagnostic {
  const msg = e instanceof Error ? e.message.replace(/^[A-Z]+: /, '').replace(/, (open|stat|read) '.*'$/, '') : String(e);
  return errorDiagnostic('READ', { en: `cannot read data file: ${msg}`, zh: `无法读取数据文件：${msg}` }, { file });
}

export function streamCsvFile(file: string, onRow: (row: RawRow) => void, keepRegion?: KeepRegion): Promise<StreamedFile> {
  try {
    if (statSync(file).isDirectory()) return Promise.resolve({ errors: [readError(file, new Error('is a directory, not a file'))], warnings: [] });
  } catch (e) {
    return Promise.resolve({ errors: [readError(file, e)], warnings: [] });
  }
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const decoder = new StreamDecoder();
    const reader = new CsvRowReader(file, onRow);
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
      resolve({ info: { file, sha256: hash.digest('hex'), rows: reader.rowCount, encoding: decoder.encoding }, errors: reader.errors, warnings: reader.warnings });
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

function readSmallFile(file: string, onRow: (row: RawRow) => void, keepRegion?: KeepRegion): StreamedFile {
  try {
    const r = readDataFiles([file]);
    for (const row of r.rows) if (!keepRegion || keepRegion(row.region, row.file, row.line)) onRow(row);
    return { ...(r.files[0] ? { info: r.files[0] } : {}), errors: [], warnings: r.warnings };
  } catch (e) {
    if (e instanceof DataError) return { errors: [...e.diagnostics], warnings: [] };
    throw e;
  }
}

/** Stream every file in turn; rows go to `onRow` in file order. */
export async function streamDataFiles(files: readonly string[], onRow: (row: RawRow) => void, keepRegion?: KeepRegion): Promise<{ files: DataFileInfo[]; errors: Diagnostic[]; warnings: Diagnostic[] }> {
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
    const r = size < STREAM_ABOVE || file === STDIN ? readSmallFile(file, onRow, keepRegion) : await streamCsvFile(file, onRow, keepRegion);
    if (r.info) infos.push(r.info);
    for (const d of r.errors) errors.push(d);
    for (const d of r.warnings) warnings.push(d);
  }
  return { files: infos, errors, warnings };
}
