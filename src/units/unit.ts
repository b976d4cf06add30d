/**
 * Units of measure as the plans print them: 元/人·月, 万人, %, ‰, 平方米/百户 …
 * A unit parses to a dimension and a factor to that dimension's base unit.
 * Two values convert when their dimensions are equal. The base of a time
 * denominator is the year, so per month → per year multiplies by 12 and every
 * conversion is an exact decimal multiplication.
 */
import { Decimal } from '../values/decimal.js';

export type UnitKind = 'quantity' | 'ratio' | 'boolean';

export interface Unit {
  /** the unit as written, normalised (full-width → half-width, 人年 → 人·年) */
  readonly text: string;
  readonly kind: UnitKind;
  /** equal dimensions convert into each other */
  readonly dimension: string;
  /** multiply a value in this unit by this factor to get the dimension's base unit */
  readonly factor: Decimal;
}

const SCALE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** time words that may stand in a denominator, with how many make a year */
const PER_YEAR: Readonly<Record<string, number>> = { 年: 1, 季度: 4, 季: 4, 月: 12 };

const RATIOS: Readonly<Record<string, string>> = { '%': '0.01', '‰': '0.001', 倍: '1' };

const BOOLEAN_UNITS = new Set(['是/否', '是否', 'bool', 'boolean']);

/** A unit that does not parse; `zh` says the same in Chinese (for `--lang zh`). */
export class UnitSyntaxError extends Error {
  constructor(
    message: string,
    readonly zh: string = message,
  ) {
    super(message);
  }
}

function normaliseUnitText(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[・.•]/g, '·')
    .replace(/\s+/g, '');
}

interface Term {
  readonly base: string;
  readonly scale: number;
}

function parseTerm(term: string): Term {
  if (term === '') throw new UnitSyntaxError('empty unit term', '单位中有空的部分');
  if (/[0-9]/.test(term)) throw new UnitSyntaxError(`a unit has no digits: "${term}"`, `单位中不能有数字：“${term}”`);
  for (const [prefix, scale] of SCALE_PREFIXES) {
    if (term.startsWith(prefix) && term.length > prefix.length) {
      return { base: term.slice(prefix.length), scale };
    }
  }
  return { base: term, scale: 1 };
}

/** `人年` → [`人`, `年`]: the plans sometimes print 元/人年 for 元/人·年. */
function splitDenominator(part: string): string[] {
  const out: string[] = [];
  for (const piece of part.split('·')) {
    const m = /^(.+?)(季度|年|月)$/.exec(piece);
    if (m && m[1] !== undefined && m[2] !== undefined && !(m[1] in PER_YEAR)) {
      out.push(m[1], m[2]);
    } else {
      out.push(piece);
    }
  }
  return out;
}

export function parseUnit(raw: string): Unit {
  const text0 = normaliseUnitText(raw);
  if (text0 === '') throw new UnitSyntaxError('empty unit', '单位为空');
  if (BOOLEAN_UNITS.has(text0)) {
    return { text: '是/否', kind: 'boolean', dimension: 'boolean', factor: new Decimal(1) };
  }
  const ratio = RATIOS[text0];
  if (ratio !== undefined) {
    return { text: text0, kind: 'ratio', dimension: 'ratio', factor: new Decimal(ratio) };
  }
  const [numerator = '', ...rest] = text0.split('/');
  if (numerator.includes('·')) throw new UnitSyntaxError(`"${raw}": a numerator is one term`, `“${raw}”：分子只能是一个单位`);
  const num = parseTerm(numerator);
  if (num.base in PER_YEAR) throw new UnitSyntaxError(`"${raw}": a time unit cannot be a numerator`, `“${raw}”：时间单位不能作分子`);
  let factor = new Decimal(num.scale);
  const denominators: string[] = [];
  let perTime = false;
  const denomTerms = rest.flatMap(splitDenominator);
  for (const d of denomTerms) {
    const perYear = PER_YEAR[d];
    if (perYear !== undefined) {
      if (perTime) throw new UnitSyntaxError(`"${raw}": two time denominators`, `“${raw}”：分母中有两个时间单位`);
      perTime = true;
      factor = factor.mul(perYear);
      continue;
    }
    const t = parseTerm(d);
    factor = factor.div(t.scale); // a power of ten: exact
    denominators.push(t.base);
  }
  denominators.sort();
  const denomText = [...denominators, ...(perTime ? ['年'] : [])].join('·');
  const dimension = denomText ? `${num.base}/${denomText}` : num.base;
  const display = rest.length === 0 ? numerator : `${numerator}/${denomTerms.join('·')}`;
  return { text: display, kind: 'quantity', dimension, factor };
}

export function tryParseUnit(raw: string): Unit | undefined {
  try {
    return parseUnit(raw);
  } catch (e) {
    if (e instanceof UnitSyntaxError) return undefined;
    throw e;
  }
}

export function sameDimension(a: Unit, b: Unit): boolean {
  return a.dimension === b.dimension;
}

/** Convert a value from one unit to another of the same dimension. */
export function convertValue(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from.dimension !== to.dimension) {
    throw new Error(`cannot convert ${from.text} to ${to.text}`);
  }
  if (from.factor.eq(to.factor)) return value;
  return value.mul(from.factor).div(to.factor);
}

/** A value in the base unit of its dimension (multiplication only: exact). */
export function toBase(value: Decimal, unit: Unit): Decimal {
  return value.mul(unit.factor);
}

/** The dimension named for people: `元/人·年` reads as 元 per person per year. */
export function describeDimension(dimension: string): string {
  return dimension === 'ratio' ? '比率 (%, ‰, 倍)' : dimension.replace('年', '时间');
}
