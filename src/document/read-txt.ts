/**
 * A plan document saved as text (the sources/ files, or a page copied out of
 * a browser or a PDF viewer): paragraphs, and the tables two layouts give.
 *
 * - **Tab layout** (Word's "save as text", and the sources/ files): a table
 *   cell is a line that starts with a tab; a line without one continues the
 *   cell above (a header printed on two lines, `2020年` / `基准值`; a 专栏
 *   box's paragraphs); a blank line ends a row; a blank line followed by a
 *   line without a tab, or a line that starts with a space, ends the table.
 * - **One cell a line** (text copied from a web page or a PDF: 宿迁's source):
 *   after a caption (`表2`, `附件2`), the header's cells and then each row's,
 *   one to a line. A row starts at its number (1, 2, 3 … in turn); the
 *   short lines before a number are its 类别 (printed once for a group of
 *   rows, and split over lines: `社会` / `力量` / `参与`); a row ends at its
 *   属性 cell when the header has one. A row one cell short of the header
 *   has lost its unit where its second cell is a number (宿迁 表2 row 6:
 *   `(涉农区…数量` `3` `25` `约束性`).
 *
 * Pure: text in, blocks out. The document's text is the text itself, so a
 * line number of a block is the file's line.
 */
import type { DocBlock, DocCell, PlanDocument } from './model.js';

/** A caption that stands above a table: 表2, 表 1：…, 附件2, 附表1 */
const CAPTION = /^\s*(?:表|附件|附表)\s*\d+\s*[：:、.．]?/;
/** Words of an indicator table's header row. */
const HEADER_WORD = /序号|类别|指标|名称|单位|属性|基数|基期|期初|现状|实际|目标|规划|完成|增速/;
const ROW_NUMBER = /^\s*(\d{1,3})\s*$/;
const ATTRIBUTE_CELL = /^(?:约束性|预期性|期性|约束|预期|束性)$/;

export function readTxt(text: string): PlanDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: DocBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.startsWith('\t')) {
      const { rows, next } = tabTable(lines, i);
      blocks.push({ kind: 'table', table: { rows, line: i + 1 } });
      i = next;
      continue;
    }
    if (CAPTION.test(line) && line.trim().length <= 40 && !nextTabbed(lines, i + 1)) {
      const flat = flatTable(lines, i + 1);
      if (flat) {
        blocks.push({ kind: 'paragraph', text: line, line: i + 1 });
        for (const t of flat.titles) blocks.push({ kind: 'paragraph', text: t.text, line: t.at + 1 });
        blocks.push({ kind: 'table', table: { rows: flat.rows, line: flat.start + 1 } });
        i = flat.next;
        continue;
      }
    }
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line, line: i + 1 });
    i++;
  }
  return { format: 'txt', blocks, text: lines.join('\n') };
}

/** The next line with text starts with a tab: a table in the tab layout follows. */
function nextTabbed(lines: readonly string[], from: number): boolean {
  for (let j = from; j < lines.length; j++) if ((lines[j] as string).trim() !== '') return (lines[j] as string).startsWith('\t');
  return false;
}

/** A table in the tab layout from line `start`; `next` is the first line after it. */
function tabTable(lines: readonly string[], start: number): { rows: DocCell[][]; next: number } {
  const rows: DocCell[][] = [];
  let row: DocCell[] = [];
  let cell: string | undefined;
  const endCell = (): void => {
    if (cell !== undefined) row.push({ text: cell.trim() });
    cell = undefined;
  };
  const endRow = (): void => {
    endCell();
    if (row.length > 0) rows.push(row);
    row = [];
  };
  let j = start;
  for (; j < lines.length; j++) {
    const l = lines[j] as string;
    if (l.startsWith('\t')) {
      endCell();
      cell = l.slice(1);
      continue;
    }
    if (l.trim() === '') {
      endRow();
      // a blank line, then a line without a tab: the table is over
      let k = j + 1;
      while (k < lines.length && (lines[k] as string).trim() === '') k++;
      if (k >= lines.length || !(lines[k] as string).startsWith('\t')) {
        j = k;
        break;
      }
      continue;
    }
    // a line without a tab: the cell goes on, unless it starts with a space (a heading or a paragraph after the table)
    if (cell !== undefined && !/^\s/.test(l)) {
      cell += `\n${l}`;
      continue;
    }
    break;
  }
  endRow();
  return { rows: mendSplitRows(rows), next: j };
}

/**
 * A row that a stray blank line cut in two (楚雄 表2 row 13: `-`, a blank
 * line, `约束性`): a row short of the header's width followed by one that
 * makes up exactly the difference is one row.
 */
function mendSplitRows(rows: readonly DocCell[][]): DocCell[][] {
  const width = rows[0]?.length ?? 0;
  const out: DocCell[][] = [];
  for (const row of rows) {
    const prev = out[out.length - 1];
    if (prev !== undefined && out.length > 1 && prev.length < width && prev.length + row.length === width) out[out.length - 1] = [...prev, ...row];
    else out.push(row);
  }
  return out;
}

interface Line {
  readonly text: string;
  readonly at: number;
}

/**
 * A table laid out one cell a line, after the caption at `from - 1`; undefined
 * when what follows is not one (no header of table words, no row 1).
 */
function flatTable(lines: readonly string[], from: number): { rows: DocCell[][]; titles: Line[]; start: number; next: number } | undefined {
  const cells: Line[] = [];
  for (let j = from; j < lines.length && cells.length < 2000; j++) {
    // a tab starts a table in the tab layout: not this one's
    if ((lines[j] as string).startsWith('\t')) break;
    const t = (lines[j] as string).trim();
    if (t !== '') cells.push({ text: t, at: j });
  }
  // the title line(s) and the header: short lines up to the first row number
  const first = cells.findIndex((c) => ROW_NUMBER.exec(c.text)?.[1] === '1');
  if (first < 2 || first > 16) return undefined;
  let headerStart = 0;
  // a title (十四五期间…主要指标) is longer than a header cell and names the table
  while (headerStart < first && (cells[headerStart] as Line).text.length > 12) headerStart++;
  // a category before row 1 is a line that is no header word
  let headerEnd = first;
  while (headerEnd > headerStart && !HEADER_WORD.test((cells[headerEnd - 1] as Line).text)) headerEnd--;
  const header = cells.slice(headerStart, headerEnd).map((c) => c.text);
  if (header.length < 3 || header.filter((h) => HEADER_WORD.test(h)).length < 3) return undefined;
  const hasCategory = /类别|类型|领域/.test(header[0] ?? '');
  const hasNumber = header.some((h) => /序号/.test(h));
  const endsWithAttribute = /属性|性质/.test(header[header.length - 1] ?? '');
  // columns after the number: every header cell but 类别 and 序号
  const width = header.length - (hasCategory ? 1 : 0) - (hasNumber ? 1 : 0);
  const rows: DocCell[][] = [];
  let k = headerEnd;
  let expected = 1;
  let lastLine = (cells[headerEnd - 1] as Line).at;
  while (k < cells.length) {
    // the category lines before the row's number (at most 4 short lines)
    let n = k;
    while (n < cells.length && n - k < 5 && ROW_NUMBER.exec((cells[n] as Line).text)?.[1] !== String(expected)) {
      if ((cells[n] as Line).text.length > 8) break;
      n++;
    }
    if (n >= cells.length || ROW_NUMBER.exec((cells[n] as Line).text)?.[1] !== String(expected)) break;
    const category = cells.slice(k, n).map((c) => c.text).join('');
    const body: string[] = [];
    let m = n + 1;
    while (m < cells.length && body.length < width) {
      const t = (cells[m] as Line).text;
      if (ROW_NUMBER.exec(t)?.[1] === String(expected + 1) && body.length >= width - 1) break;
      body.push(t);
      m++;
      if (endsWithAttribute && ATTRIBUTE_CELL.test(t)) break;
    }
    if (body.length < width - 1) break;
    // one cell short: the unit is the one lost when the second cell is a number or a dash
    if (body.length === width - 1 && /^(?:[-—–]+|[<>≥≤＞＜]?\d[\d.,%‰]*)$/.test(body[1] ?? '')) body.splice(1, 0, '');
    rows.push([...(hasCategory ? [{ text: category }] : []), { text: String(expected) }, ...body.map((text) => ({ text }))]);
    lastLine = (cells[m - 1] as Line).at;
    expected++;
    k = m;
  }
  if (rows.length === 0) return undefined;
  const headerRow: DocCell[] = header.map((text) => ({ text }));
  // the number column has no header when the source prints none (宿迁: 类别, 标名称 …)
  if (!hasNumber) headerRow.splice(hasCategory ? 1 : 0, 0, { text: '' });
  return { rows: [headerRow, ...rows], titles: cells.slice(0, headerStart), start: (cells[headerStart] as Line).at, next: lastLine + 1 };
}
