/**
 * The evaluation report as one self-contained HTML file: no scripts, no
 * network, inline CSS and SVG. Title and meta, summary, the overview table,
 * a card per indicator with its chart and legend, the rules year by year,
 * and the method. `<html lang>` follows the language. Prints on A4
 * (progress-css.ts).
 */
import { chartSvg, legendHtml } from './progress-chart.js';
import { CSS } from './progress-css.js';
import type { Badge, ReportDocument } from './progress-document.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function badge(b: Badge): string {
  return `<span class="badge tone-${b.tone}">${esc(b.label)}</span>`;
}

function dl(cls: string, pairs: readonly (readonly [string, string])[]): string {
  return `<dl class="${cls}">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

const NUMERIC = /^[-+]?\d/;

function overviewTable(d: ReportDocument): string {
  const head = `<thead><tr>${d.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
  const rows: string[] = [];
  let group = '';
  for (const r of d.overview) {
    if (r.group !== group) {
      group = r.group;
      rows.push(`<tr class="group"><th colspan="${d.headers.length}" scope="rowgroup">${esc(group)}</th></tr>`);
    }
    // on a phone the number column is hidden and the name is labelled with it (序号 4)
    const label = (i: number): string => (i === 1 ? `${d.headers[0] ?? ''} ${r.no}` : (d.headers[i] ?? ''));
    const cells = [String(r.no), ...r.cells].map((c, i) => `<td data-label="${esc(label(i))}"${i > 4 && NUMERIC.test(c) ? ' class="num"' : ''}>${esc(c)}</td>`);
    rows.push(`<tr id="row-${esc(r.id)}">${cells.join('')}<td data-label="${esc(d.headers[d.headers.length - 1] ?? '')}">${badge(r.badge)}</td></tr>`);
  }
  return `<table class="stack overview">${head}<tbody>${rows.join('\n')}</tbody></table>`;
}

export function renderHtml(d: ReportDocument): string {
  const lang = d.lang;
  const partial = d.sections.some((s) => s.progress.series.some((x) => (x.month ?? 12) < 12));
  const cards = d.sections.map(
    (s) => `<article class="card tone-${s.badge.tone}" id="ind-${esc(s.id)}">
<h3>${esc(s.title)}</h3><p class="sub">${esc(s.subtitle)}</p>${badge(s.badge)}
${dl('facts', s.facts)}
${chartSvg(s.progress, lang)}${s.progress.series.length > 0 || s.progress.target ? legendHtml(lang, partial) : ''}
</article>`,
  );
  const rules = d.rules.map(
    (r) => `<article class="rule" id="rule-${esc(r.id)}">
<h3>${esc(r.title)} ${badge(r.badge)}</h3><p class="sub">${esc(r.subtitle)}</p>
<blockquote>${esc(r.quote)}</blockquote>
<table class="stack"><tbody>${r.years.map((y) => `<tr><th scope="row">${esc(y.period)}</th><td>${esc(y.text)}</td><td>${badge(y.badge)}</td></tr>`).join('')}</tbody></table>
</article>`,
  );
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="doc-head">
<h1>${esc(d.title)}</h1>
${dl('meta', d.meta)}
</header>
<section class="sec"><h2>${esc(d.headings.summary)}</h2>
${d.summary.map((p) => `<p>${esc(p)}</p>`).join('\n')}
<ul class="counts">${d.counts.map((c) => `<li>${badge(c.badge)}<b>${c.n}</b></li>`).join('')}</ul>
</section>
<section class="sec wide"><h2>${esc(d.headings.overview)}</h2>
${overviewTable(d)}
</section>
<section class="sec"><h2>${esc(d.headings.indicators)}</h2>
<div class="cards">
${cards.join('\n')}
</div>
</section>
${rules.length > 0 ? `<section class="sec"><h2>${esc(d.headings.rules)}</h2>\n${rules.join('\n')}\n</section>` : ''}
<section class="sec method"><h2>${esc(d.headings.method)}</h2>
${d.method.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</section>
</body>
</html>
`;
}
