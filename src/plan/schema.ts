/** The plan JSON Schema, compiled once with ajv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { SCHEMAS_DIR } from '../paths.js';

let compiled: ValidateFunction | undefined;

export function planSchemaValidator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, 'plan.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export type SchemaError = ErrorObject;
