/**
 * `plancheck template`: the CSV a data submitter fills in — one row for
 * every measurement the plan needs in a year, earlier-year rule inputs
 * included, with names and units filled in and the value left empty.
 */
import Papa from 'papaparse';
import { formatPeriod, type Period } from '../model/period.js';
import { allMeasurements, type Plan } from '../plan/model.js';

export interface TemplateRow {
  readonly id: string;
  readonly name: string;
  readonly year: number;
  /** the period to report: the year, or the month/quarter asked for in it */
  readonly period: string;
  readonly unit: string;
}

export function templateRows(plan: Plan, year: number): TemplateRow[] {
  const byId = new Map(allMeasurements(plan).map((m) => [m.id, m]));
  const rows: TemplateRow[] = [];
  const seen = new Set<string>();
  const add = (id: string, y: number): void => {
    const m = byId.get(id);
    const key = `${id}@${y}`;
    if (!m || seen.has(key)) return;
    seen.add(key);
    rows.push({ id, name: m.name, year: y, period: String(y), unit: m.unit.text });
  };
  for (const ind of plan.indicators) {
    if (ind.targets.some((t) => t.value?.kind !== 'text')) add(ind.id, year);
  }
  for (const r of plan.rules) {
    if (r.fromYear !== undefined && year < r.fromYear) continue;
    for (const input of [...r.inputs].sort((a, b) => b.offset - a.offset)) add(input.id, year + input.offset);
  }
  return rows;
}

/** The rows for a period: those of its year, the year's own rows asked for the month or quarter. */
export function templateRowsFor(plan: Plan, period: Period): TemplateRow[] {
  const own = formatPeriod(period);
  return templateRows(plan, period.year).map((r) => (r.year === period.year ? { ...r, period: own } : r));
}

export function formatTemplate(plans: readonly Plan[], periods: readonly Period[]): string {
  const data = plans.flatMap((plan) => periods.flatMap((p) => templateRowsFor(plan, p).map((r) => [r.name, r.period, '', r.unit, plan.region.name, ''])));
  return `${Papa.unparse({ fields: ['indicator', 'period', 'value', 'unit', 'region', 'note'], data }, { newline: '\n' })}\n`;
}
