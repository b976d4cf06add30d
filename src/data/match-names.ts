/**
 * Which plan measurement a CSV row names: its id, its name or an alias,
 * ignoring whitespace and full/half-width differences; the name with its
 * unit in brackets (as the source tables print it) matches too.
 */
import { distance } from 'fastest-levenshtein';
import { allMeasurements, type Measurement, type Plan } from '../plan/model.js';
import { normaliseName, stripTrailingUnit } from '../plan/names.js';

/**
 * Names longer than this are not compared character by character: no plan
 * name is near that long, and comparing a 5-million-character cell with every
 * name would take minutes. Only this many characters of a cell are normalised
 * for suggestions, too.
 */
export const MAX_COMPARED_LENGTH = 200;
/** how far (edits per character) a name may be from the cell and still be suggested */
const MAX_RATIO = 0.6;

const INDEXES = new WeakMap<Plan, NameIndex>();

export interface NameIndex {
  find(text: string): Measurement | undefined;
  suggest(text: string, n?: number): string[];
}

/** The plan's index, built once per plan however many rows ask. */
export function buildNameIndex(plan: Plan): NameIndex {
  let idx = INDEXES.get(plan);
  if (!idx) {
    idx = makeNameIndex(plan);
    INDEXES.set(plan, idx);
  }
  return idx;
}

function makeNameIndex(plan: Plan): NameIndex {
  const index = new Map<string, Measurement>();
  const names: { key: string; name: string }[] = [];
  for (const m of allMeasurements(plan)) {
    const add = (s: string): void => {
      const key = normaliseName(s);
      if (!index.has(key)) index.set(key, m);
    };
    add(m.id);
    for (const n of [m.name, ...m.aliases]) {
      add(n);
      add(`${n}(${m.unit.text})`);
      add(stripTrailingUnit(normaliseName(n)));
      names.push({ key: normaliseName(n), name: n });
    }
  }
  return {
    find(text) {
      const key = normaliseName(text);
      return index.get(key) ?? index.get(stripTrailingUnit(key));
    },
    suggest(text, n = 3) {
      if (text.length > MAX_COMPARED_LENGTH * 2) return [];
      const key = normaliseName(text);
      if (key.length > MAX_COMPARED_LENGTH) return [];
      return names
        // the distance is at least the difference in length: most names are ruled out without comparing
        .filter(({ key: k }) => Math.abs(key.length - k.length) / Math.max(key.length, k.length, 1) <= MAX_RATIO)
        .map(({ key: k, name }) => ({ name, d: distance(key, k) / Math.max(key.length, k.length, 1) }))
        .filter((x) => x.d <= MAX_RATIO)
        .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
        .slice(0, n)
        .map((x) => x.name);
    },
  };
}
