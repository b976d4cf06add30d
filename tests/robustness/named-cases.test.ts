/**
 * The robustness suite, named cases: every input and invocation of issue 11
 * that crashed plancheck, lost or overwrote data, or gave an unhelpful
 * message. Each must end with a clean verdict or a clean error, quickly.
 * In-process where the process does not matter; spawned for EPIPE, stdin
 * and the exit status of the real process.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeText } from '../../src/cli/encoding.js';
import { expandDataArgs } from '../../src/cli/inputs.js';
import { useColor } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { resolveLang } from '../../src/cli/options.js';
import { BIN, FIXTURES, ROOT } from '../helpers/run-cli.js';
import { changedFiles, expectOutputConsistent, runMain, snapshot, STACK } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-robust-'));
const PLAN = join(FIXTURES, 'basic/plan.yaml');
const DATA = join(FIXTURES, 'basic/data.csv');
const HEADER = 'indicator,period,value\n';

function file(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** an exit-2 error that names the file and line at fault, without a stack */
function expectCleanError(r: { code: number; out: string; err: string }, at: RegExp): void {
  expect(r.code).toBe(2);
  // stdout: nothing for the table; for a machine format its failure document, never a partial report
  if (r.out !== '') expectOutputConsistent(r.out.startsWith('<?xml') ? 'junit' : 'json', r.out, 2);
  expect(r.err).toMatch(at);
  expect(r.err).not.toMatch(STACK);
}

describe('crashes seen (issue 11): each is now a clean exit 0/1/2, quickly', () => {
  it('150,000 rows of a known id under 4 MB (a spread into push() overflowed the stack)', async () => {
    const f = file('many.csv', HEADER + 'burial_share,2023,77\n'.repeat(150_000));
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--format', 'json']);
    // 150,000 rows giving one value for one period: one observation, no conflict
    expect([0, 1]).toContain(r.code);
    expect(r.err).not.toMatch(STACK);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('a header of 140,000 columns', async () => {
    const cols = Array.from({ length: 140_000 }, (_, i) => `c${i}`);
    const f = file('wide.csv', `${cols.join(',')}\n${cols.map(() => '1').join(',')}\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, f]);
    expectCleanError(r, /wide\.csv:1: error: missing required column "indicator"/);
  });

  it('130,000 distinct unknown names: bounded suggestions, one summary warning, linear time', async () => {
    let s = HEADER + 'burial_share,2023,38\n';
    for (let i = 0; i < 130_000; i++) s += `unknown_name_${i},2023,1\n`;
    const f = file('unknown.csv', s);
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--fail-on', 'never', '--format', 'json']);
    expect(r.code).toBe(0);
    const warnings = r.err.split('\n').filter((l) => l.includes('warning: '));
    // 50 names with their closest names, then one line for the rest
    expect(warnings.length).toBe(51);
    expect(warnings.at(-1)).toMatch(/129,950 more rows name indicators the plan does not know/);
    expect(r.ms).toBeLessThan(20_000);
  });

  it('one name of 5 million characters', async () => {
    const f = file('longname.csv', `${HEADER}${'护'.repeat(5_000_000)},2023,1\nburial_share,2023,38\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/longname\.csv:2: warning: plan basic has no indicator "护{80}… \(5000000 characters\)"/);
    expect(r.err.length).toBeLessThan(1000);
    expect(r.ms).toBeLessThan(10_000);
  });

  it.each([['1e999999999'], ['1e10000000'], ['-1e16'], ['1e-999999999'], ['1000000000000000.5']])('the value %s is refused at parse with file:line', async (v) => {
    const f = file(`value-${v}.csv`, `${HEADER}burial_share,2023,${v}\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--format', 'json']);
    expectCleanError(r, /\.csv:2: error: value ".*" for .* (larger than the largest|smaller than the smallest non-zero) value plancheck accepts/);
    expect(r.ms).toBeLessThan(2_000);
  });

  it('a value of a million digits is refused at parse, not printed back in full', async () => {
    const f = file('digits.csv', `${HEADER}burial_share,2023,0.${'1234567890'.repeat(100_000)}\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--format', 'json']);
    expectCleanError(r, /digits\.csv:2: error: value "0\.1234567890.{68}… \(1000002 characters\)" for .* has more than 30 significant digits/);
    expect(r.err.length).toBeLessThan(1000);
  });

  it('a value at the limit, 10^15, is a value', async () => {
    const f = file('limit.csv', `${HEADER}elderly_friendly_communities,2023,1e15\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--fail-on', 'never']);
    expect(r.code).toBe(0);
  });

  it.each([['1e300', /error: 1e\+300 is larger than the largest value/], ['1e999', /error: /]])('a plan value %s is a plan error at its line', async (v, want) => {
    const plan = file(`huge-target-${v}.yaml`, readFileSync(PLAN, 'utf8').replace('value: 20, text: "20"', `value: ${v}`));
    const r = await runMain(['validate', plan]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`huge-target-${v}\\.yaml:25:\\d+: ${want.source}`));
  });

  it('a YAML alias bomb in a plan file is exit 2 with file:line, not an internal error', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const p = String.fromCharCode(96 + i);
      const n = String.fromCharCode(97 + i);
      levels.push(`${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]`);
    }
    const bomb = file('bomb.yaml', `${levels.join('\n')}\n`);
    for (const args of [['validate', bomb], ['evaluate', '--plan', bomb, DATA]]) {
      const r = await runMain(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/bomb\.yaml:2:\d+: error: .*alias/);
      expect(r.err).not.toMatch(/internal error/);
    }
  });

  it('a plan file over the size limit is refused at line 1', async () => {
    const big = file('big-plan.yaml', `# ${'x'.repeat(5 << 20)}\n${readFileSync(PLAN, 'utf8')}`);
    const r = await runMain(['validate', big]);
    expectCleanError({ ...r, out: '' }, /big-plan\.yaml:1: error: the plan file has \d+ characters/);
  });
});

/** Spawn the built CLI with its stdout read until `enough` bytes, then closed (as `| head` does). */
function spawnAndClose(args: string[], enough: number): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    let got = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      got += d.length;
      if (got >= enough) child.stdout.destroy();
    });
    child.on('close', (status, signal) => resolve({ status, signal, stderr }));
  });
}

describe('EPIPE: output into a closed pipe ends quietly with the exit status the run earned', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/plancheck.cjs'))) throw new Error('run npm run build first');
  });
  it.each([
    [['evaluate', '--format', 'json', '--plan', 'suzhou', 'examples/suzhou-2023.csv'], 1],
    [['evaluate', '--format', 'json', '--fail-on', 'never', '--plan', 'suzhou', 'examples/suzhou-2023.csv'], 0],
    [['report', '--format', 'html', '--plan', 'suzhou', 'examples/suzhou-2020.csv', 'examples/suzhou-2023.csv'], 0],
  ])('%j | head → exit %i', async (args, want) => {
    const r = await spawnAndClose(args, 1);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(want);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('files are sacred', () => {
  it.each([
    ['the data file', (f: { data: string; plan: string }) => `json:${f.data}`],
    ['the plan file', (f: { data: string; plan: string }) => `junit:${f.plan}`],
    ['the data file through a symbolic link', (f: { data: string; plan: string }) => {
      const link = join(dir, 'link-to-data.csv');
      if (!existsSync(link)) symlinkSync(f.data, link);
      return `csv:${link}`;
    }],
    ['the data file by a path through another folder', (f: { data: string; plan: string }) => `csv:${dir}/sub/../${basename(f.data)}`],
  ])('--output onto %s is refused before anything is read, and nothing changes', async (_name, spec) => {
    const d = file('sacred-data.csv', readFileSync(DATA));
    const p = file('sacred-plan.yaml', readFileSync(PLAN));
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const out = spec({ data: d, plan: p });
    const before = snapshot(dir);
    const r = await runMain(['evaluate', '--plan', p, d, '--output', out]);
    expectCleanError(r, /error: --output .* is an input of this run/);
    expect(changedFiles(before, snapshot(dir))).toEqual([]);
  });

  it.each([
    ['template --output onto its own plan', (f: { data: string; plan: string }) => ['template', f.plan, '--output', f.plan]],
    ['template --format xlsx --output onto its own plan', (f: { data: string; plan: string }) => ['template', f.plan, '--format', 'xlsx', '--output', f.plan]],
    ['report --output onto its plan', (f: { data: string; plan: string }) => ['report', '--plan', f.plan, f.data, '--output', f.plan]],
    ['report --output onto its data', (f: { data: string; plan: string }) => ['report', '--plan', f.plan, f.data, '--format', 'html', '--output', f.data]],
  ])('%s is refused, and nothing changes', async (_name, argv) => {
    const d = file('kept-data.csv', readFileSync(DATA));
    const p = file('kept-plan.yaml', readFileSync(PLAN));
    const before = snapshot(dir);
    const r = await runMain(argv({ data: d, plan: p }));
    expectCleanError(r, /error: --output .* is an input of this run/);
    expect(changedFiles(before, snapshot(dir))).toEqual([]);
  });

  it('two --outputs naming one file are refused', async () => {
    const out = join(dir, 'twice.json');
    const r = await runMain(['evaluate', '--plan', PLAN, DATA, '--output', `json:${out}`, '--output', join(dir, '.', 'twice.json')]);
    expectCleanError(r, /are the same file/);
    // written once, to say why
    expectOutputConsistent('json', readFileSync(out, 'utf8'), 2);
  });

  it('on exit 2, every --output says the run failed, in its own format (no stale success)', async () => {
    const outDir = join(dir, 'stale');
    mkdirSync(outDir, { recursive: true });
    const outs = { json: 'r.json', junit: 'r.xml', sarif: 'r.sarif', csv: 'r.csv', markdown: 'r.md', github: 'r.txt' } as const;
    // a previous successful run
    const ok = await runMain(['evaluate', '--plan', PLAN, DATA, '--fail-on', 'never', ...Object.entries(outs).flatMap(([f, n]) => ['--output', `${f}:${join(outDir, n)}`])]);
    expect(ok.code).toBe(0);
    for (const [f, n] of Object.entries(outs)) expectOutputConsistent(f, readFileSync(join(outDir, n), 'utf8'), 0);
    const bad = file('bad-value.csv', `${HEADER}burial_share,2023,12a\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, bad, ...Object.entries(outs).flatMap(([f, n]) => ['--output', `${f}:${join(outDir, n)}`])]);
    expect(r.code).toBe(2);
    for (const [f, n] of Object.entries(outs)) expectOutputConsistent(f, readFileSync(join(outDir, n), 'utf8'), 2);
    // JUnit: testsuites/testsuite/testcase/error
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(outDir, 'r.xml'), 'utf8')) as { testsuites: { testsuite: { testcase: { error: { '@_type': string; '#text': string } } } } };
    expect(junit.testsuites.testsuite.testcase.error['@_type']).toBe('BAD_VALUE');
    expect(junit.testsuites.testsuite.testcase.error['#text']).toMatch(/bad-value\.csv:2: error: value "12a"/);
    // SARIF: a run that did not execute successfully, the reason as a tool execution notification at the line
    const sarif = JSON.parse(readFileSync(join(outDir, 'r.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { name: string } }; invocations: { toolExecutionNotifications: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.name).toBe('plancheck');
    expect(sarif.runs[0]?.invocations[0]?.toolExecutionNotifications[0]?.locations[0]?.physicalLocation.region.startLine).toBe(2);
    expect(readFileSync(join(outDir, 'r.txt'), 'utf8')).toMatch(/^::error file=.*bad-value\.csv,line=2,/);
    // written atomically: no temporary file is left beside them
    expect(readdirSync(outDir).sort()).toEqual(Object.values(outs).sort());
  });

  it('a bug (exit 3) also leaves each --output saying the run failed', async () => {
    const out = join(dir, 'bug.json');
    const io = { out: (): void => { throw new Error('the terminal broke'); }, err: (): void => undefined, env: { NO_COLOR: '1' }, stdoutIsTty: false };
    expect(await main(['evaluate', '--plan', PLAN, DATA, '--output', `json:${out}`], io)).toBe(3);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { status: string; exit_code: number; errors: { message: string }[] };
    expect(doc).toMatchObject({ status: 'error', exit_code: 3 });
    expect(doc.errors[0]?.message).toMatch(/internal error, please report it \(https:\/\/github\.com\/plancheck\/plancheck\/issues\): the terminal broke/);
  });

  it('an --output into a folder that does not exist is exit 2, and the other outputs still say why', async () => {
    const good = join(dir, 'beside.json');
    const r = await runMain(['evaluate', '--plan', PLAN, DATA, '--output', `json:${good}`, '--output', `junit:${join(dir, 'no-such-dir', 'r.xml')}`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write .*r\.xml/);
    expectOutputConsistent('json', readFileSync(good, 'utf8'), 2);
  });
});

describe('CLI habits', () => {
  it('no arguments: help on stderr, nothing on stdout, exit 2', async () => {
    const r = await runMain([]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/Usage: plancheck/);
  });

  it('- reads data from standard input (spawned: a real stdin)', () => {
    const r = spawnSync(process.execPath, [BIN, 'evaluate', '--plan', PLAN, '-', '--format', 'json', '--fail-on', 'never'], { input: readFileSync(DATA), encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { data: { file: string }[] }).data[0]?.file).toBe('<stdin>');
  });

  it('- on stdin with a bad row names <stdin>:line', () => {
    const r = spawnSync(process.execPath, [BIN, 'evaluate', '--plan', PLAN, '-'], { input: `${HEADER}burial_share,2023,12a\n`, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>:2: error: /);
  });

  it('a quoted glob is expanded by plancheck (Windows shells do not), sorted; no match is exit 2', async () => {
    const g = join(dir, 'glob');
    mkdirSync(g, { recursive: true });
    copyFileSync(DATA, join(g, 'b.csv'));
    writeFileSync(join(g, 'a.csv'), `${HEADER}burial_share,2022,30\n`);
    expect(await expandDataArgs([join(g, '*.csv')])).toEqual([join(g, 'a.csv'), join(g, 'b.csv')]);
    // a Windows user's backslashes
    expect((await expandDataArgs([`${g.replace(/\//g, '\\')}\\*.csv`], 'win32')).map((f) => f.replace(/\\/g, '/'))).toEqual([join(g, 'a.csv'), join(g, 'b.csv')]);
    const r = await runMain(['evaluate', '--plan', PLAN, join(g, '*.csv'), '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { data: unknown[] }).data).toHaveLength(2);
    const none = await runMain(['evaluate', '--plan', PLAN, join(g, '*.xlsx-none')]);
    expectCleanError(none, /error: no file matches/);
  });

  it('validate accepts a folder', async () => {
    const r = await runMain(['validate', join(ROOT, 'plans')]);
    expect(r.out.split('\n').filter((l) => l.startsWith('✓') || l.startsWith('✗')).length).toBe(readdirSync(join(ROOT, 'plans')).filter((f) => f.endsWith('.yaml')).length);
    expect(r.code).toBe(0);
  });

  it('--year and --period together: refused, even when they agree (two answers to one question)', async () => {
    const bad = await runMain(['evaluate', '--plan', PLAN, DATA, '--year', '2022', '--period', '2023-06']);
    expectCleanError(bad, /give --year or --period, not both/);
    const same = await runMain(['evaluate', '--plan', PLAN, DATA, '--year', '2023', '--period', '2023-06', '--fail-on', 'never']);
    expectCleanError(same, /give --year or --period, not both \(--year 2023, --period 2023-06\)/);
  });

  it.each([
    [['--format', 'json', '--format', 'junit'], /--format is given 2 times \("json", "junit"\)/],
    [['-f', 'json', '--format=table'], /--format is given 2 times \("json", "table"\)/],
    [['--period', '2023-05', '--period', '2023-06'], /--period is given 2 times \("2023-05", "2023-06"\)/],
    [['--fail-on', 'any', '--fail-on', 'never'], /--fail-on is given 2 times/],
    [['--lang', 'en', '--lang', 'zh'], /--lang is given 2 times|--lang 给了 2 次/],
  ])('an option that takes one value, given twice (%j), is a usage error naming both values', async (flags, want) => {
    expectCleanError(await runMain(['evaluate', '--plan', PLAN, DATA, ...flags]), want);
  });

  it('options meant to be repeated are not refused: --plan, --output, --sheet', async () => {
    const a = join(dir, 'rep-a.json');
    const b = join(dir, 'rep-b.xml');
    const r = await runMain(['evaluate', '--plan', PLAN, '--plan', 'suzhou', DATA, '--output', `json:${a}`, '--output', `junit:${b}`, '--fail-on', 'never', '--year', '2023']);
    expect(r.err).not.toMatch(/given 2 times/);
    expect(r.code).not.toBe(3);
  });

  it.each([
    [{ FORCE_COLOR: '0' }, true, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1', TERM: 'xterm-256color' }, true, false],
    [{ TERM: 'xterm-256color' }, false, false],
    [{ TERM: 'xterm-256color' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
  ])('colour with %j (stdout a terminal: %s) → %s', (env, tty, want) => {
    expect(useColor({ out: () => undefined, err: () => undefined, env, stdoutIsTty: tty }, true)).toBe(want);
  });

  it('FORCE_COLOR=0 on a terminal: no escape codes in the table', async () => {
    const r = await runMain(['evaluate', '--plan', PLAN, DATA], { FORCE_COLOR: '0', TERM: 'xterm-256color', LANG: 'en_US.UTF-8' }, true);
    expect(r.out.includes('\u001b[')).toBe(false);
  });
});

describe('Chinese throughout, and on Windows', () => {
  it('under --lang zh every error on stderr is in Chinese', async () => {
    const bad = file('zh-bad.csv', `${HEADER}burial_share,2023,1e99\n`);
    const r = await runMain(['evaluate', '--plan', PLAN, bad, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/zh-bad\.csv:2: 错误: .*超过 plancheck 接受的最大值/);
  });

  it.each([
    [['evaluate', DATA], /^错误：缺少必需的选项 '-p, --plan <plan>'\n（用法见 plancheck --help）/],
    [['evalute'], /^错误：未知命令 'evalute'\n（是否应为 evaluate？）/],
    [['evaluate', '--plan', PLAN, '--format', 'foo', DATA], /^错误：选项 '-f, --format <format>' 的值 'foo' 无效，可选值：table, json/],
    [['plans', 'extra'], /^错误：'plans' 的参数过多：应为 0 个，实际 1 个/],
    [['evaluate', '--bogus', '--plan', PLAN, DATA], /^错误：未知选项 '--bogus'/],
  ])('usage errors in Chinese too: %j', async (args, want) => {
    const r = await runMain([...args, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(want);
  });

  it('under --lang zh, every diagnostic on stderr for every bad fixture is in Chinese', async () => {
    const lines: string[] = [];
    for (const f of readdirSync(join(FIXTURES, 'bad-plans'))) lines.push(...(await runMain(['validate', '--lang', 'zh', join(FIXTURES, 'bad-plans', f)])).err.split('\n'));
    for (const f of readdirSync(join(FIXTURES, 'bad-data'))) lines.push(...(await runMain(['evaluate', '--lang', 'zh', '--plan', PLAN, join(FIXTURES, 'bad-data', f)])).err.split('\n'));
    const diagnostics = lines.filter((l) => /: (错误|警告|error|warning): /.test(l));
    expect(diagnostics.length).toBeGreaterThan(10);
    for (const l of diagnostics) expect(l, l).toMatch(/: (错误|警告): .*\p{Script=Han}/u);
  });

  it('a Chinese locale gives Chinese warnings', async () => {
    const r = await runMain(['evaluate', '--plan', PLAN, file('zh-warn.csv', `${HEADER}no_such_thing,2023,1\nburial_share,2023,38\n`), '--fail-on', 'never'], { LANG: 'zh_CN.UTF-8', NO_COLOR: '1' });
    expect(r.err).toMatch(/zh-warn\.csv:2: 警告: /);
  });

  it('with no LANG (Windows), the locale comes from Intl', () => {
    expect(resolveLang({}, undefined, () => 'zh-CN')).toBe('zh');
    expect(resolveLang({}, undefined, () => 'en-US')).toBe('en');
    expect(resolveLang({ LANG: 'C.UTF-8' }, undefined, () => 'zh-CN')).toBe('en');
    expect(resolveLang({ LANG: 'zh_CN.UTF-8' }, 'en', () => 'zh-CN')).toBe('en');
  });

  it('template and --format csv are UTF-8 with a BOM by default, which plancheck reads back', async () => {
    const t = await runMain(['template', PLAN, '--year', '2023']);
    expect(t.out.startsWith('\uFEFFindicator,period,value')).toBe(true);
    const filled = file('filled.csv', t.out.replace(/^(.*?,2023,),/gm, '$140,'));
    const r = await runMain(['evaluate', '--plan', PLAN, filled, '--format', 'csv', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('\uFEFFplan,period')).toBe(true);
    const plain = await runMain(['template', PLAN, '--encoding', 'utf8']);
    expect(plain.out.startsWith('indicator,')).toBe(true);
  });

  it('--encoding gb18030 writes GB18030 (and plancheck reads it back)', async () => {
    const t = await runMain(['template', PLAN, '--year', '2023', '--encoding', 'gb18030']);
    const bytes = Buffer.from(t.out, 'latin1');
    expect(bytes).toEqual(Buffer.from(await encodeText((await runMain(['template', PLAN, '--year', '2023', '--encoding', 'utf8'])).out, 'gb18030')));
    const f = file('gb.csv', bytes);
    const r = await runMain(['evaluate', '--plan', PLAN, f, '--fail-on', 'never', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = join(dir, 'gb-out.csv');
    await runMain(['evaluate', '--plan', PLAN, DATA, '--fail-on', 'never', '--output', out, '--encoding', 'gb18030']);
    expect(readFileSync(out).includes(Buffer.from('护理', 'utf8'))).toBe(false);
    const bad = await runMain(['template', PLAN, '--encoding', 'latin9']);
    expectCleanError(bad, /--encoding must be one of/);
  });
});

describe('validate catches what breaks evaluation later', () => {
  it.each([
    ['张每千人', /unit "张每千人" is not a unit plancheck knows.*did you mean "张\/千人"/],
    ['百分比', /unit "百分比" is not a unit plancheck knows.*did you mean "%"/],
  ])('the unit %s is an error with the closest known units', async (unit, want) => {
    const plan = file(`unit-${unit}.yaml`, readFileSync(PLAN, 'utf8').replace('unit: 个', `unit: ${unit}`));
    const r = await runMain(['validate', plan]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`unit-${unit}\\.yaml:\\d+:\\d+: error: ${want.source}`));
  });

  it('a numeric target written as text ("80%") is an error with the fix', async () => {
    const plan = file('text-target.yaml', readFileSync(PLAN, 'utf8').replace('value: 20, text: "20"', 'value: "80%"'));
    const r = await runMain(['validate', plan]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/text-target\.yaml:25:\d+: error: value "80%" is a number written as text.*value: 80/);
  });

  it('every bundled plan validates', async () => {
    const r = await runMain(['validate', join(ROOT, 'plans')]);
    expect(r.err).not.toMatch(/error: /);
    expect(r.code).toBe(0);
  });
});
