/** The report's words: every label in the chosen language, part years named, expressions for reading. Pure. */
import { describe, expect, it } from 'vitest';
import { comparisonText, mathText, periodLabel, valueText } from '../../src/report/progress-document.js';
import type { Comparison } from '../../src/plan/model.js';

describe('report labels', () => {
  it.each([
    ['>=', '90', '%', '不低于90%', '≥ 90%'],
    ['<=', '35', '%', '不高于35%', '≤ 35%'],
    ['>', '2.6', '万人', '高于2.6万人', '> 2.6 万人'],
    ['<', '5', '‰', '低于5‰', '< 5‰'],
  ])('%s %s %s → %s / %s', (op, v, unit, zh, en) => {
    expect(comparisonText(op as Comparison, v, unit, 'zh')).toBe(zh);
    expect(comparisonText(op as Comparison, v, unit, 'en')).toBe(en);
  });

  it.each([
    [2024, 12, '2024年', '2024'],
    [2024, 6, '2024年1–6月', 'Jan–Jun 2024'],
    [2024, 9, '2024年1–9月', 'Jan–Sep 2024'],
  ])('%i to month %i → %s / %s', (year, month, zh, en) => {
    expect(periodLabel(year, month, 'zh')).toBe(zh);
    expect(periodLabel(year, month, 'en')).toBe(en);
  });

  it('keeps units with values, never drops them', () => {
    expect(valueText('2.45', '万人', 'zh')).toBe('2.45万人');
    expect(valueText('2.45', '万人', 'en')).toBe('2.45 万人');
    expect(valueText('—', '万人', 'zh')).toBe('—');
  });

  it('writes rule arithmetic with ≥, ≤ and ×', () => {
    expect(mathText('1600 >= 1.4 * 1185: 1600 ≥ 1659')).toBe('1600 ≥ 1.4 × 1185: 1600 ≥ 1659');
    expect(mathText('a <= b * c[-1]')).toBe('a ≤ b × c[-1]');
    expect(mathText('s == 1.6 * l')).toBe('s = 1.6 × l');
  });
});
