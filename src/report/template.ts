/**
 * `plancheck template`: the CSV a data submitter fills in — one row for
 * every measurement the plan needs in a year, earlier-year rule inputs
 * included, with names and units filled in and the value left empty.
 */
import Papa from 'papaparse';
import { allMeasurements, type Plan } from '../plan/model.js';

export interface TemplateRow {
  readonly id: string;
  readonly name: string;
  readonly year: number;
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
    rows.push({ id, name: m.name, year: y, unit: m.unit.text });
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

export function formatTemplate(plan: Plan, year: number): string {
  const data = templateRows(plan, year).map((r) => [r.name, String(r.year), '', r.unit, plan.region.name, '']);
  return `${Papa.unparse({ fields: ['indicator', 'period', 'value', 'unit', 'region', 'note'], data }, { newline: '\n' })}\n`;
}
