// After tsc: precompile the plan schema (ajv standalone code) and cache every
// bundled plan, parsed and validated, so that a run loads neither YAML nor ajv.
// A bundled plan that does not validate fails the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { compilePlanSchema, planSchemaStandalone, PRECOMPILED } = await import(join(root, 'dist/plan/schema.js'));
const { parseYaml, positionTable } = await import(join(root, 'dist/plan/parse-yaml.js'));
const { validatePlan } = await import(join(root, 'dist/plan/validate.js'));
const { PLAN_CACHE_DIR } = await import(join(root, 'dist/plan/load.js'));
const { formatDiagnostic } = await import(join(root, 'dist/errors.js'));

const validate = compilePlanSchema();
mkdirSync(dirname(PRECOMPILED), { recursive: true });
writeFileSync(PRECOMPILED, planSchemaStandalone());

rmSync(PLAN_CACHE_DIR, { recursive: true, force: true });
mkdirSync(PLAN_CACHE_DIR, { recursive: true });
const plansDir = join(root, 'plans');
let bad = 0;
for (const f of readdirSync(plansDir).filter((x) => x.endsWith('.yaml')).sort()) {
  const file = join(plansDir, f);
  const bytes = readFileSync(file);
  const parsed = parseYaml(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
  const result = parsed.ok ? validatePlan(parsed.document, validate) : { ok: false, errors: parsed.errors };
  if (!result.ok) {
    bad++;
    for (const e of result.errors) console.error(formatDiagnostic(e));
    continue;
  }
  const entry = { sha256: createHash('sha256').update(bytes).digest('hex'), value: parsed.document.value, positions: positionTable(parsed.document) };
  writeFileSync(join(PLAN_CACHE_DIR, `${basename(f, '.yaml')}.json`), JSON.stringify(entry));
}
if (bad > 0) {
  console.error(`${bad} bundled plan(s) do not validate`);
  process.exit(1);
}
