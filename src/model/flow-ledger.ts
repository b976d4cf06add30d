/**
 * How amounts over spans of one year combine, for one flow (rollup `sum`).
 *
 * A flow's year is a line of month boundaries 0..12 (0 is the start of
 * January, 6 the end of June). A reported amount over months a..b says
 * C(b) − C(a−1) = v, where C(k) is the amount from January to the end of
 * month k. Months, quarters, halves, years, year-to-date totals (`2024年1-6月`)
 * and any other run of months are all such edges, so they combine exactly:
 *
 * - the year to date at month k is known when boundary k is connected to 0
 *   (through months, quarters, a year-to-date total, or a year-to-date total
 *   less an earlier one);
 * - two reports of one fact (a quarter and its three months, `1-6月` and six
 *   months, `1-3月` and `1-6月` beside a Q2) form a cycle, whose amounts must
 *   agree within the reported precision, or they conflict;
 * - nothing is ever summed twice: a value is read along one path.
 *
 * Edges are taken finest reports first (the smallest unit of the last digit,
 * then the shortest span), so the value read is the most precise one and does
 * not depend on the order of rows or files. Pure.
 */
import { Decimal } from '../values/decimal.js';
import * as iv from '../values/interval.js';
import { lastDigitUnit } from '../values/precision.js';
import type { Observation, ObservedValue } from './measurements.js';
import { span, type Period } from './period.js';

/** One unit of the last digit of the observation's value, in base units. */
export function precisionOf(o: Observation): Decimal {
  return (lastDigitUnit(o.text) ?? new Decimal(0)).mul(o.unit.factor);
}

export function pointOf(o: Observation): Decimal | undefined {
  return o.value.kind === 'number' && iv.isPoint(o.value.base) ? o.value.base.lo : undefined;
}

/** An observation read forwards (+1) or backwards (−1: an earlier year-to-date subtracted). */
export interface Term {
  readonly observation: Observation;
  readonly sign: 1 | -1;
}

export interface FlowConflict {
  /** the report that disagrees with the others */
  readonly whole: Observation;
  /** the reports that together state the same fact */
  readonly parts: readonly Term[];
  /** their amount, in base units (when every one is a number) */
  readonly total?: Decimal;
}

interface Edge {
  readonly a: number;
  readonly b: number;
  readonly observation: Observation;
}

/** Order of preference: more precise, then shorter, then earlier, then smaller. */
function preferred(x: Observation, y: Observation): number {
  const px = precisionOf(x);
  const py = precisionOf(y);
  const c = px.cmp(py);
  if (c !== 0) return c;
  const lx = x.period.to - x.period.from;
  const ly = y.period.to - y.period.from;
  if (lx !== ly) return lx - ly;
  if (x.period.from !== y.period.from) return x.period.from - y.period.from;
  const vx = pointOf(x);
  const vy = pointOf(y);
  if (vx && vy && !vx.eq(vy)) return vx.cmp(vy);
  return x.text < y.text ? -1 : x.text > y.text ? 1 : 0;
}

export { preferred as comparePreference };

/** Do the terms add up to the observation, within what the rounding of each allows? */
function agree(whole: Observation, parts: readonly Term[]): { ok: boolean; total?: Decimal } {
  const w = pointOf(whole);
  const ps = parts.map((t) => pointOf(t.observation));
  if (w === undefined || ps.some((p) => p === undefined)) {
    // a bound or not-available: only identical reports agree
    if (parts.length !== 1) return { ok: true };
    return { ok: JSON.stringify((parts[0] as Term).observation.value) === JSON.stringify(whole.value) };
  }
  let total = new Decimal(0);
  parts.forEach((t, i) => (total = t.sign === 1 ? total.add(ps[i] as Decimal) : total.sub(ps[i] as Decimal)));
  // less than one unit of the coarser report's last digit
  const slack = parts.reduce((s, t) => Decimal.max(s, precisionOf(t.observation)), precisionOf(whole));
  return { ok: slack.isZero() ? total.eq(w) : total.sub(w).abs().lt(slack), total };
}

export class FlowLedger {
  private readonly parent = Array.from({ length: 13 }, (_, i) => i);
  /** the spanning forest: boundary → its edges */
  private readonly adjacent: Edge[][] = Array.from({ length: 13 }, () => []);
  readonly conflicts: FlowConflict[] = [];

  /** `observations`: every report of one flow in one year. */
  constructor(readonly year: number, observations: readonly Observation[]) {
    for (const o of [...observations].sort(preferred)) this.insert(o);
  }

  private find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    return r;
  }

  private insert(o: Observation): void {
    const a = o.period.from - 1;
    const b = o.period.to;
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) {
      this.parent[ra] = rb;
      const e = { a, b, observation: o };
      (this.adjacent[a] as Edge[]).push(e);
      (this.adjacent[b] as Edge[]).push(e);
      return;
    }
    const parts = this.path(a, b) as Term[];
    const r = agree(o, parts);
    if (!r.ok) this.conflicts.push({ whole: o, parts, ...(parts.length > 1 && r.total !== undefined ? { total: r.total } : {}) });
  }

  /** The terms along the forest from boundary a to b, or undefined when they are not connected. */
  private path(a: number, b: number): Term[] | undefined {
    if (a === b) return [];
    const via = new Map<number, { from: number; edge: Edge }>();
    const queue = [a];
    const seen = new Set([a]);
    while (queue.length > 0) {
      const x = queue.shift() as number;
      for (const e of this.adjacent[x] as Edge[]) {
        const y = e.a === x ? e.b : e.a;
        if (seen.has(y)) continue;
        seen.add(y);
        via.set(y, { from: x, edge: e });
        if (y === b) {
          const terms: Term[] = [];
          let at = b;
          while (at !== a) {
            const step = via.get(at) as { from: number; edge: Edge };
            // an edge walked from its start to its end adds its amount; walked back, subtracts it
            terms.push({ observation: step.edge.observation, sign: step.edge.a === step.from ? 1 : -1 });
            at = step.from;
          }
          return terms.reverse();
        }
        queue.push(y);
      }
    }
    return undefined;
  }

  connected(a: number, b: number): boolean {
    return this.find(a) === this.find(b);
  }

  /** The latest month k ≤ `month` whose year to date is known (0 when none is). */
  latestKnown(month: number): number {
    for (let k = month; k >= 1; k--) if (this.connected(0, k)) return k;
    return 0;
  }

  /** The amount over months from..to, read along the forest, with the reports it comes from. */
  amount(p: Period): { value: ObservedValue; terms: readonly Term[] } | undefined {
    const terms = this.path(p.from - 1, p.to);
    if (terms === undefined || terms.length === 0) return undefined;
    const odd = terms.find((t) => t.observation.value.kind !== 'number');
    if (odd) {
      const v = odd.observation.value;
      return { value: v.kind === 'absent' ? v : { kind: 'absent', text: odd.observation.text }, terms };
    }
    let total: iv.Interval = iv.point(0);
    for (const t of terms) {
      const v = (t.observation.value as Extract<ObservedValue, { kind: 'number' }>).base;
      total = t.sign === 1 ? iv.add(total, v) : iv.sub(total, v);
    }
    return { value: { kind: 'number', base: total }, terms };
  }

  /**
   * What is still owed for January to `to`: the fewest periods of `step`
   * months (1 monthly, 3 quarterly, 12 yearly) that, once reported, make the
   * year to date at `to` known. Empty when it is known already.
   */
  owed(to: number, step: number): Period[] {
    if (this.connected(0, to)) return [];
    const nodes: number[] = [];
    for (let k = 0; k <= to; k += step) nodes.push(k);
    if (nodes[nodes.length - 1] !== to) nodes.push(to);
    // 0-1 breadth-first search: free between boundaries already connected, one period between neighbours
    const n = nodes.length;
    const cost = new Array<number>(n).fill(Infinity);
    const prev = new Array<{ from: number; paid: boolean } | undefined>(n).fill(undefined);
    cost[0] = 0;
    const deque = [0];
    while (deque.length > 0) {
      const i = deque.shift() as number;
      const c = cost[i] as number;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const free = this.connected(nodes[i] as number, nodes[j] as number);
        const neighbour = Math.abs(i - j) === 1;
        if (!free && !neighbour) continue;
        const w = free ? 0 : 1;
        if (c + w < (cost[j] as number)) {
          cost[j] = c + w;
          prev[j] = { from: i, paid: !free };
          if (w === 0) deque.unshift(j);
          else deque.push(j);
        }
      }
    }
    const out: Period[] = [];
    let at = n - 1;
    while (at !== 0) {
      const p = prev[at] as { from: number; paid: boolean };
      if (p.paid) {
        const lo = Math.min(nodes[p.from] as number, nodes[at] as number);
        const hi = Math.max(nodes[p.from] as number, nodes[at] as number);
        out.push(span(this.year, lo + 1, hi));
      }
      at = p.from;
    }
    return out.sort((x, y) => x.from - y.from);
  }
}
