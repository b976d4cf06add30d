/**
 * Raw CSV rows → observations of a plan's measurements. Every bad row is
 * reported with its file:line (not only the first): a value that is not a
 * number, a unit that does not convert, a period that is not one, two rows
 * that disagree. Pure: no file system.
 */
import { errorDiagnostic, warningDiagnostic, type Diagnostic } from '../errors.js';
import type { Measurement, Plan } from '../plan/model.js';
import { normaliseName } from '../plan/names.js';
import { parseUnit, tryParseUnit, UnitSyntaxError, type Unit } from '../units/unit.js';
import { scale } from '../values/interval.js';
import { parseValue } from '../values/parse-value.js';
import { readShareOrAmount } from './amount-reading.js';
import { buildNameIndex } from './match-names.js';
import { buildSplitIndex, splitRow } from './split-rows.js';
import { MeasurementSet, type ObservedValue } from '../model/measurements.js';
import { rowLocation } from '../model/row.js';
import { MAX_ERRORS, type RawRow } from './parse-csv.js';
import { formatPeriod, parsePeriod, type Period } from '../model/period.js';

export interface BindOptions {
  /** the period for rows without one (from --year); without it such rows are errors */
  readonly defaultYear?: number;
  /** rows were routed here by region already: do not check it again */
  readonly routed?: boolean;
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
  return warningDiagnostic('UNKNOWN_INDICATOR', `plan ${plan.id} has no indicator "${row.indicator}"${rows}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`, rowLocation(row));
}

export function regionMatches(plan: Plan, region: string): boolean {
  const key = normaliseName(region);
  return [plan.region.code, plan.region.name, ...plan.region.aliases].some((r) => normaliseName(r) === key);
}

function rowUnit(row: RawRow, m: Measurement, suffix: '%' | '‰' | undefined): Unit | string {
  if (row.unit === undefined) {
    if (suffix === undefined) return m.unit;
    return parseUnit(suffix);
  }
  // the unit the source prints for the row (平方米 for 平方米/百户) means the measurement's unit
  if (m.printedUnit !== undefined && normaliseName(row.unit) === normaliseName(m.printedUnit)) return m.unit;
  let u: Unit;
  try {
    u = parseUnit(row.unit);
  } catch (e) {
    if (e instanceof UnitSyntaxError) return `unit "${row.unit}" is not a unit plancheck knows`;
    throw e;
  }
  if (suffix !== undefined && u.kind !== 'ratio') return `value ends in ${suffix} but the unit column says ${row.unit}`;
  return u;
}

/** What became of a row. */
export type BindOutcome = 'bound' | 'unknown' | 'other_region' | 'error';

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
  private droppedErrors = 0;
  private readonly names;
  private readonly splits;

  constructor(
    readonly plan: Plan,
    private readonly options: BindOptions = {},
    /** keep the unknown rows (the whole-file path); the streaming path counts them itself */
    private readonly keepUnknown = true,
  ) {
    this.names = buildNameIndex(plan);
    this.splits = buildSplitIndex(plan);
  }

  private error(d: Diagnostic): 'error' {
    if (this.errors.length < MAX_ERRORS) this.errors.push(d);
    else this.droppedErrors++;
    return 'error';
  }

  /** errors beyond the first MAX_ERRORS, counted */
  get moreErrors(): number {
    return this.droppedErrors;
  }

  add(row: RawRow): BindOutcome {
    const plan = this.plan;
    const at = rowLocation(row);
    if (this.options.routed !== true && row.region !== undefined && !regionMatches(plan, row.region)) {
      this.otherRegion++;
      this.warnings.push(warningDiagnostic('OTHER_REGION', `row for region "${row.region}" is not for ${plan.region.name} (${plan.region.code}); set aside`, at));
      return 'other_region';
    }
    if (row.indicator === '') return this.error(errorDiagnostic('NO_INDICATOR', 'the indicator cell is empty', at));
    // a printed row split into several indicators carries all their values
    const parts = this.splits.get(normaliseName(row.indicator));
    if (parts) {
      const rows = splitRow(row, parts);
      if (!Array.isArray(rows)) return this.error(errorDiagnostic('SPLIT_ROW', rows, at));
      const outcomes = rows.map((r) => this.add(r));
      return outcomes.includes('error') ? 'error' : 'bound';
    }
    let m = this.names.find(row.indicator);
    if (!m) {
      if (this.keepUnknown) this.unknown.push(row);
      return 'unknown';
    }
    let period: Period | undefined;
    if (row.period !== undefined) {
      period = parsePeriod(row.period);
      if (!period) return this.error(errorDiagnostic('BAD_PERIOD', `period "${row.period}" is not a year (2023), month (2023-06) or quarter (2023-Q2)`, at));
    } else if (this.options.defaultYear !== undefined) {
      period = { kind: 'year', year: this.options.defaultYear };
    } else {
      return this.error(errorDiagnostic('NO_PERIOD', 'the row has no period: add a period column or give --year', at));
    }
    const parsed = parseValue(row.value);
    let value: ObservedValue;
    let unit: Unit = m.unit;
    switch (parsed.kind) {
      case 'invalid':
        return this.error(errorDiagnostic('BAD_VALUE', `value "${row.value}" for ${m.name} is not a number`, at));
      case 'absent':
        value = { kind: 'absent', text: parsed.text || '(empty)' };
        break;
      case 'boolean':
        if (m.unit.kind !== 'boolean') return this.error(errorDiagnostic('BAD_VALUE', `value "${row.value}" is a yes/no answer but ${m.name} is measured in ${m.unit.text}`, at));
        value = { kind: 'boolean', value: parsed.value };
        break;
      case 'number': {
        if (m.unit.kind === 'boolean') return this.error(errorDiagnostic('BAD_VALUE', `${m.name} is a yes/no indicator: write 是 or 否, not "${row.value}"`, at));
        // a share whose row may carry the amount instead (see amount-reading.ts)
        const reading = readShareOrAmount(m, row, parsed.value, parsed.suffix, (id) => this.names.find(id));
        if (reading.kind === 'ambiguous') return this.error(errorDiagnostic('AMBIGUOUS_UNIT', reading.message, at));
        if (reading.kind === 'amount') m = reading.measurement;
        const u = rowUnit(row, m, parsed.suffix);
        if (typeof u === 'string') return this.error(errorDiagnostic('BAD_UNIT', u, at));
        if (u.dimension !== m.unit.dimension) return this.error(errorDiagnostic('BAD_UNIT', `unit ${u.text} does not convert to ${m.name}'s unit ${m.unit.text}`, at));
        // `95%` in a column whose unit is ‰: the suffix wins, and it converts
        const written = parsed.suffix !== undefined ? (tryParseUnit(parsed.suffix) ?? u) : u;
        unit = written;
        value = { kind: 'number', base: scale(parsed.value, written.factor) };
        break;
      }
    }
    const obs = { id: m.id, period, value, unit, text: row.value, file: row.file, line: row.line, ...(row.region === undefined ? {} : { region: row.region }) };
    const clash = this.measurements.add(obs);
    if (clash) return this.error(errorDiagnostic('CONFLICT', `${m.name} ${formatPeriod(period)} is "${row.value}" here but "${clash.text}" at ${clash.file}:${clash.line}`, at));
    return 'bound';
  }

  result(): BindResult {
    const errors = this.droppedErrors > 0 ? [...this.errors, errorDiagnostic('TOO_MANY_ERRORS', `… and ${this.droppedErrors} more errors`, {})] : this.errors;
    return { measurements: this.measurements, errors, warnings: this.warnings, unknown: this.unknown, otherRegion: this.otherRegion };
  }
}

export function bindRows(plan: Plan, rows: readonly RawRow[], options: BindOptions = {}): BindResult {
  const b = new Binder(plan, options);
  for (const row of rows) b.add(row);
  return b.result();
}
