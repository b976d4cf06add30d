import { describe, expect, it } from 'vitest';
import { convertValue, parseUnit, sameDimension, toBase, tryParseUnit, UnitSyntaxError } from '../../src/units/unit.js';
import { Decimal } from '../../src/values/decimal.js';
import { thrown } from '../helpers/thrown.js';

describe('parseUnit', () => {
  it.each([
    { text: '%', dimension: 'ratio', factor: '0.01' },
    { text: '‰', dimension: 'ratio', factor: '0.001' },
    { text: '％', dimension: 'ratio', factor: '0.01' },
    { text: '倍', dimension: 'ratio', factor: '1' },
    { text: '人', dimension: '人', factor: '1' },
    { text: '万人', dimension: '人', factor: '10000' },
    { text: '人次', dimension: '人次', factor: '1' },
    { text: '万人次', dimension: '人次', factor: '10000' },
    { text: '元', dimension: '元', factor: '1' },
    { text: '万元', dimension: '元', factor: '10000' },
    { text: '亿元', dimension: '元', factor: '100000000' },
    { text: '元/人·月', dimension: '元/人·年', factor: '12' },
    { text: '元/人·年', dimension: '元/人·年', factor: '1' },
    { text: '元/人年', dimension: '元/人·年', factor: '1' },
    { text: '元/人/月', dimension: '元/人·年', factor: '12' },
    { text: '元/月', dimension: '元/年', factor: '12' },
    { text: '平方米/百户', dimension: '平方米/户', factor: '0.01' },
    { text: '张/千名老人', dimension: '张/名老人', factor: '0.001' },
    { text: '户', dimension: '户', factor: '1' },
  ])('$text → $dimension × $factor', ({ text, dimension, factor }) => {
    const u = parseUnit(text);
    expect(u.dimension).toBe(dimension);
    expect(u.factor.toFixed()).toBe(factor);
  });

  it('reads 是/否 as a yes/no unit', () => {
    expect(parseUnit('是/否').kind).toBe('boolean');
  });

  it.each(['', '   ', '3人', '月/人', '元/月/年'])('rejects %j', (text) => {
    expect(tryParseUnit(text)).toBeUndefined();
  });
});

describe('conversion', () => {
  it.each([
    { value: '1.5', from: '万人', to: '人', expected: '15000' },
    { value: '26000', from: '人', to: '万人', expected: '2.6' },
    { value: '1.5', from: '‰', to: '%', expected: '0.15' },
    { value: '3', from: '亿元', to: '万元', expected: '30000' },
    { value: '1200', from: '元/人·月', to: '元/人·年', expected: '14400' },
  ])('$value $from = $expected $to', ({ value, from, to, expected }) => {
    expect(convertValue(new Decimal(value), parseUnit(from), parseUnit(to)).toFixed()).toBe(expected);
  });

  it('does not convert across dimensions', () => {
    expect(sameDimension(parseUnit('元/人·月'), parseUnit('人'))).toBe(false);
    expect(() => convertValue(new Decimal(1), parseUnit('元'), parseUnit('人'))).toThrow();
  });

  it('the per-month/per-year trap: 1200 元/人·月 is above 30% of 46000 元/人·年', () => {
    const lowIncome = toBase(new Decimal(1200), parseUnit('元/人·月')); // 14400 a year
    const consumption30 = toBase(new Decimal(46000), parseUnit('元/人·年')).mul('0.3'); // 13800 a year
    expect(lowIncome.gte(consumption30)).toBe(true);
    // and a checker that compared the raw numbers would say 1200 < 13800
    expect(new Decimal(1200).lt(consumption30)).toBe(true);
  });
});

describe('unit syntax errors in both languages', () => {
  it.each(['3个', '', '月/人', '元/年/月', '元·人/户'])('"%s": a Chinese message beside the English one', (text) => {
    const err = thrown(() => parseUnit(text));
    expect(err).toBeInstanceOf(UnitSyntaxError);
    expect((err as UnitSyntaxError).zh).toMatch(/[\u4e00-\u9fff]/);
    expect((err as UnitSyntaxError).zh).not.toBe((err as UnitSyntaxError).message);
  });
});
