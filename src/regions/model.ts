/**
 * The region table's records: China's provinces, prefectures and counties,
 * each under its GB/T 2260 code (or its 统计用区划代码, for the statistical
 * units that have no GB/T 2260 code), with the span of time it was in use.
 */

export type RegionLevel = 'province' | 'prefecture' | 'county';

export const REGION_LEVELS: readonly RegionLevel[] = ['province', 'prefecture', 'county'];

/**
 * A date as precise as the source knows it: `2023` (a year: an edition of
 * 统计用区划代码 is the year's), `2023-04` or `2023-04-03` (an announcement).
 */
export type RegionDate = string;

export interface RegionRecord {
  /** 6 digits */
  readonly code: string;
  /** the full name, as the source prints it (苏州市, 楚雄彝族自治州) */
  readonly name: string;
  /** the names it is also written by (苏州; 楚雄州, 楚雄), best known first */
  readonly short: readonly string[];
  readonly level: RegionLevel;
  /** the code of the region it lies in directly (a county under a province-administered city lies in the province) */
  readonly parent?: string;
  /** the first year or day it was in use under this code and name; absent: before the table's first edition */
  readonly validFrom?: RegionDate;
  /** the last year it was in use under this code and name, or the day of the change that ended it; absent: in use */
  readonly validTo?: RegionDate;
  /** when it ended: the codes that took its place (米林县 540422 → 米林市 540481) */
  readonly successors?: readonly string[];
  /** when it began by replacing others: their codes */
  readonly predecessors?: readonly string[];
  /** a 统计用区划 unit that is no region of GB/T 2260 (开发区 and other 功能区 with codes x71–x79, …) */
  readonly statistical?: boolean;
  /** where the record comes from: an edition (`nbs-2023`), an amendment (`amendment`), or a user's list (its file) */
  readonly source?: string;
}

export type RegionChangeKind = 'established' | 'replaced' | 'renamed' | 'recoded' | 'listed' | 'removed';

/** A change in the table between two editions, or announced after them, with where it is recorded. */
export interface RegionChange {
  readonly date: RegionDate;
  readonly kind: RegionChangeKind;
  /** the code after the change (for `removed`, the code that was removed) */
  readonly code: string;
  readonly name: string;
  /** codes it came from: the codes it replaced (`replaced`, `recoded`), or carved out of (`established`); for `renamed`, its own */
  readonly from: readonly string[];
  /** for `renamed`, the name before */
  readonly fromName?: string;
  /** the announcement or the editions compared */
  readonly source: string;
}

/** Is a record in use at some time in `year`? (A record that changed during the year was, and so was its successor.) */
export function validInYear(r: Pick<RegionRecord, 'validFrom' | 'validTo'>, year: number): boolean {
  if (r.validFrom !== undefined && Number(r.validFrom.slice(0, 4)) > year) return false;
  if (r.validTo !== undefined && Number(r.validTo.slice(0, 4)) < year) return false;
  return true;
}

/** The level a 6-digit code has by GB/T 2260's layout: xx0000 a province, xxyy00 a prefecture, else a county. */
export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/** Code-point order (dates and codes are ASCII: no locale's collation, which is slow to start and may vary). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
