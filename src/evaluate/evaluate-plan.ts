/** (plan, measurements, year) → every target and rule result. Pure. */
import type { MeasurementSet } from '../model/measurements.js';
import type { AsOf } from '../model/period.js';
import { allMeasurements, type Plan } from '../plan/model.js';
import { owedRows } from './completeness.js';
import { summarise, type CheckResult, type PlanEvaluation } from './result.js';
import { evaluateRule } from './rules.js';
import { evaluateIndicator, referencesOf } from './targets.js';

export interface EvaluateOptions {
  /** every measurement due and absent fails the run (--require complete) */
  readonly requireComplete?: boolean;
}

export function evaluatePlan(plan: Plan, data: MeasurementSet, asOf: AsOf | number, options: EvaluateOptions = {}): PlanEvaluation {
  const at: AsOf = typeof asOf === 'number' ? { year: asOf, month: 12 } : asOf;
  const all = options.requireComplete === true;
  const required = new Set(allMeasurements(plan).filter((m) => m.required).map((m) => m.id));
  const results: CheckResult[] = [];
  for (const ind of plan.indicators) {
    const r = evaluateIndicator(ind, data, at, all);
    if (r) results.push(all || required.has(ind.id) ? { ...r, required: true } : r);
  }
  // an indicator whose requirement is a relation (specified as a rule) has no result of its own: its references go with the rule's
  const judged = new Set(results.map((r) => r.subject));
  const unjudgedRefs = new Map(plan.indicators.filter((i) => !judged.has(i.id) && i.references.length > 0).map((i) => [i.id, referencesOf(i)]));
  for (const rule of plan.rules) {
    const evaluated = evaluateRule(rule, plan, data, at, all);
    const refs = unjudgedRefs.get(rule.subject);
    const r = refs === undefined ? evaluated : { ...evaluated, references: refs };
    results.push(all || rule.inputs.some((i) => required.has(i.id)) ? { ...r, required: true } : r);
  }
  return {
    plan: { id: plan.id, title: plan.title, region: { code: plan.region.code, name: plan.region.name } },
    year: at.year,
    asOf: at,
    results,
    summary: summarise(results),
    owed: owedRows(plan, data, at, all),
  };
}

/** The evaluation year when none is given: the latest year in the data. */
export function latestYear(data: MeasurementSet): number | undefined {
  const ys = data.years();
  return ys[ys.length - 1];
}
