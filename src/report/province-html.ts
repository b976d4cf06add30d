/**
 * The province report as one self-contained HTML file (no scripts, no
 * network): the summary, each standard with who meets it, the heat table
 * (regions × standards, a coloured mark per cell, failing regions first),
 * the ranking, each failing region's arithmetic, the whole's totals. Each
 * heat cell carries its status (`data-status`, the JSON status word) and its
 * words in `title`, so colour is never the only signal. Prints on A4
 * landscape.
 */
import { CSS } from './progress-css.js';
import type { DetailItem, ProvinceDocument } from './province-document.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const PROVINCE_CSS = `
table.heat{border-collapse:collapse;font-size:12px;margin:8px 0}
table.heat th,table.heat td{border:1px solid #d0d0d0;padding:2px 4px;text-align:center}
table.heat th.region,table.heat td.region{text-align:left;white-space:nowrap}
table.heat td.cell{min-width:1.7em;font-weight:700;color:#fff;background:var(--c)}
table.heat td.empty{background:#fafafa}
table.heat td.note{text-align:left;white-space:nowrap;color:#444}
table.heat thead th{position:sticky;top:0;background:#fff}
table.list{border-collapse:collapse;width:100%;font-size:12.5px;margin:8px 0}
table.list th,table.list td{border:1px solid #d0d0d0;padding:3px 6px;text-align:left;vertical-align:top}
table.list td.num{text-align:right;font-variant-numeric:tabular-nums}
.legend-keys{list-style:none;padding:0;margin:4px 0 10px;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
.legend-keys span.key{display:inline-block;min-width:1.6em;text-align:center;color:#fff;font-weight:700;background:var(--c);border-radius:2px;margin-right:4px}
.region-detail{border:1px solid #d5d5d5;border-radius:4px;padding:8px 12px;margin:0 0 12px;break-inside:avoid}
.region-detail h3 .code{color:#666;font-weight:400;font-size:12px;margin-left:6px}
.region-detail ul{margin:4px 0 0;padding-left:1.2em}
.region-detail .inputs{color:#555;font-size:12px;margin:2px 0 4px}
@media print{@page{size:A4 landscape;margin:14mm}table.heat thead{display:table-header-group}table.heat tr{break-inside:avoid}}
`;

function item(i: DetailItem, d: ProvinceDocument): string {
  const inputs = i.inputs.length === 0 ? '' : `<div class="inputs">${i.inputs.map(esc).join('<br>')}</div>`;
  return `<li data-status="${i.status}"><span class="badge tone-${i.tone}">${esc(i.statusLabel)}</span> <b>${esc(i.check)}</b>${d.lang === 'zh' ? `（${esc(i.attribute)}）：` : ` (${esc(i.attribute)}): `}${esc(i.text)}${inputs}</li>`;
}

export function renderProvinceHtml(d: ProvinceDocument): string {
  const c = d.columns;
  const out: string[] = [];
  out.push(`<!DOCTYPE html>\n<html lang="${d.lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${esc(d.title)}</title>\n<style>${CSS}${PROVINCE_CSS}</style>\n</head>\n<body>`);
  out.push(`<h1>${esc(d.title)}</h1>`);
  out.push(`<dl class="meta">${d.meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`);
  out.push(`<h2>${esc(d.headings.summary)}</h2>`, ...d.summary.map((p) => `<p>${esc(p)}</p>`));
  out.push(`<h2>${esc(d.headings.checks)}</h2>`);
  out.push(`<table class="list checks"><thead><tr><th>${esc(c.no)}</th><th>${esc(c.check)}</th><th>${esc(c.attribute)}</th><th>${esc(c.meet)}</th><th>${esc(c.notMet)}</th><th>${esc(c.missing)}</th></tr></thead><tbody>`);
  for (const k of d.checks) out.push(`<tr data-id="${esc(k.id)}"><td class="num">${k.no}</td><td>${esc(k.name)}</td><td>${esc(k.attribute)}</td><td>${esc(k.meet)}</td><td>${esc(k.notMet.join(d.lang === 'zh' ? '、' : ', '))}</td><td>${esc(k.missing.join(d.lang === 'zh' ? '、' : ', '))}</td></tr>`);
  out.push('</tbody></table>');
  out.push(`<h2>${esc(d.headings.heat)}</h2>`);
  out.push(`<ul class="legend-keys">${d.legend.map((l) => `<li><span class="key tone-${l.tone}">${esc(l.mark)}</span>${esc(l.label)}</li>`).join('')}</ul>`);
  out.push(`<table class="heat"><thead><tr><th class="region">${esc(c.region)}</th>${d.checks.map((k) => `<th title="${esc(k.name)}">${k.no}</th>`).join('')}<th>${esc(c.note)}</th></tr></thead><tbody>`);
  for (const r of d.heat) {
    const cells = r.cells.map((x) => (x.status === undefined ? '<td class="empty"></td>' : `<td class="cell tone-${x.tone}" data-status="${x.status}" data-check="${esc(x.check)}" title="${esc(x.title)}">${esc(x.mark)}</td>`)).join('');
    out.push(`<tr data-region="${esc(r.code)}"><td class="region">${esc(r.name)}</td>${cells}<td class="note">${esc(r.note)}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push(`<h2>${esc(d.headings.ranking)}</h2>`);
  out.push(`<table class="list ranking"><thead><tr><th>${esc(c.rank)}</th><th>${esc(c.region)}</th><th>${esc(c.code)}</th><th>${esc(c.pass)}</th><th>${esc(c.fail)}</th><th>${esc(c.missingCount)}</th><th>${esc(c.share)}</th></tr></thead><tbody>`);
  for (const r of d.ranking) out.push(`<tr data-region="${esc(r.code)}"><td class="num">${r.rank}</td><td>${esc(r.name)}</td><td>${esc(r.code)}</td><td class="num">${r.pass}</td><td class="num">${r.fail}</td><td class="num">${r.missing}</td><td class="num">${esc(r.share)}</td></tr>`);
  out.push('</tbody></table>');
  out.push(`<h2>${esc(d.headings.details)}</h2>`);
  if (d.details.length === 0) out.push(`<p>${esc(d.none)}</p>`);
  for (const r of d.details) out.push(`<section class="region-detail" data-region="${esc(r.code)}"><h3>${esc(r.name)}<span class="code">${esc(r.code)}</span></h3><ul>${r.items.map((i) => item(i, d)).join('')}</ul></section>`);
  if (d.whole !== undefined) out.push(`<h2>${esc(d.headings.whole)}</h2>`, `<section class="region-detail whole"><h3>${esc(d.whole.title)}</h3><ul>${d.whole.items.map((i) => item(i, d)).join('')}</ul></section>`);
  if (d.silent.length > 0) out.push(`<h2>${esc(d.headings.silent)}</h2>`, `<p>${esc(d.silent.join(d.lang === 'zh' ? '、' : ', '))}</p>`);
  out.push(`<h2>${esc(d.headings.method)}</h2>`, ...d.method.map((p) => `<p>${esc(p)}</p>`));
  out.push('</body>\n</html>\n');
  return out.join('\n');
}
