/**
 * The report grades no pace from a value that evaluate calls implausible
 * (issue 9's slip, 22000 in a 万人 column): the indicator is not assessable,
 * and the section says which value and what was likely meant.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-implausible-'));
const slipped = join(dir, 'suzhou-2023.csv');
writeFileSync(
  slipped,
  readFileSync(join(ROOT, 'examples/suzhou-2023.csv'), 'utf8')
    .split('\n')
    .map((l) => (l.startsWith('持证社会工作专业人才数,2023,') ? '持证社会工作专业人才数,2023,22000,,苏州市,' : l))
    .join('\n'),
);
const SERIES = [join(ROOT, 'examples/suzhou-2021.csv'), join(ROOT, 'examples/suzhou-2022.csv'), slipped];

describe('report on a series with an implausible value', () => {
  it('does not grade the indicator and says why, in JSON', () => {
    const r = runCli(['report', '--plan', 'suzhou', '--format', 'json', ...SERIES]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { indicators: { id: string; category: string; reason: string | null }[] };
    const item = doc.indicators.find((i) => i.id === 'certified_social_workers');
    expect(item).toMatchObject({ category: 'not_assessable', reason: 'IMPLAUSIBLE' });
  });

  it('names the value and the likely unit in the indicator section', () => {
    const md = runCli(['report', '--plan', 'suzhou', '--lang', 'zh', ...SERIES]).stdout;
    const section = md.slice(md.indexOf('. 持证社会工作专业人才数'));
    expect(section).toMatch(/数值存疑（不评估进度）：持证社会工作专业人才数 22000 万人（.*suzhou-2023\.csv:16）.*单位是否应为 人/);
  });
});
