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
  ) {
    this.all = { kind: 'plans', plans };
    for (const p of plans) this.byCode.set(p.region.code, [...(this.byCode.get(p.region.code) ?? []), p]);
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
      if (this.plans.length === 1) return this.all;
      return {
        kind: 'error',
        error: errorDiagnostic(
          'NO_REGION',
          {
            en: `the row has no region, and ${this.plans.length} plans were given (${this.plans.map((p) => p.id).join(', ')}): add a region column`,
            zh: `该行没有地区，而给出了 ${this.plans.length} 个规划（${this.plans.map((p) => p.id).join('、')}）：请增加“地区”列`,
          },
          rowLocation(row),
        ),
      };
    }
    return this.routeRegion(row.region);
  }
}
