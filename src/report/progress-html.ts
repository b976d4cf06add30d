/**
 * The mid-term / final evaluation as one self-contained HTML file: no
 * scripts, no network, inline CSS and SVG. A summary by category, then per
 * indicator a small chart of the baseline, each year's value, the milestone
 * path and the target. Prints on A4.
 */
import type { Progress, ProgressCategory } from '../evaluate/progress.js';
import { Decimal } from '../values/decimal.js';
import { t, type Lang } from './messages.js';
import { CATEGORIES, categoryLabel, fmt, methodText, paceText, pct, summaryCounts, type ProgressReport } from './progress-format.js';

const COLOR: Readonly<Record<ProgressCategory, string>> = {
  achieved: '#1b7f3b',
  ahead: '#2e9d57',
  on_track: '#6aa84f',
  behind: '#d98e04',
  moving_away: '#c62828',
  not_assessable: '#888888',
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const W = 300;
const H = 120;
const PAD = { l: 40, r: 10, t: 10, b: 20 };

/** An SVG chart: baseline ●, data ●—●, milestone path - - -, target ◆. */
export function chartSvg(p: Progress, lang: Lang): string {
  const pts = p.series.map((s) => ({ x: s.year, y: s.value.toNumber() }));
  const years = [...pts.map((q) => q.x), ...(p.baseline ? [p.baseline.year] : []), ...(p.target ? [p.target.year] : [])];
  const values = [...pts.map((q) => q.y), ...(p.baseline ? [p.baseline.value.toNumber()] : []), ...(p.target ? [p.target.value.toNumber()] : [])];
  if (years.length === 0) return '';
  let x0 = Math.min(...years);
  let x1 = Math.max(...years);
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  let y0 = Math.min(...values);
  let y1 = Math.max(...values);
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const margin = (y1 - y0) * 0.1;
  y0 -= margin;
  y1 += margin;
  const sx = (x: number): number => PAD.l + ((x - x0) / (x1 - x0)) * (W - PAD.l - PAD.r);
  const sy = (y: number): number => H - PAD.b - ((y - y0) / (y1 - y0)) * (H - PAD.t - PAD.b);
  const f = (n: number): string => n.toFixed(1);
  const parts: string[] = [];
  parts.push(`<line x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}" class="axis"/>`, `<line x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${H - PAD.b}" class="axis"/>`);
  for (let y = Math.ceil(x0); y <= x1; y++) parts.push(`<text x="${f(sx(y))}" y="${H - 5}" class="tick" text-anchor="middle">${y}</text>`);
  parts.push(`<text x="${PAD.l - 4}" y="${f(sy(y1 - margin) + 4)}" class="tick" text-anchor="end">${new Decimal(y1 - margin).toSignificantDigits(4).toString()}</text>`);
  parts.push(`<text x="${PAD.l - 4}" y="${f(sy(y0 + margin) + 4)}" class="tick" text-anchor="end">${new Decimal(y0 + margin).toSignificantDigits(4).toString()}</text>`);
  if (p.baseline && p.target) {
    parts.push(`<line x1="${f(sx(p.baseline.year))}" y1="${f(sy(p.baseline.value.toNumber()))}" x2="${f(sx(p.target.year))}" y2="${f(sy(p.target.value.toNumber()))}" class="path"><title>${esc(t(lang, 'progress.chart.path'))}</title></line>`);
  }
  if (pts.length > 1) parts.push(`<polyline points="${pts.map((q) => `${f(sx(q.x))},${f(sy(q.y))}`).join(' ')}" class="series"/>`);
  for (const q of pts) parts.push(`<circle cx="${f(sx(q.x))}" cy="${f(sy(q.y))}" r="3" class="point"><title>${q.x}: ${q.y}</title></circle>`);
  if (p.baseline) parts.push(`<circle cx="${f(sx(p.baseline.year))}" cy="${f(sy(p.baseline.value.toNumber()))}" r="3.5" class="baseline"><title>${esc(t(lang, 'progress.baseline'))} ${p.baseline.year}: ${fmt(p.baseline.value)}</title></circle>`);
  if (p.target) {
    const cx = sx(p.target.year);
    const cy = sy(p.target.value.toNumber());
    parts.push(`<path d="M${f(cx)},${f(cy - 5)} L${f(cx + 5)},${f(cy)} L${f(cx)},${f(cy + 5)} L${f(cx - 5)},${f(cy)} Z" class="target"><title>${esc(t(lang, 'progress.target'))} ${p.target.year}: ${fmt(p.target.value)}</title></path>`);
  }
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(p.indicator.name)}">${parts.join('')}</svg>`;
}

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:24px 0 8px}
.meta,.method{color:#555;font-size:12px;line-height:1.5}
table.summary{border-collapse:collapse;margin:8px 0}
table.summary td,table.summary th{border:1px solid #ccc;padding:4px 10px;text-align:center;font-size:13px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
.card{border:1px solid #ddd;border-left:6px solid var(--c);border-radius:4px;padding:10px;break-inside:avoid;page-break-inside:avoid}
.card h3{font-size:14px;margin:0 0 4px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;background:var(--c);font-size:12px}
.facts{font-size:12px;color:#333;margin:6px 0;line-height:1.6}
svg .axis{stroke:#999;stroke-width:1} svg .tick{font-size:9px;fill:#666}
svg .path{stroke:#999;stroke-dasharray:4 3;stroke-width:1.2} svg .series{fill:none;stroke:#1565c0;stroke-width:1.8}
svg .point{fill:#1565c0} svg .baseline{fill:#fff;stroke:#555;stroke-width:1.5} svg .target{fill:#c62828}
@media print{body{margin:10mm} .cards{grid-template-columns:1fr 1fr} a{color:inherit}}
@page{size:A4;margin:12mm}
`;

export function formatProgressHtml(r: ProgressReport, lang: Lang): string {
  const counts = summaryCounts(r.items);
  const cards = r.items.map((p) => {
    const pace = paceText(p);
    const color = COLOR[p.category];
    const seriesText = p.series.map((s) => `${s.year}: ${fmt(s.value)}`).join(' · ') || '—';
    return `<section class="card" style="--c:${color}">
<h3>${esc(p.indicator.name)} <small>(${esc(p.indicator.unit.text)} · ${esc(t(lang, `attribute.${p.indicator.attribute}`))})</small></h3>
<span class="badge">${esc(categoryLabel(p, lang))}</span>
<div class="facts">${esc(t(lang, 'progress.baseline'))}: ${p.baseline ? `${fmt(p.baseline.value)} (${p.baseline.year}${p.baselineFromData ? '*' : ''})` : '—'} · ${esc(t(lang, 'progress.target'))}: ${p.target ? `${esc(p.target.comparison)} ${fmt(p.target.value)} (${p.target.year})` : '—'}<br>
${esc(seriesText)}<br>
${esc(t(lang, 'progress.covered'))}: ${pct(p.covered)} · R = ${fmt(p.ratio)} · ${esc(t(lang, 'progress.pace'))}: ${esc(pace.soFar)} → ${esc(pace.needed)}</div>
${chartSvg(p, lang)}
</section>`;
  });
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(r.plan.title)} — ${esc(t(lang, 'progress.title'))}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(r.plan.title)} — ${esc(t(lang, 'progress.title'))}</h1>
<p class="meta">${esc(r.plan.region.name)} · ${esc(t(lang, 'progress.years'))}: ${r.years.join(', ') || '—'} · ${esc(r.planFile)} (sha256 ${r.sha256.slice(0, 12)})</p>
<h2>${esc(t(lang, 'progress.summary'))}</h2>
<table class="summary"><tr>${CATEGORIES.map((c) => `<th style="color:${COLOR[c]}">${esc(t(lang, `progress.${c}`))}</th>`).join('')}</tr><tr>${CATEGORIES.map((c) => `<td>${counts[c]}</td>`).join('')}</tr></table>
<p class="method">${esc(methodText(lang))}${r.items.some((p) => p.baselineFromData) ? `<br>* ${esc(t(lang, 'progress.baseline_from_data'))}` : ''}</p>
<h2>${esc(t(lang, 'progress.indicators'))}</h2>
<div class="cards">
${cards.join('\n')}
</div>
</body>
</html>
`;
}
