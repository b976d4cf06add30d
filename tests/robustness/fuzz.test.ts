/**
 * The robustness suite, fuzzing: random and mutated CSV files, plan YAML and
 * command lines, run through the CLI's main() in-process. Whatever comes in:
 * - the exit code is 0, 1 or 2 (never 3: main() returning is never a signal);
 * - no stack trace without --debug;
 * - exit 2 names a file and a line where a file is at fault;
 * - no file other than the --output files changes;
 * - every --output file agrees with the exit code (a report, or a document
 *   saying the run failed — never an old run's success).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/run-cli.js';
import { changedFiles, expectOutputConsistent, runMain, snapshot, STACK, type Run } from './harness.js';

const root = mkdtempSync(join(tmpdir(), 'plancheck-fuzz-'));
const PLAN = join(FIXTURES, 'basic/plan.yaml');
const BASE_CSV = readFileSync(join(FIXTURES, 'basic/data.csv'), 'utf8');
const BASE_PLAN = readFileSync(PLAN, 'utf8');
/** how many cases each property runs in CI (FUZZ_RUNS=… for a longer hunt) */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 250);
/**
 * A property runs RUNS cases, each a whole evaluate run: its time grows with RUNS and with the machine's
 * load (on a shared 2-core machine at load 11–14, 250 CSV mutations took 33 s on main), so the limit
 * is per case, not vitest's 30 s for any test.
 */
const TIMEOUT_MS = Math.max(30_000, RUNS * 400);

let caseNo = 0;
/** A fresh folder for one case, with the basic plan and data, and stale successful outputs beside them. */
function caseDir(): string {
  const d = join(root, `case-${caseNo++}`);
  mkdirSync(d);
  copyFileSync(PLAN, join(d, 'plan.yaml'));
  copyFileSync(join(FIXTURES, 'basic/data.csv'), join(d, 'data.csv'));
  return d;
}

const FORMAT_OF: Readonly<Record<string, string>> = { '.json': 'json', '.xml': 'junit', '.sarif': 'sarif', '.csv': 'csv', '.md': 'markdown' };

/** The --output files of a command line that are not inputs, with their formats. */
function outputsOf(argv: readonly string[], inputs: readonly string[]): { file: string; format: string; sure: boolean }[] {
  if (argv[0] !== 'evaluate') return [];
  // the word after --output, or (when that looks like an option, which commander may read as one) the next word that does not
  const specs: { spec: string; sure: boolean }[] = [];
  for (let i = 0; i < argv.length; i++) {
    // after `--` every word is a data file, never an option
    if (argv[i] === '--') break;
    if ((argv[i] === '--output' || argv[i] === '-o') && i + 1 < argv.length) {
      const value = argv[i + 1] as string;
      specs.push({ spec: value, sure: !value.startsWith('-') });
      const next = argv.slice(i + 1).find((w) => !w.startsWith('-'));
      if (next !== undefined && next !== value) specs.push({ spec: next, sure: false });
    }
  }
  const out: { file: string; format: string; sure: boolean }[] = [];
  for (const { spec, sure } of specs) {
    const m = /^(json|junit|sarif|csv|markdown|github|table):(.+)$/.exec(spec);
    const file = m ? (m[2] as string) : spec;
    const format = m ? (m[1] as string) : FORMAT_OF[/\.[a-z]+$/.exec(spec)?.[0] ?? ''];
    if (format === undefined || inputs.includes(file)) continue;
    out.push({ file, format, sure });
  }
  return out.filter((o, i) => out.findIndex((p) => p.file === o.file) === i);
}

/** The files of `dir` a command line reads (or may read): named, matched by a pattern, or in a folder given. */
function inputsNamed(argv: readonly string[], dir: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--output' || argv[i] === '-o') i++;
    else words.push(argv[i] as string);
  }
  const inputs = new Set<string>();
  for (const w of words) {
    if (w === dir) {
      inputs.add(join(dir, 'plan.yaml'));
    } else if (w === join(dir, '*.csv')) {
      for (const f of readdirSync(dir)) if (f.endsWith('.csv')) inputs.add(join(dir, f));
    } else if (w.startsWith(`${dir}/`) && existsSync(w)) {
      // a file that is not there is not an input, whatever the command line says
      inputs.add(w);
    }
  }
  return [...inputs];
}

/** Options that take a value: the word after one is that value, never an option of its own (commander reads `--output -f` as the file "-f"). */
const TAKES_VALUE = new Set(['--plan', '-p', '--year', '--period', '--format', '-f', '--output', '-o', '--lang', '--fail-on', '--missing', '--require', '--encoding']);

/** The --format (-f) of a command line: its last word after the flag (commander keeps the last). */
function formatOf(argv: readonly string[]): string | undefined {
  let f: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') break;
    if ((a === '--format' || a === '-f') && i + 1 < argv.length) f = argv[i + 1];
    else if (a.startsWith('--format=')) f = a.slice('--format='.length);
    if (TAKES_VALUE.has(a)) i++;
  }
  return f;
}

/** The invariants of every run. */
function checkRun(r: Run, argv: readonly string[], dir: string, before: Map<string, string>, inputs: readonly string[]): void {
  expect([0, 1, 2], `exit ${r.code} for ${JSON.stringify(argv)}\n${r.err}`).toContain(r.code);
  if (!argv.includes('--debug')) expect(r.err).not.toMatch(STACK);
  // no partial report (validate's stdout is its list of plans checked); in the github format the
  // errors themselves are the report: annotations, and nothing else; a machine format's stdout is its failure document
  if (r.code === 2 && !argv.includes('validate')) {
    const format = formatOf(argv);
    if (format === 'github') for (const line of r.out.split('\n').filter((l) => l !== '')) expect(line).toMatch(/^::(error|warning|notice)( [^:]*)?::/);
    else if (argv[0] === 'evaluate' && (format === 'json' || format === 'junit' || format === 'sarif')) expectOutputConsistent(format, r.out, 2);
    else if (argv[0] === 'evaluate' && (format === 'csv' || format === 'markdown')) expect(r.out).not.toBe('');
    else if (argv[0] !== 'evaluate' || format === undefined || format === 'table') expect(r.out).toBe('');
  }
  const outputs = outputsOf(argv, inputs);
  const allowed = new Set(outputs.map((o) => o.file));
  const all = changedFiles(before, snapshot(dir));
  const changed = all.filter((f) => !allowed.has(f));
  expect(changed, `files changed by ${JSON.stringify(argv)}: ${changed.join(' ')}`).toEqual([]);
  for (const o of outputs) {
    // an old file named as an output never survives a failed run
    if (r.code === 2 && o.sure && before.has(o.file)) expect(all, `${o.file} is stale after exit 2 of ${JSON.stringify(argv)}`).toContain(o.file);
    // an output written by this run agrees with its exit code; one not written was refused, or was not an output after all
    if (!all.includes(o.file)) continue;
    try {
      expectOutputConsistent(o.format, readFileSync(o.file, 'utf8'), r.code);
    } catch (e) {
      throw new Error(`--output ${o.format}:${o.file} after exit ${r.code} of ${JSON.stringify(argv)} (inputs ${JSON.stringify(inputs)}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
}

/** exit 2 on a bad file: every error line names that file, and a line in it unless the file as a whole is at fault */
function expectErrorsAt(r: Run, file: string): void {
  if (r.code !== 2) return;
  const errors = r.err.split('\n').filter((l) => / error: /.test(l) && !/^… and \d+ more/.test(l.replace(/^error: /, '')));
  expect(errors.length).toBeGreaterThan(0);
  for (const l of errors) {
    if (/error: (this looks like a binary|the file is neither|cannot read|none of the \d+ rows|… and)/.test(l)) continue;
    expect(l.startsWith(`${file}:`), l).toBe(true);
    expect(l.slice(file.length), l).toMatch(/^:\d+(:\d+)?: error: /);
  }
}

const cell = fc.oneof(
  fc.constantFrom('', '-', '—', '1e400', '-1e400', '1e999999999', '1e-999999999', 'NaN', 'Infinity', '>18000', '≥30', '30,000', '１２３', '95%', '1.5‰', '是', '"quoted, comma"', '"unterminated', '\u0000', '12a', '2023', '2023-13', '2024-Q5', 'burial_share', 'social_workers', '低保标准', '万人', '元/人·月', '张每千人'),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }).map(String),
);
const row = fc.array(cell, { minLength: 0, maxLength: 8 }).map((cells) => cells.join(','));
const header = fc.constantFrom('indicator,period,value,unit,region,note', 'value,indicator,period', '指标,年份,数值,单位', '\uFEFFindicator,period,value', 'indicator,value', 'a,b,c', '');
const randomCsv = fc.tuple(header, fc.array(row, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([h, rows, nl]) => [h, ...rows].join(nl));

/** a text with characters deleted, duplicated or replaced, and whole lines doubled or dropped */
function mutations(base: string, inserts: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const charEdit = fc.tuple(fc.constant('char' as const), fc.nat(base.length), fc.nat(6), inserts);
  const lineEdit = fc.tuple(fc.constant('line' as const), fc.nat(200), fc.nat(2), fc.constant(''));
  return fc.array(fc.oneof(charEdit, lineEdit), { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = base;
    for (const [kind, at, n, ins] of edits) {
      if (kind === 'char') {
        s = s.slice(0, at) + ins + s.slice(at + n);
      } else {
        const lines = s.split('\n');
        const i = at % Math.max(lines.length, 1);
        if (n === 0) lines.splice(i, 1);
        else lines.splice(i, 0, ...Array<string>(n).fill(lines[i] ?? ''));
        s = lines.join('\n');
      }
    }
    return s;
  });
}

const csvInserts = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(',', '"', '\n', '1e999', '%', '，', '\uFEFF'));
const yamlInserts = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom(': ', '- ', '&a ', '*a', '*b ', '<<: *a', '"', "'", '{', '}', '[', ']', '\t', '\n  ', '1e999', '"80%"', 'unit: 百分比', '!!binary ', '---\n', '? '),
);

describe('fuzzing the CLI (in-process)', { timeout: TIMEOUT_MS }, () => {
  it('random CSV files', async () => {
    await fc.assert(
      fc.asyncProperty(randomCsv, fc.boolean(), async (text, gb) => {
        const dir = caseDir();
        const file = join(dir, 'random.csv');
        writeFileSync(file, gb ? Buffer.from(text, 'latin1') : text);
        const out = join(dir, 'out.json');
        const argv = ['evaluate', '--plan', join(dir, 'plan.yaml'), file, '--year', '2023', '--format', 'json', '--output', `json:${out}`];
        const before = snapshot(dir);
        const r = await runMain(argv);
        checkRun(r, argv, dir, before, [file]);
        expectErrorsAt(r, file);
        if (r.code !== 2) expect(() => JSON.parse(r.out) as unknown).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it('mutations of a valid CSV file', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(BASE_CSV, csvInserts), async (text) => {
        const dir = caseDir();
        const file = join(dir, 'data.csv');
        writeFileSync(file, text);
        const argv = ['evaluate', '--plan', join(dir, 'plan.yaml'), file, '--output', `junit:${join(dir, 'r.xml')}`, '--output', `sarif:${join(dir, 'r.sarif')}`];
        const before = snapshot(dir);
        const r = await runMain(argv);
        checkRun(r, argv, dir, before, [file]);
        expectErrorsAt(r, file);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutations of a valid plan file', async () => {
    await fc.assert(
      fc.asyncProperty(mutations(BASE_PLAN, yamlInserts), fc.boolean(), async (text, validate) => {
        const dir = caseDir();
        const plan = join(dir, 'plan.yaml');
        writeFileSync(plan, text);
        const data = join(dir, 'data.csv');
        const argv = validate ? ['validate', plan] : ['evaluate', '--plan', plan, data, '--fail-on', 'never', '--output', `json:${join(dir, 'out.json')}`];
        const before = snapshot(dir);
        const r = await runMain(argv);
        checkRun(r, argv, dir, before, [plan, data]);
        // a bad plan is a plan error at a line of the plan (a data error, when the plan is fine, at a line of the data)
        if (r.code === 2) {
          for (const l of r.err.split('\n').filter((x) => / (error|错误): /.test(x))) expect(l, l).toMatch(new RegExp(`^(${plan}|${data}):\\d+(:\\d+)?: error: `));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('random command lines', async () => {
    // @ stands for the case's folder, filled in when the case runs
    const word = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('evaluate', 'validate', 'template', 'plans', 'show', 'report', 'diff', '--plan', '-p', '--year', '--period', '--format', '-f', '--output', '-o', '--lang', '--fail-on', '--missing', '--require', '--encoding', '--no-color', '--strict', '--debug', '--', '-', '--help', '-x', '') },
      { weight: 6, arbitrary: fc.constantFrom('@/plan.yaml', '@/data.csv', '@/*.csv', '@/missing.csv', '@', 'suzhou', 'no-such-plan') },
      { weight: 4, arbitrary: fc.constantFrom('2023', '2022', '2024-06', '2023-Q5', 'json', 'junit', 'sarif', 'csv', 'markdown', 'github', 'table', 'html', 'zh', 'en', 'any', 'never', 'fail', 'complete', 'gb18030', 'utf8', 'latin9') },
      { weight: 4, arbitrary: fc.constantFrom('json:@/o.json', 'junit:@/o.xml', '@/o.sarif', 'csv:@/o.csv', 'json:@/data.csv', 'markdown:@/plan.yaml', '@/o.md', 'noextension') },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 12 }), fc.boolean(), async (words, lead) => {
        // `-` reads the test runner's stdin, which is not a data file
        if (words.includes('-')) return;
        const dir = caseDir();
        // a stale "successful" output from an earlier run
        writeFileSync(join(dir, 'o.json'), '{"schema_version":1,"stale":true}\n');
        const filled = words.map((w) => w.replace(/@/g, dir));
        // mostly a real command with random options after it, sometimes anything at all
        const argv = lead ? ['evaluate', '--plan', join(dir, 'plan.yaml'), join(dir, 'data.csv'), ...filled] : filled;
        const inputs = inputsNamed(argv, dir);
        const before = snapshot(dir);
        const r = await runMain(argv);
        checkRun(r, argv, dir, before, inputs);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
