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
import { buildNameIndex } from './match-names.js';
import { MeasurementSet, type ObservedValue } from './measurements.js';
import type { RawRow } from './parse-csv.js';
import { formatPeriod, parsePeriod, type Period } from './period.js';

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
export function unknownIndicatorWarning(plan: Plan, row: RawRow): Diagnostic {
  const near = buildNameIndex(plan).suggest(row.indicator);
  return warningDiagnostic('UNKNOWN_INDICATOR', `plan ${plan.id} has no indicator "${row.indicator}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`, { file: row.file, line: row.line });
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

export function bindRows(plan: Plan, rows: readonly RawRow[], options: BindOptions = {}): BindResult {
  const names = buildNameIndex(plan);
  const measurements = new MeasurementSet();
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const unknown: RawRow[] = [];
  let otherRegion = 0;

  for (const row of rows) {
    const at = { file: row.file, line: row.line };
    if (options.routed !== true && row.region !== undefined && !regionMatches(plan, row.region)) {
      otherRegion++;
      warnings.push(warningDiagnostic('OTHER_REGION', `row for region "${row.region}" is not for ${plan.region.name} (${plan.region.code}); set aside`, at));
      continue;
    }
    if (row.indicator === '') {
      errors.push(errorDiagnostic('NO_INDICATOR', 'the indicator cell is empty', at));
      continue;
    }
    const m = names.find(row.indicator);
    if (!m) {
      unknown.push(row);
      continue;
    }
    let period: Period | undefined;
    if (row.period !== undefined) {
      period = parsePeriod(row.period);
      if (!period) {
        errors.push(errorDiagnostic('BAD_PERIOD', `period "${row.period}" is not a year (2023), month (2023-06) or quarter (2023-Q2)`, at));
        continue;
      }
    } else if (options.defaultYear !== undefined) {
      period = { kind: 'year', year: options.defaultYear };
    } else {
      errors.push(errorDiagnostic('NO_PERIOD', 'the row has no period: add a period column or give --year', at));
      continue;
    }
    const parsed = parseValue(row.value);
    let value: ObservedValue;
    let unit: Unit = m.unit;
    switch (parsed.kind) {
      case 'invalid':
        errors.push(errorDiagnostic('BAD_VALUE', `value "${row.value}" for ${m.name} is not a number`, at));
        continue;
      case 'absent':
        value = { kind: 'absent', text: parsed.text || '(empty)' };
        break;
      case 'boolean':
        if (m.unit.kind !== 'boolean') {
          errors.push(errorDiagnostic('BAD_VALUE', `value "${row.value}" is a yes/no answer but ${m.name} is measured in ${m.unit.text}`, at));
          continue;
        }
        value = { kind: 'boolean', value: parsed.value };
        break;
      case 'number': {
        if (m.unit.kind === 'boolean') {
          errors.push(errorDiagnostic('BAD_VALUE', `${m.name} is a yes/no indicator: write 是 or 否, not "${row.value}"`, at));
          continue;
        }
        const u = rowUnit(row, m, parsed.suffix);
        if (typeof u === 'string') {
          errors.push(errorDiagnostic('BAD_UNIT', u, at));
          continue;
        }
        if (u.dimension !== m.unit.dimension) {
          errors.push(errorDiagnostic('BAD_UNIT', `unit ${u.text} does not convert to ${m.name}'s unit ${m.unit.text}`, at));
          continue;
        }
        // `95%` in a column whose unit is ‰: the suffix wins, and it converts
        const written = parsed.suffix !== undefined ? (tryParseUnit(parsed.suffix) ?? u) : u;
        unit = written;
        value = { kind: 'number', base: scale(parsed.value, written.factor) };
        break;
      }
    }
    const obs = { id: m.id, period, value, unit, text: row.value, file: row.file, line: row.line, ...(row.region === undefined ? {} : { region: row.region }) };
    const clash = measurements.add(obs);
    if (clash) {
      errors.push(
        errorDiagnostic('CONFLICT', `${m.name} ${formatPeriod(period)} is "${row.value}" here but "${clash.text}" at ${clash.file}:${clash.line}`, at),
      );
    }
  }
  return { measurements, errors, warnings, unknown, otherRegion };
}
