/** An indicator's `amount` reading: how a share-or-amount row is read, and how the plan declares it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readShareOrAmount } from '../../src/data/amount-reading.js';
import { checkPlanFile } from '../../src/plan/load.js';
import type { Indicator, Measurement } from '../../src/plan/model.js';
import type { RawRow } from '../../src/model/row.js';
import { parseUnit } from '../../src/units/unit.js';
import { Decimal } from '../../src/values/decimal.js';
import { bound, point } from '../../src/values/interval.js';

const amount: Measurement = { id: 'care_amount', name: '照料护理标准金额', aliases: [], unit: parseUnit('元/月'), rollup: 'latest', frequency: 'yearly', required: false };
const share = { id: 'care_share', name: '照料护理标准', aliases: [], unit: parseUnit('%'), rollup: 'latest', frequency: 'yearly', required: false, attribute: 'binding', direction: 'higher', baseline: null, targets: [], references: [], amount: { id: 'care_amount', bareShareMax: new Decimal(200), bareAmountMin: new Decimal(400) } } satisfies Indicator;
const row = (value: string, unit?: string, headerUnit?: string): RawRow => ({ file: 'd.csv', line: 2, indicator: '照料护理标准', value, ...(unit === undefined ? {} : { unit }), ...(headerUnit === undefined ? {} : { headerUnit }) });
const find = (id: string): Measurement | undefined => (id === amount.id ? amount : undefined);
/** the units the row writes, as bind.ts collects them (a % in the value cell, the unit column, the header) */
const read = (r: RawRow, v = point(r.value), suffix?: '%'): string => readShareOrAmount(share, r, v, [suffix, r.unit, r.headerUnit].filter((u): u is string => u !== undefined), find).kind;

describe('a share that may be given as an amount', () => {
  it('a unit of the amount\'s kind (in the unit column or the header) is the amount; % stays the share', () => {
    expect(read(row('2200', '元/月'))).toBe('amount');
    expect(read(row('26400', '元/年'))).toBe('amount');
    expect(read(row('2200', undefined, '元/月'))).toBe('amount');
    expect(read(row('95', '%'))).toBe('as_named');
    expect(read(row('95'), point(95), '%')).toBe('as_named');
    expect(read(row('2200', '人'))).toBe('as_named'); // a unit of neither kind: bind reports it against the share's unit
  });

  it('a bare number: a share up to bare_share_max, an amount from bare_amount_min, ambiguous between', () => {
    expect(read(row('100'))).toBe('as_named');
    expect(read(row('200'))).toBe('as_named');
    expect(read(row('400'))).toBe('amount');
    expect(read(row('2200'))).toBe('amount');
    expect(read(row('≥2200'), bound('>=', new Decimal(2200)))).toBe('amount');
    expect(read(row('300'))).toBe('ambiguous');
  });

  it('a measurement without an amount reading is read as named', () => {
    expect(readShareOrAmount(amount, row('2200'), point(2200), [], find).kind).toBe('as_named');
  });
});

describe('the plan declares it soundly', () => {
  const BASIC = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '../fixtures/basic/plan.yaml'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-amount-'));
  const withAmount = async (decl: string): Promise<string[]> => {
    const file = join(dir, `p${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, BASIC.replace('    name: 接受上门服务的居家老年人数占比\n', `    name: 接受上门服务的居家老年人数占比\n    amount: ${decl}\n`));
    const r = await checkPlanFile(file);
    return r.ok ? [] : r.errors.map((e) => `${e.line} ${e.message}`);
  };

  it('a measurement in another kind of unit, with ranges that do not overlap, is valid', async () => {
    expect(await withAmount('{ measurement: low_income_standard, bare_share_max: 100, bare_amount_min: 300 }')).toEqual([]);
  });

  it.each([
    ['{ measurement: no_such, bare_share_max: 100, bare_amount_min: 300 }', /"no_such" is not a measurement/],
    ['{ measurement: burial_share, bare_share_max: 100, bare_amount_min: 300 }', /same kind of unit/],
    ['{ measurement: low_income_standard, bare_share_max: 300, bare_amount_min: 300 }', /bare_share_max must be below bare_amount_min/],
    ['{ measurement: low_income_standard }', /missing required property "bare_share_max"/],
  ])('%s is an error', async (decl, message) => {
    const errors = await withAmount(decl);
    expect(errors.join('\n')).toMatch(message);
  });
});
