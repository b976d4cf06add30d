// After tsc: the region table (src/regions), built from the editions of
// 统计用区划代码 and the amendments in data/regions into dist/regions.tsv,
// the compact form the loader reads. A source that contradicts itself fails
// the build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { compileTable, parseAmendmentsCsv, parseEditionCsv } = await import(join(root, 'dist/regions/compile.js'));
const { packTable } = await import(join(root, 'dist/regions/packed.js'));
const { REGION_TABLE_FILE } = await import(join(root, 'dist/regions/load.js'));

const dir = join(root, 'data', 'regions');
const editions = readdirSync(dir)
  .map((f) => /^nbs-(\d{4})\.csv$/.exec(f))
  .filter((m) => m !== null)
  .map((m) => parseEditionCsv(readFileSync(join(dir, m[0]), 'utf8'), `nbs-${m[1]}`, Number(m[1])));
const amendments = parseAmendmentsCsv(readFileSync(join(dir, 'amendments.csv'), 'utf8'));
const table = compileTable(editions, amendments);
mkdirSync(dirname(REGION_TABLE_FILE), { recursive: true });
writeFileSync(REGION_TABLE_FILE, packTable(table));
