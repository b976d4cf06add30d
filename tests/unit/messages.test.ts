/** The message catalog: every key in both languages, with the same {arguments}, and no "(s)" plurals. */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/report/messages.js';

/** Keys whose languages take different arguments by design; each caller passes both sets. */
const PER_LANGUAGE: Readonly<Record<string, string>> = {
  'basis.pro_rata': 'zh names the milestone year, en the target year (explain.ts passes year and toYear)',
  'report.part_year': 'zh writes the month number, en its name (progress-document.ts passes month and monthName)',
  'report.cutoff_month': 'as report.part_year',
};

const args = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string))].sort();

describe('the message catalog', () => {
  const zh = catalog('zh');
  const en = catalog('en');

  it('has the same keys in Chinese and English', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en).filter((k) => !(k in PER_LANGUAGE)))('%s takes the same arguments in both languages', (key) => {
    expect(args(zh[key] ?? '')).toEqual(args(en[key] ?? ''));
  });

  it('writes no "(s)" plural', () => {
    expect(Object.entries(en).filter(([, v]) => /\w\(s\)/.test(v))).toEqual([]);
  });
});
