/**
 * Run the built CLI as a user would, colour off, and capture everything.
 * Every machine document a run produces (on stdout or through --output) is
 * validated against its schema on the way (tests/helpers/schemas.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOutputSpec } from '../../src/cli/evaluate-command.js';
import { assertValidOutput } from './schemas.js';

export const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin/plancheck.js');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    const eq = names.find((n) => a.startsWith(`${n}=`));
    if (eq !== undefined) out.push(a.slice(eq.length + 1));
    else if (names.includes(a) && i + 1 < args.length) out.push(args[i + 1] as string);
  });
  return out;
}

/** Hold what a finished run wrote against the schemas (the documents of exit 2 are failure.ts's). */
export function validateOutputs(args: readonly string[], run: CliRun, cwd: string = ROOT): void {
  if (run.status !== 0 && run.status !== 1) return;
  const command = args[0] ?? '';
  const format = optionValues(args, ['-f', '--format']).pop();
  if (format !== undefined && run.stdout !== '') assertValidOutput(format, run.stdout, command);
  if (command !== 'evaluate') return;
  for (const spec of optionValues(args, ['-o', '--output'])) {
    const o = parseOutputSpec(spec);
    const file = resolve(cwd, o.file);
    // a FIFO or a device is not read back (a FIFO would block: its writer is gone)
    if (existsSync(file) && statSync(file).isFile()) assertValidOutput(o.format, readFileSync(file, 'utf8'), command);
  }
}

export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  return runCliIn(ROOT, args, env);
}

/** The same, from another working directory (a user's repository). */
export function runCliIn(cwd: string, args: readonly string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8', ...env },
  });
  const run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  validateOutputs(args, run, cwd);
  return run;
}
