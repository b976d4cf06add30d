/**
 * How close a draft comes to the hand encoding: each indicator the bundled
 * plan reads from the seed's main table is matched with the drafted one of
 * the same row (and the same place among a row's parts), and its cells are
 * compared — name (or one of the hand plan's aliases), unit, attribute,
 * direction, baseline, each target, each reference, the annual growth. A
 * cell is right when it reads as the hand plan does; wrong but marked when
 * the draft marks that field as a guess (a reviewer is told to check it);
 * a silent error otherwise. A drafted target, reference or growth the hand
 * plan does not have is a wrong cell too.
 *
 * What the hand plan took from outside the table is not a cell of it and is
 * counted apart (`outside`): a reference quoting the body (its label names a
 * section, not a column), a target in a year no column of the table has
 * (楚雄 row 19's 2022, from the body), and a printed cell the hand plan reads
 * otherwise after reading the body, its note quoting why (a printed baseline
 * kept as a reference: 中山 row 8, 楚雄 row 14), and a baseline the table
 * leaves blank that the hand plan reads elsewhere in the source (楚雄 row 16,
 * from 表1). The draft reads those cells as printed. A bound printed in the
 * baseline column (中山 row 5) is a cell of the table: the hand plan reads it
 * as a floor, and a draft that does not is wrong there (marked, where it says
 * it kept the words as a reference).
 */
import type { DraftIndicator, DraftPlan } from '../../src/draft/model.js';
import type { Indicator, Plan, PlanValue } from '../../src/plan/model.js';
import { normaliseName } from '../../src/plan/names.js';
import { tryParseUnit } from '../../src/units/unit.js';

export type Field = 'name' | 'unit' | 'attribute' | 'direction' | 'baseline' | 'target' | 'reference' | 'growth';
export const FIELDS: readonly Field[] = ['name', 'unit', 'attribute', 'direction', 'baseline', 'target', 'reference', 'growth'];

export interface Accuracy {
  /** indicators of the hand plan's main table, and how many the draft has */
  readonly indicators: number;
  readonly found: number;
  /** drafted indicators of the table the hand plan does not have */
  readonly extra: number;
  readonly cells: number;
  readonly right: number;
  /** wrong, and marked as a guess */
  readonly marked: number;
  /** wrong, and not marked */
  readonly silent: number;
  readonly byField: Readonly<Record<Field, { cells: number; right: number }>>;
  /** every wrong cell, for the message of a failing test */
  readonly wrong: readonly string[];
  /** hand readings from outside the table, or departing from the printed cell (not counted above) */
  readonly outside: readonly string[];
}

/** A reference label that names a column of the table (2025年省目标值, 2023年、2025年中山目标值, 表2 2020年基期值), not a place in the body. */
const COLUMN_LABEL = /^(?:表\s*\d+\s*)?(?:19|20)\d\d/;

const num = (v: PlanValue | undefined): string | undefined => (v === undefined ? undefined : v.kind === 'number' ? v.value.toString() : v.kind === 'boolean' ? String(v.value) : v.text);
const same = (a: number | boolean | string | undefined, b: string | undefined): boolean => (a === undefined ? b === undefined : b !== undefined && (typeof a === 'number' ? Number(b) === a : String(a) === b));

function unitsEqual(a: string, b: string): boolean {
  const ua = tryParseUnit(a);
  const ub = tryParseUnit(b);
  return ua !== undefined && ub !== undefined && ua.dimension === ub.dimension && ua.factor.eq(ub.factor);
}

export function compareDraft(draft: DraftPlan, hand: Plan, table: string, targetYears: readonly number[]): Accuracy {
  const handRows = new Map<string, Indicator[]>();
  for (const i of hand.indicators) if (i.source?.table === table && i.source.row !== undefined) handRows.set(i.source.row, [...(handRows.get(i.source.row) ?? []), i]);
  const draftRows = new Map<string, DraftIndicator[]>();
  for (const i of draft.indicators) if (i.source?.table === table && i.source.row !== undefined) draftRows.set(String(i.source.row), [...(draftRows.get(String(i.source.row)) ?? []), i]);
  const byField = Object.fromEntries(FIELDS.map((f) => [f, { cells: 0, right: 0 }])) as Record<Field, { cells: number; right: number }>;
  let cells = 0;
  let right = 0;
  let marked = 0;
  let silent = 0;
  let found = 0;
  let extra = 0;
  let indicators = 0;
  const wrong: string[] = [];
  const outside: string[] = [];
  for (const [row, hs] of handRows) {
    const ds = draftRows.get(row) ?? [];
    indicators += hs.length;
    extra += Math.max(0, ds.length - hs.length);
    hs.forEach((h, k) => {
      const d = ds[k];
      if (!d) return;
      found++;
      const guess = d.guess ?? {};
      const cell = (field: Field, ok: boolean, guessed: boolean, what: string): void => {
        cells++;
        byField[field].cells++;
        if (ok) {
          right++;
          byField[field].right++;
          return;
        }
        if (guessed) marked++;
        else silent++;
        wrong.push(`${table} row ${row}${hs.length > 1 ? `/${k + 1}` : ''} ${field}${guessed ? ' (marked)' : ' (SILENT)'}: ${what}`);
      };
      const names = [h.name, ...h.aliases].map(normaliseName);
      cell('name', names.includes(normaliseName(d.name)), 'name' in guess, `${d.name} for ${h.name}`);
      cell('unit', unitsEqual(d.unit, h.unit.text), 'unit' in guess, `${d.unit} for ${h.unit.text}`);
      cell('attribute', d.attribute === h.attribute, 'attribute' in guess, `${d.attribute} for ${h.attribute}`);
      cell('direction', d.direction === h.direction, 'direction' in guess, `${d.direction} for ${h.direction}`);
      const hb = h.baseline;
      const db = d.baseline ?? null;
      const at = `${table} row ${row}${hs.length > 1 ? `/${k + 1}` : ''}`;
      // the printed baseline the hand plan keeps as a reference instead, reading the baseline otherwise or not at all (a departure its note explains: 中山 row 8's one-year 0.3215 beside the running total's 0)
      const moved = db !== null && (hb === null || !same(db.value, num(hb.value))) && h.references.find((r) => COLUMN_LABEL.test(r.label) && r.value !== undefined && same(db.value, num(r.value)));
      if (moved) outside.push(`${at} baseline: printed ${db.text ?? String(db.value)}, kept by the hand plan as the reference "${moved.label}"${hb === null ? '' : ` beside its own baseline ${num(hb.value) ?? ''}`} (its note says why)`);
      // a baseline the table does not print (—, -) that the hand plan reads elsewhere in the source (楚雄 row 16: 表1's 26.4)
      else if (db === null && hb !== null && hb.comparison === undefined) outside.push(`${at} baseline: none printed, read by the hand plan from elsewhere in the source as ${hb.year}:${num(hb.value) ?? ''} (its note says where)`);
      // a bound printed in the baseline column (中山 row 5's 不低于…5%) is read by the hand plan as a floor that holds every year: the draft must read the bound too
      else cell('baseline', hb === null ? db === null : db !== null && db.year === hb.year && same(db.value, num(hb.value)) && hb.comparison === undefined, 'baseline' in guess, `${JSON.stringify(db)} for ${hb === null ? 'null' : `${hb.year}:${hb.comparison ?? ''}${num(hb.value)}`}`);
      const targetGuess = 'targets' in guess || 'direction' in guess;
      for (const t of h.targets) {
        if (!targetYears.includes(t.year)) {
          outside.push(`${at} target ${t.year} ${t.comparison} ${num(t.value) ?? ''}: no column of the table is for ${t.year} (read from the body)`);
          continue;
        }
        const dt = d.targets.find((x) => x.year === t.year);
        const ok = dt !== undefined && dt.comparison === t.comparison && (t.range ? dt.range !== undefined && Number(t.range[0].toString()) === dt.range[0] && Number(t.range[1].toString()) === dt.range[1] : same(dt.value, num(t.value)));
        cell('target', ok, targetGuess, `${JSON.stringify(dt)} for ${t.year} ${t.comparison} ${t.range ? t.range.join('–') : num(t.value)}`);
      }
      for (const dt of d.targets) if (!h.targets.some((t) => t.year === dt.year)) cell('target', false, targetGuess, `a ${dt.year} target the hand plan does not have`);
      const drefs = d.references ?? [];
      const used = new Set<number>();
      for (const r of h.references) {
        if (!COLUMN_LABEL.test(r.label)) {
          outside.push(`${at} reference "${r.label}" ${r.text}: from the body, not a column of the table`);
          continue;
        }
        if (moved && r === moved) continue;
        const i = drefs.findIndex((x, j) => !used.has(j) && (normaliseName(x.text) === normaliseName(r.text) || (r.value !== undefined && same(x.value, num(r.value)) && x.comparison === r.comparison)));
        if (i >= 0) used.add(i);
        cell('reference', i >= 0, 'targets' in guess || 'baseline' in guess, `no reference ${r.label} ${r.text}`);
      }
      drefs.forEach((x, j) => {
        if (!used.has(j)) cell('reference', false, 'targets' in guess || 'baseline' in guess, `a reference ${x.label} ${x.text} the hand plan does not have`);
      });
      if (h.annualGrowth || d.annual_growth) cell('growth', h.annualGrowth !== undefined && d.annual_growth !== undefined && h.annualGrowth.rate.mul(100).eq(d.annual_growth.rate), false, `${d.annual_growth?.text ?? 'none'} for ${h.annualGrowth?.text ?? 'none'}`);
    });
  }
  for (const [row, ds] of draftRows) if (!handRows.has(row)) extra += ds.length;
  return { indicators, found, extra, cells, right, marked, silent, byField, wrong, outside };
}
