/**
 * Two evaluations compared, check by check (matched by plan, kind and id):
 * how the status moved, how the value moved in the indicator's direction,
 * how the distance to the final target changed — and how the plan itself
 * changed between the two sides. Pure.
 */
import { convertValue, tryParseUnit } from '../units/unit.js';
import { Decimal } from '../values/decimal.js';
import type { PlanRecord, ResultRecord, TargetRecord } from './record.js';

export type Transition = 'regressed' | 'recovered' | 'still_failing' | 'newly_evaluable' | 'no_longer_evaluable' | 'unchanged' | 'changed' | 'added' | 'removed';
export type ValueVerdict = 'improved' | 'worsened' | 'unchanged';

export interface CheckChange {
  readonly plan: string;
  /** the region, for a check of one region of a standards plan */
  readonly region?: string;
  readonly id: string;
  readonly kind: 'target' | 'rule';
  readonly name: string;
  readonly attribute: string;
  readonly oldStatus: string | null;
  readonly newStatus: string | null;
  readonly transition: Transition;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly unit: string;
  /** new − old, in the new side's unit */
  readonly delta?: string;
  readonly verdict?: ValueVerdict;
  /** change in the distance still to go to the final target (negative: closer) */
  readonly distanceChange?: string;
}

export type PlanChangeKind = 'added' | 'removed' | 'target_changed' | 'unit_changed' | 'attribute_changed' | 'expression_changed';

export interface PlanChange {
  readonly plan: string;
  readonly id: string;
  readonly name: string;
  readonly change: PlanChangeKind;
  readonly old: string | null;
  readonly new: string | null;
}

export interface DiffReport {
  readonly old: { readonly plans: readonly { readonly id: string; readonly period: string; readonly sha256: string }[] };
  readonly new: { readonly plans: readonly { readonly id: string; readonly period: string; readonly sha256: string }[] };
  readonly checks: readonly CheckChange[];
  readonly planChanges: readonly PlanChange[];
  /** binding checks that went from pass to fail */
  readonly bindingRegressions: number;
}

const EVALUATED = new Set(['pass', 'fail']);

export function transitionOf(oldStatus: string, newStatus: string): Transition {
  if (oldStatus === 'pass' && newStatus === 'fail') return 'regressed';
  if (oldStatus === 'fail' && newStatus === 'pass') return 'recovered';
  if (oldStatus === 'fail' && newStatus === 'fail') return 'still_failing';
  if (!EVALUATED.has(oldStatus) && EVALUATED.has(newStatus)) return 'newly_evaluable';
  if (EVALUATED.has(oldStatus) && !EVALUATED.has(newStatus)) return 'no_longer_evaluable';
  return oldStatus === newStatus ? 'unchanged' : 'changed';
}

function plain(v: string | undefined | null): Decimal | undefined {
  return v !== undefined && v !== null && /^-?\d+(\.\d+)?$/.test(v) ? new Decimal(v) : undefined;
}

/** The old value in the new side's unit, when both are plain numbers of one dimension. */
function inNewUnit(o: ResultRecord, n: ResultRecord): { old: Decimal; new: Decimal } | undefined {
  const a = plain(o.actual?.value);
  const b = plain(n.actual?.value);
  if (!a || !b) return undefined;
  if (o.unit === n.unit) return { old: a, new: b };
  const uo = tryParseUnit(o.unit);
  const un = tryParseUnit(n.unit);
  if (!uo || !un || uo.dimension !== un.dimension) return undefined;
  return { old: convertValue(a, uo, un), new: b };
}

function finalTarget(r: ResultRecord): Decimal | undefined {
  const last = r.targets?.[r.targets.length - 1];
  return plain(last?.value);
}

function show(d: Decimal): string {
  return d.toDecimalPlaces(6).toFixed();
}

function compareValues(o: ResultRecord, n: ResultRecord): Pick<CheckChange, 'delta' | 'verdict' | 'distanceChange'> {
  const v = inNewUnit(o, n);
  if (!v) return {};
  const delta = v.new.sub(v.old);
  const dir = n.direction ?? o.direction;
  const verdict: ValueVerdict | undefined = delta.isZero() ? 'unchanged' : dir === null ? undefined : (dir === 'higher') === delta.gt(0) ? 'improved' : 'worsened';
  const out: { delta: string; verdict?: ValueVerdict; distanceChange?: string } = { delta: show(delta) };
  if (verdict) out.verdict = verdict;
  const t = finalTarget(n);
  if (t && dir !== null && n.kind === 'target') {
    // distance still to go: T − x when higher is better, x − T when lower is
    const dist = (x: Decimal): Decimal => Decimal.max(0, dir === 'higher' ? t.sub(x) : x.sub(t));
    out.distanceChange = show(dist(v.new).sub(dist(v.old)));
  }
  return out;
}

function targetsText(ts: readonly TargetRecord[] | null): string {
  return (ts ?? []).map((t) => `${t.year} ${t.comparison} ${t.range ? t.range.join('–') : (t.value ?? '')}`).join('; ');
}

function planChanges(plan: string, o: ResultRecord | undefined, n: ResultRecord | undefined): PlanChange[] {
  if (!o && n) return [{ plan, id: n.id, name: n.name, change: 'added', old: null, new: n.kind === 'rule' ? n.expression : targetsText(n.targets) }];
  if (o && !n) return [{ plan, id: o.id, name: o.name, change: 'removed', old: o.kind === 'rule' ? o.expression : targetsText(o.targets), new: null }];
  if (!o || !n) return [];
  const out: PlanChange[] = [];
  const add = (change: PlanChangeKind, a: string | null, b: string | null): void => {
    if (a !== b) out.push({ plan, id: n.id, name: n.name, change, old: a, new: b });
  };
  add('target_changed', targetsText(o.targets), targetsText(n.targets));
  add('unit_changed', o.unit, n.unit);
  add('attribute_changed', o.attribute, n.attribute);
  add('expression_changed', o.expression, n.expression);
  return out;
}

export function diffResults(oldPlans: readonly PlanRecord[], newPlans: readonly PlanRecord[]): DiffReport {
  const checks: CheckChange[] = [];
  const changes: PlanChange[] = [];
  const planIds = [...new Set([...oldPlans.map((p) => p.id), ...newPlans.map((p) => p.id)])];
  for (const pid of planIds) {
    const op = oldPlans.find((p) => p.id === pid);
    const np = newPlans.find((p) => p.id === pid);
    const key = (r: ResultRecord): string => `${r.kind}:${r.id}`;
    const olds = new Map((op?.results ?? []).map((r) => [key(r), r]));
    const news = new Map((np?.results ?? []).map((r) => [key(r), r]));
    const keys = [...new Set([...olds.keys(), ...news.keys()])];
    for (const k of keys) {
      const o = olds.get(k);
      const n = news.get(k);
      const r = (n ?? o) as ResultRecord;
      const region = (np ?? op)?.region;
      checks.push({
        plan: pid,
        ...(region === undefined ? {} : { region: region.name }),
        id: r.id,
        kind: r.kind,
        name: r.name,
        attribute: r.attribute,
        oldStatus: o?.status ?? null,
        newStatus: n?.status ?? null,
        transition: !o ? 'added' : !n ? 'removed' : transitionOf(o.status, n.status),
        oldValue: o?.actual?.value ?? null,
        newValue: n?.actual?.value ?? null,
        unit: r.unit,
        ...(o && n ? compareValues(o, n) : {}),
      });
      if (op && np) changes.push(...planChanges(pid, o, n));
    }
  }
  const side = (ps: readonly PlanRecord[]): DiffReport['old'] => ({ plans: ps.map((p) => ({ id: p.id, period: p.period, sha256: p.sha256 })) });
  return {
    old: side(oldPlans),
    new: side(newPlans),
    checks,
    planChanges: changes,
    bindingRegressions: checks.filter((c) => c.transition === 'regressed' && c.attribute === 'binding').length,
  };
}
