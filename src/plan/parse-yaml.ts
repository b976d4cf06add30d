/**
 * YAML text → a document that knows where each value stands, so that schema
 * and expression errors point at file:line:col. Position tracking is the
 * `yaml` library's (LineCounter and node ranges), not ours.
 */
import { LineCounter, parseDocument, isNode, isPair, isScalar, isMap, isSeq, type Document, type Node } from 'yaml';
import { errorDiagnostic, type Diagnostic } from '../errors.js';
import type { NodePosition, PlanSource } from './source.js';

export interface PositionedDocument extends PlanSource {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
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
  const partial = { file, text, doc, lines, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  const document: PositionedDocument = { ...partial, position: (path, key) => positionOf(document, path, key) };
  return { ok: true, document };
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

/**
 * Every node's position, by JSON pointer, for a plan cache: a validated
 * plan can then be loaded without parsing YAML again.
 */
export function positionTable(d: PositionedDocument): Record<string, [number, number, string?]> {
  const out: Record<string, [number, number, string?]> = {};
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (!isNode(node)) return;
    const range = (node as Node).range;
    if (range) {
      const p = d.lines.linePos(range[0]);
      const last = path[path.length - 1];
      const source = last === 'expression' && isScalar(node) ? d.text.slice(range[0], range[1]) : undefined;
      out['/' + path.join('/')] = source === undefined ? [p.line, p.col] : [p.line, p.col, source];
    }
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(d.doc.contents, []);
  return out;
}

function toPosition(d: PositionedDocument, offset: number): NodePosition {
  const p = d.lines.linePos(offset);
  return { line: p.line, column: p.col, offset };
}
