/**
 * The province report (a standards plan's `report`): what `evaluate` found
 * for every region in scope, as a document — the summary, a heat table of
 * regions × standards, a ranking, each failing region's arithmetic, the
 * whole's totals and the regions that sent nothing. Every statement is read
 * off the same evaluation (the run's matrix and its per-region reports), so
 * the report and `evaluate --format json` cannot disagree. Words are chosen
 * here, for the renderers (HTML, Word, Markdown), from the message catalog.
 */
import type { Matrix, MatrixCheck, MatrixRegion } from '../evaluate/matrix.js';
import type { CheckResult, Status } from '../evaluate/result.js';
import { formatAsOf } from '../model/period.js';
import type { EvaluationReport, RunReport } from '../run/evaluate.js';
import { convertValue, sameDimension, tryParseUnit } from '../units/unit.js';
import { Decimal, formatDecimal } from '../values/decimal.js';
import { explain } from './explain.js';
import { t, type Lang } from './messages.js';
import type { Tone } from './progress-document.js';

export const STATUS_TONE: Readonly<Record<Status, Tone>> = { pass: 'good', fail: 'bad', error: 'bad', missing: 'warn', pending: 'none' };
export const STATUS_MARK: Readonly<Record<Status, string>> = { pass: '✓', fail: '✗', error: '!', missing: '?', pending: '…' };

export interface ProvinceCheck {
  /** its number in the heat table's header */
  readonly no: number;
  readonly id: string;
  readonly name: string;
  readonly attribute: string;
  /** "17 of 21 regions meet it" */
  readonly meet: string;
  readonly notMet: readonly string[];
  readonly missing: readonly string[];
  readonly counts: MatrixCheck['counts'];
}

export interface HeatCell {
  readonly check: string;
  readonly status: Status | undefined;
  readonly mark: string;
  readonly tone: Tone;
  /** the cell's words, for a tooltip and for readers that do not see colours */
  readonly title: string;
}

export interface HeatRow {
  readonly code: string;
  readonly name: string;
  readonly failing: number;
  readonly cells: readonly HeatCell[];
  /** "2 failing", "sent no data (29 rows owed)" */
  readonly note: string;
}

export interface RankRow {
  readonly rank: number;
  readonly code: string;
  readonly name: string;
  readonly pass: number;
  readonly fail: number;
  readonly missing: number;
  /** standards met out of those due (no data counts as not met), as a percentage, or "—" when none is due */
  readonly share: string;
}

export interface DetailItem {
  readonly check: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly tone: Tone;
  readonly attribute: string;
  /** the arithmetic: the values read, the requirement, by how much it is missed */
  readonly text: string;
  /** each value read, with where it came from (file:line) */
  readonly inputs: readonly string[];
}

export interface RegionDetail {
  readonly code: string;
  readonly name: string;
  readonly items: readonly DetailItem[];
}

export interface ProvinceDocument {
  readonly lang: Lang;
  readonly title: string;
  readonly meta: readonly (readonly [string, string])[];
  readonly summary: readonly string[];
  readonly checks: readonly ProvinceCheck[];
  readonly heat: readonly HeatRow[];
  readonly ranking: readonly RankRow[];
  readonly details: readonly RegionDetail[];
  readonly whole?: { readonly title: string; readonly items: readonly DetailItem[] };
  readonly silent: readonly string[];
  readonly method: readonly string[];
  /** the word for an empty list */
  readonly none: string;
  readonly headings: Readonly<Record<'summary' | 'checks' | 'heat' | 'ranking' | 'details' | 'whole' | 'silent' | 'method', string>>;
  readonly columns: Readonly<Record<'no' | 'check' | 'attribute' | 'meet' | 'notMet' | 'missing' | 'missingCount' | 'rank' | 'region' | 'code' | 'pass' | 'fail' | 'share' | 'note', string>>;
  /** the key under the heat table: mark → words */
  readonly legend: readonly { readonly mark: string; readonly tone: Tone; readonly label: string }[];
}

export interface ProvinceMeta {
  readonly org?: string;
  readonly date?: string;
}

function listNames(names: readonly string[], lang: Lang): string {
  return names.join(lang === 'zh' ? '、' : ', ');
}

/** `980 元/人·月` read by a rule compared in 元/人·年: `(= 11760 元/人·年)`, the figure the comparison used. */
function converted(value: string, unit: string, to: string, lang: Lang): string {
  const from = tryParseUnit(unit);
  const target = tryParseUnit(to);
  if (from === undefined || target === undefined || unit === to || !sameDimension(from, target) || from.factor.eq(target.factor)) return '';
  let v: Decimal;
  try {
    v = new Decimal(value.replace(/,/g, ''));
  } catch {
    return '';
  }
  return t(lang, 'province.converted', { value: formatDecimal(convertValue(v, from, target)), unit: to });
}

function inputsOf(r: CheckResult, lang: Lang): string[] {
  // a workbook's value at its sheet and cell, a CSV's at its line
  return r.inputs.map((i) => `${i.name} ${i.value} ${i.unit}${r.kind === 'rule' ? converted(i.value, i.unit, r.unit, lang) : ''} (${i.period}) — ${i.cell === undefined ? `${i.file}:${i.line}` : `${i.file}[${i.sheet ?? ''}]!${i.cell}`}`);
}

function detailOf(r: CheckResult, year: number, lang: Lang): DetailItem {
  return { check: r.name, status: r.status, statusLabel: t(lang, `status.${r.status}`), tone: STATUS_TONE[r.status], attribute: t(lang, `attribute.${r.attribute}`), text: explain(r, year, lang), inputs: inputsOf(r, lang) };
}

/** The checks due from a region: every one but those not yet applicable (pending). */
function due(r: MatrixRegion): number {
  return r.counts.pass + r.counts.fail + r.counts.missing + r.counts.error;
}

/** Met of due, compared without division: a before b when a's share is higher. */
function byShare(a: MatrixRegion, b: MatrixRegion): number {
  return b.counts.pass * due(a) - a.counts.pass * due(b);
}

export function buildProvinceDocument(run: RunReport, m: Matrix, lang: Lang, meta: ProvinceMeta = {}): ProvinceDocument {
  const parts = run.reports.filter((r) => r.plan.id === m.plan.id && r.part !== undefined);
  const byCode = new Map<string, EvaluationReport>(parts.filter((r) => r.part === 'each').map((r) => [r.plan.region.code, r]));
  const wholeReport = parts.find((r) => r.part === 'whole');
  const year = m.asOf.year;
  const period = formatAsOf(m.asOf);
  const each = m.checks.filter((c) => c.applies === 'each');
  const total = m.regions.length;

  const checks: ProvinceCheck[] = each.map((c, i) => ({
    no: i + 1,
    id: c.id,
    name: c.name,
    attribute: t(lang, `attribute.${c.attribute}`),
    meet: t(lang, 'province.meet', { meet: c.counts.pass, total }),
    notMet: c.notMet.map((x) => x.name),
    missing: c.missing.map((x) => x.name),
    counts: c.counts,
  }));

  const heat: HeatRow[] = m.regions.map((r) => ({
    code: r.code,
    name: r.name,
    failing: r.failing,
    cells: each.map((c): HeatCell => {
      const s = r.cells[c.id];
      return {
        check: c.id,
        status: s,
        mark: s === undefined ? '' : STATUS_MARK[s],
        tone: s === undefined ? 'none' : STATUS_TONE[s],
        title: s === undefined ? `${r.name} · ${c.name}` : `${r.name} · ${c.name}: ${t(lang, `status.${s}`)}`,
      };
    }),
    note: r.silent
      ? t(lang, 'matrix.silent', { owed: r.owed })
      : [r.counts.fail + r.counts.error > 0 ? t(lang, 'province.note.fail', { count: r.counts.fail + r.counts.error }) : '', r.counts.missing > 0 ? t(lang, 'province.note.missing', { count: r.counts.missing }) : ''].filter(Boolean).join(lang === 'zh' ? '，' : ', '),
  }));

  // the ranking: the share of the standards due that a region meets (no data counts as not met), then fewer not met
  const order = (a: MatrixRegion, b: MatrixRegion): number => byShare(a, b) || a.counts.fail + a.counts.error - (b.counts.fail + b.counts.error);
  const ranked = [...m.regions].sort((a, b) => order(a, b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ranking: RankRow[] = [];
  ranked.forEach((r, i) => {
    const before = ranked[i - 1];
    const prev = ranking[i - 1];
    ranking.push({
      rank: before !== undefined && prev !== undefined && order(before, r) === 0 ? prev.rank : i + 1,
      code: r.code,
      name: r.name,
      pass: r.counts.pass,
      fail: r.counts.fail + r.counts.error,
      missing: r.counts.missing,
      share: due(r) === 0 ? '—' : `${((100 * r.counts.pass) / due(r)).toFixed(1)}%`,
    });
  });

  const details: RegionDetail[] = m.regions
    .filter((r) => r.counts.fail > 0 || r.counts.error > 0 || (!r.silent && r.counts.missing > 0))
    .map((r) => ({
      code: r.code,
      name: r.name,
      items: (byCode.get(r.code)?.evaluation.results ?? []).filter((x) => x.status === 'fail' || x.status === 'error' || x.status === 'missing').map((x) => detailOf(x, year, lang)),
    }));

  const silent = m.regions.filter((r) => r.silent).map((r) => r.name);
  const failingRegions = m.regions.filter((r) => r.counts.fail > 0 || r.counts.error > 0);
  const incomplete = m.regions.filter((r) => !r.silent && r.counts.missing > 0 && r.counts.fail === 0 && r.counts.error === 0);
  const allMet = m.regions.filter((r) => r.counts.pass > 0 && r.counts.fail === 0 && r.counts.error === 0 && r.counts.missing === 0);
  const summary: string[] = [t(lang, 'province.summary.scope', { total, region: m.plan.region.name, checks: each.length, period })];
  summary.push(t(lang, 'province.summary.met', { count: allMet.length, total }));
  if (failingRegions.length > 0) summary.push(t(lang, 'province.summary.failing', { count: failingRegions.length, names: listNames(failingRegions.map((r) => r.name), lang) }));
  if (incomplete.length > 0) summary.push(t(lang, 'province.summary.incomplete', { count: incomplete.length, names: listNames(incomplete.map((r) => r.name), lang) }));
  if (silent.length > 0) summary.push(t(lang, 'province.summary.silent', { count: silent.length, names: listNames(silent, lang) }));
  const worst = checks.filter((c) => c.notMet.length > 0).sort((a, b) => b.notMet.length - a.notMet.length || a.no - b.no)[0];
  if (worst !== undefined) summary.push(t(lang, 'province.summary.worst', { name: worst.name, count: worst.notMet.length, names: listNames(worst.notMet, lang) }));
  const wholeResults = wholeReport?.evaluation.results ?? [];
  if (m.whole !== undefined && wholeResults.length > 0) {
    const notMet = wholeResults.filter((x) => x.status === 'fail' || x.status === 'error');
    const missing = wholeResults.filter((x) => x.status === 'missing');
    summary.push(
      notMet.length === 0 && missing.length === 0
        ? t(lang, 'province.summary.whole_met', { region: m.whole.name, count: wholeResults.length })
        : t(lang, 'province.summary.whole', { region: m.whole.name, count: wholeResults.length, met: wholeResults.filter((x) => x.status === 'pass').length, names: listNames([...notMet, ...missing].map((x) => x.name), lang) }),
    );
  }

  const metaRows: (readonly [string, string])[] = [
    [t(lang, 'province.meta.plan'), `${m.plan.title}（${m.plan.id}）`],
    [t(lang, 'province.meta.period'), period],
    [t(lang, 'province.meta.scope'), t(lang, 'matrix.scope', { regions: total, region: m.plan.region.name })],
    [t(lang, 'province.meta.data'), run.data.map((f) => f.file).join(lang === 'zh' ? '、' : ', ')],
  ];
  if (meta.org !== undefined) metaRows.unshift([t(lang, 'province.meta.org'), meta.org]);
  if (meta.date !== undefined) metaRows.push([t(lang, 'province.meta.date'), meta.date]);

  return {
    lang,
    title: t(lang, 'province.title', { title: m.plan.title, period }),
    meta: metaRows,
    summary,
    checks,
    heat,
    ranking,
    details,
    ...(m.whole !== undefined && wholeResults.length > 0 ? { whole: { title: t(lang, 'matrix.whole', { region: m.whole.name }), items: wholeResults.map((x) => detailOf(x, year, lang)) } } : {}),
    silent,
    none: t(lang, 'province.none'),
    method: [t(lang, 'province.method.each'), t(lang, 'province.method.whole'), t(lang, 'province.method.rank'), t(lang, 'province.method.same')],
    headings: {
      summary: t(lang, 'province.h.summary'),
      checks: t(lang, 'province.h.checks'),
      heat: t(lang, 'province.h.heat'),
      ranking: t(lang, 'province.h.ranking'),
      details: t(lang, 'province.h.details'),
      whole: t(lang, 'province.h.whole'),
      silent: t(lang, 'province.h.silent'),
      method: t(lang, 'province.h.method'),
    },
    columns: {
      no: t(lang, 'province.col.no'),
      check: t(lang, 'province.col.check'),
      attribute: t(lang, 'province.col.attribute'),
      meet: t(lang, 'province.col.meet'),
      notMet: t(lang, 'province.col.not_met'),
      missing: t(lang, 'province.col.missing'),
    missingCount: t(lang, 'province.col.missing_n'),
      rank: t(lang, 'province.col.rank'),
      region: t(lang, 'province.col.region'),
      code: t(lang, 'province.col.code'),
      pass: t(lang, 'province.col.pass'),
      fail: t(lang, 'province.col.fail'),
      share: t(lang, 'province.col.share'),
      note: t(lang, 'province.col.note'),
    },
    legend: (['pass', 'fail', 'missing', 'pending', 'error'] as const).map((s) => ({ mark: STATUS_MARK[s], tone: STATUS_TONE[s], label: t(lang, `status.${s}`) })),
  };
}
