// Renders the example HTML report in headless Chromium and saves docs/report.png
// (the screenshot in the README). usage: node scripts/screenshot-report.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const html = execFileSync(process.execPath, [join(root, 'bin/plancheck.js'), 'report', '--plan', 'suzhou', '--format', 'html', '--lang', 'zh', ...[2021, 2022, 2023, 2024].map((y) => join(root, `examples/suzhou-${y}.csv`))], { encoding: 'utf8' });
const file = join(mkdtempSync(join(tmpdir(), 'plancheck-shot-')), 'report.html');
writeFileSync(file, html);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
await page.goto(pathToFileURL(file).href);
await page.screenshot({ path: join(root, 'docs/report.png'), clip: { x: 0, y: 0, width: 1100, height: 900 } });
await browser.close();
