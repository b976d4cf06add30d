/** Bundled plans, read as the tests need them: from the YAML, checked against their sources (sources/). */
import { join } from 'node:path';
import type { Indicator, Plan } from '../../src/plan/model.js';
import { checkPlanFile } from '../../src/plan/load.js';
import { ROOT } from './run-cli.js';

/** The source documents, in the repository: a clone anywhere has them. */
export const SEEDS = join(ROOT, 'sources');

/** The main table of each plan and how many numbered rows the seed prints in it. */
export const MAIN_TABLES: Readonly<Record<string, { table: string; rows: number }>> = {
  suzhou: { table: '表2', rows: 20 },
  'suzhou-13th': { table: '表1', rows: 18 },
  taicang: { table: '附件2', rows: 19 },
  suqian: { table: '表2', rows: 20 },
  zhongshan: { table: '专栏1', rows: 25 },
  chuxiong: { table: '表2', rows: 21 },
  'suqian-13th': { table: '表1', rows: 15 },
};

export async function bundled(id: string): Promise<Plan> {
  const r = await checkPlanFile(join(ROOT, 'plans', `${id}.yaml`), SEEDS, false);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n'));
  return r.plan;
}

export function byName(plan: Plan, name: string): Indicator {
  const i = plan.indicators.find((x) => x.name === name);
  if (!i) throw new Error(`${plan.id} has no indicator named ${name}`);
  return i;
}

