/**
 * The evaluate table fits the terminal it is printed on: the CLI passes
 * stdout's width in (the formatter reads no environment), the table narrows
 * its columns down to 100 columns and gives way to one block per check
 * below that; piped output keeps the full width. Chinese characters count
 * two columns.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { columnWidths, displayWidth, wrapHanging } from '../../src/report/table.js';
import { BIN, ROOT } from '../helpers/run-cli.js';

async function tableAt(columns: number | undefined, args: readonly string[] = ['--plan', 'suzhou', 'examples/suzhou-2023.csv'], lang = 'en'): Promise<string> {
  let out = '';
  const io: Io = { out: (s) => void (out += s), err: () => undefined, env: { NO_COLOR: '1', LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8' }, stdoutIsTty: columns !== undefined, columns };
  const code = await main(['evaluate', ...args], io);
  expect([0, 1]).toContain(code);
  return out;
}

const widest = (text: string): number => Math.max(...text.split('\n').map(displayWidth));

describe('the table fits the terminal', () => {
  it.each([200, 121, 110, 100, 99, 80, 60, 40])('%i columns: no line is wider', async (columns) => {
    for (const lang of ['en', 'zh']) {
      const out = await tableAt(columns, undefined, lang);
      expect(widest(out), lang).toBeLessThanOrEqual(columns);
      // nothing is lost: every check's name is there (wrapped lines joined back)
      expect(out.replace(/\n\s*/g, '')).toContain('社会散居与儿童福利机构孤儿基本生活费补贴标准比例');
    }
  });

  it('at 100 columns and wider it is a table; below, one block per check', async () => {
    expect(await tableAt(100)).toContain('┌');
    const compact = await tableAt(80);
    expect(compact).not.toContain('┌');
    expect(compact).toMatch(/^ {2}2 ✗ fail {2}接受上门服务的居家老年人数占比\n {6}binding · Expected ≥19\.32% · Actual 19\.1%$/m);
  });

  it('piped (no width): the full 121-column table, as before', async () => {
    const out = await tableAt(undefined);
    expect(widest(out.split('\n').slice(0, 5).join('\n'))).toBe(121);
    const piped = spawnSync(process.execPath, [BIN, 'evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv'], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8', COLUMNS: '60' } });
    expect(piped.stdout).toBe(out);
  });

  it.each([
    { columns: undefined, want: [5, 40, 13, 26, 18, 12] },
    { columns: 121, want: [5, 40, 13, 26, 18, 12] },
    { columns: 100, want: [5, 33, 13, 16, 14, 12] },
  ])('column widths at $columns', ({ columns, want }) => {
    expect(columnWidths(columns)).toEqual(want);
  });

  it('wraps by display width: a Chinese character is two columns', () => {
    const text = wrapHanging('接受上门服务的居家老年人数占比 19.1% does not meet the milestone', 20, 2);
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(text.split('\n')[1]?.startsWith('  ')).toBe(true);
  });
});
