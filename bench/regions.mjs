// node bench/regions.mjs (after `npm run build`): what the region table costs.
// - size: dist/regions.tsv on disk and gzipped (what it adds to the npm tarball);
// - load: a fresh Node process importing the loader and building the table
//   (read, unpack, index), wall and CPU milliseconds, median of RUNS processes;
//   and the same process importing nothing, for the floor;
// - memory: the heap the loaded table holds, after a full GC;
// - for scale, in the same run: the README's evaluate example, whole process
//   (the machine's speed drifts with its load; the ratio means more);
// - lookups: 3,000 distinct spellings as a national roll-up writes them (full
//   names, short names, 省市县 paths, 12-digit codes, full-width text with
//   spaces, and 1 in 20 that is no region), looked up once each (as the
//   pipeline will: once per distinct spelling) and then again 20 times warm.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const loader = join(root, 'dist', 'regions', 'load.js');
const RUNS = Number(process.env.RUNS ?? 15);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (process.argv[2] === '--child') {
  // one measured process: what loading costs, then what lookups cost
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const mode = process.argv[3];
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = cpu();
  const { loadRegionTable } = await import(loader);
  const importWall = performance.now() - t0;
  const importCpu = cpu() - c0;
  globalThis.gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const c1 = cpu();
  const table = loadRegionTable();
  const out = { importWall, importCpu, wall: performance.now() - t1, cpu: cpu() - c1 };
  globalThis.gc?.();
  out.heap = (process.memoryUsage().heapUsed - heap1) / 1048576;
  out.importHeap = (heap1 - heap0) / 1048576;
  if (mode === 'lookups') {
    const spellings = spellingsOf(table);
    const t2 = performance.now();
    const c2 = cpu();
    let found = 0;
    for (const s of spellings) found += table.lookup(s).length > 0 ? 1 : 0;
    Object.assign(out, { n: spellings.length, found, cold: performance.now() - t2, coldCpu: cpu() - c2 });
    const t3 = performance.now();
    for (let i = 0; i < 20; i++) for (const s of spellings) table.lookup(s);
    out.warm = (performance.now() - t3) / 20;
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

/** 3,000 distinct spellings of county-level regions, in the forms a national roll-up mixes. */
function spellingsOf(table) {
  const counties = table.records.filter((r) => r.level === 'county' && r.validTo === undefined && r.statistical !== true);
  const fullWidth = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  const out = new Set();
  let i = 0;
  while (out.size < 3000) {
    const r = counties[i % counties.length];
    const form = Math.floor(i / counties.length) * 7 + i;
    const path = [...table.ancestors(r.code)].reverse().map((a) => a.name).join('');
    const variants = [r.name, r.short[0] ?? r.name, `${path}${r.name}`, `${r.code}000000`, `${fullWidth(r.code)}\u3000`, ` ${r.name}\u3000`, `${path} ${r.short[0] ?? r.name}`];
    out.add(i % 20 === 19 ? `某某${i}县` : variants[form % variants.length]);
    i++;
  }
  return [...out];
}

function child(mode) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', mode], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const file = join(root, 'dist', 'regions.tsv');
const bytes = statSync(file).size;
const gz = gzipSync(readFileSync(file)).length;
/** wall ms of one process, for scale: the typical evaluate run this machine gives at this moment */
function wallOf(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: root });
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr);
  return performance.now() - t;
}
const loads = [];
const evaluates = [];
for (let i = 0; i < RUNS; i++) {
  loads.push(child('load'));
  evaluates.push(wallOf([join(root, 'bin', 'plancheck.js'), 'evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--format', 'json']));
}
const looks = Array.from({ length: 5 }, () => child('lookups'));
const m = (xs, k) => median(xs.map((x) => x[k]));
const perSecond = (ms, n) => Math.round((n / ms) * 1000).toLocaleString('en-US');
const n = looks[0].n;
console.log(`Measured by node bench/regions.mjs on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}.`);
console.log('');
console.log('| what | figure |');
console.log('|---|---|');
console.log(`| dist/regions.tsv | ${(bytes / 1024).toFixed(0)} KiB on disk, ${(gz / 1024).toFixed(0)} KiB gzipped; ${readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('r\t')).length.toLocaleString('en-US')} records |`);
console.log(`| importing dist/regions/load.js (unbundled ES modules), median of ${RUNS} processes | ${m(loads, 'importWall').toFixed(1)} ms wall, ${m(loads, 'importCpu').toFixed(1)} ms CPU |`);
console.log(`| loadRegionTable(): read, unpack, index, median of ${RUNS} processes | ${m(loads, 'wall').toFixed(1)} ms wall, ${m(loads, 'cpu').toFixed(1)} ms CPU |`);
console.log(`| for scale: \`plancheck evaluate --plan suzhou examples/suzhou-2023.csv --format json\`, the whole process, in the same run | ${median(evaluates).toFixed(0)} ms wall |`);
console.log(`| heap held by the table (after a full GC) | ${m(loads, 'heap').toFixed(2)} MiB |`);
console.log(`| ${n.toLocaleString('en-US')} distinct spellings, each looked up once (cold), median of 5 processes | ${m(looks, 'cold').toFixed(1)} ms wall (${m(looks, 'coldCpu').toFixed(1)} ms CPU): ${perSecond(m(looks, 'cold'), n)} lookups/s; ${m(looks, 'found')} found |`);
console.log(`| the same, warm (20 passes) | ${m(looks, 'warm').toFixed(1)} ms a pass: ${perSecond(m(looks, 'warm'), n)} lookups/s |`);
