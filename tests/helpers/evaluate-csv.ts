/** Evaluate a bundled plan on CSV text as a user would write it: the status of each result by id, and the run's diagnostics. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../src/index.js';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import type { CheckResult } from '../../src/evaluate/result.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-readings-'));
let n = 0;

export async function evaluateCsv(plan: string, year: number, csv: string): Promise<{ results: Map<string, CheckResult>; status: (id: string) => string; warnings: string[] }> {
  const file = join(dir, `data-${n++}.csv`);
  writeFileSync(file, `${csv.trim()}\n`);
  const run = await evaluate({ plans: [plan], data: [file], year, policy: DEFAULT_POLICY });
  const report = run.reports[0];
  if (!report) throw new Error('no report');
  const results = new Map(report.evaluation.results.map((r) => [r.id, r]));
  return {
    results,
    status: (id) => {
      const r = results.get(id);
      if (!r) throw new Error(`no result ${id}; have ${[...results.keys()].join(', ')}`);
      return r.status;
    },
    warnings: [...run.warnings, ...report.warnings].map((w) => `${w.code ?? ''} ${w.message}`),
  };
}

/** The same through the CLI, for what ends the run (exit codes, stderr): the CSV is written as `name`. */
export function evaluateCsvCli(plan: string, year: number, csv: string, name: string): ReturnType<typeof runCli> {
  const sub = mkdtempSync(join(dir, 'cli-'));
  const file = join(sub, name);
  writeFileSync(file, `${csv.trim()}\n`);
  return runCli(['evaluate', file, '-p', plan, '--year', String(year)]);
}

/** CSV text written to a fresh file named `name`, for a CLI run with options of its own. */
export function csvFile(csv: string, name: string): string {
  const file = join(mkdtempSync(join(dir, 'csv-')), name);
  writeFileSync(file, `${csv.trim()}\n`);
  return file;
}
