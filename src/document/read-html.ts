/**
 * A web page (.html/.htm) read as a plan document: htmlparser2's tokenizer
 * gives the tags, paragraphs (p, div, h1–h6, li) and tables (tr, td/th with
 * rowspan and colspan; a table inside a cell is the cell's text) in order,
 * `<br>` a line break. The encoding is the page's own: a BOM, else the
 * `<meta charset>` (or `http-equiv` content type: gb2312, gbk and gb18030
 * are read as GB18030, their superset), else UTF-8 when the bytes are
 * UTF-8, else GB18030 — as Chinese government sites still serve GB2312.
 * Whitespace is collapsed as a browser shows it, and a line break between
 * two Chinese characters is no space (CSS Text's segment-break rule).
 */
import { Parser } from 'htmlparser2';
import { documentText, numberBlocks, type DocCell, type PlanDocument } from './model.js';

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'caption', 'center', 'ul', 'ol', 'dl', 'body', 'title']);
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option']);

/** The page's encoding: BOM, then a meta declaration, then UTF-8 if the bytes are UTF-8, else GB18030. */
export function pageEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const declared = m?.[1]?.toLowerCase();
  if (declared !== undefined) {
    if (/^(?:gb2312|gbk|gb18030|x-gbk|cp936|windows-936|euc-cn|hz-gb-2312)$/.test(declared)) return 'gb18030';
    try {
      new TextDecoder(declared);
      return declared;
    } catch {
      // an encoding name Node does not know: told by the bytes
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Whitespace as a browser shows it: runs collapsed to one space, none at a line break between Chinese characters. */
function collapse(text: string): string {
  return text
    .replace(/[ \t\f\r]*\n[ \t\f\r\n]*/g, '\n')
    .replace(/(.)\n(.)/gu, (_, a: string, b: string) => (CJK.test(a) && CJK.test(b) ? `${a}${b}` : `${a} ${b}`))
    .replace(/[\s\u00a0]+/g, (w) => (w.includes('\u2028') ? '\n' : ' '));
}

interface TableBuild {
  rows: DocCell[][];
  row?: DocCell[];
  cell?: { text: string; rowSpan: number; colSpan: number };
}

export function readHtml(bytes: Uint8Array): PlanDocument {
  const text = new TextDecoder(pageEncoding(bytes)).decode(bytes).replace(/^\uFEFF/, '');
  type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: DocCell[][] };
  const blocks: Block[] = [];
  const tables: TableBuild[] = [];
  let buffer = '';
  let hidden = 0;
  // a <br> is kept as U+2028 until the text is collapsed, then becomes a line break
  const flush = (): void => {
    const t = collapse(buffer).split('\n').map((s) => s.trim()).join('\n').trim();
    buffer = '';
    if (t === '') return;
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.text += (table.cell.text === '' ? '' : '\n') + t;
    else if (table === undefined) blocks.push({ kind: 'paragraph', text: t });
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (HIDDEN.has(name)) {
          hidden++;
          return;
        }
        if (hidden > 0) return;
        if (name === 'br') {
          buffer += '\u2028';
          return;
        }
        if (BLOCK.has(name)) flush();
        const table = tables[tables.length - 1];
        if (name === 'table') {
          flush();
          tables.push({ rows: [] });
        } else if (name === 'tr' && table) {
          flush();
          table.row = [];
        } else if ((name === 'td' || name === 'th') && table) {
          flush();
          table.row ??= [];
          table.cell = { text: '', rowSpan: Math.max(1, Number(attrs['rowspan'] ?? 1) || 1), colSpan: Math.max(1, Number(attrs['colspan'] ?? 1) || 1) };
        }
      },
      ontext(t) {
        if (hidden === 0) buffer += t;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        if (BLOCK.has(name)) flush();
        const table = tables[tables.length - 1];
        if ((name === 'td' || name === 'th') && table?.cell) {
          flush();
          const c = table.cell;
          (table.row ??= []).push({ text: c.text, ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}), ...(c.colSpan > 1 ? { colSpan: c.colSpan } : {}) });
          delete table.cell;
        } else if (name === 'tr' && table) {
          flush();
          if (table.row && table.row.length > 0) table.rows.push(table.row);
          delete table.row;
        } else if (name === 'table' && table) {
          flush();
          tables.pop();
          const outer = tables[tables.length - 1];
          if (outer?.cell) outer.cell.text += (outer.cell.text === '' ? '' : '\n') + table.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n');
          else if (table.rows.length > 0) blocks.push({ kind: 'table', rows: table.rows });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(text);
  parser.end();
  flush();
  while (tables.length > 0) {
    const t = tables.pop() as TableBuild;
    if (t.rows.length > 0) blocks.push({ kind: 'table', rows: t.rows });
  }
  const numbered = numberBlocks(blocks);
  return { format: 'html', blocks: numbered, text: documentText(numbered) };
}
