/**
 * The standalone executables (`npm run build:exe`, scripts/build-exe.mjs).
 *
 * The Linux one is run as an analyst without Node would run it: copied into
 * an empty folder with the data files and nothing else — no node_modules, no
 * checkout above it, no `node` on PATH, a stray NODE_OPTIONS in the
 * environment — and everything it prints and writes is held against the CLI's
 * for the same inputs (`node bin/plancheck.js`, run from a folder holding the
 * same files under the same names): evaluate on a CSV and on workbooks (a
 * bundled plan, and a plan file of the user's own), plans, template (CSV and
 * workbook), report --format docx (which LibreOffice then opens), validate,
 * and the messages of bad input. A second copy sits beside decoys — a
 * package.json, plans/ and node_modules/ that would change its answers — to
 * show that it reads nothing beside itself.
 *
 * The Windows one cannot be run here: it is read instead (a 64-bit console
 * PE, unsigned rather than carrying a signature that no longer covers it, a
 * correct checksum, the NODE_SEA_BLOB resource Node looks for, the fuse set)
 * and its blob is taken apart: the same main script as the Linux one and
 * every package file, byte for byte.
 *
 * One build serves both (it is skipped when nothing changed since the last).
 * It needs the npm registry once, for the Node binaries; where it cannot be
 * made (offline), these tests are skipped with the reason in their name —
 * except under CI, where they must run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliIn, type CliRun } from '../helpers/run-cli.js';
import { assertValidJson } from '../helpers/schemas.js';
import { scannedPdf } from '../helpers/tiny-pdf.js';
import { longWorkbook } from '../helpers/workbooks.js';

const LINUX = join(ROOT, 'dist/plancheck-linux-x64');
const WINDOWS = join(ROOT, 'dist/plancheck-win-x64.exe');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const SERIES = [2021, 2022, 2023, 2024, 2025].map((y) => `suzhou-${y}.csv`);

/** What scripts/exe-format.mjs offers (a plain ES module shared with the build). */
interface ExeFormat {
  readPe(buf: Buffer): { machine: number; magic: number; subsystem: number; checksum: number; certificates: { offset: number; size: number } };
  peChecksum(buf: Buffer): number;
  seaBlob(buf: Buffer): Buffer | undefined;
  parseSeaBlob(blob: Buffer): { flags: number; execArgvExtension: string; mainFormat: string; codePath: string; main: Buffer; codeCache: Buffer | undefined; assets: Map<string, Buffer>; execArgv: string[]; end: number };
  SEA_FLAGS: Record<'disableExperimentalSeaWarning' | 'useSnapshot' | 'useCodeCache' | 'includeAssets' | 'includeExecArgv', number>;
}

const format = (await import(pathToFileURL(join(ROOT, 'scripts/exe-format.mjs')).href)) as ExeFormat;

/** The package files the CLI reads, as the executables must embed them: package.json, plans, their build cache, the region table, schemas, sources. */
function packageFiles(): string[] {
  const under = (dir: string): string[] => readdirSync(join(ROOT, dir)).sort().map((f) => `${dir}/${f}`);
  return ['package.json', ...under('plans'), ...under('dist/plan-cache'), 'dist/regions.tsv', ...under('schemas'), ...under('sources')].sort();
}

/** How the build made a target (dist/exe/<target>.json). */
function made(target: string): { node: string; executable: string; builder: string; config: string } {
  return JSON.parse(readFileSync(join(ROOT, `dist/exe/${target}.json`), 'utf8')) as { node: string; executable: string; builder: string; config: string };
}

let user = '';
let cliDir = '';
let noNode = '';

/** The inputs of the runs below, copied into a folder under the names the runs use (the workbook made once: exceljs stamps the time into it). */
function inputsInto(dir: string, workbook: string): void {
  for (const f of SERIES) copyFileSync(join(ROOT, 'examples', f), join(dir, f));
  copyFileSync(join(ROOT, 'tests/fixtures/workbook/bureau.xlsx'), join(dir, 'bureau.xlsx'));
  copyFileSync(join(ROOT, 'tests/fixtures/basic/plan.yaml'), join(dir, 'my-plan.yaml'));
  copyFileSync(join(ROOT, 'tests/fixtures/bad-data/non-numeric.csv'), join(dir, 'bad-value.csv'));
  copyFileSync(workbook, join(dir, 'suzhou-2023.xlsx'));
  copyFileSync(join(ROOT, 'examples/monthly-2024.csv'), join(dir, 'monthly-2024.csv'));
  copyFileSync(join(ROOT, 'tests/fixtures/draft/wuxi-15th.html'), join(dir, 'wuxi-15th.html'));
  writeFileSync(join(dir, 'scanned.pdf'), scannedPdf());
}

function exeIn(dir: string, args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(join(dir, basename(LINUX)), args, {
    cwd: dir,
    encoding: 'utf8',
    // nothing of this machine's Node: PATH holds an empty folder; a NODE_OPTIONS that would break a Node run
    env: { PATH: noNode, HOME: dir, LANG: 'en_US.UTF-8', NO_COLOR: '1', NODE_OPTIONS: '--require ./no-such-preload.js', NODE_PATH: join(ROOT, 'node_modules'), ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const exe = (args: readonly string[], env: Record<string, string> = {}): CliRun => exeIn(user, args, env);
const cli = (args: readonly string[], env: Record<string, string> = {}): CliRun => runCliIn(cliDir, args, env);

/** npm run build:exe's second half (the first, npm run build, is npm test's); why it failed, if it did. */
function buildExecutables(): string | undefined {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-exe.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 900_000 });
  return r.status === 0 ? undefined : (r.stderr || r.error?.message || `exit ${String(r.status)}`).trim();
}
const failure = buildExecutables();
const suite = failure === undefined || process.env['CI'] ? describe : describe.skip;
const skipped = failure === undefined ? '' : ` (skipped: the executables could not be built: ${failure.split('\n')[0] ?? ''})`;


suite(`the Linux executable, run from an empty folder${skipped}`, () => {
  beforeAll(async () => {
    if (failure !== undefined) throw new Error(`npm run build:exe failed:\n${failure}`);
    user = mkdtempSync(join(tmpdir(), 'plancheck-exe-user-'));
    cliDir = mkdtempSync(join(tmpdir(), 'plancheck-exe-cli-'));
    noNode = mkdtempSync(join(tmpdir(), 'plancheck-exe-path-'));
    copyFileSync(LINUX, join(user, basename(LINUX)));
    execFileSync('chmod', ['755', join(user, basename(LINUX))]);
    const workbook = join(mkdtempSync(join(tmpdir(), 'plancheck-exe-wb-')), 'suzhou-2023.xlsx');
    await longWorkbook(join(ROOT, 'examples/suzhou-2023.csv'), workbook);
    inputsInto(user, workbook);
    inputsInto(cliDir, workbook);
  }, 900_000);

  it('has no Node, node_modules or checkout to lean on', () => {
    const found = spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { PATH: noNode }, encoding: 'utf8' });
    expect(found.status).not.toBe(0);
    for (let dir = user; dirname(dir) !== dir; dir = dirname(dir)) {
      expect(existsSync(join(dir, 'node_modules')), `${dir}/node_modules`).toBe(false);
      expect(existsSync(join(dir, 'package.json')), `${dir}/package.json`).toBe(false);
    }
    const r = exe(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(VERSION);
  });

  it.each([
    { name: 'evaluate a CSV against a bundled plan', args: ['evaluate', '--plan', 'suzhou', 'suzhou-2023.csv', '--format', 'json'], status: 1 },
    { name: 'evaluate a workbook against a bundled plan', args: ['evaluate', '--plan', 'suzhou', 'suzhou-2023.xlsx', '--format', 'json'], status: 1 },
    { name: "evaluate a bureau's workbook against a plan file of the user's own (YAML parser, schema validator)", args: ['evaluate', '--plan', 'my-plan.yaml', 'bureau.xlsx', '--format', 'json'], status: 1 },
    { name: 'evaluate in Chinese, as a table', args: ['evaluate', '--plan', 'suzhou', 'suzhou-2023.csv', '--lang', 'zh'], status: 1 },
    { name: 'evaluate two cities from one file (rows routed by region: the region table)', args: ['evaluate', '--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', 'monthly-2024.csv', '--format', 'json'], status: 1 },
    { name: 'plans', args: ['plans'], status: 0 },
    { name: 'plans as JSON', args: ['plans', '--format', 'json'], status: 0 },
    { name: 'show', args: ['show', 'taicang', '--lang', 'zh'], status: 0 },
    { name: 'template (CSV)', args: ['template', 'suzhou', '--year', '2024'], status: 0 },
    { name: 'report as JSON', args: ['report', '--plan', 'suzhou', ...SERIES, '--format', 'json'], status: 0 },
    { name: 'an unknown plan (the bundled ones listed, from the embedded folder)', args: ['evaluate', '--plan', 'nowhere', 'suzhou-2023.csv'], status: 2 },
    { name: 'a bad data file (file:line, in Chinese)', args: ['evaluate', '--plan', 'my-plan.yaml', 'bad-value.csv', '--lang', 'zh'], status: 2 },
  ])('$name: the same output and exit code as the CLI', ({ args, status }) => {
    const mine = exe(args);
    const theirs = cli(args);
    expect(mine.stderr).toBe(theirs.stderr);
    expect(mine.stdout).toBe(theirs.stdout);
    expect(mine.status).toBe(theirs.status);
    expect(mine.status).toBe(status);
    if (args.includes('json') && args[0] === 'evaluate') assertValidJson('result', JSON.parse(mine.stdout) as unknown);
  });

  it('writes the same results workbook and template workbook as the CLI (all but the creation time)', () => {
    const pairs: [string[], string][] = [
      [['evaluate', '--plan', 'suzhou', 'suzhou-2023.csv', '--format', 'json', '--output', 'xlsx:results.xlsx'], 'results.xlsx'],
      [['template', 'suzhou', '--format', 'xlsx', '-o', 'template.xlsx'], 'template.xlsx'],
    ];
    for (const [args, out] of pairs) {
      const mine = exe(args);
      const theirs = cli(args);
      expect(mine.stderr).toBe(theirs.stderr);
      expect(mine.status).toBe(theirs.status);
      const a = unzipSync(readFileSync(join(user, out)));
      const b = unzipSync(readFileSync(join(cliDir, out)));
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
      for (const entry of Object.keys(a).filter((e) => e !== 'docProps/core.xml')) expect(Buffer.from(a[entry] as Uint8Array).equals(Buffer.from(b[entry] as Uint8Array)), `${out}: ${entry}`).toBe(true);
    }
  });

  it('drafts a plan from a web page as the CLI does, and refuses a PDF with what to do', () => {
    const args = ['draft', 'wuxi-15th.html', '-o', 'wuxi-15th.yaml'];
    const mine = exe(args);
    const theirs = cli(args);
    expect(mine).toEqual(theirs);
    expect(mine.status).toBe(0);
    expect(readFileSync(join(user, 'wuxi-15th.yaml'), 'utf8')).toBe(readFileSync(join(cliDir, 'wuxi-15th.yaml'), 'utf8'));
    // PDF.js needs a native canvas module under Node, which the executable does not carry
    const pdf = exe(['draft', 'scanned.pdf', '-o', 'scanned.yaml', '--lang', 'zh']);
    expect(pdf.status).toBe(2);
    expect(pdf.stdout).toBe('');
    expect(pdf.stderr).toBe('scanned.pdf: 错误: scanned.pdf 是 PDF，独立可执行文件无法读取（PDF.js 需要原生模块）：请改用规划的 .docx 或网页起草，或用 npm 包（npx plancheck draft）读取该 PDF\n');
    expect(existsSync(join(user, 'scanned.yaml'))).toBe(false);
  });

  (LIBREOFFICE || process.env['CI'] ? it : it.skip)('drafts a plan from a .docx (LibreOffice\'s, from the web page) as the CLI does', () => {
    const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'plancheck-exe-lo-'))).href;
    const made = mkdtempSync(join(tmpdir(), 'plancheck-exe-docx-'));
    execFileSync(LIBREOFFICE ?? 'libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', made, join(user, 'wuxi-15th.html')], { stdio: 'pipe', timeout: 120_000 });
    for (const dir of [user, cliDir]) copyFileSync(join(made, 'wuxi-15th.docx'), join(dir, 'wuxi-15th.docx'));
    const args = ['draft', 'wuxi-15th.docx', '-o', 'wuxi-15th-docx.yaml'];
    const mine = exe(args);
    expect(mine).toEqual(cli(args));
    expect(readFileSync(join(user, 'wuxi-15th-docx.yaml'), 'utf8')).toBe(readFileSync(join(cliDir, 'wuxi-15th-docx.yaml'), 'utf8'));
  }, 180_000);

  it('writes the same Word report as the CLI, byte for byte, and it opens', () => {
    const args = ['report', '--plan', 'suzhou', ...SERIES, '--lang', 'zh', '--format', 'docx', '--output', 'report.docx'];
    const mine = exe(args);
    const theirs = cli(args);
    expect(mine).toEqual({ ...theirs, stdout: '', stderr: '' });
    const bytes = readFileSync(join(user, 'report.docx'));
    expect(bytes.equals(readFileSync(join(cliDir, 'report.docx')))).toBe(true);
    expect(new TextDecoder().decode(unzipSync(bytes)['word/document.xml'])).toContain('苏州市“十四五”民政事业发展规划');
  });

  (LIBREOFFICE || process.env['CI'] ? it : it.skip)('its Word report is opened by LibreOffice (converted to PDF)', () => {
    const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'plancheck-exe-lo-'))).href;
    execFileSync(LIBREOFFICE ?? 'libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', user, join(user, 'report.docx')], { stdio: 'pipe', timeout: 120_000 });
    expect(execFileSync('pdftotext', [join(user, 'report.pdf'), '-'], { encoding: 'utf8' })).toContain('总体情况');
  }, 180_000);

  it('validates a bundled plan against its source document, both embedded, naming it as inside the executable', () => {
    const r = exe(['validate', 'suzhou', '--seeds', '--ledger', '--strict']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const inside = join(user, basename(LINUX));
    expect(r.stdout).toMatch(new RegExp(`^✓ ${inside.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/plans/suzhou\\.yaml: \\d+ indicators`, 'm'));
    expect(r.stdout).toContain(`✓ ${inside}/sources/suzhou-14th.txt: 0 commitments not accounted for`);
    // the CLI says the same of its own files
    const theirs = cli(['validate', 'suzhou', '--seeds', '--ledger', '--strict']);
    expect(r.stdout.split(inside).join('<package>')).toBe(theirs.stdout.split(ROOT).join('<package>'));
    const bad = exe(['validate', 'my-plan.yaml', '--seeds']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`my-plan.yaml: error: source document fixture.txt not found in ${inside}/sources\n`);
  });

  it("the Windows one's blob, made again by Linux Node of its version, is the same bytes, and in that Node answers as the CLI does", () => {
    // what can be run of the Windows executable here: its very blob, on its Node version
    const win = made('win-x64');
    const config = JSON.parse(readFileSync(win.config, 'utf8')) as Record<string, unknown>;
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-exe-twin-'));
    const blobConfig = join(dir, 'blob.json');
    writeFileSync(blobConfig, JSON.stringify({ ...config, executable: undefined, output: join(dir, 'sea.blob') }));
    execFileSync(win.builder, ['--experimental-sea-config', blobConfig], { cwd: ROOT, stdio: 'pipe' });
    expect(readFileSync(join(dir, 'sea.blob')).equals(format.seaBlob(readFileSync(WINDOWS)) as Buffer)).toBe(true);
    const twinConfig = join(dir, 'twin.json');
    writeFileSync(twinConfig, JSON.stringify({ ...config, executable: win.builder, output: join(dir, basename(LINUX)) }));
    execFileSync(win.builder, ['--build-sea', twinConfig], { cwd: ROOT, stdio: 'pipe' });
    execFileSync('chmod', ['755', join(dir, basename(LINUX))]);
    for (const f of readdirSync(user).filter((x) => x !== basename(LINUX))) copyFileSync(join(user, f), join(dir, f));
    for (const args of [['--version'], ['evaluate', '--plan', 'suzhou', 'suzhou-2023.csv', '--format', 'json'], ['evaluate', '--plan', 'my-plan.yaml', 'bureau.xlsx', '--format', 'json', '--lang', 'zh']]) {
      const mine = exeIn(dir, args);
      const theirs = cli(args);
      expect(mine).toEqual(theirs);
    }
  }, 300_000);

  it('reads nothing beside itself: decoy plans, package.json and node_modules in its folder change nothing', () => {
    const decoyed = mkdtempSync(join(tmpdir(), 'plancheck-exe-decoys-'));
    copyFileSync(LINUX, join(decoyed, basename(LINUX)));
    execFileSync('chmod', ['755', join(decoyed, basename(LINUX))]);
    copyFileSync(join(ROOT, 'examples/suzhou-2023.csv'), join(decoyed, 'suzhou-2023.csv'));
    copyFileSync(join(ROOT, 'tests/fixtures/workbook/bureau.xlsx'), join(decoyed, 'bureau.xlsx'));
    copyFileSync(join(ROOT, 'tests/fixtures/basic/plan.yaml'), join(decoyed, 'my-plan.yaml'));
    writeFileSync(join(decoyed, 'package.json'), JSON.stringify({ name: 'plancheck', version: '9.9.9' }));
    for (const dir of ['plans', 'dist/plan-cache', 'schemas', 'sources', 'node_modules/yaml', 'node_modules/exceljs']) mkdirSync(join(decoyed, dir), { recursive: true });
    writeFileSync(join(decoyed, 'plans/suzhou.yaml'), 'id: decoy\n');
    writeFileSync(join(decoyed, 'plans/decoy.yaml'), 'id: decoy\n');
    writeFileSync(join(decoyed, 'node_modules/yaml/package.json'), JSON.stringify({ name: 'yaml', main: 'index.js' }));
    writeFileSync(join(decoyed, 'node_modules/yaml/index.js'), 'throw new Error("decoy yaml loaded")');
    const args = ['evaluate', '--plan', 'suzhou', 'suzhou-2023.csv', '--format', 'json'];
    const r = exeIn(decoyed, args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(exe(args).stdout);
    expect(exeIn(decoyed, ['--version']).stdout.trim()).toBe(VERSION);
    expect(exeIn(decoyed, ['plans', '--format', 'json']).stdout).not.toContain('decoy');
    // a plan file of the user's own is parsed by the YAML parser inside, not the one in node_modules
    const ownArgs = ['evaluate', '--plan', 'my-plan.yaml', 'bureau.xlsx', '--format', 'json'];
    const own = exeIn(decoyed, ownArgs);
    expect(own.stderr).not.toMatch(/decoy|internal error/);
    expect(own.stdout).toBe(exe(ownArgs).stdout);
  });
});

suite(`the Windows executable, read (it is not run here)${skipped}`, () => {
  let buf: Buffer;
  beforeAll(() => {
    if (failure !== undefined) throw new Error(`npm run build:exe failed:\n${failure}`);
    buf = readFileSync(WINDOWS);
  });

  it('reads PE checksums as Windows writes them: the one in the registry\'s signed node.exe', () => {
    // the build's copy of it, beside the unsigned one it built from
    const node = readFileSync(join(dirname(made('win-x64').executable), 'node.exe'));
    const pe = format.readPe(node);
    expect(pe.certificates.size).toBeGreaterThan(0);
    expect(format.peChecksum(node)).toBe(pe.checksum);
  });

  it('is a 64-bit console PE, unsigned rather than wrongly signed, with a correct checksum', () => {
    const pe = format.readPe(buf);
    expect(pe.machine).toBe(0x8664);
    expect(pe.magic).toBe(0x20b);
    expect(pe.subsystem).toBe(3); // IMAGE_SUBSYSTEM_WINDOWS_CUI: a console program
    expect(pe.certificates).toEqual({ offset: 0, size: 0 });
    expect(pe.checksum).toBe(format.peChecksum(buf));
    // the sentinel Node reads to know it is a single-executable application, set
    expect(buf.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
    // Node's own binary plus the blob: about 105 MB and 4 MB
    expect(buf.length).toBeGreaterThan(100e6);
    expect(buf.length).toBeLessThan(120e6);
  });

  it('holds the same main script as the Linux one and every package file, byte for byte', () => {
    const blob = format.seaBlob(buf);
    expect(blob).toBeDefined();
    const sea = format.parseSeaBlob(blob as Buffer);
    expect(sea.end).toBe((blob as Buffer).length);
    expect(sea.flags & format.SEA_FLAGS.disableExperimentalSeaWarning).not.toBe(0);
    // a code cache made on Linux would crash on Windows; no snapshot
    expect(sea.flags & (format.SEA_FLAGS.useCodeCache | format.SEA_FLAGS.useSnapshot)).toBe(0);
    expect(sea.execArgvExtension).toBe('none');
    expect(sea.mainFormat).toBe('commonjs');
    expect(sea.codePath).toBe('dist/exe/plancheck.cjs');
    expect(sea.main.equals(readFileSync(join(ROOT, 'dist/exe/plancheck.cjs')))).toBe(true);
    expect(readFileSync(LINUX).includes(sea.main)).toBe(true);
    expect([...sea.assets.keys()].sort()).toEqual(packageFiles());
    for (const [key, content] of sea.assets) expect(content.equals(readFileSync(join(ROOT, key))), key).toBe(true);
  });
});
