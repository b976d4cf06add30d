import { describe, expect, it } from 'vitest';
import { showInterval } from '../../src/evaluate/display.js';
import { parseUnit } from '../../src/units/unit.js';
import { parseValue } from '../../src/values/parse-value.js';

const PLAIN = parseUnit('人');

describe('parseValue', () => {
  it.each([
    { raw: '30000', shown: '30000' },
    { raw: '30,000', shown: '30000' },
    { raw: '1,234,567.5', shown: '1234567.5' },
    { raw: '１２３', shown: '123' },
    { raw: ' 42 ', shown: '42' },
    { raw: '-3.5', shown: '-3.5' },
    { raw: '1.2E+04', shown: '12000' },
    { raw: '>18000', shown: '>18000' },
    { raw: '＞30', shown: '>30' },
    { raw: '≥30', shown: '≥30' },
    { raw: '>=30', shown: '≥30' },
    { raw: '≤35', shown: '≤35' },
    { raw: '<5', shown: '<5' },
    { raw: '90以上', shown: '≥90' },
    { raw: '不低于90', shown: '≥90' },
  ])('$raw is the number $shown', ({ raw, shown }) => {
    const v = parseValue(raw);
    expect(v.kind).toBe('number');
    if (v.kind === 'number') expect(showInterval(v.value, PLAIN)).toBe(shown);
  });

  it.each([
    { raw: '95%', suffix: '%' },
    { raw: '95 %', suffix: '%' },
    { raw: '95％', suffix: '%' },
    { raw: '1.5‰', suffix: '‰' },
    { raw: '＞30%', suffix: '%' },
  ])('$raw carries the suffix $suffix', ({ raw, suffix }) => {
    const v = parseValue(raw);
    expect(v.kind === 'number' && v.suffix).toBe(suffix);
  });

  it.each(['', '-', '—', '——', '/', '不适用', 'N/A', '不再评级'])('%j means not available', (raw) => {
    expect(parseValue(raw).kind).toBe('absent');
  });

  it.each([
    { raw: '是', value: true },
    { raw: '已实现', value: true },
    { raw: '否', value: false },
  ])('$raw is yes/no $value', ({ raw, value }) => {
    expect(parseValue(raw)).toEqual({ kind: 'boolean', value });
  });

  it.each(['abc', '12a', '1,23', '1.2.3', '..5', 'e5', '1,2345', '%'])('%j is not a number', (raw) => {
    expect(parseValue(raw).kind).toBe('invalid');
  });
});
