/**
 * A Word document (.docx, as Word and WPS save it) read from its OOXML:
 * fflate takes `word/document.xml` out of the zip and saxes reads it.
 * Paragraphs and tables in reading order; a table's cells with their
 * horizontal (`w:gridSpan`) and vertical (`w:vMerge`) merges, a line break
 * in a cell (`w:br`, or a cell of several paragraphs) as `\n`. Deleted text
 * of tracked changes (`w:delText`), field codes (`w:instrText`) and the
 * fallback copy of drawings (`mc:Fallback`) are not text. Chosen over mammoth
 * by measurement (bench/DRAFT-LIBRARIES.md).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DataError, errorDiagnostic } from '../errors.js';
import { documentText, numberBlocks, type DocCell, type PlanDocument } from './model.js';

interface CellBuild {
  paragraphs: string[];
  colSpan: number;
  /** 'restart' starts a vertical merge, 'continue' goes on with the one above */
  vMerge?: 'restart' | 'continue';
  /** the grid column the cell starts at */
  col: number;
  rowSpan: number;
}

interface TableBuild {
  rows: CellBuild[][];
  row?: CellBuild[];
  cell?: CellBuild;
  /** grid columns before the row's first cell (w:gridBefore) */
  before: number;
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: DocCell[][] };

function bad(file: string, why: { en: string; zh: string }): never {
  throw new DataError(why.en, [errorDiagnostic('DOCUMENT', { en: `${file}: ${why.en}`, zh: `${file}：${why.zh}` }, { file })]);
}

export function readDocx(bytes: Uint8Array, file: string): PlanDocument {
  let xml: string;
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = parts['word/document.xml'];
    if (!doc) return bad(file, { en: 'a zip without word/document.xml: not a Word document', zh: '压缩包中没有 word/document.xml，不是 Word 文档' });
    xml = new TextDecoder('utf-8').decode(doc);
  } catch (e) {
    if (e instanceof DataError) throw e;
    return bad(file, { en: `not a readable .docx (${(e as Error).message})`, zh: `不是可读取的 .docx 文件（${(e as Error).message}）` });
  }
  const blocks: Block[] = [];
  const tables: TableBuild[] = [];
  let paragraph: string | undefined;
  let inText = false;
  /** depth inside elements whose text is not the document's (deleted text, field codes, fallbacks) */
  let skip = 0;
  const parser = new SaxesParser();
  const name = (t: SaxesTagPlain): string => t.name;
  const SKIP = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:footnoteReference', 'w:commentReference']);
  parser.on('opentag', (t) => {
    const n = name(t);
    if (SKIP.has(n)) {
      skip++;
      return;
    }
    if (skip > 0) return;
    const table = tables[tables.length - 1];
    switch (n) {
      case 'w:tbl':
        tables.push({ rows: [], before: 0 });
        break;
      case 'w:tr':
        if (table) {
          table.row = [];
          table.before = 0;
        }
        break;
      case 'w:gridBefore':
        if (table) table.before = Number(t.attributes['w:val'] ?? 0) || 0;
        break;
      case 'w:tc':
        if (table?.row) {
          const last = table.row[table.row.length - 1];
          table.cell = { paragraphs: [], colSpan: 1, col: last ? last.col + last.colSpan : table.before, rowSpan: 1 };
        }
        break;
      case 'w:gridSpan':
        if (table?.cell) table.cell.colSpan = Math.max(1, Number(t.attributes['w:val'] ?? 1) || 1);
        break;
      case 'w:vMerge':
        if (table?.cell) table.cell.vMerge = t.attributes['w:val'] === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:p':
        paragraph = '';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (paragraph !== undefined) paragraph += ' ';
        break;
      case 'w:br':
      case 'w:cr':
        if (paragraph !== undefined && t.attributes['w:type'] !== 'page') paragraph += '\n';
        break;
      case 'w:sym':
        break;
    }
  });
  parser.on('text', (s) => {
    if (inText && skip === 0 && paragraph !== undefined) paragraph += s;
  });
  parser.on('closetag', (t) => {
    const n = name(t);
    if (SKIP.has(n)) {
      skip--;
      return;
    }
    if (skip > 0) return;
    const table = tables[tables.length - 1];
    switch (n) {
      case 'w:t':
        inText = false;
        break;
      case 'w:p': {
        const text = paragraph ?? '';
        paragraph = undefined;
        if (table?.cell) table.cell.paragraphs.push(text);
        else if (text.trim() !== '') blocks.push({ kind: 'paragraph', text });
        break;
      }
      case 'w:tc':
        if (table?.row && table.cell) table.row.push(table.cell);
        if (table) delete table.cell;
        break;
      case 'w:tr':
        if (table?.row) table.rows.push(table.row);
        if (table) delete table.row;
        break;
      case 'w:tbl': {
        tables.pop();
        if (!table) break;
        const rows = resolveMerges(table.rows);
        const outer = tables[tables.length - 1];
        // a table inside a cell: its text is the cell's
        if (outer?.cell) outer.cell.paragraphs.push(rows.map((r) => r.map((c) => c.text).join(' ')).join('\n'));
        else blocks.push({ kind: 'table', rows });
        break;
      }
    }
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    return bad(file, { en: `word/document.xml is not well-formed XML (${(e as Error).message.split('\n')[0] ?? ''})`, zh: `word/document.xml 不是格式正确的 XML（${(e as Error).message.split('\n')[0] ?? ''}）` });
  }
  const numbered = numberBlocks(blocks);
  return { format: 'docx', blocks: numbered, text: documentText(numbered) };
}

/** Vertical merges: a `continue` cell adds a row to the cell that started above it and is not printed again. */
function resolveMerges(rows: readonly CellBuild[][]): DocCell[][] {
  /** the open merge per grid column */
  const open = new Map<number, CellBuild>();
  const out: CellBuild[][] = [];
  for (const row of rows) {
    const kept: CellBuild[] = [];
    for (const cell of row) {
      if (cell.vMerge === 'continue') {
        const anchor = open.get(cell.col);
        if (anchor) {
          anchor.rowSpan++;
          continue;
        }
      }
      if (cell.vMerge === 'restart') open.set(cell.col, cell);
      else open.delete(cell.col);
      kept.push(cell);
    }
    out.push(kept);
  }
  return out.map((row) =>
    row.map((c) => ({
      text: c.paragraphs.join('\n').trim(),
      ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
      ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}),
    })),
  );
}
