/**
 * The GitHub Action (action.yml) and the README's GitLab job, run as written:
 * the Action's evaluate step is its own bash script with the inputs put in
 * where the runner puts them; the GitLab job's script lines run in order.
 * Only the install commands are left out (the package test installs the packed
 * tarball offline in the same way); `plancheck` on PATH is this build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/run-cli.js';
import { assertValidJunit, assertValidSarif } from '../helpers/schemas.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  if?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** A `plancheck` command on PATH that runs this build. */
function shimDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-bin-'));
  const shim = join(dir, 'plancheck');
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/** A submitter's repository: a month's data under data/. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-ws-'));
  mkdirSync(join(dir, 'data'));
  copyFileSync(join(ROOT, 'examples/monthly-2024.csv'), join(dir, 'data/2024-06.csv'));
  return dir;
}

/** `${{ inputs.x }}` as the runner fills it in: the given value, else the input's default. */
function expand(text: string, given: Record<string, string>): string {
  const out = text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    const input = action.inputs[name];
    if (!input) throw new Error(`action.yml uses an input it does not declare: ${name}`);
    return given[name] ?? input.default ?? '';
  });
  if (out.includes('${{')) throw new Error(`an expression the test cannot fill in: ${out}`);
  return out;
}

function runEvaluateStep(given: Record<string, string>, prepare: (ws: string) => void = () => undefined): { status: number | null; stdout: string; stderr: string; ws: string; output: string; summary: string } {
  for (const [name, input] of Object.entries(action.inputs)) if (input.required === true && given[name] === undefined) throw new Error(`input ${name} is required`);
  const step = action.runs.steps.find((s) => s.id === 'evaluate') as Step;
  const ws = workspace();
  prepare(ws);
  const output = join(ws, '.github_output');
  const summary = join(ws, '.step_summary');
  const env: Record<string, string> = { PATH: `${shimDir()}:${process.env['PATH'] ?? ''}`, HOME: ws, LANG: 'en_US.UTF-8', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: ws };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, given);
  const script = join(ws, '.step.sh');
  writeFileSync(script, step.run as string);
  // how the runner runs `shell: bash`
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: ws, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ws, output: existsSync(output) ? readFileSync(output, 'utf8') : '', summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' };
}

describe('action.yml', () => {
  it('is a composite action: set up Node (the current LTS), install the released package (cached by version), evaluate, upload SARIF when asked', () => {
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps;
    expect(steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(action.inputs['node-version']?.default).toBe('26');
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@') === true);
    expect(cache?.with?.['key']).toContain('${{ steps.release.outputs.version }}');
    const install = steps.find((s) => s.name === 'Install plancheck');
    // the built package with its runtime dependencies: no build, no dev dependencies, unless there is no release
    expect(install?.run).toMatch(/npm install --prefix "\$PLANCHECK_PREFIX" --omit=dev .*"\$PLANCHECK_URL"/);
    expect(install?.run?.indexOf('npm ci')).toBeGreaterThan(install?.run?.indexOf('no release package') ?? Infinity);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') === true);
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v4');
    expect(upload?.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload?.with?.['sarif_file']).toBe('${{ inputs.sarif }}');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['plans', 'data', 'period', 'require', 'fail-on', 'upload-sarif']));
    expect(action.outputs['exit-code']?.value).toBe('${{ steps.evaluate.outputs.exit-code }}');
    // the current LTS (26 'Lithium', LTS from 2026-10-28); 20 is past its end of life
    expect(action.inputs['node-version']?.default).toBe('26');
  });

  it('finds the release package of its own version: the file npm pack makes, on the Action repository\'s releases', () => {
    const ws = workspace();
    const step = action.runs.steps.find((s) => s.id === 'release') as Step;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace('${{ github.action_path }}', ROOT).replace('${{ github.action_repository }}', 'bureau/plancheck-mirror')]));
    const script = join(ws, '.release.sh');
    writeFileSync(script, step.run as string);
    const output = join(ws, '.out');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: ws, env: { PATH: process.env['PATH'] ?? '', GITHUB_OUTPUT: output, RUNNER_TEMP: '/tmp/rt', ...env }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(readFileSync(output, 'utf8')).toBe(`version=${version}\nurl=https://github.com/bureau/plancheck-mirror/releases/download/v${version}/plancheck-${version}.tgz\nprefix=/tmp/rt/plancheck-${version}\n`);
    // the name `npm pack` gives the package, as the release workflow attaches it
    const packed = JSON.parse(spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: ROOT, encoding: 'utf8' }).stdout) as { filename: string }[];
    expect(packed[0]?.filename).toBe(`plancheck-${version}.tgz`);
  });

  it('gates the bundled monthly example: annotations, job summary, JUnit and SARIF, exit code 1', () => {
    const r = runEvaluateStep({ plans: 'suzhou\ntaicang', data: 'data/*.csv', period: '2024-06', require: 'complete', lang: 'en', 'upload-sarif': 'true' });
    expect(r.stderr).not.toMatch(/internal error|command not found/);
    expect(r.status).toBe(1);
    expect(r.output).toBe('exit-code=1\n');
    expect(r.stdout).toContain('::error file=data/2024-06.csv,line=10,title=suzhou%3A 接受上门服务的居家老年人数占比::');
    expect(r.stdout).toContain('::error file=data/2024-06.csv,line=21,title=taicang%3A 养老护理人员持证上岗率::due and not reported: 2024-Q2');
    expect(r.summary).toMatch(/^## plancheck: ❌/);
    assertValidJunit(readFileSync(join(r.ws, 'plancheck.xml'), 'utf8'));
    const sarif = readFileSync(join(r.ws, 'plancheck.sarif'), 'utf8');
    assertValidSarif(sarif);
    expect((JSON.parse(sarif) as { runs: { automationDetails: { id: string } }[] }).runs.map((x) => x.automationDetails.id)).toEqual(['plancheck/suzhou/2024-06/', 'plancheck/taicang/2024-06/']);
  });

  it('one file or pattern per line: a name with spaces and Chinese is one file, blank lines and CRLF are ignored', () => {
    const r = runEvaluateStep({ plans: '  suzhou\r\n\ntaicang  \n', data: '\ndata/2024-06 苏州.csv\r\n', period: '2024-06', 'fail-on': 'never' }, (ws) => renameSync(join(ws, 'data/2024-06.csv'), join(ws, 'data/2024-06 苏州.csv')));
    expect(r.stderr).not.toMatch(/cannot read|no file matches/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('file=data/2024-06 苏州.csv');
  });

  it('fail-on never passes the step; no SARIF unless asked', () => {
    const r = runEvaluateStep({ plans: 'suzhou\ntaicang', data: 'data/*.csv', period: '2024-06', 'fail-on': 'never' });
    expect(r.status).toBe(0);
    expect(r.output).toBe('exit-code=0\n');
    expect(existsSync(join(r.ws, 'plancheck.xml'))).toBe(true);
    expect(existsSync(join(r.ws, 'plancheck.sarif'))).toBe(false);
  });

  it('a data pattern that matches nothing fails the step (exit 2) even when another matches, annotated, and the JUnit says so', () => {
    const r = runEvaluateStep({ plans: 'suzhou', data: 'data/*.csv\nsubmissions/*.csv', lang: 'en' });
    expect(r.status).toBe(2);
    expect(r.output).toBe('exit-code=2\n');
    expect(r.stdout).toContain('::error title=USAGE::no file matches submissions/*.csv');
    const junit = readFileSync(join(r.ws, 'plancheck.xml'), 'utf8');
    assertValidJunit(junit);
    expect(junit).toContain('no file matches submissions/*.csv');
    expect(r.summary).toContain('no file matches submissions/*.csv');
  });

  it('an empty data input is an annotated error, exit 2', () => {
    const r = runEvaluateStep({ plans: 'suzhou', data: '\n  \n' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('::error title=plancheck::the data input names no file');
    expect(r.output).toBe('exit-code=2\n');
  });
});

describe("the README's GitLab job", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- gitlab-job[^>]*-->\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];

  it('runs as written: JUnit for the test report, Markdown as an artifact, the job fails on what fails the gate', () => {
    expect(block).toBeDefined();
    const job = (parse(block as string) as Record<string, { script: string[]; artifacts: { reports: { junit: string }; paths: string[] } }>)['plancheck'];
    const script = job?.script ?? [];
    expect(script[0]).toMatch(/^npm install --global .*plancheck/);
    const ws = workspace();
    // GitLab runs the lines in one shell and stops at the first that fails
    const r = spawnSync('bash', ['-e', '-c', script.filter((l) => !l.startsWith('npm install')).join('\n')], { cwd: ws, env: { PATH: `${shimDir()}:${process.env['PATH'] ?? ''}`, LANG: 'en_US.UTF-8' }, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/internal error|command not found/);
    expect(r.status).toBe(1);
    const junit = readFileSync(join(ws, job?.artifacts.reports.junit as string), 'utf8');
    assertValidJunit(junit);
    expect(junit).toContain('<failure');
    for (const p of job?.artifacts.paths ?? []) expect(existsSync(join(ws, p)), p).toBe(true);
  });
});
