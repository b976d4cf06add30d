/**
 * A note that quotes its source — a contradiction noted with both quotes,
 * a body sentence beside a table row — quotes it exactly: every passage in
 * double quotes ("…") of a note that is Chinese text of some length is
 * found in the plan's source document (whitespace aside).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPlanIds } from '../../src/plan/load.js';
import { SEEDS, bundled } from '../helpers/plans.js';

const QUOTED = /"([^"]+)"|“([^”]+)”/g;
const CJK = /[\u4e00-\u9fff]/g;

/** Quoted passages of at least 8 Chinese characters: names of things are shorter, sentences longer. */
function quotedPassages(note: string): string[] {
  return [...note.matchAll(QUOTED)].map((m) => m[1] ?? m[2] ?? '').filter((q) => (q.match(CJK) ?? []).length >= 8);
}

describe('quotes in notes are in the source', () => {
  it.each(bundledPlanIds())('%s', async (id) => {
    const plan = await bundled(id);
    const source = readFileSync(join(SEEDS, plan.source.file), 'utf8').replace(/\s+/g, '');
    const notes = [...plan.indicators, ...plan.measurements, ...plan.rules].flatMap((x) => (x.note === undefined ? [] : [{ id: x.id, note: x.note }]));
    const missing = notes.flatMap(({ id: who, note }) => quotedPassages(note).filter((q) => !source.includes(q.replace(/\s+/g, ''))).map((q) => `${who}: ${q}`));
    expect(missing).toEqual([]);
    // a contradiction noted quotes the other side (the indicator's own side is its source quote)
    expect(notes.filter((n) => /contradict/.test(n.note) && quotedPassages(n.note).length === 0).map((n) => n.id)).toEqual([]);
  });
});
