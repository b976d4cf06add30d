/**
 * The CI outputs as their consumers read them: JUnit by Jenkins (junit-10.xsd)
 * and GitLab (element text), SARIF by code scanning (the official schema,
 * locations in the repository), annotations by GitHub (files that exist).
 * Every document is also schema-checked by runCli itself.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, runCliIn } from '../helpers/run-cli.js';
import { assertValidSarif } from '../helpers/schemas.js';
import type { ResultCode } from '../../src/evaluate/result.js';
import { RULES } from '../../src/report/sarif.js';

const MONTHLY = ['--plan', 'suzhou', '--plan', 'taicang', '--period', '2024-06', 'examples/monthly-2024.csv'];

type Outcome = { '#text'?: string; '@_type'?: string };
interface Case {
  '@_name': string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
}

function cases(xml: string): Case[] {
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as { testsuites: { testsuite: { testcase: Case[] }[] } };
  return doc.testsuites.testsuite.flatMap((s) => s.testcase);
}

describe('JUnit: <failure> exactly for what fails the gate, reasons as element text', () => {
  it.each([
    { name: 'default (--fail-on binding)', flags: [] },
    { name: '--fail-on any', flags: ['--fail-on', 'any'] },
    { name: '--fail-on never', flags: ['--fail-on', 'never'] },
    { name: '--missing fail', flags: ['--missing', 'fail'] },
    { name: '--require complete', flags: ['--require', 'complete'] },
  ])('$name', ({ flags }) => {
    const json = runCli(['evaluate', ...MONTHLY, ...flags, '--format', 'json']);
    const xml = runCli(['evaluate', ...MONTHLY, ...flags, '--format', 'junit', '--lang', 'en']);
    expect(xml.status).toBe(json.status);
    const summary = (JSON.parse(json.stdout) as { summary: { failing: number; total: number; pass: number } }).summary;
    const all = cases(xml.stdout);
    const failed = all.filter((c) => c.failure !== undefined || c.error !== undefined);
    // what GitLab and Jenkins count as failed is what the exit code counts
    expect(failed).toHaveLength(summary.failing);
    expect(xml.status).toBe(summary.failing > 0 ? 1 : 0);
    expect(all).toHaveLength(summary.total);
    // every other check that did not pass is visible as skipped
    expect(all.filter((c) => c.skipped !== undefined)).toHaveLength(summary.total - summary.pass - summary.failing);
    // GitLab (Hash.from_xml) keeps only the element's text: it is never empty; and a
    // `type` that Rails typecasts by (integer, yaml, …) would change or refuse it
    for (const c of all) {
      for (const el of [c.failure, c.error, c.skipped]) {
        if (el === undefined) continue;
        expect(el['#text']?.trim()).toMatch(/\S/);
        expect(el['@_type']).toMatch(/^[A-Z][A-Z_]+$/);
      }
    }
  });

  it('names with markup characters, ]]> and control characters still give valid JUnit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-xml-'));
    const plan = readFileSync(join(FIXTURES, 'two-regions/other.yaml'), 'utf8')
      .replace(/^title: .*$/m, 'title: "A&B <规划> \\"q\\" \'s ]]> \\x01\\x1f end"')
      .replace('name: 护理型床位占比', 'name: "护理型床位]]>占比 &<"');
    writeFileSync(join(dir, 'plan.yaml'), plan);
    const rows = readFileSync(join(FIXTURES, 'two-regions/monthly.csv'), 'utf8').split('\n').filter((l) => !/第三市|测试市/.test(l));
    writeFileSync(join(dir, 'data.csv'), rows.join('\n').replace(/护理型床位占比/g, 'nursing_bed_share'));
    // runCli validates the document against junit-10.xsd
    const r = runCli(['evaluate', '--plan', join(dir, 'plan.yaml'), join(dir, 'data.csv'), '--period', '2024-06', '--format', 'junit']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('name="other A&amp;B &lt;规划&gt; &quot;q&quot; &apos;s ]]&gt;  end"');
    expect(r.stdout).toContain('护理型床位]]&gt;占比 &amp;&lt; [nursing_bed_share]');
  });

  it('a 预期性 shortfall under --fail-on binding is skipped with the reason it does not count', () => {
    const all = cases(runCli(['evaluate', ...MONTHLY, '--format', 'junit', '--lang', 'en']).stdout);
    const rule = all.find((c) => c['@_name'].includes('special_hardship_vs_low_income'));
    expect(rule?.failure).toBeUndefined();
    expect(rule?.skipped?.['#text']).toContain('not counted as a failure under --fail-on binding');
  });
});

/** A user's repository: their own plan, and data files with names that need encoding. */
function userRepo(dataName: string, keep: (line: string) => boolean = () => true): { dir: string; data: string; plan: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-repo-'));
  mkdirSync(join(dir, 'plans'));
  mkdirSync(join(dir, 'data'));
  const plan = 'plans/我们的 规划.yaml';
  copyFileSync(join(FIXTURES, 'two-regions/other.yaml'), join(dir, plan));
  const lines = readFileSync(join(FIXTURES, 'two-regions/monthly.csv'), 'utf8').split('\n');
  writeFileSync(join(dir, 'data', dataName), [lines[0], ...lines.slice(1).filter(keep)].join('\n'));
  return { dir, data: `data/${dataName}`, plan };
}

/** `file=…,line=…` of every annotation. */
function annotated(out: string): { level: string; file?: string; line?: number; title?: string; text: string }[] {
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = /^::(\w+)(?: (.*?))?::(.*)$/.exec(l);
      if (!m) throw new Error(`not a workflow command: ${l}`);
      const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => p.split('=').map((x) => decodeURIComponent(x)) as [string, string]));
      return { level: m[1] as string, ...(props['file'] ? { file: props['file'] } : {}), ...(props['line'] ? { line: Number(props['line']) } : {}), ...(props['title'] ? { title: props['title'] } : {}), text: decodeURIComponent(m[3] as string) };
    });
}

function expectFilesExist(root: string, files: readonly (string | undefined)[]): void {
  for (const f of files) if (f !== undefined) expect(existsSync(join(root, f)), f).toBe(true);
}

describe('locations the user can open', () => {
  it('a monthly flow owed for six months: one annotation at the data file, one at the plan line, months merged', () => {
    const repo = userRepo('2024-06.csv', (l) => !l.startsWith('另一市,2024-0'));
    const r = runCliIn(repo.dir, ['evaluate', '--plan', repo.plan, repo.data, '--period', '2024-06', '--require', 'complete', '--format', 'github', '--lang', 'en']);
    expect(r.status).toBe(1);
    const notes = annotated(r.stdout);
    const repairs = notes.filter((n) => n.title === 'other: 家庭适老化改造户数');
    expect(repairs.map((n) => [n.level, n.file, n.line])).toEqual([
      ['error', 'data/2024-06.csv', 1],
      ['notice', 'plans/我们的 规划.yaml', 7],
    ]);
    expect(repairs[0]?.text).toContain('2024-01, 2024-02, 2024-03, 2024-04, 2024-05, 2024-06');
    expectFilesExist(repo.dir, notes.map((n) => n.file));
  });

  it('SARIF: a data file named with Chinese, spaces and # is a percent-encoded URI that resolves in the repository', () => {
    const name = '民政 数据#6月.csv';
    const repo = userRepo(name, (l) => !l.startsWith('另一市,2024-04'));
    const r = runCliIn(repo.dir, ['evaluate', '--plan', repo.plan, repo.data, '--period', '2024-06', '--require', 'complete', '--format', 'sarif']);
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = log.runs.flatMap((x) => x.results.flatMap((res) => [...res.locations, ...(res.relatedLocations ?? [])].map((l) => l.physicalLocation.artifactLocation.uri)));
    expect(uris).toContain(`data/${encodeURIComponent(name)}`);
    expect(uris).toContain('plans/%E6%88%91%E4%BB%AC%E7%9A%84%20%E8%A7%84%E5%88%92.yaml');
    expectFilesExist(repo.dir, uris.map((u) => decodeURIComponent(u)));
    // the schema is what rejects the unencoded name
    const raw = r.stdout.replace(`data/${encodeURIComponent(name)}`, `data/${name}`);
    expect(() => assertValidSarif(raw)).toThrow(/uri-reference/);
  });

  it('--repo-root: paths relative to the repository root; a file outside it gets no location', () => {
    const r = runCli(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', '--plan', 'tests/fixtures/two-regions/other.yaml', 'tests/fixtures/two-regions/monthly.csv', '--period', '2024-06', '--require', 'complete', '--format', 'github', '--repo-root', 'tests/fixtures/two-regions']);
    const notes = annotated(r.stdout);
    // 家庭适老化改造户数 owes April: annotated at its last row (June); 测试市's run fails as a whole (no data for June), at the header
    expect(notes.filter((n) => n.level === 'error').map((n) => [n.file, n.line])).toEqual([
      ['monthly.csv', 1],
      ['monthly.csv', 7],
    ]);
    expectFilesExist(join(ROOT, 'tests/fixtures/two-regions'), notes.map((n) => n.file));
    const outside = runCli(['evaluate', '--plan', 'tests/fixtures/two-regions/other.yaml', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/two-regions/monthly.csv', '--period', '2024-06', '--require', 'complete', '--format', 'github', '--repo-root', 'tests/fixtures/basic']);
    expect(annotated(outside.stdout).filter((n) => n.level === 'error').every((n) => n.file === undefined || existsSync(join(ROOT, 'tests/fixtures/basic', n.file)))).toBe(true);
    // code scanning refuses a result without a location: such findings are notifications
    const sarif = runCli(['evaluate', '--plan', 'tests/fixtures/two-regions/other.yaml', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/two-regions/monthly.csv', '--period', '2024-06', '--require', 'complete', '--format', 'sarif', '--repo-root', 'tests/fixtures/basic']);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { locations: unknown[] }[]; invocations?: { toolExecutionNotifications: { descriptor: { id: string } }[] }[] }[] };
    expect(log.runs.flatMap((x) => x.results).every((x) => x.locations.length === 1)).toBe(true);
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.invocations?.[0]?.toolExecutionNotifications.map((n) => n.descriptor.id)).toEqual(['INCOMPLETE']);
  });

  it('bundled plans are never named: they are not in the user\'s repository', () => {
    const r = runCli(['evaluate', ...MONTHLY, '--require', 'complete', '--format', 'sarif']);
    expect(r.stdout).not.toContain('plans/');
    expect(runCli(['evaluate', ...MONTHLY, '--require', 'complete', '--format', 'github']).stdout).not.toContain('plans/');
  });

  it('data errors (exit 2) and data warnings are annotated at their file and line', () => {
    const bad = runCli(['evaluate', '--plan', 'tests/fixtures/basic/plan.yaml', 'tests/fixtures/bad-data/non-numeric.csv', '--format', 'github', '--lang', 'en']);
    expect(bad.status).toBe(2);
    const errors = annotated(bad.stdout);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((n) => n.level === 'error' && n.file === 'tests/fixtures/bad-data/non-numeric.csv' && typeof n.line === 'number')).toBe(true);
    expect(bad.stderr).toMatch(/non-numeric.csv:2: error/);

    const dir = mkdtempSync(join(tmpdir(), 'plancheck-warn-'));
    const data = join(dir, 'extra-column.csv');
    writeFileSync(data, readFileSync(join(FIXTURES, 'basic/data.csv'), 'utf8').replace(/\n/g, ',x\n').replace(/^([^\n]*),x\n/, '$1,批注\n'));
    const warn = runCliIn(dir, ['evaluate', '--plan', join(FIXTURES, 'basic/plan.yaml'), 'extra-column.csv', '--format', 'github', '--lang', 'en']);
    expect(annotated(warn.stdout)).toContainEqual(expect.objectContaining({ level: 'warning', file: 'extra-column.csv', line: 1, title: 'CSV_COLUMN' }));
  });
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('gets the Markdown report appended, whatever --format says', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'plancheck-summary-')), 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const r = runCli(['evaluate', ...MONTHLY, '--format', 'github', '--lang', 'en'], { GITHUB_STEP_SUMMARY: summary });
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('earlier step\n## plancheck: ')).toBe(true);
    expect(text).toBe(`earlier step\n${runCli(['evaluate', ...MONTHLY, '--format', 'markdown', '--lang', 'en']).stdout}`);
    expect(r.stdout).toMatch(/^::/);
  });
});

describe('machine outputs are the same in every locale', () => {
  /** Every path whose value differs between two documents of the same shape. */
  function differing(a: unknown, b: unknown, path = ''): Set<string> {
    const out = new Set<string>();
    if (Array.isArray(a) && Array.isArray(b)) {
      expect(a.length).toBe(b.length);
      a.forEach((x, i) => differing(x, b[i], `${path}/[]`).forEach((p) => out.add(p)));
    } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
      expect(Object.keys(a)).toEqual(Object.keys(b));
      for (const k of Object.keys(a)) differing((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`).forEach((p) => out.add(p));
    } else if (a !== b) out.add(path);
    return out;
  }
  const zh = { LANG: 'zh_CN.UTF-8' };

  it('result JSON: only the text written for people (message, expected.text, warnings\' message) follows the locale', () => {
    const args = ['evaluate', ...MONTHLY, '--require', 'complete', '--format', 'json'];
    const d = differing(JSON.parse(runCli(args).stdout), JSON.parse(runCli(args, zh).stdout));
    expect([...d].sort()).toEqual(['/plans/[]/results/[]/expected/text', '/plans/[]/results/[]/message', '/warnings/[]/message']);
  });

  it('SARIF: only message texts follow the locale', () => {
    const args = ['evaluate', ...MONTHLY, '--require', 'complete', '--format', 'sarif'];
    const d = differing(JSON.parse(runCli(args).stdout), JSON.parse(runCli(args, zh).stdout));
    expect([...d].every((p) => p.endsWith('/message/text'))).toBe(true);
  });

  it('diff JSON does not depend on the locale at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-locale-'));
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, runCli(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2023.csv', '--format', 'json']).stdout);
    writeFileSync(b, runCli(['evaluate', '--plan', 'suzhou', 'examples/suzhou-2024.csv', '--format', 'json']).stdout);
    expect(runCli(['diff', a, b, '--format', 'json'], zh).stdout).toBe(runCli(['diff', a, b, '--format', 'json']).stdout);
  });
});

describe('SARIF rules explain themselves', () => {
  it('each rule has a full description, a default level, and a helpUri to its README entry', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const log = JSON.parse(runCli(['evaluate', ...MONTHLY, '--require', 'complete', '--fail-on', 'any', '--format', 'sarif']).stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string; fullDescription: { text: string }; defaultConfiguration: { level: string } }[] } } }[] };
    const rules = log.runs.flatMap((r) => r.tool.driver.rules);
    expect(new Set(rules.map((r) => r.id))).toEqual(new Set(['BEHIND_MILESTONE', 'INCOMPLETE', 'RULE_VIOLATED']));
    for (const r of rules) {
      expect(r.fullDescription.text.length).toBeGreaterThan(20);
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
      const anchor = new URL(r.helpUri).hash.slice(1);
      expect(readme).toContain(`<a id="${anchor}"></a>\`${r.id}\``);
    }
    // and every result code, and the evaluation's own failure NO_DATA, has its entry: real text, a level, an anchor in the README
    const nonPassing: (ResultCode | 'NO_DATA')[] = ['TARGET_NOT_MET', 'BEHIND_MILESTONE', 'RULE_VIOLATED', 'INPUT_MISSING', 'INCOMPLETE', 'REPORTED_ABSENT', 'BOUND_UNDETERMINED', 'EVAL_ERROR', 'IMPLAUSIBLE', 'NO_DATA'];
    for (const code of Object.keys(RULES) as (keyof typeof RULES)[]) {
      const rule = RULES[code];
      expect(rule.full.length, code).toBeGreaterThan(40);
      expect(rule.short).not.toBe(code);
      expect(rule.name.toLowerCase()).not.toBe(code.toLowerCase());
      expect(readme).toContain(`<a id="${code.toLowerCase()}"></a>\`${code}\``);
    }
    for (const code of nonPassing) expect(RULES[code].level, code).not.toBe('note');
    // an implausible value makes the check an error: the rule says so by default
    expect(RULES.IMPLAUSIBLE.level).toBe('error');
  });
});

describe('in a GitHub Actions job run from a subfolder', () => {
  it('paths are relative to $GITHUB_WORKSPACE', () => {
    const repo = userRepo('2024-06.csv', (l) => !l.startsWith('另一市,2024-04'));
    const r = runCliIn(join(repo.dir, 'data'), ['evaluate', '--plan', `../${repo.plan}`, '2024-06.csv', '--period', '2024-06', '--require', 'complete', '--format', 'github'], { GITHUB_WORKSPACE: repo.dir });
    const notes = annotated(r.stdout);
    expect(new Set(notes.map((n) => n.file))).toEqual(new Set(['data/2024-06.csv', 'plans/我们的 规划.yaml']));
    expectFilesExist(repo.dir, notes.map((n) => n.file));
  });
});
