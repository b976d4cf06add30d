/** ajv's errors → diagnostics that name file:line:col and the document path. */
import type { ErrorObject } from 'ajv';
import { errorDiagnostic, type Diagnostic } from '../errors.js';
import { pointerToPath, type PlanSource } from './source.js';

const NOISE = new Set(['if', 'oneOf', 'anyOf']);

function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const hasDeeper = (e: ErrorObject): boolean =>
    errors.some((o) => o !== e && !NOISE.has(o.keyword) && o.params['type'] !== 'null' && o.instancePath.startsWith(e.instancePath));
  return errors.filter((e) => {
    if (NOISE.has(e.keyword)) return !hasDeeper(e);
    if (e.keyword === 'type' && e.params['type'] === 'null') return !hasDeeper(e);
    return true;
  });
}

function describe(e: ErrorObject, value: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `missing required property "${String(p['missingProperty'])}"`;
    case 'additionalProperties':
      return `unknown property "${String(p['additionalProperty'])}"`;
    case 'enum':
      return `${JSON.stringify(value)} is not one of: ${(p['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p['allowedValue'])}`;
    case 'pattern':
      return `${JSON.stringify(value)} does not match ${String(p['pattern'])}${String(p['pattern']).includes('_') ? ' (ASCII snake_case, e.g. low_income_standard)' : ''}`;
    case 'type':
      return `${JSON.stringify(value)} must be ${String(p['type']).replace(',', ' or ')}`;
    case 'not':
      if (e.instancePath.startsWith('/not_encoded/')) return '`covered_by` is only for reason covered (it names what checks the commitment)';
      return 'a "between" target takes `range: [low, high]`, any other comparison takes `value`';
    default:
      return e.message ?? e.keyword;
  }
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export function schemaDiagnostics(d: PlanSource, errors: readonly ErrorObject[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of relevant(errors)) {
    const path = pointerToPath(e.instancePath);
    const key = e.keyword === 'additionalProperties' ? String(e.params['additionalProperty']) : undefined;
    const pos = d.position(path, key);
    const message = describe(e, valueAt(d.value, path));
    const docPath = e.instancePath || '/';
    const sig = `${docPath}|${message}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push(errorDiagnostic('SCHEMA', message, { file: d.file, line: pos.line, column: pos.column, path: docPath }));
  }
  return out;
}
