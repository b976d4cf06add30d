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
  | { readonly kind: 'invalid'; readonly text: string; readonly reason: string; readonly reasonZh?: string };

/** Cells that mean "not available". */
const NOT_AVAILABLE = new Set(['', '-', '—', '——', '–', '/', '／', 'N/A', 'NA', 'n/a', 'na', '不适用', '无']);

/** Printed in place of a value where there is none to give (e.g. 不再评级: no longer graded). */
const NOT_ASSESSED = /^(不再评级|不再评定|暂无|暂无数据|未统计|无数据|未评估|未开展)$/;

/**
 * The verbs a bureau uses to answer a yes/no indicator (a project built, a
 * platform online, a policy in force): `V`, `已V` and `已经V` read as 是,
 * `未V`, `尚未V` and `没有V` as 否. The list is the vocabulary the README
 * documents (Data files); a word outside it is an error that asks for 是 or
 * 否, never a guess.
 */
export const YES_NO_VERBS: readonly string[] = ['建成', '完成', '实现', '上线', '投入使用', '出台', '印发', '成立', '组建', '设立', '建立', '开通', '统一', '延长', '竣工', '竣工验收', '验收'];

export const TRUE_WORDS: ReadonlySet<string> = new Set(['是', 'true', 'TRUE', 'True', 'yes', 'Yes', 'YES', 'Y', ...YES_NO_VERBS.flatMap((v) => [v, `已${v}`, `已经${v}`])]);
export const FALSE_WORDS: ReadonlySet<string> = new Set(['否', 'false', 'FALSE', 'False', 'no', 'No', 'NO', 'N', ...YES_NO_VERBS.flatMap((v) => [`未${v}`, `尚未${v}`, `没有${v}`])]);

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

/**
 * The largest magnitude a value may have, and the smallest non-zero one: no
 * count, amount or rate in a plan comes near 10^15 (China's GDP is about
 * 1.3 × 10^14 yuan), and beyond these a typo such as `1e999999999` would make
 * the decimal arithmetic (and any report printing the value in full) run out
 * of memory.
 */
export const MAX_MAGNITUDE = new Decimal('1e15');
export const MIN_MAGNITUDE = new Decimal('1e-15');
/** significant digits a value may have: a spreadsheet writes at most 17 */
export const MAX_DIGITS = 30;

/** Why a number is beyond what a plan value can be (in both languages), or undefined when it is within limits. */
export function magnitudeProblem(d: Decimal): { en: string; zh: string } | undefined {
  if (d.isZero() || d.isNaN()) return undefined;
  const a = d.abs();
  if (a.gt(MAX_MAGNITUDE)) return { en: 'is larger than the largest value plancheck accepts (10^15)', zh: '超过 plancheck 接受的最大值（10^15）' };
  if (a.lt(MIN_MAGNITUDE)) return { en: 'is smaller than the smallest non-zero value plancheck accepts (10^-15)', zh: '小于 plancheck 接受的最小非零值（10^-15）' };
  if (d.precision() > MAX_DIGITS) return { en: `has more than ${MAX_DIGITS} significant digits`, zh: `有效数字超过 ${MAX_DIGITS} 位` };
  return undefined;
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
  const tooBig = magnitudeProblem(n);
  if (tooBig !== undefined) return { kind: 'invalid', text: raw, reason: tooBig.en, reasonZh: tooBig.zh };
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
