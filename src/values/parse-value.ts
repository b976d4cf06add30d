/**
 * Reading one value cell as people type it in China: `30,000`, `９５`,
 * `95%`, `1.5‰`, `>18000`, `≥30`, `90以上`, `是`, `—`, `不适用`.
 */
import { Decimal } from './decimal.js';
import { bound, point, type BoundOp, type Interval } from './interval.js';

export type ParsedValue =
  | { readonly kind: 'number'; readonly value: Interval; readonly suffix?: '%' | '‰' }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'absent'; readonly text: string }
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string };

/** Cells that mean "not available". */
const NOT_AVAILABLE = new Set(['', '-', '—', '——', '–', '/', '／', 'N/A', 'NA', 'n/a', 'na', '不适用', '无']);

/** Printed in place of a value where there is none to give (e.g. 不再评级: no longer graded). */
const NOT_ASSESSED = /^(不再评级|不再评定|暂无|暂无数据|未统计|无数据|未评估|未开展)$/;

const TRUE_WORDS = new Set(['是', '已实现', '实现', '完成', '已完成', 'true', 'TRUE', 'True', 'yes', 'Yes', 'YES', 'Y']);
const FALSE_WORDS = new Set(['否', '未实现', '未完成', 'false', 'FALSE', 'False', 'no', 'No', 'NO', 'N']);

const PREFIX_BOUNDS: ReadonlyArray<readonly [string, BoundOp]> = [
  ['>=', '>='],
  ['≥', '>='],
  ['⩾', '>='],
  ['<=', '<='],
  ['≤', '<='],
  ['⩽', '<='],
  ['>', '>'],
  ['<', '<'],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['超过', '>'],
  ['高于', '>'],
  ['低于', '<'],
];

const SUFFIX_BOUNDS: ReadonlyArray<readonly [string, BoundOp]> = [
  ['以上', '>='],
  ['以下', '<='],
];

/** Full-width ASCII (０-９, ％, ＞, ，…) to half-width, and trim. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumberText(text: string): Decimal | undefined {
  if (!NUMBER.test(text)) return undefined;
  const d = new Decimal(text.replace(/,/g, ''));
  return d.isFinite() ? d : undefined;
}

export function parseValue(raw: string): ParsedValue {
  let text = toHalfWidth(raw).trim();
  if (NOT_AVAILABLE.has(text)) return { kind: 'absent', text };
  if (NOT_ASSESSED.test(text)) return { kind: 'absent', text };
  if (TRUE_WORDS.has(text)) return { kind: 'boolean', value: true };
  if (FALSE_WORDS.has(text)) return { kind: 'boolean', value: false };

  let op: BoundOp | undefined;
  for (const [p, o] of PREFIX_BOUNDS) {
    if (text.startsWith(p)) {
      op = o;
      text = text.slice(p.length).trim();
      break;
    }
  }
  if (op === undefined) {
    for (const [s, o] of SUFFIX_BOUNDS) {
      if (text.endsWith(s)) {
        op = o;
        text = text.slice(0, -s.length).trim();
        break;
      }
    }
  }
  let suffix: '%' | '‰' | undefined;
  if (text.endsWith('%') || text.endsWith('‰')) {
    suffix = text.endsWith('%') ? '%' : '‰';
    text = text.slice(0, -1).trim();
  }
  const n = parseNumberText(text);
  if (n === undefined) {
    return { kind: 'invalid', text: raw, reason: 'not a number' };
  }
  const value = op === undefined ? point(n) : bound(op, n);
  return suffix === undefined ? { kind: 'number', value } : { kind: 'number', value, suffix };
}

/**
 * A value cell with its unit written after the number (`2.2万人`,
 * `1185元/人·月`, `>2.2万人`, `2.2万人以上`): the value text without the unit,
 * and the unit text. Only for cells `parseValue` cannot read as they stand;
 * whether the unit is one is for the caller (units/) to say.
 */
const VALUE_WITH_UNIT = /^(.*?\d)\s*([^\d\s,.%‰][^\d]*?)\s*(以上|以下)?$/;

export function splitValueUnit(raw: string): { readonly value: string; readonly unit: string } | undefined {
  const m = VALUE_WITH_UNIT.exec(toHalfWidth(raw).trim());
  if (!m) return undefined;
  const unit = (m[2] as string).trim();
  if (unit === '') return undefined;
  return { value: `${m[1] as string}${m[3] ?? ''}`, unit };
}
