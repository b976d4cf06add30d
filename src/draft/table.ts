/**
 * An indicator table → indicators of the plan format, each number with its
 * provenance (table, row, the row's cells quoted) and each inference marked
 * as a guess. Handles what the city plans print: a header over two lines,
 * a 类别 merged down a group of rows, sub-rows under one number (中山 专栏1
 * row 4: 城镇 / 农村), a row printed for two things (`9、13`), a label in a
 * value cell (`城镇1.82%`), targets in words (kept as references, and read
 * as a rule where the words say one), a unit missing from its cell. Pure.
 */
import type { RawNotEncoded, RawQuote, RawTarget } from '../plan/raw.js';
import type { DocTable } from '../document/model.js';
import { tableGrid, type GridCell } from '../document/model.js';
import { readCell, readPart, type Cell, type CellReading } from './cell.js';
import { looksLikeHeader, readColumn, type Column } from './header.js';
import { inferAttribute, inferDirection, inferUnit, nameUnit } from './infer.js';
import type { DraftIndicator, DraftMeasurement, DraftRule, Guesses } from './model.js';
import { readRuleWords } from './rules.js';

export interface TableContext {
  /** the table's label for provenance: 表2, 附件2, 专栏1 */
  readonly label: string;
  /** the plan's baseline year (a baseline column without a year is read as it) and period */
  readonly baselineYear: number;
  readonly lastYear: number;
  /** id prefix: indicator_01 for the plan's main table */
  readonly prefix: string;
  /** measurements already declared (rules of several rows share them), by name */
  readonly measurements: Map<string, DraftMeasurement>;
}

export interface TableDraft {
  readonly indicators: DraftIndicator[];
  readonly rules: DraftRule[];
  readonly notEncoded: RawNotEncoded[];
}

interface Layout {
  readonly headerRows: number;
  readonly columns: Column[];
}

/** The header: the first of the top rows that names a name column and a value column, with a second header row merged in (目标值 over 2023年 | 2025年). */
export function tableLayout(table: DocTable): Layout | undefined {
  const grid = tableGrid(table);
  for (let r = 0; r < Math.min(3, grid.length); r++) {
    const row = grid[r] as GridCell[];
    let labels = row.map((c) => c.text);
    let headerRows = r + 1;
    const next = grid[r + 1];
    // a second header row: years under a spanning 目标值 (no row number, no values)
    if (next && next.some((c, i) => /^(?:19|20)\d\d年?(?:底|末)?$/.test(c.text.trim()) && !c.covered && row[i]?.covered === false) && !/^\d+$/.test((next[0]?.text ?? '').trim())) {
      labels = labels.map((l, i) => (next[i] && !next[i].fromAbove && next[i].text.trim() !== '' && next[i].text !== l ? `${l}${next[i].text}` : l));
      headerRows = r + 2;
    }
    const columns = labels.map(readColumn);
    if (!looksLikeHeader(columns)) continue;
    // grid columns that one header cell spans: the name's further columns hold sub-labels (城镇/农村)
    row.forEach((c, i) => {
      if (c.covered && !c.fromAbove && i > 0 && columns[i - 1]?.role === 'name') columns[i] = { role: 'sublabel', label: '' };
      else if (c.covered && !c.fromAbove && i > 0) columns[i] = columns[i - 1] as Column;
    });
    // a column without a header whose cells are row numbers
    columns.forEach((c, i) => {
      if (c.role !== 'unknown') return;
      const cells = grid.slice(headerRows).map((line) => (line[i]?.text ?? '').trim()).filter((t) => t !== '');
      if (cells.length > 0 && cells.filter((t) => /^\d{1,3}$/.test(t)).length >= cells.length * 0.8) columns[i] = { role: 'number', label: c.label };
    });
    return { headerRows, columns };
  }
  return undefined;
}

/** A results table of the last plan (完成情况, 实现情况) sets no targets of this plan. */
export function isResultsTable(layout: Layout): boolean {
  return layout.columns.some((c) => c.role === 'result') || !layout.columns.some((c) => c.role === 'target');
}

interface Row {
  readonly number?: string;
  readonly category?: string;
  readonly name: string;
  readonly sublabel?: string;
  readonly unit?: string;
  readonly cells: ReadonlyMap<number, Cell>;
  readonly attribute?: string;
  /** the cells quoted for provenance */
  readonly quote: string;
}

/**
 * The rows of the table, each cell under its column. A row wider than the
 * header (the txt layout of a name cell split in two: `特困人员基本生活供养标准`
 * `城镇` …) has its extra cells after the name as sub-labels. A row without
 * a number and without a name continues the row above (a sub-row): its
 * category, name and unit are the ones above where its own are empty.
 */
function readRows(table: DocTable, layout: Layout): Row[] {
  const grid = tableGrid(table);
  const width = layout.columns.length;
  const nameAt = layout.columns.findIndex((c) => c.role === 'name');
  const rows: Row[] = [];
  let prev: Row | undefined;
  for (let r = layout.headerRows; r < grid.length; r++) {
    let line = grid[r] as GridCell[];
    let sublabels: string[] = [];
    if (line.length > width && nameAt >= 0) {
      const extra = line.length - width;
      sublabels = line.slice(nameAt + 1, nameAt + 1 + extra).map((c) => c.text.replace(/\s+/g, ''));
      line = [...line.slice(0, nameAt + 1), ...line.slice(nameAt + 1 + extra)];
    }
    // a note under the table (注：…) in one wide cell, or a row of nothing
    const own = line.filter((c) => !c.covered && c.text.trim() !== '');
    if (own.length === 0) continue;
    if (own.length === 1 && /^注|^说明|^备注|^资料来源|^数据来源/.test((own[0] as GridCell).text.trim())) continue;
    const at = (role: Column['role']): GridCell | undefined => {
      const i = layout.columns.findIndex((c) => c.role === role);
      return i < 0 ? undefined : line[i];
    };
    // a name, a category or a unit printed over several lines (wrapped by the column, or broken by hand) is one line
    const text = (g: GridCell | undefined): string => (g === undefined ? '' : g.text.replace(/\s*\n\s*/g, '').trim());
    const numberCell = at('number');
    const number = numberCell && !numberCell.covered ? text(numberCell) : '';
    const nameCell = at('name');
    const ownName = nameCell && !nameCell.covered ? text(nameCell) : '';
    const sub = number === '' && ownName === '' && prev !== undefined;
    const sublabelCell = at('sublabel');
    const sublabel = [...sublabels, sublabelCell && !sublabelCell.covered ? text(sublabelCell).replace(/\s+/g, '') : ''].filter((s) => s !== '').join('');
    const category = text(at('category')) || (at('category') ? prev?.category : undefined);
    const unitCell = at('unit');
    const unit = unitCell === undefined ? undefined : text(unitCell) !== '' ? text(unitCell) : sub ? prev?.unit : '';
    const cells = new Map<number, Cell>();
    layout.columns.forEach((c, i) => {
      if (!['baseline', 'target', 'reference', 'growth'].includes(c.role)) return;
      const g = line[i];
      // a value merged down from the row above applies to this row too; an empty one is empty
      if (g) cells.set(i, readCell(g.text));
    });
    // the quote: the row's own cells from the name on (without its number and 类别)
    const from = nameAt >= 0 ? nameAt : 0;
    const quoted = [...line.slice(from, nameAt + 1).filter((c) => !c.covered), ...sublabels.map((s) => ({ text: s, covered: false })), ...line.slice(nameAt + 1).filter((c) => !c.covered)].map((c) => c.text.trim()).filter((t) => t !== '');
    const row: Row = {
      ...(sub ? (prev?.number === undefined ? {} : { number: prev.number }) : number === '' ? {} : { number }),
      ...(category === undefined || category === '' ? {} : { category: category.replace(/\s+/g, '') }),
      name: sub || ownName === '' ? (prev?.name ?? ownName) : ownName,
      ...(sublabel === '' ? {} : { sublabel }),
      ...(unit === undefined ? {} : { unit }),
      cells,
      ...(at('attribute') === undefined ? {} : { attribute: text(at('attribute')) }),
      quote: quoted.join(' '),
    };
    rows.push(row);
    if (!sub) prev = row;
    else prev = { ...prev, unit: row.unit ?? prev?.unit } as Row;
  }
  return rows;
}

/** 村（居）…: the parts a row printed for two things stands for (村, 居); 城市、农村… the same. */
function partNames(name: string, n: number): string[] | undefined {
  const alt = /^([\u4e00-\u9fff]{1,3})[（(]([\u4e00-\u9fff]{1,3})[)）]/.exec(name);
  if (alt && n === 2) return [alt[1] as string, alt[2] as string];
  const list = /^((?:[\u4e00-\u9fff]{1,4}、)+[\u4e00-\u9fff]{1,4})/.exec(name);
  // 城市、农村老年助餐…: the last item is as long as the first (农村, not 农村老年)
  const items = list ? (list[1] as string).split('、') : [];
  if (items.length > 1) items[items.length - 1] = (items[items.length - 1] as string).slice(0, (items[0] as string).length);
  if (items.length === n) return items;
  return undefined;
}

const pad = (n: string): string => (/^\d$/.test(n) ? `0${n}` : n);

function firstPart(cell: Cell | undefined, k: number, n: number): CellReading | undefined {
  if (!cell) return undefined;
  if (cell.parts.length === n) return cell.parts[k];
  return cell.parts.length === 1 ? cell.parts[0] : undefined;
}

/** A number with its bound, as the plan format writes a target: `90以上` → >= 90; a bare number in the indicator's direction. */
function targetOf(r: CellReading, year: number, text: string, direction: 'higher' | 'lower'): RawTarget | undefined {
  if (r.kind === 'number') return { year, comparison: r.op ?? (direction === 'higher' ? '>=' : '<='), value: Number(r.value.toString()), text };
  if (r.kind === 'range') return { year, comparison: 'between', range: [Number(r.low.toString()), Number(r.high.toString())], text };
  if (r.kind === 'boolean') return { year, comparison: '==', value: r.value, text };
  return undefined;
}

export function draftTable(table: DocTable, layout: Layout, ctx: TableContext): TableDraft {
  const indicators: DraftIndicator[] = [];
  const rules: DraftRule[] = [];
  const ids = new Set<string>();
  const rows = readRows(table, layout);
  const subCount = new Map<string, number>();
  for (const row of rows) if (row.number !== undefined) subCount.set(row.number, (subCount.get(row.number) ?? 0) + 1);
  const seenInRow = new Map<string, number>();
  rows.forEach((row, index) => {
    const printedName = nameUnit(row.name).name;
    const bracketUnit = nameUnit(row.name).unit;
    const valueCells = [...row.cells.entries()];
    const n = Math.max(1, ...valueCells.map(([, c]) => c.parts.length));
    const baselineCol = layout.columns.findIndex((c) => c.role === 'baseline');
    // a label before the baseline's number (城镇1.82%) names a sub-row printed without a sub-label cell
    const baseLabel = (() => {
      const p = row.cells.get(baselineCol)?.parts[0];
      return p && (p.kind === 'number' || p.kind === 'range') ? p.label : undefined;
    })();
    const sublabel = row.sublabel ?? ((subCount.get(row.number ?? '') ?? 0) > 1 ? baseLabel : undefined);
    const names = n > 1 ? partNames(printedName, n) : undefined;
    const number = row.number ?? String(index + 1);
    const k0 = seenInRow.get(number) ?? 0;
    seenInRow.set(number, k0 + 1);
    for (let k = 0; k < n; k++) {
      const guess: Guesses = {};
      const readings = (role: Column['role']): { col: Column; reading: CellReading; cell: Cell }[] =>
        layout.columns.flatMap((col, i) => {
          if (col.role !== role) return [];
          const cell = row.cells.get(i);
          const reading = firstPart(cell, k, n);
          return cell && reading ? [{ col, reading, cell }] : [];
        });
      const baselines = readings('baseline');
      const targets = readings('target');
      const references = readings('reference');
      const growth = readings('growth');
      const all = [...baselines, ...targets, ...references].map((x) => x.reading);
      const unitCell = row.unit ?? (bracketUnit === undefined ? undefined : '');
      const unit = inferUnit(printedName, unitCell === '' && bracketUnit !== undefined ? bracketUnit : unitCell, all);
      if (unit === undefined) return;
      if (unit.guess !== undefined) guess['unit'] = unit.guess;
      const base = baselines[0];
      const direction = inferDirection({ name: printedName, unit: unit.unit, ...(base ? { baseline: base.reading } : {}), targets: targets.map((t) => t.reading) });
      if (direction.guess !== undefined) guess['direction'] = `${direction.guess}; a bare target (no ≥ or ≤ printed) is read in this direction`;
      const attribute = inferAttribute(row.attribute);
      if (attribute?.guess !== undefined) guess['attribute'] = attribute.guess;
      // the name: as printed, with the sub-label or the part it stands for
      let name = printedName;
      if (sublabel !== undefined) {
        name = `${printedName}（${sublabel}）`;
        guess['name'] = `one of the rows under 序号 ${number}, told apart by "${sublabel}": name it as your data will`;
      }
      let printedAs: DraftIndicator['printed_as'];
      if (n > 1) {
        const part = names?.[k] ?? String(k + 1);
        name = `${name}（${part}）`;
        printedAs = { name: printedName, part: k + 1 };
        guess['name'] = names ? `the row prints ${n} values for ${names.join('、')}; this is ${part}` : `the row prints ${n} values; this is the ${k + 1}${k === 0 ? 'st' : k === 1 ? 'nd' : 'th'}: name it`;
      }
      const id = `${ctx.prefix}_${pad(number)}${subCount.get(number) !== undefined && (subCount.get(number) ?? 0) > 1 ? `_${k0 + 1}` : ''}${n > 1 ? `_${k + 1}` : ''}`;
      if (ids.has(id)) return;
      ids.add(id);
      const ind: DraftIndicator = {
        id,
        name,
        unit: unit.unit,
        ...(unit.printedUnit === undefined ? {} : { printed_unit: unit.printedUnit }),
        ...(row.category === undefined ? {} : { category: row.category }),
        attribute: attribute?.value ?? 'unspecified',
        direction: direction.value,
        baseline: null,
        targets: [],
      };
      const refs: NonNullable<DraftIndicator['references']> = [];
      // the baseline
      if (base) {
        const r = base.reading;
        const year = base.col.year ?? ctx.baselineYear;
        if (base.col.year === undefined) guess['baseline'] = `the column "${base.col.label}" names no year: read as ${year}`;
        else if (base.col.yearGuess !== undefined) guess['baseline'] = base.col.yearGuess;
        if (r.kind === 'number') {
          ind.baseline = { year, value: Number(r.value.toString()), text: partText(base.cell, k, n) };
          if (r.op !== undefined) guess['baseline'] = `printed as a bound (${partText(base.cell, k, n)}): its number is taken as the baseline`;
        } else if (r.kind === 'boolean') ind.baseline = { year, value: r.value, text: partText(base.cell, k, n) };
        else if (r.kind === 'text' || r.kind === 'range') {
          refs.push({ label: base.col.label, year, text: partText(base.cell, k, n) });
          guess['baseline'] = `the baseline is printed in words or as a range ("${partText(base.cell, k, n)}"): kept as a reference, no baseline`;
        }
      }
      // the targets, and the words that are no number (kept as references; a rule where the words say one)
      const seenYears = new Set<number>();
      const wordTargets: { year?: number; text: string; label: string }[] = [];
      for (const t of targets) {
        const year = t.col.year ?? ctx.lastYear;
        if (t.col.year === undefined) guess['targets'] = `the column "${t.col.label}" names no year: read as ${year}`;
        else if (t.col.yearGuess !== undefined) guess['targets'] = t.col.yearGuess;
        const text = partText(t.cell, k, n);
        if (t.reading.kind === 'text') {
          const share = unit.unit === '%' ? shareOf(text) : undefined;
          if (share !== undefined && !seenYears.has(year)) {
            ind.targets.push({ year, comparison: share.op, value: share.value, text });
            seenYears.add(year);
            guess['targets'] = `"${text}" is read as a share of ${share.base} (${share.op} ${share.value}%)`;
          } else wordTargets.push({ year, text, label: t.col.label });
          continue;
        }
        const target = targetOf(t.reading, year, text, direction.value);
        if (target && !seenYears.has(year)) {
          ind.targets.push(target);
          seenYears.add(year);
          if (t.reading.kind === 'number' && t.reading.cumulative) guess['rollup'] = `"${text}" is a total over the plan period: a running total is reported (rollup latest)`;
        }
      }
      if (wordTargets.length > 0) {
        const byText = new Map<string, { years: number[]; label: string }>();
        for (const w of wordTargets) {
          const e = byText.get(w.text) ?? { years: [], label: w.label };
          if (w.year !== undefined) e.years.push(w.year);
          byText.set(w.text, e);
        }
        for (const [text, e] of byText) refs.push({ label: e.years.length > 1 ? `${e.years.join('年、')}年${e.label.replace(/^\d{4}年?/, '')}` : e.label, ...(e.years.length === 1 ? { year: e.years[0] as number } : {}), text });
        guess['targets'] = `${wordTargets.length === 1 ? 'a target is' : 'targets are'} printed in words (${[...byText.keys()].join('; ')}): kept as references, not checked; write a rule or a number`;
        for (const [text, e] of byText) {
          const rule = readRuleWords(text, { id: ind.id, name: ind.name, unit: ind.unit }, ctx.measurements);
          if (rule) {
            const from = Math.min(...e.years, ctx.lastYear);
            rules.push({
              id: `${ind.id}_rule${rules.filter((x) => x.subject === ind.id).length + 1}`,
              ...rule.rule,
              name: `${ind.name}${text}`,
              attribute: ind.attribute,
              ...(from < ctx.lastYear ? { from_year: ctx.baselineYear + 1 } : {}),
              source: { table: ctx.label, row: number, text },
            });
          }
        }
      }
      for (const ref of references) {
        const text = partText(ref.cell, k, n);
        const r = ref.reading;
        if (r.kind === 'number') refs.push({ label: ref.col.label, ...(ref.col.year === undefined ? {} : { year: ref.col.year }), comparison: r.op ?? (direction.value === 'higher' ? '>=' : '<='), value: Number(r.value.toString()), text });
        else if (r.kind !== 'absent') refs.push({ label: ref.col.label, ...(ref.col.year === undefined ? {} : { year: ref.col.year }), text });
      }
      if (refs.length > 0) ind.references = refs;
      const g = growth[0];
      if (g && g.reading.kind === 'number') {
        const rate = g.reading.unit === '%' || g.reading.unit === undefined ? Number(g.reading.value.toString()) : undefined;
        if (rate !== undefined) ind.annual_growth = { rate, text: partText(g.cell, k, n) };
      }
      if (/新增|每年|年均|当年/.test(printedName)) guess['rollup'] = 'the name reads as a yearly flow: if so, write rollup: sum (and a target for each year)';
      if (printedAs) ind.printed_as = printedAs;
      const quote: RawQuote = { table: ctx.label, row: number, text: row.quote };
      ind.source = quote;
      if (Object.keys(guess).length > 0) ind.guess = guess;
      indicators.push(ind);
    }
  });
  return { indicators, rules, notEncoded: [] };
}

/** The text of part k of a cell (the whole cell when it is not split). */
function partText(cell: Cell, k: number, n: number): string {
  const flat = cell.text.replace(/\n/g, '');
  if (n === 1 || cell.parts.length === 1) return flat;
  return flat.split(/[、／]/)[k]?.trim() ?? flat;
}

/** 不低于我市最低工资标准的60% for a share: ≥ 60 (%) of that base. */
function shareOf(text: string): { op: '>=' | '<=' | '=='; value: number; base: string } | undefined {
  const m = /^(不低于|不少于|不高于|不超过|为|达到)(.+?)的(\d+(?:\.\d+)?)%$/.exec(text.replace(/\s+/g, '').replace(/％/g, '%'));
  if (!m) return undefined;
  const op = /不高于|不超过/.test(m[1] as string) ? '<=' : m[1] === '为' ? '==' : '>=';
  return { op, value: Number(m[3]), base: m[2] as string };
}

export { readPart };
