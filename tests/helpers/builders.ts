/** Small builders for in-memory plans and measurements (no files). */
import { MeasurementSet } from '../../src/model/measurements.js';
import { parsePeriod, wholeYear, type Period } from '../../src/model/period.js';
import { parseExpression } from '../../src/expr/parse.js';
import { collectReferences } from '../../src/expr/ast.js';
import type { Indicator, Measurement, Plan, Rule, Target } from '../../src/plan/model.js';
import { parseUnit } from '../../src/units/unit.js';
import { Decimal } from '../../src/values/decimal.js';
import { parseValue } from '../../src/values/parse-value.js';
import { scale } from '../../src/values/interval.js';

export function target(year: number, comparison: Target['comparison'], value: number | boolean | string): Target {
  const v = typeof value === 'number' ? { kind: 'number' as const, value: new Decimal(value) } : typeof value === 'boolean' ? { kind: 'boolean' as const, value } : { kind: 'text' as const, text: value };
  return { year, comparison, value: v };
}

export interface IndicatorSpec {
  id?: string;
  name?: string;
  unit?: string;
  attribute?: Indicator['attribute'];
  direction?: Indicator['direction'];
  baseline?: number | null;
  baselineYear?: number;
  targets?: Target[];
  annualGrowth?: number;
  category?: string;
  rollup?: Indicator['rollup'];
  frequency?: Indicator['frequency'];
  plausible?: Indicator['plausible'];
}

export function makeIndicator(spec: IndicatorSpec = {}): Indicator {
  const baseline = spec.baseline === undefined ? 50 : spec.baseline;
  return {
    id: spec.id ?? 'x',
    name: spec.name ?? '测试指标',
    aliases: [],
    unit: parseUnit(spec.unit ?? '%'),
    rollup: spec.rollup ?? 'latest',
    frequency: spec.frequency ?? 'yearly',
    required: false,
    attribute: spec.attribute ?? 'binding',
    direction: spec.direction ?? 'higher',
    baseline: baseline === null ? null : { year: spec.baselineYear ?? 2020, value: { kind: 'number', value: new Decimal(baseline) } },
    targets: spec.targets ?? [target(2025, '>=', 100)],
    ...(spec.annualGrowth === undefined ? {} : { annualGrowth: { rate: new Decimal(spec.annualGrowth).div(100), text: `${spec.annualGrowth}%` } }),
    references: [],
    source: { table: '表2', row: '1', text: '测试' },
    ...(spec.category === undefined ? {} : { category: spec.category }),
    ...(spec.plausible === undefined ? {} : { plausible: spec.plausible }),
  };
}

export function makeMeasurement(id: string, name: string, unit: string): Measurement {
  return { id, name, aliases: [], unit: parseUnit(unit), rollup: 'latest', frequency: 'yearly', required: false };
}

export function makeRule(id: string, subject: string, expression: string, attribute: Rule['attribute'] = 'unspecified'): Rule {
  const ast = parseExpression(expression);
  return { id, name: id, subject, attribute, expression, ast, inputs: collectReferences(ast), source: { section: '专栏1', text: expression } };
}

export function makePlan(parts: { indicators?: Indicator[]; measurements?: Measurement[]; rules?: Rule[] } = {}): Plan {
  return {
    id: 'test',
    title: '测试规划',
    region: { code: '320500', name: '测试市', aliases: [] },
    period: { baselineYear: 2020, firstYear: 2021, lastYear: 2025 },
    source: { file: 'seed.txt', title: '测试规划' },
    notes: [],
    measurements: parts.measurements ?? [],
    indicators: parts.indicators ?? [],
    rules: parts.rules ?? [],
    notEncoded: [],
  };
}

/** A period as a test writes it: a year, a text (`2024-06`, `2024-Q2`, `2024年1-6月`) or a span. */
export function periodOf(p: Period | number | string): Period {
  if (typeof p === 'number') return wholeYear(p);
  if (typeof p === 'string') {
    const q = parsePeriod(p);
    if (!q) throw new Error(`not a period: ${p}`);
    return q;
  }
  return p;
}

/** rows: [id, period, value text, unit] */
export function makeMeasurements(rows: readonly (readonly [string, Period | number | string, string, string])[]): MeasurementSet {
  const set = new MeasurementSet();
  rows.forEach(([id, p, text, unitText], i) => {
    const unit = parseUnit(unitText);
    const period = periodOf(p);
    const parsed = parseValue(text);
    const value =
      parsed.kind === 'number'
        ? { kind: 'number' as const, base: scale(parsed.value, unit.factor) }
        : parsed.kind === 'boolean'
          ? { kind: 'boolean' as const, value: parsed.value }
          : { kind: 'absent' as const, text };
    set.add({ id, period, value, unit, text, at: { file: 'data.csv', line: i + 2 } });
  });
  return set;
}
