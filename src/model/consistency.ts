/**
 * One value per measurement and moment, across spans. For a stock, every
 * report that ends at the same moment — a year and its December, a quarter
 * and its last month, `2024年1-6月` and June — is one fact. For a flow, every
 * set of reports that states the same amount twice — a quarter and its
 * months, a year and its quarters, a year-to-date total and the months it
 * contains, two year-to-date totals beside the quarter between them — is one
 * fact (see flow-ledger.ts). When they disagree by one unit of the last digit
 * of the coarser report or more (2.2 万人 and 22013 人 agree; 60% and 61% do
 * not), they are a conflict. Pure.
 */
import type { FlowConflict, Term } from './flow-ledger.js';
import { agreeWithin, type MeasurementSet, type Observation, type RollupKind } from './measurements.js';

export type PeriodConflict = FlowConflict;

export function periodConflicts(set: MeasurementSet, rollupOf: (id: string) => RollupKind): PeriodConflict[] {
  const out: PeriodConflict[] = [];
  for (const id of set.ids()) {
    const flow = rollupOf(id) === 'sum';
    for (const year of set.yearsOf(id)) {
      const rows = set.inYear(id, year);
      if (rows.length < 2) continue;
      if (flow) {
        for (const c of set.ledger(id, year).conflicts) out.push(c);
        continue;
      }
      // a stock: reports ending at the same month are one moment
      const byMoment = new Map<number, Observation[]>();
      for (const o of rows) byMoment.set(o.period.to, [...(byMoment.get(o.period.to) ?? []), o]);
      for (const same of byMoment.values()) {
        if (same.length < 2) continue;
        // the widest span (the year, the quarter) is the whole; each finer report is checked against it
        const sorted = [...same].sort((a, b) => b.period.to - b.period.from - (a.period.to - a.period.from) || a.period.from - b.period.from);
        const whole = sorted[0] as Observation;
        const disagree = sorted.slice(1).filter((o) => !agreeWithin(whole, o));
        if (disagree.length > 0) out.push({ whole, parts: disagree.map((observation): Term => ({ observation, sign: 1 })) });
      }
    }
  }
  return out;
}
