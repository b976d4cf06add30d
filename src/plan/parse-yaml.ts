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

/** The largest plan file read: the biggest bundled plan is about 100 KB. */
export const MAX_PLAN_CHARS = 4 << 20;
/** How many aliases (`*name`) a plan may resolve: a plan needs few, and an alias bomb needs millions. */
export const MAX_ALIAS_COUNT = 100;

export function parseYaml(text: string, file: string): ParseYamlResult {
  if (text.length > MAX_PLAN_CHARS) {
    return { ok: false, errors: [errorDiagnostic('YAML', { en: `the plan file has ${text.length} characters; plancheck reads plan files of at most ${MAX_PLAN_CHARS}`, zh: `规划文件有 ${text.length} 个字符，plancheck 只读取不超过 ${MAX_PLAN_CHARS} 个字符的规划文件` }, { file, line: 1 })] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        const msg = e.message.split('\n')[0] ?? e.message;
        return errorDiagnostic('YAML', { en: msg, zh: `YAML 语法错误：${msg}` }, { file, line: pos.line, column: pos.col });
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // the yaml library refuses an alias that expands too far (a "billion laughs" document)
    if (!(e instanceof ReferenceError)) throw e;
    const at = firstAliasOffset(text);
    const pos = lines.linePos(at);
    return { ok: false, errors: [errorDiagnostic('YAML', { en: `${e.message}: the plan's aliases (*name) expand to too much (at most ${MAX_ALIAS_COUNT} are resolved)`, zh: `规划中的别名（*name）展开过多（最多解析 ${MAX_ALIAS_COUNT} 个）：${e.message}` }, { file, line: pos.line, column: pos.col })] };
  }
  const partial = { file, text, doc, lines, value };
  const document: PositionedDocument = { ...partial, position: (path, key) => positionOf(document, path, key) };
  return { ok: true, document };
}

/** Where the first alias stands, for an error about aliases (the yaml library's error has no position). */
function firstAliasOffset(text: string): number {
  const m = /(^|[\s[{,:-])\*[^\s,[\]{}]/m.exec(text);
  return m ? m.index + (m[1] ?? '').length : 0;
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
