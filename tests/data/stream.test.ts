/** The streaming path gives exactly what the whole-file path gives, on every fixture. */
import { readdirSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFiles } from '../../src/data/load.js';
import type { RawRow } from '../../src/data/parse-csv.js';
import { streamDataFiles } from '../../src/data/stream.js';
import { DataError, type Diagnostic } from '../../src/errors.js';
import { FIXTURES, ROOT } from '../helpers/run-cli.js';

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? csvFiles(p) : f.endsWith('.csv') ? [p] : [];
  });
}

function whole(file: string): { rows: RawRow[]; errors: Diagnostic[]; encoding?: string | undefined; sha256?: string | undefined } {
  try {
    const r = readDataFiles([file]);
    return { rows: r.rows, errors: [], encoding: r.files[0]?.encoding, sha256: r.files[0]?.sha256 };
  } catch (e) {
    if (e instanceof DataError) return { rows: [], errors: [...e.diagnostics] };
    throw e;
  }
}

async function streamed(file: string): Promise<{ rows: RawRow[]; errors: Diagnostic[]; encoding?: string | undefined; sha256?: string | undefined }> {
  const rows: RawRow[] = [];
  const r = await streamDataFiles([file], (row) => rows.push(row));
  if (r.errors.length > 0) return { rows: [], errors: r.errors };
  return { rows, errors: [], encoding: r.files[0]?.encoding, sha256: r.files[0]?.sha256 };
}

const files = [...csvFiles(FIXTURES), ...csvFiles(join(ROOT, 'examples'))];

describe('streaming = whole file', () => {
  it('there are fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.slice(ROOT.length + 1)]))('%s', async (rel) => {
    const file = join(ROOT, rel);
    expect(await streamed(file)).toEqual(whole(file));
  });

  it('a GB18030 file whose first megabyte is ASCII is still read as GB18030, in one pass', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-stream-'));
    const file = join(dir, 'late-chinese.csv');
    const ascii = Array.from({ length: 40000 }, (_, i) => `home_visit_share,${1900 + (i % 200)},19`).join('\n');
    const tail = Buffer.from([0xb5, 0xcd, 0xb1, 0xa3, 0xb1, 0xea, 0xd7, 0xbc]); // 低保标准 in GBK
    writeFileSync(file, Buffer.concat([Buffer.from(`indicator,period,value\n${ascii}\n`), tail, Buffer.from(',2023,1185\n')]));
    const s = await streamed(file);
    expect(s.encoding).toBe('gb18030');
    expect(s.rows[s.rows.length - 1]).toMatchObject({ indicator: '低保标准', value: '1185' });
  });
});
