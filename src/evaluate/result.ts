/**
 * Evaluation results as data: a status, a stable code and the numbers
 * behind it. Wording lives in report/ (the message catalog); decimals are
 * carried as strings so that results serialise exactly.
 */
import type { Attribute, Comparison, Quote } from '../plan/model.js';
import type { OwedRow } from './completeness.js';
import type { MilestoneBasis } from './milestone.js';

export type Status = 'pass' | 'fail' | 'missing' | 'pending' | 'error';
export type Severity = 'error' | 'warning' | 'info' | 'none';

export const STATUSES: readonly Status[] = ['pass', 'fail', 'missing', 'pending', 'error'];

export type ResultCode =
  | 'TARGET_MET'
  | 'TARGET_NOT_MET'
  | 'MILESTONE_MET'
  | 'BEHIND_MILESTONE'
  | 'TARGET_ALREADY_MET'
  | 'NO_MILESTONE'
  | 'INPUT_MISSING'
  | 'NOT_DUE'
  | 'INCOMPLETE'
  | 'REPORTED_ABSENT'
  | 'TEXT_TARGET'
  | 'BOUND_UNDETERMINED'
  | 'RULE_HOLDS'
  | 'RULE_VIOLATED'
  | 'RULE_NOT_YET'
  | 'EVAL_ERROR'
  /** a value its measurement cannot plausibly hold (evaluate/plausibility.ts) */
  | 'IMPLAUSIBLE';

export interface ExpectedValue {
  readonly comparison: Comparison;
  readonly value?: string;
  readonly range?: readonly [string, string];
  readonly unit: string;
  readonly basis: MilestoneBasis | 'rule';
  /** the target the milestone leads to */
  readonly target?: { readonly year: number; readonly comparison: Comparison; readonly value?: string; readonly range?: readonly [string, string]; readonly text?: string };
  /** where a path milestone starts */
  readonly from?: { readonly year: number; readonly value: string; readonly kind: 'baseline' | 'interim' };
  /** the stated annual growth rate, when the milestone follows it */
  readonly annualGrowth?: string;
  /** for a flow pro-rated to the month: `6/12` */
  readonly share?: string;
  /** the stated growth rate could not reach the target, so the straight line was used */
  readonly growthInconsistent?: boolean;
  /** the rule's expression */
  readonly expression?: string;
}

export interface InputUsed {
  readonly id: string;
  readonly name: string;
  readonly period: string;
  /** as written in the data file */
  readonly value: string;
  readonly unit: string;
  readonly file: string;
  readonly line: number;
  /** the workbook sheet and cell of the value, when it came from a workbook (`file.xlsx[Sheet]!D7`) */
  readonly sheet?: string;
  readonly cell?: string;
}

export interface ComparisonShown {
  readonly left: string;
  readonly op: string;
  readonly right: string;
  readonly unit: string;
  /** left − right in `unit`, when both sides are single values */
  readonly difference?: string;
  /** for `==`: the sides count as equal when they differ by less than this, in `unit` (the reported precision) */
  readonly tolerance?: string;
  readonly holds: boolean | 'unknown';
}

/**
 * A value the source states beside the plan's own requirement — a
 * provincial target, the body's 全覆盖 beside the table's 90, a printed
 * figure the plan does not use — carried with the verdict as data and never
 * evaluated: the output layer shows it beside the verdict.
 */
export interface ReferenceValue {
  /** what it is, as the plan labels it (2025年省目标值, 第七章第六节) */
  readonly label: string;
  readonly year?: number;
  readonly comparison?: Comparison;
  /** the value in `unit` (a decimal, or 是/否), when the source states one */
  readonly value?: string;
  readonly unit: string;
  /** the source's words for it, as printed */
  readonly quote: string;
}

export interface CheckResult {
  readonly id: string;
  readonly kind: 'target' | 'rule';
  /** the indicator the check constrains */
  readonly subject: string;
  readonly name: string;
  readonly category?: string;
  readonly attribute: Attribute;
  readonly status: Status;
  readonly severity: Severity;
  readonly code: ResultCode;
  readonly expected: ExpectedValue | null;
  /** the value checked, in `unit` */
  readonly actual: { readonly value: string; readonly period: string } | null;
  readonly unit: string;
  /** how far ahead (+) or behind (−) the milestone, in `unit`, for single values */
  readonly margin?: string;
  readonly inputs: readonly InputUsed[];
  /** for rules: the expression with the values put in, and each comparison made */
  readonly substituted?: string;
  readonly comparisons?: readonly ComparisonShown[];
  /** extra facts for the message (missing inputs, reported text, error) */
  readonly detail?: Readonly<Record<string, string>>;
  readonly source: Quote;
  readonly note?: string;
  /** missing data fails the run (--require complete, or the indicator's `required`) */
  readonly required?: boolean;
  /** which way is better: the indicator's direction, or for a rule its first comparison's */
  readonly direction?: 'higher' | 'lower';
  /** every target the plan sets for the indicator (for audits and diffs) */
  readonly targets?: readonly PlanTarget[];
  /** values the source states beside the requirement, shown with the verdict and not evaluated */
  readonly references?: readonly ReferenceValue[];
}

export interface PlanTarget {
  readonly year: number;
  readonly comparison: Comparison;
  readonly value?: string;
  readonly range?: readonly [string, string];
  readonly text?: string;
}

export interface PlanEvaluation {
  readonly plan: { readonly id: string; readonly title: string; readonly region: { readonly code: string; readonly name: string } };
  readonly year: number;
  /** the end of this month of `year` (12: the whole year) */
  readonly asOf: { readonly year: number; readonly month: number };
  readonly results: readonly CheckResult[];
  readonly summary: Readonly<Record<Status, number>>;
  /** rows due by `asOf` that the data lacks */
  readonly owed: readonly OwedRow[];
}

export function summarise(results: readonly CheckResult[]): Record<Status, number> {
  const s: Record<Status, number> = { pass: 0, fail: 0, missing: 0, pending: 0, error: 0 };
  for (const r of results) s[r.status]++;
  return s;
}

export function severityOf(status: Status, attribute: Attribute): Severity {
  switch (status) {
    case 'fail':
      return attribute === 'binding' ? 'error' : 'warning';
    case 'error':
      return 'error';
    case 'missing':
      return 'warning';
    case 'pending':
      return 'info';
    case 'pass':
      return 'none';
  }
}
