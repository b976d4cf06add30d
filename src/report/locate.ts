/**
 * Where CI annotations and SARIF results point: at files in the user's
 * repository, never at plancheck's own checkout.
 *
 * - a value at fault: its data line;
 * - absent data: where the submitter adds it — the last row of the same
 *   measurement, or else the header line of the plan's data file — and, when
 *   the plan is the user's own file (not a bundled plan), the plan line that
 *   declares it, for the plan's author;
 * - one finding per check: owed periods of a measurement are merged into its
 *   check's finding, or into one finding when no check covers them.
 *
 * Paths are relative to the repository root (`--repo-root`, else the working
 * directory), '/'-separated; a file outside it has no place.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isFailing } from '../evaluate/policy.js';
import { formatAsOf } from '../model/period.js';
import type { CheckResult } from '../evaluate/result.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { explain } from './explain.js';
import { t } from './messages.js';
import type { FormatOptions, RepoPaths } from './options.js';

export interface Place {
  /** relative to the repository root, '/'-separated (or as the user gave it, without RepoPaths) */
  readonly file: string;
  readonly line: number;
}

export type Level = 'error' | 'warning' | 'note';

export interface Finding {
  readonly report: EvaluationReport;
  /** the check, or undefined for owed rows no check covers */
  readonly result: CheckResult | undefined;
  /** the check id, or the measurement id of owed rows */
  readonly id: string;
  readonly code: string;
  readonly level: Level;
  readonly title: string;
  readonly message: string;
  /** where the user fixes it: the data line (undefined when the file lies outside the repository) */
  readonly at: Place | undefined;
  /** the plan line that declares it, only when the plan is the user's own file */
  readonly declared: Place | undefined;
  /** the periods owed, for absent data */
  readonly owed: readonly string[];
}

/** `file` as the user named it → relative to the repository root, or undefined when outside it. */
export function repoPath(file: string, paths: RepoPaths | undefined): string | undefined {
  if (!paths) return file;
  const rel = relative(paths.root, resolve(paths.cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

export function placeIn(file: string, line: number, paths: RepoPaths | undefined): Place | undefined {
  const f = repoPath(file, paths);
  return f === undefined ? undefined : { file: f, line };
}

/** The data file that holds the plan's rows: the last one any of its checks read, else the last given. */
function dataFileOf(report: EvaluationReport): string | undefined {
  let file: string | undefined;
  for (const r of report.evaluation.results) for (const i of r.inputs) file = i.file;
  return file ?? report.data[report.data.length - 1]?.file;
}

/** Where absent data of `measurement` is added: its last row in the data, or the data file's header line. */
function additionPlace(report: EvaluationReport, measurement: string, r: CheckResult | undefined, paths: RepoPaths | undefined): Place | undefined {
  const rows = (r?.inputs ?? []).filter((i) => i.id === measurement);
  const last = rows[rows.length - 1] ?? r?.inputs[r.inputs.length - 1];
  if (last) return placeIn(last.file, last.line, paths);
  const file = dataFileOf(report);
  // the header's line (below any title rows); the first line where the reader found none
  const header = report.data.find((d) => d.file === file)?.header;
  return file === undefined ? undefined : placeIn(file, header?.line ?? 1, paths);
}

function declaredPlace(report: EvaluationReport, line: number | undefined, paths: RepoPaths | undefined): Place | undefined {
  if (report.loaded.bundled === true) return undefined;
  return placeIn(report.loaded.file, line ?? 1, paths);
}

function declarationLine(r: CheckResult, report: EvaluationReport): number | undefined {
  const plan = report.loaded.plan;
  const decl = r.kind === 'rule' ? plan.rules.find((x) => x.id === r.id) : plan.indicators.find((x) => x.id === r.id);
  return decl?.position?.line;
}

function levelOf(r: CheckResult, report: EvaluationReport): Level {
  if (isFailing(r, report.policy)) return 'error';
  return r.status === 'fail' || r.status === 'missing' ? 'warning' : 'note';
}

/** The header line of the plan's data file: where an evaluation that found no data points. */
export function dataHeaderPlace(report: EvaluationReport, paths: RepoPaths | undefined): Place | undefined {
  const file = dataFileOf(report);
  const header = report.data.find((d) => d.file === file)?.header;
  return file === undefined ? undefined : placeIn(file, header?.line ?? 1, paths);
}

/**
 * Where a check points in the user's repository: the data line of the value
 * it read (the subject's own row first), or, for absent data, where the row
 * is to be added. Undefined when that file lies outside the repository.
 */
export function resultPlace(report: EvaluationReport, r: CheckResult, paths: RepoPaths | undefined): Place | undefined {
  const absent = r.status === 'missing' && r.code !== 'REPORTED_ABSENT';
  const input = r.inputs.find((i) => i.id === r.subject) ?? r.inputs[0];
  return !absent && input ? placeIn(input.file, input.line, paths) : additionPlace(report, r.subject, r, paths);
}

/** Every check that did not pass (and is not merely not yet due), and owed rows no check covers. */
export function findingsOf(run: RunReport, o: FormatOptions): Finding[] {
  const out: Finding[] = [];
  for (const report of run.reports) {
    const ignoreMissing = report.policy.missing === 'ignore';
    const owed = new Map<string, { name: string; unit: string; line: number | undefined; required: boolean; periods: string[] }>();
    for (const w of report.evaluation.owed) {
      if (ignoreMissing && !w.required) continue;
      const e = owed.get(w.id) ?? { name: w.name, unit: w.unit, line: w.line, required: false, periods: [] };
      e.periods.push(w.period);
      e.required ||= w.required;
      owed.set(w.id, e);
    }
    for (const r of report.evaluation.results) {
      if (r.status === 'pass' || r.status === 'pending') continue;
      // --missing ignore: absent data is neither counted nor annotated
      if (r.status === 'missing' && ignoreMissing && r.required !== true) continue;
      const absent = r.status === 'missing' && r.code !== 'REPORTED_ABSENT';
      const merged = r.status === 'missing' ? (owed.get(r.subject)?.periods ?? []) : [];
      if (r.status === 'missing') owed.delete(r.subject);
      const at = resultPlace(report, r, o.paths);
      out.push({
        report,
        result: r,
        id: r.id,
        code: r.code,
        level: levelOf(r, report),
        title: `${report.plan.id}: ${r.name}`,
        // a flow owed for several months: one finding that names them all
        message: merged.length > 0 && r.code !== 'INCOMPLETE' ? `${explain(r, report.year, o.lang)}; ${t(o.lang, 'code.INCOMPLETE', { missing: merged.join(', ') })}` : explain(r, report.year, o.lang),
        at,
        declared: absent || !at ? declaredPlace(report, declarationLine(r, report), o.paths) : undefined,
        owed: merged,
      });
    }
    // an evaluation that found no data fails as a whole: where the plan's data file starts
    for (const f of report.runFailures) {
      out.push({
        report,
        result: undefined,
        id: f.code.toLowerCase(),
        code: f.code,
        level: 'error',
        title: `${report.plan.id}: ${t(o.lang, 'run.NO_DATA_TITLE', { asOf: formatAsOf(f.asOf) })}`,
        message: t(o.lang, 'run.NO_DATA', { asOf: formatAsOf(f.asOf) }),
        at: dataHeaderPlace(report, o.paths),
        declared: undefined,
        owed: [],
      });
    }
    for (const [id, w] of owed) {
      const periods = w.periods.join(', ');
      out.push({
        report,
        result: undefined,
        id,
        code: 'INCOMPLETE',
        level: w.required ? 'error' : 'warning',
        title: `${report.plan.id}: ${w.name}`,
        message: t(o.lang, 'annot.owed', { name: w.name, unit: w.unit, periods }),
        at: additionPlace(report, id, undefined, o.paths),
        declared: declaredPlace(report, w.line, o.paths),
        owed: w.periods,
      });
    }
  }
  return out;
}
