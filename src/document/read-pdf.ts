/**
 * A text PDF read as a plan document with pdfjs-dist (Mozilla's PDF.js):
 * the text of each page with its position, and the ruling lines of its
 * tables. A table is found from its lines (the "lattice" way: the borders
 * Word, WPS and LibreOffice draw): the grid of its horizontal and vertical
 * rules, a merged cell where a rule between two grid cells is missing, each
 * piece of text in the cell its middle falls in, a cell's lines one a line
 * (`98` / `95`). A table that runs on to the next page is one table. The
 * text outside tables makes paragraphs: lines joined until one ends short of
 * the column (a paragraph's last line), page numbers left out.
 *
 * Chinese fonts without a Unicode map need the character maps (CMaps) PDF.js
 * ships; they are read from the installed pdfjs-dist. A PDF without text
 * (scanned pages) is refused with what to do.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DataError, errorDiagnostic } from '../errors.js';
import { documentText, numberBlocks, type DocCell, type PlanDocument } from './model.js';

interface Item {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A cell with the x of its left and right rules, so that a table's part on the next page can be laid on the same columns. */
type PdfCell = DocCell & { readonly left: number; readonly right: number };
type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: PdfCell[][]; columns: number[]; page: number };

const TOL = 2;

function refuse(file: string, en: string, zh: string): never {
  throw new DataError(en, [errorDiagnostic('DOCUMENT', { en: `${file}: ${en}`, zh: `${file}：${zh}` }, { file })]);
}

/** Where pdfjs-dist is installed: its CMaps and standard fonts are read from there. */
function pdfjsRoot(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export async function readPdf(bytes: Uint8Array, file: string): Promise<PlanDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: `${join(root, 'cmaps')}/`,
      cMapPacked: true,
      standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'PasswordException') return refuse(file, 'the PDF is protected by a password', 'PDF 有密码保护');
    return refuse(file, `not a readable PDF (${(e as Error).message})`, `不是可读取的 PDF（${(e as Error).message}）`);
  }
  const blocks: Block[] = [];
  let chars = 0;
  let images = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: Item[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4] as number, y: t[5] as number, w: it.width, h: it.height || Math.abs(t[3] as number) });
      chars += it.str.trim().length;
    }
    const ops = await page.getOperatorList();
    const segments: Segment[] = [];
    const stack: Matrix[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === pdfjs.OPS.save) stack.push(ctm);
      else if (fn === pdfjs.OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === pdfjs.OPS.transform) ctm = multiply(ctm, args as Matrix);
      else if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintInlineImageXObject || fn === pdfjs.OPS.paintImageMaskXObject) images++;
      else if (fn === pdfjs.OPS.constructPath) {
        const [op, [data]] = args as [number, [ArrayLike<number> | null]];
        if (!data || (op !== pdfjs.OPS.stroke && op !== pdfjs.OPS.fill && op !== pdfjs.OPS.eoFill && op !== pdfjs.OPS.closeStroke && op !== pdfjs.OPS.fillStroke)) continue;
        pathSegments(data, ctm, op === pdfjs.OPS.stroke || op === pdfjs.OPS.closeStroke, segments);
      }
    }
    pageBlocks(items, segments, blocks, p);
    page.cleanup();
  }
  await doc.destroy();
  if (chars === 0) {
    return refuse(
      file,
      images > 0 ? 'a scanned PDF: its pages are images, with no text to read. Ask for the Word (.docx) or web version of the plan, or run the PDF through text recognition (OCR) first' : 'the PDF holds no text',
      images > 0 ? '这是扫描版 PDF：页面是图片，没有可读取的文字。请索取规划的 Word（.docx）或网页版本，或先用文字识别（OCR）处理该 PDF' : 'PDF 中没有文字',
    );
  }
  const merged = joinAcrossPages(blocks);
  const numbered = numberBlocks(merged.map((b) => (b.kind === 'table' ? { kind: 'table', rows: b.rows.map((r) => r.map(docCell)) } : b)));
  return { format: 'pdf', blocks: numbered, text: documentText(numbered) };
}

/** A cell without its rules' positions. */
function docCell(c: PdfCell): DocCell {
  return { text: c.text, ...(c.rowSpan === undefined ? {} : { rowSpan: c.rowSpan }), ...(c.colSpan === undefined ? {} : { colSpan: c.colSpan }) };
}

/** The straight horizontal and vertical pieces of a path: lines stroked, and thin filled rectangles (borders drawn as fills). */
function pathSegments(data: ArrayLike<number>, ctm: Matrix, stroked: boolean, out: Segment[]): void {
  const points: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 0) {
      if (current.length > 0) points.push(current);
      current = [apply(ctm, data[i++] as number, data[i++] as number)];
    } else if (op === 1) current.push(apply(ctm, data[i++] as number, data[i++] as number));
    else if (op === 2) {
      i += 6;
      current = [];
    } else if (op === 3) {
      i += 4;
      current = [];
    } else if (op === 4) {
      if (current.length > 0) current.push(current[0] as [number, number]);
    } else break;
  }
  if (current.length > 0) points.push(current);
  for (const poly of points) {
    if (stroked) {
      for (let k = 1; k < poly.length; k++) {
        const [x1, y1] = poly[k - 1] as [number, number];
        const [x2, y2] = poly[k] as [number, number];
        if (Math.abs(y1 - y2) < 0.5 || Math.abs(x1 - x2) < 0.5) out.push({ x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) });
      }
    } else {
      const xs = poly.map((q) => q[0]);
      const ys = poly.map((q) => q[1]);
      const x1 = Math.min(...xs);
      const x2 = Math.max(...xs);
      const y1 = Math.min(...ys);
      const y2 = Math.max(...ys);
      if (y2 - y1 < 2 && x2 - x1 > 2) out.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
      else if (x2 - x1 < 2 && y2 - y1 > 2) out.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
    }
  }
}

/** Values within `tol` of each other as one (their mean), sorted. */
function clusterValues(values: readonly number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - (last[last.length - 1] as number) <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Groups of segments that touch (a table each). */
function tablesOf(segments: readonly Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const touch = (a: Segment, b: Segment): boolean => a.x1 - TOL <= b.x2 && b.x1 - TOL <= a.x2 && a.y1 - TOL <= b.y2 && b.y1 - TOL <= a.y2;
  for (let i = 0; i < segments.length; i++) for (let j = i + 1; j < segments.length; j++) if (touch(segments[i] as Segment, segments[j] as Segment)) parent[find(i)] = find(j);
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  return [...groups.values()].filter((g) => g.some((s) => s.y1 === s.y2) && g.some((s) => s.x1 === s.x2));
}

const LATIN = /[A-Za-z0-9]$/;

/** Items on one line joined: a space only between two Latin words (the gaps PDF.js reports between Chinese and digits are none). */
function joinLine(items: readonly Item[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '';
  sorted.forEach((it, k) => {
    if (it.str.trim() === '') {
      const next = sorted[k + 1];
      if (LATIN.test(out) && next && /^[A-Za-z]/.test(next.str)) out += ' ';
      return;
    }
    out += it.str;
  });
  return out;
}

/** Items grouped into lines, top to bottom. */
function linesOf(items: readonly Item[]): Item[][] {
  const sorted = [...items].filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs((l[0] as Item).y - it.y) <= Math.max(2, it.h * 0.4));
    if (line) line.push(it);
    else lines.push([it]);
  }
  return lines.sort((a, b) => (b[0] as Item).y - (a[0] as Item).y);
}

function pageBlocks(items: readonly Item[], segments: readonly Segment[], blocks: Block[], page: number): void {
  const tables = tablesOf(segments).map((g) => {
    const xs = clusterValues(g.filter((s) => s.x1 === s.x2).map((s) => s.x1));
    const ys = clusterValues(g.filter((s) => s.y1 === s.y2).map((s) => s.y1)).reverse();
    return { g, xs, ys, top: ys[0] ?? 0, bottom: ys[ys.length - 1] ?? 0, left: xs[0] ?? 0, right: xs[xs.length - 1] ?? 0 };
  }).filter((t) => t.xs.length >= 2 && t.ys.length >= 2);
  const inTable = (it: Item): (typeof tables)[number] | undefined => {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h / 3;
    return tables.find((t) => cx >= t.left - TOL && cx <= t.right + TOL && cy <= t.top + TOL && cy >= t.bottom - TOL);
  };
  // the page's pieces top to bottom: paragraphs' lines and tables
  type Piece = { y: number; kind: 'line'; items: Item[] } | { y: number; kind: 'table'; t: (typeof tables)[number] };
  const pieces: Piece[] = [];
  const loose = items.filter((it) => !inTable(it));
  for (const line of linesOf(loose)) pieces.push({ y: (line[0] as Item).y, kind: 'line', items: line });
  for (const t of tables) pieces.push({ y: t.top, kind: 'table', t });
  pieces.sort((a, b) => b.y - a.y);
  const lineWidths = pieces.flatMap((p) => (p.kind === 'line' ? [Math.max(...p.items.map((i) => i.x + i.w)) - Math.min(...p.items.map((i) => i.x))] : []));
  const full = lineWidths.length > 0 ? Math.max(...lineWidths) : 0;
  let paragraph: string | undefined;
  const endParagraph = (): void => {
    if (paragraph !== undefined && paragraph.trim() !== '') blocks.push({ kind: 'paragraph', text: paragraph.trim() });
    paragraph = undefined;
  };
  for (const piece of pieces) {
    if (piece.kind === 'table') {
      endParagraph();
      blocks.push({ ...tableBlock(piece.t, items.filter((it) => inTable(it) === piece.t)), page });
      continue;
    }
    const text = joinLine(piece.items);
    if (/^[-—–\s]*\d{1,4}[-—–\s]*$/.test(text) || /^第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?$/.test(text)) continue;
    paragraph = (paragraph ?? '') + text;
    const width = Math.max(...piece.items.map((i) => i.x + i.w)) - Math.min(...piece.items.map((i) => i.x));
    // a line short of the column ends its paragraph (a heading, or a paragraph's last line)
    if (width < full * 0.9) endParagraph();
  }
  endParagraph();
}

/** A table's cells from its rules: the grid, merged where a rule is missing, and the text in each cell. */
/**
 * A piece of text that runs across a column's rule (PDF.js joins the words of
 * neighbouring cells on one line into one item, `类别 指标`) cut at the rule:
 * at a space near it, else where its share of the width falls.
 */
function splitAtRules(items: readonly Item[], xs: readonly number[]): Item[] {
  const out: Item[] = [];
  for (const it of items) {
    const inside = xs.filter((x) => x > it.x + TOL && x < it.x + it.w - TOL);
    if (inside.length === 0 || it.str.length < 2) {
      out.push(it);
      continue;
    }
    let start = 0;
    let x0 = it.x;
    const chars = [...it.str];
    for (const x of inside) {
      const share = Math.round(((x - it.x) / it.w) * chars.length);
      // a space within two characters of the cut is where the words part
      let cut = share;
      for (let d = 0; d <= 2; d++) {
        if (chars[share - d] === ' ') {
          cut = share - d;
          break;
        }
        if (chars[share + d] === ' ') {
          cut = share + d;
          break;
        }
      }
      cut = Math.max(start + 1, Math.min(chars.length - 1, cut));
      out.push({ ...it, str: chars.slice(start, cut).join('').trim(), x: x0, w: x - x0 });
      start = cut;
      x0 = x;
    }
    out.push({ ...it, str: chars.slice(start).join('').trim(), x: x0, w: it.x + it.w - x0 });
  }
  return out.filter((i) => i.str !== '');
}

function tableBlock(t: { g: Segment[]; xs: number[]; ys: number[] }, rawItems: readonly Item[]): { kind: 'table'; rows: PdfCell[][]; columns: number[] } {
  const { xs, ys, g } = t;
  const items = splitAtRules(rawItems, xs);
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const vertical = g.filter((s) => s.x1 === s.x2);
  const horizontal = g.filter((s) => s.y1 === s.y2);
  const hasV = (x: number, yTop: number, yBottom: number): boolean => vertical.some((s) => Math.abs(s.x1 - x) <= TOL && s.y1 <= yBottom + TOL && s.y2 >= yTop - TOL);
  const hasH = (y: number, xLeft: number, xRight: number): boolean => horizontal.some((s) => Math.abs(s.y1 - y) <= TOL && s.x1 <= xLeft + TOL && s.x2 >= xRight - TOL);
  // union-find over grid positions: joined where no rule separates them
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const top = ys[r] as number;
      const bottom = ys[r + 1] as number;
      const left = xs[c] as number;
      const right = xs[c + 1] as number;
      if (c + 1 < cols && !hasV(right, bottom + (top - bottom) * 0.5, bottom + (top - bottom) * 0.5)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && !hasH(bottom, left + (right - left) * 0.5, left + (right - left) * 0.5)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const text = new Map<number, Item[]>();
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.h / 3;
    const c = xs.findIndex((x, i) => i < cols && cx >= x - TOL && cx <= (xs[i + 1] as number) + TOL);
    const r = ys.findIndex((y, i) => i < rows && cy <= y + TOL && cy >= (ys[i + 1] as number) - TOL);
    if (r < 0 || c < 0) continue;
    const root = find(id(r, c));
    text.set(root, [...(text.get(root) ?? []), it]);
  }
  const seen = new Set<number>();
  const out: PdfCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: PdfCell[] = [];
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      if (seen.has(root)) continue;
      seen.add(root);
      let rowSpan = 1;
      let colSpan = 1;
      while (c + colSpan < cols && find(id(r, c + colSpan)) === root) colSpan++;
      while (r + rowSpan < rows && find(id(r + rowSpan, c)) === root) rowSpan++;
      const cellText = linesOf(text.get(root) ?? []).map(joinLine).join('\n').trim();
      row.push({ text: cellText, ...(rowSpan > 1 ? { rowSpan } : {}), ...(colSpan > 1 ? { colSpan } : {}), left: xs[c] as number, right: xs[c + colSpan] as number });
    }
    if (row.length > 0) out.push(row);
  }
  return { kind: 'table', rows: out, columns: xs };
}

/** The columns of `sub` are among those of `all` (a part of the table on the next page without the rules of a sub-label column), same outer edges. */
function sameTable(all: readonly number[], sub: readonly number[]): boolean {
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= TOL * 2;
  return near(all[0] as number, sub[0] as number) && near(all[all.length - 1] as number, sub[sub.length - 1] as number) && sub.every((x) => all.some((y) => near(x, y)));
}

/** A row of the next page's part laid on the columns `xs`: each cell spans the columns between its rules. */
function regrid(row: readonly PdfCell[], xs: readonly number[]): PdfCell[] {
  const at = (x: number): number => xs.reduce((best, y, i) => (Math.abs(y - x) < Math.abs((xs[best] as number) - x) ? i : best), 0);
  return row.map((c) => {
    const colSpan = Math.max(1, at(c.right) - at(c.left));
    return { text: c.text, ...(c.rowSpan === undefined ? {} : { rowSpan: c.rowSpan }), ...(colSpan > 1 ? { colSpan } : {}), left: c.left, right: c.right };
  });
}

/** A table cut by a page break is one table: the next page opens with a table on the same columns. */
function joinAcrossPages(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.kind === 'table' && prev?.kind === 'table' && prev.page + 1 === b.page && (sameTable(prev.columns, b.columns) || sameTable(b.columns, prev.columns))) {
      const columns = prev.columns.length >= b.columns.length ? prev.columns : b.columns;
      const prevRows: PdfCell[][] = prev.rows.map((r) => regrid(r, columns));
      const nextRows = b.rows.map((r) => regrid(r, columns));
      // a repeated header row is not a row of the table
      const first = nextRows[0];
      const head = prevRows[0];
      const last = prevRows[prevRows.length - 1];
      const repeated = first !== undefined && head !== undefined && first.map((c) => c.text).join('|') === head.map((c) => c.text).join('|');
      const rows = repeated ? nextRows.slice(1) : nextRows;
      // a row the page break cut in two: the next page opens with the rest of its words (no number in its first cell, no figure anywhere)
      const rest = rows[0];
      if (!repeated && rest !== undefined && last !== undefined && (rest[0]?.text.trim() ?? '') === '' && rest.every((c) => !/\d/.test(c.text)) && rest.some((c) => c.text.trim() !== '')) {
        const joined = last.map((c) => {
          const more = rest.find((r) => Math.abs(r.left - c.left) <= TOL * 2);
          return { ...c, text: [c.text, more?.text ?? ''].filter((t) => t.trim() !== '').join('') };
        });
        // a merged cell of the cut row that goes on down (a 类别) extends the merge it continues
        const lastIndex = prevRows.length - 1;
        for (const r of rest) {
          if ((r.rowSpan ?? 1) <= 1 || last.some((c) => Math.abs(c.left - r.left) <= TOL * 2)) continue;
          for (let i = lastIndex; i >= 0; i--) {
            const k = (prevRows[i] as PdfCell[]).findIndex((c) => Math.abs(c.left - r.left) <= TOL * 2);
            if (k < 0) continue;
            const anchor = (prevRows[i] as PdfCell[])[k] as PdfCell;
            if (i + (anchor.rowSpan ?? 1) > lastIndex) (prevRows[i] as PdfCell[])[k] = { ...anchor, rowSpan: (anchor.rowSpan ?? 1) + (r.rowSpan ?? 1) - 1 };
            break;
          }
        }
        out[out.length - 1] = { kind: 'table', rows: [...prevRows.slice(0, -1), joined, ...rows.slice(1)], columns, page: b.page };
        continue;
      }
      out[out.length - 1] = { kind: 'table', rows: [...prevRows, ...rows], columns, page: b.page };
    } else out.push(b);
  }
  return out;
}
