/**
 * The report's style sheet: screen, phone (≤ 640 px: tables stack into
 * label/value rows, nothing scrolls sideways) and print (A4, page numbers,
 * a section per page, the overview's header repeated, verdicts as coloured
 * text in a border so they survive printing without background graphics).
 *
 * Fonts: Chinese text needs a CJK face; the stack names the common ones on
 * each system — Noto/Source Han (Linux, and Android), PingFang and Hiragino
 * (macOS, iOS), Microsoft YaHei and SimSun (Windows) — before the generic
 * family, so the page never falls back to a font without the characters.
 */
export const TONES = { good: '#1b6e35', fair: '#1f5f8b', warn: '#8f5300', bad: '#b3261e', none: '#5f6368' } as const;

const SANS = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif';
const SERIF = '"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun","STSong",serif';

export const CSS = `
:root{${Object.entries(TONES).map(([k, v]) => `--${k}:${v}`).join(';')}}
*{box-sizing:border-box}
body{font-family:${SANS};margin:0 auto;padding:24px;color:#1f1f1f;max-width:1180px;line-height:1.55;font-size:14px}
h1{font-size:24px;margin:0 0 10px;line-height:1.3}
h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #1f1f1f}
h3{font-size:15px;margin:0 0 2px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 8px;font-size:13px}
.meta dt{color:#555}.meta dd{margin:0;overflow-wrap:anywhere}
.counts{list-style:none;padding:0;margin:10px 0;display:flex;flex-wrap:wrap;gap:8px}
.counts li{border:1px solid #ccc;border-radius:4px;padding:4px 10px;font-size:13px}
.counts b{font-size:16px;margin-left:4px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;background:var(--c);border:1.5px solid var(--c);font-size:12px;font-weight:600;white-space:nowrap}
.tone-good{--c:var(--good)}.tone-fair{--c:var(--fair)}.tone-warn{--c:var(--warn)}.tone-bad{--c:var(--bad)}.tone-none{--c:var(--none)}
table.stack{border-collapse:collapse;width:100%;font-size:12.5px}
table.stack th,table.stack td{border:1px solid #c8c8c8;padding:4px 6px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
table.stack thead th{background:#f1f1f1;font-weight:600}
table.stack td.num{text-align:right;white-space:nowrap}
table.stack tr.group th{background:#fafafa;text-align:left;font-weight:600}
table.overview td:nth-child(2){min-width:12em}
table.overview td:nth-child(3),table.overview td:nth-child(4),table.overview thead th{white-space:nowrap}
table.overview thead th:nth-child(2){white-space:normal}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(360px,100%),1fr));gap:14px}
.card{border:1px solid #d5d5d5;border-top:4px solid var(--c);border-radius:4px;padding:10px 12px;break-inside:avoid}
.sub{color:#555;font-size:12px;margin:0 0 6px}
.facts{display:grid;grid-template-columns:minmax(4.5em,max-content) minmax(55%,1fr);gap:1px 10px;font-size:12.5px;margin:8px 0}
.facts dt{color:#555}.facts dd{margin:0;overflow-wrap:anywhere}
svg.chart{width:100%;max-width:340px;height:auto;display:block}
svg .axis{stroke:#777;stroke-width:1} svg .grid{stroke:#e3e3e3;stroke-width:1}
svg .tick{font-size:10px;fill:#444} svg .unit{font-size:10px;fill:#444}
svg .path{stroke:#666;stroke-dasharray:5 3;stroke-width:1.4;fill:none} svg .series{fill:none;stroke:#1558a8;stroke-width:2}
svg .point{fill:#1558a8} svg .point.partial{fill:#fff;stroke:#1558a8;stroke-width:1.6}
svg .baseline{fill:#fff;stroke:#222;stroke-width:1.6} svg .target{fill:#b3261e}
svg .target-year{stroke:#b3261e;stroke-dasharray:1.5 2.5;stroke-width:1.2}
.legend{list-style:none;padding:0;margin:4px 0 0;display:flex;flex-wrap:wrap;gap:2px 12px;font-size:11px;color:#333}
.legend li{display:flex;align-items:center;gap:3px}
.rule{border:1px solid #d5d5d5;border-radius:4px;padding:10px 12px;margin:0 0 14px;break-inside:avoid}
blockquote{margin:6px 0 10px;padding:4px 10px;border-left:3px solid #bbb;color:#444;font-size:13px}
.method p,.note{font-size:13px;color:#333}
@media (max-width:640px){
  body{padding:12px;font-size:14px}
  h1{font-size:20px}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack,table.stack tbody,table.stack tr,table.stack td,table.stack th{display:block;width:100%}
  table.stack tr{border:1px solid #c8c8c8;border-radius:4px;margin:0 0 8px;padding:4px 6px}
  table.stack tr.group{border:0;padding:0}
  table.stack td,table.stack th{border:0;padding:1px 0}
  table.stack td[data-label]{display:grid;grid-template-columns:minmax(5.5em,40%) 1fr;gap:6px;text-align:left}
  table.stack td[data-label]::before{content:attr(data-label);color:#555}
  table.stack td.num{text-align:left;white-space:normal}
  table.stack td[data-label] > .badge{justify-self:start}
  table.overview td:nth-child(2){min-width:0;font-weight:600}
  table.overview tbody tr:not(.group){display:grid;grid-template-columns:repeat(2,minmax(0,1fr));column-gap:10px}
  table.overview td:nth-child(-n+2),table.overview td:nth-last-child(-n+3){grid-column:1/-1}
  table.overview td:first-child{display:none}
  table.overview td[data-label]{grid-template-columns:minmax(4.5em,45%) 1fr}
  table.overview td:nth-child(-n+2),table.overview td:nth-last-child(-n+3){grid-template-columns:minmax(5.5em,40%) 1fr}
}
@page{size:A4;margin:16mm 14mm 18mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#444}}
@page wide{size:A4 landscape;margin:12mm 12mm 16mm}
@media print{
  body{font-family:${SERIF};max-width:none;padding:0;font-size:10.5pt;color:#000}
  h1,h2,h3,.badge,thead th{font-family:${SANS}}
  h2{break-before:page;break-after:avoid}
  .doc-head + .sec h2{break-before:auto}
  .badge{background:#fff !important;color:var(--c) !important;border:1.5px solid var(--c)}
  table.stack{font-size:8.5pt}
  .sec.wide{page:wide}
  table.stack th,table.stack td{overflow-wrap:normal;word-break:normal}
  table.stack thead{display:table-header-group}
  table.stack tr{break-inside:avoid}
  .cards{display:block;font-size:0}
  .cards .card{display:inline-block;vertical-align:top;width:calc(50% - 4px);margin:0 0 8px;font-size:10.5pt}
  .cards .card:nth-child(odd){margin-right:8px}
  .card{padding:6px 8px}
  .card h3{font-size:10.5pt}
  .facts{font-size:8.5pt;margin:4px 0;line-height:1.4}
  svg.chart{max-width:64mm}
  .legend{font-size:7.5pt;margin:2px 0 0}
  .card{border-top-width:2px}
  a{color:inherit;text-decoration:none}
}
`;
