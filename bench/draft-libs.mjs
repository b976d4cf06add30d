// Measures the libraries `plancheck draft` could read plan documents with, on
// the seed documents LibreOffice makes of sources/*.txt (tests/helpers/seed-documents.ts):
//
//   PLANCHECK_SEED_DOCS=/tmp/seed-docs npx vitest run tests/draft/accuracy.test.ts
//   npm install --no-save mammoth@1.13.0 parse5@8.1.1 pdf2json@3.1.6
//   npm run build && node bench/draft-libs.mjs /tmp/seed-docs
//
// For each format: the chosen reader against an alternative — the same tables
// read (rows, merged cells, multi-line cells), the Chinese text kept, the time
// to read the five documents (median of 5 runs, after one warm-up), the time to
// load the library in a fresh process (median of 7), and its size on disk with
// the packages it alone brings. Writes the figures to stdout as Markdown.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2];
if (!dir || !existsSync(join(dir, 'out'))) {
  console.error('usage: node bench/draft-libs.mjs DIR (the folder PLANCHECK_SEED_DOCS=DIR made: see the head of this file)');
  process.exit(2);
}
const require = createRequire(join(root, 'package.json'));
const seeds = ['suzhou', 'taicang', 'suqian', 'zhongshan', 'chuxiong'].map((s) => `${s}-14th`);
const { readDocx } = await import(join(root, 'dist/document/read-docx.js'));
const { readHtml } = await import(join(root, 'dist/document/read-html.js'));
const { readPdf } = await import(join(root, 'dist/document/read-pdf.js'));
const { readTxt } = await import(join(root, 'dist/document/read-txt.js'));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn, runs = 5) {
  await fn();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return median(ts);
}
function loadTime(spec, runs = 7) {
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const t=performance.now(); await import(${JSON.stringify(spec)}); console.log(performance.now()-t)`], { cwd: root, encoding: 'utf8' });
    ts.push(Number(out.trim()));
  }
  return median(ts);
}
function du(path) {
  let n = 0;
  const walk = (p) => {
    const s = statSync(p);
    if (s.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else n += s.size;
  };
  walk(path);
  return n;
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const pkgSize = (names) => mb(names.reduce((s, n) => s + (existsSync(join(root, 'node_modules', n)) ? du(join(root, 'node_modules', n)) : 0), 0));

/** The table cells of each seed's text, compact: what a reader must find. */
const expected = new Map(seeds.map((s) => {
  const doc = readTxt(readFileSync(join(root, 'sources', `${s}.txt`), 'utf8'));
  const cells = doc.blocks.filter((b) => b.kind === 'table' && b.table.rows.length > 3).flatMap((b) => b.table.rows.flat().map((c) => c.text.replace(/\s+/g, ''))).filter((t) => t !== '');
  return [s, cells];
}));
/** Of the seed's table cells, how many a reader's tables hold, as one cell each (merged cells counted once). */
function cellsFound(seed, tables) {
  const got = new Set(tables.flatMap((rows) => rows.flat().map((c) => c.text.replace(/\s+/g, ''))));
  const want = expected.get(seed);
  return [want.filter((c) => got.has(c)).length, want.length];
}
const spans = (tables) => tables.flatMap((rows) => rows.flat()).filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1).length;
const multiLine = (tables) => tables.flatMap((rows) => rows.flat()).filter((c) => c.text.includes('\n')).length;
const tablesOf = (doc) => doc.blocks.filter((b) => b.kind === 'table').map((b) => b.table.rows);
function summary(name, docs) {
  let found = 0;
  let total = 0;
  let merged = 0;
  let lines = 0;
  for (const [seed, doc] of docs) {
    const [f, t] = cellsFound(seed, tablesOf(doc));
    found += f;
    total += t;
    merged += spans(tablesOf(doc));
    lines += multiLine(tablesOf(doc));
  }
  return { name, cells: `${found} of ${total}`, merged, lines };
}

const out = [];
const row = (cells) => out.push(`| ${cells.join(' | ')} |`);

// .docx: the OOXML read directly (fflate + saxes, already plancheck's) against mammoth (docx → HTML, then the HTML reader)
{
  const files = seeds.map((s) => [s, join(dir, 'out', `${s}.docx`)]);
  const direct = new Map(files.map(([s, f]) => [s, readDocx(readFileSync(f), f)]));
  const mammoth = require('mammoth');
  const viaMammoth = new Map();
  for (const [s, f] of files) viaMammoth.set(s, readHtml(Buffer.from((await mammoth.convertToHtml({ path: f })).value)));
  const tDirect = await time(() => files.forEach(([, f]) => readDocx(readFileSync(f), f)));
  const tMammoth = await time(async () => {
    for (const [, f] of files) readHtml(Buffer.from((await mammoth.convertToHtml({ path: f })).value));
  });
  out.push('### .docx (five documents, 26–40 kB each)', '', '| reader | table cells found | merged cells | multi-line cells | read all five | load | size on disk |', '|---|---|---|---|---|---|---|');
  const a = summary('OOXML: fflate + saxes', direct);
  const b = summary('mammoth 1.13 → HTML reader', viaMammoth);
  row([a.name, a.cells, a.merged, a.lines, `${tDirect.toFixed(0)} ms`, `${loadTime('fflate').toFixed(0)} + ${loadTime('saxes').toFixed(0)} ms`, `0 (already dependencies: ${pkgSize(['fflate', 'saxes', 'xmlchars'])})`]);
  row([b.name, b.cells, b.merged, b.lines, `${tMammoth.toFixed(0)} ms`, `${loadTime('mammoth').toFixed(0)} ms`, pkgSize(['mammoth', 'jszip', 'underscore', '@xmldom', 'lop', 'xmlbuilder', 'dingbat-to-unicode', 'bluebird', 'option', 'argparse', 'base64-js', 'pako', 'readable-stream', 'lie', 'immediate', 'setimmediate', 'core-util-is', 'isarray', 'process-nextick-args', 'safe-buffer', 'string_decoder', 'util-deprecate', 'inherits', 'sprintf-js'])]);
  out.push('');
}

// .html: htmlparser2 (a tokenizer) against parse5 (the WHATWG parser, a tree)
{
  const files = seeds.flatMap((s) => [[s, join(dir, 'web', `${s}.html`)], [s, join(dir, 'web', `${s}.gbk.htm`)]]);
  const docs = new Map(seeds.map((s) => [s, readHtml(readFileSync(join(dir, "web", `${s}.gbk.htm`)))]));
  const parse5 = await import(require.resolve('parse5'));
  const { Parser } = await import('htmlparser2');
  const texts = files.map(([, f]) => new TextDecoder(f.endsWith('.gbk.htm') ? 'gb18030' : 'utf-8').decode(readFileSync(f)));
  const tHp2 = await time(() => texts.forEach((t) => new Parser({}).end(t)));
  const tP5 = await time(() => texts.forEach((t) => parse5.parse(t)));
  const tReader = await time(() => files.forEach(([, f]) => readHtml(readFileSync(f))));
  out.push('### .html (five pages, UTF-8 and GB2312: ten files, 114–208 kB)', '', '| library | tokenise/parse all ten | load | size on disk |', '|---|---|---|---|');
  const c = summary('', docs);
  row([`htmlparser2 12 (plancheck's reader: ${tReader.toFixed(0)} ms with decoding and tables; ${c.cells} table cells, ${c.merged} merged, ${c.lines} multi-line, from the GB2312 pages)`, `${tHp2.toFixed(0)} ms`, `${loadTime('htmlparser2').toFixed(0)} ms`, pkgSize(['htmlparser2', 'domhandler', 'domutils', 'domelementtype', 'dom-serializer', 'entities'])]);
  row(['parse5 8.1 (a full DOM tree)', `${tP5.toFixed(0)} ms`, `${loadTime('parse5').toFixed(0)} ms`, pkgSize(['parse5'])]);
  out.push('');
}

// .pdf: pdfjs-dist (text with positions, and the ruling lines) against pdf2json (a fork of an older PDF.js)
{
  const files = seeds.map((s) => [s, join(dir, 'out', `${s}.pdf`)]);
  const docs = new Map();
  for (const [s, f] of files) docs.set(s, await readPdf(readFileSync(f), f));
  const tPdfjs = await time(async () => {
    for (const [, f] of files) await readPdf(readFileSync(f), f);
  }, 3);
  const PDFParser = require('pdf2json');
  const viaPdf2json = async (f) =>
    new Promise((resolve, reject) => {
      const p = new PDFParser();
      p.on('pdfParser_dataError', (e) => reject(e.parserError ?? e));
      p.on('pdfParser_dataReady', (data) => resolve(data));
      p.parseBuffer(readFileSync(f));
    });
  let pdf2jsonText = 0;
  let pdf2jsonLines = 0;
  let pdf2jsonChars = 0;
  let pdf2jsonOk = true;
  for (const [s, f] of files) {
    try {
      const data = await viaPdf2json(f);
      const text = data.Pages.flatMap((p) => p.Texts.map((t) => t.R.map((r) => decodeURIComponent(r.T)).join(''))).join('').replace(/\s+/g, '');
      pdf2jsonLines += data.Pages.reduce((n, p) => n + p.HLines.length + p.VLines.length + p.Fills.length, 0);
      const want = expected.get(s);
      pdf2jsonText += want.filter((c) => text.includes(c)).length;
      pdf2jsonChars += want.length;
    } catch (e) {
      pdf2jsonOk = false;
      console.error('pdf2json:', s, e);
    }
  }
  const tPdf2json = await time(async () => {
    for (const [, f] of files) await viaPdf2json(f).catch(() => undefined);
  }, 3);
  out.push('### .pdf (five documents, 410–496 kB, 11–18 pages)', '', '| library | table cells found | read all five | load | size on disk |', '|---|---|---|---|---|');
  const d = summary('', docs);
  row([`pdfjs-dist 5.6 (plancheck's reader: text, and the tables from their ruling lines; ${d.merged} merged cells, ${d.lines} multi-line)`, `${d.cells} (as cells)`, `${(tPdfjs / 1000).toFixed(1)} s`, `${loadTime('pdfjs-dist/legacy/build/pdf.mjs').toFixed(0)} ms`, `${pkgSize(['pdfjs-dist'])} (of which CMaps ${mb(du(join(root, 'node_modules/pdfjs-dist/cmaps')))}), and the optional @napi-rs/canvas ${pkgSize(['@napi-rs'])} (not used: no rendering)`]);
  row([`pdf2json 3.1 (text runs and lines; no tables: ${pdf2jsonLines} line and fill records to rebuild them from)${pdf2jsonOk ? '' : ' — failed on some files'}`, `${pdf2jsonText} of ${pdf2jsonChars} (in the text, not as cells)`, `${(tPdf2json / 1000).toFixed(1)} s`, `${loadTime('pdf2json').toFixed(0)} ms`, pkgSize(['pdf2json'])]);
  out.push('');
}

console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform} ${process.arch}, Node ${process.version}.\n`);
console.log(out.join('\n'));
