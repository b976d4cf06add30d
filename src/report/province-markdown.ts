/** The province report in Markdown: the same sections as the HTML and the Word file, the heat table as marks. */
import type { DetailItem, ProvinceDocument } from './province-document.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function row(xs: readonly (string | number)[]): string {
  return `| ${xs.map((x) => cell(String(x))).join(' | ')} |`;
}

function items(list: readonly DetailItem[], lang: ProvinceDocument['lang']): string[] {
  return list.flatMap((i) => [`- **${i.statusLabel}** ${cell(i.check)}${lang === 'zh' ? `（${i.attribute}）：` : ` (${i.attribute}): `}${cell(i.text)}`, ...i.inputs.map((x) => `  - ${cell(x)}`)]);
}

export function renderProvinceMarkdown(d: ProvinceDocument): string {
  const c = d.columns;
  const join = (xs: readonly string[]): string => xs.join(d.lang === 'zh' ? '、' : ', ');
  const out: string[] = [`# ${d.title}`, '', ...d.meta.map(([k, v]) => `- ${k}${d.lang === 'zh' ? '：' : ': '}${v}`), ''];
  out.push(`## ${d.headings.summary}`, '', ...d.summary.flatMap((s) => [s, '']));
  out.push(`## ${d.headings.checks}`, '', row([c.no, c.check, c.attribute, c.meet, c.notMet, c.missing]), '|---|---|---|---|---|---|');
  for (const k of d.checks) out.push(row([k.no, k.name, k.attribute, k.meet, join(k.notMet), join(k.missing)]));
  out.push('', `## ${d.headings.heat}`, '', d.legend.map((l) => `${l.mark} ${l.label}`).join('　'), '');
  out.push(row([c.region, ...d.checks.map((k) => k.no), c.note]), `|---|${d.checks.map(() => ':-:').join('|')}|---|`);
  for (const r of d.heat) out.push(row([r.name, ...r.cells.map((x) => x.mark), r.note]));
  out.push('', `## ${d.headings.ranking}`, '', row([c.rank, c.region, c.code, c.pass, c.fail, c.missingCount, c.share]), '|--:|---|---|--:|--:|--:|--:|');
  for (const r of d.ranking) out.push(row([r.rank, r.name, r.code, r.pass, r.fail, r.missing, r.share]));
  out.push('', `## ${d.headings.details}`, '');
  if (d.details.length === 0) out.push(d.none, '');
  for (const r of d.details) out.push(`### ${r.name}（${r.code}）`, '', ...items(r.items, d.lang), '');
  if (d.whole !== undefined) out.push(`## ${d.headings.whole}`, '', `### ${d.whole.title}`, '', ...items(d.whole.items, d.lang), '');
  if (d.silent.length > 0) out.push(`## ${d.headings.silent}`, '', join(d.silent), '');
  out.push(`## ${d.headings.method}`, '', ...d.method.flatMap((s) => [s, '']));
  return out.join('\n');
}
