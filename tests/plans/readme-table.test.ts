/**
 * The README's plan table counts, per bundled plan, the indicators, the
 * rules and the commitments listed as not encoded; the counts are the
 * plans' own, so a plan that changes without its README row fails here
 * (the message gives the row as it should read).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPlanIds } from '../../src/plan/load.js';
import { ledgerCounts } from '../../src/report/plan-table.js';
import { bundled } from '../helpers/plans.js';
import { ROOT } from '../helpers/run-cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** `| `id` | plan | main table | indicators | rules | not encoded |` → the cells. */
function readmeRow(id: string): string[] | undefined {
  const line = readme.split('\n').find((l) => l.startsWith(`| \`${id}\` |`));
  return line?.split('|').slice(1, -1).map((c) => c.trim());
}

describe('README plan table', () => {
  it.each(bundledPlanIds())('%s: indicators, rules and not-encoded counts match the plan', async (id) => {
    const c = ledgerCounts(await bundled(id));
    const cells = readmeRow(id);
    expect(cells, `README has no row for ${id}`).toBeDefined();
    expect(cells?.slice(3).map(Number), `the README row for ${id} should end | ${c.indicators} | ${c.rules} | ${c.listed} |`).toEqual([c.indicators, c.rules, c.listed]);
  });
});
