/**
 * Outputs are complete on every exit and written where the user meant:
 * stdout in a machine format carries the failure document on exit 2 and 3,
 * the job summary gets a failure section, and `--output` writes through a
 * symbolic link, into a FIFO, a device or a descriptor, never replacing
 * them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseOutputSpec } from '../../src/cli/outputs.js';
import { main } from '../../src/cli/main.js';
import { BIN, ROOT, runCli } from '../helpers/run-cli.js';
import { assertValidJson, assertValidJunit, assertValidSarif } from '../helpers/schemas.js';
import { thrown } from '../helpers/thrown.js';

const PLAN = 'tests/fixtures/basic/plan.yaml';
const DATA = 'tests/fixtures/basic/data.csv';
const BAD = 'tests/fixtures/bad-data/non-numeric.csv';
const dir = mkdtempSync(join(tmpdir(), 'plancheck-outputs-'));

describe('on exit 2, stdout in a machine format is the failure document --output writes', () => {
  it.each(['json', 'junit', 'sarif', 'github', 'csv', 'markdown'])('--format %s', (format) => {
    const file = join(dir, `fail-${format}`);
    const r = runCli(['evaluate', '--plan', PLAN, BAD, '--format', format, '--output', `${format}:${file}`, '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toBe('');
    expect(r.stderr).toMatch(/non-numeric\.csv:\d+: error/);
    // the same document as the file, except that github's annotations point into the repository
    const written = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (format !== 'github') expect(r.stdout.replace(/^\uFEFF/, '')).toBe(written);
    if (format === 'json') assertValidJson('failure', JSON.parse(r.stdout));
    if (format === 'junit') {
      assertValidJunit(r.stdout);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(r.stdout) as { testsuites: { '@_errors': string; testsuite: { testcase: { '@_name': string; '@_file': string; '@_line': string; error: { '@_type': string } } } } };
      expect(doc.testsuites['@_errors']).toBe('1');
      expect(doc.testsuites.testsuite.testcase).toMatchObject({ '@_name': 'plancheck run', '@_file': BAD, error: { '@_type': 'BAD_VALUE' } });
    }
    if (format === 'sarif') {
      assertValidSarif(r.stdout);
      const ok = JSON.parse(runCli(['evaluate', '--plan', PLAN, DATA, '--format', 'sarif']).stdout) as { $schema: string };
      const log = JSON.parse(r.stdout) as { $schema: string; runs: { tool: { driver: { rules: unknown[]; informationUri: string } }; automationDetails: { id: string }; invocations: { executionSuccessful: boolean; exitCode: number }[] }[] };
      expect(log.$schema).toBe(ok.$schema);
      expect(log.runs[0]?.tool.driver.rules).toEqual([]);
      expect(log.runs[0]?.automationDetails.id).toBe('plancheck/failed/');
      expect(log.runs[0]?.invocations[0]).toMatchObject({ executionSuccessful: false, exitCode: 2 });
    }
    if (format === 'github') expect(r.stdout).toMatch(/^::error file=tests\/fixtures\/bad-data\/non-numeric\.csv,line=2,title=BAD_VALUE::/);
  });

  it('the table prints nothing on stdout (stderr says it all)', () => {
    const r = runCli(['evaluate', '--plan', PLAN, BAD]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a usage error caught by commander (an unknown option) gives the document too, in the --format asked for', () => {
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--format', 'json', '--frobnicate']);
    expect(r.status).toBe(2);
    const doc = JSON.parse(r.stdout) as { status: string; errors: { code: string; message: string }[] };
    expect(doc.status).toBe('error');
    expect(doc.errors[0]?.message).toContain("unknown option '--frobnicate'");
  });

  it('a workbook redirected to a file: the one-sheet failure workbook', () => {
    const out = join(dir, 'fail.xlsx');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" evaluate --plan ${PLAN} ${BAD} --format xlsx > "${out}"`], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', LANG: 'en_US.UTF-8' } });
    expect(r.status).toBe(2);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('exit 3 (a bug): stdout says so too, with exit_code 3', async () => {
    let out = '';
    let first = true;
    const io = {
      out: (s: string): void => {
        if (first) {
          first = false;
          throw new Error('the terminal broke');
        }
        out += s;
      },
      err: (): void => undefined,
      env: { NO_COLOR: '1' },
      stdoutIsTty: false,
    };
    expect(await main(['evaluate', '--plan', PLAN, DATA, '--format', 'json'], io)).toBe(3);
    expect(JSON.parse(out)).toMatchObject({ status: 'error', exit_code: 3 });
  });

  it('the job summary gets a short failure section', () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = runCli(['evaluate', '--plan', PLAN, BAD, '--format', 'github', '--lang', 'zh'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.status).toBe(2);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/^earlier step\n## plancheck: 运行失败\n/);
    expect(text).toContain('non-numeric.csv:');
  });
});

describe('--output is written where the user meant', () => {
  it('through a symbolic link: the file it points to is brought up to date, the link stays a link', () => {
    const target = join(dir, 'target.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--output', `json:${link}`, '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(JSON.parse(readFileSync(target, 'utf8'))).toHaveProperty('results');
  });

  it('a link to a file not there yet (and a link to a link) creates the file it names', () => {
    const target = join(dir, 'later', '..', 'new-target.json');
    const link1 = join(dir, 'dangling.json');
    const link2 = join(dir, 'via.json');
    symlinkSync('new-target.json', link1);
    symlinkSync(link1, link2);
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--output', `json:${link2}`, '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(lstatSync(link2).isSymbolicLink() && lstatSync(link1).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'new-target.json'), 'utf8'))).toHaveProperty('results');
    expect(existsSync(target)).toBe(true);
  });

  it('a FIFO is written into (its reader gets the document) and stays a FIFO', async () => {
    const fifo = join(dir, 'results.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
    const done = new Promise<void>((res) => reader.on('close', () => res()));
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--output', `json:${fifo}`, '--fail-on', 'never']);
    await done;
    expect(r.status).toBe(0);
    expect(JSON.parse(got)).toHaveProperty('results');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('/dev/stdout is the process\'s own stdout: the document reaches the stream, nothing is replaced', () => {
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--format', 'table', '--output', 'json:/dev/stdout', '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"schema_version"');
    expect(r.stdout).toContain('接受上门服务的居家老年人数占比');
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('a character device is written to, never replaced: /dev/full says the device is full (exit 2), /dev/null takes it', () => {
    const full = runCli(['evaluate', '--plan', PLAN, DATA, '--output', 'json:/dev/full', '--fail-on', 'never', '--lang', 'zh']);
    expect(full.status).toBe(2);
    expect(full.stderr).toContain('无法写入 /dev/full：磁盘空间不足');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
    const nul = runCli(['evaluate', '--plan', PLAN, DATA, '--output', 'json:/dev/null', '--fail-on', 'never']);
    expect(nul.status).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('an unknown format before the colon is a usage error listing the formats; no file is written', () => {
    const r = runCli(['evaluate', '--plan', PLAN, DATA, '--output', 'jsn:res.json'], {});
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"jsn" is not a format (formats: table, json, junit, github, markdown, csv, sarif, xlsx)');
    expect(existsSync(join(ROOT, 'jsn:res.json'))).toBe(false);
  });

  it.each([
    { spec: 'junit:out.xml', want: { format: 'junit', file: 'out.xml' } },
    { spec: 'JSON:out.json', want: { format: 'json', file: 'out.json' } },
    { spec: 'out.sarif', want: { format: 'sarif', file: 'out.sarif' } },
    { spec: 'C:\\results\\out.json', want: { format: 'json', file: 'C:\\results\\out.json' } },
    { spec: 'json:a:b.json', want: { format: 'json', file: 'a:b.json' } },
  ])('parseOutputSpec($spec)', ({ spec, want }) => {
    expect(parseOutputSpec(spec)).toEqual(want);
  });

  it.each(['jsn:res.json', 'xml:out.xml', 'json:'])('parseOutputSpec(%s) is a usage error', (spec) => {
    expect(thrown(() => parseOutputSpec(spec))).toMatchObject({ name: 'UsageError' });
  });
});
