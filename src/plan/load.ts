/**
 * Loading a plan: resolve a bundled id (`suzhou`) or a path, read it, hash
 * it, parse and validate. The one place in plan/ that touches the file system.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { errorDiagnostic, InputError, PlanError, UsageError, type Diagnostic } from '../errors.js';
import { isDirectory, isFile, listDirectory, readFile, readTextFile } from '../package-files.js';
import { PACKAGE_ROOT, PLANS_DIR } from '../paths.js';
import type { LoadedPlan } from './model.js';
import { cachedSource, type PlanSource } from './source.js';
import { planSchemaValidator } from './schema.js';
import { validatePlan, type ValidationResult } from './validate.js';
import { osErrorText } from '../os-error.js';

/** Where the build keeps bundled plans already parsed and schema-checked. */
export const PLAN_CACHE_DIR = join(PACKAGE_ROOT, 'dist', 'plan-cache');

interface CacheEntry {
  sha256: string;
  value: unknown;
  positions: Record<string, [number, number, string?]>;
}

/** A bundled plan's cache entry, if it was made from exactly these bytes. */
function fromCache(file: string, sha256: string): PlanSource | undefined {
  const entry = join(PLAN_CACHE_DIR, `${basename(file, '.yaml')}.json`);
  if (!isFile(entry)) return undefined;
  try {
    const c = JSON.parse(readTextFile(entry)) as CacheEntry;
    return c.sha256 === sha256 ? cachedSource(file, c.value, c.positions) : undefined;
  } catch {
    return undefined;
  }
}

export function bundledPlanIds(): string[] {
  if (!isDirectory(PLANS_DIR)) return [];
  return listDirectory(PLANS_DIR)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** `suzhou` → the bundled file; anything that exists as a file → itself. */
export function resolvePlanPath(ref: string): string {
  if (isFile(ref)) return ref;
  const bundled = join(PLANS_DIR, `${ref}.yaml`);
  if (/^[a-z][a-z0-9-]*$/.test(ref) && isFile(bundled)) return bundled;
  const ids = bundledPlanIds();
  throw new UsageError({ en: `unknown plan "${ref}": not a file, and not a bundled plan (${ids.join(', ') || 'none bundled'})`, zh: `未知的规划“${ref}”：既不是文件，也不是内置规划（${ids.join('、') || '没有内置规划'}）` });
}

function readPlanText(file: string): { text: string; sha256: string } {
  let bytes: Buffer;
  try {
    bytes = readFile(file);
  } catch (e) {
    const msg = osErrorText(e);
    throw new PlanError(`cannot read ${file}`, [errorDiagnostic('READ', { en: `cannot read plan: ${msg.en}`, zh: `无法读取规划文件：${msg.zh}` }, { file })]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PlanError(`${file} is not UTF-8`, [errorDiagnostic('ENCODING', { en: 'a plan file must be UTF-8', zh: '规划文件必须是 UTF-8 编码' }, { file })]);
  }
  return { text: text.replace(/^\uFEFF/, ''), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Parse and validate without throwing: for `plancheck validate`. With
 * `seedsDir`, every quote is looked up in the plan's source document there
 * (the bundled plans' sources are in `sources/`, SOURCES_DIR).
 */
export async function checkPlanFile(file: string, seedsDir?: string, useCache = true, lint = true): Promise<ValidationResult & { readonly sha256?: string }> {
  let read;
  try {
    read = readPlanText(file);
  } catch (e) {
    if (e instanceof PlanError) return { ok: false, errors: e.diagnostics, warnings: [] };
    throw e;
  }
  const cached = useCache ? fromCache(file, read.sha256) : undefined;
  let source: PlanSource;
  if (cached) source = cached;
  else {
    // YAML is parsed only for plans the build has not cached
    const { parseYaml } = await import('./parse-yaml.js');
    const parsed = parseYaml(read.text, file);
    if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
    source = parsed.document;
  }
  let seed: string | undefined;
  if (seedsDir !== undefined) {
    const name = (source.value as { source?: { file?: unknown } } | null)?.source?.file;
    const seedFile = typeof name === 'string' ? join(seedsDir, basename(name)) : undefined;
    if (seedFile === undefined || !isFile(seedFile)) {
      return { ok: false, errors: [errorDiagnostic('NO_SEED', { en: `source document ${String(name)} not found in ${seedsDir}`, zh: `在 ${seedsDir} 中找不到来源文件 ${String(name)}` }, { file })], warnings: [] };
    }
    // a draft's source may be the .docx, .pdf or web page it was drafted from: its text as `draft` read it
    const { readSourceText } = await import('../document/read.js');
    try {
      seed = await readSourceText(seedFile);
    } catch (e) {
      if (e instanceof InputError) return { ok: false, errors: e.diagnostics, warnings: [] };
      throw e;
    }
  }
  return { ...validatePlan(source, cached ? null : planSchemaValidator(), seed, lint), sha256: read.sha256 };
}

/** Load a plan by id or path; throws PlanError (every problem) or UsageError. */
export async function loadPlan(ref: string): Promise<LoadedPlan & { readonly warnings: readonly Diagnostic[] }> {
  const file = resolvePlanPath(ref);
  // lint is for plan authors (plancheck validate); loading to evaluate skips it
  const result = await checkPlanFile(file, undefined, true, false);
  if (!result.ok) throw new PlanError(`invalid plan ${file}`, result.errors);
  // a bundled plan is named as it stands in the package, the same on every machine
  const bundled = dirname(file) === PLANS_DIR;
  const shown = bundled ? `plans/${basename(file)}` : file;
  return { plan: result.plan, file: shown, sha256: result.sha256 ?? '', bundled, warnings: result.warnings };
}
