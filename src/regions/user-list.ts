/**
 * A user's own region list — CSV `code,name,parent[,short]` (optional
 * `valid_from`, `valid_to`; Chinese headers 代码, 名称, 上级, 简称, 启用, 停用) —
 * read with the file and line of every bad row, and laid over the bundled
 * table: a listed code replaces every bundled record of that code, a new code
 * extends the table. A province knows its own counties better than any
 * national table.
 *
 * Pure: text in (load.ts decodes the bytes), a table and diagnostics out.
 */
import Papa from 'papaparse';
import { errorDiagnostic, warningDiagnostic, clip, type Diagnostic } from '../errors.js';
import { deriveShortNames } from './short-names.js';
import { compareText, levelOfCode, type RegionLevel, type RegionRecord } from './model.js';
import { RegionTable } from './table.js';

export interface RegionListRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly parent?: string;
  readonly short: readonly string[];
  readonly validFrom?: string;
  readonly validTo?: string;
}

export interface ParsedRegionList {
  readonly rows: RegionListRow[];
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
}

type Column = 'code' | 'name' | 'parent' | 'short' | 'valid_from' | 'valid_to';

const HEADERS: Record<Column, readonly string[]> = {
  code: ['code', '代码', '区划代码', '行政区划代码', '统计用区划代码'],
  name: ['name', '名称', '地区', '区划名称', '地区名称', '行政区划名称'],
  parent: ['parent', 'parent_code', '上级', '上级代码', '上级区划代码'],
  short: ['short', 'short_names', 'aliases', '简称', '别名'],
  valid_from: ['valid_from', '启用', '启用日期', '起始日期', '生效日期'],
  valid_to: ['valid_to', '停用', '停用日期', '终止日期', '废止日期'],
};
const POSITIONAL: readonly Column[] = ['code', 'name', 'parent', 'short'];
const SHORT_SEPARATORS = /[;；、|]/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A name as written, its spaces trimmed (names are data: full-width brackets stay). */
const clean = (s: string): string => s.replace(/[\s\ufeff\u200b]+/g, ' ').trim();
const codeText = (s: string): string => s.normalize('NFKC').replace(/[\s\ufeff\u200b]+/g, '');

function columnOf(header: string): Column | undefined {
  const h = clean(header.normalize('NFKC')).toLowerCase().replace(/ /g, '_');
  return (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].includes(h));
}

/** Lines a row takes: 1 + the line ends inside its quoted cells. */
function linesOf(cells: readonly string[]): number {
  let n = 1;
  for (const c of cells) n += c.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

export function parseRegionList(text: string, file: string): ParsedRegionList {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const rows: RegionListRow[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: false, delimitersToGuess: [',', '\t'] });
  // a quote left open swallows the rows after it: name the row it opens on, and read nothing
  const starts: number[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    starts.push(line);
    line += linesOf(cells);
  }
  const quoted = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoted !== undefined) {
    const at = { file, line: starts[quoted.row ?? 0] ?? 1 };
    const message =
      quoted.code === 'MissingQuotes'
        ? { en: 'a quote (") opened in this row is not closed: the rows after it would be read as one cell', zh: '此行中的引号（"）未闭合：其后各行会被读成一个单元格' }
        : { en: 'a quote (") in this row is misplaced: quote a whole cell ("…"), or write "" for a quote inside one', zh: '此行中的引号（"）位置不对：请用引号括住整个单元格（"…"），单元格内的引号写作 ""' };
    errors.push(errorDiagnostic('REGION_LIST_QUOTES', message, at));
    return { rows, errors, warnings };
  }
  let columns: (Column | undefined)[] | undefined;
  const seen = new Map<string, RegionListRow[]>();
  for (const [index, cells] of parsed.data.entries()) {
    const at = { file, line: starts[index] ?? 1 };
    if (cells.every((c) => c.trim() === '')) continue;
    if (columns === undefined) {
      if (/^\d+$/.test(codeText(cells[0] ?? ''))) {
        columns = [...POSITIONAL];
      } else {
        columns = cells.map(columnOf);
        const missing = (['code', 'name'] as const).filter((c) => !columns?.includes(c));
        if (missing.length > 0) {
          errors.push(
            errorDiagnostic(
              'REGION_LIST_HEADER',
              {
                en: `the region list's header has no ${missing.join(' or ')} column: expected code,name,parent[,short] (or 代码,名称,上级[,简称]); found ${clip(cells.join(','))}`,
                zh: `地区表的表头缺少 ${missing.map((m) => (m === 'code' ? '代码' : '名称')).join('、')} 列：应为 代码,名称,上级[,简称]（或 code,name,parent[,short]）；实为 ${clip(cells.join(','))}`,
              },
              at,
            ),
          );
          return { rows, errors, warnings };
        }
        cells.forEach((c, i) => {
          if (columns?.[i] === undefined && c.trim() !== '') {
            warnings.push(warningDiagnostic('REGION_LIST_COLUMN', { en: `column ${clip(c)} is not read (the columns read are code, name, parent, short, valid_from, valid_to)`, zh: `未读取 ${clip(c)} 列（读取的列为 代码、名称、上级、简称、启用、停用）` }, at));
          }
        });
        continue;
      }
    }
    const cell = (c: Column): string => {
      const i = columns?.indexOf(c) ?? -1;
      return i < 0 ? '' : (cells[i] ?? '');
    };
    const code = codeText(cell('code'));
    const name = clean(cell('name'));
    const parent = codeText(cell('parent'));
    const validFrom = codeText(cell('valid_from'));
    const validTo = codeText(cell('valid_to'));
    const bad = (code: string, en: string, zh: string): void => {
      errors.push(errorDiagnostic(code, { en, zh }, at));
    };
    if (!/^\d{6}$/.test(code)) {
      const stem = /^(\d{6})(000|000000)$/.exec(code)?.[1];
      const hint = stem === undefined ? '' : `: write ${stem}`;
      const hintZh = stem === undefined ? '' : `：请写作 ${stem}`;
      bad('REGION_LIST_CODE', `code ${JSON.stringify(clip(cell('code'), 40))} is not 6 digits${hint}`, `代码 ${JSON.stringify(clip(cell('code'), 40))} 不是 6 位数字${hintZh}`);
      continue;
    }
    if (name === '') {
      bad('REGION_LIST_NAME', `region ${code} has no name`, `地区 ${code} 没有名称`);
      continue;
    }
    if (parent !== '' && !/^\d{6}$/.test(parent)) {
      bad('REGION_LIST_PARENT', `the parent of ${code} ${name}, ${JSON.stringify(clip(cell('parent'), 40))}, is not a code of 6 digits`, `${code} ${name} 的上级 ${JSON.stringify(clip(cell('parent'), 40))} 不是 6 位数字代码`);
      continue;
    }
    const dates = [validFrom, validTo].filter((d) => d !== '' && !DATE.test(d));
    if (dates.length > 0) {
      bad('REGION_LIST_DATE', `${code} ${name}: ${dates.join(', ')} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`, `${code} ${name}：${dates.join('、')} 不是日期（YYYY、YYYY-MM 或 YYYY-MM-DD）`);
      continue;
    }
    if (validFrom !== '' && validTo !== '' && compareDates(validFrom, validTo) > 0) {
      bad('REGION_LIST_DATE', `${code} ${name}: in use from ${validFrom}, after it ends (${validTo})`, `${code} ${name}：启用 ${validFrom} 晚于停用 ${validTo}`);
      continue;
    }
    const row: RegionListRow = {
      line: at.line,
      code,
      name,
      ...(parent === '' ? {} : { parent }),
      short: cell('short')
        .split(SHORT_SEPARATORS)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      ...(validFrom === '' ? {} : { validFrom }),
      ...(validTo === '' ? {} : { validTo }),
    };
    const same = (seen.get(code) ?? []).find((o) => overlap(o, row));
    if (same !== undefined) {
      bad('REGION_LIST_DUPLICATE', `code ${code} is listed twice: here (${name}) and on line ${same.line} (${same.name})`, `代码 ${code} 重复：此行（${name}）与第 ${same.line} 行（${same.name}）`);
      continue;
    }
    seen.set(code, [...(seen.get(code) ?? []), row]);
    rows.push(row);
  }
  return { rows, errors, warnings };
}

/** Compares two dates at the precision of the less precise (2024 and 2024-03-01 compare equal). */
function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  return compareText(a.slice(0, n), b.slice(0, n));
}

/**
 * Do two rows of one code claim some of the same time? A rename lists a code
 * twice: the old name to the day of the change, the new one from that day.
 */
function overlap(a: Pick<RegionListRow, 'validFrom' | 'validTo'>, b: Pick<RegionListRow, 'validFrom' | 'validTo'>): boolean {
  const after = (x: typeof a, y: typeof a): boolean => x.validFrom !== undefined && y.validTo !== undefined && compareDates(x.validFrom, y.validTo) >= 0;
  return !after(a, b) && !after(b, a);
}

const RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

/**
 * The bundled table with the user's rows laid over it. Each row's parent must
 * be a region of higher level in the table or the list; without a parent, a
 * county lies in the prefecture its code names (or else the province), a
 * prefecture in its province.
 */
export function applyRegionList(base: RegionTable, list: ParsedRegionList, file: string): { table: RegionTable; errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [...list.errors];
  const warnings: Diagnostic[] = [...list.warnings];
  const listed = new Map<string, RegionListRow[]>();
  for (const r of list.rows) listed.set(r.code, [...(listed.get(r.code) ?? []), r]);
  const levelOf = (code: string): RegionLevel | undefined => {
    if (listed.has(code)) return levelOfCode(code);
    return base.recordsOf(code)[0]?.level;
  };
  const records: RegionRecord[] = base.records.filter((r) => !listed.has(r.code));
  for (const row of list.rows) {
    const at = { file, line: row.line };
    const level = levelOfCode(row.code);
    let parent = row.parent;
    if (level === 'province') {
      if (parent !== undefined) {
        errors.push(errorDiagnostic('REGION_LIST_PARENT', { en: `${row.code} ${row.name} is a province (its code ends in 0000) and lies in no other region, not in ${parent}`, zh: `${row.code} ${row.name} 是省级（代码以 0000 结尾），不属于其他地区，不应有上级 ${parent}` }, at));
        continue;
      }
    } else if (parent === undefined) {
      const prefecture = `${row.code.slice(0, 4)}00`;
      const province = `${row.code.slice(0, 2)}0000`;
      parent = level === 'county' && levelOf(prefecture) === 'prefecture' ? prefecture : province;
      if (levelOf(parent) === undefined) {
        errors.push(errorDiagnostic('REGION_LIST_PARENT', { en: `${row.code} ${row.name} has no parent, and ${level === 'county' ? `neither ${prefecture} nor ${province} is` : `${province} is not`} in the region table or this list: give its parent`, zh: `${row.code} ${row.name} 未写上级，而 ${level === 'county' ? `${prefecture} 与 ${province} 均` : province}不在地区表或本表中：请写明上级` }, at));
        continue;
      }
    }
    if (parent !== undefined) {
      const parentLevel = levelOf(parent);
      if (parentLevel === undefined) {
        errors.push(errorDiagnostic('REGION_LIST_PARENT', { en: `the parent of ${row.code} ${row.name}, ${parent}, is neither in the region table nor in this list`, zh: `${row.code} ${row.name} 的上级 ${parent} 既不在地区表中，也不在本表中` }, at));
        continue;
      }
      if (RANK[parentLevel] >= RANK[level]) {
        errors.push(errorDiagnostic('REGION_LIST_PARENT', { en: `${row.code} ${row.name} is a ${level} (by its code) and cannot lie in ${parent}, a ${parentLevel}`, zh: `${row.code} ${row.name}（按代码为${LEVEL_ZH[level]}）不能隶属于${LEVEL_ZH[parentLevel]} ${parent}` }, at));
        continue;
      }
      if (!row.code.startsWith(parent.slice(0, RANK[parentLevel] === 0 ? 2 : 4))) {
        warnings.push(warningDiagnostic('REGION_LIST_PARENT_CODE', { en: `${row.code} ${row.name} lies in ${parent} by this list, but its code does not begin as ${parent}'s: is one of them mistyped?`, zh: `本表中 ${row.code} ${row.name} 隶属于 ${parent}，但两者代码开头不一致：是否有一个写错了？` }, at));
      }
    }
    const short = [...row.short];
    for (const s of deriveShortNames(row.name)) if (!short.includes(s)) short.push(s);
    records.push({
      code: row.code,
      name: row.name,
      short: short.filter((s) => s !== row.name),
      level,
      ...(parent === undefined ? {} : { parent }),
      ...(row.validFrom === undefined ? {} : { validFrom: row.validFrom }),
      ...(row.validTo === undefined ? {} : { validTo: row.validTo }),
      source: file,
    });
  }
  const table = new RegionTable({ records, aliases: base.aliasList, changes: base.changeList, editions: base.editions, ...(base.amendedTo === undefined ? {} : { amendedTo: base.amendedTo }) });
  return { table, errors, warnings };
}

const LEVEL_ZH: Record<RegionLevel, string> = { province: '省级', prefecture: '地级', county: '县级' };
