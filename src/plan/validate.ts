/**
 * Plan validation: the JSON Schema first, then what a schema cannot say —
 * units that parse, unique ids and names, expressions that parse and whose
 * dimensions agree, values that fit their units. Returns the plan or every
 * error; it does not throw for bad input.
 */
import type { ValidateFunction } from 'ajv';
import { errorDiagnostic, warningDiagnostic, type Diagnostic, type Msg } from '../errors.js';
import { collectReferences } from '../expr/ast.js';
import { checkCondition } from '../expr/check.js';
import { caretExcerpt, ExprSyntaxError, parseExpression } from '../expr/parse.js';
import { parseUnit, UnitSyntaxError, type Unit } from '../units/unit.js';
import { Decimal } from '../values/decimal.js';
import { isPoint } from '../values/interval.js';
import { magnitudeProblem, parseValue } from '../values/parse-value.js';
import { closestUnits, unknownBases } from './known-units.js';
import { compactSeed, lintPlan } from './lint.js';
import { normaliseName } from './names.js';
import type { Indicator, Measurement, NotEncoded, Plan, Plausible, PlanValue, Quote, Rule, Target } from './model.js';
import type { PlanSource } from './source.js';
import type { RawIndicator, RawMeasurement, RawNotEncoded, RawPlan, RawQuote, RawScalar, RawTarget } from './raw.js';
import { schemaDiagnostics } from './schema-errors.js';

export type ValidationResult =
  | { readonly ok: true; readonly plan: Plan; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] };

type Path = readonly (string | number)[];

class Collector {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];
  constructor(readonly doc: PlanSource) {}

  at(path: Path): { file: string; line: number; column: number; path: string } {
    const p = this.doc.position(path);
    return { file: this.doc.file, line: p.line, column: p.column, path: '/' + path.join('/') };
  }
  error(code: string, message: Msg, path: Path, excerpt?: string): void {
    this.errors.push(errorDiagnostic(code, message, this.at(path), excerpt));
  }
  warn(code: string, message: Msg, path: Path): void {
    this.warnings.push(warningDiagnostic(code, message, this.at(path)));
  }
}

function toPlanValue(v: RawScalar): PlanValue {
  if (typeof v === 'number') return { kind: 'number', value: new Decimal(String(v)) };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return { kind: 'text', text: v };
}

function toQuote(q: RawQuote): Quote {
  return {
    text: q.text,
    ...(q.table === undefined ? {} : { table: q.table }),
    ...(q.section === undefined ? {} : { section: q.section }),
    ...(q.row === undefined ? {} : { row: String(q.row) }),
  };
}

/** A plan number beyond what a plan value can be (e.g. `1e999`, read as Infinity) is an error at its line. */
function checkMagnitude(c: Collector, v: number, path: Path): void {
  const problem = Number.isFinite(v) ? magnitudeProblem(new Decimal(String(v))) : magnitudeProblem(new Decimal(v));
  if (problem) c.errors.push(errorDiagnostic('VALUE_RANGE', { en: `${v} ${problem.en}`, zh: `${v} ${problem.zh}` }, c.at(path)));
}

/**
 * A number written as text (`value: "80%"`) is read as a text target, which
 * no measurement can meet: the indicator would always be missing.
 */
function checkNumberAsText(c: Collector, v: string, unit: Unit, path: Path): void {
  const parsed = parseValue(v);
  if (parsed.kind !== 'number') return;
  const n = isPoint(parsed.value) ? parsed.value.lo.toString() : v;
  const fixUnit = parsed.suffix !== undefined && parsed.suffix !== unit.text ? ` and unit: "${parsed.suffix}"` : '';
  const fixUnitZh = parsed.suffix !== undefined && parsed.suffix !== unit.text ? `，并写 unit: "${parsed.suffix}"` : '';
  c.errors.push(errorDiagnostic('TEXT_NUMBER', { en: `value "${v}" is a number written as text, which no measurement can meet; write it as a number: value: ${n}${fixUnit}`, zh: `值“${v}”是写成文字的数字，任何测量值都无法达到；请写成数字：value: ${n}${fixUnitZh}` }, c.at(path)));
}

function checkValueFitsUnit(c: Collector, v: RawScalar | undefined, unit: Unit, path: Path): void {
  if (typeof v === 'string') {
    checkNumberAsText(c, v, unit, path);
    return;
  }
  if (v === undefined) return;
  if (typeof v === 'number') checkMagnitude(c, v, path);
  if (unit.kind === 'boolean' && typeof v !== 'boolean') c.error('VALUE_UNIT', { en: `a yes/no indicator (unit ${unit.text}) takes true or false, not ${v}`, zh: `“是/否”指标（单位 ${unit.text}）只取 true 或 false，不能是 ${v}` }, path);
  if (unit.kind !== 'boolean' && typeof v === 'boolean') c.error('VALUE_UNIT', { en: `${v} is a yes/no value but the unit is ${unit.text}`, zh: `${v} 是“是/否”值，但单位是 ${unit.text}` }, path);
}

function buildPlausible(p: NonNullable<RawMeasurement['plausible']>): Plausible {
  const d = (v: number | null | undefined): Decimal | null | undefined => (v === null ? null : v === undefined ? undefined : new Decimal(String(v)));
  const min = d(p.min);
  const max = d(p.max);
  const factor = d(p.factor);
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(factor === undefined ? {} : { factor }) };
}

function buildMeasurement(c: Collector, m: RawMeasurement, path: Path): Measurement | undefined {
  let unit: Unit;
  try {
    unit = parseUnit(m.unit);
  } catch (e) {
    if (!(e instanceof UnitSyntaxError)) throw e;
    c.error('UNIT', { en: `unit "${m.unit}": ${e.message}`, zh: `单位“${m.unit}”无法解析：${e.zh}` }, [...path, 'unit']);
    return undefined;
  }
  const strange = unknownBases(unit);
  if (strange.length > 0) {
    const near = closestUnits(m.unit);
    const en = near.length > 0 ? `; did you mean ${near.map((u) => `"${u}"`).join(', ')}?` : '';
    const zh = near.length > 0 ? `；是否应为${near.map((u) => `“${u}”`).join('、')}？` : '';
    c.errors.push(errorDiagnostic('UNIT', { en: `unit "${m.unit}" is not a unit plancheck knows: it would convert to nothing, and the indicator would always be missing${en}`, zh: `单位“${m.unit}”不是 plancheck 认识的单位：它无法与任何单位换算，该指标将始终缺数据${zh}` }, c.at([...path, 'unit'])));
    return undefined;
  }
  const p = m.plausible;
  if (p && typeof p.min === 'number' && typeof p.max === 'number' && p.min > p.max) c.error('PLAUSIBLE', `plausible range [${p.min}, ${p.max}] is empty: min must not exceed max`, [...path, 'plausible']);
  const pos = c.doc.position(path);
  return {
    id: m.id,
    name: m.name,
    aliases: m.aliases ?? [],
    unit,
    ...(m.printed_unit === undefined ? {} : { printedUnit: m.printed_unit }),
    rollup: m.rollup ?? 'latest',
    frequency: m.frequency ?? 'yearly',
    required: m.required ?? false,
    ...(m.plausible === undefined ? {} : { plausible: buildPlausible(m.plausible) }),
    ...(m.note === undefined ? {} : { note: m.note }),
    position: { line: pos.line, column: pos.column },
  };
}

function buildTarget(c: Collector, t: RawTarget, unit: Unit, path: Path): Target {
  checkValueFitsUnit(c, t.value, unit, [...path, 'value']);
  t.range?.forEach((r, i) => checkMagnitude(c, r, [...path, 'range', i]));
  if (t.range && t.range[0] > t.range[1]) c.error('RANGE', { en: `range [${t.range[0]}, ${t.range[1]}] is empty: low must not exceed high`, zh: `范围 [${t.range[0]}, ${t.range[1]}] 是空的：下限不能大于上限` }, [...path, 'range']);
  if (t.value !== undefined && typeof t.value === 'boolean' && t.comparison !== '==') {
    c.error('VALUE_UNIT', { en: 'a yes/no target takes the comparison ==', zh: '“是/否”目标的比较只能是 ==' }, [...path, 'comparison']);
  }
  return {
    year: t.year,
    comparison: t.comparison,
    ...(t.value === undefined ? {} : { value: toPlanValue(t.value) }),
    ...(t.range === undefined ? {} : { range: [new Decimal(String(t.range[0])), new Decimal(String(t.range[1]))] as const }),
    ...(t.text === undefined ? {} : { text: t.text }),
    ...(t.note === undefined ? {} : { note: t.note }),
  };
}

/**
 * A floor printed in the baseline column (`comparison` on the baseline) holds
 * every year: it is a number, it bounds on the worse side of the indicator's
 * direction (≥ for higher is better), and there is a target for it to lead to.
 */
function checkFloor(c: Collector, raw: RawIndicator, path: Path): void {
  const op = raw.baseline?.comparison;
  if (op === undefined || !raw.baseline) return;
  const at = [...path, 'baseline', 'comparison'];
  if (typeof raw.baseline.value !== 'number') c.error('FLOOR', { en: `a baseline with a comparison (${op}) is a floor that holds every year: its value must be a number`, zh: `带比较符（${op}）的基期值是每年都须满足的下限：其值必须是数字` }, [...path, 'baseline', 'value']);
  const fits = raw.direction === 'higher' ? op === '>=' || op === '>' : op === '<=' || op === '<';
  if (!fits) c.error('FLOOR', { en: `baseline comparison ${op} does not fit direction ${raw.direction}: a floor is ≥ or > where higher is better, a ceiling ≤ or < where lower is better`, zh: `基期比较符 ${op} 与方向 ${raw.direction} 不符：越高越好时下限为 ≥ 或 >，越低越好时上限为 ≤ 或 <` }, at);
  if (raw.rollup === 'sum') c.error('FLOOR', { en: 'a floor in the baseline column bounds a level every year; a flow (rollup: sum) restarts each year and has none', zh: '基期栏的下限约束的是每年的水平值；流量指标（rollup: sum）每年重新累计，没有下限' }, at);
  if (raw.targets.length === 0) c.error('FLOOR', { en: 'a floor in the baseline column holds from the baseline year to a target: the indicator needs a target', zh: '基期栏的下限自基期年起适用至目标年：该指标需要目标' }, at);
}

function buildIndicator(c: Collector, raw: RawIndicator, path: Path, period: RawPlan['period']): Indicator | undefined {
  const m = buildMeasurement(c, raw, path);
  if (!m) return undefined;
  checkValueFitsUnit(c, raw.baseline?.value, m.unit, [...path, 'baseline', 'value']);
  const targets = raw.targets.map((t, i) => buildTarget(c, t, m.unit, [...path, 'targets', i]));
  const years = new Set<number>();
  raw.targets.forEach((t, i) => {
    if (years.has(t.year)) c.error('TARGET_YEAR', { en: `two targets for ${t.year}`, zh: `${t.year}年有两个目标` }, [...path, 'targets', i, 'year']);
    years.add(t.year);
    if (t.year < period.first_year - 1 || t.year > period.last_year) {
      c.warn('TARGET_YEAR', { en: `target year ${t.year} is outside the plan period ${period.first_year}–${period.last_year}`, zh: `目标年份 ${t.year} 不在规划期 ${period.first_year}–${period.last_year} 内` }, [...path, 'targets', i, 'year']);
    }
  });
  checkFloor(c, raw, path);
  if (raw.accept_lint !== undefined && raw.note === undefined) {
    c.error('ACCEPT_LINT', { en: 'accept_lint needs a note saying why the warning is accepted', zh: 'accept_lint 需要在 note 中说明为何接受该警告' }, [...path, 'accept_lint']);
  }
  return {
    ...m,
    ...(raw.category === undefined ? {} : { category: raw.category }),
    attribute: raw.attribute,
    direction: raw.direction,
    baseline: raw.baseline
      ? { year: raw.baseline.year, value: toPlanValue(raw.baseline.value), ...(raw.baseline.text === undefined ? {} : { text: raw.baseline.text }), ...(raw.baseline.comparison === undefined ? {} : { comparison: raw.baseline.comparison }) }
      : null,
    targets: [...targets].sort((a, b) => a.year - b.year),
    ...(raw.annual_growth === undefined ? {} : { annualGrowth: { rate: new Decimal(String(raw.annual_growth.rate)).div(100), text: raw.annual_growth.text } }),
    references: (raw.references ?? []).map((r) => ({
      label: r.label,
      text: r.text,
      ...(r.year === undefined ? {} : { year: r.year }),
      ...(r.comparison === undefined ? {} : { comparison: r.comparison }),
      ...(r.value === undefined ? {} : { value: toPlanValue(r.value) }),
    })),
    ...(raw.printed_as === undefined ? {} : { printedAs: { name: raw.printed_as.name, part: raw.printed_as.part } }),
    ...(raw.amount === undefined ? {} : { amount: { id: raw.amount.measurement, bareShareMax: new Decimal(String(raw.amount.bare_share_max)), bareAmountMin: new Decimal(String(raw.amount.bare_amount_min)) } }),
    ...(raw.source === undefined ? {} : { source: toQuote(raw.source) }),
    ...(raw.accept_lint === undefined ? {} : { acceptLint: raw.accept_lint }),
  };
}

/** The parts of a split printed row are 1…n, once each, and its printed name names nothing else. */
function checkSplitRows(c: Collector, indicators: readonly Indicator[], all: readonly { m: Measurement; path: Path }[], paths: ReadonlyMap<string, Path>): void {
  const rows = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    if (!ind.printedAs) continue;
    const key = normaliseName(ind.printedAs.name);
    rows.set(key, [...(rows.get(key) ?? []), ind]);
  }
  const names = new Set(all.flatMap(({ m }) => [m.id, m.name, ...m.aliases].map(normaliseName)));
  for (const [key, parts] of rows) {
    const first = parts[0];
    if (!first?.printedAs) continue;
    const path = [...(paths.get(first.id) ?? []), 'printed_as'];
    const got = parts.map((p) => p.printedAs?.part ?? 0).sort((a, b) => a - b);
    if (got.length < 2 || got.some((n, i) => n !== i + 1)) c.error('PRINTED_AS', { en: `printed_as "${first.printedAs.name}": its parts must be 1…n, once each (got ${got.join(', ')})`, zh: `printed_as "${first.printedAs.name}"：各部分须为 1…n 且各一次（现为 ${got.join('、')}）` }, path);
    if (names.has(key)) c.error('DUPLICATE_NAME', { en: `printed_as "${first.printedAs.name}" is also the name of a measurement: a data row could not tell them apart`, zh: `printed_as "${first.printedAs.name}" 同时是某个度量的名称，数据行无法区分` }, [...path, 'name']);
  }
}

/** An indicator's amount reading names a measurement in another dimension, and its bare-number ranges do not overlap. */
function checkAmountReadings(c: Collector, indicators: readonly Indicator[], units: ReadonlyMap<string, Unit>, paths: ReadonlyMap<string, Path>): void {
  for (const ind of indicators) {
    if (!ind.amount) continue;
    const path = [...(paths.get(ind.id) ?? []), 'amount'];
    const u = units.get(ind.amount.id);
    if (!u) c.error('UNKNOWN_MEASUREMENT', { en: `amount: "${ind.amount.id}" is not a measurement of this plan`, zh: `amount："${ind.amount.id}" 不是本规划的度量` }, [...path, 'measurement']);
    else if (u.dimension === ind.unit.dimension) c.error('AMOUNT_UNIT', { en: `amount: ${ind.amount.id} is in ${u.text}, the same kind of unit as ${ind.name} (${ind.unit.text}); a row could not tell them apart`, zh: `amount：${ind.amount.id} 的单位 ${u.text} 与 ${ind.name}（${ind.unit.text}）同类，无法区分` }, [...path, 'measurement']);
    if (!ind.amount.bareShareMax.lt(ind.amount.bareAmountMin)) c.error('AMOUNT_RANGE', { en: 'amount: bare_share_max must be below bare_amount_min', zh: 'amount：bare_share_max 必须小于 bare_amount_min' }, [...path, 'bare_share_max']);
  }
}

function checkUnique(c: Collector, measurements: readonly { m: Measurement; path: Path }[]): void {
  const ids = new Map<string, Path>();
  const names = new Map<string, { id: string; path: Path }>();
  for (const { m, path } of measurements) {
    if (ids.has(m.id)) c.error('DUPLICATE_ID', { en: `duplicate id "${m.id}"`, zh: `编号“${m.id}”重复` }, [...path, 'id']);
    ids.set(m.id, path);
    for (const name of [m.name, ...m.aliases]) {
      const key = normaliseName(name);
      const prev = names.get(key);
      if (prev && prev.id !== m.id) c.error('DUPLICATE_NAME', { en: `name "${name}" also names "${prev.id}": a data row could not tell them apart`, zh: `名称“${name}”也是“${prev.id}”的名称：数据行无法区分两者` }, [...path, 'name']);
      names.set(key, { id: m.id, path });
    }
  }
}

/** The ledger's not-encoded entries; `covered_by` must name this plan's indicators, measurements or rules. */
function buildNotEncoded(c: Collector, raw: readonly RawNotEncoded[], known: ReadonlySet<string>): NotEncoded[] {
  const seen = new Map<string, number>();
  return raw.map((n, i) => {
    const path: Path = ['not_encoded', i];
    (n.covered_by ?? []).forEach((id, j) => {
      if (!known.has(id)) c.error('UNKNOWN_MEASUREMENT', { en: `covered_by "${id}" is not an indicator, measurement or rule of this plan`, zh: `covered_by "${id}" 不是本规划的指标、度量或规则` }, [...path, 'covered_by', j]);
    });
    const key = n.quote.replace(/\s+/g, '');
    const prev = seen.get(key);
    if (prev !== undefined) c.error('DUPLICATE_NOT_ENCODED', { en: `the same quote is listed as not_encoded/${prev}`, zh: `同一引文已列于 not_encoded/${prev}` }, [...path, 'quote']);
    seen.set(key, i);
    const pos = c.doc.position(path);
    return {
      quote: n.quote,
      ...(n.section === undefined ? {} : { section: n.section }),
      reason: n.reason,
      explanation: n.explanation,
      coveredBy: n.covered_by ?? [],
      position: { line: pos.line, column: pos.column },
    };
  });
}

/**
 * What `plancheck draft` left for a reviewer: every `guess:` entry (a field
 * inferred, not read) and every `not_encoded` entry with reason `unreviewed`
 * is a warning, so that `validate --strict` fails until each is confirmed
 * (the line deleted) or dealt with.
 */
function warnDraft(c: Collector, raw: RawPlan): void {
  const guesses = (g: Record<string, string> | null | undefined, what: { en: string; zh: string }, path: Path): void => {
    for (const [key, why] of Object.entries(g ?? {})) {
      c.warn('DRAFT_GUESS', { en: `${what.en}: ${key} is the drafter's guess (${why}); check it against the source, correct it if need be, and delete this line`, zh: `${what.zh}：${key} 是起草程序的推断（${why}）；请对照原文核对（必要时改正），然后删除这一行` }, [...path, 'guess', key]);
    }
  };
  guesses(raw.guess, { en: 'the plan', zh: '规划' }, []);
  (raw.measurements ?? []).forEach((m, i) => guesses(m.guess, { en: `measurement ${m.id}`, zh: `度量 ${m.id}` }, ['measurements', i]));
  raw.indicators.forEach((m, i) => guesses(m.guess, { en: `${m.name} (${m.id})`, zh: `${m.name}（${m.id}）` }, ['indicators', i]));
  (raw.rules ?? []).forEach((r, i) => guesses(r.guess, { en: `rule ${r.id}`, zh: `规则 ${r.id}` }, ['rules', i]));
  (raw.not_encoded ?? []).forEach((n, i) => {
    if (n.reason === 'unreviewed') c.warn('UNREVIEWED', { en: `not_encoded: a commitment the drafter found and no one has reviewed: encode it as an indicator or a rule, or give the reason it is not encoded (${clipQuote(n.quote)})`, zh: `not_encoded：起草程序发现、尚未审核的承诺：请将其编为指标或规则，或写明不编码的理由（${clipQuote(n.quote)}）` }, ['not_encoded', i, 'reason']);
  });
}

function clipQuote(q: string): string {
  return q.length <= 40 ? q : `${q.slice(0, 40)}…`;
}

/**
 * `validateSchema` is null for a plan read from the build's cache, which
 * passed the schema when the cache was made.
 */
export function validatePlan(d: PlanSource, validateSchema: ValidateFunction | null, seedText?: string, lint = true): ValidationResult {
  const c = new Collector(d);
  if (validateSchema !== null && !validateSchema(d.value)) {
    return { ok: false, errors: schemaDiagnostics(d, validateSchema.errors ?? []), warnings: [] };
  }
  const raw = d.value as RawPlan;
  if (raw.period.first_year > raw.period.last_year || raw.period.baseline_year > raw.period.first_year) {
    c.error('PERIOD', { en: 'period must satisfy baseline_year ≤ first_year ≤ last_year', zh: '规划期须满足 baseline_year ≤ first_year ≤ last_year' }, ['period']);
  }
  const indicators: Indicator[] = [];
  const all: { m: Measurement; path: Path }[] = [];
  raw.indicators.forEach((r, i) => {
    const ind = buildIndicator(c, r, ['indicators', i], raw.period);
    if (ind) {
      indicators.push(ind);
      all.push({ m: ind, path: ['indicators', i] });
    }
  });
  const measurements: Measurement[] = [];
  (raw.measurements ?? []).forEach((r, i) => {
    const m = buildMeasurement(c, r, ['measurements', i]);
    if (m) {
      measurements.push(m);
      all.push({ m, path: ['measurements', i] });
    }
  });
  checkUnique(c, all);
  const units = new Map(all.map(({ m }) => [m.id, m.unit]));
  const paths = new Map(all.map(({ m, path }) => [m.id, path]));
  checkAmountReadings(c, indicators, units, paths);
  checkSplitRows(c, indicators, all, paths);
  const rules: Rule[] = [];
  const ruleIds = new Set<string>();
  (raw.rules ?? []).forEach((r, i) => {
    const path: Path = ['rules', i];
    if (ruleIds.has(r.id) || units.has(r.id)) c.error('DUPLICATE_ID', { en: `duplicate id "${r.id}"`, zh: `编号“${r.id}”重复` }, [...path, 'id']);
    ruleIds.add(r.id);
    if (!units.has(r.subject)) c.error('UNKNOWN_MEASUREMENT', { en: `subject "${r.subject}" is not an indicator or measurement of this plan`, zh: `subject“${r.subject}”不是本规划的指标或测量项` }, [...path, 'subject']);
    const exprPos = d.position([...path, 'expression']);
    // point into the expression when the YAML scalar's text is the expression itself
    const column0 = exprPos.source !== undefined && exprPos.source.includes(r.expression) ? exprPos.column + exprPos.source.indexOf(r.expression) : exprPos.column;
    const exprAt = (offset: number): { file: string; line: number; column: number; path: string } => ({
      file: d.file,
      line: exprPos.line,
      column: column0 + offset,
      path: `/rules/${i}/expression`,
    });
    let ast;
    try {
      ast = parseExpression(r.expression);
    } catch (e) {
      if (!(e instanceof ExprSyntaxError)) throw e;
      c.errors.push(errorDiagnostic('EXPR_SYNTAX', { en: e.message, zh: `表达式语法错误：${e.zh ?? e.message}` }, exprAt(e.offset), caretExcerpt(r.expression, e.offset)));
      return;
    }
    const issues = checkCondition(ast, (id) => units.get(id));
    for (const issue of issues) {
      c.errors.push(errorDiagnostic(issue.code, { en: issue.message, zh: issue.zh ?? `表达式有误：${issue.message}` }, exprAt(issue.offset), caretExcerpt(r.expression, issue.offset)));
    }
    if (issues.length > 0) return;
    const pos = d.position(path);
    rules.push({
      id: r.id,
      name: r.name,
      subject: r.subject,
      attribute: r.attribute ?? 'unspecified',
      ...(r.category === undefined ? {} : { category: r.category }),
      expression: r.expression,
      ast,
      inputs: collectReferences(ast),
      ...(r.from_year === undefined ? {} : { fromYear: r.from_year }),
      source: toQuote(r.source),
      ...(r.note === undefined ? {} : { note: r.note }),
      position: { line: pos.line, column: pos.column },
    });
  });
  const notEncoded = buildNotEncoded(c, raw.not_encoded ?? [], new Set([...units.keys(), ...ruleIds]));
  warnDraft(c, raw);
  if (c.errors.length > 0) return { ok: false, errors: c.errors, warnings: c.warnings };
  const plan: Plan = {
    id: raw.id,
    title: raw.title,
    region: { code: raw.region.code, name: raw.region.name, aliases: raw.region.aliases ?? [] },
    period: { baselineYear: raw.period.baseline_year, firstYear: raw.period.first_year, lastYear: raw.period.last_year },
    source: { file: raw.source.file, title: raw.source.title },
    notes: raw.notes ?? [],
    measurements,
    indicators,
    rules,
    notEncoded,
  };
  const linted = lint ? lintPlan(plan, (path) => c.at(path), seedText === undefined ? undefined : compactSeed(seedText)) : [];
  return { ok: true, plan, warnings: [...c.warnings, ...linted] };
}
