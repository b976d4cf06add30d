/**
 * Evaluating a rule expression on measurements. Values arrive in the base
 * unit of their dimension (see units/unit.ts), so comparing 元/人·月 with
 * 元/人·年 compares like with like. Bounds (`>18000`) are intervals, and a
 * condition is true, false or unknown.
 */
import { Decimal } from '../values/decimal.js';
import * as iv from '../values/interval.js';
import type { Interval, Tri } from '../values/interval.js';
import type { Expr, Reference } from './ast.js';
import { collectReferences } from './ast.js';

export type ExprValue = { readonly kind: 'number'; readonly value: Interval } | { readonly kind: 'truth'; readonly value: Tri };

/** One comparison that took place, its sides in base units. */
export interface ComparisonTrace {
  readonly left: Interval;
  readonly op: iv.CompareOp;
  readonly right: Interval;
  readonly leftExpr: Expr;
  readonly rightExpr: Expr;
  readonly outcome: Tri;
  /** for `==`: the sides were taken as equal when they differ by less than this (base units) */
  readonly tolerance?: Decimal;
}

/** For an `==` between two operands: how far apart they may be and still be equal (base units). */
export type Tolerance = (left: Expr, right: Expr) => Decimal | undefined;

export type EvalOutcome =
  | { readonly kind: 'value'; readonly value: Tri; readonly comparisons: readonly ComparisonTrace[] }
  | { readonly kind: 'missing'; readonly missing: readonly Reference[] }
  | { readonly kind: 'error'; readonly message: string };

/** `lookup(id, offset)` gives a measurement in base units, or undefined when absent. */
export type Lookup = (id: string, offset: number) => Interval | boolean | undefined;

class EvalError extends Error {}

export function evaluateCondition(e: Expr, lookup: Lookup, tolerance?: Tolerance): EvalOutcome {
  const missing = collectReferences(e).filter((r) => lookup(r.id, r.offset) === undefined);
  if (missing.length > 0) return { kind: 'missing', missing };
  const comparisons: ComparisonTrace[] = [];
  try {
    const v = evalExpr(e, lookup, comparisons, tolerance);
    if (v.kind !== 'truth') return { kind: 'error', message: 'the rule is not a condition' };
    return { kind: 'value', value: v.value, comparisons };
  } catch (err) {
    if (err instanceof EvalError || err instanceof iv.DivisionByZero) return { kind: 'error', message: err.message };
    throw err;
  }
}

function asNumber(v: ExprValue): Interval {
  if (v.kind !== 'number') throw new EvalError('expected a number, found a yes/no value');
  return v.value;
}

function asTruth(v: ExprValue): Tri {
  if (v.kind !== 'truth') throw new EvalError('expected a condition, found a number');
  return v.value;
}

function need(lookup: Lookup, id: string, offset: number): Interval | boolean {
  const v = lookup(id, offset);
  if (v === undefined) throw new EvalError(`no value for ${id}${offset ? `[${offset}]` : ''}`);
  return v;
}

function evalExpr(e: Expr, lookup: Lookup, trace: ComparisonTrace[], tolerance?: Tolerance): ExprValue {
  switch (e.type) {
    case 'number':
      return { kind: 'number', value: iv.point(e.value) };
    case 'boolean':
      return { kind: 'truth', value: e.value };
    case 'ref': {
      const v = need(lookup, e.id, e.offset);
      return typeof v === 'boolean' ? { kind: 'truth', value: v } : { kind: 'number', value: v };
    }
    case 'negate':
      return { kind: 'number', value: iv.neg(asNumber(evalExpr(e.arg, lookup, trace, tolerance))) };
    case 'not':
      return { kind: 'truth', value: iv.notTri(asTruth(evalExpr(e.arg, lookup, trace, tolerance))) };
    case 'logic': {
      const l = asTruth(evalExpr(e.left, lookup, trace, tolerance));
      const r = asTruth(evalExpr(e.right, lookup, trace, tolerance));
      return { kind: 'truth', value: e.op === 'and' ? iv.andTri(l, r) : iv.orTri(l, r) };
    }
    case 'arith': {
      const l = asNumber(evalExpr(e.left, lookup, trace, tolerance));
      const r = asNumber(evalExpr(e.right, lookup, trace, tolerance));
      const f = { '+': iv.add, '-': iv.sub, '*': iv.mul, '/': iv.div }[e.op];
      return { kind: 'number', value: f(l, r) };
    }
    case 'compare': {
      const values = e.operands.map((o) => evalExpr(o, lookup, trace, tolerance));
      let result: Tri = true;
      e.ops.forEach((op, i) => {
        const a = values[i] as ExprValue;
        const b = values[i + 1] as ExprValue;
        let outcome: Tri;
        if (a.kind === 'truth' || b.kind === 'truth') {
          const x = asTruth(a);
          const y = asTruth(b);
          outcome = x === 'unknown' || y === 'unknown' ? 'unknown' : x === y;
        } else {
          const leftExpr = e.operands[i] as Expr;
          const rightExpr = e.operands[i + 1] as Expr;
          const tol = op === '==' && iv.isPoint(a.value) && iv.isPoint(b.value) ? tolerance?.(leftExpr, rightExpr) : undefined;
          outcome = tol === undefined ? iv.compare(a.value, op, b.value) : a.value.lo.sub(b.value.lo).abs().lt(tol);
          trace.push({ left: a.value, op, right: b.value, leftExpr, rightExpr, outcome, ...(tol === undefined ? {} : { tolerance: tol }) });
        }
        result = iv.andTri(result, outcome);
      });
      return { kind: 'truth', value: result };
    }
    case 'call': {
      if (e.name === 'growth') {
        const arg = e.args[0];
        if (arg?.type !== 'ref') throw new EvalError('growth() takes a measurement');
        const now = need(lookup, arg.id, arg.offset);
        const before = need(lookup, arg.id, arg.offset - 1);
        if (typeof now === 'boolean' || typeof before === 'boolean') throw new EvalError('growth() of a yes/no value');
        return { kind: 'number', value: iv.sub(iv.div(now, before), iv.point(new Decimal(1))) };
      }
      const args = e.args.map((a) => asNumber(evalExpr(a, lookup, trace, tolerance)));
      if (e.name === 'abs') return { kind: 'number', value: iv.abs(args[0] as Interval) };
      const f = e.name === 'min' ? iv.min : iv.max;
      return { kind: 'number', value: args.slice(1).reduce(f, args[0] as Interval) };
    }
  }
}
