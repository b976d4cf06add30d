/**
 * GitHub shows 10 error, 10 warning and 10 notice annotations per step
 * (actions/toolkit docs/problem-matchers.md, "Limitations"): plancheck makes
 * at most that many of each level — the first nine one by one and a tenth
 * counting the rest — groups absent-data warnings per file, and the job
 * summary says how many were annotated. JUnit test cases name their plan
 * and the data row they point at.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_LEVEL } from '../../src/report/github.js';
import { ROOT, runCliIn } from '../helpers/run-cli.js';

/** A repository whose data file holds only the first rows of the Suzhou example: most checks have no data. */
function sparseRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-sparse-'));
  mkdirSync(join(dir, 'data'));
  const lines = readFileSync(join(ROOT, 'examples/suzhou-2023.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'data/2023.csv'), `${lines.slice(0, 3).join('\n')}\n`);
  return dir;
}

function levels(out: string): { level: string; file?: string; line?: number; title: string; text: string }[] {
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^::(\w+) (.*?)::(.*)$/.exec(l);
      if (!m) throw new Error(`not an annotation: ${l}`);
      const props = Object.fromEntries((m[2] as string).split(',').map((p) => p.split('=').map((x) => decodeURIComponent(x)) as [string, string]));
      return { level: m[1] as string, ...(props['file'] ? { file: props['file'] } : {}), ...(props['line'] ? { line: Number(props['line']) } : {}), title: props['title'] ?? '', text: decodeURIComponent(m[3] as string) };
    });
}

describe('annotations within GitHub\'s per-step limits', () => {
  /** The same run as JSON: the counts the annotations must agree with (the bundled plan grows as commitments are encoded). */
  function sparseJson(dir: string, extra: string[] = []): { summary: { fail: number; missing: number }; results: { status: string; name: string }[] } {
    const r = runCliIn(dir, ['evaluate', '--plan', 'suzhou', 'data/2023.csv', ...extra, '--format', 'json', '--lang', 'en']);
    return JSON.parse(r.stdout) as ReturnType<typeof sparseJson>;
  }

  it('a sparse file: its absent-data warnings are one annotation at the file, naming every check', () => {
    const dir = sparseRepo();
    const r = runCliIn(dir, ['evaluate', '--plan', 'suzhou', 'data/2023.csv', '--format', 'github', '--lang', 'en']);
    expect(r.status).toBe(1);
    const json = sparseJson(dir);
    const notes = levels(r.stdout);
    const warnings = notes.filter((n) => n.level === 'warning');
    expect(warnings).toHaveLength(1);
    const absent = Number(/^plancheck: (\d+) checks without data$/.exec(warnings[0]?.title ?? '')?.[1]);
    expect(warnings[0]).toMatchObject({ file: 'data/2023.csv', line: 1 });
    // every check without a value is named, one per line (and the rules whose inputs are absent)
    expect(warnings[0]?.text.split('\n')).toHaveLength(absent);
    expect(absent).toBeGreaterThan(json.summary.missing);
    for (const m of json.results.filter((x) => x.status === 'missing')) expect(warnings[0]?.text).toContain(`suzhou: ${m.name}: `);
    expect(warnings[0]?.text).toContain('suzhou: 家庭适老化改造户数: no value for 2023 in the data');
  });

  it('errors past the limit: nine one by one, a tenth counting the rest; the job summary says so', () => {
    const dir = sparseRepo();
    const summary = join(dir, 'summary.md');
    const r = runCliIn(dir, ['evaluate', '--plan', 'suzhou', 'data/2023.csv', '--require', 'complete', '--format', 'github', '--lang', 'en'], { GITHUB_STEP_SUMMARY: summary });
    const errors = levels(r.stdout).filter((n) => n.level === 'error');
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL);
    // under --require complete every check without data is an error, beside the one that fails its milestone
    const plain = levels(runCliIn(dir, ['evaluate', '--plan', 'suzhou', 'data/2023.csv', '--format', 'github', '--lang', 'en']).stdout).find((n) => n.level === 'warning');
    const absent = Number(/(\d+) checks without data/.exec(plain?.title ?? '')?.[1]);
    const made = absent + sparseJson(dir).summary.fail;
    expect(made).toBeGreaterThan(ANNOTATIONS_PER_LEVEL);
    expect(errors[9]).toMatchObject({ title: `plancheck: ${made - 9} more errors` });
    expect(errors[9]?.text).toBe(`${made - 9} more errors not annotated one by one (GitHub shows 10 annotations of each level per step), ${made} in all: all are in the job summary and the step log`);
    for (const level of ['warning', 'notice']) expect(levels(r.stdout).filter((n) => n.level === level).length).toBeLessThanOrEqual(ANNOTATIONS_PER_LEVEL);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain(`GitHub shows 10 annotations of each level per step: 9 of ${made} errors were annotated one by one`);
    // every check that did not pass is in the summary's table
    expect(text.split('\n').filter((l) => l.startsWith('| ❌') || l.startsWith('| ⚠️')).length).toBeGreaterThanOrEqual(made - 1);
  });

  it('exit 2 with many bad rows: at most 10 error annotations, the rest counted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-badrows-'));
    writeFileSync(join(dir, 'bad.csv'), ['indicator,period,value', ...Array.from({ length: 30 }, (_, i) => `social_workers,20${10 + (i % 15)},x${i}`)].join('\n'));
    copyFileSync(join(ROOT, 'tests/fixtures/basic/plan.yaml'), join(dir, 'plan.yaml'));
    const r = runCliIn(dir, ['evaluate', '--plan', 'plan.yaml', 'bad.csv', '--format', 'github', '--lang', 'zh']);
    expect(r.status).toBe(2);
    const errors = levels(r.stdout).filter((n) => n.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors[9]?.title).toBe('plancheck：另有 21 个错误');
    expect(errors[9]?.text).toContain('全部见步骤日志');
  });

  it('within the limits nothing changes: the monthly example is annotated check by check', () => {
    const r = runCliIn(ROOT, ['evaluate', '--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', '--require', 'complete', '--format', 'github', '--lang', 'en', 'examples/monthly-2024.csv']);
    expect(levels(r.stdout).some((n) => /more (errors|warnings|notices)/.test(n.title))).toBe(false);
  });
});

describe('JUnit test cases: the plan in the name, the data row as file and line', () => {
  it('two cities\' cases never look alike, and each points at its row', () => {
    const r = runCliIn(ROOT, ['evaluate', '--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', '--require', 'complete', '--format', 'junit', 'examples/monthly-2024.csv']);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(r.stdout) as { testsuites: { testsuite: { testcase: { '@_name': string; '@_file'?: string; '@_line'?: string; failure?: unknown }[] }[] } };
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    const names = cases.map((c) => c['@_name']);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.startsWith('suzhou: ')).length + names.filter((n) => n.startsWith('taicang: ')).length).toBe(names.length);
    const behind = cases.find((c) => c['@_name'].startsWith('suzhou: 接受上门服务的居家老年人数占比'));
    expect(behind).toMatchObject({ '@_file': 'examples/monthly-2024.csv', '@_line': '10' });
    expect(cases.every((c) => c['@_file'] === 'examples/monthly-2024.csv' && Number(c['@_line']) >= 1)).toBe(true);
  });
});
