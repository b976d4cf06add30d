/** The evaluation report as Markdown: the same document as the HTML and Word files, without charts. */
import type { ReportDocument } from './progress-document.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(d: ReportDocument): string {
  const colon = d.lang === 'zh' ? '：' : ': ';
  const out: string[] = [`# ${d.title}`, ''];
  for (const [k, v] of d.meta) out.push(`- ${k}${colon}${cell(v)}`);
  out.push('', `## ${d.headings.summary}`, '', ...d.summary.flatMap((p) => [p, '']));
  out.push(`| ${d.counts.map((c) => cell(c.badge.label)).join(' | ')} |`, `|${d.counts.map(() => '---').join('|')}|`, `| ${d.counts.map((c) => c.n).join(' | ')} |`, '');
  out.push(`## ${d.headings.overview}`, '', `| ${d.headers.map(cell).join(' | ')} |`, `|${d.headers.map(() => '---').join('|')}|`);
  let group = '';
  for (const row of d.overview) {
    if (row.group !== group) {
      group = row.group;
      out.push(`| | **${cell(group)}** |${d.headers.slice(2).map(() => ' |').join('')}`);
    }
    out.push(`| ${row.no} | ${row.cells.map(cell).join(' | ')} | ${cell(row.badge.label)} |`);
  }
  out.push('', `## ${d.headings.indicators}`, '');
  for (const s of d.sections) {
    out.push(`### ${s.title}`, '', `${s.subtitle} — **${s.badge.label}**`, '');
    for (const [k, v] of s.facts) out.push(`- ${k}${colon}${v}`);
    out.push('');
  }
  if (d.rules.length > 0) {
    out.push(`## ${d.headings.rules}`, '');
    for (const r of d.rules) {
      out.push(`### ${r.title}`, '', `${r.subtitle} — **${r.badge.label}**`, '', `> ${r.quote}`, '');
      for (const y of r.years) out.push(`- ${y.period}${colon}${y.text} — **${y.badge.label}**`);
      out.push('');
    }
  }
  out.push(`## ${d.headings.method}`, '', ...d.method.flatMap((p) => [p.replace(/^\*/, '\\*'), '']));
  return `${out.join('\n').trimEnd()}\n`;
}
