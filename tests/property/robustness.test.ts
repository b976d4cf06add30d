/**
 * Whatever a submitter uploads, plancheck finishes with a report or a clear
 * file:line error: no uncaught exception, exit code 0, 1 or 2, and every
 * error names a line.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { ExprSyntaxError, parseExpression } from '../../src/expr/parse.js';
import { checkPlanFile } from '../../src/plan/load.js';
import { FIXTURES } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-prop-'));
const PLAN = join(FIXTURES, 'basic/plan.yaml');
const BASE_CSV = readFileSync(join(FIXTURES, 'basic/data.csv'), 'utf8');
const BASE_PLAN = readFileSync(PLAN, 'utf8');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), env: { NO_COLOR: '1', LANG: 'en' }, stdoutIsTty: false };
  const code = await main(args, io);
  return { code, out, err };
}

const cell = fc.oneof(
  fc.constantFrom('', '-', '—', '1e400', '-1e400', 'NaN', 'Infinity', '>18000', '≥30', '30,000', '１２３', '95%', '1.5‰', '是', '"quoted, comma"', '"unterminated', '\u0000', '12a', '2023', '2023-13', '2024-Q5'),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }).map(String),
);

const row = fc.array(cell, { minLength: 0, maxLength: 8 }).map((cells) => cells.join(','));
const header = fc.constantFrom('indicator,period,value,unit,region,note', 'value,indicator,period', '指标,年份,数值,单位', 'indicator,value', 'a,b,c', '');
const csvText = fc.tuple(header, fc.array(row, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([h, rows, nl]) => [h, ...rows].join(nl));

/** the fixture CSV with characters deleted, duplicated or replaced */
const mutated = fc.array(fc.tuple(fc.nat(BASE_CSV.length), fc.nat(5), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((edits) => {
  let s = BASE_CSV;
  for (const [at, del, ins] of edits) s = s.slice(0, at) + ins + s.slice(at + del);
  return s;
});

describe('random and mutated CSV files', () => {
  it.each([
    ['random text', csvText],
    ['mutations of a valid file', mutated],
  ] as const)('%s: exit 0, 1 or 2, and every error names its line', async (_name, arb) => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arb, fc.boolean(), async (text, gb) => {
        const file = join(dir, `case-${n++}.csv`);
        writeFileSync(file, gb ? Buffer.from(text, 'latin1') : text);
        const r = await run(['evaluate', '--plan', PLAN, file, '--year', '2023', '--format', 'json']);
        expect([0, 1, 2]).toContain(r.code);
        if (r.code === 2) {
          // stdout: the failure document of --format json, never a partial report
          expect(JSON.parse(r.out)).toMatchObject({ status: 'error', exit_code: 2 });
          const errors = r.err.split('\n').filter((l) => l.includes(' error: '));
          expect(errors.length).toBeGreaterThan(0);
          for (const l of errors) expect(l.startsWith(`${file}:`) || l.startsWith(`${file}: error: `)).toBe(true);
          for (const l of errors.filter((x) => !/: error: (this looks like a binary|the file is neither)/.test(x))) expect(l).toMatch(/\.csv:\d+(:\d+)?: error: /); // a line, and a column where one is at fault
        } else {
          expect(() => JSON.parse(r.out) as unknown).not.toThrow();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('binary data is refused with exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), async (bytes) => {
        const file = join(dir, 'bin.csv');
        writeFileSync(file, bytes);
        const r = await run(['evaluate', '--plan', PLAN, file, '--year', '2023']);
        expect([0, 1, 2]).toContain(r.code);
      }),
      { numRuns: 100 },
    );
  });
});

describe('expressions', () => {
  const exprChars = fc.string({ unit: fc.constantFrom(...'abcx_[]-1.0%*/+() <>=≥,'.split(''), 'growth', 'min', 'and', 'low_income_standard'), maxLength: 40 });
  it('any text either parses or fails with a syntax error inside it', () => {
    fc.assert(
      fc.property(fc.oneof(exprChars, fc.string({ maxLength: 40 })), (src) => {
        try {
          parseExpression(src);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprSyntaxError);
          const offset = (e as ExprSyntaxError).offset;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(src.length);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a plan with a mutated rule loads or reports file:line:col', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(exprChars, async (expr) => {
        const file = join(dir, `plan-${n++}.yaml`);
        writeFileSync(file, BASE_PLAN.replace('special_hardship_standard >= 1.4 * low_income_standard', JSON.stringify(expr)));
        const r = await checkPlanFile(file);
        if (!r.ok) for (const e of r.errors) expect(e.line).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

