/**
 * A plan document as the drafter reads it, whatever it was saved as (.txt,
 * .docx, .pdf, .html): a sequence of paragraphs and tables in reading order,
 * and its text — what every quote of a draft is checked against. Pure.
 */

/** One cell: its text (a line break inside the cell is `\n`) and how far it spans. */
export interface DocCell {
  readonly text: string;
  /** rows this cell covers (a merged 类别 cell: 3); 1 by default */
  readonly rowSpan?: number;
  /** grid columns this cell covers; 1 by default */
  readonly colSpan?: number;
}

export interface DocTable {
  /** the rows as printed, merged cells given once (at their first row and column) */
  readonly rows: readonly (readonly DocCell[])[];
  /** 1-based line of the document's text where the table starts */
  readonly line: number;
}

export type DocBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly line: number }
  | { readonly kind: 'table'; readonly table: DocTable };

export type DocFormat = 'txt' | 'docx' | 'pdf' | 'html';

export interface PlanDocument {
  readonly format: DocFormat;
  readonly blocks: readonly DocBlock[];
  /**
   * The document's text: paragraphs one a line, a table's cells one a line
   * (a tab before each, a blank line after each row), as the sources/ files
   * print them. Quotes are found in it with whitespace ignored.
   */
  readonly text: string;
}

/** A grid position of a table: the cell there, and whether it is the cell's first position or one it covers by a merge. */
export interface GridCell {
  readonly text: string;
  /** covered by a merged cell that starts above or to the left */
  readonly covered: boolean;
  /** the merged cell starts above (a vertical merge) */
  readonly fromAbove: boolean;
}

/** The table laid on a grid: merged cells fill every position they cover. */
export function tableGrid(table: DocTable): GridCell[][] {
  const grid: GridCell[][] = [];
  table.rows.forEach((row, r) => {
    const line = (grid[r] ??= []);
    let c = 0;
    for (const cell of row) {
      while (line[c] !== undefined) c++;
      const rs = Math.max(1, cell.rowSpan ?? 1);
      const cs = Math.max(1, cell.colSpan ?? 1);
      for (let dr = 0; dr < rs; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[c + dc] = { text: cell.text, covered: dr > 0 || dc > 0, fromAbove: dr > 0 };
      }
      c += cs;
    }
  });
  // rows a merge runs past the table's end are not rows of it
  grid.length = table.rows.length;
  return grid.map((line) => Array.from(line, (g) => g ?? { text: '', covered: false, fromAbove: false }));
}

/** The text of a list of blocks, laid out as the sources/ files are: a table's cells one a line after a tab, rows ended by a blank line. */
export function documentText(blocks: readonly DocBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') out.push(b.text);
    else {
      for (const row of b.table.rows) {
        for (const cell of row) out.push(`\t${cell.text}`);
        out.push('');
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** Blocks numbered by the line they start on in `documentText(blocks)`. */
export function numberBlocks(blocks: readonly (Omit<Extract<DocBlock, { kind: 'paragraph' }>, 'line'> | { kind: 'table'; rows: readonly (readonly DocCell[])[] })[]): DocBlock[] {
  let line = 1;
  return blocks.map((b) => {
    if (b.kind === 'paragraph') {
      const at = line;
      line += b.text.split('\n').length;
      return { kind: 'paragraph', text: b.text, line: at };
    }
    const at = line;
    for (const row of b.rows) {
      for (const cell of row) line += cell.text.split('\n').length;
      line += 1;
    }
    return { kind: 'table', table: { rows: b.rows, line: at } };
  });
}
