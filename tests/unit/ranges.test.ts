/** Range targets with a direction, and gaps worded in percentage points. Pure. */
import { describe, expect, it } from 'vitest';
import { evaluateIndicator } from '../../src/evaluate/targets.js';
import { explain } from '../../src/report/explain.js';
import type { Indicator, Target } from '../../src/plan/model.js';
import { Decimal } from '../../src/values/decimal.js';
import { makeIndicator, makeMeasurements } from '../helpers/builders.js';

const range = (lo: number, hi: number): Target => ({ year: 2023, comparison: 'between', range: [new Decimal(lo), new Decimal(hi)] });

function verdict(ind: Indicator, value: string, lang: 'en' | 'zh' = 'en'): { status: string; message: string } {
  const r = evaluateIndicator(ind, makeMeasurements([[ind.id, 2023, value, '%']]), 2023);
  if (!r) throw new Error('no result');
  return { status: r.status, message: explain(r, 2023, lang) };
}

describe('a range target on an indicator with a direction', () => {
  const higher = makeIndicator({ baseline: 50, targets: [range(56, 62)], direction: 'higher' });
  const lower = makeIndicator({ baseline: 70, targets: [range(56, 62)], direction: 'lower' });
  it.each([
    { name: 'over-achievement (75% against 56–62%, higher is better) passes beyond the range', ind: higher, value: '75', status: 'pass', words: ['beyond the range on the better side by 13 pp'] },
    { name: 'within the range passes', ind: higher, value: '60', status: 'pass', words: [] },
    { name: 'below the range fails, below it by', ind: higher, value: '55.78', status: 'fail', words: ['below the range by 0.22 pp'] },
    { name: 'lower is better: under the range passes beyond it', ind: lower, value: '40', status: 'pass', words: ['beyond the range on the better side by 16 pp'] },
    { name: 'lower is better: above the range fails, above it by', ind: lower, value: '63', status: 'fail', words: ['above the range by 1 pp'] },
  ])('$name', ({ ind, value, status, words }) => {
    const v = verdict(ind, value);
    expect(v.status).toBe(status);
    for (const w of words) expect(v.message).toContain(w);
    expect(v.message).not.toContain('short by');
  });

  it('in Chinese, a gap between percentages is in 个百分点', () => {
    expect(verdict(higher, '55.78', 'zh').message).toContain('低于区间 0.22 个百分点');
  });
});
