/**
 * plancheck's JUnit and SARIF, success and failure documents alike, read by
 * the code of the consumers that read them in CI (tests/ci/consumers/README.md
 * says where each comes from):
 *
 * - GitLab's merge-request test report: its JUnit parsing rules on
 *   ActiveSupport's Hash.from_xml and Nokogiri (Debian's ruby-activesupport,
 *   ruby-nokogiri), tests/ci/consumers/gitlab-junit.rb;
 * - dorny/test-reporter's JUnit parser and annotations, vendored (MIT);
 * - mikepenz/action-junit-report's parser and annotations, vendored (Apache-2.0);
 * - Microsoft's SARIF multitool (`@microsoft/sarif-multitool` from npm, a
 *   self-contained .NET build) validating with the SARIF rules and GitHub's
 *   (`--rule-kind "Sarif;Gh"`, what code scanning requires).
 *
 * An empty document — what stdout held on exit 2 before — is read by each as
 * success or crashes it; these tests hold that every document plancheck
 * writes is read as what it is.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

const MONTHLY = ['--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', '--require', 'complete', 'examples/monthly-2024.csv'];
const BAD = ['--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/bad-data/non-numeric.csv'];
const dir = mkdtempSync(join(tmpdir(), 'plancheck-consumers-'));
/** the vendored sources, imported by a computed path: compiled by vitest, left out of plancheck's type check */
const VENDOR = './vendor';

interface Summary {
  total: number;
  failing: number;
  pass: number;
}

/** The run's own counts, from its JSON. */
function summaryOf(args: readonly string[]): Summary {
  const doc = JSON.parse(runCli(['evaluate', ...args, '--format', 'json']).stdout) as { summary: Summary };
  return doc.summary;
}

/** A document as a file, the way a CI step hands it on. */
function saved(name: string, args: readonly string[], format: string): { file: string; text: string; status: number | null } {
  const r = runCli(['evaluate', ...args, '--format', format, '--lang', 'en']);
  const file = join(dir, name);
  writeFileSync(file, r.stdout);
  return { file, text: r.stdout, status: r.status };
}

describe("GitLab's JUnit reading (Hash.from_xml on Nokogiri, Debian's Ruby)", () => {
  interface GitlabReport {
    suite_error: string | null;
    total: number;
    counts: Record<string, number>;
    cases: { suite_name: string; name: string; file: string | null; status: string; system_output: string | null }[];
  }
  const ruby = spawnSync('ruby', ['-e', 'require "active_support"; require "nokogiri"'], { encoding: 'utf8' });
  const gitlab = (file: string): GitlabReport => {
    const r = spawnSync('ruby', [join(ROOT, 'tests/ci/consumers/gitlab-junit.rb'), file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gitlab-junit.rb: ${r.stderr}`);
    return JSON.parse(r.stdout) as GitlabReport;
  };

  it('is available here (Debian: ruby, ruby-activesupport, ruby-nokogiri; .ci/run installs them)', () => {
    expect(ruby.status, `ruby with activesupport and nokogiri: ${ruby.stderr}`).toBe(0);
  });

  it('success: every check a case, failed ones what fail the gate, each with its reason and data file', () => {
    const doc = saved('ok.xml', MONTHLY, 'junit');
    const s = summaryOf(MONTHLY);
    const report = gitlab(doc.file);
    expect(report.suite_error).toBeNull();
    expect(report.total).toBe(s.total);
    expect((report.counts['failed'] ?? 0) + (report.counts['error'] ?? 0)).toBe(s.failing);
    expect(report.counts['success']).toBe(s.pass);
    for (const c of report.cases) {
      expect(c.file).toBe('examples/monthly-2024.csv');
      if (c.status !== 'success') expect(c.system_output?.trim()).toMatch(/\S/);
    }
    expect(report.cases.find((c) => c.name.startsWith('taicang: 养老护理人员持证上岗率'))).toMatchObject({ status: 'failed', suite_name: expect.stringMatching(/^taicang /) as unknown });
  });

  it('failure (exit 2): one case in error with the reason, never "0 tests, success"', () => {
    const doc = saved('fail.xml', BAD, 'junit');
    expect(doc.status).toBe(2);
    const report = gitlab(doc.file);
    expect(report.suite_error).toBeNull();
    expect(report.total).toBe(1);
    expect(report.counts).toEqual({ error: 1 });
    expect(report.cases[0]?.system_output).toContain('non-numeric.csv:2: error: value "十九"');
    // what an empty stdout gave GitLab: nothing to see, read as success
    const empty = join(dir, 'empty.xml');
    writeFileSync(empty, '');
    expect(gitlab(empty)).toMatchObject({ suite_error: null, total: 0 });
  });
});

describe("dorny/test-reporter's JUnit parser (vendored, MIT)", () => {
  const load = async (): Promise<{ JavaJunitParser: new (o: { parseErrors: boolean; trackedFiles: string[] }) => { parse(path: string, content: string): Promise<DornyRun> }; getAnnotations: (r: DornyRun[], max: number) => { title?: string; message: string; path: string; start_line: number; annotation_level: string }[] }> => {
    const { JavaJunitParser } = (await import(`${VENDOR}/test-reporter/src/parsers/java-junit/java-junit-parser.js`)) as unknown as { JavaJunitParser: never };
    const { getAnnotations } = (await import(`${VENDOR}/test-reporter/src/report/get-annotations.js`)) as unknown as { getAnnotations: never };
    return { JavaJunitParser, getAnnotations };
  };
  interface DornyRun {
    passed: number;
    failed: number;
    skipped: number;
    tests: number;
    result: string;
  }

  it('success: its counts are the run\'s, and its conclusion is failure when the gate fails', async () => {
    const { JavaJunitParser, getAnnotations } = await load();
    const doc = saved('ok-dorny.xml', MONTHLY, 'junit');
    const s = summaryOf(MONTHLY);
    const run = await new JavaJunitParser({ parseErrors: true, trackedFiles: ['examples/monthly-2024.csv'] }).parse('plancheck.xml', doc.text);
    expect(run.tests).toBe(s.total);
    expect(run.failed).toBe(s.failing);
    expect(run.passed).toBe(s.pass);
    expect(run.skipped).toBe(s.total - s.pass - s.failing);
    expect(run.result).toBe('failed');
    const notes = getAnnotations([run], 10);
    expect(notes).toHaveLength(s.failing);
    expect(notes.every((n) => n.annotation_level === 'failure' && /\S/.test(n.message))).toBe(true);
  });

  it('failure (exit 2): parsed, one failed test with the reason — an empty document crashed it', async () => {
    const { JavaJunitParser, getAnnotations } = await load();
    const doc = saved('fail-dorny.xml', BAD, 'junit');
    const run = await new JavaJunitParser({ parseErrors: true, trackedFiles: [] }).parse('plancheck.xml', doc.text);
    expect(run).toMatchObject({ tests: 1, failed: 1, passed: 0, result: 'failed' });
    expect(getAnnotations([run], 10)[0]?.message).toContain('value "十九"');
    await expect(new JavaJunitParser({ parseErrors: true, trackedFiles: [] }).parse('plancheck.xml', '')).rejects.toThrow(/Cannot read properties of null/);
  });
});

describe("mikepenz/action-junit-report's parser (vendored, Apache-2.0)", () => {
  interface Annotation {
    path: string;
    start_line: number;
    annotation_level: string;
    title: string;
    message: string;
  }
  interface TestResult {
    totalCount: number;
    failed: number;
    passed: number;
    skipped: number;
    foundFiles: number;
    globalAnnotations: Annotation[];
  }
  const parse = async (file: string): Promise<TestResult> => {
    const { parseTestReports } = (await import(`${VENDOR}/action-junit-report/src/testParser.js`)) as unknown as { parseTestReports: (...a: unknown[]) => Promise<TestResult> };
    // the action's defaults: check name, summary, report_paths, suite_regex, include_passed, annotate_notice,
    // check_retries, exclude_sources, check_title_template, bread_crumb_delimiter
    return parseTestReports('JUnit Test Report', '', file, '', false, false, false, ['/build/', '/__pycache__/'], undefined, '/');
  };

  it('success: its counts are the run\'s, and each failure is annotated at its data row, titled with its plan', async () => {
    const doc = saved('ok-mikepenz.xml', MONTHLY, 'junit');
    const s = summaryOf(MONTHLY);
    const result = await parse(doc.file);
    expect(result.foundFiles).toBe(1);
    expect(result.totalCount).toBe(s.total);
    expect(result.failed).toBe(s.failing);
    expect(result.passed).toBe(s.pass);
    const failures = result.globalAnnotations.filter((a) => a.annotation_level === 'failure');
    expect(failures).toHaveLength(s.failing);
    const behind = failures.find((a) => a.title.includes('suzhou: 接受上门服务的居家老年人数占比'));
    expect(behind).toMatchObject({ path: 'examples/monthly-2024.csv', start_line: 10 });
    const owed = failures.find((a) => a.title.includes('taicang: 养老护理人员持证上岗率'));
    expect(owed).toMatchObject({ path: 'examples/monthly-2024.csv', start_line: 21 });
    expect(failures.every((a) => existsSync(join(ROOT, a.path)))).toBe(true);
  });

  it('failure (exit 2): one failed test, annotated at the bad row — an empty document was "No test results found"', async () => {
    const doc = saved('fail-mikepenz.xml', BAD, 'junit');
    const result = await parse(doc.file);
    expect(result).toMatchObject({ totalCount: 1, failed: 1, passed: 0 });
    expect(result.globalAnnotations[0]).toMatchObject({ path: 'tests/fixtures/bad-data/non-numeric.csv', start_line: 2, annotation_level: 'failure' });
    const empty = join(dir, 'empty-mikepenz.xml');
    writeFileSync(empty, '');
    expect((await parse(empty)).totalCount).toBe(0);
  });
});

describe('the SARIF multitool with the SARIF and GitHub rules (@microsoft/sarif-multitool)', () => {
  const require = createRequire(import.meta.url);
  /** The self-contained binary the npm package ships for Linux (its bin.js runs it through a shell, which splits `Sarif;Gh`). */
  const binary = ((): string | undefined => {
    try {
      const bin = join(require.resolve('@microsoft/sarif-multitool-linux/package.json'), '..', 'Sarif.Multitool');
      accessSync(bin, constants.X_OK);
      return bin;
    } catch {
      return undefined;
    }
  })();

  interface Finding {
    ruleId: string;
    level?: string;
    message: { id?: string; text?: string; arguments?: string[] };
  }
  const validate = (file: string): Finding[] => {
    const out = `${file}.validation.sarif`;
    const r = spawnSync(binary as string, ['validate', '--rule-kind', 'Sarif;Gh', '--log', 'ForceOverwrite', '-o', out, file], { encoding: 'utf8', timeout: 120_000 });
    if (!existsSync(out)) throw new Error(`the multitool wrote nothing (exit ${r.status}): ${r.stdout}${r.stderr}`);
    const log = JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')) as { runs: { results?: Finding[] }[] };
    return log.runs.flatMap((x) => x.results ?? []);
  };
  const describeFinding = (f: Finding): string => `${f.ruleId} ${f.level ?? 'warning'} ${(f.message.arguments ?? []).join(' ')}`;

  it('is installed and runs here (the Linux build needs no .NET runtime)', () => {
    expect(binary, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool').toBeDefined();
  });

  it.each([
    { name: 'success (two plans, one period)', args: MONTHLY, status: 1 },
    { name: 'failure (exit 2)', args: BAD, status: 2 },
    { name: 'failure (a usage error)', args: [...BAD, '--period', '2024-06', '--year', '2024'], status: 2 },
  ])('$name: no error and no warning', ({ name, args, status }) => {
    const doc = saved(`${name.replace(/\W+/g, '-')}.sarif`, args, 'sarif');
    expect(doc.status).toBe(status);
    const findings = validate(doc.file);
    expect(findings.filter((f) => f.level !== 'note' && f.level !== 'none').map(describeFinding)).toEqual([]);
  });
});
