// Renders the example final evaluation (Suzhou 2021–2025) in headless Chromium
// and saves the pictures in docs/: desktop (1280 px), phone (390 px) and the
// first five pages of the printed A4 PDF (Chromium's print, through pdftoppm).
// usage: node scripts/screenshot-report.mjs   (needs chromium and poppler-utils)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const series = [2021, 2022, 2023, 2024, 2025].map((y) => join(root, `examples/suzhou-${y}.csv`));
const dir = mkdtempSync(join(tmpdir(), 'plancheck-shot-'));
const html = (lang) => {
  const file = join(dir, `report-${lang}.html`);
  const out = execFileSync(process.execPath, [join(root, 'bin/plancheck.js'), 'report', '--plan', 'suzhou', '--format', 'html', '--lang', lang, '--org', lang === 'zh' ? '苏州市民政局（示例）' : 'Suzhou Civil Affairs Bureau (example)', '--date', '2026-11-20', ...series], { encoding: 'utf8' });
  writeFileSync(file, out);
  return pathToFileURL(file).href;
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const zh = html('zh');
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await desktop.goto(zh);
  await desktop.screenshot({ path: join(root, 'docs/report-desktop.png') });
  await desktop.evaluate("document.querySelector('.cards')?.scrollIntoView()");
  await desktop.screenshot({ path: join(root, 'docs/report-desktop-indicators.png') });
  await desktop.evaluate('window.scrollTo(0, 0)');
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  await phone.goto(zh);
  await phone.evaluate("document.querySelector('table.overview')?.scrollIntoView()");
  await phone.screenshot({ path: join(root, 'docs/report-phone.png') });
  const pdf = join(dir, 'report.pdf');
  await desktop.emulateMedia({ media: 'print' });
  await desktop.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '5', pdf, join(root, 'docs/report-print')]);
} finally {
  await browser.close();
}
