/** Every bundled plan's region resolves to its own code, by its code, its name and each alias it gives. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bundledRegions, ROOT } from '../helpers/regions.js';

interface PlanRegion {
  code: string;
  name: string;
  aliases?: string[];
}

const plans = readdirSync(join(ROOT, 'plans'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ plan: f, region: (parse(readFileSync(join(ROOT, 'plans', f), 'utf8')) as { region?: PlanRegion }).region }))
  // a standards plan names a scope, not one region
  .filter((p): p is { plan: string; region: PlanRegion } => p.region?.code !== undefined);

describe('bundled plans’ regions', () => {
  const table = bundledRegions();

  it('there are plans to check', () => {
    expect(plans.length).toBeGreaterThanOrEqual(7);
  });

  it.each(plans)('$plan: $region.name ($region.code)', ({ region }) => {
    expect(table.byCode(region.code)?.name).toBe(region.name);
    expect(table.lookup(region.code).map((r) => r.code)).toEqual([region.code]);
    expect(table.lookup(region.name).map((r) => r.code)).toEqual([region.code]);
    for (const alias of region.aliases ?? []) expect(table.lookup(alias)[0]?.code, alias).toBe(region.code);
    // written with its province (and prefecture) before it, and in every year of a five-year plan
    const path = [...table.ancestors(region.code)].reverse().map((r) => r.name).join('') + region.name;
    expect(table.lookup(path).map((r) => r.code)).toEqual([region.code]);
    for (let year = 2020; year <= 2025; year++) expect(table.lookup(region.name, { year }).map((r) => r.code)).toEqual([region.code]);
  });
});
