// Deterministic benchmark data: a long-form monthly CSV for a whole province.
// usage: node bench/generate.mjs ROWS OUT.csv [PLANS_DIR]
// Regions: 2,800 county-level units with made-up codes, plus the regions of
// the plans in PLANS_DIR; measurements: every name those plans declare;
// periods: months from January 2024, as many as the row count needs. Seeded, so the
// same ROWS always gives the same bytes.
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const rows = Number(process.argv[2] ?? 10000);
const out = process.argv[3] ?? 'bench/out/data.csv';
const plansDir = process.argv[4] ?? 'plans';

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(20261122);

// the same name as plancheck matches it: width, spaces, quotes, case and a trailing (unit) do not count
const key = (s) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[“”"‘’']/g, '').toLowerCase().replace(/\([^()]*\)$/, '');
const names = new Map(); // name → unit, every plan's
const byRegion = new Map(); // a plan region → the names its plans declare, one per matching key
for (const f of readdirSync(plansDir).filter((x) => x.endsWith('.yaml')).sort()) {
  const plan = parse(readFileSync(join(plansDir, f), 'utf8'));
  const own = byRegion.get(plan.region.name) ?? new Map();
  for (const m of [...(plan.indicators ?? []), ...(plan.measurements ?? [])]) {
    if (!names.has(m.name)) names.set(m.name, m.unit);
    if (![...own.keys()].some((k) => k === key(m.name))) own.set(key(m.name), [m.name, m.unit]);
  }
  byRegion.set(plan.region.name, own);
}
const regions = [...byRegion.keys()];
for (let i = 0; i < 2800; i++) regions.push(`县${String(i + 1).padStart(4, '0')}`);
const measures = [...names];
const perMonth = regions.length * measures.length;

const stream = createWriteStream(out);
let buf = 'region,period,indicator,value,unit\n';
let i = 0;
for (let j = 0; i < rows; j++) {
  const k = j % perMonth;
  const month = Math.floor(j / perMonth) + 1;
  const region = regions[k % regions.length];
  let [name, unit] = measures[Math.floor(k / regions.length)];
  // a plan's region reports its plans' own names; another plan's name may mean the same thing
  const own = byRegion.get(region);
  if (own) {
    const mine = [...own.values()];
    [name, unit] = mine[Math.floor(k / regions.length) % mine.length];
    if (Math.floor(k / regions.length) >= mine.length) continue;
  }
  // yes/no indicators are written 是/否 or 是否 in the plans
  const value = /^是\/?否$/.test(unit) ? (random() < 0.9 ? '是' : '否') : unit === '%' ? (50 + random() * 50).toFixed(1) : unit.includes('元') ? String(800 + Math.floor(random() * 2000)) : String(Math.floor(random() * 5000));
  const needsQuotes = name.includes(',') || name.includes('"');
  buf += `${region},${2024 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')},${needsQuotes ? `"${name.replace(/"/g, '""')}"` : name},${value},${unit}\n`;
  i++;
  if (buf.length > 1 << 20) {
    if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r));
    buf = '';
  }
}
stream.end(buf);
await new Promise((r) => stream.on('finish', r));
console.error(`${out}: ${rows} rows, ${regions.length} regions, ${measures.length} measurements, ${Math.ceil(rows / perMonth)} month(s)`);
