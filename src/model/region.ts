/**
 * Place, resolved once. A region cell may name a region by its code
 * (`320500`, the 12-digit 统计用区划代码 `320500000000`), its name (`苏州市`),
 * a short name (`苏州`, `楚雄州`, `楚雄`), an alias the plan lists, or its name
 * after its province and city (`江苏省苏州市`, `江苏省苏州市太仓市`), in any
 * width or spacing (an ideographic space after `苏州市`, `３２０５００`). The resolver turns each
 * spelling into one identity — the region's code — or says it is another
 * region; every step after the reader (routing, binding, conflicts,
 * completeness) works on that identity, never on the spelling.
 *
 * Each distinct spelling is resolved once and remembered. Pure.
 */

/** A region plancheck knows: a plan's own region, or one of a region table's. */
export interface RegionEntry {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** the names of the regions it lies in (province, city), when known: they may prefix its name */
  readonly within?: readonly string[];
}

export type ResolvedRegion =
  | { readonly kind: 'known'; readonly code: string; readonly name: string }
  /** another region: `key` is the spelling normalised, so that spellings of it count together */
  | { readonly kind: 'other'; readonly key: string; readonly written: string };

/** Whitespace (any width), quotes and width forms do not matter. */
export function regionKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’']/g, '')
    .toLowerCase();
}

/** The 6-digit code a written code stands for: `320500`, `320500000000`, `320500000`; undefined for anything else. */
export function codeOf(key: string): string | undefined {
  if (/^\d{6}$/.test(key)) return key;
  if (/^\d{9}$|^\d{12}$/.test(key) && /^0+$/.test(key.slice(6))) return key.slice(0, 6);
  return undefined;
}

/** The 55 ethnic groups that name autonomous regions, prefectures and counties. */
const ETHNIC =
  '(?:蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族?';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:${ETHNIC})+自治(州|县|旗|区)$`);

/**
 * The short names a region is also written by: 苏州市 → 苏州; 楚雄彝族自治州 →
 * 楚雄州, 楚雄; 新疆维吾尔自治区 → 新疆; 江苏省 → 江苏. A short name is at least two
 * characters (吴中区 keeps its 区: 吴中 is not said).
 */
export function shortNames(name: string): string[] {
  const out: string[] = [];
  const auto = AUTONOMOUS.exec(name);
  if (auto) {
    const base = auto[1] as string;
    const kind = auto[2] as string;
    if (kind === '州' || kind === '县' || kind === '旗') out.push(base + kind);
    out.push(base);
    return out.filter((s) => s.length >= 2);
  }
  const m = /^(.{2,}?)(省|市|特别行政区|地区|盟)$/.exec(name);
  if (m) out.push(m[1] as string);
  return out;
}

/** A run of names ending in the words regions are named with: the province and city before a name. */
const PREFIX_CHAIN = /^(?:[\u4e00-\u9fff]{2,}?(?:省|自治区|特别行政区|市|地区|盟|州))+$/u;

export class RegionResolver {
  private readonly exact = new Map<string, RegionEntry>();
  private readonly byCode = new Map<string, RegionEntry>();
  /** full names, aliases and short names, longest first (for a prefixed spelling) */
  private readonly endings: { readonly key: string; readonly entry: RegionEntry }[] = [];
  private readonly cache = new Map<string, ResolvedRegion>();

  constructor(regions: readonly RegionEntry[]) {
    for (const r of regions) {
      this.byCode.set(r.code, r);
      const keys = new Set([r.name, ...r.aliases, ...shortNames(r.name)].map(regionKey));
      for (const k of keys) {
        if (k === '') continue;
        const prev = this.exact.get(k);
        // a spelling two different regions share is no one's (resolved by code or full name only)
        if (prev && prev.code !== r.code) this.exact.set(k, AMBIGUOUS);
        else this.exact.set(k, r);
        this.endings.push({ key: k, entry: r });
      }
    }
    this.endings.sort((a, b) => b.key.length - a.key.length);
  }

  /** The region a cell names: a known region by code, or another region. */
  resolve(written: string): ResolvedRegion {
    const hit = this.cache.get(written);
    if (hit) return hit;
    const r = this.lookup(written);
    this.cache.set(written, r);
    return r;
  }

  private lookup(written: string): ResolvedRegion {
    const key = regionKey(written);
    const other: ResolvedRegion = { kind: 'other', key, written: written.trim() };
    const code = codeOf(key);
    if (code !== undefined) {
      const e = this.byCode.get(code);
      return e ? known(e) : { kind: 'other', key: code, written: written.trim() };
    }
    const e = this.exact.get(key);
    if (e && e !== AMBIGUOUS) return known(e);
    // a name after its province and city: 江苏省苏州市, 江苏省苏州市太仓市
    for (const { key: ending, entry } of this.endings) {
      if (key.length <= ending.length || !key.endsWith(ending)) continue;
      const prefix = key.slice(0, key.length - ending.length);
      if (!PREFIX_CHAIN.test(prefix)) continue;
      if (entry.within !== undefined && !prefixIsWithin(prefix, entry.within)) continue;
      return known(entry);
    }
    return other;
  }
}

const AMBIGUOUS: RegionEntry = { code: '', name: '', aliases: [] };

function known(e: RegionEntry): ResolvedRegion {
  return { kind: 'known', code: e.code, name: e.name };
}

/** Every name in the prefix is one of the regions the entry lies in (by full or short name). */
function prefixIsWithin(prefix: string, within: readonly string[]): boolean {
  const names = within.flatMap((n) => [n, ...shortNames(n)]).map(regionKey).sort((a, b) => b.length - a.length);
  let rest = prefix;
  while (rest.length > 0) {
    const n = names.find((x) => rest.startsWith(x));
    if (n === undefined) return false;
    rest = rest.slice(n.length);
  }
  return true;
}
