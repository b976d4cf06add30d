/** The plan as the schema describes it (snake_case, as written in YAML). */
export type RawScalar = number | boolean | string;
export type RawComparison = '>=' | '>' | '<=' | '<' | '==' | 'between';

export interface RawQuote {
  table?: string;
  section?: string;
  row?: string | number;
  text: string;
}

export interface RawTarget {
  year: number;
  comparison: RawComparison;
  value?: RawScalar;
  range?: [number, number];
  text?: string;
  note?: string;
}

export interface RawMeasurement {
  id: string;
  name: string;
  aliases?: string[];
  unit: string;
  printed_unit?: string;
  rollup?: 'latest' | 'sum';
  frequency?: 'monthly' | 'quarterly' | 'yearly';
  required?: boolean;
  plausible?: { min?: number | null; max?: number | null; factor?: number | null };
  note?: string;
  /** fields a drafter inferred and a reviewer has yet to confirm (plancheck draft), each with why */
  guess?: Record<string, string> | null;
}

export interface RawIndicator extends RawMeasurement {
  category?: string;
  accept_lint?: ('TARGET_BEHIND_BASELINE' | 'UNIT_MISMATCH')[];
  attribute: 'binding' | 'expected' | 'unspecified';
  direction: 'higher' | 'lower';
  baseline?: { year: number; value: RawScalar; text?: string; comparison?: '>=' | '>' | '<=' | '<' } | null;
  annual_growth?: { rate: number; text: string };
  amount?: { measurement: string; bare_share_max: number; bare_amount_min: number };
  printed_as?: { name: string; part: number };
  targets: RawTarget[];
  references?: { label: string; year?: number; comparison?: RawComparison; value?: RawScalar; text: string }[];
  source?: RawQuote;
}

export interface RawRule {
  id: string;
  name: string;
  subject: string;
  attribute?: 'binding' | 'expected' | 'unspecified';
  category?: string;
  expression: string;
  from_year?: number;
  source: RawQuote;
  note?: string;
  guess?: Record<string, string> | null;
}

export type NotEncodedReason = 'guideline' | 'no_quantity' | 'process' | 'covered' | 'outside_scope' | 'no_data' | 'not_a_commitment' | 'unreviewed';

export interface RawNotEncoded {
  quote: string;
  section?: string;
  reason: NotEncodedReason;
  explanation: string;
  covered_by?: string[];
}

export interface RawPlan {
  id: string;
  title: string;
  region: { code: string; name: string; aliases?: string[] };
  period: { baseline_year: number; first_year: number; last_year: number };
  source: { file: string; title: string };
  notes?: string[];
  measurements?: RawMeasurement[];
  indicators: RawIndicator[];
  rules?: RawRule[];
  not_encoded?: RawNotEncoded[];
  guess?: Record<string, string> | null;
}
