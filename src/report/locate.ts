/**
 * Where a result points a reader: the data line of the measurement at fault
 * (for a rule, its subject's row first), or — when the value is absent — the
 * plan line where the indicator or rule is declared.
 */
import type { CheckResult } from '../evaluate/result.js';
import type { EvaluationReport } from '../index.js';

export interface Place {
  readonly file: string;
  readonly line: number;
}

export function placeOf(r: CheckResult, report: EvaluationReport): Place {
  const input = r.inputs.find((i) => i.id === r.subject) ?? r.inputs[0];
  if (input && r.status !== 'missing') return { file: input.file, line: input.line };
  const plan = report.loaded.plan;
  const decl = r.kind === 'rule' ? plan.rules.find((x) => x.id === r.id) : plan.indicators.find((x) => x.id === r.id);
  return { file: report.loaded.file, line: decl?.position?.line ?? 1 };
}
