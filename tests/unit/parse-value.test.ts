import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { showInterval } from '../../src/evaluate/display.js';
import { parseUnit } from '../../src/units/unit.js';
import { FALSE_WORDS, parseValue, TRUE_WORDS, YES_NO_VERBS } from '../../src/values/parse-value.js';

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
    // the completion words bureaus write for a dated project (the vocabulary YES_NO_VERBS, README "Data files")
    { raw: '已建成', value: true },
    { raw: '建成', value: true },
    { raw: '已完成', value: true },
    { raw: '已上线', value: true },
    { raw: '已经投入使用', value: true },
    { raw: ' 已建成 ', value: true },
    { raw: '未建成', value: false },
    { raw: '尚未上线', value: false },
    { raw: '未完成', value: false },
    { raw: '没有出台', value: false },
  ])('$raw is yes/no $value', ({ raw, value }) => {
    expect(parseValue(raw)).toEqual({ kind: 'boolean', value });
  });

  it('every verb of the vocabulary reads both ways, and no word is both yes and no', () => {
    for (const v of YES_NO_VERBS) {
      expect([v, `已${v}`, `已经${v}`].map((w) => parseValue(w))).toEqual(Array(3).fill({ kind: 'boolean', value: true }));
      expect([`未${v}`, `尚未${v}`, `没有${v}`].map((w) => parseValue(w))).toEqual(Array(3).fill({ kind: 'boolean', value: false }));
    }
    expect([...TRUE_WORDS].filter((w) => FALSE_WORDS.has(w))).toEqual([]);
  });

  it.each(['正在建设', '基本建成', '建设中', '已建成一半'])('%j is not read as yes or no (no guess)', (raw) => {
    expect(parseValue(raw).kind).toBe('invalid');
  });

  it.each(['abc', '12a', '1,23', '1.2.3', '..5', 'e5', '1,2345', '%'])('%j is not a number', (raw) => {
    expect(parseValue(raw).kind).toBe('invalid');
  });
});

describe('the yes/no vocabulary is the one the README documents', () => {
  it('README "Yes/no answers" lists exactly YES_NO_VERBS', () => {
    const readme = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), '../../README.md'), 'utf8');
    const listed = /<!-- yes-no-verbs -->([\s\S]*?)<!-- \/yes-no-verbs -->/.exec(readme)?.[1];
    expect(listed?.split(/[,\s]+/).filter(Boolean)).toEqual([...YES_NO_VERBS]);
  });
});
