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
}

export type EvalOutcome =
  | { readonly kind: 'value'; readonly value: Tri; readonly comparisons: readonly ComparisonTrace[] }
  | { readonly kind: 'missing'; readonly missing: readonly Reference[] }
  | { readonly kind: 'error'; readonly message: string };

/** `lookup(id, offset)` gives a measurement in base units, or undefined when absent. */
export type Lookup = (id: string, offset: number) => Interval | boolean | undefined;

class EvalError extends Error {}

export function evaluateCondition(e: Expr, lookup: Lookup): EvalOutcome {
  const missing = collectReferences(e).filter((r) => lookup(r.id, r.offset) === undefined);
  if (missing.length > 0) return { kind: 'missing', missing };
  const comparisons: ComparisonTrace[] = [];
  try {
    const v = evalExpr(e, lookup, comparisons);
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

function evalExpr(e: Expr, lookup: Lookup, trace: ComparisonTrace[]): ExprValue {
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
      return { kind: 'number', value: iv.neg(asNumber(evalExpr(e.arg, lookup, trace))) };
    case 'not':
      return { kind: 'truth', value: iv.notTri(asTruth(evalExpr(e.arg, lookup, trace))) };
    case 'logic': {
      const l = asTruth(evalExpr(e.left, lookup, trace));
      const r = asTruth(evalExpr(e.right, lookup, trace));
      return { kind: 'truth', value: e.op === 'and' ? iv.andTri(l, r) : iv.orTri(l, r) };
    }
    case 'arith': {
      const l = asNumber(evalExpr(e.left, lookup, trace));
      const r = asNumber(evalExpr(e.right, lookup, trace));
      const f = { '+': iv.add, '-': iv.sub, '*': iv.mul, '/': iv.div }[e.op];
      return { kind: 'number', value: f(l, r) };
    }
    case 'compare': {
      const values = e.operands.map((o) => evalExpr(o, lookup, trace));
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
          outcome = iv.compare(a.value, op, b.value);
          trace.push({ left: a.value, op, right: b.value, leftExpr: e.operands[i] as Expr, rightExpr: e.operands[i + 1] as Expr, outcome });
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
      const args = e.args.map((a) => asNumber(evalExpr(a, lookup, trace)));
      if (e.name === 'abs') return { kind: 'number', value: iv.abs(args[0] as Interval) };
      const f = e.name === 'min' ? iv.min : iv.max;
      return { kind: 'number', value: args.slice(1).reduce(f, args[0] as Interval) };
    }
  }
}
