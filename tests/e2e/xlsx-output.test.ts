/**
 * Results as a workbook (issue 12, item 6): --output xlsx:file and
 * --format xlsx to a redirected stdout write the same workbook; a terminal
 * is refused; the sheets hold what a bureau forwards.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-out-'));
const ARGS = ['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--lang', 'zh'];

describe('the results workbook', async () => {
  const file = join(dir, 'results.xlsx');
  const run = runCli([...ARGS, '--format', 'json', '--output', `xlsx:${file}`]);
  const json = JSON.parse(run.stdout) as { results: { name: string; status: string; inputs: unknown[] }[]; owed: unknown[] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);

  it('has a summary, the results, the rows owed and the inputs', () => {
    expect(run.status).toBe(1);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '评估结果', '尚需报送', '输入数据']);
  });

  it('one row per check, in order, with the header frozen and filtered and statuses coloured', () => {
    const ws = wb.getWorksheet('评估结果') as ExcelJS.Worksheet;
    expect(ws.getRow(2).values).toEqual([undefined, '类别', '指标或规则', '属性', '要求', '实际', '单位', '状态', '说明', '规划出处']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const names: string[] = [];
    const fills = new Map<string, string>();
    for (let r = 3; r <= ws.rowCount; r++) {
      names.push(ws.getRow(r).getCell(2).text);
      const status = ws.getRow(r).getCell(7);
      fills.set(status.text, (status.fill as ExcelJS.FillPattern).fgColor?.argb ?? '');
    }
    expect(names).toEqual(json.results.map((r) => r.name));
    expect(fills.get('达标')).toBe('FFC6EFCE');
    expect(fills.get('未达标')).toBe('FFFFC7CE');
  });

  it('the inputs sheet gives each input its file and line', () => {
    const ws = wb.getWorksheet('输入数据') as ExcelJS.Worksheet;
    const locations = ws.getColumn(5).values.slice(3).map(String);
    expect(locations.length).toBeGreaterThan(10);
    expect(locations.every((l) => /^examples\/suzhou-2023\.csv:\d+$/.test(l))).toBe(true);
  });

  it('--format xlsx to a redirected stdout writes the same sheets', async () => {
    const out = join(dir, 'stdout.xlsx');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${ARGS.join(' ')} --format xlsx > "${out}"`], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(readFileSync(out).buffer);
    expect(again.worksheets.map((w) => w.name)).toEqual(wb.worksheets.map((w) => w.name));
  });

  it('an .xlsx output file is told by its extension', () => {
    expect(runCli([...ARGS, '--format', 'json', '--output', join(dir, 'by-ext.xlsx')]).status).toBe(1);
  });
});

describe('a workbook is never written to a terminal', () => {
  it('is refused with how to write it to a file, exit 2', async () => {
    let err = '';
    const tty: Io = { out: () => undefined, outBytes: () => undefined, err: (s) => void (err += s), env: { NO_COLOR: '1' }, stdoutIsTty: true };
    expect(await main([...ARGS.slice(0, 4), '--format', 'xlsx'], tty)).toBe(2);
    expect(err).toContain('--output xlsx:results.xlsx');
    err = '';
    expect(await main(['template', 'suzhou', '--format', 'xlsx'], tty)).toBe(2);
    expect(err).toContain('--output template.xlsx');
  });
});

describe('a results workbook after a failed run (exit 2)', async () => {
  const file = join(dir, 'stale.xlsx');
  // a run that worked leaves a workbook of results …
  const ok = runCli([...ARGS, '--output', `xlsx:${file}`]);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'indicator,period,value\n等级社会组织覆盖率,2023,12a\n');
  // … which a failed run replaces by one saying why, never leaving the old results
  const failed = runCli(['evaluate', '--plan', 'suzhou', bad, '--lang', 'zh', '--output', `xlsx:${file}`]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);

  it('says the run failed and why, with the cell of the bad value', () => {
    expect(ok.status).toBe(1);
    expect(failed.status).toBe(2);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['运行失败']);
    const ws = wb.getWorksheet('运行失败') as ExcelJS.Worksheet;
    expect(ws.getRow(1).getCell(1).text).toMatch(/未能完成评估/);
    expect(ws.getRow(3).getCell(2).text).toBe('BAD_VALUE');
    expect(ws.getRow(3).getCell(3).text).toBe(`${bad}:2`);
    expect(ws.getRow(3).getCell(4).text).toMatch(/12a/);
  });
});
