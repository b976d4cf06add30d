/**
 * Every machine document the tests produce is held against its schema:
 * JSON against schemas/<kind>.schema.json (result, diff, report — whichever
 * exist), JUnit against Jenkins xunit-plugin's junit-10.xsd (xmllint, from
 * Debian's libxml2-utils), SARIF against the official SARIF 2.1.0 schema
 * (draft-04, hence ajv-draft-04). The vendored schemas are in tests/schemas/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import draft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';

// both are CommonJS: the default import is module.exports itself
const AjvDraft04 = draft04 as unknown as typeof draft04.default;
const addFormats = addFormatsModule as unknown as (ajv: object) => void;

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const SCHEMAS = join(ROOT, 'schemas');
export const VENDORED = join(ROOT, 'tests/schemas');

const cache = new Map<string, ValidateFunction>();

function compiled(key: string, make: () => ValidateFunction): ValidateFunction {
  let v = cache.get(key);
  if (!v) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

function check(v: ValidateFunction, doc: unknown, what: string): void {
  if (!v(doc)) throw new Error(`${what} does not validate:\n${JSON.stringify(v.errors?.slice(0, 8), null, 2)}`);
}

/** The JSON schema of plancheck's own outputs by kind (`result`, `diff`, `report`), if it exists. */
export function jsonSchemaFile(kind: string): string | undefined {
  const file = join(SCHEMAS, `${kind}.schema.json`);
  return existsSync(file) ? file : undefined;
}

export function assertValidJson(kind: string, doc: unknown): void {
  const file = jsonSchemaFile(kind);
  if (file === undefined) throw new Error(`no schema schemas/${kind}.schema.json`);
  const v = compiled(file, () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  });
  check(v, doc, `${kind} JSON`);
}

export function assertValidSarif(text: string): void {
  const v = compiled('sarif', () => {
    // the official schema is draft-04 (`id`, not `$id`)
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(join(VENDORED, 'sarif-schema-2.1.0.json'), 'utf8')) as object);
  });
  check(v, JSON.parse(text), 'SARIF');
}

/**
 * junit-10.xsd as plancheck's JUnit follows it: the vendored file unchanged,
 * plus two optional attributes on <testcase>, `file` and `line` — the data
 * row a check points at, which GitLab, action-junit-report and dorny's
 * test-reporter read (pytest and many others write them too) and which
 * xunit-plugin's schema does not list. Nothing else is relaxed.
 */
let junitXsd: string | undefined;
export function junitSchemaFile(): string {
  if (junitXsd !== undefined) return junitXsd;
  const text = readFileSync(join(VENDORED, 'junit-10.xsd'), 'utf8');
  const anchor = '            <xs:attribute name="group" type="xs:string"/>\n        </xs:complexType>\n    </xs:element>\n\n    <xs:element name="testsuite">';
  if (!text.includes(anchor)) throw new Error('junit-10.xsd changed: the testcase attributes are not where the test expects them');
  const extended = text.replace(anchor, anchor.replace('<xs:attribute name="group" type="xs:string"/>', '<xs:attribute name="group" type="xs:string"/>\n            <xs:attribute name="file" type="xs:string"/>\n            <xs:attribute name="line" type="xs:positiveInteger"/>'));
  junitXsd = join(mkdtempSync(join(tmpdir(), 'plancheck-xsd-')), 'junit-10-file-line.xsd');
  writeFileSync(junitXsd, extended);
  return junitXsd;
}

export function assertValidJunit(xml: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-junit-'));
  const file = join(dir, 'junit.xml');
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', junitSchemaFile(), file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed to validate JUnit (Debian: libxml2-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`JUnit does not validate against junit-10.xsd:\n${r.stderr}`);
}

/** Validate a document of a named format (`json` needs the command it came from). */
export function assertValidOutput(format: string, text: string, command: string): void {
  if (format === 'junit') assertValidJunit(text);
  else if (format === 'sarif') assertValidSarif(text);
  else if (format === 'json') {
    const kind = command === 'evaluate' ? 'result' : command;
    if (jsonSchemaFile(kind) !== undefined) assertValidJson(kind, JSON.parse(text) as unknown);
    else if (kind === 'diff' || kind === 'result') throw new Error(`schemas/${kind}.schema.json is missing`);
  }
}
