/**
 * One combined file for many regions: each row goes to every plan whose
 * region (code, name or alias) it names. A row without a region goes to the
 * single plan given, and is an error when several are. Rows for regions no
 * plan covers are set aside and listed. Pure.
 */
import { errorDiagnostic, type Diagnostic } from '../errors.js';
import type { Plan } from '../plan/model.js';
import { regionMatches } from './bind.js';
import type { RawRow } from './parse-csv.js';

export interface Routed {
  /** rows by plan id, in file order */
  readonly byPlan: ReadonlyMap<string, RawRow[]>;
  /** rows whose region no plan covers, by region as written */
  readonly unrouted: ReadonlyMap<string, RawRow[]>;
  readonly errors: Diagnostic[];
}

export function routeRows(plans: readonly Plan[], rows: readonly RawRow[]): Routed {
  const byPlan = new Map<string, RawRow[]>(plans.map((p) => [p.id, []]));
  const unrouted = new Map<string, RawRow[]>();
  const errors: Diagnostic[] = [];
  const cache = new Map<string, Plan[]>();
  for (const row of rows) {
    if (row.region === undefined) {
      if (plans.length === 1) byPlan.get((plans[0] as Plan).id)?.push(row);
      else errors.push(errorDiagnostic('NO_REGION', `the row has no region, and ${plans.length} plans were given (${plans.map((p) => p.id).join(', ')}): add a region column`, { file: row.file, line: row.line }));
      continue;
    }
    let targets = cache.get(row.region);
    if (targets === undefined) {
      targets = plans.filter((p) => regionMatches(p, row.region as string));
      cache.set(row.region, targets);
    }
    if (targets.length === 0) {
      const list = unrouted.get(row.region) ?? [];
      list.push(row);
      unrouted.set(row.region, list);
    }
    for (const p of targets) byPlan.get(p.id)?.push(row);
  }
  return { byPlan, unrouted, errors };
}
