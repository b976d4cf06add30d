/**
 * Dimension checking of a parsed expression against the units of the
 * measurements it reads. Run when a plan loads, so that a rule comparing
 * 元/人·月 with 人 never reaches evaluation.
 */
import type { Unit } from '../units/unit.js';
import type { Expr } from './ast.js';

/** `ratio` is also the dimension of plain numbers (1.4, 30%). */
export type ExprType = { readonly kind: 'number'; readonly dimension: string; readonly label?: string } | { readonly kind: 'boolean' };

/** The dimension of an unknown measurement: reported once, never compared. */
const UNKNOWN = '?';

export interface TypeIssue {
  readonly message: string;
  readonly offset: number;
  readonly code: 'UNKNOWN_MEASUREMENT' | 'UNIT_MISMATCH' | 'TYPE_MISMATCH';
}

const RATIO: ExprType = { kind: 'number', dimension: 'ratio' };

export function typeOf(e: Expr, unitOf: (id: string) => Unit | undefined, issues: TypeIssue[]): ExprType {
  const num = (x: ExprType, at: Expr): string => {
    if (x.kind !== 'number') {
      issues.push({ code: 'TYPE_MISMATCH', message: 'expected a number here, found a yes/no value', offset: at.start });
      return 'ratio';
    }
    return x.dimension;
  };
  const bool = (x: ExprType, at: Expr): void => {
    if (x.kind !== 'boolean') issues.push({ code: 'TYPE_MISMATCH', message: 'expected a comparison or yes/no value here', offset: at.start });
  };
  switch (e.type) {
    case 'number':
      return RATIO;
    case 'boolean':
      return { kind: 'boolean' };
    case 'ref': {
      const u = unitOf(e.id);
      if (u === undefined) {
        issues.push({ code: 'UNKNOWN_MEASUREMENT', message: `unknown measurement "${e.id}": declare it under measurements or indicators`, offset: e.start });
        return { kind: 'number', dimension: UNKNOWN };
      }
      return u.kind === 'boolean' ? { kind: 'boolean' } : { kind: 'number', dimension: u.dimension, label: u.text };
    }
    case 'negate':
      return { kind: 'number', dimension: num(typeOf(e.arg, unitOf, issues), e.arg) };
    case 'not':
      bool(typeOf(e.arg, unitOf, issues), e.arg);
      return { kind: 'boolean' };
    case 'logic':
      bool(typeOf(e.left, unitOf, issues), e.left);
      bool(typeOf(e.right, unitOf, issues), e.right);
      return { kind: 'boolean' };
    case 'arith': {
      const lt = typeOf(e.left, unitOf, issues);
      const rt = typeOf(e.right, unitOf, issues);
      const l = num(lt, e.left);
      const r = num(rt, e.right);
      if (l === UNKNOWN || r === UNKNOWN) return { kind: 'number', dimension: UNKNOWN };
      if (e.op === '+' || e.op === '-') {
        if (l !== r) issues.push({ code: 'UNIT_MISMATCH', message: `cannot ${e.op === '+' ? 'add' : 'subtract'} ${show(rt)} and ${show(lt)}: different dimensions`, offset: e.right.start });
        return lt;
      }
      if (e.op === '*') {
        if (l === 'ratio') return rt;
        if (r === 'ratio') return lt;
        return { kind: 'number', dimension: `(${l})·(${r})` };
      }
      if (l === r) return RATIO;
      if (r === 'ratio') return lt;
      return { kind: 'number', dimension: `(${l})/(${r})` };
    }
    case 'compare': {
      const types = e.operands.map((o) => typeOf(o, unitOf, issues));
      const first = types[0] as ExprType;
      types.forEach((t, i) => {
        if (i === 0) return;
        const operand = e.operands[i] as Expr;
        const unknown = (t.kind === 'number' && t.dimension === UNKNOWN) || (first.kind === 'number' && first.dimension === UNKNOWN);
        if (unknown) return;
        const bare = bareLiteralAgainstShare(e.operands[0] as Expr, operand, unitOf);
        if (bare !== undefined) {
          issues.push({ code: 'UNIT_MISMATCH', message: bare.message, offset: bare.at.start });
        } else if (t.kind !== first.kind || (t.kind === 'number' && first.kind === 'number' && t.dimension !== first.dimension)) {
          issues.push({ code: 'UNIT_MISMATCH', message: `cannot compare ${show(first)} with ${show(t)}: incompatible dimensions`, offset: operand.start });
        } else if (t.kind === 'boolean' && e.ops[i - 1] !== '==') {
          issues.push({ code: 'TYPE_MISMATCH', message: 'yes/no values can only be compared with ==', offset: operand.start });
        }
      });
      return { kind: 'boolean' };
    }
    case 'call': {
      const dims = e.args.map((a) => num(typeOf(a, unitOf, issues), a));
      if (e.name === 'growth') return RATIO;
      const first = dims[0] as string;
      dims.forEach((d, i) => {
        if (d !== first && d !== UNKNOWN && first !== UNKNOWN) issues.push({ code: 'UNIT_MISMATCH', message: `${e.name}() of different dimensions: ${first} and ${d}`, offset: (e.args[i] as Expr).start });
      });
      return { kind: 'number', dimension: first };
    }
  }
}

/**
 * `share >= 100` where share is in %: the bare 100 is a hundredfold ratio
 * (10000%), not 100%, so the rule could never hold. A literal compared
 * directly with a measurement in % or ‰ must carry the sign (0 aside).
 */
function bareLiteralAgainstShare(a: Expr, b: Expr, unitOf: (id: string) => Unit | undefined): { message: string; at: Expr } | undefined {
  for (const [ref, lit] of [
    [a, b],
    [b, a],
  ] as const) {
    if (ref.type !== 'ref' || lit.type !== 'number' || lit.value.isZero() || /[%‰]$/.test(lit.text)) continue;
    const sign = unitOf(ref.id)?.text;
    if (sign !== '%' && sign !== '‰') continue;
    return { message: `${ref.id} is in ${sign}: write ${lit.text}${sign} (a bare ${lit.text} is the ratio ${lit.text}, i.e. ${lit.value.mul(sign === '%' ? 100 : 1000).toString()}${sign})`, at: lit };
  }
  return undefined;
}

function show(t: ExprType): string {
  if (t.kind === 'boolean') return 'a yes/no value';
  if (t.dimension === 'ratio') return 'a ratio';
  return t.label ?? t.dimension;
}

/** Check that a rule's expression is a well-typed condition. */
export function checkCondition(e: Expr, unitOf: (id: string) => Unit | undefined): TypeIssue[] {
  const issues: TypeIssue[] = [];
  const t = typeOf(e, unitOf, issues);
  if (t.kind !== 'boolean') {
    issues.push({ code: 'TYPE_MISMATCH', message: 'a rule must be a condition (a comparison such as a >= 1.4 * b)', offset: e.start });
  }
  return issues;
}
