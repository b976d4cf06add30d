/** The national region table, compiled from data/regions as the build compiles it (no build needed). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTable, parseAmendmentsCsv, parseEditionCsv, type CompiledTable } from '../../src/regions/compile.js';
import { RegionTable } from '../../src/regions/table.js';
export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const REGIONS_DATA = join(ROOT, 'data', 'regions');

let compiled: CompiledTable | undefined;
let table: RegionTable | undefined;

export function compiledRegions(): CompiledTable {
  compiled ??= compileTable(
    readdirSync(REGIONS_DATA)
      .map((f) => /^nbs-(\d{4})\.csv$/.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => parseEditionCsv(readFileSync(join(REGIONS_DATA, m[0]), 'utf8'), `nbs-${m[1]}`, Number(m[1]))),
    parseAmendmentsCsv(readFileSync(join(REGIONS_DATA, 'amendments.csv'), 'utf8')),
  );
  return compiled;
}

export function bundledRegions(): RegionTable {
  table ??= new RegionTable(compiledRegions());
  return table;
}
