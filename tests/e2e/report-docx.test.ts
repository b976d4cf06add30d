/**
 * `report --format docx`: the Word document read back (document.xml and
 * styles.xml out of the zip) — heading styles with outline levels, a real
 * overview table with a repeating header row and the grades in its cells,
 * A4 pages with margins, the same bytes for the same inputs — and converted
 * to PDF by LibreOffice headless (Debian's libreoffice-writer-nogui, which CI
 * installs), where the page count and the overview table are checked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const SERIES = [2021, 2022, 2023, 2024, 2025].map((y) => `examples/suzhou-${y}.csv`);
const dir = mkdtempSync(join(tmpdir(), 'plancheck-docx-'));
const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));

function docx(name: string, extra: readonly string[] = []): string {
  const file = join(dir, name);
  const r = runCli(['report', '--plan', 'suzhou', ...SERIES, '--lang', 'zh', '--format', 'docx', '--output', file, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toBe('');
  return file;
}

const decode = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The text of an XML fragment: its w:t runs joined. */
const textOf = (xml: string): string => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

describe('report --format docx, read back', () => {
  let xml = '';
  let styles = '';
  let file = '';
  beforeAll(() => {
    file = docx('report.docx', ['--org', '苏州市民政局', '--date', '2026-11-20']);
    const zip = unzipSync(readFileSync(file));
    xml = decode(zip['word/document.xml']);
    styles = decode(zip['word/styles.xml']);
  });

  it('has the title, meta and the five parts as Heading 1 (the navigation pane), indicators as Heading 2', () => {
    const paragraphs = [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) => m[0]);
    const styled = (style: string): string[] => paragraphs.filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map(textOf);
    expect(styled('Title')).toEqual(['苏州市“十四五”民政事业发展规划终期评估报告']);
    expect(styled('Heading1')).toEqual(['一、总体情况', '二、指标完成情况总览', '三、分项指标', '四、量化规则逐年核算', '五、评估方法']);
    expect(styled('Heading2')).toContain('4. 护理型床位占养老机构床位比例');
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
    expect(styles).toMatch(/w:styleId="Heading2">.*?<w:outlineLvl w:val="1"\/>/);
    const all = textOf(xml);
    expect(all).toContain('编制单位：苏州市民政局');
    expect(all).toContain('完成率95.5%');
    expect(all).toContain('1250 ≥ 30% × 49000');
  });

  it('has the overview as a real table: a repeating header row, a row per indicator and rule, the grade in the last cell', () => {
    const table = /<w:tbl>.*?<\/w:tbl>/s.exec(xml)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/gs)].map((m) => m[0]);
    const cells = (row: string): string[] => [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((m) => textOf(m[0]));
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(cells(rows[0] as string)).toEqual(['序号', '指标', '属性', '单位', '基期值（2020年）', '2021年', '2022年', '2023年', '2024年', '2025年', '目标值（2025年）', '完成进度', '2025年完成情况']);
    const data = rows.slice(1).map(cells).filter((c) => c.length === 13);
    expect(data).toHaveLength(70); // 67 indicators and 3 rules
    const nursing = data.find((c) => c[1] === '护理型床位占养老机构床位比例');
    expect(nursing).toEqual(['4', '护理型床位占养老机构床位比例', '约束性', '%', '75', '75.5', '76.2', '76.9', '77.1', '77.6', '不低于78', '86.7%', '未达到目标']);
    expect(data.filter((c) => c[12] === '达到目标')).toHaveLength(64);
    // group rows span the table
    expect(rows.slice(1).map(cells).filter((c) => c.length === 1).map((c) => c[0])).toContain('约束性指标');
  });

  it('lays out A4 pages with margins, the overview on a landscape page, page numbers in the footer', () => {
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1] as string);
    expect(sizes).toHaveLength(3);
    expect(sizes.filter((s) => /w:w="11906"/.test(s) && /w:h="16838"/.test(s))).toHaveLength(2);
    expect(sizes.filter((s) => /w:w="16838"/.test(s) && /w:h="11906"/.test(s) && /w:orient="landscape"/.test(s))).toHaveLength(1);
    expect(xml).toMatch(/<w:pgMar [^>]*w:top="2098"/); // 37 mm
    const zip = unzipSync(readFileSync(file));
    const footer = decode(zip['word/footer1.xml']);
    expect(footer).toMatch(/PAGE/);
  });

  it('gives the same bytes for the same inputs (no creation time without --date)', () => {
    const a = readFileSync(docx('a.docx'));
    const b = readFileSync(docx('b.docx'));
    expect(Buffer.compare(a, b)).toBe(0);
    expect(decode(unzipSync(a)['docProps/core.xml'])).not.toMatch(/dcterms:created/);
  });
});

const office = LIBREOFFICE ? describe : process.env['CI'] ? describe : describe.skip;
describe('report --format docx converted by LibreOffice' + (LIBREOFFICE ? '' : ' (skipped: no libreoffice; install Debian’s libreoffice-writer-nogui)'), () => {
  office('to PDF', () => {
    it('gives a PDF of several pages with the overview table and its header on the landscape pages', () => {
      const file = docx('office.docx');
      const profile = pathToFileURL(join(dir, 'lo-profile')).href;
      execFileSync(LIBREOFFICE ?? 'libreoffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
      const pdf = join(dir, 'office.pdf');
      expect(existsSync(pdf)).toBe(true);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
      expect(pages).toBeGreaterThanOrEqual(6);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('二、指标完成情况总览');
      expect(text).toMatch(/序号\s+指标\s+属性\s+单位/);
      // the row as a row: its values and its grade on one line (a long name wraps in its cell)
      expect(text).toMatch(/4\s+护理型床位占养老机构床位比.*77\.6\s+不低于 ?78\s+86\.7%\s+未达到目标/);
      expect(text).toContain(`— 1 / ${pages} —`);
    }, 180_000);
  });
});
