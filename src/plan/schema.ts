/**
 * The plan JSON Schema validator. The build precompiles it with ajv's
 * standalone code generation (dist/schema/plan-validate.cjs), so a run does
 * not load ajv or compile the schema; without that file it is compiled here.
 * A standalone executable has it bundled in and gives it with
 * providePlanSchemaValidator (it loads no module from disk).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { readTextFile } from '../package-files.js';
import { PACKAGE_ROOT, SCHEMAS_DIR, SEA } from '../paths.js';

const require = createRequire(import.meta.url);
export const PRECOMPILED = join(PACKAGE_ROOT, 'dist', 'schema', 'plan-validate.cjs');

let compiled: ValidateFunction | undefined;

type AjvModule = { Ajv: new (options: object) => Ajv };

function compile(): { ajv: Ajv; validate: ValidateFunction } {
  const { Ajv: AjvClass } = require('ajv') as AjvModule;
  const schema = JSON.parse(readTextFile(join(SCHEMAS_DIR, 'plan.schema.json'))) as object;
  const ajv = new AjvClass({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { source: true } });
  return { ajv, validate: ajv.compile(schema) };
}

export function compilePlanSchema(): ValidateFunction {
  return compile().validate;
}

/** The validator as standalone CommonJS code, for the build to write out. */
export function planSchemaStandalone(): string {
  const { ajv, validate } = compile();
  const standalone = require('ajv/dist/standalone') as { default: (ajv: Ajv, fn: ValidateFunction) => string };
  return standalone.default(ajv, validate);
}

/** The precompiled validator, bundled into a standalone executable by its entry point (scripts/exe-entry.mjs). */
export function providePlanSchemaValidator(validate: ValidateFunction): void {
  compiled = validate;
}

export function planSchemaValidator(): ValidateFunction {
  // an executable that was not given it must not look for ajv or the file beside itself
  if (compiled === undefined && SEA !== undefined) throw new Error('this executable was built without the plan schema validator (scripts/exe-entry.mjs)');
  compiled ??= existsSync(PRECOMPILED) ? (require(PRECOMPILED) as ValidateFunction) : compilePlanSchema();
  return compiled;
}

export type SchemaError = ErrorObject;
