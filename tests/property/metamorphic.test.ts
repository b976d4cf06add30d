/**
 * Metamorphic properties over every bundled plan, with data generated from
 * the plan itself: transformations that must not change a verdict, and
 * moves that may change it only one way. The verdict of a check is its
 * status and code.
 *
 * - rows for other indicators, other regions or later periods (period fixed);
 * - a value restated in another convertible unit, in any of the four places a
 *   unit is written (unit column, indicator cell, value header, value cell);
 * - the file re-encoded (GB18030, BOM, CRLF), its rows shuffled, or split in
 *   two — through the real file path (temp files, the programmatic evaluate);
 * - a value moved in its better direction never turns pass into fail, nor the
 *   reverse; a value exactly on its milestone or target passes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindRows } from '../../src/data/bind.js';
import { evaluatePlan } from '../../src/evaluate/evaluate-plan.js';
import { milestoneFor } from '../../src/evaluate/milestone.js';
import { isShare } from '../../src/evaluate/plausibility.js';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import { bundledPlanIds, evaluate, loadPlan } from '../../src/index.js';
import type { RawRow } from '../../src/model/row.js';
import { allMeasurements, type Indicator, type Measurement, type Plan, type PlanValue } from '../../src/plan/model.js';
import { tryParseUnit, type Unit } from '../../src/units/unit.js';
import { Decimal } from '../../src/values/decimal.js';

/** Cases per property: enough to find each slip of issue 9 (see the closing note of the README's testing section). */
const SCALE = Number(process.env['PLANCHECK_PROPERTY_SCALE'] ?? '1');
export const RUNS = Object.fromEntries(Object.entries({ rows: 40, units: 60, files: 12, monotone: 100, onTarget: 20 }).map(([k, v]) => [k, Math.max(1, Math.round(v * SCALE))])) as Readonly<Record<'rows' | 'units' | 'files' | 'monotone' | 'onTarget', number>>;

const dir = mkdtempSync(join(tmpdir(), 'plancheck-meta-'));
const plans = new Map<string, Plan>();
beforeAll(async () => {
  for (const id of bundledPlanIds()) plans.set(id, (await loadPlan(id)).plan);
});
const ids = bundledPlanIds();

// ---------- data generated from the plan ----------

function num(v: PlanValue | undefined): Decimal | undefined {
  return v?.kind === 'number' ? v.value : undefined;
}

/** Every number the plan states for an indicator. */
function planNumbers(m: Measurement): Decimal[] {
  const ind = m as Partial<Indicator>;
  return [num(ind.baseline?.value), ...(ind.targets ?? []).flatMap((t) => [num(t.value), ...(t.range ?? [])])].filter((d): d is Decimal => d !== undefined);
}

/** A value the measurement plausibly holds, placed by `u` in [0, 1] between the plan's lowest and highest numbers (and a little beyond). */
function valueFor(m: Measurement, u: number): string {
  if (m.unit.kind === 'boolean') return u < 0.5 ? '否' : '是';
  const ns = planNumbers(m);
  let lo: Decimal;
  let hi: Decimal;
  if (ns.length > 0) {
    lo = Decimal.min(...ns);
    hi = Decimal.max(...ns);
  } else {
    // a rule input the plan gives no number for: a level typical of its unit
    const typical: Readonly<Record<string, number>> = { '元/人·月': 1000, '元/人·年': 40000, '元/月': 2000, '%': 5 };
    const base = new Decimal(typical[m.unit.text] ?? 500);
    lo = base.mul(0.8);
    hi = base.mul(1.2);
  }
  if (hi.eq(lo)) {
    lo = lo.mul(0.9);
    hi = hi.mul(1.1);
  }
  let v = lo.add(hi.sub(lo).mul(-0.2 + 1.4 * u));
  if (v.lt(0)) v = new Decimal(0);
  if (isShare(m) && v.gt(100)) v = new Decimal(100);
  return v.toDecimalPlaces(2).toFixed();
}

interface Generated {
  readonly plan: Plan;
  readonly year: number;
  readonly rows: RawRow[];
}

/** The rows a submitter would send for `year`: every measurement the plan checks, and the earlier years its rules read. */
function rowsFor(plan: Plan, year: number, us: readonly number[]): RawRow[] {
  const want = new Map<string, Set<number>>();
  const need = (id: string, y: number): void => void (want.get(id) ?? want.set(id, new Set()).get(id))?.add(y);
  for (const i of plan.indicators) need(i.id, year);
  for (const r of plan.rules) for (const x of r.inputs) need(x.id, year + x.offset);
  const rows: RawRow[] = [];
  let k = 0;
  for (const m of allMeasurements(plan)) {
    for (const y of [...(want.get(m.id) ?? [])].sort()) {
      const u = us[k++ % us.length] as number;
      rows.push({ file: 'gen.csv', line: rows.length + 2, indicator: m.name, value: valueFor(m, u), period: String(y), region: plan.region.name, unit: m.unit.text });
    }
  }
  return rows;
}

const genData = (id: string): fc.Arbitrary<Generated> =>
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 40 })).map(([shift, us]) => {
    const plan = plans.get(id) as Plan;
    // the final year (where most targets fall) more often than the years on the way
    const year = Math.min(plan.period.firstYear + shift, plan.period.lastYear);
    const rows = rowsFor(plan, year, us);
    // a failing case prints as the CSV it stands for, not the whole plan
    return { plan, year, rows, [fc.toStringMethod]: () => `${id} ${year}\n${csvOf(rows)}` };
  });

type Verdicts = Record<string, string>;

function verdictsOf(plan: Plan, rows: readonly RawRow[], year: number): Verdicts {
  const b = bindRows(plan, rows);
  if (b.errors.length > 0) throw new Error(b.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  const out: Verdicts = {};
  for (const r of evaluatePlan(plan, b.measurements, { year, month: 12 }).results) out[r.id] = `${r.status} ${r.code}`;
  return out;
}

// ---------- transformations ----------

/** Other units of the same dimension: 人 ↔ 万人, 元/人·月 ↔ 元/人·年, % ↔ ‰. */
function otherUnits(u: Unit): Unit[] {
  const [numerator = '', ...den] = u.text.split('/');
  const d = den.length > 0 ? `/${den.join('/')}` : '';
  const bare = numerator.replace(/^[万亿千百]/, '');
  const texts = u.kind === 'ratio' ? ['%', '‰'] : [`${bare}${d}`, `万${bare}${d}`, ...(/月$/.test(d) ? [`${numerator}${d.replace(/月$/, '年')}`] : []), ...(/年$/.test(d) ? [`${numerator}${d.replace(/年$/, '月')}`] : [])];
  return texts.map((t) => tryParseUnit(t)).filter((x): x is Unit => x !== undefined && x.dimension === u.dimension && !x.factor.eq(u.factor) && x.text !== '倍');
}

type Position = 'unit' | 'indicator' | 'header' | 'value';

/** The row's value restated in `to`, written at `where`; the digits kept so the reported precision is the same where a power of ten allows. */
/** The row with its value written in `to` at `where`; undefined when no finite decimal says it (28800.01 元/年 is 2400.000833… 元/月). */
function restate(row: RawRow, from: Unit, to: Unit, where: Position): RawRow | undefined {
  const v = new Decimal(row.value);
  const ratio = from.factor.div(to.factor);
  if (v.mul(ratio).sd() > 20) return undefined;
  const places = Math.max(0, (row.value.split('.')[1]?.length ?? 0) + Math.max(0, Math.round(-Math.log10(ratio.toNumber()))));
  const exact = v.mul(ratio);
  const text = exact.decimalPlaces() <= places ? exact.toFixed(places) : exact.toFixed();
  const { unit: _drop, ...rest } = row;
  void _drop;
  switch (where) {
    case 'unit':
      return { ...rest, value: text, unit: to.text };
    case 'indicator':
      return { ...rest, value: text, indicator: `${row.indicator}（${to.text}）` };
    case 'header':
      return { ...rest, value: text, headerUnit: to.text };
    case 'value':
      return { ...rest, value: `${text}${to.text}` };
  }
}

function csvOf(rows: readonly RawRow[]): string {
  const q = (s: string | undefined): string => (s === undefined ? '' : /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return ['indicator,period,value,unit,region', ...rows.map((r) => [r.indicator, r.period, r.value, r.unit, r.region].map(q).join(','))].join('\n') + '\n';
}

let fileNo = 0;
function write(content: string | Buffer): string {
  const f = join(dir, `m-${fileNo++}.csv`);
  writeFileSync(f, content);
  return f;
}

async function fileVerdicts(planId: string, files: readonly string[], year: number): Promise<Verdicts> {
  const run = await evaluate({ plans: [planId], data: files, year, policy: DEFAULT_POLICY });
  const out: Verdicts = {};
  for (const r of run.reports[0]?.evaluation.results ?? []) out[r.id] = `${r.status} ${r.code}`;
  return out;
}

// ---------- properties ----------

describe.each(ids)('plan %s', (id) => {
  it(`rows for other indicators, other regions and later periods change no verdict (${RUNS.rows} cases)`, () => {
    fc.assert(
      fc.property(genData(id), fc.array(fc.tuple(fc.constantFrom('indicator', 'region', 'later'), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 }), (g, extras) => {
        const before = verdictsOf(g.plan, g.rows, g.year);
        const added = extras.map(([kind, k, u], i): RawRow => {
          const row = g.rows[k % g.rows.length] as RawRow;
          const m = allMeasurements(g.plan).find((x) => x.name === row.indicator) as Measurement;
          const line = 1000 + i;
          if (kind === 'indicator') return { ...row, line, indicator: `不在规划中的指标${k % 7}`, value: valueFor(m, u) };
          if (kind === 'region') return { ...row, line, region: '另一个地区', value: valueFor(m, u) };
          return { ...row, line, period: String(g.year + 1 + (k % 3)), value: valueFor(m, u) };
        });
        // the same added row twice would be a conflict of its own: keep the first of each
        const seen = new Set<string>();
        const unique = added.filter((r) => {
          const key = `${r.indicator}|${r.period}|${r.region}`;
          const known = seen.has(key) || g.rows.some((x) => `${x.indicator}|${x.period}|${x.region}` === key);
          seen.add(key);
          return !known;
        });
        expect(verdictsOf(g.plan, [...g.rows, ...unique], g.year)).toEqual(before);
      }),
      { numRuns: RUNS.rows },
    );
  });

  it(`a value restated in another convertible unit, in any unit position, changes no verdict (${RUNS.units} cases)`, () => {
    fc.assert(
      fc.property(genData(id), fc.nat(), fc.nat(), fc.constantFrom<Position>('unit', 'indicator', 'header', 'value'), (g, k, j, where) => {
        const candidates = g.rows.map((r, i) => ({ r, i, m: allMeasurements(g.plan).find((x) => x.name === r.indicator) as Measurement })).filter((x) => x.m.unit.kind !== 'boolean' && otherUnits(x.m.unit).length > 0);
        fc.pre(candidates.length > 0);
        const c = candidates[k % candidates.length] as (typeof candidates)[number];
        const units = otherUnits(c.m.unit);
        const to = units[j % units.length] as Unit;
        // an equality between reported amounts holds within the reported precision: a restatement
        // across a time unit (×12) changes that precision, so such inputs of == rules are left out
        const acrossTime = /[月年]$/.test(to.text) && !to.factor.div(c.m.unit.factor).log(10).isInteger();
        fc.pre(!(acrossTime && g.plan.rules.some((r) => r.expression.includes('==') && r.inputs.some((x) => x.id === c.m.id))));
        const restated = restate(c.r, c.m.unit, to, where);
        // a value no one could write exactly in the other unit is no restatement of it
        fc.pre(restated !== undefined);
        const rows = g.rows.map((r, i) => (i === c.i ? restated : r));
        expect({ row: rows[c.i], verdicts: verdictsOf(g.plan, rows, g.year) }).toEqual({ row: rows[c.i], verdicts: verdictsOf(g.plan, g.rows, g.year) });
      }),
      { numRuns: RUNS.units },
    );
  });

  it(`re-encoding (GB18030, BOM, CRLF), shuffling and splitting the file change no verdict (${RUNS.files} cases, through the file path)`, async () => {
    await fc.assert(
      fc.asyncProperty(genData(id), fc.constantFrom('gb18030', 'bom', 'crlf', 'shuffle', 'split'), fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), async (g, how, order) => {
        const text = csvOf(g.rows);
        const before = await fileVerdicts(id, [write(text)], g.year);
        let files: string[];
        if (how === 'gb18030') files = [write(iconv.encode(text, 'gb18030'))];
        else if (how === 'bom') files = [write(`\uFEFF${text}`)];
        else if (how === 'crlf') files = [write(text.replace(/\n/g, '\r\n'))];
        else {
          const keyed = g.rows.map((r, i) => ({ r, k: order[i % order.length] as number }));
          const shuffled = how === 'shuffle' ? [...keyed].sort((a, b) => a.k - b.k).map((x) => x.r) : g.rows;
          if (how === 'shuffle') files = [write(csvOf(shuffled))];
          else {
            // two files of at least one row each (a file with a header and no rows is bad input)
            const cut = 1 + ((order[0] as number) % Math.max(1, g.rows.length - 1));
            files = [write(csvOf(g.rows.slice(0, cut))), write(csvOf(g.rows.slice(cut)))];
          }
        }
        expect(await fileVerdicts(id, files, g.year)).toEqual(before);
      }),
      { numRuns: RUNS.files },
    );
  });

  /** The indicators a single value decides: numeric, with a target. */
  const movable = (plan: Plan): Indicator[] => plan.indicators.filter((i) => i.unit.kind !== 'boolean' && i.targets.some((t) => t.value?.kind === 'number' || t.range !== undefined));

  it(`a value moved in its better direction never turns pass into fail, nor the reverse (${RUNS.monotone} cases; the plan's targets also read as ranges)`, () => {
    fc.assert(
      fc.property(genData(id), fc.nat(), fc.double({ min: 0.001, max: 0.5, noNaN: true }), fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 3 }).map((x) => x > 0), (g, k, step, asRange, w, nearMilestone) => {
        const plan = asRange ? withRanges(g.plan) : g.plan;
        // a share at its 100% ceiling has nowhere better to go
        const inds = movable(plan).filter((i) => !isShare(i) || i.direction === 'lower' || planNumbers(i).every((x) => x.lt(100)));
        fc.pre(inds.length > 0);
        const ind = inds[k % inds.length] as Indicator;
        const at = g.rows.findIndex((r) => r.indicator === ind.name && r.period === String(g.year));
        fc.pre(at >= 0);
        // start from the generated value, or near the milestone (where verdicts turn)
        const m = milestoneFor(ind, g.year);
        const betterEnd = ind.direction === 'higher' ? 1 : 0;
        const anchor = m.kind !== 'milestone' ? undefined : m.range ? m.range[w < 0.75 ? betterEnd : 1 - betterEnd] : m.value;
        const start = nearMilestone && anchor !== undefined ? anchor.mul(0.95 + 0.1 * w).toDecimalPlaces(2) : new Decimal((g.rows[at] as RawRow).value);
        const rows0 = g.rows.map((r, i) => (i === at ? { ...r, value: start.toFixed() } : r));
        const v = start;
        const delta = Decimal.max(v.abs(), new Decimal(1)).mul(step).toDecimalPlaces(2);
        fc.pre(delta.gt(0));
        const better = ind.direction === 'higher' ? v.add(delta) : v.sub(delta);
        fc.pre(better.gte(0) && !(isShare(ind) && better.gt(100)));
        const moved = g.rows.map((r, i) => (i === at ? { ...r, value: better.toFixed() } : r));
        const was = verdictsOf(plan, rows0, g.year)[ind.id] ?? '';
        const now = verdictsOf(plan, moved, g.year)[ind.id] ?? '';
        if (was.startsWith('pass')) expect(now.startsWith('fail')).toBe(false);
        if (now.startsWith('fail')) expect(was.startsWith('pass')).toBe(false);
      }),
      { numRuns: RUNS.monotone },
    );
  });

  it(`a value exactly on its milestone or target passes (${RUNS.onTarget} cases)`, () => {
    fc.assert(
      fc.property(genData(id), fc.nat(), fc.boolean(), (g, k, asRange) => {
        const plan = asRange ? withRanges(g.plan) : g.plan;
        const inds = movable(plan).filter((i) => {
          const m = milestoneFor(i, g.year);
          return m.kind === 'milestone' && m.comparison !== '>' && m.comparison !== '<';
        });
        fc.pre(inds.length > 0);
        const ind = inds[k % inds.length] as Indicator;
        const m = milestoneFor(ind, g.year);
        if (m.kind !== 'milestone') return;
        const on = m.comparison === 'between' && m.range ? m.range[ind.direction === 'higher' ? 0 : 1] : (m.value as Decimal);
        // a milestone on a straight path may not end (43.333…): no one can write it exactly, so it is
        // written to 20 digits on its passing side (the value a user would type is never nearer)
        const downward = m.comparison === '<=' || (m.comparison === 'between' && ind.direction !== 'higher');
        const written = on.sd() > 20 ? on.toSignificantDigits(20, downward ? Decimal.ROUND_FLOOR : Decimal.ROUND_CEIL) : on;
        const rows = g.rows.map((r) => (r.indicator === ind.name && r.period === String(g.year) ? { ...r, value: written.toFixed() } : r));
        expect(verdictsOf(plan, rows, g.year)[ind.id]).toMatch(/^pass /);
      }),
      { numRuns: RUNS.onTarget },
    );
  });
});

/** The plan with each indicator's numeric targets read as ranges reaching 10% beyond them on the worse side. */
function withRanges(plan: Plan): Plan {
  const indicators = plan.indicators.map((i): Indicator => ({
    ...i,
    targets: i.targets.map((t) => {
      const v = num(t.value);
      if (v === undefined || t.comparison === '==' || v.lte(0)) return t;
      const range: readonly [Decimal, Decimal] = i.direction === 'higher' ? [v, v.mul(1.1)] : [v.mul(0.9), v];
      const { value: _v, ...rest } = t;
      void _v;
      return { ...rest, comparison: 'between', range };
    }),
  }));
  return { ...plan, indicators };
}
