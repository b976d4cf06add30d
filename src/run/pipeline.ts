/**
 * The one pipeline every command runs over data: load the plans, read every
 * data file as a stream, resolve each row's region once, route it to the
 * plans for that region, bind it to their measurements, check that reports
 * of one fact agree, and choose the moment to evaluate. `evaluate` and
 * `report` differ only in what they do with the result.
 *
 * Rows for regions no plan covers are counted from their region cell and
 * never built; names no plan knows are counted by name. Only observations of
 * the plans' measurements are kept, so memory grows with what the plans can
 * use, not with the file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Binder } from '../data/bind.js';
import type { DataFileInfo } from '../data/load.js';
import { MAX_ERRORS } from '../data/parse-csv.js';
import { Router } from '../data/route.js';
import { streamDataFiles, type ReadOptions } from '../data/stream.js';
import { DataError, errorDiagnostic, UsageError, warningDiagnostic, type Diagnostic, type RowLocation } from '../errors.js';
import type { MeasurementSet } from '../model/measurements.js';
import type { AsOf } from '../model/period.js';
import { RegionResolver } from '../model/region.js';
import { loadPlan } from '../plan/load.js';
import type { LoadedPlan, Plan } from '../plan/model.js';
import { icu } from '../report/plural.js';
import { resolveAsOf } from './choose-period.js';
import { UnknownNames } from './common.js';

/** `suzhou`, `plans/x.yaml`, or a folder of plan files → plan references. */
export function expandPlanRefs(refs: readonly string[]): string[] {
  return refs.flatMap((ref) => {
    if (existsSync(ref) && statSync(ref).isDirectory()) {
      const files = readdirSync(ref)
        .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
        .sort()
        .map((f) => join(ref, f));
      if (files.length === 0) throw new UsageError({ en: `no plan files (*.yaml) in folder ${ref}`, zh: `文件夹 ${ref} 中没有规划文件（*.yaml）` });
      return files;
    }
    return [ref];
  });
}

/** Every plan named (bundled ids, files, folders), each once. */
export async function loadPlans(refs: readonly string[]): Promise<LoadedPlan[]> {
  const expanded = expandPlanRefs(refs);
  if (expanded.length === 0) throw new UsageError({ en: 'no plan given: --plan <id|file|folder>', zh: '没有给出规划：--plan <编号|文件|文件夹>' });
  const loaded = await Promise.all(expanded.map((r) => loadPlan(r)));
  const ids = new Set<string>();
  for (const l of loaded) {
    if (ids.has(l.plan.id)) throw new UsageError({ en: `plan "${l.plan.id}" is given twice`, zh: `规划“${l.plan.id}”给了两次` });
    ids.add(l.plan.id);
  }
  return loaded;
}

/** Rows for a region no plan covers: the region as first written, how many rows, and the first one. */
export interface Unrouted {
  readonly region: string;
  readonly rows: number;
  readonly at: RowLocation;
}

/** One plan's data after the pipeline. */
export interface PlanData {
  readonly loaded: LoadedPlan;
  readonly plan: Plan;
  readonly data: MeasurementSet;
  /** rows with an empty value cell (owed, not reported), by period */
  readonly empty: ReadonlyMap<string, number>;
}

export interface Ingested {
  readonly plans: readonly PlanData[];
  readonly files: readonly DataFileInfo[];
  /** rows for regions no plan covers, set aside */
  readonly unrouted: readonly Unrouted[];
  readonly warnings: Diagnostic[];
  /** the moment to evaluate: the one given, or the latest the data backs */
  readonly asOf: AsOf | undefined;
}

export interface IngestOptions {
  /** the moment given (--year / --period): rows without a period are of its year */
  readonly fixed?: AsOf;
  readonly input?: ReadOptions;
}

/**
 * Read, route, bind and check the data files for the plans, and choose the
 * moment. Bad input throws a DataError listing every bad row (never a partial
 * result); data that names nothing the plans measure is refused, naming the
 * regions its rows were for.
 */
export async function ingest(loaded: readonly LoadedPlan[], data: readonly string[], options: IngestOptions = {}): Promise<Ingested> {
  const plans = loaded.map((l) => l.plan);
  // one resolver for the run: every spelling of a region is decided once, here, and used by every step
  const regions = new RegionResolver(plans.map((p) => ({ code: p.region.code, name: p.region.name, aliases: p.region.aliases })));
  const router = new Router(plans, regions);
  const fixed = options.fixed;
  const binders = new Map(loaded.map((l) => [l.plan.id, new Binder(l.plan, { regions, ...(fixed === undefined ? {} : { defaultYear: fixed.year }) }, false)]));
  const routeErrors: Diagnostic[] = [];
  let moreRouteErrors = 0;
  const unrouted = new Map<string, { region: string; rows: number; at: RowLocation }>();
  const unknown = new UnknownNames();
  let rowCount = 0;
  // rows for regions no plan covers are counted from their region cell, never built
  const keepRegion = (region: string | undefined, file: string, line: number): boolean => {
    rowCount++;
    if (region === undefined) return true;
    const route = router.routeRegion(region);
    if (route.kind !== 'unrouted') return true;
    const key = route.region.kind === 'other' ? route.region.key : region;
    const u = unrouted.get(key);
    if (u) u.rows++;
    else unrouted.set(key, { region: region.trim(), rows: 1, at: { file, line } });
    return false;
  };
  const read = await streamDataFiles(
    data,
    (row) => {
      const route = router.route(row);
      if (route.kind === 'error') {
        if (routeErrors.length < MAX_ERRORS) routeErrors.push(route.error);
        else moreRouteErrors++;
        return;
      }
      if (route.kind === 'unrouted') return; // counted by keepRegion
      let known = false;
      for (const p of route.plans) if ((binders.get(p.id) as Binder).add(row, route.region) !== 'unknown') known = true;
      if (!known) unknown.add(row, route.plans[0] as Plan);
    },
    keepRegion,
    options.input,
  );
  const errors: Diagnostic[] = [...read.errors, ...routeErrors];
  if (moreRouteErrors > 0) errors.push(errorDiagnostic('TOO_MANY_ERRORS', { en: `… and ${moreRouteErrors} more rows without a region`, zh: `……另有 ${moreRouteErrors} 行没有地区` }, {}));
  // plan lint warnings are for plan authors (plancheck validate), not for every evaluation
  const warnings: Diagnostic[] = [...read.warnings];
  for (const b of binders.values()) {
    const r = b.result();
    for (const d of r.errors) errors.push(d);
    for (const d of r.warnings) warnings.push(d);
  }
  for (const d of await unknown.warnings()) warnings.push(d);
  const unroutedList = [...unrouted.values()];
  if (unroutedList.length > 0) warnings.push(await unroutedWarning(unroutedList));
  if (errors.length > 0) throw new DataError('invalid data', errors);
  const planData = loaded.map((l): PlanData => {
    const b = binders.get(l.plan.id) as Binder;
    return { loaded: l, plan: l.plan, data: b.measurements, empty: b.emptyByPeriod };
  });
  if (planData.every((p) => p.data.size === 0 && p.empty.size === 0)) {
    throw new DataError('no usable rows', [noMeasurements(plans, rowCount, unroutedList, data[0] as string)]);
  }
  const asOf = resolveAsOf(planData, fixed, warnings);
  return { plans: planData, files: read.files, unrouted: unroutedList, warnings, asOf };
}

function namedRegions(list: readonly Unrouted[]): { en: string; zh: string } {
  const named = list.slice(0, 5);
  const more = list.length - named.length;
  return {
    en: named.map((u) => `"${u.region}" (${u.rows})`).join(', ') + (more > 0 ? ` and ${more} more` : ''),
    zh: named.map((u) => `“${u.region}”（${u.rows} 行）`).join('、') + (more > 0 ? `等，另有 ${more} 个` : ''),
  };
}

/** One warning, however many regions: the report lists them all. */
async function unroutedWarning(list: readonly Unrouted[]): Promise<Diagnostic> {
  const first = list[0] as Unrouted;
  const rows = list.reduce((n, u) => n + u.rows, 0);
  const named = namedRegions(list);
  return warningDiagnostic(
    'UNROUTED',
    {
      en: await icu('{rows, plural, one {# row} other {# rows}} for {regions, plural, one {# region} other {# regions}} that no plan given covers, set aside: {named}', { rows, regions: list.length, named: named.en }),
      zh: `${rows} 行数据属于 ${list.length} 个不在所给规划范围内的地区，已搁置：${named.zh}`,
    },
    first.at,
  );
}

/** Nothing in the data is for the plans: say what the rows were for. */
function noMeasurements(plans: readonly Plan[], rowCount: number, unrouted: readonly Unrouted[], firstFile: string): Diagnostic {
  const which = { en: plans.map((p) => `plan ${p.id} (${p.region.name})`).join(', '), zh: plans.map((p) => `规划 ${p.id}（${p.region.name}）`).join('、') };
  if (unrouted.length > 0) {
    const named = namedRegions(unrouted);
    const set = unrouted.reduce((n, u) => n + u.rows, 0);
    return errorDiagnostic(
      'NO_MEASUREMENTS',
      {
        en: `none of the ${rowCount} rows is for ${which.en}: ${set} are for other regions, set aside: ${named.en}. Check the region column (a code such as ${plans[0]?.region.code ?? ''} or a name such as ${plans[0]?.region.name ?? ''})`,
        zh: `${rowCount} 行数据中没有一行属于${which.zh}：其中 ${set} 行属于其他地区，已搁置：${named.zh}。请检查“地区”列（代码如 ${plans[0]?.region.code ?? ''}，或名称如 ${plans[0]?.region.name ?? ''}）`,
      },
      (unrouted[0] as Unrouted).at,
    );
  }
  return errorDiagnostic('NO_MEASUREMENTS', { en: `none of the ${rowCount} rows names a measurement of ${which.en}`, zh: `${rowCount} 行数据中没有一行是${which.zh}的指标或测量项` }, { file: firstFile, line: 2 });
}
