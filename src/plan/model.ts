/** The plan after validation: what evaluation works on. */
import type { Expr, Reference } from '../expr/ast.js';
import type { Unit } from '../units/unit.js';
import type { Decimal } from '../values/decimal.js';
import type { CompareOp } from '../values/interval.js';

export type Attribute = 'binding' | 'expected' | 'unspecified';
export type Direction = 'higher' | 'lower';
export type Comparison = CompareOp | 'between';
/** A bound printed in a baseline column: ≥ or > for a `higher` indicator, ≤ or < for a `lower` one. */
export type FloorComparison = '>=' | '>' | '<=' | '<';

/** A value as a plan prints it: a number, yes/no, or text such as 不再评级. */
export type PlanValue =
  | { readonly kind: 'number'; readonly value: Decimal }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'text'; readonly text: string };

export interface Quote {
  readonly table?: string;
  readonly section?: string;
  readonly row?: string;
  readonly text: string;
}

/** Where something stands in the plan file (1-based). */
export interface PlanPosition {
  readonly line: number;
  readonly column: number;
}

export interface Target {
  readonly year: number;
  readonly comparison: Comparison;
  readonly value?: PlanValue;
  readonly range?: readonly [Decimal, Decimal];
  readonly text?: string;
  readonly note?: string;
}

export interface PrintedReference {
  readonly label: string;
  readonly year?: number;
  readonly comparison?: Comparison;
  readonly value?: PlanValue;
  readonly text: string;
}

export type Rollup = 'latest' | 'sum';
export type Frequency = 'monthly' | 'quarterly' | 'yearly';

/** In the measurement's unit; null: no limit (or no magnitude check); absent: the default. */
export interface Plausible {
  readonly min?: Decimal | null;
  readonly max?: Decimal | null;
  readonly factor?: Decimal | null;
}

export interface Measurement {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly unit: Unit;
  /** the unit the source prints when it is not `unit` (平方米 for 平方米/百户): a row in it is read in `unit` */
  readonly printedUnit?: string;
  /** how values within a year roll up: the latest (stocks, rates) or their sum (flows) */
  readonly rollup: Rollup;
  /** how often a value is due */
  readonly frequency: Frequency;
  /** a missing value fails the run even without --require complete */
  readonly required: boolean;
  /** the plan's plausibility envelope, where it widens or narrows the default (evaluate/plausibility.ts) */
  readonly plausible?: Plausible;
  readonly note?: string;
  readonly position?: PlanPosition;
}

export interface AmountReading {
  readonly id: string;
  readonly bareShareMax: Decimal;
  readonly bareAmountMin: Decimal;
}

export interface Indicator extends Measurement {
  readonly category?: string;
  /** lint warnings checked against the source and accepted (the note says why) */
  readonly acceptLint?: readonly string[];
  readonly attribute: Attribute;
  readonly direction: Direction;
  /**
   * The value in the baseline year; with `comparison`, a floor (or a ceiling)
   * printed in the baseline column — 不低于我市最低工资标准的5% — that holds
   * in every year from the baseline year on (evaluate/milestone.ts).
   */
  readonly baseline: { readonly year: number; readonly value: PlanValue; readonly text?: string; readonly comparison?: FloorComparison } | null;
  readonly targets: readonly Target[];
  /** 年均增速 in percent, as a decimal fraction (4.56% → 0.0456) */
  readonly annualGrowth?: { readonly rate: Decimal; readonly text: string };
  readonly references: readonly PrintedReference[];
  /**
   * A share of a base whose row may be given as the amount instead: a value
   * in the amount's unit is the measurement `id`; a bare number is a share
   * up to `bareShareMax`, an amount from `bareAmountMin`, and ambiguous between.
   */
  readonly amount?: AmountReading;
  /** one of the indicators a printed row was split into: a row under `name` carries every part, in order */
  readonly printedAs?: { readonly name: string; readonly part: number };
  /** where the source prints it; a plan without one gets a lint warning */
  readonly source?: Quote;
}

export interface Rule {
  readonly id: string;
  readonly name: string;
  readonly subject: string;
  readonly attribute: Attribute;
  readonly category?: string;
  readonly expression: string;
  readonly ast: Expr;
  /** every measurement and year offset the rule reads */
  readonly inputs: readonly Reference[];
  readonly fromYear?: number;
  readonly source: Quote;
  readonly note?: string;
  readonly position?: PlanPosition;
}

/**
 * `unreviewed`: found by `plancheck draft`, not yet reviewed (validate --strict fails on it);
 * `not_a_commitment`: a false alarm of the commitments finder, listed where a reader sees it.
 */
export type NotEncodedReason = 'guideline' | 'no_quantity' | 'process' | 'covered' | 'outside_scope' | 'no_data' | 'not_a_commitment' | 'unreviewed';

export const NOT_ENCODED_REASONS: readonly NotEncodedReason[] = ['guideline', 'no_quantity', 'process', 'covered', 'outside_scope', 'no_data', 'not_a_commitment', 'unreviewed'];

/**
 * A commitment of the source that the plan lists but does not check: its
 * quote, where it stands, and why (the ledger's other half beside the
 * indicators and rules).
 */
export interface NotEncoded {
  readonly quote: string;
  readonly section?: string;
  readonly reason: NotEncodedReason;
  readonly explanation: string;
  /** with reason `covered`: the indicators, measurements or rules that check it */
  readonly coveredBy: readonly string[];
  readonly position?: PlanPosition;
}

export interface Plan {
  readonly id: string;
  readonly title: string;
  readonly region: { readonly code: string; readonly name: string; readonly aliases: readonly string[] };
  readonly period: { readonly baselineYear: number; readonly firstYear: number; readonly lastYear: number };
  readonly source: { readonly file: string; readonly title: string };
  readonly notes: readonly string[];
  /** measurements rules read that are not indicators */
  readonly measurements: readonly Measurement[];
  readonly indicators: readonly Indicator[];
  readonly rules: readonly Rule[];
  /** commitments listed and explained but not checked */
  readonly notEncoded: readonly NotEncoded[];
}

/** A plan as loaded from a file: where it came from and its hash. */
export interface LoadedPlan {
  readonly plan: Plan;
  readonly file: string;
  readonly sha256: string;
  /** one of plancheck's own plans (its file is in the package, not the user's repository) */
  readonly bundled?: boolean;
}

/** Every measurement a CSV may carry for this plan: indicators first, then declared measurements. */
export function allMeasurements(plan: Plan): readonly Measurement[] {
  return [...plan.indicators, ...plan.measurements];
}
