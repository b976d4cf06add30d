/**
 * The HTML report in a real browser (Debian's chromium, which CI installs):
 * desktop (1280 px), phone (390 px, both languages) and print (Chromium's
 * A4 PDF). It renders with no console errors and no network requests; on
 * a phone nothing scrolls sideways; in print (no background graphics)
 * every verdict badge is coloured text on white with a border, legible.
 * Without the browser the suite is skipped and says why — except in CI,
 * where a missing browser is a failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const hasPoppler = existsSync('/usr/bin/pdftotext');
const suite = available || process.env['CI'] ? describe : describe.skip;
const title = available ? 'plancheck report --format html in headless Chromium' : `plancheck report --format html in headless Chromium (skipped: no browser at ${CHROMIUM}; install Debian's chromium)`;
const SERIES = [2021, 2022, 2023, 2024, 2025].map((y) => `examples/suzhou-${y}.csv`);
const dir = mkdtempSync(join(tmpdir(), 'plancheck-html-'));

function write(name: string, args: readonly string[]): string {
  const r = runCli(['report', ...args, '--format', 'html']);
  expect(r.status).toBe(0);
  const file = join(dir, name);
  writeFileSync(file, r.stdout);
  return pathToFileURL(file).href;
}

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

suite(title, () => {
  let browser: Browser;
  const pages: { problems: string[]; requests: string[] }[] = [];
  const files: Record<string, string> = {};

  beforeAll(async () => {
    files['zh'] = write('zh.html', ['--plan', 'suzhou', ...SERIES, '--lang', 'zh', '--org', '苏州市民政局', '--date', '2026-11-20']);
    files['en'] = write('en.html', ['--plan', 'suzhou', ...SERIES, '--lang', 'en']);
    files['basic'] = write('basic.html', ['--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv', 'tests/fixtures/diff/data-2024.csv', '--lang', 'zh']);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    const seen = { problems: [] as string[], requests: [] as string[] };
    pages.push(seen);
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') seen.problems.push(m.text());
    });
    page.on('pageerror', (e) => seen.problems.push(e.message));
    page.on('request', (q) => {
      if (!q.url().startsWith('file:') && !q.url().startsWith('data:')) seen.requests.push(q.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  it('desktop: the document in order, every indicator, a chart with a legend and a unit per indicator', async () => {
    const page = await open(files['zh'] as string, { width: 1280, height: 900 });
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const text = await page.locator('body').innerText();
    const order = ['苏州市“十四五”民政事业发展规划终期评估报告', '编制单位', '苏州市民政局', '2026-11-20', '一、总体情况', '二、指标完成情况总览', '三、分项指标', '四、量化规则逐年核算', '五、评估方法'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const name of ['接受上门服务的居家老年人数占比', '护理型床位占养老机构床位比例', '特困人员基本生活标准不低于低保标准的1.4倍']) expect(text).toContain(name);
    const charts = await page.locator('svg.chart').count();
    expect(charts).toBeGreaterThan(30);
    expect(await page.locator('ul.legend').count()).toBe(charts);
    // every chart: at least two y ticks and its unit
    const ticks = await page.evaluate<{ ticks: number; unit: string }[]>(`[...document.querySelectorAll('svg.chart')].map((s) => ({ ticks: s.querySelectorAll('line.grid').length, unit: s.querySelector('text.unit')?.textContent ?? '' }))`);
    for (const c of ticks) {
      expect(c.ticks).toBeGreaterThanOrEqual(2);
      expect(c.unit).toMatch(/^单位：/);
    }
    // binding first in the overview, under its group heading
    const groups = await page.locator('table.overview tr.group').allInnerTexts();
    expect(groups[0]).toBe('约束性指标');
    expect(text).not.toMatch(/>=|<=|pp\/yr/);
  }, 60_000);

  it('the basic fixture: every indicator, its chart and its verdict', async () => {
    const page = await open(files['basic'] as string, { width: 1280, height: 900 });
    const text = await page.locator('body').innerText();
    for (const name of ['接受上门服务的居家老年人数占比', '持证社会工作专业人才数', '全市老年友好社区数量', '经营性公墓墓葬比例']) expect(text).toContain(name);
    expect(text).toContain('滞后（明显）');
    expect(await page.locator('svg.chart').count()).toBe(4);
  }, 60_000);

  it.each(['zh', 'en'])('phone (390 px, %s): no horizontal scroll, the overview stacks', async (lang) => {
    const page = await open(files[lang] as string, { width: 390, height: 844 });
    expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    const widths = await page.evaluate<{ scroll: number; view: number }>('({ scroll: document.documentElement.scrollWidth, view: window.innerWidth })');
    expect(widths.scroll).toBeLessThanOrEqual(widths.view);
    const wide = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.tagName + '.' + e.getAttribute('class'))`);
    expect(wide).toEqual([]);
    expect(await page.evaluate<number>(`document.querySelector('table.overview thead').getBoundingClientRect().height`)).toBeLessThanOrEqual(1);
  }, 60_000);

  it('print: A4 without background graphics, every verdict legible (coloured text on white, a border), page numbers', async () => {
    const page = await open(files['zh'] as string, { width: 1280, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const badges = await page.evaluate<{ text: string; color: string; background: string; border: string; borderColor: string }[]>(
      `[...document.querySelectorAll('.badge')].map((e) => {
        const s = getComputedStyle(e);
        return { text: e.textContent ?? '', color: s.color, background: s.backgroundColor, border: s.borderTopWidth, borderColor: s.borderTopColor };
      })`,
    );
    expect(badges.length).toBeGreaterThan(40);
    for (const b of badges) {
      // printed without backgrounds the paper is white: the text must stand on white by itself
      expect(contrast(b.color, 'rgb(255, 255, 255)'), b.text).toBeGreaterThanOrEqual(4.5);
      expect(b.background === 'rgb(255, 255, 255)' || b.background === 'rgba(0, 0, 0, 0)', b.text).toBe(true);
      expect(parseFloat(b.border), b.text).toBeGreaterThanOrEqual(1);
      expect(b.borderColor).toBe(b.color);
    }
    const pdf = join(dir, 'report.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    if (hasPoppler) {
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThan(4);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('二、指标完成情况总览');
      expect(text).toContain('未达到目标');
      expect(text).toContain(`1 / ${pages}`);
      expect(text).toContain(`${pages} / ${pages}`);
      // the overview's header repeats on the pages it runs over
      expect(text.split('2025年完成情况').length - 1).toBeGreaterThanOrEqual(2);
    }
  }, 60_000);

  it('made no network request and logged no error on any page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const p of pages) {
      expect(p.problems).toEqual([]);
      expect(p.requests).toEqual([]);
    }
  });
});
