/**
 * A plan document as validation sees it: its value, and where each part of
 * it stands in the file — from the YAML parser, or from the build's cache.
 * No YAML library here, so a cached plan loads without one.
 */
/** A plan document: its value, and where each part of it stands in the file. */
export interface PlanSource {
  readonly file: string;
  readonly value: unknown;
  position(path: readonly (string | number)[], key?: string): NodePosition;
}

/** JSON-pointer `/indicators/3/unit` → path segments. */
export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface NodePosition {
  readonly line: number;
  readonly column: number;
  /** offset of the node's first character in the file */
  readonly offset: number;
  /** for a plain or quoted scalar on one line: its raw source text */
  readonly source?: string;
}

/** A PlanSource over a cached value and position table. */
export function cachedSource(file: string, value: unknown, table: Readonly<Record<string, readonly [number, number, string?]>>): PlanSource {
  return {
    file,
    value,
    position(path) {
      for (let n = path.length; n >= 0; n--) {
        const hit = table['/' + path.slice(0, n).join('/')];
        if (hit) return { line: hit[0], column: hit[1], offset: 0, ...(hit[2] === undefined || n !== path.length ? {} : { source: hit[2] }) };
      }
      return { line: 1, column: 1, offset: 0 };
    },
  };
}

