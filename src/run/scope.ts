/**
 * A standards plan's regions: its `scope` read against the region table —
 * every prefecture- or county-level region within the plan's region, or the
 * listed codes — with the names, short names and the names of the regions
 * above each (for `广东省汕尾市`-style spellings), and the years each was in
 * use, so that a region created or ended within the plan's years is in scope
 * exactly for the years it existed.
 */
import { PlanError, errorDiagnostic } from '../errors.js';
import type { RegionEntry } from '../model/region.js';
import type { LoadedPlan, Plan, Scope } from '../plan/model.js';
import { validInYear, type RegionRecord } from '../regions/model.js';
import type { RegionTable } from '../regions/table.js';
import { GOVERNED_AFTER } from './choose-period.js';

/** The code a national standards plan gives as its region (全国): its scope is every province's regions. */
export const NATIONAL = '000000';

export interface ScopeRegion extends RegionEntry {
  readonly level: RegionRecord['level'];
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** Is a region of the scope in use in `year`? */
export function inScopeIn(r: ScopeRegion, year: number): boolean {
  return validInYear(r, year);
}

function entryOf(table: RegionTable, r: RegionRecord): ScopeRegion {
  return {
    code: r.code,
    name: r.name,
    aliases: r.short,
    within: table.ancestors(r.code).flatMap((a) => [a.name, ...a.short]),
    level: r.level,
    ...(r.validFrom === undefined ? {} : { validFrom: r.validFrom }),
    ...(r.validTo === undefined ? {} : { validTo: r.validTo }),
  };
}

/** The plan's own region as the table knows it (its names, and the names of the regions above it). */
export function planRegionEntry(plan: Plan, table: RegionTable | undefined): RegionEntry {
  const r = table?.byCode(plan.region.code);
  const within = r && table ? table.ancestors(r.code).flatMap((a) => [a.name, ...a.short]) : undefined;
  return { code: plan.region.code, name: plan.region.name, aliases: [...new Set([...plan.region.aliases, ...(r?.short ?? [])])], ...(within && within.length > 0 ? { within } : {}) };
}

/**
 * Every region a standards plan covers in any year it governs (its baseline
 * year to one year after its last), one entry per code (the latest record).
 */
export function scopeRegions(l: LoadedPlan, table: RegionTable): ScopeRegion[] {
  const plan = l.plan;
  const scope = plan.scope as Scope;
  const byCode = new Map<string, ScopeRegion>();
  const add = (r: RegionRecord): void => {
    const had = byCode.get(r.code);
    // a code's latest record names it (a rename keeps its code)
    if (had === undefined || (had.validTo !== undefined && (r.validTo === undefined || r.validTo > had.validTo))) byCode.set(r.code, entryOf(table, r));
  };
  if ('regions' in scope) {
    const unknown: string[] = [];
    for (const code of scope.regions) {
      const records = table.recordsOf(code);
      if (records.length === 0) unknown.push(code);
      else for (const r of records) add(r);
    }
    if (unknown.length > 0) {
      throw new PlanError('scope', [
        errorDiagnostic('SCOPE_REGION', { en: `scope.regions lists ${unknown.join(', ')}, which the region table does not know (a code of 6 digits, GB/T 2260); a region of your own goes in a region list (--regions)`, zh: `scope.regions 中的 ${unknown.join('、')} 不在地区代码表中（应为 GB/T 2260 六位代码）；自定地区请放入地区表（--regions）` }, { file: l.file, path: '/scope/regions' }),
      ]);
    }
  } else if (plan.region.code === NATIONAL) {
    // a national standard (民政部's): every region of the levels in every province
    const provinces = table.records.filter((r) => r.level === 'province' && r.statistical !== true);
    for (let year = plan.period.baselineYear; year <= plan.period.lastYear + GOVERNED_AFTER; year++) {
      for (const p of provinces) for (const level of scope.levels) for (const r of table.children(p.code, level, { year })) add(r);
    }
  } else {
    if (table.byCode(plan.region.code) === undefined) {
      throw new PlanError('scope', [errorDiagnostic('SCOPE_REGION', { en: `the plan's region ${plan.region.code} is not in the region table, so its scope (every ${scope.levels.join('/')}-level region within it) cannot be listed: give scope.regions, or a region list (--regions)`, zh: `规划所属地区 ${plan.region.code} 不在地区代码表中，无法列出其下属地区：请用 scope.regions 列出，或给出地区表（--regions）` }, { file: l.file, path: '/region/code' })]);
    }
    for (let year = plan.period.baselineYear; year <= plan.period.lastYear + GOVERNED_AFTER; year++) {
      for (const level of scope.levels) for (const r of table.children(plan.region.code, level, { year })) add(r);
    }
  }
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
