/**
 * A standards plan's evaluation as a matrix: its regions × its checks, with
 * each cell's status, each region's failures, and for each check which
 * regions meet it and which do not. Data only (codes, statuses, counts); the
 * output layer words it. Pure.
 */
import type { EvaluationReport } from '../run/evaluate.js';
import type { Applies } from '../plan/model.js';
import { isFailing } from './policy.js';
import { STATUSES, summarise, type Status } from './result.js';

export interface MatrixRegion {
  readonly code: string;
  readonly name: string;
  readonly part: Applies;
  /** how many of its checks fail the run (and the evaluation's own failures) */
  readonly failing: number;
  readonly counts: Readonly<Record<Status, number>>;
  /** its status for each check, by check id */
  readonly cells: Readonly<Record<string, Status>>;
  /** the region sent no value the checks read: everything it owes is owed */
  readonly silent: boolean;
  /** how many rows it still owes */
  readonly owed: number;
}

export interface MatrixCheck {
  readonly id: string;
  readonly name: string;
  readonly kind: 'target' | 'rule';
  readonly attribute: string;
  readonly applies: Applies;
  readonly counts: Readonly<Record<Status, number>>;
  /** the regions where it fails (status fail), and where it fails the run (any status) */
  readonly notMet: readonly { readonly code: string; readonly name: string }[];
  readonly failing: readonly { readonly code: string; readonly name: string }[];
  readonly missing: readonly { readonly code: string; readonly name: string }[];
}

export interface Matrix {
  readonly plan: { readonly id: string; readonly title: string; readonly region: { readonly code: string; readonly name: string } };
  readonly asOf: { readonly year: number; readonly month: number };
  /** every region in scope, those with most failures first */
  readonly regions: readonly MatrixRegion[];
  /** the plan's own region's whole checks (provincial totals), when it has any */
  readonly whole?: MatrixRegion;
  readonly checks: readonly MatrixCheck[];
  /** how many things fail the run, over every region and the whole */
  readonly failing: number;
}

function regionOf(r: EvaluationReport): MatrixRegion {
  const results = r.evaluation.results;
  return {
    code: r.plan.region.code,
    name: r.plan.region.name,
    part: r.part ?? 'each',
    failing: r.failing,
    counts: summarise(results),
    cells: Object.fromEntries(results.map((x) => [x.id, x.status])),
    silent: results.length > 0 && results.every((x) => x.inputs.length === 0),
    owed: r.evaluation.owed.length,
  };
}

const notPassing = (m: MatrixRegion): number => STATUSES.filter((s) => s !== 'pass' && s !== 'pending').reduce((n, s) => n + m.counts[s], 0);

/** One matrix per standards plan in the run, in the order the plans were given. */
export function standardsOf(reports: readonly EvaluationReport[]): Matrix[] {
  const byPlan = new Map<string, EvaluationReport[]>();
  for (const r of reports) if (r.part !== undefined) byPlan.set(r.plan.id, [...(byPlan.get(r.plan.id) ?? []), r]);
  return [...byPlan.values()].map((parts): Matrix => {
    const first = parts[0] as EvaluationReport;
    const plan = first.loaded.plan;
    const each = parts.filter((p) => p.part === 'each');
    const whole = parts.find((p) => p.part === 'whole');
    const regions = each
      .map(regionOf)
      .sort((a, b) => b.failing - a.failing || notPassing(b) - notPassing(a) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const checks: MatrixCheck[] = [];
    for (const part of [each, whole ? [whole] : []]) {
      const ids = new Map<string, MatrixCheck & { counts: Record<Status, number>; notMet: { code: string; name: string }[]; failing: { code: string; name: string }[]; missing: { code: string; name: string }[] }>();
      for (const r of part) {
        for (const x of r.evaluation.results) {
          let c = ids.get(x.id);
          if (!c) {
            c = { id: x.id, name: x.name, kind: x.kind, attribute: x.attribute, applies: r.part ?? 'each', counts: { pass: 0, fail: 0, missing: 0, pending: 0, error: 0 }, notMet: [], failing: [], missing: [] };
            ids.set(x.id, c);
          }
          c.counts[x.status]++;
          const where = { code: r.plan.region.code, name: r.plan.region.name };
          if (x.status === 'fail') c.notMet.push(where);
          if (x.status === 'missing') c.missing.push(where);
          if (isFailing(x, r.policy)) c.failing.push(where);
        }
      }
      checks.push(...ids.values());
    }
    return {
      plan: { id: plan.id, title: plan.title, region: { code: plan.region.code, name: plan.region.name } },
      asOf: first.asOf,
      regions,
      ...(whole ? { whole: regionOf(whole) } : {}),
      checks,
      failing: parts.reduce((n, p) => n + p.failing, 0),
    };
  });
}
