/**
 * YAML text → a document that knows where each value stands, so that schema
 * and expression errors point at file:line:col. Position tracking is the
 * `yaml` library's (LineCounter and node ranges), not ours.
 */
import { LineCounter, parseDocument, isNode, isPair, isScalar, isMap, type Document, type Node } from 'yaml';
import { errorDiagnostic, type Diagnostic } from '../errors.js';

export interface PositionedDocument {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  readonly value: unknown;
}

export type ParseYamlResult = { readonly ok: true; readonly document: PositionedDocument } | { readonly ok: false; readonly errors: Diagnostic[] };

export function parseYaml(text: string, file: string): ParseYamlResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return errorDiagnostic('YAML', e.message.split('\n')[0] ?? e.message, { file, line: pos.line, column: pos.col });
      }),
    };
  }
  return { ok: true, document: { file, text, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) } };
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

/** Where the node at `path` stands; with `key`, where that key of a map stands. */
export function positionOf(d: PositionedDocument, path: readonly (string | number)[], key?: string): NodePosition {
  let node: unknown = d.doc.contents;
  let last: unknown = node;
  for (const seg of path) {
    if (!isNode(node)) break;
    const next = (node as { get?: (k: unknown, keep: boolean) => unknown }).get?.(seg, true);
    if (next === undefined) break;
    node = next;
    last = node;
  }
  if (key !== undefined && isMap(last)) {
    const pair = last.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return toPosition(d, pair.key.range[0]);
  }
  const range = isNode(last) ? (last as Node).range : undefined;
  if (!range) return { line: 1, column: 1, offset: 0 };
  const pos = toPosition(d, range[0]);
  if (isScalar(last) && (last.type === 'PLAIN' || last.type === 'QUOTE_DOUBLE' || last.type === 'QUOTE_SINGLE')) {
    return { ...pos, source: d.text.slice(range[0], range[1]) };
  }
  return pos;
}

function toPosition(d: PositionedDocument, offset: number): NodePosition {
  const p = d.lines.linePos(offset);
  return { line: p.line, column: p.col, offset };
}
