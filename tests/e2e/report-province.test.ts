/**
 * `report` on a standards plan: the province report (HTML, Word, Markdown,
 * JSON). One truth: every cell of its heat table, every count of its
 * standards table, every region of its ranking and details is the verdict
 * `evaluate --format json` gives for the same data and moment — checked on the
 * bundled Guangdong example, on the fixture roll-up, and on the example with
 * values moved across thresholds. The Word file is read back and converted
 * by LibreOffice; the HTML is rendered in headless Chromium with no network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-province-'));
const GD = ['--plan', 'guangdong', 'examples/guangdong-2025.csv'];
const FIXTURE = ['--plan', 'tests/fixtures/standards/plan.yaml', 'tests/fixtures/standards/rollup.csv'];

interface MatrixJson {
  regions: { code: string; name: string; cells: Record<string, string>; silent: boolean; summary: Record<string, number> }[];
  whole: { code: string; cells: Record<string, string> } | null;
  checks: { id: string; name: string; applies: string; summary: Record<string, number>; not_met: { name: string }[]; missing: { name: string }[] }[];
}

function evaluateJson(args: readonly string[]): { doc: string; m: MatrixJson } {
  const r = runCli(['evaluate', ...args, '--format', 'json', '--lang', 'zh']);
  expect([0, 1]).toContain(r.status);
  const doc = JSON.parse(r.stdout) as { standards: MatrixJson[] };
  return { doc: r.stdout, m: doc.standards[0] as MatrixJson };
}

function report(args: readonly string[], format: string, lang = 'zh'): string {
  const r = runCli(['report', ...args, '--format', format, '--lang', lang]);
  expect(r.stderr.split('\n').filter((l) => /error|错误/.test(l))).toEqual([]);
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The heat table of the HTML: region code → check id → status. */
function heatOf(html: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  const table = html.slice(html.indexOf('<table class="heat">'), html.indexOf('</table>', html.indexOf('<table class="heat">')));
  for (const row of table.matchAll(/<tr data-region="(\d+)">(.*?)<\/tr>/g)) {
    out.set(row[1] as string, new Map([...(row[2] as string).matchAll(/data-status="(\w+)" data-check="([^"]+)"/g)].map((c) => [c[2] as string, c[1] as string])));
  }
  return out;
}

/** Move one region's 2025 value of one measurement in the example: the same file with that row's value replaced. */
function withValue(region: string, indicator: string, value: string): string {
  const lines = readFileSync('examples/guangdong-2025.csv', 'utf8').split('\n');
  let hit = 0;
  const out = lines.map((l) => {
    const cells = l.split(',');
    if (cells[0] !== region || cells[1] !== '2025' || cells[2] !== indicator) return l;
    hit++;
    cells[3] = value;
    return cells.join(',');
  });
  expect(hit, `${region} ${indicator} in the example`).toBe(1);
  const file = join(dir, `gd-${hit}-${value}.csv`);
  writeFileSync(file, out.join('\n'));
  return file;
}

function agrees(args: readonly string[]): void {
  const { m } = evaluateJson(args);
  const html = report(args, 'html');
  const heat = heatOf(html);
  // every region in scope, each cell its evaluate status
  expect([...heat.keys()].sort()).toEqual(m.regions.map((r) => r.code).sort());
  for (const r of m.regions) for (const [id, status] of Object.entries(r.cells)) expect(heat.get(r.code)?.get(id), `${r.name} ${id}`).toBe(status);
  // each standard's count and the regions that do not meet it
  for (const c of m.checks.filter((x) => x.applies === 'each')) {
    const row = new RegExp(`<tr data-id="${c.id}">(.*?)</tr>`).exec(html)?.[1] ?? '';
    expect(row, c.id).toContain(`${m.regions.length} 个地区中 ${c.summary['pass']} 个达到`);
    for (const x of c.not_met) expect(row).toContain(x.name);
    for (const x of c.missing) expect(row).toContain(x.name);
  }
  // the summary names every region that fails something, and claims "all met" for none of them
  const failing = m.regions.filter((r) => (r.summary['fail'] ?? 0) + (r.summary['error'] ?? 0) > 0);
  const summary = html.slice(html.indexOf('一、总体情况'), html.indexOf('二、'));
  expect(summary).toContain(`全部标准均达到的地区 ${m.regions.filter((r) => r.summary['pass']! > 0 && Object.entries(r.summary).every(([k, v]) => k === 'pass' || k === 'pending' || v === 0)).length} 个`);
  for (const r of failing) expect(summary).toContain(r.name);
  // every region ranked once; details for each region failing or lacking data
  const ranking = html.slice(html.indexOf('<table class="list ranking">'), html.indexOf('</table>', html.indexOf('<table class="list ranking">')));
  expect([...ranking.matchAll(/<tr data-region="(\d+)">/g)].map((x) => x[1]).sort()).toEqual(m.regions.map((r) => r.code).sort());
  const details = [...html.matchAll(/<section class="region-detail" data-region="(\d+)">/g)].map((x) => x[1]).sort();
  expect(details).toEqual(m.regions.filter((r) => !r.silent && ((r.summary['fail'] ?? 0) + (r.summary['error'] ?? 0) + (r.summary['missing'] ?? 0) > 0)).map((r) => r.code).sort());
}

describe('the province report says what evaluate says', () => {
  it('on the Guangdong example: every cell, count, ranking and detail', () => agrees(GD));
  it('on the fixture roll-up', () => agrees(FIXTURE));
  it('with a value moved across a threshold, both ways: the report follows evaluate', () => {
    // 汕尾's 特困 (城镇) 17640 against 1.6 × 980 × 12 = 18816: raised to the threshold it meets it
    agrees(['--plan', 'guangdong', withValue('广东省汕尾市', '特困人员基本生活供养标准（城镇）', '18816')]);
    // 广州's nursing-bed share just under its 55% target
    agrees(['--plan', 'guangdong', withValue('广州市', '养老机构护理型床位占比', '54.9')]);
  });
  it('report --format json is evaluate --format json, byte for byte', () => {
    expect(report(GD, 'json')).toBe(evaluateJson(GD).doc);
  });
  it('the Markdown has the same heat table and ranking, in English too', () => {
    const { m } = evaluateJson(GD);
    const md = report(GD, 'markdown');
    const 汕尾 = md.split('\n').find((l) => l.startsWith('| 汕尾市 |')) ?? '';
    const marks = 汕尾.split('|').slice(2, -2).map((x) => x.trim());
    const each = m.checks.filter((c) => c.applies === 'each');
    const region = m.regions.find((r) => r.name === '汕尾市');
    expect(marks).toEqual(each.map((c) => ({ pass: '✓', fail: '✗', missing: '?', pending: '…', error: '!' })[region?.cells[c.id] as 'pass']));
    const en = report(GD, 'markdown', 'en');
    expect(en).toContain('## 4. Ranking');
    expect(en).toContain('regions fail at least one standard: 汕尾市, 河源市, 云浮市, 湛江市, 茂名市, 梅州市, 揭阳市');
    expect(en).toContain('17640 元/人·年');
    expect(en).toContain('城市低保标准 980 元/人·月 (= 11760 元/人·年) (2025) — examples/guangdong-2025.csv:442');
  });
  it('each failing region’s arithmetic, with every value traced to its row', () => {
    const md = report(GD, 'markdown');
    const 湛江 = md.slice(md.indexOf('### 湛江市（440800）'), md.indexOf('###', md.indexOf('### 湛江市（440800）') + 4));
    expect(湛江).toContain('500 ≥ 516 元/月，不成立，差 16 元/月');
    expect(湛江).toContain('最低工资标准 1720 元/月 (2025) — examples/guangdong-2025.csv:301');
    // the whole's totals, checked once on the province's own rows
    expect(md).toContain('**未达标** 慈善信托数量（预期性）：实际 96 个，未达到2025年目标 ≥110 个，差 14 个');
    // 潮州 sent nothing: it is listed, ranked last, and its cells are missing, never passes
    expect(md).toContain('## 七、未报送数据的地区\n\n潮州市');
    expect(md.split('\n').filter((l) => l.startsWith('| ') && l.includes('潮州市')).at(-1)).toMatch(/\| 21 \| 潮州市 \| 445100 \| 0 \| 0 \| 23 \| 0\.0% \|/);
  });
});

describe('the province report refuses what it cannot say', () => {
  it('data with nothing for the moment: exit 2 (NO_DATA), no document', () => {
    const r = runCli(['report', ...GD, '--year', '2023', '--lang', 'en']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no check of plan guangdong found any data for 2023');
  });
  it('--regions with a city plan is a usage error', () => {
    const r = runCli(['report', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--regions', 'tests/fixtures/standards/rollup.csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});

const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));
const decode = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

describe('the province report as a Word file', () => {
  const file = join(dir, 'province.docx');
  it('is landscape A4, in zh-CN, with the heat table shaded by status and the same bytes each run', () => {
    const run = (): Buffer => {
      const r = runCli(['report', ...GD, '--format', 'docx', '--output', file, '--lang', 'zh', '--org', '广东省民政厅']);
      expect(r.status).toBe(0);
      return readFileSync(file);
    };
    const first = run();
    expect(run().equals(first)).toBe(true);
    const zip = unzipSync(first);
    const xml = decode(zip['word/document.xml']);
    const styles = decode(zip['word/styles.xml']);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(styles).toContain('w:eastAsia="zh-CN"');
    expect(xml).toContain('<w:tblHeader/>');
    // 3 regions × 2 rules red, 4 more single failures: 10 red cells (the whole's total is not in the heat table)
    expect((xml.match(/w:fill="B3261E"/gi) ?? []).length).toBe(10);
  });
  (LIBREOFFICE ? it : it.skip)('converts to PDF with LibreOffice and reads as the report', { timeout: 180_000 }, () => {
    const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'lo-profile-'))).href;
    execFileSync(LIBREOFFICE as string, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 170_000 });
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'province.pdf'), '-'], { encoding: 'utf8' });
    for (const s of ['一、总体情况', '三、分地区执行情况', '四、地区排名', '汕尾市', '17640 ≥ 18816', '潮州市', '广东省民政厅']) expect(text).toContain(s);
  });
});

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
describe.skipIf(!existsSync(CHROMIUM) && !process.env['CI'])('the province report in headless Chromium', () => {
  it('renders offline: no request, no console error, a coloured cell for each status', { timeout: 120_000 }, async () => {
    const page = join(dir, 'province.html');
    writeFileSync(page, report(GD, 'html'));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      tab.on('request', (q) => {
        if (!q.url().startsWith('file:')) problems.push(q.url());
      });
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      // (a string evaluated in the page: the test's types have no DOM)
      const colours = await tab.evaluate<Record<string, string>>(`Object.fromEntries([...document.querySelectorAll('table.heat td.cell')].map((c) => [c.getAttribute('data-status'), getComputedStyle(c).backgroundColor]))`);
      expect(colours).toEqual({ pass: 'rgb(27, 110, 53)', fail: 'rgb(179, 38, 30)', missing: 'rgb(143, 83, 0)' });
      expect(await tab.evaluate<number>(`document.querySelectorAll('table.heat tbody tr').length`)).toBe(21);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
