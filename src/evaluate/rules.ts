/**
 * One rule in one year: look up every measurement it reads (earlier years
 * too), evaluate the expression in base units, and show the computation with
 * the values put in, in the subject's unit. Pure.
 */
import type { MeasurementSet, Observation, RolledValue } from '../model/measurements.js';
import { formatAsOf, formatPeriod, type AsOf } from '../model/period.js';
import type { Expr } from '../expr/ast.js';
import { evaluateCondition, type ComparisonTrace, type Tolerance } from '../expr/evaluate.js';
import { precisionOf } from '../model/flow-ledger.js';
import { allMeasurements, type Comparison, type Measurement, type Plan, type Rule } from '../plan/model.js';
import { parseUnit, type Unit } from '../units/unit.js';
import { Decimal } from '../values/decimal.js';
import type { Interval } from '../values/interval.js';
import { isPoint } from '../values/interval.js';
import { fromBase, showDecimal, showInterval } from './display.js';
import { severityOf, type CheckResult, type ComparisonShown, type InputUsed, type ResultCode, type Status } from './result.js';
import { coverage, dueMonth } from './completeness.js';
import { inputsOf } from './targets.js';
import { firstImplausible, implausibleDetail } from './plausibility.js';

const PERCENT = parseUnit('%');

function baseUnitOf(dimension: string): Unit {
  return { text: dimension, kind: 'quantity', dimension, factor: new Decimal(1) };
}

/** The unit to show a comparison in: the subject's if it fits, % for ratios. */
function displayUnit(dimension: string, subject: Measurement | undefined, byDimension: Map<string, Unit>): Unit {
  if (subject && subject.unit.dimension === dimension) return subject.unit;
  if (dimension === 'ratio') return PERCENT;
  return byDimension.get(dimension) ?? baseUnitOf(dimension);
}

function dimensionOfTrace(t: ComparisonTrace, units: Map<string, Unit>): string {
  const find = (e: Expr): string | undefined => {
    switch (e.type) {
      case 'ref':
        return units.get(e.id)?.dimension;
      case 'call':
        return e.name === 'growth' ? 'ratio' : e.args.map(find).find((d) => d !== undefined);
      case 'arith':
        if (e.op === '/') {
          const l = find(e.left);
          const r = find(e.right);
          return l !== undefined && l === r ? 'ratio' : (l ?? r);
        }
        return find(e.left) ?? find(e.right);
      case 'negate':
        return find(e.arg);
      default:
        return undefined;
    }
  };
  return find(t.leftExpr) ?? find(t.rightExpr) ?? 'ratio';
}

function showComparison(t: ComparisonTrace, unit: Unit): ComparisonShown {
  const diff = isPoint(t.left) && isPoint(t.right) ? { difference: showDecimal(fromBase(t.left.lo.sub(t.right.lo), unit)) } : {};
  const within = t.tolerance === undefined ? {} : { tolerance: showDecimal(fromBase(t.tolerance, unit)) };
  return { left: showInterval(t.left, unit), op: t.op, right: showInterval(t.right, unit), unit: unit.text, ...diff, ...within, holds: t.outcome };
}

/**
 * `a == 1.6 * b` between reported amounts holds when the two differ by less
 * than one unit of the last digit a bare operand was reported to (whole
 * yuan for a standard given as 24135): the coarser of the two sides.
 */
function precisionTolerance(valueOf: (id: string, offset: number) => RolledValue | undefined): Tolerance {
  const of = (e: Expr): Decimal | undefined => {
    if (e.type !== 'ref') return undefined;
    const o = valueOf(e.id, e.offset);
    return o?.observations.reduce((a, x) => a.add(precisionOf(x)), new Decimal(0));
  };
  return (left, right) => {
    const ps = [of(left), of(right)].filter((p): p is Decimal => p !== undefined && p.gt(0));
    return ps.length === 0 ? undefined : Decimal.max(...ps);
  };
}

/** The expression with each measurement replaced by its value, in its own unit. */
function substitute(rule: Rule, valueText: (id: string, offset: number) => string): string {
  const spans: { start: number; end: number; text: string }[] = [];
  const walk = (e: Expr): void => {
    switch (e.type) {
      case 'ref':
        spans.push({ start: e.start, end: e.end, text: valueText(e.id, e.offset) });
        return;
      case 'call':
        if (e.name === 'growth' && e.args[0]?.type === 'ref') {
          const a = e.args[0];
          spans.push({ start: e.start, end: e.end, text: `(${valueText(a.id, a.offset)} / ${valueText(a.id, a.offset - 1)} − 1)` });
          return;
        }
        e.args.forEach(walk);
        return;
      case 'negate':
      case 'not':
        walk(e.arg);
        return;
      case 'arith':
      case 'logic':
        walk(e.left);
        walk(e.right);
        return;
      case 'compare':
        e.operands.forEach(walk);
        return;
      default:
        return;
    }
  };
  walk(rule.ast);
  let out = '';
  let at = 0;
  for (const s of spans.sort((a, b) => a.start - b.start)) {
    out += rule.expression.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + rule.expression.slice(at);
}

export function evaluateRule(rule: Rule, plan: Plan, data: MeasurementSet, asOf: AsOf | number, requireComplete = false): CheckResult {
  const { year, month } = typeof asOf === 'number' ? { year: asOf, month: 12 } : asOf;
  const measures = new Map(allMeasurements(plan).map((m) => [m.id, m]));
  const units = new Map([...measures].map(([id, m]) => [id, m.unit]));
  const byDimension = new Map<string, Unit>();
  for (const m of measures.values()) if (!byDimension.has(m.unit.dimension)) byDimension.set(m.unit.dimension, m.unit);
  const subject = measures.get(rule.subject);
  const category = rule.category ?? plan.indicators.find((i) => i.id === rule.subject)?.category;
  const used: Observation[] = [];
  const signs = new Map<Observation, 1 | -1>();
  const absent: string[] = [];
  /** this year as of the month; earlier years whole */
  const valueOf = (id: string, offset: number): RolledValue | undefined => data.valueAsOf(id, year + offset, offset === 0 ? month : 12, measures.get(id)?.rollup ?? 'latest');
  const lookup = (id: string, offset: number): Interval | boolean | undefined => {
    const o = valueOf(id, offset);
    if (!o) return undefined;
    for (const x of o.observations) if (!used.includes(x)) used.push(x);
    for (const t of o.terms ?? []) signs.set(t.observation, t.sign);
    if (o.value.kind === 'absent') {
      absent.push(`${id}@${year + offset}: ${o.value.text}`);
      return undefined;
    }
    return o.value.kind === 'number' ? o.value.base : o.value.value;
  };
  const base = {
    id: rule.id,
    kind: 'rule' as const,
    subject: rule.subject,
    name: rule.name,
    ...(category === undefined ? {} : { category }),
    attribute: rule.attribute,
    unit: subject?.unit.text ?? '',
    ...directionOf(rule.ast),
    source: rule.source,
    ...(rule.note === undefined ? {} : { note: rule.note }),
  };
  const expected = { comparison: '>=' as const, unit: subject?.unit.text ?? '', basis: 'rule' as const, expression: rule.expression };
  const inputs = (): InputUsed[] =>
    inputsOf(
      used,
      used.map((observation) => ({ observation, sign: signs.get(observation) ?? 1 })),
      (id) => measures.get(id)?.name ?? id,
    );
  const make = (status: Status, code: ResultCode, extra: Partial<CheckResult> = {}): CheckResult => ({
    ...base,
    status,
    severity: severityOf(status, rule.attribute),
    code,
    expected: { ...expected, comparison: firstOp(rule.ast) },
    actual: null,
    inputs: inputs(),
    ...extra,
  });

  if (rule.fromYear !== undefined && year < rule.fromYear) return make('pending', 'RULE_NOT_YET', { detail: { from: String(rule.fromYear) } });
  // before the year's end, a yearly input of this year is not yet due
  const notDue = rule.inputs.filter((i) => i.offset === 0 && !valueOf(i.id, 0)).map((i) => measures.get(i.id)).filter((m): m is Measurement => m !== undefined && dueMonth(m, month) === 0);
  if (notDue.length > 0) return make('pending', 'NOT_DUE', { detail: { frequency: notDue.map((m) => `${m.name}: ${m.frequency}`).join(', ') } });
  // a flow's year to date with periods not reported is no total; with --require complete a stock due now
  // and absent is not stood in for by an older value
  const owed = rule.inputs
    .filter((i) => i.offset === 0)
    .flatMap((i) => {
      const m = measures.get(i.id);
      if (!m) return [];
      const c = coverage(m, data, { year, month });
      if (c.covered) return [];
      const flowGap = m.rollup === 'sum' && data.reportedTo(m.id, year, month).length > 0;
      return flowGap || requireComplete || m.required ? c.owed.map((p) => `${m.name} ${formatPeriod(p)}`) : [];
    });
  if (owed.length > 0) return make('missing', 'INCOMPLETE', { detail: { missing: [...new Set(owed)].join(', ') } });
  const outcome = evaluateCondition(rule.ast, lookup, precisionTolerance(valueOf));
  if (outcome.kind === 'missing') {
    const missing = outcome.missing.map((r) => `${measures.get(r.id)?.name ?? r.id} ${year + r.offset}`);
    return make('missing', absent.length > 0 ? 'REPORTED_ABSENT' : 'INPUT_MISSING', { detail: { missing: missing.join(', '), ...(absent.length ? { text: absent.join('; ') } : {}) } });
  }
  if (outcome.kind === 'error') return make('error', 'EVAL_ERROR', { detail: { error: outcome.message } });
  const bad = firstImplausible(used, (id) => measures.get(id), data);
  if (bad) return make('error', 'IMPLAUSIBLE', { detail: implausibleDetail(bad, measures.get(bad.observation.id)?.name ?? bad.observation.id) });

  const valueText = (id: string, offset: number): string => {
    const o = valueOf(id, offset);
    const m = measures.get(id);
    if (!o || !m) return '?';
    if (o.value.kind === 'number') return showInterval(o.value.base, m.unit);
    return o.value.kind === 'boolean' ? String(o.value.value) : o.value.text;
  };
  const comparisons = outcome.comparisons.map((t) => showComparison(t, displayUnit(dimensionOfTrace(t, units), subject, byDimension)));
  const first = comparisons[0];
  const actual = first ? { value: first.left, period: formatAsOf({ year, month }) } : null;
  // the margin of the comparison that fails, when one does
  const failing = comparisons.find((c) => c.holds === false) ?? first;
  const margin = failing ? signedMargin(failing) : undefined;
  const side = failing && failing.holds === false ? limitSide(rule.ast, comparisons.indexOf(failing)) : undefined;
  const extra: Partial<CheckResult> = { substituted: substitute(rule, valueText), comparisons, actual, ...(margin === undefined ? {} : { margin }), ...(side === undefined ? {} : { detail: { range: side } }) };
  if (outcome.value === 'unknown') return make('missing', 'BOUND_UNDETERMINED', extra);
  return outcome.value ? make('pass', 'RULE_HOLDS', extra) : make('fail', 'RULE_VIOLATED', extra);
}

/**
 * A failing comparison of a two-sided range (`30% * c <= x <= 40% * c`) is
 * below or above the range; of a one-sided upper limit (`x <= …`), over it.
 */
function limitSide(e: Expr, index: number): 'below' | 'above' | 'over' | undefined {
  if (e.type !== 'compare') return undefined;
  const up = (op: string | undefined): boolean => op === '<=' || op === '<';
  const down = (op: string | undefined): boolean => op === '>=' || op === '>';
  if (e.ops.length === 2) {
    const [a, b] = e.ops;
    if (up(a) && up(b)) return index === 0 ? 'below' : 'above';
    if (down(a) && down(b)) return index === 0 ? 'above' : 'below';
    return undefined;
  }
  return e.ops.length === 1 && up(e.ops[0]) ? 'over' : undefined;
}

/** `a >= …` wants a higher `a`; `a <= …` a lower one; `==` neither. */
function directionOf(e: Expr): { direction?: 'higher' | 'lower' } {
  const op = firstOp(e);
  return op === '>=' || op === '>' ? { direction: 'higher' } : op === '<=' || op === '<' ? { direction: 'lower' } : {};
}

function firstOp(e: Expr): Comparison {
  return e.type === 'compare' ? (e.ops[0] ?? '>=') : '==';
}

/** Positive when the first comparison holds with room to spare. */
function signedMargin(c: ComparisonShown): string | undefined {
  if (c.difference === undefined) return undefined;
  const d = c.difference;
  const flip = c.op === '<=' || c.op === '<';
  if (c.op === '==') return undefined; // neither side is better: the comparison text shows both
  if (!flip) return d;
  return d.startsWith('-') ? d.slice(1) : d === '0' ? '0' : `-${d}`;
}
