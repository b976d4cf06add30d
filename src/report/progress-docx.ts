/**
 * The evaluation report as a Word document (docx, with the `docx` library):
 * the same document as the HTML — title, meta, summary, the overview table,
 * per-indicator text, the rules year by year, the method — in styles that
 * Word and WPS keep: heading styles with outline levels (the navigation
 * pane), a real table whose header row repeats on every page, A4 pages with
 * margins, page numbers in the footer. The overview sits in a landscape
 * section of its own. Verdicts are coloured bold text, legible on paper.
 *
 * The file is deterministic: no creation time is written unless `--date`
 * gives one, and the zip entries carry a fixed time.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';
import { TONES } from './progress-css.js';
import type { Badge, ReportDocument } from './progress-document.js';

const MM = 56.6929; // twips per millimetre
const A4 = { w: Math.round(210 * MM), h: Math.round(297 * MM) };
/** margins after GB/T 9704 (党政机关公文格式): top 37 mm, bottom 35, left 28, right 26 */
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const LANDSCAPE_MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(20 * MM), right: Math.round(20 * MM) };

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEAD_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };

function color(b: Badge): string {
  return TONES[b.tone].slice(1);
}

function badgeRun(b: Badge, size?: number): TextRun {
  return new TextRun({ text: b.label, bold: true, color: color(b), font: HEAD_FONT, ...(size ? { size } : {}) });
}

function footer(): { default: Footer } {
  return {
    default: new Footer({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES, ' —'], size: 18 })] })],
    }),
  };
}

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const BORDERS = { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER };

function cell(children: Paragraph[], opts: { width?: number; span?: number; shade?: string } = {}): TableCell {
  return new TableCell({
    children,
    borders: BORDERS,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    ...(opts.width !== undefined ? { width: { size: opts.width, type: WidthType.DXA } } : {}),
    ...(opts.span !== undefined ? { columnSpan: opts.span } : {}),
    ...(opts.shade !== undefined ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.shade } } : {}),
  });
}

function text(s: string, opts: { bold?: boolean; size?: number; align?: 'right' | 'center' } = {}): Paragraph {
  return new Paragraph({
    ...(opts.align === 'right' ? { alignment: AlignmentType.RIGHT } : opts.align === 'center' ? { alignment: AlignmentType.CENTER } : {}),
    spacing: { before: 0, after: 0, line: 260 },
    children: [new TextRun({ text: s, ...(opts.bold ? { bold: true } : {}), ...(opts.size ? { size: opts.size } : {}) })],
  });
}

/** Column widths (twips) over the landscape text width: the name wide, the years narrow. */
function columnWidths(d: ReportDocument, total: number): number[] {
  const years = d.headers.length - 8;
  const fixed = { no: 0.045, name: 0.17, attr: 0.06, unit: 0.065, base: 0.085, target: 0.1, progress: 0.08, verdict: 0.085 };
  const rest = 1 - Object.values(fixed).reduce((a, b) => a + b, 0);
  const each = years > 0 ? rest / years : 0;
  const shares = [fixed.no, fixed.name, fixed.attr, fixed.unit, fixed.base, ...Array.from({ length: years }, () => each), fixed.target, fixed.progress, fixed.verdict];
  return shares.map((s) => Math.floor(s * total));
}

function overviewTable(d: ReportDocument, width: number): Table {
  const widths = columnWidths(d, width);
  const size = 17; // 8.5 pt
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: d.headers.map((h, i) => cell([text(h, { bold: true, size, align: 'center' })], { width: widths[i] ?? 600, shade: 'E8E8E8' })),
  });
  const rows: TableRow[] = [header];
  let group = '';
  for (const r of d.overview) {
    if (r.group !== group) {
      group = r.group;
      rows.push(new TableRow({ cantSplit: true, children: [cell([text(group, { bold: true, size })], { span: d.headers.length, shade: 'F5F5F5' })] }));
    }
    const cells = [String(r.no), ...r.cells].map((c, i) => cell([text(c, { size, ...(i > 4 && /^[-+]?\d/.test(c) ? { align: 'right' as const } : {}) })], { width: widths[i] ?? 600 }));
    cells.push(cell([new Paragraph({ spacing: { before: 0, after: 0 }, children: [badgeRun(r.badge, size)] })], { width: widths[widths.length - 1] ?? 600 }));
    rows.push(new TableRow({ cantSplit: true, children: cells }));
  }
  return new Table({ rows, width: { size: width, type: WidthType.DXA }, columnWidths: widths });
}

function heading(s: string, level: 1 | 2): Paragraph {
  return new Paragraph({ heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(s)] });
}

/** A body paragraph; Chinese text opens with the customary two-character indent. */
function para(s: string, lang: ReportDocument['lang']): Paragraph {
  return new Paragraph({ ...(lang === 'zh' ? { indent: { firstLine: 440 } } : {}), children: [new TextRun(s)] });
}

export async function renderDocx(d: ReportDocument): Promise<Uint8Array> {
  const colon = d.lang === 'zh' ? '：' : ': ';
  const kv = (k: string, v: string): Paragraph => new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${k}${colon}`, bold: true }), new TextRun(v)] });
  const portrait = { page: { size: { width: A4.w, height: A4.h, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } };
  const first: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(d.title)] }),
    ...d.meta.map(([k, v]) => kv(k, v)),
    heading(d.headings.summary, 1),
    ...d.summary.map((p) => para(p, d.lang)),
    new Paragraph({ children: d.counts.flatMap((c, i) => [...(i > 0 ? [new TextRun('    ')] : []), badgeRun(c.badge), new TextRun(` ${c.n}`)]) }),
  ];
  const landscapeWidth = A4.h - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right;
  const overview = [heading(d.headings.overview, 1), overviewTable(d, landscapeWidth)];
  const rest: Paragraph[] = [heading(d.headings.indicators, 1)];
  for (const s of d.sections) {
    rest.push(heading(s.title, 2), new Paragraph({ children: [new TextRun({ text: `${s.subtitle}    `, color: '555555' }), badgeRun(s.badge)] }));
    for (const [k, v] of s.facts) rest.push(new Paragraph({ indent: { left: 240 }, spacing: { after: 40 }, children: [new TextRun({ text: `${k}${colon}`, bold: true }), new TextRun(v)] }));
  }
  if (d.rules.length > 0) {
    rest.push(heading(d.headings.rules, 1));
    for (const r of d.rules) {
      rest.push(heading(r.title, 2), new Paragraph({ children: [new TextRun({ text: `${r.subtitle}    `, color: '555555' }), badgeRun(r.badge)] }));
      rest.push(new Paragraph({ indent: { left: 360 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'AAAAAA', space: 6 } }, children: [new TextRun({ text: r.quote, italics: true })] }));
      for (const y of r.years) rest.push(new Paragraph({ indent: { left: 240 }, spacing: { after: 40 }, children: [new TextRun({ text: `${y.period}${colon}`, bold: true }), new TextRun(`${y.text}  `), badgeRun(y.badge)] }));
    }
  }
  rest.push(heading(d.headings.method, 1), ...d.method.map((p) => para(p, d.lang)));

  const sections: ISectionOptions[] = [
    { properties: portrait, footers: footer(), children: first },
    { properties: { page: { size: { width: A4.w, height: A4.h, orientation: PageOrientation.LANDSCAPE }, margin: LANDSCAPE_MARGIN } }, footers: footer(), children: overview },
    { properties: portrait, footers: footer(), children: rest },
  ];
  const doc = new Document({
    title: d.title,
    creator: 'plancheck',
    description: d.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 22 }, paragraph: { spacing: { after: 80, line: 320 } } },
        title: { run: { font: HEAD_FONT, size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font: HEAD_FONT, size: 30, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: HEAD_FONT, size: 24, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, outlineLevel: 1 } },
      },
    },
    sections,
  });
  return deterministic(await Packer.toBuffer(doc), d.date);
}

/** The same document gives the same bytes: the creation time is the report's date, or none; zip entries get a fixed time. */
function deterministic(bytes: Uint8Array, date: string | undefined): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core);
    const stamp = date === undefined ? '' : `${date}T00:00:00Z`;
    const fixed = xml.replace(/<dcterms:(created|modified)([^>]*)>[^<]*<\/dcterms:\1>/g, (_, tag: string, attrs: string) => (stamp ? `<dcterms:${tag}${attrs}>${stamp}</dcterms:${tag}>` : ''));
    files['docProps/core.xml'] = new TextEncoder().encode(fixed);
  }
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { mtime }]])), { level: 6 });
}
