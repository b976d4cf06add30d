/**
 * One combined file for many regions: each row goes to every plan whose
 * region its region cell names, as the run's one region resolver decides
 * (model/region.ts). A row without a region goes to the single plan given,
 * and is an error when several are. Rows for regions no plan covers are set
 * aside and counted. Pure; one row at a time.
 */
import { errorDiagnostic, type Diagnostic } from '../errors.js';
import type { Plan } from '../plan/model.js';
import type { RegionResolver, ResolvedRegion } from '../model/region.js';
import { rowLocation, type RawRow } from '../model/row.js';

export type Route =
  | { readonly kind: 'plans'; readonly plans: readonly Plan[]; readonly region?: ResolvedRegion }
  | { readonly kind: 'unrouted'; readonly region: ResolvedRegion }
  | { readonly kind: 'error'; readonly error: Diagnostic };

export class Router {
  private readonly byCode = new Map<string, Plan[]>();
  private readonly all: Route;
  constructor(
    private readonly plans: readonly Plan[],
    readonly regions: RegionResolver,
    /** a standards plan's regions in scope, by plan id: its rows go to it too */
    scopes: ReadonlyMap<string, readonly { readonly code: string }[]> = new Map(),
  ) {
    this.all = { kind: 'plans', plans };
    const add = (code: string, p: Plan): void => {
      const list = this.byCode.get(code) ?? [];
      if (!list.includes(p)) list.push(p);
      this.byCode.set(code, list);
    };
    for (const p of plans) {
      add(p.region.code, p);
      for (const r of scopes.get(p.id) ?? []) add(r.code, p);
    }
  }

  private readonly cache = new Map<string, Route>();
  private lastWritten: string | undefined;
  private last: Route | undefined;

  /** The plans for a region as written (resolved once per spelling). */
  routeRegion(written: string): Route {
    // submissions usually list a region's rows together
    if (written === this.lastWritten && this.last) return this.last;
    let route = this.cache.get(written);
    if (!route) {
      const region = this.regions.resolve(written);
      const plans = region.kind === 'known' ? this.byCode.get(region.code) : undefined;
      route = plans ? { kind: 'plans', plans, region } : { kind: 'unrouted', region };
      this.cache.set(written, route);
    }
    this.lastWritten = written;
    this.last = route;
    return route;
  }

  route(row: RawRow): Route {
    if (row.region === undefined) {
      // a standards plan covers many regions: each row says which
      if (this.plans.length === 1 && this.plans[0]?.scope === undefined) return this.all;
      return {
        kind: 'error',
        error: errorDiagnostic(
          'NO_REGION',
          {
            en: this.plans.length === 1 ? `the row has no region, and plan ${this.plans[0]?.id ?? ''} is checked for each region in its scope: add a region column` : `the row has no region, and ${this.plans.length} plans were given (${this.plans.map((p) => p.id).join(', ')}): add a region column`,
            zh: this.plans.length === 1 ? `该行没有地区，而规划 ${this.plans[0]?.id ?? ''} 按适用范围内各地区分别检查：请增加“地区”列` : `该行没有地区，而给出了 ${this.plans.length} 个规划（${this.plans.map((p) => p.id).join('、')}）：请增加“地区”列`,
          },
          rowLocation(row),
        ),
      };
    }
    return this.routeRegion(row.region);
  }
}
