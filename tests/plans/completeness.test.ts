/**
 * Every candidate commitment of a source document — a quantified or dated
 * phrase in its forward-looking part, as src/plan/commitments.ts finds them —
 * is accounted for by a quote of a plan read from that source: an
 * indicator's, a rule's, or a `not_encoded` entry's. A candidate no quote
 * covers fails the test, and is resolved in the plan, never here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCandidates, planQuotes, uncoveredCandidates } from '../../src/plan/commitments.js';
import { bundledPlanIds } from '../../src/plan/load.js';
import type { Plan } from '../../src/plan/model.js';
import { SEEDS, bundled } from '../helpers/plans.js';

const plans: Plan[] = await Promise.all(bundledPlanIds().map((id) => bundled(id)));
/** Plans that share a source document share its ledger (苏州 十四五 and its 十三五 table). */
const bySource = new Map<string, Plan[]>();
for (const p of plans) bySource.set(p.source.file, [...(bySource.get(p.source.file) ?? []), p]);

describe('every candidate commitment of a source is encoded or listed as not encoded', () => {
  for (const [file, group] of bySource) {
    const ids = group.map((p) => p.id).join(', ');
    it(`${file} (${ids})`, () => {
      const text = readFileSync(join(SEEDS, file), 'utf8');
      // the finder found something: a source with no candidates would make this test pass vacuously
      expect(findCandidates(text).length).toBeGreaterThan(10);
      const open = uncoveredCandidates(text, group.flatMap(planQuotes)).map((c) => `${file}:${c.line} ${c.phrase} — ${c.sentence}`);
      expect(open).toEqual([]);
    });
  }
});
