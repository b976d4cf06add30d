/**
 * Under `--lang zh` (or a Chinese locale) the words plancheck prints for
 * people are Chinese: the help of every command (commander's own words
 * too), the file system's errors, the CSV's headers and status words, the
 * diff's statuses and the JSON warnings' messages. Codes, ids, file names
 * and units stay as they are.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { chineseHelp, HELP_ZH } from '../../src/cli/help-zh.js';
import type { Io } from '../../src/cli/io.js';
import { buildProgram, main } from '../../src/cli/main.js';
import { OS_ERROR_CODES, osErrorText } from '../../src/os-error.js';
import { runCli } from '../helpers/run-cli.js';

async function run(args: readonly string[], env: Record<string, string> = { LANG: 'zh_CN.UTF-8' }): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), env: { NO_COLOR: '1', ...env }, stdoutIsTty: false };
  const code = await main(args, io);
  return { code, out, err };
}

/** Every command of the program, the program itself first. */
function commands(): Command[] {
  const io: Io = { out: () => undefined, err: () => undefined, env: {}, stdoutIsTty: false };
  const program = buildProgram(io, () => undefined, undefined, {}, 'zh', chineseHelp());
  return [program, ...program.commands];
}

describe('help in Chinese', () => {
  it('every description of every command, option and argument has its Chinese', () => {
    const missing: string[] = [];
    for (const cmd of commands()) {
      for (const text of [cmd.description(), ...cmd.options.map((o) => o.description), ...cmd.registeredArguments.map((a) => a.description)]) {
        if (text !== '' && !HELP_ZH.has(text)) missing.push(`${cmd.name()}: ${text}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each([[[]], [['evaluate']], [['plans']], [['show']], [['validate']], [['report']], [['diff']], [['template']], [['draft']]])('plancheck %j --help under LANG=zh_CN.UTF-8, and with --lang zh', async (words) => {
    for (const [args, env] of [
      [[...words, '--help'], { LANG: 'zh_CN.UTF-8' }],
      [[...words, '--help', '--lang', 'zh'], { LANG: 'en_US.UTF-8' }],
    ] as const) {
      const r = await run(args, env);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^用法： plancheck/);
      expect(r.out).toContain('选项：');
      // commander's English is gone, and so is every English description
      expect(r.out).not.toMatch(/Usage:|Options:|Arguments:|Commands:|display help|output the version|default: |choices: /);
      for (const en of HELP_ZH.keys()) expect(r.out).not.toContain(en);
    }
  });

  it('no arguments: the help on stderr, in Chinese', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^用法： plancheck/);
  });

  it('English stays English', async () => {
    const r = await run(['evaluate', '--help'], { LANG: 'en_US.UTF-8' });
    expect(r.out).toMatch(/^Usage: plancheck evaluate/);
    expect(r.out).toContain('display help for command');
  });
});

describe('file system errors, translated by their code', () => {
  it.each(OS_ERROR_CODES)('%s has words in both languages', (code) => {
    const text = osErrorText(Object.assign(new Error(`${code}: something, open 'x'`), { code }));
    expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(text.en).not.toContain(code);
  });

  it('an unknown code keeps Node\'s words, named as a system error, without the path repeated', () => {
    expect(osErrorText(Object.assign(new Error("EWEIRD: odd thing happened, open '/x/y.csv'"), { code: 'EWEIRD' }))).toEqual({ en: 'odd thing happened', zh: '系统错误 EWEIRD：odd thing happened' });
  });

  it.each([
    { name: 'a data file that is not there', args: ['evaluate', '--plan', 'suzhou', 'nope.csv', '--lang', 'zh'], want: 'nope.csv: 错误: 无法读取数据文件：文件或文件夹不存在' },
    { name: 'a folder given as a data file', args: ['evaluate', '--plan', 'suzhou', 'examples', '--lang', 'zh'], want: 'examples: 错误: 无法读取数据文件：是文件夹，不是文件' },
    { name: 'an output into a folder that does not exist', args: ['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--output', 'json:no/such/dir/r.json', '--lang', 'zh'], want: '无法写入 no/such/dir/r.json：文件或文件夹不存在' },
  ])('$name', ({ args, want }) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(want);
    expect(r.stderr).not.toMatch(/no such file|is a directory|ENOENT|EISDIR/);
  });
});

describe('CSV, diff and JSON warnings follow --lang', () => {
  it('CSV: Chinese headers and words for people; ids and codes unchanged', async () => {
    const r = await run(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--format', 'csv', '--lang', 'zh', '--encoding', 'utf8']);
    const [header, ...rows] = r.out.split('\n');
    expect(header).toBe('规划,期间,类型,编号,名称,类别,属性,状态,严重程度,代码,要求,实际,单位,差距,说明,输入数据,出处');
    expect(rows.find((l) => l.includes(',home_service_elderly_share,'))).toMatch(/^suzhou,2023,指标,home_service_elderly_share,接受上门服务的居家老年人数占比,[^,]*,约束性,未达标,错误,BEHIND_MILESTONE,/);
    const en = await run(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--format', 'csv', '--lang', 'en', '--encoding', 'utf8']);
    expect(en.out.split('\n')[0]).toBe('plan,period,kind,id,name,category,attribute,status,severity,code,expected,actual,unit,margin,message,inputs,source');
  });

  it('the failure CSV (exit 2) too', async () => {
    const r = await run(['evaluate', '--plan', 'suzhou', 'nope.csv', '--format', 'csv', '--lang', 'zh', '--encoding', 'utf8']);
    expect(r.code).toBe(2);
    expect(r.out.split('\n')[0]).toBe('状态,严重程度,代码,位置,说明');
    expect(r.out.split('\n')[1]).toMatch(/^运行失败,错误,READ,nope\.csv,无法读取数据文件：文件或文件夹不存在$/);
  });

  it('diff: statuses in Chinese (未达标 → 达标), in the table and the Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-lang-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, (await run(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--format', 'json'])).out);
    writeFileSync(b, (await run(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2024.csv', '--format', 'json'])).out);
    for (const format of ['markdown', 'table']) {
      const r = await run(['diff', a, b, '--format', format, '--lang', 'zh']);
      expect(r.out).toMatch(/(达标|未达标|缺数据|待评估) → (达标|未达标|缺数据|待评估)/);
      expect(r.out).not.toMatch(/\b(pass|fail|missing|pending) → /);
    }
  });

  it('JSON warnings: their message in the --lang language, their code as it is', async () => {
    const args = ['evaluate', '--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', 'examples/monthly-2024.csv', '--format', 'json'];
    const zh = JSON.parse((await run([...args, '--lang', 'zh'])).out) as { warnings: { code: string; message: string }[] };
    const en = JSON.parse((await run([...args, '--lang', 'en'])).out) as { warnings: { code: string; message: string }[] };
    expect(zh.warnings.length).toBeGreaterThan(0);
    expect(zh.warnings.map((w) => w.code)).toEqual(en.warnings.map((w) => w.code));
    for (const w of zh.warnings) expect(w.message).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.warnings.map((w) => w.message)).not.toEqual(en.warnings.map((w) => w.message));
  });
});
