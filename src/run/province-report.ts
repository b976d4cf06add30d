/**
 * `report` on a standards plan: the province report. It is `evaluate` run
 * once, as of the cut-off, for every region in scope — the report is a
 * rendering of that run's matrix, never a second evaluation.
 */
import { DEFAULT_POLICY } from '../evaluate/policy.js';
import type { Matrix } from '../evaluate/matrix.js';
import type { ReadOptions } from '../data/stream.js';
import { evaluate, type RunReport } from './evaluate.js';
import { loadPlans } from './pipeline.js';

export interface ProvinceReportOptions {
  readonly plans: readonly string[];
  readonly data: readonly string[];
  readonly year?: number;
  readonly period?: string;
  readonly input?: ReadOptions;
  readonly regionList?: string;
}

/** Is the one plan given a standards plan (a plan with a scope)? */
export async function isStandardsPlan(plans: readonly string[]): Promise<boolean> {
  if (plans.length !== 1) return false;
  const loaded = await loadPlans(plans);
  return loaded.length === 1 && loaded[0]?.plan.scope !== undefined;
}

export async function provinceReport(o: ProvinceReportOptions): Promise<{ run: RunReport; matrix: Matrix }> {
  const run = await evaluate({
    plans: o.plans,
    data: o.data,
    policy: DEFAULT_POLICY,
    ...(o.year === undefined ? {} : { year: o.year }),
    ...(o.period === undefined ? {} : { period: o.period }),
    ...(o.input === undefined ? {} : { input: o.input }),
    ...(o.regionList === undefined ? {} : { regionList: o.regionList }),
  });
  const matrix = run.standards?.[0];
  // evaluate makes a matrix for every standards plan it is given
  if (matrix === undefined) throw new Error('a standards plan evaluated without its matrix');
  return { run, matrix };
}
