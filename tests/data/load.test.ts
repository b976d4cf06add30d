import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindRows, unknownIndicatorWarning } from '../../src/data/bind.js';
import { readDataFiles } from '../../src/data/load.js';
import { DataError, type Diagnostic } from '../../src/errors.js';
import { evaluatePlan } from '../../src/evaluate/evaluate-plan.js';
import { loadPlan } from '../../src/plan/load.js';

const FIX = join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures');
const plan = (await loadPlan(join(FIX, 'basic/plan.yaml'))).plan;

function errorsOf(file: string): Diagnostic[] {
  try {
    const read = readDataFiles([file]);
    return bindRows(plan, read.rows).errors;
  } catch (e) {
    if (e instanceof DataError) return [...e.diagnostics];
    throw e;
  }
}

function statuses(file: string): Record<string, string> {
  const read = readDataFiles([file]);
  const bound = bindRows(plan, read.rows);
  expect(bound.errors).toEqual([]);
  return Object.fromEntries(evaluatePlan(plan, bound.measurements, 2023).results.map((r) => [r.id, `${r.status} ${r.actual?.value ?? ''}`]));
}

describe('encodings', () => {
  const reference = statuses(join(FIX, 'encodings/utf8.csv'));

  it('the reference file evaluates', () => {
    expect(reference).toMatchObject({ home_visit_share: 'pass 19.5', burial_share: 'fail 38', special_hardship_vs_low_income: 'fail 1600' });
  });

  it.each(['gb18030.csv', 'bom-crlf.csv'])('%s gives the same results as UTF-8', (name) => {
    expect(statuses(join(FIX, 'encodings', name))).toEqual(reference);
  });

  it('detects the encoding without a flag', () => {
    const files = readDataFiles([join(FIX, 'encodings/gb18030.csv'), join(FIX, 'encodings/bom-crlf.csv')]).files;
    expect(files.map((f) => f.encoding)).toEqual(['gb18030', 'utf-8']);
    expect(files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps line numbers right across CRLF and quoted newlines', () => {
    const rows = readDataFiles([join(FIX, 'encodings/bom-crlf.csv')]).rows;
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const errs = errorsOf(join(FIX, 'bad-data/quoted-multiline.csv'));
    expect(errs.map((e) => e.line)).toEqual([4]);
  });
});

describe('bad input names every bad line', () => {
  it.each([
    { file: 'non-numeric.csv', lines: [2, 3], message: /is not a number/ },
    { file: 'missing-column.csv', lines: [1], message: /missing required column "value"/ },
    { file: 'empty.csv', lines: [1], message: /empty/ },
    { file: 'header-only.csv', lines: [1], message: /no data rows/ },
    { file: 'conflict.csv', lines: [4], message: /"21" here but "19" at .*conflict.csv:2/ },
    { file: 'bad-unit.csv', lines: [2, 3], message: /unit/ },
    { file: 'bad-period.csv', lines: [2, 3], message: /is not a year/ },
    { file: 'ragged.csv', lines: [2, 3], message: /fields where the header has 3/ },
  ])('$file', ({ file, lines, message }) => {
    const errs = errorsOf(join(FIX, 'bad-data', file));
    expect(errs.map((e) => e.line)).toEqual(lines);
    for (const e of errs) {
      expect(e.file).toContain(file);
      expect(e.severity).toBe('error');
    }
    expect(errs[0]?.message).toMatch(message);
  });

  it('a binary file is refused, not parsed', () => {
    const errs = errorsOf(join(FIX, 'bad-data/binary.csv'));
    expect(errs[0]?.message).toMatch(/binary/);
  });

  it('an unreadable file names itself', () => {
    const errs = errorsOf(join(FIX, 'bad-data/does-not-exist.csv'));
    expect(errs[0]?.message).toMatch(/cannot read data file: no such file/);
  });
});

describe('matching names', () => {
  it.each([
    ['home_visit_share'],
    ['接受上门服务的居家老年人数占比'],
    [' 接受上门服务的 居家老年人数占比 '],
    ['接受上门服务的居家老年人数占比（%）'],
    ['接受上门服务的居家老年人数占比(%)'],
  ])('%j names home_visit_share', (name) => {
    const bound = bindRows(plan, [{ file: 'x.csv', line: 2, indicator: name, value: '19', period: '2023' }]);
    expect(bound.errors).toEqual([]);
    expect(bound.measurements.valueAsOf('home_visit_share', 2023, 12, 'latest')?.observations[0]?.at.line).toBe(2);
  });

  it('an unknown name is a warning with the closest plan names', () => {
    const row = { file: 'x.csv', line: 7, indicator: '接受上门服务老年人数占比', value: '19', period: '2023' };
    const bound = bindRows(plan, [row]);
    expect(bound.errors).toEqual([]);
    expect(bound.unknown).toEqual([row]);
    const w = unknownIndicatorWarning(plan, row);
    expect(w).toMatchObject({ line: 7, severity: 'warning' });
    expect(w.message).toMatch(/did you mean "接受上门服务的居家老年人数占比"/);
  });

  it('a value with % converts against a ‰ unit and is refused against 人', () => {
    const ok = bindRows(plan, [{ file: 'x.csv', line: 2, indicator: 'home_visit_share', value: '195‰', period: '2023' }]);
    expect(ok.errors).toEqual([]);
    const bad = bindRows(plan, [{ file: 'x.csv', line: 2, indicator: 'social_workers', value: '95%', period: '2023' }]);
    expect(bad.errors[0]?.message).toMatch(/does not convert/);
  });
});
