/** ajv's errors → diagnostics that name file:line:col and the document path. */
import type { ErrorObject } from 'ajv';
import { errorDiagnostic, type Bilingual, type Diagnostic } from '../errors.js';
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

function describe(e: ErrorObject, value: unknown): Bilingual {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { en: `missing required property "${String(p['missingProperty'])}"`, zh: `缺少必需的属性“${String(p['missingProperty'])}”` };
    case 'additionalProperties':
      return { en: `unknown property "${String(p['additionalProperty'])}"`, zh: `未知的属性“${String(p['additionalProperty'])}”` };
    case 'enum':
      return { en: `${JSON.stringify(value)} is not one of: ${(p['allowedValues'] as unknown[]).map(String).join(', ')}`, zh: `${JSON.stringify(value)} 不是以下之一：${(p['allowedValues'] as unknown[]).map(String).join('、')}` };
    case 'const':
      return { en: `must be ${JSON.stringify(p['allowedValue'])}`, zh: `必须是 ${JSON.stringify(p['allowedValue'])}` };
    case 'pattern':
      return { en: `${JSON.stringify(value)} does not match ${String(p['pattern'])}${String(p['pattern']).includes('_') ? ' (ASCII snake_case, e.g. low_income_standard)' : ''}`, zh: `${JSON.stringify(value)} 不符合 ${String(p['pattern'])}${String(p['pattern']).includes('_') ? '（ASCII 小写加下划线，例如 low_income_standard）' : ''}` };
    case 'type':
      return { en: `${JSON.stringify(value)} must be ${String(p['type']).replace(',', ' or ')}`, zh: `${JSON.stringify(value)} 的类型应为 ${String(p['type']).replace(',', ' 或 ')}` };
    case 'not':
      if (e.instancePath.startsWith('/not_encoded/')) return { en: '`covered_by` is only for reason covered (it names what checks the commitment)', zh: '`covered_by` 只用于原因为 covered 的条目（写明由哪项检查覆盖）' };
      return { en: 'a "between" target takes `range: [low, high]`, any other comparison takes `value`', zh: '“between”目标用 `range: [下限, 上限]`，其他比较用 `value`' };
    default:
      return { en: e.message ?? e.keyword, zh: `不符合规划格式：${e.message ?? e.keyword}` };
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
    const sig = `${docPath}|${message.en}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push(errorDiagnostic('SCHEMA', message, { file: d.file, line: pos.line, column: pos.column, path: docPath }));
  }
  return out;
}
