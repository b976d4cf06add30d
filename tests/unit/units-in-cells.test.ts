/** Units written in a value cell, and the precision a value was reported to. Pure. */
import { describe, expect, it } from 'vitest';
import { bindRows } from '../../src/data/bind.js';
import type { RawRow } from '../../src/model/row.js';
import { splitValueUnit } from '../../src/values/parse-value.js';
import { lastDigitUnit } from '../../src/values/precision.js';
import { makeIndicator, makePlan, target } from '../helpers/builders.js';

describe('splitValueUnit', () => {
  it.each([
    { name: '2.2万人', cell: '2.2万人', want: { value: '2.2', unit: '万人' } },
    { name: '1185元/人·月', cell: '1185元/人·月', want: { value: '1185', unit: '元/人·月' } },
    { name: 'a space before the unit', cell: '22,000 人', want: { value: '22,000', unit: '人' } },
    { name: 'a bound', cell: '>2.2万人', want: { value: '>2.2', unit: '万人' } },
    { name: '以上 after the unit', cell: '2.2万人以上', want: { value: '2.2以上', unit: '万人' } },
    { name: 'full-width', cell: '２．２万人', want: { value: '2.2', unit: '万人' } },
    { name: 'no unit', cell: '2.2', want: undefined },
    { name: 'an exponent is not a unit', cell: '1.5e3', want: undefined },
    { name: 'a percentage is the suffix parser’s', cell: '93%', want: undefined },
  ])('$name', ({ cell, want }) => {
    expect(splitValueUnit(cell)).toEqual(want);
  });
});

describe('lastDigitUnit', () => {
  it.each([
    ['24135', '1'],
    ['2.2', '0.1'],
    ['30,000', '1'],
    ['1.5e3', '100'],
    ['>18000', '1'],
    ['0.25%', '0.01'],
  ])('%s → %s', (text, want) => {
    expect(lastDigitUnit(text)?.toFixed()).toBe(want);
  });
  it('no number, no precision', () => expect(lastDigitUnit('不适用')).toBeUndefined());
});

describe('binding the unit of a row', () => {
  const plan = makePlan({ indicators: [makeIndicator({ id: 'sw', name: '持证社会工作专业人才数', unit: '万人', baseline: 1.5, targets: [target(2025, '>=', 2.6)] }), makeIndicator({ id: 'care', name: '特困人员照料护理标准（全护理）', unit: '元/人·月', baseline: 1000 })] });
  const row = (r: Partial<RawRow>): RawRow => ({ file: 'd.csv', line: 2, indicator: '持证社会工作专业人才数', value: '22000', period: '2023', ...r });
  const bound = (r: Partial<RawRow>) => bindRows(plan, [row(r)]);
  const base = (r: Partial<RawRow>): string | undefined => {
    const o = bound(r).measurements.all()[0];
    return o?.value.kind === 'number' ? o.value.base.lo.toFixed() : undefined;
  };

  it.each([
    { name: 'unit column', row: { unit: '人' } },
    { name: 'indicator bracket', row: { indicator: '持证社会工作专业人才数（人）' } },
    { name: 'value header', row: { headerUnit: '人' } },
    { name: 'value cell', row: { value: '22000人' } },
    { name: 'all four agreeing', row: { value: '22000人', unit: '人', indicator: '持证社会工作专业人才数(人)', headerUnit: '人' } },
  ])('$name: 22000 人 = 2.2 万人', ({ row: r }) => {
    expect(bound(r).errors).toEqual([]);
    expect(base(r)).toBe('22000');
  });

  it.each([
    { name: 'value cell vs unit column', row: { value: '2.2万人', unit: '人' }, words: ['the value cell ("万人") says 万人', 'the unit column ("人") says 人'] },
    { name: 'unit column vs header', row: { unit: '万人', headerUnit: '人' }, words: ['the unit column', "the value column's header"] },
    { name: 'bracket vs header', row: { indicator: '持证社会工作专业人才数（人）', headerUnit: '万人' }, words: ['the indicator cell', "the value column's header"] },
  ])('two sources that disagree: $name', ({ row: r, words }) => {
    const e = bound(r).errors;
    expect(e).toHaveLength(1);
    expect(e[0]?.code).toBe('BAD_UNIT');
    for (const w of words) expect(String(e[0]?.message)).toContain(w);
  });

  it('a unit that does not convert, from any source, is an error naming the source', () => {
    const e = bound({ headerUnit: '%' }).errors;
    expect(e[0]?.message).toBe("unit % in the value column's header does not convert to 持证社会工作专业人才数's unit 万人");
  });

  it('a printed name ending in brackets stays a name', () => {
    const r = bindRows(plan, [row({ indicator: '特困人员照料护理标准（全护理）', value: '1200' })]);
    expect(r.errors).toEqual([]);
    expect(r.measurements.all()[0]?.id).toBe('care');
  });

  it('an empty value cell is owed, not an observation; a not-available marker is reported absent', () => {
    expect(bound({ value: '' }).measurements.size).toBe(0);
    expect(bound({ value: '—' }).measurements.all()[0]?.value).toEqual({ kind: 'absent', text: '—' });
  });
});
