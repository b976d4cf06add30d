/**
 * Which plan measurement a CSV row names: its id, its name or an alias,
 * ignoring whitespace and full/half-width differences; the name with its
 * unit in brackets (as the source tables print it) matches too.
 */
import { allMeasurements, type Measurement, type Plan } from '../plan/model.js';
import { editDistance, normaliseName, stripTrailingUnit } from '../plan/names.js';

export interface NameIndex {
  find(text: string): Measurement | undefined;
  suggest(text: string, n?: number): string[];
}

export function buildNameIndex(plan: Plan): NameIndex {
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
      const key = normaliseName(text);
      return names
        .map(({ key: k, name }) => ({ name, d: editDistance(key, k) / Math.max(key.length, k.length, 1) }))
        .filter((x) => x.d <= 0.6)
        .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
        .slice(0, n)
        .map((x) => x.name);
    },
  };
}
