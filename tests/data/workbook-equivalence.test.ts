/**
 * Same verdicts, proven (issue 12, item 4): every CSV fixture the tests
 * evaluate, made into a workbook — long and wide, with a title row above
 * and notes below — gives the same results JSON as the CSV, apart from the
 * data-file fields and the locations.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, progressReport } from '../../src/index.js';
import { formatProgressJson } from '../../src/report/progress-format.js';
import { formatJson } from '../../src/report/json.js';
import { ROOT } from '../helpers/run-cli.js';
import { longWorkbook, wideWorkbook } from '../helpers/workbooks.js';

const CASES: { name: string; plans: string[]; data: string; period?: string }[] = [
  { name: 'basic', plans: ['tests/fixtures/basic/plan.yaml'], data: 'tests/fixtures/basic/data.csv' },
  { name: 'basic, only unspecified', plans: ['tests/fixtures/basic/plan.yaml'], data: 'tests/fixtures/basic/data-only-unspecified-fails.csv' },
  { name: 'encodings utf8', plans: ['tests/fixtures/basic/plan.yaml'], data: 'tests/fixtures/encodings/utf8.csv' },
  { name: 'encodings gb18030', plans: ['tests/fixtures/basic/plan.yaml'], data: 'tests/fixtures/encodings/gb18030.csv' },
  { name: 'diff 2024', plans: ['tests/fixtures/basic/plan.yaml'], data: 'tests/fixtures/diff/data-2024.csv' },
  { name: 'two regions, monthly', plans: ['tests/fixtures/basic/plan.yaml', 'tests/fixtures/two-regions/other.yaml'], data: 'tests/fixtures/two-regions/monthly.csv' },
  ...[2021, 2022, 2023, 2024].map((y) => ({ name: `suzhou ${y}`, plans: ['suzhou'], data: `examples/suzhou-${y}.csv` })),
  { name: 'suzhou 2020, 13th plan', plans: ['suzhou-13th'], data: 'examples/suzhou-2020.csv' },
  { name: 'suqian 2020, 13th plan', plans: ['suqian-13th'], data: 'examples/suqian-2020.csv' },
  { name: 'monthly 2024, two plans', plans: ['suzhou', 'taicang'], data: 'examples/monthly-2024.csv', period: '2024-06' },
];

const dir = mkdtempSync(join(tmpdir(), 'plancheck-wb-'));

/** The results JSON without data-file fields and locations. */
async function resultsOf(c: (typeof CASES)[number], data: string): Promise<unknown> {
  const run = await evaluate({ plans: c.plans.map((p) => (p.includes('/') ? join(ROOT, p) : p)), data: [data], policy: { failOn: 'binding', missing: 'warn' }, ...(c.period === undefined ? {} : { period: c.period }) });
  const json = JSON.parse(formatJson(run, { color: false, lang: 'zh' })) as Record<string, unknown>;
  return JSON.parse(
    JSON.stringify({ ...json, data: undefined, warnings: (json['warnings'] as { code: string }[]).map((w) => w.code).filter((code) => code !== 'HEADER_ROW' && code !== 'SHEET_SKIPPED') }, (key, value: unknown) => (key === 'file' || key === 'line' || key === 'sheet' || key === 'cell' || (key === 'unrouted' && Array.isArray(value)) ? (Array.isArray(value) ? value.map((u: Record<string, unknown>) => ({ region: u['region'], rows: u['rows'] })) : undefined) : value)),
  );
}

describe('a CSV fixture as a workbook gives the same results', () => {
  it.each(CASES)('$name: long, with a title row and notes', async (c) => {
    const csv = join(ROOT, c.data);
    const xlsx = join(dir, `${basename(c.data, '.csv')}-long.xlsx`);
    await longWorkbook(csv, xlsx);
    expect(await resultsOf(c, xlsx)).toEqual(await resultsOf(c, csv));
  });

  it.each(CASES)('$name: wide (one column per period)', async (c) => {
    const csv = join(ROOT, c.data);
    const xlsx = join(dir, `${basename(c.data, '.csv')}-wide.xlsx`);
    expect(await wideWorkbook(csv, xlsx)).toBe(true);
    expect(await resultsOf(c, xlsx)).toEqual(await resultsOf(c, csv));
  });
});

describe('the mid-term report reads workbooks too', () => {
  it('four years of suzhou data as wide workbooks give the same progress report as the CSVs', async () => {
    const csvs = [2021, 2022, 2023, 2024].map((y) => join(ROOT, `examples/suzhou-${y}.csv`));
    const books = await Promise.all(
      csvs.map(async (csv) => {
        const xlsx = join(dir, `${basename(csv, '.csv')}-report.xlsx`);
        expect(await wideWorkbook(csv, xlsx)).toBe(true);
        return xlsx;
      }),
    );
    const strip = (r: Awaited<ReturnType<typeof progressReport>>): string => formatProgressJson(r).replace(/"(file|sha256|encoding)": "[^"]*"/g, '').replace(/"line": \d+/g, '');
    expect(strip(await progressReport({ plans: ['suzhou'], data: books }))).toEqual(strip(await progressReport({ plans: ['suzhou'], data: csvs })));
  });
});

describe('a workbook input is traced to its cell', () => {
  it('JSON inputs carry the sheet and the value cell of every value read from a workbook', async () => {
    const c = CASES.find((x) => x.name === 'suzhou 2023') as (typeof CASES)[number];
    const xlsx = join(dir, 'traced-long.xlsx');
    await longWorkbook(join(ROOT, c.data), xlsx);
    const run = await evaluate({ plans: c.plans, data: [xlsx], policy: { failOn: 'binding', missing: 'warn' } });
    const json = JSON.parse(formatJson(run, { color: false, lang: 'zh' })) as { results: { inputs: { file: string; line: number; sheet?: string; cell?: string }[] }[] };
    const inputs = json.results.flatMap((r) => r.inputs);
    expect(inputs.length).toBeGreaterThan(10);
    for (const i of inputs) {
      expect(i.file).toBe(xlsx);
      expect(i.sheet).toBeTypeOf('string');
      // the value's cell, on the row the line names
      expect(i.cell).toMatch(new RegExp(`^[A-Z]+${i.line}$`));
    }
  });
});
