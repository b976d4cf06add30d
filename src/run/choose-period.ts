/**
 * Which moment to evaluate when neither --year nor --period is given: the
 * latest in the data, but only when the data backs it. A stray row (one
 * `2032` row in a 2023 file, one `2024-01` row) must not move the
 * evaluation: when the latest moment holds only a small part of the rows,
 * holds no value of an indicator with a target (only rule inputs), or lies
 * outside the plan's years, the choice is the user's (exit 2 with the
 * periods present). Rows outside the plan's years are warned about whatever
 * the period. Pure: measurements in, a choice or diagnostics out.
 */
import { DataError, errorDiagnostic, warningDiagnostic, type Diagnostic, type Location } from '../errors.js';
import type { MeasurementSet, Observation } from '../model/measurements.js';
import { formatAsOf, parsePeriod, type AsOf } from '../model/period.js';
import type { Plan } from '../plan/model.js';

/** Years after its final year that a plan still governs: the final evaluation's year. */
export const GOVERNED_AFTER = 1;

/** The latest moment holds this share of the busiest moment's rows or less: not backed. */
export const BACKED_SHARE = 0.25;

export interface PlanData {
  readonly plan: Plan;
  readonly data: MeasurementSet;
  /** rows with an empty value cell, by period text */
  readonly empty: ReadonlyMap<string, number>;
}

export type PeriodChoice = { readonly kind: 'chosen'; readonly asOf: AsOf } | { readonly kind: 'none' } | { readonly kind: 'unclear'; readonly error: Diagnostic };

export function planYears(plan: Plan): { readonly from: number; readonly to: number } {
  return { from: plan.period.baselineYear, to: plan.period.lastYear + GOVERNED_AFTER };
}

interface Moment {
  readonly asOf: AsOf;
  rows: number;
  /** rows of indicators with a numeric or yes/no target */
  targeted: number;
  /** the first row of the moment in the data (where a refusal of it points) */
  at?: Location;
}

const key = (a: AsOf): string => formatAsOf(a);
const later = (a: AsOf, b: AsOf): boolean => a.year > b.year || (a.year === b.year && a.month > b.month);

function moments(pd: PlanData): Map<string, Moment> {
  const targeted = new Set(pd.plan.indicators.filter((i) => i.targets.some((t) => t.value?.kind !== 'text')).map((i) => i.id));
  const out = new Map<string, Moment>();
  const count = (asOf: AsOf, n: number, t: number, at?: Location): void => {
    const k = key(asOf);
    const m = out.get(k) ?? { asOf, rows: 0, targeted: 0 };
    m.rows += n;
    m.targeted += t;
    if (at !== undefined && (m.at === undefined || (m.at.file === at.file && (at.line ?? 0) < (m.at.line ?? 0)))) m.at = at;
    out.set(k, m);
  };
  for (const o of pd.data.all()) count({ year: o.period.year, month: o.period.to }, 1, targeted.has(o.id) ? 1 : 0, o.at);
  for (const [p, n] of pd.empty) {
    const period = parsePeriod(p);
    if (period) count({ year: period.year, month: period.to }, n, 0);
  }
  return out;
}

function listMoments(ms: readonly Moment[]): { en: string; zh: string } {
  const sorted = [...ms].sort((a, b) => (later(a.asOf, b.asOf) ? 1 : later(b.asOf, a.asOf) ? -1 : 0));
  return {
    en: sorted.map((m) => `${key(m.asOf)}: ${m.rows} row${m.rows === 1 ? '' : 's'}`).join(', '),
    zh: sorted.map((m) => `${key(m.asOf)}：${m.rows} 行`).join('，'),
  };
}

function option(a: AsOf): string {
  return a.month === 12 ? `--year ${a.year}` : `--period ${formatAsOf(a)}`;
}

/**
 * The moment to evaluate, when none is given. With several plans (a
 * provincial file checked against many cities' plans) there is one moment
 * for all: their rows are counted together, and a moment is within the
 * plans' years when it is within any plan's.
 */
export function chooseAsOf(pds: PlanData | readonly PlanData[]): PeriodChoice {
  const all = Array.isArray(pds) ? (pds as readonly PlanData[]) : [pds as PlanData];
  const pooled = new Map<string, Moment>();
  for (const pd of all) {
    for (const [k, m] of moments(pd)) {
      const p = pooled.get(k) ?? { asOf: m.asOf, rows: 0, targeted: 0 };
      p.rows += m.rows;
      p.targeted += m.targeted;
      if (p.at === undefined && m.at !== undefined) p.at = m.at;
      pooled.set(k, p);
    }
  }
  const ms = [...pooled.values()];
  if (ms.length === 0) return { kind: 'none' };
  const latest = ms.reduce((a, b) => (later(b.asOf, a.asOf) ? b : a));
  const busiest = ms.reduce((a, b) => (b.targeted > a.targeted || (b.targeted === a.targeted && b.rows > a.rows) ? b : a));
  const spans = all.map((pd) => planYears(pd.plan));
  const years = { from: Math.min(...spans.map((y) => y.from)), to: Math.max(...spans.map((y) => y.to)) };
  const named = all.length === 1 ? `plan ${(all[0] as PlanData).plan.id}'s years` : `the years of plans ${all.map((pd) => pd.plan.id).join(', ')}`;
  const namedZh = all.length === 1 ? `规划 ${(all[0] as PlanData).plan.id} 的年份` : `规划 ${all.map((pd) => pd.plan.id).join('、')} 的年份`;
  const list = listMoments(ms);
  const at = key(latest.asOf);
  const total = ms.reduce((n, m) => n + m.rows, 0);
  let why: { en: string; zh: string } | undefined;
  if (latest.asOf.year < years.from || latest.asOf.year > years.to) {
    why = { en: `the latest period in the data, ${at}, lies outside ${named} (${years.from}–${years.to})`, zh: `数据中最新的期间 ${at} 不在${namedZh}（${years.from}–${years.to}）内` };
  } else if (latest !== busiest && latest.rows <= busiest.rows * BACKED_SHARE) {
    why = { en: `the latest period in the data, ${at}, holds only ${latest.rows} of the ${total} rows`, zh: `数据中最新的期间 ${at} 只有 ${latest.rows} 行（共 ${total} 行）` };
  } else if (latest.targeted === 0 && busiest.targeted > 0) {
    why = { en: `the latest period in the data, ${at}, holds no value of an indicator with a target (only inputs of rules)`, zh: `数据中最新的期间 ${at} 没有任何有目标值的指标的数据（只有规则的输入）` };
  }
  if (why === undefined) return { kind: 'chosen', asOf: latest.asOf };
  const suggest = option(busiest.asOf);
  // a thin latest period inside the plan's years may be what was meant (a mid-year report): offer it too
  const inside = latest.asOf.year >= years.from && latest.asOf.year <= years.to && option(latest.asOf) !== suggest;
  const orLatest = inside ? { en: `, or ${option(latest.asOf)} for the data to ${at}`, zh: `，或 ${option(latest.asOf)}（评估至 ${at}）` } : { en: '', zh: '' };
  return {
    kind: 'unclear',
    error: errorDiagnostic('PERIOD_UNCLEAR', {
      en: `${why.en}; periods present: ${list.en}. Say which period to evaluate, e.g. ${suggest}${orLatest.en}`,
      zh: `${why.zh}；数据中的期间：${list.zh}。请指定评估期间，例如 ${suggest}${orLatest.zh}`,
    }, latest.at),
  };
}

/** One warning per plan for rows whose year the plan does not cover. */
export function outsideYearsWarning(pd: PlanData): Diagnostic | undefined {
  const years = planYears(pd.plan);
  const outside = (y: number): boolean => y < years.from || y > years.to;
  const obs = pd.data.all().filter((o) => outside(o.period.year));
  const empties = [...pd.empty].filter(([p]) => {
    const period = parsePeriod(p);
    return period !== undefined && outside(period.year);
  });
  const n = obs.length + empties.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return undefined;
  const first = obs.reduce<Observation | undefined>((a, b) => (a === undefined || b.at.file < a.at.file || (b.at.file === a.at.file && b.at.line < a.at.line) ? b : a), undefined);
  return warningDiagnostic(
    'OUTSIDE_PLAN_YEARS',
    { en: `${n} row(s) lie outside plan ${pd.plan.id}'s years (${years.from}–${years.to})`, zh: `${n} 行数据不在规划 ${pd.plan.id} 的年份（${years.from}–${years.to}）内` },
    first ? first.at : {},
  );
}

/**
 * The moment to evaluate at, for evaluate and report alike: the one given,
 * else the latest the data backs (a DataError naming the periods present when
 * it is not clear); undefined when the data has none. Rows outside each
 * plan's years are warned about in `warnings`.
 */
export function resolveAsOf(pds: readonly PlanData[], fixed: AsOf | undefined, warnings: Diagnostic[]): AsOf | undefined {
  for (const pd of pds) {
    const outside = outsideYearsWarning(pd);
    if (outside) warnings.push(outside);
  }
  if (fixed !== undefined) return fixed;
  const c = chooseAsOf(pds);
  if (c.kind === 'unclear') throw new DataError('the period to evaluate is not clear', [c.error]);
  return c.kind === 'chosen' ? c.asOf : undefined;
}
