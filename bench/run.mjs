// npm run bench: generate seeded data (10k, 1M and 5M rows over 2,800+
// regions, every bundled plan's measurements, a few months), then measure in
// the same run: `cat` of the file, the raw papaparse parse (the floor), and
// `plancheck evaluate` against every bundled plan with JSON output to
// /dev/null; medians, ratios and peak RSS. Writes bench/RESULTS.md.
// Sizes can be narrowed: BENCH_SIZES=10000,1000000 npm run bench
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// generated data is kept between runs, under a key of what it is made from
// (the plans and the generators): a plan that changes never meets stale data
const key = createHash('sha256');
for (const f of readdirSync(join(root, 'plans')).sort()) key.update(f).update(readFileSync(join(root, 'plans', f)));
for (const f of ['generate.mjs', 'xlsx-make.mjs']) key.update(readFileSync(join(root, 'bench', f)));
const out = join(root, 'bench', 'out', key.digest('hex').slice(0, 12));
mkdirSync(out, { recursive: true });
const sizes = (process.env.BENCH_SIZES ?? '10000,1000000,5000000').split(',').map(Number);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** wall seconds and peak RSS (MiB) of one run of a shell command */
function once(cmd) {
  const wrapped = TIME ? `${TIME} -f '__RSS__%M' sh -c ${JSON.stringify(cmd)}` : cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', wrapped], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const m = /__RSS__(\d+)/.exec(r.stderr ?? '');
  return { wall, rss: m ? Number(m[1]) / 1024 : NaN };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(cmd, runs) {
  once(cmd); // warm-up: file in the page cache, code compiled
  const rs = Array.from({ length: runs }, () => once(cmd));
  return { wall: median(rs.map((r) => r.wall)), rss: Math.max(...rs.map((r) => r.rss)) };
}

const bin = join(root, 'bin', 'plancheck.js');
const plans = join(root, 'plans');
const rows = [];
for (const n of sizes) {
  const file = join(out, `${n}.csv`);
  if (!existsSync(file)) spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), String(n), file, plans], { stdio: 'inherit' });
  const runs = n >= 5_000_000 ? 3 : 5;
  const cat = measure(`cat ${file} > /dev/null`, runs);
  const raw = measure(`${process.execPath} ${join(root, 'bench', 'raw-parse.mjs')} ${file} step > /dev/null`, runs);
  const pc = measure(`${process.execPath} ${bin} evaluate --plan ${plans} --format json ${file} > /dev/null 2>&1`, runs);
  const mb = statSync(file).size / 1048576;
  rows.push({ n, mb, cat, raw, pc });
  console.error(`${n} rows: cat ${cat.wall.toFixed(3)} s, raw parse ${raw.wall.toFixed(3)} s, plancheck ${pc.wall.toFixed(3)} s (${(pc.wall / raw.wall).toFixed(2)}x), peak ${pc.rss.toFixed(0)} MiB`);
}

// workbooks: the same 100,000 rows as CSV and as .xlsx (title row above the header), evaluated alike
const wbRows = 100_000;
const wbCsv = join(out, `${wbRows}.csv`);
const wbXlsx = join(out, `${wbRows}.xlsx`);
if (!existsSync(wbCsv)) spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), String(wbRows), wbCsv, plans], { stdio: 'inherit' });
if (!existsSync(wbXlsx)) spawnSync(process.execPath, [join(root, 'bench', 'xlsx-make.mjs'), wbCsv, wbXlsx], { stdio: 'inherit' });
const wb = {
  csv: measure(`${process.execPath} ${bin} evaluate --plan ${plans} --format json ${wbCsv} > /dev/null 2>&1`, 5),
  xlsx: measure(`${process.execPath} ${bin} evaluate --plan ${plans} --format json ${wbXlsx} > /dev/null 2>&1`, 5),
};
console.error(`workbook ${wbRows} rows: CSV ${wb.csv.wall.toFixed(3)} s, xlsx ${wb.xlsx.wall.toFixed(3)} s (${(wb.xlsx.wall / wb.csv.wall).toFixed(2)}x), peak ${wb.xlsx.rss.toFixed(0)} MiB`);
// the library comparison (bench/XLSX-LIBRARIES.md); BENCH_XLSX_LIBS=0 skips it
if (process.env.BENCH_XLSX_LIBS !== '0') spawnSync(process.execPath, [join(root, 'bench', 'xlsx-libs.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });

// start-up: a typical single-plan run against node -e 0
const example = existsSync(join(root, 'examples', 'suzhou-2023.csv')) ? ['suzhou', join(root, 'examples', 'suzhou-2023.csv')] : undefined;
const nodeZero = measure(`${process.execPath} -e 0`, 15);
const startup = example ? measure(`${process.execPath} ${bin} evaluate --plan ${example[0]} ${example[1]} --format json > /dev/null`, 15) : undefined;

// report: the mid-term/final evaluation through the same pipeline as evaluate, on the same 1M-row file
// (one plan, every year in the data): at most 1.5× evaluate's time and memory
const oneM = rows.find((r) => r.n === 1_000_000);
let report;
if (oneM) {
  const file1m = join(out, '1000000.csv');
  report = {
    evaluate: measure(`${process.execPath} ${bin} evaluate --plan suzhou --format json ${file1m} > /dev/null 2>&1`, 5),
    report: measure(`${process.execPath} ${bin} report --plan suzhou --format json ${file1m} > /dev/null 2>&1`, 5),
  };
  console.error(`report 1M rows: ${report.report.wall.toFixed(3)} s, ${report.report.rss.toFixed(0)} MiB; evaluate ${report.evaluate.wall.toFixed(3)} s, ${report.evaluate.rss.toFixed(0)} MiB`);
}

// pandas, if this machine has it (any python3 on the PATH, or Debian's python3-pandas): what an analyst would use instead
let pandas;
let pandasPython;
for (const py of ['python3', '/usr/bin/python3']) {
  const r = spawnSync(py, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  if (r.status === 0) {
    pandasPython = { py, version: r.stdout.trim() };
    break;
  }
}
const big = rows.find((r) => r.n === 1_000_000);
if (pandasPython && big) {
  pandas = measure(`${pandasPython.py} -c "import pandas as pd; d = pd.read_csv('${join(out, '1000000.csv')}'); d.groupby(['region', 'indicator'])['value'].last()"`, 3);
}

const f = (x) => x.toFixed(3);
const lines = [
  '# Benchmark results',
  '',
  `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}.`,
  'Medians of 5 runs (3 at 5M rows) after a warm-up run; peak RSS is the largest of the runs. The data is generated with a fixed seed (`bench/generate.mjs`):',
  'long-form monthly rows for 2,800 county-level units plus the bundled plans\' regions, every measurement name the bundled plans declare.',
  'Rows for regions no plan covers are parsed, routed and counted; rows for the plans\' regions are bound and evaluated.',
  '',
  '| rows | MiB | cat s | raw parse s | plancheck s | plancheck / raw | plancheck / cat | plancheck rows/s | peak RSS MiB |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.n.toLocaleString('en')} | ${r.mb.toFixed(0)} | ${f(r.cat.wall)} | ${f(r.raw.wall)} | ${f(r.pc.wall)} | ${(r.pc.wall / r.raw.wall).toFixed(2)} | ${(r.pc.wall / r.cat.wall).toFixed(0)} | ${Math.round(r.n / r.pc.wall).toLocaleString('en')} | ${r.pc.rss.toFixed(0)} |`),
  '',
  '"raw parse" is papaparse (the library plancheck uses) streaming the file with a per-row callback that only counts rows: the floor for any tool built on it.',
  '',
];
const r1 = rows.find((r) => r.n === 1_000_000);
const r5 = rows.find((r) => r.n === 5_000_000);
lines.push('## Targets', '');
if (r1) lines.push(`- 1M rows, plancheck / raw parse = ${(r1.pc.wall / r1.raw.wall).toFixed(2)} (target ≤ 1.5): ${r1.pc.wall / r1.raw.wall <= 1.5 ? 'met' : 'NOT met'}`);
if (pandas && r1) lines.push(`- 1M rows, pandas ${pandasPython.version} read_csv + groupby = ${f(pandas.wall)} s in the same run; plancheck ${f(r1.pc.wall)} s: ${r1.pc.wall < pandas.wall ? 'faster' : 'NOT faster'}`);
// a figure from another run or machine is no baseline: without pandas here, nothing is claimed
else if (r1) lines.push('- pandas: not installed here, so not compared in this run (Debian: `apt-get install python3-pandas`, then `npm run bench`)');
if (r1 && r5) lines.push(`- peak RSS at 5M rows / at 1M rows = ${(r5.pc.rss / r1.pc.rss).toFixed(2)} (target ≤ 1.5): ${r5.pc.rss / r1.pc.rss <= 1.5 ? 'met' : 'NOT met'}`);
lines.push(`- ${wbRows.toLocaleString('en')} rows as a workbook (${(statSync(wbXlsx).size / 1048576).toFixed(1)} MiB .xlsx) = ${f(wb.xlsx.wall)} s, as CSV ${f(wb.csv.wall)} s: ${(wb.xlsx.wall / wb.csv.wall).toFixed(2)}× (target ≤ 3): ${wb.xlsx.wall / wb.csv.wall <= 3 ? 'met' : 'NOT met'}; peak RSS ${wb.xlsx.rss.toFixed(0)} MiB (CSV ${wb.csv.rss.toFixed(0)} MiB; target < 300): ${wb.xlsx.rss < 300 ? 'met' : 'NOT met'}`);
if (report) {
  const t = report.report.wall / report.evaluate.wall;
  const m = report.report.rss / report.evaluate.rss;
  lines.push(`- \`report --plan suzhou\` on the 1M-row file = ${f(report.report.wall)} s and ${report.report.rss.toFixed(0)} MiB; \`evaluate --plan suzhou\` ${f(report.evaluate.wall)} s and ${report.evaluate.rss.toFixed(0)} MiB: ${t.toFixed(2)}× the time, ${m.toFixed(2)}× the memory (target ≤ 1.5 each): ${t <= 1.5 && m <= 1.5 ? 'met' : 'NOT met'}`);
}
if (startup) lines.push(`- start-up of a typical run (\`evaluate --plan suzhou examples/suzhou-2023.csv --format json\`) = ${f(startup.wall)} s, \`node -e 0\` = ${f(nodeZero.wall)} s, ratio ${(startup.wall / nodeZero.wall).toFixed(2)} (target ≤ 2): ${startup.wall / nodeZero.wall <= 2 ? 'met' : 'NOT met'}`);
lines.push('');
const text = lines.join('\n');
writeFileSync(join(root, 'bench', 'RESULTS.md'), text);
console.log(text);
