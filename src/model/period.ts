/** Reporting periods: a year (2023), a month (2023-06) or a quarter (2023-Q2). */
import { toHalfWidth } from '../values/parse-value.js';

export type Period =
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: number };

const QUARTER_WORDS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export function parsePeriod(raw: string): Period | undefined {
  const s = toHalfWidth(raw).trim().replace(/\s+/g, '');
  let m = /^(\d{4})年?(?:度)?$/.exec(s);
  if (m) return year(Number(m[1]));
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return withYear(Number(m[1]), (y) => ({ kind: 'month', year: y, month }));
  }
  m = /^(\d{4})[-/]?[Qq]([1-4])$/.exec(s) ?? /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(s);
  if (m) {
    const quarter = QUARTER_WORDS[m[2] as string] as number;
    return withYear(Number(m[1]), (y) => ({ kind: 'quarter', year: y, quarter }));
  }
  return undefined;
}

function year(y: number): Period | undefined {
  return withYear(y, (yy) => ({ kind: 'year', year: yy }));
}

function withYear(y: number, f: (y: number) => Period): Period | undefined {
  return y >= 1949 && y <= 2100 ? f(y) : undefined;
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'year':
      return String(p.year);
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
  }
}

/** The last month a period covers: 12 for a year, 6 for 2023-Q2. */
export function endMonth(p: Period): number {
  return p.kind === 'year' ? 12 : p.kind === 'month' ? p.month : p.quarter * 3;
}

/** The moment an evaluation is made: the end of `month` in `year` (12 for a whole year). */
export interface AsOf {
  readonly year: number;
  readonly month: number;
}

export function asOfPeriod(p: Period): AsOf {
  return { year: p.year, month: endMonth(p) };
}

export function formatAsOf(a: AsOf): string {
  return a.month === 12 ? String(a.year) : `${a.year}-${String(a.month).padStart(2, '0')}`;
}
