/**
 * Properties of time and place, over every bundled plan, with data generated
 * from the plan at a random moment of its years:
 *
 * - restating the same facts at another granularity — a stock's month as its
 *   quarter, its half year or its year to date (any span ending at the same
 *   moment); a flow's months as quarters, runs of months, year-to-date totals,
 *   a year, in any mix, with redundant reports of the same amount beside them —
 *   changes no verdict, no value it is reached on and no row of the owed list
 *   (where a flow falls short of what is due, its pieces keep the boundaries
 *   of the plan's periods, in which what is owed is named);
 * - writing the region in any of its spellings (name, short name, code,
 *   12-digit code, province prefix, full width, stray spaces) changes no
 *   verdict, through the real pipeline with a second plan in the run;
 * - the template for any month, quarter or year, filled with values, is
 *   complete: `--require complete` owes nothing and finds nothing missing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindRows } from '../../src/data/bind.js';
import { dueMonth } from '../../src/evaluate/completeness.js';
import { evaluatePlan } from '../../src/evaluate/evaluate-plan.js';
import { DEFAULT_POLICY } from '../../src/evaluate/policy.js';
import { bundledPlanIds, evaluate, loadPlan } from '../../src/index.js';
import { formatPeriod, span, STEP, type AsOf } from '../../src/model/period.js';
import type { RawRow } from '../../src/model/row.js';
import { allMeasurements, type Indicator, type Measurement, type Plan } from '../../src/plan/model.js';
import { templateRowsFor } from '../../src/report/template.js';
import { Decimal } from '../../src/values/decimal.js';
import { passingValue } from '../helpers/fill-template.js';

const SCALE = Number(process.env['PLANCHECK_PROPERTY_SCALE'] ?? '1');
const RUNS = { granularity: Math.max(1, Math.round(40 * SCALE)), regions: Math.max(1, Math.round(8 * SCALE)) };

const plans = new Map<string, Plan>();
beforeAll(async () => {
  for (const id of bundledPlanIds()) plans.set(id, (await loadPlan(id)).plan);
});
const ids = bundledPlanIds();
const dir = mkdtempSync(join(tmpdir(), 'plancheck-time-place-'));
let fileNo = 0;

// ---------- facts generated from a plan ----------

/** A level typical of the measurement: the middle of what the plan states for it, or of its unit. */
function typical(m: Measurement): Decimal {
  const ind = m as Partial<Indicator>;
  const ns = [ind.baseline?.value, ...(ind.targets ?? []).map((t) => t.value)].flatMap((v) => (v?.kind === 'number' ? [v.value] : []));
  const positive = ns.filter((n) => n.gt(0));
  if (positive.length > 0) return positive.reduce((a, b) => a.add(b), new Decimal(0)).div(positive.length);
  const byUnit: Readonly<Record<string, number>> = { '元/人·月': 1000, '元/人·年': 40000, '元/月': 2000, '%': 5 };
  return new Decimal(byUnit[m.unit.text] ?? 500);
}

/** One fact: a stock's value at the end of month `at`, or a flow's amount in month `at`. */
interface Fact {
  readonly m: Measurement;
  readonly year: number;
  readonly at: number;
  readonly value: Decimal;
}

interface Generated {
  readonly plan: Plan;
  readonly asOf: AsOf;
  readonly facts: readonly Fact[];
  /** boolean measurements, reported once at the moment (not restated) */
  readonly yesNo: readonly RawRow[];
}

const isFlow = (m: Measurement): boolean => m.rollup === 'sum';

/**
 * What a bureau knows by `asOf`: for each measurement a plan checks, a stock's
 * value at its due moment (and sometimes an earlier one), a flow's amount in
 * each month so far — some months or whole measurements left out — and, for
 * the earlier years rules read, the year's facts.
 */
function generate(plan: Plan, asOf: AsOf, us: readonly number[]): Generated {
  let k = 0;
  const u = (): number => us[k++ % us.length] as number;
  const facts: Fact[] = [];
  const yesNo: RawRow[] = [];
  const measures = new Map(allMeasurements(plan).map((m) => [m.id, m]));
  const wanted = new Map<string, Set<number>>();
  const want = (id: string, y: number): void => void (wanted.get(id) ?? wanted.set(id, new Set()).get(id))?.add(y);
  for (const i of plan.indicators) want(i.id, asOf.year);
  for (const r of plan.rules) for (const x of r.inputs) want(x.id, asOf.year + x.offset);
  for (const [id, years] of wanted) {
    const m = measures.get(id) as Measurement;
    for (const year of years) {
      const to = year === asOf.year ? asOf.month : 12;
      if (u() < 0.1) continue; // not reported at all
      if (m.unit.kind === 'boolean') {
        yesNo.push({ file: 'gen.csv', line: 0, indicator: m.name, value: u() < 0.5 ? '否' : '是', period: year === asOf.year ? formatPeriod(span(year, to, to)) : String(year), region: plan.region.name });
        continue;
      }
      const level = typical(m);
      if (isFlow(m)) {
        // a month's amount around a twelfth of the year's (never 10× off: plausibility stays as it is)
        for (let month = 1; month <= to; month++) {
          if (u() < 0.08) continue; // a month not reported
          facts.push({ m, year, at: month, value: level.div(12).mul(0.6 + 0.8 * u()).toDecimalPlaces(2) });
        }
      } else {
        const due = year === asOf.year ? dueMonth(m, to) : 12;
        const moment = due > 0 && u() < 0.85 ? due : 1 + Math.floor(u() * to);
        facts.push({ m, year, at: moment, value: level.mul(0.7 + 0.6 * u()).toDecimalPlaces(2) });
        if (moment > 3 && u() < 0.3) facts.push({ m, year, at: moment - 3, value: level.mul(0.7 + 0.6 * u()).toDecimalPlaces(2) });
      }
    }
  }
  return { plan, asOf, facts, yesNo };
}

const row = (plan: Plan, m: Measurement, period: string, value: Decimal | string): RawRow => ({ file: 'gen.csv', line: 0, indicator: m.name, value: typeof value === 'string' ? value : value.toFixed(), period, unit: m.unit.text, region: plan.region.name });

/** Every fact as its own row: a stock at its month, a flow's month's amount. */
function canonical(g: Generated): RawRow[] {
  return [...g.facts.map((f) => row(g.plan, f.m, formatPeriod(span(f.year, f.at, f.at)), f.value)), ...g.yesNo];
}

/** The same facts written another way, chosen by `pick` (a stream of numbers in [0, 1)). */
function restated(g: Generated, pick: () => number): RawRow[] {
  const out: RawRow[] = [...g.yesNo];
  const groups = new Map<string, Fact[]>();
  for (const f of g.facts) {
    const key = `${f.m.id}|${f.year}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const fs of groups.values()) {
    const { m, year } = fs[0] as Fact;
    if (!isFlow(m)) {
      // a stock's value stands at the end of its span: any span ending at its month says the same
      for (const f of fs) {
        const from = pick() < 0.5 ? f.at : 1 + Math.floor(pick() * f.at);
        out.push(row(g.plan, m, formatPeriod(span(year, from, f.at)), f.value));
      }
      continue;
    }
    const amount = new Map(fs.map((f) => [f.at, f.value]));
    // the months known from January without a gap are cut into pieces, each written as a run or as the
    // year to date; months after a gap stay months. Where the months known fall short of what is due,
    // the pieces keep the boundaries of the plan's own periods (a quarterly flow's 3, 6, 9): what is owed
    // is named in those periods, and a piece across one would hide which of them is reported
    let prefix = 0;
    while (amount.has(prefix + 1)) prefix++;
    const to = year === g.asOf.year ? g.asOf.month : 12;
    const step = STEP[m.frequency];
    const keep = prefix < dueMonth(m, to);
    let start = 0;
    let toDate = new Decimal(0);
    while (start < prefix) {
      let end = Math.min(prefix, start + 1 + Math.floor(pick() * Math.min(6, prefix - start)));
      if (keep) end = Math.min(end, (Math.floor(start / step) + 1) * step);
      let sum = new Decimal(0);
      for (let x = start + 1; x <= end; x++) sum = sum.add(amount.get(x) as Decimal);
      toDate = toDate.add(sum);
      const asToDate = start > 0 && pick() < 0.4;
      out.push(asToDate ? row(g.plan, m, formatPeriod(span(year, 1, end)), toDate) : row(g.plan, m, formatPeriod(span(year, start + 1, end)), sum));
      // now and then the same amount twice: the piece's months beside it (one fact, no conflict)
      if (pick() < 0.3) for (let x = start + 1; x <= end && end > start + 1; x++) out.push(row(g.plan, m, formatPeriod(span(year, x, x)), amount.get(x) as Decimal));
      start = end;
    }
    for (const [x, v] of amount) if (x > prefix) out.push(row(g.plan, m, formatPeriod(span(year, x, x)), v));
  }
  // the order of rows does not matter either
  return out.map((r, i) => ({ r, k: pick(), i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x, i) => ({ ...x.r, line: i + 2 }));
}

function outcome(plan: Plan, rows: readonly RawRow[], asOf: AsOf): { verdicts: Record<string, string>; owed: string[] } {
  const b = bindRows(plan, rows.map((r, i) => ({ ...r, line: r.line || i + 2 })));
  if (b.errors.length > 0) throw new Error(b.errors.map((e) => `${e.line}: ${e.message}`).join('\n'));
  const e = evaluatePlan(plan, b.measurements, asOf, { requireComplete: true });
  // the verdict, and the value it was reached on (the same fact, however it was cut)
  return { verdicts: Object.fromEntries(e.results.map((r) => [r.id, `${r.status} ${r.code} ${r.actual?.value ?? '—'}`])), owed: e.owed.map((o) => `${o.id} ${o.period}`) };
}

const moment = (plan: Plan): fc.Arbitrary<AsOf> => fc.record({ year: fc.integer({ min: plan.period.firstYear, max: plan.period.lastYear }), month: fc.integer({ min: 1, max: 12 }) });

const csvOf = (rows: readonly RawRow[]): string => ['region,period,indicator,value,unit', ...rows.map((r) => [r.region ?? '', r.period ?? '', r.indicator, r.value, r.unit ?? ''].map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))].join('\n') + '\n';

// ---------- the province a plan's region lies in, for prefixed spellings ----------

const PROVINCE: Readonly<Record<string, string>> = { '32': '江苏省', '44': '广东省', '53': '云南省' };

/** Spellings of a region a bureau writes. */
function spellings(plan: Plan): string[] {
  const r = plan.region;
  const province = PROVINCE[r.code.slice(0, 2)];
  const wide = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return [r.name, r.code, `${r.code}000000`, ...r.aliases, ...(province ? [`${province}${r.name}`] : []), wide(r.code), `${r.name} `, `${r.name}\u3000`, ` ${r.code}`];
}

// ---------- properties ----------

/** Numbers in [0, 1), spread evenly: fast-check's doubles favour 0 and tiny values, which would drop nearly every row. */
const unit = fc.noBias(fc.integer({ min: 0, max: 9999 })).map((x) => x / 10000);
const units = fc.array(unit, { minLength: 16, maxLength: 64 });

describe.each(ids)('plan %s', (id) => {
  it(`restating the facts at another granularity changes no verdict and no owed row (${RUNS.granularity} cases)`, () => {
    fc.assert(
      fc.property(
        fc.constant(id).chain((x) => moment(plans.get(x) as Plan)),
        units,
        units,
        (asOf, us, picks) => {
          const plan = plans.get(id) as Plan;
          const g = generate(plan, asOf, us);
          let j = 0;
          const rows = restated(g, () => picks[j++ % picks.length] as number);
          expect({ asOf, rows: csvOf(rows), ...outcome(plan, rows, asOf) }).toEqual({ asOf, rows: csvOf(rows), ...outcome(plan, canonical(g), asOf) });
        },
      ),
      { numRuns: RUNS.granularity },
    );
  });

  it(`any spelling of the region gives the same verdicts, through the pipeline with a second plan (${RUNS.regions} cases)`, async () => {
    const other = id === 'suzhou' ? 'zhongshan' : 'suzhou';
    await fc.assert(
      fc.asyncProperty(fc.constant(id).chain((x) => moment(plans.get(x) as Plan)), units, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), async (asOf, us, choice) => {
        const plan = plans.get(id) as Plan;
        const g = generate(plan, asOf, us);
        const rows = canonical(g);
        fc.pre(rows.length > 0);
        const names = spellings(plan);
        const respelled = rows.map((r, i) => ({ ...r, region: names[(choice[i % choice.length] as number) % names.length] as string }));
        const run = async (rs: readonly RawRow[]) => {
          const f = join(dir, `r-${fileNo++}.csv`);
          writeFileSync(f, csvOf(rs));
          const r = await evaluate({ plans: [id, other], data: [f], period: `${asOf.year}-${String(asOf.month).padStart(2, '0')}`, policy: DEFAULT_POLICY, requireComplete: true });
          const rep = r.reports[0];
          return { unrouted: r.unrouted.length, verdicts: Object.fromEntries((rep?.evaluation.results ?? []).map((x) => [x.id, `${x.status} ${x.code}`])), owed: (rep?.evaluation.owed ?? []).map((o) => `${o.id} ${o.period}`) };
        };
        expect(await run(respelled)).toEqual(await run(rows));
      }),
      { numRuns: RUNS.regions },
    );
  });

  it('the template for every month, quarter and year of the plan, filled in, is complete', () => {
    const plan = plans.get(id) as Plan;
    const periods = [];
    for (let year = plan.period.firstYear; year <= plan.period.lastYear; year++) periods.push(span(year, 1, 12));
    const year = plan.period.firstYear + 2;
    for (let m = 1; m <= 11; m++) periods.push(span(year, m, m));
    for (let q = 1; q <= 4; q++) periods.push(span(year, q * 3 - 2, q * 3));
    const incomplete: string[] = [];
    for (const p of periods) {
      const rows = templateRowsFor(plan, p).map((t, i): RawRow => ({ file: 'template.csv', line: i + 2, indicator: t.name, period: t.period, value: passingValue(plan, t.name, t.period), unit: t.unit, region: plan.region.name }));
      const b = bindRows(plan, rows);
      expect(b.errors).toEqual([]);
      const e = evaluatePlan(plan, b.measurements, { year: p.year, month: p.to }, { requireComplete: true });
      for (const o of e.owed) incomplete.push(`${formatPeriod(p)}: owes ${o.id} ${o.period}`);
      for (const r of e.results) if (r.code === 'INCOMPLETE' || r.code === 'INPUT_MISSING') incomplete.push(`${formatPeriod(p)}: ${r.id} ${r.code}`);
    }
    expect(incomplete).toEqual([]);
  });
});
