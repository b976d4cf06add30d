/**
 * A printed row that the plan split into several indicators (太仓 附件2
 * row 4, 村（居）社区社会组织平均数量, prints 9、13 for 村 and 居). A data
 * row under the printed name carries the parts in the printed order,
 * `10、15`; each part becomes a row of its own indicator. A row with the
 * wrong number of parts is an error, never a guess.
 */
import type { Msg } from '../errors.js';
import type { RawRow } from '../model/row.js';
import { allMeasurements, type Indicator, type Plan } from '../plan/model.js';
import { normaliseName } from '../plan/names.js';

/** Printed name (normalised) → the indicators it was split into, in part order. */
export function buildSplitIndex(plan: Plan): Map<string, Indicator[]> {
  const index = new Map<string, Indicator[]>();
  for (const m of allMeasurements(plan)) {
    const p = (m as Indicator).printedAs;
    if (p === undefined) continue;
    const key = normaliseName(p.name);
    index.set(key, [...(index.get(key) ?? []), m as Indicator].sort((a, b) => (a.printedAs?.part ?? 0) - (b.printedAs?.part ?? 0)));
  }
  return index;
}

/** The separators people write between the parts: 、 , ， ; ； / and spaces. */
const SEPARATOR = /\s*[、,，;；/／]\s*|\s+/;

export function splitRow(row: RawRow, parts: readonly Indicator[]): RawRow[] | Msg {
  const values = row.value.trim().split(SEPARATOR).filter((v) => v !== '');
  if (values.length !== parts.length) {
    const names = parts.map((p) => p.name).join(', ');
    return {
      en: `"${row.indicator}" is printed as ${parts.length} values (${names}): write them all in order, separated by 、 (e.g. 10、15), or use one row per name`,
      zh: `“${row.indicator}”印为 ${parts.length} 个数值（${names}）：请按顺序以“、”分隔全部写出（如 10、15），或每个名称各写一行`,
    };
  }
  return parts.map((p, i) => ({ ...row, indicator: p.id, value: values[i] ?? '' }));
}
