/** (plan, measurements, year) → every target and rule result. Pure. */
import type { MeasurementSet } from '../data/measurements.js';
import type { Plan } from '../plan/model.js';
import { summarise, type CheckResult, type PlanEvaluation } from './result.js';
import { evaluateRule } from './rules.js';
import { evaluateIndicator } from './targets.js';

export function evaluatePlan(plan: Plan, data: MeasurementSet, year: number): PlanEvaluation {
  const results: CheckResult[] = [];
  for (const ind of plan.indicators) {
    const r = evaluateIndicator(ind, data, year);
    if (r) results.push(r);
  }
  for (const rule of plan.rules) results.push(evaluateRule(rule, plan, data, year));
  return {
    plan: { id: plan.id, title: plan.title, region: { code: plan.region.code, name: plan.region.name } },
    year,
    results,
    summary: summarise(results),
  };
}

/** The evaluation year when none is given: the latest year in the data. */
export function latestYear(data: MeasurementSet): number | undefined {
  const ys = data.years();
  return ys[ys.length - 1];
}
