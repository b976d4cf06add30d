import { describe, expect, it } from 'vitest';
import { assertValidOutput, jsonSchemaFile } from '../helpers/schemas.js';

describe('the schema check every CLI test goes through', () => {
  it.each([
    { format: 'json', command: 'evaluate', text: '{"schema_version":"1.0.0"}' },
    { format: 'json', command: 'diff', text: '{"schema_version":"1.0.0","checks":[]}' },
    { format: 'json', command: 'plans', text: '[{"id":"x"}]' },
    { format: 'junit', command: 'evaluate', text: '<testsuites><testsuite name="x"/></testsuites>' },
    { format: 'sarif', command: 'evaluate', text: '{"version":"2.1.0","runs":[{}]}' },
  ])('rejects an invalid $format document of $command', ({ format, command, text }) => {
    expect(() => assertValidOutput(format, text, command)).toThrow(/does not validate/);
  });

  it('picks a schema up by the command name when the file exists (report.schema.json from issue 14)', () => {
    expect(jsonSchemaFile('result')).toMatch(/schemas\/result\.schema\.json$/);
    expect(jsonSchemaFile('no-such-output')).toBeUndefined();
  });
});
