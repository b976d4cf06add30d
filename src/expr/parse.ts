/**
 * A small recursive-descent parser for rule expressions. Rules are parsed when
 * the plan loads (never evaluated as code); an error names the character.
 *
 *   expr    := or
 *   or      := and ('or' and)*
 *   and     := not ('and' not)*
 *   not     := 'not' not | compare
 *   compare := sum (('>=' | '>' | '<=' | '<' | '==') sum)*
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := number ['%' | '‰'] | 'true' | 'false' | id ['[' '-'? digits ']']
 *            | function '(' expr (',' expr)* ')' | '(' expr ')'
 */
import { Decimal } from '../values/decimal.js';
import type { CompareOp } from '../values/interval.js';
import type { Expr, FunctionName } from './ast.js';

export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based offset of the offending character */
    readonly offset: number,
    /** the message in Chinese */
    readonly zh?: string,
  ) {
    super(message);
  }
}

type TokenType = 'number' | 'ident' | 'op' | 'eof';

interface Token {
  readonly type: TokenType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SYNONYMS: Readonly<Record<string, string>> = {
  '≥': '>=',
  '⩾': '>=',
  '≤': '<=',
  '⩽': '<=',
  '×': '*',
  '÷': '/',
  '＝': '==',
  '（': '(',
  '）': ')',
  '，': ',',
  '％': '%',
};

const OPERATORS = ['>=', '<=', '==', '>', '<', '+', '-', '*', '/', '(', ')', '[', ']', ',', '%', '‰'];

const FUNCTIONS: Readonly<Record<FunctionName, { min: number; max: number }>> = {
  growth: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
  min: { min: 2, max: Infinity },
  max: { min: 2, max: Infinity },
};

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const syn = SYNONYMS[c];
    if (syn !== undefined) {
      tokens.push({ type: 'op', text: syn, start: i, end: i + 1 });
      i++;
      continue;
    }
    const num = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      tokens.push({ type: 'number', text: num[0], start: i, end: i + num[0].length });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      tokens.push({ type: 'ident', text: id[0], start: i, end: i + id[0].length });
      i += id[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op !== undefined) {
      tokens.push({ type: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    if (c === '=') throw new ExprSyntaxError('use == to compare (a single = is not an operator)', i, '比较请用 ==（单个 = 不是运算符）');
    throw new ExprSyntaxError(`unexpected character "${c}"`, i, `意外的字符“${c}”`);
  }
  tokens.push({ type: 'eof', text: '', start: src.length, end: src.length });
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'eof') this.pos++;
    return t;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.text === text;
  }

  private expect(text: string, what: string): Token {
    const t = this.peek();
    if (t.type === 'op' && t.text === text) return this.next();
    throw new ExprSyntaxError(`expected ${what}, found ${describe(t)}`, t.start, `此处应为 ${what.replace(/ or /g, " 或 ")}，却是${describeZh(t)}`);
  }

  parseAll(): Expr {
    const e = this.parseOr();
    const t = this.peek();
    if (t.type !== 'eof') throw new ExprSyntaxError(`unexpected ${describe(t)}`, t.start, `多余的${describeZh(t)}`);
    return e;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.next();
      const right = this.parseAnd();
      left = { type: 'logic', op: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isWord('and')) {
      this.next();
      const right = this.parseNot();
      left = { type: 'logic', op: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isWord('not')) {
      const t = this.next();
      const arg = this.parseNot();
      return { type: 'not', arg, start: t.start, end: arg.end };
    }
    return this.parseCompare();
  }

  private parseCompare(): Expr {
    const first = this.parseSum();
    const operands: Expr[] = [first];
    const ops: CompareOp[] = [];
    for (;;) {
      const t = this.peek();
      if (t.type === 'op' && (t.text === '>=' || t.text === '>' || t.text === '<=' || t.text === '<' || t.text === '==')) {
        this.next();
        ops.push(t.text);
        operands.push(this.parseSum());
      } else break;
    }
    if (ops.length === 0) return first;
    const last = operands[operands.length - 1] as Expr;
    return { type: 'compare', ops, operands, start: first.start, end: last.end };
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as '+' | '-';
      const right = this.parseProduct();
      left = { type: 'arith', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next().text as '*' | '/';
      const right = this.parseUnary();
      left = { type: 'arith', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp('-')) {
      const t = this.next();
      const arg = this.parseUnary();
      return { type: 'negate', arg, start: t.start, end: arg.end };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.next();
    if (t.type === 'number') {
      let value = new Decimal(t.text);
      let end = t.end;
      let text = t.text;
      if (this.isOp('%') || this.isOp('‰')) {
        const s = this.next();
        value = value.div(s.text === '%' ? 100 : 1000);
        end = s.end;
        text += s.text;
      }
      return { type: 'number', value, text, start: t.start, end };
    }
    if (t.type === 'ident') {
      if (t.text === 'true' || t.text === 'false') {
        return { type: 'boolean', value: t.text === 'true', start: t.start, end: t.end };
      }
      if (t.text === 'and' || t.text === 'or' || t.text === 'not') {
        throw new ExprSyntaxError(`expected a value, found "${t.text}"`, t.start, `此处应为一个值，却是“${t.text}”`);
      }
      if (this.isOp('(')) return this.parseCall(t);
      if (this.isOp('[')) {
        this.next();
        let sign = 1;
        if (this.isOp('-')) {
          this.next();
          sign = -1;
        }
        const n = this.peek();
        if (n.type !== 'number' || !/^\d+$/.test(n.text)) {
          throw new ExprSyntaxError(`expected a whole number of years, e.g. ${t.text}[-1]`, n.start, `此处应为整数年数，例如 ${t.text}[-1]`);
        }
        this.next();
        const offset = sign * Number(n.text);
        if (offset > 0) throw new ExprSyntaxError('a rule can only look back to earlier years: use a negative offset', n.start, '规则只能回看以前的年份：请用负数偏移');
        const close = this.expect(']', '"]"');
        return { type: 'ref', id: t.text, offset: offset === 0 ? 0 : offset, start: t.start, end: close.end };
      }
      return { type: 'ref', id: t.text, offset: 0, start: t.start, end: t.end };
    }
    if (t.type === 'op' && t.text === '(') {
      const inner = this.parseOr();
      const close = this.expect(')', '")"');
      return { ...inner, start: t.start, end: close.end };
    }
    throw new ExprSyntaxError(t.type === 'eof' ? 'the expression ends too early' : `unexpected ${describe(t)}`, t.start, t.type === 'eof' ? '表达式不完整' : `意外的${describeZh(t)}`);
  }

  private parseCall(name: Token): Expr {
    const spec = (FUNCTIONS as Record<string, { min: number; max: number } | undefined>)[name.text];
    if (spec === undefined) {
      throw new ExprSyntaxError(`unknown function "${name.text}" (known: ${Object.keys(FUNCTIONS).join(', ')})`, name.start, `未知的函数“${name.text}”（可用：${Object.keys(FUNCTIONS).join('、')}）`);
    }
    this.expect('(', '"("');
    const args: Expr[] = [this.parseOr()];
    while (this.isOp(',')) {
      this.next();
      args.push(this.parseOr());
    }
    const close = this.expect(')', '")" or ","');
    if (args.length < spec.min || args.length > spec.max) {
      const want = spec.min === spec.max ? `${spec.min}` : `at least ${spec.min}`;
      const wantZh = spec.min === spec.max ? `${spec.min}` : `至少 ${spec.min}`;
      throw new ExprSyntaxError(`${name.text}() takes ${want} ${spec.min === 1 ? 'argument' : 'arguments'}, got ${args.length}`, name.start, `${name.text}() 需要 ${wantZh} 个参数，实际 ${args.length} 个`);
    }
    if (name.text === 'growth' && args[0]?.type !== 'ref') {
      throw new ExprSyntaxError('growth() takes a measurement, e.g. growth(low_income_standard)', args[0]?.start ?? name.start, 'growth() 的参数应为一个测量项，例如 growth(low_income_standard)');
    }
    return { type: 'call', name: name.text as FunctionName, args, start: name.start, end: close.end };
  }
}

function describe(t: Token): string {
  return t.type === 'eof' ? 'the end of the expression' : `"${t.text}"`;
}

function describeZh(t: Token): string {
  return t.type === 'eof' ? '表达式结尾' : `“${t.text}”`;
}

export function parseExpression(src: string): Expr {
  return new Parser(tokenize(src)).parseAll();
}

/** A caret line under the offending character, for error messages. */
export function caretExcerpt(src: string, offset: number): string {
  const prefix = src.slice(0, offset);
  // CJK characters take two columns in a terminal
  const width = [...prefix].reduce((w, ch) => w + (/[\u1100-\uFFDC]/.test(ch) && !/[\uFF61-\uFF9F]/.test(ch) ? 2 : 1), 0);
  return `  ${src}\n  ${' '.repeat(width)}^`;
}
