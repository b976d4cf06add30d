/**
 * Every bundled plan tied to its seed: the rows of its main table counted
 * against the seed's, every quote found in the seed, and a sample of
 * baselines, targets and attributes checked against the seed text by hand.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanFile } from '../../src/plan/load.js';
import { ROOT } from '../helpers/run-cli.js';
import { MAIN_TABLES, SEEDS, bundled } from '../helpers/plans.js';

const ids = readdirSync(join(ROOT, 'plans'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe('bundled plans', () => {
  it('every plan names a source document that is in sources/', async () => {
    for (const id of ids) {
      const plan = await bundled(id);
      expect(existsSync(join(SEEDS, plan.source.file)), `${id}: ${plan.source.file}`).toBe(true);
    }
  });

  it('every plan of the issue is bundled', () => {
    expect(ids.sort()).toEqual(expect.arrayContaining([...Object.keys(MAIN_TABLES), 'suqian-13th'].sort()));
  });

  it.each(ids)('%s validates, every quote is in its seed, and nothing is left to lint', async (id) => {
    const r = await checkPlanFile(join(ROOT, 'plans', `${id}.yaml`), SEEDS, false);
    expect(r.ok ? [] : r.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([]);
    // a target behind its baseline is kept as the source prints it, with a note saying so
    const serious = r.warnings.filter((w) => !(w.code === 'TARGET_BEHIND_BASELINE' && !w.message.includes('explain it in a note')));
    expect(serious.map((w) => `${w.line}: ${w.code} ${w.message}`)).toEqual([]);
  });

  it.each(Object.entries(MAIN_TABLES))('%s covers every row of its main table', async (id, { table, rows }) => {
    const plan = await bundled(id);
    const printed = new Set(plan.indicators.filter((i) => i.source?.table === table).map((i) => i.source?.row));
    expect(printed.size).toBe(rows);
    expect([...printed].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: rows }, (_, i) => String(i + 1)));
  });
});
