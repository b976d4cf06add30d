/**
 * The programmatic API: what the CLI calls, and what tests call. A list of
 * exports; the pipelines live in run/. Errors are thrown as the typed errors
 * of errors.ts.
 */
export { evaluate, type EvaluateOptions, type EvaluationReport, type RunReport } from './run/evaluate.js';
export { expandPlanRefs, loadPlans, type Unrouted } from './run/pipeline.js';
export { progressReport, type ReportOptions } from './run/report.js';
export { loadPlan, checkPlanFile, bundledPlanIds } from './plan/load.js';
export type { Policy, FailOn, MissingPolicy, RunFailure } from './evaluate/policy.js';
export type { CheckResult, ComparisonShown, ExpectedValue, InputUsed, PlanEvaluation, ResultCode, Severity, Status } from './evaluate/result.js';
export type { LoadedPlan, Plan } from './plan/model.js';
export type { Diagnostic, Location } from './errors.js';
export { InputError, PlanError, DataError, UsageError } from './errors.js';
