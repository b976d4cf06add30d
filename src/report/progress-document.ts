/**
 * The evaluation report as a document, in one language: title and meta,
 * a summary paragraph, the overview table (binding and lagging first, then
 * by category), one section per indicator, the rules year by year, and the
 * method. Markdown, HTML and Word render this same document, so they say
 * the same things in the same words. Pure.
 */
import { THRESHOLDS, type Progress } from '../evaluate/progress.js';
import type { CheckResult, ReferenceValue } from '../evaluate/result.js';
import { referencesOf } from '../evaluate/targets.js';
import type { AsOf } from '../model/period.js';
import type { Comparison } from '../plan/model.js';
import { explain, implausibleText, referenceText, unitSuffix } from './explain.js';
import { t, type Lang } from './messages.js';
import { categoryLabel, CATEGORIES, completionOf, fmt, outcomeOf, OUTCOMES, pct, ratioText, summaryCounts, type ProgressReport } from './progress-format.js';

/** What colour a verdict carries: a progress category, or a final / rule outcome. */
export type Tone = 'good' | 'fair' | 'warn' | 'bad' | 'none';

export interface Badge {
  readonly label: string;
  readonly tone: Tone;
}

export interface OverviewRow {
  readonly no: number;
  readonly id: string;
  readonly kind: 'indicator' | 'rule';
  /** the group heading the row sits under */
  readonly group: string;
  readonly cells: readonly string[];
  readonly badge: Badge;
}

export interface IndicatorSection {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly badge: Badge;
  readonly facts: readonly (readonly [string, string])[];
  readonly progress: Progress;
}

export interface RuleSection {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly quote: string;
  readonly badge: Badge;
  readonly years: readonly { readonly period: string; readonly text: string; readonly badge: Badge }[];
}

export interface ReportDocument {
  readonly lang: Lang;
  readonly title: string;
  readonly final: boolean;
  /** the date given with --date, if any */
  readonly date?: string;
  readonly meta: readonly (readonly [string, string])[];
  readonly summary: readonly string[];
  readonly counts: readonly { readonly badge: Badge; readonly n: number }[];
  /** the overview's header: the last cell is the verdict */
  readonly headers: readonly string[];
  readonly overview: readonly OverviewRow[];
  readonly sections: readonly IndicatorSection[];
  readonly rules: readonly RuleSection[];
  readonly method: readonly string[];
  readonly headings: { readonly summary: string; readonly overview: string; readonly indicators: string; readonly rules: string; readonly method: string };
  /** chart legend labels, and the period labels by year (for charts) */
  readonly legend: { readonly baseline: string; readonly actual: string; readonly path: string; readonly target: string; readonly targetYear: string };
}

const TONE: Readonly<Record<string, Tone>> = {
  achieved: 'good',
  ahead: 'good',
  on_track: 'fair',
  behind: 'warn',
  moving_away: 'bad',
  not_assessable: 'none',
  met: 'good',
  not_met: 'bad',
  unknown: 'none',
};

const OPS_EN: Readonly<Record<string, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

/** `2024年`, `2024年1–6月`; `2024`, `Jan–Jun 2024`. */
export function periodLabel(year: number, month: number | undefined, lang: Lang): string {
  const m = month ?? 12;
  if (m === 12) return t(lang, 'report.year', { year });
  return t(lang, 'report.part_year', { year, month: m, monthName: MONTHS[m - 1] ?? String(m) });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function cutoffLabel(a: AsOf, lang: Lang): string {
  return a.month === 12 ? t(lang, 'report.cutoff_year', { year: a.year }) : t(lang, 'report.cutoff_month', { year: a.year, month: a.month, monthName: MONTHS[a.month - 1] ?? '' });
}

/** A value with its unit: `2.45万人` in Chinese, `2.45 万人` in English; `90%` in both. */
export function valueText(v: string, unit: string, lang: Lang): string {
  if (v === '—') return v;
  return lang === 'zh' ? `${v}${unit}` : `${v}${unitSuffix(unit)}`;
}

/** `不低于90%` / `≥ 90%`. */
export function comparisonText(c: Comparison, v: string, unit: string, lang: Lang): string {
  const value = valueText(v, unit, lang);
  return lang === 'zh' ? `${t(lang, `report.op.${c}`)}${value}` : `${OPS_EN[c] ?? c} ${value}`;
}

/** Pace per year: `0.53个百分点/年`, `年均增长8.1%`; `0.53 pp/yr`, `8.1%/yr growth`. */
export function paceValue(p: Progress, d: Progress['paceSoFar'], lang: Lang): string {
  if (d === undefined) return '—';
  if (p.method === 'compound') return t(lang, 'report.pace.growth', { rate: pct(d) });
  const u = p.indicator.unit.text;
  if (u === '%') return t(lang, 'report.pace.pp', { value: fmt(d) });
  if (u === '‰') return t(lang, 'report.pace.permille', { value: fmt(d) });
  return t(lang, 'report.pace.unit', { value: fmt(d), unit: u, space: lang === 'zh' ? '' : ' ' });
}

/** The target with its unit and year; in the overview (`short`) without the unit (it has a column) and without the plan's own target year (in the header). */
function targetCell(p: Progress, lang: Lang, short?: { readonly year: number }): string {
  if (!p.target) return '—';
  const value = short ? comparisonText(p.target.comparison as Comparison, fmt(p.target.value), '', lang) : comparisonText(p.target.comparison as Comparison, fmt(p.target.value), p.indicator.unit.text, lang);
  return short && p.target.year === short.year ? value : `${value}${t(lang, 'report.in_year', { year: p.target.year })}`;
}

function baselineCell(p: Progress, lang: Lang, short?: { readonly year: number }): string {
  if (!p.baseline) return '—';
  // a bound printed in the baseline column (不低于5%) is shown as the bound it is
  const floor = p.baselineFromData ? undefined : p.indicator.baseline?.comparison;
  const value = floor !== undefined ? comparisonText(floor, fmt(p.baseline.value), short ? '' : p.indicator.unit.text, lang) : short ? fmt(p.baseline.value) : valueText(fmt(p.baseline.value), p.indicator.unit.text, lang);
  const mark = p.baselineFromData ? '*' : '';
  return short && p.baseline.year === short.year ? `${value}${mark}` : `${value}${t(lang, 'report.in_year', { year: p.baseline.year })}${mark}`;
}

function references(refs: readonly ReferenceValue[], lang: Lang): [string, string][] {
  return refs.length === 0 ? [] : [[t(lang, 'report.references'), refs.map((x) => referenceText(x, lang)).join(lang === 'zh' ? '；' : '; ')]];
}

function list(lang: Lang, parts: readonly string[]): string {
  return parts.join(lang === 'zh' ? '、' : ', ');
}

function progressBadge(p: Progress, lang: Lang): Badge {
  return { label: categoryLabel(p, lang), tone: TONE[p.category] ?? 'none' };
}

function outcomeBadge(o: CheckResult | undefined, lang: Lang): Badge {
  const k = outcomeOf(o);
  return { label: t(lang, `report.outcome.${k}`), tone: TONE[k] ?? 'none' };
}

function ruleBadge(r: CheckResult | undefined, lang: Lang): Badge {
  if (!r) return { label: t(lang, 'report.outcome.unknown'), tone: 'none' };
  if (r.status === 'pass') return { label: t(lang, 'report.rule.holds'), tone: 'good' };
  if (r.status === 'fail') return { label: t(lang, 'report.rule.violated'), tone: 'bad' };
  return { label: t(lang, 'report.outcome.unknown'), tone: 'none' };
}

const LAGGING = new Set(['behind', 'moving_away']);

/**
 * A requirement as an official writes it in Chinese: `≥20%` → `不低于20%`,
 * `≤37%` → `不高于37%`, `>18000` → `高于18000` (an indicator's verdict line; a
 * rule's arithmetic keeps its signs). English keeps the signs.
 */
export function comparisonWords(text: string, lang: Lang): string {
  if (lang !== 'zh') return text;
  return text.replace(/([≥≤><])\s*(?=[\d.-])/g, (_all, op: string) => ({ '≥': '不低于', '≤': '不高于', '>': '高于', '<': '低于' })[op] ?? op);
}

/** An expression for reading: `1600 >= 1.4 * 1185` → `1600 ≥ 1.4 × 1185`. */
export function mathText(s: string): string {
  return s.replace(/\s*>=\s*/g, ' ≥ ').replace(/\s*<=\s*/g, ' ≤ ').replace(/\s*!=\s*/g, ' ≠ ').replace(/\s*==\s*/g, ' = ').replace(/\s+\*\s+/g, ' × ');
}

export function buildDocument(r: ProgressReport, lang: Lang): ReportDocument {
  const outcomes = new Map(r.outcomes.map((o) => [o.id, o]));
  const yearCols = r.years.map((y) => ({ year: y, month: y === r.asOf.year ? r.asOf.month : 12 }));
  const lastRule = (years: ProgressReport['rules'][number]['years']): CheckResult | undefined => years[years.length - 1]?.result;

  // groups: binding first, then lagging, then by category in plan order
  const groupOf = (binding: boolean, lagging: boolean, category: string | undefined): string =>
    binding ? t(lang, 'report.group.binding') : lagging ? t(lang, 'report.group.lagging') : (category ?? t(lang, 'heading.uncategorised'));
  type Entry = { group: string; rank: number; order: number; row: Omit<OverviewRow, 'no' | 'group'> };
  const entries: Entry[] = [];
  const categoryRank = new Map<string, number>();
  const rankOf = (group: string, binding: boolean, lagging: boolean): number => {
    if (binding) return 0;
    if (lagging) return 1;
    if (!categoryRank.has(group)) categoryRank.set(group, 2 + categoryRank.size);
    return categoryRank.get(group) as number;
  };
  r.items.forEach((p, i) => {
    const o = outcomes.get(p.indicator.id);
    const binding = p.indicator.attribute === 'binding';
    const lagging = r.final ? outcomeOf(o) === 'not_met' : LAGGING.has(p.category);
    const byYear = new Map(p.series.map((s) => [s.year, s.value]));
    const group = groupOf(binding, lagging, p.indicator.category);
    const progress = r.final || p.ratio === undefined ? pct(p.covered) : p.covered === undefined ? `R ${ratioText(p)}` : `${pct(p.covered)} · R ${ratioText(p)}`;
    entries.push({
      group,
      rank: rankOf(group, binding, lagging),
      order: i,
      row: {
        id: p.indicator.id,
        kind: 'indicator',
        cells: [
          p.indicator.name,
          t(lang, `attribute.${p.indicator.attribute}`),
          p.indicator.unit.text,
          baselineCell(p, lang, { year: r.plan.period.baselineYear }),
          ...yearCols.map((c) => fmt(byYear.get(c.year))),
          targetCell(p, lang, { year: r.plan.period.lastYear }),
          progress,
        ],
        badge: r.final ? outcomeBadge(o, lang) : progressBadge(p, lang),
      },
    });
  });
  r.rules.forEach(({ rule, years }, i) => {
    const last = lastRule(years);
    const binding = rule.attribute === 'binding';
    const lagging = last?.status === 'fail';
    const group = groupOf(binding, lagging, rule.category ?? t(lang, 'heading.rules'));
    const byYear = new Map(years.map((y) => [y.asOf.year, y.result]));
    entries.push({
      group,
      rank: rankOf(group, binding, lagging),
      order: r.items.length + i,
      row: {
        id: rule.id,
        kind: 'rule',
        cells: [rule.name, t(lang, `attribute.${rule.attribute}`), last?.comparisons?.[0]?.unit ?? '', '—', ...yearCols.map((c) => (byYear.has(c.year) ? ruleBadge(byYear.get(c.year), lang).label : '—')), t(lang, 'report.rule.every_year'), '—'],
        badge: ruleBadge(last, lang),
      },
    });
  });
  entries.sort((a, b) => a.rank - b.rank || a.order - b.order);
  const overview = entries.map((e, i): OverviewRow => ({ no: i + 1, group: e.group, ...e.row }));
  const order = new Map(overview.map((o) => [o.id, o.no]));

  const headers = [
    t(lang, 'report.col.no'),
    t(lang, 'heading.indicator'),
    t(lang, 'heading.attribute'),
    t(lang, 'show.unit'),
    `${t(lang, 'progress.baseline')}${t(lang, 'report.in_year', { year: r.plan.period.baselineYear })}`,
    ...yearCols.map((c) => periodLabel(c.year, c.month, lang)),
    `${t(lang, 'progress.target')}${t(lang, 'report.in_year', { year: r.plan.period.lastYear })}`,
    r.final ? t(lang, 'progress.covered') : t(lang, 'report.col.progress'),
    r.final ? t(lang, 'report.col.outcome', { year: r.asOf.year }) : t(lang, 'progress.verdict'),
  ];

  const sections = [...r.items]
    .sort((a, b) => (order.get(a.indicator.id) ?? 0) - (order.get(b.indicator.id) ?? 0))
    .map((p): IndicatorSection => {
      const o = outcomes.get(p.indicator.id);
      const facts: [string, string][] = [
        [t(lang, 'progress.baseline'), baselineCell(p, lang)],
        [t(lang, 'progress.target'), targetCell(p, lang)],
        // what the source states beside the target (a provincial target, the body's 全覆盖): shown, not graded
        ...references(o?.references ?? referencesOf(p.indicator), lang),
        [t(lang, 'report.series'), p.series.length === 0 ? '—' : list(lang, p.series.map((s) => `${periodLabel(s.year, s.month, lang)} ${valueText(fmt(s.value), p.indicator.unit.text, lang)}`))],
        [t(lang, 'progress.covered'), pct(p.covered)],
      ];
      // a final evaluation is achieved or not, not a pace: R and the pace belong to the mid-term
      if (!r.final && p.ratio !== undefined) facts.push([t(lang, 'report.ratio'), ratioText(p)]);
      if (!r.final && (p.paceSoFar !== undefined || p.paceNeeded !== undefined)) facts.push([t(lang, 'progress.pace'), `${paceValue(p, p.paceSoFar, lang)} → ${paceValue(p, p.paceNeeded, lang)}`]);
      if (!r.final) facts.push([t(lang, 'progress.verdict'), categoryLabel(p, lang)]);
      // no grade from a value that is likely a slip (人 for 万人): say which and why
      if (p.implausible !== undefined) facts.push([t(lang, 'report.implausible'), implausibleText(p.implausible, lang)]);
      if (o) facts.push([r.final ? t(lang, 'report.col.outcome', { year: r.asOf.year }) : t(lang, 'report.check', { period: periodLabel(r.asOf.year, r.asOf.month, lang) }), comparisonWords(explain(o, r.asOf.year, lang), lang)]);
      return {
        id: p.indicator.id,
        title: `${order.get(p.indicator.id) ?? ''}. ${p.indicator.name}`,
        subtitle: `${p.indicator.unit.text} · ${t(lang, `attribute.${p.indicator.attribute}`)}${p.indicator.category ? ` · ${p.indicator.category}` : ''}`,
        badge: r.final ? outcomeBadge(o, lang) : progressBadge(p, lang),
        facts,
        progress: p,
      };
    });

  const rules = [...r.rules].sort((a, b) => (order.get(a.rule.id) ?? 0) - (order.get(b.rule.id) ?? 0)).map(({ rule, years }): RuleSection => ({
    id: rule.id,
    title: `${order.get(rule.id) ?? ''}. ${rule.name}`,
    subtitle: `${t(lang, `attribute.${rule.attribute}`)} · ${mathText(rule.expression)}`,
    quote: rule.source.text,
    badge: ruleBadge(lastRule(years), lang),
    years: years.map((y) => ({ period: periodLabel(y.asOf.year, y.asOf.month, lang), text: mathText(explain(y.result, y.asOf.year, lang)), badge: ruleBadge(y.result, lang) })),
  }));

  const counts = r.final
    ? (() => {
        const c = completionOf(r.outcomes);
        const n = { met: c.met, not_met: c.notMet, unknown: c.unknown };
        return OUTCOMES.map((k) => ({ badge: { label: t(lang, `report.outcome.${k}`), tone: TONE[k] ?? 'none' }, n: n[k] }));
      })()
    : (() => {
        const c = summaryCounts(r.items);
        return CATEGORIES.map((k) => ({ badge: { label: t(lang, `progress.${k}`), tone: TONE[k] ?? 'none' }, n: c[k] }));
      })();

  const meta: [string, string][] = [
    [t(lang, 'plans.region'), r.plan.region.name],
    [t(lang, 'report.meta.period'), t(lang, 'report.meta.period_value', { from: r.plan.period.firstYear, to: r.plan.period.lastYear })],
    [t(lang, 'report.meta.cutoff'), cutoffLabel(r.asOf, lang)],
  ];
  if (r.org !== undefined) meta.push([t(lang, 'report.meta.org'), r.org]);
  if (r.date !== undefined) meta.push([t(lang, 'report.meta.date'), r.date]);
  meta.push([t(lang, 'report.meta.plan_file'), `${r.planFile} (sha256 ${r.sha256.slice(0, 12)})`]);

  return {
    lang,
    title: `${r.plan.title}${lang === 'zh' ? '' : ' — '}${t(lang, r.final ? 'report.title.final' : 'report.title.midterm')}`,
    final: r.final,
    ...(r.date !== undefined ? { date: r.date } : {}),
    meta,
    summary: summaryParagraphs(r, lang),
    counts,
    headers,
    overview,
    sections,
    rules,
    method: methodParagraphs(r, lang),
    headings: {
      summary: t(lang, 'report.h.summary'),
      overview: t(lang, 'report.h.overview'),
      indicators: t(lang, 'report.h.indicators'),
      rules: t(lang, 'report.h.rules'),
      method: t(lang, 'report.h.method'),
    },
    legend: {
      baseline: t(lang, 'progress.baseline'),
      actual: t(lang, 'report.legend.actual'),
      path: t(lang, 'report.legend.path'),
      target: t(lang, 'progress.target'),
      targetYear: t(lang, 'report.legend.target_year'),
    },
  };
}

function summaryParagraphs(r: ProgressReport, lang: Lang): string[] {
  const cutoff = cutoffLabel(r.asOf, lang);
  const count = (label: string, n: number): string => t(lang, 'report.count', { label, n });
  const out: string[] = [];
  const rulesLast = r.rules.map(({ rule, years }) => ({ rule, last: years[years.length - 1]?.result }));
  const ruleSentence = (): string => {
    if (r.rules.length === 0) return '';
    const broken = rulesLast.filter((x) => x.last?.status === 'fail').map((x) => x.rule.name);
    const held = rulesLast.filter((x) => x.last?.status === 'pass').length;
    return t(lang, broken.length > 0 ? 'report.summary.rules_broken' : 'report.summary.rules', { n: r.rules.length, held, broken: list(lang, broken), period: periodLabel(r.asOf.year, r.asOf.month, lang) });
  };
  if (r.final) {
    const all = completionOf(r.outcomes);
    const bindingList = r.outcomes.filter((o) => o.attribute === 'binding');
    const binding = completionOf(bindingList);
    const missed = bindingList.filter((o) => o.status === 'fail').map((o) => o.name);
    out.push(
      t(lang, 'report.summary.final', {
        cutoff,
        n: r.outcomes.length,
        met: all.met,
        notMet: all.notMet,
        unknown: all.unknown,
        rate: pct(all.rate),
      }) +
        (bindingList.length > 0 ? t(lang, 'report.summary.final_binding', { n: bindingList.length, met: binding.met, rate: pct(binding.rate) }) : '') +
        (missed.length > 0 ? t(lang, 'report.summary.binding_missed', { names: list(lang, missed) }) : bindingList.length > 0 ? t(lang, 'report.summary.binding_all_met') : '') +
        ruleSentence(),
    );
    const notMet = r.outcomes.filter((o) => o.status === 'fail' && o.attribute !== 'binding').map((o) => o.name);
    if (notMet.length > 0) out.push(t(lang, 'report.summary.not_met', { names: list(lang, notMet) }));
    return out;
  }
  const c = summaryCounts(r.items);
  const bindingLag = r.items.filter((p) => p.indicator.attribute === 'binding' && (LAGGING.has(p.category) || p.category === 'not_assessable'));
  out.push(
    t(lang, 'report.summary.midterm', { cutoff, n: r.items.length, counts: list(lang, CATEGORIES.filter((k) => c[k] > 0).map((k) => count(t(lang, `progress.${k}`), c[k]))) }) +
      (r.items.some((p) => p.indicator.attribute === 'binding')
        ? bindingLag.length > 0
          ? t(lang, 'report.summary.binding_lagging', { names: list(lang, bindingLag.map((p) => t(lang, 'report.named', { name: p.indicator.name, label: p.grade ? t(lang, 'report.with_grade_inline', { base: t(lang, `progress.${p.category}`), grade: t(lang, `progress.grade.${p.grade}`) }) : categoryLabel(p, lang) }))) })
          : t(lang, 'report.summary.binding_on_track')
        : '') +
      ruleSentence(),
  );
  const lagging = r.items.filter((p) => p.indicator.attribute !== 'binding' && LAGGING.has(p.category)).map((p) => p.indicator.name);
  if (lagging.length > 0) out.push(t(lang, 'report.summary.lagging', { names: list(lang, lagging) }));
  if (r.asOf.month < 12) out.push(t(lang, 'report.summary.partial', { period: periodLabel(r.asOf.year, r.asOf.month, lang), month: r.asOf.month }));
  return out;
}

function methodParagraphs(r: ProgressReport, lang: Lang): string[] {
  const out = [t(lang, 'progress.method', { ahead: THRESHOLDS.ahead, onTrack: THRESHOLDS.onTrack, moderate: THRESHOLDS.moderate }), t(lang, 'report.method.ratio')];
  out.push(t(lang, 'report.method.partial'));
  if (r.final) out.push(t(lang, 'report.method.final', { year: r.asOf.year }));
  if (r.rules.length > 0) out.push(t(lang, 'report.method.rules'));
  if (r.items.some((p) => p.baselineFromData)) out.push(`* ${t(lang, 'progress.baseline_from_data')}`);
  return out;
}
