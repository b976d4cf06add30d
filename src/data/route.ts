/**
 * One combined file for many regions: each row goes to every plan whose
 * region (code, name or alias) it names. A row without a region goes to the
 * single plan given, and is an error when several are. Rows for regions no
 * plan covers are set aside and counted. Pure; one row at a time.
 */
import { errorDiagnostic, type Diagnostic } from '../errors.js';
import type { Plan } from '../plan/model.js';
import { regionMatches } from './bind.js';
import { rowLocation, type RawRow } from '../model/row.js';

export type Route = { readonly kind: 'plans'; readonly plans: readonly Plan[] } | { readonly kind: 'unrouted'; readonly region: string } | { readonly kind: 'error'; readonly error: Diagnostic };

export class Router {
  /** the route for each region as written, made once */
  private readonly cache = new Map<string, Route>();
  private readonly all: Route;
  constructor(private readonly plans: readonly Plan[]) {
    this.all = { kind: 'plans', plans };
  }

  /** Does some plan cover this region (code, name or alias)? */
  covers(region: string): boolean {
    return this.routeRegion(region).kind === 'plans';
  }

  private last: Route | undefined;
  private lastRegion: string | undefined;

  private routeRegion(region: string): Route {
    // submissions usually list a region's rows together
    if (region === this.lastRegion && this.last) return this.last;
    const hit = this.cache.get(region);
    if (hit) {
      this.lastRegion = region;
      this.last = hit;
      return hit;
    }
    const targets = this.plans.filter((p) => regionMatches(p, region));
    const route: Route = targets.length === 0 ? { kind: 'unrouted', region } : { kind: 'plans', plans: targets };
    this.cache.set(region, route);
    this.lastRegion = region;
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
