/**
 * A reference the source states beside a requirement reaches the reader in
 * every format that carries verdicts (issue 23, item 4): 宿迁 表2 row 12
 * sets 90% for the 社工站, 第七章第六节 says 全覆盖 (100%). 95% passes the
 * table, and the body's 100 is printed beside the verdict — in evaluate's
 * table, JSON and Markdown, and in report's Markdown, HTML, JSON and Word.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-refs-'));
const data = join(dir, 'suqian-2025.csv');
writeFileSync(data, '指标,年份,数值\n乡镇(街道)社工站覆盖率,2025,95%\n');
const BODY = '实现乡镇(街道)社会工作服务站全覆盖';

function run(args: readonly string[]): string {
  const r = runCli(args);
  expect(r.status, r.stderr).toBe(0); // the other indicators' missing data only warns; the reference never fails a run
  return r.stdout;
}

describe('evaluate: the reference beside the verdict', () => {
  it('table: under the requirement of the passing row', () => {
    const out = run(['evaluate', '--plan', 'suqian', '--year', '2025', '--lang', 'zh', '--no-color', data]);
    const row = out.split('\n').findIndex((l) => l.includes('乡镇(街道)社工站覆盖率'));
    const cells = out.split('\n').slice(row, row + 4).join('\n');
    expect(cells).toMatch(/≥90%.*95%.*✓ 达标/);
    expect(cells.replace(/[│\s]/g, '')).toContain(`参考第七章第六节≥100%（2025年）“${BODY}”`);
  });

  it('JSON: typed, the verdict unchanged', () => {
    const doc = JSON.parse(run(['evaluate', '--plan', 'suqian', '--year', '2025', '--format', 'json', data])) as { schema_version: string; results: { id: string; status: string; references: unknown[] }[] };
    expect(doc.schema_version).toBe('1.1.0');
    const r = doc.results.find((x) => x.id === 'township_social_work_station_coverage');
    expect(r?.status).toBe('pass');
    expect(r?.references).toEqual([{ label: '第七章第六节', year: 2025, comparison: '>=', value: '100', unit: '%', quote: BODY }]);
    expect(doc.results.filter((x) => x.id !== r?.id).every((x) => Array.isArray(x.references))).toBe(true);
  });

  it('Markdown: in the list of passes', () => {
    const out = run(['evaluate', '--plan', 'suqian', '--year', '2025', '--format', 'markdown', '--lang', 'en', data]);
    expect(out).toContain(`- 乡镇(街道)社工站覆盖率: `);
    expect(out).toMatch(new RegExp(`乡镇\\(街道\\)社工站覆盖率: .*\\(Ref\\. 第七章第六节 ≥100% \\(2025\\) “${BODY.replace(/[()]/g, '\\$&')}”\\)`));
  });
});

describe('report: the reference among the indicator’s facts', () => {
  it.each(['markdown', 'html'])('%s', (format) => {
    const r = runCli(['report', '--plan', 'suqian', '--lang', 'zh', '--format', format, data]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('参考值（原文所列，不参与评判）');
    expect(r.stdout).toContain(`第七章第六节 ≥100%（2025年）“${BODY}”`);
  });

  it('json', () => {
    const r = runCli(['report', '--plan', 'suqian', '--format', 'json', data]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { schema_version: string; indicators: { id: string; references: unknown[] }[] };
    expect(doc.schema_version).toBe('2.1.0');
    expect(doc.indicators.find((x) => x.id === 'township_social_work_station_coverage')?.references).toEqual([{ label: '第七章第六节', year: 2025, comparison: '>=', value: '100', unit: '%', quote: BODY }]);
  });

  it('docx', () => {
    const file = join(dir, 'report.docx');
    const r = runCli(['report', '--plan', 'suqian', '--lang', 'zh', '--format', 'docx', '--output', file, data]);
    expect(r.status, r.stderr).toBe(0);
    const xml = new TextDecoder().decode(unzipSync(readFileSync(file))['word/document.xml']);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(`第七章第六节 ≥100%（2025年）“${BODY}”`);
  });
});
