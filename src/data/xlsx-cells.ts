/**
 * An .xlsx package read as text cells, one row at a time: yauzl opens the
 * zip (inflating with Node's own zlib), saxes parses the parts' XML, and a
 * streaming TextDecoder turns the bytes
 * into text — a character split across two chunks stays whole (exceljs's
 * streaming reader decodes each chunk on its own and garbles such
 * characters: bench/XLSX-LIBRARIES.md). Cells come as the user sees them:
 * shared and inline strings, numbers (×100 with `%` under a percent format),
 * dates (their month: 2024-06), booleans, error codes (`#DIV/0!`), the cached
 * value of a formula; merged ranges are listed for the caller.
 */
import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';

/** The parts of a zip by name, each opened as a stream when read (as often as needed). */
class Zip {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  static async open(bytes: Buffer): Promise<Zip> {
    const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false });
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
    return new Zip(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  stream(name: string): Promise<Readable> | undefined {
    const e = this.entries.get(name);
    return e === undefined ? undefined : this.zip.openReadStreamPromise(e);
  }

  close(): void {
    this.zip.close();
  }
}

export interface SheetInfo {
  readonly name: string;
  readonly path: string;
}

/** Builtin number formats that show dates (including the zh-CN ones, 27–36 and 50–58) and percentages. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const PERCENT_FORMAT_IDS = new Set([9, 10]);

type Shown = 'number' | 'percent' | 'date';

/** What a format code shows: a date when it has date or time parts outside quotes and [colours]; a percentage when it has %. */
export function formatKind(code: string): Shown {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/%/.test(bare)) return 'percent';
  if (/[ymdhs]/i.test(bare.replace(/General/gi, ''))) return 'date';
  return 'number';
}

/** A tag by its local name: some writers (not Excel or WPS) prefix the spreadsheet namespace, `<x:c>`. */
function local(t: SaxesTagPlain): SaxesTagPlain {
  const at = t.name.indexOf(':');
  return at < 0 ? t : { ...t, name: t.name.slice(at + 1) };
}

/** Streams an entry's XML through saxes, decoding UTF-8 across chunk boundaries. */
async function parseEntry(entry: Promise<Readable>, handlers: { open?: (tag: SaxesTagPlain) => void; text?: (t: string) => void; close?: (tag: SaxesTagPlain) => void }): Promise<void> {
  const stream = await entry;
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser();
    const { open, text, close } = handlers;
    if (open) parser.on('opentag', (t) => open(local(t)));
    if (text) parser.on('text', text);
    if (close) parser.on('closetag', (t) => close(local(t)));
    let failed = false;
    parser.on('error', (e) => {
      failed = true;
      reject(e);
    });
    const decoder = new TextDecoder('utf-8');
    stream.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (e) {
        failed = true;
        stream.pause();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    stream.on('error', reject);
    stream.on('end', () => {
      if (failed) return;
      try {
        parser.write(decoder.decode());
        parser.close();
        resolve();
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  return tag.attributes[name];
}

/** `A1` → 0-based column; `AB7` → 27. */
function columnIndex(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return col - 1;
}

function numberText(n: number): string {
  const s = String(n);
  return s.replace(/[-.e+]/g, '').replace(/^0+/, '').length > 15 ? String(Number(n.toPrecision(15))) : s;
}

/** A date serial → its month, `yyyy-mm` (1900 or 1904 date system). */
function serialMonth(serial: number, date1904: boolean): string {
  const ms = Math.round((serial + (date1904 ? 1462 : 0)) * 86400000) + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export class XlsxPackage {
  private constructor(
    private readonly zip: Zip,
    readonly sheets: readonly SheetInfo[],
    private readonly date1904: boolean,
  ) {}

  private strings: string[] = [];
  private styles: Shown[] = [];

  static async open(bytes: Buffer): Promise<XlsxPackage> {
    const zip = await Zip.open(bytes);
    const workbook = zip.stream('xl/workbook.xml');
    if (!workbook) throw new Error('no xl/workbook.xml in the package');
    const targets = new Map<string, string>();
    const rels = zip.stream('xl/_rels/workbook.xml.rels');
    if (rels) {
      await parseEntry(rels, {
        open: (t) => {
          const id = attr(t, 'Id');
          const target = attr(t, 'Target');
          if (t.name === 'Relationship' && id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
        },
      });
    }
    const sheets: SheetInfo[] = [];
    let date1904 = false;
    await parseEntry(workbook, {
      open: (t) => {
        if (t.name === 'workbookPr') date1904 = attr(t, 'date1904') === '1' || attr(t, 'date1904') === 'true';
        if (t.name !== 'sheet') return;
        const name = attr(t, 'name');
        const rid = attr(t, 'r:id');
        const path = rid === undefined ? undefined : targets.get(rid);
        if (name !== undefined && path !== undefined && zip.has(path)) sheets.push({ name, path });
      },
    });
    const pkg = new XlsxPackage(zip, sheets, date1904);
    await pkg.readStrings();
    await pkg.readStyles();
    return pkg;
  }

  /** The shared strings: each `<si>`'s text runs joined, phonetic runs (`<rPh>`) left out. */
  private async readStrings(): Promise<void> {
    const entry = this.zip.stream('xl/sharedStrings.xml');
    if (!entry) return;
    let current: string[] | undefined;
    let inT = false;
    let inPhonetic = false;
    await parseEntry(entry, {
      open: (t) => {
        if (t.name === 'si') current = [];
        else if (t.name === 'rPh') inPhonetic = true;
        else if (t.name === 't') inT = !inPhonetic;
      },
      text: (s) => {
        if (inT && current) current.push(s);
      },
      close: (t) => {
        if (t.name === 'si') {
          this.strings.push((current ?? []).join(''));
          current = undefined;
        } else if (t.name === 'rPh') inPhonetic = false;
        else if (t.name === 't') inT = false;
      },
    });
  }

  /** What each cell style (`s="3"`) shows: from `<cellXfs>`, its number format. */
  private async readStyles(): Promise<void> {
    const entry = this.zip.stream('xl/styles.xml');
    if (!entry) return;
    const codes = new Map<number, string>();
    let inCellXfs = false;
    await parseEntry(entry, {
      open: (t) => {
        if (t.name === 'numFmt') codes.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
        else if (t.name === 'cellXfs') inCellXfs = true;
        else if (t.name === 'xf' && inCellXfs) {
          const id = Number(attr(t, 'numFmtId') ?? 0);
          const code = codes.get(id);
          this.styles.push(code !== undefined ? formatKind(code) : DATE_FORMAT_IDS.has(id) ? 'date' : PERCENT_FORMAT_IDS.has(id) ? 'percent' : 'number');
        }
      },
      close: (t) => {
        if (t.name === 'cellXfs') inCellXfs = false;
      },
    });
  }

  close(): void {
    this.zip.close();
  }

  /** The merged ranges of a sheet (`A3:A5`), from the `<mergeCells>` after its cells. */
  async mergedRanges(sheet: SheetInfo): Promise<string[]> {
    const entry = this.zip.stream(sheet.path);
    if (!entry) return [];
    const stream = await entry;
    // searched in the bytes (ASCII markup), decoded only from <mergeCells on
    const marker = Buffer.from('<mergeCells');
    return new Promise((resolve, reject) => {
      let carry: Buffer = Buffer.alloc(0);
      const found: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (found.length > 0) {
          found.push(chunk);
          return;
        }
        const bytes: Buffer = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const at = bytes.indexOf(marker);
        if (at >= 0) found.push(bytes.subarray(at));
        else carry = bytes.subarray(Math.max(0, bytes.length - marker.length));
      });
      stream.on('error', reject);
      stream.on('end', () => resolve([...Buffer.concat(found).toString('utf8').matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1] as string)));
    });
  }

  /** Every row of a sheet, in order, as text cells (index 0 = column A), with its row number. */
  async readRows(sheet: SheetInfo, onRow: (cells: string[], row: number) => void): Promise<void> {
    const entry = this.zip.stream(sheet.path);
    if (!entry) return;
    let cells: string[] = [];
    let rowNumber = 0;
    let col = -1;
    let type = 'n';
    let shown: Shown = 'number';
    let value = '';
    let inValue = false;
    let inInline = false;
    const strings = this.strings;
    const styles = this.styles;
    const date1904 = this.date1904;
    await parseEntry(entry, {
      open: (t) => {
        switch (t.name) {
          case 'row': {
            const r = attr(t, 'r');
            rowNumber = r === undefined ? rowNumber + 1 : Number(r);
            cells = [];
            col = -1;
            break;
          }
          case 'c': {
            const r = attr(t, 'r');
            col = r === undefined ? col + 1 : columnIndex(r);
            type = attr(t, 't') ?? 'n';
            const s = attr(t, 's');
            shown = s === undefined ? 'number' : (styles[Number(s)] ?? 'number');
            value = '';
            break;
          }
          case 'v':
            inValue = true;
            break;
          case 't':
            if (type === 'inlineStr') inInline = true;
            break;
        }
      },
      text: (s) => {
        if (inValue || inInline) value += s;
      },
      close: (t) => {
        switch (t.name) {
          case 'v':
            inValue = false;
            break;
          case 't':
            inInline = false;
            break;
          case 'c': {
            let text: string;
            if (type === 's') text = strings[Number(value)] ?? '';
            else if (type === 'n') {
              const n = value === '' ? NaN : Number(value);
              text = Number.isNaN(n) ? value : shown === 'percent' ? `${numberText(n * 100)}%` : shown === 'date' ? serialMonth(n, date1904) : numberText(n);
            } else if (type === 'b') text = value === '1' || value === 'true' ? 'TRUE' : value === '' ? '' : 'FALSE';
            else if (type === 'd') text = value.slice(0, 7);
            else text = value; // str (a formula's text), inlineStr, e (an error code)
            while (cells.length < col) cells.push('');
            cells[col] = text;
            break;
          }
          case 'row':
            onRow(cells, rowNumber);
            break;
        }
      },
    });
  }
}
