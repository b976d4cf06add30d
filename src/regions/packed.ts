/**
 * The region table as the package ships it (dist/regions.tsv, written by the
 * build): one line a record, second code or change, tab-separated, lists
 * within a field separated by `|`. Plain text keeps it small, quick to read
 * (split, no parser) and readable in a diff.
 *
 *   plancheck-regions  1  <editions>  <amended to>
 *   r  code  name  level(p|f|c)  parent  short|short  validFrom  validTo  successors  predecessors  s(tatistical)  source (empty: the newest edition)
 *   a  code  region's code
 *   c  date  kind  code  name  from  fromName  source
 */
import type { CompiledTable } from './compile.js';
import type { RegionChange, RegionChangeKind, RegionLevel, RegionRecord } from './model.js';

const MAGIC = 'plancheck-regions';
const VERSION = '1';
const LEVEL_LETTER: Record<RegionLevel, string> = { province: 'p', prefecture: 'f', county: 'c' };
const LETTER_LEVEL: Record<string, RegionLevel> = { p: 'province', f: 'prefecture', c: 'county' };

const list = (xs: readonly string[] | undefined): string => (xs ?? []).join('|');
const unlist = (s: string): string[] => (s === '' ? [] : s.split('|'));

export function packTable(t: CompiledTable): string {
  const lines = [[MAGIC, VERSION, t.editions.join(' '), t.amendedTo ?? ''].join('\t')];
  const newest = t.editions[t.editions.length - 1];
  for (const r of t.records) {
    if (r.source === undefined && newest !== undefined) throw new Error(`${r.code} ${r.name} has no source`);
    const source = r.source === newest ? '' : (r.source ?? '');
    lines.push(['r', r.code, r.name, LEVEL_LETTER[r.level], r.parent ?? '', list(r.short), r.validFrom ?? '', r.validTo ?? '', list(r.successors), list(r.predecessors), r.statistical === true ? 's' : '', source].join('\t'));
  }
  for (const [a, c] of t.aliases) lines.push(['a', a, c].join('\t'));
  for (const c of t.changes) lines.push(['c', c.date, c.kind, c.code, c.name, list(c.from), c.fromName ?? '', c.source].join('\t'));
  return `${lines.join('\n')}\n`;
}

export function unpackTable(text: string): CompiledTable {
  const lines = text.split('\n');
  const head = (lines[0] ?? '').split('\t');
  if (head[0] !== MAGIC || head[1] !== VERSION) throw new Error(`not a region table of version ${VERSION}`);
  const editions = (head[2] ?? '').split(' ').filter((e) => e !== '');
  const newest = editions[editions.length - 1];
  const records: RegionRecord[] = [];
  const aliases: [string, string][] = [];
  const changes: RegionChange[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const f = line.split('\t');
    const at = (k: number): string => f[k] ?? '';
    switch (f[0]) {
      case 'r': {
        const level = LETTER_LEVEL[at(3)];
        if (level === undefined) throw new Error(`region table line ${i + 1}: unknown level`);
        const r: { -readonly [K in keyof RegionRecord]: RegionRecord[K] } = { code: at(1), name: at(2), short: unlist(at(5)), level };
        if (at(4) !== '') r.parent = at(4);
        if (at(6) !== '') r.validFrom = at(6);
        if (at(7) !== '') r.validTo = at(7);
        if (at(8) !== '') r.successors = unlist(at(8));
        if (at(9) !== '') r.predecessors = unlist(at(9));
        if (at(10) === 's') r.statistical = true;
        const source = at(11) === '' ? newest : at(11);
        if (source !== undefined) r.source = source;
        records.push(r);
        break;
      }
      case 'a':
        aliases.push([at(1), at(2)]);
        break;
      case 'c':
        changes.push({ date: at(1), kind: at(2) as RegionChangeKind, code: at(3), name: at(4), from: unlist(at(5)), ...(at(6) === '' ? {} : { fromName: at(6) }), source: at(7) });
        break;
      default:
        throw new Error(`region table line ${i + 1}: unknown kind of line`);
    }
  }
  return { records, aliases, changes, editions, ...(head[3] ? { amendedTo: head[3] } : {}) };
}
