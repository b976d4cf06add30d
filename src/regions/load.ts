/**
 * The file-system half of regions/: reading the bundled table (once, on first
 * use: a run that names no region never reads it) and a user's region list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, errorDiagnostic } from '../errors.js';
import { BinaryFileError, decodeBytes, encodingProblemZh } from '../data/decode.js';
import { readTextFile } from '../package-files.js';
import { PACKAGE_ROOT } from '../paths.js';
import { unpackTable } from './packed.js';
import { RegionTable } from './table.js';
import { applyRegionList, parseRegionList } from './user-list.js';
import type { Diagnostic } from '../errors.js';

/** Where the build writes the table (scripts/build-regions.mjs). */
export const REGION_TABLE_FILE = join(PACKAGE_ROOT, 'dist', 'regions.tsv');

let bundled: RegionTable | undefined;

/** The bundled national table, read and indexed on first use. */
export function loadRegionTable(): RegionTable {
  bundled ??= new RegionTable(unpackTable(readTextFile(REGION_TABLE_FILE)));
  return bundled;
}

/**
 * The table with a user's region list (CSV, UTF-8 or GBK) laid over it.
 * Throws DataError naming the file and line of every bad row.
 */
export function loadRegionList(file: string, base: RegionTable = loadRegionTable()): { table: RegionTable; warnings: Diagnostic[] } {
  let text: string;
  try {
    text = decodeBytes(readFileSync(file)).text;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof BinaryFileError) throw new DataError(e.message, [errorDiagnostic('REGION_LIST_ENCODING', { en: e.message, zh: encodingProblemZh(e.message) }, { file })]);
    if (typeof err.code !== 'string') throw e;
    const en = err.code === 'ENOENT' ? 'no such region list' : `cannot read the region list (${err.code})`;
    const zh = err.code === 'ENOENT' ? '找不到地区表文件' : `无法读取地区表（${err.code}）`;
    throw new DataError(en, [errorDiagnostic('REGION_LIST_READ', { en, zh }, { file })]);
  }
  const { table, errors, warnings } = applyRegionList(base, parseRegionList(text, file), file);
  if (errors.length > 0) throw new DataError(`${errors.length} bad row(s) in the region list ${file}`, errors);
  return { table, warnings };
}
