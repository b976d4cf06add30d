/**
 * A drafted plan: the plan format (plan/raw.ts) with every guess marked.
 * A guess is a field the drafter inferred rather than read, with why; the
 * reviewer confirms it by deleting the line (validate --strict fails while
 * one is left).
 */
import type { RawIndicator, RawMeasurement, RawNotEncoded, RawPlan, RawRule } from '../plan/raw.js';

export type Guesses = Record<string, string>;

export type DraftIndicator = RawIndicator;
export type DraftMeasurement = RawMeasurement;
export type DraftRule = RawRule;

export interface DraftPlan extends Omit<RawPlan, 'indicators' | 'measurements' | 'rules' | 'not_encoded'> {
  measurements: DraftMeasurement[];
  indicators: DraftIndicator[];
  rules: DraftRule[];
  not_encoded: RawNotEncoded[];
}

/** What the drafter read and set aside, for the file's head comment. */
export interface DraftReport {
  readonly plan: DraftPlan;
  /** tables read as this plan's indicators, and tables set aside with why */
  readonly tables: readonly { readonly label: string; readonly line: number; readonly used: boolean; readonly why: string }[];
}
