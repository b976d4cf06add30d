/**
 * Build time: the editions of 统计用区划代码 (data/regions/nbs-<year>.csv) and
 * the amendments made to them from official announcements
 * (data/regions/amendments.csv) → the region table's records, code aliases
 * and changes. Pure: text in, data out; a source that contradicts itself
 * throws, and so fails the build (scripts/build-regions.mjs).
 *
 * Reading an edition: its province, city and county lists become provinces,
 * prefectures and counties; its placeholders (市辖区, 县, 省直辖县级行政区划,
 * 自治区直辖县级行政区划) are no regions, and the counties under them lie in
 * the province; a county list entry that is its prefecture (东莞市 441900 under
 * 4419) is the prefecture, and a prefecture's only county of the same name
 * (嘉峪关市 620201 under 620200) is a second code for it. Codes x71–x79 are
 * 功能区 (开发区 …): statistical units, not regions of GB/T 2260.
 *
 * Between editions: a code kept with its name is one record; a name that
 * changes under the same code, and a code that gives way to a new code of the
 * same name under the same parent, are changes (renamed, recoded); a code
 * that comes or goes is listed or removed. An edition stands for its year
 * (统计用区划代码 2023 is used for the statistics of 2023), so a record first
 * in the 2023 edition is valid from 2023, and one last in the 2022 edition
 * valid to 2022 — unless an amendment dates the change to the day.
 */
import { deriveShortNames } from './short-names.js';
import { compareText, levelOfCode, type RegionChange, type RegionChangeKind, type RegionLevel, type RegionRecord } from './model.js';

export type EditionList = 'provinces' | 'cities' | 'areas';

export interface EditionRow {
  readonly code: string;
  readonly name: string;
  readonly list: EditionList;
}

export interface Edition {
  /** `nbs-2023` */
  readonly id: string;
  readonly year: number;
  readonly rows: readonly EditionRow[];
}

export type AmendmentKind = 'established' | 'replaced' | 'renamed' | 'listed' | 'statistical';

export interface Amendment {
  readonly line: number;
  /** the day of the change (`2023-04-03`), or empty for `listed` and `statistical` entries with no date */
  readonly date: string;
  readonly kind: AmendmentKind;
  readonly code: string;
  readonly name: string;
  readonly parent?: string;
  /** replaced: the codes replaced; established: the codes it was carved out of */
  readonly from: readonly string[];
  /** renamed: the name before */
  readonly formerName?: string;
  readonly source: string;
}

export interface CompiledTable {
  readonly records: RegionRecord[];
  /** second codes for a region: [code, the region's code] */
  readonly aliases: [string, string][];
  readonly changes: RegionChange[];
  readonly editions: string[];
  /** the latest amendment's date */
  readonly amendedTo?: string;
}

const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** Splits CSV text without quotes (the data folder's files have none) into rows of cells with their line numbers. */
function csvRows(text: string, what: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || raw.startsWith('#')) return;
    if (raw.includes('"')) throw new Error(`${what}:${i + 1}: quotes are not used in this file`);
    out.push({ line: i + 1, cells: raw.split(',') });
  });
  return out;
}

export function parseEditionCsv(text: string, id: string, year: number): Edition {
  const rows = csvRows(text, id);
  const header = rows.shift();
  if (header?.cells.join(',') !== 'code,name,list') throw new Error(`${id}:1: the header is not code,name,list`);
  return {
    id,
    year,
    rows: rows.map(({ line, cells }) => {
      const [code = '', name = '', list = ''] = cells;
      if (!/^\d{6}$/.test(code) || name === '' || !['provinces', 'cities', 'areas'].includes(list)) throw new Error(`${id}:${line}: not a row of code,name,list`);
      return { code, name, list: list as EditionList };
    }),
  };
}

const AMENDMENT_COLUMNS = 'date,amendment,code,name,parent,from,former_name,source';

export function parseAmendmentsCsv(text: string, what = 'amendments.csv'): Amendment[] {
  const rows = csvRows(text, what);
  const header = rows.shift();
  if (header?.cells.join(',') !== AMENDMENT_COLUMNS) throw new Error(`${what}: the header is not ${AMENDMENT_COLUMNS}`);
  return rows.map(({ line, cells }) => {
    const [date = '', kind = '', code = '', name = '', parent = '', from = '', formerName = '', ...source] = cells;
    const at = `${what}:${line}`;
    if (!['established', 'replaced', 'renamed', 'listed', 'statistical'].includes(kind)) throw new Error(`${at}: unknown amendment ${JSON.stringify(kind)}`);
    if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${at}: the date is not YYYY-MM-DD`);
    if (date === '' && kind !== 'listed' && kind !== 'statistical') throw new Error(`${at}: a change needs its date`);
    if (!/^\d{6}$/.test(code) || name === '') throw new Error(`${at}: a code of 6 digits and a name are needed`);
    if (parent !== '' && !/^\d{6}$/.test(parent)) throw new Error(`${at}: the parent is not a code of 6 digits`);
    const fromCodes = from.split(/[ ;]+/).filter((c) => c !== '');
    if (fromCodes.some((c) => !/^\d{6}$/.test(c))) throw new Error(`${at}: from is not a list of 6-digit codes`);
    if (kind === 'replaced' && fromCodes.length === 0) throw new Error(`${at}: replaced what? (from)`);
    if (kind === 'renamed' && formerName === '') throw new Error(`${at}: renamed from what? (former_name)`);
    const text = source.join(',').trim();
    if (text === '') throw new Error(`${at}: every amendment names its source`);
    return { line, date, kind: kind as AmendmentKind, code, name, ...(parent === '' ? {} : { parent }), from: fromCodes, ...(formerName === '' ? {} : { formerName }), source: text };
  });
}

interface Entry {
  name: string;
  level: RegionLevel;
  parent?: string;
  statistical: boolean;
}

/** One edition's regions by code, and its second codes. */
function readEdition(edition: Edition): { entries: Map<string, Entry>; aliases: Map<string, string> } {
  const entries = new Map<string, Entry>();
  const aliases = new Map<string, string>();
  const provinces = new Set<string>();
  const prefectures = new Map<string, string>(); // code → name
  for (const r of edition.rows) {
    if (r.list === 'provinces') {
      provinces.add(r.code);
      entries.set(r.code, { name: r.name, level: 'province', statistical: false });
    }
  }
  for (const r of edition.rows) {
    if (r.list !== 'cities' || PLACEHOLDERS.has(r.name)) continue;
    const province = `${r.code.slice(0, 2)}0000`;
    if (!provinces.has(province)) throw new Error(`${edition.id}: ${r.code} ${r.name} lies in no province of the edition`);
    prefectures.set(r.code, r.name);
    entries.set(r.code, { name: r.name, level: 'prefecture', parent: province, statistical: false });
  }
  const areas = edition.rows.filter((r) => r.list === 'areas');
  const areasUnder = new Map<string, number>();
  for (const r of areas) areasUnder.set(`${r.code.slice(0, 4)}00`, (areasUnder.get(`${r.code.slice(0, 4)}00`) ?? 0) + 1);
  for (const r of areas) {
    const prefecture = `${r.code.slice(0, 4)}00`;
    const prefectureName = prefectures.get(prefecture);
    if (r.code === prefecture) {
      if (prefectureName !== r.name) throw new Error(`${edition.id}: county ${r.code} ${r.name} has its prefecture's code`);
      continue; // 东莞市 listed again as its own county
    }
    if (prefectureName === r.name && areasUnder.get(prefecture) === 1) {
      aliases.set(r.code, prefecture); // 嘉峪关市 620201: the prefecture's second code
      continue;
    }
    const province = `${r.code.slice(0, 2)}0000`;
    if (!provinces.has(province)) throw new Error(`${edition.id}: ${r.code} ${r.name} lies in no province of the edition`);
    entries.set(r.code, { name: r.name, level: 'county', parent: prefectureName === undefined ? province : prefecture, statistical: r.code[4] === '7' });
  }
  return { entries, aliases };
}

interface MutableRecord {
  code: string;
  name: string;
  short: string[];
  level: RegionLevel;
  parent?: string;
  validFrom?: string;
  validTo?: string;
  successors?: string[];
  predecessors?: string[];
  statistical?: boolean;
  source: string;
}

function change(date: string, kind: RegionChangeKind, code: string, name: string, from: string[], source: string, fromName?: string): RegionChange {
  return { date, kind, code, name, from, ...(fromName === undefined ? {} : { fromName }), source };
}

export function compileTable(editions: readonly Edition[], amendments: readonly Amendment[]): CompiledTable {
  if (editions.length === 0) throw new Error('no edition to build the region table from');
  const sorted = [...editions].sort((a, b) => a.year - b.year);
  const read = sorted.map(readEdition);
  const last = sorted.length - 1;
  const records: MutableRecord[] = [];
  const changes: RegionChange[] = [];
  const byCode = new Map<string, MutableRecord[]>();
  const add = (r: MutableRecord): MutableRecord => {
    records.push(r);
    const list = byCode.get(r.code);
    if (list === undefined) byCode.set(r.code, [r]);
    else list.push(r);
    return r;
  };

  // runs of editions in which a code keeps its name: one record each
  const codes = [...new Set(read.flatMap((e) => [...e.entries.keys()]))].sort();
  for (const code of codes) {
    let run: { first: number; last: number; entry: Entry } | undefined;
    const close = (): void => {
      if (run === undefined) return;
      const { first, last: end, entry } = run;
      add({
        code,
        name: entry.name,
        short: [],
        level: entry.level,
        ...(entry.parent === undefined ? {} : { parent: entry.parent }),
        ...(first > 0 ? { validFrom: String(sorted[first]?.year) } : {}),
        ...(end < last ? { validTo: String(sorted[end]?.year) } : {}),
        ...(entry.statistical ? { statistical: true } : {}),
        source: (sorted[end] as Edition).id,
      });
      run = undefined;
    };
    read.forEach((e, i) => {
      const entry = e.entries.get(code);
      if (entry !== undefined && run !== undefined && run.entry.name === entry.name && run.last === i - 1) {
        run.last = i;
        run.entry = entry;
        return;
      }
      close();
      if (entry !== undefined) run = { first: i, last: i, entry };
    });
    close();
  }

  // what changed from one edition to the next
  for (let i = 1; i <= last; i++) {
    const before = read[i - 1]?.entries as Map<string, Entry>;
    const after = read[i]?.entries as Map<string, Entry>;
    const year = String(sorted[i]?.year);
    const source = `统计用区划代码 ${sorted[i]?.year} edition (${sorted[i]?.id}) compared with ${sorted[i - 1]?.year} (${sorted[i - 1]?.id})`;
    const gone = [...before.keys()].filter((c) => !after.has(c));
    const come = [...after.keys()].filter((c) => !before.has(c));
    const matched = new Set<string>();
    for (const old of gone) {
      const o = before.get(old) as Entry;
      const successor = come.find((c) => !matched.has(c) && after.get(c)?.name === o.name && after.get(c)?.parent === o.parent);
      if (successor === undefined) {
        changes.push(change(year, 'removed', old, o.name, [], source));
        continue;
      }
      matched.add(successor);
      changes.push(change(year, 'recoded', successor, o.name, [old], source));
      const oldRecord = byCode.get(old)?.find((r) => r.validTo === String(sorted[i - 1]?.year));
      const newRecord = byCode.get(successor)?.find((r) => r.validFrom === year);
      if (oldRecord !== undefined && newRecord !== undefined) {
        oldRecord.successors = [successor];
        newRecord.predecessors = [old];
      }
    }
    for (const c of come) if (!matched.has(c)) changes.push(change(year, 'listed', c, (after.get(c) as Entry).name, [], source));
    for (const [c, e] of after) {
      const b = before.get(c);
      if (b !== undefined && b.name !== e.name) changes.push(change(year, 'renamed', c, e.name, [c], source, b.name));
    }
  }

  const aliases = new Map<string, string>();
  for (const e of read) for (const [a, c] of e.aliases) aliases.set(a, c);

  applyAmendments(amendments, { records, byCode, changes, add });

  for (const r of records) if (r.statistical !== true) r.short = deriveShortNames(r.name);
  checkTable(records, byCode);
  for (const [a, c] of aliases) {
    if (byCode.has(a)) throw new Error(`code ${a} is both a region and a second code of ${c}`);
    if (!byCode.has(c)) throw new Error(`second code ${a} stands for ${c}, which is not in the table`);
  }

  records.sort((a, b) => (a.code === b.code ? compareText(a.validTo ?? '9999', b.validTo ?? '9999') : a.code < b.code ? -1 : 1));
  changes.sort((a, b) => compareText(a.date, b.date) || compareText(a.code, b.code));
  const dates = amendments.map((a) => a.date).filter((d) => d !== '').sort();
  return {
    records,
    aliases: [...aliases].sort((a, b) => compareText(a[0], b[0])),
    changes,
    editions: sorted.map((e) => e.id),
    ...(dates.length > 0 ? { amendedTo: dates[dates.length - 1] as string } : {}),
  };
}

interface Building {
  records: MutableRecord[];
  byCode: Map<string, MutableRecord[]>;
  changes: RegionChange[];
  add: (r: MutableRecord) => MutableRecord;
}

/** The record a code has now (no end), or undefined. */
function current(b: Building, code: string): MutableRecord | undefined {
  return b.byCode.get(code)?.find((r) => r.validTo === undefined);
}

/** The record a code had last (the one in use, or else the one that ended last). */
function latest(b: Building, code: string): MutableRecord | undefined {
  const list = b.byCode.get(code) ?? [];
  return current(b, code) ?? [...list].sort((x, y) => compareText(y.validTo ?? '', x.validTo ?? ''))[0];
}

/** Drops the edition-derived changes that an amendment states better. */
function dropDerived(b: Building, codes: readonly string[]): void {
  for (let i = b.changes.length - 1; i >= 0; i--) {
    const c = b.changes[i] as RegionChange;
    if (codes.includes(c.code) && (c.kind === 'listed' || c.kind === 'removed')) b.changes.splice(i, 1);
  }
}

function applyAmendments(amendments: readonly Amendment[], b: Building): void {
  for (const a of amendments) {
    const at = `amendments.csv:${a.line}`;
    for (const f of a.from) if (!b.byCode.has(f)) throw new Error(`${at}: ${f} (from) is in no edition`);
    if (a.parent !== undefined && !b.byCode.has(a.parent)) throw new Error(`${at}: parent ${a.parent} is not in the table`);
    const present = current(b, a.code);
    switch (a.kind) {
      case 'statistical': {
        const list = b.byCode.get(a.code);
        if (list === undefined || !list.some((r) => r.name === a.name)) throw new Error(`${at}: ${a.code} ${a.name} is in no edition`);
        for (const r of list) r.statistical = true;
        break;
      }
      case 'listed':
      case 'established':
      case 'replaced': {
        if (a.kind === 'listed' && b.byCode.has(a.code)) throw new Error(`${at}: ${a.code} is in the editions already`);
        let r = present;
        if (r !== undefined && r.name !== a.name) throw new Error(`${at}: ${a.code} is ${r.name} in the editions, not ${a.name}`);
        if (r === undefined) {
          const level = levelOfCode(a.code);
          if (level !== 'province' && a.parent === undefined) throw new Error(`${at}: a new ${level} needs its parent`);
          r = b.add({ code: a.code, name: a.name, short: [], level, ...(a.parent === undefined ? {} : { parent: a.parent }), source: 'amendment' });
        } else if (a.parent !== undefined && r.parent !== a.parent) {
          throw new Error(`${at}: ${a.code} lies in ${r.parent ?? 'no region'} in the editions, not ${a.parent}`);
        }
        if (a.date !== '') r.validFrom = a.date;
        else delete r.validFrom;
        if (a.kind === 'replaced') {
          r.predecessors = [...a.from];
          for (const f of a.from) {
            const old = latest(b, f);
            if (old === undefined) throw new Error(`${at}: ${f} has no record to end`);
            old.validTo = a.date;
            old.successors = [a.code];
          }
        }
        dropDerived(b, [a.code, ...(a.kind === 'replaced' ? a.from : [])]);
        const kind: RegionChangeKind = a.kind === 'replaced' ? 'replaced' : a.kind === 'listed' ? 'listed' : 'established';
        b.changes.push(change(a.date, kind, a.code, a.name, [...a.from], a.source));
        break;
      }
      case 'renamed': {
        const list = b.byCode.get(a.code) ?? [];
        const before = list.find((r) => r.name === a.formerName);
        if (before === undefined) throw new Error(`${at}: ${a.code} was never named ${a.formerName ?? ''} in the editions`);
        let after = list.find((r) => r.name === a.name);
        if (after === undefined) {
          if (before.validTo !== undefined) throw new Error(`${at}: ${a.code} ${a.formerName ?? ''} ended before it was renamed`);
          after = b.add({ ...before, name: a.name, short: [], source: 'amendment' });
          delete after.validTo;
        }
        before.validTo = a.date;
        after.validFrom = a.date;
        for (let i = b.changes.length - 1; i >= 0; i--) if (b.changes[i]?.code === a.code && b.changes[i]?.kind === 'renamed') b.changes.splice(i, 1);
        b.changes.push(change(a.date, 'renamed', a.code, a.name, [a.code], a.source, a.formerName));
        break;
      }
    }
  }
}

const RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

function checkTable(records: readonly MutableRecord[], byCode: Map<string, MutableRecord[]>): void {
  for (const r of records) {
    if (r.parent !== undefined) {
      const parents = byCode.get(r.parent);
      if (parents === undefined) throw new Error(`${r.code} ${r.name}: parent ${r.parent} is not in the table`);
      if (parents.some((p) => RANK[p.level] >= RANK[r.level])) throw new Error(`${r.code} ${r.name}: parent ${r.parent} is not of a higher level`);
    } else if (r.level !== 'province') {
      throw new Error(`${r.code} ${r.name}: a ${r.level} without a parent`);
    }
  }
  for (const [code, list] of byCode) {
    const open = list.filter((r) => r.validTo === undefined);
    if (open.length > 1) throw new Error(`${code}: ${open.map((r) => r.name).join(' and ')} are both in use`);
  }
}
