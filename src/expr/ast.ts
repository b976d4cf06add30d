/** The expression tree of a rule, with character offsets into its text. */
import type { Decimal } from '../values/decimal.js';
import type { CompareOp } from '../values/interval.js';

export interface Span {
  /** 0-based offset of the first character */
  readonly start: number;
  /** 0-based offset after the last character */
  readonly end: number;
}

export type FunctionName = 'growth' | 'min' | 'max' | 'abs';

export type Expr =
  | (Span & { readonly type: 'number'; readonly value: Decimal; readonly text: string })
  | (Span & { readonly type: 'boolean'; readonly value: boolean })
  | (Span & { readonly type: 'ref'; readonly id: string; readonly offset: number })
  | (Span & { readonly type: 'negate'; readonly arg: Expr })
  | (Span & { readonly type: 'not'; readonly arg: Expr })
  | (Span & { readonly type: 'arith'; readonly op: '+' | '-' | '*' | '/'; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly type: 'logic'; readonly op: 'and' | 'or'; readonly left: Expr; readonly right: Expr })
  | (Span & { readonly type: 'compare'; readonly ops: readonly CompareOp[]; readonly operands: readonly Expr[] })
  | (Span & { readonly type: 'call'; readonly name: FunctionName; readonly args: readonly Expr[] });

/** A measurement a rule reads: its id and how many years back. */
export interface Reference {
  readonly id: string;
  /** 0 for the evaluation year, -1 for the year before … */
  readonly offset: number;
}

/** Every measurement (and year offset) an expression reads, `growth(x)` included. */
export function collectReferences(e: Expr, out: Reference[] = []): Reference[] {
  const push = (r: Reference): void => {
    if (!out.some((o) => o.id === r.id && o.offset === r.offset)) out.push(r);
  };
  switch (e.type) {
    case 'number':
    case 'boolean':
      break;
    case 'ref':
      push({ id: e.id, offset: e.offset });
      break;
    case 'negate':
    case 'not':
      collectReferences(e.arg, out);
      break;
    case 'arith':
    case 'logic':
      collectReferences(e.left, out);
      collectReferences(e.right, out);
      break;
    case 'compare':
      for (const o of e.operands) collectReferences(o, out);
      break;
    case 'call':
      for (const a of e.args) {
        collectReferences(a, out);
        if (e.name === 'growth' && a.type === 'ref') push({ id: a.id, offset: a.offset - 1 });
      }
      break;
  }
  return out;
}
