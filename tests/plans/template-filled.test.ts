/**
 * For every bundled plan: the template for a year, filled with values that
 * meet every target and rule (tests/helpers/fill-template.ts), evaluates
 * with nothing failing or missing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { passingValue } from '../helpers/fill-template.js';
import { bundled } from '../helpers/plans.js';
import { runCli } from '../helpers/run-cli.js';

describe.each(['suzhou', 'taicang', 'suqian', 'zhongshan', 'chuxiong'])('%s: the 2024 template, filled to pass', (id) => {
  it('evaluates with no fail, nothing missing', async () => {
    const plan = await bundled(id);
    const r = runCli(['template', id, '--year', '2024']);
    expect(r.status).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout.trim()).data;
    const filled = rows.map((row, i) => {
      if (i === 0) return row;
      const [name = '', period = ''] = row;
      return [name, period, passingValue(plan, name, period), ...row.slice(3)];
    });
    const file = join(mkdtempSync(join(tmpdir(), 'plancheck-fill-')), `${id}.csv`);
    writeFileSync(file, Papa.unparse(filled));
    const out = runCli(['evaluate', '--plan', id, file, '--format', 'json', '--year', '2024']);
    const res = JSON.parse(out.stdout) as { summary: Record<string, number>; results: { id: string; status: string; message: string }[] };
    expect(res.results.filter((x) => x.status === 'fail' || x.status === 'missing' || x.status === 'error').map((x) => `${x.id}: ${x.message}`)).toEqual([]);
    expect(out.status).toBe(0);
    expect(res.summary['pass']).toBeGreaterThan(10);
  });
});
