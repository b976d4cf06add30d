/**
 * The province report as a Word document: the same sections as the HTML, A4
 * landscape (the heat table has a column per standard), heading styles with
 * outline levels, table header rows that repeat on every page, each heat cell
 * shaded in its status colour and marked (✓ ✗ ? …) so the page reads in
 * black and white too. Deterministic bytes (docx-common.ts).
 */
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { A4, BODY_FONT, DOCX_LANGUAGE, deterministicDocx, HEAD_FONT, MM } from './docx-common.js';
import { TONES } from './progress-css.js';
import type { DetailItem, ProvinceDocument } from './province-document.js';

const MARGIN = Math.round(15 * MM);
const WIDTH = A4.h - 2 * MARGIN;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };

function run(s: string, o: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text: s, ...(o.bold ? { bold: true } : {}), ...(o.size ? { size: o.size } : {}), ...(o.color ? { color: o.color } : {}) });
}

function p(s: string, o: { bold?: boolean; size?: number; color?: string; align?: 'center' } = {}): Paragraph {
  return new Paragraph({ ...(o.align === 'center' ? { alignment: AlignmentType.CENTER } : {}), spacing: { before: 0, after: 0, line: 240 }, children: [run(s, o)] });
}

function cell(children: Paragraph[], width: number, shade?: string): TableCell {
  return new TableCell({
    children,
    borders: BORDERS,
    margins: { top: 20, bottom: 20, left: 40, right: 40 },
    width: { size: width, type: WidthType.DXA },
    ...(shade === undefined ? {} : { shading: { type: ShadingType.CLEAR, color: 'auto', fill: shade } }),
  });
}

/** A table with a header row that repeats on each page; widths in twips, summing to the text width. */
function table(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[], size = 18): Table {
  const head = new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell([p(h, { bold: true, size })], widths[i] as number, 'EFEFEF')) });
  const body = rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell([p(x, { size })], widths[i] as number)) }));
  return new Table({ rows: [head, ...body], width: { size: WIDTH, type: WidthType.DXA }, columnWidths: [...widths] });
}

function spread(parts: readonly number[]): number[] {
  const sum = parts.reduce((a, b) => a + b, 0);
  const widths = parts.map((x) => Math.floor((x / sum) * WIDTH));
  widths[widths.length - 1] = (widths[widths.length - 1] as number) + WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function heading(s: string, level: 1 | 2): Paragraph {
  return new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun(s)] });
}

function body(s: string, lang: ProvinceDocument['lang']): Paragraph {
  return new Paragraph({ ...(lang === 'zh' ? { indent: { firstLine: 440 } } : {}), children: [new TextRun(s)] });
}

function items(list: readonly DetailItem[], lang: ProvinceDocument['lang']): Paragraph[] {
  return list.flatMap((i) => [
    new Paragraph({
      keepNext: i.inputs.length > 0,
      spacing: { before: 60, after: 0 },
      children: [run(`${i.statusLabel} `, { bold: true, color: TONES[i.tone].slice(1) }), run(i.check, { bold: true }), run(lang === 'zh' ? `（${i.attribute}）：` : ` (${i.attribute}): `), run(i.text)],
    }),
    ...i.inputs.map((x) => new Paragraph({ indent: { left: 360 }, spacing: { before: 0, after: 0 }, children: [run(x, { size: 17, color: '555555' })] })),
  ]);
}

function heatTable(d: ProvinceDocument): Table {
  const n = d.checks.length;
  const regionW = Math.round(22 * MM);
  const noteW = Math.round(38 * MM);
  const cellW = Math.max(200, Math.floor((WIDTH - regionW - noteW) / Math.max(1, n)));
  const widths = [regionW, ...d.checks.map(() => cellW), WIDTH - regionW - cellW * n];
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [cell([p(d.columns.region, { bold: true, size: 16 })], widths[0] as number, 'EFEFEF'), ...d.checks.map((k, i) => cell([p(String(k.no), { bold: true, size: 16, align: 'center' })], widths[i + 1] as number, 'EFEFEF')), cell([p(d.columns.note, { bold: true, size: 16 })], widths[n + 1] as number, 'EFEFEF')],
  });
  const rows = d.heat.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([p(r.name, { size: 16 })], widths[0] as number),
          ...r.cells.map((x, i) => (x.status === undefined ? cell([p('', { size: 16 })], widths[i + 1] as number) : cell([p(x.mark, { bold: true, size: 16, color: 'FFFFFF', align: 'center' })], widths[i + 1] as number, TONES[x.tone].slice(1)))),
          cell([p(r.note, { size: 15 })], widths[n + 1] as number),
        ],
      }),
  );
  return new Table({ rows: [head, ...rows], width: { size: WIDTH, type: WidthType.DXA }, columnWidths: widths });
}

export async function renderProvinceDocx(d: ProvinceDocument, date?: string): Promise<Uint8Array> {
  const c = d.columns;
  const join = (xs: readonly string[]): string => xs.join(d.lang === 'zh' ? '、' : ', ');
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(d.title)] }),
    ...d.meta.map(([k, v]) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [run(`${k}${d.lang === 'zh' ? '：' : ': '}`, { bold: true, size: 20 }), run(v, { size: 20 })] })),
    heading(d.headings.summary, 1),
    ...d.summary.map((s) => body(s, d.lang)),
    heading(d.headings.checks, 1),
    table([c.no, c.check, c.attribute, c.meet, c.notMet, c.missing], d.checks.map((k) => [String(k.no), k.name, k.attribute, k.meet, join(k.notMet), join(k.missing)]), spread([4, 40, 7, 14, 20, 15])),
    heading(d.headings.heat, 1),
    new Paragraph({ keepNext: true, children: d.legend.flatMap((l, i) => [...(i > 0 ? [run('    ', { size: 18 })] : []), run(` ${l.mark} `, { bold: true, size: 18, color: TONES[l.tone].slice(1) }), run(l.label, { size: 18 })]) }),
    heatTable(d),
    heading(d.headings.ranking, 1),
    table([c.rank, c.region, c.code, c.pass, c.fail, c.missingCount, c.share], d.ranking.map((r) => [String(r.rank), r.name, r.code, String(r.pass), String(r.fail), String(r.missing), r.share]), spread([6, 16, 12, 10, 10, 10, 14])),
    heading(d.headings.details, 1),
    ...(d.details.length === 0 ? [body(d.none, d.lang)] : d.details.flatMap((r) => [heading(`${r.name}（${r.code}）`, 2), ...items(r.items, d.lang)])),
    ...(d.whole === undefined ? [] : [heading(d.headings.whole, 1), heading(d.whole.title, 2), ...items(d.whole.items, d.lang)]),
    ...(d.silent.length === 0 ? [] : [heading(d.headings.silent, 1), body(join(d.silent), d.lang)]),
    heading(d.headings.method, 1),
    ...d.method.map((s) => body(s, d.lang)),
  ];
  const language = DOCX_LANGUAGE[d.lang];
  const doc = new Document({
    title: d.title,
    creator: 'plancheck',
    description: d.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 21, language }, paragraph: { spacing: { after: 80, line: 300 } } },
        title: { run: { font: HEAD_FONT, size: 34, bold: true, language }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: HEAD_FONT, size: 28, bold: true, color: '000000', language }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: HEAD_FONT, size: 23, bold: true, color: '000000', language }, paragraph: { spacing: { before: 160, after: 40 }, keepNext: true, outlineLevel: 1 } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: A4.w, height: A4.h, orientation: PageOrientation.LANDSCAPE }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'], size: 18 })] })] }) },
        children,
      },
    ],
  });
  return deterministicDocx(await Packer.toBuffer(doc), date);
}
