/**
 * The HTML report in a real browser (Debian's chromium, which .ci/run
 * installs): it renders with no console errors and no network requests,
 * and its text carries every indicator.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// in CI the browser must be there: a missing one is a failure, not a skip
const suite = available || process.env['CI'] ? describe : describe.skip;

suite('plancheck report --format html in headless Chromium', () => {
  it('renders without console errors, offline, with every indicator', async () => {
    const r = runCli(['report', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/basic/data.csv', 'tests/fixtures/diff/data-2024.csv', '--format', 'html', '--lang', 'zh']);
    expect(r.status).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'plancheck-html-')), 'report.html');
    writeFileSync(file, r.stdout);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (q) => requests.push(q.url()));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const text = await page.locator('body').innerText();
      expect(problems).toEqual([]);
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      for (const name of ['接受上门服务的居家老年人数占比', '持证社会工作专业人才数', '全市老年友好社区数量', '经营性公墓墓葬比例']) expect(text).toContain(name);
      expect(text).toContain('滞后（明显）');
      expect(await page.locator('svg.chart').count()).toBe(4);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
