/**
 * One indicator's chart as inline SVG: the baseline ○, each year's value
 * ●—●, the required path from baseline to target (dashed), the target ◆ and
 * the target year (dotted). The y-axis has round ticks from d3-scale with
 * the unit above it; a flat series is drawn against an axis from zero, not
 * against an invented range. A part year stands at its month.
 */
import { scaleLinear } from 'd3-scale';
import { timeOf, type Progress } from '../evaluate/progress.js';
import { t, type Lang } from './messages.js';
import { fmt } from './progress-format.js';
import { periodLabel, valueText } from './progress-document.js';

export const CHART = { w: 340, h: 180, l: 48, r: 14, t: 22, b: 24 } as const;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The y domain: the values' range made round; a flat series runs from zero to its value. */
export function yDomain(values: readonly number[]): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    lo = Math.min(0, lo);
    hi = Math.max(0, hi);
    if (lo === hi) hi = 1;
  }
  const s = scaleLinear().domain([lo, hi]).nice(4);
  return s.domain() as [number, number];
}

export function chartSvg(p: Progress, lang: Lang): string {
  const unit = p.indicator.unit.text;
  const pts = p.series.map((s) => ({ x: timeOf(s).toNumber(), y: s.value.toNumber(), label: periodLabel(s.year, s.month, lang), partial: (s.month ?? 12) < 12, v: fmt(s.value) }));
  const xs = [...pts.map((q) => q.x), ...(p.baseline ? [p.baseline.year] : []), ...(p.target ? [p.target.year] : [])];
  const ys = [...pts.map((q) => q.y), ...(p.baseline ? [p.baseline.value.toNumber()] : []), ...(p.target ? [p.target.value.toNumber()] : [])];
  if (xs.length === 0) return '';
  const { w, h, l, r, t: top, b } = CHART;
  const x0 = Math.floor(Math.min(...xs));
  const x1 = Math.max(Math.ceil(Math.max(...xs)), x0 + 1);
  const sx = scaleLinear().domain([x0, x1]).range([l + 8, w - r - 8]);
  const sy = scaleLinear().domain(yDomain(ys)).range([h - b, top]);
  const f = (n: number): string => n.toFixed(1);
  const parts: string[] = [];
  const tickFormat = sy.tickFormat(4);
  for (const v of sy.ticks(4)) {
    parts.push(`<line x1="${l}" x2="${w - r}" y1="${f(sy(v))}" y2="${f(sy(v))}" class="grid"/>`, `<text x="${l - 5}" y="${f(sy(v) + 3.5)}" class="tick" text-anchor="end">${esc(tickFormat(v))}</text>`);
  }
  parts.push(`<text x="${l - 5}" y="11" class="unit" text-anchor="start">${esc(t(lang, 'report.legend.unit', { unit }))}</text>`);
  parts.push(`<line x1="${l}" y1="${h - b}" x2="${w - r}" y2="${h - b}" class="axis"/>`, `<line x1="${l}" y1="${top - 4}" x2="${l}" y2="${h - b}" class="axis"/>`);
  for (let y = x0; y <= x1; y++) parts.push(`<text x="${f(sx(y))}" y="${h - b + 14}" class="tick" text-anchor="middle">${y}</text>`);
  if (p.target) {
    const tx = f(sx(p.target.year));
    parts.push(`<line x1="${tx}" x2="${tx}" y1="${top - 4}" y2="${h - b}" class="target-year"><title>${esc(t(lang, 'report.legend.target_year'))} ${p.target.year}</title></line>`);
  }
  if (p.baseline && p.target) {
    parts.push(`<line x1="${f(sx(p.baseline.year))}" y1="${f(sy(p.baseline.value.toNumber()))}" x2="${f(sx(p.target.year))}" y2="${f(sy(p.target.value.toNumber()))}" class="path"/>`);
  }
  if (pts.length > 1) parts.push(`<polyline points="${pts.map((q) => `${f(sx(q.x))},${f(sy(q.y))}`).join(' ')}" class="series"/>`);
  for (const q of pts) parts.push(`<circle cx="${f(sx(q.x))}" cy="${f(sy(q.y))}" r="3.2" class="${q.partial ? 'point partial' : 'point'}"><title>${esc(q.label)}: ${esc(valueText(q.v, unit, lang))}</title></circle>`);
  if (p.baseline) parts.push(`<circle cx="${f(sx(p.baseline.year))}" cy="${f(sy(p.baseline.value.toNumber()))}" r="3.8" class="baseline"><title>${esc(t(lang, 'progress.baseline'))} ${p.baseline.year}: ${esc(valueText(fmt(p.baseline.value), unit, lang))}</title></circle>`);
  if (p.target) {
    const cx = sx(p.target.year);
    const cy = sy(p.target.value.toNumber());
    parts.push(`<path d="M${f(cx)},${f(cy - 5.5)} L${f(cx + 5.5)},${f(cy)} L${f(cx)},${f(cy + 5.5)} L${f(cx - 5.5)},${f(cy)} Z" class="target"><title>${esc(t(lang, 'progress.target'))} ${p.target.year}: ${esc(valueText(fmt(p.target.value), unit, lang))}</title></path>`);
  }
  return `<svg viewBox="0 0 ${w} ${h}" class="chart" role="img" aria-label="${esc(p.indicator.name)}">${parts.join('')}</svg>`;
}

/** The legend printed under every chart (no hover needed, on paper or a phone). */
export function legendHtml(lang: Lang, partial: boolean): string {
  const item = (svg: string, label: string): string => `<li><svg viewBox="0 0 22 10" width="22" height="10" aria-hidden="true">${svg}</svg>${esc(label)}</li>`;
  return `<ul class="legend">${[
    item('<circle cx="11" cy="5" r="3.5" class="baseline"/>', t(lang, 'progress.baseline')),
    item('<line x1="1" y1="5" x2="21" y2="5" class="series"/><circle cx="11" cy="5" r="3" class="point"/>', t(lang, 'report.legend.actual')),
    ...(partial ? [item('<circle cx="11" cy="5" r="3" class="point partial"/>', t(lang, 'report.legend.partial'))] : []),
    item('<line x1="1" y1="5" x2="21" y2="5" class="path"/>', t(lang, 'report.legend.path')),
    item('<path d="M11,0.5 L15.5,5 L11,9.5 L6.5,5 Z" class="target"/>', t(lang, 'progress.target')),
    item('<line x1="11" y1="0" x2="11" y2="10" class="target-year"/>', t(lang, 'report.legend.target_year')),
  ].join('')}</ul>`;
}
