/**
 * One value cell of an indicator table, read as the city plans print it:
 * `90以上`, `≥2.6`, `>80`, `不低于90`, `30-40`, `30%–40%`, `—`, `60%`,
 * `1200人`, `＞30平方米`, `98、95` (a row printed for two things), `城镇1.82%`
 * (a label before the number), `50000（累计）`, and text (`不低于居民上年度人均
 * 消费支出增速`). The number and its bound are read by values/parse-value.ts,
 * as a data cell is; this module adds what only a plan's table prints. Pure.
 */
import { unknownBases } from '../plan/known-units.js';
import { tryParseUnit } from '../units/unit.js';
import type { Decimal } from '../values/decimal.js';
import { isPoint, type BoundOp } from '../values/interval.js';
import { parseNumberText, parseValue, splitValueUnit, toHalfWidth } from '../values/parse-value.js';

export type CellReading =
  | { readonly kind: 'absent'; readonly text: string }
  | { readonly kind: 'number'; readonly op?: BoundOp; readonly value: Decimal; readonly unit?: string; readonly label?: string; readonly cumulative?: boolean }
  | { readonly kind: 'range'; readonly low: Decimal; readonly high: Decimal; readonly unit?: string; readonly label?: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'text'; readonly text: string };

export interface Cell {
  /** the cell as printed (line breaks kept) */
  readonly text: string;
  /** one reading, or several for a split cell (`98、95`) */
  readonly parts: readonly CellReading[];
}

/** Printed where there is no value: a dash, a slash, 无. */
const ABSENT = /^(?:[-—–―~～/／]+|无|暂无|不适用|N\/?A)$/i;
const CUMULATIVE = /[（(](?:累计|五年累计|5年累计|“十[四五]五”累计|期间累计)[）)]$/;
/** `30-40`, `30%–40%`, `30～40`, `30至40` */
const RANGE = /^([\d.]+)\s*(%|‰)?\s*(?:-|–|—|~|～|至|到)\s*([\d.]+)\s*(%|‰)?$/;
/** A label before the number: 城镇1.82%, 农村≥70 */
const LABELLED = /^([\u4e00-\u9fff]{1,6})([<>≥≤＞＜]?\s*\d.*)$/;

/** Read one part of a cell (no 、 in it). */
export function readPart(raw: string): CellReading {
  let text = toHalfWidth(raw).replace(/\s+/g, '').trim();
  if (text === '' || ABSENT.test(text)) return { kind: 'absent', text: raw.trim() };
  let cumulative = false;
  if (CUMULATIVE.test(text)) {
    cumulative = true;
    text = text.replace(CUMULATIVE, '');
  }
  let label: string | undefined;
  const lab = LABELLED.exec(text);
  if (lab && !/^(?:不低于|不少于|不高于|不超过|超过|高于|低于|达到|大于|小于)$/.test(lab[1] ?? "")) {
    label = lab[1];
    text = lab[2] as string;
  }
  const withLabel = <T extends object>(r: T): T & { label?: string } => (label === undefined ? r : { ...r, label });
  const range = RANGE.exec(text);
  if (range) {
    const low = parseNumberText(range[1] as string);
    const high = parseNumberText(range[3] as string);
    const unit = range[4] ?? range[2];
    if (low && high && low.lte(high)) return withLabel({ kind: 'range', low, high, ...(unit === undefined ? {} : { unit }) });
  }
  const direct = readNumber(text);
  if (direct) return withLabel({ ...direct, ...(cumulative ? { cumulative } : {}) });
  const parsed = parseValue(text);
  if (parsed.kind === 'boolean') return { kind: 'boolean', value: parsed.value };
  if (parsed.kind === 'absent') return { kind: 'absent', text: raw.trim() };
  return { kind: 'text', text: raw.trim() };
}

function readNumber(text: string): Extract<CellReading, { kind: 'number' }> | undefined {
  const tryOne = (t: string, unit?: string): Extract<CellReading, { kind: 'number' }> | undefined => {
    const p = parseValue(t);
    if (p.kind !== 'number') return undefined;
    const v = p.value;
    const op: BoundOp | undefined = isPoint(v) ? undefined : v.hi.isFinite() ? (v.hiOpen ? '<' : '<=') : v.loOpen ? '>' : '>=';
    const value = op === '<' || op === '<=' ? v.hi : v.lo;
    const u = p.suffix ?? unit;
    // a word after the number that is no unit (9家，完成全覆盖) makes the cell text
    if (u !== undefined && !isUnitWord(u)) return undefined;
    return { kind: 'number', value, ...(op === undefined ? {} : { op }), ...(u === undefined ? {} : { unit: u }) };
  };
  const plain = tryOne(text);
  if (plain) return plain;
  const split = splitValueUnit(text);
  if (split) return tryOne(split.value, split.unit.replace(/^(?:以上|以下)$/, '') || undefined);
  return undefined;
}

/** A unit plancheck knows: `%`, `人`, `元/月`, `平方米`, `倍`. */
export function isUnitWord(text: string): boolean {
  const u = tryParseUnit(text);
  return u !== undefined && unknownBases(u).length === 0;
}

/** `98、95`, `100、≥30`, `100人、85.8%`: a row printed for several things at once. */
export function readCell(raw: string): Cell {
  const text = raw;
  const flat = raw.replace(/\s*\n\s*/g, '');
  // 98、95, or 98 and 95 on two lines of the cell
  const pieces = raw.trim().split(/\s*(?:[、／\n]|(?<=\d)\/(?=[\d≥≤<>]))\s*/).map((s) => s.trim());
  if (pieces.length > 1 && pieces.every((p) => p !== '' && readPart(p).kind !== 'text')) return { text, parts: pieces.map(readPart) };
  return { text, parts: [readPart(flat)] };
}
