/**
 * Time, as spans of months. Every period plancheck reads is a span within a
 * calendar year — a month (2024-06), a quarter (2024-Q2), a half (2024年上半年),
 * a year (2024), a year to date from January (2024年1-6月, 前三季度) or any run
 * of months (2024年4-6月) — and every question the core asks of time is
 * answered here by arithmetic on spans, never by comparing their labels:
 *
 * - a stock (rollup `latest`: a rate, a standard, a count of beds) is a value
 *   at a moment, the end of its span: `2024-06`, `2024-Q2` and `2024年1-6月`
 *   are all the end of June;
 * - a flow (rollup `sum`: households adapted) is an amount over its span;
 *   see flow-ledger.ts for how amounts over spans combine.
 *
 * Pure.
 */
import { toHalfWidth } from '../values/parse-value.js';

/** Months `from`..`to` (1–12, inclusive) of `year`. */
export interface Period {
  readonly year: number;
  readonly from: number;
  readonly to: number;
}

/** The moment an evaluation is made: the end of `month` in `year` (12 for a whole year). */
export interface AsOf {
  readonly year: number;
  readonly month: number;
}

/** How often a measurement is due, as the length of its periods in months. */
export type Frequency = 'monthly' | 'quarterly' | 'yearly';
export const STEP: Readonly<Record<Frequency, number>> = { monthly: 1, quarterly: 3, yearly: 12 };

export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

export function span(year: number, from: number, to: number): Period {
  return { year, from, to };
}
export const wholeYear = (year: number): Period => span(year, 1, 12);
export const monthOf = (year: number, month: number): Period => span(year, month, month);
export const quarterOf = (year: number, quarter: number): Period => span(year, quarter * 3 - 2, quarter * 3);
/** January to `month`: the year to date. */
export const yearToDate = (year: number, month: number): Period => span(year, 1, month);

/** The granularity a span is named by. */
export type SpanKind = 'year' | 'quarter' | 'month' | 'months';

export function kindOf(p: Period): SpanKind {
  if (p.from === 1 && p.to === 12) return 'year';
  if (p.from === p.to) return 'month';
  if (p.to - p.from === 2 && p.to % 3 === 0) return 'quarter';
  return 'months';
}

export const isWholeYear = (p: Period): boolean => p.from === 1 && p.to === 12;
export const months = (p: Period): number => p.to - p.from + 1;
/** The moment a stock's value stands at: the end of its span. */
export const momentOf = (p: Period): AsOf => ({ year: p.year, month: p.to });

export function samePeriod(a: Period, b: Period): boolean {
  return a.year === b.year && a.from === b.from && a.to === b.to;
}

/** Does `outer` contain `inner`? */
export function contains(outer: Period, inner: Period): boolean {
  return outer.year === inner.year && outer.from <= inner.from && inner.to <= outer.to;
}

/** Moments in order: negative when `a` is before `b`. */
export function compareMoments(a: AsOf, b: AsOf): number {
  return a.year !== b.year ? a.year - b.year : a.month - b.month;
}

const mm = (m: number): string => String(m).padStart(2, '0');

/**
 * The canonical text of a span: `2024`, `2024-Q2`, `2024-06`, and any other
 * run of months as an ISO 8601 interval, `2024-01/2024-06`. parsePeriod reads
 * every one of them back.
 */
export function formatPeriod(p: Period): string {
  switch (kindOf(p)) {
    case 'year':
      return String(p.year);
    case 'month':
      return `${p.year}-${mm(p.to)}`;
    case 'quarter':
      return `${p.year}-Q${p.to / 3}`;
    case 'months':
      return `${p.year}-${mm(p.from)}/${p.year}-${mm(p.to)}`;
  }
}

/** The same span as a Chinese table prints it: 2024年, 2024年第二季度, 2024年6月, 2024年1-6月. */
export function formatPeriodZh(p: Period): string {
  switch (kindOf(p)) {
    case 'year':
      return `${p.year}年`;
    case 'month':
      return `${p.year}年${p.to}月`;
    case 'quarter':
      return `${p.year}年第${'一二三四'[p.to / 3 - 1]}季度`;
    case 'months':
      return `${p.year}年${p.from}-${p.to}月`;
  }
}

export function formatAsOf(a: AsOf): string {
  return a.month === 12 ? String(a.year) : `${a.year}-${mm(a.month)}`;
}

/** The span an evaluation as of `a` covers for a flow: January to its month. */
export function asOfSpan(a: AsOf): Period {
  return yearToDate(a.year, a.month);
}

/** The moment a period given on the command line stands for: its end. */
export function asOfPeriod(p: Period): AsOf {
  return momentOf(p);
}

/** @deprecated by momentOf: the last month a period covers. */
export function endMonth(p: Period): number {
  return p.to;
}

// ---- reading periods as people write them ----

const CN_DIGIT: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

function monthNumber(s: string): number | undefined {
  const n = /^\d{1,2}$/.test(s) ? Number(s) : CN_DIGIT[s];
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

function inYears(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function checked(year: number, from: number, to: number): Period | undefined {
  if (!inYears(year) || from < 1 || to > 12 || from > to) return undefined;
  return span(year, from, to);
}

/** Words for spans within a year: 上半年, 前三季度, 一季度 … (after the year). */
const SPAN_WORDS: Readonly<Record<string, readonly [number, number]>> = {
  全年: [1, 12],
  年度: [1, 12],
  上半年: [1, 6],
  下半年: [7, 12],
  前三季度: [1, 9],
  前两季度: [1, 6],
  前二季度: [1, 6],
  H1: [1, 6],
  H2: [7, 12],
};

const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const DASH = '[-~—–至到]';
/**
 * `2024年1-6月`, `2024年1月-6月`, `2024年1至6月份`, `2024年1—6月累计`, `2024-1-6月`: a
 * 年 after the year or a 月 after the last month (so a date such as `2024-1-6`
 * is never read as January to June).
 */
const MONTH_RUN_YEAR = new RegExp(`^(\\d{4})年${MONTH}月?${DASH}+${MONTH}月?份?$`);
const MONTH_RUN_MONTH = new RegExp(`^(\\d{4})[.\\-/]?${MONTH}月?${DASH}+${MONTH}月份?$`);
/** `2024-01/2024-06` (ISO 8601), `2024-01/06`, `2024-01~2024-06` */
const ISO_RUN = /^(\d{4})-(\d{1,2})(?:\/|~|--)(?:(\d{4})-)?(\d{1,2})$/;

/**
 * A period as written in a period column or a wide table's header: `2024`,
 * `2024年`, `2024年度`, `2024-06`, `2024/6`, `2024年6月`, `2024-Q2`,
 * `2024年第二季度`, `2024年二季度`, `2024-H1`, `2024年上半年`, `2024年前三季度`,
 * `2024年1-6月`, `2024年4-6月`, `2024-01/2024-06`. A run across years is not a
 * period (undefined).
 */
export function parsePeriod(raw: string): Period | undefined {
  const s = toHalfWidth(raw).trim().replace(/\s+/g, '').replace(/累计$/, '');
  let m = /^(\d{4})年?度?(?:全年)?$/.exec(s);
  if (m) return checked(Number(m[1]), 1, 12);
  m = /^(\d{4})[-/.年](\d{1,2}|十[一二]?|[一二三四五六七八九])月?份?$/.exec(s);
  if (m) {
    const month = monthNumber(m[2] as string);
    return month === undefined ? undefined : checked(Number(m[1]), month, month);
  }
  m = /^(\d{4})[-/]?[Qq]([1-4])$/.exec(s) ?? /^(\d{4})年?第?([一二三四1-4])季度?$/.exec(s);
  if (m) {
    const q = monthNumber(m[2] as string) as number;
    return checked(Number(m[1]), q * 3 - 2, q * 3);
  }
  m = /^(\d{4})[-/]?([Hh][12])$/.exec(s);
  if (m) {
    const [from, to] = SPAN_WORDS[(m[2] as string).toUpperCase()] as readonly [number, number];
    return checked(Number(m[1]), from, to);
  }
  m = /^(\d{4})年?(.+)$/.exec(s);
  if (m && SPAN_WORDS[m[2] as string]) {
    const [from, to] = SPAN_WORDS[m[2] as string] as readonly [number, number];
    return checked(Number(m[1]), from, to);
  }
  m = MONTH_RUN_YEAR.exec(s) ?? MONTH_RUN_MONTH.exec(s);
  if (m) {
    const from = monthNumber(m[2] as string);
    const to = monthNumber(m[3] as string);
    return from === undefined || to === undefined ? undefined : checked(Number(m[1]), from, to);
  }
  m = ISO_RUN.exec(s);
  if (m) {
    if (m[3] !== undefined && m[3] !== m[1]) return undefined;
    return checked(Number(m[1]), Number(m[2]), Number(m[4]));
  }
  return undefined;
}

/** Is this text a run of months across two years (`2023-11/2024-02`)? Such spans are not read. */
export function crossesYears(raw: string): boolean {
  const m = ISO_RUN.exec(toHalfWidth(raw).trim().replace(/\s+/g, ''));
  return m !== null && m[3] !== undefined && m[3] !== m[1];
}
