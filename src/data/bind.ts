/**
 * Raw CSV rows → observations of a plan's measurements. Every bad row is
 * reported with its file:line (not only the first): a value that is not a
 * number, a unit that does not convert, a period that is not one, two rows
 * that disagree. Pure: no file system.
 */
import { clip, errorDiagnostic, formatLocation, warningDiagnostic, type Diagnostic, type Msg } from '../errors.js';
import { RegionResolver, type ResolvedRegion } from '../model/region.js';
import type { Term } from '../model/flow-ledger.js';
import { allMeasurements, type Measurement, type Plan } from '../plan/model.js';
import { periodConflicts } from '../model/consistency.js';
import { showDecimal } from '../evaluate/display.js';
import { normaliseName } from '../plan/names.js';
import { closestUnits, unknownBases } from '../plan/known-units.js';
import { tryParseUnit, type Unit } from '../units/unit.js';
import { scale } from '../values/interval.js';
import { parseValue, splitValueUnit, type ParsedValue } from '../values/parse-value.js';
import { readShareOrAmount } from './amount-reading.js';
import { buildNameIndex } from './match-names.js';
import { buildSplitIndex, splitRow } from './split-rows.js';
import { MeasurementSet, type ObservedValue } from '../model/measurements.js';
import { rowLocation } from '../model/row.js';
import { MAX_ERRORS, type RawRow } from './parse-csv.js';
import { crossesYears, formatPeriod, parsePeriod, wholeYear, type Period } from '../model/period.js';

export interface BindOptions {
  /** the period for rows without one (from --year); without it such rows are errors */
  readonly defaultYear?: number;
  /** how region cells are resolved (shared by every step of a run); by default the plan's own region alone */
  readonly regions?: RegionResolver;
}

/** The resolver for one plan's region: its code, name, short names and aliases. */
export function planRegionResolver(plan: Plan): RegionResolver {
  return new RegionResolver([{ code: plan.region.code, name: plan.region.name, aliases: plan.region.aliases }]);
}

export interface BindResult {
  readonly measurements: MeasurementSet;
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  /** rows whose indicator the plan does not know */
  readonly unknown: RawRow[];
  /** rows for another region, set aside */
  readonly otherRegion: number;
}

/** The warning for a row no plan knows, with the closest names of `plan`. */
export function unknownIndicatorWarning(plan: Plan, row: RawRow, count = 1): Diagnostic {
  const near = buildNameIndex(plan).suggest(row.indicator);
  const rows = count > 1 ? ` (${count} rows; the first here)` : '';
  return warningDiagnostic('UNKNOWN_INDICATOR', { en: `plan ${plan.id} has no indicator "${clip(row.indicator)}"${rows}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`, zh: `规划 ${plan.id} 中没有指标“${clip(row.indicator)}”${count > 1 ? `（共 ${count} 行，此为第一行）` : ''}${near.length ? `；是否应为${near.map((n) => `“${n}”`).join('、')}？` : ''}` }, rowLocation(row));
}


/**
 * A unit written in the data, when it is one plancheck knows: the unit
 * grammar takes any word as a count (`个`, `床`), so `12a` or `（全日制）` would
 * otherwise read as a unit "a" or "全日制". Only the unit words of the unit
 * table (and the measurement's own unit) count.
 */
function knownUnit(text: string, m?: Measurement): Unit | undefined {
  const u = tryParseUnit(text);
  if (u === undefined) return undefined;
  if (m !== undefined && u.text === m.unit.text) return u;
  return unknownBases(u).length === 0 ? u : undefined;
}

/** Where a row's unit was written. */
type UnitSourceKind = 'value' | 'unit' | 'indicator' | 'header';

interface UnitSource {
  readonly kind: UnitSourceKind;
  readonly text: string;
}

const SOURCE_NAMES: Readonly<Record<UnitSourceKind, { en: string; zh: string }>> = {
  value: { en: 'the value cell', zh: '数值单元格' },
  unit: { en: 'the unit column', zh: '单位列' },
  indicator: { en: 'the indicator cell', zh: '指标单元格' },
  header: { en: "the value column's header", zh: '数值列表头' },
};

function sourceText(s: UnitSource, lang: 'en' | 'zh'): string {
  return lang === 'en' ? `${SOURCE_NAMES[s.kind].en} ("${s.text}")` : `${SOURCE_NAMES[s.kind].zh}（“${s.text}”）`;
}

/**
 * The unit in brackets at the end of the indicator cell (`持证社会工作专业人才数（人）`),
 * when it is one: the bracket parses as a unit, and the cell is not itself one
 * of the measurement's printed names (中山's `特困人员照料护理标准（全护理）`).
 */
const UNIT_BRACKET = /[(（]([^()（）]+)[)）]\s*$/;

function indicatorCellUnit(text: string, m: Measurement): string | undefined {
  const b = UNIT_BRACKET.exec(text);
  if (!b) return undefined;
  const key = normaliseName(text);
  if ([m.name, ...m.aliases].some((n) => normaliseName(n) === key)) return undefined;
  const inner = (b[1] as string).trim();
  return knownUnit(inner, m) === undefined ? undefined : inner;
}

/**
 * The unit a row's value is in: every place a unit can be written (value
 * cell, unit column, indicator cell, value column header) is read, each must
 * convert to the measurement's unit, and any two must be the same unit.
 * Without any, the measurement's own unit. A message when they do not.
 */
function rowUnit(m: Measurement, sources: readonly UnitSource[]): Unit | Msg {
  let chosen: { unit: Unit; source: UnitSource } | undefined;
  for (const s of sources) {
    const u = knownUnit(s.text, m);
    if (u === undefined) {
      const near = closestUnits(s.text);
      return {
        en: `unit "${s.text}" in ${SOURCE_NAMES[s.kind].en} is not a unit plancheck knows${near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : ''}`,
        zh: `${SOURCE_NAMES[s.kind].zh}中的单位“${s.text}”无法识别${near.length > 0 ? `（是否应为 ${near.join('、')}？）` : ''}`,
      };
    }
    if (u.dimension !== m.unit.dimension) return { en: `unit ${u.text} in ${SOURCE_NAMES[s.kind].en} does not convert to ${m.name}'s unit ${m.unit.text}`, zh: `${SOURCE_NAMES[s.kind].zh}中的单位 ${u.text} 无法换算为${m.name}的单位 ${m.unit.text}` };
    if (chosen === undefined) chosen = { unit: u, source: s };
    else if (!chosen.unit.factor.eq(u.factor)) {
      return { en: `the units disagree: ${sourceText(chosen.source, 'en')} says ${chosen.unit.text}, ${sourceText(s, 'en')} says ${u.text}`, zh: `单位不一致：${sourceText(chosen.source, 'zh')}为 ${chosen.unit.text}，${sourceText(s, 'zh')}为 ${u.text}` };
    }
  }
  return chosen?.unit ?? m.unit;
}

/** The unit the source prints for the row (平方米 for 平方米/百户) means the measurement's unit, wherever the row writes it. */
function asPrinted(text: string, m: Measurement): string {
  return m.printedUnit !== undefined && normaliseName(text) === normaliseName(m.printedUnit) ? m.unit.text : text.trim();
}

/** The places other than the value cell where this row writes a unit. */
function writtenUnits(row: RawRow, m: Measurement): UnitSource[] {
  const out: UnitSource[] = [];
  if (row.unit !== undefined && row.unit.trim() !== '') out.push({ kind: 'unit', text: asPrinted(row.unit, m) });
  const bracket = indicatorCellUnit(row.indicator, m);
  if (bracket !== undefined) out.push({ kind: 'indicator', text: asPrinted(bracket, m) });
  if (row.headerUnit !== undefined && row.headerUnit.trim() !== '') out.push({ kind: 'header', text: asPrinted(row.headerUnit, m) });
  return out;
}

/** `2.2万人`: the number, and the unit written after it, when the unit is one plancheck knows (`12a` is no number). */
function valueWithUnit(raw: string, m: Measurement): { parsed: ParsedValue; unit: string } | undefined {
  const split = splitValueUnit(raw);
  if (!split || knownUnit(split.unit, m) === undefined) return undefined;
  const parsed = parseValue(split.value);
  return parsed.kind === 'number' && parsed.suffix === undefined ? { parsed, unit: split.unit } : undefined;
}

function isUnit(u: Unit | Msg): u is Unit {
  return typeof u === 'object' && 'factor' in u;
}

/** What became of a row. */
export type BindOutcome = 'bound' | 'empty' | 'unknown' | 'other_region' | 'error';

/**
 * Binds rows one at a time, so that a file can be streamed: only the
 * observations are kept, never the rows.
 */
export class Binder {
  readonly measurements = new MeasurementSet();
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  readonly unknown: RawRow[] = [];
  otherRegion = 0;
  /** rows with an empty value cell (owed, not reported), by period */
  readonly emptyByPeriod = new Map<string, number>();
  private droppedErrors = 0;
  private readonly names;
  private readonly splits;
  private readonly regions: RegionResolver;

  constructor(
    readonly plan: Plan,
    private readonly options: BindOptions = {},
    /** keep the unknown rows (the whole-file path); the streaming path counts them itself */
    private readonly keepUnknown = true,
  ) {
    this.names = buildNameIndex(plan);
    this.splits = buildSplitIndex(plan);
    this.regions = options.regions ?? planRegionResolver(plan);
  }

  private error(d: Diagnostic): 'error' {
    if (this.errors.length < MAX_ERRORS) this.errors.push(d);
    else this.droppedErrors++;
    return 'error';
  }

  /** `name（unit）` for any unit, not only the ones names.ts knows to strip */
  private findWithoutUnit(text: string): Measurement | undefined {
    const b = UNIT_BRACKET.exec(text);
    if (!b) return undefined;
    const m = this.names.find(text.slice(0, b.index));
    return m && knownUnit(b[1] as string, m) !== undefined ? m : undefined;
  }

  private countEmpty(p: Period): void {
    const k = formatPeriod(p);
    this.emptyByPeriod.set(k, (this.emptyByPeriod.get(k) ?? 0) + 1);
  }

  /** errors beyond the first MAX_ERRORS, counted */
  get moreErrors(): number {
    return this.droppedErrors;
  }

  /**
   * Binds one row. `region`: the row's region as the run resolved it (rows
   * routed here are the plan's); without it, the row's region cell is
   * resolved here.
   */
  add(row: RawRow, region?: ResolvedRegion): BindOutcome {
    const plan = this.plan;
    const at = rowLocation(row);
    const place = region ?? (row.region === undefined ? undefined : this.regions.resolve(row.region));
    if (place !== undefined && (place.kind === 'other' || place.code !== plan.region.code)) {
      this.otherRegion++;
      this.warnings.push(warningDiagnostic('OTHER_REGION', { en: `row for region "${row.region ?? ''}" is not for ${plan.region.name} (${plan.region.code}); set aside`, zh: `本行地区“${row.region ?? ''}”不是${plan.region.name}（${plan.region.code}），已搁置` }, at));
      return 'other_region';
    }
    if (row.indicator === '') return this.error(errorDiagnostic('NO_INDICATOR', { en: 'the indicator cell is empty', zh: '指标单元格是空的' }, at));
    // a printed row split into several indicators carries all their values
    const parts = this.splits.get(normaliseName(row.indicator));
    if (parts) {
      const rows = splitRow(row, parts);
      if (!Array.isArray(rows)) return this.error(errorDiagnostic('SPLIT_ROW', rows, at));
      const outcomes = rows.map((r) => this.add(r, place));
      return outcomes.includes('error') ? 'error' : 'bound';
    }
    let m = this.names.find(row.indicator) ?? this.findWithoutUnit(row.indicator);
    if (!m) {
      if (this.keepUnknown) this.unknown.push(row);
      return 'unknown';
    }
    let period: Period | undefined;
    if (row.period !== undefined) {
      period = parsePeriod(row.period);
      if (!period && crossesYears(row.period)) return this.error(errorDiagnostic('BAD_PERIOD', { en: `period "${clip(row.period)}" runs across two years: report each year's part on its own row`, zh: `期间“${clip(row.period)}”跨越两个年度：请按年度分行填报` }, at));
      if (!period) return this.error(errorDiagnostic('BAD_PERIOD', { en: `period "${clip(row.period)}" is not a year (2023), month (2023-06), quarter (2023-Q2) or run of months (2023年1-6月, 2023-01/2023-06)`, zh: `期间“${clip(row.period)}”不是年份（2023）、月份（2023-06）、季度（2023-Q2）或月份区间（2023年1-6月）` }, at));
    } else if (this.options.defaultYear !== undefined) {
      period = wholeYear(this.options.defaultYear);
    } else {
      return this.error(errorDiagnostic('NO_PERIOD', { en: 'the row has no period: add a period column or give --year', zh: '本行没有期间：请加上期间（period）列，或给出 --year' }, at));
    }
    let parsed = parseValue(row.value);
    const sources: UnitSource[] = [];
    if (parsed.kind === 'invalid') {
      const withUnit = valueWithUnit(row.value, m);
      if (withUnit) {
        parsed = withUnit.parsed;
        sources.push({ kind: 'value', text: asPrinted(withUnit.unit, m) });
      }
    } else if (parsed.kind === 'number' && parsed.suffix !== undefined) {
      sources.push({ kind: 'value', text: parsed.suffix });
    }
    let value: ObservedValue;
    let unit: Unit = m.unit;
    switch (parsed.kind) {
      case 'invalid':
        // a yes/no indicator answered in words outside the vocabulary (parse-value.ts YES_NO_VERBS): ask for 是 or 否
        if (m.unit.kind === 'boolean') return this.error(errorDiagnostic('BAD_VALUE', { en: `${m.name} is a yes/no indicator: write 是 or 否 (or 已建成/未建成, 已完成/未完成 …), not "${clip(row.value)}"`, zh: `${m.name}是“是/否”指标：请填写“是”或“否”（或“已建成/未建成”“已完成/未完成”等），而不是“${clip(row.value)}”` }, at));
        return this.error(errorDiagnostic('BAD_VALUE', { en: `value "${clip(row.value)}" for ${m.name} ${parsed.reasonZh === undefined ? 'is not a number' : parsed.reason}`, zh: `${m.name}的值“${clip(row.value)}”${parsed.reasonZh ?? '不是数字'}` }, at));
      case 'absent':
        // an empty cell is owed, not reported: only the not-available markers (—, 不适用, N/A …) are
        if (parsed.text === '') {
          this.countEmpty(period);
          return 'empty';
        }
        value = { kind: 'absent', text: parsed.text };
        break;
      case 'boolean':
        if (m.unit.kind !== 'boolean') return this.error(errorDiagnostic('BAD_VALUE', { en: `value "${clip(row.value)}" is a yes/no answer but ${m.name} is measured in ${m.unit.text}`, zh: `值“${clip(row.value)}”是“是/否”，但${m.name}的单位是 ${m.unit.text}` }, at));
        value = { kind: 'boolean', value: parsed.value };
        break;
      case 'number': {
        if (m.unit.kind === 'boolean') return this.error(errorDiagnostic('BAD_VALUE', { en: `${m.name} is a yes/no indicator: write 是 or 否, not "${clip(row.value)}"`, zh: `${m.name}是“是/否”指标：请填写“是”或“否”，而不是“${clip(row.value)}”` }, at));
        // a share whose row may carry the amount instead (see amount-reading.ts)
        // (the units are read against the row's name: its bracket is no unit when the name is printed so)
        const written = [...sources, ...writtenUnits(row, m)];
        const reading = readShareOrAmount(m, row, parsed.value, written.map((x) => x.text), (id) => this.names.find(id));
        if (reading.kind === 'ambiguous') return this.error(errorDiagnostic('AMBIGUOUS_UNIT', reading.message, at));
        if (reading.kind === 'amount') m = reading.measurement;
        const u = rowUnit(m, written);
        if (!isUnit(u)) return this.error(errorDiagnostic('BAD_UNIT', u, at));
        unit = u;
        value = { kind: 'number', base: scale(parsed.value, u.factor) };
        break;
      }
    }
    const obs = { id: m.id, period, value, unit, text: row.value, at, ...(place?.kind === 'known' ? { region: place.code } : {}) };
    const clash = this.measurements.add(obs);
    if (clash) return this.error(errorDiagnostic('CONFLICT', { en: `${m.name} ${formatPeriod(period)} is "${clip(row.value)}" here but "${clash.text}" at ${formatLocation(clash.at)}: the same fact reported twice with values that differ by more than their precision`, zh: `${m.name} ${formatPeriod(period)} 在此为“${clip(row.value)}”，但在 ${formatLocation(clash.at)} 为“${clash.text}”：同一数据报送了两次，且两值之差超出报送精度` }, at));
    return 'bound';
  }

  private crossChecked = false;

  /** A year beside its December, a flow beside its months: they must agree (once, at the end). */
  private crossCheck(): void {
    if (this.crossChecked) return;
    this.crossChecked = true;
    const byId = new Map(allMeasurements(this.plan).map((m) => [m.id, m]));
    for (const c of periodConflicts(this.measurements, (id) => byId.get(id)?.rollup ?? 'latest')) {
      const m = byId.get(c.whole.id);
      const name = m?.name ?? c.whole.id;
      const where = termsText(c.parts, 'en');
      const whereZh = termsText(c.parts, 'zh');
      const total = c.total === undefined ? '' : ` (together ${showDecimal(c.total.div(c.whole.unit.factor))} ${c.whole.unit.text})`;
      const totalZh = c.total === undefined ? '' : `（合计 ${showDecimal(c.total.div(c.whole.unit.factor))} ${c.whole.unit.text}）`;
      const flow = m?.rollup === 'sum';
      this.error(
        errorDiagnostic(
          'CONFLICT',
          {
            en: `${name} ${formatPeriod(c.whole.period)} is "${c.whole.text}" here but ${where}${total}: ${flow ? 'the same amount' : 'the same moment'} reported twice with different values`,
            zh: `${name} ${formatPeriod(c.whole.period)} 此处为“${c.whole.text}”，但 ${whereZh}${totalZh}：${flow ? '同一期间的数量' : '同一时点'}报送了两个不同的值`,
          },
          c.whole.at,
        ),
      );
    }
  }

  result(): BindResult {
    this.crossCheck();
    const errors = this.droppedErrors > 0 ? [...this.errors, errorDiagnostic('TOO_MANY_ERRORS', { en: `… and ${this.droppedErrors} more errors`, zh: `……另有 ${this.droppedErrors} 个错误` }, {})] : this.errors;
    return { measurements: this.measurements, errors, warnings: this.warnings, unknown: this.unknown, otherRegion: this.otherRegion };
  }
}

/** The reports that state a fact together: `2024-01 "100" at f.csv:2, minus 2024-01/2024-03 "200" at f.csv:4`. */
function termsText(parts: readonly Term[], lang: 'en' | 'zh'): string {
  return parts
    .map((t, i) => {
      const o = t.observation;
      const one = lang === 'en' ? `${formatPeriod(o.period)} "${o.text}" at ${formatLocation(o.at)}` : `${formatPeriod(o.period)}“${o.text}”（${formatLocation(o.at)}）`;
      if (t.sign === 1) return i === 0 ? one : lang === 'en' ? `plus ${one}` : `加 ${one}`;
      return lang === 'en' ? `minus ${one}` : `减 ${one}`;
    })
    .join(lang === 'en' ? ', ' : '，');
}

export function bindRows(plan: Plan, rows: readonly RawRow[], options: BindOptions = {}): BindResult {
  const b = new Binder(plan, options);
  for (const row of rows) b.add(row);
  return b.result();
}
