/** Reading a saved JSON result back, checked against schemas/result.schema.json. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { readResultJson, type PlanRecord } from '../diff/record.js';
import { DataError, errorDiagnostic } from '../errors.js';
import { readTextFile } from '../package-files.js';
import { SCHEMAS_DIR } from '../paths.js';
import { osErrorText } from '../os-error.js';

let validator: ValidateFunction | undefined;

function resultValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: false, strict: false }).compile(JSON.parse(readTextFile(join(SCHEMAS_DIR, 'result.schema.json'))) as object);
  return validator;
}

export function loadResultFile(file: string): PlanRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const msg = osErrorText(e);
    throw new DataError(`cannot read ${file}`, [errorDiagnostic('READ', { en: `cannot read result file: ${msg.en}`, zh: `无法读取结果文件：${msg.zh}` }, { file })]);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const m = e instanceof Error ? /position (\d+)/.exec(e.message) : null;
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : 1;
    throw new DataError(`not JSON`, [errorDiagnostic('JSON', { en: `not a JSON result: ${e instanceof Error ? e.message : String(e)}`, zh: `不是 JSON 结果文件：${e instanceof Error ? e.message : String(e)}` }, { file, line })]);
  }
  const validate = resultValidator();
  if (!validate(doc)) {
    const err = validate.errors?.[0];
    throw new DataError('not a result', [errorDiagnostic('RESULT_SCHEMA', { en: `not a plancheck result (${err?.instancePath || '/'} ${err?.message ?? ''}); save one with plancheck evaluate --format json`, zh: `不是 plancheck 的结果文件（${err?.instancePath || '/'} ${err?.message ?? ''}）；请用 plancheck evaluate --format json 保存` }, { file, line: 1 })]);
  }
  return readResultJson(doc);
}
