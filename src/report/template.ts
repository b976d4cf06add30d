/**
 * `plancheck template`: the table a data submitter fills in — exactly the
 * rows `evaluate --period P --require complete` would owe on an empty file:
 * every measurement due by the period, at its own frequency (June for a
 * monthly stock, Q2 for a quarterly one, January to June month by month for
 * a monthly flow), and every earlier year a rule reads, with names and
 * units filled in and the value left empty.
 */
import Papa from 'papaparse';
import { owedRows } from '../evaluate/completeness.js';
import { MeasurementSet } from '../model/measurements.js';
import { momentOf, parsePeriod, type Period } from '../model/period.js';
import type { Plan } from '../plan/model.js';

export interface TemplateRow {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  /** the period to report, at the measurement's own frequency */
  readonly period: string;
  readonly unit: string;
}

/** The rows owed for `period` (its end is the moment) when nothing has been reported. */
export function templateRowsFor(plan: Plan, period: Period): TemplateRow[] {
  return owedRows(plan, new MeasurementSet(), momentOf(period), true).map((o) => ({ id: o.id, name: o.name, year: parsePeriod(o.period)?.year ?? period.year, period: o.period, unit: o.unit }));
}

export function formatTemplate(plans: readonly Plan[], periods: readonly Period[]): string {
  const data = plans.flatMap((plan) => periods.flatMap((p) => templateRowsFor(plan, p).map((r) => [r.name, r.period, '', r.unit, plan.region.name, ''])));
  return `${Papa.unparse({ fields: ['indicator', 'period', 'value', 'unit', 'region', 'note'], data }, { newline: '\n' })}\n`;
}
