/**
 * The seed documents as offices publish them: each sources/*.txt laid out as
 * a web page (its paragraphs, and its tables with the merges Word prints — a
 * 类别 cell down its group, a sub-row's number, name and unit down from the
 * row above, a name cell two columns wide beside rows that print a
 * sub-label), then converted by LibreOffice (Debian's package, which CI
 * installs) to .docx, from the .docx to .pdf and to LibreOffice's own .html,
 * and that page re-encoded as GB2312 (GBK) as many government sites serve
 * it. Every `draft` reader is exercised on real office output. PLANCHECK_SEED_DOCS=DIR
 * keeps them in DIR (bench/draft-libs.mjs measures the libraries on them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import type { DocCell, DocTable } from '../../src/document/model.js';
import { readTxt } from '../../src/document/read-txt.js';
import { tableLayout } from '../../src/draft/table.js';
import { ROOT } from './run-cli.js';

export const LIBREOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cellHtml = (s: string): string => s.split('\n').map(esc).join('<br>');

/** A table as Word prints it: the merges the text layout shows as empty cells, made merges again. */
export function tableHtml(table: DocTable): string {
  const layout = tableLayout(table);
  const width = table.rows[0]?.length ?? 0;
  const roles = layout?.columns.map((c) => c.role) ?? [];
  const col = (role: string): number => roles.indexOf(role as never);
  const nameAt = col('name');
  const wide = table.rows.some((r) => r.length > width);
  type Out = { text: string; rowSpan: number; colSpan: number; header: boolean } | undefined;
  // the grid of printed cells: rows[r][c] is a cell, or undefined where a merge covers it
  const grid: Out[][] = table.rows.map((row, r) => {
    const cells: Out[] = [];
    const extra = row.length - width;
    row.forEach((cell, i) => {
      cells.push({ text: cell.text, rowSpan: 1, colSpan: 1, header: r < (layout?.headerRows ?? 1) });
      // a row without the sub-label a wider row prints: its name cell takes both columns
      if (wide && extra === 0 && i === nameAt) (cells[cells.length - 1] as { colSpan: number }).colSpan = 2;
    });
    return cells;
  });
  if (layout) {
    const merges = (r: number, c: number, row: readonly DocCell[]): boolean => {
      const text = row[c]?.text.trim() ?? '';
      if (text !== '') return false;
      const numberEmpty = col('number') >= 0 && (row[col('number')]?.text.trim() ?? '') === '';
      const nameEmpty = nameAt >= 0 && (row[nameAt]?.text.trim() ?? '') === '';
      if (c === col('category')) return r > layout.headerRows;
      return numberEmpty && nameEmpty && (c === col('number') || c === nameAt || (c === col('unit') + (row.length > width ? 1 : 0) && c > nameAt));
    };
    table.rows.forEach((row, r) => {
      if (r < layout.headerRows) return;
      row.forEach((_, c) => {
        if (!merges(r, c, row)) return;
        // the anchor: the nearest cell above in the same printed position that is still a cell
        for (let a = r - 1; a >= layout.headerRows; a--) {
          const anchor = grid[a]?.[c];
          if (anchor) {
            anchor.rowSpan++;
            (grid[r] as Out[])[c] = undefined;
            return;
          }
        }
      });
    });
  }
  const rows = grid.map((cells) => `<tr>${cells.map((c) => (c === undefined ? '' : `<td${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}>${cellHtml(c.text)}</td>`)).join('')}</tr>`);
  return `<table border="1" cellspacing="0" cellpadding="2">\n${rows.join('\n')}\n</table>`;
}

/** A seed's text as a web page: paragraphs and tables, in order. */
export function seedPage(seedText: string, title: string): string {
  const doc = readTxt(seedText);
  const body = doc.blocks.map((b) => (b.kind === 'paragraph' ? `<p>${esc(b.text.replace(/\[bookmark: [^\]]*\]/g, '').trim())}</p>` : tableHtml(b.table)));
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}

export interface SeedDocuments {
  readonly docx: string;
  readonly pdf: string;
  readonly html: string;
  readonly gbk: string;
}

function soffice(args: readonly string[], cwd: string): void {
  const profile = join(cwd, 'lo-profile');
  execFileSync(LIBREOFFICE as string, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { cwd, stdio: 'ignore', timeout: 300_000 });
}

/**
 * The seeds (by source file name) made into .docx, .pdf and .html (UTF-8 and
 * GB2312) with LibreOffice, in a folder of their own; made once per run.
 */
export function seedDocuments(seeds: readonly string[], dir = process.env['PLANCHECK_SEED_DOCS'] ?? join(tmpdir(), `plancheck-seed-docs-${process.pid}`)): Map<string, SeedDocuments> {
  mkdirSync(join(dir, 'page'), { recursive: true });
  mkdirSync(join(dir, 'out'), { recursive: true });
  const pages = seeds.map((seed) => {
    const file = join(dir, 'page', `${basename(seed, '.txt')}.html`);
    writeFileSync(file, seedPage(readFileSync(join(ROOT, 'sources', seed), 'utf8'), basename(seed, '.txt')));
    return file;
  });
  // the page imported by Writer (not Writer/Web), saved as Word
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), ...pages], dir);
  const docx = seeds.map((s) => join(dir, 'out', `${basename(s, '.txt')}.docx`));
  soffice(['--convert-to', 'pdf:writer_pdf_Export', '--outdir', join(dir, 'out'), ...docx], dir);
  mkdirSync(join(dir, 'web'), { recursive: true });
  soffice(['--convert-to', 'html:HTML (StarWriter)', '--outdir', join(dir, 'web'), ...docx], dir);
  const out = new Map<string, SeedDocuments>();
  for (const seed of seeds) {
    const name = basename(seed, '.txt');
    const html = join(dir, 'web', `${name}.html`);
    const text = readFileSync(html, 'utf8');
    const gbk = join(dir, 'web', `${name}.gbk.htm`);
    writeFileSync(gbk, iconv.encode(text.replace(/charset=utf-8/i, 'charset=gb2312'), 'gb2312'));
    out.set(seed, { docx: join(dir, 'out', `${name}.docx`), pdf: join(dir, 'out', `${name}.pdf`), html, gbk });
  }
  return out;
}
