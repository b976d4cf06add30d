/**
 * Looking regions up: a written region (a code in any of its forms, a full
 * name, a short name, a name with its province and city before it, in
 * full-width characters or with spaces) → the regions it can mean, best
 * first. Pure: the table is built from records; load.ts reads them.
 *
 * Never a guess: a spelling that fits several regions (朝阳区 in Beijing and in
 * Changchun) gives them all, and `within` narrows them; a spelling that fits
 * none gives none; a code and a name written together must agree.
 */
import { codeOf, normalizeWritten } from './normalize.js';
import { compareText, validInYear, type RegionChange, type RegionLevel, type RegionRecord } from './model.js';

export interface LookupOptions {
  /** a code (any accepted form) of the region the result must lie in, or be */
  readonly within?: string;
  /** the year the data is of: only regions in use in that year */
  readonly year?: number;
}

/** How a written region matched: by its code, full name, a short name, or a path of names (江苏省苏州市). */
export type MatchKind = 'code' | 'name' | 'path' | 'short';

export interface RegionMatch {
  readonly record: RegionRecord;
  readonly by: MatchKind;
  /** whether the record was in use in `year` (true without a year) */
  readonly inYear: boolean;
}

interface NameEntry {
  readonly record: RegionRecord;
  readonly by: 'name' | 'short';
}

const KIND_RANK: Record<MatchKind, number> = { code: 0, name: 1, path: 2, short: 3 };
const LEVEL_RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

/** Placeholders an edition puts between a province and its counties, skipped in a path (北京市市辖区东城区). */
const SKIPPABLE = ['市辖区', '省直辖县级行政区划', '自治区直辖县级行政区划', '省直辖县级行政单位'];

/** Written regions longer than this are no path of names, and longer than MAX_WRITTEN no region at all (a cell of a million characters). */
const MAX_PATH = 64;
const MAX_WRITTEN = 200;

function better(a: RegionMatch, b: RegionMatch): number {
  return (
    Number(b.inYear) - Number(a.inYear) ||
    KIND_RANK[a.by] - KIND_RANK[b.by] ||
    Number(a.record.validTo !== undefined) - Number(b.record.validTo !== undefined) ||
    LEVEL_RANK[a.record.level] - LEVEL_RANK[b.record.level] ||
    Number(a.record.statistical === true) - Number(b.record.statistical === true) ||
    compareText(a.record.code, b.record.code) ||
    compareText(b.record.validTo ?? '9999', a.record.validTo ?? '9999')
  );
}

export interface RegionTableData {
  readonly records: readonly RegionRecord[];
  readonly aliases?: readonly (readonly [string, string])[];
  readonly changes?: readonly RegionChange[];
  readonly editions?: readonly string[];
  readonly amendedTo?: string;
}

export class RegionTable {
  readonly records: readonly RegionRecord[];
  readonly changeList: readonly RegionChange[];
  readonly editions: readonly string[];
  readonly amendedTo: string | undefined;
  private readonly codes = new Map<string, RegionRecord[]>();
  private readonly names = new Map<string, NameEntry[]>();
  private kidsIndex: Map<string, RegionRecord[]> | undefined;
  private readonly aliases: ReadonlyMap<string, string>;

  /** Second codes: [code, the code of the region it stands for] (嘉峪关市 620201 → 620200). */
  get aliasList(): [string, string][] {
    return [...this.aliases];
  }

  constructor(data: RegionTableData) {
    this.records = data.records;
    this.changeList = data.changes ?? [];
    this.editions = data.editions ?? [];
    this.amendedTo = data.amendedTo;
    this.aliases = new Map(data.aliases ?? []);
    const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => {
      const list = m.get(k);
      if (list === undefined) m.set(k, [v]);
      else list.push(v);
    };
    for (const r of data.records) {
      push(this.codes, r.code, r);
      push(this.names, normalizeWritten(r.name), { record: r, by: 'name' });
      for (const s of r.short) push(this.names, normalizeWritten(s), { record: r, by: 'short' });
    }
    // a code's records: the one in use first, then the latest to end
    for (const list of this.codes.values()) if (list.length > 1) list.sort((a, b) => compareText(b.validTo ?? '9999', a.validTo ?? '9999'));
  }

  /** The regions `written` can mean, best first; empty when none. With `year`, only those in use that year. */
  lookup(written: string, options: LookupOptions = {}): RegionRecord[] {
    const all = this.match(written, options);
    return (options.year === undefined ? all : all.filter((m) => m.inYear)).map((m) => m.record);
  }

  /**
   * Every region `written` can mean, best first, with how it matched and
   * whether it was in use in `year` — also the ones that were not (米林县 in
   * 2024 data: it became 米林市 on 2023-04-03), for a message that says so.
   */
  match(written: string, options: LookupOptions = {}): RegionMatch[] {
    let within: string | undefined;
    if (options.within !== undefined) {
      within = codeOf(normalizeWritten(options.within));
      if (within === undefined || this.recordsOf(within).length === 0) return [];
    }
    const n = normalizeWritten(written);
    if (n.length > MAX_WRITTEN) return [];
    const found = this.find(n, 0);
    const best = new Map<RegionRecord, RegionMatch>();
    for (const { record, by } of found) {
      if (within !== undefined && !this.contains(within, record.code)) continue;
      const m: RegionMatch = { record, by, inYear: options.year === undefined || validInYear(record, options.year) };
      const had = best.get(record);
      if (had === undefined || better(m, had) < 0) best.set(record, m);
    }
    return [...best.values()].sort(better);
  }

  /** The record under `code` (any accepted form) — the one in use, or in use in `year`; undefined when none. */
  byCode(code: string, year?: number): RegionRecord | undefined {
    const c = codeOf(normalizeWritten(code));
    if (c === undefined) return undefined;
    const list = this.recordsOf(c);
    return year === undefined ? list[0] : list.find((r) => validInYear(r, year));
  }

  /** Every record a code has had (a rename leaves two), the one in use first; a second code gives its region's. */
  recordsOf(code: string): readonly RegionRecord[] {
    return this.codes.get(code) ?? this.codes.get(this.aliases.get(code) ?? '') ?? [];
  }

  /**
   * The regions directly under `code`; with `level`, every region of that
   * level anywhere under it (the counties of a province, through its
   * prefectures). Regions in use, or in use in `year`; statistical units
   * (开发区 …) only with `statistical: true`.
   */
  children(code: string, level?: RegionLevel, options: { year?: number; statistical?: boolean } = {}): RegionRecord[] {
    const c = codeOf(normalizeWritten(code));
    if (c === undefined) return [];
    const keep = (r: RegionRecord): boolean =>
      (options.statistical === true || r.statistical !== true) && (options.year === undefined ? r.validTo === undefined : validInYear(r, options.year));
    const out: RegionRecord[] = [];
    const seen = new Set<string>();
    const walk = (parent: string): void => {
      for (const r of this.kids().get(parent) ?? []) {
        if ((level === undefined || r.level === level) && keep(r)) out.push(r);
        // a code's earlier records have the same children: walk each code once
        if (level !== undefined && LEVEL_RANK[r.level] < LEVEL_RANK[level] && !seen.has(r.code)) {
          seen.add(r.code);
          walk(r.code);
        }
      }
    };
    walk(this.recordsOf(c)[0]?.code ?? c);
    return out.sort((a, b) => compareText(a.code, b.code));
  }

  /** The regions `code` lies in, nearest first (吴中区 → 苏州市, 江苏省). */
  ancestors(code: string): RegionRecord[] {
    const out: RegionRecord[] = [];
    let r = this.byCode(code);
    for (let depth = 0; r?.parent !== undefined && depth < 4; depth++) {
      const p = this.recordsOf(r.parent)[0];
      if (p === undefined) break;
      out.push(p);
      r = p;
    }
    return out;
  }

  /** Whether the region `code` is the region `outer` or lies in it (codes of 6 digits). */
  contains(outer: string, code: string): boolean {
    const target = this.recordsOf(outer)[0]?.code ?? outer;
    let c: string | undefined = this.recordsOf(code)[0]?.code ?? code;
    for (let depth = 0; c !== undefined && depth < 5; depth++) {
      if (c === target) return true;
      c = this.recordsOf(c)[0]?.parent;
    }
    return false;
  }

  /** The recorded changes, oldest first; with `code`, those that made or ended that code. */
  changes(code?: string): RegionChange[] {
    const c = code === undefined ? undefined : codeOf(normalizeWritten(code));
    return this.changeList.filter((x) => c === undefined || x.code === c || x.from.includes(c));
  }

  /** Records by their parent's code, made on the first call of children(): a lookup does not need it. */
  private kids(): Map<string, RegionRecord[]> {
    if (this.kidsIndex === undefined) {
      this.kidsIndex = new Map();
      for (const r of this.records) {
        if (r.parent === undefined) continue;
        const list = this.kidsIndex.get(r.parent);
        if (list === undefined) this.kidsIndex.set(r.parent, [r]);
        else list.push(r);
      }
    }
    return this.kidsIndex;
  }

  private find(n: string, depth: number): { record: RegionRecord; by: MatchKind }[] {
    if (n === '' || depth > 2) return [];
    const code = codeOf(n);
    if (code !== undefined) return this.recordsOf(code).map((record) => ({ record, by: 'code' as const }));
    // a code and a name together (320506吴中区, 吴中区320506): both must name the region
    const mixed = /^(\d{6}(?:\d{3}){0,2})(\D.*)$/.exec(n) ?? /^(\D.*?)(\d{6}(?:\d{3}){0,2})$/.exec(n);
    if (mixed !== null) {
      const [a, b] = [mixed[1] as string, mixed[2] as string];
      const [digits, words] = /^\d/.test(a) ? [a, b] : [b, a];
      const c = codeOf(digits);
      if (c === undefined) return [];
      const named = new Set(this.find(words, depth + 1).map((m) => m.record));
      return this.recordsOf(c)
        .filter((r) => named.has(r))
        .map((record) => ({ record, by: 'code' as const }));
    }
    const direct = this.names.get(n);
    if (direct !== undefined) return direct;
    // a qualifier in brackets: 朝阳区(北京)
    const qualified = /^(.+)\(([^()]+)\)$/.exec(n);
    if (qualified !== null) {
      const outers = this.find(qualified[2] as string, depth + 1).map((m) => m.record.code);
      return this.find(qualified[1] as string, depth + 1).filter((m) => outers.some((o) => this.contains(o, m.record.code)));
    }
    return n.length <= MAX_PATH ? this.path(n, undefined, 0) : [];
  }

  /** `n` read as names from the outermost region inwards, each lying in the one before (江苏省苏州市吴中区, 江苏太仓市). */
  private path(n: string, outer: RegionRecord | undefined, depth: number): { record: RegionRecord; by: MatchKind }[] {
    const out: { record: RegionRecord; by: MatchKind }[] = [];
    const inside = (r: RegionRecord): boolean => outer === undefined || (r.code !== outer.code && this.contains(outer.code, r.code));
    if (outer !== undefined) {
      for (const e of this.names.get(n) ?? []) if (inside(e.record)) out.push({ record: e.record, by: 'path' });
    }
    if (depth >= 3) return out;
    for (let i = 1; i < n.length; i++) {
      const head = n.slice(0, i);
      const rest = n.slice(i);
      if (outer !== undefined && SKIPPABLE.includes(head)) {
        out.push(...this.path(rest, outer, depth + 1));
        continue;
      }
      for (const e of this.names.get(head) ?? []) if (inside(e.record)) out.push(...this.path(rest, e.record, depth + 1));
    }
    return out;
  }
}
