/**
 * A table below title rows (issue 12) keeps its rows still owed pointing at
 * the header — where the analyst adds them — in annotations, SARIF and the
 * JSON's data record (issue 13: locations the user can open).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliIn } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-header-'));
writeFileSync(join(dir, 'd.csv'), '苏州市民政事业主要指标数据（2023年）\n\n指标,期间,数值,单位\n护理型床位占养老机构床位比例,2023,77,%\n');
const ARGS = ['evaluate', '--plan', 'suzhou', 'd.csv', '--require', 'complete'];

describe('rows owed in a table below its title', () => {
  it('are annotated at the header line (3), not at the title', () => {
    const r = runCliIn(dir, [...ARGS, '--format', 'github']);
    expect(r.status).toBe(1);
    const owed = r.stdout.split('\n').filter((l) => l.includes('no value for 2023'));
    expect(owed.length).toBeGreaterThan(5);
    for (const l of owed) expect(l).toMatch(/^::error file=d\.csv,line=3,/);
  });

  it('the JSON data record says where the header is', () => {
    const r = runCliIn(dir, [...ARGS, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as { data: { file: string; header?: { line: number } }[] };
    expect(doc.data[0]?.header).toEqual({ line: 3 });
  });

  it('SARIF results for owed rows start at the header line', () => {
    const r = runCliIn(dir, [...ARGS, '--format', 'sarif']);
    const doc = JSON.parse(r.stdout) as { runs: { results: { message: { text: string }; locations?: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const owed = doc.runs.flatMap((run) => run.results).filter((x) => x.message.text.includes('no value for 2023'));
    expect(owed.length).toBeGreaterThan(5);
    for (const x of owed) expect(x.locations?.[0]?.physicalLocation.region.startLine).toBe(3);
  });
});
