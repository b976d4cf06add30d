/**
 * The GitHub Action (action.yml) and the README's GitLab job, run as written:
 * the Action's evaluate step is its own bash script with the inputs put in
 * where the runner puts them; the GitLab job's script lines run in order.
 * Only the install commands are left out (the package test installs the packed
 * tarball offline in the same way); `plancheck` on PATH is this build.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

function runEvaluateStep(given: Record<string, string>): { status: number | null; stdout: string; stderr: string; ws: string; output: string; summary: string } {
  for (const [name, input] of Object.entries(action.inputs)) if (input.required === true && given[name] === undefined) throw new Error(`input ${name} is required`);
  const step = action.runs.steps.find((s) => s.id === 'evaluate') as Step;
  const ws = workspace();
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
  it('is a composite action: set up Node, install plancheck from this repository, evaluate, upload SARIF when asked', () => {
    expect(action.runs.using).toBe('composite');
    const steps = action.runs.steps;
    expect(steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    const install = steps.find((s) => s.name === 'Install plancheck');
    expect(install?.run).toMatch(/npm ci/);
    expect(install?.run).toMatch(/npm pack --ignore-scripts/);
    expect(install?.run).toMatch(/npm install --global .*plancheck-\*\.tgz/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@') === true);
    expect(upload?.if).toContain("inputs.upload-sarif == 'true'");
    expect(upload?.with?.['sarif_file']).toBe('${{ inputs.sarif }}');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['plans', 'data', 'period', 'require', 'fail-on', 'upload-sarif']));
    expect(action.outputs['exit-code']?.value).toBe('${{ steps.evaluate.outputs.exit-code }}');
    // the current LTS (26 'Lithium', LTS from 2026-10-28); 20 is past its end of life
    expect(action.inputs['node-version']?.default).toBe('26');
  });

  it('gates the bundled monthly example: annotations, job summary, JUnit and SARIF, exit code 1', () => {
    const r = runEvaluateStep({ plans: 'suzhou taicang', data: 'data/*.csv', period: '2024-06', require: 'complete', lang: 'en', 'upload-sarif': 'true' });
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

  it('fail-on never passes the step; no SARIF unless asked', () => {
    const r = runEvaluateStep({ plans: 'suzhou\ntaicang', data: 'data/*.csv', period: '2024-06', 'fail-on': 'never' });
    expect(r.status).toBe(0);
    expect(r.output).toBe('exit-code=0\n');
    expect(existsSync(join(r.ws, 'plancheck.xml'))).toBe(true);
    expect(existsSync(join(r.ws, 'plancheck.sarif'))).toBe(false);
  });

  it('a data pattern that matches nothing is an annotated error, exit 2', () => {
    const r = runEvaluateStep({ plans: 'suzhou', data: 'submissions/*.csv' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('::error title=plancheck::no data file matches: submissions/*.csv');
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
